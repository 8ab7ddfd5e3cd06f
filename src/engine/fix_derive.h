/* fix_derive.h — candidate changes derived from a rule's expression
 * (fix.h says what they are for). A candidate is a set of changes to the
 * course's model (a field set, a member added, an item added); fix_edit.h
 * writes them as edits of the text, fix.c verifies them. */
#ifndef RAMME_FIX_DERIVE_H
#define RAMME_FIX_DERIVE_H

#include "engine/eval.h"

/* At most this many candidates of one rule are verified (each costs one
 * compilation of the file), and at most FIX_MAX_FIXES offered. */
#define FIX_MAX_CANDIDATES 8
#define FIX_MAX_FIXES 3

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

#endif
