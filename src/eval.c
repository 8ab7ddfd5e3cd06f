/* eval.c — the expression evaluator. Kleene logic for and/or/not and the
 * quantifiers; a comparison with an unknown side is unknown. */
#include "eval.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unicase.h>

/* 0001-01-01 and 9999-12-31 as days since 1970-01-01. */
#define EVAL_DAY_MIN (-719162.0)
#define EVAL_DAY_MAX 2932896.0

static RVal unknown(void) { RVal v = {RV_UNKNOWN, {0}}; return v; }
static RVal boolean(bool b) { RVal v = {RV_BOOL, {.b = b}}; return v; }

static void note_missing(EvalCtx *c, const Node *n, const char *why)
{
    if (!c->missing) {
        c->missing = n;
        c->missing_why = why;
    }
}

static RVal qty(double base, Dim dim, Unit unit)
{
    RVal v = {RV_QTY, {0}};
    v.u.q.base = base;
    v.u.q.dim = dim;
    v.u.q.unit = unit;
    return v;
}

static RVal convert_value(EvalCtx *c, const Value *v);

/* A model value as a runtime value. Lists and ranges are built once and
 * kept on the value (the model never changes after compilation), so a
 * framework's goal list is not rebuilt for every course and rule. */
RVal eval_value(EvalCtx *c, const Value *v)
{
    if (!v)
        return unknown();
    if (v->k != V_LIST && v->k != V_RANGE)
        return convert_value(c, v);
    if (v->rcache)
        return *(const RVal *)v->rcache;
    if (!c->cache)
        return convert_value(c, v);
    Arena *scratch = c->scratch;
    c->scratch = c->cache; /* the parts must live as long as the cache */
    RVal r = convert_value(c, v);
    c->scratch = scratch;
    RVal *keep = arena_alloc(c->cache, sizeof *keep);
    *keep = r;
    ((Value *)v)->rcache = keep;
    return r;
}

static void warm(EvalCtx *c, const Value *v, int depth)
{
    if (!v || depth > 300)
        return;
    if (v->k == V_LIST || v->k == V_RANGE)
        (void)eval_value(c, v);
    if (v->k == V_LIST)
        for (int i = 0; i < v->u.list.n; i++)
            warm(c, v->u.list.items[i], depth + 1);
    if (v->k == V_BLOCK)
        for (int i = 0; i < v->u.block->schema->nfields; i++)
            warm(c, v->u.block->vals[i], depth + 1);
}

void eval_warm(Arena *cache, Block *b)
{
    EvalCtx c;
    memset(&c, 0, sizeof c);
    c.scratch = cache;
    c.cache = cache;
    for (int i = 0; i < b->schema->nfields; i++)
        warm(&c, b->vals[i], 0);
}

static RVal convert_value(EvalCtx *c, const Value *v)
{
    RVal r = unknown();
    switch (v->k) {
    case V_BOOL: return boolean(v->u.b);
    case V_INT: r.k = RV_INT; r.u.i = v->u.i; return r;
    case V_NUMBER: r.k = RV_NUM; r.u.num = v->u.num; return r;
    case V_STRING: r.k = RV_STR; r.u.s = v->u.s; return r;
    case V_DATE: r.k = RV_DATE; r.u.date = v->u.date; return r;
    case V_TIME: r.k = RV_TIME; r.u.time = v->u.time; return r;
    case V_MDAY: r.k = RV_MDAY; r.u.mday.month = v->u.mday.month; r.u.mday.day = v->u.mday.day; return r;
    case V_QTY:
        return qty(v->u.qty.v * unit_base(v->u.qty.unit), unit_dim(v->u.qty.unit), v->u.qty.unit);
    case V_RANGE:
        r.k = RV_RANGE;
        if (v->u.range.lo) {
            r.u.range.lo = arena_alloc(c->scratch, sizeof(RVal));
            *r.u.range.lo = eval_value(c, v->u.range.lo);
        }
        if (v->u.range.hi) {
            r.u.range.hi = arena_alloc(c->scratch, sizeof(RVal));
            *r.u.range.hi = eval_value(c, v->u.range.hi);
        }
        return r;
    case V_LIST:
        r.k = RV_LIST;
        r.u.list.n = v->u.list.n;
        r.u.list.items = arena_array(c->scratch, (size_t)v->u.list.n + 1, sizeof(RVal));
        for (int i = 0; i < v->u.list.n; i++)
            r.u.list.items[i] = eval_value(c, v->u.list.items[i]);
        return r;
    case V_ENUM: r.k = RV_ENUM; r.u.en.enm = v->u.en.enm; r.u.en.idx = v->u.en.idx; return r;
    case V_REF: if (!v->u.ref) return r; r.k = RV_BLOCK; r.u.block = v->u.ref; return r;
    case V_BLOCK: r.k = RV_BLOCK; r.u.block = v->u.block; return r;
    case V_EXPR: return r;
    }
    return r;
}

/* Follows fields from `cur`; through a list, each element (flattened). */
static RVal follow(EvalCtx *c, const Node *n, RVal cur, Field **chain, int nchain)
{
    for (int i = 0; i < nchain; i++) {
        Field *f = chain[i];
        if (cur.k == RV_BLOCK) {
            Value *v = cur.u.block->vals[f->index];
            if (!v) {
                note_missing(c, n, "is not declared");
                return unknown();
            }
            cur = eval_value(c, v);
        } else if (cur.k == RV_LIST) {
            RVal out = {RV_LIST, {0}};
            int cap = cur.u.list.n * 2 + 1, k = 0;
            out.u.list.items = arena_array(c->scratch, (size_t)cap, sizeof(RVal));
            bool any_missing = false;
            for (int j = 0; j < cur.u.list.n; j++) {
                RVal e = cur.u.list.items[j];
                if (e.k != RV_BLOCK)
                    continue;
                Value *v = e.u.block->vals[f->index];
                if (!v) {
                    any_missing = true;
                    continue;
                }
                RVal x = eval_value(c, v);
                if (x.k == RV_LIST) {
                    if (k + x.u.list.n > cap) {
                        int ncap = (k + x.u.list.n) * 2;
                        out.u.list.items = arena_grow(c->scratch, out.u.list.items, (size_t)k, (size_t)ncap, sizeof(RVal));
                        cap = ncap;
                    }
                    for (int m = 0; m < x.u.list.n; m++)
                        out.u.list.items[k++] = x.u.list.items[m];
                } else {
                    out.u.list.items[k++] = x;
                }
            }
            /* A projection with a hole (a module without hours) is unknown:
             * its sum or count would silently leave something out. */
            if (any_missing) {
                note_missing(c, n, "is not declared for every item");
                return unknown();
            }
            out.u.list.n = k;
            cur = out;
        } else {
            return unknown();
        }
    }
    return cur;
}

static RVal eval_path(EvalCtx *c, const Node *n)
{
    const PathRes *r = n->res;
    if (!r)
        return unknown();
    RVal start = unknown();
    switch (r->kind) {
    case R_VAR:
    case R_ELEM:
        if (r->up >= c->nscope)
            return unknown();
        start = c->scope[c->nscope - 1 - r->up];
        break;
    case R_CTX:
        if (!c->subject)
            return unknown();
        start.k = RV_BLOCK;
        start.u.block = c->subject;
        break;
    case R_FRAME:
        if (!c->frame)
            return unknown();
        start.k = RV_BLOCK;
        start.u.block = c->frame;
        break;
    case R_BLOCK:
        start.k = RV_BLOCK;
        start.u.block = r->block;
        return start;
    case R_ENUM:
        start.k = RV_ENUM;
        start.u.en.enm = r->enm;
        start.u.en.idx = r->member;
        return start;
    }
    return follow(c, n, start, r->chain, r->nchain);
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
        double d = a->u.q.base - b->u.q.base;
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

/* Every element of a is in b. */
static bool subset(const RVal *a, const RVal *b)
{
    for (int i = 0; i < a->u.list.n; i++) {
        bool found = false;
        for (int k = 0; k < b->u.list.n && !found; k++)
            found = eval_equal(&a->u.list.items[i], &b->u.list.items[k]);
        if (!found)
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
    case RV_ENUM: return a->u.en.enm == b->u.en.enm && a->u.en.idx == b->u.en.idx;
    case RV_BLOCK: return a->u.block == b->u.block;
    case RV_RANGE:
        if (!a->u.range.lo != !b->u.range.lo || !a->u.range.hi != !b->u.range.hi)
            return false;
        return (!a->u.range.lo || eval_equal(a->u.range.lo, b->u.range.lo)) &&
               (!a->u.range.hi || eval_equal(a->u.range.hi, b->u.range.hi));
    case RV_LIST:
        /* Lists compare as sets: order and repetition do not matter
         * (`principles == {a, b}`). */
        return subset(a, b) && subset(b, a);
    default: return cmp(a, b) == 0;
    }
}

static bool has_unknown(const RVal *v)
{
    if (v->k == RV_UNKNOWN)
        return true;
    if (v->k == RV_RANGE)
        return (v->u.range.lo && v->u.range.lo->k == RV_UNKNOWN) || (v->u.range.hi && v->u.range.hi->k == RV_UNKNOWN);
    return false;
}

/* x in lo..hi; an open end is unbounded. */
static bool in_range(const RVal *x, const RVal *r)
{
    if (r->u.range.lo && cmp(x, r->u.range.lo) < 0)
        return false;
    if (r->u.range.hi && cmp(x, r->u.range.hi) > 0)
        return false;
    return true;
}

static RVal eval_in(EvalCtx *c, const Node *n, RVal a, RVal b)
{
    (void)c;
    (void)n;
    if (has_unknown(&a) || has_unknown(&b))
        return unknown();
    if (b.k == RV_RANGE) {
        if (a.k == RV_RANGE) {
            /* Containment: an open end of a fits only an open end of b. */
            bool lo = !b.u.range.lo || (a.u.range.lo && cmp(a.u.range.lo, b.u.range.lo) >= 0);
            bool hi = !b.u.range.hi || (a.u.range.hi && cmp(a.u.range.hi, b.u.range.hi) <= 0);
            return boolean(lo && hi);
        }
        return boolean(in_range(&a, &b));
    }
    if (b.k == RV_LIST) {
        if (a.k == RV_LIST) {
            /* A list in a set: at least one element is in it. */
            for (int i = 0; i < a.u.list.n; i++)
                for (int k = 0; k < b.u.list.n; k++)
                    if (eval_equal(&a.u.list.items[i], &b.u.list.items[k]))
                        return boolean(true);
            return boolean(false);
        }
        for (int k = 0; k < b.u.list.n; k++)
            if (eval_equal(&a, &b.u.list.items[k]))
                return boolean(true);
        return boolean(false);
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
            return qty(op == OP_ADD ? a.u.q.base + b.u.q.base : a.u.q.base - b.u.q.base, a.u.q.dim, a.u.q.unit);
        if (a.k == RV_DATE && b.k == RV_QTY) {
            /* Dates stay within the years 1..9999; beyond is unknown, never a
             * wrapped day number (fuzz/regressions/eval-date-*). */
            double day = (double)a.u.date + (op == OP_ADD ? b.u.q.base : -b.u.q.base);
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
            return qty(x * b.u.q.base, b.u.q.dim, b.u.q.unit);
        if (a.k == RV_QTY && bn)
            return qty(a.u.q.base * y, a.u.q.dim, a.u.q.unit);
        return r;
    case OP_DIV:
        if (a.k == RV_QTY && bn)
            return y == 0 ? r : qty(a.u.q.base / y, a.u.q.dim, a.u.q.unit);
        if (a.k == RV_QTY && b.k == RV_QTY) {
            if (b.u.q.base == 0)
                return r;
            r.k = RV_NUM;
            r.u.num = a.u.q.base / b.u.q.base;
            return r;
        }
        return r;
    default:
        return r;
    }
}

static RVal *box(EvalCtx *c, RVal v)
{
    RVal *p = arena_alloc(c->scratch, sizeof *p);
    *p = v;
    return p;
}

static void push_scope(EvalCtx *c, RVal v)
{
    if (c->nscope == c->capscope) {
        int cap = c->capscope ? c->capscope * 2 : 8;
        c->scope = arena_grow(c->scratch, c->scope, (size_t)c->nscope, (size_t)cap, sizeof *c->scope);
        c->capscope = cap;
    }
    c->scope[c->nscope++] = v;
}

static RVal eval_call(EvalCtx *c, const Node *n)
{
    const char *f = n->u.call.name;
    const Node *a0 = n->u.call.args.n ? n->u.call.args.items[0] : NULL;
    if (!a0)
        return unknown();
    if (strcmp(f, "defined") == 0) {
        const Node *saved = c->missing;
        const char *why = c->missing_why;
        c->missing = NULL;
        RVal v = eval(c, a0);
        c->missing = saved;
        c->missing_why = why;
        return boolean(v.k != RV_UNKNOWN);
    }
    RVal v = eval(c, a0);
    if (v.k == RV_UNKNOWN)
        return v;
    if (strcmp(f, "count") == 0) {
        RVal r = {RV_INT, {.i = v.k == RV_LIST ? v.u.list.n : 0}};
        return r;
    }
    if (strcmp(f, "sum") == 0) {
        if (v.k != RV_LIST)
            return unknown();
        RVal acc = {RV_INT, {.i = 0}};
        /* A sum of quantities starts from the first element's unit. */
        if (v.u.list.n && v.u.list.items[0].k == RV_QTY)
            acc = qty(0, v.u.list.items[0].u.q.dim, v.u.list.items[0].u.q.unit);
        for (int i = 0; i < v.u.list.n; i++) {
            acc = arith(OP_ADD, acc, v.u.list.items[i]);
            if (acc.k == RV_UNKNOWN)
                return acc;
        }
        return acc;
    }
    bool lo = strcmp(f, "min") == 0;
    if (v.k == RV_RANGE) {
        RVal *end = lo ? v.u.range.lo : v.u.range.hi;
        if (!end) {
            note_missing(c, a0, lo ? "has no lower end" : "has no upper end");
            return unknown();
        }
        return *end;
    }
    if (v.k == RV_LIST) {
        if (v.u.list.n == 0)
            return unknown();
        RVal best = v.u.list.items[0];
        for (int i = 1; i < v.u.list.n; i++) {
            int k = cmp(&v.u.list.items[i], &best);
            if (k != 2 && (lo ? k < 0 : k > 0))
                best = v.u.list.items[i];
        }
        return best;
    }
    return unknown();
}

RVal eval(EvalCtx *c, const Node *n)
{
    switch (n->kind) {
    case N_INT: { RVal r = {RV_INT, {.i = n->u.i}}; return r; }
    case N_NUM: { RVal r = {RV_NUM, {.num = n->u.num}}; return r; }
    case N_QTY: return qty(n->u.qty.v * unit_base(n->u.qty.unit), unit_dim(n->u.qty.unit), n->u.qty.unit);
    case N_STR: { RVal r = {RV_STR, {.s = n->u.str.s}}; return r; }
    case N_BOOL: return boolean(n->u.b);
    case N_DATE: { RVal r = {RV_DATE, {.date = n->u.date}}; return r; }
    case N_TIME: { RVal r = {RV_TIME, {.time = n->u.time}}; return r; }
    case N_MDAY: { RVal r = {RV_MDAY, {0}}; r.u.mday.month = n->u.mday.month; r.u.mday.day = n->u.mday.day; return r; }
    case N_PATH: return eval_path(c, n);
    case N_CALL: return eval_call(c, n);
    case N_NOT: {
        RVal v = eval(c, n->u.operand);
        return v.k == RV_BOOL ? boolean(!v.u.b) : unknown();
    }
    case N_BIN: {
        BinOp op = n->u.bin.op;
        if (op == OP_AND || op == OP_OR) {
            RVal a = eval(c, n->u.bin.l);
            bool dominant = op == OP_OR; /* true decides an or, false an and */
            if (a.k == RV_BOOL && a.u.b == dominant)
                return a;
            RVal b = eval(c, n->u.bin.r);
            if (b.k == RV_BOOL && b.u.b == dominant)
                return b;
            if (a.k == RV_BOOL && b.k == RV_BOOL)
                return boolean(!dominant);
            return unknown();
        }
        RVal a = eval(c, n->u.bin.l), b = eval(c, n->u.bin.r);
        if (op == OP_IN)
            return eval_in(c, n, a, b);
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
    case N_RANGE: {
        RVal r = {RV_RANGE, {0}};
        if (n->u.range.lo) {
            RVal lo = eval(c, n->u.range.lo);
            if (lo.k == RV_UNKNOWN)
                return lo;
            r.u.range.lo = box(c, lo);
        }
        if (n->u.range.hi) {
            RVal hi = eval(c, n->u.range.hi);
            if (hi.k == RV_UNKNOWN)
                return hi;
            r.u.range.hi = box(c, hi);
        }
        return r;
    }
    case N_SET: {
        RVal r = {RV_LIST, {0}};
        r.u.list.items = arena_array(c->scratch, (size_t)n->u.set.n + 1, sizeof(RVal));
        for (int i = 0; i < n->u.set.n; i++) {
            RVal x = eval(c, n->u.set.items[i]);
            if (x.k == RV_UNKNOWN)
                return x;
            r.u.list.items[r.u.list.n++] = x;
        }
        return r;
    }
    case N_WHERE: {
        RVal l = eval(c, n->u.where.list);
        if (l.k != RV_LIST)
            return unknown();
        RVal out = {RV_LIST, {0}};
        out.u.list.items = arena_array(c->scratch, (size_t)l.u.list.n + 1, sizeof(RVal));
        bool unsure = false;
        for (int i = 0; i < l.u.list.n; i++) {
            push_scope(c, l.u.list.items[i]);
            RVal p = eval(c, n->u.where.pred);
            c->nscope--;
            if (p.k == RV_BOOL && p.u.b)
                out.u.list.items[out.u.list.n++] = l.u.list.items[i];
            else if (p.k != RV_BOOL)
                unsure = true;
        }
        return unsure ? unknown() : out;
    }
    case N_QUANT: {
        RVal l = eval(c, n->u.quant.list);
        if (l.k != RV_LIST)
            return unknown();
        bool all = n->u.quant.all, unsure = false;
        for (int i = 0; i < l.u.list.n; i++) {
            push_scope(c, l.u.list.items[i]);
            RVal p = eval(c, n->u.quant.body);
            c->nscope--;
            if (p.k != RV_BOOL)
                unsure = true;
            else if (p.u.b != all)
                return boolean(!all); /* a counterexample / a witness decides */
        }
        return unsure ? unknown() : boolean(all);
    }
    case N_IF: {
        RVal k = eval(c, n->u.cond.c);
        if (k.k != RV_BOOL)
            return unknown();
        return eval(c, k.u.b ? n->u.cond.t : n->u.cond.e);
    }
    }
    return unknown();
}

static void show_num(char *buf, size_t n, double v)
{
    if (fabs(v - llround(v)) < 1e-9 && fabs(v) < 1e15)
        snprintf(buf, n, "%lld", (long long)llround(v));
    else
        snprintf(buf, n, "%.4g", v);
}

char *eval_show(Arena *a, const RVal *v)
{
    char b[64];
    switch (v->k) {
    case RV_UNKNOWN: return "unknown";
    case RV_BOOL: return v->u.b ? "yes" : "no";
    case RV_INT: return arena_printf(a, "%lld", (long long)v->u.i);
    case RV_NUM: show_num(b, sizeof b, v->u.num); return arena_strdup(a, b);
    case RV_QTY: {
        double x = v->u.q.base / unit_base(v->u.q.unit);
        show_num(b, sizeof b, x);
        const char *sym = unit_symbol(v->u.q.unit, x);
        return arena_printf(a, "%s%s%s", b, strlen(sym) > 1 ? " " : "", sym);
    }
    case RV_STR: return arena_printf(a, "\"%s\"", v->u.s);
    case RV_DATE: {
        int z = v->u.date + 719468;
        int era = (z >= 0 ? z : z - 146096) / 146097;
        int doe = z - era * 146097;
        int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int d = doy - (153 * mp + 2) / 5 + 1;
        int m = mp + (mp < 10 ? 3 : -9);
        return arena_printf(a, "%04d-%02d-%02d", yoe + era * 400 + (m <= 2), m, d);
    }
    case RV_TIME: return arena_printf(a, "%02d:%02d", v->u.time / 60, v->u.time % 60);
    case RV_MDAY: return arena_printf(a, "%02d-%02d", v->u.mday.month, v->u.mday.day);
    case RV_RANGE:
        return arena_printf(a, "%s..%s", v->u.range.lo ? eval_show(a, v->u.range.lo) : "",
                            v->u.range.hi ? eval_show(a, v->u.range.hi) : "");
    case RV_LIST: {
        char *s = "[";
        for (int i = 0; i < v->u.list.n; i++) {
            if (i == 8) {
                s = arena_printf(a, "%s, ... (%d in all)", s, v->u.list.n);
                break;
            }
            s = arena_printf(a, "%s%s%s", s, i ? ", " : "", eval_show(a, &v->u.list.items[i]));
        }
        return arena_printf(a, "%s]", s);
    }
    case RV_ENUM: return arena_strdup(a, v->u.en.enm->members[v->u.en.idx].name);
    case RV_BLOCK: return arena_strdup(a, v->u.block->name ? v->u.block->name : v->u.block->schema->name);
    }
    return "?";
}
