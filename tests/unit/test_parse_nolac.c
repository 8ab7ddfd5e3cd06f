/* test_parse_nolac.c — every parse runs bison's parser without LAC first
 * and the LAC parser only on a text where that met an error (parse.c,
 * issue 20). The result must be the LAC parser's, byte for byte: the same
 * diagnostics in the same order (LAC's exact expected-token lists), the
 * same tree with the same spans, the same ParseKinds. Each input is parsed
 * both ways, with parse_file_kinds and with parse_file_lac (the LAC parser
 * alone), and the two written out and compared. The inputs: the golden
 * error cases and the fuzzer's seeds (broken and clean), the examples and
 * the standard library (clean), and a few made here for the error cap, the
 * dropping of unknown declarations and a second parse into the same
 * diagnostics (load.c parses a file again when its imports bring kinds). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "front/parse.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ writing out */

static void put_span(FILE *o, Span s)
{
    fprintf(o, "[%d %u-%u]", s.file, (unsigned)s.first_off, (unsigned)s.last_off);
}

static void put_diags(FILE *o, const Diags *d)
{
    fprintf(o, "diags n=%d errors=%d warnings=%d capped=%d/%d\n", d->n, d->errors, d->warnings, d->capped,
            d->capped_warnings);
    for (int i = 0; i < d->n; i++) {
        const Diag *g = &d->items[i];
        fprintf(o, "%d ", (int)g->severity);
        put_span(o, g->span);
        fprintf(o, " %s | help %s | suggest %s | path %s\n", g->msg, g->help ? g->help : "-",
                g->suggest ? g->suggest : "-", g->path ? g->path : "-");
        for (int k = 0; k < g->nnotes; k++) {
            fprintf(o, "  note ");
            put_span(o, g->notes[k].span);
            fprintf(o, " %s\n", g->notes[k].msg);
        }
    }
}

static AstStep put_node(const Node *n, void *ctx)
{
    FILE *o = ctx;
    fprintf(o, " (%d d%d ", (int)n->kind, n->depth);
    put_span(o, n->span);
    if (n->kind == N_QUANT) {
        fprintf(o, " var %s ", n->u.quant.var);
        put_span(o, n->u.quant.var_span);
    }
    if (n->kind == N_STR && n->u.str.form)
        fprintf(o, " raw %s braces %u", n->u.str.form->raw, n->u.str.form->nbraces);
    fprintf(o, ")");
    return AST_NEXT;
}

/* An expression: its text (the payloads) and every node's kind, depth and span. */
static void put_expr(FILE *o, Arena *a, const Node *n)
{
    if (!n) {
        fprintf(o, "null");
        return;
    }
    fprintf(o, "%s", n->depth <= AST_MAX_DEPTH ? ast_to_text(a, n) : "(too deep)");
    ast_walk(n, put_node, o);
}

static void put_entry(FILE *o, Arena *a, const Entry *e, int indent)
{
    fprintf(o, "%*sentry %s ", indent, "", e->key ? e->key : "(none)");
    put_span(o, e->span);
    put_span(o, e->key_span);
    fprintf(o, " block %d ", e->is_block);
    put_span(o, e->open_brace);
    fprintf(o, " extends ");
    put_expr(o, a, e->extends);
    fprintf(o, "\n");
    for (int v = 0; v < e->nvals; v++) {
        fprintf(o, "%*s vals ", indent, "");
        put_span(o, e->vals[v].span);
        fprintf(o, " nl %d:", e->vals[v].after_comma_newline);
        for (int i = 0; i < e->vals[v].items.n; i++) {
            fprintf(o, " ");
            put_expr(o, a, e->vals[v].items.items[i]);
        }
        fprintf(o, "\n");
    }
    fprintf(o, "%*s body n=%d had_error=%d\n", indent, "", e->body.n, e->body.had_error);
    for (int i = 0; i < e->body.n; i++)
        put_entry(o, a, e->body.items[i], indent + 2);
}

static void put_file(FILE *o, Arena *a, const File *f)
{
    fprintf(o, "file %d n=%d stopped=%d dropped=%d kinds_at_drop=%d expr ", f->source, f->n, f->stopped,
            f->dropped, f->kinds_at_drop);
    put_expr(o, a, f->expr);
    fprintf(o, "\n");
    for (int i = 0; i < f->n; i++) {
        const Decl *d = f->decls[i];
        fprintf(o, "decl %d ", (int)d->kind);
        put_span(o, d->span);
        if (d->kind == DECL_IMPORT) {
            fprintf(o, " import %s ", d->u.import.path);
            put_span(o, d->u.import.path_span);
            fprintf(o, "\n");
        } else if (d->kind == DECL_ENUM) {
            fprintf(o, " enum %s ", d->u.enm.name);
            put_span(o, d->u.enm.name_span);
            for (int k = 0; k < d->u.enm.n; k++) {
                const EnumMember *m = &d->u.enm.members[k];
                fprintf(o, " {%s %s %s %s ", m->name, m->label ? m->label : "-", m->marker ? m->marker : "-",
                        m->of ? m->of : "-");
                put_span(o, m->span);
                put_span(o, m->of_span);
                fprintf(o, "}");
            }
            fprintf(o, "\n");
        } else {
            fprintf(o, "\n");
            put_entry(o, a, d->u.entry, 1);
        }
    }
}

static void put_kinds(FILE *o, const ParseKinds *k)
{
    fprintf(o, "kinds n=%d unknown=%d:", k->n, k->unknown);
    for (int i = 0; i < k->n; i++)
        fprintf(o, " %s", k->names[i]);
    fprintf(o, "\n");
}

/* ------------------------------------------------------------ one parse */

typedef struct Outcome {
    char *text;    /* diagnostics, tree and kinds written out */
    bool reparsed; /* the LAC parser read it after the LAC-free one */
    bool reported; /* the parse reported anything */
} Outcome;

/* Parses `text` `times` times into one Diags (with `max_errors`, and the
 * kinds a `schema course` would give when with_kinds), with the LAC-free
 * parser first or with the LAC parser alone. */
static Outcome parse_as(const char *text, size_t len, bool lac_only, int times, int max_errors, bool with_kinds)
{
    Arena *a = arena_new();
    Diags d;
    diag_init(&d);
    d.max_errors = max_errors;
    SourceSet ss;
    src_init(&ss);
    int file = src_add(&ss, "t.ramme", text, len);
    assert_true(file >= 0);
    ParseKinds k = {NULL, 0, 0, 0};
    char *out = NULL;
    size_t outlen = 0;
    FILE *o = open_memstream(&out, &outlen);
    assert_non_null(o);
    Outcome r = {NULL, false, false};
    for (int i = 0; i < times; i++) {
        int before = d.n;
        k.unknown = 0;
        File *f = lac_only ? parse_file_lac(a, &d, &ss, file, with_kinds ? &k : NULL)
                           : parse_file_kinds(a, &d, &ss, file, with_kinds ? &k : NULL);
        assert_non_null(f);
        r.reparsed = r.reparsed || f->reparsed;
        r.reported = r.reported || d.n > before;
        put_file(o, a, f);
        put_diags(o, &d);
        put_kinds(o, &k);
    }
    fclose(o);
    r.text = out;
    diag_free(&d);
    src_free(&ss);
    arena_free(a);
    return r;
}

/* Both ways, compared; says whether the LAC parser had to read it again. */
static bool same_both_ways(const char *name, const char *text, size_t len, int times, int max_errors,
                           bool with_kinds)
{
    Outcome lac = parse_as(text, len, true, times, max_errors, with_kinds);
    Outcome fast = parse_as(text, len, false, times, max_errors, with_kinds);
    if (strcmp(lac.text, fast.text) != 0) {
        fprintf(stderr, "%s: LAC alone:\n%s\nLAC-free first:\n%s\n", name, lac.text, fast.text);
        fail_msg("%s: parsing without LAC first changed the result", name);
    }
    assert_false(lac.reparsed);
    /* The LAC parser reads again only a text where something is reported
     * (not every one: a file that is not UTF-8 is refused before either
     * parser runs). */
    if (fast.reparsed && !lac.reported)
        fail_msg("%s: read again though the LAC parser reports nothing", name);
    free(lac.text);
    free(fast.text);
    return fast.reparsed;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap + 1);
            assert_non_null(buf);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

typedef struct Tally {
    int files, reparsed;
} Tally;

/* Every file of `dir` ending in `suffix` (all when NULL), both ways, once
 * alone and twice into the same diagnostics, and with an error cap of 3. */
static Tally each_file(const char *dir, const char *suffix)
{
    Tally t = {0, 0};
    DIR *dh = opendir(dir);
    if (!dh)
        fail_msg("cannot open %s (the tests run from the repository's root)", dir);
    struct dirent *de;
    while ((de = readdir(dh))) {
        size_t nl = strlen(de->d_name);
        if (de->d_name[0] == '.' ||
            (suffix && (nl < strlen(suffix) || strcmp(de->d_name + nl - strlen(suffix), suffix) != 0)))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        size_t len;
        char *text = slurp(path, &len);
        if (!text)
            continue;
        bool r = same_both_ways(path, text, len, 1, DIAG_MAX_ERRORS, true);
        assert_true(same_both_ways(path, text, len, 2, DIAG_MAX_ERRORS, true) == r);
        same_both_ways(path, text, len, 1, 3, false);
        t.files++;
        t.reparsed += r;
        free(text);
    }
    closedir(dh);
    return t;
}

/* ------------------------------------------------------------ tests */

/* The golden error cases: nearly every one is reported by the parser or
 * the lexer, and comes out exactly as the LAC parser alone gives it. */
static void test_golden_errors(void **state)
{
    (void)state;
    Tally t = each_file("tests/golden/errors", ".ramme");
    assert_true(t.files >= 50);
    /* Most are later passes' errors (names, types, rules): the parser
     * reports in a good share of them. */
    assert_true(t.reparsed >= 20);
}

/* The fuzzer's seeds: broken and clean inputs of every kind. */
static void test_fuzz_corpus(void **state)
{
    (void)state;
    Tally t = each_file("fuzz/corpus/check", NULL);
    assert_true(t.files >= 50);
    assert_true(t.reparsed >= 5);
    assert_true(t.reparsed < t.files);
}

/* Clean files: the LAC-free parse is kept, and its tree is the LAC one's. */
static void test_clean_files_keep_the_fast_parse(void **state)
{
    (void)state;
    Tally t = each_file("examples", ".ramme");
    assert_true(t.files >= 3);
    assert_int_equal(t.reparsed, 0);
    t = each_file(RAMME_SRC_STDLIB, ".ramme");
    assert_true(t.files >= 2);
    assert_int_equal(t.reparsed, 0);
}

/* Where LAC changes the message: without it, "expected" would also list
 * tokens that a default reduction would then refuse. */
static void test_expected_tokens_exact(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "course c \"C\" {\n  group_size 8..\n  provider }\n}\n",
        "rule r {\n  when (a and)\n}\n",
        "x 1 +\n",
        "a { b c d, }\n",
        "enum e { a b c d }\n",
        "course c {\n  modules {\n    module m {\n      hours 3h\n",
        "r all x in : x\n",
        "a if b then c\n",
        "a 1..2..3\n",
        "a (1..\n",
        "a == == b\n",
        "{ a 1 }\n",
        "a 1 ,\n}\n",
        "a 2025-13-45\n",
        "a \"\\q\"\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        if (!same_both_ways(texts[i], texts[i], strlen(texts[i]), 1, DIAG_MAX_ERRORS, true))
            fail_msg("not read again: %s", texts[i]);
        same_both_ways(texts[i], texts[i], strlen(texts[i]), 2, 1, true);
    }
}

/* Past the error cap unknown declarations are dropped and the parse
 * stops; a syntax error among them must leave the kinds and the dropping
 * as the LAC parser leaves them (the LAC-free attempt is undone). */
static void test_cap_and_dropped_kinds(void **state)
{
    (void)state;
    char buf[8192];
    int n = snprintf(buf, sizeof buf, "schema course {\n}\n");
    for (int i = 0; i < 70; i++)
        n += snprintf(buf + n, sizeof buf - (size_t)n, "thing%d %d\n", i, i);
    n += snprintf(buf + n, sizeof buf - (size_t)n, "schema other {\n}\ncourse c (\n");
    assert_true((size_t)n < sizeof buf);
    assert_true(same_both_ways("unknown kinds, then an error", buf, (size_t)n, 1, DIAG_MAX_ERRORS, true));
    same_both_ways("unknown kinds, then an error, cap 2", buf, (size_t)n, 2, 2, true);
    /* The same without the error: kept from the LAC-free parse. */
    n = snprintf(buf, sizeof buf, "schema course {\n}\n");
    for (int i = 0; i < 70; i++)
        n += snprintf(buf + n, sizeof buf - (size_t)n, "thing%d %d\n", i, i);
    assert_false(same_both_ways("unknown kinds", buf, (size_t)n, 1, 3, true));
}

/* Nesting past the limit and past bison's stack (YYMAXDEPTH). */
static void test_deep_nesting(void **state)
{
    (void)state;
    static char buf[20000];
    for (int depth = 200; depth <= 5000; depth = depth * 5 / 2) {
        size_t n = 0;
        n += (size_t)snprintf(buf + n, sizeof buf - n, "a ");
        for (int i = 0; i < depth && n < sizeof buf - 8; i++)
            buf[n++] = '(';
        buf[n++] = '1';
        for (int i = 0; i < depth && n < sizeof buf - 8; i++)
            buf[n++] = ')';
        buf[n++] = '\n';
        same_both_ways("deep parentheses", buf, n, 1, DIAG_MAX_ERRORS, true);
        n = 0;
        n += (size_t)snprintf(buf + n, sizeof buf - n, "a 1");
        for (int i = 0; i < depth && n < sizeof buf - 8; i++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, " or not");
        n += (size_t)snprintf(buf + n, sizeof buf - n, " b\n");
        same_both_ways("deep operators", buf, n, 1, DIAG_MAX_ERRORS, true);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_errors),
        cmocka_unit_test(test_fuzz_corpus),
        cmocka_unit_test(test_clean_files_keep_the_fast_parse),
        cmocka_unit_test(test_expected_tokens_exact),
        cmocka_unit_test(test_cap_and_dropped_kinds),
        cmocka_unit_test(test_deep_nesting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
