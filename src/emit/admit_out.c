/* admit_out.c — the admission screening as text and as JSON. */
#include "emit/admit_out.h"
#include "base/esc.h"
#include "emit/jsonw.h"
#include "emit/render.h"
#include "emit/words.h"

#include <string.h>

/* Characters in a UTF-8 string, for aligning columns. */
static int chars_of(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

void admit_text(FILE *out, const AdmitReport *rep, bool color)
{
    Arena *a = arena_new();
    const char *bold = words_paint(PAINT_HEADING, color), *reset = words_paint(PAINT_RESET, color);
    /* Ids, reasons and values through esc_text: an id holding ESC and a
     * line break must not forge lines of the report. */
    const char *title = esc_text(a, rep->course->title);
    fprintf(out, "%sadmission screening: course %s%s%s%s%s\n", bold, esc_text(a, rep->course->name),
            title ? " \"" : "", title ? title : "", title ? "\"" : "", reset);
    int w = 2;
    for (int i = 0; i < rep->n; i++)
        if (chars_of(esc_text(a, rep->rows[i].id)) > w)
            w = chars_of(esc_text(a, rep->rows[i].id));
    fputc('\n', out);
    for (int i = 0; i < rep->n; i++) {
        const ApplicantResult *r = &rep->rows[i];
        /* One reason a line, under each other after the status. */
        int indent = 2 + w + 2 + 10 + 2;
        const char *id = esc_text(a, r->id), *st = words_admit(r->status);
        fprintf(out, "  %s%*s  %s", id, w - chars_of(id), "", st);
        int line = 0;
        for (int k = 0; k < r->nfailed; k++, line++) {
            if (line == 0)
                fprintf(out, "%*s", 12 - (int)strlen(st), "");
            else
                fprintf(out, "\n%*s", indent, "");
            fputs(esc_text(a, r->failed[k]), out);
        }
        if (r->nmissing) {
            if (line == 0)
                fprintf(out, "%*s", 12 - (int)strlen(st), "");
            else
                fprintf(out, "\n%*s", indent, "");
            fputs("missing: ", out);
            for (int k = 0; k < r->nmissing; k++)
                fprintf(out, "%s%s", k ? ", " : "", esc_text(a, r->missing[k]));
            line++;
        }
        /* Only when nothing failed outright: then a near miss decides. */
        for (int k = 0; !r->nfailed && k < r->nnear; k++, line++) {
            if (line == 0)
                fprintf(out, "%*s", 12 - (int)strlen(st), "");
            else
                fprintf(out, "\n%*s", indent, "");
            fprintf(out, "near miss: %s", esc_text(a, r->near[k]));
        }
        fputc('\n', out);
        for (int k = 0; k < r->nshown; k++)
            fprintf(out, "%*s%s = %s\n", w + 16, "", esc_text(a, r->shown[k]), esc_text(a, r->shown_values[k]));
    }
    fprintf(out, "\n  %d eligible, %d ineligible, %d to review", rep->counts[AD_ELIGIBLE], rep->counts[AD_INELIGIBLE],
            rep->counts[AD_REVIEW]);
    if (rep->has_seats)
        fprintf(out, "; %lld seat%s", (long long)rep->seats, rep->seats == 1 ? "" : "s");
    fputc('\n', out);
    if (rep->has_seats && rep->counts[AD_ELIGIBLE] > rep->seats)
        fputs("  more eligible applicants than seats: the committee chooses\n", out);
    if (rep->nassess) {
        fputs("\n  for the committee to judge (ramme does not decide these):\n", out);
        for (int k = 0; k < rep->nassess; k++)
            fprintf(out, "    - %s\n", esc_text(a, rep->assess[k]));
    }
    arena_free(a);
}

static void strings(JsonW *w, const char **s, int n)
{
    jw_open(w, '[');
    for (int k = 0; k < n; k++)
        jw_str(w, s[k]);
    jw_close(w, ']');
}

static void report_members(JsonW *w, const AdmitReport *rep, bool show_fields)
{
    jw_kstr(w, "course", rep->course->name);
    jw_key(w, "seats");
    if (rep->has_seats)
        jw_int(w, rep->seats);
    else
        jw_null(w);
    jw_key(w, "applicants");
    jw_open(w, '[');
    for (int i = 0; i < rep->n; i++) {
        const ApplicantResult *r = &rep->rows[i];
        jw_open(w, '{');
        jw_kstr(w, "id", r->id);
        jw_kstr(w, "status", words_admit_id(r->status));
        jw_key(w, "failed");
        strings(w, r->failed, r->nfailed);
        jw_key(w, "missing");
        strings(w, r->missing, r->nmissing);
        jw_key(w, "near");
        strings(w, r->near, r->nfailed ? 0 : r->nnear);
        if (show_fields) {
            /* Field names are the schema's, each once. */
            jw_key(w, "fields");
            jw_open(w, '{');
            for (int k = 0; k < r->nshown; k++)
                jw_kstr(w, r->shown[k], r->shown_values[k]);
            jw_close(w, '}');
        }
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_key(w, "assess");
    strings(w, rep->assess, rep->nassess);
    jw_key(w, "summary");
    jw_open(w, '{');
    for (int k = AD_ELIGIBLE; k <= AD_REVIEW; k++)
        jw_kint(w, words_admit_id((AdmitStatus)k), rep->counts[k]);
    jw_close(w, '}');
}

bool admit_json(FILE *out, const AdmitReport *rep, bool show_fields, const Diags *d, SourceSet *ss)
{
    JsonW *w = jw_new(out, 0);
    jw_open(w, '{');
    jw_kint(w, "version", 1);
    if (rep)
        report_members(w, rep, show_fields);
    jw_key(w, "diagnostics");
    jw_open(w, '[');
    render_diags_json(w, d, ss);
    jw_close(w, ']');
    jw_close(w, '}');
    jw_finish(w);
    return jw_free(w);
}
