/* plan_html.h — a schedule (Plan) as the page of `ramme schedule --format
 * html` (TOOLS.md §5): something to send to a manager. It holds what the
 * text report holds (plan_out.h), spelt as it spells it (plan_fmt.h): a
 * header (course, schedule, calendar, location, the summary line), the
 * sessions as a month-by-month calendar, the table of sessions, the days
 * that fell out, the planned breaks, the practicum with its follow-up days,
 * the hours per ISO week and the checks. One self-contained page: the
 * frame, the one stylesheet (with its A4 print rules) and the escaping of
 * every string from a course file are htmlw.h's. */
#ifndef RAMME_PLAN_HTML_H
#define RAMME_PLAN_HTML_H

#include "apps/schedule.h"

#include <stdio.h>

/* The whole page. Returns 0, or -1 when writing failed. */
int plan_html(FILE *out, const Plan *p);

/* The parts a page of several plans (the planner's proposals, each with
 * its cohorts) is made of, so that it shows each plan as this page does. */

/* What the calendar's marks mean: a list, once per page, before the first
 * calendar. */
void plan_html_legend(FILE *out);

/* The plan's months, from the first session's to the practicum's last day
 * (the last session's when there is no practicum), each a Monday-first
 * grid: a table captioned with the month and year, the weekdays as column
 * headers and the ISO weeks as row headers. A day shows its number and
 * what it is, by a mark (plan_html_legend) and a class for its shading:
 * a session with its number and time, a day that fell out with its name
 * from the calendar, a planned break with its name, a practicum day, a
 * follow-up day with its time. No heading and no legend of its own: the
 * page that holds it gives both. */
void plan_html_calendar(FILE *out, const Plan *p);

#endif
