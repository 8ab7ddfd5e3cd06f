/* plan.h — `ramme plan` (PLANNING.md): a plan's cohorts placed by choosing
 * each one's start, weekdays, time and team. plan.c reads the plan through
 * the model, lets the scheduler place every candidate option exactly as
 * `ramme schedule` would (sched_place, sched_judge), prices it with the
 * placement's checks (weight × amount, stdlib/schedule.ramme and
 * stdlib/plan.ramme), and hands the choice to the search (plan_solve.h). */
#ifndef RAMME_PLAN_H
#define RAMME_PLAN_H

#include "apps/plan_solve.h"
#include "apps/schedule.h"

/* One member of a cohort's team: the course's role and who fills it. */
typedef struct PlanTeam {
    Block *role;
    Block *teacher;
} PlanTeam;

/* A check's price in a proposal: weight × amount for one cohort. */
typedef struct PlanPenalty {
    const char *check;      /* schedule.weeks */
    Block *cohort;
    int64_t weight, amount, penalty;
    const char *message;    /* the check's message, filled in */
    const char **explain;   /* the values that decided */
    int nexplain;
} PlanPenalty;

/* A cohort as a proposal places it. */
typedef struct PlannedCohort {
    Block *cohort;
    Block *site;            /* NULL when it names none */
    int32_t start;
    uint8_t weekdays;       /* bit k: weekday k, 0 = Monday */
    int time;               /* index into the plan's times */
    int t0, t1;
    PlanTeam *team;
    int nteam;
    Block *schedule;        /* the `schedule` that places it the same way */
    Plan placed;            /* as `ramme schedule` places that schedule */
} PlannedCohort;

typedef struct Proposal {
    int rank;
    int64_t penalty;
    PlannedCohort *cohorts;
    int ncohorts;
    PlanPenalty *penalties;
    int npenalties;
} Proposal;

/* A requirement of a conflict, as the file writes it, and the best penalty
 * once it alone is dropped (-1: still nothing fits; -2: not known, the
 * search stopped at its time limit). */
typedef struct PlanConflict {
    const char *requirement;  /* "teacher hanne: max_cohorts 1" */
    Span where;
    int64_t relaxed;
} PlanConflict;

typedef struct PlanReport {
    Block *plan, *course;
    PlanStatus status;
    int64_t lower_bound;
    long options;           /* candidate options placed, all cohorts */
    long nodes;
    double seconds;
    Proposal *proposals;
    int nproposals;
    bool teams;             /* whether teams were planned (a pool exists) */
    PlanProblem problem;    /* what the search was given (--format dzn) */
    PlanConflict *conflict; /* when infeasible: a minimal conflict */
    int nconflict;          /* 0 with conflict_searched: nothing fits even with none */
    bool conflict_searched;
    bool conflict_minimal;  /* false: the search stopped at its time limit, and a
                             * requirement of the conflict may not be needed */
    double time_limit;      /* seconds the placing and the search had */
    bool stopped_placing;   /* the time ran out before every option was placed:
                             * no search, no proposal (status feasible) */
} PlanReport;

/* What one plan may hold (PLANNING.md is silent; issue 21): a region's
 * year is tens of cohorts and teachers, so these only stop a file gone
 * wrong before an hour of placing options. More is a located error. */
#define PLAN_MAX_COHORTS 1000
#define PLAN_MAX_TEACHERS 1000
/* The time limit without --time-limit: placing and search together. The
 * conflict's explanation, when nothing fits, has as long again. */
#define PLAN_DEFAULT_SECONDS 60

typedef struct PlanAsk {
    int proposals;          /* 0: the plan's `proposals` */
    double time_limit;      /* seconds; <= 0: PLAN_DEFAULT_SECONDS */
    bool problem_only;      /* build the problem, do not search (--format dzn) */
    double clock_scale;     /* the clock read times this (<= 0: 1): PlanSolveAsk's test hook */
} PlanAsk;

/* Plans `plan`. Bad input (PLANNING.md §4 errors) goes to p->diags and
 * returns false; otherwise fills `out` (status infeasible when nothing
 * fits). Allocates in `a`. */
bool plan_run(Program *p, Block *plan, const PlanAsk *ask, Arena *a, PlanReport *out);

#endif
