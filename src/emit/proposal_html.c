/* proposal_html.c — `ramme plan`'s proposals as one HTML page. */
#include "emit/proposal_html.h"
#include "base/i18n.h"
#include "emit/htmlw.h"
#include "emit/plan_fmt.h"
#include "emit/plan_html.h"
#include "emit/proposal_fmt.h"
#include "emit/render.h"
#include "emit/words.h"

/* Markup by fputs: a format string is for a message (tests/e2e/po.sh). */

/* A heading of the page's level `level` (2 to 4). */
static void heading(FILE *out, int level, const char *text)
{
    static const char *const open[] = {"<h2>", "<h3>", "<h4>"}, *const close[] = {"</h2>\n", "</h3>\n", "</h4>\n"};
    fputs(open[level - 2], out);
    hw_text(out, text);
    fputs(close[level - 2], out);
}

static void paragraph(FILE *out, const char *cls, const char *text)
{
    fputs(cls ? "<p class=\"" : "<p>", out);
    if (cls) {
        fputs(cls, out);
        fputs("\">", out);
    }
    hw_text(out, text);
    fputs("</p>\n", out);
}

/* A cell with text; `cls` NULL or its class ("num" right-aligns a number,
 * "when" keeps a date or a time on one line). */
static void cell(FILE *out, const char *text, const char *cls)
{
    fputs(cls ? "<td class=\"" : "<td", out);
    fputs(cls ? cls : "", out);
    fputs(cls ? "\">" : ">", out);
    hw_text(out, text);
    fputs("</td>", out);
}

/* The plan and its course, the status as a word (classed by its
 * identifier for the colour, never shown by colour alone), the options
 * placed and, when the time limit stopped the search, the lower bound. */
static void header(FILE *out, Arena *a, const PlanReport *r)
{
    const Block *c = r->course;
    fputs("<section class=\"plan\">\n", out);
    if (c && c->title)
        heading(out, 2, arena_printf(a, _("plan %s for course %s \"%s\""), plan_block_name(r->plan), plan_block_name(c),
                                     c->title));
    else
        heading(out, 2, arena_printf(a, _("plan %s for course %s"), plan_block_name(r->plan), plan_block_name(c)));
    fputs("<p class=\"verdict ", out);
    fputs(words_plan_status_id(r->status), out);
    fputs("\">", out);
    /* TRANSLATORS: the label of the plan's status (optimal, feasible, infeasible) on the HTML plan page */
    hw_text(out, _("status:"));
    fputs(" <span class=\"status\">", out);
    hw_text(out, words_plan_status(r->status));
    fputs("</span></p>\n", out);
    /* The search's own figures (nodes, seconds) vary with the machine, as
     * in the text report: the page gives what the plan determines. */
    paragraph(out, NULL, proposal_fmt_options(a, r->options));
    if (r->status == PLAN_FEASIBLE)
        paragraph(out, NULL, proposal_fmt_stopped(a, r));
    fputs("</section>\n", out);
}

/* One member a line: "peer_teacher: hanne "Hanne Kjær"". */
static void team_cell(FILE *out, const PlannedCohort *c)
{
    fputs("<td>", out);
    if (c->nteam) {
        fputs("<ul class=\"team\">", out);
        for (int t = 0; t < c->nteam; t++) {
            const Block *who = c->team[t].teacher;
            fputs("<li>", out);
            hw_printf(out, "%s: %s", plan_block_name(c->team[t].role), plan_block_name(who));
            if (who && who->title)
                hw_printf(out, " \"%s\"", who->title);
            fputs("</li>", out);
        }
        fputs("</ul>", out);
    }
    fputs("</td>", out);
}

static void cohorts_table(FILE *out, Arena *a, const Proposal *p)
{
    char b1[32], b2[32];
    heading(out, 4, _("Cohorts"));
    fputs("<table class=\"cohorts\">\n<thead><tr>", out);
    /* TRANSLATORS: column headings of a proposal's cohorts in the HTML plan report */
    hw_th_col(out, _("Cohort"));
    hw_th_col(out, _("Site"));
    hw_th_col(out, _("First session"));
    hw_th_col(out, _("Last session"));
    hw_th_col(out, _("ISO weeks"));
    hw_th_col(out, _("Weekdays"));
    hw_th_col(out, _("Time"));
    hw_th_col(out, _("Team"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < p->ncohorts; i++) {
        const PlannedCohort *c = &p->cohorts[i];
        const Plan *pl = &c->placed;
        fputs("<tr><th scope=\"row\">", out);
        hw_text(out, plan_block_name(c->cohort));
        fputs("</th>", out);
        cell(out, proposal_fmt_site(c->site), NULL);
        cell(out, pl->nsessions ? plan_fmt_date(b1, sizeof b1, pl->sessions[0].date) : "", "when");
        cell(out, pl->nsessions ? plan_fmt_date(b1, sizeof b1, pl->sessions[pl->nsessions - 1].date) : "", "when");
        fputs("<td class=\"num\">", out);
        fprintf(out, "%d", pl->nweeks);
        fputs("</td>", out);
        cell(out, proposal_fmt_weekdays(a, c->weekdays), NULL);
        cell(out,
             arena_printf(a, "%s–%s", plan_fmt_time(b1, sizeof b1, c->t0), plan_fmt_time(b2, sizeof b2, c->t1)),
             "when");
        team_cell(out, c);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

static void penalties_table(FILE *out, const Proposal *p)
{
    heading(out, 4, _("Penalties"));
    if (p->npenalties == 0) {
        paragraph(out, NULL, _("none"));
        return;
    }
    fputs("<table class=\"penalties\">\n<thead><tr>", out);
    /* TRANSLATORS: column headings of a proposal's penalties in the HTML plan report: the check, the cohort
     * it judged, its weight times its amount (= the penalty), and the check's message with the values that
     * decided */
    hw_th_col(out, _("Check"));
    hw_th_col(out, _("Cohort"));
    hw_th_col(out, _("Weight × amount = penalty"));
    hw_th_col(out, _("Details"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < p->npenalties; i++) {
        const PlanPenalty *x = &p->penalties[i];
        fputs("<tr><th scope=\"row\"><code>", out);
        hw_text(out, x->check);
        fputs("</code></th>", out);
        cell(out, plan_block_name(x->cohort), NULL);
        fputs("<td class=\"num\">", out);
        fprintf(out, "%lld × %lld = %lld", (long long)x->weight, (long long)x->amount, (long long)x->penalty);
        fputs("</td><td><p>", out);
        hw_text(out, x->message);
        fputs("</p>", out);
        if (x->nexplain) {
            fputs("<ul>", out);
            for (int e = 0; e < x->nexplain; e++) {
                fputs("<li>", out);
                hw_text(out, x->explain[e]);
                fputs("</li>", out);
            }
            fputs("</ul>", out);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

/* Each cohort's months as `ramme schedule --format html` draws them, under
 * the schedule's summary line; the page's one legend says what the marks
 * mean. */
static void calendars(FILE *out, Arena *a, const Proposal *p)
{
    for (int i = 0; i < p->ncohorts; i++) {
        const PlannedCohort *c = &p->cohorts[i];
        fputs("<div class=\"cohort-calendar\">\n", out);
        heading(out, 4, arena_printf(a, _("Calendar of %s"), plan_block_name(c->cohort)));
        paragraph(out, "summary", plan_summary(a, &c->placed));
        plan_html_calendar(out, &c->placed);
        fputs("</div>\n", out);
    }
}

static void proposal(FILE *out, Arena *a, const Proposal *p)
{
    fputs("<section class=\"proposal\">\n", out);
    heading(out, 3, proposal_fmt_heading(a, p));
    cohorts_table(out, a, p);
    penalties_table(out, p);
    calendars(out, a, p);
    fputs("</section>\n", out);
}

/* Nothing fits: why, the requirements that cannot all hold with where each
 * is written, and what the best plan costs once each is dropped. */
static void conflict(FILE *out, Arena *a, const PlanReport *r, SourceSet *ss)
{
    fputs("<section class=\"conflict\">\n", out);
    heading(out, 2, _("Why nothing fits"));
    paragraph(out, "summary", proposal_fmt_nothing_fits());
    if (r->conflict_searched && r->nconflict == 0)
        paragraph(out, NULL, proposal_fmt_not_even_dropped());
    if (r->nconflict) {
        heading(out, 3, proposal_fmt_conflict_lead());
        fputs("<table class=\"narrow\">\n<thead><tr>", out);
        /* TRANSLATORS: column headings of the conflict in the HTML plan report: a requirement of the file
         * ("site sal: rooms 1") and where it is written */
        hw_th_col(out, _("Requirement"));
        hw_th_col(out, _("Where"));
        fputs("</tr></thead>\n<tbody>\n", out);
        for (int i = 0; i < r->nconflict; i++) {
            fputs("<tr><th scope=\"row\"><code>", out);
            hw_text(out, r->conflict[i].requirement);
            fputs("</code></th>", out);
            cell(out, render_place_text(a, ss, r->conflict[i].where), NULL);
            fputs("</tr>\n", out);
        }
        fputs("</tbody>\n</table>\n", out);
        if (!r->conflict_minimal)
            paragraph(out, NULL, proposal_fmt_not_minimal());
        heading(out, 3, proposal_fmt_relaxations_lead());
        fputs("<table class=\"narrow\">\n<thead><tr>", out);
        /* TRANSLATORS: column headings of the relaxations in the HTML plan report: the requirement dropped,
         * and the penalty of the best plan without it (or "still nothing fits") */
        hw_th_col(out, _("Requirement dropped"));
        hw_th_col(out, _("Penalty of the best plan without it"));
        fputs("</tr></thead>\n<tbody>\n", out);
        for (int i = 0; i < r->nconflict; i++) {
            fputs("<tr><th scope=\"row\"><code>", out);
            hw_text(out, r->conflict[i].requirement);
            fputs("</code></th>", out);
            if (r->conflict[i].relaxed == -2)
                cell(out, _("not known: the search stopped at its time limit"), NULL);
            else if (r->conflict[i].relaxed < 0)
                cell(out, _("still nothing fits"), NULL);
            else
                cell(out, arena_printf(a, "%lld", (long long)r->conflict[i].relaxed), "num");
            fputs("</tr>\n", out);
        }
        fputs("</tbody>\n</table>\n", out);
    }
    fputs("</section>\n", out);
}

int proposal_html(FILE *out, const PlanReport *r, SourceSet *ss)
{
    Arena *a = arena_new();
    /* TRANSLATORS: the title and top heading of the HTML page of `ramme plan --format html` */
    hw_page_begin_wide(out, _("ramme plan report"));
    header(out, a, r);
    if (r->nproposals) {
        heading(out, 2, _("Proposals"));
        plan_html_legend(out);
        fputs("<div class=\"proposals\">\n", out);
        for (int k = 0; k < r->nproposals; k++)
            proposal(out, a, &r->proposals[k]);
        fputs("</div>\n", out);
    }
    if (r->status == PLAN_INFEASIBLE)
        conflict(out, a, r, ss);
    arena_free(a);
    bool ok = hw_page_end(out);
    return ok && fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
