/* fix_edit.h — a fix as edits of the source text: the types every user of
 * fix suggestions sees (FixEdit, Fix), a candidate's changes written as
 * edits in the course's own layout, and edits applied to a text. */
#ifndef RAMME_FIX_EDIT_H
#define RAMME_FIX_EDIT_H

#include "engine/fix_derive.h"
#include "engine/rules.h"

/* One replacement in a source file: the characters from (line, column) up
 * to but not including (end_line, end_column) become `text`. Lines and
 * columns are 1-based; columns count characters, not bytes. An insertion
 * has end == start. `off`/`end_off` are the same place in bytes. */
typedef struct FixEdit {
    const char *file;   /* the path as the SourceSet names the main file */
    int line, column, end_line, end_column;
    size_t off, end_off;
    const char *text;
} FixEdit;

/* A verified suggestion. */
typedef struct Fix {
    const char *title;        /* translated: "set theory.weeks to 13"; with
                                 the rules it makes fail when there are any */
    FixEdit *edits;           /* in source order, never overlapping */
    int nedits;
    const char **newly_failing; /* ids of rules that pass (or were not judged)
                                   now and fail after the fix, error level first */
    int nnewly;
    Severity newly_worst;     /* the worst severity among them (when nnewly > 0) */
} Fix;

/* The edits of the main file `main_file` of ss that make candidate `cand`
 * for `course`, and its title (both in a). False when it cannot be written
 * (a place in a file the course does not own that it cannot redeclare). */
bool fix_edits(Arena *a, SourceSet *ss, int main_file, Block *course, const FixCand *cand, Fix *out);

/* `text` (of length len) with every edit of `f` applied, in `a`; NULL when
 * an edit lies outside the text. The edits' byte offsets are used. */
char *fix_apply(Arena *a, const char *text, size_t len, const Fix *f);

/* The same for the edits of several fixes together (--fix applies one fix
 * of every failed rule): NULL when two of them overlap. */
char *fix_apply_all(Arena *a, const char *text, size_t len, const Fix *const *fixes, int n);
/* Bytes [from, to) of `text` after f's edits, all inside that stretch
 * (NULL otherwise), NUL-terminated; how many in *out_len. */
char *fix_apply_within(Arena *a, const char *text, size_t from, size_t to, const Fix *f, size_t *out_len);

#endif
