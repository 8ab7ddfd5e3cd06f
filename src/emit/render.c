/* render.c — diagnostics as text or JSON. */
#include "emit/render.h"

#include "base/esc.h"
#include "emit/jsonw.h"
#include "emit/words.h"

#include <string.h>

/* The columns a character takes as shown: a tab one (it is copied to the
 * caret line, so it lines up), an escaped control character its form's
 * length, any other character one. */
static int shown_width(const char *shown)
{
    return shown[0] == '\\' && shown[1] != '\0' ? (int)strlen(shown) : 1;
}

/* The source line and a caret/underline under the span. A long line is cut
 * to a window around the span. Each character is shown as esc_char shows
 * it: a control character escaped (a raw ESC in the file must not reach the
 * terminal), a byte that is not UTF-8 as U+FFFD, so what we print is always
 * valid text; the caret line leaves as many columns for each. Columns are
 * counted as the lexer counts them: a stray continuation byte has none. */
static void excerpt(FILE *out, SourceSet *ss, Span sp, bool color)
{
    enum { WINDOW = 120, BEFORE = 50 };
    if (!src_has_place(ss, sp) || sp.first_off == SRC_NO_OFF)
        return;
    Source *src = ss->files[sp.file];
    if (src->private_text)
        return; /* applicant files hold health data: never echo a line */
    SrcPos first = src_pos(src, sp.first_off), last = src_pos(src, sp.last_off);
    size_t len;
    const char *line = src_line_at(src, sp.first_off, &len);
    int total = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)line[i] & 0xC0) != 0x80)
            total++;
    int from = 1, to = total;
    if (total > WINDOW + 30) {
        from = first.col - BEFORE < 1 ? 1 : first.col - BEFORE;
        to = from + WINDOW - 1 < total ? from + WINDOW - 1 : total;
    }
    int n;
    if (last.line == first.line)
        n = last.col - first.col;
    else
        n = total - first.col + 1;
    if (first.col + n - 1 > to)
        n = to - first.col + 1;
    if (n < 1)
        n = 1;
    int width = fprintf(out, "%5d", first.line);
    fputs(" | ", out);
    if (from > 1)
        fputs("...", out);
    char shown[ESC_MAX];
    int col = 0;
    for (size_t i = 0; i < len;) {
        if (((unsigned char)line[i] & 0xC0) != 0x80)
            col++;
        i += esc_char(line + i, len - i, shown);
        if (col >= from && col <= to)
            fputs(shown, out);
    }
    if (to < total)
        fputs("...", out);
    fputc('\n', out);
    fprintf(out, "%*s | ", width, "");
    if (from > 1)
        fputs("   ", out);
    /* The same walk again: blanks (tabs copied) as wide as each character
     * before the span, then an underline as wide as the span's. */
    int marks = 0;
    col = 0;
    for (size_t i = 0; i < len;) {
        if (((unsigned char)line[i] & 0xC0) != 0x80)
            col++;
        i += esc_char(line + i, len - i, shown);
        if (col < from || col > to)
            continue;
        int w = shown_width(shown);
        if (col < first.col)
            for (int k = 0; k < w; k++)
                fputc(shown[0] == '\t' ? '\t' : ' ', out);
        else if (col < first.col + n)
            marks += w;
    }
    if (marks < 1)
        marks = 1;
    fputs(words_paint(PAINT_CARET, color), out);
    fputc('^', out);
    for (int k = 1; k < marks; k++)
        fputc('~', out);
    fputs(words_paint(PAINT_RESET, color), out);
    fputc('\n', out);
}

/* "file:line:column: WORD: message", every piece that comes from outside
 * (the path, the message with its quoted names and values) shown through
 * esc_text; WORD (a severity, or "help") painted with `paint`. */
static void header_word(FILE *out, Arena *a, SourceSet *ss, Span sp, const char *path, const char *word, Paint paint,
                        const char *msg, bool color)
{
    const char *bold = words_paint(PAINT_HEADING, color), *reset = words_paint(PAINT_RESET, color);
    fputs(bold, out);
    if (path && sp.file < 0) {
        fprintf(out, "%s: ", esc_text(a, path));
    } else if (src_has_place(ss, sp)) {
        const char *file = esc_text(a, src_shown(ss, sp.file));
        SrcPos at = span_first(ss, sp);
        if (at.line > 0)
            fprintf(out, "%s:%d:%d: ", file, at.line, at.col);
        else
            fprintf(out, "%s: ", file);
    } else {
        fputs("ramme: ", out); /* the program's name: never translated */
    }
    if (color)
        fprintf(out, "%s%s:%s%s ", words_paint(paint, color), word, reset, bold);
    else
        fprintf(out, "%s: ", word);
    fputs(esc_text(a, msg), out);
    fputs(reset, out);
    fputc('\n', out);
}

/* "file:line:column: severity: message". */
static void header(FILE *out, Arena *a, SourceSet *ss, Span sp, const char *path, DiagSeverity sev, const char *msg,
                   bool color)
{
    header_word(out, a, ss, sp, path, words_diag(sev), words_diag_paint(sev), msg, color);
}

void render_diags_text(FILE *out, const Diags *d, SourceSet *ss, bool color)
{
    Arena *a = arena_new();
    for (int i = 0; i < d->n; i++) {
        const Diag *g = &d->items[i];
        header(out, a, ss, g->span, g->path, g->severity, g->msg, color);
        excerpt(out, ss, g->span, color);
        if (g->help)
            fprintf(out, "      = %s%s:%s %s\n", words_paint(PAINT_HEADING, color), words_help(),
                    words_paint(PAINT_RESET, color), esc_text(a, g->help));
        for (int k = 0; k < g->nnotes; k++) {
            const DiagNote *nt = &g->notes[k];
            if (nt->span.file >= 0) {
                header(out, a, ss, nt->span, NULL, DIAG_NOTE, nt->msg, color);
                excerpt(out, ss, nt->span, color);
            } else {
                fprintf(out, "      = %s%s:%s %s\n", words_paint(PAINT_HEADING, color), words_diag(DIAG_NOTE),
                        words_paint(PAINT_RESET, color), esc_text(a, nt->msg));
            }
        }
    }
    arena_free(a);
}

void render_diags_brief(FILE *out, const Diags *d, SourceSet *ss, bool color)
{
    Arena *a = arena_new();
    for (int i = 0; i < d->n; i++) {
        const Diag *g = &d->items[i];
        header(out, a, ss, g->span, g->path, g->severity, g->msg, color);
        /* The help, and a note without a place of its own, stand at the
         * diagnostic's place (in the text report's order): every line has
         * the same shape. */
        if (g->help)
            header_word(out, a, ss, g->span, g->path, words_help(), PAINT_NOTE, g->help, color);
        for (int k = 0; k < g->nnotes; k++) {
            const DiagNote *nt = &g->notes[k];
            bool own = nt->span.file >= 0;
            header(out, a, ss, own ? nt->span : g->span, own ? NULL : g->path, DIAG_NOTE, nt->msg, color);
        }
    }
    arena_free(a);
}

void render_place_put_near(SBuf *b, SourceSet *ss, Span sp, PlaceCursor *c)
{
    if (!src_has_place(ss, sp))
        return;
    SrcPos at;
    if (c) {
        if (!c->shown || c->file != sp.file) {
            c->file = sp.file;
            c->shown = esc_text(b->a, src_shown(ss, sp.file));
        }
        at = src_pos_from(ss->files[sp.file], &c->pos, sp.first_off);
    } else {
        at = span_first(ss, sp);
    }
    sb_puts(b, c ? c->shown : esc_text(b->a, src_shown(ss, sp.file)));
    sb_put(b, ":", 1);
    sb_int(b, at.line);
    sb_put(b, ":", 1);
    sb_int(b, at.col);
}

void render_place_put(SBuf *b, SourceSet *ss, Span sp)
{
    render_place_put_near(b, ss, sp, NULL);
}

const char *render_place_text(Arena *a, SourceSet *ss, Span sp)
{
    SBuf b = sb_new(a);
    render_place_put(&b, ss, sp);
    return sb_str(&b);
}

void render_place_json(JsonW *w, SourceSet *ss, Span sp)
{
    jw_open(w, '{');
    if (src_has_place(ss, sp)) {
        SrcPos at = span_first(ss, sp);
        jw_kstr(w, "file", ss->files[sp.file]->path);
        jw_kint(w, "line", at.line);
        jw_kint(w, "column", at.col);
    }
    jw_close(w, '}');
}

/* A diagnostic's or a note's place, as members of the object being
 * written: the file, and where in it the span starts and ends. */
static void place_members(JsonW *w, SourceSet *ss, Span sp)
{
    if (src_has_place(ss, sp)) {
        jw_kstr(w, "file", ss->files[sp.file]->path);
        SrcPos first = span_first(ss, sp);
        if (first.line > 0) {
            SrcPos last = span_last(ss, sp);
            jw_kint(w, "line", first.line);
            jw_kint(w, "column", first.col);
            jw_kint(w, "end_line", last.line);
            jw_kint(w, "end_column", last.col);
        }
    }
}

void render_diags_json(JsonW *w, const Diags *d, SourceSet *ss)
{
    for (int i = 0; i < d->n; i++) {
        const Diag *g = &d->items[i];
        jw_open(w, '{');
        jw_kstr(w, "severity", words_diag_id(g->severity));
        jw_kstr(w, "message", g->msg);
        place_members(w, ss, g->span);
        if (g->path && g->span.file < 0)
            jw_kstr(w, "file", g->path);
        if (g->help)
            jw_kstr(w, "help", g->help);
        if (g->nnotes) {
            jw_key(w, "notes");
            jw_open(w, '[');
            for (int k = 0; k < g->nnotes; k++) {
                jw_open(w, '{');
                jw_kstr(w, "message", g->notes[k].msg);
                place_members(w, ss, g->notes[k].span);
                jw_close(w, '}');
            }
            jw_close(w, ']');
        }
        jw_close(w, '}');
    }
}

bool render_diags_doc(FILE *out, const Diags *d, SourceSet *ss)
{
    JsonW *w = jw_new(out, 0);
    jw_open(w, '{');
    jw_kint(w, "version", 1);
    jw_key(w, "diagnostics");
    jw_open(w, '[');
    render_diags_json(w, d, ss);
    jw_close(w, ']');
    jw_close(w, '}');
    jw_finish(w);
    return jw_free(w);
}
