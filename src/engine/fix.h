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
 * the first one of every failed error-level rule (fix_apply_all).
 *
 * In a batch file (model/batch.h) a course built alone is built again
 * alone, against the program as it is, when every edit of a candidate is
 * inside it: the same verdict, for nothing else in the program names such
 * a course, at the cost of the course and not of the file with its imports
 * (a file of 100 courses: 0.2 s of suggestions became a few ms).
 *
 * For the language server: the main file's text is taken from `ss` (what
 * was compiled, an unsaved buffer given to compile_text included), its
 * imports are read again from where they were found; nothing is written
 * anywhere, and the Program is not changed. Each suggestion costs one
 * compilation of the file per candidate (at most FIX_MAX_CANDIDATES a
 * rule): ask for the rule under the cursor rather than all of a large file.
 *
 * fix_edit.h defines Fix and FixEdit; fix_derive.h the caps on candidates. */
#ifndef RAMME_FIX_H
#define RAMME_FIX_H

#include "engine/fix_edit.h"
#include "model/compile.h"

/* The suggestions for result `r` of report `rep` (a course of `p`, which
 * was compiled from the main file of `ss` with `opt`): verified, clean ones
 * first. Sets *out (in `a`) and returns how many; 0 for a rule that passes
 * or does not apply, or when nothing found makes it pass. `rep` is the
 * course's report as rules_check gave it; the program is not changed. */
int fix_suggest(Program *p, SourceSet *ss, const CompileOptions *opt, const CourseReport *rep,
                const RuleResult *r, Arena *a, Fix **out);

/* Every failed or unknown result of `rep` given its suggestions
 * (rep->fixes, rep->nfixes, in `a`). `budget`, when not NULL, is how many
 * bytes of text may still be compiled to verify candidates; it is counted
 * down, and at 0 no more is sought: a batch of many failing courses stays
 * bounded. A candidate costs the bytes it builds again: for a course a
 * batch built alone (batch.h) whose edits stay inside it, that course
 * only; else the whole file, and at least FIX_BUDGET_BYTES / FIX_BUDGET,
 * as its imports are compiled too. FIX_BUDGET_BYTES is a file's budget
 * (`ramme check`): FIX_BUDGET compilations of a small file. */
#define FIX_BUDGET_BYTES (8 * 1024 * 1024)
#define FIX_BUDGET 400
void fix_course(Program *p, SourceSet *ss, const CompileOptions *opt, CourseReport *rep, Arena *a, int *budget);

#endif
