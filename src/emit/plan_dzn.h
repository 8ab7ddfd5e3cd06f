/* plan_dzn.h — `ramme plan --format dzn`: the search's problem as MiniZinc
 * data (bench/peer/plan.mzn solves it), for the planning benchmark. */
#ifndef RAMME_PLAN_DZN_H
#define RAMME_PLAN_DZN_H

#include "apps/plan_solve.h"

#include <stdio.h>

/* Writes P; returns 0, or -1 when writing failed. */
int plan_dzn(FILE *out, const PlanProblem *P);

#endif
