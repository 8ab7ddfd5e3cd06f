/* test_plan_memo.c — the conflict search's kept plans
 * (src/apps/plan_memo.h): a kept plan answers a question it is a plan of,
 * never one it breaks, and the search around it only ever finds real
 * plans: seeded random questions, each answer compared with the full
 * search on the same problem. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "apps/plan_memo.h"

#include <string.h>

enum { NC = 5, NO = 4, NT = 3, NS = 2 };

/* A small year: NC cohorts at NS sites, NO options each (two days a week
 * apart, at 9:00 or 10:00), one role of one teacher among NT. Each of
 * tab's arrays is the problem's own, for a question to change. */
typedef struct Year {
    PlanOption o[NC][NO];
    int32_t days[NC][NO][2];
    int elig[NC][NT];
    PlanRole role[NC];
    PlanCohort c[NC];
    PlanTeacher t[NT];
    int32_t away[NT][2];
    PlanSite s[NS];
    PlanProblem P;
} Year;

static unsigned next(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

static void year(Year *y, unsigned *seed)
{
    memset(y, 0, sizeof *y);
    for (int i = 0; i < NC; i++) {
        for (int j = 0; j < NO; j++) {
            int32_t d = 100 + 7 * j + (int32_t)(next(seed) % 3);
            int t0 = next(seed) % 2 ? 600 : 540;
            y->days[i][j][0] = d;
            y->days[i][j][1] = d + 7;
            y->o[i][j] = (PlanOption){.start = d, .weekdays = 1, .time = t0 / 60, .t0 = t0, .t1 = t0 + 60,
                                      .penalty = next(seed) % 4, .days = y->days[i][j], .ndays = 2,
                                      .first = d, .last = d + 7};
        }
        int n = 0;
        for (int t = 0; t < NT; t++)
            if (next(seed) % 3)
                y->elig[i][n++] = t;
        y->role[i] = (PlanRole){.need = 1, .eligible = y->elig[i], .neligible = n};
        y->c[i] = (PlanCohort){.site = i % NS, .opts = y->o[i], .nopts = NO, .roles = &y->role[i], .nroles = 1};
    }
    for (int t = 0; t < NT; t++)
        y->t[t] = (PlanTeacher){.weekdays = 0x7f, .away = (const int32_t (*)[2])y->away[t], .max_cohorts = 2};
    for (int s = 0; s < NS; s++)
        y->s[s].rooms = 2;
    y->P = (PlanProblem){y->c, NC, y->t, NT, y->s, NS};
}

/* A question: the year with some of it enforced harder — a teacher away
 * for a span, a cohort's options cut to a later few, a site down to one
 * room, a teacher no longer eligible. */
static void tighten(Year *y, unsigned *seed)
{
    for (int k = 0, n = 1 + (int)(next(seed) % 6); k < n; k++) {
        switch (next(seed) % 5) {
        case 0: {
            int t = (int)(next(seed) % NT);
            y->away[t][0] = 100 + (int32_t)(next(seed) % 28);
            y->away[t][1] = y->away[t][0] + (int32_t)(next(seed) % 14);
            y->t[t].naway = 1;
            break;
        }
        case 1: {
            PlanCohort *c = &y->c[next(seed) % NC];
            if (c->nopts > 1) {
                int drop = 1 + (int)(next(seed) % (unsigned)(c->nopts - 1));
                c->opts += drop, c->nopts -= drop;
            }
            break;
        }
        case 2:
            y->s[next(seed) % NS].rooms = 1;
            break;
        case 3:
            y->t[next(seed) % NT].max_cohorts = 1;
            break;
        default: {
            PlanRole *r = &y->role[next(seed) % NC];
            if (r->neligible > 1)
                r->neligible--;
        }
        }
    }
}

/* Each seed: a plan of the year kept, then a question asked of the memo
 * and of the full search. A "yes" the search refutes fails the test. */
static void test_random_questions(void **state)
{
    (void)state;
    int kept = 0, around = 0, asked = 0;
    for (unsigned s0 = 1; s0 <= 400; s0++) {
        unsigned seed = s0;
        Arena *a = arena_new();
        Year *y = arena_alloc(a, sizeof *y);
        year(y, &seed);
        PlanResult r;
        plan_solve(&y->P, 1, 0, a, &r);
        if (r.nproposals == 0) {
            arena_free(a);
            continue;
        }
        PlanMemo m;
        plan_memo_init(&m, a);
        plan_memo_add(&m, &y->P, &r.proposals[0]);
        tighten(y, &seed);
        PlanResult full;
        plan_solve(&y->P, 1, 0, a, &full);
        bool exact = plan_memo_find(&m, &y->P, NULL, a); /* the kept plan alone */
        bool found = plan_memo_find(&m, &y->P, &(PlanSolveAsk){.time_limit = 10}, a);
        asked++;
        if ((exact || found) && full.status == PLAN_INFEASIBLE)
            fail_msg("seed %u: the memo answers a plan where none exists", s0);
        if (found && !exact) {
            /* Found around the kept plan: the plan it kept is one. */
            assert_int_equal(m.nplans, 2);
            PlanChoice ch = {0};
            int opt[NC], *team[NC];
            ch.opt = opt, ch.team = team;
            for (int i = 0; i < NC; i++) {
                opt[i] = -1;
                for (int j = 0; j < y->c[i].nopts; j++)
                    if (y->c[i].opts[j].start == m.plans[1].start[i] && y->c[i].opts[j].time == m.plans[1].time[i])
                        opt[i] = j;
                team[i] = m.plans[1].team[i];
            }
            char why[200];
            if (!plan_choice_valid(&y->P, &ch, why, sizeof why))
                fail_msg("seed %u: the plan found around the kept one breaks %s", s0, why);
        }
        kept += exact;
        around += found && !exact;
        arena_free(a);
    }
    /* Both ways of answering are exercised, and neither answers all. */
    assert_true(kept > 20);
    assert_true(around > 20);
    assert_true(kept + around < asked);
}

/* The kept plan is refused where its teacher is away on one of its days,
 * and a question of another year's size is never answered. */
static void test_refused(void **state)
{
    (void)state;
    unsigned seed = 7;
    Arena *a = arena_new();
    Year *y = arena_alloc(a, sizeof *y);
    year(y, &seed);
    PlanResult r;
    plan_solve(&y->P, 1, 0, a, &r);
    assert_int_equal(r.nproposals, 1);
    PlanMemo m;
    plan_memo_init(&m, a);
    assert_false(plan_memo_find(&m, &y->P, NULL, a)); /* nothing kept yet */
    plan_memo_add(&m, &y->P, &r.proposals[0]);
    assert_true(plan_memo_find(&m, &y->P, NULL, a));
    int t = r.proposals[0].team[0][0];
    const PlanOption *o = &y->c[0].opts[r.proposals[0].opt[0]];
    y->away[t][0] = y->away[t][1] = o->days[1];
    y->t[t].naway = 1;
    assert_false(plan_memo_find(&m, &y->P, NULL, a));
    y->P.ncohorts = NC - 1;
    assert_false(plan_memo_find(&m, &y->P, &(PlanSolveAsk){.time_limit = 10}, a));
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_questions),
        cmocka_unit_test(test_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
