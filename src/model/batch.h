/* batch.h — checking a batch file one declaration at a time.
 *
 * A framework maintainer re-checks every course in the country at once: one
 * file of 100,000 courses. Holding all their syntax trees and models would
 * cost ~50 KB a course; instead the main file is skimmed (skim.h), the rest
 * of the program (imports, frameworks, calendars, and any course another
 * declaration names or extends) is compiled as usual, and each remaining
 * course is parsed, built and type-checked on its own when the caller asks
 * for it, in an arena that is reset for the next one. Memory stays flat
 * however long the file is, and a course with errors does not keep the
 * others from being judged.
 *
 * A file whose layout the skimmer cannot see plainly is compiled as a whole
 * (as compile_file does) and iterated the same way, so callers need no
 * second path. */
#ifndef RAMME_BATCH_H
#define RAMME_BATCH_H

#include "model/compile.h"

/* The model stage (compile.c, load.c, build.c) reaches this layer only
 * through the BatchHooks that compile_batch hands it (model.h), so that
 * nothing below includes this header. */

typedef struct BatchIter {
    Program *p;
    Schema *kind;
    Arena *arena;      /* the current item's model; the caller's reports too */
    int next;
    Block **all;       /* without a layout: the blocks, built with the program */
    int nall;
    int base_errors;   /* errors before the first item */
    SymTab seen;       /* names of the items so far (for "declared twice") */
    size_t released;   /* bytes of the main file's text handed back so far */
    bool clean;        /* the current item and the program have no errors */
    Block **aliased;   /* blocks of the kind written in an alias (stdlib's Danish words): the
                          skim looks for the kind's name only, so they were built
                          with the program; yielded in source order among the items */
    int naliased, next_aliased;
    int *steps;        /* batch_plan: what batch_next would yield, in order: an item's
                          index, or -1 - i for aliased[i] */
    int nsteps;
    int *prev_same;    /* batch_plan: per item, the nearest earlier item built one at a
                          time with the same name in the skim, or -1 */
    int max_errors;    /* batch_plan: the program's cap on errors */
} BatchIter;

/* Compiles `path` for a batch of its top-level blocks of kind `kind`; then
 * iterate with batch_begin/batch_next. Free with compile_free. */
Program *compile_batch(const char *path, const char *kind, const CompileOptions *opt, SourceSet *ss,
                       Diags *diags);
void batch_begin(BatchIter *it, Program *p);
/* The next block of the batch kind declared in the main file, in source
 * order, or NULL at the end. It (and it->arena) lives until the next call.
 * A block with errors (it->clean false) must not be judged. */
Block *batch_next(BatchIter *it);
void batch_end(BatchIter *it);

/* Judging in parallel (check -j): the steps batch_next would take are
 * planned once; then workers, each with a BatchWorker, take disjoint steps
 * at once. A worker parses, builds and type-checks in its own arena with
 * its own copy of the Program (its own item scope and diagnostics); the
 * program itself, its sources, symbol tables and the skim are only read.
 * Everything that judging fills in lazily must be filled first
 * (rules_prepare) before the first worker is made. */

/* After batch_begin: how many steps there are, or -1 when the file was
 * compiled as a whole (then only batch_next). */
int batch_plan(BatchIter *it);

/* What a worker's run of steps assumed of the steps before it, which it
 * cannot see (they may still be judged): how many errors the program had
 * (the parser stops early, and "declared twice" quotes no place, once
 * there are too many) and which names earlier items took. Checked when
 * the run's turn comes (batch_run_hand_on); a run whose guess was wrong is
 * judged again in order (BatchWorker.ordered). */
typedef struct BatchName {
    const char *name;  /* a named item built in the run */
    bool guessed;      /* "declared twice" was (not) given for a name taken before the run */
    bool before;       /* what the worker took that for */
} BatchName;

typedef struct BatchRun {
    Diags diags;       /* the run's diagnostics: everything without a cap, or (errors_from
                          past the cap) only what a capped program keeps */
    int errors_from;   /* the program's errors the run assumed before it */
    Arena *arena;      /* the names */
    BatchName *names;
    int n, cap;
    SymTab inrun;      /* the names the run's items took */
} BatchRun;

typedef struct BatchWorker {
    BatchIter *it;     /* shared, read only (but it->seen when ordered) */
    Program prog;      /* the program copied: judge the blocks with this one */
    Arena *keep;       /* prog's arena: what judging keeps of the worker's items */
    Arena *arena;      /* the current item's model */
    Arena *scratch;    /* an earlier namesake built again, for "declared twice" */
    BatchRun *run;     /* the run being judged; NULL when ordered */
    bool ordered;      /* every step before is done: it->seen and the program's own
                          diagnostics are used, as batch_next does */
    bool clean;        /* the current block and the program have no errors */
} BatchWorker;

void batch_worker_init(BatchWorker *w, BatchIter *it);
/* A run begins: its diagnostics and names go to `r`. `errors`: the
 * program's errors as far as known (past the cap they stay past it). */
void batch_run_begin(BatchWorker *w, BatchRun *r, int errors);
/* The worker judges in order from now on, reporting to the program's
 * diagnostics (`d`) and it->seen: the steps before are all done. */
void batch_worker_ordered(BatchWorker *w, Diags *d);
/* The block of step `step` (< batch_plan's count), built in w->arena, or
 * NULL when it has none (batch_next skips such an item); w->clean as
 * it->clean. It lives until the worker's next step. */
Block *batch_worker_step(BatchWorker *w, int step);
void batch_worker_free(BatchWorker *w);
/* The run's turn has come (every run before it handed on; `d` the
 * program's diagnostics): were its guesses right? Then its diagnostics go
 * to `d` (diag_append, and the errors a cap dropped counted) and its names
 * to it->seen, and true is returned; else nothing changes. */
bool batch_run_hand_on(BatchIter *it, BatchRun *r, Diags *d);
void batch_run_free(BatchRun *r);
/* Every step before `step` is done with: the main file's pages before it
 * may go back (as batch_next does). One thread only. */
void batch_release_before(BatchIter *it, int step);

/* Fix verification (engine/fix.c): an edit inside a course need not
 * compile the whole file again, only that course, when nothing else in the
 * program depends on what the course holds.
 * batch_rebuild_range: true when `blk`, a declaration of the main file,
 * can be built again alone from its bytes [*off, *end): a batch item built
 * one at a time (batch_next, a worker), which nothing names; or a
 * declaration built with the program (one another names, such as a
 * schedule's course, or any of a file compiled whole) that no declaration
 * extends. What names it reaches its name only, and an edit keeps the name
 * (verify checks) and only sets and adds (fix_derive.h): no value another
 * block reads, and no named block it refers to, goes. A declaration that is
 * extended is not: merging copies its values into the other. */
bool batch_rebuild_range(const Program *p, const Block *blk, size_t *off, size_t *end);
/* `old` built again from `text` (`len` bytes, NUL-terminated): its
 * declaration as an edit inside it would make it. Built against `p`, which
 * is not changed, in `arena` (which also holds what judging it allocates),
 * its diagnostics in `d`; its places are offsets in `text`. NULL when the
 * text is not exactly one declaration of old's kind; clean only when `d`
 * has no errors. Judge it with `p`. */
Block *batch_rebuild(const Program *p, const Block *old, const char *text, size_t len, Arena *arena, Diags *d);

#endif
