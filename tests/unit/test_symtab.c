/* test_symtab.c — the table of declared names (src/model/symtab.h): blocks
 * by (kind, name), newest first, across growth; and sym_find_hashed, which
 * resolve_ref uses to hash a name once for two tables, answering as
 * sym_find does. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/symtab.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_symtab_find),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
