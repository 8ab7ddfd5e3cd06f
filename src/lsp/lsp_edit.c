/* lsp_edit.c — formatting and code actions (lsp_edit.h). */
#include "lsp/lsp_edit.h"
#include "lsp/lsp_check.h"
#include "base/i18n.h"
#include "front/fmt.h"

#include <string.h>

static void text_edit(JsonW *w, const LspDoc *doc, size_t a, size_t b, const char *text)
{
    jw_open(w, '{');
    jw_key(w, "range");
    lsp_jw_range(w, doc->text, doc->len, a, b);
    jw_key(w, "newText");
    jw_str(w, text);
    jw_close(w, '}');
}

const char *lsp_format(JsonW *w, LspDoc *doc)
{
    SourceSet ss;
    Diags d;
    src_init(&ss);
    diag_init(&d);
    Arena *a = arena_new();
    int file = src_add(&ss, doc->path, doc->text, doc->len);
    char *out = NULL;
    size_t len = 0;
    FmtStatus st = fmt_source(a, &d, &ss, file, &out, &len);
    const char *fail = NULL;
    if (st == FMT_BAD_SYNTAX) {
        fail = _("the file has syntax errors: it is formatted once it parses");
    } else if (st == FMT_FAULT) {
        fail = _("the new layout would change what the file says, so it is left as it is "
                 "(a fault in ramme fmt; please report it with the file)");
    } else {
        /* One edit, the whole text, when anything changed. */
        jw_open(w, '[');
        if (len != doc->len || memcmp(out, doc->text, len) != 0)
            text_edit(w, doc, 0, doc->len, out);
        jw_close(w, ']');
    }
    arena_free(a);
    diag_free(&d);
    src_free(&ss);
    return fail;
}

static void replace_action(JsonW *w, const LspDoc *doc, const Diag *g)
{
    const char *text = g->suggest;
    jw_open(w, '{');
    Arena *a = arena_new();
    jw_kstr(w, "title", arena_printf(a, _("Replace with '%s'"), text));
    arena_free(a);
    jw_kstr(w, "kind", "quickfix");
    jw_key(w, "isPreferred");
    jw_bool(w, true);
    jw_key(w, "edit");
    jw_open(w, '{');
    jw_key(w, "changes");
    jw_open(w, '{');
    jw_key(w, doc->uri);
    jw_open(w, '[');
    text_edit(w, doc, g->span.first_off, g->span.last_off, text);
    jw_close(w, ']');
    jw_close(w, '}');
    jw_close(w, '}');
    jw_close(w, '}');
}

/* THE PLACE FOR FIX SUGGESTIONS (issue 19, engine/fix.c): each edit the
 * fixer proposes for a rule that failed in this document becomes a code
 * action here, as replace_action makes one for a did-you-mean: a "quickfix"
 * whose WorkspaceEdit writes the fix's text over its span, titled with the
 * fix's own sentence. Nothing to add until engine/fix.h exists. */
static void fix_actions(JsonW *w, const LspDoc *doc, size_t a, size_t b)
{
    (void)w;
    (void)doc;
    (void)a;
    (void)b;
}

void lsp_code_actions(JsonW *w, LspDoc *doc, size_t a, size_t b)
{
    const LspCheck *c = doc->check;
    jw_open(w, '[');
    for (int i = 0; i < c->d.n; i++) {
        const Diag *g = &c->d.items[i];
        if (!g->suggest || g->span.file != c->p->main_file || !src_has_place(&c->ss, g->span))
            continue;
        if (g->span.last_off < a || g->span.first_off > b)
            continue;
        replace_action(w, doc, g);
    }
    fix_actions(w, doc, a, b);
    jw_close(w, ']');
}
