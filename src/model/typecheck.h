/* typecheck.h — types and units of expressions, checked before anything
 * runs. Each node gets its type; each path its resolution, so that the
 * evaluator never looks a name up. */
#ifndef RAMME_TYPECHECK_H
#define RAMME_TYPECHECK_H

#include "model/build.h"
#include "model/model.h"

typedef enum {
    R_VAR,    /* a quantifier's variable, `up` scopes out */
    R_ELEM,   /* a field of the element of an enclosing `where` */
    R_CTX,    /* a field of the block under test (the course) */
    R_BLOCK,  /* a named block of the framework (a goal) */
    R_FRAME,  /* a field of the framework itself (its `goal` list) */
    R_ENUM,   /* an enum member */
} ResKind;

/* On a cache line of its own with its first indices (tc_path): the
 * evaluator reads a path's resolution and indices for every path of every
 * rule, cold for every course (the course's parse pushes the program out
 * of L1), and they were two or three lines apart. */
typedef struct PathRes {
    ResKind kind;
    int up;          /* R_VAR, R_ELEM: how many scopes out */
    int nchain;
    int member;      /* R_ENUM */
    int *index;      /* each chain[i]->index, right after the PathRes: the
                      * evaluator's walk (walk_declared) reads these, not a
                      * line of each field */
    Field **chain;   /* fields to follow from the start, in order */
    Block *block;    /* R_BLOCK */
    EnumDef *enm;    /* R_ENUM */
} PathRes;

/* A PathRes's line (tc_path): the PathRes and four indices. */
#define PATH_RES_LINE 64

/* A message template: literal text and interpolated expressions. */
typedef struct TemplatePart {
    const char *text; /* literal text (decoded), or NULL for an expression */
    Node *expr;
} TemplatePart;

typedef struct Template {
    TemplatePart *parts;
    int n;
} Template;

/* Type-checks every expression the builder collected. */
void tc_check_all(Builder *B);
/* Type-checks the schemas' derived fields, each against its own schema. */
void tc_check_schemas(Program *p);

/* Type of an expression judged against `ctx`, inside declaration `frame`
 * (for framework members); NULL ctx: no fields in scope. */
Type *tc_expr_in(Program *p, Node *n, Schema *ctx, Block *frame);

#endif
