/* diff.c — comparing a variant with its base (diff.h). The report is
 * rendered by emit/diff_out.c. */
#include "engine/diff.h"

#include <string.h>

typedef struct D {
    Arena *a;        /* the report's arena */
    Arena *scratch;  /* texts and marks made while comparing */
    DiffEntry *e;
    int n;
} D;

static bool same_str(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

static bool same_value(D *d, const Value *x, const Value *y);

static bool same_block(D *d, const Block *x, const Block *y)
{
    if (x == y)
        return true;
    if (!x || !y || x->schema != y->schema || !same_str(x->name, y->name) || !same_str(x->title, y->title))
        return false;
    for (int i = 0; i < x->schema->nfields; i++)
        if (!same_value(d, x->vals[i], y->vals[i]))
            return false;
    return true;
}

static bool same_value(D *d, const Value *x, const Value *y)
{
    if (x == y)
        return true;
    if (!x || !y)
        return false;
    if (x->k == V_BLOCK || y->k == V_BLOCK)
        return x->k == y->k && same_block(d, x->u.block, y->u.block);
    if (x->k == V_REF || y->k == V_REF) {
        /* Same declaration, or same-named ones of the same kind (a variant's
         * own target that replaced the base's). */
        if (x->k != y->k)
            return false;
        const Block *p = x->u.ref, *q = y->u.ref;
        return p == q || (p && q && p->schema == q->schema && p->name && same_str(p->name, q->name));
    }
    if (x->k == V_EXPR || y->k == V_EXPR)
        return x->k == y->k && strcmp(ast_to_text(d->scratch, x->u.expr), ast_to_text(d->scratch, y->u.expr)) == 0;
    if (x->k == V_LIST || y->k == V_LIST) {
        if (x->k != y->k || x->u.list.n != y->u.list.n)
            return false;
        for (int i = 0; i < x->u.list.n; i++)
            if (!same_value(d, x->u.list.items[i], y->u.list.items[i]))
                return false;
        return true;
    }
    if (x->k == V_RANGE && y->k == V_RANGE)
        return same_value(d, x->u.range.lo, y->u.range.lo) && same_value(d, x->u.range.hi, y->u.range.hi);
    RVal a = eval_value(x), b = eval_value(y);
    if (a.k == RV_QTY && b.k == RV_QTY && a.dim != b.dim)
        return false;
    return eval_equal(&a, &b);
}

/* ------------------------------------------------------------ showing values */

static const char *show(D *d, const Value *v);

static const char *join(Arena *a, const char *s, const char *part)
{
    return *s ? arena_printf(a, "%s, %s", s, part) : part;
}

/* A block as its title and the entries written in it:
 * "Socialrådgiver" {professional}, {weeks 13, hours 78h}. */
static const char *show_block(D *d, const Block *b)
{
    const char *body = "";
    for (int i = 0; i < b->schema->nfields; i++) {
        const Field *f = b->schema->fields[i];
        const Value *v = b->vals[i];
        if (!v || v->is_default)
            continue;
        if (f->many && v->k == V_LIST) {
            for (int k = 0; k < v->u.list.n; k++) {
                const Value *it = v->u.list.items[k];
                if (it->k == V_BLOCK && it->u.block->name)
                    body = join(d->a, body, arena_printf(d->a, "%s %s %s", f->name, it->u.block->name,
                                                         show_block(d, it->u.block)));
                else
                    body = join(d->a, body, arena_printf(d->a, "%s %s", f->name, show(d, it)));
            }
        } else if (v->k == V_BOOL) {
            body = join(d->a, body, v->u.b ? f->name : arena_printf(d->a, "%s no", f->name));
        } else {
            body = join(d->a, body, arena_printf(d->a, "%s %s", f->name, show(d, v)));
        }
    }
    if (b->title && !*body)
        return arena_printf(d->a, "\"%s\"", b->title);
    if (b->title)
        return arena_printf(d->a, "\"%s\" {%s}", b->title, body);
    return arena_printf(d->a, "{%s}", body);
}

static const char *show(D *d, const Value *v)
{
    if (!v)
        return NULL;
    switch (v->k) {
    case V_EXPR: return ast_to_text(d->a, v->u.expr);
    case V_BLOCK: return show_block(d, v->u.block);
    case V_REF: return v->u.ref && v->u.ref->name ? v->u.ref->name : "?";
    case V_LIST: {
        /* Every item (eval_show shortens long lists; a diff must not). */
        const char *s = "";
        for (int i = 0; i < v->u.list.n; i++)
            s = join(d->a, s, show(d, v->u.list.items[i]));
        return arena_printf(d->a, "[%s]", s);
    }
    case V_RANGE:
        /* `count 2` is the range 2..2: written back as 2. */
        if (v->u.range.lo && v->u.range.hi && same_value(d, v->u.range.lo, v->u.range.hi))
            return show(d, v->u.range.lo);
        /* fall through */
    default: {
        RVal r = eval_value(v);
        return eval_show_code(d->a, &r);
    }
    }
}

/* ------------------------------------------------------------ walking */

static void add(D *d, DiffKind k, const char *path, const char *before, const char *after, Span where)
{
    d->e = arena_push(d->a, d->e, (size_t)d->n, sizeof *d->e);
    DiffEntry *e = &d->e[d->n++];
    e->kind = k;
    e->path = path;
    e->before = before;
    e->after = after;
    e->where = where;
}

/* Where the variant writes v; else the enclosing place. */
static Span where_of(const Value *v, Span ctx)
{
    return v && !v->is_default && v->span.file >= 0 ? v->span : ctx;
}

static const char *sub(D *d, const char *prefix, const char *name)
{
    return prefix ? arena_printf(d->a, "%s.%s", prefix, name) : name;
}

static void walk(D *d, const char *prefix, const Block *x, const Block *y, Span ctx);

static const char *item_name(const Value *v)
{
    return model_item_key(v);
}

/* How an item is named in a path: `module m3`, or by its key or title in
 * quotes, `admission.require "At least 18"`. */
static const char *item_path(D *d, const char *path, const Value *v)
{
    const char *key = item_name(v);
    if (!key)
        return path;
    if (v->u.block->name)
        return arena_printf(d->a, "%s %s", path, key);
    return arena_printf(d->a, "%s \"%s\"", path, key);
}

/* Where the variant says it drops the named item: its `remove NAME`, else ctx. */
static Span removed_at(const Block *y, const char *name, Span ctx)
{
    for (int i = 0; y && name && i < y->nremoves; i++)
        if (strcmp(y->removes[i], name) == 0)
            return y->remove_spans[i];
    return ctx;
}

/* A `many` field: items with a name or key (model_item_key) matched by it,
 * other items by value. */
static void diff_many(D *d, const char *path, const Value *vx, const Value *vy, const Block *y, Span ctx)
{
    Value *const *xs = vx && vx->k == V_LIST ? vx->u.list.items : vx ? (Value *const *)&vx : NULL;
    Value *const *ys = vy && vy->k == V_LIST ? vy->u.list.items : vy ? (Value *const *)&vy : NULL;
    int nx = vx && vx->k == V_LIST ? vx->u.list.n : vx ? 1 : 0;
    int ny = vy && vy->k == V_LIST ? vy->u.list.n : vy ? 1 : 0;
    bool *used = arena_array(d->scratch, (size_t)ny + 1, sizeof *used);
    for (int i = 0; i < nx; i++) {
        const Value *bi = xs[i];
        const char *nm = item_name(bi);
        int match = -1;
        for (int j = 0; j < ny && match < 0; j++) {
            if (used[j])
                continue;
            if (nm ? same_str(nm, item_name(ys[j])) && ys[j]->u.block->schema == bi->u.block->schema
                   : !item_name(ys[j]) && same_value(d, bi, ys[j]))
                match = j;
        }
        const char *ipath = item_path(d, path, bi);
        if (match < 0) {
            add(d, DC_REMOVED, ipath, show(d, bi), NULL, removed_at(y, nm, ctx));
            continue;
        }
        used[match] = true;
        if (nm && bi != ys[match])
            walk(d, ipath, bi->u.block, ys[match]->u.block, where_of(ys[match], ctx));
    }
    for (int j = 0; j < ny; j++) {
        if (used[j])
            continue;
        add(d, DC_ADDED, item_path(d, path, ys[j]), NULL, show(d, ys[j]), where_of(ys[j], ctx));
    }
}

static void diff_field(D *d, const char *path, const Field *f, const Value *vx, const Value *vy, const Block *y,
                       Span ctx)
{
    if (vx == vy)
        return; /* inherited, or absent from both */
    if (f && f->many) {
        diff_many(d, path, vx, vy, y, ctx);
    } else if (!vx) {
        add(d, DC_ADDED, path, NULL, show(d, vy), where_of(vy, ctx));
    } else if (!vy) {
        add(d, DC_REMOVED, path, show(d, vx), NULL, ctx);
    } else if (vx->k == V_BLOCK && vy->k == V_BLOCK) {
        walk(d, path, vx->u.block, vy->u.block, where_of(vy, ctx));
    } else if (!same_value(d, vx, vy)) {
        add(d, DC_CHANGED, path, show(d, vx), show(d, vy), where_of(vy, ctx));
    }
}

/* The sub-fields of y that differ from x's, in y's schema order (then any
 * field only x's schema has). */
static void walk(D *d, const char *prefix, const Block *x, const Block *y, Span ctx)
{
    if (x == y)
        return;
    if (!same_str(x->title, y->title)) {
        Span w = y->name_span.file >= 0 ? y->name_span : ctx;
        const char *tb = x->title ? arena_printf(d->a, "\"%s\"", x->title) : NULL;
        const char *ta = y->title ? arena_printf(d->a, "\"%s\"", y->title) : NULL;
        add(d, !tb ? DC_ADDED : !ta ? DC_REMOVED : DC_CHANGED, sub(d, prefix, "title"), tb, ta, w);
    }
    for (int i = 0; i < y->schema->nfields; i++) {
        const Field *f = y->schema->fields[i];
        const Field *fx = x->schema == y->schema ? f : model_field(x->schema, f->name);
        diff_field(d, sub(d, prefix, f->name), f, fx ? x->vals[fx->index] : NULL, y->vals[i], y, ctx);
    }
    if (x->schema != y->schema)
        for (int i = 0; i < x->schema->nfields; i++) {
            const Field *f = x->schema->fields[i];
            if (!model_field(y->schema, f->name))
                diff_field(d, sub(d, prefix, f->name), f, x->vals[i], NULL, y, ctx);
        }
}

/* ------------------------------------------------------------ the report */

static const RuleResult *find_result(const CourseReport *r, const char *id)
{
    for (int i = 0; i < r->n; i++)
        if (strcmp(r->results[i].id, id) == 0)
            return &r->results[i];
    return NULL;
}

static void add_rule(Arena *a, DiffReport *out, const RuleResult *b, const RuleResult *v)
{
    out->rules = arena_push(a, out->rules, (size_t)out->nrules, sizeof *out->rules);
    DiffRule *r = &out->rules[out->nrules++];
    r->id = v ? v->id : b->id;
    r->before = b ? b->status : ST_NA;
    r->after = v ? v->status : ST_NA;
    r->base_result = b;
    r->variant_result = v;
}

void diff_blocks(Program *p, Block *base, Block *variant, Arena *a, DiffReport *out)
{
    memset(out, 0, sizeof *out);
    out->base = base;
    out->variant = variant;
    D d;
    memset(&d, 0, sizeof d);
    d.a = a;
    d.scratch = arena_new();
    walk(&d, NULL, base, variant, variant->name_span);
    out->entries = d.e;
    out->nentries = d.n;
    arena_free(d.scratch);

    rules_check(p, base, a, &out->base_report);
    rules_check(p, variant, a, &out->variant_report);
    for (int i = 0; i < out->variant_report.n; i++) {
        const RuleResult *v = &out->variant_report.results[i];
        const RuleResult *b = find_result(&out->base_report, v->id);
        if (!b || b->status != v->status)
            add_rule(a, out, b, v);
    }
    for (int i = 0; i < out->base_report.n; i++) {
        const RuleResult *b = &out->base_report.results[i];
        if (!find_result(&out->variant_report, b->id))
            add_rule(a, out, b, NULL);
    }
}
