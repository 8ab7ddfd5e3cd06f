/* plan_memo.h — the plans a conflict search's oracle has found, kept to
 * answer its later questions (issue #15). A plan found with some
 * requirements enforced is a plan of every question that enforces fewer of
 * them, and of many others; checking a kept plan against a question costs
 * far less than setting a search up for it. Only "a plan exists" can be
 * answered so: a kept plan that fails a question proves nothing. */
#ifndef RAMME_PLAN_MEMO_H
#define RAMME_PLAN_MEMO_H

#include "apps/plan_solve.h"

/* A cohort's option is named by its start, weekdays and time, which no two
 * of its options share, so a kept plan survives a question that keeps
 * fewer options (their indices move) and is refused by one that drops its
 * option. */
typedef struct PlanMemoPlan {
    int32_t *start;
    uint8_t *weekdays;
    int *time;
    int **team; /* as PlanChoice's */
    int *nslots;
    int *rooms, nsites;     /* what its problem allowed: a question that */
    int *maxc, nteachers;   /* allows less frees the cohorts it touches */
} PlanMemoPlan;

typedef struct PlanMemo {
    Arena *a; /* the plans', the caller's */
    int ncohorts;
    PlanMemoPlan *plans;
    int nplans;
} PlanMemo;

void plan_memo_init(PlanMemo *m, Arena *a);

/* Keeps c, a plan of P (one that plan_choice_valid accepts). */
void plan_memo_add(PlanMemo *m, const PlanProblem *P, const PlanChoice *c);

/* Whether P has a plan that the memo shows: a kept plan that is one
 * (plan_choice_valid, the search's own independent check: its options
 * where P has them, the teams as kept), or, within `limits`' time_limit,
 * node_limit and clock_scale (NULL, or neither limit set: not tried), one
 * found by searching P cut down to the newest kept
 * plan, only the cohorts freed that P does not let keep their option or
 * team (or fewer rooms, or a teacher fewer cohorts at once), and their
 * sites' (then kept too). False proves nothing. Scratch
 * work lives in `scratch`. */
bool plan_memo_find(PlanMemo *m, const PlanProblem *P, const PlanSolveAsk *limits, Arena *scratch);

#endif
