/* symtab.c — an open-addressing hash table in the compilation's arena. */
#include "model/symtab.h"

#include <stdint.h>
#include <string.h>

size_t sym_hash(const struct Schema *kind, const char *name)
{
    /* Eight bytes at a time, the last word overlapping the one before: the
     * names are dotted paths of ten to thirty bytes (recovery.hope), and
     * FNV-1a's byte at a time was most of a lookup. A multiply carries a
     * byte's difference only upwards; the table reads the low bits, so
     * murmur3's finaliser brings the high ones down. Only this process
     * reads the hashes: the byte order does not matter. */
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    size_t n = strlen(name);
    uint64_t h = ((uint64_t)(uintptr_t)kind ^ n) * k, w = 0;
    if (n < 8) {
        for (size_t i = 0; i < n; i++)
            w |= (uint64_t)(unsigned char)name[i] << (8 * i);
    } else {
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&w, name + i, 8);
            h = (h ^ w) * k;
        }
        memcpy(&w, name + n - 8, 8);
    }
    h = (h ^ w) * k;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return (size_t)h;
}

void sym_init(SymTab *t, Arena *a)
{
    t->arena = a;
    t->cap = 64;
    t->n = 0;
    t->kinds = 0;
    t->slots = arena_array(a, t->cap, sizeof *t->slots);
}

static void grow(SymTab *t)
{
    size_t cap = t->cap * 2;
    SymSlot *slots = arena_array(t->arena, cap, sizeof *slots);
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].e)
            *sym_slot(slots, cap, t->slots[i].e->kind, t->slots[i].e->name, t->slots[i].hash) = t->slots[i];
    t->slots = slots;
    t->cap = cap;
}

void sym_add(SymTab *t, const struct Schema *kind, const char *name, struct Block *b)
{
    if ((t->n + 1) * 2 > t->cap)
        grow(t);
    size_t h = sym_hash(kind, name);
    SymSlot *s = sym_slot(t->slots, t->cap, kind, name, h);
    SymEntry *e = arena_alloc(t->arena, sizeof *e);
    e->kind = kind;
    e->name = name;
    e->block = b;
    e->next_same = s->e;
    if (!s->e)
        t->n++;
    *s = (SymSlot){h, e};
    t->kinds |= sym_kind_bit(kind);
}

SymEntry *sym_find(const SymTab *t, const struct Schema *kind, const char *name)
{
    if (!(t->kinds & sym_kind_bit(kind)))
        return NULL; /* not hashed: nothing of that kind */
    return sym_find_hashed(t, kind, name, sym_hash(kind, name));
}
