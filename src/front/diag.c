/* diag.c — the diagnostic list: dedup (each error once), cap, notes. */
#include "front/diag.h"
#include "base/arena.h"
#include "base/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_init(Diags *d)
{
    memset(d, 0, sizeof *d);
    d->max_errors = DIAG_MAX_ERRORS;
    d->max_warnings = DIAG_MAX_WARNINGS;
}

void diag_free(Diags *d)
{
    for (int i = 0; i < d->n; i++) {
        free(d->items[i].msg);
        free(d->items[i].help);
        free(d->items[i].suggest);
        free(d->items[i].path);
        for (int k = 0; k < d->items[i].nnotes; k++)
            free(d->items[i].notes[k].msg);
        free(d->items[i].notes);
    }
    free(d->items);
    diag_init(d);
}

static char *vfmt(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *p = malloc((size_t)n + 1);
    if (!p)
        arena_oom();
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

static void push_kept(Diags *d, DiagSeverity sev, Span span, char *msg);

static bool same_place(Span a, Span b)
{
    return a.file == b.file && a.first_off == b.first_off;
}

/* Adds the "too many ..." note once, when a cap is first passed. */
static void cap_note(Diags *d, bool *capped, const char *fmt, int max)
{
    if (*capped)
        return;
    *capped = true;
    char *m = malloc(256);
    if (!m)
        arena_oom();
    snprintf(m, 256, fmt, max);
    push_kept(d, DIAG_NOTE, span_none(), m);
    d->last_kept = false;
}

static void push(Diags *d, DiagSeverity sev, Span span, char *msg)
{
    d->last_kept = false;
    /* Past a cap nothing more is kept, so the scan for duplicates below never
     * covers more than the capped number of items: constant per report. */
    if (sev == DIAG_ERROR && d->errors >= d->max_errors) {
        d->errors++;
        free(msg);
        cap_note(d, &d->capped, _("too many errors; stopping after %d"), d->max_errors);
        return;
    }
    if (sev == DIAG_WARNING && d->warnings >= d->max_warnings) {
        d->warnings++;
        free(msg);
        cap_note(d, &d->capped_warnings, _("too many warnings; stopping after %d"), d->max_warnings);
        return;
    }
    /* Each error once: the same message at the same place is dropped. */
    for (int i = d->n - 1; i >= 0; i--)
        if (d->items[i].severity == sev && same_place(d->items[i].span, span) &&
            strcmp(d->items[i].msg, msg) == 0) {
            free(msg);
            return;
        }
    if (sev == DIAG_ERROR)
        d->errors++;
    else if (sev == DIAG_WARNING)
        d->warnings++;
    push_kept(d, sev, span, msg);
}

static void push_kept(Diags *d, DiagSeverity sev, Span span, char *msg)
{
    d->items = heap_push(d->items, &d->cap, d->n, sizeof *d->items);
    Diag *g = &d->items[d->n++];
    memset(g, 0, sizeof *g);
    g->severity = sev;
    g->span = span;
    g->msg = msg;
    d->last_kept = true;
}

void diag_error(Diags *d, Span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    push(d, DIAG_ERROR, span, vfmt(fmt, ap));
    va_end(ap);
}

void diag_error_file(Diags *d, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    push(d, DIAG_ERROR, span_none(), vfmt(fmt, ap));
    va_end(ap);
    if (d->last_kept) {
        d->items[d->n - 1].path = strdup(path);
        if (!d->items[d->n - 1].path)
            arena_oom();
    }
}

void diag_warning(Diags *d, Span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    push(d, DIAG_WARNING, span, vfmt(fmt, ap));
    va_end(ap);
}

void diag_note(Diags *d, Span span, const char *fmt, ...)
{
    if (!d->last_kept)
        return;
    Diag *g = &d->items[d->n - 1];
    DiagNote *notes = g->notes = heap_push(g->notes, &g->capnotes, g->nnotes, sizeof *g->notes);
    va_list ap;
    va_start(ap, fmt);
    notes[g->nnotes].span = span;
    notes[g->nnotes].msg = vfmt(fmt, ap);
    va_end(ap);
    g->nnotes++;
}

void diag_help(Diags *d, const char *fmt, ...)
{
    if (!d->last_kept)
        return;
    Diag *g = &d->items[d->n - 1];
    free(g->help);
    va_list ap;
    va_start(ap, fmt);
    g->help = vfmt(fmt, ap);
    va_end(ap);
}

void diag_suggest(Diags *d, const char *name)
{
    diag_suggest_as(d, name, name);
}

void diag_suggest_as(Diags *d, const char *name, const char *replace)
{
    if (!d->last_kept)
        return;
    diag_help(d, _("did you mean '%s'?"), name);
    Diag *g = &d->items[d->n - 1];
    free(g->suggest);
    g->suggest = strdup(replace);
    if (!g->suggest)
        arena_oom();
}

static char *dup_or_null(const char *s)
{
    if (!s)
        return NULL;
    char *c = strdup(s);
    if (!c)
        arena_oom();
    return c;
}

void diag_append(Diags *to, const Diags *from)
{
    for (int i = 0; i < from->n; i++) {
        const Diag *g = &from->items[i];
        /* As if reported here: the same dedup and cap, and what belongs to
         * a dropped one goes with it. */
        push(to, g->severity, g->span, dup_or_null(g->msg));
        if (!to->last_kept)
            continue;
        Diag *t = &to->items[to->n - 1];
        t->help = dup_or_null(g->help);
        t->suggest = dup_or_null(g->suggest);
        t->path = dup_or_null(g->path);
        for (int k = 0; k < g->nnotes; k++) {
            t->notes = heap_push(t->notes, &t->capnotes, t->nnotes, sizeof *t->notes);
            t->notes[t->nnotes].span = g->notes[k].span;
            t->notes[t->nnotes++].msg = dup_or_null(g->notes[k].msg);
        }
    }
}

bool diag_repeats(const Diags *to, const Diags *from)
{
    for (int i = 0; i < from->n; i++)
        for (int k = 0; k < to->n; k++)
            if (from->items[i].severity == DIAG_ERROR && to->items[k].severity == DIAG_ERROR &&
                same_place(to->items[k].span, from->items[i].span) && strcmp(to->items[k].msg, from->items[i].msg) == 0)
                return true;
    return false;
}

static int cmp_diag(const void *pa, const void *pb)
{
    const Diag *a = pa, *b = pb;
    /* Place-less diagnostics (the cap line) go last. */
    if ((a->span.file < 0) != (b->span.file < 0))
        return a->span.file < 0 ? 1 : -1;
    if (a->span.file != b->span.file)
        return a->span.file - b->span.file;
    /* By offset, which orders as line and column do; a span of the file
     * alone (SRC_NO_OFF) first, as its line 0 would: +1 wraps it to 0. */
    uint32_t x = a->span.first_off + 1, y = b->span.first_off + 1;
    return x < y ? -1 : x > y;
}

void diag_sort(Diags *d)
{
    /* Insertion sort keeps it stable; lists are short (capped). */
    for (int i = 1; i < d->n; i++) {
        Diag x = d->items[i];
        int j = i - 1;
        while (j >= 0 && cmp_diag(&d->items[j], &x) > 0) {
            d->items[j + 1] = d->items[j];
            j--;
        }
        d->items[j + 1] = x;
    }
}
