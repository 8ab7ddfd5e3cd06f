/* ast.c — syntax tree builders and the printer used in explanations. */
#include "front/ast.h"
#include "base/civil.h"

#include <stdio.h>
#include <string.h>

/* A course's tree is some 600 of these: the layouts in ast.h are ordered
 * to leave no holes, and this keeps them so on 64-bit targets. */
_Static_assert(sizeof(void *) != 8 || sizeof(Node) == 80, "Node grew: see the layout in ast.h");
_Static_assert(sizeof(void *) != 8 || sizeof(Entry) == 96, "Entry grew: see the layout in ast.h");

Node *ast_bin(Arena *a, BinOp op, Node *l, Node *r, Span sp)
{
    Node *n = ast_node(a, N_BIN, sp);
    n->u.bin.op = op;
    n->u.bin.l = l;
    n->u.bin.r = r;
    n->depth = 1 + (l->depth > r->depth ? l->depth : r->depth);
    return n;
}

/* The lists keep a count and write element n before anything reads it:
 * their room need not be zeroed (arena_grow_raw). */
#define GROW(a, arr, n, cap)                                                   \
    do {                                                                       \
        if ((n) == (cap)) {                                                    \
            int nc_ = (cap) ? (cap) * 2 : 4;                                   \
            (arr) = arena_grow_raw((a), (arr), (size_t)(n), (size_t)nc_, sizeof *(arr)); \
            (cap) = nc_;                                                       \
        }                                                                      \
    } while (0)

void ast_grow_nodes(Arena *a, NodeList *l)
{
    GROW(a, l->items, l->n, l->cap);
}

void ast_grow_entries(Arena *a, EntryList *l)
{
    GROW(a, l->items, l->n, l->cap);
}

void ast_grow_vals(Arena *a, Entry *e)
{
    /* Nearly every entry has one value sequence (`hours 6h`, `covers a, b`):
     * room for one, then doubling. Room for four cost 192 unused bytes an
     * entry, a fifth of a course's syntax tree. */
    int cap = e->capvals ? e->capvals * 2 : 1;
    e->vals = arena_grow_raw(a, e->vals, (size_t)e->nvals, (size_t)cap, sizeof *e->vals);
    e->capvals = cap;
}

void ast_push_decl(Arena *a, File *f, Decl *d)
{
    GROW(a, f->decls, f->n, f->cap);
    f->decls[f->n++] = d;
}

void ast_push_member(Arena *a, Decl *d, EnumMember m)
{
    GROW(a, d->u.enm.members, d->u.enm.n, d->u.enm.cap);
    d->u.enm.members[d->u.enm.n++] = m;
}

int ast_depth_of(const Node *n)
{
    return n ? n->depth : 0;
}

const char *ast_binop_text(BinOp op)
{
    static const char *t[] = {"or", "and", "==", "!=", "<", "<=", ">", ">=", "in", "+", "-", "*", "/"};
    return t[op];
}

/* Binding strength, for deciding where parentheses are needed. */
static int prec(const Node *n)
{
    switch (n->kind) {
    case N_QUANT: case N_IF: case N_WHERE: return 1;
    case N_BIN:
        switch (n->u.bin.op) {
        case OP_OR: return 2;
        case OP_AND: return 3;
        case OP_ADD: case OP_SUB: return 7;
        case OP_MUL: case OP_DIV: return 8;
        default: return 5;
        }
    case N_NOT: return 4;
    case N_RANGE: return 6;
    default: return 9;
    }
}

static void print_node(SBuf *b, const Node *n);

static void print_sub(SBuf *b, const Node *n, int min)
{
    if (prec(n) < min) {
        sb_puts(b, "(");
        print_node(b, n);
        sb_puts(b, ")");
    } else {
        print_node(b, n);
    }
}

static void print_num(SBuf *b, double v)
{
    char t[64];
    if (v < 1e15 && v > -1e15 && v == (double)(long long)v) {
        sb_int(b, (long long)v);
        return;
    }
    snprintf(t, sizeof t, "%.15g", v);
    sb_puts(b, t);
}

static void print_node(SBuf *b, const Node *n)
{
    if (n->depth > AST_MAX_DEPTH) {
        sb_puts(b, "...");
        return;
    }
    switch (n->kind) {
    case N_INT: sb_int(b, n->u.i); break;
    case N_NUM: print_num(b, n->u.num); break;
    case N_QTY: {
        print_num(b, n->u.qty.v);
        const char *sym = unit_symbol(n->u.qty.unit, n->u.qty.v);
        if (strlen(sym) > 1)
            sb_puts(b, " ");
        sb_puts(b, sym);
        break;
    }
    case N_STR: sb_puts(b, "\""); sb_puts(b, strlit_raw(n->u.str.s, n->u.str.form)); sb_puts(b, "\""); break;
    case N_BOOL: sb_puts(b, n->u.b ? "yes" : "no"); break;
    case N_DATE: civil_write(b, n->u.date); break;
    case N_TIME: sb_pair(b, (unsigned)n->u.time / 60, ':', (unsigned)n->u.time % 60); break;
    case N_MDAY: sb_pair(b, (unsigned)n->u.mday.month, '-', (unsigned)n->u.mday.day); break;
    case N_PATH: sb_puts(b, n->u.path); break;
    case N_CALL:
        sb_puts(b, n->u.call.name);
        sb_puts(b, "(");
        for (int i = 0; i < n->u.call.args.n; i++) {
            if (i)
                sb_puts(b, ", ");
            print_node(b, n->u.call.args.items[i]);
        }
        sb_puts(b, ")");
        break;
    case N_BIN: {
        int p = prec(n);
        print_sub(b, n->u.bin.l, p + (p == 5 ? 1 : 0));
        sb_puts(b, " ");
        sb_puts(b, ast_binop_text(n->u.bin.op));
        sb_puts(b, " ");
        print_sub(b, n->u.bin.r, p + 1);
        break;
    }
    case N_NOT: sb_puts(b, "not "); print_sub(b, n->u.operand, 4); break;
    case N_RANGE: {
        /* An open range only parses in parentheses inside an expression. */
        bool open = !n->u.range.lo || !n->u.range.hi;
        if (open)
            sb_puts(b, "(");
        if (n->u.range.lo)
            print_sub(b, n->u.range.lo, 7);
        sb_puts(b, "..");
        if (n->u.range.hi)
            print_sub(b, n->u.range.hi, 7);
        if (open)
            sb_puts(b, ")");
        break;
    }
    case N_SET:
        sb_puts(b, "{");
        for (int i = 0; i < n->u.set.n; i++) {
            if (i)
                sb_puts(b, ", ");
            print_node(b, n->u.set.items[i]);
        }
        sb_puts(b, "}");
        break;
    case N_WHERE:
        print_sub(b, n->u.where.list, 9);
        sb_puts(b, " where ");
        print_node(b, n->u.where.pred);
        break;
    case N_QUANT:
        sb_puts(b, n->u.quant.all ? "all " : "any ");
        sb_puts(b, n->u.quant.var);
        sb_puts(b, " in ");
        print_sub(b, n->u.quant.list, 6);
        sb_puts(b, ": ");
        print_node(b, n->u.quant.body);
        break;
    case N_IF:
        sb_puts(b, "if ");
        print_node(b, n->u.cond.c);
        sb_puts(b, " then ");
        print_node(b, n->u.cond.t);
        sb_puts(b, " else ");
        print_node(b, n->u.cond.e);
        break;
    }
}

void ast_write(SBuf *b, const Node *n)
{
    print_node(b, n);
}

char *ast_to_text(Arena *a, const Node *n)
{
    SBuf b = sb_new(a);
    print_node(&b, n);
    return sb_str(&b);
}

static bool walk(const Node *n, AstVisit visit, void *ctx, int depth)
{
    if (!n || depth > AST_MAX_DEPTH)
        return false;
    AstStep step = visit(n, ctx);
    if (step != AST_NEXT)
        return step == AST_STOP;
    const Node *kids[3] = {NULL, NULL, NULL};
    const NodeList *list = NULL;
    switch (n->kind) {
    case N_CALL: list = &n->u.call.args; break;
    case N_SET: list = &n->u.set; break;
    case N_BIN: kids[0] = n->u.bin.l; kids[1] = n->u.bin.r; break;
    case N_NOT: kids[0] = n->u.operand; break;
    case N_RANGE: kids[0] = n->u.range.lo; kids[1] = n->u.range.hi; break;
    case N_WHERE: kids[0] = n->u.where.list; kids[1] = n->u.where.pred; break;
    case N_QUANT: kids[0] = n->u.quant.list; kids[1] = n->u.quant.body; break;
    case N_IF: kids[0] = n->u.cond.c; kids[1] = n->u.cond.t; kids[2] = n->u.cond.e; break;
    default: break;
    }
    for (int i = 0; list && i < list->n; i++)
        if (walk(list->items[i], visit, ctx, depth + 1))
            return true;
    for (int i = 0; i < 3; i++)
        if (walk(kids[i], visit, ctx, depth + 1))
            return true;
    return false;
}

bool ast_walk(const Node *n, AstVisit visit, void *ctx)
{
    return walk(n, visit, ctx, 0);
}
