/* fix_impl.h — what the parts of the fix suggester share (private to
 * engine/: fix.c verifies, fix_derive.c derives candidate changes from a
 * rule's expression, fix_edit.c turns a change into edits of the text). */
#ifndef RAMME_FIX_IMPL_H
#define RAMME_FIX_IMPL_H

#include "engine/eval.h"
#include "engine/fix.h"

typedef enum {
    CH_SET,     /* field f of blk gets the value `text` */
    CH_ADD,     /* the member `text` is added to list field f of blk */
    CH_NEW,     /* a new item of the many field f of blk, whose list field
                   `sub` holds `text` (several CH_NEW of one kind: one item) */
} FixChangeKind;

typedef struct FixChange {
    FixChangeKind kind;
    Block *blk;
    const Field *f;
    const Field *sub;   /* CH_NEW */
    const char *text;   /* a value as the course language writes it */
    bool placeholder;   /* CH_SET: a value to replace (an unknown rule's input) */
} FixChange;

/* One candidate: changes made together. */
typedef struct FixCand {
    FixChange *ch;
    int n;
    int score;          /* higher first: a reversed range swapped, a module
                           whose title matches the goal's */
} FixCand;

typedef struct FixCands {
    Arena *a;
    FixCand *c;
    int n;
} FixCands;

/* The candidates for making `expr` (a rule's `when` or `require`, which did
 * not hold for c's subject) true, appended to out; `unknown` says the rule
 * was not judged (c->missing names what it lacks). At most FIX_MAX_CANDIDATES
 * are kept worth verifying. */
void fix_derive(EvalCtx *c, const Node *expr, bool unknown, FixCands *out);

/* The edits of the main file `main_file` of ss that make candidate `cand`
 * for `course`, and its title (both in a). False when it cannot be written
 * (a place in a file the course does not own that it cannot redeclare). */
bool fix_edits(Arena *a, SourceSet *ss, int main_file, Block *course, const FixCand *cand, Fix *out);

#endif
