/* proposal_out.c — what `ramme plan` writes (PLANNING.md §4): the proposals
 * as text and JSON, a proposal's sessions as CSV and iCalendar (through the
 * schedule's own writers, plan_out.c), and a proposal as `schedule`
 * declarations to paste into the course file. */
#include "emit/proposal_out.h"
#include "base/i18n.h"
#include "emit/jsonw.h"
#include "emit/plan_fmt.h"
#include "emit/plan_out.h"
#include "emit/proposal_fmt.h"
#include "emit/render.h"
#include "emit/words.h"

#include <stdlib.h>
#include <string.h>


/* "tue, wed" */
static const char *weekday_ids(Arena *a, uint8_t set)
{
    const char *s = "";
    for (int i = 0; i < 7; i++)
        if (set & (1u << i))
            s = arena_printf(a, "%s%s%s", s, *s ? ", " : "", plan_weekday_id(i));
    return s;
}

static char *team_text(Arena *a, const PlannedCohort *c)
{
    char *s = "";
    for (int i = 0; i < c->nteam; i++)
        s = arena_printf(a, "%s%s%s: %s", s, i ? "; " : "", plan_block_name(c->team[i].role), plan_block_name(c->team[i].teacher));
    return s;
}

/* ---------------------------------------------------------------- text */

void proposal_text(FILE *out, const PlanReport *r, SourceSet *ss, bool color)
{
    Arena *a = arena_new();
    const char *bold = words_paint(PAINT_HEADING, color), *reset = words_paint(PAINT_RESET, color);
    fprintf(out, _("%splan %s%s for course %s: %s\n"), bold, plan_block_name(r->plan), reset, plan_block_name(r->course),
            words_plan_status(r->status));
    /* The search's own figures (nodes, seconds) vary with the machine and
     * the search's version: the report gives what the plan determines. */
    fprintf(out, "  %s\n", proposal_fmt_options(a, r->options));
    if (r->status == PLAN_FEASIBLE)
        fprintf(out, "  %s\n", proposal_fmt_stopped(a, r));
    for (int k = 0; k < r->nproposals; k++) {
        const Proposal *p = &r->proposals[k];
        fprintf(out, "\n%s%s%s\n", bold, proposal_fmt_heading(a, p), reset);
        for (int i = 0; i < p->ncohorts; i++) {
            const PlannedCohort *c = &p->cohorts[i];
            const Plan *pl = &c->placed;
            char d0[32], d1[32], t0[32], t1[32];
            fprintf(out, "  %s%s%s", bold, plan_block_name(c->cohort), reset);
            if (c->site)
                fprintf(out, _(" at %s"), proposal_fmt_site(c->site));
            fputc('\n', out);
            fprintf(out, _("    %s to %s, %d ISO weeks, %s, %s–%s\n"),
                    plan_fmt_date(d0, sizeof d0, pl->sessions[0].date),
                    plan_fmt_date(d1, sizeof d1, pl->sessions[pl->nsessions - 1].date), pl->nweeks,
                    proposal_fmt_weekdays(a, c->weekdays), plan_fmt_time(t0, sizeof t0, c->t0),
                    plan_fmt_time(t1, sizeof t1, c->t1));
            if (c->nteam)
                fprintf(out, _("    team: %s\n"), team_text(a, c));
        }
        if (p->npenalties) {
            fprintf(out, "  %s\n", _("penalties:"));
            for (int i = 0; i < p->npenalties; i++) {
                const PlanPenalty *x = &p->penalties[i];
                fprintf(out, _("    %4lld  %s  %s: %lld × %lld\n"), (long long)x->penalty, x->check, plan_block_name(x->cohort),
                        (long long)x->weight, (long long)x->amount);
                fprintf(out, "          %s\n", x->message ? x->message : "");
                for (int e = 0; e < x->nexplain; e++)
                    fprintf(out, "          %s\n", x->explain[e]);
            }
        }
    }
    if (r->status == PLAN_INFEASIBLE) {
        fputc('\n', out);
        fprintf(out, "%s\n", proposal_fmt_nothing_fits());
        if (r->conflict_searched && r->nconflict == 0)
            fprintf(out, "%s\n", proposal_fmt_not_even_dropped());
        if (r->nconflict) {
            fprintf(out, "\n%s%s:%s\n", bold, proposal_fmt_conflict_lead(), reset);
            for (int i = 0; i < r->nconflict; i++)
                fprintf(out, "  %s  (%s)\n", r->conflict[i].requirement, render_place_text(a, ss, r->conflict[i].where));
            if (!r->conflict_minimal)
                fprintf(out, "%s\n", proposal_fmt_not_minimal());
            fprintf(out, "\n%s%s:%s\n", bold, proposal_fmt_relaxations_lead(), reset);
            for (int i = 0; i < r->nconflict; i++) {
                if (r->conflict[i].relaxed == -2)
                    fprintf(out, _("  without %s: not known (the search stopped at its time limit)\n"),
                            r->conflict[i].requirement);
                else if (r->conflict[i].relaxed < 0)
                    fprintf(out, _("  without %s: still nothing fits\n"), r->conflict[i].requirement);
                else
                    fprintf(out, _("  without %s: penalty %lld\n"), r->conflict[i].requirement,
                            (long long)r->conflict[i].relaxed);
            }
        }
    }
    arena_free(a);
}

/* ---------------------------------------------------------------- JSON */

int proposal_json(FILE *out, const PlanReport *r, SourceSet *ss)
{
    Arena *a = arena_new();
    JsonW *w = jw_new(out, 0);
    char b[32];
    jw_open(w, '{');
    jw_kint(w, "version", 1);
    jw_kstr(w, "plan", plan_block_name(r->plan));
    jw_kstr(w, "course", plan_block_name(r->course));
    jw_kstr(w, "status", words_plan_status_id(r->status));
    jw_kint(w, "lower_bound", r->lower_bound);
    jw_kint(w, "options", r->options);
    jw_key(w, "proposals");
    jw_open(w, '[');
    for (int k = 0; k < r->nproposals; k++) {
        const Proposal *p = &r->proposals[k];
        jw_open(w, '{');
        jw_kint(w, "rank", p->rank);
        jw_kint(w, "penalty", p->penalty);
        jw_key(w, "cohorts");
        jw_open(w, '[');
        for (int i = 0; i < p->ncohorts; i++) {
            const PlannedCohort *c = &p->cohorts[i];
            jw_open(w, '{');
            jw_kstr(w, "cohort", plan_block_name(c->cohort));
            jw_kstr(w, "site", c->site ? plan_block_name(c->site) : NULL);
            jw_kstr(w, "start", plan_fmt_date(b, sizeof b, c->start));
            jw_key(w, "weekdays");
            jw_open(w, '[');
            for (int d = 0; d < 7; d++)
                if (c->weekdays & (1u << d))
                    jw_str(w, plan_weekday_id(d));
            jw_close(w, ']');
            jw_key(w, "time");
            jw_open(w, '{');
            jw_kstr(w, "start", plan_fmt_time(b, sizeof b, c->t0));
            jw_kstr(w, "end", plan_fmt_time(b, sizeof b, c->t1));
            jw_close(w, '}');
            jw_key(w, "team");
            jw_open(w, '[');
            for (int t = 0; t < c->nteam; t++) {
                jw_open(w, '{');
                jw_kstr(w, "role", plan_block_name(c->team[t].role));
                jw_kstr(w, "teacher", plan_block_name(c->team[t].teacher));
                jw_close(w, '}');
            }
            jw_close(w, ']');
            plan_json_members(w, &c->placed);
            jw_close(w, '}');
        }
        jw_close(w, ']');
        jw_key(w, "penalties");
        jw_open(w, '[');
        for (int i = 0; i < p->npenalties; i++) {
            const PlanPenalty *x = &p->penalties[i];
            jw_open(w, '{');
            jw_kstr(w, "check", x->check);
            jw_kstr(w, "cohort", plan_block_name(x->cohort));
            jw_kint(w, "weight", x->weight);
            jw_kint(w, "amount", x->amount);
            jw_kint(w, "penalty", x->penalty);
            jw_kstr(w, "message", x->message);
            jw_key(w, "explain");
            jw_strs(w, (const char *const *)x->explain, x->nexplain);
            jw_close(w, '}');
        }
        jw_close(w, ']');
        jw_close(w, '}');
    }
    jw_close(w, ']');
    if (r->status == PLAN_INFEASIBLE) {
        jw_key(w, "conflict_minimal");
        jw_bool(w, r->conflict_minimal);
        jw_key(w, "conflict");
        jw_open(w, '[');
        for (int i = 0; i < r->nconflict; i++) {
            jw_open(w, '{');
            jw_kstr(w, "requirement", r->conflict[i].requirement);
            jw_key(w, "location");
            render_place_json(w, ss, r->conflict[i].where);
            jw_close(w, '}');
        }
        jw_close(w, ']');
        jw_key(w, "relaxations");
        jw_open(w, '[');
        for (int i = 0; i < r->nconflict; i++) {
            jw_open(w, '{');
            jw_kstr(w, "drop", r->conflict[i].requirement);
            jw_key(w, "penalty");
            if (r->conflict[i].relaxed == -2)
                jw_str(w, words_status_id(ST_UNKNOWN)); /* not known: out of time */
            else if (r->conflict[i].relaxed < 0)
                jw_null(w);
            else
                jw_int(w, r->conflict[i].relaxed);
            jw_close(w, '}');
        }
        jw_close(w, ']');
    }
    jw_close(w, '}');
    jw_finish(w);
    int rc = jw_free(w) ? 0 : -1;
    arena_free(a);
    if (fflush(out) != 0 || ferror(out))
        rc = -1;
    return rc;
}

/* ---------------------------------------------------------------- CSV, iCalendar */

static const Plan **plans_of(const Proposal *p)
{
    const Plan **v = calloc((size_t)p->ncohorts + 1, sizeof *v);
    for (int i = 0; v && i < p->ncohorts; i++)
        v[i] = &p->cohorts[i].placed;
    return v;
}

int proposal_csv(FILE *out, const Proposal *p)
{
    const Plan **v = plans_of(p);
    int rc = v ? plan_csv_many(out, v, p->ncohorts, true) : -1;
    free(v);
    return rc;
}

int proposal_ics(FILE *out, const Proposal *p)
{
    const Plan **v = plans_of(p);
    int rc = v ? plan_ics_many(out, v, p->ncohorts, NULL) : -1;
    free(v);
    return rc;
}

/* ---------------------------------------------------------------- ramme */

/* A string literal of the language (LANGUAGE.md §2): the escapes the
 * lexer decodes, so the text reads back exactly. */
static void put_literal(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\' || c == '{' || c == '}')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || c == 0x7F)
            fprintf(out, "\\u{%X}", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

/* One entry of a declaration: the key in its column, then the value. */
static void entry(FILE *out, const char *key, const char *value)
{
    fprintf(out, "  %-8s %s\n", key, value);
}

/* A closure as it is written: "Title" and its day, week or until. */
static void closure_text(FILE *out, Arena *a, const Block *c)
{
    Value *on = model_get(c, "on"), *week = model_get(c, "week"), *until = model_get(c, "until");
    char b[32], e[32];
    fputs("  closed   ", out);
    put_literal(out, c->title ? c->title : "");
    if (week && week->k == V_INT)
        fprintf(out, " %s %lld", "week", (long long)week->u.i);
    if (on) {
        switch (on->k) {
        case V_DATE: fprintf(out, " %s", plan_fmt_date(b, sizeof b, on->u.date)); break;
        case V_MDAY: fprintf(out, " %02d-%02d", on->u.mday.month, on->u.mday.day); break;
        case V_RANGE:
            if (on->u.range.lo && on->u.range.hi)
                fprintf(out, " %s..%s", plan_fmt_date(b, sizeof b, on->u.range.lo->u.date),
                        plan_fmt_date(e, sizeof e, on->u.range.hi->u.date));
            break;
        case V_EXPR: fprintf(out, " %s", ast_to_text(a, on->u.expr)); break;
        default: break;
        }
    }
    if (until && until->k == V_INT)
        fprintf(out, " %s %lld", "until", (long long)until->u.i);
    fputc('\n', out);
}

int proposal_ramme(FILE *out, const PlanReport *r, const Proposal *p)
{
    Arena *a = arena_new();
    char b[32], t0[32], t1[32];
    fprintf(out, "# %s\n", _("Proposal of `ramme plan`: paste it into the course file and run `ramme schedule`."));
    fprintf(out, _("# plan %s, proposal %d, penalty %lld\n"), plan_block_name(r->plan), p->rank, (long long)p->penalty);
    for (int i = 0; i < p->ncohorts; i++) {
        const PlannedCohort *c = &p->cohorts[i];
        const Plan *pl = &c->placed;
        Value *cal = model_get(c->schedule, "calendar");
        /* The language's words, not a person's: never translated. */
        fprintf(out, "\n%s %s %s %s {\n", "schedule", plan_block_name(c->cohort), "for", plan_block_name(r->course));
        if (cal && cal->k == V_REF)
            entry(out, "calendar", plan_block_name(cal->u.ref));
        Value *cl = model_get(c->schedule, "closed");
        for (int k = 0; cl && cl->k == V_LIST && k < cl->u.list.n; k++)
            closure_text(out, a, cl->u.list.items[k]->u.block);
        entry(out, "start", plan_fmt_date(b, sizeof b, c->start));
        entry(out, "weekdays", weekday_ids(a, c->weekdays));
        entry(out, "time", arena_printf(a, "%s..%s", plan_fmt_time(t0, sizeof t0, c->t0), plan_fmt_time(t1, sizeof t1, c->t1)));
        if (pl->location)
        {
            fputs("  location ", out);
            put_literal(out, pl->location);
            fputc('\n', out);
        }
        for (int t = 0; t < c->nteam; t++)
            entry(out, "team", arena_printf(a, "%s %s", plan_block_name(c->team[t].role), plan_block_name(c->team[t].teacher)));
        fputs("}\n", out);
    }
    arena_free(a);
    if (fflush(out) != 0 || ferror(out))
        return -1;
    return 0;
}
