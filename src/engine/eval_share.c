/* eval_share.c — a rule's repeated subexpressions, found once per program
 * (eval_share_find, eval.h). `target_days_hours` asks `min(t.days)` and
 * `max(t.days)` twice for every target; evaluation is pure, so the second
 * time can take the first's value when the bindings are the same. Only
 * calls are shared (min, max, count, sum, years: a call and its argument's
 * walk each), and only calls written alike under the same quantifier or
 * `where`, so that the same names mean the same things; whether the
 * element is still the same is the evaluator's to see (EvalCtx.have). */
#include "engine/eval.h"

#include <string.h>

typedef struct Found {
    const Node *node[EVAL_SHARE_KEYS * 2];
    const Node *binder[EVAL_SHARE_KEYS * 2]; /* the innermost all/any/where around it; NULL: none */
    int n;
} Found;

static bool same(const Node *a, const Node *b);

static bool same_list(const NodeList *a, const NodeList *b)
{
    if (a->n != b->n)
        return false;
    for (int i = 0; i < a->n; i++)
        if (!same(a->items[i], b->items[i]))
            return false;
    return true;
}

static bool same_opt(const Node *a, const Node *b)
{
    return a == b || (a && b && same(a, b));
}

/* Written alike: the same shape, the same literals and the same names
 * resolved alike (a path's text too: an explanation prints the node that
 * noted something missing, and a Danish alias prints as written). */
static bool same(const Node *a, const Node *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case N_INT: return a->u.i == b->u.i;
    case N_NUM: return memcmp(&a->u.num, &b->u.num, sizeof a->u.num) == 0;
    case N_QTY: return memcmp(&a->u.qty.v, &b->u.qty.v, sizeof a->u.qty.v) == 0 && a->u.qty.unit == b->u.qty.unit;
    case N_STR: return false; /* a template's parts, a form as written: not worth telling apart */
    case N_BOOL: return a->u.b == b->u.b;
    case N_DATE: return a->u.date == b->u.date;
    case N_TIME: return a->u.time == b->u.time;
    case N_MDAY: return a->u.mday.month == b->u.mday.month && a->u.mday.day == b->u.mday.day;
    case N_PATH: {
        const PathRes *p = a->res, *q = b->res;
        if (!p || !q || strcmp(a->u.path, b->u.path) != 0)
            return false;
        if (p->kind != q->kind || p->up != q->up || p->nchain != q->nchain || p->block != q->block ||
            p->enm != q->enm || p->member != q->member)
            return false;
        for (int i = 0; i < p->nchain; i++)
            if (p->chain[i] != q->chain[i])
                return false;
        return true;
    }
    case N_CALL: return a->u.call.fn == b->u.call.fn && same_list(&a->u.call.args, &b->u.call.args);
    case N_BIN: return a->u.bin.op == b->u.bin.op && same(a->u.bin.l, b->u.bin.l) && same(a->u.bin.r, b->u.bin.r);
    case N_NOT: return same(a->u.operand, b->u.operand);
    case N_RANGE: return same_opt(a->u.range.lo, b->u.range.lo) && same_opt(a->u.range.hi, b->u.range.hi);
    case N_SET: return same_list(&a->u.set, &b->u.set);
    /* A call with a quantifier or a `where` inside is not shared: the
     * quantifier's index (EvalIndex) is kept for its own node. */
    case N_WHERE:
    case N_QUANT: return false;
    case N_IF:
        return same(a->u.cond.c, b->u.cond.c) && same(a->u.cond.t, b->u.cond.t) && same(a->u.cond.e, b->u.cond.e);
    }
    return false;
}

/* Every call but defined() (eval_defined reads a declared path without its
 * value: nothing to share) with the binder it is under. */
static void collect(Found *f, const Node *n, const Node *binder)
{
    if (!n)
        return;
    switch (n->kind) {
    case N_CALL:
        if (n->u.call.fn != FN_DEFINED && n->u.call.fn != FN_NONE && f->n < (int)(sizeof f->node / sizeof *f->node)) {
            f->node[f->n] = n;
            f->binder[f->n++] = binder;
        }
        for (int i = 0; i < n->u.call.args.n; i++)
            collect(f, n->u.call.args.items[i], binder);
        return;
    case N_BIN:
        collect(f, n->u.bin.l, binder);
        collect(f, n->u.bin.r, binder);
        return;
    case N_NOT: collect(f, n->u.operand, binder); return;
    case N_RANGE:
        collect(f, n->u.range.lo, binder);
        collect(f, n->u.range.hi, binder);
        return;
    case N_SET:
        for (int i = 0; i < n->u.set.n; i++)
            collect(f, n->u.set.items[i], binder);
        return;
    case N_WHERE:
        collect(f, n->u.where.list, binder);
        collect(f, n->u.where.pred, n);
        return;
    case N_QUANT:
        collect(f, n->u.quant.list, binder);
        collect(f, n->u.quant.body, n);
        return;
    case N_IF:
        collect(f, n->u.cond.c, binder);
        collect(f, n->u.cond.t, binder);
        collect(f, n->u.cond.e, binder);
        return;
    default: return;
    }
}

static void file_node(EvalShare *sh, const Node *n, int slot)
{
    unsigned h = eval_share_hash(n);
    while (sh->key[h])
        h = (h + 1) & (EVAL_SHARE_KEYS - 1);
    sh->key[h] = n;
    sh->slot[h] = (uint8_t)slot;
}

const EvalShare *eval_share_find(Arena *a, const Node *const *roots, int nroots)
{
    Found f = {.n = 0};
    for (int i = 0; i < nroots; i++)
        collect(&f, roots[i], NULL);
    EvalShare sh = {.key = {NULL}};
    int nslots = 0, nkeys = 0;
    bool taken[sizeof f.node / sizeof *f.node] = {false};
    for (int i = 0; i < f.n && nslots < EVAL_SHARE_SLOTS; i++) {
        if (taken[i])
            continue;
        /* The calls written like call i under its binder: one slot. */
        int alike = 0;
        for (int k = i + 1; k < f.n && nkeys + alike + 2 <= EVAL_SHARE_KEYS / 2; k++) {
            if (taken[k] || f.binder[k] != f.binder[i] || !same(f.node[i], f.node[k]))
                continue;
            taken[k] = true;
            file_node(&sh, f.node[k], nslots);
            alike++;
        }
        if (alike) {
            file_node(&sh, f.node[i], nslots++);
            nkeys += alike + 1;
        }
    }
    if (!nkeys)
        return NULL;
    EvalShare *out = arena_alloc(a, sizeof *out);
    *out = sh;
    return out;
}
