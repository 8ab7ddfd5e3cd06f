/* lsp_nav.c — definition and document symbols (lsp_nav.h). */
#include "lsp/lsp_nav.h"
#include "lsp/lsp_check.h"
#include "lsp/lsp_diag.h"

#include <string.h>

/* LSP's SymbolKind. */
enum { SK_MODULE = 2, SK_CLASS = 5, SK_FIELD = 8, SK_FUNCTION = 12, SK_CONSTANT = 14, SK_STRUCT = 23 };

/* The file an import brought in: the source whose path ends in the
 * imported name (`"national"` is .../national.ramme, `"./x"` is .../x or
 * .../x.ramme). */
static int imported(const LspCheck *c, const char *name)
{
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    size_t n = strlen(base);
    for (int i = 0; i < c->ss.n; i++) {
        const char *path = c->ss.files[i]->path;
        const char *slash = strrchr(path, '/');
        const char *file = slash ? slash + 1 : path;
        if (strncmp(file, base, n) == 0 && (file[n] == '\0' || strcmp(file + n, ".ramme") == 0) &&
            i != c->p->main_file)
            return i;
    }
    return -1;
}

void lsp_definition(JsonW *w, LspDoc *doc, size_t off)
{
    LspCheck *c = doc->check;
    LspAt at;
    lsp_check_at(c, off, &at);
    if (at.import) {
        int f = imported(c, at.import->u.import.path);
        if (f >= 0) {
            Span sp = span_at(f, 0, 0);
            lsp_jw_location(w, doc, sp);
            return;
        }
    } else if (at.entry && at.node && at.node->kind == N_PATH) {
        const Entry *e = at.entry;
        const Node *n = at.node;
        Field *f = at.outer ? model_field(at.outer, e->key) : NULL;
        Schema *kind = n == e->extends ? at.inner : lsp_field_ref(f);
        Block *x = lsp_check_lookup(c, kind, n->u.path);
        if (!x)
            x = lsp_check_lookup(c, NULL, n->u.path);
        if (x && src_has_place(&c->ss, x->name_span)) {
            lsp_jw_location(w, doc, x->name_span);
            return;
        }
    }
    jw_null(w);
}

static int symbol_kind(const char *kind)
{
    static const struct {
        const char *kind;
        int sk;
    } map[] = {{"course", SK_CLASS}, {"framework", SK_MODULE}, {"goal", SK_CONSTANT}, {"rule", SK_FUNCTION}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(map[i].kind, kind) == 0)
            return map[i].sk;
    return SK_STRUCT;
}

/* An entry's name: its header's first value when that is a name. */
static const Node *header_name(const Entry *e)
{
    if (e->nvals < 1 || e->vals[0].items.n < 1)
        return NULL;
    const Node *n = e->vals[0].items.items[0];
    return n->kind == N_PATH ? n : NULL;
}

static void symbol(JsonW *w, const LspDoc *doc, const LspCheck *c, const Entry *e, const Schema *s, int depth);

static void children(JsonW *w, const LspDoc *doc, const LspCheck *c, const Entry *e, const Schema *s, int depth)
{
    jw_key(w, "children");
    jw_open(w, '[');
    for (int i = 0; s && i < e->body.n && depth < 8; i++) {
        const Entry *k = e->body.items[i];
        Schema *ks = lsp_field_schema(model_field(s, k->key));
        if (ks && (header_name(k) || k->is_block))
            symbol(w, doc, c, k, ks, depth + 1);
    }
    jw_close(w, ']');
}

static void symbol(JsonW *w, const LspDoc *doc, const LspCheck *c, const Entry *e, const Schema *s, int depth)
{
    const Node *name = header_name(e);
    Span sel = name ? name->span : e->key_span;
    jw_open(w, '{');
    jw_kstr(w, "name", name ? name->u.path : e->key);
    jw_kstr(w, "detail", e->key);
    jw_kint(w, "kind", symbol_kind(s ? s->name : e->key));
    jw_key(w, "range");
    lsp_jw_range(w, doc->text, doc->len, e->span.first_off, e->span.last_off);
    jw_key(w, "selectionRange");
    lsp_jw_range(w, doc->text, doc->len, sel.first_off, sel.last_off);
    (void)c;
    if (e->is_block)
        children(w, doc, c, e, s, depth);
    jw_close(w, '}');
}

void lsp_symbols(JsonW *w, LspDoc *doc)
{
    LspCheck *c = doc->check;
    File *f = lsp_check_file(c);
    jw_open(w, '[');
    for (int i = 0; i < f->n; i++) {
        const Decl *d = f->decls[i];
        if (d->kind == DECL_ENTRY) {
            symbol(w, doc, c, d->u.entry, model_schema(c->p, d->u.entry->key), 0);
        } else if (d->kind == DECL_ENUM) {
            jw_open(w, '{');
            jw_kstr(w, "name", d->u.enm.name);
            jw_kstr(w, "detail", "enum");
            jw_kint(w, "kind", 10); /* Enum */
            jw_key(w, "range");
            lsp_jw_range(w, doc->text, doc->len, d->span.first_off, d->span.last_off);
            jw_key(w, "selectionRange");
            lsp_jw_range(w, doc->text, doc->len, d->u.enm.name_span.first_off, d->u.enm.name_span.last_off);
            jw_close(w, '}');
        }
    }
    jw_close(w, ']');
}
