/* fix_derive.c — candidate changes derived from a rule's expression: what
 * would make it true. Nothing here is trusted: fix.c verifies every
 * candidate by judging the edited course again, so a derivation may be
 * generous (both ends of a reversed range, every module that could cover
 * a goal) as long as it stays small. */
#include "engine/fix_derive.h"
#include "model/typecheck.h"

#include <math.h>
#include <string.h>

/* Candidates kept while deriving one sub-expression. */
#define SUB_MAX 12
/* Elements of a list tried one by one (`any m in module`, `count(... where)`). */
#define ELEM_MAX 16

typedef struct D {
    EvalCtx *c;
    Arena *a;
    int depth;
} D;

/* ------------------------------------------------------------ candidates */

static void cands_push(FixCands *out, FixCand cand)
{
    if (out->n >= SUB_MAX)
        return;
    out->c = arena_push(out->a, out->c, (size_t)out->n, sizeof *out->c);
    out->c[out->n++] = cand;
}

static void add_one(D *d, FixCands *out, FixChange ch, int score)
{
    FixChange *p = arena_alloc(d->a, sizeof *p);
    *p = ch;
    cands_push(out, (FixCand){p, 1, score});
}

/* The changes of x and y together, as one candidate. */
static FixCand cand_join(Arena *a, const FixCand *x, const FixCand *y)
{
    FixCand j = {arena_array(a, (size_t)(x->n + y->n) + 1, sizeof(FixChange)), x->n + y->n,
                 x->score + y->score};
    memcpy(j.ch, x->ch, (size_t)x->n * sizeof *j.ch);
    memcpy(j.ch + x->n, y->ch, (size_t)y->n * sizeof *j.ch);
    return j;
}

static void cands_append(FixCands *out, const FixCands *in)
{
    for (int i = 0; i < in->n; i++)
        cands_push(out, in->c[i]);
}

static FixCands sub_cands(D *d)
{
    FixCands s = {d->a, NULL, 0};
    return s;
}

/* ---------------------------------------------------------------- targets */

/* The block and field a path names, for a path whose steps before the last
 * are single nested blocks: `theory.weeks`, a quantifier's `m.covers`,
 * a `where` element's flag. */
static bool target_of(D *d, const Node *n, Block **blk, const Field **f)
{
    if (n->kind != N_PATH || !n->res)
        return false;
    const PathRes *r = n->res;
    if (r->nchain == 0)
        return false;
    Block *b = NULL;
    if (r->kind == R_CTX) {
        b = d->c->subject;
    } else if (r->kind == R_VAR || r->kind == R_ELEM) {
        if (r->up >= d->c->nscope)
            return false;
        RVal s = d->c->scope[d->c->nscope - 1 - r->up];
        if (s.k != RV_BLOCK)
            return false;
        b = s.u.block;
    } else {
        return false;
    }
    for (int i = 0; i + 1 < r->nchain; i++) {
        const Value *v = b->vals[r->chain[i]->index];
        if (!v || v->k != V_BLOCK)
            return false;
        b = v->u.block;
    }
    *blk = b;
    *f = r->chain[r->nchain - 1];
    return !(*f)->derived;
}

/* ------------------------------------------------------- numbers solved */

/* An interval of base values (minutes, days, plain numbers). */
typedef struct Iv {
    double lo, hi;
    bool lo_open, hi_open;
} Iv;

static bool num_of(const RVal *v, double *x)
{
    switch (v->k) {
    case RV_INT: *x = (double)v->u.i; return true;
    case RV_NUM: *x = v->u.num; return true;
    case RV_QTY: *x = v->u.base; return true;
    case RV_DATE: *x = v->u.date; return true;
    default: return false;
    }
}

/* The value x of the same kind (and unit) as `like`. */
static RVal like_num(const RVal *like, double x)
{
    RVal v = *like;
    switch (like->k) {
    case RV_INT: v.u.i = (int64_t)llround(x); break;
    case RV_NUM: v.u.num = x; break;
    case RV_QTY: v.u.base = x; break;
    case RV_DATE: v.u.date = (int32_t)llround(x); break;
    default: break;
    }
    return v;
}

/* The value nearest `cur` in iv that the kind can hold exactly: a whole
 * number, a quarter hour (else a whole minute: `3.25h`, never `2.769h`),
 * a whole day. False when there is none, or when cur already is in iv. */
static bool pick(const RVal *cur, Iv iv, double *out)
{
    double x;
    if (!num_of(cur, &x))
        return false;
    double steps[2] = {1, 0};
    if (cur->k == RV_QTY && cur->dim == DIM_TIME)
        steps[0] = 15, steps[1] = 1;
    else if (cur->k == RV_NUM)
        steps[0] = 0.25, steps[1] = 0.01;
    for (int s = 0; s < 2 && steps[s] > 0; s++) {
        double st = steps[s];
        double a = iv.lo == -INFINITY ? -INFINITY : ceil(iv.lo / st - 1e-9) * st;
        double b = iv.hi == INFINITY ? INFINITY : floor(iv.hi / st + 1e-9) * st;
        if (iv.lo_open && fabs(a - iv.lo) < 1e-9)
            a += st;
        if (iv.hi_open && fabs(b - iv.hi) < 1e-9)
            b -= st;
        if (a > b + 1e-9)
            continue;
        double y = x < a ? a : x > b ? b : x;
        if (fabs(y - x) < 1e-9)
            return false; /* already there: something else decides */
        if (cur->k == RV_INT && fabs(y) > 1e15)
            return false;
        *out = y;
        return true;
    }
    return false;
}

static void set_value(D *d, FixCands *out, Block *b, const Field *f, const RVal *v, int score)
{
    FixChange ch = {CH_SET, b, f, NULL, eval_show_code(d->a, v), false};
    add_one(d, out, ch, score);
}

static void solve(D *d, const Node *n, Iv iv, FixCands *out);

/* What an input the course does not declare is taken to be while it is
 * solved for: the end of the interval nearest 0 (pick then moves it in), in
 * the field's own kind; RV_UNKNOWN for a kind that is not a number. */
static RVal undeclared(const Type *t, Iv iv)
{
    double x = iv.lo > 0 && iv.lo != INFINITY ? iv.lo : iv.hi < 0 && iv.hi != -INFINITY ? iv.hi : 0;
    RVal v = {.k = RV_UNKNOWN};
    if (t->k == TY_INT)
        v = (RVal){.k = RV_INT, .u.i = (int64_t)x - 1};
    else if (t->k == TY_NUMBER)
        v = (RVal){.k = RV_NUM, .u.num = x - 1};
    else if (t->k == TY_HOURS)
        v = (RVal){.k = RV_QTY, .dim = DIM_TIME, .unit = U_HOUR, .u.base = x - 60};
    return v;
}

/* A range field's end moved: min(group_size) in iv sets the lower end. */
static void solve_end(D *d, const Node *arg, bool hi, Iv iv, FixCands *out)
{
    Block *b;
    const Field *f;
    if (!target_of(d, arg, &b, &f) || f->type->k != TY_RANGE)
        return;
    RVal r = eval(d->c, arg), lo, up;
    if (r.k != RV_RANGE || !eval_range_end(&r, false, &lo) || !eval_range_end(&r, true, &up))
        return;
    double x;
    if (!pick(hi ? &up : &lo, iv, &x))
        return;
    RVal ends[2] = {lo, up};
    ends[hi] = like_num(hi ? &up : &lo, x);
    /* the other end follows when it would be passed: count 0..0 -> 1..1, not 1..0 */
    double o;
    if (num_of(&ends[!hi], &o) && (hi ? o > x : o < x))
        ends[!hi] = like_num(&ends[!hi], x);
    RVal nr = {.k = RV_RANGE, .form = RF_LO | RF_HI, .u.ends = arena_array(d->a, 2, sizeof(RVal))};
    memcpy((RVal *)nr.u.ends, ends, sizeof ends);
    set_value(d, out, b, f, &nr, 0);
}

/* More (or fewer) elements of a `where` that hold its predicate. */
static void want(D *d, const Node *n, bool truth, FixCands *out);

/* The candidates that make `body` true with x as the innermost scope (a
 * quantifier's element, a `where`'s), into s; *held when it already is.
 * False when the scope is full. */
static bool for_element(D *d, RVal x, const Node *body, FixCands *s, bool *held)
{
    if (!eval_push(d->c, x))
        return false;
    RVal p = eval(d->c, body);
    *held = p.k == RV_BOOL && p.u.b;
    if (!*held)
        want(d, body, true, s);
    eval_pop(d->c);
    return true;
}

static void solve_count(D *d, const Node *arg, Iv iv, FixCands *out)
{
    if (arg->kind != N_WHERE)
        return;
    RVal cur = eval(d->c, arg);
    RVal l = eval(d->c, arg->u.where.list);
    if (cur.k != RV_LIST || l.k != RV_LIST)
        return;
    double need = iv.lo_open ? floor(iv.lo) + 1 : ceil(iv.lo - 1e-9);
    int more = (int)need - cur.n;
    if (more <= 0 || more > 4)
        return;
    FixCand acc = {NULL, 0, 0};
    int got = 0;
    for (int i = 0; i < l.n && i < ELEM_MAX; i++) {
        FixCands s = sub_cands(d);
        bool held;
        if (!for_element(d, eval_list_at(&l, i), arg->u.where.pred, &s, &held))
            return;
        if (s.n == 0)
            continue;
        if (more == 1) {
            cands_append(out, &s);
        } else if (got < more) {
            acc = got ? cand_join(d->a, &acc, &s.c[0]) : s.c[0];
            if (++got == more)
                cands_push(out, acc);
        }
    }
}

/* sum(module.hours) in iv: one element's value changed by the difference. */
static void solve_sum(D *d, const Node *arg, Iv iv, FixCands *out)
{
    if (arg->kind != N_PATH || !arg->res)
        return;
    const PathRes *r = arg->res;
    if (r->kind != R_CTX || r->nchain != 2)
        return;
    const Value *lv = d->c->subject->vals[r->chain[0]->index];
    RVal total = eval(d->c, arg);
    double sum = 0;
    if (!lv || lv->k != V_LIST || total.k != RV_LIST)
        return;
    for (int i = 0; i < total.n; i++) {
        RVal e = eval_list_at(&total, i);
        double x;
        if (!num_of(&e, &x))
            return;
        sum += x;
    }
    /* The items the course itself writes first: a variant's own module is
     * the one it changed. */
    for (int pass = 0; pass < 2; pass++)
        for (int i = lv->u.list.n - 1; i >= 0; i--) {
            const Value *it = lv->u.list.items[i];
            if (it->k != V_BLOCK)
                continue;
            Block *b = it->u.block;
            bool own = b->top == d->c->subject;
            if (own != (pass == 0))
                continue;
            const Value *fv = b->vals[r->chain[1]->index];
            if (!fv)
                continue;
            RVal cur = eval_value(fv);
            double x, y;
            if (!num_of(&cur, &x))
                continue;
            Iv e = {iv.lo - (sum - x), iv.hi - (sum - x), iv.lo_open, iv.hi_open};
            if (pick(&cur, e, &y) && y > 0) {
                RVal nv = like_num(&cur, y);
                set_value(d, out, b, r->chain[1], &nv, own);
            }
        }
}

/* The interval side `n` of `l OP r` must lie in for the other side's value. */
static bool invert(BinOp op, bool left, double other, double solo, Iv iv, Iv *res)
{
    Iv o = iv;
    switch (op) {
    case OP_ADD:
        o.lo = iv.lo - other, o.hi = iv.hi - other;
        break;
    case OP_SUB:
        if (left)
            o.lo = iv.lo + other, o.hi = iv.hi + other;
        else
            o = (Iv){solo - iv.hi, solo - iv.lo, iv.hi_open, iv.lo_open};
        break;
    case OP_MUL:
        if (fabs(other) < 1e-12)
            return false;
        o.lo = iv.lo / other, o.hi = iv.hi / other;
        if (other < 0)
            o = (Iv){o.hi, o.lo, iv.hi_open, iv.lo_open};
        break;
    case OP_DIV:
        if (left) {
            if (fabs(other) < 1e-12)
                return false;
            o.lo = iv.lo * other, o.hi = iv.hi * other;
            if (other < 0)
                o = (Iv){o.hi, o.lo, iv.hi_open, iv.lo_open};
        } else {
            /* solo / r in [lo, hi] with solo > 0 and r > 0: r in [solo/hi, solo/lo] */
            if (solo <= 0 || iv.hi <= 0)
                return false;
            o = (Iv){solo / iv.hi, iv.lo > 0 ? solo / iv.lo : INFINITY, iv.hi_open, iv.lo_open};
        }
        break;
    default: return false;
    }
    *res = o;
    return true;
}

/* Candidates that bring the numeric expression n into iv: each input it
 * reads solved for in turn, the others kept. */
static void solve(D *d, const Node *n, Iv iv, FixCands *out)
{
    if (++d->depth > 32) {
        d->depth--;
        return;
    }
    if (n->kind == N_PATH) {
        Block *b;
        const Field *f;
        RVal cur = eval(d->c, n);
        double x;
        if (cur.k == RV_UNKNOWN && target_of(d, n, &b, &f) && !b->vals[f->index])
            cur = undeclared(f->type, iv);
        if (target_of(d, n, &b, &f) && pick(&cur, iv, &x)) {
            RVal nv = like_num(&cur, x);
            set_value(d, out, b, f, &nv, 0);
        }
    } else if (n->kind == N_BIN && n->u.bin.op >= OP_ADD) {
        RVal l = eval(d->c, n->u.bin.l), r = eval(d->c, n->u.bin.r);
        double lx, rx;
        Iv sub;
        if (num_of(&r, &rx) && num_of(&l, &lx)) {
            if (invert(n->u.bin.op, true, rx, lx, iv, &sub))
                solve(d, n->u.bin.l, sub, out);
            if (invert(n->u.bin.op, false, lx, lx, iv, &sub))
                solve(d, n->u.bin.r, sub, out);
        }
    } else if (n->kind == N_CALL && n->u.call.args.n == 1) {
        const Node *arg = n->u.call.args.items[0];
        if (n->u.call.fn == FN_MIN || n->u.call.fn == FN_MAX)
            solve_end(d, arg, n->u.call.fn == FN_MAX, iv, out);
        else if (n->u.call.fn == FN_COUNT)
            solve_count(d, arg, iv, out);
        else if (n->u.call.fn == FN_SUM)
            solve_sum(d, arg, iv, out);
    }
    d->depth--;
}

/* ------------------------------------------------------------ relations */

static BinOp negate(BinOp op)
{
    switch (op) {
    case OP_EQ: return OP_NE;
    case OP_NE: return OP_EQ;
    case OP_LT: return OP_GE;
    case OP_LE: return OP_GT;
    case OP_GT: return OP_LE;
    case OP_GE: return OP_LT;
    default: return op;
    }
}

/* The interval `x op v` allows for x. */
static bool allowed(BinOp op, double v, Iv *iv)
{
    switch (op) {
    case OP_EQ: *iv = (Iv){v, v, false, false}; return true;
    case OP_LT: *iv = (Iv){-INFINITY, v, false, true}; return true;
    case OP_LE: *iv = (Iv){-INFINITY, v, false, false}; return true;
    case OP_GT: *iv = (Iv){v, INFINITY, true, false}; return true;
    case OP_GE: *iv = (Iv){v, INFINITY, false, false}; return true;
    default: return false;
    }
}

static BinOp mirror(BinOp op)
{
    switch (op) {
    case OP_LT: return OP_GT;
    case OP_LE: return OP_GE;
    case OP_GT: return OP_LT;
    case OP_GE: return OP_LE;
    default: return op;
    }
}

static void compare(D *d, const Node *n, bool truth, FixCands *out)
{
    BinOp op = truth ? n->u.bin.op : negate(n->u.bin.op);
    RVal l = eval(d->c, n->u.bin.l), r = eval(d->c, n->u.bin.r);
    double lx, rx;
    Iv iv;
    if (num_of(&r, &rx) && allowed(op, rx, &iv))
        solve(d, n->u.bin.l, iv, out);
    if (num_of(&l, &lx) && allowed(mirror(op), lx, &iv))
        solve(d, n->u.bin.r, iv, out);
}

/* A range field written backwards (12..8) given the right way round. */
static bool swap_reversed(D *d, const Node *n, FixCands *out)
{
    Block *b;
    const Field *f;
    if (!target_of(d, n, &b, &f) || f->type->k != TY_RANGE)
        return false;
    RVal r = eval(d->c, n), lo, hi;
    double x, y;
    if (r.k != RV_RANGE || !eval_range_end(&r, false, &lo) || !eval_range_end(&r, true, &hi) ||
        !num_of(&lo, &x) || !num_of(&hi, &y) || x <= y)
        return false;
    RVal nr = {.k = RV_RANGE, .form = RF_LO | RF_HI, .u.ends = arena_array(d->a, 2, sizeof(RVal))};
    ((RVal *)nr.u.ends)[0] = hi;
    ((RVal *)nr.u.ends)[1] = lo;
    set_value(d, out, b, f, &nr, 2);
    return true;
}

/* `x in L`: the member added to the list; `x in lo..hi`: x solved for the
 * range, or the range's end moved to hold x. */
static void member(D *d, const Node *n, bool truth, FixCands *out)
{
    if (!truth)
        return;
    const Node *ln = n->u.bin.l, *rn = n->u.bin.r;
    RVal l = eval(d->c, ln), r = eval(d->c, rn);
    Block *b;
    const Field *f;
    if (swap_reversed(d, rn, out) || swap_reversed(d, ln, out))
        return;
    bool absent = r.k == RV_UNKNOWN && target_of(d, rn, &b, &f) && !b->vals[f->index];
    if (r.k == RV_LIST || absent) {
        /* a list the course does not declare at all is given with the member */
        if (l.k != RV_UNKNOWN && target_of(d, rn, &b, &f) && f->type->k == TY_LIST) {
            FixChange ch = {CH_ADD, b, f, NULL, eval_show_code(d->a, &l), false};
            add_one(d, out, ch, 0);
        }
        return;
    }
    if (r.k != RV_RANGE)
        return;
    RVal lo, hi;
    bool has_lo = eval_range_end(&r, false, &lo), has_hi = eval_range_end(&r, true, &hi);
    double a = -INFINITY, z = INFINITY, x;
    if ((has_lo && !num_of(&lo, &a)) || (has_hi && !num_of(&hi, &z)))
        return;
    if (l.k == RV_RANGE) {
        /* containment: the contained range's ends clamped into the other */
        RVal llo, lhi;
        double p, q;
        if (!target_of(d, ln, &b, &f) || !eval_range_end(&l, false, &llo) || !eval_range_end(&l, true, &lhi) ||
            !num_of(&llo, &p) || !num_of(&lhi, &q))
            return;
        double np = p < a ? a : p, nq = q > z ? z : q;
        if (np > nq)
            return;
        RVal nr = {.k = RV_RANGE, .form = RF_LO | RF_HI, .u.ends = arena_array(d->a, 2, sizeof(RVal))};
        ((RVal *)nr.u.ends)[0] = like_num(&llo, np);
        ((RVal *)nr.u.ends)[1] = like_num(&lhi, nq);
        set_value(d, out, b, f, &nr, 0);
        return;
    }
    solve(d, ln, (Iv){a, z, false, false}, out);
    if (num_of(&l, &x) && target_of(d, rn, &b, &f) && f->type->k == TY_RANGE) {
        RVal nr = {.k = RV_RANGE, .form = RF_LO | RF_HI, .u.ends = arena_array(d->a, 2, sizeof(RVal))};
        ((RVal *)nr.u.ends)[0] = has_lo && x < a ? like_num(&lo, x) : lo;
        ((RVal *)nr.u.ends)[1] = has_hi && x > z ? like_num(&hi, x) : hi;
        if (has_lo && has_hi)
            set_value(d, out, b, f, &nr, 0);
    }
}

/* ---------------------------------------------------------- placeholders */

/* A value of type t to stand in for what an author has to fill in. */
static const char *placeholder(Arena *a, const Type *t)
{
    switch (t->k) {
    case TY_BOOL: return "yes";
    case TY_INT: case TY_NUMBER: return "1";
    case TY_HOURS: return "1h";
    case TY_SPAN: return "1 weeks";
    case TY_STRING: return "\"\"";
    case TY_ENUM: return t->enm && t->enm->n ? t->enm->members[0].name : NULL;
    case TY_LIST: return t->elem ? placeholder(a, t->elem) : NULL;
    case TY_RANGE: {
        const char *e = t->elem ? placeholder(a, t->elem) : NULL;
        return e ? arena_printf(a, "%s..%s", e, e) : NULL;
    }
    default: return NULL;
    }
}

static void declare(D *d, Block *b, const Field *f, FixCands *out)
{
    const char *v = placeholder(d->a, f->type);
    if (!v || f->many)
        return;
    FixChange ch = {CH_SET, b, f, NULL, v, true};
    add_one(d, out, ch, 0);
}

/* ------------------------------------------------------------ quantifiers */

/* A title's next word (letters and digits: UTF-8 bytes count as letters). */
static const char *next_word(const char *p, size_t *len)
{
    while (*p && !(((unsigned char)*p >= 0x80) || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                   (*p >= '0' && *p <= '9')))
        p++;
    const char *s = p;
    while (*p && (((unsigned char)*p >= 0x80) || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                  (*p >= '0' && *p <= '9')))
        p++;
    *len = (size_t)(p - s);
    return s;
}

/* Words two titles share, a word matching another that starts the same
 * way but for an ending (goal "Styrke samarbejdet", module "Samarbejde og
 * netværk"): the module a goal fits best. ASCII letters match either case. */
static int shared_words(const char *x, const char *y)
{
    if (!x || !y)
        return 0;
    int n = 0;
    size_t xl, yl;
    for (const char *p = next_word(x, &xl); xl; p = next_word(p + xl, &xl)) {
        if (xl < 4)
            continue;
        for (const char *q = next_word(y, &yl); yl; q = next_word(q + yl, &yl)) {
            size_t k = 0, m = xl < yl ? xl : yl;
            while (k < m && (p[k] | 32) == (q[k] | 32))
                k++;
            if (k >= 4 && k + 2 >= m) {
                n++;
                break;
            }
        }
    }
    return n;
}

/* any m in L: body — the body made true for one element (ranked by how
 * well its title matches the value it is given), or a new item when L has
 * none. */
static void any_of(D *d, const Node *n, FixCands *out)
{
    RVal l = eval(d->c, n->u.quant.list);
    const Node *body = n->u.quant.body;
    if (l.k != RV_LIST || l.n == 0) {
        /* `any m in module: g in m.covers` with no module: a new one. */
        Block *b;
        const Field *f;
        if (body->kind == N_BIN && body->u.bin.op == OP_IN && target_of(d, n->u.quant.list, &b, &f) && f->many &&
            f->type->k == TY_BLOCK && f->type->schema && body->u.bin.r->kind == N_PATH) {
            const PathRes *pr = body->u.bin.r->res;
            /* The body's paths count the quantifier's scope: one is held
             * for the element there is none of. */
            RVal none = {.k = RV_UNKNOWN}, x = none;
            if (eval_push(d->c, none)) {
                x = eval(d->c, body->u.bin.l);
                eval_pop(d->c);
            }
            if (pr && pr->kind == R_VAR && pr->up == 0 && pr->nchain == 1 && x.k != RV_UNKNOWN) {
                FixChange ch = {CH_NEW, b, f, pr->chain[0], eval_show_code(d->a, &x), false};
                add_one(d, out, ch, 0);
            }
        }
        return;
    }
    FixCands all = sub_cands(d);
    for (int i = 0; i < l.n && i < ELEM_MAX; i++) {
        RVal x = eval_list_at(&l, i);
        if (!eval_push(d->c, x))
            return;
        FixCands s = sub_cands(d);
        want(d, body, true, &s);
        /* The value the body looks for, by title: `g in m.covers`. */
        int fit = 0;
        if (x.k == RV_BLOCK && body->kind == N_BIN && body->u.bin.op == OP_IN) {
            RVal g = eval(d->c, body->u.bin.l);
            if (g.k == RV_BLOCK)
                fit = 2 * shared_words(g.u.block->title, x.u.block->title);
            /* among equals, an item the course itself writes (a variant's own module) */
            fit += x.u.block->top == d->c->subject;
        }
        eval_pop(d->c);
        for (int k = 0; k < s.n; k++) {
            s.c[k].score += fit;
            all.c = arena_push(d->a, all.c, (size_t)all.n, sizeof *all.c);
            all.c[all.n++] = s.c[k];
        }
    }
    /* Best fit first; among equals the last element (the course's newest). */
    for (int i = 1; i < all.n; i++) {
        FixCand x = all.c[i];
        int j = i - 1;
        while (j >= 0 && all.c[j].score <= x.score) {
            all.c[j + 1] = all.c[j];
            j--;
        }
        all.c[j + 1] = x;
    }
    cands_append(out, &all);
}

/* all x in L: body — made true for every element it fails for: the first
 * candidate of each together, and each element's own when there is one. */
static void all_of(D *d, const Node *n, FixCands *out)
{
    RVal l = eval(d->c, n->u.quant.list);
    if (l.k != RV_LIST)
        return;
    FixCand acc = {NULL, 0, 0};
    FixCands only = sub_cands(d);
    int failing = 0;
    for (int i = 0; i < l.n; i++) {
        FixCands s = sub_cands(d);
        bool held;
        if (!for_element(d, eval_list_at(&l, i), n->u.quant.body, &s, &held))
            return;
        if (held)
            continue;
        if (s.n == 0)
            return; /* one element nothing fixes: the rule stays failed */
        acc = failing++ ? cand_join(d->a, &acc, &s.c[0]) : s.c[0];
        if (failing == 1)
            only = s;
    }
    if (failing == 1)
        cands_append(out, &only);
    else if (failing > 1)
        cands_push(out, acc);
}

/* ---------------------------------------------------------------- want */

static void want(D *d, const Node *n, bool truth, FixCands *out)
{
    if (++d->depth > 32) {
        d->depth--;
        return;
    }
    switch (n->kind) {
    case N_BIN: {
        BinOp op = n->u.bin.op;
        if ((op == OP_AND && truth) || (op == OP_OR && !truth)) {
            /* both sides must hold: each side that does not, and the
             * first candidates of the two together */
            FixCands s[2] = {sub_cands(d), sub_cands(d)};
            int bad = 0;
            for (int k = 0; k < 2; k++) {
                RVal v = eval(d->c, k ? n->u.bin.r : n->u.bin.l);
                if (v.k == RV_BOOL && v.u.b == truth)
                    continue;
                want(d, k ? n->u.bin.r : n->u.bin.l, truth, &s[k]);
                bad++;
            }
            if (bad == 2 && s[0].n && s[1].n)
                cands_push(out, cand_join(d->a, &s[0].c[0], &s[1].c[0]));
            else
                for (int k = 0; k < 2; k++)
                    cands_append(out, &s[k]);
        } else if (op == OP_AND || op == OP_OR) {
            want(d, n->u.bin.l, truth, out);
            want(d, n->u.bin.r, truth, out);
        } else if (op == OP_IN) {
            member(d, n, truth, out);
        } else if (op >= OP_EQ && op <= OP_GE) {
            compare(d, n, truth, out);
        }
        break;
    }
    case N_NOT: want(d, n->u.operand, !truth, out); break;
    case N_PATH: {
        Block *b;
        const Field *f;
        if (target_of(d, n, &b, &f) && f->type->k == TY_BOOL) {
            FixChange ch = {CH_SET, b, f, NULL, truth ? "yes" : "no", false};
            add_one(d, out, ch, 0);
        }
        break;
    }
    case N_CALL:
        if (n->u.call.fn == FN_DEFINED && truth && n->u.call.args.n == 1) {
            Block *b;
            const Field *f;
            if (target_of(d, n->u.call.args.items[0], &b, &f))
                declare(d, b, f, out);
        }
        break;
    case N_QUANT:
        if (truth && n->u.quant.all)
            all_of(d, n, out);
        else if (truth)
            any_of(d, n, out);
        break;
    case N_IF: {
        RVal k = eval(d->c, n->u.cond.c);
        if (k.k == RV_BOOL)
            want(d, k.u.b ? n->u.cond.t : n->u.cond.e, truth, out);
        break;
    }
    default: break;
    }
    d->depth--;
}

/* What an unknown rule lacks, declared with a placeholder. */
static void declare_missing(D *d, FixCands *out)
{
    EvalCtx *c = d->c;
    if (c->missing_in && c->missing_field) {
        const Field *f = model_field(c->missing_in->schema, c->missing_field);
        if (f)
            declare(d, (Block *)c->missing_in, f, out);
        return;
    }
    Block *b;
    const Field *f;
    if (c->missing && c->nscope == 0 && target_of(d, c->missing, &b, &f) && !b->vals[f->index])
        declare(d, b, f, out);
}

void fix_derive(EvalCtx *c, const Node *expr, bool unknown, FixCands *out)
{
    D d = {c, out->a, 0};
    want(&d, expr, true, out);
    if (unknown && out->n == 0) {
        c->missing = NULL;
        c->missing_in = NULL;
        (void)eval(c, expr);
        declare_missing(&d, out);
    }
    if (out->n > FIX_MAX_CANDIDATES)
        out->n = FIX_MAX_CANDIDATES;
}
