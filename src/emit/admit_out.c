/* admit_out.c — the admission screening as text, JSON, CSV and HTML. */
#include "emit/admit_out.h"
#include "base/esc.h"
#include "base/i18n.h"
#include "emit/csvw.h"
#include "emit/htmlw.h"
#include "emit/jsonw.h"
#include "emit/render.h"
#include "emit/words.h"

#include <stdlib.h>
#include <string.h>

/* Display columns of a UTF-8 string, for aligning columns. */
#define chars_of words_width

/* The writer of one report, a row at a time (admit_out.h). */
struct AdmitWriter {
    FILE *out;
    AdmitFormat format;
    bool color, show_fields;
    int w, sw;    /* text: the id and status columns */
    CsvW csv;
    JsonW *json;
};

int admit_id_width(Arena *a, const char *id)
{
    return chars_of(esc_text(a, id));
}

static void text_begin(AdmitWriter *x, const AdmitReport *rep, int id_width)
{
    FILE *out = x->out;
    bool color = x->color;
    Arena *a = arena_new();
    const char *bold = words_paint(PAINT_HEADING, color), *reset = words_paint(PAINT_RESET, color);
    /* Ids, reasons and values through esc_text: an id holding ESC and a
     * line break must not forge lines of the report. */
    const char *title = esc_text(a, rep->course->title);
    fputs(bold, out);
    if (title)
        fprintf(out, _("admission screening: course %s \"%s\""), esc_text(a, rep->course->name), title);
    else
        fprintf(out, _("admission screening: course %s"), esc_text(a, rep->course->name));
    fprintf(out, "%s\n", reset);
    /* The status column: as wide as the widest admission word and a blank,
     * at least 12 (English "ineligible" and two blanks). */
    int sw = 12;
    for (int s = AD_ELIGIBLE; s <= AD_REVIEW; s++)
        if (chars_of(words_admit((AdmitStatus)s)) + 2 > sw)
            sw = chars_of(words_admit((AdmitStatus)s)) + 2;
    x->sw = sw;
    x->w = id_width > 2 ? id_width : 2;
    fputc('\n', out);
    arena_free(a);
}

static void text_row(AdmitWriter *x, const ApplicantResult *r, Arena *a)
{
    FILE *out = x->out;
    int w = x->w, sw = x->sw;
    {
        /* One reason a line, under each other after the status. */
        int indent = 2 + w + 2 + sw;
        const char *id = esc_text(a, r->id), *st = words_admit(r->status);
        fprintf(out, "  %s%*s  %s", id, w - chars_of(id), "", st);
        int line = 0;
        for (int k = 0; k < r->nfailed; k++, line++) {
            if (line == 0)
                fprintf(out, "%*s", sw - chars_of(st), "");
            else
                fprintf(out, "\n%*s", indent, "");
            fputs(esc_text(a, r->failed[k]), out);
        }
        for (int k = 0; k < r->ndoubts; k++, line++) {
            if (line == 0)
                fprintf(out, "%*s", sw - chars_of(st), "");
            else
                fprintf(out, "\n%*s", indent, "");
            /* TRANSLATORS: a `prefer` requirement the applicant fails: "som udgangspunkt" */
            fprintf(out, _("as a rule: %s"), esc_text(a, r->doubts[k]));
        }
        if (r->nmissing) {
            if (line == 0)
                fprintf(out, "%*s", sw - chars_of(st), "");
            else
                fprintf(out, "\n%*s", indent, "");
            const char *list = "";
            for (int k = 0; k < r->nmissing; k++)
                list = arena_printf(a, "%s%s%s", list, k ? ", " : "", esc_text(a, r->missing[k]));
            /* TRANSLATORS: the applicant's fields the screening needs and the file lacks */
            fprintf(out, _("missing: %s"), list);
            line++;
        }
        /* Only when nothing failed outright: then a near miss decides. */
        for (int k = 0; !r->nfailed && k < r->nnear; k++, line++) {
            if (line == 0)
                fprintf(out, "%*s", sw - chars_of(st), "");
            else
                fprintf(out, "\n%*s", indent, "");
            /* TRANSLATORS: a text requirement the applicant's value nearly matches */
            fprintf(out, _("near miss: %s"), esc_text(a, r->near[k]));
        }
        fputc('\n', out);
        for (int k = 0; k < r->nshown; k++)
            fprintf(out, "%*s%s = %s\n", w + 4 + sw, "", esc_text(a, r->shown[k]), esc_text(a, r->shown_values[k]));
    }
}

static void text_end(AdmitWriter *x, const AdmitReport *rep)
{
    FILE *out = x->out;
    Arena *a = arena_new();
    fputs("\n  ", out);
    /* TRANSLATORS: the screening's counts: eligible, ineligible, to review */
    fprintf(out, _("%d eligible, %d ineligible, %d to review"), rep->counts[AD_ELIGIBLE], rep->counts[AD_INELIGIBLE],
            rep->counts[AD_REVIEW]);
    if (rep->has_seats) {
        fputs("; ", out);
        fprintf(out, P_("%lld seat", "%lld seats", (unsigned long)rep->seats), (long long)rep->seats);
    }
    fputc('\n', out);
    if (rep->has_seats && rep->counts[AD_ELIGIBLE] > rep->seats)
        fprintf(out, "  %s\n", _("more eligible applicants than seats: the committee chooses"));
    if (rep->nassess) {
        fprintf(out, "\n  %s\n", _("for the committee to judge (ramme does not decide these):"));
        for (int k = 0; k < rep->nassess; k++)
            fprintf(out, "    - %s\n", esc_text(a, rep->assess[k]));
    }
    arena_free(a);
}

/* Reasons joined into one cell: a spreadsheet row per applicant sorts and
 * filters; a line break inside a cell would not. */
static void csv_list(CsvW *w, Arena *a, const char **items, int n)
{
    const char *cell = "";
    for (int k = 0; k < n; k++)
        cell = arena_printf(a, "%s%s%s", cell, k ? " | " : "", items[k]);
    csvw_field(w, cell);
}

static void csv_begin(AdmitWriter *x)
{
    static const char *head[] = {NC_("CSV heading", "id"),      NC_("CSV heading", "status"),
                                 NC_("CSV heading", "failed"),  NC_("CSV heading", "missing"),
                                 NC_("CSV heading", "as_a_rule"), NC_("CSV heading", "near_miss")};
    CsvW *w = &x->csv;
    csvw_begin(w, x->out);
    for (size_t i = 0; i < sizeof head / sizeof *head; i++)
        csvw_field(w, i18n_ctr("CSV heading", head[i]));
    csvw_end_row(w);
}

static void csv_row(AdmitWriter *x, const ApplicantResult *r, Arena *a)
{
    CsvW *w = &x->csv;
    if (w->failed)
        return;
    csvw_field(w, r->id);
    csvw_field(w, words_admit(r->status));
    csv_list(w, a, r->failed, r->nfailed);
    csv_list(w, a, r->missing, r->nmissing);
    csv_list(w, a, r->doubts, r->ndoubts);
    /* As in the other reports: near misses count only when nothing failed outright. */
    csv_list(w, a, r->near, r->nfailed ? 0 : r->nnear);
    csvw_end_row(w);
}

static void js_begin(AdmitWriter *x, const AdmitReport *rep)
{
    JsonW *w = x->json = jw_new(x->out, 0);
    jw_open(w, '{');
    jw_kint(w, "version", 1);
    jw_kstr(w, "course", rep->course->name);
    jw_key(w, "seats");
    if (rep->has_seats)
        jw_int(w, rep->seats);
    else
        jw_null(w);
    jw_key(w, "applicants");
    jw_open(w, '[');
}

static void js_row(AdmitWriter *x, const ApplicantResult *r)
{
    JsonW *w = x->json;
    bool show_fields = x->show_fields;
    {
        jw_open(w, '{');
        jw_kstr(w, "id", r->id);
        jw_kstr(w, "status", words_admit_id(r->status));
        jw_key(w, "failed");
        jw_strs(w, r->failed, r->nfailed);
        jw_key(w, "missing");
        jw_strs(w, r->missing, r->nmissing);
        if (r->ndoubts) {
            jw_key(w, "as_a_rule");
            jw_strs(w, r->doubts, r->ndoubts);
        }
        jw_key(w, "near");
        jw_strs(w, r->near, r->nfailed ? 0 : r->nnear);
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
}

/* The document's end, from the applicants' array on; `rep` NULL: the
 * document of a screening that did not run (version and diagnostics). */
static bool js_end(JsonW *w, const AdmitReport *rep, const Diags *d, SourceSet *ss)
{
    if (rep) {
        jw_close(w, ']');
        jw_key(w, "assess");
        jw_strs(w, rep->assess, rep->nassess);
        jw_key(w, "summary");
        jw_open(w, '{');
        for (int k = AD_ELIGIBLE; k <= AD_REVIEW; k++)
            jw_kint(w, words_admit_id((AdmitStatus)k), rep->counts[k]);
        jw_close(w, '}');
    }
    jw_key(w, "diagnostics");
    jw_open(w, '[');
    render_diags_json(w, d, ss);
    jw_close(w, ']');
    jw_close(w, '}');
    jw_finish(w);
    return jw_free(w);
}

/* A cell of reasons: empty, one reason as text, several as a list. */
static void html_reasons(FILE *out, const char *const *items, int n)
{
    fputs("<td>", out);
    if (n == 1) {
        hw_text(out, items[0]);
    } else if (n > 1) {
        fputs("<ul>", out);
        for (int k = 0; k < n; k++) {
            fputs("<li>", out);
            hw_text(out, items[k]);
            fputs("</li>", out);
        }
        fputs("</ul>", out);
    }
    fputs("</td>", out);
}

static void html_begin(FILE *out, const AdmitReport *rep)
{
    /* TRANSLATORS: the title and top heading of the HTML page of `ramme admit --format html` */
    hw_page_begin(out, _("ramme admission report"));
    fputs("<section class=\"course\">\n<h2>", out);
    if (rep->course->title)
        hw_printf(out, _("admission screening: course %s \"%s\""), rep->course->name, rep->course->title);
    else
        hw_printf(out, _("admission screening: course %s"), rep->course->name);
    fputs("</h2>\n<table class=\"applicants\">\n<thead><tr>", out);
    /* TRANSLATORS: column headings of the applicants table in the HTML admission report; "As a rule" holds the
     * failed `prefer` requirements ("som udgangspunkt") */
    hw_th_col(out, _("Applicant"));
    hw_th_col(out, _("Status"));
    hw_th_col(out, _("Failed requirements"));
    hw_th_col(out, _("Missing fields"));
    hw_th_col(out, _("As a rule"));
    hw_th_col(out, _("Near misses"));
    fputs("</tr></thead>\n<tbody>\n", out);
}

/* Ids, statuses and reasons only: never a field value, whatever was asked
 * (cli_admit refuses --show-fields with html). */
static void html_row(FILE *out, const ApplicantResult *r)
{
    {
        fputs("<tr class=\"", out);
        fputs(words_admit_id(r->status), out); /* the row's class: JSON's identifier */
        fputs("\"><th scope=\"row\">", out);
        hw_text(out, r->id);
        fputs("</th><td class=\"status\">", out);
        hw_text(out, words_admit(r->status));
        fputs("</td>", out);
        html_reasons(out, r->failed, r->nfailed);
        html_reasons(out, r->missing, r->nmissing);
        html_reasons(out, r->doubts, r->ndoubts);
        /* As in the other reports: near misses count only when nothing failed outright. */
        html_reasons(out, r->near, r->nfailed ? 0 : r->nnear);
        fputs("</tr>\n", out);
    }
}

static bool html_end(FILE *out, const AdmitReport *rep)
{
    fputs("</tbody>\n</table>\n<p class=\"summary\">", out);
    hw_printf(out, _("%d eligible, %d ineligible, %d to review"), rep->counts[AD_ELIGIBLE], rep->counts[AD_INELIGIBLE],
              rep->counts[AD_REVIEW]);
    if (rep->has_seats) {
        fputs("; ", out);
        hw_printf(out, P_("%lld seat", "%lld seats", (unsigned long)rep->seats), (long long)rep->seats);
    }
    fputs("</p>\n", out);
    if (rep->has_seats && rep->counts[AD_ELIGIBLE] > rep->seats) {
        fputs("<p>", out);
        hw_text(out, _("more eligible applicants than seats: the committee chooses"));
        fputs("</p>\n", out);
    }
    if (rep->nassess) {
        fputs("<h3>", out);
        /* TRANSLATORS: the heading over the admission points only the committee can judge (`assess`) */
        hw_text(out, _("For the committee to judge"));
        fputs("</h3>\n<p>", out);
        hw_text(out, _("ramme does not decide these."));
        fputs("</p>\n<ul class=\"assess\">\n", out);
        for (int k = 0; k < rep->nassess; k++) {
            fputs("<li>", out);
            hw_text(out, rep->assess[k]);
            fputs("</li>\n", out);
        }
        fputs("</ul>\n", out);
    }
    fputs("</section>\n", out);
    return hw_page_end(out);
}

/* ---------------------------------------------------------------- the writer */

AdmitWriter *admit_writer_begin(FILE *out, AdmitFormat f, const AdmitReport *rep, int id_width, bool show_fields,
                                bool color)
{
    AdmitWriter *x = calloc(1, sizeof *x);
    if (!x)
        arena_oom();
    x->out = out;
    x->format = f;
    x->show_fields = show_fields;
    x->color = color;
    switch (f) {
    case ADMIT_TEXT: text_begin(x, rep, id_width); break;
    case ADMIT_JSON: js_begin(x, rep); break;
    case ADMIT_CSV: csv_begin(x); break;
    case ADMIT_HTML: html_begin(out, rep); break;
    }
    return x;
}

void admit_writer_row(AdmitWriter *x, const ApplicantResult *r, Arena *a)
{
    switch (x->format) {
    case ADMIT_TEXT: text_row(x, r, a); break;
    case ADMIT_JSON: js_row(x, r); break;
    case ADMIT_CSV: csv_row(x, r, a); break;
    case ADMIT_HTML: html_row(x->out, r); break;
    }
}

bool admit_writer_end(AdmitWriter *x, const AdmitReport *rep, const Diags *d, SourceSet *ss)
{
    bool ok = true;
    switch (x->format) {
    case ADMIT_TEXT: text_end(x, rep); break;
    case ADMIT_JSON: ok = js_end(x->json, rep, d, ss); break;
    case ADMIT_CSV: ok = csvw_finish(&x->csv) == 0; break;
    case ADMIT_HTML: ok = html_end(x->out, rep); break;
    }
    free(x);
    return ok;
}

/* A whole report: the writer over its rows. */
static bool whole(FILE *out, AdmitFormat f, const AdmitReport *rep, bool show_fields, bool color, const Diags *d,
                  SourceSet *ss)
{
    Arena *a = arena_new();
    int w = 0;
    for (int i = 0; f == ADMIT_TEXT && i < rep->n; i++) {
        int x = admit_id_width(a, rep->rows[i].id);
        w = x > w ? x : w;
    }
    AdmitWriter *x = admit_writer_begin(out, f, rep, w, show_fields, color);
    for (int i = 0; i < rep->n; i++)
        admit_writer_row(x, &rep->rows[i], a);
    arena_free(a);
    return admit_writer_end(x, rep, d, ss);
}

void admit_text(FILE *out, const AdmitReport *rep, bool color)
{
    (void)whole(out, ADMIT_TEXT, rep, false, color, NULL, NULL);
}

int admit_csv(FILE *out, const AdmitReport *rep)
{
    return whole(out, ADMIT_CSV, rep, false, false, NULL, NULL) ? 0 : -1;
}

bool admit_html(FILE *out, const AdmitReport *rep)
{
    return whole(out, ADMIT_HTML, rep, false, false, NULL, NULL);
}

bool admit_json(FILE *out, const AdmitReport *rep, bool show_fields, const Diags *d, SourceSet *ss)
{
    if (rep)
        return whole(out, ADMIT_JSON, rep, show_fields, false, d, ss);
    JsonW *w = jw_new(out, 0);
    jw_open(w, '{');
    jw_kint(w, "version", 1);
    return js_end(w, NULL, d, ss);
}
