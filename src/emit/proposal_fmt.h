/* proposal_fmt.h — how every writer of `ramme plan`'s report (proposal_out.h:
 * text; proposal_html.h: the page) spells what both show: a cohort's
 * weekdays and site, the search's figures, a proposal's heading and the
 * sentences of a plan where nothing fits. One place, so the text report and
 * the page never word them differently (a schedule's own values are
 * plan_fmt.h's). */
#ifndef RAMME_PROPOSAL_FMT_H
#define RAMME_PROPOSAL_FMT_H

#include "apps/plan.h"
#include "base/arena.h"

#include <stdint.h>

/* The weekdays of `set` (bit k: weekday k, 0 = Monday) by the names the
 * plan's schedule gives them (plan_weekday_name): "tirsdag, onsdag". */
const char *proposal_fmt_weekdays(Arena *a, uint8_t set);
/* A site as a person knows it: its title, else its name; NULL for none. */
const char *proposal_fmt_site(const Block *site);

/* "774 options placed and priced" */
const char *proposal_fmt_options(Arena *a, long options);
/* Why a feasible report is not optimal: "the search stopped at its time
 * limit: no plan costs less than 12"; with no proposal, that the time ran
 * out before the first (or while the options were placed) and how to give
 * more. */
const char *proposal_fmt_stopped(Arena *a, const PlanReport *r);
/* "Proposal 1: penalty 17" */
const char *proposal_fmt_heading(Arena *a, const Proposal *p);

/* When nothing fits (PLANNING.md §3): the first sentence; the one for a
 * conflict search that found nothing fits even with every requirement
 * dropped; and the lead-ins, without a colon, of the conflict and of what
 * dropping each of its requirements costs. */
const char *proposal_fmt_nothing_fits(void);
/* Under a conflict found when the time ran out: it may not be minimal. */
const char *proposal_fmt_not_minimal(void);
const char *proposal_fmt_not_even_dropped(void);
const char *proposal_fmt_conflict_lead(void);
const char *proposal_fmt_relaxations_lead(void);

#endif
