/* lsp_edit.c — formatting and code actions (lsp_edit.h). */
#include "lsp/lsp_edit.h"
#include "lsp/lsp_check.h"
#include "base/i18n.h"
#include "engine/fix.h"
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

/* A quickfix code action up to its edits: `{"title", "kind",
 * ["isPreferred",] "edit": {"changes": {URI: [` — the caller writes the
 * text edits, action_end closes it. */
static void action_begin(JsonW *w, const LspDoc *doc, const char *title, bool preferred)
{
    jw_open(w, '{');
    jw_kstr(w, "title", title);
    jw_kstr(w, "kind", "quickfix");
    if (preferred) {
        jw_key(w, "isPreferred");
        jw_bool(w, true);
    }
    jw_key(w, "edit");
    jw_open(w, '{');
    jw_key(w, "changes");
    jw_open(w, '{');
    jw_key(w, doc->uri);
    jw_open(w, '[');
}

static void action_end(JsonW *w)
{
    jw_close(w, ']');
    jw_close(w, '}');
    jw_close(w, '}');
    jw_close(w, '}');
}

static void replace_action(JsonW *w, const LspDoc *doc, const Diag *g)
{
    const char *text = g->suggest;
    Arena *a = arena_new();
    action_begin(w, doc, arena_printf(a, _("Replace with '%s'"), text), true);
    arena_free(a);
    text_edit(w, doc, g->span.first_off, g->span.last_off, text);
    action_end(w);
}

/* Fix suggestions (issue 19, engine/fix.h) for every rule that failed, or
 * could not be judged, at an entry the range [a, b] touches: each a
 * "quickfix" whose WorkspaceEdit is the fix's edits, titled with the fix's
 * own sentence ("set theory.weeks to 13"). Each suggestion costs
 * compilations of the document, so only the rules under the cursor are
 * asked; the first clean one is the preferred action. */
static void fix_actions(JsonW *w, const LspDoc *doc, size_t a, size_t b)
{
    LspCheck *c = doc->check;
    const Source *main = lsp_check_main(c);
    if (!main)
        return;
    Arena *ar = arena_new();
    bool preferred = false;
    for (int k = 0; k < c->nreps; k++) {
        const CourseReport *rep = &c->reps[k];
        for (int i = 0; i < rep->n; i++) {
            const RuleResult *r = &rep->results[i];
            if (r->status != ST_FAIL && r->status != ST_UNKNOWN)
                continue;
            if (r->where.file != c->p->main_file || r->where.last_off < a || r->where.first_off > b)
                continue;
            Fix *fixes;
            int n = fix_suggest(c->p, &c->ss, &c->co, rep, r, ar, &fixes);
            for (int f = 0; f < n; f++) {
                const Fix *x = &fixes[f];
                bool first_clean = !preferred && x->nnewly == 0;
                preferred = preferred || first_clean;
                action_begin(w, doc, x->title, first_clean);
                for (int e = 0; e < x->nedits; e++)
                    text_edit(w, doc, x->edits[e].off, x->edits[e].end_off, x->edits[e].text);
                action_end(w);
            }
        }
    }
    arena_free(ar);
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
