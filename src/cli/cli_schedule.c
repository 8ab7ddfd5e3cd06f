/* cli_schedule.c — `ramme schedule FILE`: the plan as a table, JSON, CSV,
 * iCalendar or an HTML page, to standard output or through -o (never half
 * a file). */
#include "cli/cli.h"
#include "model/compile.h"
#include "base/esc.h"
#include "emit/plan_html.h"
#include "emit/plan_out.h"
#include "emit/render.h"
#include "emit/words.h"
#include "apps/schedule.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* ramme schedule FILE [--schedule NAME] [--format text|json|csv|ics|html] [-o OUT] */
int cli_schedule(Options *o)
{
    if (o->nargs != 1)
        return cli_bad_usage(_("schedule takes one FILE (and --schedule NAME when it declares several)"), NULL);
    CliSession s;
    cli_open(&s, o, o->args[0], NULL);
    SourceSet *ss = &s.ss;
    Diags *d = &s.d;
    Program *p = s.p;
    Arena *a = arena_new();
    Block *chosen = NULL;
    Plan pl;
    bool planned = false;
    if (!d->errors) {
        Block **all;
        int n = compile_main_decls(p, "schedule", &all);
        CliChoice ch = {_("no schedule named '%s' in this file"), _("the file declares no schedule"),
                        _("add one: schedule NAME for COURSE { start 2025-02-03; weekdays mon, wed; time 09:00..12:00 }"),
                        P_("the file declares %d schedule: %s", "the file declares %d schedules: %s", (unsigned long)n),
                        _("choose one with --schedule NAME")};
        chosen = cli_choose(d, a, o->args[0], all, n, o->schedule, &ch);
        if (chosen)
            planned = sched_plan(p, chosen, a, &pl);
        /* Refused before anything is written: a date iCalendar cannot hold. */
        if (planned && o->format == FMT_ICS && !plan_ics_check(&pl, d))
            planned = false;
    }
    int status = EXIT_PASS;
    if (d->errors || !planned) {
        /* With -o nothing is written when planning fails (never half a
         * file): the diagnostics then go to stderr as text. */
        if (o->format == FMT_JSON && o->output && strcmp(o->output, "-") != 0)
            o->format = FMT_TEXT;
        status = cli_fail_diags(o, d, ss);
    } else {
        OutFile of;
        FILE *out = stdout;
        if (o->output && strcmp(o->output, "-") != 0) {
            out = cli_outfile_open(o->output, &of);
            if (!out) {
                fprintf(stderr, "%s: %s: %s\n", esc_text(a, o->output), words_diag(DIAG_ERROR), esc_text(a, of.msg));
                status = EXIT_INPUT;
            }
        }
        if (out) {
            int rc = 0;
            switch (o->format) {
            case FMT_TEXT: plan_text(out, &pl, out == stdout && o->color_out); break;
            case FMT_JSON: rc = plan_json(out, &pl); break;
            case FMT_CSV: rc = plan_csv(out, &pl); break;
            case FMT_ICS: rc = plan_ics(out, &pl, NULL); break;
            case FMT_HTML: rc = plan_html(out, &pl); break;
            case FMT_RAMME:
            case FMT_DZN:
            case FMT_BRIEF: break; /* refused in main.c before the command runs */
            }
            /* The writers end with the write or flush that failed, so errno
             * says why; a failure with no error on the stream is not a write. */
            int e = rc != 0 && ferror(out) ? errno : 0;
            if (out != stdout) {
                /* Written to a temporary file, renamed into place only when
                 * everything went well: a failure never leaves half a file. */
                if (rc != 0) {
                    cli_outfile_abort(&of);
                    fprintf(stderr, "%s: %s: ", esc_text(a, o->output), words_diag(DIAG_ERROR));
                    if (e)
                        fprintf(stderr, _("cannot write '%s': %s"), esc_text(a, o->output), strerror(e));
                    else
                        fputs(_("could not write the output"), stderr);
                    fputc('\n', stderr);
                    status = EXIT_INPUT;
                } else if (cli_outfile_commit(&of) != 0) {
                    fprintf(stderr, "%s: %s: %s\n", esc_text(a, o->output), words_diag(DIAG_ERROR), esc_text(a, of.msg));
                    status = EXIT_INPUT;
                }
            } else if (rc != 0 && !ferror(stdout)) {
                cli_error(_("could not write the output"), NULL);
                status = EXIT_INPUT;
            } /* a failed write to stdout: cli_finish_stdout reports it */
        }
        if (status == EXIT_PASS)
            for (int i = 0; i < pl.nchecks; i++)
                if (pl.checks[i].status == ST_FAIL &&
                    (pl.checks[i].severity == SEV_ERROR || (o->strict && pl.checks[i].severity == SEV_WARNING)))
                    status = EXIT_RULES;
    }
    arena_free(a);
    cli_close(&s);
    return status;
}
