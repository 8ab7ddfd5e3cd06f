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

typedef struct PathRes {
    ResKind kind;
    int up;          /* R_VAR, R_ELEM: how many scopes out */
    Field **chain;   /* fields to follow from the start, in order */
    int nchain;
    int *index;      /* each chain[i]->index, after the chain: the evaluator's
                      * walk (walk_declared) reads these, not a line of each
                      * field, cold for every course */
    Block *block;    /* R_BLOCK */
    EnumDef *enm;    /* R_ENUM */
    int member;
} PathRes;

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
