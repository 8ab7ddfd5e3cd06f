/* ast.c — syntax tree builders and the printer used in explanations. */
#include "ast.h"

#include <stdio.h>
#include <string.h>

Node *ast_node(Arena *a, NodeKind k, Span sp)
{
    Node *n = arena_alloc(a, sizeof *n);
    n->kind = k;
    n->span = sp;
    n->depth = 1;
    return n;
}

Node *ast_bin(Arena *a, BinOp op, Node *l, Node *r, Span sp)
{
    Node *n = ast_node(a, N_BIN, sp);
    n->u.bin.op = op;
    n->u.bin.l = l;
    n->u.bin.r = r;
    n->depth = 1 + (l->depth > r->depth ? l->depth : r->depth);
    return n;
}

#define GROW(a, arr, n, cap)                                                   \
    do {                                                                       \
        if ((n) == (cap)) {                                                    \
            int nc_ = (cap) ? (cap) * 2 : 4;                                   \
            (arr) = arena_grow((a), (arr), (size_t)(n), (size_t)nc_, sizeof *(arr)); \
            (cap) = nc_;                                                       \
        }                                                                      \
    } while (0)

void ast_push(Arena *a, NodeList *l, Node *n)
{
    GROW(a, l->items, l->n, l->cap);
    l->items[l->n++] = n;
}

void ast_push_entry(Arena *a, EntryList *l, Entry *e)
{
    GROW(a, l->items, l->n, l->cap);
    l->items[l->n++] = e;
}

void ast_push_val(Arena *a, Entry *e, ValSeq v)
{
    GROW(a, e->vals, e->nvals, e->capvals);
    e->vals[e->nvals++] = v;
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

/* A growing string in the arena. */
typedef struct Buf {
    Arena *a;
    char *s;
    size_t n, cap;
} Buf;

static void put(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap : 64);
        while (cap < b->n + n + 1)
            cap *= 2;
        b->s = arena_grow(b->a, b->s, b->n, cap, 1);
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }

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

static void print_node(Buf *b, const Node *n);

static void print_sub(Buf *b, const Node *n, int min)
{
    if (prec(n) < min) {
        puts_(b, "(");
        print_node(b, n);
        puts_(b, ")");
    } else {
        print_node(b, n);
    }
}

static void print_num(Buf *b, double v)
{
    char t[64];
    if (v == (double)(long long)v && v < 1e15 && v > -1e15)
        snprintf(t, sizeof t, "%lld", (long long)v);
    else
        snprintf(t, sizeof t, "%.15g", v);
    puts_(b, t);
}

static void print_node(Buf *b, const Node *n)
{
    char t[64];
    if (n->depth > 300) {
        puts_(b, "...");
        return;
    }
    switch (n->kind) {
    case N_INT: snprintf(t, sizeof t, "%lld", (long long)n->u.i); puts_(b, t); break;
    case N_NUM: print_num(b, n->u.num); break;
    case N_QTY: {
        print_num(b, n->u.qty.v);
        const char *sym = unit_symbol(n->u.qty.unit, n->u.qty.v);
        if (strlen(sym) > 1)
            puts_(b, " ");
        puts_(b, sym);
        break;
    }
    case N_STR: puts_(b, "\""); puts_(b, n->u.str.raw); puts_(b, "\""); break;
    case N_BOOL: puts_(b, n->u.b ? "yes" : "no"); break;
    case N_DATE: {
        /* civil_from_days */
        int z = n->u.date + 719468;
        int era = (z >= 0 ? z : z - 146096) / 146097;
        int doe = z - era * 146097;
        int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        int y = yoe + era * 400;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int d = doy - (153 * mp + 2) / 5 + 1;
        int m = mp + (mp < 10 ? 3 : -9);
        snprintf(t, sizeof t, "%04d-%02d-%02d", y + (m <= 2), m, d);
        puts_(b, t);
        break;
    }
    case N_TIME: snprintf(t, sizeof t, "%02d:%02d", n->u.time / 60, n->u.time % 60); puts_(b, t); break;
    case N_MDAY: snprintf(t, sizeof t, "%02d-%02d", n->u.mday.month, n->u.mday.day); puts_(b, t); break;
    case N_PATH: puts_(b, n->u.path); break;
    case N_CALL:
        puts_(b, n->u.call.name);
        puts_(b, "(");
        for (int i = 0; i < n->u.call.args.n; i++) {
            if (i)
                puts_(b, ", ");
            print_node(b, n->u.call.args.items[i]);
        }
        puts_(b, ")");
        break;
    case N_BIN: {
        int p = prec(n);
        print_sub(b, n->u.bin.l, p + (p == 5 ? 1 : 0));
        puts_(b, " ");
        puts_(b, ast_binop_text(n->u.bin.op));
        puts_(b, " ");
        print_sub(b, n->u.bin.r, p + 1);
        break;
    }
    case N_NOT: puts_(b, "not "); print_sub(b, n->u.operand, 4); break;
    case N_RANGE: {
        /* An open range only parses in parentheses inside an expression. */
        bool open = !n->u.range.lo || !n->u.range.hi;
        if (open)
            puts_(b, "(");
        if (n->u.range.lo)
            print_sub(b, n->u.range.lo, 7);
        puts_(b, "..");
        if (n->u.range.hi)
            print_sub(b, n->u.range.hi, 7);
        if (open)
            puts_(b, ")");
        break;
    }
    case N_SET:
        puts_(b, "{");
        for (int i = 0; i < n->u.set.n; i++) {
            if (i)
                puts_(b, ", ");
            print_node(b, n->u.set.items[i]);
        }
        puts_(b, "}");
        break;
    case N_WHERE:
        print_sub(b, n->u.where.list, 9);
        puts_(b, " where ");
        print_node(b, n->u.where.pred);
        break;
    case N_QUANT:
        puts_(b, n->u.quant.all ? "all " : "any ");
        puts_(b, n->u.quant.var);
        puts_(b, " in ");
        print_sub(b, n->u.quant.list, 6);
        puts_(b, ": ");
        print_node(b, n->u.quant.body);
        break;
    case N_IF:
        puts_(b, "if ");
        print_node(b, n->u.cond.c);
        puts_(b, " then ");
        print_node(b, n->u.cond.t);
        puts_(b, " else ");
        print_node(b, n->u.cond.e);
        break;
    }
}

char *ast_to_text(Arena *a, const Node *n)
{
    Buf b = {a, NULL, 0, 0};
    put(&b, "", 0);
    print_node(&b, n);
    return b.s;
}
