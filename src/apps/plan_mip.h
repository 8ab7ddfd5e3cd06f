/* plan_mip.h — the planner's problem (plan_solve.h) as a mixed integer
 * program, solved by GLPK's branch and cut through its C API.
 *
 * It answers one question: the least penalty of a plan, with a plan that
 * has it, optionally among plans whose option vectors differ from given
 * ones (PLANNING.md §2: further proposals differ in some cohort's option).
 * It does not rank plans of equal penalty by the contract's total order:
 * the search does that, starting from the plan found here (plan_solve.c),
 * so the same proposals come out whichever found the penalty. */
#ifndef RAMME_PLAN_MIP_H
#define RAMME_PLAN_MIP_H

#include "apps/plan_solve.h"

/* A PlanBestFn (plan_solve.h). PLAN_OPTIMAL: *out is a plan of the least
 * penalty among those not repeating ex[0 … nex-1] (each an option index
 * per cohort), proven. PLAN_INFEASIBLE: proven that there is none.
 * PLAN_FEASIBLE: not proven — the clock ran out, the model would be too
 * large for the machine, or GLPK failed; out->opt is then the best plan
 * found or NULL, and *bound a proven lower bound (0 when none is known).
 * `time_limit` <= 0: none. ctx: GLPK, opened (a GlpkLib, glpklib.h). Everything returned lives in a;
 * nothing of GLPK is left allocated, and GLPK never prints. */
PlanStatus plan_mip_best(void *ctx, const PlanProblem *P, int *const *ex, int nex, double time_limit, Arena *a,
                         PlanChoice *out, int64_t *bound);

/* The LP relaxation of P (PlanRelax in plan_solve.h), open while the
 * search ranks the plans of one penalty: NULL when the model would be too
 * large or GLPK failed (the search then ranks alone). ctx: as
 * plan_mip_best's. */
void *plan_mip_lp_open(void *ctx, const PlanProblem *P, Arena *a);

/* With cohorts 0 … c-1 on options fixed[0 … c-1], marks cut[o] for each
 * option o of cohort c that no plan of penalty <= target can have: the
 * LP's optimum plus the option's reduced cost exceeds it, or, for the
 * options before `upto` that this leaves, the LP with o chosen does.
 * *bound: the LP's optimum rounded up, a lower bound on every plan with
 * that prefix. False (nothing marked) when the LP was not solved within
 * time_limit seconds (<= 0: none). The relaxation leaves out the teachers'
 * limits in time: with them the LP of a regional year has some 70 times
 * the rows and 17 times the nonzeros, is that much slower, and measured it
 * cut hardly more. */
bool plan_mip_lp_cut(void *lp, const int *fixed, int c, int64_t target, int upto, double time_limit, bool *cut,
                     int64_t *bound);

/* After plan_mip_lp_cut with upto 0 (the LP at its optimum, the cohorts
 * before its c fixed), marks cut[o] for each option o of a later cohort c
 * that the same LP's reduced costs put above target: no plan with that
 * prefix and of penalty <= target has it (reduced-cost fixing). */
void plan_mip_lp_reduced(void *lp, int c, int64_t target, bool *cut);

/* Frees what plan_mip_lp_open made in GLPK (NULL: nothing). */
void plan_mip_lp_close(void *lp);

#endif
