/* typecheck.c — name resolution, types and units of expressions. */
#include "model/typecheck.h"
#include "base/i18n.h"
#include "front/parse.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(void *) != 8 || sizeof(PathRes) + 4 * sizeof(int) == PATH_RES_LINE,
               "a PathRes and four indices fill its line (typecheck.h)");

typedef struct Scope {
    const char *var;    /* quantifier variable; NULL: a where-element scope */
    Type *type;         /* the variable's / element's type */
    struct Scope *up;
} Scope;

typedef struct TC {
    Program *p;
    Arena *a;
    Diags *d;
    Schema *ctx;
    Block *frame;
} TC;

static Type *tc(TC *t, Node *n, Scope *sc);

static Type *mkt(TC *t, TypeKind k, Type *elem)
{
    Type *x = type_new(t->a, k);
    x->elem = elem;
    return x;
}

static Type *err(TC *t) { return mkt(t, TY_ERROR, NULL); }

static bool is_err(const Type *x) { return !x || x->k == TY_ERROR; }
static bool is_num(const Type *x) { return x->k == TY_INT || x->k == TY_NUMBER; }
static bool is_qty(const Type *x) { return x->k == TY_HOURS || x->k == TY_SPAN; }

static const char *tn(TC *t, const Type *x) { return type_name(t->a, x); }

/* The type a field has when read: a many-field is a list of its items. */
static Type *field_type(TC *t, const Field *f)
{
    Type *ft = f->type;
    if (ft->k == TY_PRED || ft->k == TY_TEMPLATE)
        ft = mkt(t, TY_BOOL, NULL);
    if (ft->k == TY_MEASURE)
        ft = mkt(t, TY_NUMBER, NULL);
    if (ft->k == TY_DAY)
        ft = mkt(t, TY_DATE, NULL);
    if (f->many)
        return mkt(t, TY_LIST, ft);
    return ft;
}

static Schema *schema_of(const Type *x)
{
    if (x->k == TY_BLOCK || x->k == TY_REF)
        return x->schema;
    return NULL;
}

/* The did-you-mean for segment `at` of a path (the error's span is the
 * whole path): the quick fix rewrites the path with that segment mended. */
static void suggest_fields(TC *t, const Schema *s, const char *const *segs, int nseg, int at, Scope *sc)
{
    const char *name = segs[at];
    const char *c[256];
    int n = 0;
    for (Scope *k = sc; k && n < 200; k = k->up) {
        if (k->var) {
            c[n++] = k->var;
        } else {
            /* A where-element's fields are in scope too. */
            Schema *es = schema_of(k->type);
            if (es)
                n += model_field_words(es, c + n, 200 - n);
        }
    }
    if (s)
        n += model_field_words(s, c + n, 250 - n);
    const char *sug = model_suggest(name, c, n);
    if (!sug)
        return;
    SBuf b = sb_new(t->a);
    for (int i = 0; i < nseg; i++) {
        if (i)
            sb_put(&b, ".", 1);
        sb_puts(&b, i == at ? sug : segs[i]);
    }
    diag_suggest_as(t->d, sug, sb_str(&b));
}

/* Follows `.field` segments from type cur; a list projects each element. */
/* The type of segments [from, nseg) of a path read from cur; `first`, when
 * not NULL, is segment from's field, which the caller found already. */
static Type *follow(TC *t, Node *n, Type *cur, const char *const *segs, int nseg, int from, Field *first, PathRes *r)
{
    /* The chain has a field for each segment from `from` on, at most: its
     * room at once (r is new: tc_path's), where arena_push began with a
     * zeroed array of 4 for every path. */
    if (nseg > from && !r->chain)
        r->chain = arena_alloc_raw(t->a, (size_t)(nseg - from) * sizeof *r->chain);
    for (int i = from; i < nseg; i++) {
        bool list = false;
        Type *base = cur;
        if (cur->k == TY_LIST) {
            list = true;
            base = cur->elem;
        }
        Schema *s = schema_of(base);
        Field *f = i == from && first ? first : s ? model_field(s, segs[i]) : NULL;
        if (!f) {
            if (s) {
                diag_error(t->d, n->span, _("%s has no field '%s'"), s->name, segs[i]);
                suggest_fields(t, s, segs, nseg, i, NULL);
            } else {
                diag_error(t->d, n->span, _("'%s' is %s, which has no field '%s'"), segs[i - 1], tn(t, cur), segs[i]);
            }
            return err(t);
        }
        r->index[r->nchain] = f->index;
        r->chain[r->nchain++] = f;
        cur = field_type(t, f);
        /* A path through a list projects: module.hours is a list of hours;
         * a list-valued field through a list is flattened. */
        if (list)
            cur = cur->k == TY_LIST ? cur : mkt(t, TY_LIST, cur);
    }
    return cur;
}

/* Whether some field can refer to blocks of this kind (goals can: `covers
 * list of goal`; rules cannot). Only such blocks are visible by name. */
static Type *tc_path(TC *t, Node *n, Scope *sc)
{
    /* Split the dotted name (a name without a dot, most of them, is its
     * own segment: not copied). */
    const char *segs[64];
    segs[0] = n->u.path;
    int nseg = 1;
    if (strchr(n->u.path, '.')) {
        nseg = 0;
        for (char *s = arena_strdup(t->a, n->u.path); s && nseg < 64;) {
            segs[nseg++] = s;
            char *dot = strchr(s, '.');
            if (dot)
                *dot++ = '\0';
            s = dot;
        }
    }
    /* The PathRes, then room for an index a segment, from a line's start
     * (PATH_RES_LINE): a path of up to four segments is one line. */
    size_t size = sizeof(PathRes) + (size_t)nseg * sizeof(int);
    unsigned char *raw = arena_alloc(t->a, size + PATH_RES_LINE - ARENA_ALIGN);
    PathRes *r = (PathRes *)(raw + (-(uintptr_t)raw & (PATH_RES_LINE - 1)));
    r->index = (int *)(r + 1);
    n->res = r;
    int up = 0;
    for (Scope *k = sc; k; k = k->up, up++) {
        if (k->var && strcmp(k->var, segs[0]) == 0) {
            r->kind = R_VAR;
            r->up = up;
            return follow(t, n, k->type, segs, nseg, 1, NULL, r);
        }
        /* Inside a where predicate or a quantifier body the element's
         * fields shadow the course's (LANGUAGE.md §8, Names). */
        {
            Schema *s = schema_of(k->type);
            Field *f = s ? model_field(s, segs[0]) : NULL;
            if (f) {
                r->kind = R_ELEM;
                r->up = up;
                return follow(t, n, k->type, segs, nseg, 0, f, r);
            }
        }
    }
    Field *cf = t->ctx ? model_field(t->ctx, segs[0]) : NULL;
    if (cf) {
        r->kind = R_CTX;
        Type *ctx = mkt(t, TY_BLOCK, NULL);
        ctx->schema = t->ctx;
        return follow(t, n, ctx, segs, nseg, 0, cf, r);
    }
    if (nseg == 1) {
        EnumDef *found = NULL;
        int idx = -1, count = 0;
        for (int i = 0; i < t->p->nenums; i++) {
            int k = model_enum_index(t->p->enums[i], segs[0]);
            if (k >= 0) {
                found = t->p->enums[i];
                idx = k;
                count++;
            }
        }
        if (count == 1) {
            r->kind = R_ENUM;
            r->enm = found;
            r->member = idx;
            Type *x = mkt(t, TY_ENUM, NULL);
            x->enm = found;
            return x;
        }
        if (count > 1) {
            diag_error(t->d, n->span, _("'%s' is a member of more than one enum"), segs[0]);
            return err(t);
        }
    }
    if (t->frame) {
        /* A framework member by its (qualified) name: a goal. */
        int nscope = t->p->in_scope ? t->p->nscope_named : 0;
        for (int i = 0; i < t->p->nnamed + nscope; i++) {
            Block *b = i < t->p->nnamed ? t->p->named[i] : t->p->scope_named[i - t->p->nnamed];
            if (b->top == t->frame && b->parent == t->frame && b->schema->referenced &&
                strcmp(b->name, n->u.path) == 0) {
                r->kind = R_BLOCK;
                r->block = b;
                Type *x = mkt(t, TY_REF, NULL);
                x->schema = b->schema;
                return x;
            }
        }
        Field *f = model_field(t->frame->schema, segs[0]);
        if (f && f->type->k == TY_BLOCK && f->many) {
            r->kind = R_FRAME;
            Type *fr = mkt(t, TY_BLOCK, NULL);
            fr->schema = t->frame->schema;
            return follow(t, n, fr, segs, nseg, 0, f, r);
        }
    }
    diag_error(t->d, n->span, _("unknown name '%s'"), n->u.path);
    suggest_fields(t, t->ctx, segs, nseg, 0, sc);
    return err(t);
}

/* == and != : the two sides must be comparable. */
static bool comparable(const Type *a, const Type *b)
{
    if (is_num(a) && is_num(b))
        return true;
    if (a->k == TY_LIST && b->k == TY_LIST)
        return comparable(a->elem, b->elem) || is_err(a->elem) || is_err(b->elem);
    return type_equal(a, b);
}

static bool ordered(const Type *a)
{
    return is_num(a) || is_qty(a) || a->k == TY_DATE || a->k == TY_TIME;
}

/* `fmt`: the whole sentence, translated, with %s for the two types
 * ("cannot compare %s and %s"). */
static Type *unit_mismatch(TC *t, Node *n, const char *fmt, const Type *a, const Type *b)
{
    diag_error(t->d, n->span, fmt, tn(t, a), tn(t, b));
    if (is_qty(a) && is_qty(b) && a->k != b->k)
        diag_help(t->d, _("contact time (min, h) and calendar span (days, weeks, months) never mix"));
    return err(t);
}

static Type *tc_bin(TC *t, Node *n, Scope *sc)
{
    Type *a = tc(t, n->u.bin.l, sc), *b = tc(t, n->u.bin.r, sc);
    if (is_err(a) || is_err(b))
        return n->u.bin.op <= OP_IN ? mkt(t, TY_BOOL, NULL) : err(t);
    BinOp op = n->u.bin.op;
    switch (op) {
    case OP_OR:
    case OP_AND:
        if (a->k != TY_BOOL || b->k != TY_BOOL) {
            Node *bad = a->k != TY_BOOL ? n->u.bin.l : n->u.bin.r;
            diag_error(t->d, bad->span, _("'%s' needs yes/no on both sides, found %s"), ast_binop_text(op),
                       tn(t, a->k != TY_BOOL ? a : b));
        }
        return mkt(t, TY_BOOL, NULL);
    case OP_EQ:
    case OP_NE:
        if (!comparable(a, b))
            return unit_mismatch(t, n, _("cannot compare %s and %s"), a, b);
        return mkt(t, TY_BOOL, NULL);
    case OP_LT: case OP_LE: case OP_GT: case OP_GE:
        if (!ordered(a) || !ordered(b) || !(comparable(a, b))) {
            if (ordered(a) && ordered(b))
                return unit_mismatch(t, n, _("cannot compare %s and %s"), a, b);
            diag_error(t->d, n->span, _("'%s' compares numbers, quantities, dates or times, not %s"),
                       ast_binop_text(op), tn(t, ordered(a) ? b : a));
            return err(t);
        }
        return mkt(t, TY_BOOL, NULL);
    case OP_IN:
        if (b->k == TY_RANGE) {
            Type *x = a->k == TY_RANGE ? a->elem : a;
            if (!comparable(x, b->elem))
                return unit_mismatch(t, n, _("cannot test membership of %s and %s"), a, b);
            return mkt(t, TY_BOOL, NULL);
        }
        if (b->k == TY_LIST) {
            Type *x = a->k == TY_LIST ? a->elem : a;
            if (!is_err(b->elem) && !comparable(x, b->elem))
                return unit_mismatch(t, n, _("cannot test membership of %s and %s"), a, b);
            return mkt(t, TY_BOOL, NULL);
        }
        diag_error(t->d, n->u.bin.r->span, _("'in' needs a range, a list or a set on its right, found %s"), tn(t, b));
        return err(t);
    case OP_ADD:
    case OP_SUB:
        if (is_num(a) && is_num(b))
            return mkt(t, a->k == TY_INT && b->k == TY_INT ? TY_INT : TY_NUMBER, NULL);
        if (is_qty(a) && a->k == b->k)
            return a;
        if (a->k == TY_DATE && b->k == TY_SPAN)
            return a;
        if (op == OP_SUB && a->k == TY_DATE && b->k == TY_DATE)
            return mkt(t, TY_SPAN, NULL);
        if (is_qty(a) && is_num(b)) {
            diag_error(t->d, n->u.bin.r->span, op == OP_ADD ? _("cannot add a plain number and %s") : _("cannot subtract a plain number and %s"), tn(t, a));
            diag_help(t->d, _("give the number a unit, e.g. %s%s"), ast_to_text(t->a, n->u.bin.r), a->k == TY_HOURS ? "h" : " days");
            return err(t);
        }
        return unit_mismatch(t, n, op == OP_ADD ? _("cannot add %s and %s") : _("cannot subtract %s and %s"), a, b);
    case OP_MUL:
        if (is_num(a) && is_num(b))
            return mkt(t, a->k == TY_INT && b->k == TY_INT ? TY_INT : TY_NUMBER, NULL);
        if (is_num(a) && is_qty(b))
            return b;
        if (is_qty(a) && is_num(b))
            return a;
        return unit_mismatch(t, n, _("cannot multiply %s and %s"), a, b);
    case OP_DIV:
        if (is_num(a) && is_num(b))
            return mkt(t, TY_NUMBER, NULL);
        if (is_qty(a) && is_num(b))
            return a;
        if (is_qty(a) && a->k == b->k)
            return mkt(t, TY_NUMBER, NULL);
        return unit_mismatch(t, n, _("cannot divide %s and %s"), a, b);
    }
    return err(t);
}

static Type *elem_of_list(TC *t, Node *n, Type *x, const char *what)
{
    if (is_err(x))
        return err(t);
    if (x->k != TY_LIST) {
        diag_error(t->d, n->span, _("%s needs a list, found %s"), what, tn(t, x));
        return err(t);
    }
    return x->elem;
}

static const char *funcs[] = {"count", "sum", "min", "max", "defined", "years"};
enum { NFUNCS = sizeof funcs / sizeof *funcs };

static Type *tc_call(TC *t, Node *n, Scope *sc)
{
    const char *f = n->u.call.name;
    NodeList *args = &n->u.call.args;
    int nf = -1;
    for (int i = 0; i < NFUNCS; i++)
        if (strcmp(f, funcs[i]) == 0)
            nf = i;
    if (nf < 0) {
        Span name = n->span;
        name.last_off = name.first_off + (uint32_t)strlen(f);
        diag_error(t->d, name, _("unknown function '%s'"), f);
        const char *sug = model_suggest(f, funcs, NFUNCS);
        if (sug)
            diag_suggest(t->d, sug);
        else
            diag_help(t->d, "%s", _("the functions are count, sum, min, max, defined and years"));
        return err(t);
    }
    static const FnId ids[] = {FN_COUNT, FN_SUM, FN_MIN, FN_MAX, FN_DEFINED, FN_YEARS};
    int arity = ids[nf] == FN_YEARS ? 2 : 1;
    if (args->n != arity) {
        if (arity == 1)
            diag_error(t->d, n->span, _("%s() takes one argument, found %d"), f, args->n);
        else
            diag_error(t->d, n->span, _("%s() takes two arguments, found %d"), f, args->n);
        return err(t);
    }
    n->u.call.fn = ids[nf]; /* the evaluator dispatches on it, not on the name */
    Node *a0 = args->items[0];
    if (ids[nf] == FN_YEARS) {
        /* years(FROM, TO): whole years from one date to another (an age). */
        for (int k = 0; k < 2; k++) {
            Type *x = tc(t, args->items[k], sc);
            if (!is_err(x) && x->k != TY_DATE)
                diag_error(t->d, args->items[k]->span, _("years() counts from one date to another, found %s"), tn(t, x));
        }
        return mkt(t, TY_INT, NULL);
    }
    if (nf == 4) {
        if (a0->kind != N_PATH) {
            diag_error(t->d, a0->span, _("defined() takes a name, such as defined(theory.hours)"));
            return mkt(t, TY_BOOL, NULL);
        }
        tc(t, a0, sc);
        return mkt(t, TY_BOOL, NULL);
    }
    Type *x = tc(t, a0, sc);
    if (is_err(x))
        return nf == 0 ? mkt(t, TY_INT, NULL) : err(t);
    switch (nf) {
    case 0:
        elem_of_list(t, a0, x, "count()");
        return mkt(t, TY_INT, NULL);
    case 1: {
        Type *e = elem_of_list(t, a0, x, "sum()");
        if (!is_err(e) && !is_num(e) && !is_qty(e)) {
            diag_error(t->d, a0->span, _("sum() adds numbers or quantities, not %s"), tn(t, e));
            return err(t);
        }
        return e;
    }
    default:
        if (x->k == TY_RANGE || x->k == TY_LIST)
            return x->elem;
        diag_error(t->d, a0->span, _("%s() takes a range or a list, found %s"), f, tn(t, x));
        return err(t);
    }
}

static Type *tc(TC *t, Node *n, Scope *sc)
{
    if (n->depth > PARSE_MAX_DEPTH)
        return err(t); /* reported by the parser */
    Type *r;
    switch (n->kind) {
    case N_INT: r = mkt(t, TY_INT, NULL); break;
    case N_NUM: r = mkt(t, TY_NUMBER, NULL); break;
    case N_QTY: r = mkt(t, unit_dim(n->u.qty.unit) == DIM_TIME ? TY_HOURS : TY_SPAN, NULL); break;
    case N_STR: r = mkt(t, TY_STRING, NULL); break;
    case N_BOOL: r = mkt(t, TY_BOOL, NULL); break;
    case N_DATE: r = mkt(t, TY_DATE, NULL); break;
    case N_TIME: r = mkt(t, TY_TIME, NULL); break;
    case N_MDAY: r = mkt(t, TY_MDAY, NULL); break;
    case N_PATH: r = tc_path(t, n, sc); break;
    case N_CALL: r = tc_call(t, n, sc); break;
    case N_BIN: r = tc_bin(t, n, sc); break;
    case N_NOT: {
        Type *x = tc(t, n->u.operand, sc);
        if (!is_err(x) && x->k != TY_BOOL)
            diag_error(t->d, n->u.operand->span, _("'not' needs yes/no, found %s"), tn(t, x));
        r = mkt(t, TY_BOOL, NULL);
        break;
    }
    case N_RANGE: {
        Type *lo = n->u.range.lo ? tc(t, n->u.range.lo, sc) : NULL;
        Type *hi = n->u.range.hi ? tc(t, n->u.range.hi, sc) : NULL;
        Type *e = lo ? lo : hi;
        if ((lo && is_err(lo)) || (hi && is_err(hi))) {
            r = err(t);
            break;
        }
        if (lo && hi && !comparable(lo, hi)) {
            r = unit_mismatch(t, n, _("cannot make a range of %s and %s"), lo, hi);
            break;
        }
        if (!ordered(e) && e->k != TY_MDAY) {
            diag_error(t->d, n->span, _("a range needs numbers, quantities, dates or times, found %s"), tn(t, e));
            r = err(t);
            break;
        }
        r = mkt(t, TY_RANGE, e);
        break;
    }
    case N_SET: {
        Type *e = NULL;
        for (int i = 0; i < n->u.set.n; i++) {
            Type *x = tc(t, n->u.set.items[i], sc);
            if (is_err(x))
                continue;
            if (!e)
                e = x;
            else if (!comparable(e, x))
                diag_error(t->d, n->u.set.items[i]->span, _("a set holds values of one kind: %s and %s"), tn(t, e), tn(t, x));
        }
        r = mkt(t, TY_LIST, e ? e : err(t));
        break;
    }
    case N_WHERE: {
        Type *l = tc(t, n->u.where.list, sc);
        Type *e = elem_of_list(t, n->u.where.list, l, "'where'");
        Scope s = {NULL, e, sc};
        Type *p = is_err(e) ? err(t) : tc(t, n->u.where.pred, &s);
        if (!is_err(p) && p->k != TY_BOOL)
            diag_error(t->d, n->u.where.pred->span, _("a 'where' condition must be yes/no, found %s"), tn(t, p));
        r = is_err(e) ? err(t) : l;
        break;
    }
    case N_QUANT: {
        Type *l = tc(t, n->u.quant.list, sc);
        Type *e = elem_of_list(t, n->u.quant.list, l, n->u.quant.all ? "'all'" : "'any'");
        Scope s = {n->u.quant.var, e, sc};
        Type *b = tc(t, n->u.quant.body, &s);
        if (!is_err(b) && b->k != TY_BOOL)
            diag_error(t->d, n->u.quant.body->span, _("the body of '%s' must be yes/no, found %s"),
                       n->u.quant.all ? "all" : "any", tn(t, b));
        r = mkt(t, TY_BOOL, NULL);
        break;
    }
    case N_IF: {
        Type *c = tc(t, n->u.cond.c, sc);
        Type *a = tc(t, n->u.cond.t, sc), *b = tc(t, n->u.cond.e, sc);
        if (!is_err(c) && c->k != TY_BOOL)
            diag_error(t->d, n->u.cond.c->span, _("'if' needs yes/no, found %s"), tn(t, c));
        if (is_err(a) || is_err(b))
            r = is_err(a) ? b : a;
        else if (!comparable(a, b))
            r = unit_mismatch(t, n, _("cannot choose between %s and %s"), a, b);
        else
            r = a;
        break;
    }
    default:
        r = err(t);
    }
    n->type = r;
    return r;
}

/* The one-character span of the brace `br` of string node `str`. */
static Span brace_span(const Node *str, const StrBrace *br)
{
    return span_at(str->span.file, str->span.first_off + 1 + br->raw, str->span.first_off + 2 + br->raw);
}

/* Splits a message into text and {expr} parts, parsing each expression at
 * its own place in the file so errors point inside the string. The lexer
 * recorded where the unescaped braces are (StrForm): text parts are cut
 * from the decoded string, expressions from the text as written, and the
 * message is not scanned again here. */
static void tc_template(TC *t, Node *str)
{
    const StrForm *f = str->u.str.form;
    const char *dec = str->u.str.s;
    Template *tp = arena_alloc(t->a, sizeof *tp);
    str->res = tp;
    if (!f) {
        /* No braces: the message is one text part. */
        tp->parts = arena_array(t->a, 1, sizeof *tp->parts);
        if (*dec)
            tp->parts[tp->n++] = (TemplatePart){dec, NULL};
        return;
    }
    /* Each pair of braces gives at most a text part and an expression,
     * and one text part may follow the last. */
    tp->parts = arena_array(t->a, (size_t)f->nbraces + 1, sizeof *tp->parts);
    size_t text_from = 0; /* decoded offset of the current text part */
    for (uint32_t k = 0; k < f->nbraces;) {
        const StrBrace *open = &f->brace[k];
        if (f->raw[open->raw] == '}') {
            diag_error(t->d, brace_span(str, open), _("unmatched '}' in a message"));
            diag_help(t->d, _("write \\} for a literal brace"));
            return;
        }
        uint32_t j = k + 1;
        for (int depth = 1; j < f->nbraces; j++) {
            depth += f->raw[f->brace[j].raw] == '{' ? 1 : -1;
            if (depth == 0)
                break;
        }
        if (j == f->nbraces) {
            diag_error(t->d, brace_span(str, open), _("unclosed '{' in a message"));
            diag_help(t->d, _("write \\{ for a literal brace"));
            return;
        }
        const StrBrace *close = &f->brace[j];
        if (open->dec > text_from)
            tp->parts[tp->n++] = (TemplatePart){arena_strndup(t->a, dec + text_from, open->dec - text_from), NULL};
        Node *e = parse_expr_at(t->a, t->d, t->p->sources, str->span.file, str->span.first_off + 1 + open->raw + 1,
                                close->raw - open->raw - 1);
        if (e) {
            tc(t, e, NULL);
            tp->parts[tp->n++] = (TemplatePart){NULL, e};
        }
        text_from = close->dec + 1;
        k = j + 1;
    }
    size_t len = strlen(dec);
    if (len > text_from)
        tp->parts[tp->n++] = (TemplatePart){arena_strndup(t->a, dec + text_from, len - text_from), NULL};
}

static Block *top_of(Block *b)
{
    return b->top ? b->top : b;
}

Type *tc_expr_in(Program *p, Node *n, Schema *ctx, Block *frame)
{
    TC t = {p, p->arena, p->diags, ctx, frame};
    return tc(&t, n, NULL);
}

void tc_check_all(Builder *B)
{
    Program *p = B->p;
    for (int i = 0; i < B->nexprs; i++) {
        PendingExpr *pe = &B->exprs[i];
        TC t = {p, p->arena, p->diags, pe->type->ctx, top_of(pe->owner)};
        Node *n = pe->v->u.expr;
        if (pe->type->k == TY_TEMPLATE) {
            tc_template(&t, n);
            continue;
        }
        Type *x = tc(&t, n, NULL);
        if (is_err(x))
            continue;
        if (pe->type->k == TY_PRED && x->k != TY_BOOL) {
            diag_error(p->diags, n->span, _("a condition must be yes or no, but this is %s"), type_name(p->arena, x));
            if (n->kind == N_PATH)
                diag_help(p->diags, _("compare it with something, e.g. %s >= 1"), n->u.path);
        } else if (pe->type->k == TY_MEASURE && !is_num(x)) {
            diag_error(p->diags, n->span, _("a measure is a plain number (no unit), but this is %s"), type_name(p->arena, x));
        } else if (pe->type->k == TY_DAY && x->k != TY_DATE &&
                   !(x->k == TY_RANGE && x->elem->k == TY_DATE) && x->k != TY_MDAY) {
            diag_error(p->diags, n->span, _("expected a day (a date, a month-day, a date range or a date expression), found %s"),
                       type_name(p->arena, x));
        }
    }
}

/* A derived expression that reads a derived field (its own, or another):
 * the first such path, or NULL. */
static AstStep derived_read(const Node *n, void *out)
{
    const PathRes *r = n->kind == N_PATH ? n->res : NULL;
    for (int i = 0; r && i < r->nchain; i++)
        if (r->chain[i]->derived) {
            *(const Node **)out = n;
            return AST_STOP;
        }
    return AST_NEXT;
}

void tc_check_schemas(Program *p)
{
    for (int k = 0; k < p->nschemas; k++) {
        Schema *s = p->schemas[k];
        for (int i = 0; i < s->nfields; i++) {
            Field *f = s->fields[i];
            if (!f->derived)
                continue;
            TC t = {p, p->arena, p->diags, s, NULL};
            Type *x = tc(&t, f->derived, NULL);
            if (is_err(x))
                continue;
            if (!type_equal(x, f->type) && !(is_num(x) && is_num(f->type))) {
                diag_error(p->diags, f->derived->span, _("'%s' is declared %s, but this is %s"), f->name,
                           type_phrase(p->arena, f->type), type_phrase(p->arena, x));
                continue;
            }
            /* One level deep: the evaluator computes a derived field
             * without a cycle check, so none reads another. */
            const Node *bad = NULL;
            ast_walk(f->derived, derived_read, &bad);
            if (bad)
                diag_error(p->diags, bad->span, _("a derived field cannot read a derived field ('%s')"), bad->u.path);
        }
    }
}
