/* plan_conflict.c — a conflict by deletion, a block at a time
 * (PLANNING.md §3).
 *
 * Plain deletion asks the oracle once per requirement, and a regional plan
 * has hundreds (every teacher's absences, weekdays, sites); each call is a
 * search. Dropping a whole block that the conflict does not need costs one
 * call, so blocks are tried first and split only when they cannot go: the
 * idea of QuickXplain, kept in the deletion form because it stays sound
 * when the oracle runs out of time — a requirement leaves the conflict only
 * on a proof that the rest still admit no plan, so the set returned always
 * admits none; an unknown answer only keeps it larger than minimal. The
 * order requirements are listed in decides which conflict is found when
 * several would do: the ones tried last stay. */
#include "apps/plan_conflict.h"

#include <stdlib.h>

typedef struct Run {
    const ConflictOracle *o;
    bool *in;
    const int *idx; /* the requirements that may go, in order */
    bool minimal;
} Run;

OracleAnswer plan_oracle_answer(bool found, bool least_proven, bool none_proven, bool priced)
{
    if (found)
        return !priced || least_proven ? ORACLE_FITS : ORACLE_UNKNOWN;
    return none_proven ? ORACLE_NO : ORACLE_UNKNOWN;
}

/* Drops what it can of idx[lo..hi) (all marked on entry). `known` is the
 * answer to dropping them all when it was asked already (ORACLE_NO never:
 * they would be gone), else ORACLE_NO. */
static void shrink(Run *r, int lo, int hi, OracleAnswer known)
{
    if (lo >= hi)
        return;
    for (int i = lo; i < hi; i++)
        r->in[r->idx[i]] = false;
    OracleAnswer a = known != ORACLE_NO ? known : r->o->fits(r->o->ctx, r->in, NULL);
    if (a == ORACLE_NO)
        return; /* none of them is needed */
    for (int i = lo; i < hi; i++)
        r->in[r->idx[i]] = true;
    if (a == ORACLE_UNKNOWN)
        r->minimal = false;
    if (hi - lo == 1)
        return; /* needed (or not known to be unneeded) */
    int mid = lo + (hi - lo) / 2;
    shrink(r, lo, mid, ORACLE_NO);
    /* The first half all gone, dropping the second is the question just
     * answered: not asked again (an unknown answer cost the question's
     * whole clock; plan-200-2's seating asked one five times). */
    bool gone = true;
    for (int i = lo; i < mid && gone; i++)
        gone = !r->in[r->idx[i]];
    shrink(r, mid, hi, gone ? a : ORACLE_NO);
}

static int within(const ConflictOracle *o, int n, bool *in, int64_t *relaxed, bool *minimal, OracleAnswer known,
                  bool reverse);

int plan_conflict(const ConflictOracle *o, int n, bool *in, int64_t *relaxed, bool *minimal)
{
    for (int i = 0; i < n; i++)
        in[i] = false;
    *minimal = true;
    OracleAnswer none = o->fits(o->ctx, in, NULL);
    if (none == ORACLE_NO)
        return 0; /* nothing fits even with no requirement enforced */
    for (int i = 0; i < n; i++)
        in[i] = true;
    /* dropping every one of them is the question just asked */
    return within(o, n, in, relaxed, minimal, none, false);
}

int plan_conflict_within(const ConflictOracle *o, int n, bool *in, int64_t *relaxed, bool *minimal)
{
    return within(o, n, in, relaxed, minimal, ORACLE_NO, false);
}

int plan_conflict_within_reversed(const ConflictOracle *o, int n, bool *in, int64_t *relaxed, bool *minimal)
{
    return within(o, n, in, relaxed, minimal, ORACLE_NO, true);
}

/* `known`: the answer to dropping every marked one, when asked already
 * (else ORACLE_NO); `reverse`: tried from the last one listed. */
static int within(const ConflictOracle *o, int n, bool *in, int64_t *relaxed, bool *minimal, OracleAnswer known,
                  bool reverse)
{
    int64_t pen;
    int *idx = malloc(sizeof(int) * ((size_t)n + 1)), m = 0;
    bool *on = malloc((size_t)n + 1);
    *minimal = idx != NULL;
    for (int k = 0; idx && k < n; k++) {
        int i = reverse ? n - 1 - k : k;
        if (in[i])
            idx[m++] = i;
    }
    if (idx) {
        Run r = {o, in, idx, true};
        shrink(&r, 0, m, known);
        *minimal = r.minimal;
    }
    free(idx);
    /* What dropping each one costs, the others all enforced. */
    int size = 0;
    for (int i = 0; i < n; i++) {
        if (!in[i])
            continue;
        size++;
        if (!relaxed)
            continue;
        if (!on) {
            relaxed[i] = -2;
            continue;
        }
        for (int k = 0; k < n; k++)
            on[k] = k != i;
        OracleAnswer a = o->fits(o->ctx, on, &pen);
        relaxed[i] = a == ORACLE_FITS ? pen : a == ORACLE_NO ? -1 : -2;
    }
    free(on);
    return size;
}
