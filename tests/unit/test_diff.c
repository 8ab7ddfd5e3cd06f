/* test_diff.c — diff_blocks (src/engine/diff.h) on courses compiled from strings and
 * on the bundled municipal variant: scalar changes, a replaced nested block,
 * many-items added and changed, titles, identical courses, two unrelated
 * courses, unnamed many-items, rule statuses that differ, and the text and
 * JSON renderings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/compile.h"
#include "emit/diff_out.h"
#define SPAN_SS ((SourceSet *)&t->ss)
#include "span_harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ harness */

typedef struct T {
    SourceSet ss;
    Diags d;
    Program *p;
    Arena *a;
    DiffReport r;
} T;

static void print_diags(const Diags *d)
{
    for (int i = 0; i < d->n; i++)
        fprintf(stderr, "  diag @%u: %s\n", (unsigned)d->items[i].span.first_off, d->items[i].msg);
}

static T *finish(T *t, const char *base, const char *variant)
{
    if (t->d.errors) {
        print_diags(&t->d);
        fail_msg("%d unexpected error(s)", t->d.errors);
    }
    Schema *cs = model_schema(t->p, "course");
    assert_non_null(cs);
    Block *b = model_decl(t->p, cs, base), *v = model_decl(t->p, cs, variant);
    assert_non_null(b);
    assert_non_null(v);
    t->a = arena_new();
    diff_blocks(t->p, b, v, t->a, &t->r);
    assert_ptr_equal(t->r.base, b);
    assert_ptr_equal(t->r.variant, v);
    return t;
}

/* Compiles `text` (file "t.ramme") and diffs course `base` with `variant`. */
static T *diff_text(const char *text, const char *base, const char *variant)
{
    T *t = calloc(1, sizeof *t);
    assert_non_null(t);
    src_init(&t->ss);
    diag_init(&t->d);
    t->p = compile_text("t.ramme", text, NULL, &t->ss, &t->d);
    return finish(t, base, variant);
}

static T *diff_file(const char *path, const char *base, const char *variant)
{
    T *t = calloc(1, sizeof *t);
    assert_non_null(t);
    src_init(&t->ss);
    diag_init(&t->d);
    t->p = compile_file(path, NULL, &t->ss, &t->d);
    return finish(t, base, variant);
}

static void t_free(T *t)
{
    arena_free(t->a);
    compile_free(t->p);
    diag_free(&t->d);
    src_free(&t->ss);
    free(t);
}

static void dump(const T *t)
{
    for (int i = 0; i < t->r.nentries; i++) {
        const DiffEntry *e = &t->r.entries[i];
        fprintf(stderr, "  entry %d: %d %s: %s -> %s (%d:%d)\n", i, e->kind, e->path, e->before ? e->before : "NULL",
                e->after ? e->after : "NULL", LINE(e->where), COL(e->where));
    }
    for (int i = 0; i < t->r.nrules; i++)
        fprintf(stderr, "  rule %d: %s %d -> %d\n", i, t->r.rules[i].id, t->r.rules[i].before, t->r.rules[i].after);
}

static void expect_counts(const T *t, int nentries, int nrules)
{
    if (t->r.nentries != nentries || t->r.nrules != nrules) {
        dump(t);
        fail_msg("expected %d entries and %d rules, got %d and %d", nentries, nrules, t->r.nentries, t->r.nrules);
    }
}

static void expect_entry(const T *t, int i, DiffKind k, const char *path, const char *before, const char *after,
                         int line)
{
    assert_true(i < t->r.nentries);
    const DiffEntry *e = &t->r.entries[i];
    if (e->kind != k || strcmp(e->path, path) != 0) {
        dump(t);
        fail_msg("entry %d: expected %d %s", i, k, path);
    }
    if (before)
        assert_string_equal(e->before, before);
    else
        assert_null(e->before);
    if (after)
        assert_string_equal(e->after, after);
    else
        assert_null(e->after);
    assert_int_equal(LINE(e->where), line);
}

/* The base course used by most tests; line numbers below refer to it. */
#define BASE \
    "import \"national\"\n"                                  /*  1 */ \
    "course base \"Base course\" {\n"                        /*  2 */ \
    "  provider \"Region\"\n"                                /*  3 */ \
    "  conforms national\n"                                  /*  4 */ \
    "  group_size max 8\n"                                   /*  5 */ \
    "  target peers \"Peers\" {\n"                           /*  6 */ \
    "    lived_experience\n"                                 /*  7 */ \
    "  }\n"                                                  /*  8 */ \
    "  theory {\n"                                           /*  9 */ \
    "    weeks 13\n"                                         /* 10 */ \
    "    sessions_per_week 2\n"                              /* 11 */ \
    "    session_length 3h\n"                                /* 12 */ \
    "    hours 78h\n"                                        /* 13 */ \
    "  }\n"                                                  /* 14 */ \
    "  module m1 \"Intro\" {\n"                              /* 15 */ \
    "    hours 39h\n"                                        /* 16 */ \
    "  }\n"                                                  /* 17 */ \
    "  module m2 \"Recovery\" {\n"                           /* 18 */ \
    "    hours 39h\n"                                        /* 19 */ \
    "  }\n"                                                  /* 20 */ \
    "  instructors {\n"                                      /* 21 */ \
    "    instructor peer_teacher \"Peer\" {\n"               /* 22 */ \
    "      experiential_competence\n"                        /* 23 */ \
    "      continuous\n"                                     /* 24 */ \
    "    }\n"                                                /* 25 */ \
    "    instructor professional \"Professional\" {\n"       /* 26 */ \
    "      professional\n"                                   /* 27 */ \
    "      continuous\n"                                     /* 28 */ \
    "    }\n"                                                /* 29 */ \
    "    external_guests\n"                                  /* 30 */ \
    "  }\n"                                                  /* 31 */ \
    "  principles practice_oriented, empowerment\n"          /* 32 */ \
    "}\n"                                                    /* 33 */

/* ------------------------------------------------------------ tests */

static void test_scalar_change(void **state)
{
    (void)state;
    T *t = diff_text(BASE "course v extends base {\n" /* 34 */
                          "  group_size max 12\n"     /* 35 */
                          "}\n",
                     "base", "v");
    expect_counts(t, 1, 0);
    expect_entry(t, 0, DC_CHANGED, "group_size", "..8", "..12", 35);
    assert_int_equal(t->r.entries[0].where.file, t->r.variant->span.file);
    t_free(t);
}

static void test_replaced_block(void **state)
{
    (void)state;
    T *t = diff_text(BASE "course v extends base {\n"                        /* 34 */
                          "  instructors {\n"                                /* 35 */
                          "    instructor professional \"Professional\" {\n" /* 36 */
                          "      professional\n"                             /* 37 */
                          "      continuous\n"                               /* 38 */
                          "    }\n"                                          /* 39 */
                          "    instructor social_worker \"Social worker\" {\n" /* 40 */
                          "      professional\n"                             /* 41 */
                          "      count 2\n"                                  /* 42 */
                          "    }\n"                                          /* 43 */
                          "  }\n"                                            /* 44 */
                          "}\n",
                     "base", "v");
    /* professional is written again identically: not reported. */
    expect_counts(t, 3, 1);
    expect_entry(t, 0, DC_REMOVED, "instructors.instructor peer_teacher",
                 "\"Peer\" {experiential_competence, continuous}", NULL, 35);
    expect_entry(t, 1, DC_ADDED, "instructors.instructor social_worker", NULL,
                 "\"Social worker\" {professional, count 2}", 40);
    /* The replacing block has no external_guests: the default (no) applies. */
    expect_entry(t, 2, DC_CHANGED, "instructors.external_guests", "yes", "no", 35);
    assert_string_equal(t->r.rules[0].id, "national.experiential_instructor");
    assert_int_equal(t->r.rules[0].before, ST_PASS);
    assert_int_equal(t->r.rules[0].after, ST_FAIL);
    t_free(t);
}

static void test_many_added_and_changed(void **state)
{
    (void)state;
    T *t = diff_text(BASE "course v extends base {\n"     /* 34 */
                          "  module m2 \"Recovery\" {\n"  /* 35 */
                          "    hours 30h\n"               /* 36 */
                          "  }\n"                         /* 37 */
                          "  module m3 \"Practice\" {\n"  /* 38 */
                          "    hours 9h\n"                /* 39 */
                          "  }\n"                         /* 40 */
                          "  target relatives \"Relatives\" {\n" /* 41 */
                          "  }\n"                         /* 42 */
                          "}\n",
                     "base", "v");
    /* Schema order: target before module; m1 is inherited (same pointer). */
    expect_counts(t, 3, 0);
    expect_entry(t, 0, DC_ADDED, "target relatives", NULL, "\"Relatives\"", 41);
    expect_entry(t, 1, DC_CHANGED, "module m2.hours", "39h", "30h", 36);
    expect_entry(t, 2, DC_ADDED, "module m3", NULL, "\"Practice\" {hours 9h}", 38);
    t_free(t);
}

static void test_module_hours_rule_breaks(void **state)
{
    (void)state;
    T *t = diff_text(BASE "course v extends base {\n"     /* 34 */
                          "  module m1 \"Intro\" {\n"     /* 35 */
                          "    hours 30h\n"               /* 36 */
                          "  }\n"                         /* 37 */
                          "}\n",
                     "base", "v");
    expect_counts(t, 1, 1);
    expect_entry(t, 0, DC_CHANGED, "module m1.hours", "39h", "30h", 36);
    const DiffRule *r = &t->r.rules[0];
    assert_string_equal(r->id, "consistency.module_hours");
    assert_int_equal(r->before, ST_PASS);
    assert_int_equal(r->after, ST_FAIL);
    assert_non_null(r->base_result);
    assert_non_null(r->variant_result);
    assert_int_equal(r->variant_result->severity, SEV_ERROR);
    assert_ptr_equal(r->base_result->rule, r->variant_result->rule);
    t_free(t);
}

static void test_title_change(void **state)
{
    (void)state;
    T *t = diff_text(BASE "course v \"Local course\" extends base {\n" /* 34 */
                          "}\n",
                     "base", "v");
    expect_counts(t, 1, 0);
    expect_entry(t, 0, DC_CHANGED, "title", "\"Base course\"", "\"Local course\"", 34);
    assert_int_equal(COL(t->r.entries[0].where), 8); /* the variant's name */
    t_free(t);
}

static void test_identical(void **state)
{
    (void)state;
    /* An empty extension, and a course diffed with itself. */
    T *t = diff_text(BASE "course v extends base {\n}\n", "base", "v");
    expect_counts(t, 0, 0);
    assert_true(t->r.base_report.n > 0);
    assert_int_equal(t->r.base_report.n, t->r.variant_report.n);
    t_free(t);
    t = diff_text(BASE, "base", "base");
    expect_counts(t, 0, 0);
    t_free(t);
}

static void test_identical_written_twice(void **state)
{
    (void)state;
    /* Two independent declarations with equal contents: equal by value, not
     * by pointer (written values vs defaults, `max 8` vs `..8`). */
    T *t = diff_text("course a \"T\" {\n"
                     "  provider \"P\"\n"
                     "  group_size max 8\n"
                     "  instructors {\n"
                     "    instructor x \"X\" {\n"
                     "      professional\n"
                     "    }\n"
                     "  }\n"
                     "}\n"
                     "course b \"T\" {\n"
                     "  provider \"P\"\n"
                     "  group_size ..8\n"
                     "  format cohort\n"
                     "  instructors {\n"
                     "    instructor x \"X\" {\n"
                     "      professional\n"
                     "      continuous no\n"
                     "    }\n"
                     "    external_guests no\n"
                     "  }\n"
                     "}\n",
                     "a", "b");
    expect_counts(t, 0, 0);
    t_free(t);
}

static void test_unrelated_courses(void **state)
{
    (void)state;
    T *t = diff_text("course a \"A\" {\n"         /* 1 */
                     "  provider \"P\"\n"         /* 2 */
                     "  locations \"x\", \"y\"\n" /* 3 */
                     "  group_size 4..8\n"        /* 4 */
                     "  theory {\n"               /* 5 */
                     "    weeks 10\n"             /* 6 */
                     "  }\n"                      /* 7 */
                     "  instructors {\n"          /* 8 */
                     "  }\n"                      /* 9 */
                     "}\n"                        /* 10 */
                     "course b \"A\" {\n"         /* 11 */
                     "  provider \"P\"\n"         /* 12 */
                     "  locations \"x\", \"z\"\n" /* 13 */
                     "  group_size 4..8\n"        /* 14 */
                     "  day_length 6h\n"          /* 15 */
                     "  instructors {\n"          /* 16 */
                     "    equal_standing\n"       /* 17 */
                     "  }\n"                      /* 18 */
                     "}\n",
                     "a", "b");
    expect_counts(t, 4, 0);
    expect_entry(t, 0, DC_CHANGED, "locations", "[\"x\", \"y\"]", "[\"x\", \"z\"]", 13);
    expect_entry(t, 1, DC_ADDED, "day_length", NULL, "6h", 15);
    expect_entry(t, 2, DC_REMOVED, "theory", "{weeks 10}", NULL, 11); /* the variant's name */
    expect_entry(t, 3, DC_CHANGED, "instructors.equal_standing", "no", "yes", 17);
    t_free(t);
}

static void test_unnamed_items(void **state)
{
    (void)state;
    /* `require` items are identified by their text (the schema's `key`): the
     * one the variant writes again is the same; a new text is added. */
    T *t = diff_text("course a \"A\" {\n"                       /* 1 */
                     "  provider \"P\"\n"                       /* 2 */
                     "  group_size 4..8\n"                      /* 3 */
                     "  instructors {\n"                        /* 4 */
                     "  }\n"                                    /* 5 */
                     "  admission {\n"                          /* 6 */
                     "    seats 10\n"                           /* 7 */
                     "    require age >= 18 \"Adult\"\n"        /* 8 */
                     "  }\n"                                    /* 9 */
                     "}\n"                                      /* 10 */
                     "course b extends a {\n"                   /* 11 */
                     "  admission {\n"                          /* 12 */
                     "    seats 12\n"                           /* 13 */
                     "    require age >= 18 \"Adult\"\n"        /* 14 */
                     "    require lived_experience \"Lived\"\n" /* 15 */
                     "  }\n"                                    /* 16 */
                     "}\n",
                     "a", "b");
    expect_counts(t, 2, 0);
    expect_entry(t, 0, DC_CHANGED, "admission.seats", "10", "12", 13);
    expect_entry(t, 1, DC_ADDED, "admission.require \"Lived\"", NULL, "{test lived_experience, text \"Lived\"}", 15);
    t_free(t);
}

static void test_municipal_variant(void **state)
{
    (void)state;
    T *t = diff_file("examples/municipal-variant.ramme", "region_midt", "midt_variant");
    expect_counts(t, 6, 1);
    expect_entry(t, 0, DC_CHANGED, "title", "\"Peer-uddannelse, Region Midtjylland\"",
                 "\"Lokal variant af Region Midts peer-uddannelse\"", 5);
    expect_entry(t, 1, DC_CHANGED, "provider", "\"Region Midtjylland\"", "\"En kommune i Region Midtjylland\"", 6);
    expect_entry(t, 2, DC_CHANGED, "group_size", "..8", "..12", 7);
    expect_entry(t, 3, DC_REMOVED, "instructors.instructor peer_teacher",
                 "\"Peer-underviser med erfaringskompetence\" {experiential_competence, continuous}", NULL, 9);
    expect_entry(t, 4, DC_ADDED, "instructors.instructor social_worker", NULL, "\"Socialrådgiver\" {professional}", 14);
    expect_entry(t, 5, DC_CHANGED, "instructors.external_guests", "yes", "no", 9);
    const DiffRule *r = &t->r.rules[0];
    assert_string_equal(r->id, "national.experiential_instructor");
    assert_int_equal(r->before, ST_PASS);
    assert_int_equal(r->after, ST_FAIL);
    assert_int_equal(r->variant_result->severity, SEV_ERROR);
    assert_int_equal(r->variant_result->nexplain, 1);
    assert_string_equal(r->variant_result->explain[0],
                        "count(instructors.instructor where experiential_competence and min(count) >= 1) = 0, needs >= 1");
    assert_int_equal(t->r.variant_report.failed[SEV_ERROR], 1);
    assert_int_equal(t->r.base_report.failed[SEV_ERROR], 0);
    t_free(t);
}

static char *render_text_color(const T *t, bool color)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    diff_report_text(f, &t->r, (SourceSet *)&t->ss, color);
    fclose(f);
    return buf;
}

static char *render_text(const T *t)
{
    return render_text_color(t, false);
}

/* The diff's JSON as diff_json writes it, read back. */
static json_t *render_json(const T *t)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_true(diff_report_json(f, &t->r, (SourceSet *)&t->ss));
    fclose(f);
    json_error_t err;
    json_t *j = json_loads(buf, 0, &err);
    free(buf);
    return j;
}

static void test_print_text(void **state)
{
    (void)state;
    T *t = diff_file("examples/municipal-variant.ramme", "region_midt", "midt_variant");
    char *s = render_text(t);
    const char *want[] = {
        "diff region_midt → midt_variant\n",
        "  variant  midt_variant \"Lokal variant af Region Midts peer-uddannelse\"  "
        "examples/municipal-variant.ramme:5:8\n",
        "\n  changes (6)\n",
        "    changed  group_size: ..8 → ..12\n"
        "             at examples/municipal-variant.ramme:7:14\n",
        "    removed  instructors.instructor peer_teacher: \"Peer-underviser med erfaringskompetence\" "
        "{experiential_competence, continuous}\n",
        "\n  rule results that differ (1)\n"
        "    pass → FAIL  error  national.experiential_instructor\n"
        "             Mindst en i undervisningsteamet skal have erfaringskompetence\n"
        "             cites: Erfaringskompetence i underviserteamet\n"
        "             count(instructors.instructor where experiential_competence and min(count) >= 1) = 0, needs >= 1\n"
        "             at examples/municipal-variant.ramme:9:3\n",
        "\n  summary: 6 changes; 1 rule result differs: 1 newly failing, 0 no longer failing\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(s, want[i]))
            fail_msg("text output lacks:\n%s\n--- output:\n%s", want[i], s);
    free(s);
    /* With colour, the statuses are painted as check paints them (one
     * palette, words.h): the failure of an error rule red, the pass green. */
    s = render_text_color(t, true);
    assert_non_null(strstr(s, "    \033[32mpass\033[0m → \033[1;31mFAIL\033[0m  error  national.experiential_instructor\n"));
    free(s);
    t_free(t);

    t = diff_text(BASE "course v extends base {\n}\n", "base", "v");
    s = render_text(t);
    assert_non_null(strstr(s, "\n  changes: none\n"));
    assert_non_null(strstr(s, "\n  rule results that differ: none\n"));
    assert_non_null(strstr(s, "\n  summary: 0 changes; 0 rule results differ: 0 newly failing, 0 no longer failing\n"));
    free(s);
    t_free(t);
}

static void test_to_json(void **state)
{
    (void)state;
    T *t = diff_file("examples/municipal-variant.ramme", "region_midt", "midt_variant");
    json_t *j = render_json(t);
    assert_non_null(j);
    assert_int_equal(json_integer_value(json_object_get(j, "version")), 1);
    assert_string_equal(json_string_value(json_object_get(j, "base")), "region_midt");
    assert_string_equal(json_string_value(json_object_get(j, "variant")), "midt_variant");
    json_t *ch = json_object_get(j, "changes");
    assert_int_equal(json_array_size(ch), 6);
    json_t *c = json_array_get(ch, 2);
    assert_string_equal(json_string_value(json_object_get(c, "kind")), "changed");
    assert_string_equal(json_string_value(json_object_get(c, "path")), "group_size");
    assert_string_equal(json_string_value(json_object_get(c, "before")), "..8");
    assert_string_equal(json_string_value(json_object_get(c, "after")), "..12");
    json_t *loc = json_object_get(c, "location");
    assert_string_equal(json_string_value(json_object_get(loc, "file")), "examples/municipal-variant.ramme");
    assert_int_equal(json_integer_value(json_object_get(loc, "line")), 7);
    assert_int_equal(json_integer_value(json_object_get(loc, "column")), 14);
    c = json_array_get(ch, 4);
    assert_string_equal(json_string_value(json_object_get(c, "kind")), "added");
    assert_true(json_is_null(json_object_get(c, "before")));
    json_t *rules = json_object_get(j, "rules");
    assert_int_equal(json_array_size(rules), 1);
    json_t *r = json_array_get(rules, 0);
    assert_string_equal(json_string_value(json_object_get(r, "rule")), "national.experiential_instructor");
    assert_string_equal(json_string_value(json_object_get(r, "before")), "pass");
    assert_string_equal(json_string_value(json_object_get(r, "after")), "fail");
    assert_string_equal(json_string_value(json_object_get(r, "severity")), "error");
    assert_string_equal(json_string_value(json_object_get(r, "message")),
                        "Mindst en i undervisningsteamet skal have erfaringskompetence");
    assert_int_equal(json_array_size(json_object_get(r, "explain")), 1);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(r, "location"), "line")), 9);
    json_decref(j);
    t_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scalar_change),
        cmocka_unit_test(test_replaced_block),
        cmocka_unit_test(test_many_added_and_changed),
        cmocka_unit_test(test_module_hours_rule_breaks),
        cmocka_unit_test(test_title_change),
        cmocka_unit_test(test_identical),
        cmocka_unit_test(test_identical_written_twice),
        cmocka_unit_test(test_unrelated_courses),
        cmocka_unit_test(test_unnamed_items),
        cmocka_unit_test(test_municipal_variant),
        cmocka_unit_test(test_print_text),
        cmocka_unit_test(test_to_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
