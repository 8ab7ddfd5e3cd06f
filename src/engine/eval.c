/* eval.c — the expression evaluator. Kleene logic for and/or/not and the
 * quantifiers; a comparison with an unknown side is unknown. About 950
 * lines: one jump table over the node kinds and the value operations they
 * all share (units in arithmetic, comparison, ranges, lists, showing a value
 * in an explanation). */
#include "engine/eval.h"
#include "base/civil.h"
#include "base/hot.h"
#include "base/i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unicase.h>

/* The cases of eval() that call further live in functions of their own, so
 * that eval() itself is a jump table that saves no registers: most nodes
 * are paths and literals, and a path's evaluation is a tail call. */
#if defined(__GNUC__)
#define EVAL_APART __attribute__((noinline))
#else
#define EVAL_APART
#endif

/* 0001-01-01 and 9999-12-31 as days since 1970-01-01. */
#define EVAL_DAY_MIN (-719162.0)
#define EVAL_DAY_MAX 2932896.0

static RVal unknown(void) { RVal v = {.k = RV_UNKNOWN}; return v; }
static RVal boolean(bool b) { RVal v = {.k = RV_BOOL, .u.b = b}; return v; }

static void note_missing(EvalCtx *c, const Node *n, const char *why)
{
    if (!c->missing) {
        c->missing = n;
        c->missing_why = why;
        c->missing_in = NULL;
    }
}

/* A field block b lacks: explanations name the block ("module m3 does not
 * declare covers") when it is not the subject itself. */
static void note_missing_in(EvalCtx *c, const Node *n, const char *why, const Block *b, const Field *f)
{
    if (!c->missing) {
        note_missing(c, n, why);
        if (b != c->subject && b->name) {
            c->missing_in = b;
            c->missing_field = f->name;
        }
    }
}

static RVal qty(double base, Dim dim, Unit unit)
{
    RVal v = {.k = RV_QTY, .dim = (uint8_t)dim, .unit = (uint8_t)unit, .u.base = base};
    return v;
}

bool eval_push(EvalCtx *c, RVal v)
{
    if (c->nscope >= EVAL_MAX_SCOPE) /* deeper than any expression can nest */
        return false;
    c->scope[c->nscope++] = v;
    return true;
}

void eval_pop(EvalCtx *c)
{
    c->nscope--;
}

/* A quantity in its base unit: apart, so that value_of calls nothing but
 * this, and that as a tail call. */
static EVAL_APART RVal qty_of(const Value *v)
{
    return qty(v->u.qty.v * unit_base(v->u.qty.unit), unit_dim(v->u.qty.unit), v->u.qty.unit);
}

/* A model value read in place: lists and ranges become views of the
 * model's own Value, so nothing is converted, copied or cached. Forced
 * inline: every step along a path and every list element goes through it,
 * and as a plain `static inline` gcc left it a call of ~57 instructions
 * (289,749 calls from follow on 2,000 courses). */
static HOT_INLINE RVal value_of(const Value *v)
{
    /* Each case returns its own value: merged into one `r` built field by
     * field, gcc assembled the result twice on the way out. */
    if (!v)
        return unknown();
    switch (v->k) {
    case V_BOOL: return (RVal){.k = RV_BOOL, .u.b = v->u.b};
    case V_INT: return (RVal){.k = RV_INT, .u.i = v->u.i};
    case V_NUMBER: return (RVal){.k = RV_NUM, .u.num = v->u.num};
    case V_STRING: return (RVal){.k = RV_STR, .u.s = v->u.s};
    case V_DATE: return (RVal){.k = RV_DATE, .u.date = v->u.date};
    case V_TIME: return (RVal){.k = RV_TIME, .u.time = v->u.time};
    case V_MDAY: return (RVal){.k = RV_MDAY, .u.mday = {v->u.mday.month, v->u.mday.day}};
    case V_QTY: return qty_of(v);
    case V_RANGE: return (RVal){.k = RV_RANGE, .form = RF_MODEL, .u.vrange = v};
    case V_LIST: return (RVal){.k = RV_LIST, .form = RF_MODEL, .n = v->u.list.n, .u.vitems = v->u.list.items};
    case V_ENUM: return (RVal){.k = RV_ENUM, .n = v->u.en.idx, .u.enm = v->u.en.enm};
    case V_REF: return v->u.ref ? (RVal){.k = RV_BLOCK, .u.block = v->u.ref} : unknown();
    case V_BLOCK: return (RVal){.k = RV_BLOCK, .u.block = v->u.block};
    case V_EXPR: break;
    }
    return unknown();
}

/* Exactly when value_of gives unknown: for a caller that asks only that,
 * without converting the value (a quantity to its base unit). */
static HOT_INLINE bool value_unknown(const Value *v)
{
    return !v || v->k == V_EXPR || (v->k == V_REF && !v->u.ref);
}

RVal eval_value(const Value *v)
{
    return value_of(v);
}

/* Forced inline, as value_of: a quantifier's or a where's every element. */
static HOT_INLINE RVal list_at(const RVal *l, int i)
{
    return l->form & RF_MODEL ? value_of(l->u.vitems[i]) : l->u.items[i];
}

RVal eval_list_at(const RVal *l, int i)
{
    return list_at(l, i);
}

/* Inline where a comparison with a range reads its ends (in_range,
 * has_unknown, min and max). */
static HOT_INLINE bool range_end(const RVal *r, bool hi, RVal *out)
{
    if (r->form & RF_MODEL) {
        const Value *e = hi ? r->u.vrange->u.range.hi : r->u.vrange->u.range.lo;
        if (!e)
            return false;
        *out = value_of(e);
        return true;
    }
    if (!(r->form & (hi ? RF_HI : RF_LO)))
        return false;
    *out = r->u.ends[hi];
    return true;
}

bool eval_range_end(const RVal *r, bool hi, RVal *out)
{
    return range_end(r, hi, out);
}

/* A derived field of block b (docs/language.md, "Schemas"): its schema's
 * expression evaluated with b as the subject, in a context of its own. A
 * derived expression reads no derived field (the type checker sees to it),
 * so this goes one level deep. What it lacks is reported on the path `n`
 * that read the field. */
static EVAL_APART RVal derive(EvalCtx *c, const Node *n, Block *b, const Field *f)
{
    EvalCtx sub;
    eval_init(&sub, c->scratch, b, NULL);
    RVal v = eval(&sub, f->derived);
    if (v.k == RV_UNKNOWN && sub.missing && !c->missing) {
        SBuf why = sb_new(c->scratch);
        sb_puts(&why, "cannot be computed: ");
        ast_write(&why, sub.missing);
        sb_put(&why, " ", 1);
        sb_puts(&why, sub.missing_why);
        note_missing(c, n, sb_str(&why));
    }
    return v;
}

/* The block element i of a list is, or NULL. Inline: project asks it
 * twice for every element (module.hours: 19,282 calls on 2,000 courses). */
static HOT_INLINE Block *block_at(const RVal *l, int i)
{
    if (l->form & RF_MODEL) {
        const Value *v = l->u.vitems[i];
        return v->k == V_BLOCK ? v->u.block : v->k == V_REF ? v->u.ref : NULL;
    }
    return l->u.items[i].k == RV_BLOCK ? l->u.items[i].u.block : NULL;
}

/* Field f of every element of the list l, lists flattened: a projection
 * (`module.hours`). It is a list of the model's own values: only the array
 * of pointers to them is new. A projection with a hole (a module without
 * hours) is unknown: its sum or count would silently leave something out. */
static EVAL_APART RVal project(EvalCtx *c, const Node *n, const RVal *l, const Field *fd)
{
    int f = fd->index;
    if (fd->derived) {
        /* Computed for each element: a list of computed values. */
        RVal *items = arena_array(c->scratch, (size_t)l->n + 1, sizeof *items);
        RVal r = {.k = RV_LIST, .u.items = items};
        for (int j = 0; j < l->n; j++) {
            Block *b = block_at(l, j);
            if (!b)
                continue;
            RVal v = derive(c, n, b, fd);
            if (v.k == RV_UNKNOWN)
                return v;
            items[r.n++] = v;
        }
        return r;
    }
    size_t total = 0;
    for (int j = 0; j < l->n; j++) {
        Block *b = block_at(l, j);
        if (!b)
            continue;
        const Value *v = b->vals[f];
        if (!v) {
            note_missing_in(c, n, N_("%s is not declared for every item"), b, fd);
            return unknown();
        }
        total += v->k == V_LIST ? (size_t)v->u.list.n : 1;
    }
    if (total > INT32_MAX)
        return unknown();
    Value **out = arena_array(c->scratch, total + 1, sizeof *out);
    int k = 0;
    for (int j = 0; j < l->n; j++) {
        Block *b = block_at(l, j);
        if (!b)
            continue;
        Value *v = b->vals[f];
        if (v->k == V_LIST) {
            memcpy(out + k, v->u.list.items, (size_t)v->u.list.n * sizeof *out);
            k += v->u.list.n;
        } else {
            out[k++] = v;
        }
    }
    RVal r = {.k = RV_LIST, .form = RF_MODEL, .n = k, .u.vitems = out};
    return r;
}

/* Follows fields from `cur`; through a list, each element's. */
static EVAL_APART RVal follow(EvalCtx *c, const Node *n, RVal cur, Field **chain, int nchain)
{
    for (int i = 0; i < nchain; i++) {
        int f = chain[i]->index;
        if (cur.k == RV_BLOCK) {
            const Value *v = cur.u.block->vals[f];
            if (!v && chain[i]->derived) {
                cur = derive(c, n, cur.u.block, chain[i]);
                if (cur.k == RV_UNKNOWN)
                    return cur;
                continue;
            }
            if (!v) {
                note_missing_in(c, n, N_("%s is not declared"), cur.u.block, chain[i]);
                return unknown();
            }
            cur = value_of(v);
        } else if (cur.k == RV_LIST) {
            cur = project(c, n, &cur, chain[i]);
        } else {
            return unknown();
        }
    }
    return cur;
}

static RVal block_val(Block *b)
{
    RVal v = {.k = RV_BLOCK, .u.block = b};
    return v;
}

/* The common walk of a path: down blocks that declare each field
 * (theory.hours, m.covers), from *b. The last field's value when every step
 * is declared and every field before the last is a block; else NULL, with
 * the block it stopped in in *b and the step in *at (follow's to go on). */
static HOT_INLINE const Value *walk_declared(const PathRes *r, Block **b, int *at)
{
    Block *cur = *b;
    int i = 0;
    for (const Value *v; (v = cur->vals[r->index[i]]); i++) {
        if (i == r->nchain - 1)
            return v;
        if (v->k == V_BLOCK)
            cur = v->u.block;
        else if (v->k == V_REF && v->u.ref)
            cur = v->u.ref;
        else
            break;
    }
    *b = cur;
    *at = i;
    return NULL;
}

static EVAL_APART RVal eval_path(EvalCtx *c, const Node *n)
{
    const PathRes *r = n->res;
    if (!r)
        return unknown();
    Block *b;
    switch (r->kind) {
    case R_VAR:
    case R_ELEM: {
        if (r->up >= c->nscope)
            return unknown();
        const RVal *s = &c->scope[c->nscope - 1 - r->up];
        if (r->nchain == 0)
            return *s;
        if (s->k != RV_BLOCK)
            return follow(c, n, *s, r->chain, r->nchain);
        b = s->u.block;
        break;
    }
    case R_CTX:
    case R_FRAME:
        b = r->kind == R_CTX ? c->subject : c->frame;
        if (!b)
            return unknown();
        if (r->nchain == 0)
            return block_val(b);
        break;
    case R_BLOCK:
        return block_val(r->block);
    case R_ENUM: {
        RVal e = {.k = RV_ENUM, .n = r->member, .u.enm = r->enm};
        return e;
    }
    default:
        return unknown();
    }
    /* The common path is walked here, with no call but a tail call, so
     * that eval_path saves no registers. A list on the way, a derived or an
     * undeclared field is follow's, from the step that meets it. */
    int i;
    const Value *v = walk_declared(r, &b, &i);
    if (v)
        return value_of(v);
    return follow(c, n, block_val(b), r->chain + i, r->nchain - i);
}

/* The block a path with fields starts from, when it is one: the subject,
 * the frame, or an enclosing quantifier's element (as eval_path finds it);
 * NULL for anything else. */
static HOT_INLINE Block *path_block(const EvalCtx *c, const PathRes *r)
{
    switch (r->kind) {
    case R_VAR:
    case R_ELEM: {
        if (r->up >= c->nscope)
            return NULL;
        const RVal *s = &c->scope[c->nscope - 1 - r->up];
        return s->k == RV_BLOCK ? s->u.block : NULL;
    }
    case R_CTX: return c->subject;
    case R_FRAME: return c->frame;
    default: return NULL;
    }
}

static bool num_of(const RVal *v, double *out)
{
    if (v->k == RV_INT) { *out = (double)v->u.i; return true; }
    if (v->k == RV_NUM) { *out = v->u.num; return true; }
    return false;
}

/* Orders two comparable values: <0, 0, >0; 2 when not comparable. */
static int cmp(const RVal *a, const RVal *b)
{
    double x, y;
    if (a->k == RV_INT && b->k == RV_INT) /* exact: no rounding above 2^53 */
        return (a->u.i > b->u.i) - (a->u.i < b->u.i);
    if (num_of(a, &x) && num_of(b, &y))
        return fabs(x - y) < 1e-9 ? 0 : x < y ? -1 : 1;
    if (a->k != b->k)
        return 2;
    switch (a->k) {
    case RV_QTY: {
        double d = a->u.base - b->u.base;
        return fabs(d) < 1e-6 ? 0 : d < 0 ? -1 : 1;
    }
    case RV_DATE: return (a->u.date > b->u.date) - (a->u.date < b->u.date);
    case RV_TIME: return (a->u.time > b->u.time) - (a->u.time < b->u.time);
    case RV_MDAY: {
        int p = a->u.mday.month * 100 + a->u.mday.day, q = b->u.mday.month * 100 + b->u.mday.day;
        return (p > q) - (p < q);
    }
    default: return 2;
    }
}

/* Text compares as people read it: case does not matter (Unicode case
 * folding: "frederikshavn" == "Frederikshavn"), nor do surrounding spaces. */
static bool text_equal(const char *a, const char *b)
{
    while (*a == ' ' || *a == '\t')
        a++;
    while (*b == ' ' || *b == '\t')
        b++;
    size_t na = strlen(a), nb = strlen(b);
    while (na && (a[na - 1] == ' ' || a[na - 1] == '\t'))
        na--;
    while (nb && (b[nb - 1] == ' ' || b[nb - 1] == '\t'))
        nb--;
    int r = 1;
    if (u8_casecmp((const uint8_t *)a, na, (const uint8_t *)b, nb, NULL, UNINORM_NFC, &r) != 0)
        return na == nb && memcmp(a, b, na) == 0;
    return r == 0;
}

/* Some element of l equals x. A declared name (`g in m.covers`: a goal
 * among a module's references, an enum member among a course's principles)
 * in a model list is looked for by pointer, in a loop of its own: the
 * national goal coverage asks it a dozen times per module. */
static bool has_item(const RVal *l, const RVal *x)
{
    if ((l->form & RF_MODEL) && x->k == RV_BLOCK) {
        for (int k = 0; k < l->n; k++) {
            const Value *v = l->u.vitems[k];
            if ((v->k == V_REF && v->u.ref == x->u.block) || (v->k == V_BLOCK && v->u.block == x->u.block))
                return true;
        }
        return false;
    }
    if ((l->form & RF_MODEL) && x->k == RV_ENUM) {
        for (int k = 0; k < l->n; k++) {
            const Value *v = l->u.vitems[k];
            if (v->k == V_ENUM && v->u.en.enm == x->u.enm && v->u.en.idx == x->n)
                return true;
        }
        return false;
    }
    for (int k = 0; k < l->n; k++) {
        RVal e = list_at(l, k);
        if (eval_equal(x, &e))
            return true;
    }
    return false;
}

/* Every element of a is in b. */
static bool subset(const RVal *a, const RVal *b)
{
    for (int i = 0; i < a->n; i++) {
        RVal e = list_at(a, i);
        if (!has_item(b, &e))
            return false;
    }
    return true;
}

bool eval_equal(const RVal *a, const RVal *b)
{
    double x, y;
    if (a->k == RV_INT && b->k == RV_INT)
        return a->u.i == b->u.i;
    if (num_of(a, &x) && num_of(b, &y))
        return fabs(x - y) < 1e-9;
    if (a->k != b->k)
        return false;
    switch (a->k) {
    case RV_BOOL: return a->u.b == b->u.b;
    case RV_STR: return text_equal(a->u.s, b->u.s);
    case RV_ENUM: return a->u.enm == b->u.enm && a->n == b->n;
    case RV_BLOCK: return a->u.block == b->u.block;
    case RV_RANGE:
        for (int hi = 0; hi < 2; hi++) {
            RVal p, q;
            bool hp = eval_range_end(a, hi, &p), hq = eval_range_end(b, hi, &q);
            if (hp != hq || (hp && !eval_equal(&p, &q)))
                return false;
        }
        return true;
    case RV_LIST:
        /* Lists compare as sets: order and repetition do not matter
         * (`principles == {a, b}`). */
        return subset(a, b) && subset(b, a);
    default: return cmp(a, b) == 0;
    }
}

/* Inline: eval_in asks it of both sides of every `in` but a name in a list. */
static HOT_INLINE bool has_unknown(const RVal *v)
{
    if (v->k == RV_UNKNOWN)
        return true;
    if (v->k == RV_RANGE && (v->form & RF_MODEL)) {
        /* The model's own ends, asked without converting them. */
        const Value *lo = v->u.vrange->u.range.lo, *hi = v->u.vrange->u.range.hi;
        return (lo && value_unknown(lo)) || (hi && value_unknown(hi));
    }
    if (v->k == RV_RANGE) {
        RVal e;
        return (range_end(v, false, &e) && e.k == RV_UNKNOWN) || (range_end(v, true, &e) && e.k == RV_UNKNOWN);
    }
    return false;
}

/* x in lo..hi; an open end is unbounded. */
static bool in_range(const RVal *x, const RVal *r)
{
    RVal e;
    if (range_end(r, false, &e) && cmp(x, &e) < 0)
        return false;
    if (range_end(r, true, &e) && cmp(x, &e) > 0)
        return false;
    return true;
}

/* a in b. First the common case, a name or a number in a list (`g in
 * m.covers`): neither side can hold an unknown there. */
static RVal eval_in(const RVal *a, const RVal *b)
{
    if (b->k == RV_LIST && a->k != RV_UNKNOWN && a->k != RV_RANGE && a->k != RV_LIST)
        return boolean(has_item(b, a));
    if (has_unknown(a) || has_unknown(b))
        return unknown();
    if (b->k == RV_RANGE) {
        if (a->k == RV_RANGE) {
            /* Containment: an open end of a fits only an open end of b. */
            RVal al, ah, bl, bh;
            bool hal = range_end(a, false, &al), hah = range_end(a, true, &ah);
            bool lo = !range_end(b, false, &bl) || (hal && cmp(&al, &bl) >= 0);
            bool hi = !range_end(b, true, &bh) || (hah && cmp(&ah, &bh) <= 0);
            return boolean(lo && hi);
        }
        return boolean(in_range(a, b));
    }
    if (b->k == RV_LIST) {
        if (a->k == RV_LIST) {
            /* A list in a set: at least one element is in it. */
            for (int i = 0; i < a->n; i++) {
                RVal e = list_at(a, i);
                if (has_item(b, &e))
                    return boolean(true);
            }
            return boolean(false);
        }
        return boolean(has_item(b, a));
    }
    return unknown();
}

static RVal arith(BinOp op, RVal a, RVal b)
{
    double x = 0, y = 0;
    bool an = num_of(&a, &x), bn = num_of(&b, &y);
    RVal r = unknown();
    if (an && bn) {
        if (a.k == RV_INT && b.k == RV_INT && op != OP_DIV) {
            int64_t p = a.u.i, q = b.u.i, out;
            bool ovf = op == OP_ADD   ? __builtin_add_overflow(p, q, &out)
                       : op == OP_SUB ? __builtin_sub_overflow(p, q, &out)
                                      : __builtin_mul_overflow(p, q, &out);
            if (!ovf) {
                r.k = RV_INT;
                r.u.i = out;
                return r;
            }
        }
        if (op == OP_DIV && y == 0)
            return unknown();
        r.k = RV_NUM;
        r.u.num = op == OP_ADD ? x + y : op == OP_SUB ? x - y : op == OP_MUL ? x * y : x / y;
        return r;
    }
    switch (op) {
    case OP_ADD:
    case OP_SUB:
        if (a.k == RV_QTY && b.k == RV_QTY)
            return qty(op == OP_ADD ? a.u.base + b.u.base : a.u.base - b.u.base, a.dim, a.unit);
        if (a.k == RV_DATE && b.k == RV_QTY) {
            /* Dates stay within the years 1..9999; beyond is unknown, never a
             * wrapped day number (fuzz/regressions/eval-date-*). */
            double day = (double)a.u.date + (op == OP_ADD ? b.u.base : -b.u.base);
            if (!(day >= EVAL_DAY_MIN && day <= EVAL_DAY_MAX))
                return r;
            r.k = RV_DATE;
            r.u.date = (int32_t)lround(day);
            return r;
        }
        if (a.k == RV_DATE && b.k == RV_DATE && op == OP_SUB)
            return qty((double)(a.u.date - b.u.date), DIM_SPAN, U_DAY);
        return r;
    case OP_MUL:
        if (an && b.k == RV_QTY)
            return qty(x * b.u.base, b.dim, b.unit);
        if (a.k == RV_QTY && bn)
            return qty(a.u.base * y, a.dim, a.unit);
        return r;
    case OP_DIV:
        if (a.k == RV_QTY && bn)
            return y == 0 ? r : qty(a.u.base / y, a.dim, a.unit);
        if (a.k == RV_QTY && b.k == RV_QTY) {
            if (b.u.base == 0)
                return r;
            r.k = RV_NUM;
            r.u.num = a.u.base / b.u.base;
            return r;
        }
        return r;
    default:
        return r;
    }
}

/* Runs a `where` over its list: the number of elements its predicate
 * holds for, or -1 when that is unknown. The elements are kept in *out
 * unless out is NULL (count() needs only the number). */
static int where_run(EvalCtx *c, const Node *n, RVal *out)
{
    RVal l = eval(c, n->u.where.list);
    if (l.k != RV_LIST)
        return -1;
    Value **vkeep = NULL;
    RVal *keep = NULL;
    if (out) {
        if (l.form & RF_MODEL)
            vkeep = arena_array(c->scratch, (size_t)l.n + 1, sizeof *vkeep);
        else
            keep = arena_array(c->scratch, (size_t)l.n + 1, sizeof *keep);
    }
    int k = 0;
    bool unsure = false;
    for (int i = 0; i < l.n; i++) {
        if (!eval_push(c, list_at(&l, i)))
            return -1;
        RVal p = eval(c, n->u.where.pred);
        eval_pop(c);
        if (p.k != RV_BOOL) {
            unsure = true;
        } else if (p.u.b) {
            if (vkeep)
                vkeep[k] = l.u.vitems[i];
            else if (keep)
                keep[k] = l.u.items[i];
            k++;
        }
    }
    if (unsure)
        return -1;
    if (out) {
        RVal r = {.k = RV_LIST, .form = l.form & RF_MODEL, .n = k};
        if (vkeep)
            r.u.vitems = vkeep;
        else
            r.u.items = keep;
        *out = r;
    }
    return k;
}

/* defined(x), the commonest call (a rule's `when`): apart from eval_call,
 * whose other functions keep more registers. What x lacks is not noted. */
static EVAL_APART RVal eval_defined(EvalCtx *c, const Node *n)
{
    if (!n->u.call.args.n)
        return unknown();
    /* A path its blocks declare all the way (the common `when`): defined
     * unless value_of would make its value unknown, and nothing is noted,
     * as eval_path notes nothing then; its value (a quantity converted to
     * its base unit) is not needed. Anything else is evaluated. */
    const Node *x = n->u.call.args.items[0];
    const PathRes *r = x->kind == N_PATH ? x->res : NULL;
    if (r && r->nchain > 0) {
        Block *b = path_block(c, r);
        int at;
        const Value *v = b ? walk_declared(r, &b, &at) : NULL;
        if (v)
            return boolean(!value_unknown(v));
        /* A step its block does not declare and does not derive (a course
         * without `practicum`, a target without `days`): follow would note
         * it and give unknown, and what defined() notes is put back below,
         * so nothing is noted. */
        if (b && !b->vals[r->index[at]] && !r->chain[at]->derived)
            return boolean(false);
    }
    /* All four notes put back: defined(x) asks, it does not make the rule
     * unknown, so what x lacks must not name the block an unknown result's
     * explanation blames (it once kept missing_in: "target t does not
     * declare hours" for a course that lacked day_length). */
    const Node *saved = c->missing;
    const char *why = c->missing_why, *field = c->missing_field;
    const Block *in = c->missing_in;
    c->missing = NULL;
    RVal v = eval(c, x);
    c->missing = saved;
    c->missing_why = why;
    c->missing_in = in;
    c->missing_field = field;
    return boolean(v.k != RV_UNKNOWN);
}

static EVAL_APART RVal eval_call(EvalCtx *c, const Node *n)
{
    const Node *a0 = n->u.call.args.n ? n->u.call.args.items[0] : NULL;
    if (!a0)
        return unknown();
    FnId fn = n->u.call.fn;
    if (fn == FN_YEARS) {
        RVal from = eval(c, a0), to = eval(c, n->u.call.args.items[1]);
        if (from.k != RV_DATE || to.k != RV_DATE)
            return unknown();
        RVal r = {.k = RV_INT, .u.i = civil_whole_years(from.u.date, to.u.date)};
        return r;
    }
    if (fn == FN_COUNT && a0->kind == N_WHERE) {
        /* Counted as it runs: the selection itself is never kept. */
        int k = where_run(c, a0, NULL);
        if (k < 0)
            return unknown();
        RVal r = {.k = RV_INT, .u.i = k};
        return r;
    }
    RVal v = eval(c, a0);
    if (v.k == RV_UNKNOWN)
        return v;
    switch (fn) {
    case FN_COUNT: {
        RVal r = {.k = RV_INT, .u.i = v.k == RV_LIST ? v.n : 0};
        return r;
    }
    case FN_SUM: {
        if (v.k != RV_LIST)
            return unknown();
        RVal acc = {.k = RV_INT, .u.i = 0};
        Unit unit = U_MIN;
        double factor = 0; /* unit_base(unit), once asked; 0: not yet */
        for (int i = 0; i < v.n; i++) {
            /* A model quantity after the first added to the sum so far in
             * its base unit, as qty_of converts it, the unit's factor asked
             * again only when the unit changes (module.hours: most in h). */
            const Value *q = v.form & RF_MODEL ? v.u.vitems[i] : NULL;
            if (i > 0 && acc.k == RV_QTY && q && q->k == V_QTY) {
                if (factor == 0 || q->u.qty.unit != unit) {
                    unit = q->u.qty.unit;
                    factor = unit_base(unit);
                }
                acc.u.base += q->u.qty.v * factor;
                continue;
            }
            RVal e = list_at(&v, i);
            /* A sum of quantities starts from the first element's unit. */
            if (i == 0 && e.k == RV_QTY)
                acc = qty(0, e.dim, e.unit);
            /* Quantity to quantity here, as arith adds them (module hours
             * summed: a call an element saved); anything else arith's. */
            if (acc.k == RV_QTY && e.k == RV_QTY) {
                acc.u.base += e.u.base;
                continue;
            }
            acc = arith(OP_ADD, acc, e);
            if (acc.k == RV_UNKNOWN)
                return acc;
        }
        return acc;
    }
    case FN_MIN:
    case FN_MAX: {
        bool lo = fn == FN_MIN;
        if (v.k == RV_RANGE) {
            RVal end;
            if (!range_end(&v, !lo, &end)) {
                note_missing(c, a0, lo ? N_("%s has no lower end") : N_("%s has no upper end"));
                return unknown();
            }
            return end;
        }
        if (v.k == RV_LIST) {
            if (v.n == 0)
                return unknown();
            RVal best = list_at(&v, 0);
            for (int i = 1; i < v.n; i++) {
                RVal e = list_at(&v, i);
                int k = cmp(&e, &best);
                if (k != 2 && (lo ? k < 0 : k > 0))
                    best = e;
            }
            return best;
        }
        return unknown();
    }
    default:
        return unknown();
    }
}

static EVAL_APART RVal eval_not(EvalCtx *c, const Node *n)
{
    RVal v = eval(c, n->u.operand);
    return v.k == RV_BOOL ? boolean(!v.u.b) : unknown();
}

static EVAL_APART RVal eval_logic(EvalCtx *c, const Node *n)
{
    RVal a = eval(c, n->u.bin.l);
    bool dominant = n->u.bin.op == OP_OR; /* true decides an or, false an and */
    if (a.k == RV_BOOL && a.u.b == dominant)
        return a;
    RVal b = eval(c, n->u.bin.r);
    if (b.k == RV_BOOL && b.u.b == dominant)
        return b;
    if (a.k == RV_BOOL && b.k == RV_BOOL)
        return boolean(!dominant);
    return unknown();
}

/* A range literal with its ends in `ends`: in the arena (eval_range), or,
 * where the range is a side of `in` and goes no further than the answer,
 * on eval_bin's stack (`t.hours in min(t.days) * day_length .. ...`, `(..0)
 * in group_size`: 5,514 arena arrays on 2,000 courses). */
static HOT_INLINE RVal range_into(EvalCtx *c, const Node *n, RVal *ends)
{
    RVal r = {.k = RV_RANGE, .u.ends = ends};
    if (n->u.range.lo) {
        ends[0] = eval(c, n->u.range.lo);
        if (ends[0].k == RV_UNKNOWN)
            return ends[0];
        r.form |= RF_LO;
    }
    if (n->u.range.hi) {
        ends[1] = eval(c, n->u.range.hi);
        if (ends[1].k == RV_UNKNOWN)
            return ends[1];
        r.form |= RF_HI;
    }
    return r;
}

static EVAL_APART RVal eval_range(EvalCtx *c, const Node *n)
{
    return range_into(c, n, arena_array(c->scratch, 2, sizeof(RVal)));
}

/* `a in b` where a side is a range literal, kept on the stack (range_into):
 * apart, so that eval_bin keeps no such frame for the other operators. */
static EVAL_APART RVal eval_in_range(EvalCtx *c, const Node *n)
{
    RVal ends[2][2];
    const Node *l = n->u.bin.l, *r = n->u.bin.r;
    RVal a = l->kind == N_RANGE ? range_into(c, l, ends[0]) : eval(c, l);
    RVal b = r->kind == N_RANGE ? range_into(c, r, ends[1]) : eval(c, r);
    return eval_in(&a, &b);
}

static EVAL_APART RVal eval_bin(EvalCtx *c, const Node *n)
{
    BinOp op = n->u.bin.op;
    if (op == OP_IN && (n->u.bin.l->kind == N_RANGE || n->u.bin.r->kind == N_RANGE))
        return eval_in_range(c, n);
    RVal a = eval(c, n->u.bin.l), b = eval(c, n->u.bin.r);
    if (op == OP_IN)
        return eval_in(&a, &b);
    if (a.k == RV_UNKNOWN || b.k == RV_UNKNOWN)
        return unknown();
    switch (op) {
    case OP_EQ: return boolean(eval_equal(&a, &b));
    case OP_NE: return boolean(!eval_equal(&a, &b));
    case OP_LT: case OP_LE: case OP_GT: case OP_GE: {
        int k = cmp(&a, &b);
        if (k == 2)
            return unknown();
        return boolean(op == OP_LT ? k < 0 : op == OP_LE ? k <= 0 : op == OP_GT ? k > 0 : k >= 0);
    }
    default:
        return arith(op, a, b);
    }
}

/* A set literal with its elements in `items` (n->u.set.n of them): in the
 * arena (eval_set), or on eval_quant's stack when the quantifier runs over
 * the set itself (`all p in {practice_oriented, ...}: ...`), which no
 * answer outlives. */
static HOT_INLINE RVal set_into(EvalCtx *c, const Node *n, RVal *items)
{
    RVal r = {.k = RV_LIST, .u.items = items};
    for (int i = 0; i < n->u.set.n; i++) {
        RVal x = eval(c, n->u.set.items[i]);
        if (x.k == RV_UNKNOWN)
            return x;
        items[r.n++] = x;
    }
    return r;
}

static EVAL_APART RVal eval_set(EvalCtx *c, const Node *n)
{
    return set_into(c, n, arena_array(c->scratch, (size_t)n->u.set.n + 1, sizeof(RVal)));
}

static EVAL_APART RVal eval_where(EvalCtx *c, const Node *n)
{
    RVal out;
    return where_run(c, n, &out) < 0 ? unknown() : out;
}

/* A path whose value is the same for every element of the quantifier
 * whose variable is innermost: it does not start from that variable. */
static bool outer_path(const Node *x)
{
    if (x->kind != N_PATH || !x->res)
        return false;
    const PathRes *r = x->res;
    return (r->kind != R_VAR && r->kind != R_ELEM) || r->up >= 1;
}

/* A path that is the innermost quantifier's element itself. */
static bool is_element(const Node *y)
{
    const PathRes *r = y->kind == N_PATH ? y->res : NULL;
    return r && (r->kind == R_VAR || r->kind == R_ELEM) && r->up == 0 && r->nchain == 0;
}

/* A path that is one field of the innermost quantifier's element. */
static const PathRes *own_field(const Node *y)
{
    const PathRes *r = y->kind == N_PATH ? y->res : NULL;
    return r && (r->kind == R_VAR || r->kind == R_ELEM) && r->up == 0 && r->nchain == 1 ? r : NULL;
}

/* A name as has_item finds it in a model list by pointer: the block (a
 * reference, a nested block), or the enum member's own entry in its enum.
 * NULL for any other value: has_item never matches those to a name. */
static const void *name_key(const RVal *x)
{
    return x->k == RV_BLOCK ? (const void *)x->u.block : x->k == RV_ENUM ? (const void *)&x->u.enm->members[x->n] : NULL;
}

static const void *item_key(const Value *v)
{
    return v->k == V_REF     ? (const void *)v->u.ref
           : v->k == V_BLOCK ? (const void *)v->u.block
           : v->k == V_ENUM  ? (const void *)&v->u.en.enm->members[v->u.en.idx]
                             : NULL;
}

static unsigned index_slot(const void *key)
{
    uint64_t h = (uint64_t)(uintptr_t)key * UINT64_C(0x9E3779B97F4A7C15);
    return (unsigned)(h >> 32) & (EVAL_INDEX_SLOTS - 1);
}

/* A list path whose value cannot change while a context evaluates: from
 * the subject or the framework, through single blocks to a field that is
 * read, not derived or projected, so that it is the model's own list. */
static bool fixed_list(const Node *list)
{
    const PathRes *r = list->kind == N_PATH ? list->res : NULL;
    if (!r || (r->kind != R_CTX && r->kind != R_FRAME) || r->nchain == 0)
        return false;
    for (int i = 0; i < r->nchain; i++)
        if (r->chain[i]->derived || (i < r->nchain - 1 && (r->chain[i]->many || r->chain[i]->type->k == TY_LIST)))
            return false;
    return true;
}

/* Reads every element's f into c's index for `quant` over the model list
 * l (EvalIndex, eval.h): what the element-by-element loop would find, for
 * every name at once. NULL when l is not of the shape it answers for. */
static EVAL_APART const EvalIndex *index_build(EvalCtx *c, const Node *quant, const RVal *l, const Field *f)
{
    EvalIndex *ix = &c->index;
    ix->quant = quant;
    ix->items = l->u.vitems;
    ix->n = l->n;
    ix->nkeys = -1;
    ix->first_missing = l->n;
    ix->f = f;
    ix->fixed = false;
    if (f->derived)
        return NULL;
    memset(ix->key, 0, sizeof ix->key);
    int nkeys = 0;
    for (int i = 0; i < l->n; i++) {
        const Value *e = l->u.vitems[i];
        const Block *b = e->k == V_BLOCK ? e->u.block : e->k == V_REF ? e->u.ref : NULL;
        if (!b)
            return NULL;
        const Value *v = b->vals[f->index];
        if (!v) {
            if (ix->first_missing == l->n)
                ix->first_missing = i;
            continue;
        }
        if (v->k != V_LIST)
            return NULL;
        for (int k = 0; k < v->u.list.n; k++) {
            const void *key = item_key(v->u.list.items[k]);
            if (!key)
                continue;
            unsigned s = index_slot(key);
            while (ix->key[s] && ix->key[s] != key)
                s = (s + 1) & (EVAL_INDEX_SLOTS - 1);
            if (ix->key[s])
                continue; /* an earlier element lists it already */
            if (++nkeys > EVAL_INDEX_SLOTS / 2)
                return NULL;
            ix->key[s] = key;
            ix->first[s] = i;
        }
    }
    ix->nkeys = nkeys;
    ix->fixed = fixed_list(quant->u.quant.list);
    return ix;
}

/* The index for `quant` over l, built the first time it is asked for: only
 * for a quantifier inside another's scope (asked once, a loop that stops at
 * the first witness reads less than an index does), and only for the first
 * such quantifier and list of an evaluation, so that two that alternate
 * cannot rebuild it again and again. */
static const EvalIndex *index_of(EvalCtx *c, const Node *quant, const RVal *l, const Field *f)
{
    const EvalIndex *ix = &c->index;
    if (!ix->quant)
        return index_build(c, quant, l, f);
    if (ix->quant == quant && ix->items == l->u.vitems && ix->n == l->n && ix->nkeys >= 0)
        return ix;
    return NULL;
}

/* The first element of the indexed list whose f lists key; n: none. */
static int index_first(const EvalIndex *ix, const void *key)
{
    for (unsigned s = index_slot(key); ix->key[s]; s = (s + 1) & (EVAL_INDEX_SLOTS - 1))
        if (ix->key[s] == key)
            return ix->first[s];
    return ix->n;
}

/* Answers `any m in l: x in m.f` from the index ix: what the loop in
 * eval_quant would find, which stops at the first element that lists x,
 * having noted the first element before it that lacks f, if any, and is
 * unknown without a witness when some element lacks f. False when x is not
 * a name the index keys: the loop answers then. */
static bool index_answer(EvalCtx *c, const Node *n, const EvalIndex *ix, const RVal *l, RVal *out)
{
    const Node *body = n->u.quant.body, *name = body->u.bin.l;
    const PathRes *r = name->res;
    RVal x;
    if (c->nscope >= EVAL_MAX_SCOPE) /* the loop could not push an element */
        return false;
    if ((r->kind == R_VAR || r->kind == R_ELEM) && r->nchain == 0) {
        /* An enclosing quantifier's variable (g): read from its scope as it
         * would be read with the first element pushed. */
        x = r->up > c->nscope ? unknown() : c->scope[c->nscope - r->up];
    } else {
        eval_push(c, list_at(l, 0));
        x = eval(c, name);
        eval_pop(c);
    }
    const void *key = name_key(&x);
    if (!key)
        return false;
    int w = index_first(ix, key);
    if (ix->first_missing < w) {
        const Value *e = l->u.vitems[ix->first_missing];
        note_missing_in(c, body->u.bin.r, N_("%s is not declared"), e->k == V_BLOCK ? e->u.block : e->u.ref, ix->f);
    }
    *out = w < l->n ? boolean(true) : ix->first_missing < l->n ? unknown() : boolean(false);
    return true;
}

/* The quantifier n asked again, when the index was built for it over a
 * list that cannot have changed: answered from the index, neither the list
 * nor the shape looked at again. False: evaluate n. */
static HOT_INLINE bool index_again(EvalCtx *c, const Node *n, RVal *out)
{
    const EvalIndex *ix = &c->index;
    if (ix->quant != n || !ix->fixed)
        return false;
    RVal l = {.k = RV_LIST, .form = RF_MODEL, .n = ix->n, .u.vitems = ix->items};
    return index_answer(c, n, ix, &l, out);
}

#define EVAL_SET_ON_STACK 8 /* elements of a set literal quantified over, kept on the stack */

static EVAL_APART RVal eval_quant(EvalCtx *c, const Node *n)
{
    RVal l, r;
    if (index_again(c, n, &r))
        return r;
    const EvalIndex *ix;
    RVal set[EVAL_SET_ON_STACK];
    const Node *ln = n->u.quant.list;
    l = ln->kind == N_SET && ln->u.set.n <= EVAL_SET_ON_STACK ? set_into(c, ln, set) : eval(c, ln);
    if (l.k != RV_LIST)
        return unknown();
    bool all = n->u.quant.all, unsure = false;
    /* `any m in module: g in m.covers`: the name looked for is read once,
     * when the first element is in scope (as the first step reads it, so
     * that what it lacks is noted alike), and `in` is applied directly. */
    const Node *body = n->u.quant.body, *name = NULL;
    if (body->kind == N_BIN && body->u.bin.op == OP_IN && outer_path(body->u.bin.l))
        name = body->u.bin.l;
    /* Where the list looked in is a field of the element itself (m.covers)
     * and the element's block declares it, it is read there, as eval_path's
     * one step would read it; anything else is eval_path's. */
    const PathRes *own = name ? own_field(body->u.bin.r) : NULL;
    /* `all p in {practice_oriented, ...}: p in principles`: the element
     * itself looked for in a list that does not depend on it, read once,
     * when the first element is in scope (as the first `in` reads it), and
     * `in` applied to the element directly. */
    const Node *among = NULL;
    if (!name && body->kind == N_BIN && body->u.bin.op == OP_IN && is_element(body->u.bin.l) &&
        outer_path(body->u.bin.r))
        among = body->u.bin.r;
    RVal x = unknown();
    /* `any` inside another quantifier's scope (the goal coverage asks it
     * once per goal): answered from the index of the elements' lists. */
    if (own && !all && c->nscope > 0 && (l.form & RF_MODEL) && l.n > 0) {
        ix = index_of(c, n, &l, own->chain[0]);
        if (ix && index_answer(c, n, ix, &l, &r))
            return r;
    }
    for (int i = 0; i < l.n; i++) {
        RVal e = list_at(&l, i);
        if (!eval_push(c, e))
            return unknown();
        RVal p;
        if (name) {
            if (i == 0)
                x = eval(c, name);
            const Value *v = own && e.k == RV_BLOCK ? e.u.block->vals[own->chain[0]->index] : NULL;
            RVal y = v ? value_of(v) : eval(c, body->u.bin.r);
            p = eval_in(&x, &y);
        } else if (among) {
            if (i == 0)
                x = eval(c, among);
            p = eval_in(&e, &x);
        } else if (body->kind != N_QUANT || !index_again(c, body, &p)) {
            /* (A quantifier inside, asked again from the index, without
             * the call: the goal coverage asks it for every goal.) */
            p = eval(c, body);
        }
        eval_pop(c);
        if (p.k != RV_BOOL)
            unsure = true;
        else if (p.u.b != all)
            return boolean(!all); /* a counterexample / a witness decides */
    }
    return unsure ? unknown() : boolean(all);
}

static EVAL_APART RVal eval_if(EvalCtx *c, const Node *n)
{
    RVal k = eval(c, n->u.cond.c);
    if (k.k != RV_BOOL)
        return unknown();
    return eval(c, k.u.b ? n->u.cond.t : n->u.cond.e);
}

RVal eval(EvalCtx *c, const Node *n)
{
    switch (n->kind) {
    case N_INT: { RVal r = {.k = RV_INT, .u.i = n->u.i}; return r; }
    case N_NUM: { RVal r = {.k = RV_NUM, .u.num = n->u.num}; return r; }
    case N_QTY: return qty(n->u.qty.v * unit_base(n->u.qty.unit), unit_dim(n->u.qty.unit), n->u.qty.unit);
    case N_STR: { RVal r = {.k = RV_STR, .u.s = n->u.str.s}; return r; }
    case N_BOOL: return boolean(n->u.b);
    case N_DATE: { RVal r = {.k = RV_DATE, .u.date = n->u.date}; return r; }
    case N_TIME: { RVal r = {.k = RV_TIME, .u.time = n->u.time}; return r; }
    case N_MDAY: {
        RVal r = {.k = RV_MDAY};
        r.u.mday.month = n->u.mday.month;
        r.u.mday.day = n->u.mday.day;
        return r;
    }
    case N_PATH: return eval_path(c, n);
    case N_CALL: return n->u.call.fn == FN_DEFINED ? eval_defined(c, n) : eval_call(c, n);
    case N_NOT: return eval_not(c, n);
    case N_BIN:
        if (n->u.bin.op == OP_AND || n->u.bin.op == OP_OR)
            return eval_logic(c, n);
        return eval_bin(c, n);
    case N_RANGE: return eval_range(c, n);
    case N_SET: return eval_set(c, n);
    case N_WHERE: return eval_where(c, n);
    case N_QUANT: return eval_quant(c, n);
    case N_IF: return eval_if(c, n);
    }
    return unknown();
}

/* A number: with the language's decimal point when `local` (2,5 in
 * Danish text), else as the course language writes it (2.5). */
static void write_num(SBuf *b, double v, bool local)
{
    if (fabs(v - llround(v)) < 1e-9 && fabs(v) < 1e15) {
        sb_int(b, llround(v));
        return;
    }
    char t[64];
    snprintf(t, sizeof t, "%.4g", v);
    sb_puts(b, local ? i18n_localize_number(t) : t);
}

/* `local`: for a person to read in the language in use (explanations);
 * else as the course language writes the value (yes, no and units are the
 * language's own words either way). */
static void write_value(SBuf *b, const RVal *v, bool local)
{
    switch (v->k) {
    case RV_UNKNOWN: sb_puts(b, local ? _("unknown") : "unknown"); return;
    case RV_BOOL: sb_puts(b, v->u.b ? "yes" : "no"); return;
    case RV_INT: sb_int(b, v->u.i); return;
    case RV_NUM: write_num(b, v->u.num, local); return;
    case RV_QTY: {
        double x = v->u.base / unit_base((Unit)v->unit);
        write_num(b, x, local);
        const char *sym = unit_symbol((Unit)v->unit, x);
        if (strlen(sym) > 1)
            sb_put(b, " ", 1);
        sb_puts(b, sym);
        return;
    }
    case RV_STR: sb_put(b, "\"", 1); sb_puts(b, v->u.s); sb_put(b, "\"", 1); return;
    case RV_DATE: civil_write(b, v->u.date); return;
    case RV_TIME: sb_pair(b, (unsigned)v->u.time / 60, ':', (unsigned)v->u.time % 60); return;
    case RV_MDAY: sb_pair(b, (unsigned)v->u.mday.month, '-', (unsigned)v->u.mday.day); return;
    case RV_RANGE: {
        RVal e;
        if (eval_range_end(v, false, &e))
            write_value(b, &e, local);
        sb_put(b, "..", 2);
        if (eval_range_end(v, true, &e))
            write_value(b, &e, local);
        return;
    }
    case RV_LIST:
        sb_put(b, "[", 1);
        for (int i = 0; i < v->n; i++) {
            if (i == 8) {
                char all[64];
                /* TRANSLATORS: the end of a long list shown in part: "[a, b, ..., (12 in all)]" */
                snprintf(all, sizeof all, local ? _(", ... (%d in all)") : ", ... (%d in all)", v->n);
                sb_puts(b, all);
                break;
            }
            if (i)
                sb_put(b, ", ", 2);
            RVal e = list_at(v, i);
            write_value(b, &e, local);
        }
        sb_put(b, "]", 1);
        return;
    case RV_ENUM: sb_puts(b, v->u.enm->members[v->n].name); return;
    case RV_BLOCK: sb_puts(b, v->u.block->name ? v->u.block->name : v->u.block->schema->name); return;
    }
    sb_put(b, "?", 1);
}

void eval_write(SBuf *b, const RVal *v)
{
    write_value(b, v, true);
}

char *eval_show(Arena *a, const RVal *v)
{
    SBuf b = sb_new(a);
    write_value(&b, v, true);
    return sb_str(&b);
}

char *eval_show_code(Arena *a, const RVal *v)
{
    SBuf b = sb_new(a);
    write_value(&b, v, false);
    return sb_str(&b);
}
