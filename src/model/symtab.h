/* symtab.h — names of declared blocks by (kind, name): the top-level
 * declarations and the named nested blocks (goals, targets, modules). A
 * name may be declared by several blocks of a kind (every course has its
 * own `peers` target): a lookup gives them all, newest first. Lookups are
 * O(1), so resolving a file is linear in its size. */
#ifndef RAMME_SYMTAB_H
#define RAMME_SYMTAB_H

#include "base/arena.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct Block;
struct Schema;

typedef struct SymEntry {
    const struct Schema *kind;
    const char *name;
    struct Block *block;
    struct SymEntry *next_same; /* older blocks of the same kind and name */
} SymEntry;

/* A slot holds its entry's hash: a probe that passes an entry of another
 * name reads the slot's line alone. A batch's table of the names seen (one
 * a course: 100,000 on the large file) is megabytes, every line of it
 * cold; reading each probed entry's hash was 43% of sym_find's time there
 * (perf), a second miss a probe. */
typedef struct SymSlot {
    size_t hash;
    SymEntry *e; /* NULL: empty */
} SymSlot;
_Static_assert(sizeof(SymSlot) == 16, "four slots a line");

typedef struct SymTab {
    SymSlot *slots;   /* open addressing; each slot the newest of a (kind, name) */
    size_t cap, n;
    Arena *arena;
    uint64_t kinds;   /* a bit for each kind filed (sym_kind_bit): a lookup of a
                       * kind the table holds none of answers without a probe */
} SymTab;

void sym_init(SymTab *t, Arena *a);
void sym_add(SymTab *t, const struct Schema *kind, const char *name, struct Block *b);
/* The newest block of that kind and name, or NULL; older ones via next_same. */
SymEntry *sym_find(const SymTab *t, const struct Schema *kind, const char *name);
/* The hash the tables file (kind, name) under: hashing the name is most of
 * a lookup, so a caller that looks one name up in several tables hashes it
 * once and asks each with sym_find_hashed. */
size_t sym_hash(const struct Schema *kind, const char *name);

/* The kind's bit in SymTab.kinds: kinds are blocks of an arena, 16 bytes
 * apart at the least. Two kinds may share a bit; then a probe tells. */
static inline uint64_t sym_kind_bit(const struct Schema *kind)
{
    return (uint64_t)1 << (((uintptr_t)kind >> 4) & 63);
}

/* The slot of (kind, name) in slots: its entry, or the empty slot it goes
 * in. An entry is read only when its slot's hash is h. */
static inline SymSlot *sym_slot(SymSlot *slots, size_t cap, const struct Schema *kind, const char *name, size_t h)
{
    size_t i = h & (cap - 1);
    while (slots[i].e && !(slots[i].hash == h && slots[i].e->kind == kind && strcmp(slots[i].e->name, name) == 0))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

/* Inline: a reference is looked up in two tables (a batch item's names and
 * the program's), mostly in one that holds no block of its kind. */
static inline SymEntry *sym_find_hashed(const SymTab *t, const struct Schema *kind, const char *name, size_t hash)
{
    if (!(t->kinds & sym_kind_bit(kind)))
        return NULL; /* none of that kind (a table never initialised: none at all) */
    return sym_slot(t->slots, t->cap, kind, name, hash)->e;
}

#endif
