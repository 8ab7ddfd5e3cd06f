/* test_rules.c — the rules engine (src/engine/rules.h) on its own terms:
 * which frameworks judge a course (those it conforms to, what they extend,
 * and every `always` framework, each once), the order of the results
 * (failures first, by severity, then unknown, pass, not applicable), the
 * counts the summary and the exit status read (failed by severity, unknown,
 * unknown by severity), and where a result points (the course's entry the
 * rule reads, else the course). The evaluator's own cases are test_eval.c's. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine/rules.h"
#include "model/compile.h"
#include "judge_harness.h"
#define SPAN_SS (&r->ss)
#include "span_harness.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef Judged R;

/* Frameworks f (always), g (conformed to) and h extends g, with rules of
 * each severity and status; course c conforms to h. */
static const char *TEXT =
    "framework f \"F\" {\n"                                           /* 1 */
    "  always yes\n"                                                  /* 2 */
    "  rule f_pass { severity error; cite \"c\"; message \"m\"; require yes }\n"
    "}\n"                                                             /* 4 */
    "framework g \"G\" {\n"                                           /* 5 */
    "  rule g_advice { severity advice; cite \"c\"; message \"m\"; require study_groups }\n"
    "  rule g_unknown { severity error; cite \"c\"; message \"m\"; require theory.weeks > 1 }\n"
    "  rule g_na { severity warning; cite \"c\"; message \"m\"; when no; require no }\n"
    "}\n"                                                             /* 9 */
    "framework h \"H\" extends g {\n"                                 /* 10 */
    "  rule h_error { severity error; cite \"c\"; message \"m\"; require max(group_size) <= 8 }\n"
    "  rule h_warning { severity warning; cite \"c\"; message \"m\"; require count(module) >= 1 }\n"
    "}\n"                                                             /* 13 */
    "course c \"C\" {\n"                                              /* 14 */
    "  provider \"P\"\n"                                              /* 15 */
    "  conforms h\n"                                                  /* 16 */
    "  group_size 4..12\n"                                            /* 17 */
    "  instructors { instructor p \"Peer\" { experiential_competence } }\n"
    "}\n";

static R *judge(void)
{
    return judge_text(TEXT, "c");
}

static void r_free(R *r)
{
    judged_free(r);
}

static const RuleResult *find(const R *r, const char *id)
{
    for (int i = 0; i < r->rep.n; i++)
        if (strcmp(r->rep.results[i].id, id) == 0)
            return &r->rep.results[i];
    fail_msg("no result for %s", id);
    return NULL;
}

static void test_frameworks(void **state)
{
    (void)state;
    R *r = judge();
    /* h, the g it extends, then the always frameworks (f, and the prelude's
     * consistency), each once. */
    const char *names[8];
    int n = 0;
    for (int i = 0; i < r->rep.nframeworks && n < 8; i++)
        names[n++] = r->rep.frameworks[i]->name;
    bool h = false, g = false, f = false, cons = false;
    for (int i = 0; i < n; i++) {
        h |= strcmp(names[i], "h") == 0;
        g |= strcmp(names[i], "g") == 0;
        f |= strcmp(names[i], "f") == 0;
        cons |= strcmp(names[i], "consistency") == 0;
        for (int k = 0; k < i; k++)
            assert_string_not_equal(names[i], names[k]);
    }
    assert_true(h && f && cons);
    (void)g;
    /* Every rule of h, inherited ones under their own ids, is judged once. */
    find(r, "h.h_error");
    find(r, "g.g_advice");
    find(r, "f.f_pass");
    int seen = 0;
    for (int i = 0; i < r->rep.n; i++)
        seen += strcmp(r->rep.results[i].id, "g.g_unknown") == 0;
    assert_int_equal(seen, 1);
    r_free(r);
}

/* A course that conforms to g and to h, which extends g, in either order:
 * g's rules come with both frameworks, and each is judged once. */
static void test_shared_rules_judged_once(void **state)
{
    (void)state;
    static const char *const conforms[] = {"g, h", "h, g", "g, h, g"};
    for (int k = 0; k < 3; k++) {
        char text[2048];
        snprintf(text, sizeof text, "%s" "course d \"D\" {\n  provider \"P\"\n  conforms %s\n  group_size 4\n"
                 "  instructors { instructor p \"Peer\" { experiential_competence } }\n}\n", TEXT, conforms[k]);
        R *r = judge_text(text, "d");
        for (int i = 0; i < r->rep.n; i++)
            for (int j = 0; j < i; j++)
                assert_string_not_equal(r->rep.results[i].id, r->rep.results[j].id);
        find(r, "g.g_advice");
        find(r, "g.g_na");
        find(r, "h.h_error");
        find(r, "f.f_pass");
        r_free(r);
    }
}

/* What judge reads of a rule comes from its info (rules.c, RuleInfo, made
 * with its framework's): each `require` by its index (a later one failing
 * after earlier ones pass), `when` false and true, a rule without `when`,
 * and each result's rule the block its id names. */
static void test_rule_parts_by_index(void **state)
{
    (void)state;
    static const char *text =
        "framework k \"K\" {\n"
        "  rule two { severity error; cite \"c\"; message \"m\"; require yes; require max(group_size) > 100 }\n"
        "  rule third { severity warning; cite \"c\"; message \"m\"; require yes; require yes; require no }\n"
        "  rule all_pass { severity error; cite \"c\"; message \"m\"; require yes; require max(group_size) > 1 }\n"
        "  rule when_no { severity error; cite \"c\"; message \"m\"; when max(group_size) > 100; require no }\n"
        "  rule when_yes { severity advice; cite \"c\"; message \"m\"; when max(group_size) > 1; require no }\n"
        "}\n"
        "course c \"C\" {\n  provider \"P\"\n  conforms k\n  group_size 4\n"
        "  instructors { instructor p \"Peer\" { experiential_competence } }\n}\n";
    R *r = judge_text(text, "c");
    assert_int_equal(find(r, "k.two")->status, ST_FAIL);
    assert_int_equal(find(r, "k.third")->status, ST_FAIL);
    assert_int_equal(find(r, "k.third")->severity, SEV_WARNING);
    assert_int_equal(find(r, "k.all_pass")->status, ST_PASS);
    assert_int_equal(find(r, "k.when_no")->status, ST_NA);
    assert_int_equal(find(r, "k.when_yes")->status, ST_FAIL);
    assert_int_equal(find(r, "k.when_yes")->severity, SEV_ADVICE);
    for (int i = 0; i < r->rep.n; i++) {
        const RuleResult *x = &r->rep.results[i];
        const char *dot = strrchr(x->id, '.');
        assert_non_null(dot);
        assert_string_equal(x->rule->name, dot + 1);
        assert_int_equal(strncmp(x->id, x->framework->name, (size_t)(dot - x->id)), 0);
    }
    r_free(r);
}

static void test_statuses_and_counts(void **state)
{
    (void)state;
    R *r = judge();
    assert_int_equal(find(r, "h.h_error")->status, ST_FAIL);
    assert_int_equal(find(r, "h.h_warning")->status, ST_UNKNOWN); /* no modules declared */
    assert_int_equal(find(r, "g.g_advice")->status, ST_FAIL);     /* study_groups defaults to no */
    assert_int_equal(find(r, "g.g_unknown")->status, ST_UNKNOWN);
    assert_int_equal(find(r, "g.g_na")->status, ST_NA);
    assert_int_equal(find(r, "f.f_pass")->status, ST_PASS);
    /* What the summary and the exit status read. */
    assert_int_equal(r->rep.failed[SEV_ERROR], 1);
    assert_int_equal(r->rep.failed[SEV_ADVICE], 1);
    assert_int_equal(r->rep.unknown_by[SEV_ERROR], 1);
    assert_int_equal(r->rep.unknown_by[SEV_WARNING], 1);
    int unknown = 0;
    for (int i = 0; i < r->rep.n; i++)
        unknown += r->rep.results[i].status == ST_UNKNOWN;
    assert_int_equal(r->rep.unknown, unknown);
    r_free(r);
}

static void test_order_within_a_framework(void **state)
{
    (void)state;
    R *r = judge();
    /* Within each framework: failures first (by severity), then unknown,
     * pass, n/a; the rank never goes back. */
    static const int rank_of[] = {[ST_FAIL] = 0, [ST_UNKNOWN] = 1, [ST_PASS] = 2, [ST_NA] = 3};
    for (int i = 1; i < r->rep.n; i++) {
        const RuleResult *x = &r->rep.results[i - 1], *y = &r->rep.results[i];
        if (x->framework != y->framework)
            continue;
        assert_true(rank_of[x->status] <= rank_of[y->status]);
        if (x->status == ST_FAIL && y->status == ST_FAIL)
            assert_true(x->severity <= y->severity);
    }
    r_free(r);
}

static void test_where(void **state)
{
    (void)state;
    R *r = judge();
    /* A rule points at the course's entry its condition reads... */
    assert_int_equal(LINE(find(r, "h.h_error")->where), 17);
    /* ...and at the course when that entry is not written. */
    assert_int_equal(LINE(find(r, "g.g_unknown")->where), 14);
    r_free(r);
}

/* The entry a failure points at is the first course field its condition
 * reads that the course writes, in the order the condition reads them,
 * leaving out an `else` branch, a `where` predicate and a written-out set;
 * without one, the course. */
static void test_where_order(void **state)
{
    (void)state;
    static const char *const text =
        "framework p \"P\" {\n"                                                                           /* 1 */
        "  rule els { severity error; cite \"c\"; message \"m\"; require if no then yes else study_groups }\n"
        "  rule thn { severity error; cite \"c\"; message \"m\"; require if yes then study_groups else max(group_size) < 2 }\n"
        "  rule whr { severity error; cite \"c\"; message \"m\"; require count(module where hours > 1h) > 5 }\n"
        "  rule ord { severity error; cite \"c\"; message \"m\"; require defined(locations) or max(group_size) < 2 }\n"
        "}\n"                                                                                                /* 6 */
        "course d \"D\" {\n"                                                                               /* 7 */
        "  provider \"P\"\n"                                                                               /* 8 */
        "  conforms p\n"                                                                                     /* 9 */
        "  group_size 4\n"                                                                                   /* 10 */
        "  study_groups no\n"                                                                                /* 11 */
        "  module m1 \"M\" { hours 2h }\n"                                                                 /* 12 */
        "  instructors { instructor i \"Peer\" { experiential_competence } }\n"
        "}\n";
    R *r = judge_text(text, "d");
    assert_int_equal(find(r, "p.els")->status, ST_FAIL);
    assert_int_equal(LINE(find(r, "p.els")->where), 7);  /* study_groups only in the else branch */
    assert_int_equal(LINE(find(r, "p.thn")->where), 11); /* the then branch's study_groups */
    assert_int_equal(LINE(find(r, "p.whr")->where), 12); /* module, not the predicate's hours */
    assert_int_equal(LINE(find(r, "p.ord")->where), 10); /* locations is not written: group_size */
    r_free(r);
}

/* q, a lighter judgement of the same course, gives what the full one
 * gives, result by result — id, status, severity, place — and the same
 * counts, with no explanation, and its messages (with_messages) or none. */
static void assert_same_judgement(const CourseReport *full, const CourseReport *q, bool with_messages, bool full_too)
{
    assert_int_equal(q->n, full->n);
    assert_int_equal(q->nframeworks, full->nframeworks);
    for (int s = 0; s < 3; s++) {
        assert_int_equal(q->failed[s], full->failed[s]);
        assert_int_equal(q->unknown_by[s], full->unknown_by[s]);
    }
    assert_int_equal(q->unknown, full->unknown);
    int explained = 0;
    for (int i = 0; i < q->n; i++) {
        const RuleResult *x = &full->results[i], *y = &q->results[i];
        assert_string_equal(y->id, x->id);
        assert_int_equal(y->status, x->status);
        assert_int_equal(y->severity, x->severity);
        assert_int_equal(y->where.file, x->where.file);
        assert_int_equal(y->where.first_off, x->where.first_off);
        if (with_messages)
            assert_string_equal(y->message, x->message);
        else
            assert_null(y->message);
        explained += x->nexplain;
        if (!full_too) {
            assert_int_equal(y->nexplain, 0);
            continue;
        }
        /* q is a full judgement too: the rest of the result as well. */
        assert_ptr_equal(y->rule, x->rule);
        assert_ptr_equal(y->framework, x->framework);
        assert_string_equal(y->cite, x->cite);
        assert_int_equal(y->where.last_off, x->where.last_off);
        assert_int_equal(y->nexplain, x->nexplain);
        for (int k = 0; k < x->nexplain; k++)
            assert_string_equal(y->explain[k], x->explain[k]);
    }
    for (int f = 0; full_too && f < q->nframeworks; f++)
        assert_ptr_equal(q->frameworks[f], full->frameworks[f]);
    /* The full judgement did explain something here, so the comparison
     * above says the lighter one left it out. */
    assert_true(explained > 0);
}

/* rules_check_statuses (the planner's pricing): without messages and
 * explanations. */
static void test_statuses_only(void **state)
{
    (void)state;
    R *r = judge();
    Block *c = model_decl(r->p, model_schema(r->p, "course"), "c");
    CourseReport q;
    rules_check_statuses(r->p, c, r->a, &q);
    assert_same_judgement(&r->rep, &q, false, false);
    r_free(r);
}

/* rules_check_messages (the one-line report): the messages, without
 * explanations. */
static void test_messages_only(void **state)
{
    (void)state;
    R *r = judge();
    Block *c = model_decl(r->p, model_schema(r->p, "course"), "c");
    CourseReport q;
    rules_check_messages(r->p, c, r->a, &q);
    assert_same_judgement(&r->rep, &q, true, false);
    r_free(r);
}

/* check's arrays of a course (its results, the rules seen) are not
 * zeroed (arena_array_raw): judged in an arena full of garbage, a course
 * is judged as in a fresh one, field by field. */
static void test_dirty_arena(void **state)
{
    (void)state;
    R *r = judge();
    Block *c = model_decl(r->p, model_schema(r->p, "course"), "c");
    Arena *dirty = arena_new();
    ArenaMark m = arena_mark(dirty);
    memset(arena_alloc_raw(dirty, 60000), 0xA5, 60000);
    arena_release(dirty, m);
    CourseReport q;
    rules_check(r->p, c, dirty, &q);
    assert_same_judgement(&r->rep, &q, true, true);
    arena_free(dirty);
    r_free(r);
}

/* A rule's own message is escaped once per program for text output
 * (rules_message_shown), as esc_text escapes it; a message with something
 * filled in is not the rule's, and is escaped where it is shown. */
static void test_message_shown(void **state)
{
    (void)state;
    R *r = judge_text("framework k \"K\" {\n"
                      "  always yes\n"
                      "  rule k_esc { severity error; cite \"c\"; message \"bad\\u{1b}[31m \xC3\xA6\"; require no }\n"
                      "  rule k_fill { severity error; cite \"c\"; message \"size {max(group_size)}\"; require no }\n"
                      "}\n"
                      "course c \"C\" { provider \"P\"; group_size 4..12; instructors { instructor p \"Peer\" { experiential_competence } } }\n",
                      "c");
    const RuleResult *esc = find(r, "k.k_esc"), *fill = find(r, "k.k_fill");
    assert_string_equal(esc->message, "bad\x1b[31m \xC3\xA6");
    assert_string_equal(rules_message_shown(esc), "bad\\u{1b}[31m \xC3\xA6");
    assert_string_equal(fill->message, "size 12");
    assert_null(rules_message_shown(fill));
    /* The id likewise; a result without its rule's own id, nothing. */
    assert_string_equal(rules_id_shown(esc), "k.k_esc");
    RuleResult other = *esc;
    other.id = "k.other";
    assert_null(rules_id_shown(&other));
    r_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_frameworks),
        cmocka_unit_test(test_shared_rules_judged_once),
        cmocka_unit_test(test_rule_parts_by_index),
        cmocka_unit_test(test_statuses_and_counts),
        cmocka_unit_test(test_order_within_a_framework),
        cmocka_unit_test(test_where),
        cmocka_unit_test(test_where_order),
        cmocka_unit_test(test_statuses_only),
        cmocka_unit_test(test_messages_only),
        cmocka_unit_test(test_dirty_arena),
        cmocka_unit_test(test_message_shown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
