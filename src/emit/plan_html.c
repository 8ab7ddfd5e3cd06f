/* plan_html.c — a schedule as one HTML page, and its month calendar. */
#include "emit/plan_html.h"
#include "base/civil.h"
#include "base/i18n.h"
#include "emit/check_html.h"
#include "emit/htmlw.h"
#include "emit/plan_fmt.h"


/* ---------------------------------------------------------------- the calendar */

/* What a day of the calendar can be. Each has its class (the shading, in
 * htmlw.c's stylesheet), its mark (a letter or two, translated, so the day
 * says what it is in words and not by colour alone) and its meaning for the
 * legend. */
typedef enum { DAY_SESSION, DAY_CLOSED, DAY_BREAK, DAY_PRACTICUM, DAY_FOLLOW_UP, DAY_KINDS } DayKind;

static const struct {
    const char *cls;
    const char *mark;    /* NC_("calendar mark", ...) */
    const char *meaning; /* N_() */
} day_kinds[DAY_KINDS] = {
    /* TRANSLATORS: the marks of the days in the HTML schedule's calendar, a letter or two each (the legend
     * says what they mean): a session, a day that fell out, a planned break, a practicum day, a follow-up day */
    [DAY_SESSION] = {"session", NC_("calendar mark", "S"), N_("session, with its number and time")},
    [DAY_CLOSED] = {"closed", NC_("calendar mark", "X"), N_("a day that fell out (a holiday or closure), with its name")},
    [DAY_BREAK] = {"break", NC_("calendar mark", "B"), N_("planned break, with its name")},
    [DAY_PRACTICUM] = {"practicum", NC_("calendar mark", "P"), N_("practicum day")},
    [DAY_FOLLOW_UP] = {"follow-up", NC_("calendar mark", "F"), N_("follow-up day in the practicum")},
};

/* The mark, and the session's number after it when `number` is not 0: "S3". */
static void put_mark(FILE *out, DayKind k, int number)
{
    fputs("<span class=\"mk\">", out);
    hw_text(out, i18n_ctr("calendar mark", day_kinds[k].mark));
    if (number)
        fprintf(out, "%d", number);
    fputs("</span>", out);
}

void plan_html_legend(FILE *out)
{
    fputs("<ul class=\"legend\">\n", out);
    for (int k = 0; k < DAY_KINDS; k++) {
        fputs("<li><span class=\"key ", out);
        fputs(day_kinds[k].cls, out);
        fputs("\">", out);
        put_mark(out, (DayKind)k, 0);
        fputs("</span> ", out);
        hw_text(out, _(day_kinds[k].meaning));
        fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
}

/* Where the calendar stands in each of the plan's date-ordered lists. The
 * days are visited in order, so each index only moves forward. */
typedef struct Cursor {
    int session, skipped, brk, follow_up;
} Cursor;

/* A line under the day's number: a session's time, a day's name. */
static void put_note(FILE *out, const char *s)
{
    fputs(" <span class=\"nt\">", out);
    hw_text(out, s);
    fputs("</span>", out);
}

static void put_time_span(FILE *out, int start, int end)
{
    char b1[16], b2[16], span[40];
    snprintf(span, sizeof span, "%s–%s", plan_fmt_time(b1, sizeof b1, start), plan_fmt_time(b2, sizeof b2, end));
    put_note(out, span); /* en dash, as the text table */
}

/* One day's cell: its class, number, mark and note. */
static void day_cell(FILE *out, const Plan *p, int32_t d, Cursor *c)
{
    const Session *ss = p->sessions;
    while (c->session < p->nsessions && ss[c->session].date < d)
        c->session++;
    while (c->skipped < p->nskipped && p->skipped[c->skipped].date < d)
        c->skipped++;
    while (c->brk < p->nbreaks && p->breaks[c->brk].to < d)
        c->brk++;
    while (c->follow_up < p->nfollow_up && p->follow_up[c->follow_up] < d)
        c->follow_up++;
    bool session = c->session < p->nsessions && ss[c->session].date == d;
    bool closed = c->skipped < p->nskipped && p->skipped[c->skipped].date == d;
    const Break *brk = c->brk < p->nbreaks && p->breaks[c->brk].from <= d ? &p->breaks[c->brk] : NULL;
    bool follow_up = c->follow_up < p->nfollow_up && p->follow_up[c->follow_up] == d;
    bool practicum = p->has_practicum && d >= p->practicum_start && d <= p->practicum_end;

    int y, m, dn;
    civil_date(d, &y, &m, &dn);
    /* The kind that decides the shading: what happens that day first. */
    int kind = session ? DAY_SESSION : closed ? DAY_CLOSED : follow_up ? DAY_FOLLOW_UP
             : practicum ? DAY_PRACTICUM : brk ? DAY_BREAK : -1;
    const char *cls = kind >= 0 ? day_kinds[kind].cls : NULL;
    bool weekend = civil_weekday(d) >= 5;
    /* Markup by fputs: a format string is for a message (tests/e2e/po.sh). */
    fputs("<td", out);
    if (cls || weekend) {
        fputs(" class=\"", out);
        fputs(weekend ? "weekend" : "", out);
        fputs(cls && weekend ? " " : "", out);
        fputs(cls ? cls : "", out);
        fputs("\"", out);
    }
    fputs("><span class=\"dn\">", out);
    fprintf(out, "%d", dn);
    fputs("</span>", out);
    if (session) {
        /* A day with more than one session (not one the scheduler makes)
         * shows each. */
        for (int i = c->session; i < p->nsessions && ss[i].date == d; i++) {
            fputs(" ", out);
            put_mark(out, DAY_SESSION, ss[i].number);
            put_time_span(out, ss[i].start, ss[i].end);
        }
    } else if (closed) {
        fputs(" ", out);
        put_mark(out, DAY_CLOSED, 0);
        put_note(out, p->skipped[c->skipped].reason ? p->skipped[c->skipped].reason : _("closed"));
    } else if (follow_up) {
        fputs(" ", out);
        put_mark(out, DAY_FOLLOW_UP, 0);
        /* At the sessions' time, as the iCalendar file has it. */
        if (p->nsessions > 0)
            put_time_span(out, ss[0].start, ss[0].end);
    } else if (practicum) {
        fputs(" ", out);
        put_mark(out, DAY_PRACTICUM, 0);
    } else if (brk) {
        fputs(" ", out);
        put_mark(out, DAY_BREAK, 0);
        /* The name on the break's first day and on the first of a month:
         * once in each grid, not on every day of a long break. */
        if (d == brk->from || dn == 1)
            put_note(out, brk->reason);
    }
    fputs("</td>", out);
}

/* One month's grid: a row per week that has a day of the month, Monday
 * first, the ISO week as the row's header; days of the next or last month
 * are empty cells. */
static void month_table(FILE *out, const Plan *p, int y, int m, Cursor *c)
{
    int32_t first = civil_days(y, m, 1), last = first + civil_month_days(y, m) - 1;
    fputs("<table class=\"month\">\n<caption>", out);
    hw_printf(out, "%s %d", civil_month_name(m), y);
    fputs("</caption>\n<thead><tr>", out);
    /* TRANSLATORS: the column heading of the ISO week numbers in the HTML schedule's calendar */
    hw_th_col(out, _("Week"));
    for (int wd = 0; wd < 7; wd++)
        hw_th_col(out, plan_weekday_name(wd));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int32_t monday = first - civil_weekday(first); monday <= last; monday += 7) {
        int iso_year, iso_week;
        civil_iso_week(monday, &iso_year, &iso_week);
        fputs("<tr><th scope=\"row\">", out);
        fprintf(out, "%d", iso_week);
        fputs("</th>", out);
        for (int32_t d = monday; d < monday + 7; d++) {
            if (d < first || d > last)
                fputs("<td class=\"blank\"></td>", out);
            else
                day_cell(out, p, d, c);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

void plan_html_calendar(FILE *out, const Plan *p)
{
    int32_t from, to;
    if (p->nsessions > 0)
        from = p->sessions[0].date;
    else if (p->has_practicum)
        from = p->practicum_start;
    else
        return;
    to = p->has_practicum ? p->practicum_end : p->sessions[p->nsessions - 1].date;
    int y, m, d, ty, tm;
    civil_date(from, &y, &m, &d);
    civil_date(to, &ty, &tm, &d);
    Cursor c = {0, 0, 0, 0};
    fputs("<div class=\"months\">\n", out);
    while (y < ty || (y == ty && m <= tm)) {
        month_table(out, p, y, m, &c);
        if (++m > 12) {
            m = 1;
            y++;
        }
    }
    fputs("</div>\n", out);
}

/* ---------------------------------------------------------------- the page */

/* A row of a two-column table of facts: the label as the row's header. */
static void fact(FILE *out, const char *label, const char *name, const char *title)
{
    fputs("<tr><th scope=\"row\">", out);
    hw_text(out, label);
    fputs("</th><td>", out);
    hw_text(out, name);
    if (title)
        hw_printf(out, " \"%s\"", title);
    fputs("</td></tr>\n", out);
}

static void header(FILE *out, Arena *a, const Plan *p)
{
    const Block *c = p->course;
    fputs("<h2>", out);
    if (c && c->title)
        hw_printf(out, _("course %s \"%s\""), plan_block_name(c), c->title);
    else
        hw_printf(out, _("course %s"), plan_block_name(c));
    fputs("</h2>\n<table class=\"facts\">\n<tbody>\n", out);
    fact(out, _("schedule"), plan_block_name(p->schedule), NULL);
    const Block *cal = plan_calendar(p);
    if (cal)
        fact(out, _("calendar"), plan_block_name(cal), cal->title);
    if (p->location)
        fact(out, _("location"), p->location, NULL);
    fputs("</tbody>\n</table>\n<p class=\"summary\">", out);
    hw_text(out, plan_summary(a, p));
    fputs("</p>\n", out);
}

static void heading(FILE *out, const char *text)
{
    fputs("<h3>", out);
    hw_text(out, text);
    fputs("</h3>\n", out);
}

/* A cell with text; `num` right-aligns it, as numbers are in a column. */
static void cell(FILE *out, const char *text, bool num)
{
    fputs(num ? "<td class=\"num\">" : "<td>", out);
    hw_text(out, text);
    fputs("</td>", out);
}

static void sessions_table(FILE *out, const Plan *p)
{
    char b1[32], b2[32], span[80];
    heading(out, _("Sessions"));
    fputs("<table class=\"sessions\">\n<thead><tr>", out);
    /* TRANSLATORS: column headings of the sessions table in the HTML schedule; "No." is the session's number,
     * "Total" the hours so far */
    hw_th_col(out, _("No."));
    hw_th_col(out, _("Date"));
    hw_th_col(out, _("Weekday"));
    hw_th_col(out, _("Time"));
    hw_th_col(out, _("Hours"));
    hw_th_col(out, _("Total"));
    hw_th_col(out, _("Week"));
    hw_th_col(out, _("Modules"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < p->nsessions; i++) {
        const Session *s = &p->sessions[i];
        fputs("<tr><th scope=\"row\">", out);
        fprintf(out, "%d", s->number);
        fputs("</th>", out);
        cell(out, plan_fmt_date(b1, sizeof b1, s->date), false);
        cell(out, plan_weekday_name(s->weekday), false);
        snprintf(span, sizeof span, "%s–%s", plan_fmt_time(b1, sizeof b1, s->start),
                 plan_fmt_time(b2, sizeof b2, s->end));
        cell(out, span, false);
        cell(out, plan_fmt_hours(b1, sizeof b1, s->hours), true);
        cell(out, plan_fmt_hours(b1, sizeof b1, s->cumulative), true);
        fputs("<td class=\"num\">", out);
        fprintf(out, "%d", s->iso_week);
        fputs("</td><td>", out);
        for (int k = 0; k < s->nmodules; k++) {
            if (k)
                fputs(", ", out);
            hw_text(out, plan_block_name(s->modules[k]));
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

static void skipped_table(FILE *out, const Plan *p)
{
    char b[32];
    heading(out, _("Days that fell out"));
    if (p->nskipped == 0) {
        fputs("<p>", out);
        hw_text(out, _("none"));
        fputs("</p>\n", out);
        return;
    }
    fputs("<table class=\"narrow\">\n<thead><tr>", out);
    hw_th_col(out, _("Date"));
    hw_th_col(out, _("Weekday"));
    /* TRANSLATORS: column heading: why a day fell out or a break was planned (the calendar's name for it) */
    hw_th_col(out, _("Reason"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < p->nskipped; i++) {
        const Skipped *k = &p->skipped[i];
        fputs("<tr><th scope=\"row\">", out);
        hw_text(out, plan_fmt_date(b, sizeof b, k->date));
        fputs("</th>", out);
        cell(out, plan_weekday_name(civil_weekday(k->date)), false);
        cell(out, k->reason ? k->reason : _("closed"), false);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

static void breaks_table(FILE *out, const Plan *p)
{
    char b[32];
    if (p->nbreaks == 0)
        return;
    heading(out, _("Planned breaks"));
    fputs("<table class=\"narrow\">\n<thead><tr>", out);
    /* TRANSLATORS: column headings of the planned breaks table: its first and last day */
    hw_th_col(out, _("From"));
    hw_th_col(out, _("To"));
    hw_th_col(out, _("Reason"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < p->nbreaks; i++) {
        fputs("<tr><th scope=\"row\">", out);
        hw_text(out, plan_fmt_date(b, sizeof b, p->breaks[i].from));
        fputs("</th>", out);
        cell(out, plan_fmt_date(b, sizeof b, p->breaks[i].to), false);
        cell(out, p->breaks[i].reason, false);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

static void practicum(FILE *out, const Plan *p)
{
    char b1[32], b2[32];
    if (!p->has_practicum)
        return;
    heading(out, _("Practicum"));
    int32_t days = p->practicum_end - p->practicum_start + 1;
    fputs("<p>", out);
    hw_printf(out, P_("%s – %s  (%d day)", "%s – %s  (%d days)", (unsigned long)days),
              plan_fmt_date(b1, sizeof b1, p->practicum_start), plan_fmt_date(b2, sizeof b2, p->practicum_end),
              (int)days);
    fputs("</p>\n<p>", out);
    if (p->nfollow_up == 0) {
        hw_printf(out, "%s: %s", _("follow-up days"), _("none"));
        fputs("</p>\n", out);
        return;
    }
    hw_printf(out, "%s:", _("follow-up days"));
    fputs("</p>\n<ul>\n", out);
    for (int i = 0; i < p->nfollow_up; i++) {
        fputs("<li>", out);
        hw_printf(out, "%s %s", plan_fmt_date(b1, sizeof b1, p->follow_up[i]),
                  plan_weekday_name(civil_weekday(p->follow_up[i])));
        fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
}

static void weeks_table(FILE *out, const Plan *p)
{
    char b[32];
    if (p->nweeks == 0)
        return;
    heading(out, _("Hours per ISO week"));
    fputs("<table class=\"narrow\">\n<thead><tr>", out);
    /* TRANSLATORS: column headings of the hours per ISO week table; the week is written 2025-W06 */
    hw_th_col(out, _("ISO week"));
    hw_th_col(out, _("Hours"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < p->nweeks; i++) {
        const WeekLoad *w = &p->weeks[i];
        /* ISO 8601's notation, as the checks' explanations write a week. */
        fputs("<tr><th scope=\"row\">", out);
        fprintf(out, "%04d-W%02d", w->iso_year, w->iso_week);
        fputs("</th>", out);
        cell(out, plan_fmt_hours(b, sizeof b, w->hours), true);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

static void checks_table(FILE *out, const Plan *p)
{
    if (p->nchecks == 0)
        return;
    heading(out, _("Checks"));
    fputs("<table class=\"results\">\n<thead><tr>", out);
    hw_th_col(out, _("Status"));
    hw_th_col(out, _("Severity"));
    hw_th_col(out, _("Rule"));
    hw_th_col(out, _("Details"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < p->nchecks; i++) {
        const ScheduleCheck *x = &p->checks[i];
        check_html_result_row(out, x->status, x->severity, x->id ? x->id : "", x->message, NULL,
                              (const char *const *)x->explain, x->nexplain, NULL, 0);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

int plan_html(FILE *out, const Plan *p)
{
    Arena *a = arena_new();
    /* TRANSLATORS: the title and top heading of the HTML page of `ramme schedule --format html` */
    hw_page_begin(out, _("ramme schedule report"));
    fputs("<section class=\"schedule\">\n", out);
    header(out, a, p);
    heading(out, _("Calendar"));
    plan_html_legend(out);
    plan_html_calendar(out, p);
    sessions_table(out, p);
    skipped_table(out, p);
    breaks_table(out, p);
    practicum(out, p);
    weeks_table(out, p);
    checks_table(out, p);
    fputs("</section>\n", out);
    arena_free(a);
    bool ok = hw_page_end(out);
    return ok && fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
