/* plan_solve.c — the planner's exact search (plan_solve.h, PLANNING.md §2).
 *
 * About 2300 lines, not 800: the search, its propagation, its bookkeeping
 * (trail, conflict sets, memo) and the merging of independent groups only
 * make sense together and share one state; split, each part would need the
 * others' internals. The independent check at the end is the other reason:
 * it belongs beside what it checks, and shares nothing with it.
 *
 * Why groups. Cohorts that can share neither a room nor a teacher (other
 * sites, no eligible teacher in common, or no day in common) do not
 * constrain each other, and one search over all of them multiplies their
 * search trees. So the cohorts are split into groups, each solved alone,
 * and the groups' proposal lists are merged: raising one group's rank never
 * makes a plan better, so the best K combinations come off a heap.
 *
 * Why two phases. The contract ranks plans by penalty and then by a long
 * lexicographic key (options and teams, cohort by cohort). A search that
 * walks the key's order is a poor way to find the minimum penalty, so
 * phase 1 is a branch and bound that only looks for P* (the cohort with the
 * fewest options its budget allows first, cheapest options first, stopping
 * as soon as the incumbent meets a proven bound). Phase 2 then ranks:
 * cohort by cohort in declaration order, a probe (a search for any plan of
 * penalty <= P*) that tries that cohort's values in the key's order and the
 * others freely; its first plan has the best value for the cohort, which
 * is then fixed. Each probe is guided by the plan the previous one found,
 * so confirming a value costs one dive; only the values before it cost a
 * proof. Proposal k repeats this with the option vectors of 1 … k-1
 * excluded, starting with a probe at P_{k-1}, since ties are the rule.
 *
 * Why forward checking. Every constraint between two cohorts is known the
 * moment one of them is placed, so placing a cohort removes what it rules
 * out from the others: per unplaced cohort a bitset of options still alive,
 * and per (cohort, eligible teacher) the options that teacher can no longer
 * take. An option stays alive while a room is free and every role keeps
 * enough unblocked teachers. The sum of the cheapest alive option of every
 * unplaced cohort is a sound bound, and a cohort with nothing alive fails
 * at once. Conflicts are found by days: per cohort the set of its options
 * meeting on each day, so the options of another cohort sharing a date
 * with a chosen one are the union of a few dozen rows. Changes go on a
 * trail and are undone in reverse (copying the state per depth would cost
 * hundreds of megabytes at 200 cohorts and 100 teachers).
 *
 * Why conflict sets and a memo. Within a group, cohorts far apart in time
 * still barely interact, and a plain depth-first search re-solves one part
 * of the year for every choice made in another. Each unplaced cohort
 * records which placed cohorts narrowed it; a failure's reason is the union
 * of those, so the search jumps back over choices the failure does not
 * depend on (conflict-directed backjumping). A failed state (what is left
 * of every unplaced cohort, the counters of teachers who take several
 * cohorts and of rooms) is remembered under a 128-bit hash with the budget
 * it failed with, so meeting it again, in this search or a later probe,
 * costs one lookup.
 *
 * Why dives before the branch and bound. Cheapest options first is a good
 * order for proving P* and a poor one for finding any plan: on a regional
 * year an early choice can doom a part of the search that the conflict sets
 * cannot jump out of, and without an incumbent nothing is pruned. So phase
 * 1 starts with dives of growing node budgets (Luby), each after the first
 * with random ties (cohort, cheapest option, team order), that stop at the
 * first plan; the branch and bound then starts from it. Only complete
 * failures enter the memo and an aborted dive records none, so the answers
 * are those of the branch and bound alone.
 *
 * Why a room bound. The sum of cheapest options ignores rooms, and a site
 * with one room and too many cohorts makes a year infeasible in a way that
 * the full search proves only by re-seating that site for every choice made
 * elsewhere. Seating one site's cohorts with no teachers is a small problem
 * of its own; its optimum, site by site, bounds the whole from below (or
 * shows there is no plan) and lets phase 1 stop as soon as it is met.
 * The same bound is kept through the search, per site and depth (the seat
 * bound): without it a ranking probe at the least penalty has the rooms'
 * whole cost as slack and re-seats every site below every value it must
 * rule out (plan-20-2: 266 from the cheapest options, 323 with rooms;
 * 14 million nodes without a proof, then 10 thousand for the whole
 * ranking with it).
 *
 * Why a neighbourhood search after the first plan. A depth-first branch
 * and bound revisits the choices near the leaves, while a greedy first
 * plan's excess sits near the root: on a large year it never climbs back
 * (plan-100-1 kept its first plan, 2146, for a minute; the least penalty
 * is 2034). So phase 1, once its nodes alone have not proven the plan,
 * searches a few cohorts at a time around each that pays extra, the rest
 * kept as the incumbent has them (see "improving the incumbent").
 *
 * Why an LP relaxation, handed in (PlanSolveAsk; plan_mip.c's, through
 * GLPK). The sum of cheapest options knows nothing of rooms and teams,
 * and two proofs can take this search forever with it: that a plan one
 * cheaper than its best does not exist, and, in phase 2, that an option
 * of the cohort being ranked that comes before the winner in the
 * contract's order has no plan of the penalty. After PLAN_RANK_ALONE_NODES
 * nodes alone, phase 1 takes the LP's optimum as a bound, and phase 2
 * drops the options whose reduced cost (or own LP) puts them above the
 * penalty; options are only ever dropped on a proof, so the proposals are
 * the same, only found sooner. GLPK's branch and cut was weighed as the
 * whole solver and was slower (bench/README.md).
 *
 * Why teams are branched on. A team only decides feasibility, but which
 * teachers a cohort takes decides what is left for the later ones, so an
 * exact search must revisit it. Teams go in the contract's order; unused
 * teachers that nothing tells apart are taken in index order only. */
#include "apps/plan_solve.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef uint64_t Word;

static int nwords(int n) { return (n + 63) / 64; }
static bool has(const Word *w, int i) { return (w[i >> 6] >> (i & 63)) & 1; }
static void put(Word *w, int i) { w[i >> 6] |= (Word)1 << (i & 63); }
static void drop(Word *w, int i) { w[i >> 6] &= ~((Word)1 << (i & 63)); }
static bool overlap(int a0, int a1, int b0, int b1) { return (a0 > b0 ? a0 : b0) < (a1 < b1 ? a1 : b1); }
static Word mix(Word x)
{
    x ^= x >> 30, x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27, x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

typedef struct Opt {
    int32_t f, l, lo, hi; /* period; lo/hi also cover the days met */
    int32_t *day;         /* offsets from the first day of the problem */
    int nday, t0, t1;
    int wk0, wk1;         /* the weeks of its first and last day met */
    int *wpre;            /* wk1-wk0+2: days met in its weeks before wk0+i */
    int prof;             /* its weekly profile: options alike share wpre */
    int64_t pen;
} Opt;

typedef struct Coh {
    int site, nopts, W, nroles, nslots, nt;
    const PlanRole *roles;
    Opt *o;
    int *bypen;      /* option indices by penalty, then index */
    int *slotrole;   /* role of each team slot */
    int *tl;         /* the nt teachers eligible for some role, ascending */
    Word *compat;    /* nopts × TW: teachers allowed by weekdays and away */
    Word *elig;      /* nroles × TW */
    Word *anyelig;   /* TW */
    Word *tmask;     /* nt × W: the options each of them can take */
    Word *root;      /* options with a team when nothing else is placed */
    int32_t lo, hi;  /* every day any option touches */
    Word *dayopts;   /* (hi-lo+1) × W: options meeting on each day */
    int nfs, nls;    /* distinct first and last days of periods, ascending, with */
    int32_t *fs, *ls;
    Word *fle, *lge; /* the options whose period starts <= fs[i], ends >= ls[i] */
    int npl;         /* distinct penalties, ascending, and the options costing */
    int64_t *plv;    /* at most each */
    Word *plmask;
    int nprof;       /* distinct weekly profiles of its options */
    int ncls;        /* distinct (t0, t1) of its options and their sets */
    int *cls0, *cls1;
    Word *clsmask;
    /* the search state: hashed (alive, blocked) and not (cs, first, count) */
    Word *alive;     /* W */
    Word *blocked;   /* nt × W: options the teacher can no longer take */
    Word *cs;        /* NW: the placed cohorts that narrowed this one */
    Word *first;     /* [0]: first alive option in bypen; [1]: how many alive */
    int64_t rootmin; /* its cheapest option at the root */
} Coh;

typedef struct Undo {
    Word *at, old;
} Undo;

typedef struct Memo {
    Word k1, k2;
    int64_t budget; /* no plan within it from this state */
} Memo;

/* A site's cohorts alone, rooms and no teachers (the seat bound, below). */
typedef struct Seat {
    struct Search *r; /* NULL: fewer than two cohorts, or rooms not limited */
    int *of;          /* r's cohort i is the search's cohort of[i] */
    long budget;      /* nodes for the optimum at the root; cut after a miss */
} Seat;

typedef struct Search {
    const PlanProblem *P;
    const PlanSolveAsk *ask;
    Arena *a;
    int n, T, TW, D, NW, maxslots, maxroles, nex, wiped;
    Coh *co;
    int *loc;                              /* n × T: a teacher's index in a cohort's tl, or -1 */
    Word *hs;                              /* the hashed state words, for their index */
    Undo *trail;
    size_t ntrail, captrail;
    Word h1, h2, hsum;                     /* hashes of the state; of the counters */
    Memo *memo;
    size_t memomask;
    int64_t *lb;                           /* per depth: bound of the unplaced cohorts */
    Seat *seat;                            /* per site, or NULL: no seat bound */
    int wshift, NWK, *alpha;               /* week of day d: (d+wshift)/7; per site: times apart */
    int *cday, *capw, *olist, *ostart, *ocoh, *owk; /* the seat count's scratch */
    bool *pseen;
    int64_t *sb, *sbt;                     /* per depth and site; per depth: seat bounds */
    bool *placed;
    int *opt, *team, *used, *cls, *tcount; /* team: n × maxslots; tcount: T × D */
    int **rcnt, **rlist, *rcap;            /* rooms > 1: who meets per site and day */
    Word **thash;                          /* per teacher, when first needed: the counters' hashes summed by day */
    int *inteam, *cand, *ncand;            /* per depth: T, maxroles × T, maxroles */
    Word *avail, *ds, *tc, *chg, *seen, *cnt;
    int *owner, *sat, *nsat;               /* sat: maxslots × (D+2) */
    Word *why, *acc;                       /* per depth: a failure's reason, a node's so far */
    Word *placedset, *tcoh, *sitecoh;      /* placed cohorts: all, per teacher, per site */
    int **ex, *match;
    Word *ufit, *ufree, *uadj, *useen;     /* the capacity check's scratch: */
    int *ucoh, *uf, *ul, *ucap, *uload, *uasg; /* spans (and days asked), teachers, slot units */
    int *ustamp, ustampv;                  /* per day: asked at this check */
    int *ut0, *ut1, *uin, *uprev, DW;      /* times all its fitting options share; spans asked */
    Word *umet;                            /* per span: the dates it surely meets on */
    int wtimes, *ww0, *ww1;                /* the weekly count: times apart; per cohort its weeks, */
    uint8_t *wm, *wdays, wbits[128];       /* its least days in each; per teacher her days; bits set */
    uint64_t *wd;                          /* per cohort and teacher: her days in its weeks (week_days) */
    size_t *wdoff;                         /* where each cohort's wd starts */
    int *wprof, wstamp;                    /* per weekly profile: counted for this cohort */
    int phase, lexc;                       /* 1: branch and bound; 2: probe; lexc: ranked cohort */
    bool *rfreed, repairing;               /* a neighbourhood's freed cohorts; repair in probes */
    bool around;                           /* in improve()'s turns without the capacity check */
    int *rorder, rmost;                    /* its kept cohorts by depth; its most cohorts */
    int *mopt, *mteam, *mkeep, *mset, *mnum, *mleft, *mtill; /* the teams mended (mend_teams): */
    uint8_t *mclash;                       /* options, teams, teachers' cohorts, tabu; clashes */
    int64_t best, target, known;
    bool found, halt, timeout, guided, aborted;
    long divelimit;                        /* a dive's node budget (0: none); aborted: it ran out */
    Word rnd;                              /* a dive's random choices (0: none) */
    int *bopt, *bteam, *gopt, *gteam;      /* the last plan found; the guide */
    long nodes, probed;                    /* probed: the nodes when this probe began */
    long staff_after;                      /* phase 1 asks staffable past these nodes */
    long nodelimit;                        /* it stops at this node (0: never): node_limit's */
    double limit, scale;                   /* the time limit; the clock's scale (clock_scale) */
    struct timespec start;
    int64_t work, nextread;                /* the clock's: work done; read again at nextread */
} Search;

/* Seconds since t, times `scale` when that is above 0 (clock_scale). */
static double since(const struct timespec *t, double scale)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double d = (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) * 1e-9;
    return scale > 0 ? d * scale : d;
}

/* Seconds the search has run, as its time limit counts them. */
static double elapsed(const Search *s) { return since(&s->start, s->scale); }

/* The clock is read by work done, not by nodes: a node of a 200-cohort
 * year over the conflict search's wider starts narrows every other
 * cohort's hundreds of options (13 ms a node under load), so the 1024 nodes
 * between reads the search once had let an oracle question of 3 s run 2.6 s
 * over in its first dive, and setting the search up (a second there) read
 * it not at all. Work is counted in option words narrowed; preparing a
 * cohort counts SETUP_WORK per option (measured on plan-200-1: a second to
 * prepare 200 000 options, 2.6 s for 40 000 narrowings of 16 words each). */
#define CLOCK_WORK 4096
#define SETUP_WORK 2

static void clock_tick(Search *s, int64_t work)
{
    s->work += work;
    if (s->work < s->nextread)
        return;
    s->nextread = s->work + CLOCK_WORK;
    if (s->limit > 0 && elapsed(s) > s->limit)
        s->timeout = true;
}

/* A dive's next random number. */
static Word roll(Search *s) { return s->rnd = mix(s->rnd + 0x9E3779B97F4A7C15ULL); }

/* ---- the trail ---- */

static void remember(Search *s, Word *at)
{
    if (s->ntrail == s->captrail) { /* it shrinks and grows all the time: keep the room */
        s->trail = arena_grow(s->a, s->trail, s->ntrail, 2 * s->captrail + 1024, sizeof(Undo));
        s->captrail = 2 * s->captrail + 1024;
    }
    s->trail[s->ntrail++] = (Undo){at, *at};
}

/* A hashed word of the state: alive or blocked. */
static void seth(Search *s, Word *at, Word v)
{
    if (*at == v)
        return;
    Word i = (Word)(at - s->hs);
    s->h1 ^= mix(*at ^ i * 0x9E3779B97F4A7C15ULL) ^ mix(v ^ i * 0x9E3779B97F4A7C15ULL);
    s->h2 ^= mix(*at + i * 0xD6E8FEB86659FD93ULL + 1) ^ mix(v + i * 0xD6E8FEB86659FD93ULL + 1);
    remember(s, at);
    *at = v;
}

static void setu(Search *s, Word *at, Word v)
{
    if (*at != v)
        remember(s, at), *at = v;
}

static void undo(Search *s, size_t height)
{
    while (s->ntrail > height) {
        s->ntrail--;
        *s->trail[s->ntrail].at = s->trail[s->ntrail].old;
    }
}

/* A cohort's words leave the hash while it is placed: the state is what is
 * left of the unplaced ones. */
static void rehash_cohort(Search *s, int c)
{
    const Coh *C = &s->co[c];
    size_t nw = (size_t)C->W * (size_t)(C->nt + 1);
    for (size_t k = 0; k < nw; k++) {
        Word i = (Word)(C->alive + k - s->hs), v = C->alive[k];
        s->h1 ^= mix(v ^ i * 0x9E3779B97F4A7C15ULL);
        s->h2 ^= mix(v + i * 0xD6E8FEB86659FD93ULL + 1);
    }
    s->h1 ^= mix((Word)c + 0x51ED27);
    s->h2 ^= mix((Word)c * 7 + 0xA5A5);
}

/* ---- teams ---- */

/* Kuhn's augmenting path for one team slot. */
static bool augment(Search *s, const Coh *C, const Word *avail, int j, int *owner, Word *seen)
{
    const Word *e = C->elig + (size_t)C->slotrole[j] * (size_t)s->TW;
    for (int w = 0; w < s->TW; w++) {
        Word m = avail[w] & e[w] & ~seen[w];
        while (m) {
            int t = w * 64 + __builtin_ctzll(m);
            m &= m - 1;
            seen[w] |= (Word)1 << (t & 63);
            if (owner[t] < 0 || augment(s, C, avail, owner[t], owner, seen)) {
                owner[t] = j;
                return true;
            }
        }
    }
    return false;
}

/* Whether the roles of C can be filled by distinct teachers of avail. */
static bool teamable(Search *s, const Coh *C, const Word *avail)
{
    for (int t = 0; t < s->T; t++)
        s->owner[t] = -1;
    for (int j = 0; j < C->nslots; j++) {
        memset(s->seen, 0, sizeof(Word) * (size_t)s->TW);
        if (!augment(s, C, avail, j, s->owner, s->seen))
            return false;
    }
    return true;
}

/* The teachers still free for option o of cohort c. */
static void free_teachers(Search *s, int c, int o, Word *avail)
{
    const Coh *C = &s->co[c];
    memset(avail, 0, sizeof(Word) * (size_t)s->TW);
    for (int k = 0; k < C->nt; k++)
        if (has(C->tmask + (size_t)k * (size_t)C->W, o) && !has(C->blocked + (size_t)k * (size_t)C->W, o))
            put(avail, C->tl[k]);
}

/* Drops the options of c2 that some role can no longer fill: fewer than
 * `need` unblocked teachers for a role, or fewer than all slots together.
 * Bit-sliced counters make it a few word operations per teacher; it is a
 * relaxation of the matching (an option it keeps may still have no team,
 * which try_option then finds), so it never drops an option with a team. */
static void support(Search *s, int c2)
{
    const Coh *C = &s->co[c2];
    int W = C->W;
    for (int r = 0; r <= C->nroles; r++) {
        int k = r < C->nroles ? C->roles[r].need : C->nslots;
        if (k <= 0 || (r == C->nroles && C->nroles == 1))
            continue;
        k = k < 4 ? k : 4; /* at least 4 is still a sound test */
        memset(s->cnt, 0, sizeof(Word) * (size_t)(4 * W));
        const Word *e = r < C->nroles ? C->elig + (size_t)r * (size_t)s->TW : C->anyelig;
        for (int q = 0; q < C->nt; q++) {
            if (!has(e, C->tl[q]))
                continue;
            const Word *tm = C->tmask + (size_t)q * (size_t)W, *bl = C->blocked + (size_t)q * (size_t)W;
            for (int w = 0; w < W; w++) {
                Word x = tm[w] & ~bl[w];
                for (int i = k - 1; i > 0; i--)
                    s->cnt[i * W + w] |= s->cnt[(i - 1) * W + w] & x;
                s->cnt[w] |= x;
            }
        }
        for (int w = 0; w < W; w++)
            seth(s, &C->alive[w], C->alive[w] & s->cnt[(k - 1) * W + w]);
    }
}

/* ---- forward checking ---- */

/* Whether a meeting at [t0, t1) on day d finds a room at site st, given
 * who meets there already. The most meetings at one moment is reached at
 * a start: t0, or a meeting's start within [t0, t1). */
static bool room_left(const Search *s, int st, int d, int t0, int t1)
{
    int R = s->P->sites[st].rooms, k = s->rcnt[st][d];
    if (k < R)
        return true;
    const int *L = s->rlist[st] + (size_t)d * (size_t)s->rcap[st];
    for (int a = -1; a < k; a++) {
        int p = a < 0 ? t0 : s->co[L[a]].o[s->opt[L[a]]].t0;
        if (p < t0 || p >= t1)
            continue;
        int cnt = 1;
        for (int b = 0; b < k; b++) {
            const Opt *r = &s->co[L[b]].o[s->opt[L[b]]];
            cnt += r->t0 <= p && p < r->t1;
        }
        if (cnt > R)
            return false;
    }
    return true;
}

/* The options of C2 that find no room at site st on some day they share
 * with O (the meeting placed last), into kill (W words): an alive option
 * had a room on every other day before O came. Asked per day of O and per
 * distinct time of C2, not per option and day (plan-5-3, two rooms: option
 * by option it was 88 % of the command's instructions). */
static void room_none(const Search *s, int st, const Opt *O, const Coh *C2, Word *kill)
{
    int W = C2->W;
    memset(kill, 0, sizeof(Word) * (size_t)W);
    for (int i = 0; i < O->nday; i++) {
        int d = O->day[i];
        if (d < C2->lo || d > C2->hi || s->rcnt[st][d] < s->P->sites[st].rooms)
            continue;
        const Word *row = C2->dayopts + (size_t)(d - C2->lo) * (size_t)W;
        for (int k = 0; k < C2->ncls; k++)
            if (overlap(O->t0, O->t1, C2->cls0[k], C2->cls1[k]) && !room_left(s, st, d, C2->cls0[k], C2->cls1[k]))
                for (int w = 0; w < W; w++)
                    kill[w] |= row[w] & C2->clsmask[(size_t)k * (size_t)W + (size_t)w];
    }
}

static bool rooms_limited(const Search *s, int st) { return st >= 0 && st < s->P->nsites; }

/* Moves the cohort's first alive option forward and recounts; false when
 * none is left. */
static bool settle(Search *s, int c)
{
    const Coh *C = &s->co[c];
    Word k = C->first[0], cnt = 0;
    while (k < (Word)C->nopts && !has(C->alive, C->bypen[k]))
        k++;
    setu(s, &C->first[0], k);
    for (int w = 0; w < C->W; w++)
        cnt += (Word)__builtin_popcountll(C->alive[w]);
    setu(s, &C->first[1], cnt);
    if (k < (Word)C->nopts)
        return true;
    s->wiped = c;
    return false;
}

static int64_t minpen(const Search *s, int c) { return s->co[c].o[s->co[c].bypen[s->co[c].first[0]]].pen; }

static void blame(Search *s, int c2, const Word *why)
{
    Word *cs = s->co[c2].cs;
    for (int w = 0; w < s->NW; w++)
        setu(s, &cs[w], cs[w] | why[w]);
}

/* With one cohort left unplaced, the options that would repeat an earlier
 * proposal's option vector are out (because of every placed cohort). */
static bool exclude_last(Search *s, int nplaced)
{
    if (s->nex == 0 || s->n - nplaced != 1)
        return true;
    int c = 0;
    while (s->placed[c])
        c++;
    Coh *C = &s->co[c];
    for (int e = 0; e < s->nex; e++)
        if (s->match[e] == nplaced) {
            Word *w = &C->alive[s->ex[e][c] >> 6];
            seth(s, w, *w & ~((Word)1 << (s->ex[e][c] & 63)));
        }
    blame(s, c, s->placedset);
    return settle(s, c);
}

/* The options of C whose period starts on or before day b (NULL: none). */
static const Word *touch_first(const Coh *C, int32_t b)
{
    int lo = 0, hi = C->nfs; /* the first fs[i] > b */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (C->fs[mid] <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? NULL : C->fle + (size_t)(lo - 1) * (size_t)C->W;
}

/* The options of C whose period ends on or after day a (NULL: none). */
static const Word *touch_last(const Coh *C, int32_t a)
{
    int lo = 0, hi = C->nls; /* the first ls[i] >= a */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (C->ls[mid] < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == C->nls ? NULL : C->lge + (size_t)lo * (size_t)C->W;
}

/* What placing o with the team in s->team does to cohort c2's options; the
 * placed cohorts that caused a change join c2's conflict set. */
static bool narrow(Search *s, int c, const Opt *O, int c2)
{
    const Coh *C = &s->co[c], *C2 = &s->co[c2];
    if (C2->hi < O->lo || C2->lo > O->hi)
        return true;
    int W = C2->W;
    const int *tm = s->team + (size_t)c * (size_t)s->maxslots, *loc = s->loc + (size_t)c2 * (size_t)s->T;
    bool same = C->site == C2->site, rooms = same && rooms_limited(s, C->site), any = false, touched = false,
         lost = false;
    for (int j = 0; j < C->nslots; j++)
        any |= loc[tm[j]] >= 0;
    if (!rooms && !any)
        return true;
    Word *al = C2->alive, *ds = s->ds, *tc = s->tc, *chg = s->chg;
    memset(ds, 0, sizeof(Word) * (size_t)W);
    memset(tc, 0, sizeof(Word) * (size_t)W);
    memset(chg, 0, sizeof(Word) * (size_t)W);
    for (int i = 0; i < O->nday; i++) {
        int d = O->day[i];
        if (d < C2->lo || d > C2->hi)
            continue;
        const Word *row = C2->dayopts + (size_t)(d - C2->lo) * (size_t)W;
        for (int w = 0; w < W; w++)
            ds[w] |= row[w];
    }
    for (int k = 0; k < C2->ncls; k++)
        if (overlap(O->t0, O->t1, C2->cls0[k], C2->cls1[k]))
            for (int w = 0; w < W; w++)
                tc[w] |= C2->clsmask[(size_t)k * (size_t)W + (size_t)w];
    for (int w = 0; w < W; w++)
        tc[w] &= ds[w]; /* same date, overlapping times */
    if (rooms) {
        int st = C->site;
        bool several = s->P->sites[st].rooms > 1, full = false;
        if (several)
            room_none(s, st, O, C2, chg);
        for (int w = 0; w < W; w++) {
            Word m = tc[w] & al[w], keep = al[w];
            touched |= m != 0;
            if (!several)
                keep &= ~m;
            else if (m & chg[w])
                keep &= ~(m & chg[w]), full = true;
            seth(s, &al[w], keep);
        }
        if (full) /* several rooms: whoever meets there that day shares the blame */
            blame(s, c2, s->sitecoh + (size_t)st * (size_t)s->NW);
    }
    if (any) {
        if (!same) /* a teacher cannot be at two sites on one date */
            memcpy(tc, ds, sizeof(Word) * (size_t)W);
        for (int j = 0; j < C->nslots; j++) {
            int t = tm[j], q = loc[t];
            if (q < 0)
                continue;
            Word *bl = C2->blocked + (size_t)q * (size_t)W;
            const int *sat = s->sat + (size_t)j * (size_t)(s->D + 2);
            bool more = false;
            for (int w = 0; w < W; w++)
                chg[w] = tc[w] & ~bl[w] & al[w];
            for (int k = 0; k < s->nsat[j]; k++) { /* periods touching a full stretch */
                const Word *fl = touch_first(C2, sat[2 * k + 1]), *lg = touch_last(C2, sat[2 * k]);
                for (int w = 0; fl && lg && w < W; w++) {
                    Word m = fl[w] & lg[w] & al[w] & ~bl[w] & ~chg[w];
                    chg[w] |= m, more |= m != 0;
                }
            }
            if (more && s->P->teachers[t].max_cohorts > 1) /* a full day is everyone's doing */
                blame(s, c2, s->tcoh + (size_t)t * (size_t)s->NW);
            for (int w = 0; w < W; w++) {
                lost |= chg[w] != 0;
                seth(s, &bl[w], bl[w] | chg[w]);
            }
        }
        if (lost)
            support(s, c2), touched = true;
    }
    if (touched)
        setu(s, &C2->cs[c >> 6], C2->cs[c >> 6] | (Word)1 << (c & 63));
    return settle(s, c2);
}

static void mark(Search *s, int c, bool on)
{
    const Coh *C = &s->co[c];
    const int *tm = s->team + (size_t)c * (size_t)s->maxslots;
    void (*f)(Word *, int) = on ? put : drop;
    f(s->placedset, c);
    for (int j = 0; j < C->nslots; j++)
        f(s->tcoh + (size_t)tm[j] * (size_t)s->NW, c);
    if (rooms_limited(s, C->site))
        f(s->sitecoh + (size_t)C->site * (size_t)s->NW, c);
}

static bool descend(Search *s, int depth, int64_t partial);
static bool repair(Search *s, int c);

/* ---- the seat count ----
 *
 * A site of one room cannot hold a dozen cohorts whose start ranges
 * overlap when their sessions need more of its dates and times in some
 * stretch of weeks than the stretch has: a pigeonhole that forward
 * checking proves only by trying every seating (the conflict search's
 * oracle took half a second on such a site of plan-50-1, and on
 * plan-10-3 the search found neither a plan nor a proof in a minute).
 * Counting proves it at once. In a window of whole weeks each cohort
 * meets at least on as many days as the fewest its options still alive
 * meet on there; on one date the site holds at most rooms × the most
 * times apart meetings (those of a date form an interval graph with at
 * most `rooms` at one moment; it is perfect, so they split into `rooms`
 * sets of times apart), and never more than the cohorts that could meet
 * on it. More needed than held in a window proves that no seating
 * exists. It is asked where a search starts (root: there is no plan,
 * which the conflict search's oracle asks again and again), not at every
 * node nor in the seat bound's probes: a window's sums cost thousands of
 * times a node's propagation, and asked in every probe the region's year
 * of the unit tests took a minute and a half instead of a tenth of a
 * second. */

/* Whether site st may seat its cohorts, from the root's options: false
 * on a proof that it cannot. */
static bool seat_count(Search *s, int st)
{
    if (!rooms_limited(s, st))
        return true;
    int rooms = s->P->sites[st].rooms > 1 ? s->P->sites[st].rooms : 1; /* as narrow has it */
    int held = rooms * s->alpha[st], k = 0, A = s->NWK, B = -1;
    memset(s->cday, 0, sizeof(int) * (size_t)s->D);
    s->ostart[0] = 0;
    for (int c = 0; c < s->n; c++) {
        const Coh *C = &s->co[c];
        if (C->site != st)
            continue;
        int n = s->ostart[k];
        bool empty = false;
        memset(s->pseen, 0, sizeof(bool) * (size_t)C->nprof);
        for (int o = 0; o < C->nopts; o++) /* at the root: nothing is placed */
            if (has(C->alive, o)) {
                empty |= C->o[o].t0 >= C->o[o].t1;
                if (!s->pseen[C->o[o].prof])
                    s->pseen[C->o[o].prof] = true, s->olist[n++] = o;
            }
        if (n == s->ostart[k])
            return false; /* nothing left of it: no seating at all */
        if (empty) /* a meeting of no length holds no room: it needs nothing */
            continue;
        for (int d = C->lo; d <= C->hi; d++) { /* the dates it may meet on: every option's, not a profile's */
            const Word *row = C->dayopts + (size_t)(d - C->lo) * (size_t)C->W;
            int w = 0;
            while (w < C->W && !(row[w] & C->alive[w]))
                w++;
            s->cday[d] += w < C->W;
        }
        int lastfirst = 0, firstlast = INT32_MAX;
        for (int i = s->ostart[k]; i < n; i++) {
            const Opt *O = &C->o[s->olist[i]];
            A = O->wk0 < A ? O->wk0 : A, B = O->wk1 > B ? O->wk1 : B;
            lastfirst = O->wk0 > lastfirst ? O->wk0 : lastfirst;
            firstlast = O->wk1 < firstlast ? O->wk1 : firstlast;
        }
        /* a window that ends before some option begins, or begins after
         * one ends, needs nothing of the cohort: most windows, once a
         * cohort's starts range over the year (the conflict search's) */
        s->owk[2 * k] = lastfirst, s->owk[2 * k + 1] = firstlast;
        s->ocoh[k++] = c, s->ostart[k] = n;
    }
    if (k < 2 || held >= k)
        return true;
    memset(s->capw, 0, sizeof(int) * (size_t)(s->NWK + 1));
    for (int d = 0; d < s->D; d++) /* capw[w + 1]: held in the weeks before w + 1 */
        s->capw[(d + s->wshift) / 7 + 1] += s->cday[d] < held ? s->cday[d] : held;
    for (int w = 1; w <= s->NWK; w++)
        s->capw[w] += s->capw[w - 1];
    for (int a = A; a <= B; a++)
        for (int b = a; b <= B; b++) {
            int need = 0, cap = s->capw[b + 1] - s->capw[a];
            for (int i = 0; i < k; i++) {
                if (b < s->owk[2 * i] || a > s->owk[2 * i + 1])
                    continue;
                const Coh *C = &s->co[s->ocoh[i]];
                int least = INT32_MAX;
                for (int j = s->ostart[i]; j < s->ostart[i + 1] && least > 0; j++) {
                    const Opt *O = &C->o[s->olist[j]];
                    int lo = a > O->wk0 ? a : O->wk0, hi = b < O->wk1 ? b : O->wk1;
                    int m = lo > hi ? 0 : O->wpre[hi - O->wk0 + 1] - O->wpre[lo - O->wk0];
                    least = m < least ? m : least;
                }
                need += least;
            }
            if (need > cap)
                return false;
        }
    return true;
}

/* ---- the seat bound ----
 *
 * The sum of the cheapest options ignores rooms, and on a regional year
 * the rooms alone cost far more than that (plan-20-2: 266 against 323):
 * a probe at the least penalty then has slack to try every seating of
 * every site, and can take forever to prove that a value has no plan. So
 * the search keeps, per site whose rooms are limited and per depth, a
 * lower bound on what its unplaced cohorts cost: at the root the optimum
 * of seating them alone (no teachers), and below it what the parent's
 * bound leaves once a cohort is placed (options only ever go, so it stays
 * sound), raised when a probe of the site's seating alone, from the
 * options still alive, proves that nothing fits what the budget leaves
 * that site. It only ever fails a node, never drops an option, and the
 * failure's reason is everything that shaped that site's options. */

static bool seat_load(Search *s, int st)
{
    Seat *S = &s->seat[st];
    Search *r = S->r;
    r->ntrail = 0, r->h1 = r->h2 = r->hsum = 0;
    memset(r->placedset, 0, sizeof(Word) * (size_t)r->NW);
    for (int i = 0; i < r->n; i++) {
        Coh *R = &r->co[i];
        int k = S->of[i];
        memset(R->alive, 0, sizeof(Word) * (size_t)R->W);
        if (s->placed[k])
            put(R->alive, s->opt[k]);
        else
            memcpy(R->alive, s->co[k].alive, sizeof(Word) * (size_t)R->W);
        memset(R->cs, 0, sizeof(Word) * (size_t)r->NW);
        R->first[0] = 0;
        r->placed[i] = false;
        rehash_cohort(r, i);
    }
    r->lb[0] = 0;
    for (int i = 0; i < r->n; i++) {
        if (!settle(r, i))
            return false;
        r->lb[0] += r->co[i].rootmin = minpen(r, i);
    }
    r->lexc = -1, r->rnd = 0, r->guided = false, r->found = r->halt = r->aborted = false;
    return true;
}

/* What the placed cohorts of site st cost. */
static int64_t seat_placed(const Search *s, int st)
{
    const Seat *S = &s->seat[st];
    int64_t p = 0;
    for (int i = 0; i < S->r->n; i++)
        if (s->placed[S->of[i]])
            p += s->co[S->of[i]].o[s->opt[S->of[i]]].pen;
    return p;
}

static int64_t seat_base(const Search *s, int st)
{
    const Seat *S = &s->seat[st];
    int64_t p = 0;
    for (int i = 0; i < S->r->n; i++)
        if (!s->placed[S->of[i]])
            p += minpen(s, S->of[i]);
    return p;
}

#define SEAT_NONE (INT64_MAX / 4) /* a site that cannot seat its cohorts */

/* Depth 0: each site's seating optimum, where found within a budget. */
static void seat_root(Search *s)
{
    int ns = s->P->nsites;
    s->sbt[0] = s->lb[0];
    for (int st = 0; st < ns; st++) {
        if (!s->seat[st].r)
            continue;
        int64_t base = seat_base(s, st), v = base;
        Search *r = s->seat[st].r;
        if (!seat_load(s, st)) {
            v = SEAT_NONE;
        } else {
            r->phase = 1, r->best = INT64_MAX, r->known = r->lb[0];
            r->divelimit = r->nodes + s->seat[st].budget;
            /* The node budget alone holds a hard site back, and the whole
             * search's clock: a share of the clock (it had a twentieth of
             * the limit, at most half a second) made the bound, the nodes
             * and what a limit then cut depend on the machine's speed. */
            r->start = s->start, r->limit = s->limit, r->scale = s->scale;
            descend(r, 0, 0);
            r->aborted |= r->timeout;
            r->timeout = false, r->limit = 0;
            s->timeout |= s->limit > 0 && elapsed(s) > s->limit;
            if (r->aborted) /* a hard site: the next root gets less */
                s->seat[st].budget = 2000L * (r->n + 10);
            if (!r->found && !r->aborted)
                v = SEAT_NONE;
            else if (r->found && (r->halt || !r->aborted))
                v = r->best - seat_placed(s, st) > base ? r->best - seat_placed(s, st) : base;
        }
        r->divelimit = 0, r->aborted = false;
        s->sb[st] = v;
        s->sbt[0] += v - base;
    }
}

/* The seat bound at the root as room_bound gives it (INT64_MAX: a site
 * cannot seat its cohorts). */
static int64_t seat_bound0(const Search *s)
{
    for (int st = 0; st < s->P->nsites; st++)
        if (s->seat[st].r && s->sb[st] >= SEAT_NONE)
            return INT64_MAX;
    return s->sbt[0];
}

/* Depth d+1 from depth d, c placed with option o. */
static void seat_inherit(Search *s, int d, int c, int o)
{
    int ns = s->P->nsites;
    const int64_t *up = s->sb + (size_t)d * (size_t)ns;
    int64_t *sb = s->sb + (size_t)(d + 1) * (size_t)ns;
    s->sbt[d + 1] = s->lb[d + 1];
    for (int st = 0; st < ns; st++) {
        if (!s->seat[st].r)
            continue;
        int64_t base = seat_base(s, st), v = up[st] - (s->co[c].site == st ? s->co[c].o[o].pen : 0);
        sb[st] = v > base ? v : base;
        s->sbt[d + 1] += sb[st] - base;
    }
}

/* At depth d, with `allowed` left for the unplaced cohorts: whether the
 * seating of site st alone proves that they cannot keep within it. */
static void seat_probe(Search *s, int d, int st, int64_t allowed)
{
    int ns = s->P->nsites;
    if (st < 0 || st >= ns || !s->seat[st].r || s->sbt[d] > allowed)
        return;
    int64_t *sb = s->sb + (size_t)d * (size_t)ns;
    int left = 0;
    for (int i = 0; i < s->seat[st].r->n; i++)
        left += !s->placed[s->seat[st].of[i]];
    if (left < 2)
        return;
    int64_t thr = allowed - (s->sbt[d] - sb[st]);
    Search *r = s->seat[st].r;
    bool none = !seat_load(s, st);
    if (!none) {
        r->phase = 2, r->target = thr + seat_placed(s, st);
        r->divelimit = r->nodes + 200L * (r->n + 10);
        descend(r, 0, 0);
        none = !r->found && !r->aborted;
    }
    r->divelimit = 0, r->aborted = false;
    if (none) {
        s->sbt[d] += thr + 1 - sb[st];
        sb[st] = thr + 1;
    }
}

/* Why the seat bound fails at depth d: every cohort of a site whose bound
 * is above its cohorts' cheapest options, and what narrowed them. */
static void seat_reason(Search *s, int d, Word *out)
{
    int ns = s->P->nsites;
    const int64_t *sb = s->sb + (size_t)d * (size_t)ns;
    for (int st = 0; st < ns; st++) {
        const Seat *S = &s->seat[st];
        if (!S->r || sb[st] <= seat_base(s, st))
            continue;
        for (int i = 0; i < S->r->n; i++) {
            int k = S->of[i];
            if (s->placed[k])
                put(out, k);
            for (int w = 0; w < s->NW; w++)
                out[w] |= s->co[k].cs[w];
        }
    }
}

/* Teacher t's counters' hashes summed over days 0 … d-1, at [d]: a
 * period's share of the state's hash is then two reads, not a mix() per
 * day (plan-5-3: 8 % of the instructions, a period being months long). */
static const Word *teacher_hash(Search *s, int t)
{
    if (!s->thash[t]) {
        Word *h = arena_array(s->a, (size_t)s->D + 1, sizeof(Word));
        for (int d = 0; d < s->D; d++)
            h[d + 1] = h[d] + mix((Word)t * 0x10000 + (Word)d + 0x3C6EF372FE94F82BULL);
        s->thash[t] = h;
    }
    return s->thash[t];
}

/* Places cohort c with option o and the team in s->team; false when some
 * unplaced cohort is left with no option (s->wiped names it). The caller
 * saves the trail and the hashes first and restores them after unplace,
 * whatever this returns. */
static bool place(Search *s, int depth, int c, int o)
{
    const Coh *C = &s->co[c];
    const Opt *O = &C->o[o];
    const int *tm = s->team + (size_t)c * (size_t)s->maxslots;
    s->nodes++;
    if (s->nodelimit > 0 && s->nodes >= s->nodelimit)
        s->timeout = true;
    if (s->divelimit > 0 && s->nodes >= s->divelimit)
        s->aborted = true;
    rehash_cohort(s, c);
    s->placed[c] = true;
    s->opt[c] = o;
    mark(s, c, true);
    for (int e = 0; e < s->nex; e++)
        s->match[e] += s->ex[e][c] == o;
    for (int j = 0; j < C->nslots; j++) {
        int t = tm[j], mx = s->P->teachers[t].max_cohorts, *tc = s->tcount + (size_t)t * (size_t)s->D;
        int *sat = s->sat + (size_t)j * (size_t)(s->D + 2), ns = 0;
        s->used[t]++;
        if (mx > 1) { /* the counters decide what comes later only when a teacher takes several */
            const Word *h = teacher_hash(s, t);
            s->hsum += h[O->l + 1] - h[O->f];
        }
        for (int d = O->f; d <= O->l; d++) {
            if (++tc[d] >= mx) { /* full: no other period may touch this day */
                if (ns > 0 && sat[2 * ns - 1] == d - 1)
                    sat[2 * ns - 1] = d;
                else
                    sat[2 * ns] = sat[2 * ns + 1] = d, ns++;
            }
        }
        s->nsat[j] = ns;
    }
    if (rooms_limited(s, C->site) && s->P->sites[C->site].rooms > 1)
        for (int i = 0; i < O->nday; i++) {
            int d = O->day[i];
            s->rlist[C->site][(size_t)d * (size_t)s->rcap[C->site] + (size_t)s->rcnt[C->site][d]++] = c;
            s->hsum += mix(((Word)C->site << 48) ^ ((Word)d << 32) ^ ((Word)O->t0 << 16) ^ (Word)O->t1);
        }
    int64_t work = 1;
    for (int c2 = 0; c2 < s->n; c2++)
        if (!s->placed[c2]) {
            work += s->co[c2].W;
            if (!narrow(s, c, O, c2)) {
                clock_tick(s, work);
                return false;
            }
        }
    clock_tick(s, work);
    if (!exclude_last(s, depth + 1))
        return false;
    int64_t lb = 0;
    for (int c2 = 0; c2 < s->n; c2++)
        if (!s->placed[c2])
            lb += minpen(s, c2);
    s->lb[depth + 1] = lb;
    if (s->seat)
        seat_inherit(s, depth, c, o);
    return true;
}

static void unplace(Search *s, int c, int o)
{
    const Coh *C = &s->co[c];
    const Opt *O = &C->o[o];
    const int *tm = s->team + (size_t)c * (size_t)s->maxslots;
    for (int j = 0; j < C->nslots; j++) {
        int *tc = s->tcount + (size_t)tm[j] * (size_t)s->D;
        s->used[tm[j]]--;
        for (int d = O->f; d <= O->l; d++)
            tc[d]--;
    }
    if (rooms_limited(s, C->site) && s->P->sites[C->site].rooms > 1)
        for (int i = 0; i < O->nday; i++)
            s->rcnt[C->site][O->day[i]]--;
    for (int e = 0; e < s->nex; e++)
        s->match[e] -= s->ex[e][c] == o;
    mark(s, c, false);
    s->placed[c] = false;
}

/* Why the bound fails: the placed cohorts that cost more than their
 * cheapest option, and whatever raised an unplaced cohort's cheapest one.
 * Undoing anything else leaves the bound where it is. */
static void bound_reason(Search *s, Word *out)
{
    for (int c = 0; c < s->n; c++) {
        if (s->placed[c] && s->co[c].o[s->opt[c]].pen > s->co[c].rootmin)
            put(out, c);
        else if (!s->placed[c] && minpen(s, c) > s->co[c].rootmin)
            for (int w = 0; w < s->NW; w++)
                out[w] |= s->co[c].cs[w];
    }
}

/* ---- the memo of failed states ---- */

static Memo *recall(Search *s, int depth, Word *k1, Word *k2)
{
    Word m = 0;
    for (int e = 0; e < s->nex; e++) /* the earlier proposals the placed part repeats */
        if (s->match[e] == depth)
            m ^= mix((Word)e + 77);
    *k1 = s->h1 ^ mix(s->hsum) ^ m;
    *k2 = s->h2 ^ mix(s->hsum + 0x5851F42D4C957F2DULL) ^ mix(m + 1);
    return &s->memo[*k1 & s->memomask];
}

/* ---- the search ---- */

enum { NEXT, JUMP, STOP };

/* Whether option o with the team in s->team is the guide's value of c. */
static bool guided_value(const Search *s, int c, int o)
{
    size_t at = (size_t)c * (size_t)s->maxslots;
    return s->guided && s->gopt[c] == o &&
           memcmp(s->team + at, s->gteam + at, sizeof(int) * (size_t)s->co[c].nslots) == 0;
}

/* One value of cohort c: option o with the team in s->team. A failure's
 * reason (the placed cohorts it depends on) goes to why[depth+1]; one that
 * does not depend on c fails every value of c alike: jump back. */
static int value(Search *s, int depth, int c, int o, int64_t partial)
{
    Word *why = s->why + (size_t)(depth + 1) * (size_t)s->NW;
    int64_t pen = s->co[c].o[o].pen;
    size_t height = s->ntrail;
    Word h1 = s->h1, h2 = s->h2, hsum = s->hsum;
    bool stop = false;
    if (!place(s, depth, c, o)) {
        memcpy(why, s->co[s->wiped].cs, sizeof(Word) * (size_t)s->NW);
    } else {
        int64_t bound = partial + pen + s->lb[depth + 1], cap = s->phase == 1 ? s->best - 1 : s->target;
        bool seated = true;
        if (s->seat && bound <= cap) {
            seat_probe(s, depth + 1, s->co[c].site, cap - partial - pen);
            seated = partial + pen + s->sbt[depth + 1] <= cap;
        }
        if (bound <= cap && seated) {
            /* a hard probe's ranked value: its neighbourhood first (see
             * "a ranking probe's plan repaired"), unless it is the guide's */
            if (s->repairing && c == s->lexc && !guided_value(s, c, o))
                stop = repair(s, c);
            stop = stop || descend(s, depth + 1, partial + pen);
        } else {
            memset(why, 0, sizeof(Word) * (size_t)s->NW);
            bound_reason(s, why);
            if (!seated)
                seat_reason(s, depth + 1, why);
        }
    }
    unplace(s, c, o);
    undo(s, height);
    s->h1 = h1, s->h2 = h2, s->hsum = hsum;
    if (stop || s->timeout || s->aborted)
        return STOP;
    if (!has(why, c)) {
        memcpy(s->why + (size_t)depth * (size_t)s->NW, why, sizeof(Word) * (size_t)s->NW);
        return JUMP;
    }
    Word *acc = s->acc + (size_t)depth * (size_t)s->NW;
    for (int w = 0; w < s->NW; w++)
        acc[w] |= why[w];
    return NEXT;
}

/* Cohort c's teams from slot j on, in the contract's order (role by role,
 * each role's teachers ascending); `avoid` was tried already. */
static int fill(Search *s, int depth, int c, int o, int64_t partial, int64_t floor, int j, const int *avoid,
                bool *bounded)
{
    const Coh *C = &s->co[c];
    int *tm = s->team + (size_t)c * (size_t)s->maxslots, *in = s->inteam + (size_t)depth * (size_t)s->T;
    if (j == C->nslots) {
        if (avoid && memcmp(avoid, tm, sizeof(int) * (size_t)C->nslots) == 0)
            return NEXT;
        /* an unused teacher stands in for her unused equals of higher index */
        for (int k = 0; k < C->nslots; k++)
            if (s->used[tm[k]] == 0)
                for (int t = 0; t < tm[k]; t++)
                    if (s->cls[t] == s->cls[tm[k]] && s->used[t] == 0 && !in[t])
                        return NEXT;
        return value(s, depth, c, o, partial);
    }
    int r = C->slotrole[j];
    bool first = j == 0 || C->slotrole[j - 1] != r;
    int lowest = first ? 0 : tm[j - 1] + 1;
    const int *cd = s->cand + ((size_t)depth * (size_t)s->maxroles + (size_t)r) * (size_t)s->T;
    int ncd = s->ncand[(size_t)depth * (size_t)s->maxroles + (size_t)r];
    for (int k = 0; k < ncd; k++) {
        int t = cd[k];
        if (t < lowest || in[t])
            continue;
        in[t] = 1;
        tm[j] = t;
        int got = fill(s, depth, c, o, partial, floor, j + 1, avoid, bounded);
        in[t] = 0;
        if (got != NEXT)
            return got;
        if (s->phase == 1 && floor >= s->best) /* a better plan was found meanwhile */
            return *bounded = true, NEXT;
    }
    return NEXT;
}

/* Whether option o of cohort c is alive and team tm free and eligible for
 * it. */
static bool team_fits(Search *s, int c, int o, const int *tm)
{
    const Coh *C = &s->co[c];
    if (!has(C->alive, o))
        return false;
    free_teachers(s, c, o, s->avail);
    for (int j = 0; j < C->nslots; j++)
        if (!has(s->avail, tm[j]) || !has(C->elig + (size_t)C->slotrole[j] * (size_t)s->TW, tm[j]))
            return false;
    return true;
}

/* Option o of cohort c with every team the free teachers allow, or with
 * `want` alone. */
static int try_option(Search *s, int depth, int c, int o, int64_t partial, int64_t floor, const int *want,
                      const int *avoid, bool *bounded)
{
    const Coh *C = &s->co[c];
    Word *av = s->avail; /* read at once into the candidates */
    if (want) {
        if (!team_fits(s, c, o, want))
            return NEXT;
        memcpy(s->team + (size_t)c * (size_t)s->maxslots, want, sizeof(int) * (size_t)C->nslots);
        return value(s, depth, c, o, partial);
    }
    free_teachers(s, c, o, av);
    for (int r = 0; r < C->nroles; r++) {
        int *cd = s->cand + ((size_t)depth * (size_t)s->maxroles + (size_t)r) * (size_t)s->T, n = 0;
        const Word *e = C->elig + (size_t)r * (size_t)s->TW;
        for (int k = 0; k < C->nt; k++)
            if (has(av, C->tl[k]) && has(e, C->tl[k]))
                cd[n++] = C->tl[k];
        for (int k = n - 1; s->rnd && k > 0; k--) { /* fill goes by index, whatever this order */
            int i = (int)(roll(s) % (Word)(k + 1)), t = cd[i];
            cd[i] = cd[k], cd[k] = t;
        }
        s->ncand[(size_t)depth * (size_t)s->maxroles + (size_t)r] = n;
    }
    return fill(s, depth, c, o, partial, floor, 0, avoid, bounded);
}

static bool leaf(Search *s, int64_t partial)
{
    s->found = true;
    memcpy(s->bopt, s->opt, sizeof(int) * (size_t)s->n);
    memcpy(s->bteam, s->team, sizeof(int) * (size_t)s->n * (size_t)s->maxslots);
    if (s->phase == 2)
        return true;
    s->best = partial;
    return s->halt = partial <= s->known;
}

/* The options of c (alive or not) that cost at most a slack over its
 * cheapest alive one; NULL: none. */
static const Word *fit_mask(const Search *s, int c, int64_t slack)
{
    const Coh *C = &s->co[c];
    int64_t m0 = minpen(s, c), thr = slack > INT64_MAX - (m0 > 0 ? m0 : 0) ? INT64_MAX : m0 + slack;
    int lo = 0, hi = C->npl; /* the first level above thr */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (C->plv[mid] <= thr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? NULL : C->plmask + (size_t)(lo - 1) * (size_t)C->W;
}

/* The options of c that fit a slack over its cheapest alive one. */
static int fitting(const Search *s, int c, int64_t slack)
{
    const Coh *C = &s->co[c];
    const Word *m = fit_mask(s, c, slack);
    if (!m)
        return 0;
    int n = 0;
    for (int w = 0; w < C->W; w++)
        n += __builtin_popcountll(C->alive[w] & m[w]);
    return n;
}

/* ---- the teachers' capacity ----
 *
 * Forward checking sees what a placed cohort takes from the unplaced ones,
 * never what two unplaced cohorts take from each other, and at no slack
 * that is what a ranking probe has to prove. It proved it by enumeration:
 * on plan-20-3 the probe for cohort c1's Monday and Tuesday mornings
 * re-placed four cohorts of site s2 with every team (2.6 million nodes in
 * 15 s), each time to find that cohort c2 takes teacher t13, the only
 * peer teacher either c2 or c12 can have on their cheapest options, which
 * share dates at two sites. So a probe checks, before it branches, that
 * the unplaced cohorts can still be staffed. Only the options that fit
 * the slack count (the others cost more than the probe allows, whatever
 * the rest does), and a teacher can take a cohort when she is eligible
 * for the role and free for one of its fitting options. Two relaxations,
 * each a maximum b-matching of role slots to teachers (Kuhn's augmenting
 * paths); when one cannot fill every slot, no plan of the probe's penalty
 * completes this state:
 * - a day that every fitting option's period of a cohort spans: there a
 *   teacher takes at most max_cohorts less the placed cohorts she has on
 *   that day. Only the days on which such a span or a placed cohort's
 *   period starts are asked: between two such days neither the spans that
 *   hold a day nor the teachers' counts grow, so no other day is harder.
 *   A teacher may fill two roles of one cohort here (a team's teachers are
 *   distinct: left out, so the check is weaker, never wrong).
 * - a date that every fitting option of a cohort meets on: cohorts taken
 *   greedily so that each pair is at two sites or at overlapping times
 *   (every fitting option of one against every one of the other), of
 *   which a teacher takes at most one (PLANNING.md §2, 3). Exact for the
 *   cohorts taken; the greedy choice only makes it weaker.
 * - a week that every fitting option of some cohorts meets in, m days or
 *   more: a teacher takes at most (times apart) × floor(dates / m) of
 *   them (the weekly count, at staff_weeks).
 * It reads every placed cohort's doing, so its failure's reason is all of
 * them. A ranking probe asks it only once it has spent more than two
 * dives' nodes (2 × cohorts): most probes confirm the guide's value in one
 * dive, and a check costs several nodes' time (asked at every node,
 * plan-50-2 took 13.8 % more instructions for nothing). Phase 1 asks it
 * once the whole search has spent 200 nodes a cohort (plan-5-3 without
 * its professional role's requirement has plans of 136 over a bound of
 * 16: forward checking staffed the cheap starts every way, 8.6 s of CPU;
 * with the check 1.3 s). Past two dives' nodes instead, plan-50-2, which
 * is proven in its first thousands of nodes, took 3.74 G instructions
 * where it takes 1.47 G. In improve()'s neighbourhoods, which look for a
 * cheaper plan and prove nothing, only every other turn: there its pruning
 * only steers the walk, and on plan-100-1 it ended at 2038, which the
 * branch and bound then could not better in minutes, where without it the
 * walk reaches the least penalty, 2034, in 0.4 s; plan-100-3's price
 * question the other way round (improve()). Every search also asks it once at its root
 * (every option fits there). The seat bound's searches have no teachers
 * and go without. */

/* Kuhn's augmenting path for unit u of the capacity check. */
static bool cap_augment(Search *s, int u, int nu, Word *seen)
{
    const Word *adj = s->uadj + (size_t)u * (size_t)s->TW;
    for (int w = 0; w < s->TW; w++) {
        Word m = adj[w] & ~seen[w];
        while (m) {
            int t = w * 64 + __builtin_ctzll(m);
            m &= m - 1;
            seen[w] |= (Word)1 << (t & 63);
            if (s->uload[t] < s->ucap[t]) {
                s->uload[t]++, s->uasg[u] = t;
                return true;
            }
            for (int v = 0; v < nu; v++)
                if (s->uasg[v] == t && cap_augment(s, v, nu, seen)) {
                    s->uasg[u] = t;
                    return true;
                }
        }
    }
    return false;
}

/* Whether every role slot of the spans listed in s->uin[0 … nin-1] gets a
 * teacher within the capacities in s->ucap. */
static bool cap_fill(Search *s, int nin)
{
    int nu = 0;
    for (int t = 0; t < s->T; t++)
        s->uload[t] = 0;
    for (int i = 0; i < nin; i++) {
        int j = s->uin[i];
        const Coh *C = &s->co[s->ucoh[j]];
        const Word *tfree = s->ufree + (size_t)j * (size_t)s->TW;
        for (int r = 0; r < C->nroles; r++)
            for (int k = 0; k < C->roles[r].need; k++) {
                Word *adj = s->uadj + (size_t)nu * (size_t)s->TW;
                const Word *e = C->elig + (size_t)r * (size_t)s->TW;
                for (int w = 0; w < s->TW; w++)
                    adj[w] = tfree[w] & e[w];
                s->uasg[nu] = -1;
                memset(s->useen, 0, sizeof(Word) * (size_t)s->TW);
                if (!cap_augment(s, nu, nu + 1, s->useen))
                    return false;
                nu++;
            }
    }
    return true;
}

static int times_apart(const Search *s, int st);

/* The days of weeks w0 … w1 on which some option in `opts` of C meets, a
 * byte a week (a bit a weekday), eight weeks a word from week w0 / 8 * 8:
 * read from the options by day (C->dayopts), a few words a day; reading
 * each option's days instead cost plan-50-2 0.8 % more instructions. */
static void week_days(const Search *s, const Coh *C, const Word *opts, int w0, int w1, uint64_t *out)
{
    memset(out, 0, sizeof(uint64_t) * (size_t)(w1 / 8 - w0 / 8 + 1));
    int32_t d0 = 7 * w0 - s->wshift, d1 = 7 * w1 + 6 - s->wshift;
    for (int32_t d = d0 > C->lo ? d0 : C->lo; d <= d1 && d <= C->hi; d++) {
        const Word *row = C->dayopts + (size_t)(d - C->lo) * (size_t)C->W;
        bool met = false;
        for (int w = 0; !met && w < C->W; w++)
            met = (row[w] & opts[w]) != 0;
        int k = (d + s->wshift) / 7 - w0 / 8 * 8;
        if (met)
            out[k / 8] |= (uint64_t)1 << (k % 8 * 8 + (d + s->wshift) % 7);
    }
}

/* The weekly count, the third relaxation of the capacity check: a week
 * in which every fitting option of some cohorts meets on m days or more.
 * A teacher's meetings of one date are pairwise apart in time (at one
 * site: two sites on a date are refused too), and the times of all
 * options split into `wtimes` sets of times that overlap pairwise (an
 * interval graph: as many cliques as times pairwise apart), so on a date
 * she has at most one meeting per set. A cohort meets at one time, so
 * the cohorts she takes whose time is in one set hold m dates each, no
 * two the same: at most floor(dates / m) of them, the dates being those
 * of that week on which some fitting option she could teach meets (not
 * her `weekdays`: a follow-up day may fall on any weekday, only an
 * option's own weekdays are checked against hers). So she takes at most
 * wtimes × floor(dates / m) of those cohorts that week, and their role
 * slots must be matched within that. plan-5-3 (issue 15): t4 teaches on
 * Monday, Wednesday and Thursday and must take c1, c2 and c3, which meet
 * twice a week at one of two times: two a week, not three; forward
 * checking proved it by placing, 8 to 23 thousand nodes a question. The
 * placed cohorts' meetings are not counted against her (weaker, never
 * wrong), so the failure's reason is still every placed cohort (their
 * blocks narrowed what is left). Only the weeks every fitting option of
 * a cohort meets in are weighed, so a cohort over the conflict search's
 * wider starts costs nothing here. Asked at every root and in phase 1,
 * not in a ranking probe: asked there too (in an earlier form that read
 * every option's days), plan-50-2 took 1.4 % more instructions for the
 * same answer. */
static bool staff_weeks(Search *s, int64_t slack)
{
    if (!s->wm) { /* first asked: most searches never are past the root */
        size_t pool = 0;
        s->wdoff = arena_array(s->a, (size_t)s->n + 1, sizeof(size_t));
        for (int c = 0; c < s->n; c++)
            s->wdoff[c] = pool, pool += ((size_t)s->co[c].nt + 1) * (size_t)(s->NWK / 8 + 2);
        s->wd = arena_array(s->a, pool + 1, sizeof(uint64_t));
        s->wm = arena_array(s->a, (size_t)s->n * (size_t)s->NWK + 1, sizeof(uint8_t));
        s->wdays = arena_array(s->a, (size_t)s->T + 1, sizeof(uint8_t));
        for (int x = 1; x < 128; x++)
            s->wbits[x] = (uint8_t)(s->wbits[x >> 1] + (x & 1));
        s->ww0 = arena_array(s->a, (size_t)s->n + 1, sizeof(int));
        s->ww1 = arena_array(s->a, (size_t)s->n + 1, sizeof(int));
        s->wtimes = times_apart(s, INT32_MIN);
        int most = 1;
        for (int c = 0; c < s->n; c++)
            most = s->co[c].nprof > most ? s->co[c].nprof : most;
        s->wprof = arena_array(s->a, (size_t)most, sizeof(int));
    }
    int nc = 0, A = s->NWK, B = -1;
    for (int c = 0; c < s->n; c++) {
        if (s->placed[c])
            continue;
        const Coh *C = &s->co[c];
        const Word *fm = fit_mask(s, c, slack);
        Word *fit = s->ufit;
        int w0 = INT32_MIN, w1 = INT32_MAX;
        bool any = false, timed = true;
        for (int w = 0; w < C->W; w++)
            any |= (fit[w] = fm ? C->alive[w] & fm[w] : 0) != 0;
        for (int w = 0; any && w < C->W; w++)
            for (Word m = fit[w]; m; m &= m - 1) {
                const Opt *O = &C->o[w * 64 + __builtin_ctzll(m)];
                w0 = O->wk0 > w0 ? O->wk0 : w0, w1 = O->wk1 < w1 ? O->wk1 : w1;
                timed &= O->t0 < O->t1;
            }
        if (!any || w0 > w1 || !timed)
            continue; /* no week every fitting option meets in; an empty time clashes with none */
        uint8_t *m = s->wm + (size_t)nc * (size_t)s->NWK;
        s->wstamp++;
        int nw = w1 / 8 - w0 / 8 + 1; /* words of its weeks, as week_days writes them */
        uint64_t *dk = s->wd + s->wdoff[c];
        memset(m + w0, 7, (size_t)(w1 - w0 + 1));
        memset(dk, 0, sizeof(uint64_t) * (size_t)C->nt * (size_t)nw);
        Word *tfree = s->ufree + (size_t)nc * (size_t)s->TW;
        memset(tfree, 0, sizeof(Word) * (size_t)s->TW);
        for (int w = 0; w < C->W; w++)
            for (Word b = fit[w]; b; b &= b - 1) {
                const Opt *O = &C->o[w * 64 + __builtin_ctzll(b)];
                if (s->wprof[O->prof] != s->wstamp) /* options alike in every week: one count */
                    for (int k = w0; k <= w1; k++) {
                        int n = O->wpre[k - O->wk0 + 1] - O->wpre[k - O->wk0];
                        m[k] = (uint8_t)(n < m[k] ? n : m[k]);
                    }
                s->wprof[O->prof] = s->wstamp;
            }
        /* her days in those weeks: most teachers can take every fitting option */
        uint64_t *all = dk + (size_t)C->nt * (size_t)nw;
        week_days(s, C, fit, w0, w1, all);
        for (int t = 0; t < C->nt; t++) {
            const Word *tm = C->tmask + (size_t)t * (size_t)C->W, *bl = C->blocked + (size_t)t * (size_t)C->W;
            Word *x = s->ds; /* the fitting options she can take */
            bool every = true, some = false;
            for (int w = 0; w < C->W; w++) {
                x[w] = tm[w] & ~bl[w] & fit[w];
                every &= x[w] == fit[w], some |= x[w] != 0;
            }
            if (!some)
                continue;
            put(tfree, C->tl[t]);
            if (every)
                memcpy(dk + (size_t)t * (size_t)nw, all, sizeof(uint64_t) * (size_t)nw);
            else
                week_days(s, C, x, w0, w1, dk + (size_t)t * (size_t)nw);
        }
        s->ucoh[nc] = c, s->ww0[nc] = w0, s->ww1[nc] = w1, nc++;
        A = w0 < A ? w0 : A, B = w1 > B ? w1 : B;
    }
    for (int t = 0; t < s->T; t++)
        s->ucap[t] = 0;
    for (int w = A; w <= B; w++) {
        unsigned ms = 0; /* the counts of days met that week */
        for (int j = 0; j < nc; j++)
            if (s->ww0[j] <= w && w <= s->ww1[j])
                ms |= 1u << s->wm[(size_t)j * (size_t)s->NWK + (size_t)w];
        for (int need = 1; need <= 7; need++) {
            if (!(ms >> need))
                break;
            if (!(ms >> need & 1))
                continue; /* the same cohorts as at need + 1, which has fewer places */
            int nin = 0;
            memset(s->wdays, 0, (size_t)s->T);
            for (int j = 0; j < nc; j++) {
                if (w < s->ww0[j] || w > s->ww1[j] || s->wm[(size_t)j * (size_t)s->NWK + (size_t)w] < need)
                    continue;
                const Coh *C = &s->co[s->ucoh[j]];
                const uint64_t *dk = s->wd + s->wdoff[s->ucoh[j]];
                int nw = s->ww1[j] / 8 - s->ww0[j] / 8 + 1, k = w - s->ww0[j] / 8 * 8;
                for (int t = 0; t < C->nt; t++)
                    s->wdays[C->tl[t]] |= (uint8_t)(dk[(size_t)t * (size_t)nw + (size_t)(k / 8)] >> (8 * (k % 8)));
                s->uin[nin++] = j;
            }
            if (nin < 2)
                continue; /* one cohort always fits: its own option's dates */
            for (int t = 0; t < s->T; t++)
                s->ucap[t] = s->wtimes * (s->wbits[s->wdays[t]] / need);
            if (!cap_fill(s, nin))
                return false;
        }
    }
    return true;
}

/* Whether the unplaced cohorts can still be staffed within the slack (see
 * above), with the weekly count when `weeks`; false proves that no plan
 * completes this state. */
static bool staffable(Search *s, int64_t slack, bool weeks)
{
    int nc = 0;
    for (int c = 0; c < s->n; c++) {
        if (s->placed[c])
            continue;
        const Coh *C = &s->co[c];
        const Word *fm = fit_mask(s, c, slack);
        int32_t f = INT32_MIN, l = INT32_MAX;
        int t0 = INT32_MIN, t1 = INT32_MAX;
        Word *fit = s->ufit; /* alive and fitting */
        bool any = false;
        for (int w = 0; w < C->W; w++)
            any |= (fit[w] = fm ? C->alive[w] & fm[w] : 0) != 0;
        if (!any)
            continue; /* not met: its cheapest alive option fits any slack >= 0 */
        for (int w = 0; w < C->W; w++)
            for (Word m = fit[w]; m; m &= m - 1) {
                const Opt *O = &C->o[w * 64 + __builtin_ctzll(m)];
                f = O->f > f ? O->f : f;
                l = O->l < l ? O->l : l;
                t0 = O->t0 > t0 ? O->t0 : t0;
                t1 = O->t1 < t1 ? O->t1 : t1;
            }
        if (f > l)
            continue; /* no day common to its fitting options */
        Word *tfree = s->ufree + (size_t)nc * (size_t)s->TW;
        memset(tfree, 0, sizeof(Word) * (size_t)s->TW);
        for (int k = 0; k < C->nt; k++) {
            const Word *tm = C->tmask + (size_t)k * (size_t)C->W, *bl = C->blocked + (size_t)k * (size_t)C->W;
            for (int w = 0; w < C->W; w++)
                if (tm[w] & ~bl[w] & fit[w]) {
                    put(tfree, C->tl[k]);
                    break;
                }
        }
        Word *met = s->umet + (size_t)nc * (size_t)s->DW; /* the dates all its fitting options meet on */
        memset(met, 0, sizeof(Word) * (size_t)s->DW);
        for (int32_t d = C->lo; d <= C->hi; d++) {
            const Word *row = C->dayopts + (size_t)(d - C->lo) * (size_t)C->W;
            bool all = true;
            for (int w = 0; all && w < C->W; w++)
                all = (row[w] & fit[w]) == fit[w];
            if (all)
                put(met, d);
        }
        s->ucoh[nc] = c, s->uf[nc] = f, s->ul[nc] = l, s->ut0[nc] = t0, s->ut1[nc] = t1, nc++;
    }
    /* max_cohorts: the spans that hold a day */
    int nd = nc;
    for (int c = 0; c < s->n; c++)
        if (s->placed[c] && s->co[c].nslots > 0)
            s->uf[nd++] = s->co[c].o[s->opt[c]].f;
    s->ustampv++;
    for (int i = 0; i < nd; i++) {
        int32_t d = s->uf[i];
        if (s->ustamp[d] == s->ustampv)
            continue;
        s->ustamp[d] = s->ustampv;
        int nin = 0;
        for (int t = 0; t < s->T; t++) {
            int left = s->P->teachers[t].max_cohorts - s->tcount[(size_t)t * (size_t)s->D + (size_t)d];
            s->ucap[t] = left > 0 ? left : 0;
        }
        for (int j = 0; j < nc; j++)
            if (s->uf[j] <= d && s->ul[j] >= d)
                s->uin[nin++] = j;
        if (!cap_fill(s, nin))
            return false;
    }
    /* one date: cohorts that surely meet on it, pairwise at other sites or
     * at overlapping times, need a teacher each */
    for (int t = 0; t < s->T; t++)
        s->ucap[t] = 1;
    int prev = 0;
    for (int d = 0; d < s->D; d++) {
        int nin = 0;
        for (int j = 0; j < nc; j++) {
            if (!has(s->umet + (size_t)j * (size_t)s->DW, d))
                continue;
            bool apart = true; /* from every cohort taken so far */
            for (int i = 0; apart && i < nin; i++) {
                int k = s->uin[i];
                int a0 = s->ut0[j] > s->ut0[k] ? s->ut0[j] : s->ut0[k], a1 = s->ut1[j] < s->ut1[k] ? s->ut1[j] : s->ut1[k];
                apart = s->co[s->ucoh[j]].site != s->co[s->ucoh[k]].site || a0 < a1;
            }
            if (apart)
                s->uin[nin++] = j;
        }
        bool same = nin == prev;
        for (int i = 0; same && i < nin; i++)
            same = s->uprev[i] == s->uin[i];
        if (same || nin < 2)
            continue;
        memcpy(s->uprev, s->uin, sizeof(int) * (size_t)nin);
        prev = nin;
        if (!cap_fill(s, nin))
            return false;
    }
    return !weeks || staff_weeks(s, slack);
}

/* What the unplaced cohorts may pay over their cheapest options at this
 * node: unbounded while phase 1 has no plan yet. */
static int64_t slack_at(const Search *s, int depth, int64_t partial)
{
    return s->phase == 1 && s->best == INT64_MAX ? INT64_MAX
                                                  : (s->phase == 1 ? s->best - 1 : s->target) - partial - s->lb[depth];
}

/* The next cohort: the one phase 2 ranks when it is due, else the one with
 * the fewest options left that the budget still allows, the earliest first
 * among equals (neighbours in time share teachers and rooms, so this keeps
 * the search local). */
static int pick(Search *s, int depth, int64_t partial)
{
    if (s->lexc >= 0 && depth == s->lexc)
        return s->lexc;
    int64_t slack = slack_at(s, depth, partial);
    int c = -1, best = 0, ties = 0;
    for (int c2 = 0; c2 < s->n; c2++) {
        if (s->placed[c2])
            continue;
        int n = fitting(s, c2, slack);
        if (c < 0 || n < best)
            c = c2, best = n, ties = 1;
        else if (n == best && (s->rnd ? roll(s) % (Word)++ties == 0 : s->co[c2].lo < s->co[c].lo))
            c = c2;
    }
    return c;
}

/* Tries every value of the next cohort; false when none leads to a plan,
 * with the reason in why[depth]: the placed cohorts the failure depends on.
 * Values go by penalty, the guide's first when there is one; the cohort
 * phase 2 is ranking goes by the contract's order. */
static bool descend(Search *s, int depth, int64_t partial)
{
    Word *why = s->why + (size_t)depth * (size_t)s->NW, *acc = s->acc + (size_t)depth * (size_t)s->NW;
    if (s->timeout || s->aborted)
        return true;
    if (depth == s->n) {
        if (leaf(s, partial))
            return true;
        memcpy(why, s->placedset, sizeof(Word) * (size_t)s->NW); /* a plan depends on all */
        return false;
    }
    if (partial + (s->seat ? s->sbt[depth] : s->lb[depth]) > (s->phase == 1 ? s->best - 1 : s->target)) {
        memset(why, 0, sizeof(Word) * (size_t)s->NW); /* only at a probe's start */
        bound_reason(s, why);
        if (s->seat)
            seat_reason(s, depth, why);
        return false;
    }
    Word k1, k2;
    Memo *m = recall(s, depth, &k1, &k2);
    if (m->k1 == k1 && m->k2 == k2 && m->budget >= (s->phase == 1 ? s->best - 1 : s->target) - partial) {
        memcpy(why, s->placedset, sizeof(Word) * (size_t)s->NW);
        return false;
    }
    if ((s->phase == 1 ? s->T > 0 && !s->around && s->nodes > s->staff_after
                       : s->lexc >= 0 && s->nodes - s->probed > 2L * s->n) &&
        !staffable(s, slack_at(s, depth, partial), s->phase == 1)) {
        memcpy(why, s->placedset, sizeof(Word) * (size_t)s->NW); /* it reads what they all left */
        return false;
    }
    int c = pick(s, depth, partial);
    const Coh *C = &s->co[c];
    int64_t rest = s->lb[depth] - minpen(s, c);
    bool bounded = false, lex = c == s->lexc, jumped = false;
    const int *gt = s->gteam + (size_t)c * (size_t)s->maxslots;
    int go = s->guided && !lex ? s->gopt[c] : -1, got = NEXT;
    if (s->rnd && !lex) { /* a dive: any of the cheapest alive options first, with every team */
        int64_t p0 = minpen(s, c);
        int k = (int)C->first[0], n = 0;
        for (int i = k; i < C->nopts && C->o[C->bypen[i]].pen == p0; i++)
            if (has(C->alive, C->bypen[i]) && roll(s) % (Word)++n == 0)
                go = C->bypen[i];
        gt = NULL;
    }
    memset(acc, 0, sizeof(Word) * (size_t)s->NW);
    if (go >= 0 && has(C->alive, go) && partial + C->o[go].pen + rest <= (s->phase == 1 ? s->best - 1 : s->target))
        got = try_option(s, depth, c, go, partial, partial + C->o[go].pen + rest, gt, NULL, &bounded);
    for (int k = lex ? 0 : (int)C->first[0]; got == NEXT && k < C->nopts; k++) {
        int o = lex ? k : C->bypen[k];
        if (!has(C->alive, o) || (o == go && !gt))
            continue;
        int64_t floor = partial + C->o[o].pen + rest;
        if (floor > (s->phase == 1 ? s->best - 1 : s->target)) {
            bounded = true;
            if (!lex) /* by penalty: the rest cost as much or more */
                break;
            continue;
        }
        got = try_option(s, depth, c, o, partial, floor, NULL, o == go ? gt : NULL, &bounded);
    }
    if (got == STOP)
        return true;
    jumped = got == JUMP;
    if (!jumped) {
        if (bounded)
            bound_reason(s, acc);
        for (int w = 0; w < s->NW; w++)
            acc[w] |= C->cs[w];
        drop(acc, c);
        memcpy(why, acc, sizeof(Word) * (size_t)s->NW);
    }
    int64_t budget = (s->phase == 1 ? s->best - 1 : s->target) - partial;
    if (m->k1 != k1 || m->k2 != k2)
        *m = (Memo){k1, k2, budget};
    else if (budget > m->budget)
        m->budget = budget;
    return false;
}

/* The root state: every option that has a team on its own; false when a
 * cohort has none (then there is no plan at all). */
static bool root(Search *s)
{
    s->ntrail = 0, s->h1 = s->h2 = s->hsum = 0;
    memset(s->placedset, 0, sizeof(Word) * (size_t)s->NW);
    for (int c = 0; c < s->n; c++) {
        Coh *C = &s->co[c];
        memcpy(C->alive, C->root, sizeof(Word) * (size_t)C->W);
        memset(C->blocked, 0, sizeof(Word) * (size_t)C->W * (size_t)C->nt);
        memset(C->cs, 0, sizeof(Word) * (size_t)s->NW);
        C->first[0] = 0;
        s->placed[c] = false;
        rehash_cohort(s, c);
    }
    for (int e = 0; e < s->nex; e++)
        s->match[e] = 0;
    for (int c = 0; c < s->n; c++)
        if (!settle(s, c))
            return false;
    if (!exclude_last(s, 0))
        return false;
    for (int st = 0; st < s->P->nsites; st++)
        if (!seat_count(s, st))
            return false;
    /* the teachers' capacity, once per search: a relaxation, so it only
     * refuses years with no plan, and a pigeonhole of teachers (a role's
     * teachers fewer than the cohorts that all run on one day) that the
     * search would prove by staffing every way (plan-5-3 without t4's
     * weekdays: 3 s on the clock, unknown) */
    if (!staffable(s, INT64_MAX, true))
        return false;
    s->lb[0] = 0;
    for (int c = 0; c < s->n; c++)
        s->lb[0] += s->co[c].rootmin = minpen(s, c);
    if (s->seat)
        seat_root(s);
    return true;
}

/* The weeks an option meets in, for the seat count: per week from its
 * first to its last, how many of its days fall before it (a prefix sum). */
static void prepare_weeks(const Search *s, Arena *a, Opt *O)
{
    int32_t d0 = INT32_MAX, d1 = INT32_MIN;
    for (int i = 0; i < O->nday; i++)
        d0 = O->day[i] < d0 ? O->day[i] : d0, d1 = O->day[i] > d1 ? O->day[i] : d1;
    if (O->nday == 0)
        d0 = d1 = 0;
    O->wk0 = (d0 + s->wshift) / 7, O->wk1 = (d1 + s->wshift) / 7;
    O->wpre = arena_array(a, (size_t)(O->wk1 - O->wk0 + 2), sizeof(int));
    for (int i = 0; i < O->nday; i++)
        O->wpre[(O->day[i] + s->wshift) / 7 - O->wk0 + 1]++;
    for (int w = 1; w <= O->wk1 - O->wk0 + 1; w++)
        O->wpre[w] += O->wpre[w - 1];
}

/* Options that meet as often in every week (the same start week, the
 * other weekdays or time) share one profile, so the seat count weighs
 * each profile once: a cohort's options over a whole year (the conflict
 * search's wider starts) have about ten times fewer profiles. */
static void prepare_profiles(Arena *a, Coh *C)
{
    size_t cap = 16, mask;
    while (cap < 2 * (size_t)C->nopts)
        cap *= 2;
    mask = cap - 1;
    int *tab = arena_array(a, cap, sizeof(int)); /* option + 1 of each profile; 0: empty */
    for (int o = 0; o < C->nopts; o++) {
        Opt *O = &C->o[o];
        int len = O->wk1 - O->wk0 + 2;
        Word h = mix((Word)(uint32_t)O->wk0 << 32 | (uint32_t)O->wk1);
        for (int i = 0; i < len; i++)
            h = mix(h ^ (Word)(uint32_t)O->wpre[i]);
        size_t i = (size_t)h & mask;
        for (; tab[i]; i = (i + 1) & mask) {
            const Opt *R = &C->o[tab[i] - 1];
            if (R->wk0 == O->wk0 && R->wk1 == O->wk1 && memcmp(R->wpre, O->wpre, sizeof(int) * (size_t)len) == 0)
                break;
        }
        if (tab[i]) {
            O->prof = C->o[tab[i] - 1].prof, O->wpre = C->o[tab[i] - 1].wpre;
        } else {
            tab[i] = o + 1;
            O->prof = C->nprof++;
        }
    }
}

/* An option's place in bypen: by penalty, then index. */
typedef struct PenKey {
    int64_t pen;
    int o;
} PenKey;

static int penkey_cmp(const void *x, const void *y)
{
    const PenKey *a = x, *b = y;
    return a->pen != b->pen ? (a->pen < b->pen ? -1 : 1) : (a->o > b->o) - (a->o < b->o);
}

static void prepare_cohort(Search *s, Arena *a, int c, int32_t base)
{
    const PlanCohort *pc = &s->P->cohorts[c];
    Coh *C = &s->co[c];
    int TW = s->TW;
    C->site = pc->site, C->nopts = pc->nopts, C->W = nwords(pc->nopts);
    C->roles = pc->roles, C->nroles = pc->nroles;
    for (int r = 0; r < pc->nroles; r++)
        C->nslots += pc->roles[r].need > 0 ? pc->roles[r].need : 0;
    C->slotrole = arena_array(a, (size_t)C->nslots + 1, sizeof(int));
    for (int r = 0, j = 0; r < pc->nroles; r++)
        for (int k = 0; k < pc->roles[r].need; k++)
            C->slotrole[j++] = r;
    C->elig = arena_array(a, (size_t)(pc->nroles + 1) * (size_t)TW, sizeof(Word));
    C->anyelig = arena_array(a, (size_t)TW, sizeof(Word));
    for (int r = 0; r < pc->nroles; r++)
        for (int k = 0; k < pc->roles[r].neligible; k++) {
            int t = pc->roles[r].eligible[k];
            if (t >= 0 && t < s->T)
                put(C->elig + (size_t)r * (size_t)TW, t), put(C->anyelig, t);
        }
    C->o = arena_array(a, (size_t)C->nopts + 1, sizeof(Opt));
    C->bypen = arena_array(a, (size_t)C->nopts + 1, sizeof(int));
    C->compat = arena_array(a, (size_t)C->nopts * (size_t)TW + 1, sizeof(Word));
    C->root = arena_array(a, (size_t)C->W + 1, sizeof(Word));
    C->cls0 = arena_array(a, (size_t)C->nopts + 1, sizeof(int));
    C->cls1 = arena_array(a, (size_t)C->nopts + 1, sizeof(int));
    PenKey *keys = arena_array(a, (size_t)C->nopts + 1, sizeof *keys);
    C->lo = INT32_MAX, C->hi = INT32_MIN;
    for (int o = 0; o < C->nopts; o++) {
        const PlanOption *po = &pc->opts[o];
        Opt *O = &C->o[o];
        O->f = po->first - base, O->l = po->last - base, O->t0 = po->t0, O->t1 = po->t1;
        O->pen = po->penalty, O->nday = po->ndays;
        O->day = arena_array(a, (size_t)po->ndays + 1, sizeof(int32_t));
        O->lo = O->f, O->hi = O->l;
        for (int i = 0; i < po->ndays; i++) {
            O->day[i] = po->days[i] - base;
            O->lo = O->day[i] < O->lo ? O->day[i] : O->lo;
            O->hi = O->day[i] > O->hi ? O->day[i] : O->hi;
        }
        C->lo = O->lo < C->lo ? O->lo : C->lo;
        C->hi = O->hi > C->hi ? O->hi : C->hi;
        prepare_weeks(s, a, O);
        keys[o] = (PenKey){O->pen, o};
        int cl = 0;
        while (cl < C->ncls && (C->cls0[cl] != O->t0 || C->cls1[cl] != O->t1))
            cl++;
        if (cl == C->ncls)
            C->cls0[cl] = O->t0, C->cls1[cl] = O->t1, C->ncls++;
        Word *cm = C->compat + (size_t)o * (size_t)TW;
        for (int t = 0; t < s->T; t++) {
            if (!has(C->anyelig, t)) /* only the cohort's own teachers are ever asked */
                continue;
            const PlanTeacher *pt = &s->P->teachers[t];
            bool ok = (po->weekdays & ~pt->weekdays) == 0;
            int j = 0;
            while (ok && po->ndays > 0 && j < pt->naway && pt->away[j][1] < po->days[0])
                j++;
            /* day by day only when an absence falls within the option's
             * days: every oracle question sets this up again, over the
             * conflict's wider starts (plan-200-1: most of its time) */
            bool near = po->ndays > 0 && j < pt->naway && pt->away[j][0] <= po->days[po->ndays - 1];
            for (int i = 0; ok && near && i < po->ndays; i++) {
                while (j < pt->naway && pt->away[j][1] < po->days[i])
                    j++;
                ok = !(j < pt->naway && pt->away[j][0] <= po->days[i]);
            }
            if (ok)
                put(cm, t);
        }
        if (teamable(s, C, cm))
            put(C->root, o);
    }
    /* sorted, not inserted: over the conflict's wider starts a cohort has
     * hundreds of options, in no order of penalty, set up again for every
     * oracle question */
    qsort(keys, (size_t)C->nopts, sizeof *keys, penkey_cmp);
    for (int o = 0; o < C->nopts; o++)
        C->bypen[o] = keys[o].o;
    if (C->nopts == 0)
        C->lo = C->hi = 0;
    prepare_profiles(a, C);
    C->tl = arena_array(a, (size_t)s->T + 1, sizeof(int));
    for (int t = 0; t < s->T; t++)
        if (has(C->anyelig, t))
            s->loc[(size_t)c * (size_t)s->T + (size_t)t] = C->nt, C->tl[C->nt++] = t;
        else
            s->loc[(size_t)c * (size_t)s->T + (size_t)t] = -1;
    C->tmask = arena_array(a, (size_t)C->nt * (size_t)C->W + 1, sizeof(Word));
    for (int o = 0; o < C->nopts; o++)
        for (int k = 0; k < C->nt; k++)
            if (has(C->compat + (size_t)o * (size_t)TW, C->tl[k]))
                put(C->tmask + (size_t)k * (size_t)C->W, o);
    C->clsmask = arena_array(a, (size_t)C->ncls * (size_t)C->W + 1, sizeof(Word));
    C->dayopts = arena_array(a, (size_t)(C->hi - C->lo + 1) * (size_t)C->W, sizeof(Word));
    for (int o = 0; o < C->nopts; o++) {
        const Opt *O = &C->o[o];
        int cl = 0;
        while (C->cls0[cl] != O->t0 || C->cls1[cl] != O->t1)
            cl++;
        put(C->clsmask + (size_t)cl * (size_t)C->W, o);
        for (int i = 0; i < O->nday; i++)
            put(C->dayopts + (size_t)(O->day[i] - C->lo) * (size_t)C->W, o);
    }
}

/* The sorted distinct values of a[0 … n-1] (n >= 1) into out; their count. */
static int distinct(int32_t *out, const Opt *o, int n, bool last)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        int32_t v = last ? o[i].l : o[i].f;
        int k = m;
        while (k > 0 && out[k - 1] > v)
            k--;
        if (k > 0 && out[k - 1] == v)
            continue;
        memmove(out + k + 1, out + k, sizeof(int32_t) * (size_t)(m - k));
        out[k] = v, m++;
    }
    return m;
}

static void prepare_periods(Arena *a, Coh *C)
{
    int W = C->W;
    C->plv = arena_array(a, (size_t)C->nopts + 1, sizeof(int64_t));
    C->plmask = arena_array(a, ((size_t)C->nopts + 1) * (size_t)W, sizeof(Word));
    for (int k = 0; k < C->nopts; k++) { /* bypen is sorted: a level ends where the penalty rises */
        int64_t p = C->o[C->bypen[k]].pen;
        if (C->npl == 0 || C->plv[C->npl - 1] != p) {
            if (C->npl > 0)
                memcpy(C->plmask + (size_t)C->npl * (size_t)W, C->plmask + (size_t)(C->npl - 1) * (size_t)W,
                       sizeof(Word) * (size_t)W);
            C->plv[C->npl++] = p;
        }
        put(C->plmask + (size_t)(C->npl - 1) * (size_t)W, C->bypen[k]);
    }
    C->fs = arena_array(a, (size_t)C->nopts + 1, sizeof(int32_t));
    C->ls = arena_array(a, (size_t)C->nopts + 1, sizeof(int32_t));
    C->nfs = distinct(C->fs, C->o, C->nopts, false);
    C->nls = distinct(C->ls, C->o, C->nopts, true);
    C->fle = arena_array(a, (size_t)C->nfs * (size_t)W + 1, sizeof(Word));
    C->lge = arena_array(a, (size_t)C->nls * (size_t)W + 1, sizeof(Word));
    /* each option in the row of its own first (last) day, then the rows
     * OR-ed as prefixes (suffixes): linear, where every option against
     * every day was quadratic in the conflict's wider starts */
    for (int o = 0; o < C->nopts; o++) {
        put((Word *)touch_first(C, C->o[o].f), o);
        put((Word *)touch_last(C, C->o[o].l), o);
    }
    for (int i = 1; i < C->nfs; i++)
        for (int w = 0; w < W; w++)
            C->fle[(size_t)i * (size_t)W + (size_t)w] |= C->fle[(size_t)(i - 1) * (size_t)W + (size_t)w];
    for (int i = C->nls - 2; i >= 0; i--)
        for (int w = 0; w < W; w++)
            C->lge[(size_t)i * (size_t)W + (size_t)w] |= C->lge[(size_t)(i + 1) * (size_t)W + (size_t)w];
}

/* The most times of site st's options that are pairwise apart (at least
 * 1): interval scheduling, earliest end first. */
static int times_apart(const Search *s, int st)
{
    int most = 0, end = INT32_MIN;
    for (;;) { /* the next time starting at or after `end` that ends first */
        int next = INT32_MAX;
        for (int c = 0; c < s->n; c++)
            for (int k = 0; (st == INT32_MIN || s->co[c].site == st) && k < s->co[c].ncls; k++) {
                int t0 = s->co[c].cls0[k], t1 = s->co[c].cls1[k];
                if (t0 < t1 && t0 >= end && t1 < next) /* an empty time holds no room */
                    next = t1;
            }
        if (next == INT32_MAX)
            break;
        most++, end = next;
    }
    return most > 0 ? most : 1;
}

/* Teachers that no constraint tells apart share a class: the same
 * weekdays, away ranges, limit and eligibility in every role. */
static void teacher_classes(Search *s)
{
    const PlanTeacher *tt = s->P->teachers;
    for (int t = 0; t < s->T; t++) {
        s->cls[t] = t;
        for (int u = 0; u < t && s->cls[t] == t; u++) {
            bool same = tt[u].weekdays == tt[t].weekdays && tt[u].max_cohorts == tt[t].max_cohorts &&
                        tt[u].naway == tt[t].naway;
            for (int k = 0; same && k < tt[t].naway; k++)
                same = tt[u].away[k][0] == tt[t].away[k][0] && tt[u].away[k][1] == tt[t].away[k][1];
            for (int c = 0; same && c < s->n; c++)
                for (int r = 0; same && r < s->co[c].nroles; r++) {
                    const Word *e = s->co[c].elig + (size_t)r * (size_t)s->TW;
                    same = has(e, t) == has(e, u);
                }
            if (same)
                s->cls[t] = s->cls[u];
        }
    }
}

static void setup(Search *s, const PlanProblem *P, Arena *a)
{
    s->a = a, s->P = P, s->n = P->ncohorts, s->T = P->nteachers, s->TW = nwords(P->nteachers > 0 ? P->nteachers : 1);
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (int c = 0; c < s->n; c++)
        for (int o = 0; o < P->cohorts[c].nopts; o++) {
            const PlanOption *po = &P->cohorts[c].opts[o];
            lo = po->first < lo ? po->first : lo;
            hi = po->last > hi ? po->last : hi;
            if (po->ndays > 0) {
                lo = po->days[0] < lo ? po->days[0] : lo;
                hi = po->days[po->ndays - 1] > hi ? po->days[po->ndays - 1] : hi;
            }
        }
    if (lo > hi)
        lo = hi = 0;
    s->D = (int)(hi - lo + 1);
    s->wshift = (int)((((int64_t)lo + 3) % 7 + 7) % 7); /* 1970-01-01 was a Thursday: weeks start on Monday */
    s->NWK = (s->D - 1 + s->wshift) / 7 + 1;
    s->co = arena_array(a, (size_t)s->n + 1, sizeof(Coh));
    s->owner = arena_array(a, (size_t)s->T + 1, sizeof(int));
    s->seen = arena_array(a, (size_t)s->TW, sizeof(Word));
    s->NW = nwords(s->n);
    s->loc = arena_array(a, (size_t)s->n * (size_t)s->T + 1, sizeof(int));
    int maxW = 1;
    s->maxroles = 1;
    for (int c = 0; c < s->n; c++) {
        /* the clock holds here too (stopped: solve_group answers nothing) */
        clock_tick(s, SETUP_WORK * (int64_t)P->cohorts[c].nopts);
        if (s->timeout)
            return;
        prepare_cohort(s, a, c, lo);
        prepare_periods(a, &s->co[c]);
        maxW = s->co[c].W > maxW ? s->co[c].W : maxW;
        s->maxslots = s->co[c].nslots > s->maxslots ? s->co[c].nslots : s->maxslots;
        s->maxroles = s->co[c].nroles > s->maxroles ? s->co[c].nroles : s->maxroles;
    }
    size_t hw = 0, n1 = (size_t)s->n + 1, T = (size_t)s->T + 1, nopts = 0;
    for (int c = 0; c < s->n; c++)
        hw += (size_t)s->co[c].W * ((size_t)s->co[c].nt + 1), nopts += (size_t)s->co[c].nopts;
    s->hs = arena_array(a, hw + 1, sizeof(Word));
    Word *cs = arena_array(a, n1 * (size_t)s->NW, sizeof(Word)), *first = arena_array(a, 2 * n1, sizeof(Word));
    for (int c = 0, off = 0; c < s->n; c++) {
        Coh *C = &s->co[c];
        C->alive = s->hs + off, C->blocked = C->alive + C->W, off += C->W * (C->nt + 1);
        C->cs = cs + (size_t)c * (size_t)s->NW, C->first = first + 2 * c;
    }
    s->memomask = 1023; /* 16 entries an option, up to 2^18 */
    while (s->memomask < 16 * nopts && s->memomask < (1u << 18) - 1)
        s->memomask = 2 * s->memomask + 1;
    s->memo = arena_array(a, s->memomask + 1, sizeof(Memo));
    s->lb = arena_array(a, n1, sizeof(int64_t));
    s->why = arena_array(a, (n1 + 1) * (size_t)s->NW, sizeof(Word));
    s->acc = arena_array(a, (n1 + 1) * (size_t)s->NW, sizeof(Word));
    s->placedset = arena_array(a, (size_t)s->NW, sizeof(Word));
    s->tcoh = arena_array(a, T * (size_t)s->NW, sizeof(Word));
    s->sitecoh = arena_array(a, (size_t)(P->nsites + 1) * (size_t)s->NW, sizeof(Word));
    s->placed = arena_array(a, n1, sizeof(bool));
    s->rfreed = arena_array(a, n1, sizeof(bool));
    s->rorder = arena_array(a, n1, sizeof(int));
    s->rmost = s->n / 4 < 20 ? (s->n / 4 > 3 ? s->n / 4 : 3) : 20;
    s->opt = arena_array(a, n1, sizeof(int));
    s->bopt = arena_array(a, n1, sizeof(int));
    s->team = arena_array(a, n1 * ((size_t)s->maxslots + 1), sizeof(int));
    s->bteam = arena_array(a, n1 * ((size_t)s->maxslots + 1), sizeof(int));
    s->gopt = arena_array(a, n1, sizeof(int));
    s->gteam = arena_array(a, n1 * ((size_t)s->maxslots + 1), sizeof(int));
    s->used = arena_array(a, T, sizeof(int));
    s->cls = arena_array(a, T, sizeof(int));
    s->tcount = arena_array(a, T * (size_t)s->D, sizeof(int));
    s->thash = arena_array(a, T, sizeof(Word *));
    s->inteam = arena_array(a, n1 * T, sizeof(int));
    s->cand = arena_array(a, n1 * (size_t)s->maxroles * T, sizeof(int));
    s->ncand = arena_array(a, n1 * (size_t)s->maxroles, sizeof(int));
    s->avail = arena_array(a, (size_t)s->TW, sizeof(Word));
    s->ds = arena_array(a, (size_t)maxW, sizeof(Word));
    s->tc = arena_array(a, (size_t)maxW, sizeof(Word));
    s->chg = arena_array(a, (size_t)maxW, sizeof(Word));
    s->cnt = arena_array(a, 4 * (size_t)maxW, sizeof(Word));
    s->sat = arena_array(a, ((size_t)s->maxslots + 1) * ((size_t)s->D + 2), sizeof(int));
    s->nsat = arena_array(a, (size_t)s->maxslots + 1, sizeof(int));
    int ns = P->nsites > 0 ? P->nsites : 1;
    s->rcnt = arena_array(a, (size_t)ns, sizeof(int *));
    s->rlist = arena_array(a, (size_t)ns, sizeof(int *));
    s->rcap = arena_array(a, (size_t)ns, sizeof(int));
    for (int c = 0; c < s->n; c++)
        if (rooms_limited(s, s->co[c].site))
            s->rcap[s->co[c].site]++;
    for (int st = 0; st < P->nsites; st++)
        if (P->sites[st].rooms > 1) {
            s->rcnt[st] = arena_array(a, (size_t)s->D, sizeof(int));
            s->rlist[st] = arena_array(a, (size_t)s->D * (size_t)s->rcap[st] + 1, sizeof(int));
        }
    s->cday = arena_array(a, (size_t)s->D, sizeof(int));
    s->capw = arena_array(a, (size_t)s->NWK + 1, sizeof(int));
    s->olist = arena_array(a, nopts + 1, sizeof(int));
    s->ostart = arena_array(a, n1 + 1, sizeof(int));
    s->ocoh = arena_array(a, n1, sizeof(int));
    s->owk = arena_array(a, 2 * n1, sizeof(int));
    s->pseen = arena_array(a, nopts + 1, sizeof(bool)); /* more than any cohort has */
    s->alpha = arena_array(a, (size_t)ns, sizeof(int));
    for (int st = 0; st < P->nsites; st++)
        s->alpha[st] = times_apart(s, st);
    s->ufit = arena_array(a, (size_t)maxW, sizeof(Word));
    s->ufree = arena_array(a, n1 * (size_t)s->TW, sizeof(Word));
    s->uadj = arena_array(a, n1 * ((size_t)s->maxslots + 1) * (size_t)s->TW, sizeof(Word));
    s->useen = arena_array(a, (size_t)s->TW, sizeof(Word));
    s->ucoh = arena_array(a, n1, sizeof(int));
    s->uf = arena_array(a, 2 * n1, sizeof(int));
    s->ustamp = arena_array(a, (size_t)s->D, sizeof(int));
    s->DW = nwords(s->D);
    s->umet = arena_array(a, n1 * (size_t)s->DW, sizeof(Word));
    s->ut0 = arena_array(a, n1, sizeof(int));
    s->ut1 = arena_array(a, n1, sizeof(int));
    s->uin = arena_array(a, n1, sizeof(int));
    s->uprev = arena_array(a, n1, sizeof(int));
    s->ul = arena_array(a, n1, sizeof(int));
    s->ucap = arena_array(a, T, sizeof(int));
    s->uload = arena_array(a, T, sizeof(int));
    s->uasg = arena_array(a, n1 * ((size_t)s->maxslots + 1), sizeof(int));
    teacher_classes(s);
}

/* The seat bound's searches: per site whose rooms are limited and that
 * has two cohorts or more, those cohorts with all their options, rooms
 * and no teachers (option indices are the same as the search's). */
static void setup_seats(Search *s, Arena *a)
{
    const PlanProblem *P = s->P;
    int ns = P->nsites, any = 0;
    Seat *seat = arena_array(a, (size_t)ns + 1, sizeof(Seat));
    PlanCohort *co = arena_array(a, (size_t)s->n + 1, sizeof(PlanCohort));
    int *of = arena_array(a, (size_t)s->n + 1, sizeof(int));
    for (int st = 0; st < ns; st++) {
        PlanProblem sub = {.cohorts = co, .sites = P->sites, .nsites = ns};
        for (int c = 0; c < s->n; c++)
            if (s->co[c].site == st && rooms_limited(s, st))
                of[sub.ncohorts] = c,
                co[sub.ncohorts++] = (PlanCohort){.site = st, .opts = P->cohorts[c].opts, .nopts = s->co[c].nopts};
        if (sub.ncohorts < 2 || sub.ncohorts == s->n) /* the site is the whole search */
            continue;
        Search *r = arena_alloc(a, sizeof *r);
        memset(r, 0, sizeof *r);
        sub.cohorts = arena_array(a, (size_t)sub.ncohorts, sizeof(PlanCohort));
        memcpy((PlanCohort *)sub.cohorts, co, sizeof(PlanCohort) * (size_t)sub.ncohorts);
        PlanProblem *keepP = arena_alloc(a, sizeof *keepP);
        *keepP = sub;
        setup(r, keepP, a);
        r->lexc = -1;
        seat[st].r = r;
        seat[st].budget = 20000L * (sub.ncohorts + 10); /* a site that cannot seat its cohorts ends the search */
        seat[st].of = arena_array(a, (size_t)sub.ncohorts, sizeof(int));
        memcpy(seat[st].of, of, sizeof(int) * (size_t)sub.ncohorts);
        any++;
    }
    if (!any)
        return;
    s->seat = seat;
    s->sb = arena_array(a, ((size_t)s->n + 2) * (size_t)ns, sizeof(int64_t));
    s->sbt = arena_array(a, (size_t)s->n + 2, sizeof(int64_t));
}

static PlanChoice keep(Search *s, Arena *a, const int *opt, const int *team, int64_t pen)
{
    PlanChoice ch = {.penalty = pen};
    ch.opt = arena_array(a, (size_t)s->n + 1, sizeof(int));
    ch.team = arena_array(a, (size_t)s->n + 1, sizeof(int *));
    for (int c = 0; c < s->n; c++) {
        ch.opt[c] = opt[c];
        ch.team[c] = arena_array(a, (size_t)s->co[c].nslots + 1, sizeof(int));
        memcpy(ch.team[c], team + (size_t)c * (size_t)s->maxslots, sizeof(int) * (size_t)s->co[c].nslots);
    }
    return ch;
}

/* The plan found last becomes the guide. */
static void guide(Search *s)
{
    s->guided = true;
    memcpy(s->gopt, s->bopt, sizeof(int) * (size_t)s->n);
    memcpy(s->gteam, s->bteam, sizeof(int) * (size_t)s->n * (size_t)s->maxslots);
}

/* Any plan of penalty <= target from this depth on (cohort lexc, if any,
 * in the contract's order, so the first plan has its best value). */
static bool probe(Search *s, int depth, int64_t partial, int64_t target)
{
    s->phase = 2, s->target = target, s->found = false, s->probed = s->nodes;
    descend(s, depth, partial);
    return s->found;
}

/* Drops the options of cohort c (the next to rank, all before it placed)
 * that the LP relaxation proves cannot be in a plan of penalty `best`,
 * except the guide's, which is in one. False when the clock ran out. */
static bool lp_cut(Search *s, void *lp, int c, int64_t best, bool *cut)
{
    double left = s->limit > 0 ? s->limit - elapsed(s) : 0;
    if (s->limit > 0 && left <= 0)
        return !(s->timeout = true);
    int64_t bound;
    if (!s->ask->lp_cut(lp, s->opt, c, best, s->gopt[c], left, cut, &bound))
        return true;
    Coh *C = &s->co[c];
    for (int o = 0; o < C->nopts; o++)
        if (cut[o] && o != s->gopt[c] && has(C->alive, o)) {
            Word *w = &C->alive[o >> 6];
            seth(s, w, *w & ~((Word)1 << (o & 63)));
        }
    settle(s, c);
    return true;
}

/* ---- every later cohort fixed by reduced costs ----
 *
 * lp_cut drops options of the cohort about to be ranked only. The others
 * keep every option their penalty allows, and at no slack that is what
 * the probe cannot get through: on plan-100-1, cohort c8's first value is
 * the guide's option with another team (t39 and t6, where the guide has
 * t63 and t62), and with every other cohort at its guide option no team
 * fits (1067 nodes), so its proof has to move other cohorts, which the
 * search did over thousands of options (not finished in minutes). The same
 * LP, at its optimum with the ranked cohorts fixed, rules out by its
 * reduced costs 8614 of the 10192 options the later cohorts had alive;
 * then c8's first value is refuted in 6575 nodes. Each option dropped has
 * no plan of the penalty with the cohorts ranked so far (the LP is a
 * relaxation; the exclusions of earlier proposals only narrow it further),
 * and later probes fix more cohorts, so it stays dropped for them; the
 * guide's option is never dropped. */
static void lp_fix_later(Search *s, void *lp, int c, int64_t best, bool *cut)
{
    double left = s->limit > 0 ? s->limit - elapsed(s) : 0;
    int64_t bound;
    if (!s->ask->lp_reduced || (s->limit > 0 && left <= 0) ||
        !s->ask->lp_cut(lp, s->opt, c, best, 0, left, cut, &bound))
        return;
    for (int k = c + 1; k < s->n; k++) {
        Coh *K = &s->co[k];
        bool any = false;
        s->ask->lp_reduced(lp, k, best, cut);
        for (int o = 0; o < K->nopts; o++)
            if (cut[o] && o != s->gopt[k] && has(K->alive, o)) {
                Word *w = &K->alive[o >> 6];
                seth(s, w, *w & ~((Word)1 << (o & 63)));
                any = true;
            }
        if (any)
            settle(s, k);
    }
}

/* Phase 2: cohort by cohort, the best value that still completes to a plan
 * of penalty `best`; the value found is placed for good before the next
 * cohort's probe. False when the clock stopped it (the guide is then a
 * plan of that penalty all the same). */
static bool rank_plan(Search *s, int64_t best)
{
    int64_t partial = 0;
    int c = 0;
    root(s);
    const PlanSolveAsk *ask = s->ask;
    void *lp = NULL;
    bool opened = false, *cut = NULL;
    for (; c < s->n; c++) {
        s->lexc = c;
        bool ok;
        if (ask && ask->lp_open) { /* the search alone first: most cohorts take it a few nodes */
            long alone = ask->rank_alone ? ask->rank_alone : PLAN_RANK_ALONE_NODES;
            s->aborted = false, s->divelimit = alone > 0 ? s->nodes + alone : 0;
            ok = alone > 0 && probe(s, c, partial, best);
            bool gave_up = alone < 0 || (s->aborted && !ok);
            s->aborted = false, s->divelimit = 0;
            if (gave_up) {
                if (!opened) {
                    opened = true;
                    lp = ask->lp_open(ask->best_ctx, s->P, s->a);
                    int most = 1;
                    for (int k = 0; k < s->n; k++)
                        most = s->co[k].nopts > most ? s->co[k].nopts : most;
                    cut = arena_array(s->a, (size_t)most, sizeof(bool));
                }
                if (lp)
                    lp_fix_later(s, lp, c, best, cut);
                if (lp && !lp_cut(s, lp, c, best, cut))
                    break;
                s->repairing = s->n >= 5; /* a neighbourhood of at least three, and some kept */
                ok = probe(s, c, partial, best);
                s->repairing = false;
            }
        } else {
            ok = probe(s, c, partial, best);
        }
        if (!ok)
            break;
        guide(s);
        memcpy(s->team + (size_t)c * (size_t)s->maxslots, s->gteam + (size_t)c * (size_t)s->maxslots,
               sizeof(int) * (size_t)s->maxslots);
        place(s, c, c, s->gopt[c]); /* it fits: the probe placed it so */
        partial += s->co[c].o[s->gopt[c]].pen;
    }
    if (lp)
        ask->lp_close(lp);
    while (c-- > 0)
        unplace(s, c, s->opt[c]);
    s->lexc = -1;
    return !s->timeout;
}

/* The Luby sequence: 1 1 2 1 1 2 4 1 1 2 1 1 2 4 8 … */
static long luby(long i)
{
    long k = 1;
    while ((1L << k) - 1 < i)
        k++;
    return (1L << k) - 1 == i ? 1L << (k - 1) : luby(i - (1L << (k - 1)) + 1);
}

/* Phase 1's first plan: dives of growing node budgets, each but the first
 * with random ties, until one reaches a plan. False when there is nothing
 * left for the branch and bound to do: a dive proved there is no plan, or
 * its plan is proven best, or the clock ran out. */
static bool dive(Search *s)
{
    int64_t known = s->known;
    s->known = INT64_MAX; /* the first plan ends a dive */
    for (long r = 1; !s->found && !s->timeout; r++) {
        s->aborted = false, s->divelimit = s->nodes + 8 * (long)(s->n + 1) * luby(r);
        s->rnd = r == 1 ? 0 : mix((Word)r);
        bool done = descend(s, 0, 0);
        if (!done && !s->aborted && !s->timeout) /* a complete search */
            break;
    }
    s->aborted = false, s->divelimit = 0, s->rnd = 0, s->known = known;
    s->halt = s->found && s->best <= known;
    return s->found && !s->halt && !s->timeout;
}

/* Only whether a plan exists: dive()'s first dive, before the rooms'
 * bound. That bound answers such a question only when a site cannot seat
 * its cohorts, and its searches took a second of a 200-cohort oracle
 * question's 3 s before the first node; a dive reads no bound, so a plan
 * it finds is one either way. True when it found one (s->bopt, s->best);
 * else the search goes on as before, from the root. */
static bool first_dive(Search *s)
{
    s->phase = 1, s->best = INT64_MAX, s->known = INT64_MAX, s->found = false, s->halt = false;
    s->aborted = false, s->divelimit = s->nodes + 8 * (long)(s->n + 1), s->rnd = 0;
    descend(s, 0, 0);
    s->aborted = false, s->divelimit = 0;
    return s->found;
}

/* A bound from the rooms alone: per site whose rooms are limited, the
 * cheapest way to seat its cohorts (each among its options that have a
 * team of their own) with no teacher in the picture, found by this same
 * search on that part. Sites share no cohort, so the sum of those optima
 * and of the other cohorts' cheapest options is a lower bound; a site that
 * cannot seat its cohorts at all means there is no plan (INT64_MAX). Each
 * site's search gets a node budget: one that runs out adds nothing. Only
 * where the seat bound has no site to keep (a site that is the whole
 * search): elsewhere its root is this bound, computed once. */
static int64_t room_bound(Search *s, Arena *a)
{
    const PlanProblem *P = s->P;
    int64_t total = s->lb[0];
    PlanCohort *co = arena_array(a, (size_t)s->n + 1, sizeof(PlanCohort));
    for (int st = 0; st < P->nsites; st++) {
        PlanProblem sub = {.cohorts = co, .teachers = P->teachers, .nteachers = P->nteachers,
                           .sites = P->sites, .nsites = P->nsites};
        int64_t floor = 0;
        for (int c = 0; c < s->n; c++) {
            const Coh *C = &s->co[c];
            if (C->site != st)
                continue;
            PlanOption *o = arena_array(a, (size_t)C->nopts + 1, sizeof(PlanOption));
            int m = 0;
            for (int k = 0; k < C->nopts; k++)
                if (has(C->root, k))
                    o[m++] = P->cohorts[c].opts[k];
            co[sub.ncohorts++] = (PlanCohort){.site = st, .opts = o, .nopts = m};
            floor += C->rootmin;
        }
        if (sub.ncohorts < 2)
            continue;
        /* On the search's own clock: on a 200-cohort year these searches
         * took 0.4 to 1.4 s of an oracle question's 3 s before its first
         * node, reading no clock. Cut, a site adds nothing (the sum so far
         * is still a bound) and the search stops. */
        if (s->limit > 0 && elapsed(s) > s->limit) {
            s->timeout = true;
            return total;
        }
        Search *r = arena_alloc(a, sizeof *r);
        memset(r, 0, sizeof *r);
        r->start = s->start, r->limit = s->limit, r->scale = s->scale;
        setup(r, &sub, a);
        r->lexc = -1;
        if (r->timeout) {
            s->timeout = true;
            return total;
        }
        if (!root(r))
            return INT64_MAX;
        r->phase = 1, r->best = INT64_MAX, r->known = r->lb[0];
        r->divelimit = 2000L * (sub.ncohorts + 10);
        descend(r, 0, 0);
        if (r->timeout) { /* not a proof that the site has no seating */
            s->timeout = true;
            return total;
        }
        if (!r->found && !r->aborted)
            return INT64_MAX;
        if (r->found && (r->halt || !r->aborted))
            total += r->best - floor;
    }
    return total;
}

/* ---- improving the incumbent ----
 *
 * Phase 1's branch and bound goes depth first, and on a large year its
 * first plan is a greedy dive's: the excess it pays sits in a few cohorts
 * that compete for teachers at other sites, near the top of a tree the
 * search never climbs back to (plan-100-1: 2146 found in 100 nodes, then
 * nothing better in a minute, while every site with its teams costs no more
 * than its cheapest options). So before it, the search frees a few cohorts
 * around one that pays more than its cheapest option (those that may take
 * its teachers, and its site's), keeps every other one as the incumbent has
 * it, and searches the freed ones for a cheaper plan, within a node budget.
 * Every plan found is a whole plan of the problem, so this changes nothing
 * but how soon the bound is met: proven penalties and the proposals are the
 * search's own. */

/* Whether cohort k's team in the incumbent takes a teacher eligible for c. */
static bool takes_from(const Search *s, int k, int c)
{
    const int *tm = s->bteam + (size_t)k * (size_t)s->maxslots;
    for (int j = 0; j < s->co[k].nslots; j++)
        if (has(s->co[c].anyelig, tm[j]))
            return true;
    return false;
}

/* Frees cohort c and up to rmost-1 other unplaced cohorts around it: its
 * site's first, then those whose teams in the incumbent take a teacher it
 * could have (from a random start: s->rnd). */
static void free_around(Search *s, int c)
{
    bool *freed = s->rfreed;
    int most = s->rmost;
    int nf = 1;
    memset(freed, 0, sizeof(bool) * (size_t)s->n);
    freed[c] = true;
    for (int pass = 0; pass < 2 && nf < most; pass++)
        for (int k0 = 0, start = (int)(roll(s) % (Word)s->n); k0 < s->n && nf < most; k0++) {
            int k = (start + k0) % s->n;
            if (!freed[k] && !s->placed[k] &&
                (pass == 0 ? s->co[k].site == s->co[c].site && s->co[k].site >= 0 : takes_from(s, k, c)))
                freed[k] = true, nf++;
        }
}

/* Places every cohort neither placed nor freed as the incumbent has it
 * (freeing those whose value or team the cohorts placed before no longer
 * allow: a probe's ranked cohort may differ from the incumbent), searches
 * the freed ones within a node budget (phase and target as the caller set
 * them), and takes it all back. */
static void search_freed(Search *s, long budget)
{
    bool *freed = s->rfreed;
    int *order = s->rorder;
    size_t height = s->ntrail;
    Word h1 = s->h1, h2 = s->h2, hsum = s->hsum;
    int64_t partial = 0;
    int depth = 0;
    for (int k = 0; k < s->n; k++)
        if (s->placed[k])
            partial += s->co[k].o[s->opt[k]].pen, depth++;
    int top = depth;
    bool ok = true;
    for (int k = 0; k < s->n && ok; k++) {
        if (freed[k] || s->placed[k])
            continue;
        if (!team_fits(s, k, s->bopt[k], s->bteam + (size_t)k * (size_t)s->maxslots)) {
            freed[k] = true; /* what the placed ones left it differs from the incumbent's */
            continue;
        }
        memcpy(s->team + (size_t)k * (size_t)s->maxslots, s->bteam + (size_t)k * (size_t)s->maxslots,
               sizeof(int) * (size_t)s->co[k].nslots);
        order[depth++] = k;
        ok = place(s, depth - 1, k, s->bopt[k]);
        partial += s->co[k].o[s->bopt[k]].pen;
    }
    /* the kept cohorts were placed without a bound: a whole plan among
     * them (no freed cohort left) is a leaf that must still be within it */
    if (ok && partial + s->lb[depth] <= (s->phase == 1 ? s->best - 1 : s->target)) {
        s->aborted = false, s->divelimit = s->nodes + budget;
        descend(s, depth, partial);
        s->aborted = false, s->divelimit = 0;
    }
    while (depth-- > top)
        unplace(s, order[depth], s->opt[order[depth]]);
    undo(s, height);
    s->h1 = h1, s->h2 = h2, s->hsum = hsum;
}

/* One neighbourhood of seed c searched from the incumbent; true when it
 * found a cheaper plan. */
static bool improve_around(Search *s, int c, long budget)
{
    int64_t best = s->best;
    free_around(s, c);
    search_freed(s, budget);
    return s->best < best;
}

/* Rounds of neighbourhoods, seeded by the cohorts that pay more than their
 * cheapest option, until three in a row find nothing, the bound is met or
 * the clock runs out; checked: with the teachers' capacity check (once
 * phase 1 asks it), else without. True when a round found a cheaper plan. */
static bool improve_rounds(Search *s, bool checked)
{
    bool any = false;
    s->around = !checked;
    for (int idle = 0; idle < 3 && !s->halt && !s->timeout;) {
        bool better = false;
        for (int c = 0; c < s->n && !s->halt && !s->timeout; c++)
            if (s->co[c].o[s->bopt[c]].pen > s->co[c].rootmin)
                better |= improve_around(s, c, 50L * (s->rmost + 10));
        idle = better ? 0 : idle + 1;
        any |= better;
    }
    s->around = false;
    return any;
}

/* Turns of rounds without the capacity check and with it, in turn, until
 * a turn finds nothing where the other kind has just stalled (both stalled
 * on the same plan), the bound is met or the clock runs out. Neither kind
 * dominates: the check's pruning steers the walk, which on plan-100-1 ends
 * at 2038 with it and reaches 2034, its least penalty, without it, while
 * plan-100-3 with cohort c22's start window dropped ends at 1741 without
 * it and reaches 1725, its least, with it. A turn that finds nothing costs
 * three rounds, and only once the walk has stalled. */
static void improve(Search *s)
{
    if (s->n < 5) /* a neighbourhood of at least three, and some kept */
        return;
    Word rnd = s->rnd;
    s->rnd = 0x2545F4914F6CDD1DULL;
    bool checked = false;
    for (int stalled = 0; stalled < 2 && !s->halt && !s->timeout; checked = !checked)
        stalled = improve_rounds(s, checked) ? 1 : stalled + 1;
    s->rnd = rnd;
}

/* ---- a ranking probe's plan repaired ----
 *
 * A ranking probe tries the ranked cohort's values (option, then team) in
 * the contract's order, and below each follows the guide (the last plan
 * found) for the other cohorts. A value before the guide's that has a plan
 * of the least penalty can still cost the probe a minute when the guide
 * clashes with it near the value and the depth-first search re-staffs
 * cohorts far from the clash: on plan-20-3, cohort c1's Monday and Tuesday
 * mornings (option 126) have a plan of 285, the guide's afternoons (127)
 * with every cohort of site s4 at the other time (mornings and afternoons
 * are alike for every requirement and penalty), but the guide's s4 cohorts
 * hold the mornings; on plan-100-1, cohort c8's first team at the guide's
 * option. So in a probe that its search alone did not finish, each such
 * value first searches its neighbourhood (the cohorts around it free,
 * every other as the guide has it; "improving the incumbent") within a
 * small node budget, and only then the whole of what is left. A plan found
 * there is a whole plan of the probe's penalty found by the same search,
 * with the value and every ranked cohort before it; the values before it
 * were refuted by the whole search. So it proves nothing and cannot make a
 * proof wrong: it only ends the probe sooner. */

static bool mend_teams(Search *s);

/* The ranked cohort c, just placed, and its neighbourhood searched from
 * the guide for a plan of the probe's penalty, then, failing that, the
 * teams of every cohort not placed (below); true when one was found (in
 * bopt, bteam: the probe's answer). */
static bool repair(Search *s, int c)
{
    Word rnd = s->rnd;
    free_around(s, c);
    s->rnd = 0; /* the guide's values first */
    search_freed(s, 50L * (s->rmost + 10));
    s->rnd = rnd;
    return s->found || (!s->timeout && mend_teams(s));
}

/* ---- a ranking probe's teams mended ----
 *
 * The neighbourhood above frees at most 20 cohorts, and a value may need
 * more of them staffed anew. On plan-100-1, cohort c11's first value
 * (option 162 with t15 and t8, where the guide has 166 with t55 and t52)
 * has a plan of the least penalty with every other cohort at its guide
 * option: GLPK's MIP over the teams alone found one in 115 s, in which 88
 * cohorts' teams differ from the guide's. The repair's neighbourhood found
 * none in 66 nodes, and the search below the value had not finished after
 * 5.34 M nodes (plan10's paragraph in bench/README.md: what looked like a
 * value only the teachers could refute was one the search did not reach).
 * With the options held, what is left is a b-matching of role slots to
 * teachers with clashes, which a min-conflicts walk from the guide's teams
 * settles at once (a throwaway walk of this kind: 3 clashes to none in 100
 * moves, 4 ms; this one, in `ramme plan`, ranks c11 to c100 and proves
 * proposal 1 of plan-100-1, see bench/README.md). So, when the
 * repair finds nothing, every cohort not placed keeps its guide option and
 * the walk moves their role slots, one at a time, to the eligible teacher
 * that leaves the fewest clashes (two of her cohorts meeting on one date
 * at overlapping times or at two sites; more of her cohorts' periods at
 * one's start than her max_cohorts), with a short tabu on the teacher just
 * left. When none are left, the teams go to search_freed as the guide's,
 * nothing freed: it places each cohort with the search's own checks and
 * bound, so what it finds is a whole plan of the probe's penalty, found by
 * the search (a cohort whose team it refuses is freed and searched, within
 * the budget). Like the repair it proves nothing and cannot make a proof
 * wrong: it only ends the probe sooner. */

/* MEND_MOVES × cohorts moves at most (the throwaway walk took one a
 * cohort on plan-100-1's c11). */
#define MEND_MOVES 20

/* Whether cohorts i and k, at their options in mopt, may not share a
 * teacher on their dates: a date both meet on, at overlapping times or at
 * two sites. */
static bool mend_clash(const Search *s, int i, int k)
{
    const Opt *A = &s->co[i].o[s->mopt[i]], *B = &s->co[k].o[s->mopt[k]];
    bool barred = s->co[i].site != s->co[k].site || overlap(A->t0, A->t1, B->t0, B->t1);
    for (int x = 0, y = 0; barred && x < A->nday && y < B->nday;) {
        if (A->day[x] == B->day[y])
            return true;
        A->day[x] < B->day[y] ? x++ : y++;
    }
    return false;
}

/* Teacher t's clashes with cohort `add` among hers too (-1: none) and
 * cohort `rem` not (-1: none). */
static int mend_cost(const Search *s, int t, int add, int rem)
{
    const int *set = s->mset + (size_t)t * (size_t)(s->n + 1);
    int m = s->mnum[t], cost = 0, mx = s->P->teachers[t].max_cohorts;
    for (int x = 0; x <= m; x++) {
        int a = x < m ? set[x] : add, during = 0; /* her periods at a's start, a's own included */
        if (a < 0 || a == rem)
            continue;
        const Opt *A = &s->co[a].o[s->mopt[a]];
        for (int y = 0; y <= m; y++) {
            int b = y < m ? set[y] : add;
            if (b < 0 || b == rem)
                continue;
            const Opt *B = &s->co[b].o[s->mopt[b]];
            during += B->f <= A->f && A->f <= B->l;
            cost += y > x && s->mclash[(size_t)a * (size_t)s->n + (size_t)b];
        }
        cost += during > mx ? during - mx : 0;
    }
    return cost;
}

static void mend_move(Search *s, int t, int c, bool in)
{
    int *set = s->mset + (size_t)t * (size_t)(s->n + 1);
    if (in) {
        set[s->mnum[t]++] = c;
        return;
    }
    for (int x = 0; x < s->mnum[t]; x++)
        if (set[x] == c) {
            set[x] = set[--s->mnum[t]];
            return;
        }
}

/* The ranked cohort just placed with its team: the teams of the cohorts
 * not placed walked from the guide's, at its options, to no clash, then
 * placed (above); true when that gave a plan (in bopt, bteam). */
static bool mend_teams(Search *s)
{
    int n = s->n, M = s->maxslots;
    size_t nm = (size_t)n * (size_t)M;
    if (!s->mopt) {
        s->mopt = arena_array(s->a, (size_t)n, sizeof(int));
        s->mteam = arena_array(s->a, nm, sizeof(int));
        s->mkeep = arena_array(s->a, nm, sizeof(int));
        s->mleft = arena_array(s->a, nm, sizeof(int));
        s->mtill = arena_array(s->a, nm, sizeof(int));
        s->mset = arena_array(s->a, (size_t)s->T * (size_t)(n + 1), sizeof(int));
        s->mnum = arena_array(s->a, (size_t)s->T, sizeof(int));
        s->mclash = arena_array(s->a, (size_t)n * (size_t)n, sizeof(uint8_t));
    }
    for (int k = 0; k < n; k++) {
        s->mopt[k] = s->placed[k] ? s->opt[k] : s->bopt[k];
        memcpy(s->mteam + (size_t)k * (size_t)M, (s->placed[k] ? s->team : s->bteam) + (size_t)k * (size_t)M,
               sizeof(int) * (size_t)s->co[k].nslots);
    }
    for (int i = 0; i < n; i++)
        for (int k = i + 1; k < n; k++)
            s->mclash[(size_t)i * (size_t)n + (size_t)k] = s->mclash[(size_t)k * (size_t)n + (size_t)i] =
                mend_clash(s, i, k);
    memset(s->mnum, 0, sizeof(int) * (size_t)s->T);
    memset(s->mtill, 0, sizeof(int) * nm);
    for (int k = 0; k < n; k++)
        for (int j = 0; j < s->co[k].nslots; j++)
            mend_move(s, s->mteam[(size_t)k * (size_t)M + (size_t)j], k, true);
    int total = 0;
    for (int t = 0; t < s->T; t++)
        total += mend_cost(s, t, -1, -1);
    Word rnd = 0x2545F4914F6CDD1DULL; /* its own: the same walk every run */
    for (int it = 1; it <= MEND_MOVES * n && total > 0; it++) {
        int ck = -1, cj = -1, seen = 0; /* a slot in a clash, at random */
        for (int k = 0; k < n; k++)
            for (int j = 0; !s->placed[k] && j < s->co[k].nslots; j++) {
                int t = s->mteam[(size_t)k * (size_t)M + (size_t)j];
                if (mend_cost(s, t, -1, -1) > mend_cost(s, t, -1, k) &&
                    (rnd = mix(rnd + 0x9E3779B97F4A7C15ULL)) % (Word)++seen == 0)
                    ck = k, cj = j;
            }
        if (ck < 0)
            break;
        const Coh *C = &s->co[ck];
        int *tm = s->mteam + (size_t)ck * (size_t)M, old = tm[cj], at = ck * M + cj;
        const Word *e = C->elig + (size_t)C->slotrole[cj] * (size_t)s->TW;
        const Word *fit = C->compat + (size_t)s->mopt[ck] * (size_t)s->TW;
        int gain = mend_cost(s, old, -1, ck) - mend_cost(s, old, -1, -1), best = INT32_MAX, to = -1, ties = 0;
        for (int x = 0; x < C->nt; x++) {
            int t = C->tl[x];
            bool in = false;
            for (int j = 0; j < C->nslots; j++)
                in |= tm[j] == t;
            if (in || !has(e, t) || !has(fit, t))
                continue;
            int d = gain + mend_cost(s, t, ck, -1) - mend_cost(s, t, -1, -1);
            if (t == s->mleft[at] && s->mtill[at] >= it && d >= 0)
                continue; /* tabu, unless it gains */
            if (d < best)
                best = d, to = t, ties = 1;
            else if (d == best && (rnd = mix(rnd + 0x9E3779B97F4A7C15ULL)) % (Word)++ties == 0)
                to = t;
        }
        if (to < 0)
            continue;
        s->mleft[at] = old, s->mtill[at] = it + 10 + (int)(rnd % 10);
        mend_move(s, old, ck, false);
        mend_move(s, to, ck, true);
        tm[cj] = to;
        total += best;
    }
    if (total > 0)
        return false;
    memcpy(s->mkeep, s->bteam, sizeof(int) * nm);
    for (int k = 0; k < n; k++)
        if (!s->placed[k])
            memcpy(s->bteam + (size_t)k * (size_t)M, s->mteam + (size_t)k * (size_t)M,
                   sizeof(int) * (size_t)s->co[k].nslots);
    memset(s->rfreed, 0, sizeof(bool) * (size_t)n);
    search_freed(s, 50L * (s->rmost + 10));
    if (!s->found)
        memcpy(s->bteam, s->mkeep, sizeof(int) * nm);
    return s->found;
}

/* Phase 1's branch and bound from its first plan. The search goes alone
 * for a while (most years need a few nodes), then improves its plan
 * (above) and, with the LP relaxation at hand, takes the LP's optimum as
 * what a plan costs at least: the sum of the cheapest options ignores
 * rooms and teams, and proving that a plan costing one more than it is
 * best can take the search forever, while it ends as soon as its plan
 * meets the LP's bound. */
static void bound_search(Search *s, PlanResult *out)
{
    const PlanSolveAsk *ask = s->ask;
    long alone = ask->rank_alone ? ask->rank_alone : PLAN_RANK_ALONE_NODES;
    if (alone > 0) { /* most years need a few nodes: neither helper then */
        s->aborted = false, s->divelimit = s->nodes + alone;
        descend(s, 0, 0);
        bool gave_up = s->aborted;
        s->aborted = false, s->divelimit = 0;
        if (!gave_up || s->timeout || s->halt)
            return;
    }
    improve(s);
    if (s->halt || s->timeout)
        return;
    if (!ask->lp_open) {
        descend(s, 0, 0);
        return;
    }
    void *lp = ask->lp_open(ask->best_ctx, s->P, s->a);
    if (lp) {
        bool *cut = arena_array(s->a, (size_t)s->co[0].nopts + 1, sizeof(bool));
        double left = s->limit > 0 ? s->limit - elapsed(s) : 0;
        int64_t b;
        if ((s->limit <= 0 || left > 0) && ask->lp_cut(lp, NULL, 0, INT64_MAX, 0, left, cut, &b) && b > s->known) {
            s->known = b;
            out->lower_bound = b > out->lower_bound ? b : out->lower_bound;
        }
        ask->lp_close(lp);
    }
    s->halt = s->found && s->best <= s->known;
    if (!s->halt)
        descend(s, 0, 0);
}

/* A plan found elsewhere (the MIP) as the search's last plan found. */
static void take(Search *s, const PlanChoice *c)
{
    memcpy(s->bopt, c->opt, sizeof(int) * (size_t)s->n);
    for (int k = 0; k < s->n; k++)
        memcpy(s->bteam + (size_t)k * (size_t)s->maxslots, c->team[k], sizeof(int) * (size_t)s->co[k].nslots);
}

/* The search proper, for cohorts that nothing links to any others. With
 * ask->best, each rank's least penalty comes from there when it proves it;
 * the search then ranks from its plan (phase 2) and does phase 1 only when
 * it could not, from its plan and bound. */
/* node_limit: the nodes it may take (0: no limit; < 0: none left). */
static void solve_group(const PlanProblem *P, const PlanSolveAsk *ask, int K, double time_limit, long node_limit,
                        Arena *a, PlanResult *out)
{
    Search *s = arena_alloc(a, sizeof *s);
    clock_gettime(CLOCK_MONOTONIC, &s->start);
    s->limit = time_limit, s->scale = ask->clock_scale;
    s->nodelimit = node_limit > 0 ? node_limit + 1 : node_limit < 0 ? 1 : 0;
    s->nextread = CLOCK_WORK; /* a small search is set up before the clock is first read */
    memset(out, 0, sizeof *out);
    out->proposals = arena_array(a, (size_t)K, sizeof(PlanChoice));
    out->status = PLAN_OPTIMAL;
    setup(s, P, a);
    if (s->timeout) { /* out of time while setting up: nothing known */
        out->status = PLAN_FEASIBLE;
        out->seconds = elapsed(s);
        return;
    }
    if (!ask->any_plan) /* a bound is of no use to the first plan */
        setup_seats(s, a);
    s->ask = ask;
    long sa = ask->staff_alone ? ask->staff_alone : PLAN_STAFF_ALONE_NODES;
    s->staff_after = sa < 0 ? 0 : sa * (long)s->n;
    s->lexc = -1;
    s->ex = arena_array(a, (size_t)K, sizeof(int *));
    s->match = arena_array(a, (size_t)K, sizeof(int));
    bool cut = false; /* stopped by the clock with work left */
    for (int k = 0; k < K && !cut; k++) {
        if (!root(s))
            break;
        int64_t best = 0, prev = k > 0 ? out->proposals[k - 1].penalty : 0, mbound = 0;
        bool have = false, proven = false;
        PlanChoice mc = {0};
        /* ties are the rule: first look for another plan as cheap as the
         * last (nothing can be cheaper, so one found is proven) */
        if (k > 0 && probe(s, 0, 0, prev)) {
            have = proven = true, best = prev;
        } else if (!s->timeout && ask->best && !ask->any_plan) {
            double left = time_limit > 0 ? time_limit - elapsed(s) : 0;
            PlanStatus ms = time_limit > 0 && left <= 0
                                ? PLAN_FEASIBLE
                                : ask->best(ask->best_ctx, P, s->ex, k, left, a, &mc, &mbound);
            if (ms == PLAN_INFEASIBLE) /* no plan, or none unlike the earlier proposals */
                break;
            if (ms == PLAN_OPTIMAL)
                take(s, &mc), have = proven = true, best = mc.penalty;
            s->timeout |= time_limit > 0 && elapsed(s) > time_limit;
        }
        if (!have && k == 0 && ask->any_plan && first_dive(s)) {
            out->proposals[out->nproposals++] = keep(s, a, s->bopt, s->bteam, s->best);
            cut = true; /* as below: any plan, as asked */
            break;
        }
        if (!have && k == 0) {
            int64_t rb = s->seat ? seat_bound0(s) : room_bound(s, a);
            if (rb == INT64_MAX) /* no plan */
                break;
            out->lower_bound = rb > mbound ? rb : mbound;
        }
        if (!have && !s->timeout) {
            int64_t known = k > 0 && prev + 1 > out->lower_bound ? prev + 1 : out->lower_bound;
            known = mbound > known ? mbound : known;
            s->phase = 1, s->best = INT64_MAX, s->known = ask->any_plan ? INT64_MAX : known, s->found = false,
            s->halt = false;
            if (mc.opt) { /* the MIP's plan is the incumbent: no dives */
                take(s, &mc);
                s->found = true, s->best = mc.penalty, s->halt = mc.penalty <= known;
                if (!s->halt)
                    bound_search(s, out);
            } else if (dive(s)) {
                bound_search(s, out);
            }
            have = s->found, best = s->best, proven = s->found && (s->halt || !s->timeout);
        } else if (!have && mc.opt) { /* the clock ran out in the MIP: its plan, unproven */
            take(s, &mc);
            have = true, best = mc.penalty;
        }
        if (!have || !proven || ask->any_plan) {
            if (have) /* the best the clock allowed, unproven; or any plan, as asked */
                out->proposals[out->nproposals++] = keep(s, a, s->bopt, s->bteam, best);
            cut = s->timeout || (ask->any_plan && have);
            break;
        }
        if (k == 0)
            out->lower_bound = best;
        if (ask->penalty_only) { /* no ranking asked */
            out->proposals[out->nproposals++] = keep(s, a, s->bopt, s->bteam, best);
            break;
        }
        guide(s);
        cut = !rank_plan(s, best);
        out->proposals[out->nproposals++] = keep(s, a, s->gopt, s->gteam, best);
        s->ex[k] = out->proposals[k].opt;
        s->nex++;
    }
    out->status = cut ? PLAN_FEASIBLE : out->nproposals == 0 ? PLAN_INFEASIBLE : PLAN_OPTIMAL;
    out->nodes = s->nodes;
    out->seconds = elapsed(s);
}

/* ---- independent groups ---- */

/* Cohorts are linked when they could share a room (one site, days in
 * common) or a teacher (an eligible one in common, days in common); a group
 * is what links reach. Groups are solved alone, which turns a product of
 * search trees into a sum. group[c] numbers them in order of first cohort. */
static int groups(const PlanProblem *P, Arena *a, int *group)
{
    int n = P->ncohorts, m = 0, *up = arena_array(a, (size_t)n, sizeof(int));
    int32_t *lo = arena_array(a, (size_t)n, sizeof(int32_t)), *hi = arena_array(a, (size_t)n, sizeof(int32_t));
    for (int c = 0; c < n; c++) {
        up[c] = c, lo[c] = INT32_MAX, hi[c] = INT32_MIN;
        for (int o = 0; o < P->cohorts[c].nopts; o++) {
            const PlanOption *po = &P->cohorts[c].opts[o];
            int32_t f = po->ndays > 0 && po->days[0] < po->first ? po->days[0] : po->first;
            int32_t l = po->ndays > 0 && po->days[po->ndays - 1] > po->last ? po->days[po->ndays - 1] : po->last;
            lo[c] = f < lo[c] ? f : lo[c], hi[c] = l > hi[c] ? l : hi[c];
        }
    }
    for (int c = 0; c < n; c++)
        for (int d = 0; d < c; d++) {
            const PlanCohort *x = &P->cohorts[c], *y = &P->cohorts[d];
            bool link = x->site == y->site && x->site >= 0 && x->site < P->nsites;
            for (int r = 0; !link && r < x->nroles; r++)
                for (int i = 0; !link && i < x->roles[r].neligible; i++)
                    for (int q = 0; !link && q < y->nroles; q++)
                        for (int j = 0; !link && j < y->roles[q].neligible; j++)
                            link = x->roles[r].eligible[i] == y->roles[q].eligible[j];
            if (!link || lo[c] > hi[d] || lo[d] > hi[c])
                continue;
            int u = c, v = d;
            while (up[u] != u)
                u = up[u];
            while (up[v] != v)
                v = up[v];
            up[u > v ? u : v] = u < v ? u : v; /* the root is a group's first cohort */
        }
    for (int c = 0; c < n; c++) {
        int u = c;
        while (up[u] != u)
            u = up[u];
        group[c] = u == c ? m++ : group[u];
    }
    return m;
}

/* The groups in the order they are solved: the smallest first, ties in
 * group order. No plan of one group means none of the whole, and a small
 * group proves that at once where the whole year's search would first
 * spend its share of the clock on the rest (plan-100-3: one cohort with no
 * option that fits beside 99 others, solved first for 12 s). What each
 * group finds does not depend on the order; only the clock's shares do,
 * and the large groups get what the small ones leave. */
static int *groups_by_size(const int *group, int n, int m, Arena *a)
{
    int *size = arena_array(a, (size_t)m, sizeof(int)), *order = arena_array(a, (size_t)m, sizeof(int));
    for (int c = 0; c < n; c++)
        size[group[c]]++;
    for (int k = 0; k < m; k++) { /* insertion: stable, and m is small */
        int j = k;
        for (; j > 0 && size[order[j - 1]] > size[k]; j--)
            order[j] = order[j - 1];
        order[j] = k;
    }
    return order;
}

/* A proposal of the whole problem: a rank in every group's list. */
typedef struct Combo {
    int64_t pen;
    int last; /* the group whose rank was raised last: raise only from there on */
    int *rank;
} Combo;

typedef struct Merge {
    int n, m;
    const int *group, *local;
    const PlanResult *part;
    const PlanProblem *P;
} Merge;

/* By penalty, then the contract's order: cohort by cohort, option and team. */
static int combo_cmp(const Merge *g, const Combo *x, const Combo *y)
{
    if (x->pen != y->pen)
        return x->pen < y->pen ? -1 : 1;
    for (int c = 0; c < g->n; c++) {
        int k = g->group[c], i = g->local[c];
        if (x->rank[k] == y->rank[k])
            continue;
        const PlanChoice *p = &g->part[k].proposals[x->rank[k]], *q = &g->part[k].proposals[y->rank[k]];
        if (p->opt[i] != q->opt[i])
            return p->opt[i] < q->opt[i] ? -1 : 1;
        const PlanCohort *pc = &g->P->cohorts[c];
        for (int r = 0, j = 0; r < pc->nroles; r++)
            for (int t = 0; t < pc->roles[r].need; t++, j++)
                if (p->team[i][j] != q->team[i][j])
                    return p->team[i][j] < q->team[i][j] ? -1 : 1;
    }
    return 0;
}

static void combo_push(const Merge *g, Combo *h, int *nh, Combo x)
{
    int i = (*nh)++;
    for (; i > 0 && combo_cmp(g, &x, &h[(i - 1) / 2]) < 0; i = (i - 1) / 2)
        h[i] = h[(i - 1) / 2];
    h[i] = x;
}

static Combo combo_pop(const Merge *g, Combo *h, int *nh)
{
    Combo top = h[0], x = h[--(*nh)];
    int i = 0;
    for (;;) {
        int k = 2 * i + 1;
        if (k >= *nh)
            break;
        if (k + 1 < *nh && combo_cmp(g, &h[k + 1], &h[k]) < 0)
            k++;
        if (combo_cmp(g, &h[k], &x) >= 0)
            break;
        h[i] = h[k], i = k;
    }
    if (*nh > 0)
        h[i] = x;
    return top;
}

/* The best K combinations of the groups' lists: raising a group's rank
 * never makes a proposal better, so proposal k raises ranks by at most k-1
 * in all, and each combination is reached once (from its last raise). */
static void merge(const Merge *g, int K, Arena *a, PlanResult *out)
{
    Combo *h = arena_array(a, (size_t)K * ((size_t)g->m + 1) + 1, sizeof(Combo));
    int nh = 0;
    Combo first = {.rank = arena_array(a, (size_t)g->m, sizeof(int))};
    for (int k = 0; k < g->m; k++)
        first.pen += g->part[k].proposals[0].penalty;
    combo_push(g, h, &nh, first);
    while (out->nproposals < K && nh > 0) {
        Combo x = combo_pop(g, h, &nh);
        PlanChoice *ch = &out->proposals[out->nproposals++];
        ch->penalty = x.pen;
        ch->opt = arena_array(a, (size_t)g->n, sizeof(int));
        ch->team = arena_array(a, (size_t)g->n, sizeof(int *));
        for (int c = 0; c < g->n; c++) {
            const PlanChoice *p = &g->part[g->group[c]].proposals[x.rank[g->group[c]]];
            ch->opt[c] = p->opt[g->local[c]];
            ch->team[c] = p->team[g->local[c]];
        }
        for (int k = x.last; k < g->m; k++) {
            if (x.rank[k] + 1 >= g->part[k].nproposals)
                continue;
            Combo y = {.last = k, .rank = arena_array(a, (size_t)g->m, sizeof(int))};
            memcpy(y.rank, x.rank, sizeof(int) * (size_t)g->m);
            y.rank[k]++;
            y.pen = x.pen - g->part[k].proposals[x.rank[k]].penalty + g->part[k].proposals[y.rank[k]].penalty;
            combo_push(g, h, &nh, y);
        }
    }
}

void plan_solve(const PlanProblem *P, int nproposals, double time_limit, Arena *a, PlanResult *out)
{
    plan_solve_ask(P, &(PlanSolveAsk){.nproposals = nproposals, .time_limit = time_limit}, a, out);
}

void plan_solve_ask(const PlanProblem *P, const PlanSolveAsk *ask, Arena *a, PlanResult *out)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    double time_limit = ask->time_limit;
    int K = ask->any_plan || ask->penalty_only ? 1 : ask->nproposals > 0 ? ask->nproposals : 1, n = P->ncohorts;
    memset(out, 0, sizeof *out);
    if (n == 0) {
        out->proposals = arena_array(a, 1, sizeof(PlanChoice));
        out->nproposals = 1;
        return;
    }
    int *group = arena_array(a, (size_t)n, sizeof(int)), *local = arena_array(a, (size_t)n, sizeof(int));
    int m = groups(P, a, group);
    if (m == 1) {
        solve_group(P, ask, K, time_limit, ask->node_limit, a, out);
        return;
    }
    PlanResult *part = arena_array(a, (size_t)m, sizeof(PlanResult));
    int *order = groups_by_size(group, n, m, a);
    bool none = false, cut = false;
    for (int i = 0; i < m; i++) {
        int k = order[i];
        PlanCohort *co = arena_array(a, (size_t)n, sizeof(PlanCohort));
        PlanProblem sub = *P;
        sub.cohorts = co, sub.ncohorts = 0;
        for (int c = 0; c < n; c++)
            if (group[c] == k)
                local[c] = sub.ncohorts, co[sub.ncohorts++] = P->cohorts[c];
        /* a share of the time left; what one group leaves goes to the next */
        double left = time_limit > 0 ? (time_limit - since(&start, ask->clock_scale)) / (m - i) : 0;
        /* the nodes are the whole search's: what one group spends, the next has not */
        long nodes = ask->node_limit > 0 ? ask->node_limit - out->nodes : 0;
        solve_group(&sub, ask, K, time_limit > 0 && left <= 0 ? 1e-9 : left, ask->node_limit > 0 && nodes <= 0 ? -1 : nodes,
                    a, &part[k]);
        out->nodes += part[k].nodes, out->lower_bound += part[k].lower_bound;
        none |= part[k].nproposals == 0;
        cut |= part[k].status == PLAN_FEASIBLE;
        if (part[k].status == PLAN_INFEASIBLE)
            break;
    }
    out->proposals = arena_array(a, (size_t)K, sizeof(PlanChoice));
    for (int k = 0; k < m; k++)
        if (part[k].status == PLAN_INFEASIBLE) {
            out->status = PLAN_INFEASIBLE, out->lower_bound = 0;
            out->seconds = since(&start, ask->clock_scale);
            return;
        }
    if (!none)
        merge(&(Merge){n, m, group, local, part, P}, K, a, out);
    out->status = cut ? PLAN_FEASIBLE : PLAN_OPTIMAL;
    out->seconds = since(&start, ask->clock_scale);
}

/* ---- the independent check: plain loops over the plain data ---- */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static bool refuse(char *why, int whylen, const char *fmt, ...)
{
    if (why && whylen > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, (size_t)whylen, fmt, ap);
        va_end(ap);
    }
    return false;
}

int plan_cohort_slots(const PlanCohort *pc)
{
    int n = 0;
    for (int r = 0; r < pc->nroles; r++)
        n += pc->roles[r].need > 0 ? pc->roles[r].need : 0;
    return n;
}

static bool teaches(const PlanProblem *P, const PlanChoice *c, int i, int t)
{
    for (int j = 0; j < plan_cohort_slots(&P->cohorts[i]); j++)
        if (c->team[i][j] == t)
            return true;
    return false;
}

static bool meets_on(const PlanOption *o, int32_t d)
{
    for (int k = 0; k < o->ndays; k++)
        if (o->days[k] == d)
            return true;
    return false;
}

bool plan_choice_valid(const PlanProblem *P, const PlanChoice *c, char *why, int whylen)
{
    int n = P->ncohorts;
    for (int i = 0; i < n; i++)
        if (c->opt[i] < 0 || c->opt[i] >= P->cohorts[i].nopts)
            return refuse(why, whylen, "cohort %d: option %d out of range (%d options)", i, c->opt[i],
                          P->cohorts[i].nopts);
    for (int i = 0; i < n; i++) {
        const PlanCohort *pc = &P->cohorts[i];
        const PlanOption *o = &pc->opts[c->opt[i]];
        for (int r = 0, j = 0; r < pc->nroles; r++)
            for (int k = 0; k < pc->roles[r].need; k++, j++) {
                int t = c->team[i][j];
                bool elig = false;
                for (int e = 0; e < pc->roles[r].neligible; e++)
                    elig |= pc->roles[r].eligible[e] == t;
                if (t < 0 || t >= P->nteachers || !elig)
                    return refuse(why, whylen, "cohort %d: teacher %d is not eligible for role %d", i, t, r);
                for (int j2 = 0; j2 < j; j2++)
                    if (c->team[i][j2] == t)
                        return refuse(why, whylen, "cohort %d: teacher %d fills two slots (%d)", i, t, j2);
                const PlanTeacher *pt = &P->teachers[t];
                if (o->weekdays & ~pt->weekdays)
                    return refuse(why, whylen, "cohort %d: teacher %d does not teach on all its weekdays", i, t);
                for (int d = 0; d < o->ndays; d++)
                    for (int w = 0; w < pt->naway; w++)
                        if (pt->away[w][0] <= o->days[d] && o->days[d] <= pt->away[w][1])
                            return refuse(why, whylen, "cohort %d: teacher %d is away on day %d", i, t, o->days[d]);
            }
    }
    for (int t = 0; t < P->nteachers; t++)
        for (int i = 0; i < n; i++) {
            if (!teaches(P, c, i, t))
                continue;
            const PlanOption *a = &P->cohorts[i].opts[c->opt[i]];
            int during = 0; /* the most periods overlap at the start of one */
            for (int j = 0; j < n; j++) {
                if (!teaches(P, c, j, t))
                    continue;
                const PlanOption *b = &P->cohorts[j].opts[c->opt[j]];
                during += b->first <= a->first && a->first <= b->last;
                if (j <= i)
                    continue;
                for (int d = 0; d < a->ndays; d++) {
                    if (!meets_on(b, a->days[d]))
                        continue;
                    int from = a->t0 > b->t0 ? a->t0 : b->t0, to = a->t1 < b->t1 ? a->t1 : b->t1;
                    if (from < to)
                        return refuse(why, whylen, "teacher %d: cohorts %d and %d meet at the same time", t, i, j);
                    if (P->cohorts[i].site != P->cohorts[j].site)
                        return refuse(why, whylen, "teacher %d: cohorts %d and %d meet at two sites on one date", t,
                                      i, j);
                }
            }
            if (during > P->teachers[t].max_cohorts)
                return refuse(why, whylen, "teacher %d: %d cohorts' periods overlap at cohort %d's start", t, during,
                              i);
        }
    for (int i = 0; i < n; i++) {
        int st = P->cohorts[i].site;
        const PlanOption *a = &P->cohorts[i].opts[c->opt[i]];
        if (st < 0 || st >= P->nsites || a->t0 >= a->t1)
            continue;
        for (int d = 0; d < a->ndays; d++) {
            int busy = 0; /* meetings at a->t0, the start of one */
            for (int j = 0; j < n; j++) {
                const PlanOption *b = &P->cohorts[j].opts[c->opt[j]];
                busy += P->cohorts[j].site == st && b->t0 <= a->t0 && a->t0 < b->t1 && meets_on(b, a->days[d]);
            }
            if (busy > P->sites[st].rooms)
                return refuse(why, whylen, "site %d: %d meetings at once on day %d", st, busy, a->days[d]);
        }
    }
    if (why && whylen > 0)
        why[0] = '\0';
    return true;
}
