/* plan.c — from a `plan` declaration to the search's problem and back to
 * proposals (PLANNING.md §2). Every candidate option of a cohort is a
 * `schedule` block built here and placed by the scheduler itself, so a
 * proposal and `ramme schedule` on the schedule it prints can never
 * disagree; its price is the placement's checks, judged by the rules
 * engine, each failing check costing its `weight` (the plan may override
 * one) times its `amount`. An error-level check that fails rules the
 * option out (hard requirement 5). */
#include "apps/plan.h"
#include "apps/glpklib.h"
#include "apps/plan_conflict.h"
#include "apps/plan_memo.h"
#include "apps/plan_mip.h"
#include "base/civil.h"
#include "base/i18n.h"
#include "engine/eval.h"

#include <ctype.h>
#include <math.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

/* The names plan.c reads, declared in stdlib (plan.ramme, schedule.ramme,
 * course.ramme): one place, like the scheduler's table. */
#define K_SCHEDULE "schedule"
#define K_TEACHER "teacher"
#define K_SITE "site"
#define K_CHECKS "checks"
#define PLAN_CHECKS "plan" /* the `checks` declaration of the plan's own wishes */

/* A requirement a conflict may name (PLANNING.md §3): what it is, whose
 * (cohort, site, role or teacher index), which (a role's flag field, an
 * absence), where it is written and how the report names it. */
typedef enum { RQ_WINDOW, RQ_START, RQ_ROOMS, RQ_ROLE, RQ_MAX, RQ_SITES, RQ_WEEKDAYS, RQ_AWAY } ReqKind;
typedef struct Req {
    ReqKind kind;
    int who, idx;
    Span span;
    const char *label;
} Req;

/* A cohort's options, each marked with whether it starts in the cohort's
 * range and lies in the window (a conflict may drop either). */
typedef struct CohortOpts {
    PlanOption *o;
    bool *in_start, *in_window;
    int n;
} CohortOpts;

/* A teacher's absences, entry by entry, as day ranges. */
typedef struct Away {
    struct {
        int32_t (*r)[2];
        int n;
    } *e;
    int n;
} Away;

typedef struct Ctx {
    Program *p;
    Arena *a;
    Diags *d;
    const SchedNames *names; /* the scheduler's lookups, made once for every option */
    Block *plan, *course, *calendar;
    Schema *schedule_kind;
    int32_t w0, w1;          /* the window */
    uint8_t plan_days;       /* the plan's weekdays */
    int spw;                 /* sessions per week */
    int ntimes;
    int *t0, *t1;
    Value **time_vals;
    Block **pool;
    int npool;
    Block **sites;           /* every site a cohort names, in first-named order */
    int nsites;
    Block **roles;
    int nroles;
    Block *plan_checks;      /* the `checks plan` declaration, or NULL */
    Block **cohorts;         /* the plan's cohorts, in order */
    Block **site_of;         /* each one's site, or NULL */
    int ncohorts;
    CohortOpts *opts;        /* each one's options */
    Away *away;              /* per pool teacher */
    Req *reqs;
    int nreqs;
    double time_limit;
    double deadline;         /* the conflict search's end (now_s) */
    long call_nodes;         /* and the most nodes one of its questions may take */
    double clock_scale;      /* PlanAsk's */
    const GlpkLib *glpk;     /* GLPK opened (glpklib.h), or NULL: the search ranks alone */
    int alone;               /* > 0: the oracle asks about site alone-1's seating only */
    PlanMemo *memo;          /* the whole year's plans the oracle found, or NULL */
    PlanMemo *seated;        /* and the seatings of site seated_site alone, or NULL */
    int seated_site;
} Ctx;

static Value *val(Arena *a, ValueKind k, Span sp)
{
    Value *v = arena_alloc(a, sizeof *v);
    v->k = k;
    v->span = sp;
    return v;
}

static int64_t int_of(const Value *v, int64_t dflt)
{
    return v && v->k == V_INT ? v->u.i : dflt;
}

static bool flag_of(const Block *b, const char *name)
{
    Value *v = model_get(b, name);
    return v && v->k == V_BOOL && v->u.b;
}

/* The weekday bits of a `list of weekday`, or `dflt` when absent. */
static uint8_t days_of(const Value *v, uint8_t dflt)
{
    if (!v || v->k != V_LIST)
        return dflt;
    uint8_t m = 0;
    for (int i = 0; i < v->u.list.n; i++)
        if (v->u.list.items[i]->k == V_ENUM && v->u.list.items[i]->u.en.idx < 7)
            m |= (uint8_t)(1u << v->u.list.items[i]->u.en.idx);
    return m;
}

static bool in_list(const Value *list, const Block *b)
{
    for (int i = 0; list && list->k == V_LIST && i < list->u.list.n; i++)
        if (list->u.list.items[i]->k == V_REF && list->u.list.items[i]->u.ref == b)
            return true;
    return false;
}

static int site_index(Ctx *C, Block *site)
{
    if (!site)
        return -1;
    for (int i = 0; i < C->nsites; i++)
        if (C->sites[i] == site)
            return i;
    C->sites = arena_push(C->a, C->sites, (size_t)C->nsites, sizeof *C->sites);
    C->sites[C->nsites] = site;
    return C->nsites++;
}

/* A role's flags are its yes/no fields that the teacher schema declares
 * too (stdlib/plan.ramme): a teacher fits when she has each of them. */
static bool fits(const Block *teacher, const Block *role)
{
    const Schema *ts = teacher->schema;
    for (int i = 0; i < ts->nfields; i++) {
        const Field *f = ts->fields[i];
        if (f->type->k == TY_BOOL && flag_of(role, f->name) && !flag_of(teacher, f->name))
            return false;
    }
    return true;
}

static int role_need(const Block *role)
{
    Value *c = model_get(role, "count");
    if (c && c->k == V_RANGE && c->u.range.lo && c->u.range.lo->k == V_INT)
        return (int)c->u.range.lo->u.i;
    return (int)int_of(c, 1);
}

/* What each role needs, for a help line: "peer_teacher: experiential_competence;
 * professional: professional". The flags are the stdlib's field names. */
static const char *role_flags(Ctx *C)
{
    const Schema *ts = model_schema(C->p, K_TEACHER);
    char *s = "";
    for (int r = 0; ts && r < C->nroles; r++) {
        char *f = "";
        for (int i = 0; i < ts->nfields; i++)
            if (ts->fields[i]->type->k == TY_BOOL && flag_of(C->roles[r], ts->fields[i]->name))
                f = arena_printf(C->a, "%s%s%s", f, *f ? ", " : "", ts->fields[i]->name);
        s = arena_printf(C->a, "%s%s%s: %s", s, r ? "; " : "", C->roles[r]->name, *f ? f : "-");
    }
    return s;
}

/* Reads and checks what every option shares; errors are PLANNING.md §4's. */
static bool read_plan(Ctx *C)
{
    Program *p = C->p;
    Diags *d = C->d;
    Block *pl = C->plan;
    Value *cv = model_get(pl, "course");
    C->course = cv && cv->k == V_REF ? cv->u.ref : NULL;
    Value *calv = model_get(pl, "calendar");
    C->calendar = calv && calv->k == V_REF ? calv->u.ref : NULL;
    C->schedule_kind = model_schema(p, K_SCHEDULE);
    if (!C->course || !C->schedule_kind)
        return false;
    bool ok = true;

    Value *wv = model_get(pl, "window");
    if (!wv || wv->k != V_RANGE || !wv->u.range.lo || !wv->u.range.hi) {
        diag_error(d, wv ? wv->span : pl->name_span, _("the plan's window needs a first and a last day"));
        diag_help(d, _("write both ends: window 2027-01-04..2027-12-17"));
        return false;
    }
    C->w0 = wv->u.range.lo->u.date;
    C->w1 = wv->u.range.hi->u.date;
    if (C->w1 - C->w0 > 366 * 3) {
        diag_error(d, wv->span, _("the plan's window is longer than three years"));
        return false;
    }

    Value *th = model_get(C->course, "theory");
    Block *theory = th && th->k == V_BLOCK ? th->u.block : NULL;
    Value *spw = theory ? model_get(theory, "sessions_per_week") : NULL;
    if (!spw || spw->k != V_INT) {
        diag_error(d, cv->span, _("cannot plan course %s: its theory declares no sessions_per_week"), C->course->name);
        diag_help(d, _("the planner chooses that many weekdays; add to the course's theory: sessions_per_week 2"));
        diag_note(d, C->course->name_span, _("course %s is declared here"), C->course->name);
        return false;
    }
    C->spw = (int)spw->u.i;
    C->plan_days = days_of(model_get(pl, "weekdays"), 0);
    int ndays = __builtin_popcount(C->plan_days);
    if (C->spw < 1 || C->spw > ndays) {
        Value *pw = model_get(pl, "weekdays");
        diag_error(d, pw ? pw->span : pl->name_span,
                   P_("the plan offers %d weekday, but course %s meets %d times a week",
                      "the plan offers %d weekdays, but course %s meets %d times a week", (unsigned long)ndays),
                   ndays, C->course->name, C->spw);
        diag_note(d, spw->span, _("sessions_per_week is declared here"));
        diag_help(d, P_("offer at least %d weekday: weekdays mon, wed", "offer at least %d weekdays: weekdays mon, wed",
                        (unsigned long)C->spw), C->spw);
        return false;
    }

    /* The times: each must give the course's session length. */
    Value *tl = model_get(pl, "time");
    Value *sl = theory ? model_get(theory, "session_length") : NULL;
    double slm = sl && sl->k == V_QTY ? sl->u.qty.v * unit_base(sl->u.qty.unit) : -1;
    C->ntimes = tl && tl->k == V_LIST ? tl->u.list.n : 0;
    C->t0 = arena_array(C->a, (size_t)C->ntimes + 1, sizeof *C->t0);
    C->t1 = arena_array(C->a, (size_t)C->ntimes + 1, sizeof *C->t1);
    C->time_vals = arena_array(C->a, (size_t)C->ntimes + 1, sizeof *C->time_vals);
    for (int i = 0; i < C->ntimes; i++) {
        Value *r = tl->u.list.items[i];
        C->time_vals[i] = r;
        if (r->k != V_RANGE || !r->u.range.lo || !r->u.range.hi) {
            diag_error(d, r->span, _("a session time needs a start and an end: 09:00..12:00"));
            ok = false;
            continue;
        }
        int a0 = r->u.range.lo->u.time, a1 = r->u.range.hi->u.time;
        C->t0[i] = a0;
        C->t1[i] = a1;
        if (a1 <= a0) {
            diag_error(d, r->span, _("the session time must end after it starts"));
            ok = false;
        } else if (slm > 0 && fabs(slm - (a1 - a0)) > 1e-6) {
            diag_error(d, r->span, _("this time gives sessions of %d minutes, but the course's session_length is %d minutes"),
                       a1 - a0, (int)lround(slm));
            diag_note(d, sl->span, _("session_length is declared here"));
            diag_help(d, _("every time of a plan must be as long as the course's sessions"));
            ok = false;
        }
    }

    /* The roles of the course and the pool. */
    Value *iv = model_get(C->course, "instructors");
    Value *rl = iv && iv->k == V_BLOCK ? model_get(iv->u.block, "instructor") : NULL;
    Value *tv = model_get(pl, "teachers");
    Schema *tk = model_schema(p, K_TEACHER);
    if (tv && tv->k == V_LIST) {
        C->pool = arena_array(C->a, (size_t)tv->u.list.n + 1, sizeof *C->pool);
        for (int i = 0; i < tv->u.list.n; i++)
            if (tv->u.list.items[i]->k == V_REF)
                C->pool[C->npool++] = tv->u.list.items[i]->u.ref;
    } else if (tk) {
        for (int i = 0; i < p->ndecls; i++)
            if (p->decls[i]->schema == tk) {
                C->pool = arena_push(C->a, C->pool, (size_t)C->npool, sizeof *C->pool);
                C->pool[C->npool++] = p->decls[i];
            }
    }
    /* A region plans tens of cohorts and teachers; ten thousand is a file
     * gone wrong, and an hour of placing options before any answer. */
    if (C->npool > PLAN_MAX_TEACHERS) {
        diag_error(d, C->pool[PLAN_MAX_TEACHERS]->name_span, _("plan %s has %d teachers; ramme plans with at most %d"),
                   pl->name, C->npool, PLAN_MAX_TEACHERS);
        diag_help(d, _("name in the plan the teachers it may use"));
        return false;
    }
    Value *cohorts = model_get(pl, "cohort");
    if (cohorts && cohorts->k == V_LIST && cohorts->u.list.n > PLAN_MAX_COHORTS) {
        diag_error(d, cohorts->u.list.items[PLAN_MAX_COHORTS]->u.block->name_span,
                   _("plan %s has %d cohorts; ramme plans at most %d at a time"), pl->name, cohorts->u.list.n,
                   PLAN_MAX_COHORTS);
        diag_help(d, _("split it into several plans, one a site or a half-year"));
        return false;
    }
    if (C->npool && rl && rl->k == V_LIST) {
        C->nroles = rl->u.list.n;
        C->roles = arena_array(C->a, (size_t)C->nroles + 1, sizeof *C->roles);
        for (int i = 0; i < C->nroles; i++)
            C->roles[i] = rl->u.list.items[i]->u.block;
        for (int t = 0; t < C->npool; t++) {
            bool any = false;
            for (int r = 0; r < C->nroles && !any; r++)
                any = fits(C->pool[t], C->roles[r]);
            if (!any) {
                diag_error(d, C->pool[t]->name_span, _("teacher %s fits no instructor role of course %s"),
                           C->pool[t]->name, C->course->name);
                diag_help(d, _("give the teacher every flag of one role (%s), or leave the teacher out of the plan's teachers"),
                          role_flags(C));
                ok = false;
            }
        }
    }

    /* Sites too small for the course. */
    Value *gs = model_get(C->course, "group_size");
    int64_t most = gs && gs->k == V_RANGE && gs->u.range.hi && gs->u.range.hi->k == V_INT ? gs->u.range.hi->u.i
                 : int_of(gs, -1);
    Value *cl = model_get(pl, "cohort");
    for (int i = 0; cl && cl->k == V_LIST && i < cl->u.list.n; i++) {
        Value *sv = model_get(cl->u.list.items[i]->u.block, "site");
        Block *site = sv && sv->k == V_REF ? sv->u.ref : NULL;
        if (!site || site_index(C, site) != C->nsites - 1)
            continue; /* each site once */
        Value *seats = model_get(site, "seats");
        if (seats && seats->k == V_INT && most > 0 && seats->u.i < most) {
            diag_error(d, seats->span, _("site %s has %lld seats, but course %s takes up to %lld participants"),
                       site->name, (long long)seats->u.i, C->course->name, (long long)most);
            diag_note(d, gs->span, _("group_size is declared here"));
            diag_help(d, _("teach its cohorts at a site with room for the whole group, or raise its seats"));
            ok = false;
        }
    }
    Schema *ck = model_schema(p, K_CHECKS);
    C->plan_checks = ck ? model_decl(p, ck, PLAN_CHECKS) : NULL;
    return ok;
}

/* The weight of check `id` in this plan: the plan's `weight` entry for
 * it, else the rule's own; -1 when it has none. */
static int64_t weight_of(const Ctx *C, const ScheduleCheck *ck)
{
    Value *ws = model_get(C->plan, "weight");
    for (int i = 0; ws && ws->k == V_LIST && i < ws->u.list.n; i++) {
        Block *w = ws->u.list.items[i]->u.block;
        Value *id = model_get(w, "check");
        if (id && id->k == V_STRING && strcmp(id->u.s, ck->id) == 0)
            return int_of(model_get(w, "weight"), -1);
    }
    return ck->rule ? int_of(model_get(ck->rule, "weight"), -1) : -1;
}

/* A check's amount on the placement: its `amount` evaluated, rounded to a
 * whole number; 0 when it cannot be computed. */
static int64_t amount_of(const ScheduleCheck *ck, Block *placement, Arena *a)
{
    Value *am = ck->rule ? model_get(ck->rule, "amount") : NULL;
    if (!am || am->k != V_EXPR)
        return 0;
    EvalCtx ec;
    eval_init(&ec, a, placement, NULL);
    RVal r = eval(&ec, am->u.expr);
    double x = r.k == RV_INT ? (double)r.u.i : r.k == RV_NUM ? r.u.num : 0;
    return x > 0 ? (int64_t)llround(x) : 0;
}

/* The schedule that places cohort `co` with this option. */
static Block *schedule_for(Ctx *C, Block *co, Block *site, int32_t start, uint8_t wdays, int time, Arena *a)
{
    Schema *k = C->schedule_kind;
    Block *b = arena_alloc(a, sizeof *b);
    b->schema = k;
    b->name = co->name;
    b->span = co->span;
    b->name_span = co->name_span;
    b->file = co->file;
    b->vals = arena_array(a, (size_t)k->nfields + 1, sizeof *b->vals);
    Span sp = co->span;
#define SET(name, v) b->vals[model_field(k, name)->index] = (v)
    Value *c = val(a, V_REF, sp);
    c->u.ref = C->course;
    SET("course", c);
    if (C->calendar) {
        Value *cal = val(a, V_REF, sp);
        cal->u.ref = C->calendar;
        SET("calendar", cal);
    }
    /* The plan's closures, then the site's. */
    Value *closed = val(a, V_LIST, sp);
    Value *srcs[2] = {model_get(C->plan, "closed"), site ? model_get(site, "closed") : NULL};
    for (int s = 0; s < 2; s++)
        for (int i = 0; srcs[s] && srcs[s]->k == V_LIST && i < srcs[s]->u.list.n; i++) {
            closed->u.list.items = arena_push(a, closed->u.list.items, (size_t)closed->u.list.n, sizeof(Value *));
            closed->u.list.items[closed->u.list.n++] = srcs[s]->u.list.items[i];
        }
    SET("closed", closed);
    Value *st = val(a, V_DATE, sp);
    st->u.date = start;
    SET("start", st);
    EnumDef *wd = model_enum(C->p, "weekday");
    Value *wl = val(a, V_LIST, sp);
    wl->u.list.items = arena_array(a, 8, sizeof(Value *));
    for (int i = 0; i < 7; i++)
        if (wdays & (1u << i)) {
            Value *e = val(a, V_ENUM, sp);
            e->u.en.enm = wd;
            e->u.en.idx = i;
            wl->u.list.items[wl->u.list.n++] = e;
        }
    SET("weekdays", wl);
    SET("time", C->time_vals[time]);
    if (site) {
        Value *loc = val(a, V_STRING, sp);
        loc->u.s = site->title ? site->title : site->name;
        SET("location", loc);
    }
#undef SET
    return b;
}

/* Places one option and judges it; false when it breaks a hard
 * requirement (a closed start, an error-level check, or — with
 * `window_only` — a day outside the window). `pen` gets its penalty and
 * `in_window` whether every day it meets lies in the window. */
static bool place_option(Ctx *C, Block *co, Block *site, int32_t start, uint8_t wdays, int time, bool window_only,
                         bool explain, Arena *a, Plan *pl, int64_t *pen, bool *in_window)
{
    Block *sb = schedule_for(C, co, site, start, wdays, time, a);
    Diags quiet; /* the shared checks were made once; a refusal here only rules the option out */
    diag_init(&quiet);
    Diags *keep = C->p->diags;
    C->p->diags = &quiet;
    bool ok = C->names ? sched_place_with(C->p, C->names, sb, a, pl) : sched_place(C->p, sb, a, pl);
    C->p->diags = keep;
    diag_free(&quiet);
    if (!ok || pl->nsessions == 0 || pl->sessions[0].date != start)
        return false;
    /* Every day met inside the window (hard requirement 1): outside it
     * the option is judged only when a conflict may drop the window. */
    *in_window = start >= C->w0 && pl->sessions[pl->nsessions - 1].date <= C->w1 &&
                 (pl->nfollow_up == 0 || pl->follow_up[pl->nfollow_up - 1] <= C->w1);
    if (!*in_window && window_only)
        return false;
    /* The cohort's wish and the plan's checks join the placement. */
    Block *pb = pl->placement;
    Value *pref = model_get(co, "prefer");
    Field *f;
    if (pref && pref->k == V_DATE && (f = model_field(pb->schema, "prefer")) && model_field(pb->schema, "prefer_weeks")) {
        pb->vals[f->index] = pref;
        Value *w = val(a, V_INT, pb->span);
        w->u.i = llabs((long long)start - pref->u.date) / 7;
        pb->vals[model_field(pb->schema, "prefer_weeks")->index] = w;
    }
    if (C->plan_checks && (f = model_field(pb->schema, "conforms"))) {
        Value *cf = val(a, V_LIST, pb->span);
        cf->u.list.items = arena_array(a, 1, sizeof(Value *));
        Value *r = val(a, V_REF, pb->span);
        r->u.ref = C->plan_checks;
        cf->u.list.items[cf->u.list.n++] = r;
        pb->vals[f->index] = cf;
    }
    if (explain)
        sched_judge(C->p, pl, a);
    else
        sched_judge_statuses(C->p, pl, a);
    int64_t sum = 0;
    for (int i = 0; i < pl->nchecks; i++) {
        const ScheduleCheck *ck = &pl->checks[i];
        if (ck->status != ST_FAIL)
            continue;
        if (ck->severity == SEV_ERROR)
            return false;
        int64_t w = weight_of(C, ck);
        if (w > 0)
            sum += w * amount_of(ck, pb, a);
    }
    *pen = sum;
    return true;
}

/* Weekday sets of size k within `avail`, in the contract's order: as
 * sorted lists of positions, compared element by element. */
static int weekday_sets(uint8_t avail, int k, uint8_t *out)
{
    int n = 0;
    for (unsigned m = 1; m < 128; m++)
        if ((m & ~avail) == 0 && __builtin_popcount(m) == k)
            out[n++] = (uint8_t)m;
    /* Order by the sorted position lists: the lowest differing bit decides,
     * and the set holding it comes first. */
    for (int i = 1; i < n; i++) {
        uint8_t x = out[i];
        int j = i - 1;
        while (j >= 0) {
            uint8_t diff = out[j] ^ x, low = diff & (uint8_t)-diff;
            if (!(x & low))
                break;
            out[j + 1] = out[j];
            j--;
        }
        out[j + 1] = x;
    }
    return n;
}

/* Days as sorted disjoint ranges. */
static int day_ranges(const Skipped *days, int n, int32_t (*r)[2])
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (k && r[k - 1][1] >= days[i].date - 1) {
            if (days[i].date > r[k - 1][1])
                r[k - 1][1] = days[i].date;
        } else {
            r[k][0] = r[k][1] = days[i].date;
            k++;
        }
    }
    return k;
}

/* Each `away` entry of each teacher as the days it covers in the window
 * (one requirement each, PLANNING.md §3). */
static void read_away(Ctx *C)
{
    C->away = arena_array(C->a, (size_t)C->npool + 1, sizeof *C->away);
    for (int t = 0; t < C->npool; t++) {
        Value *l = model_get(C->pool[t], "away");
        int n = l && l->k == V_LIST ? l->u.list.n : 0;
        C->away[t].n = n;
        C->away[t].e = arena_array(C->a, (size_t)n + 1, sizeof *C->away[t].e);
        for (int k = 0; k < n; k++) {
            Value one = *l;
            one.u.list.items = &l->u.list.items[k];
            one.u.list.n = 1;
            Skipped *days;
            int nd = sched_closure_days(C->p, &one, "away", C->w0 - 366, C->w1 + 366, C->a, &days);
            C->away[t].e[k].r = arena_array(C->a, (size_t)nd + 1, sizeof *C->away[t].e[k].r);
            C->away[t].e[k].n = day_ranges(days, nd, C->away[t].e[k].r);
        }
    }
}

/* The requirements a conflict may name, in the order deletion tries them
 * (plan_conflict.c: those listed last stay when several would do). */
static void add_req(Ctx *C, ReqKind k, int who, int idx, Span sp, const char *label)
{
    C->reqs = arena_push(C->a, C->reqs, (size_t)C->nreqs, sizeof *C->reqs);
    C->reqs[C->nreqs++] = (Req){k, who, idx, sp, label};
}

/* A value as the file writes it, its line breaks and runs of blanks made
 * one space, for a requirement's name. */
static const char *value_text(Ctx *C, const Value *v)
{
    SourceSet *ss = C->p->sources;
    if (!v || !ss || v->span.file < 0 || v->span.file >= ss->n)
        return "";
    const Source *src = ss->files[v->span.file];
    if (!src || !src->text || v->span.last_off <= v->span.first_off || v->span.last_off > src->len)
        return "";
    size_t n = v->span.last_off - v->span.first_off;
    const char *t = src->text + v->span.first_off;
    char *out = arena_alloc(C->a, n + 1), *w = out;
    for (size_t i = 0; i < n; i++) {
        bool blank = t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r';
        if (!blank)
            *w++ = t[i];
        else if (w > out && w[-1] != ' ')
            *w++ = ' ';
    }
    *w = '\0';
    return out;
}

/* The identifier of the source that ends at byte `end` (back over blanks)
 * or starts at `start` (`end` 0): a key or a kind as the file writes it,
 * `periode` or `hold` in a Danish file; `dflt` when there is none (a value
 * the file did not write, a default). */
static const char *written_word(Ctx *C, int file, size_t start, size_t end, const char *dflt)
{
    SourceSet *ss = C->p->sources;
    if (!ss || file < 0 || file >= ss->n || !ss->files[file] || !ss->files[file]->text)
        return dflt;
    const Source *src = ss->files[file];
    const char *t = src->text;
    /* UTF-8 letters (bytes >= 0x80) count as word bytes: æ, ø, å. */
#define WORD_BYTE(ch) (isalnum((unsigned char)(ch)) || (ch) == '_' || (unsigned char)(ch) >= 0x80)
    size_t a = start, b = start;
    if (end) {
        if (end > src->len)
            return dflt;
        b = end;
        while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t'))
            b--;
        a = b;
        while (a > 0 && WORD_BYTE(t[a - 1]))
            a--;
    } else {
        while (b < src->len && WORD_BYTE(t[b]))
            b++;
    }
#undef WORD_BYTE
    if (b <= a || isdigit((unsigned char)t[a]))
        return dflt;
    return arena_strndup(C->a, t + a, b - a);
}

/* The key written before value v (`periode 2027-01-04..`), else `dflt`. */
static const char *key_of(Ctx *C, const Value *v, const char *dflt)
{
    return v && !v->is_default ? written_word(C, v->span.file, 0, v->span.first_off, dflt) : dflt;
}

/* The kind word a block starts with (`hold a { ... }`), else `dflt`. */
static const char *kind_of(Ctx *C, const Block *b, const char *dflt)
{
    return written_word(C, b->span.file, b->span.first_off, 0, dflt);
}

/* A list's items as written, joined by ", " (the list's own span may hold
 * its key). */
static const char *items_text(Ctx *C, const Value *list)
{
    char *s = "";
    for (int i = 0; list && list->k == V_LIST && i < list->u.list.n; i++)
        s = arena_printf(C->a, "%s%s%s", s, i ? ", " : "", value_text(C, list->u.list.items[i]));
    return s;
}

static void list_reqs(Ctx *C)
{
    /* Each named as the file writes it: its kind and key words (Danish or
     * English), its value's text. */
    Value *wv = model_get(C->plan, "window");
    add_req(C, RQ_WINDOW, 0, 0, wv->span,
            arena_printf(C->a, "%s %s: %s %s", kind_of(C, C->plan, "plan"), C->plan->name, key_of(C, wv, "window"),
                         value_text(C, wv)));
    for (int c = 0; c < C->ncohorts; c++) {
        Value *sv = model_get(C->cohorts[c], "start");
        add_req(C, RQ_START, c, 0, sv ? sv->span : C->cohorts[c]->name_span,
                arena_printf(C->a, "%s %s: %s %s", kind_of(C, C->cohorts[c], "cohort"), C->cohorts[c]->name,
                             key_of(C, sv, "start"), value_text(C, sv)));
    }
    for (int s = 0; s < C->nsites; s++) {
        Value *rv = model_get(C->sites[s], "rooms");
        add_req(C, RQ_ROOMS, s, 0, rv && !rv->is_default ? rv->span : C->sites[s]->name_span,
                arena_printf(C->a, "%s %s: %s %lld", kind_of(C, C->sites[s], "site"), C->sites[s]->name,
                             key_of(C, rv, "rooms"), (long long)int_of(rv, 1)));
    }
    const Schema *ts = model_schema(C->p, K_TEACHER);
    for (int r = 0; r < C->nroles && C->npool; r++)
        for (int i = 0; ts && i < ts->nfields; i++)
            if (ts->fields[i]->type->k == TY_BOOL && flag_of(C->roles[r], ts->fields[i]->name)) {
                Value *fv = model_get(C->roles[r], ts->fields[i]->name);
                add_req(C, RQ_ROLE, r, i, fv->span,
                        arena_printf(C->a, _("course %s: instructor %s needs %s"), C->course->name, C->roles[r]->name,
                                     written_word(C, fv->span.file, fv->span.first_off, 0, ts->fields[i]->name)));
            }
    for (int t = 0; t < C->npool; t++) {
        Block *tb = C->pool[t];
        const char *kind = kind_of(C, tb, "teacher");
        Value *mv = model_get(tb, "max_cohorts"), *sv = model_get(tb, "sites"), *wv2 = model_get(tb, "weekdays");
        add_req(C, RQ_MAX, t, 0, mv && !mv->is_default ? mv->span : tb->name_span,
                arena_printf(C->a, "%s %s: %s %lld", kind, tb->name, key_of(C, mv, "max_cohorts"),
                             (long long)int_of(mv, 1)));
        if (sv && sv->k == V_LIST && sv->u.list.n > 0)
            add_req(C, RQ_SITES, t, 0, sv->span,
                    arena_printf(C->a, "%s %s: %s %s", kind, tb->name, key_of(C, sv->u.list.items[0], "sites"),
                                 items_text(C, sv)));
        if (wv2 && wv2->k == V_LIST && wv2->u.list.n > 0)
            add_req(C, RQ_WEEKDAYS, t, 0, wv2->span,
                    arena_printf(C->a, "%s %s: %s %s", kind, tb->name, key_of(C, wv2->u.list.items[0], "weekdays"),
                                 items_text(C, wv2)));
        Value *al = model_get(tb, "away");
        for (int k = 0; al && al->k == V_LIST && k < al->u.list.n; k++) {
            Block *e = al->u.list.items[k]->u.block;
            add_req(C, RQ_AWAY, t, k, e->span,
                    arena_printf(C->a, "%s %s: %s", kind, tb->name, value_text(C, al->u.list.items[k])));
        }
    }
}

/* Every option of every cohort, placed and priced. Normally the starts the
 * cohort allows within the window; `wide` also the starts the window or
 * the cohort's range alone would allow, each option marked with which it
 * keeps, for a conflict to drop either. */
static double now_s(const Ctx *C);

/* Places every cohort's options. False when `deadline` (a now_s() time;
 * 0: none) passed first: the options are then only some of them. */
static bool enumerate(Ctx *C, bool wide, double deadline, long *noptions)
{
    uint8_t sets[128];
    int nsets = weekday_sets(C->plan_days, C->spw, sets);
    *noptions = 0;
    for (int c = 0; c < C->ncohorts; c++) {
        Block *co = C->cohorts[c];
        Block *site = C->site_of[c];
        Value *sr = model_get(co, "start");
        int32_t r0 = sr && sr->k == V_RANGE && sr->u.range.lo ? sr->u.range.lo->u.date : C->w0;
        int32_t r1 = sr && sr->k == V_RANGE && sr->u.range.hi ? sr->u.range.hi->u.date : C->w1;
        int32_t s0 = wide ? (r0 < C->w0 ? r0 : C->w0) : (r0 > C->w0 ? r0 : C->w0);
        int32_t s1 = wide ? (r1 > C->w1 ? r1 : C->w1) : (r1 < C->w1 ? r1 : C->w1);
        if (s1 - s0 > 366 * 3)
            s1 = s0 + 366 * 3;
        CohortOpts *co_out = &C->opts[c];
        memset(co_out, 0, sizeof *co_out);
        /* Each placement is judged in a scratch arena; only the days it
         * meets are kept. */
        Arena *scratch = arena_new();
        for (int32_t d = s0; d <= s1; d++) {
            int wd = civil_weekday(d);
            for (int k = 0; k < nsets; k++) {
                if (!(sets[k] & (1u << wd)))
                    continue;
                for (int t = 0; t < C->ntimes; t++) {
                    /* The clock is read once a day of starts, not per option. */
                    if (deadline > 0 && k == 0 && t == 0 && now_s(C) > deadline) {
                        arena_free(scratch);
                        return false;
                    }
                    Plan pl;
                    int64_t pen = 0;
                    bool in_window;
                    if (!place_option(C, co, site, d, sets[k], t, !wide, false, scratch, &pl, &pen, &in_window))
                        continue;
                    size_t n = (size_t)co_out->n;
                    co_out->o = arena_push(C->a, co_out->o, n, sizeof *co_out->o);
                    co_out->in_start = arena_push(C->a, co_out->in_start, n, sizeof *co_out->in_start);
                    co_out->in_window = arena_push(C->a, co_out->in_window, n, sizeof *co_out->in_window);
                    co_out->in_start[n] = d >= r0 && d <= r1;
                    co_out->in_window[n] = in_window;
                    PlanOption *o = &co_out->o[co_out->n++];
                    o->start = d;
                    o->weekdays = sets[k];
                    o->time = t;
                    o->t0 = C->t0[t];
                    o->t1 = C->t1[t];
                    o->penalty = pen;
                    int32_t *days = arena_array(C->a, (size_t)(pl.nsessions + pl.nfollow_up) + 1, sizeof *days);
                    int nd = 0;
                    for (int i = 0; i < pl.nsessions; i++)
                        days[nd++] = pl.sessions[i].date;
                    for (int i = 0; i < pl.nfollow_up; i++)
                        days[nd++] = pl.follow_up[i];
                    o->days = days;
                    o->ndays = nd;
                    o->first = days[0];
                    o->last = days[nd - 1];
                }
            }
        }
        arena_free(scratch);
        *noptions += co_out->n;
    }
    return true;
}

static bool dropped(const Ctx *C, const bool *on, ReqKind k, int who, int idx)
{
    if (!on)
        return false;
    for (int i = 0; i < C->nreqs; i++)
        if (C->reqs[i].kind == k && C->reqs[i].who == who && C->reqs[i].idx == idx)
            return !on[i];
    return false;
}

/* Per role r and teacher t (r * npool + t), whether t has every flag r
 * needs that `on` keeps: the same for every cohort, so found once a
 * problem, not per cohort (a 200-cohort year's conflict search spent a
 * seventh of its time here, in flag and requirement look-ups). */
static bool *role_fits(Ctx *C, const bool *on, Arena *a)
{
    bool *fit = arena_array(a, (size_t)C->nroles * (size_t)C->npool + 1, sizeof *fit);
    const Schema *tk = model_schema(C->p, K_TEACHER);
    for (int r = 0; r < C->nroles; r++)
        for (int t = 0; t < C->npool; t++) {
            bool flags = true;
            for (int i = 0; tk && i < tk->nfields; i++)
                if (tk->fields[i]->type->k == TY_BOOL && flag_of(C->roles[r], tk->fields[i]->name) &&
                    !flag_of(C->pool[t], tk->fields[i]->name) && !dropped(C, on, RQ_ROLE, r, i))
                    flags = false;
            fit[(size_t)r * (size_t)C->npool + (size_t)t] = flags;
        }
    return fit;
}

/* The search's problem with the requirements `on` enforced (NULL: all),
 * in `a`. */
static void build_problem(Ctx *C, const bool *on, Arena *a, PlanProblem *P)
{
    int nc = C->ncohorts;
    PlanCohort *cs = arena_array(a, (size_t)nc + 1, sizeof *cs);
    bool no_window = dropped(C, on, RQ_WINDOW, 0, 0);
    bool *fit = role_fits(C, on, a), *no_sites = arena_array(a, (size_t)C->npool + 1, sizeof *no_sites);
    for (int t = 0; t < C->npool; t++)
        no_sites[t] = dropped(C, on, RQ_SITES, t, 0);
    for (int c = 0; c < nc; c++) {
        const CohortOpts *co = &C->opts[c];
        bool no_start = dropped(C, on, RQ_START, c, 0);
        cs[c].site = site_index(C, C->site_of[c]);
        if (!on) {
            cs[c].opts = co->o;
            cs[c].nopts = co->n;
        } else {
            /* Kept in order: the options' order is the contract's. */
            PlanOption *o = arena_array(a, (size_t)co->n + 1, sizeof *o);
            int n = 0;
            for (int i = 0; i < co->n; i++)
                if ((no_window || co->in_window[i]) && (no_start || co->in_start[i]))
                    o[n++] = co->o[i];
            cs[c].opts = o;
            cs[c].nopts = n;
        }
        /* The roles, and who may fill each at this cohort's site. */
        PlanRole *roles = arena_array(a, (size_t)C->nroles + 1, sizeof *roles);
        for (int r = 0; r < C->nroles; r++) {
            int *el = arena_array(a, (size_t)C->npool + 1, sizeof *el);
            int ne = 0;
            for (int t = 0; t < C->npool; t++) {
                Value *ts = model_get(C->pool[t], "sites");
                Block *site = C->site_of[c];
                bool at = !site || !ts || ts->k != V_LIST || in_list(ts, site) || no_sites[t];
                if (fit[(size_t)r * (size_t)C->npool + (size_t)t] && at)
                    el[ne++] = t;
            }
            roles[r] = (PlanRole){role_need(C->roles[r]), el, ne};
        }
        cs[c].roles = roles;
        cs[c].nroles = C->nroles;
    }
    PlanTeacher *ts = arena_array(a, (size_t)C->npool + 1, sizeof *ts);
    for (int t = 0; t < C->npool; t++) {
        ts[t].weekdays = dropped(C, on, RQ_WEEKDAYS, t, 0) ? 0x7F : days_of(model_get(C->pool[t], "weekdays"), 0x7F);
        int64_t mx = int_of(model_get(C->pool[t], "max_cohorts"), 1);
        ts[t].max_cohorts = dropped(C, on, RQ_MAX, t, 0) ? nc + 1 : mx < 1 ? 1 : mx > nc + 1 ? nc + 1 : (int)mx;
        /* The absences not dropped, merged into sorted disjoint ranges. */
        int total = 0;
        for (int e = 0; e < C->away[t].n; e++)
            total += C->away[t].e[e].n;
        int32_t (*r)[2] = arena_array(a, (size_t)total + 1, sizeof *r);
        int k = 0;
        for (int e = 0; e < C->away[t].n; e++) {
            if (dropped(C, on, RQ_AWAY, t, e))
                continue;
            for (int i = 0; i < C->away[t].e[e].n; i++) {
                r[k][0] = C->away[t].e[e].r[i][0];
                r[k][1] = C->away[t].e[e].r[i][1];
                k++;
            }
        }
        /* Sort by start and merge overlapping or touching ranges. */
        for (int i = 1; i < k; i++)
            for (int j = i; j > 0 && r[j - 1][0] > r[j][0]; j--) {
                int32_t x0 = r[j][0], x1 = r[j][1];
                r[j][0] = r[j - 1][0];
                r[j][1] = r[j - 1][1];
                r[j - 1][0] = x0;
                r[j - 1][1] = x1;
            }
        int m = 0;
        for (int i = 0; i < k; i++) {
            if (m && r[i][0] <= r[m - 1][1] + 1) {
                if (r[i][1] > r[m - 1][1])
                    r[m - 1][1] = r[i][1];
            } else {
                r[m][0] = r[i][0];
                r[m][1] = r[i][1];
                m++;
            }
        }
        ts[t].away = (const int32_t (*)[2])r;
        ts[t].naway = m;
    }
    PlanSite *ss = arena_array(a, (size_t)C->nsites + 1, sizeof *ss);
    for (int s = 0; s < C->nsites; s++) {
        int64_t rooms = int_of(model_get(C->sites[s], "rooms"), 1);
        ss[s].rooms = dropped(C, on, RQ_ROOMS, s, 0) ? nc + 1 : rooms < 1 ? 1 : rooms > nc + 1 ? nc + 1 : (int)rooms;
    }
    *P = (PlanProblem){cs, nc, ts, C->npool, ss, C->nsites};
}

/* A proposal for the report: each cohort placed again, in `a`, with its
 * checks and its team. */
static void fill_proposal(Ctx *C, const PlanProblem *P, const PlanChoice *ch, int rank, Proposal *out)
{
    memset(out, 0, sizeof *out);
    out->rank = rank;
    out->penalty = ch->penalty;
    out->ncohorts = P->ncohorts;
    out->cohorts = arena_array(C->a, (size_t)P->ncohorts + 1, sizeof *out->cohorts);
    for (int c = 0; c < P->ncohorts; c++) {
        PlannedCohort *pc = &out->cohorts[c];
        const PlanOption *o = &P->cohorts[c].opts[ch->opt[c]];
        pc->cohort = C->cohorts[c];
        pc->site = P->cohorts[c].site >= 0 ? C->sites[P->cohorts[c].site] : NULL;
        pc->start = o->start;
        pc->weekdays = o->weekdays;
        pc->time = o->time;
        pc->t0 = o->t0;
        pc->t1 = o->t1;
        int64_t pen = 0;
        bool in_window;
        place_option(C, pc->cohort, pc->site, o->start, o->weekdays, o->time, false, true, C->a, &pc->placed, &pen,
                     &in_window);
        pc->schedule = pc->placed.schedule;
        int slots = 0;
        for (int r = 0; r < P->cohorts[c].nroles; r++)
            slots += P->cohorts[c].roles[r].need;
        pc->team = arena_array(C->a, (size_t)slots + 1, sizeof *pc->team);
        for (int r = 0, s = 0; r < P->cohorts[c].nroles; r++)
            for (int k = 0; k < P->cohorts[c].roles[r].need; k++, s++)
                pc->team[pc->nteam++] = (PlanTeam){C->roles[r], C->pool[ch->team[c][s]]};
        for (int i = 0; i < pc->placed.nchecks; i++) {
            const ScheduleCheck *ck = &pc->placed.checks[i];
            if (ck->status != ST_FAIL)
                continue;
            int64_t w = weight_of(C, ck), amt = amount_of(ck, pc->placed.placement, C->a);
            if (w <= 0 || amt <= 0)
                continue;
            out->penalties = arena_push(C->a, out->penalties, (size_t)out->npenalties, sizeof *out->penalties);
            out->penalties[out->npenalties++] =
                (PlanPenalty){ck->id, pc->cohort, w, amt, w * amt, ck->message, ck->explain, ck->nexplain};
        }
    }
}

/* Seconds on the monotonic clock (times PlanAsk's clock_scale). */
static double now_s(const Ctx *C)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double t = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
    return C->clock_scale > 0 ? t * C->clock_scale : t;
}

/* The solvers (bench/README.md, "Planning", weighs them): the search finds
 * the least penalty; when ranking the plans of that penalty by the
 * contract's order stalls, GLPK's LP relaxation rules out the options that
 * cannot be in one. */
static PlanSolveAsk plan_solvers(const Ctx *C, int proposals, double time_limit)
{
    PlanSolveAsk sa = {.nproposals = proposals, .time_limit = time_limit, .clock_scale = C->clock_scale};
    if (C->glpk) {
        sa.best_ctx = (void *)C->glpk;
        sa.lp_open = plan_mip_lp_open;
        sa.lp_cut = plan_mip_lp_cut;
        sa.lp_close = plan_mip_lp_close;
        sa.lp_reduced = plan_mip_lp_reduced;
    }
    return sa;
}

/* Site st's cohorts alone, with no teachers: a relaxation of P (a plan of
 * P cut down to them is one of it), so what cannot be seated there cannot
 * be planned at all. */
static void site_alone(PlanProblem *P, int st, Arena *a)
{
    PlanCohort *cs = arena_array(a, (size_t)P->ncohorts + 1, sizeof *cs);
    int n = 0;
    for (int c = 0; c < P->ncohorts; c++)
        if (P->cohorts[c].site == st) {
            cs[n] = P->cohorts[c];
            cs[n].roles = NULL, cs[n].nroles = 0;
            n++;
        }
    P->cohorts = cs, P->ncohorts = n, P->teachers = NULL, P->nteachers = 0;
}

/* Whether P has a plan in which the unseatable site's cohorts sit as one
 * of the two newest seatings of that site alone had them (C->seated), the
 * other cohorts free: P cut down to that one option for each of the
 * site's, so a plan of it is one of P (and plan_choice_valid checks it).
 * A whole year's "is there any plan" with few requirements can spend its
 * question's nodes seating that site among two hundred cohorts: on
 * plan-200-2, with only s20's one room enforced, the search found no plan
 * in its 150 000 nodes (27 s) nor the memo's around its kept plan, while
 * its seating alone had been found in 31 000, and with it the rest in the
 * first dive's 200 nodes. A seating found with more rooms than P allows,
 * or with an option P lacks, is not tried. */
static bool seated_fits(Ctx *C, const PlanProblem *P, const PlanSolveAsk *limits, Arena *a)
{
    if (!C->seated)
        return false;
    PlanCohort *cs = arena_array(a, (size_t)P->ncohorts + 1, sizeof *cs);
    int *at = arena_array(a, (size_t)P->ncohorts + 1, sizeof *at);
    for (int k = C->seated->nplans - 1; k >= 0 && k >= C->seated->nplans - 2; k--) {
        const PlanMemoPlan *z = &C->seated->plans[k];
        int st = C->seated_site;
        bool whole = st < z->nsites && st < P->nsites && z->rooms[st] <= P->sites[st].rooms;
        for (int c = 0, j = 0; c < P->ncohorts && whole; c++) {
            cs[c] = P->cohorts[c];
            at[c] = -1;
            if (P->cohorts[c].site != C->seated_site)
                continue;
            for (int o = 0; o < P->cohorts[c].nopts && at[c] < 0; o++) {
                const PlanOption *po = &P->cohorts[c].opts[o];
                if (po->start == z->start[j] && po->weekdays == z->weekdays[j] && po->time == z->time[j])
                    at[c] = o;
            }
            j++;
            if ((whole = at[c] >= 0))
                cs[c].opts += at[c], cs[c].nopts = 1;
        }
        if (!whole)
            continue;
        PlanProblem Q = *P;
        Q.cohorts = cs;
        PlanSolveAsk sa = *limits;
        sa.any_plan = true, sa.penalty_only = false;
        PlanResult r;
        plan_solve_ask(&Q, &sa, a, &r);
        if (r.nproposals == 0)
            continue;
        PlanChoice ch = r.proposals[0];
        for (int c = 0; c < P->ncohorts; c++)
            if (at[c] >= 0)
                ch.opt[c] = at[c];
        if (!plan_choice_valid(P, &ch, NULL, 0))
            continue;
        if (C->memo)
            plan_memo_add(C->memo, P, &ch);
        return true;
    }
    return false;
}

/* The conflict search's oracle: is there a plan with these requirements?
 * Each call may use what is left of the explanation's budget. */
static OracleAnswer oracle_fits(void *ctx, const bool *on, int64_t *penalty)
{
    Ctx *C = ctx;
    double left = C->deadline - now_s(C);
    if (left <= 0)
        return ORACLE_UNKNOWN;
    Arena *a = arena_new();
    PlanProblem P;
    build_problem(C, on, a, &P);
    if (C->alone > 0)
        site_alone(&P, C->alone - 1, a);
    /* Only whether, of the whole year: a plan found before, or one found
     * around it with a tenth of the time, may answer it (issue #15: such
     * questions, with few requirements on, spent seconds setting a search
     * up over every cohort's options to find a plan in its first dive). */
    PlanSolveAsk sa = plan_solvers(C, 1, left);
    /* One hard question must not take the whole budget: an unknown answer
     * only keeps the conflict larger, while the next may be quick. Its
     * share is counted in nodes, not seconds, so that the conflict and its
     * prices are the same on every machine within the time limit. */
    sa.node_limit = C->call_nodes / 10;
    if (!penalty && C->alone == 0 && C->memo &&
        (plan_memo_find(C->memo, &P, &sa, a) || seated_fits(C, &P, &sa, a))) {
        arena_free(a);
        return ORACLE_FITS;
    }
    /* The question's clock is the explanation's: building its problem and
     * asking the memo came out of it (on plan-200-1 the memo's look took
     * 0.4 to 0.7 s), so the search gets what is left, not the time read
     * before them. */
    left = C->deadline - now_s(C);
    if (left <= 0) {
        arena_free(a);
        return ORACLE_UNKNOWN;
    }
    sa.time_limit = left;
    PlanResult r;
    sa.node_limit = C->call_nodes;
    sa.any_plan = !penalty; /* only whether: the first plan will do */
    sa.penalty_only = penalty != NULL; /* or what the best costs, not which it is */
    plan_solve_ask(&P, &sa, a, &r);
    OracleAnswer ans = plan_oracle_answer(r.nproposals > 0, r.status == PLAN_OPTIMAL, r.status == PLAN_INFEASIBLE,
                                          penalty != NULL);
    if (penalty)
        *penalty = ans == ORACLE_FITS ? r.proposals[0].penalty : 0;
    if (r.nproposals > 0 && C->alone == 0 && C->memo)
        plan_memo_add(C->memo, &P, &r.proposals[0]);
    if (r.nproposals > 0 && C->alone > 0 && C->seated)
        plan_memo_add(C->seated, &P, &r.proposals[0]);
    arena_free(a);
    return ans;
}

/* A site whose cohorts cannot be seated even alone, with every
 * requirement (the search's room bound finds most years that nothing fits
 * so); -1 when each can. */
static int unseatable_site(Ctx *C, bool *on)
{
    for (int i = 0; i < C->nreqs; i++)
        on[i] = true;
    for (int st = 0; st < C->nsites; st++) {
        C->alone = st + 1;
        OracleAnswer a = oracle_fits(C, on, NULL);
        C->alone = 0;
        if (a == ORACLE_NO)
            return st;
    }
    return -1;
}

/* Whether requirement i shapes site st's seating alone (site_alone): the
 * window, the starts of its cohorts and its rooms; no other requirement
 * reaches that problem (teachers and roles are left out of it). */
static bool seats_at(Ctx *C, int st, int i)
{
    const Req *q = &C->reqs[i];
    switch (q->kind) {
    case RQ_WINDOW:
        return true;
    case RQ_START:
        return site_index(C, C->site_of[q->who]) == st;
    case RQ_ROOMS:
        return q->who == st;
    default:
        return false;
    }
}

/* A conflict question's share of the time (a twentieth of the
 * explanation's budget) counted in the search's nodes, so that it stops at
 * the same node on every machine (a share of the clock made the conflict
 * and its prices depend on the machine's speed). A node's cost varies:
 * on the benchmark's 2-core machine (bench/README.md, plan14) the
 * questions placed 20 000 (plan-100-3's hardest, with a hundred teachers)
 * to 800 000 (plan-100-2's) a second, and none that ended needed more than
 * 31 000; at this rate the questions cut short on the benchmark end as
 * they did, and in about the same time. */
#define PLAN_NODES_A_SECOND 50000

/* Nothing fits: the requirements that conflict, and what dropping each
 * costs. The options are placed again over the wider starts first. The
 * whole explanation gets the plan's time limit, or PLAN_DEFAULT_SECONDS:
 * a region's plan has hundreds of requirements, and the report must end. */
static void explain_conflict(Ctx *C, PlanReport *out)
{
    double budget = C->time_limit > 0 ? C->time_limit : PLAN_DEFAULT_SECONDS;
    C->deadline = now_s(C) + budget;
    C->call_nodes = (long)((budget / 20 > 0.05 ? budget / 20 : 0.05) * PLAN_NODES_A_SECOND);
    long wide;
    bool *in = arena_array(C->a, (size_t)C->nreqs + 1, sizeof *in);
    int64_t *relaxed = arena_array(C->a, (size_t)C->nreqs + 1, sizeof *relaxed);
    ConflictOracle o = {C, oracle_fits};
    PlanMemo memo;
    plan_memo_init(&memo, C->a);
    C->memo = &memo;
    bool minimal = false;
    int n, site;
    if (!enumerate(C, true, C->deadline, &wide)) {
        n = -1;
    } else if ((site = unseatable_site(C, in)) >= 0) {
        /* A conflict lies in that site's seating: found with the oracle on
         * its cohorts alone (a small search a call, where the whole year
         * can take the call's limit to find a plan), then shrunk further
         * and priced with the whole problem, so it is as minimal as ever. */
        /* What the seating alone does not read goes without a question:
         * with it dropped the oracle's problem is the one proven to have no
         * plan (issue #15: plan-200-2's 598 requirements, 18 of them its
         * site's, were still 445 when the questions on its starts had run
         * out the clock). Deletion in order drops them all the same, a
         * question per block, when every answer comes in time. */
        for (int i = 0; i < C->nreqs; i++)
            in[i] = in[i] && seats_at(C, site, i);
        PlanMemo seated;
        plan_memo_init(&seated, C->a);
        C->seated = &seated, C->seated_site = site;
        C->alone = site + 1;
        bool *again = arena_array(C->a, (size_t)C->nreqs + 1, sizeof *again);
        memcpy(again, in, sizeof *in * (size_t)C->nreqs);
        plan_conflict_within(&o, C->nreqs, in, NULL, &minimal);
        /* Not shown minimal: some question had no proof either way, and
         * another conflict of the seating may have proofs. Deletion from
         * the other end keeps what the first run dropped first: the plan's
         * window, whose count against the rooms the seat count proves
         * (plan-200-2: the first run kept five cohorts' starts whose
         * conflict with one room no bound of the search proves, CBC does;
         * from the other end, the window and the one room, each question
         * answered). Taken only when it is shown minimal: where the first
         * run was, nothing changes (where only the whole year's questions
         * below showed it, as on plan-100-2, the other end may keep another
         * conflict; there it keeps the same one). */
        if (!minimal) {
            bool shown = false;
            plan_conflict_within_reversed(&o, C->nreqs, again, NULL, &shown);
            if (shown)
                memcpy(in, again, sizeof *in * (size_t)C->nreqs);
        }
        C->alone = 0;
        n = plan_conflict_within(&o, C->nreqs, in, relaxed, &minimal);
        C->seated = NULL; /* `seated` ends with this block */
    } else {
        n = plan_conflict(&o, C->nreqs, in, relaxed, &minimal);
    }
    if (n < 0) {
        /* Out of time while placing the wider starts: with only some
         * options an oracle's "nothing fits" may be wrong, so none is
         * asked. Every requirement together is the conflict proven (the
         * search found nothing with all of them), not known to be minimal. */
        for (int i = 0; i < C->nreqs; i++) {
            in[i] = true;
            relaxed[i] = -2;
        }
        n = C->nreqs;
    }
    out->conflict = arena_array(C->a, (size_t)n + 1, sizeof *out->conflict);
    for (int i = 0; i < C->nreqs; i++)
        if (in[i])
            out->conflict[out->nconflict++] = (PlanConflict){C->reqs[i].label, C->reqs[i].span, relaxed[i]};
    out->conflict_searched = true;
    out->conflict_minimal = minimal;
    C->memo = NULL, C->seated = NULL;
}

bool plan_run(Program *p, Block *plan, const PlanAsk *ask, Arena *a, PlanReport *out)
{
    memset(out, 0, sizeof *out);
    Ctx C = {0};
    C.p = p;
    C.a = a;
    C.d = p->diags;
    C.plan = plan;
    C.time_limit = ask->time_limit;
    C.clock_scale = ask->clock_scale;
    if (!read_plan(&C))
        return false;
    C.names = sched_names(p, a);
    out->plan = plan;
    out->course = C.course;
    out->teams = C.npool > 0 && C.nroles > 0;
    /* One option placed with the diagnostics on: what stops every option
     * alike (a course without theory hours) is an error of the plan, not
     * a plan where nothing fits. */
    uint8_t sets[128];
    Value *cl = model_get(plan, "cohort");
    C.ncohorts = cl && cl->k == V_LIST ? cl->u.list.n : 0;
    C.cohorts = arena_array(a, (size_t)C.ncohorts + 1, sizeof *C.cohorts);
    C.site_of = arena_array(a, (size_t)C.ncohorts + 1, sizeof *C.site_of);
    C.opts = arena_array(a, (size_t)C.ncohorts + 1, sizeof *C.opts);
    for (int c = 0; c < C.ncohorts; c++) {
        C.cohorts[c] = cl->u.list.items[c]->u.block;
        Value *sv = model_get(C.cohorts[c], "site");
        C.site_of[c] = sv && sv->k == V_REF ? sv->u.ref : NULL;
    }
    if (C.ncohorts && weekday_sets(C.plan_days, C.spw, sets) > 0 && C.ntimes > 0) {
        Plan probe;
        int before = p->diags->errors;
        sched_place(p, schedule_for(&C, C.cohorts[0], NULL, C.w0, sets[0], 0, a), a, &probe);
        if (p->diags->errors > before)
            return false;
    }
    read_away(&C);
    list_reqs(&C);
    /* The time limit, or PLAN_DEFAULT_SECONDS, holds for placing the
     * options and searching together (the problem for MiniZinc is written
     * whole, however long that takes). */
    out->time_limit = ask->time_limit > 0 ? ask->time_limit : PLAN_DEFAULT_SECONDS;
    double deadline = ask->problem_only ? 0 : now_s(&C) + out->time_limit;
    if (!enumerate(&C, false, deadline, &out->options)) {
        out->status = PLAN_FEASIBLE; /* nothing proven either way */
        out->lower_bound = 0;
        out->stopped_placing = true;
        return true;
    }
    PlanProblem P;
    build_problem(&C, NULL, a, &P);
    out->problem = P;
    if (ask->problem_only)
        return true;
    int want = ask->proposals > 0 ? ask->proposals : (int)int_of(model_get(plan, "proposals"), 3);
    if (want < 1)
        want = 1;
    PlanResult r;
    /* GLPK is loaded here, by what solves, and not at every command's
     * start (glpklib.h). Without it the search ranks alone: the same
     * proposals, proven when it finishes within the time limit. */
    GlpkLib glpk;
    char why[256];
    if (glpklib_open(&glpk, why, sizeof why)) {
        C.glpk = &glpk;
    } else {
        diag_warning(C.d, span_none(),
                     _("the solver library %s could not be loaded (%s): the proposals are ranked by the search "
                       "alone, which can take longer"),
                     glpklib_name(), why);
        diag_help(C.d, "%s", _("install GLPK (on Debian and Ubuntu the package libglpk40)"));
    }
    double left = deadline - now_s(&C);
    PlanSolveAsk sa = plan_solvers(&C, want, left > 0.001 ? left : 0.001);
    plan_solve_ask(&P, &sa, a, &r);
    out->status = r.status;
    out->lower_bound = r.lower_bound;
    out->nodes = r.nodes;
    out->seconds = r.seconds;
    out->nproposals = r.nproposals;
    out->proposals = arena_array(a, (size_t)r.nproposals + 1, sizeof *out->proposals);
    for (int k = 0; k < r.nproposals; k++)
        fill_proposal(&C, &P, &r.proposals[k], k + 1, &out->proposals[k]);
    if (r.status == PLAN_INFEASIBLE)
        explain_conflict(&C, out);
    glpklib_close(&glpk);
    return true;
}
