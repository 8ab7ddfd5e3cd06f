/* cli_admit.c — `ramme admit FILE --applicants FILE`: applicants screened
 * against the course's admission rules; ids and reasons only. */
#include "cli/cli.h"
#include "apps/admit.h"
#include "model/compile.h"
#include "base/esc.h"
#include "emit/jsonw.h"
#include "emit/render.h"
#include "emit/words.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Characters in a UTF-8 string, for aligning columns. */
static int chars_of(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Applicant files larger than this are refused (hardening). */
#define ADMIT_MAX_BYTES (64u * 1024 * 1024)

/* ramme admit FILE --applicants FILE [--course NAME] [--format text|json]
 * Prints applicant ids and reasons only, unless --show-fields is given. */
int cli_admit(Options *o)
{
    if (o->nargs != 1)
        return cli_bad_usage("admit takes one course FILE and --applicants FILE%s", "");
    if (!o->applicants)
        return cli_bad_usage("admit needs --applicants FILE (a CSV or JSON file of applicants)%s", "");
    if (o->format != FMT_TEXT && o->format != FMT_JSON)
        return cli_bad_usage("admit writes text or json, not %s", o->format == FMT_CSV ? "csv" : "ics");
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
            course = cli_pick_named(d, o->args[0], "course", all, n, o->course);
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
                diag_error_file(d, o->args[0], "the file declares no course");
            else if (with > 1) {
                course = NULL;
                char *names = "";
                for (int i = 0; i < n; i++)
                    if (model_get(all[i], "admission"))
                        names = arena_printf(a, "%s%s%s", names, names[0] ? ", " : "", all[i]->name);
                diag_error_file(d, o->args[0], "the file declares %d courses with admission rules: %s", with, names);
                diag_help(d, "choose one with --course NAME");
            } else if (!course) {
                diag_error_file(d, o->args[0], "no course in the file has an admission block");
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
        json_t *root = json_object();
        json_object_set_new(root, "version", json_integer(1));
        if (status == EXIT_PASS) {
            json_object_set_new(root, "course", jw_string(rep.course->name));
            json_object_set_new(root, "seats", rep.has_seats ? json_integer(rep.seats) : json_null());
            json_t *apps = json_array();
            for (int i = 0; i < rep.n; i++) {
                const ApplicantResult *r = &rep.rows[i];
                json_t *j = json_object(), *f = json_array(), *m = json_array();
                json_object_set_new(j, "id", jw_string(r->id));
                json_object_set_new(j, "status", jw_string(words_admit_id(r->status)));
                for (int k = 0; k < r->nfailed; k++)
                    json_array_append_new(f, jw_string(r->failed[k]));
                for (int k = 0; k < r->nmissing; k++)
                    json_array_append_new(m, jw_string(r->missing[k]));
                json_object_set_new(j, "failed", f);
                json_object_set_new(j, "missing", m);
                if (o->show_fields) {
                    json_t *sf = json_object();
                    for (int k = 0; k < r->nshown; k++)
                        json_object_set_new(sf, esc_utf8(a, r->shown[k]), jw_string(r->shown_values[k]));
                    json_object_set_new(j, "fields", sf);
                }
                json_array_append_new(apps, j);
            }
            json_object_set_new(root, "applicants", apps);
            json_t *as = json_array();
            for (int k = 0; k < rep.nassess; k++)
                json_array_append_new(as, jw_string(rep.assess[k]));
            json_object_set_new(root, "assess", as);
            json_t *sum = json_object();
            for (int k = 0; k < 3; k++)
                json_object_set_new(sum, words_admit_id((AdmitStatus)k), json_integer(rep.counts[k]));
            json_object_set_new(root, "summary", sum);
        }
        json_object_set_new(root, "diagnostics", render_diags_tree(d, ss));
        json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', stdout);
        json_decref(root);
    } else {
        render_diags_text(stderr, d, ss, o->color);
        if (status == EXIT_PASS) {
            const char *bold = words_paint(PAINT_HEADING, o->color_out), *reset = words_paint(PAINT_RESET, o->color_out);
            /* Ids, reasons and values through esc_text: an id holding ESC
             * and a line break must not forge lines of the report. */
            const char *title = esc_text(a, rep.course->title);
            printf("%sadmission screening: course %s%s%s%s%s\n", bold, esc_text(a, rep.course->name), title ? " \"" : "",
                   title ? title : "", title ? "\"" : "", reset);
            int w = 2;
            for (int i = 0; i < rep.n; i++)
                if (chars_of(esc_text(a, rep.rows[i].id)) > w)
                    w = chars_of(esc_text(a, rep.rows[i].id));
            printf("\n");
            for (int i = 0; i < rep.n; i++) {
                const ApplicantResult *r = &rep.rows[i];
                /* One reason a line, under each other after the status. */
                int indent = 2 + w + 2 + 10 + 2;
                const char *id = esc_text(a, r->id);
                printf("  %s%*s  %s", id, w - chars_of(id), "", words_admit(r->status));
                int line = 0;
                for (int k = 0; k < r->nfailed; k++, line++) {
                    if (line == 0)
                        printf("%*s", 12 - (int)strlen(words_admit(r->status)), "");
                    else
                        printf("\n%*s", indent, "");
                    printf("%s", esc_text(a, r->failed[k]));
                }
                if (r->nmissing) {
                    if (line == 0)
                        printf("%*s", 12 - (int)strlen(words_admit(r->status)), "");
                    else
                        printf("\n%*s", indent, "");
                    printf("missing: ");
                    for (int k = 0; k < r->nmissing; k++)
                        printf("%s%s", k ? ", " : "", esc_text(a, r->missing[k]));
                }
                printf("\n");
                for (int k = 0; k < r->nshown; k++)
                    printf("%*s%s = %s\n", w + 16, "", esc_text(a, r->shown[k]), esc_text(a, r->shown_values[k]));
            }
            printf("\n  %d eligible, %d ineligible, %d to review", rep.counts[AD_ELIGIBLE], rep.counts[AD_INELIGIBLE],
                   rep.counts[AD_REVIEW]);
            if (rep.has_seats)
                printf("; %lld seat%s", (long long)rep.seats, rep.seats == 1 ? "" : "s");
            printf("\n");
            if (rep.has_seats && rep.counts[AD_ELIGIBLE] > rep.seats)
                printf("  more eligible applicants than seats: the committee chooses\n");
            if (rep.nassess) {
                printf("\n  for the committee to judge (ramme does not decide these):\n");
                for (int k = 0; k < rep.nassess; k++)
                    printf("    - %s\n", esc_text(a, rep.assess[k]));
            }
        }
    }
    arena_free(a);
    cli_close(&s);
    return status;
}
