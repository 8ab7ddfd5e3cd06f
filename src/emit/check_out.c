/* check_out.c — the check report as text and as streamed JSON. */
#include "emit/check_out.h"
#include "emit/jdoc.h"
#include "engine/fix.h"
#include "base/esc.h"
#include "base/sbuf.h"
#include "emit/jsonw.h"
#include "emit/render.h"
#include "emit/words.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- text */

const char *check_summary(Arena *a, const CourseReport *r)
{
    /* "summary: 2 errors, 1 warning, 0 advice failed; 3 unknown": each
     * count a phrase with its own plural, the line one sentence. */
    const char *errors = arena_printf(a, P_("%d error", "%d errors", (unsigned long)r->failed[SEV_ERROR]),
                                      r->failed[SEV_ERROR]);
    const char *warnings = arena_printf(a, P_("%d warning", "%d warnings", (unsigned long)r->failed[SEV_WARNING]),
                                        r->failed[SEV_WARNING]);
    const char *advice = arena_printf(a, P_("%d advice failed", "%d advice failed", (unsigned long)r->failed[SEV_ADVICE]),
                                      r->failed[SEV_ADVICE]);
    const char *unknown = arena_printf(a, P_("%d unknown", "%d unknown", (unsigned long)r->unknown), r->unknown);
    /* TRANSLATORS: the last line of a check: errors, warnings, failed advice; results that cannot be decided */
    const char *line = arena_printf(a, _("summary: %s, %s, %s; %s"), errors, warnings, advice, unknown);
    /* An error-level rule that cannot be judged is not a pass: said apart. */
    if (r->unknown_by[SEV_ERROR] > 0)
        line = arena_printf(a, "%s%s", line,
                            arena_printf(a, P_("; %d error-level rule could not be judged",
                                               "; %d error-level rules could not be judged",
                                               (unsigned long)r->unknown_by[SEV_ERROR]),
                                         r->unknown_by[SEV_ERROR]));
    return line;
}

/* s padded with spaces to w columns, as words_put_left writes it. */
static const char *padded(Arena *a, const char *s, int w)
{
    SBuf b = sb_new(a);
    sb_puts(&b, s);
    for (int k = words_width(s); k < w; k++)
        sb_put(&b, " ", 1);
    return sb_str(&b);
}

/* `indent` spaces, s and a line end: one line under a result. */
static void put_under(SBuf *b, int indent, const char *s)
{
    for (int k = 0; k < indent; k++)
        sb_put(b, " ", 1);
    sb_puts(b, s);
    sb_put(b, "\n", 1);
}

void check_text(FILE *out, const CourseReport *r, SourceSet *ss, bool color)
{
    Arena *a = arena_new();
    const char *bold = words_paint(PAINT_HEADING, color), *reset = words_paint(PAINT_RESET, color);
    /* The course's report built in one buffer and written at once, as the
     * brief report's lines are (check_brief.c): an fprintf for every piece
     * of a result's line, and a status and a severity padded a character
     * at a time, were most of what writing a course cost. */
    SBuf b = sb_new(a);
    /* Every value from the course file through esc_text: a control
     * character in a title or message must not reach the terminal. */
    const char *title = esc_text(a, r->course->title);
    sb_puts(&b, bold);
    if (title)
        sb_puts(&b, arena_printf(a, _("course %s \"%s\""), esc_text(a, r->course->name), title));
    else
        sb_puts(&b, arena_printf(a, _("course %s"), esc_text(a, r->course->name)));
    sb_puts(&b, reset);
    sb_put(&b, "\n", 1);
    /* The status and severity columns as wide as their widest words, in
     * the language in use; the lines under a result start after them. The
     * words padded once a course, not for every result. */
    int sw = words_status_width(), vw = words_severity_width() + 1, indent = 4 + sw + 1 + vw + 1;
    const char *status[ST_NA + 1], *severity[SEV_ADVICE + 1];
    for (int k = 0; k <= ST_NA; k++)
        status[k] = padded(a, words_status((RuleStatus)k), sw);
    for (int k = 0; k <= SEV_ADVICE; k++)
        severity[k] = padded(a, words_severity((Severity)k), vw);
    /* Places in the course's file, and in the rules' files: each counted
     * from the one before in its file. */
    PlaceCursor course_at = {0}, rule_at = {0};
    sb_put(&b, "  ", 2);
    render_place_put_near(&b, ss, r->course->name_span, &course_at);
    sb_put(&b, "\n", 1);
    for (int f = 0; f < r->nframeworks; f++) {
        const Block *fw = r->frameworks[f];
        /* Written a framework at a time, the buffer used again: it stays
         * as large as one framework's results, not the whole course's. */
        fwrite(b.s, 1, b.n, out);
        b.n = 0;
        sb_put(&b, "\n  ", 3);
        sb_puts(&b, bold);
        sb_puts(&b, esc_text(a, fw->name));
        sb_puts(&b, reset);
        sb_put(&b, "  ", 2);
        sb_puts(&b, esc_text(a, fw->title ? fw->title : ""));
        sb_put(&b, "\n", 1);
        for (int i = 0; i < r->n; i++) {
            const RuleResult *x = &r->results[i];
            if (x->framework != fw)
                continue;
            sb_put(&b, "    ", 4);
            sb_puts(&b, words_paint(words_status_paint(x->status, x->severity), color));
            sb_puts(&b, (size_t)x->status <= ST_NA ? status[x->status] : padded(a, words_status(x->status), sw));
            sb_puts(&b, reset);
            sb_put(&b, " ", 1);
            sb_puts(&b, (size_t)x->severity <= SEV_ADVICE ? severity[x->severity]
                                                          : padded(a, words_severity(x->severity), vw));
            sb_put(&b, " ", 1);
            /* A rule's id and its own message escaped once per program. */
            const char *id = rules_id_shown(x);
            sb_puts(&b, id ? id : esc_text(a, x->id));
            sb_put(&b, "\n", 1);
            if (x->status == ST_FAIL || x->status == ST_UNKNOWN) {
                const char *shown = rules_message_shown(x);
                put_under(&b, indent, shown ? shown : esc_text(a, x->message));
                put_under(&b, indent, arena_printf(a, _("cites: %s"), esc_text(a, x->cite)));
                for (int k = 0; k < x->nexplain; k++)
                    put_under(&b, indent, esc_text(a, x->explain[k]));
                SBuf where = sb_new(a), rule = sb_new(a);
                render_place_put_near(&where, ss, x->where, &course_at);
                render_place_put_near(&rule, ss, x->rule->name_span, &rule_at);
                put_under(&b, indent, arena_printf(a, _("at %s; rule at %s"), sb_str(&where), sb_str(&rule)));
                for (int k = 0; r->nfixes && k < r->nfixes[i]; k++)
                    /* TRANSLATORS: a verified suggestion under a failed rule: "fix: set theory.weeks to 13" */
                    put_under(&b, indent, arena_printf(a, _("fix: %s"), esc_text(a, r->fixes[i][k].title)));
            }
        }
    }
    sb_put(&b, "\n  ", 3);
    sb_puts(&b, check_summary(a, r));
    sb_put(&b, "\n\n", 2);
    fwrite(b.s, 1, b.n, out);
    arena_free(a);
}

void check_coverage_text(FILE *out, const Coverage *cv)
{
    if (cv->nrows == 0)
        return;
    Arena *a = arena_new();
    const char *goals = arena_printf(a, P_("%d goal", "%d goals", (unsigned long)cv->nrows), cv->nrows);
    const char *blocks = arena_printf(a, P_("%d block", "%d blocks", (unsigned long)cv->ncolumns), cv->ncolumns);
    fputs("  ", out);
    /* TRANSLATORS: the coverage table's heading: "coverage: 12 goals x 5 blocks" */
    fprintf(out, _("coverage: %s x %s"), goals, blocks);
    fputc('\n', out);
    arena_free(a);
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
            fprintf(out, "  %s", _("not covered"));
            uncovered++;
        }
        fputc('\n', out);
    }
    fputs("    ", out);
    fprintf(out, P_("%d of %d goal covered", "%d of %d goals covered", (unsigned long)cv->nrows), cv->nrows - uncovered,
            cv->nrows);
    fputs("\n\n", out);
}

void check_no_course_text(FILE *out, const char *file)
{
    Arena *a = arena_new();
    fprintf(out, _("%s: no errors; the file declares no course"), esc_text(a, file));
    fputc('\n', out);
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

/* A result's fix suggestions: each with its title, the rules it would make
 * fail, and its edits (1-based lines and columns, columns in characters). */
static void fixes_json(JsonW *w, const Fix *fx, int n)
{
    jw_open(w, '[');
    for (int k = 0; k < n; k++) {
        const Fix *f = &fx[k];
        jw_open(w, '{');
        jw_kstr(w, "title", f->title);
        jw_key(w, "newly_failing");
        jw_strs(w, (const char *const *)f->newly_failing, f->nnewly);
        jw_key(w, "edits");
        jw_open(w, '[');
        for (int e = 0; e < f->nedits; e++) {
            const FixEdit *x = &f->edits[e];
            jw_open(w, '{');
            jw_kstr(w, "file", x->file);
            jw_kint(w, "line", x->line);
            jw_kint(w, "column", x->column);
            jw_kint(w, "end_line", x->end_line);
            jw_kint(w, "end_column", x->end_column);
            jw_kstr(w, "text", x->text);
            jw_close(w, '}');
        }
        jw_close(w, ']');
        jw_close(w, '}');
    }
    jw_close(w, ']');
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
        jw_strs(w, (const char *const *)x->explain, x->nexplain);
        jw_key(w, "fixes");
        fixes_json(w, r->nfixes ? r->fixes[i] : NULL, r->nfixes ? r->nfixes[i] : 0);
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

CheckJson *check_json_part(void)
{
    CheckJson *cj = calloc(1, sizeof *cj);
    if (!cj)
        arena_oom();
    cj->doc = jdoc_part();
    return cj;
}

void check_json_take(CheckJson *into, CheckJson *part)
{
    jdoc_take(into->doc, part->doc);
}

bool check_json_end(CheckJson *cj)
{
    bool ok = jdoc_end(cj->doc);
    free(cj);
    return ok;
}
