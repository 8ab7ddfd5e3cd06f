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

/* The passes over the applicant file's rows (table_rows): none keeps a row. */
typedef struct Pass {
    AdmitScreener *scr;
    AdmitWriter *w;
    Arena *ra;    /* the rows' arena: table_rows gives it back after each */
    int id_width;
} Pass;

/* The first pass checks the rows (the reader's errors); nothing to do. */
static void check_row(void *ctx, const TableRow *row, int index)
{
    (void)ctx, (void)row, (void)index;
}

/* The text's id column is as wide as the widest id: a pass of its own. */
static void width_row(void *ctx, const TableRow *row, int index)
{
    Pass *ps = ctx;
    int w = admit_id_width(ps->ra, admit_row_id(ps->scr, row, index, ps->ra));
    if (w > ps->id_width)
        ps->id_width = w;
}

/* Screened and written, then forgotten (table_rows gives the arena back). */
static void screen_row(void *ctx, const TableRow *row, int index)
{
    Pass *ps = ctx;
    ApplicantResult res;
    admit_row(ps->scr, row, index, ps->ra, &res);
    admit_writer_row(ps->w, &res, ps->ra);
}

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
    Table t;
    Pass ps = {NULL, NULL, arena_new(), 0};
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
        /* Applicants are read, screened and written one by one, in three
         * passes over the file that keep no row (a file of any length in
         * little memory, issue 20): the rows are checked first, so that an
         * error anywhere leaves the report unwritten, as before; the text's
         * id column takes a pass of its own; then each row is screened and
         * written. (A JSON file's columns take a pass first: apps/table.h.) */
        if (course && table_open(o->applicants, ss, a, d, ADMIT_MAX_BYTES, &t) && !d->errors &&
            table_rows(&t, ss, ps.ra, d, check_row, NULL) && !d->errors)
            ps.scr = admit_begin(p, course, &t, o->show_fields, a, d, &rep);
        screened = ps.scr != NULL;
    }
    int status = EXIT_PASS;
    if (d->errors || !screened)
        status = EXIT_INPUT;
    if (status == EXIT_PASS) {
        static const AdmitFormat as[] = {[FMT_TEXT] = ADMIT_TEXT, [FMT_JSON] = ADMIT_JSON, [FMT_CSV] = ADMIT_CSV,
                                         [FMT_HTML] = ADMIT_HTML};
        AdmitFormat f = as[o->format];
        /* The rows' own errors were reported by the first pass. */
        Diags again;
        diag_init(&again);
        if (f == ADMIT_TEXT)
            (void)table_rows(&t, ss, ps.ra, &again, width_row, &ps);
        ps.w = admit_writer_begin(stdout, f, &rep, ps.id_width, o->show_fields, o->color_out);
        (void)table_rows(&t, ss, ps.ra, &again, screen_row, &ps);
        diag_free(&again);
        diag_sort(d);
        /* A failed write leaves stdout in error: cli_finish_stdout reports it. */
        (void)admit_writer_end(ps.w, &rep, d, ss);
        if (f != ADMIT_JSON)
            render_diags_text(stderr, d, ss, o->color);
    } else {
        diag_sort(d);
        if (o->format == FMT_JSON)
            (void)admit_json(stdout, NULL, o->show_fields, d, ss);
        else
            render_diags_text(stderr, d, ss, o->color);
    }
    admit_end(ps.scr);
    arena_free(ps.ra);
    arena_free(a);
    cli_close(&s);
    return status;
}
