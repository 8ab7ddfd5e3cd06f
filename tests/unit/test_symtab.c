/* test_symtab.c — the table of declared names (src/model/symtab.h): blocks
 * by (kind, name), newest first, across growth; and sym_find_hashed, which
 * resolve_ref uses to hash a name once for two tables, answering as
 * sym_find does; a hash whose low bits spread; and the bits of the kinds a
 * table holds. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/symtab.h"

#include <stdbool.h>
#include <stdio.h>

static void test_symtab_find(void **state)
{
    (void)state;
    Arena *a = arena_new();
    /* Two kinds (any distinct addresses) and enough names to grow. */
    int k1, k2;
    const struct Schema *kind1 = (const struct Schema *)&k1, *kind2 = (const struct Schema *)&k2;
    SymTab t, other;
    sym_init(&t, a);
    sym_init(&other, a);
    char *names[300];
    for (int i = 0; i < 300; i++) {
        names[i] = arena_printf(a, "goal.name_%d", i);
        sym_add(&t, kind1, names[i], (struct Block *)(uintptr_t)(i + 1));
    }
    /* A second block of one name, and the same name in another kind. */
    sym_add(&t, kind1, "goal.name_7", (struct Block *)(uintptr_t)1000);
    sym_add(&t, kind2, "goal.name_7", (struct Block *)(uintptr_t)2000);
    for (int i = 0; i < 300; i++) {
        size_t h = sym_hash(kind1, names[i]);
        SymEntry *e = sym_find_hashed(&t, kind1, names[i], h);
        assert_ptr_equal(e, sym_find(&t, kind1, names[i]));
        assert_non_null(e);
        if (i == 7) {
            assert_int_equal((uintptr_t)e->block, 1000);
            assert_int_equal((uintptr_t)e->next_same->block, 8);
            assert_null(e->next_same->next_same);
        } else {
            assert_int_equal((uintptr_t)e->block, i + 1);
            assert_null(e->next_same);
        }
        /* One hash asks several tables. */
        assert_null(sym_find_hashed(&other, kind1, names[i], h));
    }
    assert_int_equal((uintptr_t)sym_find(&t, kind2, "goal.name_7")->block, 2000);
    assert_null(sym_find(&t, kind2, "goal.name_8"));
    assert_null(sym_find(&t, kind1, "goal.name_300"));
    assert_int_not_equal(sym_hash(kind1, "x"), sym_hash(kind2, "x"));
    /* A table never initialised finds nothing. */
    SymTab none = {0};
    assert_null(sym_find(&none, kind1, "goal.name_1"));
    assert_null(sym_find_hashed(&none, kind1, "goal.name_1", sym_hash(kind1, "goal.name_1")));
    arena_free(a);
}

/* The table reads a hash's low bits: names that differ only at their end
 * (a batch's kursus_0000001, kursus_0000002, ...; short names too) must
 * spread over them, or every lookup walks one long cluster. */
static void test_symtab_hash_spreads(void **state)
{
    (void)state;
    int k;
    const struct Schema *kind = (const struct Schema *)&k;
    const char *forms[] = {"kursus_%07d", "%d", "goal.recovery_and_hope_%03d", "m%d"};
    for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
        bool seen[256] = {false};
        int distinct = 0;
        for (int i = 0; i < 256; i++) {
            char name[64];
            snprintf(name, sizeof name, forms[f], i + 1);
            size_t low = sym_hash(kind, name) & 255;
            distinct += !seen[low];
            seen[low] = true;
        }
        /* 256 random values fill about 162 of 256 slots. */
        if (distinct < 140)
            fail_msg("names of the form %s fill %d of 256 low-bit slots", forms[f], distinct);
    }
}

/* SymTab.kinds: a lookup of a kind the table holds none of answers at
 * once, and one that shares a bit with a kind it holds still probes. Kinds
 * 16 bytes apart, more than the 64 bits: every bit is shared. */
static void test_symtab_kinds(void **state)
{
    (void)state;
    Arena *a = arena_new();
    static _Alignas(16) char kinds[200][16];
    SymTab t;
    sym_init(&t, a);
    assert_int_equal(t.kinds, 0);
    for (int i = 0; i < 100; i++)
        sym_add(&t, (const struct Schema *)kinds[i], "x", (struct Block *)(uintptr_t)(i + 1));
    for (int i = 0; i < 200; i++) {
        const struct Schema *k = (const struct Schema *)kinds[i];
        SymEntry *e = sym_find(&t, k, "x");
        if (i < 100) {
            assert_non_null(e);
            assert_int_equal((uintptr_t)e->block, i + 1);
        } else {
            /* Its bit is kind i - 64's or i - 128's: probed, not there. */
            assert_true(t.kinds & sym_kind_bit(k));
            assert_null(e);
        }
        assert_ptr_equal(sym_find_hashed(&t, k, "x", sym_hash(k, "x")), e);
        assert_null(sym_find(&t, k, "y"));
    }
    /* Initialised again (a batch item's own table): empty, of no kind. */
    sym_init(&t, a);
    assert_int_equal(t.kinds, 0);
    assert_null(sym_find(&t, (const struct Schema *)kinds[0], "x"));
    arena_free(a);
}

/* Each filled slot holds its entry's hash (a probe passing an entry of
 * another name reads the slot alone), across growth, and a lookup answers
 * by it: the entries' kinds and names are compared only on a slot whose
 * hash is the one looked up. */
static void test_symtab_slot_hashes(void **state)
{
    (void)state;
    Arena *a = arena_new();
    int k;
    const struct Schema *kind = (const struct Schema *)&k;
    SymTab t;
    sym_init(&t, a);
    char *names[500];
    for (int i = 0; i < 500; i++) {
        names[i] = arena_printf(a, "kursus_%07d", i);
        sym_add(&t, kind, names[i], (struct Block *)(uintptr_t)(i + 1));
    }
    size_t filled = 0;
    for (size_t i = 0; i < t.cap; i++) {
        if (!t.slots[i].e)
            continue;
        filled++;
        assert_int_equal(t.slots[i].hash, sym_hash(t.slots[i].e->kind, t.slots[i].e->name));
    }
    assert_int_equal(filled, 500);
    assert_int_equal(t.n, 500);
    /* A slot whose hash is not the name's is passed over, its entry unread:
     * with every other slot's hash made wrong, each name is still found,
     * and a name whose slot's hash is wrong is not. */
    SymSlot *mine = sym_slot(t.slots, t.cap, kind, names[42], sym_hash(kind, names[42]));
    assert_ptr_equal(mine->e, sym_find(&t, kind, names[42]));
    mine->hash ^= 1;
    assert_null(sym_find(&t, kind, names[42]));
    mine->hash ^= 1;
    assert_int_equal((uintptr_t)sym_find(&t, kind, names[42])->block, 43);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_symtab_find),
        cmocka_unit_test(test_symtab_hash_spreads),
        cmocka_unit_test(test_symtab_kinds),
        cmocka_unit_test(test_symtab_slot_hashes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
