/* check_html.c — the check report as one HTML page. */
#include "emit/check_html.h"
#include "emit/check_out.h"
#include "emit/htmlw.h"
#include "emit/render.h"
#include "emit/words.h"

void check_html_begin(FILE *out)
{
    /* TRANSLATORS: the title and top heading of the HTML page of `ramme check --format html` */
    hw_page_begin(out, _("ramme check report"));
}

void check_html_result_row(FILE *out, RuleStatus status, Severity severity, const char *id, const char *message,
                           const char *cite, const char *const *explain, int nexplain, const Fix *fixes,
                           int nfixes)
{
    /* Markup by fputs: a format string is for a message (tests/e2e/po.sh). */
    fputs("<tr class=\"", out);
    fputs(words_status_id(status), out); /* the row's classes: JSON's identifiers */
    fputc(' ', out);
    fputs(words_severity_id(severity), out);
    fputs("\"><td class=\"status\">", out);
    hw_text(out, words_status(status));
    fputs("</td><td>", out);
    hw_text(out, words_severity(severity));
    fputs("</td><th scope=\"row\"><code>", out);
    hw_text(out, id);
    fputs("</code></th><td>", out);
    /* What passed or does not apply needs no explaining. */
    if (status == ST_FAIL || status == ST_UNKNOWN) {
        fputs("<p>", out);
        hw_text(out, message);
        fputs("</p>", out);
        if (cite) {
            fputs("<p>", out);
            hw_printf(out, _("cites: %s"), cite);
            fputs("</p>", out);
        }
        if (nexplain) {
            fputs("<ul>", out);
            for (int k = 0; k < nexplain; k++) {
                fputs("<li>", out);
                hw_text(out, explain[k]);
                fputs("</li>", out);
            }
            fputs("</ul>", out);
        }
        if (nfixes) {
            /* The best suggestion only: a page for a manager keeps to one
             * page a course when printed; the text and JSON have them all. */
            fputs("<p class=\"fixes\">", out);
            hw_printf(out, _("fix: %s"), fixes[0].title);
            fputs("</p>", out);
        }
    }
    fputs("</td>", out);
}

static void results_table(FILE *out, const CourseReport *r, const Block *fw, SourceSet *ss, Arena *a)
{
    fputs("<table class=\"results\">\n<thead><tr>", out);
    /* TRANSLATORS: column headings of the rule results table in the HTML check report */
    hw_th_col(out, _("Status"));
    hw_th_col(out, _("Severity"));
    hw_th_col(out, _("Rule"));
    hw_th_col(out, _("Details"));
    hw_th_col(out, _("Where"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < r->n; i++) {
        const RuleResult *x = &r->results[i];
        if (x->framework != fw)
            continue;
        check_html_result_row(out, x->status, x->severity, x->id, x->message, x->cite ? x->cite : "",
                              (const char *const *)x->explain, x->nexplain, r->nfixes ? r->fixes[i] : NULL,
                              r->nfixes ? r->nfixes[i] : 0);
        bool open = x->status == ST_FAIL || x->status == ST_UNKNOWN;
        fputs("<td>", out);
        if (open)
            hw_printf(out, _("at %s; rule at %s"), render_place_text(a, ss, x->where),
                      render_place_text(a, ss, x->rule->name_span));
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

static void coverage_table(FILE *out, const Coverage *cv)
{
    if (cv->nrows == 0)
        return;
    Arena *a = arena_new();
    const char *goals = arena_printf(a, P_("%d goal", "%d goals", (unsigned long)cv->nrows), cv->nrows);
    const char *blocks = arena_printf(a, P_("%d block", "%d blocks", (unsigned long)cv->ncolumns), cv->ncolumns);
    fputs("<h3>", out);
    hw_printf(out, _("coverage: %s x %s"), goals, blocks);
    fputs("</h3>\n<table class=\"coverage\">\n<thead><tr>", out);
    /* TRANSLATORS: column headings of the coverage matrix (goals x modules) in the HTML check report */
    hw_th_col(out, _("Goal"));
    for (int k = 0; k < cv->ncolumns; k++) {
        fputs("<th scope=\"col\"><code>", out);
        hw_text(out, cv->columns[k]->name);
        fputs("</code></th>", out);
    }
    hw_th_col(out, _("Covered by"));
    fputs("</tr></thead>\n<tbody>\n", out);
    int uncovered = 0;
    for (int i = 0; i < cv->nrows; i++) {
        const CoverageRow *row = &cv->rows[i];
        fputs("<tr><th scope=\"row\"><code>", out);
        hw_text(out, row->goal->name);
        fputs("</code>", out);
        if (row->goal->title) {
            fputs(" ", out);
            hw_text(out, row->goal->title);
        }
        fputs("</th>", out);
        for (int k = 0; k < cv->ncolumns; k++)
            fputs(row->covered[k] ? "<td>x</td>" : "<td>–</td>", out);
        if (row->ncovered) {
            fputs("<td>", out);
            fprintf(out, "%d", row->ncovered);
            fputs("</td>", out);
        } else {
            fputs("<td class=\"gap\">", out);
            hw_text(out, _("not covered"));
            fputs("</td>", out);
            uncovered++;
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n<p>", out);
    hw_printf(out, P_("%d of %d goal covered", "%d of %d goals covered", (unsigned long)cv->nrows),
              cv->nrows - uncovered, cv->nrows);
    fputs("</p>\n", out);
    arena_free(a);
}

void check_html_course(FILE *out, const CourseReport *r, SourceSet *ss, const Coverage *cv)
{
    Arena *a = arena_new();
    fputs("<section class=\"course\">\n<h2>", out);
    if (r->course->title)
        hw_printf(out, _("course %s \"%s\""), r->course->name, r->course->title);
    else
        hw_printf(out, _("course %s"), r->course->name);
    fputs("</h2>\n<p class=\"place\">", out);
    hw_text(out, render_place_text(a, ss, r->course->name_span));
    fputs("</p>\n", out);
    for (int f = 0; f < r->nframeworks; f++) {
        const Block *fw = r->frameworks[f];
        fputs("<h3><code>", out);
        hw_text(out, fw->name);
        fputs("</code>", out);
        if (fw->title) {
            fputs(" ", out);
            hw_text(out, fw->title);
        }
        fputs("</h3>\n", out);
        results_table(out, r, fw, ss, a);
    }
    fputs("<p class=\"summary\">", out);
    hw_text(out, check_summary(a, r));
    fputs("</p>\n", out);
    if (cv)
        coverage_table(out, cv);
    fputs("</section>\n", out);
    arena_free(a);
}

void check_html_no_course(FILE *out, const char *file)
{
    fputs("<p>", out);
    hw_printf(out, _("%s: no errors; the file declares no course"), file);
    fputs("</p>\n", out);
}

void check_html_diags(FILE *out, const char *file, const Diags *d, SourceSet *ss)
{
    if (d->n == 0)
        return;
    Arena *a = arena_new();
    fputs("<section class=\"diagnostics\">\n<h2>", out);
    /* TRANSLATORS: the heading over a file's errors and warnings in the HTML check report */
    hw_printf(out, _("problems in %s"), file);
    fputs("</h2>\n<table>\n<thead><tr>", out);
    hw_th_col(out, _("Severity"));
    hw_th_col(out, _("Where"));
    /* TRANSLATORS: column heading of the diagnostics table in the HTML check report */
    hw_th_col(out, _("Message"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < d->n; i++) {
        const Diag *g = &d->items[i];
        fputs("<tr><td class=\"diag ", out);
        fputs(words_diag_id(g->severity), out);
        fputs("\">", out);
        hw_text(out, words_diag(g->severity));
        fputs("</td><td>", out);
        const char *place = render_place_text(a, ss, g->span);
        hw_text(out, *place || !g->path ? place : g->path);
        fputs("</td><td><p>", out);
        hw_text(out, g->msg);
        fputs("</p>", out);
        if (g->help) {
            fputs("<p>", out);
            hw_printf(out, "%s: %s", words_help(), g->help);
            fputs("</p>", out);
        }
        if (g->nnotes) {
            fputs("<ul>", out);
            for (int k = 0; k < g->nnotes; k++) {
                const char *np = render_place_text(a, ss, g->notes[k].span);
                fputs("<li>", out);
                if (*np)
                    hw_printf(out, "%s: %s", np, g->notes[k].msg);
                else
                    hw_text(out, g->notes[k].msg);
                fputs("</li>", out);
            }
            fputs("</ul>", out);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</section>\n", out);
    arena_free(a);
}

bool check_html_end(FILE *out)
{
    return hw_page_end(out);
}
