/* plan_memo.c — kept plans checked against a conflict search's question
 * (plan_memo.h). The check is plan_choice_valid, the one the tests hold
 * every proposal of the search to, so a question the memo answers "a plan
 * exists" has one: the plan checked. */
#include "apps/plan_memo.h"

#include <string.h>

void plan_memo_init(PlanMemo *m, Arena *a)
{
    memset(m, 0, sizeof *m);
    m->a = a;
    m->ncohorts = -1;
}

void plan_memo_add(PlanMemo *m, const PlanProblem *P, const PlanChoice *c)
{
    int n = P->ncohorts;
    if (m->ncohorts >= 0 && m->ncohorts != n)
        return; /* another year's plan: never one of these questions */
    m->ncohorts = n;
    PlanMemoPlan k;
    k.start = arena_array(m->a, (size_t)n + 1, sizeof *k.start);
    k.weekdays = arena_array(m->a, (size_t)n + 1, sizeof *k.weekdays);
    k.time = arena_array(m->a, (size_t)n + 1, sizeof *k.time);
    k.team = arena_array(m->a, (size_t)n + 1, sizeof *k.team);
    k.nslots = arena_array(m->a, (size_t)n + 1, sizeof *k.nslots);
    for (int i = 0; i < n; i++) {
        const PlanOption *o = &P->cohorts[i].opts[c->opt[i]];
        k.start[i] = o->start;
        k.weekdays[i] = o->weekdays;
        k.time[i] = o->time;
        k.nslots[i] = plan_cohort_slots(&P->cohorts[i]);
        k.team[i] = arena_array(m->a, (size_t)k.nslots[i] + 1, sizeof *k.team[i]);
        memcpy(k.team[i], c->team[i], sizeof *k.team[i] * (size_t)k.nslots[i]);
    }
    k.nsites = P->nsites;
    k.rooms = arena_array(m->a, (size_t)P->nsites + 1, sizeof *k.rooms);
    for (int st = 0; st < P->nsites; st++)
        k.rooms[st] = P->sites[st].rooms;
    k.nteachers = P->nteachers;
    k.maxc = arena_array(m->a, (size_t)P->nteachers + 1, sizeof *k.maxc);
    for (int t = 0; t < P->nteachers; t++)
        k.maxc[t] = P->teachers[t].max_cohorts;
    m->plans = arena_push(m->a, m->plans, (size_t)m->nplans, sizeof *m->plans);
    m->plans[m->nplans++] = k;
}

/* Where kept plan k's option of cohort i is among P's, or -1. */
static int option_at(const PlanMemoPlan *k, const PlanCohort *pc, int i)
{
    for (int j = 0; j < pc->nopts; j++)
        if (pc->opts[j].start == k->start[i] && pc->opts[j].weekdays == k->weekdays[i] &&
            pc->opts[j].time == k->time[i])
            return j;
    return -1;
}

/* Whether cohort i can keep kept plan k's team in P at option o: the same
 * slots, each teacher still eligible for her role, teaching on its
 * weekdays and not away on its days. */
static bool team_kept(const PlanMemoPlan *k, const PlanProblem *P, int i, const PlanOption *o)
{
    const PlanCohort *pc = &P->cohorts[i];
    if (plan_cohort_slots(pc) != k->nslots[i])
        return false;
    for (int r = 0, j = 0; r < pc->nroles; r++)
        for (int s = 0; s < pc->roles[r].need; s++, j++) {
            int t = k->team[i][j];
            bool elig = false;
            for (int e = 0; e < pc->roles[r].neligible && !elig; e++)
                elig = pc->roles[r].eligible[e] == t;
            if (!elig || t < 0 || t >= P->nteachers || (o->weekdays & ~P->teachers[t].weekdays))
                return false;
            for (int w = 0; w < P->teachers[t].naway; w++)
                if (P->teachers[t].away[w][0] <= o->last && o->first <= P->teachers[t].away[w][1])
                    return false; /* away within its period: maybe not on a day it meets, but freed anyway */
        }
    return true;
}

/* Plan k in P's terms, in ch; false when P lacks one of its options or its
 * teams have other sizes. */
static bool as_choice(const PlanMemoPlan *k, const PlanProblem *P, PlanChoice *ch)
{
    for (int i = 0; i < P->ncohorts; i++) {
        if (plan_cohort_slots(&P->cohorts[i]) != k->nslots[i] ||
            (ch->opt[i] = option_at(k, &P->cohorts[i], i)) < 0)
            return false;
        ch->team[i] = k->team[i];
    }
    return true;
}

/* P cut down to kept plan k where P allows it: each cohort whose option
 * and team P still has keeps them alone, unless it is freed with a cohort
 * of its site that P does not let keep them (the rooms they share), or its
 * site has fewer rooms than when k was found, or one of its teachers may
 * take fewer cohorts at once; the rest keep all of P's. Every plan of it
 * is one of P. False when every cohort would be freed. */
static bool around(const PlanMemoPlan *k, const PlanProblem *P, Arena *a, PlanProblem *out)
{
    int n = P->ncohorts, nfree = 0;
    int *at = arena_array(a, (size_t)n + 1, sizeof *at);
    bool *freed = arena_array(a, (size_t)n + 1, sizeof *freed);
    bool *site_freed = arena_array(a, (size_t)P->nsites + 1, sizeof *site_freed);
    /* Fewer rooms than the kept plan had: that site's cohorts re-seated. */
    for (int st = 0; st < P->nsites && st < k->nsites; st++)
        site_freed[st] = P->sites[st].rooms < k->rooms[st];
    for (int i = 0; i < n; i++) {
        at[i] = option_at(k, &P->cohorts[i], i);
        if (at[i] >= 0 && !team_kept(k, P, i, &P->cohorts[i].opts[at[i]]))
            at[i] = -1;
        /* A teacher who may take fewer cohorts at once: hers re-staffed. */
        for (int j = 0; at[i] >= 0 && j < k->nslots[i]; j++) {
            int t = k->team[i][j];
            if (t < k->nteachers && P->teachers[t].max_cohorts < k->maxc[t])
                at[i] = -1;
        }
        if (at[i] < 0 && P->cohorts[i].site >= 0 && P->cohorts[i].site < P->nsites)
            site_freed[P->cohorts[i].site] = true;
    }
    for (int i = 0; i < n; i++) {
        int st = P->cohorts[i].site;
        freed[i] = at[i] < 0 || (st >= 0 && st < P->nsites && site_freed[st]);
        nfree += freed[i];
    }
    if (nfree == n)
        return false;
    PlanCohort *cs = arena_array(a, (size_t)n + 1, sizeof *cs);
    for (int i = 0; i < n; i++) {
        cs[i] = P->cohorts[i];
        if (freed[i])
            continue;
        cs[i].opts = &P->cohorts[i].opts[at[i]];
        cs[i].nopts = 1;
        PlanRole *roles = arena_array(a, (size_t)cs[i].nroles + 1, sizeof *roles);
        for (int r = 0, j = 0; r < cs[i].nroles; r++) {
            /* Her kept teachers alone, in pool order as eligible lists are. */
            int need = P->cohorts[i].roles[r].need, *el = arena_array(a, (size_t)need + 1, sizeof *el);
            memcpy(el, k->team[i] + j, sizeof *el * (size_t)need);
            for (int x = 1; x < need; x++)
                for (int y = x; y > 0 && el[y - 1] > el[y]; y--) {
                    int t = el[y];
                    el[y] = el[y - 1];
                    el[y - 1] = t;
                }
            roles[r] = (PlanRole){need, el, need};
            j += need;
        }
        cs[i].roles = roles;
    }
    *out = *P;
    out->cohorts = cs;
    return true;
}

bool plan_memo_find(PlanMemo *m, const PlanProblem *P, const PlanSolveAsk *limits, Arena *scratch)
{
    if (m->nplans == 0 || m->ncohorts != P->ncohorts)
        return false;
    PlanChoice ch = {0};
    ch.opt = arena_array(scratch, (size_t)P->ncohorts + 1, sizeof *ch.opt);
    ch.team = arena_array(scratch, (size_t)P->ncohorts + 1, sizeof *ch.team);
    /* The newest first: found for the questions most like this one. */
    for (int k = m->nplans - 1; k >= 0; k--)
        if (as_choice(&m->plans[k], P, &ch) && plan_choice_valid(P, &ch, NULL, 0))
            return true;
    /* None is a plan of P as it stands: search around the newest, the
     * cohorts it cannot keep freed (and their sites'), the others fixed.
     * Set up over a few cohorts' options rather than every cohort's, that
     * search is cheap; a plan it finds is a plan of P (its problem is P
     * with fewer options and teams), while its "no" proves nothing. */
    PlanProblem Q;
    if (!limits || (limits->time_limit <= 0 && limits->node_limit <= 0) ||
        !around(&m->plans[m->nplans - 1], P, scratch, &Q))
        return false;
    PlanSolveAsk sa = {.nproposals = 1, .time_limit = limits->time_limit, .node_limit = limits->node_limit,
                       .clock_scale = limits->clock_scale, .any_plan = true};
    PlanResult r;
    plan_solve_ask(&Q, &sa, scratch, &r);
    if (r.nproposals == 0)
        return false;
    plan_memo_add(m, &Q, &r.proposals[0]);
    /* Held to the same check as a kept plan: the answer rests on it. */
    return as_choice(&m->plans[m->nplans - 1], P, &ch) && plan_choice_valid(P, &ch, NULL, 0);
}
