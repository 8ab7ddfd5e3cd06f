/* parse.h — running the flex lexer and bison parser over one source file.
 * The lexer's state lives in a LexState reached through flex's yyextra, so
 * the scanner is reentrant and there are no globals. */
#ifndef RAMME_PARSE_H
#define RAMME_PARSE_H

#include "base/arena.h"
#include "front/ast.h"
#include "front/diag.h"
#include "front/source.h"

#include <stdbool.h>

/* Nesting of ( ) { } and of expressions beyond this is an error
 * (LANGUAGE.md §8): no later pass recurses deeper than this bound. The one
 * limit is AST_MAX_DEPTH (ast.h), which ast_walk keeps too. */
#define PARSE_MAX_DEPTH AST_MAX_DEPTH

typedef struct LexState {
    Arena *arena;
    Diags *diags;
    Source *src;
    int file;              /* index of src */
    int line, col;         /* position of the next byte */
    size_t off;
    Span tok;              /* where an expression parse starts (TOK_START_EXPR) */
    int last_tok;          /* kind of the last token returned; 0 at start */
    Span last_span;        /* its span */
    int prev_tok;          /* the token before last_tok */
    Span prev_span;        /* its span */
    bool too_deep;         /* an expression exceeded PARSE_MAX_DEPTH (reported) */
    int paren_depth;       /* inside ( ): newlines are dropped */
    int nbraces;
    bool fatal;            /* stop: nesting limit or error cap reached */
    bool eof_newline;      /* the synthetic final newline was sent */
    bool expr_mode;        /* parse one expression (interpolation) */
    bool sent_start;
    int syntax_errors;     /* yyparse returns 0 after recovery: count here */
    File *out;
    /* Last, and not cleared: only the first nbraces entries are read. A
     * batch parses every course anew, and clearing 10 KB each time cost
     * more than lexing a course's keys. */
    Span braces[PARSE_MAX_DEPTH]; /* open '{' (and '(') for "to close" notes */
    char brace_kind[PARSE_MAX_DEPTH];
} LexState;

/* Parses source `file` of `ss`. Always returns a File (possibly partial);
 * errors go to `diags`. */
File *parse_file(Arena *a, Diags *diags, SourceSet *ss, int file);

/* Parses the declarations in bytes [off, off+len) of `file`, which start at
 * `line`:`col` (a batch item, see batch.h). */
File *parse_range(Arena *a, Diags *diags, SourceSet *ss, int file, size_t off, size_t len, int line, int col);

/* Parses one expression written inside a string of `file`, starting at byte
 * `off` (line, col) and `len` bytes long. Returns NULL after an error. */
Node *parse_expr_at(Arena *a, Diags *diags, SourceSet *ss, int file, size_t off, size_t len,
                    int line, int col);

#endif
