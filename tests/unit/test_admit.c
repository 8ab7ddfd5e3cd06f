/* test_admit.c — the screener: age at the end of the window (the 18th
 * birthday on the window's last day counts; 29 February birthdays), derived
 * in stdlib/applicant.ramme with years() and computed by the evaluator, sets,
 * review on empty or unreadable values, and the columns a rule needs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "apps/admit.h"
#include "model/compile.h"
#include "apps/schedule.h"

static int32_t D(int y, int m, int d) { return civil_days(y, m, d); }

/* The arithmetic years() and the derived `age` rest on. */
static void test_age_boundaries(void **state)
{
    (void)state;
    assert_int_equal(civil_whole_years(D(2006, 6, 6), D(2024, 6, 6)), 18); /* birthday on the last day */
    assert_int_equal(civil_whole_years(D(2006, 6, 7), D(2024, 6, 6)), 17);
    assert_int_equal(civil_whole_years(D(2006, 6, 5), D(2024, 6, 6)), 18);
    /* 29 February: reached on 1 March in other years, on the day in leap years. */
    assert_int_equal(civil_whole_years(D(2004, 2, 29), D(2022, 2, 28)), 17);
    assert_int_equal(civil_whole_years(D(2004, 2, 29), D(2022, 3, 1)), 18);
    assert_int_equal(civil_whole_years(D(2004, 2, 29), D(2024, 2, 28)), 19);
    assert_int_equal(civil_whole_years(D(2004, 2, 29), D(2024, 2, 29)), 20);
    assert_int_equal(civil_whole_years(D(2000, 1, 1), D(2000, 1, 1)), 0);
    assert_int_equal(civil_whole_years(D(2024, 6, 7), D(2024, 6, 6)), -1);
}

typedef struct Fix {
    SourceSet ss;
    Diags d;
    Program *p;
    Arena *a;
    AdmitReport rep;
    bool ok;
} Fix;

static const char *COURSE =
    "course k \"K\" {\n"
    "  provider \"P\"; group_size 8\n"
    "  target t \"T\" { lived_experience }\n"
    "  instructors { instructor i \"I\" { experiential_competence } }\n"
    "  admission {\n"
    "    window 2024-05-23..2024-06-06\n"
    "    seats 3\n"
    "    require age >= 18 \"Over 18\"\n"
    "    require support in {municipal_support, inpatient_admission} \"Støtte\"\n"
    "    exclude dementia \"Demens\"\n"
    "    assess \"Motivation\"\n"
    "  }\n"
    "}\n";

static Fix *screen_course(const char *course_text, const char *csv)
{
    Fix *f = calloc(1, sizeof *f);
    src_init(&f->ss);
    diag_init(&f->d);
    CompileOptions co = {NULL, 0, 0, 0};
    f->p = compile_text("k.ramme", course_text, &co, &f->ss, &f->d);
    assert_int_equal(f->d.errors, 0);
    f->a = arena_new();
    Table t;
    assert_true(table_read_text("a.csv", csv, strlen(csv), &f->ss, f->a, &f->d, &t));
    Block *course = model_decl(f->p, model_schema(f->p, "course"), "k");
    f->ok = admit_screen(f->p, course, &t, false, f->a, &f->d, &f->rep);
    return f;
}

static Fix *screen(const char *csv)
{
    return screen_course(COURSE, csv);
}

static void fix_free(Fix *f)
{
    arena_free(f->a);
    compile_free(f->p);
    diag_free(&f->d);
    src_free(&f->ss);
    free(f);
}

/* A course whose window ends on `end`, requiring age >= 18. */
static Fix *screen_at(const char *end, const char *csv)
{
    static char text[1024];
    snprintf(text, sizeof text,
             "course k \"K\" {\n"
             "  provider \"P\"; group_size 8\n"
             "  target t \"T\" { lived_experience }\n"
             "  instructors { instructor i \"I\" { experiential_competence } }\n"
             "  admission {\n"
             "%s%s%s"
             "    require age >= 18 \"Over 18\"\n"
             "  }\n"
             "}\n",
             end ? "    window 2000-01-01.." : "", end ? end : "", end ? "\n" : "");
    return screen_course(text, csv);
}

/* `age` is no longer computed in C: the stdlib derives it from birth_date
 * and the window's last day, which the screener sets. The boundaries hold
 * through the language: the 18th birthday on the last day counts, a 29
 * February birthday is reached on 1 March; no window is a review that says
 * why; an `age` column is ignored with a warning. */
static void test_age_derived_in_stdlib(void **state)
{
    (void)state;
    Schema *app;
    Fix *f = screen_at("2024-06-06", "id,birth_date,age\n"
                                     "on_the_day,2006-06-06,40\n"
                                     "day_after,2006-06-07,40\n");
    assert_true(f->ok);
    app = model_schema(f->p, "applicant");
    assert_non_null(model_field(app, "age")->derived);
    assert_int_equal(f->rep.rows[0].status, AD_ELIGIBLE);
    assert_int_equal(f->rep.rows[1].status, AD_INELIGIBLE); /* the column's 40 is not read */
    assert_int_equal(f->d.warnings, 1);
    assert_string_equal(f->d.items[0].msg,
                        "the column 'age' is ignored: age is computed from birth_date at the end of the window");
    fix_free(f);
    const char *leap = "id,birth_date\nleap,2004-02-29\n";
    f = screen_at("2022-02-28", leap);
    assert_int_equal(f->rep.rows[0].status, AD_INELIGIBLE);
    fix_free(f);
    f = screen_at("2022-03-01", leap);
    assert_int_equal(f->rep.rows[0].status, AD_ELIGIBLE);
    fix_free(f);
    f = screen_at(NULL, leap);
    assert_int_equal(f->rep.rows[0].status, AD_REVIEW);
    assert_int_equal(f->rep.rows[0].nmissing, 1);
    assert_string_equal(f->rep.rows[0].missing[0], "age (the course gives no application window to measure it at)");
    fix_free(f);
    /* A birth date missing from the file is what an age needs. */
    f = screen_at("2024-06-06", "id,dementia\na,no\n");
    assert_false(f->ok);
    assert_non_null(strstr(f->d.items[0].msg, "no column 'birth_date'"));
    fix_free(f);
}

static void test_outcomes_and_sets(void **state)
{
    (void)state;
    Fix *f = screen("id,birth_date,support,dementia\n"
                    "a,1990-01-01,outpatient_treatment|inpatient_admission,no\n" /* one of the set: eligible */
                    "b,1990-01-01,outpatient_treatment,no\n"                     /* none of the set */
                    "c,2010-01-01,municipal_support,yes\n"                       /* two failures */
                    "d,1990-01-01,,no\n");                                       /* support empty: review */
    assert_true(f->ok);
    assert_int_equal(f->rep.n, 4);
    assert_int_equal(f->rep.rows[0].status, AD_ELIGIBLE);
    assert_int_equal(f->rep.rows[1].status, AD_INELIGIBLE);
    assert_string_equal(f->rep.rows[1].failed[0], "Støtte");
    assert_int_equal(f->rep.rows[2].status, AD_INELIGIBLE);
    assert_int_equal(f->rep.rows[2].nfailed, 2);
    assert_string_equal(f->rep.rows[2].failed[0], "Over 18");
    assert_string_equal(f->rep.rows[2].failed[1], "Demens");
    assert_int_equal(f->rep.rows[3].status, AD_REVIEW);
    assert_int_equal(f->rep.rows[3].nmissing, 1);
    assert_string_equal(f->rep.rows[3].missing[0], "support");
    assert_int_equal(f->rep.counts[AD_ELIGIBLE], 1);
    assert_int_equal(f->rep.counts[AD_INELIGIBLE], 2);
    assert_int_equal(f->rep.counts[AD_REVIEW], 1);
    assert_true(f->rep.has_seats);
    assert_int_equal(f->rep.seats, 3);
    assert_int_equal(f->rep.nassess, 1);
    fix_free(f);
}

/* What a requirement makes while it is judged (the set in `support in
 * {...}`) is given back at once: 300 more applicants cost the same memory
 * whether the course asks one such question or five. */
static void test_requirements_keep_nothing(void **state)
{
    (void)state;
    static const char *FIVE =
        "course k \"K\" {\n"
        "  provider \"P\"; group_size 8\n"
        "  target t \"T\" { lived_experience }\n"
        "  instructors { instructor i \"I\" { experiential_competence } }\n"
        "  admission {\n"
        "    window 2024-05-23..2024-06-06\n"
        "    require age >= 18 \"Over 18\"\n"
        "    require support in {municipal_support, inpatient_admission} \"Støtte 1\"\n"
        "    require support in {municipal_support, inpatient_admission} \"Støtte 2\"\n"
        "    require support in {municipal_support, inpatient_admission} \"Støtte 3\"\n"
        "    require support in {municipal_support, inpatient_admission} \"Støtte 4\"\n"
        "    require support in {municipal_support, inpatient_admission} \"Støtte 5\"\n"
        "    exclude dementia \"Demens\"\n"
        "  }\n"
        "}\n";
    /* Per applicant (300 more), the same bytes for one question as for five. */
    size_t used[2][2];
    for (int n = 0; n < 2; n++) {
        char csv[40000] = "id,birth_date,support,dementia\n";
        for (int i = 0; i < 300 * (n + 1); i++)
            snprintf(csv + strlen(csv), sizeof csv - strlen(csv), "a%d,1990-01-01,municipal_support,no\n", i);
        Fix *one = screen(csv), *five = screen_course(FIVE, csv);
        assert_true(one->ok && five->ok);
        assert_int_equal(one->rep.counts[AD_ELIGIBLE], 300 * (n + 1));
        assert_int_equal(five->rep.counts[AD_ELIGIBLE], 300 * (n + 1));
        used[0][n] = arena_used(one->a);
        used[1][n] = arena_used(five->a);
        fix_free(one);
        fix_free(five);
    }
    assert_int_equal(used[1][1] - used[1][0], used[0][1] - used[0][0]);
}

static void test_unreadable_is_review_not_rejection(void **state)
{
    (void)state;
    Fix *f = screen("id,birth_date,support,dementia\n"
                    "a,2024-02-30,municipal_support,no\n" /* not a date */
                    "b,1990-01-01,municipal_support,maybe\n"); /* not yes/no */
    assert_true(f->ok);
    assert_int_equal(f->rep.rows[0].status, AD_REVIEW);
    assert_string_equal(f->rep.rows[0].missing[0], "birth_date (unreadable)");
    assert_int_equal(f->rep.rows[1].status, AD_REVIEW);
    assert_string_equal(f->rep.rows[1].missing[0], "dementia (unreadable)");
    fix_free(f);
}

static void test_missing_column_stops_before_evaluation(void **state)
{
    (void)state;
    Fix *f = screen("id,birth_date,dementia\na,1990-01-01,no\n");
    assert_false(f->ok);
    assert_int_equal(f->d.errors, 1);
    assert_non_null(strstr(f->d.items[0].msg, "support"));
    assert_non_null(strstr(f->d.items[0].msg, "Støtte"));
    fix_free(f);
}

static void test_unknown_column_warns(void **state)
{
    (void)state;
    Fix *f = screen("id,birth_date,support,dementia,suport\na,1990-01-01,municipal_support,no,x\n");
    assert_true(f->ok);
    assert_int_equal(f->d.errors, 0);
    assert_int_equal(f->d.warnings, 1);
    assert_non_null(strstr(f->d.items[0].msg, "suport"));
    assert_non_null(f->d.items[0].help);
    assert_non_null(strstr(f->d.items[0].help, "support"));
    fix_free(f);
}

/* ------------------------------------------------------------ Danish spreadsheets */

static void test_near_text(void **state)
{
    (void)state;
    Arena *a = arena_new();
    assert_true(admit_near(a, "Herning Kommune", "Herning"));
    assert_true(admit_near(a, "Herning", "Herning Kommune"));
    assert_true(admit_near(a, "Århus", "Aarhus"));
    assert_true(admit_near(a, "Aarhus", "århus"));
    assert_true(admit_near(a, "Høje-Taastrup", "Hoeje Taastrup"));
    assert_true(admit_near(a, "  HERNING   kommune ", "Herning Kommune"));
    assert_true(admit_near(a, "Herning.", "Herning"));
    assert_true(admit_near(a, "Kommune: Herning", "Herning"));
    assert_false(admit_near(a, "Herning", "Herning"));       /* the same: no miss */
    assert_false(admit_near(a, "Nordherning", "Herning"));   /* not a whole word */
    assert_false(admit_near(a, "Herningvej 3", "Herning"));
    assert_false(admit_near(a, "Ikast", "Herning"));
    assert_false(admit_near(a, "", "Herning"));
    assert_false(admit_near(a, "--", "Herning"));
    assert_false(admit_near(a, NULL, "Herning"));
    arena_free(a);
}

static const char *TOWN =
    "course k \"K\" {\n"
    "  provider \"P\"; group_size 8\n"
    "  target t \"T\" { lived_experience }\n"
    "  instructors { instructor i \"I\" { experiential_competence } }\n"
    "  admission {\n"
    "    window 2024-05-23..2024-06-06\n"
    "    require municipality == \"Herning\" \"Bor i Herning\"\n"
    "    kræver alder >= 18 \"Over 18\"\n"
    "    udelukker kommune in {\"Ikast\", \"Brande\"} \"Ikke Ikast eller Brande\"\n"
    "  }\n"
    "}\n";

/* A near miss sends the applicant to review with a warning that names the
 * requirement and the id, never the value; an outright failure elsewhere
 * still makes the applicant ineligible. Danish column names, day-first
 * dates and ja/nej read as the English ones. */
static void test_near_miss_is_review(void **state)
{
    (void)state;
    Fix *f = screen_course(TOWN, "id;fødselsdato;kommune\n"
                                 "a;14-03-1985;Herning Kommune\n"  /* near: review */
                                 "b;14.03.1985;herning\n"          /* equal but for case: eligible */
                                 "c;14-03-1985;Hammel\n"           /* not near: ineligible */
                                 "d;14-03-2010;Herning Kommune\n"  /* under 18: ineligible anyway */
                                 "e;14-03-1985;Brande By\n");      /* fails the first outright */
    assert_true(f->ok);
    assert_int_equal(f->rep.rows[0].status, AD_REVIEW);
    assert_int_equal(f->rep.rows[0].nnear, 1);
    assert_string_equal(f->rep.rows[0].near[0], "Bor i Herning");
    assert_int_equal(f->rep.rows[0].nfailed, 0);
    assert_int_equal(f->rep.rows[1].status, AD_ELIGIBLE);
    assert_int_equal(f->rep.rows[2].status, AD_INELIGIBLE);
    assert_string_equal(f->rep.rows[2].failed[0], "Bor i Herning");
    assert_int_equal(f->rep.rows[3].status, AD_INELIGIBLE);
    assert_int_equal(f->rep.rows[4].status, AD_INELIGIBLE);
    /* One warning for each applicant sent to review by a near miss. */
    assert_int_equal(f->d.warnings, 1);
    for (int i = 0; i < f->d.n; i++) {
        const Diag *x = &f->d.items[i];
        assert_null(strstr(x->msg, "Kommune"));
        assert_null(strstr(x->msg, "Brande By"));
        assert_null(strstr(x->msg, "1985"));
    }
    assert_non_null(strstr(f->d.items[0].msg, "applicant a"));
    assert_non_null(strstr(f->d.items[0].msg, "\"Bor i Herning\""));
    assert_non_null(strstr(f->d.items[0].msg, "'kommune'")); /* the column as written */
    fix_free(f);
    /* Near an excluded text: the exclusion might hold, so review too. */
    f = screen_course(TOWN, "id;fødselsdato;kommune\n"
                            "e;14-03-1985;Herning\n"
                            "f;14-03-1985;herning\n");
    assert_int_equal(f->rep.rows[0].status, AD_ELIGIBLE);
    assert_int_equal(f->rep.rows[1].status, AD_ELIGIBLE);
    fix_free(f);
    static const char *EXCL =
        "course k \"K\" {\n"
        "  provider \"P\"; group_size 8\n"
        "  target t \"T\" { lived_experience }\n"
        "  instructors { instructor i \"I\" { experiential_competence } }\n"
        "  admission {\n"
        "    udelukker kommune in {\"Ikast\", \"Brande\"} \"Ikke Ikast eller Brande\"\n"
        "  }\n"
        "}\n";
    f = screen_course(EXCL, "id,municipality,kommune\ng,Brande By,Brande\n");
    assert_false(f->ok);
    assert_int_equal(f->d.errors, 1);
    assert_string_equal(f->d.items[0].msg, "the column 'kommune' is the same field as the column 'municipality'");
    fix_free(f);
    f = screen_course(EXCL, "id,municipality\ng,Brande By\nh,Herning\ni,brande\n");
    assert_int_equal(f->rep.rows[0].status, AD_REVIEW);
    assert_string_equal(f->rep.rows[0].near[0], "Ikke Ikast eller Brande");
    assert_int_equal(f->rep.rows[1].status, AD_ELIGIBLE);
    assert_int_equal(f->rep.rows[2].status, AD_INELIGIBLE);
    assert_int_equal(f->d.warnings, 1);
    fix_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_age_boundaries),
        cmocka_unit_test(test_age_derived_in_stdlib),
        cmocka_unit_test(test_outcomes_and_sets),
        cmocka_unit_test(test_requirements_keep_nothing),
        cmocka_unit_test(test_unreadable_is_review_not_rejection),
        cmocka_unit_test(test_missing_column_stops_before_evaluation),
        cmocka_unit_test(test_unknown_column_warns),
        cmocka_unit_test(test_near_text),
        cmocka_unit_test(test_near_miss_is_review),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
