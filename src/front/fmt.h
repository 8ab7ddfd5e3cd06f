/* fmt.h — the canonical layout of a source file (TOOLS.md §2, `ramme fmt`).
 *
 * The formatter works on the scanner's tokens (tokens.h), not on the syntax
 * tree, so comments and the author's words (a Danish alias, `78h` or
 * `78 h`, `ja`) stay as written: every token's bytes are copied, only the
 * space between tokens is chosen anew. The layout: two spaces a block
 * level, one entry a line (`a; b` becomes two lines), the values of
 * consecutive entries of a block aligned in one column, trailing comments
 * of consecutive lines in one column, a block written on one line kept so
 * when it holds no comment or block and fits FMT_WIDTH columns, single
 * blank lines kept and runs of them made one, a continuation line kept
 * where it breaks and indented as it was relative to its entry's values,
 * no trailing blanks, one newline at the end. The result is parsed again
 * and its syntax tree compared with the input's (fmt_tree): a difference
 * is a fault of the formatter, reported as FMT_FAULT and never written. */
#ifndef RAMME_FMT_H
#define RAMME_FMT_H

#include "base/arena.h"
#include "base/sbuf.h"
#include "front/ast.h"
#include "front/diag.h"
#include "front/source.h"

#include <stddef.h>

#define FMT_WIDTH 100

typedef enum {
    FMT_OK,         /* *out holds the formatted text */
    FMT_BAD_SYNTAX, /* the file does not parse: its errors are in the Diags */
    FMT_FAULT       /* the layout would change the syntax tree (a formatter bug) */
} FmtStatus;

/* Formats source `file` of `ss` into *out (NUL-terminated, in `a`), *len
 * bytes. Adds the formatted text to `ss` to parse it again. */
FmtStatus fmt_source(Arena *a, Diags *d, SourceSet *ss, int file, char **out, size_t *len);

/* The syntax tree of a parsed file as text, without places: declarations,
 * keys, values (as ast_write writes them), blocks, enum members. Two files
 * with the same tree have the same meaning; fmt keeps it. */
void fmt_tree(SBuf *b, const File *f);

#endif
