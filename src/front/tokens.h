/* tokens.h — a source file as the scanner sees it, token by token, for a
 * tool that rewrites the text around the tokens (fmt.c). The tokens are
 * the real scanner's (grammar/lexer.l), so a formatter built on them cuts
 * the text exactly where the parser does: a string, a quantity (`78h`,
 * `4 months`), a date or a time is one token whose bytes are copied as
 * they stand. What lies between tokens is blanks, line ends and comments. */
#ifndef RAMME_TOKENS_H
#define RAMME_TOKENS_H

#include "base/arena.h"
#include "front/diag.h"
#include "front/source.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct Tok {
    int kind;     /* the parser's token number (parser.h), never its NEWLINE */
    size_t off, end; /* the token's bytes in the source text */
    bool sep;     /* an end of line the parser reads as a separator comes before it */
} Tok;

/* The tokens of source `file` of `ss` into *out (in `a`); returns their
 * number, or -1 after the scanner reported an error to `d` (the file is
 * then not one to rewrite). Only the scanner runs, not the parser. */
int tok_scan(Arena *a, Diags *d, SourceSet *ss, int file, Tok **out);

/* Token kinds a formatter asks about without the parser's header. */
typedef enum {
    TOKK_OTHER, TOKK_FUNC, TOKK_IDENT, TOKK_DOTDOT, TOKK_IN, TOKK_EQ, TOKK_NE, TOKK_ENUM
} TokClass;
TokClass tok_class(int kind);

#endif
