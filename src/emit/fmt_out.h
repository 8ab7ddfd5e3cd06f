/* fmt_out.h — what `ramme fmt` writes (TOOLS.md §2): the formatted text, the
 * name of a file --check finds unformatted, or a file's syntax-tree outline
 * (fmt --syntax-tree). */
#ifndef RAMME_FMT_OUT_H
#define RAMME_FMT_OUT_H

#include "front/ast.h"

#include <stddef.h>
#include <stdio.h>

/* The formatted text, as it is. */
void fmtout_text(FILE *out, const char *text, size_t len);
/* One line: the file that would change (shown safely, esc.h). */
void fmtout_changed(FILE *out, const char *path);
/* fmt_tree's outline of a parsed file. */
void fmtout_tree(FILE *out, const File *f);

#endif
