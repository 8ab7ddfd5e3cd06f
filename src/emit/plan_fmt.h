/* plan_fmt.h — how every writer of a schedule (plan_out.h: text, JSON, CSV,
 * iCalendar; plan_html.h: the HTML page) spells a plan's values: dates,
 * times, hours, weekday names, the names of blocks, and the summary line.
 * One place, so the table, the page and the files never disagree on a
 * date's form or a decimal mark. */
#ifndef RAMME_PLAN_FMT_H
#define RAMME_PLAN_FMT_H

#include "apps/schedule.h"
#include "base/arena.h"

#include <stddef.h>

/* "YYYY-MM-DD" into buf (at least 11 bytes; years beyond 4 digits fit 16). */
const char *plan_fmt_date(char *buf, size_t n, int32_t d);
/* "HH:MM" from minutes after midnight. */
const char *plan_fmt_time(char *buf, size_t n, int minutes);
/* Hours without trailing zeros: 3, 1.5, 2.25 (two decimals at most), with
 * the language's decimal mark (2,5 in Danish, TOOLS.md §6): for text a
 * person reads and for CSV (JSON writes numbers). */
const char *plan_fmt_hours(char *buf, size_t n, double h);

/* The weekday `wd` (0 = Monday) in the report's language: Monday, or
 * mandag in Danish; "?" out of range. */
const char *plan_weekday_name(int wd);
/* The weekday as the language writes it (the stdlib's weekday members),
 * for JSON and `schedule` declarations: mon ... sun. */
const char *plan_weekday_id(int wd);
/* A block's name, else its title, else "" (also for NULL). */
const char *plan_block_name(const Block *b);
/* The schedule's field `name` (schedule schema); NULL when unset, and for
 * a hand-made schedule block without a schema. */
Value *plan_schedule_value(const Plan *p, const char *name);
/* The calendar the schedule names, or NULL. */
const Block *plan_calendar(const Plan *p);

/* "26 sessions, 78 hours, ISO weeks 6–20 (15 weeks)", or "no sessions":
 * the line under the text table and the page's summary, in `a`. */
const char *plan_summary(Arena *a, const Plan *p);

#endif
