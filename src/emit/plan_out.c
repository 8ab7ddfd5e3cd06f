/* plan_out.c — a Plan as a text table, JSON, CSV and iCalendar, one
 * section each (about 880 lines: four formats of one struct, the CSV and
 * iCalendar writers taking several plans for a proposal's cohorts). How a date,
 * an hour or a weekday is spelt is plan_fmt.h's, shared with the HTML
 * page. libical is called through emit/icslib.h: loaded only when an
 * iCalendar file is written. */
#include "emit/plan_out.h"
#include "base/esc.h"
#include "base/i18n.h"
#include "emit/csvw.h"
#include "emit/icslib.h"
#include "emit/jsonw.h"
#include "emit/plan_fmt.h"
#include "emit/words.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---------------------------------------------------------------- shared helpers */

/* The modules of a session joined with ", " into a malloc'd string. */
static char *module_list(const Session *s)
{
    size_t n = 1;
    for (int i = 0; i < s->nmodules; i++)
        n += strlen(plan_block_name(s->modules[i])) + 2;
    char *buf = malloc(n);
    if (!buf)
        return NULL;
    buf[0] = '\0';
    for (int i = 0; i < s->nmodules; i++) {
        if (i)
            strcat(buf, ", ");
        strcat(buf, plan_block_name(s->modules[i]));
    }
    return buf;
}

/* ---------------------------------------------------------------- text */

/* Display columns of UTF-8 text (ø is one column, an en dash one), and
 * text aligned in columns by them (emit/words.h). */
#define width words_width
#define put_left words_put_left
#define put_right words_put_right

static int max_int(int a, int b)
{
    return a > b ? a : b;
}


/* The table shows every value from the files through esc_text (in `a`):
 * a control character in a title, a location or a closure's name must not
 * reach the terminal. */
static void text_header(FILE *out, Arena *a, const Plan *p, const char *bold, const char *reset)
{
    const Block *c = p->course;
    const char *title = c ? esc_text(a, c->title) : NULL;
    fputs(bold, out);
    if (title)
        fprintf(out, _("course %s \"%s\""), esc_text(a, plan_block_name(c)), title);
    else
        fprintf(out, _("course %s"), esc_text(a, plan_block_name(c)));
    fprintf(out, "%s\n", reset);
    /* The labels in a column as wide as the widest, translated. */
    const char *lsched = _("schedule"), *lcal = _("calendar"), *lloc = _("location");
    int lw = max_int(width(lsched), max_int(width(lcal), width(lloc)));
    fputs("  ", out);
    put_left(out, lsched, lw);
    fprintf(out, "  %s\n", esc_text(a, plan_block_name(p->schedule)));
    const Block *cal = plan_calendar(p);
    if (cal) {
        const char *ct = esc_text(a, cal->title);
        fputs("  ", out);
        put_left(out, lcal, lw);
        fprintf(out, "  %s%s%s%s\n", esc_text(a, plan_block_name(cal)), ct ? " \"" : "", ct ? ct : "", ct ? "\"" : "");
    }
    if (p->location) {
        fputs("  ", out);
        put_left(out, lloc, lw);
        fprintf(out, "  %s\n", esc_text(a, p->location));
    }
}

static void text_sessions(FILE *out, Arena *a, const Plan *p, const char *bold, const char *reset)
{
    char b1[32], b2[32];
    /* Column widths from the content. */
    /* The headings, translated; each column as wide as its heading or its
     * widest value. */
    const char *hdate = _("date"), *hday = _("weekday"), *htime = _("time"), *hhours = _("hours"),
               *htotal = _("total"), *hweek = _("week"), *hmods = _("modules");
    int wnum = 1, wday = width(hday), whours = width(hhours), wtotal = width(htotal), wweek = width(hweek);
    int wdate = max_int(10, width(hdate)), wtime = max_int(11, width(htime));
    for (int i = 0; i < p->nsessions; i++) {
        const Session *s = &p->sessions[i];
        wnum = max_int(wnum, snprintf(b1, sizeof b1, "%d", s->number));
        wday = max_int(wday, width(plan_weekday_name(s->weekday)));
        whours = max_int(whours, width(plan_fmt_hours(b1, sizeof b1, s->hours)));
        wtotal = max_int(wtotal, width(plan_fmt_hours(b1, sizeof b1, s->cumulative)));
        wweek = max_int(wweek, snprintf(b1, sizeof b1, "%d", s->iso_week));
    }
    fputs(bold, out);
    fputs("  ", out);
    put_right(out, "#", wnum);
    fputs("  ", out);
    put_left(out, hdate, wdate);
    fputs("  ", out);
    put_left(out, hday, wday);
    fputs("  ", out);
    put_left(out, htime, wtime);
    fputs("  ", out);
    put_right(out, hhours, whours);
    fputs("  ", out);
    put_right(out, htotal, wtotal);
    fputs("  ", out);
    put_right(out, hweek, wweek);
    fprintf(out, "  %s", hmods);
    fputs(reset, out);
    fputc('\n', out);
    for (int i = 0; i < p->nsessions; i++) {
        const Session *s = &p->sessions[i];
        fputs("  ", out);
        snprintf(b1, sizeof b1, "%d", s->number);
        put_right(out, b1, wnum);
        fputs("  ", out);
        put_left(out, plan_fmt_date(b1, sizeof b1, s->date), wdate);
        fputs("  ", out);
        put_left(out, plan_weekday_name(s->weekday), wday);
        fputs("  ", out);
        plan_fmt_time(b1, sizeof b1, s->start);
        plan_fmt_time(b2, sizeof b2, s->end);
        char span[80];
        snprintf(span, sizeof span, "%s–%s", b1, b2); /* en dash */
        put_left(out, span, wtime);
        fputs("  ", out);
        put_right(out, plan_fmt_hours(b1, sizeof b1, s->hours), whours);
        fputs("  ", out);
        put_right(out, plan_fmt_hours(b1, sizeof b1, s->cumulative), wtotal);
        fputs("  ", out);
        snprintf(b1, sizeof b1, "%d", s->iso_week);
        put_right(out, b1, wweek);
        fputs("  ", out);
        for (int k = 0; k < s->nmodules; k++)
            fprintf(out, "%s%s", k ? ", " : "", esc_text(a, plan_block_name(s->modules[k])));
        fputc('\n', out);
    }
    fprintf(out, "  %s\n", plan_summary(a, p));
}

static void text_skipped(FILE *out, Arena *a, const Plan *p, const char *bold, const char *reset)
{
    char b[32];
    if (p->nskipped == 0) {
        fprintf(out, "\n%s%s:%s %s\n", bold, _("Days that fell out"), reset, _("none"));
        return;
    }
    fprintf(out, "\n%s%s%s\n", bold, _("Days that fell out"), reset);
    int wday = 0;
    for (int i = 0; i < p->nskipped; i++)
        wday = max_int(wday, width(plan_weekday_name(civil_weekday(p->skipped[i].date))));
    for (int i = 0; i < p->nskipped; i++) {
        const Skipped *k = &p->skipped[i];
        fprintf(out, "  %s  ", plan_fmt_date(b, sizeof b, k->date));
        put_left(out, plan_weekday_name(civil_weekday(k->date)), wday);
        fprintf(out, "  %s\n", k->reason ? esc_text(a, k->reason) : _("closed"));
    }
}

static void text_breaks(FILE *out, Arena *a, const Plan *p, const char *bold, const char *reset)
{
    char b1[32], b2[32];
    if (p->nbreaks == 0)
        return;
    fprintf(out, "\n%s%s%s\n", bold, _("Planned breaks"), reset);
    for (int i = 0; i < p->nbreaks; i++)
        fprintf(out, "  %s – %s  %s\n", plan_fmt_date(b1, sizeof b1, p->breaks[i].from),
                plan_fmt_date(b2, sizeof b2, p->breaks[i].to), esc_text(a, p->breaks[i].reason));
}

static void text_practicum(FILE *out, const Plan *p, const char *bold, const char *reset)
{
    char b1[32], b2[32];
    if (!p->has_practicum)
        return;
    int32_t days = p->practicum_end - p->practicum_start + 1;
    fprintf(out, "\n%s%s%s\n  ", bold, _("Practicum"), reset);
    /* TRANSLATORS: the practicum's first and last date, and its length */
    fprintf(out, P_("%s – %s  (%d day)", "%s – %s  (%d days)", (unsigned long)days), plan_fmt_date(b1, sizeof b1, p->practicum_start),
            plan_fmt_date(b2, sizeof b2, p->practicum_end), (int)days);
    fputc('\n', out);
    if (p->nfollow_up == 0) {
        fprintf(out, "  %s: %s\n", _("follow-up days"), _("none"));
        return;
    }
    fprintf(out, "  %s:\n", _("follow-up days"));
    for (int i = 0; i < p->nfollow_up; i++)
        fprintf(out, "    %s  %s\n", plan_fmt_date(b1, sizeof b1, p->follow_up[i]),
                plan_weekday_name(civil_weekday(p->follow_up[i])));
}

/* The hours of each ISO week, eight to a line, a new line for a new year. */
static void text_weeks(FILE *out, const Plan *p, const char *bold, const char *reset)
{
    char b[32];
    if (p->nweeks == 0)
        return;
    fprintf(out, "\n%s%s%s\n", bold, _("Hours per ISO week"), reset);
    int on_line = 0, year = 0;
    for (int i = 0; i < p->nweeks; i++) {
        const WeekLoad *w = &p->weeks[i];
        if (on_line == 8 || (on_line > 0 && w->iso_year != year)) {
            fputc('\n', out);
            on_line = 0;
        }
        if (on_line == 0 && (i == 0 || w->iso_year != year))
            fprintf(out, "  %4d", w->iso_year);
        else if (on_line == 0)
            fputs("      ", out); /* the year only on its first line */
        year = w->iso_year;
        char item[64];
        /* TRANSLATORS: an ISO week and its hours, "w7: 6"; keep it short */
        snprintf(item, sizeof item, _("w%d: %s"), w->iso_week, plan_fmt_hours(b, sizeof b, w->hours));
        fputs("  ", out);
        put_left(out, item, on_line == 7 || i == p->nweeks - 1 ? 0 : 9);
        on_line++;
    }
    fputc('\n', out);
}

static void text_checks(FILE *out, Arena *a, const Plan *p, bool color, const char *bold, const char *reset)
{
    if (p->nchecks == 0)
        return;
    fprintf(out, "\n%s%s%s\n", bold, _("Checks"), reset);
    /* The status and severity columns as wide as their widest words. */
    int sw = words_status_width(), vw = words_severity_width() + 1, indent = 2 + sw + 1 + vw + 1;
    for (int i = 0; i < p->nchecks; i++) {
        const ScheduleCheck *x = &p->checks[i];
        const char *col = words_paint(words_status_paint(x->status, x->severity), color);
        fprintf(out, "  %s", col);
        put_left(out, words_status(x->status), sw);
        fprintf(out, "%s ", reset);
        put_left(out, words_severity(x->severity), vw);
        fprintf(out, " %s\n", x->id ? esc_text(a, x->id) : "");
        if (x->status == ST_FAIL || x->status == ST_UNKNOWN) {
            if (x->message)
                fprintf(out, "%*s%s\n", indent, "", esc_text(a, x->message));
            for (int k = 0; k < x->nexplain; k++)
                fprintf(out, "%*s%s\n", indent, "", esc_text(a, x->explain[k]));
        }
    }
}

void plan_text(FILE *out, const Plan *p, bool color)
{
    const char *bold = words_paint(PAINT_HEADING, color), *reset = words_paint(PAINT_RESET, color);
    Arena *a = arena_new();
    text_header(out, a, p, bold, reset);
    fputc('\n', out);
    text_sessions(out, a, p, bold, reset);
    text_skipped(out, a, p, bold, reset);
    text_breaks(out, a, p, bold, reset);
    text_practicum(out, p, bold, reset);
    text_weeks(out, p, bold, reset);
    text_checks(out, a, p, color, bold, reset);
    arena_free(a);
}

/* ---------------------------------------------------------------- JSON */

/* A whole number as a JSON integer (3, not 3.0), anything else as a real. */
static void put_hours(JsonW *w, double h)
{
    if (h == floor(h) && fabs(h) < 1e15)
        jw_int(w, (long long)h);
    else
        jw_real(w, h);
}

static void put_date(JsonW *w, int32_t d)
{
    char b[32];
    jw_str(w, plan_fmt_date(b, sizeof b, d));
}

static void session_json(JsonW *w, const Plan *p, const Session *s)
{
    char b[32];
    jw_open(w, '{');
    jw_kint(w, "number", s->number);
    jw_key(w, "date");
    put_date(w, s->date);
    jw_kstr(w, "weekday", plan_weekday_id(s->weekday));
    jw_kstr(w, "start", plan_fmt_time(b, sizeof b, s->start));
    jw_kstr(w, "end", plan_fmt_time(b, sizeof b, s->end));
    jw_key(w, "hours");
    put_hours(w, s->hours);
    jw_key(w, "cumulative_hours");
    put_hours(w, s->cumulative);
    jw_kint(w, "week", s->iso_week);
    jw_kint(w, "iso_year", s->iso_year);
    jw_key(w, "modules");
    jw_open(w, '[');
    for (int k = 0; k < s->nmodules; k++)
        jw_str(w, plan_block_name(s->modules[k]));
    jw_close(w, ']');
    jw_kstr(w, "location", p->location);
    jw_close(w, '}');
}

int plan_json(FILE *out, const Plan *p)
{
    JsonW *w = jw_new(out, 0);
    jw_open(w, '{');
    jw_kint(w, "version", 1);
    jw_kstr(w, "schedule", plan_block_name(p->schedule));
    jw_kstr(w, "course", plan_block_name(p->course));
    jw_kstr(w, "title", p->course ? p->course->title : NULL);
    const Block *cal = plan_calendar(p);
    jw_kstr(w, "calendar", cal ? plan_block_name(cal) : NULL);
    jw_kstr(w, "location", p->location);
    plan_json_members(w, p);
    jw_close(w, '}');
    jw_finish(w);
    int rc = jw_free(w) ? 0 : -1;
    if (fflush(out) != 0 || ferror(out))
        rc = -1;
    return rc;
}

void plan_json_members(JsonW *w, const Plan *p)
{
    jw_key(w, "sessions");
    jw_open(w, '[');
    for (int i = 0; i < p->nsessions; i++)
        session_json(w, p, &p->sessions[i]);
    jw_close(w, ']');

    jw_key(w, "skipped");
    jw_open(w, '[');
    for (int i = 0; i < p->nskipped; i++) {
        jw_open(w, '{');
        jw_key(w, "date");
        put_date(w, p->skipped[i].date);
        jw_kstr(w, "weekday", plan_weekday_id(civil_weekday(p->skipped[i].date)));
        jw_kstr(w, "reason", p->skipped[i].reason);
        jw_close(w, '}');
    }
    jw_close(w, ']');

    if (p->nbreaks) {
        jw_key(w, "breaks");
        jw_open(w, '[');
        for (int i = 0; i < p->nbreaks; i++) {
            jw_open(w, '{');
            jw_key(w, "from");
            put_date(w, p->breaks[i].from);
            jw_key(w, "to");
            put_date(w, p->breaks[i].to);
            jw_kstr(w, "reason", p->breaks[i].reason);
            jw_close(w, '}');
        }
        jw_close(w, ']');
    }
    jw_key(w, "practicum");
    if (p->has_practicum) {
        jw_open(w, '{');
        jw_key(w, "start");
        put_date(w, p->practicum_start);
        jw_key(w, "end");
        put_date(w, p->practicum_end);
        jw_kint(w, "days", p->practicum_end - p->practicum_start + 1);
        jw_key(w, "follow_up_days");
        jw_open(w, '[');
        for (int i = 0; i < p->nfollow_up; i++)
            put_date(w, p->follow_up[i]);
        jw_close(w, ']');
        jw_close(w, '}');
    } else {
        jw_null(w);
    }

    jw_key(w, "weeks");
    jw_open(w, '[');
    for (int i = 0; i < p->nweeks; i++) {
        jw_open(w, '{');
        jw_kint(w, "iso_year", p->weeks[i].iso_year);
        jw_kint(w, "week", p->weeks[i].iso_week);
        jw_key(w, "hours");
        put_hours(w, p->weeks[i].hours);
        jw_close(w, '}');
    }
    jw_close(w, ']');

    jw_key(w, "checks");
    jw_open(w, '[');
    for (int i = 0; i < p->nchecks; i++) {
        const ScheduleCheck *x = &p->checks[i];
        jw_open(w, '{');
        jw_kstr(w, "rule", x->id ? x->id : "");
        jw_kstr(w, "severity", words_severity_id(x->severity));
        jw_kstr(w, "status", words_status_id(x->status));
        jw_kstr(w, "message", x->message ? x->message : "");
        jw_key(w, "explain");
        jw_strs(w, (const char *const *)x->explain, x->nexplain);
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

/* ---------------------------------------------------------------- CSV */

int plan_csv(FILE *out, const Plan *p)
{
    return plan_csv_many(out, &p, 1, false);
}

int plan_csv_many(FILE *out, const Plan *const *plans, int n, bool named)
{
    /* The headings a person reads in a spreadsheet: translated. */
    static const char *head[] = {
        NC_("CSV heading", "number"),   NC_("CSV heading", "date"),  NC_("CSV heading", "weekday"),
        NC_("CSV heading", "start"),    NC_("CSV heading", "end"),   NC_("CSV heading", "hours"),
        NC_("CSV heading", "cumulative_hours"), NC_("CSV heading", "iso_week"),
        NC_("CSV heading", "modules"),  NC_("CSV heading", "location")};
    CsvW w;
    csvw_begin(&w, out);
    if (named)
        csvw_field(&w, i18n_ctr("CSV heading", NC_("CSV heading", "cohort")));
    for (size_t i = 0; i < sizeof head / sizeof *head; i++)
        csvw_field(&w, i18n_ctr("CSV heading", head[i]));
    csvw_end_row(&w);
    for (int k = 0; k < n; k++) {
        const Plan *p = plans[k];
        for (int i = 0; i < p->nsessions && !w.failed; i++) {
            const Session *s = &p->sessions[i];
            char date[32], start[32], end[32], hours[32], cum[32];
            char *mods = module_list(s);
            if (!mods)
                return -1;
            if (named)
                csvw_field(&w, plan_block_name(p->schedule));
            csvw_int(&w, s->number);
            csvw_field(&w, plan_fmt_date(date, sizeof date, s->date));
            csvw_field(&w, plan_weekday_name(s->weekday));
            csvw_field(&w, plan_fmt_time(start, sizeof start, s->start));
            csvw_field(&w, plan_fmt_time(end, sizeof end, s->end));
            csvw_field(&w, plan_fmt_hours(hours, sizeof hours, s->hours));
            csvw_field(&w, plan_fmt_hours(cum, sizeof cum, s->cumulative));
            csvw_int(&w, s->iso_week);
            csvw_field(&w, mods);
            csvw_field(&w, p->location ? p->location : "");
            free(mods);
            csvw_end_row(&w);
        }
    }
    return csvw_finish(&w);
}

/* ---------------------------------------------------------------- iCalendar */

/* The calendar's time zone as a VTIMEZONE (RFC 5545 3.6.5), from what the
 * standard library declares (schema time_zone; dk: Europe/Copenhagen, CET
 * and CEST). Written from those fields, never from the zoneinfo of the
 * machine making the file, so the same plan gives the same file anywhere.
 * Summer time starts on the last Sunday of one month and ends on the last
 * Sunday of another: an RRULE each, from its first such day in 1970. */
static void tz_offset(SBuf *b, int minutes)
{
    char t[16];
    snprintf(t, sizeof t, "%c%02d%02d", minutes < 0 ? '-' : '+', abs(minutes) / 60, abs(minutes) % 60);
    sb_puts(b, t);
}

static void tz_part(SBuf *b, const char *kind, int from, int to, const char *name, int month, int at)
{
    /* The last Sunday of `month` in 1970. */
    int32_t day = civil_days(1970, month, civil_month_days(1970, month));
    while (civil_weekday(day) != 6)
        day--;
    int y, m, d;
    civil_date(day, &y, &m, &d);
    char t[96];
    sb_puts(b, "BEGIN:");
    sb_puts(b, kind);
    sb_puts(b, "\r\nTZOFFSETFROM:");
    tz_offset(b, from);
    sb_puts(b, "\r\nTZOFFSETTO:");
    tz_offset(b, to);
    sb_puts(b, "\r\nTZNAME:");
    sb_puts(b, name);
    snprintf(t, sizeof t, "\r\nDTSTART:%04d%02d%02dT%02d%02d00\r\nRRULE:FREQ=YEARLY;BYMONTH=%d;BYDAY=-1SU\r\nEND:",
             y, m, d, at / 60, at % 60, month);
    sb_puts(b, t);
    sb_puts(b, kind);
    sb_puts(b, "\r\n");
}

static icalcomponent *vtimezone(const IcsLib *L, const PlanZone *z)
{
    Arena *a = arena_new();
    SBuf b = sb_new(a);
    sb_puts(&b, "BEGIN:VTIMEZONE\r\nTZID:");
    sb_puts(&b, z->name);
    sb_puts(&b, "\r\nX-LIC-LOCATION:");
    sb_puts(&b, z->name);
    sb_puts(&b, "\r\n");
    if (z->has_summer) {
        tz_part(&b, "DAYLIGHT", z->standard_offset, z->summer_offset, z->summer_name, z->summer_from,
                z->summer_from_at);
        tz_part(&b, "STANDARD", z->summer_offset, z->standard_offset, z->standard_name, z->summer_until,
                z->summer_until_at);
    } else {
        /* No summer time: one STANDARD part, in force since 1970. */
        sb_puts(&b, "BEGIN:STANDARD\r\nTZOFFSETFROM:");
        tz_offset(&b, z->standard_offset);
        sb_puts(&b, "\r\nTZOFFSETTO:");
        tz_offset(&b, z->standard_offset);
        sb_puts(&b, "\r\nTZNAME:");
        sb_puts(&b, z->standard_name);
        sb_puts(&b, "\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\n");
    }
    sb_puts(&b, "END:VTIMEZONE\r\n");
    icalcomponent *c = L->icalcomponent_new_from_string(sb_str(&b));
    arena_free(a);
    return c;
}

/* DTSTAMP: $SOURCE_DATE_EPOCH when it is a plain non-negative number of a
 * time libical can write (up to the year 3000), else now. */
static struct icaltimetype stamp_time(const IcsLib *L)
{
    icaltimezone *utc = L->icaltimezone_get_utc_timezone();
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (e && *e) {
        char *end;
        errno = 0;
        long long v = strtoll(e, &end, 10);
        if (errno == 0 && *end == '\0' && v >= 0 && e[0] != '-' && e[0] != '+' && v <= 32535215999LL /* 3000-12-31T23:59:59Z */) {
            struct icaltimetype t = L->icaltime_from_timet_with_zone((time_t)v, 0, utc);
            if (L->icaltime_is_valid_time(t))
                return t;
        }
    }
    return L->icaltime_from_timet_with_zone(time(NULL), 0, utc);
}

static struct icaltimetype ical_date(const IcsLib *L, int32_t d)
{
    struct icaltimetype t = L->icaltime_null_date();
    civil_date(d, &t.year, &t.month, &t.day);
    return t;
}

/* Local (floating) date-time; the caller adds the TZID parameter. A time of
 * 24:00 or later rolls over into the next day. */
static struct icaltimetype ical_local(const IcsLib *L, int32_t d, int minutes)
{
    struct icaltimetype t = L->icaltime_null_time();
    d += minutes / (24 * 60);
    minutes %= 24 * 60;
    civil_date(d, &t.year, &t.month, &t.day);
    t.hour = minutes / 60;
    t.minute = minutes % 60;
    t.second = 0;
    t.is_date = 0;
    return t;
}

/* libical writes a date it holds invalid — a year after 3000 — as
 * 00000000T000000, a file calendar programs reject or misread
 * (icaltime_is_valid_time: years 0 to 3000). The first day of the plan the
 * file would need and cannot hold, every date and date-time the writer
 * makes checked as it makes them; false when there is none. */
static bool ics_unwritable(const IcsLib *L, const Plan *p, int32_t *bad)
{
    for (int i = 0; i < p->nsessions; i++) {
        const Session *s = &p->sessions[i];
        struct icaltimetype t[2] = {ical_local(L, s->date, s->start), ical_local(L, s->date, s->end)};
        for (int k = 0; k < 2; k++)
            if (!L->icaltime_is_valid_time(t[k])) {
                *bad = civil_days(t[k].year, t[k].month, t[k].day);
                return true;
            }
    }
    if (!p->has_practicum)
        return false;
    /* The practicum's DTEND is the day after its last. */
    int32_t days[] = {p->practicum_start, p->practicum_end + 1};
    for (int k = 0; k < 2; k++)
        if (!L->icaltime_is_valid_time(ical_date(L, days[k]))) {
            *bad = days[k];
            return true;
        }
    for (int i = 0; i < p->nfollow_up; i++) {
        int32_t d = p->follow_up[i];
        struct icaltimetype t[2] = {ical_date(L, d), ical_date(L, d + 1)};
        if (p->nsessions > 0) {
            t[0] = ical_local(L, d, p->sessions[0].start);
            t[1] = ical_local(L, d, p->sessions[0].end);
        }
        for (int k = 0; k < 2; k++)
            if (!L->icaltime_is_valid_time(t[k])) {
                *bad = civil_days(t[k].year, t[k].month, t[k].day);
                return true;
            }
    }
    return false;
}

bool plan_ics_check(const Plan *p, Diags *d)
{
    if (!p->zone) {
        Value *cal = plan_schedule_value(p, "calendar");
        Span sp = cal ? cal->span : p->schedule ? p->schedule->name_span : span_none();
        diag_error(d, sp, "%s", _("an iCalendar file needs the calendar's time zone, and this calendar declares none"));
        diag_help(d, "%s", _("give the calendar a time_zone block (see the standard calendar dk), or extend dk"));
        return false;
    }
    if (p->zone->summer_partial) {
        Value *cal = plan_schedule_value(p, "calendar");
        Span sp = cal ? cal->span : p->schedule ? p->schedule->name_span : span_none();
        diag_error(d, sp, "%s", _("the calendar's time zone gives summer time only in part"));
        diag_help(d, "%s", _("give all of summer_name, summer_offset, summer_from, summer_from_at, summer_until and "
                             "summer_until_at (months 1 to 12), or none of them"));
        return false;
    }
    IcsLib L;
    char why[256];
    if (!icslib_open(&L, why, sizeof why)) {
        /* Not a crash at the first call: the file is not written, and the
         * person who runs it learns what is missing. */
        diag_error(d, span_none(), _("cannot write an iCalendar file: the iCalendar library %s could not be loaded (%s)"),
                   icslib_name(), why);
        diag_help(d, "%s", _("install libical (on Debian and Ubuntu the package libical3), or write the plan with "
                             "--format text, json or csv"));
        return false;
    }
    int32_t bad;
    bool unwritable = ics_unwritable(&L, p, &bad);
    icslib_close(&L);
    if (!unwritable)
        return true;
    Value *start = plan_schedule_value(p, "start");
    Span sp = start ? start->span : p->schedule ? p->schedule->name_span : span_none();
    char b[32];
    diag_error(d, sp, _("an iCalendar file cannot hold this plan: it needs %s, and iCalendar holds dates up to 3000-12-31"),
               plan_fmt_date(b, sizeof b, bad));
    diag_help(d, _("start the schedule earlier, or write the plan with --format text, json or csv"));
    return false;
}

static void add_local(const IcsLib *L, const Plan *p, icalcomponent *ev, icalproperty *prop)
{
    L->icalproperty_add_parameter(prop, L->icalparameter_new_tzid(p->zone->name));
    L->icalcomponent_add_property(ev, prop);
}

/* A VEVENT with the UID "<schedule>-<course>-<what>@ramme" and DTSTAMP. */
static icalcomponent *new_event(const IcsLib *L, const Plan *p, const char *what, struct icaltimetype stamp)
{
    const char *sn = plan_block_name(p->schedule), *cn = plan_block_name(p->course);
    size_t n = strlen(sn) + strlen(cn) + strlen(what) + sizeof "--@ramme";
    char *uid = malloc(n);
    if (!uid)
        return NULL;
    snprintf(uid, n, "%s-%s-%s@ramme", sn, cn, what);
    icalcomponent *ev = L->icalcomponent_new_vevent();
    L->icalcomponent_add_property(ev, L->icalproperty_new_uid(uid));
    L->icalcomponent_add_property(ev, L->icalproperty_new_dtstamp(stamp));
    free(uid);
    return ev;
}

/* TEXT values (RFC 5545 3.3.11) may hold no control character but a tab;
 * libical escapes line breaks as \n and writes any other control character
 * as it is. Each value goes through esc_text_lines (in `a`), which keeps
 * line breaks and tabs and escapes the rest as text output does (ESC as
 * \u{1b}), bytes that are not UTF-8 as U+FFFD. */
static const char *ics_text(Arena *a, const char *s)
{
    return esc_text_lines(a, s);
}

static void add_summary(const IcsLib *L, icalcomponent *ev, Arena *a, const char *title, const char *what)
{
    /* TRANSLATORS: an event's title in a calendar: the course's title, then what it is */
    const char *s = arena_printf(a, _("%s: %s"), title, what);
    L->icalcomponent_add_property(ev, L->icalproperty_new_summary(ics_text(a, s)));
}

/* The modules' titles, one per line, for DESCRIPTION; NULL when none has one. */
static char *module_titles(const Session *s)
{
    size_t n = 1;
    bool any = false;
    for (int i = 0; i < s->nmodules; i++) {
        const Block *m = s->modules[i];
        n += strlen(plan_block_name(m)) + (m && m->title ? strlen(m->title) + 1 : 0) + 1;
        any = any || (m && m->title);
    }
    if (!any)
        return NULL;
    char *buf = malloc(n);
    if (!buf)
        return NULL;
    buf[0] = '\0';
    for (int i = 0; i < s->nmodules; i++) {
        const Block *m = s->modules[i];
        if (i)
            strcat(buf, "\n");
        strcat(buf, plan_block_name(m));
        if (m && m->title && m->name) {
            strcat(buf, " ");
            strcat(buf, m->title);
        }
    }
    return buf;
}

static int add_sessions(const IcsLib *L, icalcomponent *cal, Arena *a, const Plan *p, const char *title, struct icaltimetype stamp)
{
    for (int i = 0; i < p->nsessions; i++) {
        const Session *s = &p->sessions[i];
        char what[48];
        snprintf(what, sizeof what, "session-%d", s->number);
        icalcomponent *ev = new_event(L, p, what, stamp);
        char *mods = module_list(s);
        if (!ev || !mods) {
            if (ev)
                L->icalcomponent_free(ev);
            free(mods);
            return -1;
        }
        add_local(L, p, ev, L->icalproperty_new_dtstart(ical_local(L, s->date, s->start)));
        add_local(L, p, ev, L->icalproperty_new_dtend(ical_local(L, s->date, s->end)));
        if (*mods) {
            add_summary(L, ev, a, title, mods);
        } else {
            snprintf(what, sizeof what, _("session %d"), s->number);
            add_summary(L, ev, a, title, what);
        }
        free(mods);
        char *desc = module_titles(s);
        if (desc) {
            L->icalcomponent_add_property(ev, L->icalproperty_new_description(ics_text(a, desc)));
            free(desc);
        }
        if (p->location)
            L->icalcomponent_add_property(ev, L->icalproperty_new_location(ics_text(a, p->location)));
        L->icalcomponent_add_component(cal, ev);
    }
    return 0;
}

static int add_practicum(const IcsLib *L, icalcomponent *cal, Arena *a, const Plan *p, const char *title, struct icaltimetype stamp)
{
    if (!p->has_practicum)
        return 0;
    icalcomponent *ev = new_event(L, p, "practicum", stamp);
    if (!ev)
        return -1;
    L->icalcomponent_add_property(ev, L->icalproperty_new_dtstart(ical_date(L, p->practicum_start)));
    /* DTEND of an all-day event is exclusive: the day after the last one. */
    L->icalcomponent_add_property(ev, L->icalproperty_new_dtend(ical_date(L, p->practicum_end + 1)));
    add_summary(L, ev, a, title, _("practicum"));
    /* A weeks-long span should not mark the whole calendar busy. */
    L->icalcomponent_add_property(ev, L->icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    L->icalcomponent_add_component(cal, ev);

    for (int i = 0; i < p->nfollow_up; i++) {
        char what[48];
        snprintf(what, sizeof what, "follow-up-%d", i + 1);
        ev = new_event(L, p, what, stamp);
        if (!ev)
            return -1;
        int32_t d = p->follow_up[i];
        if (p->nsessions > 0) {
            add_local(L, p, ev, L->icalproperty_new_dtstart(ical_local(L, d, p->sessions[0].start)));
            add_local(L, p, ev, L->icalproperty_new_dtend(ical_local(L, d, p->sessions[0].end)));
        } else {
            L->icalcomponent_add_property(ev, L->icalproperty_new_dtstart(ical_date(L, d)));
            L->icalcomponent_add_property(ev, L->icalproperty_new_dtend(ical_date(L, d + 1)));
        }
        add_summary(L, ev, a, title, _("follow-up day in the practicum"));
        if (p->location)
            L->icalcomponent_add_property(ev, L->icalproperty_new_location(ics_text(a, p->location)));
        L->icalcomponent_add_component(cal, ev);
    }
    return 0;
}

static void add_x(const IcsLib *L, icalcomponent *cal, const char *name, const char *value)
{
    icalproperty *x = L->icalproperty_new_x(value);
    L->icalproperty_set_x_name(x, name);
    L->icalcomponent_add_property(cal, x);
}

int plan_ics(FILE *out, const Plan *p, const char *course_title)
{
    return plan_ics_many(out, &p, 1, course_title);
}

/* plan_ics_many with libical loaded. */
static int ics_write(const IcsLib *L, FILE *out, const Plan *const *plans, int n, const char *course_title)
{
    const Plan *p = plans[0];
    const char *title = course_title ? course_title
                      : p->course && p->course->title ? p->course->title : plan_block_name(p->course);
    int32_t bad;
    for (int k = 0; k < n; k++)
        if (!plans[k]->zone || plans[k]->zone->summer_partial || ics_unwritable(L, plans[k], &bad))
            return -1; /* the caller reports it with plan_ics_check */
    icalcomponent *tz = vtimezone(L, p->zone);
    if (!tz)
        return -1;
    Arena *a = arena_new();
    icalcomponent *cal = L->icalcomponent_new_vcalendar();
    L->icalcomponent_add_property(cal, L->icalproperty_new_version("2.0"));
    L->icalcomponent_add_property(cal, L->icalproperty_new_prodid("-//ramme//ramme schedule//DA"));
    L->icalcomponent_add_property(cal, L->icalproperty_new_calscale("GREGORIAN"));
    L->icalcomponent_add_property(cal, L->icalproperty_new_method(ICAL_METHOD_PUBLISH));
    add_x(L, cal, "X-WR-CALNAME", ics_text(a, title));
    add_x(L, cal, "X-WR-TIMEZONE", p->zone->name);
    L->icalcomponent_add_component(cal, tz);

    struct icaltimetype stamp = stamp_time(L);
    int rc = 0;
    /* One time zone for the file: every plan of a proposal shares the
     * plan's calendar, so its zone is the first one's. */
    for (int k = 0; k < n && rc == 0; k++) {
        rc = add_sessions(L, cal, a, plans[k], title, stamp);
        if (rc == 0)
            rc = add_practicum(L, cal, a, plans[k], title, stamp);
    }
    char *text = rc == 0 ? L->icalcomponent_as_ical_string_r(cal) : NULL;
    L->icalcomponent_free(cal);
    arena_free(a);
    if (!text)
        return -1;
    if (fputs(text, out) == EOF)
        rc = -1;
    L->icalmemory_free_buffer(text);
    if (fflush(out) != 0 || ferror(out))
        rc = -1;
    return rc;
}

int plan_ics_many(FILE *out, const Plan *const *plans, int n, const char *course_title)
{
    if (n < 1)
        return -1;
    IcsLib L;
    char why[256];
    if (!icslib_open(&L, why, sizeof why))
        return -1; /* plan_ics_check says why */
    int rc = ics_write(&L, out, plans, n, course_title);
    icslib_close(&L);
    return rc;
}
