/* test_plan_out.c — a Plan built by hand (three sessions across the 2025
 * summer-time change, a skipped day, a practicum with a follow-up day, a
 * failing check) rendered as text, JSON, CSV and iCalendar. The ICS is read
 * back with libical and, when python3-icalendar is installed, with
 * tests/ics/readback.py. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "emit/plan_out.h"

#include <jansson.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


/* The blocks a Plan points at. The schedule has a one-field schema so the
 * header can name its calendar; the other blocks have none. */
static Block cal = {.name = "dk", .title = "Danmark"};
static Value cal_val = {.k = V_REF, .u = {.ref = &cal}};
static Field cal_field = {.name = "calendar", .index = 0};
static Field *sched_fields[] = {&cal_field};
static Schema sched_schema = {.name = "schedule", .fields = sched_fields, .nfields = 1};
static Value *sched_vals[] = {&cal_val};
static Block sched = {.schema = &sched_schema, .name = "frederikshavn_2025", .vals = sched_vals};
static Block course = {.name = "frederikshavn", .title = "Peer-uddannelse"};
static Block m1 = {.name = "m1", .title = "Peer-faglighed og erfaringskompetence"};
static Block m2 = {.name = "m2", .title = "Recovery og empowerment"};
static Block odd = {.name = "a,\"b\""}; /* a comma and a quote: CSV must quote */

static Block *mods1[] = {&m1};
static Block *mods2[] = {&m1, &m2};
static Block *mods3[] = {&odd};

static Session sessions[3];
static Skipped skipped[1];
static WeekLoad weeks[2];
static int32_t follow[1];
static const char *explain[] = {"ISO weeks spanned: 13..14 (2)", "theory.weeks = 13"};
static ScheduleCheck checks[2];

static Session session(int n, int y, int m, int d, int start, int end, double cum, Block **mods, int nmods)
{
    Session s = {0};
    s.number = n;
    s.date = civil_days(y, m, d);
    s.start = start;
    s.end = end;
    s.hours = (end - start) / 60.0;
    s.cumulative = cum;
    civil_iso_week(s.date, &s.iso_year, &s.iso_week);
    s.weekday = civil_weekday(s.date);
    s.modules = mods;
    s.nmodules = nmods;
    return s;
}

/* Danish time, as stdlib/dk.ramme declares it (schema time_zone). */
static const PlanZone copenhagen = {"Europe/Copenhagen", "CET", 60, true, "CEST", 120, 3, 2 * 60, 10, 3 * 60, false};

static Plan make_plan(void)
{
    sessions[0] = session(1, 2025, 3, 27, 9 * 60, 12 * 60, 3, mods1, 1);   /* CET, week 13 */
    sessions[1] = session(2, 2025, 3, 31, 9 * 60, 12 * 60, 6, mods2, 2);   /* CEST, week 14 */
    sessions[2] = session(3, 2025, 4, 3, 9 * 60, 10 * 60 + 30, 7.5, mods3, 1);
    skipped[0] = (Skipped){civil_days(2025, 3, 24), "Studiedag"};
    weeks[0] = (WeekLoad){2025, 13, 3};
    weeks[1] = (WeekLoad){2025, 14, 4.5};
    follow[0] = civil_days(2025, 4, 22);
    checks[0] = (ScheduleCheck){"schedule.weeks", NULL, SEV_WARNING, ST_FAIL,
                                "the plan spans 2 ISO weeks; the design says 13", explain, 2};
    checks[1] = (ScheduleCheck){"schedule.hours", NULL, SEV_ERROR, ST_PASS, "7.5 hours placed", NULL, 0};
    Plan p = {0};
    p.schedule = &sched;
    p.course = &course;
    p.location = "Peer-huset, Frederikshavn";
    p.sessions = sessions;
    p.nsessions = 3;
    p.skipped = skipped;
    p.nskipped = 1;
    p.weeks = weeks;
    p.nweeks = 2;
    p.has_practicum = true;
    p.practicum_start = civil_days(2025, 4, 7);
    p.practicum_end = civil_days(2025, 5, 2);
    p.follow_up = follow;
    p.nfollow_up = 1;
    p.checks = checks;
    p.nchecks = 2;
    p.zone = &copenhagen;
    return p;
}

/* What a render function wrote, as a malloc'd string. */
typedef struct Mem {
    char *buf;
    size_t len;
    FILE *f;
} Mem;

static FILE *mem_open(Mem *m)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    assert_non_null(m->f);
    return m->f;
}

static char *mem_close(Mem *m)
{
    assert_int_equal(fclose(m->f), 0);
    return m->buf;
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle))
        fail_msg("expected to find\n%s\nin\n%s", needle, hay);
}

/* ---------------------------------------------------------------- text */

static void test_text(void **state)
{
    (void)state;
    Plan p = make_plan();
    Mem m;
    plan_text(mem_open(&m), &p, false);
    char *t = mem_close(&m);
    assert_contains(t, "course frederikshavn \"Peer-uddannelse\"\n");
    assert_contains(t, "  schedule  frederikshavn_2025\n");
    assert_contains(t, "  calendar  dk \"Danmark\"\n");
    assert_contains(t, "  location  Peer-huset, Frederikshavn\n");
    assert_contains(t, "  #  date        weekday   time         hours  total  week  modules\n");
    assert_contains(t, "  1  2025-03-27  Thursday  09:00–12:00      3      3    13  m1\n");
    assert_contains(t, "  2  2025-03-31  Monday    09:00–12:00      3      6    14  m1, m2\n");
    assert_contains(t, "  3  2025-04-03  Thursday  09:00–10:30    1.5    7.5    14  a,\"b\"\n");
    assert_contains(t, "  3 sessions, 7.5 hours, ISO weeks 13–14 (2 weeks)\n");
    assert_contains(t, "\nDays that fell out\n  2025-03-24  Monday  Studiedag\n");
    assert_contains(t, "\nPracticum\n  2025-04-07 – 2025-05-02  (26 days)\n");
    assert_contains(t, "  follow-up days:\n    2025-04-22  Tuesday\n");
    assert_contains(t, "\nHours per ISO week\n  2025  w13: 3     w14: 4.5\n");
    assert_contains(t, "\nChecks\n  FAIL    warning  schedule.weeks\n");
    assert_contains(t, "                   the plan spans 2 ISO weeks; the design says 13\n");
    assert_contains(t, "                   theory.weeks = 13\n");
    assert_contains(t, "  pass    error    schedule.hours\n");
    assert_null(strstr(t, "7.5 hours placed")); /* a passing check shows no message */
    assert_null(strstr(t, "\033"));
    free(t);

    plan_text(mem_open(&m), &p, true);
    t = mem_close(&m);
    assert_contains(t, "\033[1;35mFAIL   \033[0m warning  schedule.weeks");
    free(t);
}

/* The weekday column is as wide as its longest name (padded by display
 * width: the Danish names with ø are test_i18n's). */
static void test_text_alignment(void **state)
{
    (void)state;
    Plan p = make_plan();
    Session s[2];
    s[0] = session(9, 2025, 3, 29, 9 * 60, 12 * 60, 3, mods1, 1);  /* Saturday */
    s[1] = session(10, 2025, 3, 30, 9 * 60, 12 * 60, 6, mods1, 1); /* Sunday */
    p.sessions = s;
    p.nsessions = 2;
    Mem m;
    plan_text(mem_open(&m), &p, false);
    char *t = mem_close(&m);
    assert_contains(t, "   #  date        weekday   time         hours  total  week  modules\n");
    assert_contains(t, "   9  2025-03-29  Saturday  09:00–12:00      3      3    13  m1\n");
    assert_contains(t, "  10  2025-03-30  Sunday    09:00–12:00      3      6    13  m1\n");
    free(t);
}

/* ---------------------------------------------------------------- JSON */

/* The plan's JSON as plan_json writes it, read back. */
static json_t *plan_doc(const Plan *p)
{
    Mem m;
    assert_int_equal(plan_json(mem_open(&m), p), 0);
    char *s = mem_close(&m);
    json_error_t err;
    json_t *back = json_loads(s, 0, &err);
    free(s);
    assert_non_null(back);
    return back;
}

static const char *str(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    assert_true(json_is_string(v));
    return json_string_value(v);
}

static void test_json(void **state)
{
    (void)state;
    Plan p = make_plan();
    json_t *j = plan_doc(&p);
    assert_int_equal(json_integer_value(json_object_get(j, "version")), 1);
    assert_string_equal(str(j, "schedule"), "frederikshavn_2025");
    assert_string_equal(str(j, "course"), "frederikshavn");

    json_t *ss = json_object_get(j, "sessions");
    assert_int_equal(json_array_size(ss), 3);
    json_t *s0 = json_array_get(ss, 0);
    assert_int_equal(json_integer_value(json_object_get(s0, "number")), 1);
    assert_string_equal(str(s0, "date"), "2025-03-27");
    assert_string_equal(str(s0, "start"), "09:00");
    assert_string_equal(str(s0, "end"), "12:00");
    assert_true(json_is_integer(json_object_get(s0, "hours")));
    assert_int_equal(json_integer_value(json_object_get(s0, "hours")), 3);
    assert_int_equal(json_integer_value(json_object_get(s0, "week")), 13);
    assert_string_equal(str(s0, "location"), "Peer-huset, Frederikshavn");
    assert_string_equal(str(s0, "weekday"), "thu"); /* the language's word, in any --lang */
    json_t *mods = json_object_get(json_array_get(ss, 1), "modules");
    assert_int_equal(json_array_size(mods), 2);
    assert_string_equal(json_string_value(json_array_get(mods, 0)), "m1");
    assert_string_equal(json_string_value(json_array_get(mods, 1)), "m2");
    json_t *s2 = json_array_get(ss, 2);
    assert_true(json_is_real(json_object_get(s2, "hours")));
    assert_true(json_real_value(json_object_get(s2, "hours")) == 1.5);
    assert_true(json_number_value(json_object_get(s2, "cumulative_hours")) == 7.5);
    assert_string_equal(str(s2, "end"), "10:30");

    json_t *sk = json_array_get(json_object_get(j, "skipped"), 0);
    assert_string_equal(str(sk, "date"), "2025-03-24");
    assert_string_equal(str(sk, "reason"), "Studiedag");

    json_t *pr = json_object_get(j, "practicum");
    assert_true(json_is_object(pr));
    assert_string_equal(str(pr, "start"), "2025-04-07");
    assert_string_equal(str(pr, "end"), "2025-05-02");
    json_t *fu = json_object_get(pr, "follow_up_days");
    assert_int_equal(json_array_size(fu), 1);
    assert_string_equal(json_string_value(json_array_get(fu, 0)), "2025-04-22");

    json_t *ch = json_object_get(j, "checks");
    assert_int_equal(json_array_size(ch), 2);
    json_t *c0 = json_array_get(ch, 0);
    assert_string_equal(str(c0, "rule"), "schedule.weeks");
    assert_string_equal(str(c0, "severity"), "warning");
    assert_string_equal(str(c0, "status"), "fail");
    assert_string_equal(str(c0, "message"), "the plan spans 2 ISO weeks; the design says 13");
    assert_int_equal(json_array_size(json_object_get(c0, "explain")), 2);
    assert_string_equal(str(json_array_get(ch, 1), "status"), "pass");
    json_decref(j);

    /* No practicum: null, not an empty object; no location: null. */
    p.has_practicum = false;
    p.location = NULL;
    j = plan_doc(&p);
    assert_true(json_is_null(json_object_get(j, "practicum")));
    assert_true(json_is_null(json_object_get(json_array_get(json_object_get(j, "sessions"), 0), "location")));
    json_decref(j);
}

/* ---------------------------------------------------------------- CSV */

static void test_csv(void **state)
{
    (void)state;
    Plan p = make_plan();
    Mem m;
    assert_int_equal(plan_csv(mem_open(&m), &p), 0);
    char *t = mem_close(&m);
    assert_string_equal(t,
        "\"number\",\"date\",\"weekday\",\"start\",\"end\",\"hours\",\"cumulative_hours\",\"iso_week\","
        "\"modules\",\"location\"\r\n"
        "\"1\",\"2025-03-27\",\"Thursday\",\"09:00\",\"12:00\",\"3\",\"3\",\"13\",\"m1\","
        "\"Peer-huset, Frederikshavn\"\r\n"
        "\"2\",\"2025-03-31\",\"Monday\",\"09:00\",\"12:00\",\"3\",\"6\",\"14\",\"m1, m2\","
        "\"Peer-huset, Frederikshavn\"\r\n"
        "\"3\",\"2025-04-03\",\"Thursday\",\"09:00\",\"10:30\",\"1.5\",\"7.5\",\"14\",\"a,\"\"b\"\"\","
        "\"Peer-huset, Frederikshavn\"\r\n");
    free(t);
}

/* OWASP's CSV-injection advice: a cell starting with = + - @, a tab or a
 * carriage return gets a ' in front, inside the quotes; others as they are. */
static void test_csv_injection(void **state)
{
    (void)state;
    static const struct { const char *location, *cell; } c[] = {
        {"=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\""},
        {"+45 1234", "\"'+45 1234\""},
        {"-2+3", "\"'-2+3\""},
        {"@SUM(A1:A2)", "\"'@SUM(A1:A2)\""},
        {"\t=1", "\"'\t=1\""},
        {"\r=1", "\"'\r=1\""},
        {"\"=1", "\"\"\"=1\""}, /* a quote first: not a formula */
        {"Peer-huset = 1", "\"Peer-huset = 1\""},
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        Plan p = make_plan();
        p.location = c[i].location;
        Mem m;
        assert_int_equal(plan_csv(mem_open(&m), &p), 0);
        char *t = mem_close(&m);
        char want[64];
        snprintf(want, sizeof want, ",%s\r\n", c[i].cell);
        assert_non_null(strstr(t, want));
        free(t);
    }
}

static void test_csv_write_error(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    Plan p = make_plan();
    assert_int_equal(plan_csv(f, &p), -1);
    fclose(f);
}

/* ---------------------------------------------------------------- iCalendar */

static char *ics_text(const Plan *p, const char *title)
{
    setenv("SOURCE_DATE_EPOCH", "1735689600", 1); /* 2025-01-01T00:00:00Z */
    Mem m;
    assert_int_equal(plan_ics(mem_open(&m), p, title), 0);
    return mem_close(&m);
}

/* Every line CRLF-terminated and at most 75 octets. */
static void assert_lines_ok(const char *t)
{
    const char *line = t;
    for (const char *c = t; *c; c++) {
        if (*c == '\n') {
            assert_true(c > t && c[-1] == '\r');
            assert_true(c - 1 - line <= 75);
            line = c + 1;
        }
    }
    assert_true(*line == '\0'); /* ends with CRLF */
}

static void test_ics(void **state)
{
    (void)state;
    Plan p = make_plan();
    char *t = ics_text(&p, "Peer-uddannelse");
    assert_lines_ok(t);
    assert_int_equal(strncmp(t, "BEGIN:VCALENDAR\r\n", 17), 0);
    assert_contains(t, "\r\nVERSION:2.0\r\n");
    assert_contains(t, "\r\nPRODID:-//ramme//ramme schedule//DA\r\n");
    assert_contains(t, "\r\nCALSCALE:GREGORIAN\r\n");
    /* The time zone travels with the file. */
    assert_contains(t, "\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n");
    assert_contains(t, "\r\nTZOFFSETTO:+0200\r\n");
    assert_contains(t, "\r\nTZOFFSETTO:+0100\r\n");
    assert_contains(t, "BYMONTH=3");
    assert_contains(t, "BYMONTH=10");
    assert_contains(t, "BYDAY=-1SU");
    /* Sessions in local time on both sides of the change (2025-03-30). */
    assert_contains(t, "\r\nDTSTART;TZID=Europe/Copenhagen:20250327T090000\r\n");
    assert_contains(t, "\r\nDTEND;TZID=Europe/Copenhagen:20250327T120000\r\n");
    assert_contains(t, "\r\nDTSTART;TZID=Europe/Copenhagen:20250331T090000\r\n");
    assert_contains(t, "\r\nDTEND;TZID=Europe/Copenhagen:20250403T103000\r\n");
    assert_contains(t, "\r\nUID:frederikshavn_2025-frederikshavn-session-1@ramme\r\n");
    assert_contains(t, "\r\nUID:frederikshavn_2025-frederikshavn-session-3@ramme\r\n");
    assert_contains(t, "\r\nDTSTAMP:20250101T000000Z\r\n");
    assert_contains(t, "\r\nSUMMARY:Peer-uddannelse: m1\\, m2\r\n");
    assert_contains(t, "\r\nLOCATION:Peer-huset\\, Frederikshavn\r\n");
    /* The practicum: all day, DTEND the day after the last (exclusive). */
    assert_contains(t, "\r\nUID:frederikshavn_2025-frederikshavn-practicum@ramme\r\n");
    assert_contains(t, "\r\nDTSTART;VALUE=DATE:20250407\r\n");
    assert_contains(t, "\r\nDTEND;VALUE=DATE:20250503\r\n");
    /* The follow-up day at the sessions' time. */
    assert_contains(t, "\r\nUID:frederikshavn_2025-frederikshavn-follow-up-1@ramme\r\n");
    assert_contains(t, "\r\nDTSTART;TZID=Europe/Copenhagen:20250422T090000\r\n");
    assert_contains(t, "\r\nSUMMARY:Peer-uddannelse: follow-up day in the practicum\r\n");

    /* Same input, same bytes. */
    char *again = ics_text(&p, "Peer-uddannelse");
    assert_string_equal(t, again);
    free(again);

    /* libical reads it back, and the file's own zone gives CET then CEST. */
    icalcomponent *ic = icalcomponent_new_from_string(t);
    assert_non_null(ic);
    assert_int_equal(icalcomponent_count_components(ic, ICAL_VEVENT_COMPONENT), 5);
    icalcomponent *vtz = icalcomponent_get_first_component(ic, ICAL_VTIMEZONE_COMPONENT);
    assert_non_null(vtz);
    icaltimezone *zone = icaltimezone_new();
    assert_int_equal(icaltimezone_set_component(zone, icalcomponent_new_clone(vtz)), 1);
    struct icaltimetype before = icaltime_from_string("20250327T090000");
    struct icaltimetype after = icaltime_from_string("20250331T090000");
    struct icaltimetype winter = icaltime_from_string("20251027T090000");
    int dst;
    assert_int_equal(icaltimezone_get_utc_offset(zone, &before, &dst), 3600);
    assert_int_equal(icaltimezone_get_utc_offset(zone, &after, &dst), 7200);
    assert_int_equal(icaltimezone_get_utc_offset(zone, &winter, &dst), 3600);
    icaltimezone_free(zone, 1);
    icalcomponent_free(ic);
    free(t);
}

/* A long summary folds at 75 octets without splitting a character; a session
 * without modules is "session N"; no location, no LOCATION. */
static void test_ics_fold_and_fallbacks(void **state)
{
    (void)state;
    Plan p = make_plan();
    Session s = session(1, 2025, 10, 27, 9 * 60, 12 * 60, 3, NULL, 0);
    p.sessions = &s;
    p.nsessions = 1;
    p.location = NULL;
    p.has_practicum = false;
    char *t = ics_text(&p, NULL); /* the course's title */
    assert_lines_ok(t);
    assert_contains(t, "\r\nSUMMARY:Peer-uddannelse: session 1\r\n");
    assert_contains(t, "\r\nDTSTART;TZID=Europe/Copenhagen:20251027T090000\r\n");
    assert_null(strstr(t, "\r\nLOCATION:"));
    assert_null(strstr(t, "practicum@"));
    free(t);

    t = ics_text(&p, "Uddannelse til peer-medarbejder i psykiatrien: særligt for de øvrige æøå-bogstaver");
    assert_lines_ok(t);
    assert_contains(t, "\r\n "); /* folded */
    /* Each physical line is valid UTF-8 on its own: no continuation byte starts a fold. */
    for (const char *c = strstr(t, "\r\n "); c; c = strstr(c + 1, "\r\n "))
        assert_true(((unsigned char)c[3] & 0xC0) != 0x80);
    free(t);
}

/* RFC 5545 TEXT holds no control character but HTAB: a title and a
 * location with ESC, BEL and CR come out escaped as in text output, a line
 * break as iCalendar's \n; a byte that is not UTF-8 as U+FFFD. */
static void test_ics_control_characters(void **state)
{
    (void)state;
    Plan p = make_plan();
    p.location = "Huset\x1b]0;x\x07\r\nstue\xff";
    char *t = ics_text(&p, "Kursus\x1b[2J");
    for (const char *c = t; *c; c++) {
        unsigned char u = (unsigned char)*c;
        bool ok = u >= 0x20 ? u != 0x7F : u == '\t' || (u == '\r' && c[1] == '\n') || (u == '\n' && c > t && c[-1] == '\r');
        if (!ok)
            fail_msg("control character 0x%02X at offset %d", u, (int)(c - t));
    }
    assert_non_null(strstr(t, "LOCATION:Huset\\\\u{1b}]0\\;x\\\\u{7}\\\\u{d}\\nstue\xEF\xBF\xBD\r\n"));
    assert_non_null(strstr(t, "X-WR-CALNAME:Kursus\\\\u{1b}[2J\r\n"));
    free(t);
}

/* The VTIMEZONE is the calendar's, written from its fields: Copenhagen's
 * two parts from the last Sundays of March and October 1970; a zone without
 * summer time has one STANDARD part; a calendar with none cannot be written
 * (plan_ics_check says so). */
static void test_ics_time_zone(void **state)
{
    (void)state;
    Plan p = make_plan();
    char *t = ics_text(&p, NULL);
    assert_non_null(strstr(t, "BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"));
    assert_non_null(strstr(t, "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
                              "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"));
    assert_non_null(strstr(t, "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
                              "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"));
    assert_non_null(strstr(t, "DTSTART;TZID=Europe/Copenhagen:20250327T090000"));
    free(t);
    static const PlanZone reykjavik = {"Atlantic/Reykjavik", "GMT", 0, false, NULL, 0, 0, 0, 0, 0, false};
    p.zone = &reykjavik;
    t = ics_text(&p, NULL);
    assert_non_null(strstr(t, "TZID:Atlantic/Reykjavik\r\n"));
    assert_non_null(strstr(t, "BEGIN:STANDARD\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\n"));
    assert_null(strstr(t, "DAYLIGHT"));
    assert_non_null(strstr(t, "DTSTART;TZID=Atlantic/Reykjavik:20250327T090000"));
    free(t);
    p.zone = NULL;
    Diags d;
    diag_init(&d);
    assert_false(plan_ics_check(&p, &d));
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.items[0].msg, "time zone"));
    Mem m;
    assert_int_equal(plan_ics(mem_open(&m), &p, NULL), -1);
    t = mem_close(&m);
    assert_int_equal(strlen(t), 0);
    free(t);
    diag_free(&d);
}

/* libical writes a year after 3000 as 00000000T000000: plan_ics refuses to
 * write anything, and plan_ics_check says why, at the schedule. */
static void test_ics_year_3001(void **state)
{
    (void)state;
    Plan p = make_plan();
    p.has_practicum = false;
    Diags d;
    diag_init(&d);
    assert_true(plan_ics_check(&p, &d));
    assert_int_equal(d.errors, 0);
    sessions[2] = session(3, 3001, 1, 2, 9 * 60, 12 * 60, 9, mods1, 1);
    assert_false(plan_ics_check(&p, &d));
    assert_int_equal(d.errors, 1);
    assert_non_null(strstr(d.items[0].msg, "3001-01-02"));
    Mem m;
    assert_int_equal(plan_ics(mem_open(&m), &p, NULL), -1);
    char *t = mem_close(&m);
    assert_int_equal(strlen(t), 0);
    free(t);
    /* The practicum's exclusive end, the day after 3000-12-31, counts too. */
    p = make_plan();
    p.practicum_end = civil_days(3000, 12, 31);
    assert_false(plan_ics_check(&p, &d));
    assert_non_null(strstr(d.items[1].msg, "3001-01-01"));
    diag_free(&d);
}

static void test_ics_write_error(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    Plan p = make_plan();
    assert_int_equal(plan_ics(f, &p, NULL), -1);
    fclose(f);
}

/* The independent reader: Python's icalendar, if it is installed. */
static void test_ics_readback(void **state)
{
    (void)state;
    const char *script = RAMME_SRC_STDLIB "/../tests/ics/readback.py";
    if (access("/usr/bin/python3", X_OK) != 0 || access(script, R_OK) != 0 ||
        system("/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1") != 0)
        skip();
    Plan p = make_plan();
    char *t = ics_text(&p, "Peer-uddannelse");
    char path[] = "/tmp/ramme-plan-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(t, f);
    assert_int_equal(fclose(f), 0);
    free(t);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s' '%s' --expect-sessions 3", script, path);
    int ok = system(cmd);
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s' '%s' --expect-sessions 4 2>/dev/null", script, path);
    int wrong = system(cmd);
    unlink(path);
    assert_int_equal(ok, 0);
    assert_true(wrong != 0); /* and it does notice a wrong count */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_text_alignment),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_csv_injection),
        cmocka_unit_test(test_csv_write_error),
        cmocka_unit_test(test_ics),
        cmocka_unit_test(test_ics_fold_and_fallbacks),
        cmocka_unit_test(test_ics_control_characters),
        cmocka_unit_test(test_ics_time_zone),
        cmocka_unit_test(test_ics_year_3001),
        cmocka_unit_test(test_ics_write_error),
        cmocka_unit_test(test_ics_readback),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
