/* plan_conflict.h — when nothing fits a plan (PLANNING.md §3): a minimal set
 * of its requirements that cannot hold together, and what dropping each one
 * would cost. Generic: the requirements are numbers, and the planner's
 * search is the oracle that says whether a plan exists with a given set of
 * them enforced, so the method can be tested with any oracle. */
#ifndef RAMME_PLAN_CONFLICT_H
#define RAMME_PLAN_CONFLICT_H

#include "apps/plan_solve.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct ConflictOracle {
    void *ctx;
    /* Whether a plan exists with requirement i enforced exactly when on[i];
     * *penalty gets the best plan's penalty when one does. */
    bool (*fits)(void *ctx, const bool *on, int64_t *penalty);
} ConflictOracle;

/* With all n requirements enforced nothing fits. Marks in[] a minimal
 * conflict — the marked requirements alone admit no plan, and dropping any
 * one of them lets one exist — found by deletion: each requirement in turn
 * is dropped for good when the rest still admit no plan, so n + 1 calls of
 * the oracle. relaxed[i], for each marked i, is the best penalty with every
 * requirement but i enforced, or -1 when still nothing fits. Returns the
 * conflict's size; 0 when nothing fits even with none enforced (the plan's
 * weekdays and times cannot hold the course at all). */
int plan_conflict(const ConflictOracle *o, int n, bool *in, int64_t *relaxed);

#endif
