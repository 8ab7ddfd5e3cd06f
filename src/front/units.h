/* units.h — quantity units and their dimensions. Contact time (min, h) and
 * calendar span (days, weeks, months) never mix: the checker rejects it
 * before anything runs. Quantities are stored in the unit as written; the
 * base value (minutes, days) is derived for arithmetic and comparison. */
#ifndef RAMME_UNITS_H
#define RAMME_UNITS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { U_MIN, U_HOUR, U_DAY, U_WEEK, U_MONTH } Unit;

typedef enum {
    DIM_TIME, /* contact time; base unit: minute */
    DIM_SPAN, /* calendar span; base unit: day */
} Dim;

/* A month in comparisons: 365.2425 / 12 days (LANGUAGE.md §2). */
#define UNIT_DAYS_PER_MONTH (365.2425 / 12.0)

/* Recognises a unit word or Danish alias (`timer`, `uger`, `måneder`...). */
bool unit_lookup(const char *word, size_t len, Unit *out);
/* unit_dim and unit_base are inline: the evaluator asks them for every
 * quantity it reads (some 40,000 calls in 2,000 courses, 0.77 M
 * instructions as calls for two lines each). */
static inline Dim unit_dim(Unit u)
{
    return (u == U_MIN || u == U_HOUR) ? DIM_TIME : DIM_SPAN;
}

/* Base units (minutes or days) per one `u`. */
static inline double unit_base(Unit u)
{
    switch (u) {
    case U_MIN: return 1;
    case U_HOUR: return 60;
    case U_DAY: return 1;
    case U_WEEK: return 7;
    case U_MONTH: return UNIT_DAYS_PER_MONTH;
    }
    return 1;
}
/* How a value in this unit is written back: "h", "min", "days"... */
const char *unit_symbol(Unit u, double value);
/* The dimension's name for messages: "contact time", "calendar span". */
const char *unit_dim_name(Dim d);

#endif
