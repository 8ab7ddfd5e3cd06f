/* cli_check.c — `ramme check FILE...`: every course of every file judged
 * against its frameworks, as a text report or JSON (streamed), with the
 * coverage table on request, then the diagnostics. */
#include "cli/cli.h"
#include "model/batch.h"
#include "engine/coverage.h"
#include "base/esc.h"
#include "emit/jsonw.h"
#include "emit/render.h"
#include "emit/words.h"
#include "engine/rules.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *fw_title(const Block *fw)
{
    return fw->title ? fw->title : "";
}

/* The text report: framework by framework, failures first. */
static void report_text(FILE *out, const CourseReport *r, SourceSet *ss, bool color)
{
    Arena *a = arena_new();
    const char *bold = words_paint(PAINT_HEADING, color), *reset = words_paint(PAINT_RESET, color);
    /* Every value from the course file through esc_text: a control
     * character in a title or message must not reach the terminal. */
    const char *title = esc_text(a, r->course->title);
    fprintf(out, "%scourse %s%s%s%s%s\n", bold, esc_text(a, r->course->name), title ? " \"" : "", title ? title : "",
            title ? "\"" : "", reset);
    fprintf(out, "  %s\n", cli_place(a, ss, r->course->name_span));
    for (int f = 0; f < r->nframeworks; f++) {
        const Block *fw = r->frameworks[f];
        fprintf(out, "\n  %s%s%s  %s\n", bold, esc_text(a, fw->name), reset, esc_text(a, fw_title(fw)));
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
                fprintf(out, "                     at %s; rule at %s\n", cli_place(a, ss, x->where),
                        cli_place(a, ss, x->rule->name_span));
            }
        }
    }
    int nf = 0;
    for (int f = 0; f < r->nframeworks; f++)
        nf += r->frameworks[f] != NULL;
    fprintf(out, "\n  summary: %d error%s, %d warning%s, %d advice failed; %d unknown\n\n", r->failed[SEV_ERROR],
            r->failed[SEV_ERROR] == 1 ? "" : "s", r->failed[SEV_WARNING], r->failed[SEV_WARNING] == 1 ? "" : "s",
            r->failed[SEV_ADVICE], r->unknown);
    arena_free(a);
}

static void loc_write(JsonW *w, SourceSet *ss, Span sp)
{
    jw_open(w, '{');
    if (src_has_place(ss, sp)) {
        jw_key(w, "file");
        jw_str(w, ss->files[sp.file]->path);
        jw_key(w, "line");
        jw_int(w, sp.first_line);
        jw_key(w, "column");
        jw_int(w, sp.first_column);
    }
    jw_close(w, '}');
}

/* One course's report (LANGUAGE.md §7), written as it is read: a batch's
 * JSON is never built as a tree. `coverage` may be NULL. */
static void report_write(JsonW *w, const CourseReport *r, SourceSet *ss, const char *file, const json_t *coverage)
{
    jw_open(w, '{');
    jw_key(w, "course");
    jw_str(w, r->course->name);
    jw_key(w, "title");
    jw_str(w, r->course->title);
    jw_key(w, "file");
    jw_str(w, file);
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
        jw_key(w, "rule");
        jw_str(w, x->id);
        jw_key(w, "severity");
        jw_str(w, words_severity_id(x->severity));
        jw_key(w, "status");
        jw_str(w, words_status_id(x->status));
        jw_key(w, "message");
        jw_str(w, x->message);
        jw_key(w, "cite");
        jw_str(w, x->cite);
        jw_key(w, "location");
        loc_write(w, ss, x->where);
        jw_key(w, "rule_location");
        loc_write(w, ss, x->rule->name_span);
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
    jw_key(w, "error");
    jw_int(w, r->failed[SEV_ERROR]);
    jw_key(w, "warning");
    jw_int(w, r->failed[SEV_WARNING]);
    jw_key(w, "advice");
    jw_int(w, r->failed[SEV_ADVICE]);
    jw_key(w, "unknown");
    jw_int(w, r->unknown);
    jw_close(w, '}');
    if (coverage) {
        jw_key(w, "coverage");
        jw_json(w, coverage);
    }
    jw_close(w, '}');
}

static void coverage_text(FILE *out, const Coverage *cv)
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

static json_t *coverage_json(const Coverage *cv)
{
    json_t *o = json_object(), *cols = json_array(), *rows = json_array();
    for (int k = 0; k < cv->ncolumns; k++)
        json_array_append_new(cols, jw_string(cv->columns[k]->name));
    for (int i = 0; i < cv->nrows; i++) {
        json_t *r = json_object(), *by = json_array();
        json_object_set_new(r, "goal", jw_string(cv->rows[i].goal->name));
        json_object_set_new(r, "title", cv->rows[i].goal->title ? jw_string(cv->rows[i].goal->title) : json_null());
        json_object_set_new(r, "framework", jw_string(cv->rows[i].framework->name));
        for (int k = 0; k < cv->ncolumns; k++)
            if (cv->rows[i].covered[k])
                json_array_append_new(by, jw_string(cv->columns[k]->name));
        json_object_set_new(r, "covered_by", by);
        json_array_append_new(rows, r);
    }
    json_object_set_new(o, "modules", cols);
    json_object_set_new(o, "goals", rows);
    return o;
}

/* ramme diff FILE BASE VARIANT: what a local variant changes and which
 * rule results differ. Exit 1 when the variant fails an error rule. */

/* Writes `j` as jansson's indented JSON with every line shifted right by
 * `shift` spaces (the first line too when `first` is set): lets a large
 * document be written piece by piece, identical to a whole-document dump. */
static void dump_shifted(FILE *out, json_t *j, int shift, bool first)
{
    char *text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text)
        return;
    bool start = first;
    for (const char *c = text; *c; c++) {
        if (start)
            fprintf(out, "%*s", shift, "");
        fputc(*c, out);
        start = *c == '\n';
    }
    free(text);
}

/* ramme check FILE...: each file is its own compilation. */
int cli_check(Options *o)
{
    if (o->nargs == 0)
        return cli_bad_usage("%s needs at least one FILE", "check");
    if (o->format != FMT_TEXT && o->format != FMT_JSON)
        return cli_bad_usage("check writes text or json, not %s", o->format == FMT_CSV ? "csv" : "ics");
    int status = EXIT_PASS;
    /* JSON is written course by course: a batch of 100,000 courses never
     * sits in memory as one document. */
    json_t *diags = json_array();
    int ncourses = 0;
    JsonW *jw = malloc(sizeof *jw); /* its 64 KB buffer: not on the stack */
    if (!jw)
        arena_oom();
    if (o->format == FMT_JSON)
        fputs("{\n  \"version\": 1,\n  \"courses\": [", stdout);
    for (int i = 0; i < o->nargs; i++) {
        /* Course by course: a batch file of 100,000 courses is never held
         * whole (batch.h). A course with errors is not judged. */
        CliSession s;
        cli_open(&s, o, o->args[i], "course");
        SourceSet *ss = &s.ss;
        Diags *d = &s.d;
        Program *p = s.p;
        BatchIter it;
        batch_begin(&it, p);
        int n = 0;
        for (Block *c; (c = batch_next(&it)) != NULL;) {
            n++;
            if (!it.clean)
                continue;
            Arena *a = it.arena;
            CourseReport rep;
            rules_check(p, c, a, &rep);
            if (rep.failed[SEV_ERROR] || (o->strict && rep.failed[SEV_WARNING]))
                if (status == EXIT_PASS)
                    status = EXIT_RULES;
            Coverage cv;
            if (o->coverage)
                cov_build(p, &rep, a, &cv);
            if (o->format == FMT_JSON) {
                json_t *cov = o->coverage ? coverage_json(&cv) : NULL;
                fputs(ncourses++ ? ",\n    " : "\n    ", stdout);
                jw_init(jw, stdout, 4);
                report_write(jw, &rep, ss, o->args[i], cov);
                jw_flush(jw); /* a failure stays on stdout for cli_finish_stdout */
                json_decref(cov);
            } else {
                report_text(stdout, &rep, ss, o->color_out);
                if (o->coverage)
                    coverage_text(stdout, &cv);
            }
        }
        batch_end(&it);
        if (n == 0 && !d->errors && o->format == FMT_TEXT) {
            Arena *na = arena_new();
            printf("%s: no errors; the file declares no course\n", esc_text(na, o->args[i]));
            arena_free(na);
        }
        /* Diagnostics after the file's reports, in source order. */
        diag_sort(d);
        if (d->errors)
            status = EXIT_INPUT;
        if (o->format == FMT_JSON) {
            json_t *arr = render_diags_json(d, ss);
            json_array_extend(diags, arr);
            json_decref(arr);
        } else {
            if (d->n)
                fflush(stdout);
            render_diags_text(stderr, d, ss, o->color);
        }
        cli_close(&s);
    }
    if (o->format == FMT_JSON) {
        fputs(ncourses ? "\n  ],\n  \"diagnostics\": " : "],\n  \"diagnostics\": ", stdout);
        dump_shifted(stdout, diags, 2, false);
        fputs("\n}\n", stdout);
    }
    free(jw);
    json_decref(diags);
    return status;
}
