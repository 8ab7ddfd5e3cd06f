/* lsp_check.c — a document analysed, and what lies at an offset of it
 * (lsp_check.h). */
#include "lsp/lsp_check.h"
#include "front/parse.h"

#include <stdlib.h>
#include <string.h>

LspCheck *lsp_check_run(const char *path, const char *text, size_t len, const CompileOptions *co)
{
    LspCheck *c = calloc(1, sizeof *c);
    if (!c)
        arena_oom();
    src_init(&c->ss);
    diag_init(&c->d);
    if (co)
        c->co = *co; /* its -I list is the server's, alive as long as it */
    c->p = compile_text_n(path, text, len, co, &c->ss, &c->d);
    c->a = arena_new();
    /* As check: a document with errors is not judged (its model may be partial). */
    if (c->d.errors == 0) {
        Block **courses;
        int n = compile_main_decls(c->p, "course", &courses);
        c->reps = arena_array(c->a, (size_t)n + 1, sizeof *c->reps);
        for (int i = 0; i < n; i++)
            rules_check(c->p, courses[i], c->a, &c->reps[c->nreps++]);
    }
    diag_sort(&c->d);
    return c;
}

void lsp_check_free(LspCheck *c)
{
    if (!c)
        return;
    if (c->file_arena)
        arena_free(c->file_arena);
    arena_free(c->a);
    compile_free(c->p);
    diag_free(&c->d);
    src_free(&c->ss);
    free(c);
}

Source *lsp_check_main(const LspCheck *c)
{
    int f = c->p ? c->p->main_file : -1;
    return f >= 0 && f < c->ss.n ? c->ss.files[f] : NULL;
}

File *lsp_check_file(LspCheck *c)
{
    if (c->file)
        return c->file;
    c->file_arena = arena_new();
    if (!lsp_check_main(c)) {
        c->file = arena_alloc(c->file_arena, sizeof *c->file);
        return c->file;
    }
    /* Its errors are the compilation's, already reported. */
    Diags quiet;
    diag_init(&quiet);
    c->file = parse_file(c->file_arena, &quiet, &c->ss, c->p->main_file);
    diag_free(&quiet);
    return c->file;
}

static bool holds(Span sp, size_t off)
{
    return sp.file >= 0 && sp.first_off <= off && off <= sp.last_off;
}

Schema *lsp_field_schema(const Field *f)
{
    const Type *t = f ? f->type : NULL;
    if (t && t->k == TY_LIST)
        t = t->elem;
    return t && t->k == TY_BLOCK ? t->schema : NULL;
}

EnumDef *lsp_field_enum(const Field *f)
{
    const Type *t = f ? f->type : NULL;
    while (t && (t->k == TY_LIST || t->k == TY_RANGE))
        t = t->elem;
    return t && t->k == TY_ENUM ? t->enm : NULL;
}

Schema *lsp_field_ref(const Field *f)
{
    const Type *t = f ? f->type : NULL;
    if (t && t->k == TY_LIST)
        t = t->elem;
    return t && t->k == TY_REF ? t->schema : NULL;
}

typedef struct Find {
    size_t off;
    const Node *best;
} Find;

static AstStep find_node(const Node *n, void *ctx)
{
    Find *f = ctx;
    if (!holds(n->span, f->off))
        return AST_SKIP;
    f->best = n;
    return AST_NEXT;
}

/* The innermost expression of e's values or extends clause at `off`. */
static Node *node_at(const Entry *e, size_t off)
{
    Find f = {off, NULL};
    for (int i = 0; i < e->nvals; i++)
        for (int k = 0; k < e->vals[i].items.n; k++)
            ast_walk(e->vals[i].items.items[k], find_node, &f);
    if (e->extends)
        ast_walk(e->extends, find_node, &f);
    return (Node *)f.best;
}

static void descend(LspAt *at, EntryList *body, Schema *s, size_t off);

/* The cursor is in entry `e` (a field of `outer`, of schema `inner`):
 * into its braces when it is past the opening one. */
static void enter(LspAt *at, Entry *e, Schema *outer, Schema *inner, size_t off)
{
    at->entry = e;
    at->outer = outer;
    at->inner = inner;
    at->node = node_at(e, off);
    if (e->is_block && e->open_brace.file >= 0 && off > e->open_brace.first_off) {
        at->block = e;
        at->block_schema = inner;
        descend(at, &e->body, inner, off);
    }
}

/* Goes down from the entries of a block of schema `s` to the one at `off`. */
static void descend(LspAt *at, EntryList *body, Schema *s, size_t off)
{
    for (int i = 0; i < body->n; i++) {
        Entry *e = body->items[i];
        if (holds(e->span, off)) {
            enter(at, e, s, s ? lsp_field_schema(model_field(s, e->key)) : NULL, off);
            return;
        }
    }
}

/* The compilation's own syntax tree of a top-level entry, when it built
 * one from it: its expressions carry their types and the paths their
 * resolution (typecheck.h), which the document's second parse lacks. */
static Entry *compiled(const LspCheck *c, Entry *e)
{
    for (int i = 0; i < c->p->ndecls; i++) {
        Block *b = c->p->decls[i];
        if (b->file == c->p->main_file && b->entry && b->entry->span.first_off == e->span.first_off &&
            b->entry->span.last_off == e->span.last_off && strcmp(b->entry->key, e->key) == 0)
            return b->entry;
    }
    return e;
}

void lsp_check_at(LspCheck *c, size_t off, LspAt *at)
{
    memset(at, 0, sizeof *at);
    File *f = lsp_check_file(c);
    for (int i = 0; i < f->n; i++) {
        Decl *d = f->decls[i];
        if (!holds(d->span, off))
            continue;
        if (d->kind == DECL_IMPORT)
            at->import = d;
        else if (d->kind == DECL_ENTRY)
            enter(at, compiled(c, d->u.entry), NULL, model_schema(c->p, d->u.entry->key), off);
        return;
    }
}

Block *lsp_check_lookup(const LspCheck *c, const Schema *kind, const char *name)
{
    const Program *p = c->p;
    for (int i = 0; i < p->ndecls; i++) {
        Block *b = p->decls[i];
        if (b->name && strcmp(b->name, name) == 0 && (!kind || b->schema == kind))
            return b;
    }
    for (int i = 0; i < p->nnamed; i++) {
        Block *b = p->named[i];
        if (b->name && strcmp(b->name, name) == 0 && (!kind || b->schema == kind))
            return b;
    }
    /* A rule by its id, FRAMEWORK.RULE (rules.c computes b->id only for
     * the rules it judged). */
    const char *dot = strchr(name, '.');
    if (!dot || (kind && strcmp(kind->name, "rule") != 0))
        return NULL;
    size_t fw = (size_t)(dot - name);
    for (int i = 0; i < p->nnamed; i++) {
        Block *b = p->named[i];
        if (strcmp(b->schema->name, "rule") == 0 && b->name && strcmp(b->name, dot + 1) == 0 && b->top &&
            b->top->name && strlen(b->top->name) == fw && strncmp(b->top->name, name, fw) == 0)
            return b;
    }
    return NULL;
}

const char *lsp_field_doc(const LspCheck *c, Arena *a, const Field *f)
{
    if (!f || !src_has_place(&c->ss, f->span))
        return NULL;
    size_t len;
    const char *line = src_line_at(c->ss.files[f->span.file], f->span.first_off, &len);
    if (!line)
        return NULL;
    /* The first '#' outside a string starts the comment. */
    bool str = false;
    for (size_t i = 0; i < len; i++) {
        if (line[i] == '"' && (i == 0 || line[i - 1] != '\\'))
            str = !str;
        if (line[i] == '#' && !str) {
            size_t s = i + 1, e = len;
            while (s < e && (line[s] == ' ' || line[s] == '\t'))
                s++;
            while (e > s && (line[e - 1] == ' ' || line[e - 1] == '\t'))
                e--;
            return e > s ? arena_strndup(a, line + s, e - s) : NULL;
        }
    }
    return NULL;
}
