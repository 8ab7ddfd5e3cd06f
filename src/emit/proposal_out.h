/* proposal_out.h — `ramme plan`'s reports (PLANNING.md §4): the proposals as
 * text and JSON, one proposal's sessions as CSV and iCalendar, and one
 * proposal as `schedule` declarations (`--format ramme`). Each writes to
 * the stream it is given and returns 0, or -1 when writing failed. */
#ifndef RAMME_PROPOSAL_OUT_H
#define RAMME_PROPOSAL_OUT_H

#include "apps/plan.h"

#include <stdbool.h>
#include <stdio.h>

/* Status and search figures; per proposal its penalty, each cohort (site,
 * first and last session, ISO weeks, weekdays, time, team) and the
 * penalties with the check's message and the values that decided; when
 * nothing fits, the conflict with each requirement's place and what
 * dropping it costs. */
void proposal_text(FILE *out, const PlanReport *r, SourceSet *ss, bool color);

/* {"version":1,"plan","course","status","lower_bound","proposals":[{"rank",
 * "penalty","cohorts":[{"cohort","site","start","weekdays","time","team",
 * and the schedule's own members from "sessions" to "checks"}],
 * "penalties":[...]}], and when infeasible "conflict":[{"requirement",
 * "location"}] and "relaxations":[{"drop","penalty"|null}]}, streamed
 * through the JSON writer. */
int proposal_json(FILE *out, const PlanReport *r, SourceSet *ss);

/* Every session of every cohort of proposal p, as `ramme schedule` writes
 * them, with a first column naming the cohort (CSV) or in one calendar. */
int proposal_csv(FILE *out, const Proposal *p);
int proposal_ics(FILE *out, const Proposal *p);

/* Proposal p as one `schedule` declaration per cohort, with its closures,
 * location and `team` entries: `ramme schedule` on it places the same
 * sessions. */
int proposal_ramme(FILE *out, const PlanReport *r, const Proposal *p);

#endif
