/* schedule.c — placing sessions on the calendar. Closed days come from the
 * calendar named by the schedule (holidays, customary closed days, local
 * closures; `extends` already merged) and the schedule's own closures; a
 * day expression such as `easter - 3 days` is evaluated by the ordinary
 * evaluator with a `calendar_year` block (year, easter) as its subject.
 * What was placed fills a `placement` block, which the rules engine judges
 * against the schedule's checks (stdlib/schedule.ramme). */
#include "apps/schedule.h"
#include "base/i18n.h"
#include "engine/eval.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Every kind and field the scheduler reads or fills, declared in stdlib
 * (course.ramme, calendar.ramme, schedule.ramme). They are looked up once
 * per plan and checked: a stdlib without one of them is an error that
 * names it, never a silent `not declared`. */
typedef enum {
    SC_COURSE, SC_CALENDAR, SC_CLOSED, SC_BREAK, SC_START, SC_WEEKDAYS, SC_TIME, SC_LOCATION,
    CO_THEORY, CO_MODULE, CO_PRACTICUM,
    TH_HOURS, TH_SESSION_LENGTH,
    MO_HOURS,
    PR_LENGTH, PR_FOLLOW_UP_DAYS,
    CA_HOLIDAY, CA_CUSTOMARY, CA_CLOSED, CA_TIME_ZONE,
    TZ_NAME, TZ_STANDARD_NAME, TZ_STANDARD_OFFSET, TZ_SUMMER_NAME, TZ_SUMMER_OFFSET,
    TZ_SUMMER_FROM, TZ_SUMMER_FROM_AT, TZ_SUMMER_UNTIL, TZ_SUMMER_UNTIL_AT,
    CL_ON, CL_WEEK, CL_UNTIL,
    YR_YEAR, YR_EASTER,
    PL_COURSE, PL_SCHEDULE, PL_SESSIONS, PL_SESSION_LENGTH, PL_HOURS, PL_HOURS_ASKED,
    PL_FIRST_SESSION, PL_LAST_SESSION, PL_WEEKS, PL_WEEK, PL_FIRST_WEEK, PL_LAST_WEEK,
    PL_PRACTICUM_START, PL_PRACTICUM_END, PL_FOLLOW_UP_DAYS, PL_FOLLOW_UP_ASKED,
    WK_YEAR, WK_NUMBER, WK_HOURS,
    NNAMES
} NameId;

static const struct { const char *kind, *field; } names[NNAMES] = {
    [SC_COURSE] = {"schedule", "course"},          [SC_CALENDAR] = {"schedule", "calendar"},
    [SC_CLOSED] = {"schedule", "closed"},          [SC_BREAK] = {"schedule", "break"},
    [SC_START] = {"schedule", "start"},
    [SC_WEEKDAYS] = {"schedule", "weekdays"},      [SC_TIME] = {"schedule", "time"},
    [SC_LOCATION] = {"schedule", "location"},
    [CO_THEORY] = {"course", "theory"},            [CO_MODULE] = {"course", "module"},
    [CO_PRACTICUM] = {"course", "practicum"},
    [TH_HOURS] = {"theory", "hours"},              [TH_SESSION_LENGTH] = {"theory", "session_length"},
    [MO_HOURS] = {"module", "hours"},
    [PR_LENGTH] = {"practicum", "length"},         [PR_FOLLOW_UP_DAYS] = {"practicum", "follow_up_days"},
    [CA_HOLIDAY] = {"calendar", "holiday"},        [CA_CUSTOMARY] = {"calendar", "customary"},
    [CA_CLOSED] = {"calendar", "closed"},          [CA_TIME_ZONE] = {"calendar", "time_zone"},
    [TZ_NAME] = {"time_zone", "name"},             [TZ_STANDARD_NAME] = {"time_zone", "standard_name"},
    [TZ_STANDARD_OFFSET] = {"time_zone", "standard_offset"},
    [TZ_SUMMER_NAME] = {"time_zone", "summer_name"}, [TZ_SUMMER_OFFSET] = {"time_zone", "summer_offset"},
    [TZ_SUMMER_FROM] = {"time_zone", "summer_from"}, [TZ_SUMMER_FROM_AT] = {"time_zone", "summer_from_at"},
    [TZ_SUMMER_UNTIL] = {"time_zone", "summer_until"}, [TZ_SUMMER_UNTIL_AT] = {"time_zone", "summer_until_at"},
    [CL_ON] = {"closure", "on"},                   [CL_WEEK] = {"closure", "week"},
    [CL_UNTIL] = {"closure", "until"},
    [YR_YEAR] = {"calendar_year", "year"},         [YR_EASTER] = {"calendar_year", "easter"},
    [PL_COURSE] = {"placement", "course"},         [PL_SCHEDULE] = {"placement", "schedule"},
    [PL_SESSIONS] = {"placement", "sessions"},     [PL_SESSION_LENGTH] = {"placement", "session_length"},
    [PL_HOURS] = {"placement", "hours"},           [PL_HOURS_ASKED] = {"placement", "hours_asked"},
    [PL_FIRST_SESSION] = {"placement", "first_session"}, [PL_LAST_SESSION] = {"placement", "last_session"},
    [PL_WEEKS] = {"placement", "weeks"},           [PL_WEEK] = {"placement", "week"},
    [PL_FIRST_WEEK] = {"placement", "first_week"}, [PL_LAST_WEEK] = {"placement", "last_week"},
    [PL_PRACTICUM_START] = {"placement", "practicum_start"}, [PL_PRACTICUM_END] = {"placement", "practicum_end"},
    [PL_FOLLOW_UP_DAYS] = {"placement", "follow_up_days"}, [PL_FOLLOW_UP_ASKED] = {"placement", "follow_up_asked"},
    [WK_YEAR] = {"placed_week", "year"},           [WK_NUMBER] = {"placed_week", "number"},
    [WK_HOURS] = {"placed_week", "hours"},
};


/* The schemas and fields of `names`, looked up (schedule.h: SchedNames). */
typedef struct SchedNames {
    Schema *kind[NNAMES];
    Field *field[NNAMES];
} Names;

/* Looks every name up; false (with an error per missing name) when the
 * stdlib lacks one. */
static bool names_find(Program *p, Names *N)
{
    bool ok = true;
    for (int i = 0; i < NNAMES; i++) {
        Schema *s = model_schema(p, names[i].kind);
        Field *f = s ? model_field(s, names[i].field) : NULL;
        N->kind[i] = s;
        N->field[i] = f;
        if (f)
            continue;
        ok = false;
        if (s)
            diag_error(p->diags, s->span, _("schema '%s' has no field '%s', which the scheduler reads"), names[i].kind,
                       names[i].field);
        else if (i == 0 || strcmp(names[i].kind, names[i - 1].kind) != 0)
            diag_error(p->diags, span_none(), _("the stdlib declares no schema '%s', which the scheduler reads"),
                       names[i].kind);
    }
    return ok;
}

/* Field `id` of b, or NULL when absent (or b is not of the field's kind). */
static Value *get(const Names *N, const Block *b, NameId id)
{
    if (!b || b->schema != N->kind[id])
        return NULL;
    return b->vals[N->field[id]->index];
}

/* The block a field holds (a nested block or a reference), or NULL. */
static Block *get_block(const Names *N, const Block *b, NameId id)
{
    Value *v = get(N, b, id);
    return !v ? NULL : v->k == V_BLOCK ? v->u.block : v->k == V_REF ? v->u.ref : NULL;
}

/* The calendar's time zone, or NULL when it has none. Summer time needs
 * all six summer_ fields (the schema cannot say "all or none"): a partial
 * set is marked, and plan_ics_check refuses it with the fields' names. */
static const PlanZone *read_zone(const Names *N, const Block *tz, Arena *a)
{
    Value *name = get(N, tz, TZ_NAME), *sname = get(N, tz, TZ_STANDARD_NAME), *soff = get(N, tz, TZ_STANDARD_OFFSET);
    if (!name || !sname || !soff || name->k != V_STRING || sname->k != V_STRING || soff->k != V_TIME)
        return NULL;
    PlanZone *z = arena_alloc(a, sizeof *z);
    z->name = name->u.s;
    z->standard_name = sname->u.s;
    z->standard_offset = soff->u.time;
    Value *n = get(N, tz, TZ_SUMMER_NAME), *o = get(N, tz, TZ_SUMMER_OFFSET), *f = get(N, tz, TZ_SUMMER_FROM),
          *fa = get(N, tz, TZ_SUMMER_FROM_AT), *u = get(N, tz, TZ_SUMMER_UNTIL), *ua = get(N, tz, TZ_SUMMER_UNTIL_AT);
    if (n && o && f && fa && u && ua && n->k == V_STRING && o->k == V_TIME && f->k == V_INT && fa->k == V_TIME &&
        u->k == V_INT && ua->k == V_TIME && f->u.i >= 1 && f->u.i <= 12 && u->u.i >= 1 && u->u.i <= 12) {
        z->has_summer = true;
        z->summer_name = n->u.s;
        z->summer_offset = o->u.time;
        z->summer_from = (int)f->u.i;
        z->summer_from_at = fa->u.time;
        z->summer_until = (int)u->u.i;
        z->summer_until_at = ua->u.time;
    } else {
        z->summer_partial = n || o || f || fa || u || ua;
    }
    return z;
}

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
    const Names *N;
    Closure *cl;
    int ncl;
    Block *year_block;    /* a calendar_year block: what day expressions see */
} Sched;

static void add_closures(Sched *S, const Block *b, NameId id)
{
    Value *v = get(S->N, b, id);
    if (!v || v->k != V_LIST)
        return;
    for (int i = 0; i < v->u.list.n; i++) {
        Block *c = v->u.list.items[i]->u.block;
        S->cl = arena_push(S->a, S->cl, (size_t)S->ncl, sizeof *S->cl);
        Closure *x = &S->cl[S->ncl++];
        memset(x, 0, sizeof *x);
        x->b = c;
        x->title = c->title ? c->title : names[id].field;
        x->on = get(S->N, c, CL_ON);
        x->week = get(S->N, c, CL_WEEK);
        x->until = get(S->N, c, CL_UNTIL);
        x->cached_year = -1;
    }
}

/* A new block of `kind`, its fields absent. */
static Block *new_block(Arena *a, Schema *kind, const char *name, Span span)
{
    Block *b = arena_alloc(a, sizeof *b);
    b->schema = kind;
    b->name = name;
    b->span = b->name_span = span;
    b->vals = arena_array(a, (size_t)kind->nfields + 1, sizeof *b->vals);
    return b;
}

/* Sets field `id` of b to a new value of kind k (its payload is the caller's). */
static Value *put(Arena *a, const Names *N, Block *b, NameId id, ValueKind k)
{
    Value *v = arena_alloc(a, sizeof *v);
    v->k = k;
    v->span = b->span;
    b->vals[N->field[id]->index] = v;
    return v;
}

static void put_int(Arena *a, const Names *N, Block *b, NameId id, int64_t i)
{
    put(a, N, b, id, V_INT)->u.i = i;
}

static void put_date(Arena *a, const Names *N, Block *b, NameId id, int32_t day)
{
    put(a, N, b, id, V_DATE)->u.date = day;
}

static void put_hours(Arena *a, const Names *N, Block *b, NameId id, double minutes)
{
    Value *v = put(a, N, b, id, V_QTY);
    v->u.qty.v = minutes / 60;
    v->u.qty.unit = U_HOUR;
}

/* The value of a day expression in `year`. */
static RVal day_value(Sched *S, Closure *c, int year)
{
    if (c->cached_year == year)
        return c->cached;
    Block *yb = S->year_block;
    put_int(S->a, S->N, yb, YR_YEAR, year);
    put_date(S->a, S->N, yb, YR_EASTER, civil_easter(year));
    EvalCtx ctx;
    eval_init(&ctx, S->a, yb, NULL);
    RVal r = eval(&ctx, c->on->u.expr);
    c->cached_year = year;
    c->cached = r;
    return r;
}

/* A day's calendar date, worked out once for every closure that asks. */
typedef struct DayParts {
    int32_t day;
    int y, m, d;
    int iso_year, iso_week; /* 0 until a week closure asks */
} DayParts;

static bool closure_hits(Sched *S, Closure *c, DayParts *t)
{
    int32_t day = t->day;
    if (c->week && c->week->k == V_INT) {
        if (t->iso_week == 0)
            civil_iso_week(day, &t->iso_year, &t->iso_week);
        if (c->until && c->until->k == V_INT && t->iso_year > c->until->u.i)
            return false;
        return t->iso_week == c->week->u.i;
    }
    if (c->until && c->until->k == V_INT && t->y > c->until->u.i)
        return false;
    if (!c->on)
        return false;
    switch (c->on->k) {
    case V_MDAY: return c->on->u.mday.month == t->m && c->on->u.mday.day == t->d;
    case V_DATE: return c->on->u.date == day;
    case V_EXPR: {
        RVal v = day_value(S, c, t->y);
        if (v.k == RV_DATE)
            return v.u.date == day;
        RVal lo, hi;
        if (v.k == RV_RANGE && eval_range_end(&v, false, &lo) && eval_range_end(&v, true, &hi) &&
            lo.k == RV_DATE && hi.k == RV_DATE)
            return day >= lo.u.date && day <= hi.u.date;
        if (v.k == RV_MDAY)
            return v.u.mday.month == t->m && v.u.mday.day == t->d;
        return false;
    }
    default: return false;
    }
}

/* The name of the closure that closes `day`, or NULL. */
static const char *closed(Sched *S, int32_t day)
{
    if (S->ncl == 0)
        return NULL;
    DayParts t = {.day = day};
    civil_date(day, &t.y, &t.m, &t.d);
    for (int i = 0; i < S->ncl; i++)
        if (closure_hits(S, &S->cl[i], &t))
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

static void sched_init(Sched *S, Program *p, const Names *N, Arena *a)
{
    memset(S, 0, sizeof *S);
    S->p = p;
    S->a = a;
    S->N = N;
    S->year_block = new_block(a, N->kind[YR_YEAR], NULL, span_none());
}

static void add_calendar(Sched *S, const Block *cal)
{
    add_closures(S, cal, CA_HOLIDAY);
    add_closures(S, cal, CA_CUSTOMARY);
    add_closures(S, cal, CA_CLOSED);
}

int sched_closed_days(Program *p, Block *calendar, int32_t from, int32_t to, Arena *a, Skipped **out)
{
    *out = NULL;
    Names N;
    if (!names_find(p, &N))
        return 0;
    Sched S;
    sched_init(&S, p, &N, a);
    add_calendar(&S, calendar);
    int n = 0;
    for (int32_t d = from; d <= to; d++) {
        const char *why = closed(&S, d);
        if (!why)
            continue;
        *out = arena_push(a, *out, (size_t)n, sizeof **out);
        (*out)[n++] = (Skipped){d, why};
    }
    return n;
}

int sched_closure_days(Program *p, const Value *list, const char *field, int32_t from, int32_t to, Arena *a,
                       Skipped **out)
{
    *out = NULL;
    Names N;
    if (!names_find(p, &N))
        return 0;
    Sched S;
    sched_init(&S, p, &N, a);
    /* The closures of the list, read as add_closures reads a calendar's. */
    const Value *v = list;
    for (int i = 0; v && v->k == V_LIST && i < v->u.list.n; i++) {
        if (v->u.list.items[i]->k != V_BLOCK || v->u.list.items[i]->u.block->schema != N.kind[CL_ON])
            continue;
        Block *c = v->u.list.items[i]->u.block;
        S.cl = arena_push(a, S.cl, (size_t)S.ncl, sizeof *S.cl);
        Closure *x = &S.cl[S.ncl++];
        memset(x, 0, sizeof *x);
        x->b = c;
        x->title = c->title ? c->title : field;
        x->on = get(&N, c, CL_ON);
        x->week = get(&N, c, CL_WEEK);
        x->until = get(&N, c, CL_UNTIL);
        x->cached_year = -1;
    }
    int n = 0;
    for (int32_t d = from; S.ncl && d <= to; d++) {
        const char *why = closed(&S, d);
        if (!why)
            continue;
        *out = arena_push(a, *out, (size_t)n, sizeof **out);
        (*out)[n++] = (Skipped){d, why};
    }
    return n;
}

/* What was placed, as a `placement` block (stdlib/schedule.ramme). */
static Block *placement_of(const Names *N, const Plan *pl, double placed, double asked, double len,
                           int asked_follow_up, Arena *a)
{
    Block *b = new_block(a, N->kind[PL_COURSE], pl->schedule->name, pl->schedule->name_span);
    put(a, N, b, PL_COURSE, V_REF)->u.ref = pl->course;
    put(a, N, b, PL_SCHEDULE, V_REF)->u.ref = pl->schedule;
    put_int(a, N, b, PL_SESSIONS, pl->nsessions);
    put_hours(a, N, b, PL_SESSION_LENGTH, len);
    put_hours(a, N, b, PL_HOURS, placed);
    put_hours(a, N, b, PL_HOURS_ASKED, asked);
    put_date(a, N, b, PL_FIRST_SESSION, pl->sessions[0].date);
    put_date(a, N, b, PL_LAST_SESSION, pl->sessions[pl->nsessions - 1].date);
    put_int(a, N, b, PL_WEEKS, pl->nweeks);
    Value *weeks = put(a, N, b, PL_WEEK, V_LIST);
    weeks->u.list.items = arena_array(a, (size_t)pl->nweeks + 1, sizeof *weeks->u.list.items);
    for (int i = 0; i < pl->nweeks; i++) {
        const WeekLoad *w = &pl->weeks[i];
        /* ISO 8601 week notation: 2025-W07. */
        Block *wb = new_block(a, N->kind[WK_YEAR], arena_printf(a, "%04d-W%02d", w->iso_year, w->iso_week), b->span);
        wb->parent = wb->top = b;
        put_int(a, N, wb, WK_YEAR, w->iso_year);
        put_int(a, N, wb, WK_NUMBER, w->iso_week);
        put_hours(a, N, wb, WK_HOURS, w->hours * 60);
        Value *item = arena_alloc(a, sizeof *item);
        item->k = V_BLOCK;
        item->span = b->span;
        item->u.block = wb;
        weeks->u.list.items[weeks->u.list.n++] = item;
    }
    put(a, N, b, PL_FIRST_WEEK, V_BLOCK)->u.block = weeks->u.list.items[0]->u.block;
    put(a, N, b, PL_LAST_WEEK, V_BLOCK)->u.block = weeks->u.list.items[pl->nweeks - 1]->u.block;
    if (pl->has_practicum) {
        put_date(a, N, b, PL_PRACTICUM_START, pl->practicum_start);
        put_date(a, N, b, PL_PRACTICUM_END, pl->practicum_end);
    }
    put_int(a, N, b, PL_FOLLOW_UP_DAYS, pl->nfollow_up);
    put_int(a, N, b, PL_FOLLOW_UP_ASKED, asked_follow_up);
    return b;
}

/* The placement judged by the rules engine; the checks in the order their
 * frameworks declare them (the engine lists failures first). */
static void judge_placement(Program *p, Plan *pl, bool explain, Arena *a)
{
    CourseReport rep;
    if (explain)
        rules_check(p, pl->placement, a, &rep);
    else
        rules_check_statuses(p, pl->placement, a, &rep);
    pl->checks = arena_array(a, (size_t)rep.n + 1, sizeof *pl->checks);
    for (int f = 0; f < rep.nframeworks; f++) {
        Value *rules = model_get(rep.frameworks[f], "rule");
        for (int k = 0; rules && rules->k == V_LIST && k < rules->u.list.n; k++)
            for (int i = 0; i < rep.n; i++) {
                const RuleResult *r = &rep.results[i];
                if (r->rule != rules->u.list.items[k]->u.block || r->framework != rep.frameworks[f])
                    continue;
                pl->checks[pl->nchecks++] = (ScheduleCheck){r->id, r->rule, r->severity, r->status, r->message,
                                                            r->explain, r->nexplain};
            }
    }
}

void sched_judge(Program *p, Plan *pl, Arena *a)
{
    judge_placement(p, pl, true, a);
}

void sched_judge_statuses(Program *p, Plan *pl, Arena *a)
{
    judge_placement(p, pl, false, a);
}

bool sched_plan(Program *p, Block *sb, Arena *a, Plan *pl)
{
    if (!sched_place(p, sb, a, pl))
        return false;
    sched_judge(p, pl, a);
    return true;
}

const SchedNames *sched_names(Program *p, Arena *a)
{
    Names *N = arena_alloc(a, sizeof *N);
    return names_find(p, N) ? N : NULL;
}

bool sched_place(Program *p, Block *sb, Arena *a, Plan *pl)
{
    Names N;
    if (!names_find(p, &N)) {
        memset(pl, 0, sizeof *pl);
        return false;
    }
    return sched_place_with(p, &N, sb, a, pl);
}

bool sched_place_with(Program *p, const SchedNames *found, Block *sb, Arena *a, Plan *pl)
{
    memset(pl, 0, sizeof *pl);
    Diags *dg = p->diags;
    const Names N = *found;
    pl->schedule = sb;
    Block *course = get_block(&N, sb, SC_COURSE);
    if (!course)
        return false;
    pl->course = course;
    Value *loc = get(&N, sb, SC_LOCATION);
    pl->location = loc && loc->k == V_STRING ? loc->u.s : NULL;

    Sched S;
    sched_init(&S, p, &N, a);
    Block *cal = get_block(&N, sb, SC_CALENDAR);
    if (cal)
        add_calendar(&S, cal);
    pl->zone = read_zone(&N, get_block(&N, cal, CA_TIME_ZONE), a);
    add_closures(&S, sb, SC_CLOSED);
    /* Planned breaks (a month's pause between two parts): no teaching, but
     * not days that fell out, and their weeks are not weeks of the course. */
    Sched Br;
    sched_init(&Br, p, &N, a);
    add_closures(&Br, sb, SC_BREAK);

    /* Hours to place: the theory hours, else the modules' hours. */
    Block *theory = get_block(&N, course, CO_THEORY);
    double total = theory ? minutes_of(get(&N, theory, TH_HOURS)) : -1;
    Value *mods = get(&N, course, CO_MODULE);
    int nmods = mods && mods->k == V_LIST ? mods->u.list.n : 0;
    bool mods_have_hours = nmods > 0;
    for (int i = 0; i < nmods; i++)
        mods_have_hours = mods_have_hours && minutes_of(get(&N, mods->u.list.items[i]->u.block, MO_HOURS)) > 0;
    if (total < 0 && mods_have_hours) {
        total = 0;
        for (int i = 0; i < nmods; i++)
            total += minutes_of(get(&N, mods->u.list.items[i]->u.block, MO_HOURS));
    }
    if (total <= 0) {
        diag_error(dg, sb->name_span, _("cannot plan %s: course %s declares no theory hours"), sb->name, course->name);
        diag_help(dg, _("add to the course: theory { hours 78h }"));
        return false;
    }
    Value *tv = get(&N, sb, SC_TIME);
    if (!tv || tv->k != V_RANGE || !tv->u.range.lo || !tv->u.range.hi)
        return false;
    int t0 = tv->u.range.lo->u.time, t1 = tv->u.range.hi->u.time;
    if (t1 <= t0) {
        diag_error(dg, tv->span, _("the session time must end after it starts"));
        return false;
    }
    double len = t1 - t0;
    Value *slv = theory ? get(&N, theory, TH_SESSION_LENGTH) : NULL;
    if (slv && fabs(minutes_of(slv) - len) > 1e-6) {
        diag_error(dg, tv->span, _("the time %02d:%02d..%02d:%02d gives sessions of %s, but the course's session_length is %s"),
                   t0 / 60, t0 % 60, t1 / 60, t1 % 60, show_h(a, len), show_h(a, minutes_of(slv)));
        diag_note(dg, slv->span, _("session_length is declared here"));
        return false;
    }
    bool days[7] = {false};
    int ndays = 0;
    Value *wv = get(&N, sb, SC_WEEKDAYS);
    for (int i = 0; wv && wv->k == V_LIST && i < wv->u.list.n; i++)
        if (wv->u.list.items[i]->k == V_ENUM && wv->u.list.items[i]->u.en.idx < 7) {
            ndays += !days[wv->u.list.items[i]->u.en.idx];
            days[wv->u.list.items[i]->u.en.idx] = true;
        }
    if (ndays == 0) {
        diag_error(dg, wv ? wv->span : sb->name_span, _("the schedule has no teaching weekdays"));
        return false;
    }
    Value *stv = get(&N, sb, SC_START);
    int32_t start = stv && stv->k == V_DATE ? stv->u.date : 0;

    /* Walk the calendar. */
    int mod_i = 0;
    double mod_left = mods_have_hours ? minutes_of(get(&N, mods->u.list.items[0]->u.block, MO_HOURS)) : 0;
    double placed = 0;
    int32_t day = start;
    for (; placed + 1e-6 < total; day++) {
        if (day - start > SCHED_MAX_DAYS) {
            diag_error(dg, sb->name_span, _("cannot place %s of teaching within five years of the start"), show_h(a, total));
            diag_help(dg, _("check the closures of the calendar and the schedule"));
            return false;
        }
        int w = civil_weekday(day);
        if (!days[w] || closed(&Br, day))
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
                mod_left = minutes_of(get(&N, mods->u.list.items[mod_i]->u.block, MO_HOURS));
        }
    }
    int32_t first = pl->sessions[0].date, last = pl->sessions[pl->nsessions - 1].date;

    /* The planned breaks as runs of days, for the report. */
    for (int32_t d = first; Br.ncl && d <= last; d++) {
        const char *why = closed(&Br, d);
        if (!why)
            continue;
        if (pl->nbreaks && pl->breaks[pl->nbreaks - 1].to == d - 1 && pl->breaks[pl->nbreaks - 1].reason == why) {
            pl->breaks[pl->nbreaks - 1].to = d;
            continue;
        }
        pl->breaks = arena_push(a, pl->breaks, (size_t)pl->nbreaks, sizeof *pl->breaks);
        pl->breaks[pl->nbreaks++] = (Break){d, d, why};
    }

    /* Hours per ISO week, every week from the first session's to the last's. */
    for (int32_t monday = first - civil_weekday(first); monday <= last; monday += 7) {
        /* A week whose teaching days all lie in a planned break is left out. */
        bool in_break = Br.ncl > 0;
        for (int k = 0; k < 7 && in_break; k++)
            if (days[k] && !closed(&Br, monday + k))
                in_break = false;
        if (in_break)
            continue;
        WeekLoad wl = {0, 0, 0};
        civil_iso_week(monday, &wl.iso_year, &wl.iso_week);
        for (int i = 0; i < pl->nsessions; i++)
            if (pl->sessions[i].date >= monday && pl->sessions[i].date < monday + 7)
                wl.hours += pl->sessions[i].hours;
        pl->weeks = arena_push(a, pl->weeks, (size_t)pl->nweeks, sizeof *pl->weeks);
        pl->weeks[pl->nweeks++] = wl;
    }

    /* The practicum after the last session, follow-up days spread through it. */
    Block *prac = get_block(&N, course, CO_PRACTICUM);
    Value *lenv = get(&N, prac, PR_LENGTH);
    if (lenv && lenv->k == V_QTY && lenv->u.qty.v * unit_base(lenv->u.qty.unit) > 3660) {
        diag_error(dg, lenv->span, _("a practicum this long cannot be placed (more than ten years)"));
        return false;
    }
    Value *fu = get(&N, prac, PR_FOLLOW_UP_DAYS);
    int nfu = fu && fu->k == V_INT && fu->u.i > 0 && fu->u.i < 366 ? (int)fu->u.i : 0;
    if (lenv && lenv->k == V_QTY) {
        pl->has_practicum = true;
        pl->practicum_start = last + 1;
        if (lenv->u.qty.unit == U_MONTH)
            pl->practicum_end = civil_add_months(pl->practicum_start, (int)lround(lenv->u.qty.v)) - 1;
        else
            pl->practicum_end = pl->practicum_start + (int32_t)lround(lenv->u.qty.v * unit_base(lenv->u.qty.unit)) - 1;
        int32_t span = pl->practicum_end - pl->practicum_start + 1;
        pl->follow_up = arena_array(a, (size_t)nfu + 1, sizeof *pl->follow_up);
        for (int i = 1; i <= nfu; i++) {
            int32_t d = pl->practicum_start + (int32_t)((int64_t)span * i / (nfu + 1));
            while (d <= pl->practicum_end && (!days[civil_weekday(d)] || closed(&S, d) || closed(&Br, d)))
                d++;
            if (d <= pl->practicum_end && (pl->nfollow_up == 0 || d > pl->follow_up[pl->nfollow_up - 1]))
                pl->follow_up[pl->nfollow_up++] = d;
        }
    }

    /* What was placed, judged by the schedule's checks (stdlib/schedule.ramme). */
    pl->placement = placement_of(&N, pl, placed, total, len, fu && fu->k == V_INT ? (int)fu->u.i : 0, a);
    return true;
}
