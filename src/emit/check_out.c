/* check_out.c — the check report as text and as streamed JSON. */
#include "emit/check_out.h"
#include "emit/jdoc.h"
#include "base/esc.h"
#include "emit/jsonw.h"
#include "emit/render.h"
#include "emit/words.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- text */

void check_text(FILE *out, const CourseReport *r, SourceSet *ss, bool color)
{
    Arena *a = arena_new();
    const char *bold = words_paint(PAINT_HEADING, color), *reset = words_paint(PAINT_RESET, color);
    /* Every value from the course file through esc_text: a control
     * character in a title or message must not reach the terminal. */
    const char *title = esc_text(a, r->course->title);
    fprintf(out, "%scourse %s%s%s%s%s\n", bold, esc_text(a, r->course->name), title ? " \"" : "", title ? title : "",
            title ? "\"" : "", reset);
    fprintf(out, "  %s\n", render_place_text(a, ss, r->course->name_span));
    for (int f = 0; f < r->nframeworks; f++) {
        const Block *fw = r->frameworks[f];
        fprintf(out, "\n  %s%s%s  %s\n", bold, esc_text(a, fw->name), reset, esc_text(a, fw->title ? fw->title : ""));
        for (int i = 0; i < r->n; i++) {
            const RuleResult *x = &r->results[i];
            if (x->framework != fw)
                continue;
            const char *col = words_paint(words_status_paint(x->status, x->severity), color);
            fprintf(out, "    %s%-7s%s %-8s %s\n", col, words_status(x->status), reset, words_severity(x->severity),
                    esc_text(a, x->id));
            if (x->status == ST_FAIL || x->status == ST_UNKNOWN) {
                fprintf(out, "                     %s\n", esc_text(a, x->message));
                fprintf(out, "                     cites: %s\n", esc_text(a, x->cite));
                for (int k = 0; k < x->nexplain; k++)
                    fprintf(out, "                     %s\n", esc_text(a, x->explain[k]));
                fprintf(out, "                     at %s; rule at %s\n", render_place_text(a, ss, x->where),
                        render_place_text(a, ss, x->rule->name_span));
            }
        }
    }
    fprintf(out, "\n  summary: %d error%s, %d warning%s, %d advice failed; %d unknown", r->failed[SEV_ERROR],
            r->failed[SEV_ERROR] == 1 ? "" : "s", r->failed[SEV_WARNING], r->failed[SEV_WARNING] == 1 ? "" : "s",
            r->failed[SEV_ADVICE], r->unknown);
    /* An error-level rule that cannot be judged is not a pass: said apart. */
    if (r->unknown_by[SEV_ERROR] == 1)
        fputs("; 1 error-level rule could not be judged", out);
    else if (r->unknown_by[SEV_ERROR] > 1)
        fprintf(out, "; %d error-level rules could not be judged", r->unknown_by[SEV_ERROR]);
    fputs("\n\n", out);
    arena_free(a);
}

void check_coverage_text(FILE *out, const Coverage *cv)
{
    if (cv->nrows == 0)
        return;
    fprintf(out, "  coverage: %d goal%s x %d block%s\n", cv->nrows, cv->nrows == 1 ? "" : "s", cv->ncolumns,
            cv->ncolumns == 1 ? "" : "s");
    int w = 0;
    for (int i = 0; i < cv->nrows; i++) {
        int len = (int)strlen(cv->rows[i].goal->name);
        if (len > w)
            w = len;
    }
    fprintf(out, "    %-*s ", w, "");
    for (int k = 0; k < cv->ncolumns; k++)
        fprintf(out, " %s", cv->columns[k]->name);
    fputc('\n', out);
    int uncovered = 0;
    for (int i = 0; i < cv->nrows; i++) {
        const CoverageRow *row = &cv->rows[i];
        fprintf(out, "    %-*s ", w, row->goal->name);
        for (int k = 0; k < cv->ncolumns; k++) {
            int cw = (int)strlen(cv->columns[k]->name);
            fprintf(out, " %*s%s", cw - 1, "", row->covered[k] ? "x" : ".");
        }
        if (!row->ncovered) {
            fputs("  not covered", out);
            uncovered++;
        }
        fputc('\n', out);
    }
    fprintf(out, "    %d of %d goals covered\n\n", cv->nrows - uncovered, cv->nrows);
}

void check_no_course_text(FILE *out, const char *file)
{
    Arena *a = arena_new();
    fprintf(out, "%s: no errors; the file declares no course\n", esc_text(a, file));
    arena_free(a);
}

/* ---------------------------------------------------------------- JSON */

struct CheckJson {
    JDoc *doc;
};

CheckJson *check_json_begin(FILE *out)
{
    CheckJson *cj = calloc(1, sizeof *cj);
    if (!cj)
        arena_oom();
    cj->doc = jdoc_begin(out, "courses");
    return cj;
}

static void coverage_json(JsonW *w, const Coverage *cv)
{
    jw_open(w, '{');
    jw_key(w, "modules");
    jw_open(w, '[');
    for (int k = 0; k < cv->ncolumns; k++)
        jw_str(w, cv->columns[k]->name);
    jw_close(w, ']');
    jw_key(w, "goals");
    jw_open(w, '[');
    for (int i = 0; i < cv->nrows; i++) {
        const CoverageRow *row = &cv->rows[i];
        jw_open(w, '{');
        jw_kstr(w, "goal", row->goal->name);
        jw_kstr(w, "title", row->goal->title);
        jw_kstr(w, "framework", row->framework->name);
        jw_key(w, "covered_by");
        jw_open(w, '[');
        for (int k = 0; k < cv->ncolumns; k++)
            if (row->covered[k])
                jw_str(w, cv->columns[k]->name);
        jw_close(w, ']');
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

void check_json_course(CheckJson *cj, const CourseReport *r, SourceSet *ss, const char *file, const Coverage *cv)
{
    JsonW *w = jdoc_items(cj->doc);
    jw_open(w, '{');
    jw_kstr(w, "course", r->course->name);
    jw_kstr(w, "title", r->course->title);
    jw_kstr(w, "file", file);
    jw_key(w, "frameworks");
    jw_open(w, '[');
    for (int f = 0; f < r->nframeworks; f++)
        jw_str(w, r->frameworks[f]->name);
    jw_close(w, ']');
    jw_key(w, "results");
    jw_open(w, '[');
    for (int i = 0; i < r->n; i++) {
        const RuleResult *x = &r->results[i];
        jw_open(w, '{');
        jw_kstr(w, "rule", x->id);
        jw_kstr(w, "severity", words_severity_id(x->severity));
        jw_kstr(w, "status", words_status_id(x->status));
        jw_kstr(w, "message", x->message);
        jw_kstr(w, "cite", x->cite);
        jw_key(w, "location");
        render_place_json(w, ss, x->where);
        jw_key(w, "rule_location");
        render_place_json(w, ss, x->rule->name_span);
        jw_key(w, "explain");
        jw_open(w, '[');
        for (int k = 0; k < x->nexplain; k++)
            jw_str(w, x->explain[k]);
        jw_close(w, ']');
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_key(w, "summary");
    jw_open(w, '{');
    for (int k = SEV_ERROR; k <= SEV_ADVICE; k++)
        jw_kint(w, words_severity_id((Severity)k), r->failed[k]);
    jw_kint(w, words_status_id(ST_UNKNOWN), r->unknown);
    jw_kint(w, "unknown_error", r->unknown_by[SEV_ERROR]);
    jw_close(w, '}');
    if (cv) {
        jw_key(w, "coverage");
        coverage_json(w, cv);
    }
    jw_close(w, '}');
}

void check_json_diags(CheckJson *cj, const Diags *d, SourceSet *ss)
{
    jdoc_diags(cj->doc, d, ss);
}

bool check_json_end(CheckJson *cj)
{
    bool ok = jdoc_end(cj->doc);
    free(cj);
    return ok;
}
