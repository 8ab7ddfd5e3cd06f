/* proposal_html.h — the page of `ramme plan --format html` (TOOLS.md §5,
 * PLANNING.md §4): the planner's proposals as something to send to a
 * manager. It holds what the text report holds (proposal_out.h), in its
 * words (proposal_fmt.h): a header (plan, course, status, options placed,
 * the lower bound of a search the time limit stopped), then the proposals
 * side by side on a wide screen and one after another in print, each with
 * its rank and penalty, a table of its cohorts (site, first and last
 * session, ISO weeks, weekdays, time, team), its penalties (check, cohort,
 * weight × amount = penalty, the message and the values that decided) and
 * each cohort's month calendar as the schedule page draws it
 * (plan_html.h); when nothing fits, the conflict with each requirement's
 * place and what dropping each costs. One self-contained page: the frame,
 * the stylesheet (with its A4 print rules) and the escaping of every
 * string from a file are htmlw.h's. */
#ifndef RAMME_PROPOSAL_HTML_H
#define RAMME_PROPOSAL_HTML_H

#include "apps/plan.h"

#include <stdio.h>

/* The whole page; `ss` places the conflict's requirements. Returns 0, or
 * -1 when writing failed. */
int proposal_html(FILE *out, const PlanReport *r, SourceSet *ss);

#endif
