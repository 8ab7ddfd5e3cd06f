/* lsp_hover.c — textDocument/hover (lsp_hover.h). */
#include "lsp/lsp_hover.h"
#include "lsp/lsp_check.h"
#include "base/i18n.h"
#include "base/sbuf.h"
#include "model/typecheck.h"

#include <string.h>

/* A rule's parts as the rule declares them: "**id**", its message and
 * citation (the Danish of the framework). */
static void describe_rule(SBuf *b, Arena *a, const Block *r)
{
    const char *fw = r->top && r->top->name ? r->top->name : "";
    sb_puts(b, arena_printf(a, "**%s.%s**", fw, r->name));
    Value *sev = model_get(r, "severity");
    if (sev && sev->k == V_ENUM)
        sb_puts(b, arena_printf(a, " (%s)", sev->u.en.enm->members[sev->u.en.idx].name));
    Value *msg = model_get(r, "message");
    if (msg && msg->k == V_EXPR && msg->u.expr->kind == N_STR)
        sb_puts(b, arena_printf(a, "\n\n%s", msg->u.expr->u.str.s));
    Value *cite = model_get(r, "cite");
    if (cite && cite->k == V_STRING)
        sb_puts(b, arena_printf(a, "\n\n%s", arena_printf(a, _("cites: %s"), cite->u.s)));
}

static void describe_block(SBuf *b, Arena *a, const Block *x)
{
    if (strcmp(x->schema->name, "rule") == 0) {
        describe_rule(b, a, x);
        return;
    }
    sb_puts(b, arena_printf(a, "%s **%s**", x->schema->name, x->name ? x->name : ""));
    if (x->title)
        sb_puts(b, arena_printf(a, "\n\n%s", x->title));
}

static void describe_field(SBuf *b, Arena *a, const LspCheck *c, const Field *f, const char *written)
{
    sb_puts(b, arena_printf(a, "**%s**: %s", f->name, type_name(a, f->type)));
    if (written && strcmp(written, f->name) != 0)
        sb_puts(b, arena_printf(a, "\n\n%s", arena_printf(a, _("'%s' is another word for '%s'"), written, f->name)));
    const char *doc = lsp_field_doc(c, a, f);
    if (doc)
        sb_puts(b, arena_printf(a, "\n\n%s", doc));
}

/* The block declared by entry `e` (a top-level block or a named one). */
static Block *block_of(const LspCheck *c, const Entry *e)
{
    for (int i = 0; i < c->p->ndecls; i++)
        if (c->p->decls[i]->entry == e)
            return c->p->decls[i];
    for (int i = 0; i < c->p->nnamed; i++)
        if (c->p->named[i]->entry == e)
            return c->p->named[i];
    return NULL;
}

/* What a value of the entry at the cursor names. */
static bool describe_value(SBuf *b, Arena *a, const LspCheck *c, const LspAt *at)
{
    const Node *n = at->node;
    const Entry *e = at->entry;
    if (n->kind == N_QTY) {
        sb_puts(b, arena_printf(a, "%g %s: %s", n->u.qty.v, unit_symbol(n->u.qty.unit, n->u.qty.v),
                                unit_dim_name(unit_dim(n->u.qty.unit))));
        return true;
    }
    if (n->kind != N_PATH)
        return false;
    const PathRes *res = n->res;
    if (res && res->kind == R_BLOCK && res->block) {
        describe_block(b, a, res->block);
        return true;
    }
    if (res && res->kind == R_ENUM && res->enm && res->member >= 0 && res->member < res->enm->n) {
        const EnumMember *mem = &res->enm->members[res->member];
        sb_puts(b, arena_printf(a, "%s **%s**", res->enm->name, mem->name));
        if (mem->label)
            sb_puts(b, arena_printf(a, "\n\n%s", mem->label));
        return true;
    }
    if (res && res->nchain > 0) {
        /* A name in an expression (a rule's `require`): the field it reads. */
        const char *last = strrchr(n->u.path, '.');
        describe_field(b, a, c, res->chain[res->nchain - 1], last ? last + 1 : n->u.path);
        return true;
    }
    /* The block's own name: the first word of its header (`rule NAME {`). */
    bool header = e->is_block && at->inner && e->nvals > 0 && e->vals[0].items.n > 0 && n == e->vals[0].items.items[0];
    if (header) {
        Block *x = block_of(c, e);
        if (x) {
            describe_block(b, a, x);
            return true;
        }
    }
    Field *f = at->outer ? model_field(at->outer, e->key) : NULL;
    EnumDef *en = lsp_field_enum(f);
    int m = en ? model_enum_index(en, n->u.path) : -1;
    if (m >= 0) {
        const EnumMember *mem = &en->members[m];
        sb_puts(b, arena_printf(a, "%s **%s**", en->name, mem->name));
        if (mem->label)
            sb_puts(b, arena_printf(a, "\n\n%s", mem->label));
        return true;
    }
    Schema *kind = n == e->extends ? at->inner : lsp_field_ref(f);
    Block *x = lsp_check_lookup(c, kind, n->u.path);
    if (!x && kind)
        x = lsp_check_lookup(c, NULL, n->u.path);
    if (x) {
        describe_block(b, a, x);
        return true;
    }
    return false;
}

void lsp_hover(JsonW *w, LspDoc *doc, size_t off)
{
    LspCheck *c = doc->check;
    LspAt at;
    lsp_check_at(c, off, &at);
    Arena *a = arena_new();
    SBuf b = sb_new(a);
    Span range = span_none();
    if (at.entry && off >= at.entry->key_span.first_off && off <= at.entry->key_span.last_off) {
        range = at.entry->key_span;
        if (at.outer) {
            Field *f = model_field(at.outer, at.entry->key);
            if (f)
                describe_field(&b, a, c, f, at.entry->key);
        } else if (at.inner) {
            sb_puts(&b, arena_printf(a, "**%s**", at.inner->name));
        }
    } else if (at.entry && at.node && describe_value(&b, a, c, &at)) {
        range = at.node->span;
    }
    if (b.n == 0) {
        jw_null(w);
    } else {
        jw_open(w, '{');
        jw_key(w, "contents");
        jw_open(w, '{');
        jw_kstr(w, "kind", "markdown");
        jw_kstr(w, "value", sb_str(&b));
        jw_close(w, '}');
        jw_key(w, "range");
        lsp_jw_range(w, doc->text, doc->len, range.first_off, range.last_off);
        jw_close(w, '}');
    }
    arena_free(a);
}
