/* plan_conflict.c — a minimal conflict by deletion (PLANNING.md §3).
 *
 * QuickXplain needs fewer oracle calls when the conflict is small among
 * many requirements, but a plan has tens of requirements, each call is a
 * search that ends quickly on an infeasible problem, and deletion is
 * simple enough to be plainly right: the order requirements are tried in
 * is the order the planner lists them, so the ones listed last (a teacher's
 * absences, weekdays) are the ones a conflict keeps when several would do. */
#include "apps/plan_conflict.h"

#include <stdlib.h>

int plan_conflict(const ConflictOracle *o, int n, bool *in, int64_t *relaxed)
{
    int64_t pen;
    for (int i = 0; i < n; i++)
        in[i] = false;
    if (!o->fits(o->ctx, in, &pen)) {
        /* Nothing fits even with no requirement enforced. */
        return 0;
    }
    for (int i = 0; i < n; i++)
        in[i] = true;
    for (int i = 0; i < n; i++) {
        in[i] = false;
        if (o->fits(o->ctx, in, &pen))
            in[i] = true; /* needed: without it a plan exists */
    }
    /* What dropping each one costs, the others all enforced. */
    bool *on = malloc((size_t)n + 1);
    int size = 0;
    for (int i = 0; i < n; i++) {
        if (!in[i])
            continue;
        size++;
        for (int k = 0; on && k < n; k++)
            on[k] = k != i;
        relaxed[i] = on && o->fits(o->ctx, on, &pen) ? pen : -1;
    }
    free(on);
    return size;
}
