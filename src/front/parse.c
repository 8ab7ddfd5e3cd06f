/* parse.c — drives the reentrant scanner and the pure parser over one
 * source. A file that is not UTF-8, or holds NUL bytes, gets one error
 * saying so (LANGUAGE.md §8) instead of one per byte. */
#include "front/parse.h"
#include "base/i18n.h"
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
    const char *bad = bad_utf8(text, len);
    if (bad) {
        diag_error(diags, src_span_at(src, file, (size_t)(bad - src->text)),
                   _("%s is not UTF-8 text (invalid byte 0x%02X)"), src->path, (unsigned char)*bad);
        diag_help(diags, _("save the file as UTF-8; most editors offer it under 'Save as' or 'Encoding'"));
        return false;
    }
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        diag_error(diags, src_span_at(src, file, (size_t)(nul - src->text)),
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

static File *run(Arena *a, Diags *diags, SourceSet *ss, int file, size_t off, size_t len, int line,
                 int col, bool expr_mode, ParseKinds *kinds)
{
    Source *src = ss->files[file];
    File *f = arena_alloc(a, sizeof *f);
    f->source = file;
    if (!precheck(diags, src, file, off, len))
        return f;

    LexState ls;
    memset(&ls, 0, offsetof(LexState, braces));
    ls.arena = a;
    ls.diags = diags;
    ls.src = src;
    ls.file = file;
    ls.line = line;
    ls.col = col;
    ls.off = off;
    ls.out = f;
    ls.expr_mode = expr_mode;
    ls.kinds = kinds;
    ls.decl_mark = arena_mark(a);
    ls.errors_at_start = diags->errors;
    ls.tok = (Span){file, line, col, line, col, off, off};

    yyscan_t scanner;
    if (yylex_init_extra(&ls, &scanner) != 0)
        arena_oom();
    YY_BUFFER_STATE buf = yy_scan_bytes(src->text + off, (int)len, scanner);
    jmp_buf fatal;
    ls.scanner_fatal = &fatal;
    if (setjmp(fatal) == 0)
        yyparse(scanner, &ls);
    yy_delete_buffer(buf, scanner);
    yylex_destroy(scanner);
    f->stopped = ls.fatal;
    if (ls.syntax_errors && expr_mode)
        f->expr = NULL;
    return f;
}

File *parse_file_kinds(Arena *a, Diags *diags, SourceSet *ss, int file, ParseKinds *kinds)
{
    Source *src = ss->files[file];
    if (src->len > (size_t)0x7fffffff) {
        diag_error(diags, (Span){file, 1, 1, 1, 1, 0, 0}, _("%s is too large to read"), src->path);
        File *f = arena_alloc(a, sizeof *f);
        f->source = file;
        return f;
    }
    return run(a, diags, ss, file, 0, src->len, 1, 1, false, kinds);
}

File *parse_file(Arena *a, Diags *diags, SourceSet *ss, int file)
{
    return parse_file_kinds(a, diags, ss, file, NULL);
}

File *parse_range(Arena *a, Diags *diags, SourceSet *ss, int file, size_t off, size_t len, int line, int col,
                  ParseKinds *kinds)
{
    return run(a, diags, ss, file, off, len, line, col, false, kinds);
}

Node *parse_expr_at(Arena *a, Diags *diags, SourceSet *ss, int file, size_t off, size_t len,
                    int line, int col)
{
    File *f = run(a, diags, ss, file, off, len, line, col, true, NULL);
    return f->expr;
}
