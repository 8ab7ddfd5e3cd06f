/* cli_admit.c — `ramme admit FILE --applicants FILE`: applicants screened
 * against the course's admission rules; ids and reasons only. */
#include "cli/cli.h"
#include "apps/admit.h"
#include "model/compile.h"
#include "emit/admit_out.h"
#include "emit/render.h"

#include <stdio.h>

/* Applicant files larger than this are refused (hardening). */
#define ADMIT_MAX_BYTES (64u * 1024 * 1024)

/* ramme admit FILE --applicants FILE [--course NAME] [--format text|json|csv|html]
 * The report (emit/admit_out.h) has applicant ids and reasons only, unless
 * --show-fields is given; the CSV (--format csv) and the page (--format
 * html) have them only, always. */
int cli_admit(Options *o)
{
    if (o->nargs != 1)
        return cli_bad_usage(_("admit takes one course FILE and --applicants FILE"), NULL);
    if (!o->applicants)
        return cli_bad_usage(_("admit needs --applicants FILE (a CSV or JSON file of applicants)"), NULL);
    if (o->format == FMT_ICS)
        return cli_bad_usage(_("admit writes text, json, csv or html, not %s"), "ics");
    /* The committee's spreadsheet is sent on: it never carries health data. */
    if (o->format == FMT_CSV && o->show_fields)
        return cli_bad_usage(_("the CSV for the committee never holds field values; leave out --show-fields"), NULL);
    /* Nor does the page: it is printed and passed round. */
    if (o->format == FMT_HTML && o->show_fields)
        return cli_bad_usage(_("the HTML page never holds field values; leave out --show-fields"), NULL);
    CliSession s;
    cli_open(&s, o, o->args[0], NULL);
    SourceSet *ss = &s.ss;
    Diags *d = &s.d;
    Program *p = s.p;
    Arena *a = arena_new();
    Block *course = NULL;
    AdmitReport rep;
    bool screened = false;
    if (!d->errors) {
        Block **all;
        int n = compile_main_decls(p, "course", &all);
        if (o->course) {
            course = cli_pick_named(d, o->args[0], _("no course named '%s' in this file"), all, n, o->course);
        } else {
            /* The course with an admission block, when there is one. */
            int with = 0;
            for (int i = 0; i < n; i++)
                if (model_get(all[i], "admission")) {
                    course = all[i];
                    with++;
                }
            if (with == 0 && n == 1)
                course = all[0];
            if (n == 0)
                diag_error_file(d, o->args[0], "%s", _("the file declares no course"));
            else if (with > 1) {
                course = NULL;
                char *names = "";
                for (int i = 0; i < n; i++)
                    if (model_get(all[i], "admission"))
                        names = arena_printf(a, "%s%s%s", names, names[0] ? ", " : "", all[i]->name);
                diag_error_file(d, o->args[0],
                                P_("the file declares %d course with admission rules: %s",
                                   "the file declares %d courses with admission rules: %s", (unsigned long)with),
                                with, names);
                diag_help(d, "%s", _("choose one with --course NAME"));
            } else if (!course) {
                diag_error_file(d, o->args[0], "%s", _("no course in the file has an admission block"));
            }
        }
        Table t;
        if (course && table_read(o->applicants, ss, a, d, ADMIT_MAX_BYTES, &t) && !d->errors)
            screened = admit_screen(p, course, &t, o->show_fields, a, d, &rep);
    }
    int status = EXIT_PASS;
    diag_sort(d);
    if (d->errors || !screened)
        status = EXIT_INPUT;
    if (o->format == FMT_JSON) {
        /* A failed write leaves stdout in error: cli_finish_stdout reports it. */
        (void)admit_json(stdout, status == EXIT_PASS ? &rep : NULL, o->show_fields, d, ss);
    } else {
        render_diags_text(stderr, d, ss, o->color);
        /* A failed write leaves stdout in error: cli_finish_stdout reports it. */
        if (status == EXIT_PASS && o->format == FMT_CSV)
            (void)admit_csv(stdout, &rep);
        else if (status == EXIT_PASS && o->format == FMT_HTML)
            (void)admit_html(stdout, &rep);
        else if (status == EXIT_PASS)
            admit_text(stdout, &rep, o->color_out);
    }
    arena_free(a);
    cli_close(&s);
    return status;
}
