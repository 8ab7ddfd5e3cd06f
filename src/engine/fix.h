/* fix.h — fix suggestions: the smallest edits to a course's source that
 * make a failed (or unknown) rule pass (issue 19).
 *
 * For a rule that did not pass, candidate changes are derived from the
 * rule's expression (fix_derive.c): a numeric relation solved for each
 * input it reads (`weeks 12 -> 13`, `hours 78h -> 72h`), the missing
 * members added to a list (`principles`, a module's `covers`), a flag set
 * on a role or target (`count(... where flag) >= 1`), a range's bound
 * moved, or the entry a rule cannot do without declared. Each change
 * becomes an edit of the main file's text (fix_edit.c), in the course's own
 * layout; a value the course inherits (`extends`) is given again in the
 * course rather than changed in the file it comes from.
 *
 * Every suggestion is verified before it is offered: the edited text is
 * compiled again (compile_text, same options) and the same course judged
 * again (rules_check). It is kept only when the file still compiles without
 * errors and the rule passes. A suggestion under which another rule newly
 * fails is kept too, ranked after the clean ones, and says so in its title.
 *
 * The language server turns each Fix into a code action; `ramme check`
 * shows the titles ("fix: set theory.weeks to 13") and, with --fix, applies
 * the first one of every failed error-level rule (fix_apply). */
#ifndef RAMME_FIX_H
#define RAMME_FIX_H

#include "engine/rules.h"
#include "model/compile.h"

/* At most this many candidates of one rule are verified (each costs one
 * compilation of the file), and at most FIX_MAX_FIXES offered. */
#define FIX_MAX_CANDIDATES 8
#define FIX_MAX_FIXES 4

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

/* The suggestions for result `r` of report `rep` (a course of `p`, which
 * was compiled from the main file of `ss` with `opt`): verified, clean ones
 * first. Sets *out (in `a`) and returns how many; 0 for a rule that passes
 * or does not apply, or when nothing found makes it pass. `rep` is the
 * course's report as rules_check gave it; the program is not changed. */
int fix_suggest(Program *p, SourceSet *ss, const CompileOptions *opt, const CourseReport *rep,
                const RuleResult *r, Arena *a, Fix **out);

/* Every failed or unknown result of `rep` given its suggestions
 * (rep->fixes, rep->nfixes, in `a`). `budget`, when not NULL, is how many
 * compilations may still be spent (each candidate costs one); it is
 * counted down, and at 0 no more is sought: a batch of many failing
 * courses stays bounded. */
void fix_course(Program *p, SourceSet *ss, const CompileOptions *opt, CourseReport *rep, Arena *a, int *budget);

/* `text` (of length len) with every edit of `f` applied, in `a`; NULL when
 * an edit lies outside the text. The edits' byte offsets are used. */
char *fix_apply(Arena *a, const char *text, size_t len, const Fix *f);

/* The same for the edits of several fixes together (--fix applies one fix
 * of every failed rule): NULL when two of them overlap. */
char *fix_apply_all(Arena *a, const char *text, size_t len, const Fix *const *fixes, int n);

#endif
