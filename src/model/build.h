/* build.h — from entries to typed blocks. Each entry is checked against
 * its schema: unknown keys (with did-you-mean), duplicates, wrong types,
 * wrong units; then references are resolved, `extends` merged, defaults
 * applied and required keys checked. Expressions are collected for the
 * type checker (typecheck.c). */
#ifndef RAMME_BUILD_H
#define RAMME_BUILD_H

#include "model/model.h"

/* Chains of `extends` longer than this are an error. */
#define BUILD_MAX_EXTENDS 64

typedef struct PendingRef {
    Value *v;       /* V_REF to fill */
    Schema *kind;   /* what it must refer to */
    Node *name;     /* as written */
    Block *owner;
    struct PendingRef *next; /* the one written after it */
} PendingRef;

typedef struct PendingExpr {
    Value *v;       /* V_EXPR (or V_STRING for templates) */
    Type *type;     /* TY_PRED, TY_TEMPLATE, TY_MEASURE or TY_DAY */
    Block *owner;
} PendingExpr;

typedef struct Builder {
    Program *p;
    /* References in the order written, resolved in that order: a list in
     * the arena, where an array grown by arena_push copied itself as a
     * course's dozen references came in. */
    PendingRef *refs, *last_ref;
    PendingExpr *exprs;
    int nexprs;     /* arena_push */
} Builder;

/* Converts each field's default once, where converting it needs nothing of
 * the block (no reference to resolve, no expression to type) and reports
 * nothing: every block that leaves the field out shares that Value, read
 * only. Called once the schemas are defined, before any block is built (and
 * before `check -j` starts its threads). */
void build_defaults(Program *p);

/* Once the program is built, before a batch's items are (and before
 * `check -j` starts its threads): its named nested blocks (a framework's
 * goals) filed by their names' bytes, for references written in the items
 * (Program.named_text). */
void build_index_named(Program *p);

/* p builds a batch item from now on, in `a`: the item's named blocks are
 * its own (Program.scope_*), none yet. */
void build_enter_scope(Program *p, Arena *a);

/* A top-level entry whose key is a toplevel kind. */
Block *build_toplevel(Builder *B, Schema *kind, Entry *e, int file);
void build_resolve_refs(Builder *B);
void build_merge_extends(Builder *B);
void build_finish(Builder *B);
/* The same two steps for one top-level block (a batch item, built after
 * the rest of the program). */
void build_merge_block(Builder *B, Block *b);
void build_finish_block(Builder *B, Block *b);

#endif
