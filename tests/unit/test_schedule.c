/* test_schedule.c — the Danish calendar and the scheduler: Easter for every
 * year 1900–2100 against an independent table (python-dateutil, in
 * tests/unit/data), the closed days of 2023, 2024 and 2025 in full, ISO
 * weeks and month arithmetic, and plans across Easter, Christmas/New Year
 * and both daylight-saving changes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/compile.h"
#include "apps/schedule.h"
#include "engine/eval.h"

#include <unistd.h>

static int32_t D(int y, int m, int d) { return civil_days(y, m, d); }

static void test_easter_1900_2100(void **state)
{
    (void)state;
    FILE *f = fopen("tests/unit/data/easter-1900-2100.txt", "r");
    assert_non_null(f);
    int year, y, m, d, n = 0;
    while (fscanf(f, "%d %d-%d-%d", &year, &y, &m, &d) == 4) {
        assert_int_equal(year, y);
        assert_int_equal(civil_easter(year), D(y, m, d));
        n++;
    }
    fclose(f);
    assert_int_equal(n, 201);
}

static void test_weekday_and_iso_week(void **state)
{
    (void)state;
    assert_int_equal(civil_weekday(D(1970, 1, 1)), 3); /* Thursday */
    assert_int_equal(civil_weekday(D(2025, 2, 3)), 0); /* Monday */
    assert_int_equal(civil_weekday(D(2024, 12, 29)), 6);
    int iy, iw;
    civil_iso_week(D(2025, 2, 3), &iy, &iw);
    assert_int_equal(iw, 6);
    civil_iso_week(D(2024, 12, 30), &iy, &iw); /* belongs to 2025's week 1 */
    assert_int_equal(iy, 2025);
    assert_int_equal(iw, 1);
    civil_iso_week(D(2021, 1, 3), &iy, &iw); /* belongs to 2020's week 53 */
    assert_int_equal(iy, 2020);
    assert_int_equal(iw, 53);
    civil_iso_week(D(2026, 12, 31), &iy, &iw);
    assert_int_equal(iw, 53);
}

static void test_add_months(void **state)
{
    (void)state;
    assert_int_equal(civil_add_months(D(2025, 5, 13), 4), D(2025, 9, 13));
    assert_int_equal(civil_add_months(D(2025, 1, 31), 1), D(2025, 2, 28)); /* clamped */
    assert_int_equal(civil_add_months(D(2024, 1, 31), 1), D(2024, 2, 29));
    assert_int_equal(civil_add_months(D(2025, 11, 15), 3), D(2026, 2, 15));
    int y, m, d;
    civil_date(D(2000, 2, 29), &y, &m, &d);
    assert_int_equal(y * 10000 + m * 100 + d, 20000229);
}

typedef struct Fix {
    SourceSet ss;
    Diags d;
    Program *p;
    Arena *a;
} Fix;

static Fix *compile_src(const char *text)
{
    Fix *f = calloc(1, sizeof *f);
    src_init(&f->ss);
    diag_init(&f->d);
    CompileOptions co = {NULL, 0, 0, 0};
    f->p = compile_text("test.ramme", text, &co, &f->ss, &f->d);
    f->a = arena_new();
    return f;
}

static void fix_free(Fix *f)
{
    arena_free(f->a);
    compile_free(f->p);
    diag_free(&f->d);
    src_free(&f->ss);
    free(f);
}

static Block *decl(Fix *f, const char *kind, const char *name)
{
    return model_decl(f->p, model_schema(f->p, kind), name);
}

/* Every closed day of `year` in dk, as "MM-DD Name;" text. */
static char *closed_year(Fix *f, int year)
{
    Skipped *s;
    int n = sched_closed_days(f->p, decl(f, "calendar", "dk"), D(year, 1, 1), D(year, 12, 31), f->a, &s);
    char *out = arena_strdup(f->a, "");
    for (int i = 0; i < n; i++) {
        int y, m, d;
        civil_date(s[i].date, &y, &m, &d);
        out = arena_printf(f->a, "%s%02d-%02d %s;", out, m, d, s[i].reason);
    }
    return out;
}

static void test_holidays_2023_2024_2025(void **state)
{
    (void)state;
    Fix *f = compile_src("");
    assert_int_equal(f->d.errors, 0);
    assert_string_equal(closed_year(f, 2023),
                        "01-01 Nytårsdag;04-06 Skærtorsdag;04-07 Langfredag;04-09 Påskedag;04-10 2. påskedag;"
                        "05-05 Store bededag;05-18 Kristi himmelfartsdag;05-28 Pinsedag;05-29 2. pinsedag;"
                        "06-05 Grundlovsdag;12-24 Juleaftensdag;12-25 Juledag;12-26 2. juledag;12-31 Nytårsaftensdag;");
    /* Store bededag was abolished after 2023 (`until 2023`). */
    assert_string_equal(closed_year(f, 2024),
                        "01-01 Nytårsdag;03-28 Skærtorsdag;03-29 Langfredag;03-31 Påskedag;04-01 2. påskedag;"
                        "05-09 Kristi himmelfartsdag;05-19 Pinsedag;05-20 2. pinsedag;"
                        "06-05 Grundlovsdag;12-24 Juleaftensdag;12-25 Juledag;12-26 2. juledag;12-31 Nytårsaftensdag;");
    assert_string_equal(closed_year(f, 2025),
                        "01-01 Nytårsdag;04-17 Skærtorsdag;04-18 Langfredag;04-20 Påskedag;04-21 2. påskedag;"
                        "05-29 Kristi himmelfartsdag;06-05 Grundlovsdag;06-08 Pinsedag;06-09 2. pinsedag;"
                        "12-24 Juleaftensdag;12-25 Juledag;12-26 2. juledag;12-31 Nytårsaftensdag;");
    fix_free(f);
}

static const char *COURSE =
    "course c \"Kursus\" {\n"
    "  provider \"P\"; group_size 8\n"
    "  target t \"T\" { lived_experience }\n"
    "  theory { weeks %d; hours %dh; weekly_hours %s }\n"
    "  instructors { instructor i \"I\" { experiential_competence } }\n"
    "  practicum { length %s; follow_up_days 2 }\n"
    "}\n"
    "%s\n"
    "schedule s for c {\n"
    "  start %s; weekdays %s; time 09:00..12:00; location \"Huset\"\n"
    "%s"
    "}\n";

static Fix *plan_of(Plan *pl, int weeks, int hours, const char *weekly, const char *prac, const char *extra_decl,
                    const char *start, const char *days, const char *extra)
{
    char buf[4096];
    snprintf(buf, sizeof buf, COURSE, weeks, hours, weekly, prac, extra_decl, start, days, extra);
    Fix *f = compile_src(buf);
    assert_int_equal(f->d.errors, 0);
    assert_true(sched_plan(f->p, decl(f, "schedule", "s"), f->a, pl));
    return f;
}

static const ScheduleCheck *check(const Plan *pl, const char *id)
{
    for (int i = 0; i < pl->nchecks; i++)
        if (strcmp(pl->checks[i].id, id) == 0)
            return &pl->checks[i];
    fail_msg("no check %s", id);
    return NULL;
}

static void test_plan_across_easter(void **state)
{
    (void)state;
    Plan pl;
    /* Mondays and Thursdays from 2025-04-07: Skærtorsdag and 2. påskedag fall out. */
    Fix *f = plan_of(&pl, 3, 18, "6h..6h", "4 weeks", "", "2025-04-07", "mon, thu", "");
    assert_int_equal(pl.nsessions, 6);
    assert_int_equal(pl.nskipped, 2);
    assert_int_equal(pl.skipped[0].date, D(2025, 4, 17));
    assert_string_equal(pl.skipped[0].reason, "Skærtorsdag");
    assert_int_equal(pl.skipped[1].date, D(2025, 4, 21));
    assert_string_equal(pl.skipped[1].reason, "2. påskedag");
    assert_int_equal(pl.sessions[2].date, D(2025, 4, 14));
    assert_int_equal(pl.sessions[3].date, D(2025, 4, 24));
    /* Weeks 15..18: four ISO weeks against the declared three. */
    assert_int_equal(pl.nweeks, 4);
    assert_int_equal(check(&pl, "schedule.weeks")->status, ST_FAIL);
    assert_int_equal(check(&pl, "schedule.weekly_hours")->status, ST_FAIL);
    assert_int_equal(check(&pl, "schedule.hours")->status, ST_PASS);
    fix_free(f);
}

static void test_plan_across_christmas_and_new_year(void **state)
{
    (void)state;
    Plan pl;
    Fix *f = plan_of(&pl, 3, 15, "3h..9h", "2 weeks", "", "2025-12-22", "mon, wed, fri", "");
    /* 22 Dec (Mon) placed; 24, 26, 31 Dec and 1 Jan fall on teaching days... */
    int32_t want_skipped[] = {D(2025, 12, 24), D(2025, 12, 26), D(2025, 12, 31)};
    assert_true(pl.nskipped >= 3);
    for (int i = 0; i < 3; i++)
        assert_int_equal(pl.skipped[i].date, want_skipped[i]);
    assert_int_equal(pl.sessions[0].date, D(2025, 12, 22));
    assert_int_equal(pl.sessions[1].date, D(2025, 12, 29));
    assert_int_equal(pl.sessions[2].date, D(2026, 1, 2));
    /* ISO weeks across the year boundary count once each. */
    assert_int_equal(pl.sessions[2].iso_year, 2026);
    assert_int_equal(pl.sessions[2].iso_week, 1);
    fix_free(f);
}

static void test_plan_across_dst(void **state)
{
    (void)state;
    Plan pl;
    /* 2025-03-30 and 2025-10-26 change the UTC offset; 09:00 stays 09:00. */
    Fix *f = plan_of(&pl, 2, 12, "6h..6h", "1 week", "", "2025-03-24", "mon, wed", "");
    for (int i = 0; i < pl.nsessions; i++) {
        assert_int_equal(pl.sessions[i].start, 9 * 60);
        assert_int_equal(pl.sessions[i].end, 12 * 60);
    }
    assert_int_equal(pl.sessions[2].date, D(2025, 3, 31));
    fix_free(f);
    f = plan_of(&pl, 2, 12, "6h..6h", "1 week", "", "2025-10-20", "mon, wed", "");
    assert_int_equal(pl.sessions[2].date, D(2025, 10, 27));
    assert_int_equal(pl.sessions[2].start, 9 * 60);
    assert_int_equal(check(&pl, "schedule.weeks")->status, ST_PASS);
    assert_int_equal(check(&pl, "schedule.weekly_hours")->status, ST_PASS);
    fix_free(f);
}

static void test_weekly_load_boundaries(void **state)
{
    (void)state;
    Plan pl;
    /* Exactly at the ends of the range passes; one hour short fails. */
    Fix *f = plan_of(&pl, 2, 12, "6h..6h", "1 week", "", "2025-09-01", "mon, wed", "");
    assert_int_equal(check(&pl, "schedule.weekly_hours")->status, ST_PASS);
    fix_free(f);
    f = plan_of(&pl, 2, 12, "7h..12h", "1 week", "", "2025-09-01", "mon, wed", "");
    assert_int_equal(check(&pl, "schedule.weekly_hours")->status, ST_FAIL);
    /* Both weeks fail, each with its hours (the rule is stdlib/schedule.ramme's). */
    assert_int_equal(check(&pl, "schedule.weekly_hours")->nexplain, 3);
    assert_string_equal(check(&pl, "schedule.weekly_hours")->explain[0], "not true for 2 of 2: 2025-W36, 2025-W37");
    assert_string_equal(check(&pl, "schedule.weekly_hours")->explain[1],
                        "w = 2025-W36: w.hours = 6h, not in course.theory.weekly_hours = 7h..12h");
    fix_free(f);
    f = plan_of(&pl, 2, 12, "1h..6h", "1 week", "", "2025-09-01", "mon, wed", "");
    assert_int_equal(check(&pl, "schedule.weekly_hours")->status, ST_PASS);
    fix_free(f);
}

static void test_week_span_boundaries(void **state)
{
    (void)state;
    Plan pl;
    /* 12h on Mondays and Wednesdays from a Monday: exactly 2 ISO weeks. */
    Fix *f = plan_of(&pl, 2, 12, "6h..6h", "1 week", "", "2025-09-01", "mon, wed", "");
    assert_int_equal(pl.nweeks, 2);
    assert_int_equal(check(&pl, "schedule.weeks")->status, ST_PASS);
    fix_free(f);
    /* Starting on a Wednesday spreads the same hours over 3 weeks. */
    f = plan_of(&pl, 2, 12, "3h..6h", "1 week", "", "2025-09-03", "mon, wed", "");
    assert_int_equal(pl.nweeks, 3);
    assert_int_equal(check(&pl, "schedule.weeks")->status, ST_FAIL);
    fix_free(f);
}

static void test_closures_week_range_and_local_calendar(void **state)
{
    (void)state;
    Plan pl;
    Fix *f = plan_of(&pl, 4, 18, "3h..9h", "1 week",
                     "calendar skole \"Skoleferier\" extends dk { closed \"Efterårsferie\" week 42 }",
                     "2025-10-06", "mon, wed", "  calendar skole\n  closed \"Studiedag\" 2025-10-22..2025-10-23\n");
    assert_int_equal(f->d.errors, 0);
    assert_int_equal(pl.nskipped, 3);
    assert_int_equal(pl.skipped[0].date, D(2025, 10, 13));
    assert_string_equal(pl.skipped[0].reason, "Efterårsferie");
    assert_int_equal(pl.skipped[1].date, D(2025, 10, 15));
    assert_int_equal(pl.skipped[2].date, D(2025, 10, 22));
    assert_string_equal(pl.skipped[2].reason, "Studiedag");
    fix_free(f);
}

static void test_practicum_and_follow_up(void **state)
{
    (void)state;
    Plan pl;
    Fix *f = plan_of(&pl, 2, 12, "6h..6h", "4 months", "", "2025-09-01", "mon, wed", "");
    assert_true(pl.has_practicum);
    int32_t last = pl.sessions[pl.nsessions - 1].date;
    assert_int_equal(pl.practicum_start, last + 1);
    assert_int_equal(pl.practicum_end, civil_add_months(last + 1, 4) - 1);
    assert_int_equal(pl.nfollow_up, 2);
    for (int i = 0; i < pl.nfollow_up; i++) {
        int w = civil_weekday(pl.follow_up[i]);
        assert_true(w == 0 || w == 2); /* a teaching weekday */
        assert_true(pl.follow_up[i] > pl.practicum_start && pl.follow_up[i] <= pl.practicum_end);
    }
    assert_true(pl.follow_up[0] < pl.follow_up[1]);
    fix_free(f);
}

static void test_session_length_disagrees(void **state)
{
    (void)state;
    Fix *f = compile_src("course c \"K\" { provider \"P\"; group_size 8\n"
                         "  theory { hours 12h; session_length 2h }\n"
                         "  instructors { instructor i \"I\" { experiential_competence } } }\n"
                         "schedule s for c { start 2025-09-01; weekdays mon; time 09:00..12:00 }\n");
    Plan pl;
    assert_false(sched_plan(f->p, decl(f, "schedule", "s"), f->a, &pl));
    assert_int_equal(f->d.errors, 1);
    assert_non_null(strstr(f->d.items[0].msg, "session_length"));
    assert_non_null(strstr(f->d.items[0].msg, "3h"));
    assert_non_null(strstr(f->d.items[0].msg, "2h"));
    fix_free(f);
}

/* A rule of the schedule's checks (stdlib/schedule.ramme) by name. */
static Block *schedule_rule(Fix *f, const char *name)
{
    Value *rules = model_get(decl(f, "checks", "schedule"), "rule");
    assert_non_null(rules);
    for (int i = 0; i < rules->u.list.n; i++)
        if (strcmp(rules->u.list.items[i]->u.block->name, name) == 0)
            return rules->u.list.items[i]->u.block;
    fail_msg("no rule schedule.%s", name);
    return NULL;
}

/* What a planner's penalty needs (PLANNING.md §2) is computed from the
 * placement by the stdlib: the weights sit on the rules, the amounts are
 * expressions over the placement's derived fields. From a Wednesday, 12
 * hours on Mondays and Wednesdays span 3 ISO weeks (3h, 6h, 3h) where the
 * design says 2, and all 3 lie outside 7h..12h. */
static void test_placement_and_penalty_amounts(void **state)
{
    (void)state;
    Plan pl;
    Fix *f = plan_of(&pl, 2, 12, "7h..12h", "1 week", "", "2025-09-03", "mon, wed", "");
    Block *b = pl.placement;
    assert_non_null(b);
    assert_string_equal(b->schema->name, "placement");
    assert_int_equal(model_get(b, "sessions")->u.i, 4);
    assert_int_equal(model_get(b, "weeks")->u.i, 3);
    assert_int_equal(model_get(b, "week")->u.list.n, 3);
    assert_string_equal(model_get(b, "first_week")->u.block->name, "2025-W36");
    /* A week of practicum has room for one of the two follow-up days. */
    assert_int_equal(model_get(b, "follow_up_days")->u.i, 1);
    assert_int_equal(model_get(b, "follow_up_asked")->u.i, 2);
    struct { const char *rule; int64_t weight, amount; } want[] = {{"weeks", 10, 1}, {"weekly_hours", 3, 3}};
    for (int i = 0; i < 2; i++) {
        Block *r = schedule_rule(f, want[i].rule);
        assert_int_equal(model_get(r, "weight")->u.i, want[i].weight);
        EvalCtx c;
        eval_init(&c, f->a, b, NULL);
        RVal v = eval(&c, model_get(r, "amount")->u.expr);
        assert_int_equal(v.k, RV_INT);
        assert_int_equal(v.u.i, want[i].amount);
    }
    assert_int_equal(check(&pl, "schedule.weeks")->status, ST_FAIL);
    /* The checks keep their declared order; an error-level one is an error. */
    assert_string_equal(pl.checks[0].id, "schedule.hours");
    assert_string_equal(pl.checks[3].id, "schedule.follow_up_days");
    assert_string_equal(pl.checks[4].id, "schedule.admission_window");
    assert_int_equal(pl.checks[4].severity, SEV_ERROR);
    assert_int_equal(pl.checks[4].status, ST_NA); /* no window */
    fix_free(f);
    /* A course without weekly_hours: the check does not apply and its
     * amount is unknown, not 0. */
    f = plan_of(&pl, 2, 12, "1h..", "1 week", "", "2025-09-01", "mon, wed", "");
    assert_int_equal(check(&pl, "schedule.weeks")->status, ST_PASS);
    EvalCtx c;
    eval_init(&c, f->a, pl.placement, NULL);
    RVal v = eval(&c, model_get(schedule_rule(f, "weeks"), "amount")->u.expr);
    assert_int_equal(v.u.i, 0);
    fix_free(f);
}

/* The scheduler reads the stdlib's names from one table and checks them: a
 * stdlib whose placement lacks a field says so and plans nothing. */
static void test_scheduler_names_checked(void **state)
{
    (void)state;
    char dir[] = "/tmp/ramme-sched-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    snprintf(path, sizeof path, "%s/schedule.ramme", dir);
    FILE *in = fopen("stdlib/schedule.ramme", "r"), *out = fopen(path, "w");
    assert_non_null(in);
    assert_non_null(out);
    char line[1024];
    while (fgets(line, sizeof line, in))
        if (!strstr(line, "practicum_end")) /* a field no rule reads: only the scheduler misses it */
            fputs(line, out);
    fclose(in);
    fclose(out);
    Fix *f = calloc(1, sizeof *f);
    src_init(&f->ss);
    diag_init(&f->d);
    const char *inc[] = {dir};
    CompileOptions co = {inc, 1, 0, 0};
    char buf[4096];
    snprintf(buf, sizeof buf, COURSE, 2, 12, "6h..6h", "1 week", "", "2025-09-01", "mon, wed", "");
    f->p = compile_text("test.ramme", buf, &co, &f->ss, &f->d);
    f->a = arena_new();
    assert_int_equal(f->d.errors, 0);
    Plan pl;
    assert_false(sched_plan(f->p, decl(f, "schedule", "s"), f->a, &pl));
    assert_int_equal(f->d.errors, 1);
    /* (The first item is the warning that the module shadows the stdlib's.) */
    assert_string_equal(f->d.items[f->d.n - 1].msg, "schema 'placement' has no field 'practicum_end', which the scheduler reads");
    fix_free(f);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_easter_1900_2100),
        cmocka_unit_test(test_weekday_and_iso_week),
        cmocka_unit_test(test_add_months),
        cmocka_unit_test(test_holidays_2023_2024_2025),
        cmocka_unit_test(test_plan_across_easter),
        cmocka_unit_test(test_plan_across_christmas_and_new_year),
        cmocka_unit_test(test_plan_across_dst),
        cmocka_unit_test(test_weekly_load_boundaries),
        cmocka_unit_test(test_week_span_boundaries),
        cmocka_unit_test(test_closures_week_range_and_local_calendar),
        cmocka_unit_test(test_practicum_and_follow_up),
        cmocka_unit_test(test_session_length_disagrees),
        cmocka_unit_test(test_placement_and_penalty_amounts),
        cmocka_unit_test(test_scheduler_names_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
