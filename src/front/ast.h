/* ast.h — the syntax tree, exactly as written, with spans. The parser only
 * builds it; every check happens in later passes (build.c, typecheck.c).
 * Everything is allocated in the compilation's arena. */
#ifndef RAMME_AST_H
#define RAMME_AST_H

#include "base/arena.h"
#include "base/sbuf.h"
#include "front/source.h"
#include "front/units.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    N_INT,      /* 12 */
    N_NUM,      /* 2.5 */
    N_QTY,      /* 3h, 13 weeks */
    N_STR,      /* "..." */
    N_BOOL,     /* yes / no */
    N_DATE,     /* 2024-05-23 */
    N_TIME,     /* 09:30 */
    N_MDAY,     /* 12-24 */
    N_PATH,     /* recovery.hope, instructors.instructor */
    N_CALL,     /* count(...) */
    N_BIN,      /* a + b, a and b, a in b */
    N_NOT,      /* not a */
    N_RANGE,    /* a..b, a.., ..b */
    N_SET,      /* {a, b} */
    N_WHERE,    /* list where pred */
    N_QUANT,    /* all x in l: p / any x in l: p */
    N_IF,       /* if c then a else b */
} NodeKind;

typedef enum {
    OP_OR, OP_AND,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_IN,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV,
} BinOp;

/* The built-in functions; a call's `fn` is set by the type checker. */
typedef enum { FN_NONE, FN_COUNT, FN_SUM, FN_MIN, FN_MAX, FN_DEFINED, FN_YEARS } FnId;

typedef struct Node Node;

/* Literal payloads as the lexer hands them to the parser. */
typedef struct QtyLit { double v; Unit unit; } QtyLit;
/* A string as written, and where its unescaped braces are: the lexer
 * records them while it decodes, so a message template is split without
 * decoding the string a second time. Offsets count bytes of the body
 * (without the opening quote). */
typedef struct StrBrace { uint32_t raw, dec; } StrBrace;
typedef struct StrForm {
    const char *raw;
    uint32_t nbraces;
    StrBrace brace[]; /* in order; '{' or '}' is raw[brace[k].raw] */
} StrForm;
/* form is NULL for the usual string, without escapes or braces: then it
 * is written as it reads, and has no braces. */
typedef struct StrLit { const char *s; const StrForm *form; } StrLit;

/* A string's text as written. */
static inline const char *strlit_raw(const char *s, const StrForm *form)
{
    return form ? form->raw : s;
}
typedef struct MDayLit { int month, day; } MDayLit;

typedef struct NodeList {
    Node **items;
    int n, cap;
} NodeList;

/* What the evaluator and the builder read of a node first, on the line
 * it starts: the kind, the span (the builder's values), the type checker's
 * resolution (a path's PathRes) and the payload, in the first 64 bytes;
 * the depth (the parser's) and the type (the checker's) last. A node is 80
 * bytes on the arena's 16: a path's kind and resolution share a line
 * wherever it lies, an operator's or a call's what it reads [0, 48) when
 * it starts on a line or 16 bytes into one. With the kind at 0 and the
 * payload at 40 every node read was two lines, each a miss for every course
 * (the program's rules are cold again after a course's parse). */
struct Node {
    NodeKind kind;
    Span span;
    void *res;         /* N_PATH: its PathRes (typecheck.h); N_STR in a template: parts */
    union {
        int64_t i;                               /* N_INT */
        double num;                              /* N_NUM */
        struct { double v; Unit unit; } qty;     /* N_QTY: value in `unit` */
        struct { const char *s; const StrForm *form; } str; /* decoded / as written */
        bool b;                                  /* N_BOOL */
        int32_t date;                            /* N_DATE: days since 1970-01-01 */
        int time;                                /* N_TIME: minutes after midnight */
        struct { int month, day; } mday;         /* N_MDAY */
        const char *path;                        /* N_PATH: dotted name, NFC */
        /* What the evaluator reads first: fn and args before the name. */
        struct { FnId fn; NodeList args; const char *name; } call;
        struct { BinOp op; Node *l, *r; } bin;
        Node *operand;                           /* N_NOT */
        struct { Node *lo, *hi; } range;         /* either may be NULL (open) */
        NodeList set;                            /* N_SET */
        struct { Node *list, *pred; } where;
        /* What the evaluator reads (list, body, all) first; `all` in
         * var_span's tail padding, and the union (and so every Node) is
         * 40 bytes, not 48. */
        struct { Node *list, *body; Span var_span; bool all; const char *var; } quant;
        struct { Node *c, *t, *e; } cond;
    } u;
    int depth; /* 1 + deepest child: bounds every recursive pass */
    struct Type *type; /* set by the type checker */
};
_Static_assert(sizeof(Node) == 80, "a node is 80 bytes");
_Static_assert(offsetof(Node, res) == 16 && offsetof(Node, u) == 24, "the kind, span, resolution and payload first");
_Static_assert(offsetof(Node, u.bin.r) + sizeof(Node *) <= 48 && offsetof(Node, u.call.args) + sizeof(NodeList) <= 48,
               "an operator's and a call's parts in [0, 48)");
_Static_assert(offsetof(Node, u.quant.all) < 64 && offsetof(Node, depth) == 64, "a quantifier's parts in the first 64 bytes");

/* A value sequence: expressions written side by side. */
typedef struct ValSeq {
    NodeList items;
    Span span;
    bool after_comma_newline; /* the list continued onto this line */
} ValSeq;

typedef struct Entry Entry;

typedef struct EntryList {
    Entry **items;
    int n, cap;
    bool had_error; /* an entry was lost to a syntax error */
} EntryList;

/* key, key values, key [header] [extends X] { body } */
struct Entry {
    /* What the builder reads of every entry (fill_body: the key's span,
     * the counts, `extends`, the values) last, right before the first
     * value sequence, which the parser puts after the entry (parser.y,
     * EntryRoom): [60, 112) of the two, one line or two. With the key's
     * span at 12, `extends` at 64 and the values at 96 it was two lines or
     * three. 96 bytes. */
    Span span;
    Span open_brace;
    const char *key;      /* NFC-normalised identifier */
    EntryList body;
    int capvals;
    Span key_span;
    int nvals;
    bool is_block;        /* written with { } */
    Node *extends;        /* N_PATH, or NULL */
    ValSeq *vals;         /* comma-separated value sequences (the header when a block) */
};
_Static_assert(sizeof(Entry) == 96 && offsetof(Entry, key_span) == 60 && offsetof(Entry, vals) == 88,
               "what the builder reads of an entry in its last 36 bytes");

typedef enum { DECL_IMPORT, DECL_ENUM, DECL_ENTRY } DeclKind;

typedef struct EnumMember {
    const char *name;
    const char *label; /* NULL when none */
    Span span;
    const char *marker; /* `NAME WORD MEMBER`: WORD (schema.c accepts only `alias`), else NULL */
    const char *of;     /* ... and MEMBER, the member NAME is another word for */
    Span of_span;
} EnumMember;

typedef struct Decl {
    DeclKind kind;
    Span span;
    union {
        struct { const char *path; Span path_span; } import;
        struct { const char *name; Span name_span; EnumMember *members; int n, cap; } enm;
        Entry *entry;
    } u;
} Decl;

typedef struct File {
    int source;   /* index in the SourceSet */
    Decl **decls;
    int n, cap;
    Node *expr;   /* when parsed in expression mode (interpolation) */
    bool stopped; /* the parse gave up early (nesting limit, error cap) */
    int dropped;  /* declarations of unknown kinds not kept (parse.h, ParseKinds) */
    int kinds_at_drop; /* the kinds known when the first was dropped */
    bool reparsed; /* the parser without LAC met an error, and the LAC parser read the text again (parse.c) */
} File;

/* The deepest nesting of expressions and blocks the parser accepts; every
 * pass over the tree may recurse this deep and no deeper. */
#define AST_MAX_DEPTH 256

/* The syntax-tree visitor. ast_walk calls visit on n and then, unless visit
 * says otherwise, on each sub-expression in source order, depth first:
 * AST_NEXT goes on, AST_SKIP leaves n's sub-expressions out, AST_STOP ends
 * the walk (ast_walk then returns true). Nodes nested deeper than
 * AST_MAX_DEPTH are not visited (the parser refuses such trees). */
typedef enum { AST_NEXT, AST_SKIP, AST_STOP } AstStep;
typedef AstStep (*AstVisit)(const Node *n, void *ctx);
bool ast_walk(const Node *n, AstVisit visit, void *ctx);

/* Builders used by the parser's actions. A node is a bump and five
 * stores: inline, not a call per node (some 60 a course of a batch).
 * Written whole by the assignment: no zeroing first (arena_alloc_raw). */
static inline Node *ast_node(Arena *a, NodeKind k, Span sp)
{
    Node *n = arena_alloc_raw(a, sizeof *n);
    *n = (Node){.kind = k, .span = sp, .depth = 1};
    return n;
}
Node *ast_bin(Arena *a, BinOp op, Node *l, Node *r, Span sp);
/* Inline while the list has room (a value sequence starts with room for
 * two, a block with room for four: parser.y); ast_grow_nodes and
 * ast_grow_entries make more. */
void ast_grow_nodes(Arena *a, NodeList *l);
static inline void ast_push(Arena *a, NodeList *l, Node *n)
{
    if (l->n == l->cap)
        ast_grow_nodes(a, l);
    l->items[l->n++] = n;
}
void ast_grow_entries(Arena *a, EntryList *l);
static inline void ast_push_entry(Arena *a, EntryList *l, Entry *e)
{
    if (l->n == l->cap)
        ast_grow_entries(a, l);
    l->items[l->n++] = e;
}
/* Room for e's next value sequence, which the caller writes whole: a
 * 32-byte ValSeq passed by value went through the stack. Inline while
 * there is room (the parser gives an entry room for one); ast_grow_vals
 * makes more. */
void ast_grow_vals(Arena *a, Entry *e);
static inline ValSeq *ast_new_val(Arena *a, Entry *e)
{
    if (e->nvals == e->capvals)
        ast_grow_vals(a, e);
    return &e->vals[e->nvals++];
}
void ast_push_decl(Arena *a, File *f, Decl *d);
void ast_push_member(Arena *a, Decl *d, EnumMember m);
int ast_depth_of(const Node *n);

const char *ast_binop_text(BinOp op);
/* Writes an expression back as source text (for explanations). */
char *ast_to_text(Arena *a, const Node *n);
/* The same, appended to b. */
void ast_write(SBuf *b, const Node *n);

#endif
