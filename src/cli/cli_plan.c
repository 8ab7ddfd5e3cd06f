/* cli_plan.c — `ramme plan FILE`: schedule proposals for a plan's cohorts
 * (PLANNING.md §4) as text, JSON, an HTML page, or one proposal's sessions
 * as CSV or iCalendar, or as `schedule` declarations (--format ramme). Exit status 0
 * when a proposal exists, 1 when nothing fits, 2 on bad input. */
#include "cli/cli.h"
#include "apps/plan.h"
#include "emit/plan_dzn.h"
#include "emit/plan_out.h"
#include "emit/proposal_html.h"
#include "emit/proposal_out.h"
#include "emit/render.h"
#include "model/compile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_plan(Options *o)
{
    if (o->nargs != 1)
        return cli_bad_usage(_("plan takes one FILE (and --plan NAME when it declares several)"), NULL);
    /* Text, JSON and the page show every proposal; one is chosen only for
     * the formats that write one. */
    if (o->proposal && o->format != FMT_CSV && o->format != FMT_ICS && o->format != FMT_RAMME)
        return cli_bad_usage(_("--proposal K chooses the proposal --format csv, ics or ramme writes; %s shows them all"),
                             o->format == FMT_JSON ? "json" : o->format == FMT_HTML ? "html" : o->format == FMT_DZN ? "dzn" : "text");
    CliSession s;
    cli_open(&s, o, o->args[0], NULL);
    Diags *d = &s.d;
    Program *p = s.p;
    Arena *a = arena_new();
    PlanReport r;
    bool planned = false;
    if (!d->errors) {
        Block **all;
        int n = compile_main_decls(p, "plan", &all);
        CliChoice ch = {_("no plan named '%s' in this file"), _("the file declares no plan"),
                        _("add one: plan NAME for COURSE { window ...; weekdays ...; time ...; cohort NAME { start ... } }"),
                        P_("the file declares %d plan: %s", "the file declares %d plans: %s", (unsigned long)n),
                        _("choose one with --plan NAME")};
        Block *chosen = cli_choose(d, a, o->args[0], all, n, o->plan, &ch);
        /* a debugging aid (docs/language.md 5.10): the planner's clock as on a
         * machine that many times slower; the answer must not change */
        const char *scale = getenv("RAMME_PLAN_CLOCK_SCALE");
        PlanAsk ask = {.proposals = o->proposals, .time_limit = o->time_limit, .problem_only = o->format == FMT_DZN,
                       .clock_scale = scale ? atof(scale) : 0};
        if (chosen)
            planned = plan_run(p, chosen, &ask, a, &r);
        if (planned && o->proposal > r.nproposals && (o->format == FMT_CSV || o->format == FMT_ICS || o->format == FMT_RAMME)) {
            if (r.nproposals)
                diag_error_file(d, o->args[0], P_("--proposal %d: there is %d proposal", "--proposal %d: there are %d proposals",
                                                  (unsigned long)r.nproposals), o->proposal, r.nproposals);
            planned = false;
        }
        if (planned && o->format == FMT_ICS && r.nproposals) {
            const Proposal *k = &r.proposals[(o->proposal ? o->proposal : 1) - 1];
            for (int i = 0; i < k->ncohorts && planned; i++)
                planned = plan_ics_check(&k->cohorts[i].placed, d);
        }
    }
    int status = EXIT_PASS;
    if (d->errors || !planned) {
        status = cli_fail_diags(o, d, &s.ss);
    } else {
        const Proposal *k = r.nproposals ? &r.proposals[(o->proposal ? o->proposal : 1) - 1] : NULL;
        int rc = 0;
        switch (o->format) {
        case FMT_TEXT: proposal_text(stdout, &r, &s.ss, o->color_out); break;
        case FMT_JSON: rc = proposal_json(stdout, &r, &s.ss); break;
        case FMT_CSV: rc = k ? proposal_csv(stdout, k) : 0; break;
        case FMT_ICS: rc = k ? proposal_ics(stdout, k) : 0; break;
        case FMT_RAMME: rc = k ? proposal_ramme(stdout, &r, k) : 0; break;
        case FMT_DZN: rc = plan_dzn(stdout, &r.problem); break;
        case FMT_HTML: rc = proposal_html(stdout, &r, &s.ss); break;
        case FMT_BRIEF: break; /* refused in main.c before the command runs */
        }
        if (rc != 0 && !ferror(stdout)) {
            cli_error(_("could not write the output"), NULL);
            status = EXIT_INPUT;
        } else if (r.nproposals == 0 && o->format != FMT_DZN) {
            /* PLANNING.md §4: 0 only when a proposal exists; nothing found in
             * the time given (feasible, none yet) is no proposal either. */
            status = EXIT_RULES;
        }
        /* Warnings (the solver library missing) on the error output, after
         * the plan: stdout stays the document. */
        if (d->n) {
            fflush(stdout);
            diag_sort(d);
            render_diags_text(stderr, d, &s.ss, o->color);
        }
    }
    arena_free(a);
    cli_close(&s);
    return status;
}
