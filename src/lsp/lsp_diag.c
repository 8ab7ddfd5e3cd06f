/* lsp_diag.c — publishDiagnostics (lsp_diag.h). */
#include "lsp/lsp_diag.h"
#include "lsp/lsp_check.h"
#include "base/i18n.h"
#include "base/sbuf.h"
#include "emit/words.h"

#include <stdlib.h>
#include <string.h>

/* LSP's DiagnosticSeverity. */
enum { LSP_ERROR = 1, LSP_WARNING = 2, LSP_INFORMATION = 3 };

void lsp_jw_location(JsonW *w, const LspDoc *doc, Span sp)
{
    const LspCheck *c = doc->check;
    jw_open(w, '{');
    if (c && src_has_place(&c->ss, sp) && sp.file != c->p->main_file) {
        const Source *s = c->ss.files[sp.file];
        char *uri = lsp_path_to_uri(s->path);
        jw_kstr(w, "uri", uri);
        free(uri);
        jw_key(w, "range");
        lsp_jw_range(w, s->text, s->len, sp.first_off, sp.last_off);
    } else {
        jw_kstr(w, "uri", doc->uri);
        jw_key(w, "range");
        bool here = c && src_has_place(&c->ss, sp);
        lsp_jw_range(w, doc->text, doc->len, here ? sp.first_off : 0, here ? sp.last_off : 0);
    }
    jw_close(w, '}');
}

/* The range in the document a diagnostic at `sp` is shown at: its own when
 * it lies in the document; in a file the document imports (directly or
 * through others), the document's import that brought it in; else the
 * start. Its own place goes to the related information. */
static void shown_range(JsonW *w, const LspDoc *doc, Span sp)
{
    const LspCheck *c = doc->check;
    /* Each file names the import that loaded it; a chain is at most as
     * long as there are files. */
    for (int hops = 0; src_has_place(&c->ss, sp) && sp.file != c->p->main_file && hops < c->ss.n; hops++)
        sp = c->ss.files[sp.file]->imported_at;
    bool here = src_has_place(&c->ss, sp) && sp.file == c->p->main_file;
    lsp_jw_range(w, doc->text, doc->len, here ? sp.first_off : 0, here ? sp.last_off : 0);
}

static bool in_doc(const LspDoc *doc, Span sp)
{
    return src_has_place(&doc->check->ss, sp) && sp.file == doc->check->p->main_file;
}

static void one_diag(JsonW *w, const LspDoc *doc, const Diag *g, Arena *a)
{
    static const int sev[] = {[DIAG_ERROR] = LSP_ERROR, [DIAG_WARNING] = LSP_WARNING, [DIAG_NOTE] = LSP_INFORMATION};
    SBuf m = sb_new(a);
    sb_puts(&m, g->msg);
    for (int k = 0; k < g->nnotes; k++) {
        if (src_has_place(&doc->check->ss, g->notes[k].span))
            continue;
        sb_puts(&m, "\n");
        sb_puts(&m, words_diag(DIAG_NOTE));
        sb_puts(&m, ": ");
        sb_puts(&m, g->notes[k].msg);
    }
    if (g->help) {
        sb_puts(&m, "\n");
        sb_puts(&m, words_help());
        sb_puts(&m, ": ");
        sb_puts(&m, g->help);
    }
    jw_open(w, '{');
    jw_key(w, "range");
    shown_range(w, doc, g->span);
    jw_kint(w, "severity", sev[g->severity]);
    jw_kstr(w, "source", "ramme");
    jw_kstr(w, "message", sb_str(&m));
    bool related = !in_doc(doc, g->span) && src_has_place(&doc->check->ss, g->span);
    for (int k = 0; k < g->nnotes; k++)
        related = related || src_has_place(&doc->check->ss, g->notes[k].span);
    if (related) {
        jw_key(w, "relatedInformation");
        jw_open(w, '[');
        if (!in_doc(doc, g->span) && src_has_place(&doc->check->ss, g->span)) {
            jw_open(w, '{');
            jw_key(w, "location");
            lsp_jw_location(w, doc, g->span);
            jw_kstr(w, "message", g->msg);
            jw_close(w, '}');
        }
        for (int k = 0; k < g->nnotes; k++) {
            if (!src_has_place(&doc->check->ss, g->notes[k].span))
                continue;
            jw_open(w, '{');
            jw_key(w, "location");
            lsp_jw_location(w, doc, g->notes[k].span);
            jw_kstr(w, "message", g->notes[k].msg);
            jw_close(w, '}');
        }
        jw_close(w, ']');
    }
    if (g->suggest && in_doc(doc, g->span)) {
        /* What the code action writes over the range (lsp_edit.c). */
        jw_key(w, "data");
        jw_open(w, '{');
        jw_kstr(w, "replace", g->suggest);
        jw_close(w, '}');
    }
    jw_close(w, '}');
}

/* A failed rule, as a warning: its message, what decided it, its
 * citation, as check writes them; at the course's entry that decided it,
 * or at the course's name when that entry lies in another file (the base
 * it extends). A rule that could not be judged (a value it reads is not
 * given), as information, its message after the word "unknown" as the
 * brief report writes it. */
static void one_rule(JsonW *w, const LspDoc *doc, const CourseReport *rep, const RuleResult *r, Arena *a)
{
    SBuf m = sb_new(a);
    if (r->status == ST_UNKNOWN) {
        sb_puts(&m, words_status(ST_UNKNOWN));
        sb_puts(&m, ": ");
    }
    sb_puts(&m, r->message ? r->message : "");
    for (int k = 0; k < r->nexplain; k++) {
        sb_puts(&m, "\n");
        sb_puts(&m, r->explain[k]);
    }
    if (r->cite) {
        sb_puts(&m, "\n");
        sb_puts(&m, arena_printf(a, _("cites: %s"), r->cite));
    }
    Span at = in_doc(doc, r->where) ? r->where : rep->course->name_span;
    jw_open(w, '{');
    jw_key(w, "range");
    shown_range(w, doc, at);
    jw_kint(w, "severity", r->status == ST_UNKNOWN ? LSP_INFORMATION : LSP_WARNING);
    jw_kstr(w, "code", r->id);
    jw_kstr(w, "source", "ramme");
    jw_kstr(w, "message", sb_str(&m));
    if (!in_doc(doc, r->where) && src_has_place(&doc->check->ss, r->where)) {
        jw_key(w, "relatedInformation");
        jw_open(w, '[');
        jw_open(w, '{');
        jw_key(w, "location");
        lsp_jw_location(w, doc, r->where);
        jw_kstr(w, "message", _("the entry that decided it"));
        jw_close(w, '}');
        jw_close(w, ']');
    }
    jw_close(w, '}');
}

void lsp_diag_write(JsonW *w, const LspDoc *doc)
{
    const LspCheck *c = doc->check;
    Arena *a = arena_new();
    jw_open(w, '{');
    jw_kstr(w, "uri", doc->uri);
    jw_kint(w, "version", doc->version);
    jw_key(w, "diagnostics");
    jw_open(w, '[');
    for (int i = 0; c && i < c->d.n; i++)
        one_diag(w, doc, &c->d.items[i], a);
    for (int i = 0; c && i < c->nreps; i++)
        for (int k = 0; k < c->reps[i].n; k++)
            if (c->reps[i].results[k].status == ST_FAIL || c->reps[i].results[k].status == ST_UNKNOWN)
                one_rule(w, doc, &c->reps[i], &c->reps[i].results[k], a);
    jw_close(w, ']');
    jw_close(w, '}');
    arena_free(a);
}
