/* tokens.c — the scanner alone over a file (tokens.h). */
#include "front/tokens.h"
#include "front/parse.h"
#include "parser.h"
#include "lexer.h"

#include <string.h>

int tok_scan(Arena *a, Diags *d, SourceSet *ss, int file, Tok **out)
{
    Source *src = ss->files[file];
    *out = NULL;
    if (src->len > (size_t)0x7fffffff)
        return -1;
    LexState ls;
    memset(&ls, 0, offsetof(LexState, braces));
    ls.arena = a;
    ls.diags = d;
    ls.src = src;
    ls.file = file;
    ls.errors_at_start = d->errors;
    File f = {0};
    ls.out = &f;

    yyscan_t scanner;
    if (yylex_init_extra(&ls, &scanner) != 0)
        arena_oom();
    YY_BUFFER_STATE buf = lex_scan_text(src->text, src->len, scanner);
    jmp_buf fatal;
    ls.scanner_fatal = &fatal;
    Tok *toks = NULL;
    int n = 0, cap = 0;
    bool ok = true, sep = false;
    if (setjmp(fatal) == 0) {
        for (;;) {
            YYSTYPE val;
            ParseLoc loc = {0, 0};
            int t = yylex(&val, &loc, scanner);
            if (t == TOK_YYEOF)
                break;
            if (t == TOK_YYerror || t == TOK_YYUNDEF) {
                ok = false;
                break;
            }
            if (t == TOK_NEWLINE) {
                sep = true;
                continue;
            }
            if (n == cap) {
                int nc = cap ? cap * 2 : 256;
                toks = arena_grow(a, toks, (size_t)n, (size_t)nc, sizeof *toks);
                cap = nc;
            }
            toks[n++] = (Tok){t, loc.first_off, loc.last_off, sep};
            sep = false;
        }
    } else {
        ok = false;
    }
    yy_delete_buffer(buf, scanner);
    yylex_destroy(scanner);
    if (!ok || ls.fatal || d->errors > ls.errors_at_start)
        return -1;
    *out = toks;
    return n;
}

TokClass tok_class(int kind)
{
    switch (kind) {
    case TOK_FUNC: return TOKK_FUNC;
    case TOK_IDENT: return TOKK_IDENT;
    case TOK_DOTDOT: return TOKK_DOTDOT;
    case TOK_IN: return TOKK_IN;
    case TOK_EQ: return TOKK_EQ;
    case TOK_NE: return TOKK_NE;
    case TOK_ENUM: return TOKK_ENUM;
    default: return TOKK_OTHER;
    }
}
