/* lex_harness.h — scanning a string token by token for the scanner's unit
 * tests (test_lexer.c, test_lexer_paths.c), with a LexState set up the way
 * src/front/parse.c's run() does. Include after cmocka.h, parse.h, parser.h and
 * lexer.h. */
#ifndef RAMME_LEX_HARNESS_H
#define RAMME_LEX_HARNESS_H

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ harness */

#define MAX_TOKS 512

typedef struct Tok {
    int kind;
    YYSTYPE v;
    Span loc;
} Tok;

typedef struct Lexed {
    Arena *arena;
    Diags diags;
    SourceSet ss;
    Tok toks[MAX_TOKS];
    int n; /* tokens before TOK_YYEOF (the EOF itself is not stored) */
    Span eof_loc;
} Lexed;

static inline Lexed *lex_n(const char *text, size_t len, bool expr_mode)
{
    Lexed *lx = calloc(1, sizeof *lx);
    assert_non_null(lx);
    lx->arena = arena_new();
    diag_init(&lx->diags);
    src_init(&lx->ss);
    int file = src_add(&lx->ss, "test.ramme", text, len);
    assert_true(file >= 0);
    Source *src = lx->ss.files[file];

    LexState *ls = calloc(1, sizeof *ls);
    assert_non_null(ls);
    ls->arena = lx->arena;
    ls->diags = &lx->diags;
    ls->src = src;
    ls->file = file;
    ls->off = 0;
    ls->expr_mode = expr_mode;
    ls->tok = span_at(file, 0, 0);

    yyscan_t scanner;
    assert_int_equal(yylex_init_extra(ls, &scanner), 0);
    /* As parse.c does: a copy in the arena, where plain strings' values stay. */
    YY_BUFFER_STATE buf = lex_scan_text(src->text, src->len, scanner);
    for (;;) {
        YYSTYPE v;
        ParseLoc loc;
        memset(&v, 0, sizeof v);
        memset(&loc, 0, sizeof loc);
        int k = yylex(&v, &loc, scanner);
        if (k == TOK_YYEOF) {
            lx->eof_loc = parse_span(ls, loc);
            break;
        }
        /* A scanner that never reaches EOF is a bug: fail, do not hang. */
        assert_true(lx->n < MAX_TOKS);
        lx->toks[lx->n].kind = k;
        lx->toks[lx->n].v = v;
        lx->toks[lx->n].loc = parse_span(ls, loc);
        lx->n++;
    }
    yy_delete_buffer(buf, scanner);
    yylex_destroy(scanner);
    free(ls);
    return lx;
}

static inline Lexed *lex(const char *text)
{
    return lex_n(text, strlen(text), false);
}

static inline void lex_free(Lexed *lx)
{
    diag_free(&lx->diags);
    src_free(&lx->ss);
    arena_free(lx->arena);
    free(lx);
}

#endif
