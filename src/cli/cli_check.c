/* cli_check.c — `ramme check FILE...`: every course of every file judged
 * against its frameworks; the report (emit/check_out.h) as text or JSON, as
 * an HTML page (emit/check_html.h) or one line a finding
 * (emit/check_brief.h), with the coverage table on request, then the
 * diagnostics. */
#include "cli/cli.h"
#include "model/batch.h"
#include "engine/coverage.h"
#include "emit/check_brief.h"
#include "emit/check_html.h"
#include "emit/check_out.h"
#include "emit/render.h"
#include "engine/rules.h"

#include <stdio.h>

/* ramme check FILE...: each file is its own compilation. */
int cli_check(Options *o)
{
    if (o->nargs == 0)
        return cli_bad_usage(_("%s needs at least one FILE"), "check");
    if (o->format != FMT_TEXT && o->format != FMT_JSON && o->format != FMT_HTML && o->format != FMT_BRIEF)
        return cli_bad_usage(_("check writes text, json, brief or html, not %s"), o->format == FMT_CSV ? "csv" : "ics");
    int status = EXIT_PASS;
    bool json = o->format == FMT_JSON, html = o->format == FMT_HTML, brief = o->format == FMT_BRIEF;
    if (html)
        check_html_begin(stdout);
    /* JSON is written course by course: a batch of 100,000 courses never
     * sits in memory as one document. */
    CheckJson *cj = json ? check_json_begin(stdout) : NULL;
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
            if (rep.failed[SEV_ERROR] || (o->strict && (rep.failed[SEV_WARNING] || rep.unknown_by[SEV_ERROR])))
                if (status == EXIT_PASS)
                    status = EXIT_RULES;
            Coverage cv;
            if (o->coverage)
                cov_build(p, &rep, a, &cv);
            if (json) {
                check_json_course(cj, &rep, ss, o->args[i], o->coverage ? &cv : NULL);
            } else if (html) {
                check_html_course(stdout, &rep, ss, o->coverage ? &cv : NULL);
            } else if (brief) {
                check_brief_course(stdout, &rep, ss, o->color_out);
            } else {
                check_text(stdout, &rep, ss, o->color_out);
                if (o->coverage)
                    check_coverage_text(stdout, &cv);
            }
        }
        batch_end(&it);
        if (n == 0 && !d->errors && html)
            check_html_no_course(stdout, o->args[i]);
        else if (n == 0 && !d->errors && !json && !brief)
            check_no_course_text(stdout, o->args[i]);
        /* Diagnostics after the file's reports, in source order. */
        diag_sort(d);
        if (d->errors)
            status = EXIT_INPUT;
        if (json) {
            check_json_diags(cj, d, ss);
        } else if (brief) {
            /* On stdout after the file's findings, one line each: the log
             * has every finding in one stream and one shape. */
            render_diags_brief(stdout, d, ss, o->color_out);
        } else {
            /* HTML: the page lists them after the file's courses, and
             * stderr has them as text as well, for whoever ran it. */
            if (html)
                check_html_diags(stdout, o->args[i], d, ss);
            if (d->n)
                fflush(stdout);
            render_diags_text(stderr, d, ss, o->color);
        }
        cli_close(&s);
    }
    /* A failed write leaves stdout in error: cli_finish_stdout reports it. */
    if (json)
        (void)check_json_end(cj);
    if (html)
        (void)check_html_end(stdout);
    return status;
}
