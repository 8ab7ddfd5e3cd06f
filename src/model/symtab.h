/* symtab.h — names of declared blocks by (kind, name): the top-level
 * declarations and the named nested blocks (goals, targets, modules). A
 * name may be declared by several blocks of a kind (every course has its
 * own `peers` target): a lookup gives them all, newest first. Lookups are
 * O(1), so resolving a file is linear in its size. */
#ifndef RAMME_SYMTAB_H
#define RAMME_SYMTAB_H

#include "base/arena.h"

#include <stddef.h>

struct Block;
struct Schema;

typedef struct SymEntry {
    const struct Schema *kind;
    const char *name;
    struct Block *block;
    size_t hash;
    struct SymEntry *next_same; /* older blocks of the same kind and name */
} SymEntry;

typedef struct SymTab {
    SymEntry **slots; /* open addressing; each slot the newest of a (kind, name) */
    size_t cap, n;
    Arena *arena;
} SymTab;

void sym_init(SymTab *t, Arena *a);
void sym_add(SymTab *t, const struct Schema *kind, const char *name, struct Block *b);
/* The newest block of that kind and name, or NULL; older ones via next_same. */
SymEntry *sym_find(const SymTab *t, const struct Schema *kind, const char *name);
/* The hash the tables file (kind, name) under: hashing the name is most of
 * a lookup, so a caller that looks one name up in several tables hashes it
 * once and asks each with sym_find_hashed. */
size_t sym_hash(const struct Schema *kind, const char *name);
SymEntry *sym_find_hashed(const SymTab *t, const struct Schema *kind, const char *name, size_t hash);

#endif
