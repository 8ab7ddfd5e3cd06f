/* plan_conflict.h — when nothing fits a plan (PLANNING.md §3): a minimal set
 * of its requirements that cannot hold together, and what dropping each one
 * would cost. Generic: the requirements are numbers, and the planner's
 * search is the oracle that says whether a plan exists with a given set of
 * them enforced, so the method can be tested with any oracle. */
#ifndef RAMME_PLAN_CONFLICT_H
#define RAMME_PLAN_CONFLICT_H

#include <stdbool.h>
#include <stdint.h>

typedef enum { ORACLE_NO = 0, ORACLE_FITS = 1, ORACLE_UNKNOWN = -1 } OracleAnswer;

typedef struct ConflictOracle {
    void *ctx;
    /* Whether a plan exists with requirement i enforced exactly when on[i],
     * or UNKNOWN when the oracle ran out of time. With penalty, *penalty is
     * the best plan's penalty when one exists; NULL asks only whether one
     * does, so the oracle may stop at the first plan it finds. */
    OracleAnswer (*fits)(void *ctx, const bool *on, int64_t *penalty);
} ConflictOracle;

/* What one search tells an oracle's caller: FITS when it found a plan —
 * and, when the penalty is asked (`priced`), proved that plan's penalty
 * the least: a penalty the clock cut short is no price (PLANNING.md §3: the
 * best proposal's penalty), so that answer is UNKNOWN — NO when it proved
 * there is none, else UNKNOWN. */
OracleAnswer plan_oracle_answer(bool found, bool least_proven, bool none_proven, bool priced);

/* With all n requirements enforced nothing fits. Marks in[] a conflict:
 * the marked requirements alone admit no plan — always proven — and, when
 * the oracle never answered UNKNOWN (*minimal set true), dropping any one
 * of them lets a plan exist. A requirement is dropped for good only when
 * the rest are proven to admit no plan (asked without a penalty), tried a
 * block at a time (half the
 * candidates, then halves of a block that could not go), so a conflict of
 * k among n costs about 2k·log2(n) calls, not n; a question already
 * answered (the second half once the first has gone) is not asked again. relaxed[i], for each
 * marked i, is the best penalty with every requirement but i enforced, -1
 * when still nothing fits, -2 when unknown. Returns the conflict's size;
 * 0 when nothing fits even with none enforced. */
int plan_conflict(const ConflictOracle *o, int n, bool *in, int64_t *relaxed, bool *minimal);

/* The same from the requirements marked in in[] on entry, which must admit
 * no plan together (a conflict found with a cheaper oracle that only ever
 * answers "no plan" where this one would: a relaxation): the others stay
 * dropped, the marked ones are shrunk as above, and their relaxations
 * priced (relaxed NULL: none). */
int plan_conflict_within(const ConflictOracle *o, int n, bool *in, int64_t *relaxed, bool *minimal);

/* The same, trying the requirements from the last one listed first: where
 * several conflicts would do, the ones listed first stay. */
int plan_conflict_within_reversed(const ConflictOracle *o, int n, bool *in, int64_t *relaxed, bool *minimal);

#endif
