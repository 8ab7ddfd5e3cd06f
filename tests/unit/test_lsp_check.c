/* test_lsp_check.c — the language server's analysis, asked directly
 * (src/lsp/lsp_check.h; the protocol is tests/lsp/): a document compiled
 * and its courses judged as `check` judges them, and what lies at an
 * offset: the entry, the schema it is a field of, the block the cursor is
 * in, the expression under it, an import; a field's schema comment; a rule
 * found by its id, a goal by its qualified name. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lsp/lsp_check.h"

#include <string.h>

static const char course[] =
    "import \"national\"\n"
    "course peer \"Peer\" {\n"
    "  provider   \"Recovery-skolen\"\n"
    "  conforms   national\n"
    "  target peers \"Peers\" { lived_experience }\n"
    "  theory { hours 78h }\n"
    "  module m1 \"M\" { covers recovery.hope }\n"
    "  group_size 12..8\n"
    "  instructors {\n"
    "    instructor t \"T\" { experiential_competence }\n"
    "  }\n"
    "}\n";

static size_t at_of(const char *needle)
{
    const char *p = strstr(course, needle);
    assert_non_null(p);
    return (size_t)(p - course);
}

static void test_judged(void **state)
{
    (void)state;
    LspCheck *c = lsp_check_run("t.ramme", course, strlen(course), NULL);
    assert_int_equal(c->d.errors, 0);
    assert_int_equal(c->nreps, 1);
    /* group_size 12..8 fails consistency.group_size, at that entry. */
    bool found = false;
    for (int i = 0; i < c->reps[0].n; i++) {
        const RuleResult *r = &c->reps[0].results[i];
        if (strcmp(r->id, "consistency.group_size") == 0) {
            found = true;
            assert_int_equal(r->status, ST_FAIL);
            assert_int_equal(r->where.first_off, at_of("12..8"));
        }
    }
    assert_true(found);
    lsp_check_free(c);
}

static void test_errors_not_judged(void **state)
{
    (void)state;
    LspCheck *c = lsp_check_run("t.ramme", "course x \"y\" {\n  provder \"a\"\n}\n", 31, NULL);
    assert_true(c->d.errors > 0);
    assert_int_equal(c->nreps, 0);
    /* The did-you-mean keeps its name for the quick fix. */
    bool suggested = false;
    for (int i = 0; i < c->d.n; i++)
        suggested = suggested || (c->d.items[i].suggest && strcmp(c->d.items[i].suggest, "provider") == 0);
    assert_true(suggested);
    lsp_check_free(c);
}

static void test_at(void **state)
{
    (void)state;
    LspCheck *c = lsp_check_run("t.ramme", course, strlen(course), NULL);
    LspAt at;
    /* A key of the course. */
    lsp_check_at(c, at_of("provider") + 2, &at);
    assert_non_null(at.entry);
    assert_string_equal(at.entry->key, "provider");
    assert_string_equal(at.outer->name, "course");
    assert_string_equal(at.block_schema->name, "course");
    /* A goal id in a module: the module block, the covers entry, the path. */
    lsp_check_at(c, at_of("recovery.hope") + 3, &at);
    assert_string_equal(at.entry->key, "covers");
    assert_string_equal(at.outer->name, "module");
    assert_non_null(at.node);
    assert_int_equal(at.node->kind, N_PATH);
    assert_string_equal(at.node->u.path, "recovery.hope");
    /* Inside the theory block's braces. */
    lsp_check_at(c, at_of("hours 78h") - 1, &at);
    assert_string_equal(at.block_schema->name, "theory");
    /* The import. */
    lsp_check_at(c, at_of("national") + 1, &at);
    assert_non_null(at.import);
    assert_string_equal(at.import->u.import.path, "national");
    /* Between declarations: nothing. */
    lsp_check_at(c, strlen(course), &at);
    assert_null(at.entry);
    assert_null(at.block_schema);
    lsp_check_free(c);
}

static void test_lookup_and_doc(void **state)
{
    (void)state;
    LspCheck *c = lsp_check_run("t.ramme", course, strlen(course), NULL);
    Block *g = lsp_check_lookup(c, NULL, "recovery.hope");
    assert_non_null(g);
    assert_string_equal(g->title, "Skabe håb");
    Block *r = lsp_check_lookup(c, NULL, "national.goal_coverage");
    assert_non_null(r);
    assert_string_equal(r->schema->name, "rule");
    assert_null(lsp_check_lookup(c, NULL, "national.no_such_rule"));
    Field *f = model_field(model_schema(c->p, "course"), "provider");
    Arena *a = arena_new();
    assert_string_equal(lsp_field_doc(c, a, f), "who offers it");
    assert_null(lsp_field_doc(c, a, model_field(model_schema(c->p, "course"), "format")));
    arena_free(a);
    assert_non_null(lsp_field_enum(model_field(model_schema(c->p, "course"), "principles")));
    assert_string_equal(lsp_field_ref(model_field(model_schema(c->p, "course"), "conforms"))->name, "framework");
    assert_string_equal(lsp_field_schema(model_field(model_schema(c->p, "course"), "target"))->name, "target");
    lsp_check_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_judged),
        cmocka_unit_test(test_errors_not_judged),
        cmocka_unit_test(test_at),
        cmocka_unit_test(test_lookup_and_doc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
