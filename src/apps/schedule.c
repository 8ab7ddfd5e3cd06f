/* schedule.c — placing sessions on the calendar. Closed days come from the
 * calendar named by the schedule (holidays, customary closed days, local
 * closures; `extends` already merged) and the schedule's own closures; a
 * day expression such as `easter - 3 days` is evaluated by the ordinary
 * evaluator with a `calendar_year` block (year, easter) as its subject. */
#include "apps/schedule.h"
#include "base/i18n.h"
#include "engine/eval.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A closed day rule with its per-year cache (Easter moves). */
typedef struct Closure {
    Block *b;
    const char *title;
    Value *on, *week, *until;
    int cached_year;
    RVal cached;          /* the day expression's value for cached_year */
} Closure;

typedef struct Sched {
    Program *p;
    Arena *a;
    Closure *cl;
    int ncl;
    Schema *year_kind;    /* calendar_year */
    Block *year_block;
} Sched;

static void add_closures(Sched *S, const Block *b, const char *field)
{
    Value *v = model_get(b, field);
    if (!v || v->k != V_LIST)
        return;
    for (int i = 0; i < v->u.list.n; i++) {
        Block *c = v->u.list.items[i]->u.block;
        S->cl = arena_push(S->a, S->cl, (size_t)S->ncl, sizeof *S->cl);
        Closure *x = &S->cl[S->ncl++];
        memset(x, 0, sizeof *x);
        x->b = c;
        x->title = c->title ? c->title : field;
        x->on = model_get(c, "on");
        x->week = model_get(c, "week");
        x->until = model_get(c, "until");
        x->cached_year = -1;
    }
}

/* The value of a day expression in `year`. */
static RVal day_value(Sched *S, Closure *c, int year)
{
    if (c->cached_year == year)
        return c->cached;
    RVal r = {.k = RV_UNKNOWN};
    if (S->year_block) {
        Block *yb = S->year_block;
        Value *yv = arena_alloc(S->a, sizeof *yv), *ev = arena_alloc(S->a, sizeof *ev);
        yv->k = V_INT;
        yv->u.i = year;
        ev->k = V_DATE;
        ev->u.date = civil_easter(year);
        Field *fy = model_field(S->year_kind, "year"), *fe = model_field(S->year_kind, "easter");
        if (fy)
            yb->vals[fy->index] = yv;
        if (fe)
            yb->vals[fe->index] = ev;
        EvalCtx ctx;
        eval_init(&ctx, S->a, yb, NULL);
        r = eval(&ctx, c->on->u.expr);
    }
    c->cached_year = year;
    c->cached = r;
    return r;
}

static bool closure_hits(Sched *S, Closure *c, int32_t day)
{
    int y, m, d;
    civil_date(day, &y, &m, &d);
    if (c->week && c->week->k == V_INT) {
        int iy, iw;
        civil_iso_week(day, &iy, &iw);
        if (c->until && c->until->k == V_INT && iy > c->until->u.i)
            return false;
        return iw == c->week->u.i;
    }
    if (c->until && c->until->k == V_INT && y > c->until->u.i)
        return false;
    if (!c->on)
        return false;
    switch (c->on->k) {
    case V_MDAY: return c->on->u.mday.month == m && c->on->u.mday.day == d;
    case V_DATE: return c->on->u.date == day;
    case V_EXPR: {
        RVal v = day_value(S, c, y);
        if (v.k == RV_DATE)
            return v.u.date == day;
        RVal lo, hi;
        if (v.k == RV_RANGE && eval_range_end(&v, false, &lo) && eval_range_end(&v, true, &hi) &&
            lo.k == RV_DATE && hi.k == RV_DATE)
            return day >= lo.u.date && day <= hi.u.date;
        if (v.k == RV_MDAY)
            return v.u.mday.month == m && v.u.mday.day == d;
        return false;
    }
    default: return false;
    }
}

/* The name of the closure that closes `day`, or NULL. */
static const char *closed(Sched *S, int32_t day)
{
    for (int i = 0; i < S->ncl; i++)
        if (closure_hits(S, &S->cl[i], day))
            return S->cl[i].title;
    return NULL;
}

static double minutes_of(const Value *v)
{
    if (!v || v->k != V_QTY)
        return -1;
    return v->u.qty.v * unit_base(v->u.qty.unit);
}

static const char *show_h(Arena *a, double minutes)
{
    double h = minutes / 60;
    if (fabs(h - llround(h)) < 1e-9)
        return arena_printf(a, "%lldh", (long long)llround(h));
    char num[64];
    snprintf(num, sizeof num, "%.4g", h);
    return arena_printf(a, "%sh", i18n_localize_number(num)); /* 2,5h in Danish text */
}

static const char *show_date(Arena *a, int32_t day)
{
    int y, m, d;
    civil_date(day, &y, &m, &d);
    return arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

static ScheduleCheck *add_check(Plan *pl, Arena *a, const char *id, Severity sev)
{
    pl->checks = arena_push(a, pl->checks, (size_t)pl->nchecks, sizeof *pl->checks);
    ScheduleCheck *c = &pl->checks[pl->nchecks++];
    memset(c, 0, sizeof *c);
    c->id = id;
    c->severity = sev;
    c->status = ST_PASS;
    return c;
}

static void explain(ScheduleCheck *c, Arena *a, const char *line)
{
    c->explain = arena_push(a, (void *)c->explain, (size_t)c->nexplain, sizeof *c->explain);
    c->explain[c->nexplain++] = line;
}

static void sched_init(Sched *S, Program *p, Arena *a)
{
    memset(S, 0, sizeof *S);
    S->p = p;
    S->a = a;
    S->year_kind = model_schema(p, "calendar_year");
    if (S->year_kind) {
        S->year_block = arena_alloc(a, sizeof *S->year_block);
        S->year_block->schema = S->year_kind;
        S->year_block->vals = arena_array(a, (size_t)S->year_kind->nfields + 1, sizeof *S->year_block->vals);
    }
}

static void add_calendar(Sched *S, const Block *cal)
{
    add_closures(S, cal, "holiday");
    add_closures(S, cal, "customary");
    add_closures(S, cal, "closed");
}

int sched_closed_days(Program *p, Block *calendar, int32_t from, int32_t to, Arena *a, Skipped **out)
{
    Sched S;
    sched_init(&S, p, a);
    add_calendar(&S, calendar);
    int n = 0;
    *out = NULL;
    for (int32_t d = from; d <= to; d++) {
        const char *why = closed(&S, d);
        if (!why)
            continue;
        *out = arena_push(a, *out, (size_t)n, sizeof **out);
        (*out)[n++] = (Skipped){d, why};
    }
    return n;
}

bool sched_plan(Program *p, Block *sb, Arena *a, Plan *pl)
{
    memset(pl, 0, sizeof *pl);
    Diags *dg = p->diags;
    pl->schedule = sb;
    Value *cv = model_get(sb, "course");
    Block *course = cv && cv->k == V_REF ? cv->u.ref : NULL;
    if (!course)
        return false;
    pl->course = course;
    Value *loc = model_get(sb, "location");
    pl->location = loc && loc->k == V_STRING ? loc->u.s : NULL;

    /* Danish weekday names from the stdlib enum, Monday first. */
    EnumDef *wd = model_enum(p, "weekday");
    pl->weekday_names = arena_array(a, 7, sizeof *pl->weekday_names);
    for (int i = 0; i < 7; i++)
        pl->weekday_names[i] = wd && i < wd->n && wd->members[i].label ? wd->members[i].label
                              : (const char *[]){"mon", "tue", "wed", "thu", "fri", "sat", "sun"}[i];

    Sched S;
    sched_init(&S, p, a);
    Value *calv = model_get(sb, "calendar");
    if (calv && calv->k == V_REF && calv->u.ref)
        add_calendar(&S, calv->u.ref);
    add_closures(&S, sb, "closed");

    /* Hours to place: the theory hours, else the modules' hours. */
    Value *thv = model_get(course, "theory");
    Block *theory = thv && thv->k == V_BLOCK ? thv->u.block : NULL;
    double total = theory ? minutes_of(model_get(theory, "hours")) : -1;
    Value *mods = model_get(course, "module");
    int nmods = mods && mods->k == V_LIST ? mods->u.list.n : 0;
    bool mods_have_hours = nmods > 0;
    for (int i = 0; i < nmods; i++)
        mods_have_hours = mods_have_hours && minutes_of(model_get(mods->u.list.items[i]->u.block, "hours")) > 0;
    if (total < 0 && mods_have_hours) {
        total = 0;
        for (int i = 0; i < nmods; i++)
            total += minutes_of(model_get(mods->u.list.items[i]->u.block, "hours"));
    }
    if (total <= 0) {
        diag_error(dg, sb->name_span, _("cannot plan %s: course %s declares no theory hours"), sb->name, course->name);
        diag_help(dg, _("add to the course: theory { hours 78h }"));
        return false;
    }
    Value *tv = model_get(sb, "time");
    if (!tv || tv->k != V_RANGE || !tv->u.range.lo || !tv->u.range.hi)
        return false;
    int t0 = tv->u.range.lo->u.time, t1 = tv->u.range.hi->u.time;
    if (t1 <= t0) {
        diag_error(dg, tv->span, _("the session time must end after it starts"));
        return false;
    }
    double len = t1 - t0;
    Value *slv = theory ? model_get(theory, "session_length") : NULL;
    if (slv && fabs(minutes_of(slv) - len) > 1e-6) {
        diag_error(dg, tv->span, _("the time %02d:%02d..%02d:%02d gives sessions of %s, but the course's session_length is %s"),
                   t0 / 60, t0 % 60, t1 / 60, t1 % 60, show_h(a, len), show_h(a, minutes_of(slv)));
        diag_note(dg, slv->span, _("session_length is declared here"));
        return false;
    }
    bool days[7] = {false};
    int ndays = 0;
    Value *wv = model_get(sb, "weekdays");
    for (int i = 0; wv && wv->k == V_LIST && i < wv->u.list.n; i++)
        if (wv->u.list.items[i]->k == V_ENUM && wv->u.list.items[i]->u.en.idx < 7) {
            ndays += !days[wv->u.list.items[i]->u.en.idx];
            days[wv->u.list.items[i]->u.en.idx] = true;
        }
    if (ndays == 0) {
        diag_error(dg, wv ? wv->span : sb->name_span, _("the schedule has no teaching weekdays"));
        return false;
    }
    Value *stv = model_get(sb, "start");
    int32_t start = stv && stv->k == V_DATE ? stv->u.date : 0;

    /* Walk the calendar. */
    int mod_i = 0;
    double mod_left = mods_have_hours ? minutes_of(model_get(mods->u.list.items[0]->u.block, "hours")) : 0;
    double placed = 0;
    int32_t day = start;
    for (; placed + 1e-6 < total; day++) {
        if (day - start > SCHED_MAX_DAYS) {
            diag_error(dg, sb->name_span, _("cannot place %s of teaching within five years of the start"), show_h(a, total));
            diag_help(dg, _("check the closures of the calendar and the schedule"));
            return false;
        }
        int w = civil_weekday(day);
        if (!days[w])
            continue;
        const char *why = closed(&S, day);
        if (why) {
            pl->skipped = arena_push(a, pl->skipped, (size_t)pl->nskipped, sizeof *pl->skipped);
            pl->skipped[pl->nskipped++] = (Skipped){day, why};
            continue;
        }
        pl->sessions = arena_push(a, pl->sessions, (size_t)pl->nsessions, sizeof *pl->sessions);
        Session *s = &pl->sessions[pl->nsessions++];
        memset(s, 0, sizeof *s);
        s->number = pl->nsessions;
        s->date = day;
        s->start = t0;
        s->end = t1;
        s->hours = len / 60;
        s->weekday = w;
        civil_iso_week(day, &s->iso_year, &s->iso_week);
        placed += len;
        s->cumulative = placed / 60;
        /* Module hours in declared order: a session may end one module and
         * begin the next. */
        double take = len;
        while (mods_have_hours && take > 1e-6 && mod_i < nmods) {
            s->modules = arena_push(a, s->modules, (size_t)s->nmodules, sizeof *s->modules);
            s->modules[s->nmodules++] = mods->u.list.items[mod_i]->u.block;
            double use = take < mod_left ? take : mod_left;
            take -= use;
            mod_left -= use;
            if (mod_left <= 1e-6 && ++mod_i < nmods)
                mod_left = minutes_of(model_get(mods->u.list.items[mod_i]->u.block, "hours"));
        }
    }
    int32_t first = pl->sessions[0].date, last = pl->sessions[pl->nsessions - 1].date;

    /* Hours per ISO week, every week from the first session's to the last's. */
    for (int32_t monday = first - civil_weekday(first); monday <= last; monday += 7) {
        WeekLoad wl = {0, 0, 0};
        civil_iso_week(monday, &wl.iso_year, &wl.iso_week);
        for (int i = 0; i < pl->nsessions; i++)
            if (pl->sessions[i].date >= monday && pl->sessions[i].date < monday + 7)
                wl.hours += pl->sessions[i].hours;
        pl->weeks = arena_push(a, pl->weeks, (size_t)pl->nweeks, sizeof *pl->weeks);
        pl->weeks[pl->nweeks++] = wl;
    }

    /* The practicum after the last session, follow-up days spread through it. */
    Value *prv = model_get(course, "practicum");
    Block *prac = prv && prv->k == V_BLOCK ? prv->u.block : NULL;
    Value *lenv = prac ? model_get(prac, "length") : NULL;
    if (lenv && lenv->k == V_QTY && lenv->u.qty.v * unit_base(lenv->u.qty.unit) > 3660) {
        diag_error(dg, lenv->span, _("a practicum this long cannot be placed (more than ten years)"));
        return false;
    }
    if (lenv && lenv->k == V_QTY) {
        pl->has_practicum = true;
        pl->practicum_start = last + 1;
        if (lenv->u.qty.unit == U_MONTH)
            pl->practicum_end = civil_add_months(pl->practicum_start, (int)lround(lenv->u.qty.v)) - 1;
        else
            pl->practicum_end = pl->practicum_start + (int32_t)lround(lenv->u.qty.v * unit_base(lenv->u.qty.unit)) - 1;
        Value *fu = model_get(prac, "follow_up_days");
        int nfu = fu && fu->k == V_INT && fu->u.i > 0 && fu->u.i < 366 ? (int)fu->u.i : 0;
        int32_t span = pl->practicum_end - pl->practicum_start + 1;
        pl->follow_up = arena_array(a, (size_t)nfu + 1, sizeof *pl->follow_up);
        for (int i = 1; i <= nfu; i++) {
            int32_t d = pl->practicum_start + (int32_t)((int64_t)span * i / (nfu + 1));
            while (d <= pl->practicum_end && (!days[civil_weekday(d)] || closed(&S, d)))
                d++;
            if (d <= pl->practicum_end && (pl->nfollow_up == 0 || d > pl->follow_up[pl->nfollow_up - 1]))
                pl->follow_up[pl->nfollow_up++] = d;
        }
    }

    /* Checks, in the shape of rule results. */
    ScheduleCheck *c = add_check(pl, a, "schedule.hours", SEV_WARNING);
    c->message = "De planlagte timer skal svare til teoriens timetal";
    if (fabs(placed - total) > 1e-6) {
        c->status = ST_FAIL;
        explain(c, a, arena_printf(a, P_("%d session of %s = %s, but the course has %s", "%d sessions of %s = %s, but the course has %s", (unsigned long)pl->nsessions), pl->nsessions, show_h(a, len),
                                   show_h(a, placed), show_h(a, total)));
    }
    c = add_check(pl, a, "schedule.weeks", SEV_WARNING);
    c->message = "Forløbet bør strække sig over det antal uger, designet angiver";
    Value *wkv = theory ? model_get(theory, "weeks") : NULL;
    if (!wkv || wkv->k != V_INT) {
        c->status = ST_NA;
    } else if (pl->nweeks != wkv->u.i) {
        c->status = ST_FAIL;
        explain(c, a, arena_printf(a, _("the plan spans %d ISO weeks (week %d of %d to week %d of %d); the design says %lld"),
                                   pl->nweeks, pl->weeks[0].iso_week, pl->weeks[0].iso_year,
                                   pl->weeks[pl->nweeks - 1].iso_week, pl->weeks[pl->nweeks - 1].iso_year,
                                   (long long)wkv->u.i));
    }
    c = add_check(pl, a, "schedule.weekly_hours", SEV_WARNING);
    c->message = "Timerne i hver uge bør ligge inden for den angivne ugentlige belastning";
    Value *whv = theory ? model_get(theory, "weekly_hours") : NULL;
    if (!whv || whv->k != V_RANGE) {
        c->status = ST_NA;
    } else {
        double lo = whv->u.range.lo ? minutes_of(whv->u.range.lo) / 60 : -1;
        double hi = whv->u.range.hi ? minutes_of(whv->u.range.hi) / 60 : 1e18;
        for (int i = 0; i < pl->nweeks; i++) {
            double h = pl->weeks[i].hours;
            if (h + 1e-9 < lo || h - 1e-9 > hi) {
                c->status = ST_FAIL;
                explain(c, a, arena_printf(a, _("week %d of %d: %s, needs %s..%s"), pl->weeks[i].iso_week, pl->weeks[i].iso_year,
                                           show_h(a, h * 60), lo >= 0 ? show_h(a, lo * 60) : "",
                                           hi < 1e17 ? show_h(a, hi * 60) : ""));
            }
        }
    }
    c = add_check(pl, a, "schedule.admission_window", SEV_ERROR);
    c->message = "Ansøgningsperioden skal lukke før første undervisningsgang";
    Value *adv = model_get(course, "admission");
    Value *win = adv && adv->k == V_BLOCK ? model_get(adv->u.block, "window") : NULL;
    if (!win || win->k != V_RANGE || !win->u.range.hi || win->u.range.hi->k != V_DATE) {
        c->status = ST_NA;
    } else if (win->u.range.hi->u.date >= first) {
        c->status = ST_FAIL;
        explain(c, a, arena_printf(a, _("the window closes %s, but the first session is %s"),
                                   show_date(a, win->u.range.hi->u.date), show_date(a, first)));
    }
    return true;
}
