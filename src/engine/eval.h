/* eval.h — evaluating typed expressions against a block (the course under
 * test, an applicant). Three-valued: a value that depends on something the
 * block does not declare is `unknown`, and the first such path is
 * recorded so the report can say what is missing. Model values are read in
 * place; the few values an evaluation makes (a `where`'s result, a set)
 * live in a scratch arena the caller rewinds after each rule. */
#ifndef RAMME_EVAL_H
#define RAMME_EVAL_H

#include "model/model.h"
#include "front/parse.h"
#include "model/typecheck.h"

typedef enum {
    RV_UNKNOWN, RV_BOOL, RV_INT, RV_NUM, RV_QTY, RV_STR, RV_DATE, RV_TIME, RV_MDAY,
    RV_RANGE, RV_LIST, RV_ENUM, RV_BLOCK,
} RKind;

/* How a list or range is held: as a view of the model's own Value (a
 * course's modules, a framework's goals: nothing is converted or copied),
 * or as values computed while evaluating (a `where`, a set, a range
 * written in the rule), which live in the scratch arena. */
enum { RF_MODEL = 1, RF_LO = 2, RF_HI = 4 };

/* A runtime value: 16 bytes, so it is passed and returned in two registers
 * (x86-64 and AArch64) rather than through memory. Read lists and ranges
 * with eval_list_at and eval_range_end, never through `u` directly. */
typedef struct RVal RVal;
struct RVal {
    uint8_t k;         /* RKind */
    uint8_t form;      /* RV_LIST: RF_MODEL; RV_RANGE: RF_MODEL, or RF_LO|RF_HI for present ends */
    uint8_t dim, unit; /* RV_QTY: Dim and Unit */
    int32_t n;         /* RV_LIST: length; RV_ENUM: member index */
    union {
        bool b;
        int64_t i;
        double num;
        double base;             /* RV_QTY: minutes or days */
        const char *s;
        int32_t date;
        int time;
        struct { int month, day; } mday;
        const Value *vrange;     /* RV_RANGE, RF_MODEL: a V_RANGE */
        const RVal *ends;        /* RV_RANGE computed: [lo, hi] */
        Value *const *vitems;    /* RV_LIST, RF_MODEL */
        const RVal *items;       /* RV_LIST computed */
        const EnumDef *enm;      /* RV_ENUM */
        Block *block;
    } u;
};

/* Deepest nesting of where/all/any: an expression is at most
 * PARSE_MAX_DEPTH deep, and each of them adds a level. */
#define EVAL_MAX_SCOPE PARSE_MAX_DEPTH

/* What `any m in L: x in m.f` finds in L, read once (eval.c, eval_quant):
 * each name (a referenced or nested block, an enum member) that some
 * element's f lists, with the first element that lists it, so that asking
 * for another x (`all g in goal: any m in module: g in m.covers`, a goal at
 * a time) is one look-up rather than a walk through L's lists. Kept in the
 * context itself, not an arena, so that nothing a rule's evaluation gives
 * back can be left pointing at it; one per context, for the first such
 * quantifier that is asked more than once. */
#define EVAL_INDEX_SLOTS 64 /* a power of two; at most half of them used */
typedef struct EvalIndex {
    const Node *quant;       /* the quantifier it answers; NULL: none yet */
    Value *const *items;     /* the model list L it was read from, */
    int n;                   /* ... and its length */
    const Field *f;          /* the field of each element it read */
    bool fixed;              /* L cannot change while the context evaluates:
                                asked again, it is not read again */
    int nkeys;               /* names found; -1: L cannot be indexed (a
                                derived f, an element that is not a block, an
                                f that is not a list, too many names) */
    int first_missing;       /* the first element that does not declare f; n: none */
    const void *key[EVAL_INDEX_SLOTS]; /* a Block, or an EnumMember; NULL: free */
    int first[EVAL_INDEX_SLOTS];       /* the first element whose f lists key */
} EvalIndex;

typedef struct EvalCtx {
    Arena *scratch;      /* lists and ranges made while evaluating */
    Block *subject;      /* the block under test: R_CTX paths start here */
    Block *frame;        /* the framework of the rule: R_FRAME paths */
    const Node *missing; /* first path found undeclared */
    const char *missing_why; /* what about it, a sentence marked N_() with %s for the
                                path: "%s is not declared", "%s has no lower end";
                                translated where it is shown */
    const Block *missing_in; /* the named block that lacks the field, when the path
                                went through one (a quantifier's m.covers), else NULL */
    const char *missing_field; /* and the field's name */
    int nscope;
    RVal scope[EVAL_MAX_SCOPE]; /* values of enclosing where/all/any, innermost last */
    EvalIndex index;     /* read from the model: call eval_init again once it changes */
} EvalCtx;

/* Prepares c for evaluating against `subject` (and `frame`), with scratch
 * values in `scratch`. Cheaper than clearing the whole context. A context
 * remembers what it read of the model's lists (EvalIndex): prepare it
 * again before evaluating after the model has changed. */
static inline void eval_init(EvalCtx *c, Arena *scratch, Block *subject, Block *frame)
{
    /* Inline: once for every rule of every course. */
    c->scratch = scratch;
    c->subject = subject;
    c->frame = frame;
    c->missing = NULL;
    c->missing_why = NULL;
    c->missing_in = NULL;
    c->nscope = 0;
    c->index.quant = NULL;
}
RVal eval(EvalCtx *c, const Node *n);
/* A model value as a runtime value: a view, allocates nothing. */
RVal eval_value(const Value *v);
/* Element i of a list (0 <= i < l->n). */
RVal eval_list_at(const RVal *l, int i);
/* An end of a range: false when it is open. */
bool eval_range_end(const RVal *r, bool hi, RVal *out);
/* The scope of a quantifier's body (explanations walk one by hand). */
bool eval_push(EvalCtx *c, RVal v);
void eval_pop(EvalCtx *c);
/* The value written out for explanations: 78h, 13 weeks, 1..8, [a, b], in
 * the language in use (2,5h in Danish: base/i18n.h). */
char *eval_show(Arena *a, const RVal *v);
void eval_write(SBuf *b, const RVal *v);
/* The same as the course language writes it, whatever the language in use
 * (2.5h): a value shown as the file has it, as a diff does. */
char *eval_show_code(Arena *a, const RVal *v);
/* Deep equality (quantities by base value). */
bool eval_equal(const RVal *a, const RVal *b);

#endif
