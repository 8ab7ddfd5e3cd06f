/* test_plan_conflict.c — a minimal conflict by deletion (src/apps/
 * plan_conflict.h), with oracles whose conflicts are known: "a plan exists
 * unless every requirement of some forbidden set is enforced". Every
 * answer is checked to be a conflict and minimal, against the oracle
 * itself, and the relaxations against the oracle's penalties. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "apps/plan_conflict.h"

#include <string.h>

/* Infeasible exactly when every member of one of the sets is on; the
 * penalty of a plan is the number of requirements off, times 10. */
typedef struct Forbid {
    int nsets;
    unsigned sets[4]; /* bit i: requirement i */
    int n;
    int calls;
} Forbid;

static bool forbid_fits(void *ctx, const bool *on, int64_t *penalty)
{
    Forbid *f = ctx;
    f->calls++;
    unsigned m = 0;
    int off = 0;
    for (int i = 0; i < f->n; i++) {
        if (on[i])
            m |= 1u << i;
        else
            off++;
    }
    for (int s = 0; s < f->nsets; s++)
        if ((m & f->sets[s]) == f->sets[s])
            return false;
    *penalty = 10 * off;
    return true;
}

/* The marked set is a conflict, and minimal. */
static void assert_minimal(Forbid *f, const bool *in)
{
    bool on[32];
    int64_t pen;
    memcpy(on, in, sizeof(bool) * (size_t)f->n);
    assert_false(forbid_fits(f, on, &pen));
    for (int i = 0; i < f->n; i++)
        if (in[i]) {
            on[i] = false;
            assert_true(forbid_fits(f, on, &pen));
            on[i] = true;
        }
}

static void test_single_set(void **state)
{
    (void)state;
    Forbid f = {1, {0x14}, 6, 0}; /* requirements 2 and 4 together */
    ConflictOracle o = {&f, forbid_fits};
    bool in[6];
    int64_t relaxed[6];
    assert_int_equal(plan_conflict(&o, 6, in, relaxed), 2);
    /* One call with none enforced, one per requirement, one per member. */
    assert_int_equal(f.calls, 1 + 6 + 2);
    assert_true(in[2] && in[4]);
    assert_false(in[0] || in[1] || in[3] || in[5]);
    /* Dropping one of them, the other five enforced: one off, penalty 10. */
    assert_int_equal(relaxed[2], 10);
    assert_int_equal(relaxed[4], 10);
    assert_minimal(&f, in);
}

/* Several conflicts: the one found is minimal, and deletion keeps the
 * requirements listed last when both would do. */
static void test_two_sets(void **state)
{
    (void)state;
    Forbid f = {2, {0x03, 0x30}, 6, 0}; /* {0, 1} and {4, 5} */
    ConflictOracle o = {&f, forbid_fits};
    bool in[6];
    int64_t relaxed[6];
    assert_int_equal(plan_conflict(&o, 6, in, relaxed), 2);
    assert_true(in[4] && in[5]);
    assert_minimal(&f, in);
    /* Dropping 4 alone leaves {0, 1} on: still nothing fits. */
    assert_int_equal(relaxed[4], -1);
    assert_int_equal(relaxed[5], -1);
}

/* Nothing fits even with no requirement enforced. */
static void test_hopeless(void **state)
{
    (void)state;
    Forbid f = {1, {0}, 3, 0}; /* the empty set: always infeasible */
    ConflictOracle o = {&f, forbid_fits};
    bool in[3];
    int64_t relaxed[3];
    assert_int_equal(plan_conflict(&o, 3, in, relaxed), 0);
    assert_false(in[0] || in[1] || in[2]);
}

/* Every forbidden pair among eight requirements, and every triple of a
 * sample: the conflict found is always minimal. */
static void test_many(void **state)
{
    (void)state;
    for (unsigned a = 1; a < 256; a += 7) {
        for (unsigned b = 1; b < 256; b += 31) {
            Forbid f = {2, {a, b}, 8, 0};
            ConflictOracle o = {&f, forbid_fits};
            bool in[8];
            int64_t relaxed[8];
            int n = plan_conflict(&o, 8, in, relaxed);
            assert_true(n > 0);
            assert_minimal(&f, in);
            unsigned m = 0;
            for (int i = 0; i < 8; i++)
                m |= in[i] ? 1u << i : 0;
            assert_true(m == a || m == b); /* a minimal conflict of this oracle is one of its sets */
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_set),
        cmocka_unit_test(test_two_sets),
        cmocka_unit_test(test_hopeless),
        cmocka_unit_test(test_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
