/* plan_solve.h — the planner's search (PLANNING.md §2): one option and one
 * team per cohort, under the hard requirements, ranked by penalty and then
 * by the contract's total order.
 *
 * The problem is plain data, built by plan.c from the model: every cohort's
 * candidate options already placed by the scheduler (the days a cohort
 * meets and the option's penalty), the roles its team must fill and the
 * teachers eligible for each, and what teachers and sites allow. The search
 * knows nothing of the language, the calendar or the rules engine; so a
 * test can build a problem by hand and compare the search with brute force,
 * and `ramme plan --format dzn` writes exactly this problem for MiniZinc. */
#ifndef RAMME_PLAN_SOLVE_H
#define RAMME_PLAN_SOLVE_H

#include "base/arena.h"

#include <stdbool.h>
#include <stdint.h>

/* One way a cohort can run: its first session, weekdays and time, with the
 * days it meets (sessions and follow-up days, in date order) and what it
 * costs. A cohort's options are in the contract's order (start date, then
 * weekdays as the sorted list of their positions, then the time's position
 * in the plan): the index of an option is its rank among equals. */
typedef struct PlanOption {
    int32_t start;        /* days since 1970-01-01 */
    uint8_t weekdays;     /* bit k: weekday k, 0 = Monday */
    int time;             /* index into the plan's times */
    int t0, t1;           /* that time: minutes after midnight */
    int64_t penalty;      /* the sum of its checks' weight × amount */
    const int32_t *days;  /* every day the cohort meets, ascending */
    int ndays;
    int32_t first, last;  /* its period: first session to last day met */
} PlanOption;

/* An instructor role of the course, for one cohort: `need` distinct
 * teachers among `eligible` (indices into the problem's teachers, in pool
 * order), each one compatible with the chosen option. */
typedef struct PlanRole {
    int need;
    const int *eligible;
    int neligible;
} PlanRole;

typedef struct PlanCohort {
    int site;             /* index into sites, or -1 when it names none */
    const PlanOption *opts;
    int nopts;
    const PlanRole *roles;
    int nroles;
} PlanCohort;

/* A teacher's own limits. `away` holds sorted, disjoint day ranges. */
typedef struct PlanTeacher {
    uint8_t weekdays;     /* the days she can teach (bit 0 = Monday) */
    const int32_t (*away)[2];
    int naway;
    int max_cohorts;      /* cohorts whose periods may overlap, >= 1 */
} PlanTeacher;

typedef struct PlanSite {
    int rooms;            /* meetings at the same time on one date, >= 1 */
} PlanSite;

typedef struct PlanProblem {
    const PlanCohort *cohorts;
    int ncohorts;
    const PlanTeacher *teachers;
    int nteachers;
    const PlanSite *sites;
    int nsites;
} PlanProblem;

/* A proposal: per cohort the chosen option's index, and its team as one
 * teacher index per role slot, role by role (role r's slots follow those
 * of roles 0 … r-1). */
typedef struct PlanChoice {
    int64_t penalty;
    int *opt;             /* ncohorts */
    int **team;           /* ncohorts arrays of sum(need) teachers */
} PlanChoice;

typedef enum { PLAN_OPTIMAL, PLAN_FEASIBLE, PLAN_INFEASIBLE } PlanStatus;

typedef struct PlanResult {
    PlanStatus status;    /* OPTIMAL: every proposal is proven best of its rank */
    int64_t lower_bound;  /* proven: no plan costs less than this */
    PlanChoice *proposals;
    int nproposals;       /* up to the number asked; fewer when no more exist */
    long nodes;           /* search figures, for the report: cohorts placed, */
    double seconds;       /* and wall time */
} PlanResult;

/* Finds up to `nproposals` proposals (0 or less asks for one): proposal k
 * is the best plan (by penalty, then the contract's total order: cohort by
 * cohort, the option's index, then the team slot by slot, each role's
 * teachers in increasing index) whose options differ, for at least one
 * cohort, from those of proposals 1 … k-1. No cohorts: one empty proposal
 * of penalty 0. Everything, the result included, lives in `a`.
 *
 * `time_limit` seconds (<= 0: none) bounds the whole search. Stopped early,
 * it reports PLAN_FEASIBLE: the proposals proven so far, then possibly the
 * best plan found for the next rank (unproven), or none at all (nproposals
 * 0) when it found no plan in time; lower_bound stays proven (proposal 1's
 * penalty once that is proven, else at least the sum of every cohort's
 * cheapest option that has a team of its own). PLAN_INFEASIBLE (no
 * proposals) only when it proved there is no plan; PLAN_OPTIMAL when the
 * search finished, lower_bound then being proposal 1's penalty. */
void plan_solve(const PlanProblem *P, int nproposals, double time_limit, Arena *a, PlanResult *out);

/* Another way to a group's least penalty, handed in (plan_mip.c's MIP
 * through GLPK) so that the search depends on no solver library: the best
 * plan of P whose option vector repeats none of ex[0 … nex-1], with the
 * meaning of plan_mip_best's answers. */
typedef PlanStatus (*PlanBestFn)(void *ctx, const PlanProblem *P, int *const *ex, int nex, double time_limit,
                                 Arena *a, PlanChoice *out, int64_t *bound);

typedef struct PlanSolveAsk {
    int nproposals;       /* as for plan_solve */
    double time_limit;
    /* Each group's least penalty (first proposal and every further one
     * that no plan of the previous penalty gives) comes from best when
     * set: the search then only ranks plans of that penalty by the total
     * order, starting from best's plan, so the proposals are the same;
     * when best cannot prove it in time, the search goes on from its plan
     * and bound. */
    PlanBestFn best;
    void *best_ctx;       /* handed to best and lp_open */
    /* An LP relaxation (plan_mip_lp_*), opened when the search alone has
     * spent rank_alone nodes on a proof: in phase 1, its optimum (cut's
     * *bound with nothing fixed) bounds the least penalty; in ranking,
     * before the search tries cohort c's values in the contract's order,
     * cut marks those no plan of the penalty can have, so the search need
     * not prove it. Sound as long as each marked option really has no
     * such plan. NULL: the search goes alone. */
    void *(*lp_open)(void *ctx, const PlanProblem *P, Arena *a);
    bool (*lp_cut)(void *lp, const int *fixed, int c, int64_t target, int upto, double time_limit, bool *cut,
                   int64_t *bound);
    void (*lp_close)(void *lp);
    /* With lp_cut (upto 0) just solved for cohort c, marks what the same
     * LP's reduced costs rule out for a later cohort (NULL: not asked). A
     * ranking probe that hands over to the LP first drops those options of
     * every later cohort (plan-100-1: 8614 of 10192; see plan_solve.c,
     * "every later cohort fixed by reduced costs"). */
    void (*lp_reduced)(void *lp, int c, int64_t target, bool *cut);
    /* The nodes phase 1, or a ranking probe, gets alone before the
     * relaxation is asked (0: PLAN_RANK_ALONE_NODES; < 0: asked at once,
     * as the tests do so that it is exercised on small problems). */
    long rank_alone;
    /* The nodes a cohort phase 1 spends before it asks the teachers'
     * capacity at every node (0: PLAN_STAFF_ALONE_NODES; < 0: from the
     * first node, as the tests do so that it is exercised on small
     * problems). */
    long staff_alone;
    /* Only whether a plan exists: stop at the first plan found (one
     * proposal, PLAN_FEASIBLE, its penalty unproven), for the conflict
     * search's oracle; PLAN_INFEASIBLE still means proven. */
    bool any_plan;
    /* Only the least penalty (the conflict search's price of dropping a
     * requirement): one proposal of that penalty, proven least, but not
     * ranked by the contract's order, which can cost far more than
     * finding it. */
    bool penalty_only;
    /* The search's nodes (every group's together; 0: no such limit) past
     * which it stops as at its time limit, reporting PLAN_FEASIBLE: a
     * limit that ends the same work on every machine (the conflict
     * search's questions have one, PLANNING.md §5). The seat bound's own
     * searches count apart, each within its own node budget. */
    long node_limit;
    /* The clock's seconds read multiplied by this (<= 0: 1): a test hook
     * (RAMME_PLAN_CLOCK_SCALE) that runs the search as on a slower
     * machine, to show that only the time limit reads the clock. */
    double clock_scale;
} PlanSolveAsk;

/* Small years never reach it (the benchmark's 5 cohorts rank in a few
 * dozen nodes), and the LP's few tenths of a second are not spent on them;
 * where the search stalls (plan-10-1 spent 50 000 nodes on its first
 * cohort without a proof) it hands over soon. */
#define PLAN_RANK_ALONE_NODES 20000

/* A cohort's share: years proven in their first nodes never pay for the
 * check (plan-50-2: +0.16 % instructions; from 2 nodes a cohort, +155 %). */
#define PLAN_STAFF_ALONE_NODES 200

/* plan_solve with the choices above. */
void plan_solve_ask(const PlanProblem *P, const PlanSolveAsk *ask, Arena *a, PlanResult *out);

/* A cohort's team slots: every role's need, role by role (PlanChoice's
 * team). */
int plan_cohort_slots(const PlanCohort *pc);

/* Whether `c` breaks no hard requirement of P (PLANNING.md §2, 2–4): an
 * independent check, written without the search's data structures, that
 * the tests apply to every proposal. Writes the first broken requirement,
 * in English, to why (when not NULL). */
bool plan_choice_valid(const PlanProblem *P, const PlanChoice *c, char *why, int whylen);

#endif
