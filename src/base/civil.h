/* civil.h — calendar arithmetic, in one place: dates as days since
 * 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithms),
 * month names and lengths, weekdays, ISO weeks, Easter and adding months. The scanner,
 * the applicant file reader, the evaluator and the scheduler share it. */
#ifndef RAMME_CIVIL_H
#define RAMME_CIVIL_H

#include "base/sbuf.h"

#include <stdint.h>

int32_t civil_days(int y, int m, int d);
void civil_date(int32_t days, int *y, int *m, int *d);
/* The date as written in ramme and ISO 8601: 2025-03-24. */
void civil_write(SBuf *b, int32_t days);

/* The name of month m (1-12) in the language in use ("February",
 * "februar"), "?" out of range: the scanner's messages about dates and the
 * schedule's calendar say the same word. */
const char *civil_month_name(int m);
/* Days in month m (1-12) of year y. */
int civil_month_days(int y, int m);
/* 0 = Monday ... 6 = Sunday. */
int civil_weekday(int32_t days);
/* The ISO 8601 week (and its year, which may differ at New Year). */
void civil_iso_week(int32_t days, int *iso_year, int *iso_week);
/* Gregorian Easter Sunday of `year`. */
int32_t civil_easter(int year);
/* d + n calendar months, clamped to the month's last day. */
int32_t civil_add_months(int32_t d, int n);
/* Whole years from `from` to `to` (an age): the anniversary counts on its
 * day, and a 29 February is reached on 1 March in other years. Negative
 * when `to` is before `from`. */
int civil_whole_years(int32_t from, int32_t to);

#endif
