/* parse.c — drives the reentrant scanner and the pure parser over one
 * source. A file that is not UTF-8, or holds NUL bytes, gets one error
 * saying so (LANGUAGE.md §8) instead of one per byte. */
#include "front/parse.h"
#include "base/i18n.h"
#include "base/utf8.h"
#include "parser.h"
#include "lexer.h"

#include <stddef.h>
#include <string.h>
#include <unistr.h>

/* The first invalid UTF-8 byte, or NULL. */
static const char *bad_utf8(const char *s, size_t n)
{
    const uint8_t *bad = u8_check((const uint8_t *)s, n);
    return (const char *)bad;
}

static bool precheck(Diags *diags, Source *src, int file, size_t off, size_t len)
{
    const char *text = src->text + off;
    if (!utf8_first_bad(text, len))
        return true; /* the common case, in one fast pass */
    const char *bad = bad_utf8(text, len);
    if (bad) {
        diag_error(diags, span_at(file, (size_t)(bad - src->text), (size_t)(bad - src->text) + 1),
                   _("%s is not UTF-8 text (invalid byte 0x%02X)"), src->path, (unsigned char)*bad);
        diag_help(diags, _("save the file as UTF-8; most editors offer it under 'Save as' or 'Encoding'"));
        return false;
    }
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        diag_error(diags, span_at(file, (size_t)(nul - src->text), (size_t)(nul - src->text) + 1),
                   _("%s contains a NUL byte: it is not a text file"), src->path);
        return false;
    }
    return true;
}

void parse_kinds_add(Arena *a, ParseKinds *k, const Entry *schema)
{
    if (schema->nvals == 0 || schema->vals[0].items.n == 0 || schema->vals[0].items.items[0]->kind != N_PATH ||
        parse_kinds_known(k, schema->vals[0].items.items[0]->u.path))
        return;
    if (k->n == k->cap) {
        int cap = k->cap ? k->cap * 2 : 32;
        k->names = arena_grow(a, (void *)k->names, (size_t)k->n, (size_t)cap, sizeof *k->names);
        k->cap = cap;
    }
    k->names[k->n++] = schema->vals[0].items.items[0]->u.path;
}

bool parse_kinds_known(const ParseKinds *k, const char *key)
{
    /* A few dozen schemas: a scan costs less than a table. */
    for (int i = k->n - 1; i >= 0; i--)
        if (strcmp(k->names[i], key) == 0)
            return true;
    return false;
}

/* One parser: bison's with LAC (yyparse) or without (yyparse_nolac, Makefile). */
typedef int (*ParserFn)(yyscan_t scanner, LexState *ls);

/* What one parse reads and where its tree goes. */
typedef struct ParseText {
    Arena *a;
    Source *src;
    int file;
    size_t off, len;
    bool expr_mode;
    ParseKinds *kinds;
    File *out;
} ParseText;

/* Runs `parser` over t with a fresh LexState, reporting to `diags`. True
 * when it met no syntax error and the scanner did not stop it. */
static bool drive(ParserFn parser, const ParseText *t, Diags *diags, LexState *ls)
{
    memset(ls, 0, offsetof(LexState, braces));
    ls->nolac = parser == yyparse_nolac;
    ls->arena = t->a;
    ls->diags = diags;
    ls->src = t->src;
    ls->file = t->file;
    ls->off = t->off;
    ls->out = t->out;
    ls->expr_mode = t->expr_mode;
    ls->kinds = t->kinds;
    ls->errors_at_start = diags->errors;
    ls->tok = span_at(t->file, t->off, t->off);

    yyscan_t scanner;
    if (yylex_init_extra(ls, &scanner) != 0)
        arena_oom();
    YY_BUFFER_STATE buf = lex_scan_text(t->src->text + t->off, t->len, scanner);
    /* After the scanner, which is in the arena (lexer.l's yyalloc): a
     * dropped declaration releases the arena to this mark (add_decl). */
    ls->decl_mark = arena_mark(t->a);
    jmp_buf fatal;
    ls->scanner_fatal = &fatal;
    int rc = 1; /* set only after the parser returns, so a longjmp leaves it 1 */
    if (setjmp(fatal) == 0)
        rc = parser(scanner, ls);
    yy_delete_buffer(buf, scanner);
    yylex_destroy(scanner);
    t->out->stopped = ls->fatal;
    return rc == 0 && !ls->fatal && ls->syntax_errors == 0;
}

/* The LAC-free parser first (issue 20). Bison's LAC checks each lookahead
 * token before the reductions it would cause, by simulating them, and so
 * changes nothing until a token is an error: then the expected-token lists
 * of messages are exact, and no action runs for a reduction the error
 * makes pointless (the merged states of lr.type ielr reduce on some tokens
 * they cannot shift). On a text with no syntax error both parsers run the
 * same actions on the same tokens in the same order, so the tree, the
 * arena and the ParseKinds come out the same: that parse is kept. It
 * reports to `quiet`, a Diags with the caller's counts and caps (the parser
 * reads them: parse_at_cap, add_decl) and none of its items; it only counts
 * its own syntax errors and stops at the first recovery (parser.y). A text
 * where it met a syntax error, or reported anything at all (the lexer's
 * errors too: rare, and not worth telling apart), is undone (the arena
 * released, the kinds restored, the File emptied) and false returned: the
 * LAC parser reads it again into the caller's Diags, exactly as a LAC-only
 * parse does (tests/unit/test_parse_nolac.c compares the two). */
static bool try_nolac(const ParseText *t, Diags *diags, LexState *ls)
{
    Diags quiet = *diags;
    quiet.items = NULL;
    quiet.n = quiet.cap = 0;
    quiet.last_kept = false;
    ParseKinds kinds_before = t->kinds ? *t->kinds : (ParseKinds){0};
    ArenaMark mark = arena_mark(t->a);
    if (drive(yyparse_nolac, t, &quiet, ls) && quiet.n == 0 && quiet.errors == diags->errors &&
        quiet.warnings == diags->warnings)
        return true;
    diag_free(&quiet);
    arena_release(t->a, mark);
    if (t->kinds)
        *t->kinds = kinds_before;
    *t->out = (File){.source = t->file};
    return false;
}

static File *run(Arena *a, Diags *diags, SourceSet *ss, int file, size_t off, size_t len, bool expr_mode,
                 ParseKinds *kinds, bool lac_only)
{
    Source *src = ss->files[file];
    File *f = arena_alloc(a, sizeof *f);
    f->source = file;
    ParseText t = {a, src, file, off, len, expr_mode, kinds, f};
    LexState ls;
    /* The text is checked for bytes that are not UTF-8 text only when the
     * LAC-free parse did not take it: the scanner's patterns take no such
     * byte silently (lexer.l, CMTCH), so a text that parse read without a
     * report holds none, and one pass over the bytes is saved. */
    if (lac_only || !try_nolac(&t, diags, &ls)) {
        if (!precheck(diags, src, file, off, len))
            return f;
        drive(yyparse, &t, diags, &ls);
        f->reparsed = !lac_only;
    }
    if (ls.syntax_errors && expr_mode)
        f->expr = NULL;
    return f;
}

static File *whole_file(Arena *a, Diags *diags, SourceSet *ss, int file, ParseKinds *kinds, bool lac_only)
{
    Source *src = ss->files[file];
    if (src->len > (size_t)0x7fffffff) {
        diag_error(diags, span_at(file, 0, 0), _("%s is too large to read"), src->path);
        File *f = arena_alloc(a, sizeof *f);
        f->source = file;
        return f;
    }
    return run(a, diags, ss, file, 0, src->len, false, kinds, lac_only);
}

File *parse_file_kinds(Arena *a, Diags *diags, SourceSet *ss, int file, ParseKinds *kinds)
{
    return whole_file(a, diags, ss, file, kinds, false);
}

File *parse_file_lac(Arena *a, Diags *diags, SourceSet *ss, int file, ParseKinds *kinds)
{
    return whole_file(a, diags, ss, file, kinds, true);
}

File *parse_file(Arena *a, Diags *diags, SourceSet *ss, int file)
{
    return parse_file_kinds(a, diags, ss, file, NULL);
}

File *parse_range(Arena *a, Diags *diags, SourceSet *ss, int file, size_t off, size_t len, ParseKinds *kinds)
{
    return run(a, diags, ss, file, off, len, false, kinds, false);
}

Node *parse_expr_at(Arena *a, Diags *diags, SourceSet *ss, int file, size_t off, size_t len)
{
    File *f = run(a, diags, ss, file, off, len, true, NULL, false);
    return f->expr;
}
