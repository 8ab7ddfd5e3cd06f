/* test_fix.c — fix suggestions (src/engine/fix.h): what is derived from a
 * rule's expression (numbers solved for each input, only where the unit
 * holds the answer; members added; a flag set on an element of a `where`;
 * a reversed range turned round; the module whose title fits a goal; an
 * undeclared input declared), the edits (places in characters, the layout
 * of the block), that every suggestion is verified (a candidate that does
 * not make the rule pass is not offered), and that one that makes another
 * rule fail comes last and says so. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine/fix.h"
#include "engine/rules.h"
#include "model/batch.h"
#include "model/compile.h"
#include "judge_harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct R {
    Judged *j;
    CourseReport rep;
    Arena *a;
    Fix *fixes;
    int n;
    const char *text;
} R;

/* A course `c` in `text`, judged; the suggestions for rule `id`. */
static R *suggest(const char *text, const char *id)
{
    R *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->text = text;
    r->j = judge_text(text, "c");
    r->rep = r->j->rep;
    r->a = r->j->a;
    const RuleResult *res = NULL;
    for (int i = 0; i < r->rep.n; i++)
        if (strcmp(r->rep.results[i].id, id) == 0)
            res = &r->rep.results[i];
    assert_non_null(res);
    r->n = fix_suggest(r->j->p, &r->j->ss, NULL, &r->rep, res, r->a, &r->fixes);
    return r;
}

static void r_free(R *r)
{
    judged_free(r->j);
    free(r);
}

static void titles_are(const R *r, int n, ...)
{
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n && i < r->n; i++) {
        const char *want = va_arg(ap, const char *);
        assert_string_equal(r->fixes[i].title, want);
    }
    va_end(ap);
    assert_int_equal(r->n, n);
}

/* The text after fix k. */
static const char *applied(R *r, int k)
{
    char *t = fix_apply(r->a, r->text, strlen(r->text), &r->fixes[k]);
    assert_non_null(t);
    return t;
}

#define HOURS_RULE                                                                                                  \
    "framework own \"Own\" {\n"                                                                                     \
    "  rule hours { severity error; cite \"c\"; message \"m\"\n"                                                    \
    "    require theory.weeks * theory.sessions_per_week * theory.session_length == theory.hours }\n"               \
    "}\n"

#define COURSE_HEAD "course c \"C\" {\n  provider \"P\"\n  conforms own\n  group_size 4..8\n"
#define TEAM "  instructors {\n    instructor p \"Peer\" { experiential_competence }\n  }\n"
/* A theory block of `weeks` weeks and `hours` hours, 2 sessions of 3h a week, closing the course. */
#define THEORY(weeks, hours)                                                                                        \
    "  theory {\n    weeks " weeks "\n    sessions_per_week 2\n    session_length 3h\n    hours " hours "\n  }\n}\n"

/* 12 * 2 * 3h = 72h, but 78h: each of the inputs solved for, in the order
 * the expression reads them; 78 / 24 = 3.25h is a quarter hour: offered. */
static void solves_each_input(void **state)
{
    (void)state;
    R *r = suggest(HOURS_RULE COURSE_HEAD TEAM
                   THEORY("12", "78h"),
                   "own.hours");
    titles_are(r, 3, "set theory.weeks to 13", "set theory.session_length to 3.25h", "set theory.hours to 72h");
    /* weeks 12 is line 13 (after the 4 rule lines, 4 head lines, 3 team lines, `theory {`) */
    assert_int_equal(r->fixes[0].nedits, 1);
    assert_string_equal(r->fixes[0].edits[0].text, "13");
    assert_int_equal(r->fixes[0].edits[0].line, 13);
    assert_int_equal(r->fixes[0].edits[0].column, 11);
    assert_int_equal(r->fixes[0].edits[0].end_line, 13);
    assert_int_equal(r->fixes[0].edits[0].end_column, 13);
    assert_non_null(strstr(applied(r, 1), "    session_length 3.25h\n"));
    r_free(r);
}

/* 77h: no whole number of weeks and no whole minute of session length
 * gives it, so only the hours are offered. */
static void only_what_the_units_hold(void **state)
{
    (void)state;
    R *r = suggest(HOURS_RULE COURSE_HEAD TEAM
                   THEORY("12", "77h"),
                   "own.hours");
    titles_are(r, 1, "set theory.hours to 72h");
    r_free(r);
}

/* Another rule that the fix makes fail: offered last, and said. */
static void newly_failing_last(void **state)
{
    (void)state;
    R *r = suggest("framework own \"Own\" {\n"
                   "  rule hours { severity error; cite \"c\"; message \"m\"\n"
                   "    require theory.weeks * theory.sessions_per_week * theory.session_length == theory.hours }\n"
                   "  rule short { severity error; cite \"c\"; message \"m\"; require theory.weeks <= 12 }\n"
                   "}\n" COURSE_HEAD TEAM
                   THEORY("12", "78h"),
                   "own.hours");
    titles_are(r, 3, "set theory.session_length to 3.25h", "set theory.hours to 72h",
               "set theory.weeks to 13 (then own.short fails)");
    assert_int_equal(r->fixes[2].nnewly, 1);
    assert_string_equal(r->fixes[2].newly_failing[0], "own.short");
    assert_int_equal(r->fixes[2].newly_worst, SEV_ERROR);
    assert_int_equal(r->fixes[0].nnewly, 0);
    r_free(r);
}

/* Members added where the list is written: one edit at its end. */
static void adds_missing_members(void **state)
{
    (void)state;
    R *r = suggest("framework own \"Own\" {\n"
                   "  rule forms { severity advice; cite \"c\"; message \"m\"\n"
                   "    require all p in {practice_oriented, empowerment, exemplary}: p in principles }\n"
                   "}\n" COURSE_HEAD TEAM "  principles practice_oriented\n}\n",
                   "own.forms");
    titles_are(r, 1, "add empowerment, exemplary to principles");
    assert_int_equal(r->fixes[0].nedits, 1);
    assert_int_equal(r->fixes[0].edits[0].line, r->fixes[0].edits[0].end_line);
    assert_int_equal(r->fixes[0].edits[0].column, r->fixes[0].edits[0].end_column);
    assert_non_null(strstr(applied(r, 0), "  principles practice_oriented, empowerment, exemplary\n}"));
    r_free(r);
}

/* count(... where flag) >= 1: the flag set on an element, as a new line
 * of its block at the block's indentation. */
static void sets_a_flag_on_an_element(void **state)
{
    (void)state;
    R *r = suggest("framework own \"Own\" {\n"
                   "  rule exp { severity error; cite \"c\"; message \"m\"\n"
                   "    require count(instructors.instructor where experiential_competence) >= 1 }\n"
                   "}\n" COURSE_HEAD "  instructors {\n    instructor pro \"Pro\" {\n      professional\n    }\n  }\n}\n",
                   "own.exp");
    titles_are(r, 1, "set instructors.pro.experiential_competence to yes");
    assert_non_null(strstr(applied(r, 0), "      professional\n      experiential_competence\n    }\n"));
    r_free(r);
}

/* A range written backwards: turned round first, then either end moved. */
static void turns_a_reversed_range(void **state)
{
    (void)state;
    R *r = suggest("framework own \"Own\" {\n"
                   "  rule size { severity error; cite \"c\"; message \"m\"\n"
                   "    require min(group_size) <= max(group_size) or max(group_size) in group_size }\n"
                   "}\n"
                   "course c \"C\" {\n  provider \"P\"\n  conforms own\n  group_size 12..8\n" TEAM "}\n",
                   "own.size");
    assert_true(r->n >= 1);
    assert_string_equal(r->fixes[0].title, "set group_size to 8..12");
    r_free(r);
}

/* The goal goes to the module whose title shares its words. */
static void coverage_by_title(void **state)
{
    (void)state;
    R *r = suggest("framework own \"Own\" {\n"
                   "  goal g1 \"Styrke samarbejdet med borgeren\"\n"
                   "  goal g2 \"Skabe håb\"\n"
                   "  rule cover { severity warning; cite \"c\"; message \"m\"\n"
                   "    require all g in goal: any m in module: g in m.covers }\n"
                   "}\n" COURSE_HEAD TEAM
                   "  module m1 \"Samarbejde i praksis\" { covers g2 }\n"
                   "  module m2 \"Noget andet\" { covers g2 }\n}\n",
                   "own.cover");
    assert_true(r->n >= 1);
    assert_string_equal(r->fixes[0].title, "add g1 to m1.covers");
    assert_non_null(strstr(applied(r, 0), "module m1 \"Samarbejde i praksis\" { covers g2, g1 }"));
    r_free(r);
}

/* An input the course does not declare: declared with a value that works. */
static void declares_an_undeclared_input(void **state)
{
    (void)state;
    R *r = suggest("framework own \"Own\" {\n"
                   "  rule day { severity warning; cite \"c\"; message \"m\"; require day_length >= 4h }\n"
                   "}\n" COURSE_HEAD TEAM "}\n",
                   "own.day");
    assert_int_equal(r->rep.unknown, 1);
    titles_are(r, 1, "set day_length to 4h");
    assert_non_null(strstr(applied(r, 0), TEAM "  day_length 4h\n}\n"));
    r_free(r);
}

/* defined(X): X declared with a placeholder of its type, said as such. */
static void declares_a_placeholder(void **state)
{
    (void)state;
    R *r = suggest("framework own \"Own\" {\n"
                   "  rule day { severity advice; cite \"c\"; message \"m\"; require defined(day_length) }\n"
                   "}\n" COURSE_HEAD TEAM "}\n",
                   "own.day");
    titles_are(r, 1, "declare day_length with the placeholder 1h");
    assert_non_null(strstr(applied(r, 0), TEAM "  day_length 1h\n}\n"));
    r_free(r);
}

/* A value the course inherits is given again in the course, never
 * changed in the base: the base course keeps its 12 weeks. */
static void inherited_is_redeclared(void **state)
{
    (void)state;
    const char *text = HOURS_RULE "course base \"B\" {\n  provider \"P\"\n  conforms own\n  group_size 4..8\n" TEAM
                       THEORY("12", "78h")
                       "course c \"C\" extends base {\n  provider \"Q\"\n}\n";
    R *r = suggest(text, "own.hours");
    assert_true(r->n >= 1);
    assert_string_equal(r->fixes[0].title, "set theory.weeks to 13");
    const char *t = applied(r, 0);
    assert_non_null(strstr(t, "    weeks 12\n"));
    assert_non_null(strstr(t, "course c \"C\" extends base {\n  provider \"Q\"\n  theory {\n    weeks 13\n"
                              "    sessions_per_week 2\n    session_length 3h\n    hours 78h\n  }\n}\n"));
    r_free(r);
}

/* Nothing that makes the rule pass: no suggestion at all. */
static void nothing_unverified(void **state)
{
    (void)state;
    R *r = suggest("framework own \"Own\" {\n"
                   "  rule two { severity error; cite \"c\"; message \"m\"; require count(target) >= 2 }\n"
                   "}\n" COURSE_HEAD TEAM "  target t \"T\" { lived_experience }\n}\n",
                   "own.two");
    assert_int_equal(r->n, 0);
    r_free(r);
}

/* Edits of two fixes that overlap cannot be made together. */
static void overlapping_fixes(void **state)
{
    (void)state;
    R *r = suggest(HOURS_RULE COURSE_HEAD TEAM
                   THEORY("12", "78h"),
                   "own.hours");
    assert_int_equal(r->n, 3);
    const Fix *same[2] = {&r->fixes[0], &r->fixes[0]};
    assert_null(fix_apply_all(r->a, r->text, strlen(r->text), same, 2));
    const Fix *apart[2] = {&r->fixes[0], &r->fixes[2]};
    const char *t = fix_apply_all(r->a, r->text, strlen(r->text), apart, 2);
    assert_non_null(t);
    assert_non_null(strstr(t, "weeks 13\n"));
    assert_non_null(strstr(t, "hours 72h\n"));
    r_free(r);
}

/* A course nothing else reads has its candidates verified by building the
 * course alone again (batch.h): the suggestions, titles and edits, must be
 * exactly those of compiling the whole edited file. The reference is the
 * same text with a declaration that extends the course appended: it makes
 * the whole file's compilation verify (batch_rebuild_range says no) and
 * changes neither the course's rules nor the edits' places. Courses: hours
 * solved three ways (one of them making another rule fail), members added,
 * nothing that verifies, one another course extends (built with the
 * program: verified by the whole file), one a schedule names (built with
 * the program, yet alone) and one whose kind is written in Danish. */
static void alone_as_whole(void **state)
{
    (void)state;
    const char *text =
        "framework own \"Own\" {\n"
        "  rule hours { severity error; cite \"c\"; message \"m\"\n"
        "    require theory.weeks * theory.sessions_per_week * theory.session_length == theory.hours }\n"
        "  rule short { severity warning; cite \"c\"; message \"m\"; require theory.weeks <= 12 }\n"
        "  rule two { severity error; cite \"c\"; message \"m\"; require count(target) >= 2 }\n"
        "}\n"
        "course a \"A\" {\n  provider \"P\"\n  conforms own\n  group_size 4..8\n" TEAM
        "  target t \"T\" { lived_experience }\n  target u \"U\" { lived_experience }\n"
        THEORY("12", "78h")
        "course b \"B\" {\n  provider \"P\"\n  conforms own\n  group_size 4..8\n" TEAM
        "  target t \"T\" { lived_experience }\n"
        THEORY("10", "60h")
        "course base \"Base\" {\n  provider \"P\"\n  conforms own\n  group_size 4..8\n" TEAM
        "  target t \"T\" { lived_experience }\n  target u \"U\" { lived_experience }\n"
        THEORY("12", "80h")
        "course d \"D\" extends base {\n  provider \"Q\"\n}\n"
        "schedule sa for a {\n  start 2025-02-03\n  weekdays mon, wed\n  time 09:00..12:00\n}\n"
        "uddannelse e \"E\" {\n  provider \"P\"\n  conforms own\n  group_size 4..8\n" TEAM
        "  target t \"T\" { lived_experience }\n  target u \"U\" { lived_experience }\n"
        THEORY("13", "78h");
    char path[] = "/tmp/ramme_test_fixXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);

    SourceSet ss;
    Diags d;
    src_init(&ss);
    diag_init(&d);
    Program *p = compile_batch(path, "course", NULL, &ss, &d);
    assert_int_equal(d.errors, 0);
    BatchIter it;
    batch_begin(&it, p);
    int courses = 0, alone = 0, compared = 0;
    for (Block *c; (c = batch_next(&it)) != NULL;) {
        assert_true(it.clean);
        courses++;
        size_t off, end;
        bool is_alone = batch_rebuild_range(p, c, &off, &end);
        alone += is_alone;
        /* `base` is extended by `d`: verified by the whole file. */
        assert_int_equal(is_alone, strcmp(c->name, "base") != 0);
        CourseReport rep;
        rules_check(p, c, it.arena, &rep);
        fix_course(p, &ss, NULL, &rep, it.arena, NULL);

        /* The same course, the whole text compiled (compile_text) and
         * verified whole. */
        char *whole = arena_printf(it.arena, "%scourse zz \"Z\" extends %s {\n}\n", text, c->name);
        Judged *w = judge_text(whole, c->name);
        Block *wc = model_decl(w->p, model_schema(w->p, "course"), c->name);
        assert_false(batch_rebuild_range(w->p, wc, &off, &end));
        fix_course(w->p, &w->ss, NULL, &w->rep, w->a, NULL);
        assert_int_equal(rep.n, w->rep.n);
        for (int i = 0; i < rep.n; i++) {
            assert_string_equal(rep.results[i].id, w->rep.results[i].id);
            assert_int_equal(rep.nfixes[i], w->rep.nfixes[i]);
            for (int k = 0; k < rep.nfixes[i]; k++) {
                const Fix *x = &rep.fixes[i][k], *y = &w->rep.fixes[i][k];
                assert_string_equal(x->title, y->title);
                assert_int_equal(x->nedits, y->nedits);
                for (int e = 0; e < x->nedits; e++) {
                    assert_int_equal(x->edits[e].off, y->edits[e].off);
                    assert_int_equal(x->edits[e].end_off, y->edits[e].end_off);
                    assert_int_equal(x->edits[e].line, y->edits[e].line);
                    assert_int_equal(x->edits[e].column, y->edits[e].column);
                    assert_string_equal(x->edits[e].text, y->edits[e].text);
                }
                compared++;
            }
        }
        judged_free(w);
    }
    batch_end(&it);
    assert_int_equal(courses, 5);
    assert_int_equal(alone, 4);
    /* a: 3 for hours, 1 for short; b: hours, two (none verifies); base: hours and short; d: as base;
     * e: hours (13 * 6h = 78h holds), short. */
    assert_true(compared >= 10);
    compile_free(p);
    diag_free(&d);
    src_free(&ss);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(solves_each_input),
        cmocka_unit_test(only_what_the_units_hold),
        cmocka_unit_test(newly_failing_last),
        cmocka_unit_test(adds_missing_members),
        cmocka_unit_test(sets_a_flag_on_an_element),
        cmocka_unit_test(turns_a_reversed_range),
        cmocka_unit_test(coverage_by_title),
        cmocka_unit_test(declares_an_undeclared_input),
        cmocka_unit_test(declares_a_placeholder),
        cmocka_unit_test(inherited_is_redeclared),
        cmocka_unit_test(nothing_unverified),
        cmocka_unit_test(overlapping_fixes),
        cmocka_unit_test(alone_as_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
