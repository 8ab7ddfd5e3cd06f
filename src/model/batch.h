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

#endif
