/* eval.h — evaluating typed expressions against a block (the course under
 * test, an applicant). Three-valued: a value that depends on something the
 * block does not declare is `unknown`, and the first such path is
 * recorded so the report can say what is missing. Scratch values live in
 * an arena the caller resets between evaluations. */
#ifndef RAMME_EVAL_H
#define RAMME_EVAL_H

#include "model.h"
#include "typecheck.h"

typedef enum {
    RV_UNKNOWN, RV_BOOL, RV_INT, RV_NUM, RV_QTY, RV_STR, RV_DATE, RV_TIME, RV_MDAY,
    RV_RANGE, RV_LIST, RV_ENUM, RV_BLOCK,
} RKind;

typedef struct RVal RVal;
struct RVal {
    RKind k;
    union {
        bool b;
        int64_t i;
        double num;
        struct { double base; Dim dim; Unit unit; } q; /* base: minutes or days */
        const char *s;
        int32_t date;
        int time;
        struct { int month, day; } mday;
        struct { RVal *lo, *hi; } range;  /* NULL: open */
        struct { RVal *items; int n; } list;
        struct { EnumDef *enm; int idx; } en;
        Block *block;
    } u;
};

typedef struct EvalCtx {
    Arena *scratch;      /* for lists and strings made while evaluating */
    Arena *cache;        /* the program's arena: model lists converted once, kept here; NULL: no cache */
    Block *subject;      /* the block under test: R_CTX paths start here */
    Block *frame;        /* the framework of the rule: R_FRAME paths */
    RVal *scope;         /* values of enclosing where/all/any, innermost last */
    int nscope, capscope;
    const Node *missing; /* first path found undeclared */
    const char *missing_why; /* what about it: "is not declared", "has no lower end" */
} EvalCtx;

RVal eval(EvalCtx *c, const Node *n);
/* A model value as a runtime value. */
RVal eval_value(EvalCtx *c, const Value *v);
/* Converts every list and range of b (and of the blocks nested in it) once,
 * into `cache`: afterwards, evaluating b's values allocates nothing that
 * must outlive the evaluation. A batch warms the program's blocks before
 * its first item, then caches an item's values in the item's arena. */
void eval_warm(Arena *cache, Block *b);
/* The value written out for explanations: 78h, 13 weeks, 1..8, [a, b]. */
char *eval_show(Arena *a, const RVal *v);
/* Deep equality (quantities by base value). */
bool eval_equal(const RVal *a, const RVal *b);

#endif
