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
    int priced; /* calls that asked for a penalty */
} Forbid;

static OracleAnswer forbid_fits(void *ctx, const bool *on, int64_t *penalty)
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
    f->priced += penalty != NULL;
    for (int s = 0; s < f->nsets; s++)
        if ((m & f->sets[s]) == f->sets[s])
            return ORACLE_NO;
    if (penalty)
        *penalty = 10 * off;
    return ORACLE_FITS;
}

/* The marked set is a conflict, and minimal. */
static void assert_minimal(Forbid *f, const bool *in)
{
    bool on[32];
    int64_t pen;
    memcpy(on, in, sizeof(bool) * (size_t)f->n);
    assert_int_equal(forbid_fits(f, on, &pen), ORACLE_NO);
    for (int i = 0; i < f->n; i++)
        if (in[i]) {
            on[i] = false;
            assert_int_equal(forbid_fits(f, on, &pen), ORACLE_FITS);
            on[i] = true;
        }
}

static void test_single_set(void **state)
{
    (void)state;
    Forbid f = {1, {0x14}, 6, 0, 0}; /* requirements 2 and 4 together */
    ConflictOracle o = {&f, forbid_fits};
    bool in[6];
    int64_t relaxed[6];
    bool minimal;
    assert_int_equal(plan_conflict(&o, 6, in, relaxed, &minimal), 2);
    assert_true(minimal);
    /* None enforced; then [0,6) cannot go (the same question: not asked
     * again), [0,3) cannot, 0 goes, [1,3) cannot (0 gone: the question of
     * [0,3) again), 1 goes, 2 stays (1 gone: that of [1,3)), [3,6) cannot,
     * 3 goes, [4,6) cannot (that of [3,6)), 4 stays, 5 goes: 7 asked;
     * then one call per member. */
    assert_int_equal(f.calls, 1 + 7 + 2);
    /* Only the relaxations are priced: the rest ask whether a plan exists,
     * which the planner answers at its first plan. */
    assert_int_equal(f.priced, 2);
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
    Forbid f = {2, {0x03, 0x30}, 6, 0, 0}; /* {0, 1} and {4, 5} */
    ConflictOracle o = {&f, forbid_fits};
    bool in[6];
    int64_t relaxed[6];
    bool minimal;
    assert_int_equal(plan_conflict(&o, 6, in, relaxed, &minimal), 2);
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
    Forbid f = {1, {0}, 3, 0, 0}; /* the empty set: always infeasible */
    ConflictOracle o = {&f, forbid_fits};
    bool in[3];
    int64_t relaxed[3];
    bool minimal;
    assert_int_equal(plan_conflict(&o, 3, in, relaxed, &minimal), 0);
    assert_false(in[0] || in[1] || in[2]);
}

/* Every forbidden pair among eight requirements, and every triple of a
 * sample: the conflict found is always minimal. */
static void test_many(void **state)
{
    (void)state;
    for (unsigned a = 1; a < 256; a += 7) {
        for (unsigned b = 1; b < 256; b += 31) {
            Forbid f = {2, {a, b}, 8, 0, 0};
            ConflictOracle o = {&f, forbid_fits};
            bool in[8];
            int64_t relaxed[8];
            bool minimal;
            int n = plan_conflict(&o, 8, in, relaxed, &minimal);
            assert_true(minimal);
            assert_true(n > 0);
            assert_minimal(&f, in);
            unsigned m = 0;
            for (int i = 0; i < 8; i++)
                m |= in[i] ? 1u << i : 0;
            assert_true(m == a || m == b); /* a minimal conflict of this oracle is one of its sets */
        }
    }
}

/* An oracle that runs out of time after a few calls: the conflict is
 * still one (proven to admit no plan), marked not minimal. */
typedef struct Tired {
    Forbid f;
    int budget;
} Tired;

static OracleAnswer tired_fits(void *ctx, const bool *on, int64_t *penalty)
{
    Tired *t = ctx;
    if (t->budget-- <= 0)
        return ORACLE_UNKNOWN;
    return forbid_fits(&t->f, on, penalty);
}

static void test_out_of_time(void **state)
{
    (void)state;
    for (int budget = 1; budget < 14; budget++) {
        Tired t = {{1, {0x14}, 6, 0, 0}, budget};
        ConflictOracle o = {&t, tired_fits};
        bool in[6], minimal;
        int64_t relaxed[6];
        int n = plan_conflict(&o, 6, in, relaxed, &minimal);
        assert_true(n >= 2);
        assert_true(in[2] && in[4]); /* never drops what is needed */
        t.f.calls = 0;
        bool on[6];
        int64_t pen;
        for (int i = 0; i < 6; i++)
            on[i] = in[i];
        assert_int_equal(forbid_fits(&t.f, on, &pen), ORACLE_NO);
        assert_true(minimal == (n == 2) || !minimal);
        for (int i = 0; i < 6; i++)
            if (in[i])
                assert_true(relaxed[i] == 10 || relaxed[i] == -2 || relaxed[i] == -1);
    }
}

/* Hundreds of requirements, a conflict of three: far fewer calls than
 * requirements. */
static void test_blocks_are_cheap(void **state)
{
    (void)state;
    /* Only 32 bits in the forbidden-set masks: 32 requirements, conflict {3, 17, 30}. */
    Forbid g = {1, {(1u << 3) | (1u << 17) | (1u << 30)}, 32, 0, 0};
    ConflictOracle o = {&g, forbid_fits};
    bool in[32], minimal;
    int64_t relaxed[32];
    assert_int_equal(plan_conflict(&o, 32, in, relaxed, &minimal), 3);
    assert_true(minimal && in[3] && in[17] && in[30]);
    assert_true(g.calls < 1 + 32 + 3);
}

/* From a relaxation's conflict: a cheaper oracle that says "no plan" only
 * where the real one does (it forbids {1, 2, 4}, which holds {2, 4})
 * finds {1, 2, 4} from everything; the real one (forbidding {2, 4} and
 * {1, 3}) then shrinks that to {2, 4} without asking about anything
 * unmarked, and prices only what is left. */
static void test_within(void **state)
{
    (void)state;
    Forbid relax = {1, {0x16}, 6, 0, 0}, f = {2, {0x14, 0x0a}, 6, 0, 0};
    ConflictOracle ro = {&relax, forbid_fits}, o = {&f, forbid_fits};
    bool in[6] = {true, true, true, true, true, true};
    int64_t relaxed[6];
    bool minimal;
    assert_int_equal(plan_conflict_within(&ro, 6, in, NULL, &minimal), 3);
    assert_true(in[1] && in[2] && in[4]);
    assert_int_equal(relax.priced, 0); /* NULL: nothing priced */
    assert_int_equal(plan_conflict_within(&o, 6, in, relaxed, &minimal), 2);
    assert_true(minimal);
    assert_true(in[2] && in[4] && !in[1] && !in[3]);
    assert_minimal(&f, in);
    /* {1, 2, 4}: [1] goes; [2, 4] cannot, 2 stays, 4 stays: 4 calls, then
     * one priced per member (and assert_minimal's three). */
    assert_int_equal(f.priced, 2 + 3);
    assert_int_equal(relaxed[2], -1); /* {1, 3} still holds with the rest on */
    assert_int_equal(relaxed[4], -1);
}

/* An oracle that proves "no plan" only through some of its sets: the
 * others answer UNKNOWN, as plan-200-2's five starts and one room did (a
 * conflict no bound of the search proves) beside its window and one room
 * (which the seat count proves). */
typedef struct Blind {
    Forbid f;
    unsigned proven; /* bit s: set s is proven when on */
} Blind;

static OracleAnswer blind_fits(void *ctx, const bool *on, int64_t *penalty)
{
    Blind *b = ctx;
    OracleAnswer a = forbid_fits(&b->f, on, penalty);
    unsigned m = 0;
    for (int i = 0; i < b->f.n; i++)
        m |= on[i] ? 1u << i : 0;
    for (int s = 0; a == ORACLE_NO && s < b->f.nsets; s++)
        if ((m & b->f.sets[s]) == b->f.sets[s] && (b->proven >> s & 1))
            return ORACLE_NO;
    return a == ORACLE_NO ? ORACLE_UNKNOWN : a;
}

/* From the other end (plan.c's second try at a seating's conflict): {0, 2}
 * is proven, {1, 2} never is. In the listed order the first question
 * drops 0 with 1 and 2 on: UNKNOWN, so 0 stays and the conflict {0, 2} is
 * not shown minimal; from the last one listed, 2 goes first (a plan), then
 * 1 with 0 and 2 on (proven), and no question is left unanswered. */
static void test_reversed(void **state)
{
    (void)state;
    Blind b = {{2, {0x5, 0x6}, 3, 0, 0}, 0x1};
    ConflictOracle o = {&b, blind_fits};
    bool in[3] = {true, true, true};
    bool minimal = true;
    assert_int_equal(plan_conflict_within(&o, 3, in, NULL, &minimal), 2);
    assert_false(minimal);
    assert_true(in[0] && !in[1] && in[2]);
    bool again[3] = {true, true, true};
    assert_int_equal(plan_conflict_within_reversed(&o, 3, again, NULL, &minimal), 2);
    assert_true(minimal);
    assert_true(again[0] && !again[1] && again[2]);
    assert_minimal(&b.f, again);
    /* Where several conflicts would do, the ones listed first stay: both
     * proven, {0, 2} from the other end, {1, 2} in the listed order. */
    Forbid f = {2, {0x5, 0x6}, 3, 0, 0};
    ConflictOracle fo = {&f, forbid_fits};
    bool fwd[3] = {true, true, true}, rev[3] = {true, true, true};
    plan_conflict_within(&fo, 3, fwd, NULL, &minimal);
    assert_true(minimal && !fwd[0] && fwd[1] && fwd[2]);
    plan_conflict_within_reversed(&fo, 3, rev, NULL, &minimal);
    assert_true(minimal && rev[0] && !rev[1] && rev[2]);
}

/* No question is asked twice: each costs a search, and one that ran out
 * its clock would only run it out again (plan-200-2's site s20: the same
 * seating asked five times, 3 s each). An oracle that knows its sets but
 * answers some questions UNKNOWN (by a hash of the question) records
 * every question; the conflict is still one. */
typedef struct Record {
    Forbid f;
    unsigned seed;
    unsigned asked[256];
    int nasked, twice;
} Record;

static OracleAnswer record_fits(void *ctx, const bool *on, int64_t *penalty)
{
    Record *r = ctx;
    unsigned m = 0;
    for (int i = 0; i < r->f.n; i++)
        m |= on[i] ? 1u << i : 0;
    if (!penalty) {
        for (int k = 0; k < r->nasked; k++)
            r->twice += r->asked[k] == m;
        if (r->nasked < 256)
            r->asked[r->nasked++] = m;
    }
    if (((m * 2654435761u) ^ r->seed) % 5 == 0)
        return ORACLE_UNKNOWN;
    return forbid_fits(&r->f, on, penalty);
}

static void test_never_twice(void **state)
{
    (void)state;
    for (unsigned seed = 0; seed < 40; seed++)
        for (unsigned a = 1; a < 256; a += 13) {
            Record r = {{2, {a, (a * 37u + seed) & 0xFF}, 8, 0, 0}, seed, {0}, 0, 0};
            r.f.sets[1] |= r.f.sets[1] ? 0 : 0x81;
            ConflictOracle o = {&r, record_fits};
            bool in[8], minimal, on[8];
            int64_t relaxed[8], pen;
            int n = plan_conflict(&o, 8, in, relaxed, &minimal);
            assert_int_equal(r.twice, 0);
            if (n == 0)
                continue;
            memcpy(on, in, sizeof on);
            assert_int_equal(forbid_fits(&r.f, on, &pen), ORACLE_NO); /* a conflict, whatever was unknown */
            if (minimal)
                assert_minimal(&r.f, in);
        }
}

/* A search's result as the oracle's answer: a plan found answers FITS, but
 * a price only when proven least (a relaxation's penalty cut short by the
 * clock was once reported as "the best penalty"); a proof of none answers
 * NO; anything else UNKNOWN. */
static void test_answer(void **state)
{
    (void)state;
    /* whether: any plan will do, proven least or not */
    assert_int_equal(plan_oracle_answer(true, true, false, false), ORACLE_FITS);
    assert_int_equal(plan_oracle_answer(true, false, false, false), ORACLE_FITS);
    /* what the best costs: only a proven least penalty */
    assert_int_equal(plan_oracle_answer(true, true, false, true), ORACLE_FITS);
    assert_int_equal(plan_oracle_answer(true, false, false, true), ORACLE_UNKNOWN);
    /* no plan: proven, or the clock ran out first */
    assert_int_equal(plan_oracle_answer(false, false, true, false), ORACLE_NO);
    assert_int_equal(plan_oracle_answer(false, false, true, true), ORACLE_NO);
    assert_int_equal(plan_oracle_answer(false, false, false, false), ORACLE_UNKNOWN);
    assert_int_equal(plan_oracle_answer(false, false, false, true), ORACLE_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_set),
        cmocka_unit_test(test_two_sets),
        cmocka_unit_test(test_hopeless),
        cmocka_unit_test(test_many),
        cmocka_unit_test(test_out_of_time),
        cmocka_unit_test(test_blocks_are_cheap),
        cmocka_unit_test(test_within),
        cmocka_unit_test(test_reversed),
        cmocka_unit_test(test_never_twice),
        cmocka_unit_test(test_answer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
