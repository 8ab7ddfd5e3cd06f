/* plan_out.h — a schedule proposal (Plan) rendered for `ramme schedule`:
 * the text table a coordinator reads, the JSON of the language spec (§7),
 * CSV for spreadsheets and iCalendar (RFC 5545) for calendar programs.
 * Nothing here prints on its own: every function writes to the stream it is
 * given. */
#ifndef RAMME_PLAN_OUT_H
#define RAMME_PLAN_OUT_H

#include "apps/schedule.h"
#include "emit/jsonw.h"

#include <stdbool.h>
#include <stdio.h>

/* The table: a header (course, schedule, calendar, location), one row per
 * session (number, date, Danish weekday, time, hours, hours so far, ISO week,
 * modules), the days that fell out and why, the practicum and its follow-up
 * days, the hours per ISO week, and the checks like rule results. `color`
 * adds ANSI colours. */
void plan_text(FILE *out, const Plan *p, bool color);

/* {"version":1,"schedule","course","sessions":[...],"skipped":[...],
 *  "practicum":{...}|null,"checks":[...]} plus a few extra fields (title,
 * weekday, cumulative_hours, iso_year, weeks), streamed through the JSON
 * writer (jsonw.h). Returns 0, or -1 when writing failed. */
int plan_json(FILE *out, const Plan *p);

/* The members of that document from "sessions" to "checks", into an open
 * object of `w`: a proposal's cohorts are written with them too. */
void plan_json_members(JsonW *w, const Plan *p);

/* CSV, one row per session under the header row number,date,weekday,start,
 * end,hours,cumulative_hours,iso_week,modules,location; every field quoted,
 * CRLF line ends, UTF-8 without a byte-order mark; a field starting with
 * = + - @, a tab or a CR gets a ' in front (CSV injection). Returns 0, or -1
 * when writing failed. */
int plan_csv(FILE *out, const Plan *p);

/* The same for several plans (a proposal's cohorts) in one table; `named`
 * puts a first column, cohort, with each plan's schedule name. */
int plan_csv_many(FILE *out, const Plan *const *plans, int n, bool named);

/* An iCalendar file: a Europe/Copenhagen VTIMEZONE of its own, one VEVENT per
 * session in local time, the practicum as an all-day event and each follow-up
 * day at the sessions' time. UIDs are stable (<schedule>-<course>-session-N@ramme);
 * DTSTAMP is $SOURCE_DATE_EPOCH when that is set, else now. `course_title`
 * starts each SUMMARY; NULL: the course's title, else its name. Text
 * values hold no control character but line breaks (written \n) and tabs:
 * the others are escaped as text output escapes them (esc.h). Returns 0,
 * or -1 when building or writing failed or a date cannot be written. */
int plan_ics(FILE *out, const Plan *p, const char *course_title);

/* The same for several plans (a proposal's cohorts) in one calendar, in
 * the first plan's time zone; UIDs stay apart by schedule name. */
int plan_ics_many(FILE *out, const Plan *const *plans, int n, const char *course_title);

/* Whether plan_ics can write every date of the plan: libical holds years 0
 * to 3000 and writes any other as 00000000T000000. When it cannot, an error
 * at the schedule's start goes to `d` and the result is false (plan_ics
 * then refuses too, writing nothing). libical is loaded when an iCalendar
 * file is written (emit/icslib.h): when it cannot be, that is the error. */
bool plan_ics_check(const Plan *p, Diags *d);

#endif
