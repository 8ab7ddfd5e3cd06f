/* test_typecheck.c — the type checker (src/model/typecheck.c): every rule
 * expression is typed against the course schema before anything runs.
 * Each test compiles a one-rule framework from a string and looks at the
 * diagnostics: the message, where it points, the help; and, for what must
 * pass, that nothing is reported. Units of contact time and calendar span
 * never mix; names resolve against the course, a `where` element or a
 * quantifier variable; functions check their arguments; messages' {expr}
 * parts are typed at the right column. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/compile.h"
#include "model/typecheck.h"
#define SPAN_SS (&t->ss)
#include "span_harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct T {
    SourceSet ss;
    Diags d;
    Program *p;
} T;

/* A framework `t` with one rule whose require is `expr` (and message
 * `msg`, when given), and a course that conforms to it. The rule's require
 * stands on line 6, from column 14. */
static T *compile_rule(const char *expr, const char *msg)
{
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    assert_non_null(f);
    fprintf(f,
            "framework t \"T\" {\n"
            "  rule r {\n"
            "    severity error\n"
            "    cite     \"c\"\n"
            "    message  \"%s\"\n"
            "    require  %s\n"
            "  }\n"
            "}\n"
            "course c \"C\" {\n"
            "  provider \"P\"\n"
            "  conforms t\n"
            "  group_size 4..8\n"
            "  theory { weeks 13; sessions_per_week 2; session_length 3h; hours 78h }\n"
            "  module m1 \"M\" { hours 78h }\n"
            "  instructors { instructor p \"Peer\" { experiential_competence } }\n"
            "}\n",
            msg ? msg : "m", expr);
    fclose(f);
    T *t = calloc(1, sizeof *t);
    assert_non_null(t);
    src_init(&t->ss);
    diag_init(&t->d);
    t->p = compile_text("t.ramme", text, NULL, &t->ss, &t->d);
    free(text);
    return t;
}

static void t_free(T *t)
{
    compile_free(t->p);
    diag_free(&t->d);
    src_free(&t->ss);
    free(t);
}

static void print_diags(const Diags *d)
{
    for (int i = 0; i < d->n; i++)
        fprintf(stderr, "  @%u: %s%s%s\n", (unsigned)d->items[i].span.first_off, d->items[i].msg, d->items[i].help ? " / help: " : "", d->items[i].help ? d->items[i].help : "");
}

static void expect_clean(const char *expr)
{
    T *t = compile_rule(expr, NULL);
    if (t->d.errors) {
        print_diags(&t->d);
        fail_msg("\"%s\": %d unexpected error(s)", expr, t->d.errors);
    }
    t_free(t);
}

/* The one error of `expr` contains `want`, at line 6 and column `col` (0:
 * any column); its help contains `help` when given. */
static void expect_error(const char *expr, const char *msg, const char *want, int line, int col,
                         const char *help)
{
    T *t = compile_rule(expr, msg);
    const Diag *hit = NULL;
    for (int i = 0; i < t->d.n && !hit; i++)
        if (t->d.items[i].severity == DIAG_ERROR && strstr(t->d.items[i].msg, want))
            hit = &t->d.items[i];
    if (!hit || t->d.errors != 1) {
        print_diags(&t->d);
        fail_msg("\"%s\": expected one error with \"%s\", got %d error(s)", expr, want, t->d.errors);
    }
    assert_int_equal(LINE(hit->span), line);
    if (col)
        assert_int_equal(COL(hit->span), col);
    if (help) {
        if (!hit->help || !strstr(hit->help, help))
            fail_msg("\"%s\": help \"%s\" lacks \"%s\"", expr, hit->help ? hit->help : "(none)", help);
    }
    t_free(t);
}

static void test_well_typed(void **state)
{
    (void)state;
    expect_clean("theory.weeks * theory.sessions_per_week * theory.session_length == theory.hours");
    expect_clean("theory.hours / theory.weeks <= 7h");
    expect_clean("count(module where hours > 10h) >= 1");
    expect_clean("all m in module: m.hours > 0h");
    expect_clean("any i in instructors.instructor: i.experiential_competence");
    expect_clean("4 in group_size and max(group_size) <= 12");
    expect_clean("sum(module.hours) == theory.hours");
    expect_clean("if defined(practicum) then practicum.length >= 4 weeks else yes");
    expect_clean("4 months > 13 weeks");
    expect_clean("format in {cohort, modular}");
}

/* Contact time and calendar span are two dimensions: mixing them is an error
 * found before anything runs (LANGUAGE.md §2). */
static void test_units_do_not_mix(void **state)
{
    (void)state;
    expect_error("theory.hours == 13 weeks", NULL, "cannot compare", 6, 0, NULL);
    expect_error("theory.session_length + 2 days > 0h", NULL, "cannot add", 6, 0, NULL);
    expect_error("theory.hours > 3", NULL, "cannot compare contact time (min, h) and whole number", 6, 14, NULL);
}

static void test_names(void **state)
{
    (void)state;
    expect_error("theory.wekks == 13", NULL, "has no field 'wekks'", 6, 0, "weeks");
    expect_error("grup_size == 4..8", NULL, "unknown name 'grup_size'", 6, 14, "group_size");
    /* Inside `where` the element's fields come first; outside they do not exist. */
    expect_clean("count(module where covers == {}) == 0");
    expect_error("count(module where hourz > 1h) == 0", NULL, "hourz", 6, 0, "hours");
}

/* What a path resolves to (PathRes): its kind and the fields it follows.
 * tc_path hands follow the first segment's field it found already, and a
 * name without a dot is not copied and split: the chain must be the same
 * fields, found by name here, for a course's field, a dotted path, a
 * `where` element's field, a quantifier's variable and a dotted path
 * through a list. */
typedef struct PathSeen {
    const Node *n[16];
    int count;
} PathSeen;

static AstStep collect_paths(const Node *n, void *ctx)
{
    PathSeen *ps = ctx;
    if (n->kind == N_PATH && ps->count < 16)
        ps->n[ps->count++] = n;
    return AST_NEXT;
}

static const Node *rule_require(T *t)
{
    for (int i = 0; i < t->p->ndecls; i++) {
        Block *fw = t->p->decls[i];
        if (strcmp(fw->schema->name, "framework") != 0 || !fw->name || strcmp(fw->name, "t") != 0)
            continue;
        Value *rules = model_get(fw, "rule");
        assert_non_null(rules);
        Value *req = model_get(rules->u.list.items[0]->u.block, "require");
        assert_non_null(req);
        if (req->k == V_LIST) /* `require` may be given more than once */
            req = req->u.list.items[0];
        assert_int_equal(req->k, V_EXPR);
        return req->u.expr;
    }
    fail_msg("no framework");
    return NULL;
}

static void expect_chain(const Node *n, const char *path, ResKind kind, const Schema *from, int nchain)
{
    assert_string_equal(n->u.path, path);
    const PathRes *r = n->res;
    assert_non_null(r);
    assert_int_equal(r->kind, kind);
    assert_int_equal(r->nchain, nchain);
    /* On a line of its own, its indices right after it (typecheck.h). */
    assert_int_equal((uintptr_t)r % PATH_RES_LINE, 0);
    assert_ptr_equal(r->index, (const int *)(r + 1));
    /* Each field found again by name, from the schema the segment is read in. */
    char seg[64];
    const char *p = path;
    if (kind == R_VAR)
        p = strchr(p, '.') + 1; /* the variable is not a field */
    const Schema *s = from;
    for (int i = 0; i < nchain; i++) {
        size_t len = strcspn(p, ".");
        memcpy(seg, p, len);
        seg[len] = '\0';
        assert_ptr_equal(r->chain[i], model_field(s, seg));
        /* The index the evaluator walks by (walk_declared) is the field's,
         * a segment's own and not the first's. */
        assert_int_equal(r->index[i], r->chain[i]->index);
        s = r->chain[i]->type->k == TY_LIST ? r->chain[i]->type->elem->schema : r->chain[i]->type->schema;
        p += len + (p[len] == '.');
    }
}

static void test_path_resolution(void **state)
{
    (void)state;
    T *t = compile_rule("group_size == 4..8 and theory.hours >= 1h and count(module where hours > 1h) >= 1 and "
                        "all m in module: m.hours > 0h",
                        NULL);
    if (t->d.errors)
        print_diags(&t->d);
    assert_int_equal(t->d.errors, 0);
    PathSeen ps = {{0}, 0};
    ast_walk(rule_require(t), collect_paths, &ps);
    const Schema *course = model_schema(t->p, "course"), *module = model_schema(t->p, "module");
    assert_non_null(course);
    assert_non_null(module);
    assert_int_equal(ps.count, 6);
    expect_chain(ps.n[0], "group_size", R_CTX, course, 1);
    expect_chain(ps.n[1], "theory.hours", R_CTX, course, 2);
    expect_chain(ps.n[2], "module", R_CTX, course, 1);
    expect_chain(ps.n[3], "hours", R_ELEM, module, 1);
    expect_chain(ps.n[4], "module", R_CTX, course, 1);
    expect_chain(ps.n[5], "m.hours", R_VAR, module, 1);
    t_free(t);
}

static void test_operands(void **state)
{
    (void)state;
    expect_error("provider and yes", NULL, "'and' needs yes/no on both sides, found", 6, 0, NULL);
    expect_error("not provider", NULL, "'not' needs yes/no", 6, 0, NULL);
    expect_error("provider < \"Q\"", NULL, "compares numbers, quantities, dates or times", 6, 0, NULL);
    expect_error("4 in provider", NULL, "'in' needs a range, a list or a set", 6, 0, NULL);
    expect_error("count(module where hours) > 0", NULL, "a 'where' condition must be yes/no", 6, 0, NULL);
    expect_error("all m in module: m.hours", NULL, "must be yes/no", 6, 0, NULL);
    expect_error("if provider then yes else no", NULL, "'if' needs yes/no", 6, 0, NULL);
    expect_error("1 in {1, \"a\"}", NULL, "a set holds values of one kind", 6, 0, NULL);
}

static void test_functions(void **state)
{
    (void)state;
    expect_error("cuont(module) > 0", NULL, "unknown function 'cuont'", 6, 0, "count");
    expect_error("count(module, module) > 0", NULL, "count() takes one argument, found 2", 6, 0, NULL);
    expect_error("count(provider) > 0", NULL, "count() needs a list, found string", 6, 0, NULL);
    expect_error("sum(instructors.instructor.experiential_competence) > 0", NULL, "sum() adds numbers or quantities", 6, 0, NULL);
    expect_error("defined(1 + 2)", NULL, "defined() takes a name", 6, 0, NULL);
}

/* A message's {expr} parts are typed like any expression, at their own
 * column on the message's line (line 5; the text starts at column 14). */
static void test_message_parts(void **state)
{
    (void)state;
    T *t = compile_rule("yes", "{count(module)} moduler, {theory.hours}");
    if (t->d.errors)
        print_diags(&t->d);
    assert_int_equal(t->d.errors, 0);
    t_free(t);
    expect_error("yes", "ugerne: {theory.wekks}", "has no field 'wekks'", 5, 0, "weeks");
    expect_error("yes", "ugerne: {theory.weeks", "unclosed '{' in a message", 5, 0, NULL);
    expect_error("yes", "ugerne} {theory.weeks}", "unmatched '}' in a message", 5, 0, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_well_typed),      cmocka_unit_test(test_units_do_not_mix),
        cmocka_unit_test(test_names),           cmocka_unit_test(test_operands),
        cmocka_unit_test(test_functions),       cmocka_unit_test(test_message_parts),
        cmocka_unit_test(test_path_resolution),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
