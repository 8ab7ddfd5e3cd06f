/* cli_check.c — `ramme check FILE...`: every course of every file judged
 * against its frameworks; the report (emit/check_out.h) as text or JSON, or
 * as an HTML page (emit/check_html.h), with the coverage table on request,
 * then the diagnostics. */
#include "cli/cli.h"
#include "model/batch.h"
#include "engine/coverage.h"
#include "emit/check_html.h"
#include "emit/check_out.h"
#include "emit/render.h"
#include "engine/fix.h"
#include "engine/rules.h"
#include "base/esc.h"

#include <stdio.h>
#include <string.h>

/* Fixes are sought in a main file of at most FIX_MAX_BYTES, with at most
 * FIX_BUDGET compilations of it (each candidate is one), and fewer for a
 * larger file: FIX_BUDGET_BYTES of text compiled in all. A batch file of
 * thousands of failing courses is checked about as fast as without, and its
 * first courses still get suggestions. */
#define FIX_MAX_BYTES (512 * 1024)
#define FIX_BUDGET 400
#define FIX_BUDGET_BYTES (8 * 1024 * 1024)

/* How many compilations the fix suggestions of a file may spend. */
static int fix_budget(const CliSession *s)
{
    int m = s->p->main_file;
    if (m < 0 || m >= s->ss.n || s->ss.files[m]->len > FIX_MAX_BYTES)
        return 0;
    size_t len = s->ss.files[m]->len + 1;
    return FIX_BUDGET_BYTES / len < FIX_BUDGET ? (int)(FIX_BUDGET_BYTES / len) : FIX_BUDGET;
}

/* check --fix on one file: the first suggestion of every failed
 * error-level rule of every course, applied together and written back
 * atomically (the whole new file or nothing), each change named on stderr.
 * A file nothing fixes is left byte for byte as it was. */
static void fix_file(Options *o, const char *file)
{
    CliSession s;
    cli_open(&s, o, file, "course");
    CompileOptions co = {o->include, o->ninclude, 0, 0};
    Program *p = s.p;
    int budget = fix_budget(&s);
    Arena *keep = arena_new(); /* the chosen fixes outlive each course's arena */
    const Fix **chosen = NULL;
    const char **rule_of = NULL;
    int nchosen = 0, unfixed = 0;
    BatchIter it;
    batch_begin(&it, p);
    for (Block *c; (c = batch_next(&it)) != NULL;) {
        if (!it.clean)
            continue;
        CourseReport rep;
        rules_check(p, c, it.arena, &rep);
        if (!rep.failed[SEV_ERROR])
            continue;
        fix_course(p, &s.ss, &co, &rep, it.arena, &budget);
        for (int i = 0; i < rep.n; i++) {
            const RuleResult *r = &rep.results[i];
            if (r->status != ST_FAIL || r->severity != SEV_ERROR)
                continue;
            if (!rep.nfixes[i]) {
                unfixed++;
                continue;
            }
            /* Copied out of the course's arena: the title and edits. */
            Fix *f = arena_alloc(keep, sizeof *f);
            *f = rep.fixes[i][0];
            f->title = arena_strdup(keep, f->title);
            f->edits = arena_array(keep, (size_t)f->nedits + 1, sizeof *f->edits);
            memcpy(f->edits, rep.fixes[i][0].edits, (size_t)f->nedits * sizeof *f->edits);
            for (int k = 0; k < f->nedits; k++)
                f->edits[k].text = arena_strdup(keep, f->edits[k].text);
            /* One that overlaps a fix already chosen waits for the next run. */
            const Source *src = s.ss.files[p->main_file];
            chosen = arena_push(keep, chosen, (size_t)nchosen, sizeof *chosen);
            chosen[nchosen] = f;
            if (!fix_apply_all(keep, src->text, src->len, chosen, nchosen + 1)) {
                unfixed++;
                continue;
            }
            rule_of = arena_push(keep, rule_of, (size_t)nchosen, sizeof *rule_of);
            rule_of[nchosen++] = arena_strdup(keep, r->id);
        }
    }
    batch_end(&it);
    const Source *src = p->main_file >= 0 ? s.ss.files[p->main_file] : NULL;
    char *text = src && nchosen ? fix_apply_all(keep, src->text, src->len, chosen, nchosen) : NULL;
    if (text) {
        /* The fixes together must still give a file that compiles. */
        SourceSet ss2;
        Diags d2;
        src_init(&ss2);
        diag_init(&d2);
        compile_free(compile_text(src->path, text, &co, &ss2, &d2));
        bool ok = !d2.errors;
        diag_free(&d2);
        src_free(&ss2);
        OutFile of;
        FILE *f = ok ? cli_outfile_open(file, &of) : NULL;
        if (!ok) {
            cli_error(_("the fixes for %s together do not compile; the file is unchanged"), file);
        } else if (!f) {
            cli_error("%s", of.msg);
        } else if (fputs(text, f) < 0) {
            cli_outfile_abort(&of);
            cli_error(_("cannot write '%s'; the file is unchanged"), file);
        } else if (cli_outfile_commit(&of) != 0) {
            cli_error("%s", of.msg);
        } else {
            /* in the file's order */
            for (int i = 1; i < nchosen; i++)
                for (int j = i; j > 0 && chosen[j - 1]->edits[0].off > chosen[j]->edits[0].off; j--) {
                    const Fix *t = chosen[j];
                    const char *id = rule_of[j];
                    chosen[j] = chosen[j - 1], rule_of[j] = rule_of[j - 1];
                    chosen[j - 1] = t, rule_of[j - 1] = id;
                }
            for (int i = 0; i < nchosen; i++) {
                const FixEdit *e = &chosen[i]->edits[0];
                fprintf(stderr, "%s:%d:%d: ", esc_text(keep, file), e->line, e->column);
                /* TRANSLATORS: check --fix names each change it made: the rule, the fix */
                fprintf(stderr, _("fixed %s: %s"), esc_text(keep, rule_of[i]), esc_text(keep, chosen[i]->title));
                fputc('\n', stderr);
            }
        }
    }
    if (unfixed)
        cli_warning(P_("%s: one failed error rule has no fix that could be applied",
                       "%s: some failed error rules have no fix that could be applied", (unsigned long)unfixed),
                    file);
    arena_free(keep);
    cli_close(&s);
}

/* ramme check FILE...: each file is its own compilation. */
int cli_check(Options *o)
{
    if (o->nargs == 0)
        return cli_bad_usage(_("%s needs at least one FILE"), "check");
    if (o->format != FMT_TEXT && o->format != FMT_JSON && o->format != FMT_HTML)
        return cli_bad_usage(_("check writes text, json or html, not %s"), o->format == FMT_CSV ? "csv" : "ics");
    int status = EXIT_PASS;
    bool json = o->format == FMT_JSON, html = o->format == FMT_HTML;
    if (html)
        check_html_begin(stdout);
    /* JSON is written course by course: a batch of 100,000 courses never
     * sits in memory as one document. */
    CheckJson *cj = json ? check_json_begin(stdout) : NULL;
    for (int i = 0; i < o->nargs; i++) {
        if (o->fix)
            fix_file(o, o->args[i]);
        /* Course by course: a batch file of 100,000 courses is never held
         * whole (batch.h). A course with errors is not judged. */
        CliSession s;
        cli_open(&s, o, o->args[i], "course");
        SourceSet *ss = &s.ss;
        Diags *d = &s.d;
        Program *p = s.p;
        CompileOptions co = {o->include, o->ninclude, 0, 0};
        int budget = fix_budget(&s);
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
            if (rep.failed[SEV_ERROR] || rep.failed[SEV_WARNING] || rep.failed[SEV_ADVICE] || rep.unknown)
                fix_course(p, ss, &co, &rep, a, &budget);
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
            } else {
                check_text(stdout, &rep, ss, o->color_out);
                if (o->coverage)
                    check_coverage_text(stdout, &cv);
            }
        }
        batch_end(&it);
        if (n == 0 && !d->errors && html)
            check_html_no_course(stdout, o->args[i]);
        else if (n == 0 && !d->errors && !json)
            check_no_course_text(stdout, o->args[i]);
        /* Diagnostics after the file's reports, in source order. */
        diag_sort(d);
        if (d->errors)
            status = EXIT_INPUT;
        if (json) {
            check_json_diags(cj, d, ss);
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
