/* civil.h — dates as days since 1970-01-01 in the proleptic Gregorian
 * calendar (H. Hinnant's algorithms), the one conversion the scanner,
 * the CSV reader, the evaluator and the scheduler share. */
#ifndef RAMME_CIVIL_H
#define RAMME_CIVIL_H

#include "base/sbuf.h"

#include <stdint.h>

int32_t civil_days(int y, int m, int d);
void civil_date(int32_t days, int *y, int *m, int *d);
/* The date as written in ramme and ISO 8601: 2025-03-24. */
void civil_write(SBuf *b, int32_t days);

#endif
