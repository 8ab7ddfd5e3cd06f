/* units.c — the unit table. One place lists every spelling. */
#include "front/units.h"

#include <string.h>

static const struct {
    const char *word;
    Unit unit;
} unit_words[] = {
    {"min", U_MIN},       {"minute", U_MIN},     {"minutes", U_MIN},
    {"minut", U_MIN},     {"minutter", U_MIN},   {"h", U_HOUR},
    {"hour", U_HOUR},     {"hours", U_HOUR},     {"time", U_HOUR},
    {"timer", U_HOUR},    {"day", U_DAY},        {"days", U_DAY},
    {"dag", U_DAY},       {"dage", U_DAY},       {"week", U_WEEK},
    {"weeks", U_WEEK},    {"uge", U_WEEK},       {"uger", U_WEEK},
    {"month", U_MONTH},   {"months", U_MONTH},   {"måned", U_MONTH},
    {"måneder", U_MONTH},
};

bool unit_lookup(const char *word, size_t len, Unit *out)
{
    for (size_t i = 0; i < sizeof unit_words / sizeof unit_words[0]; i++)
        if (strlen(unit_words[i].word) == len && memcmp(unit_words[i].word, word, len) == 0) {
            *out = unit_words[i].unit;
            return true;
        }
    return false;
}

Dim unit_dim(Unit u)
{
    return (u == U_MIN || u == U_HOUR) ? DIM_TIME : DIM_SPAN;
}

double unit_base(Unit u)
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

const char *unit_symbol(Unit u, double value)
{
    bool one = value == 1;
    switch (u) {
    case U_MIN: return "min";
    case U_HOUR: return "h";
    case U_DAY: return one ? "day" : "days";
    case U_WEEK: return one ? "week" : "weeks";
    case U_MONTH: return one ? "month" : "months";
    }
    return "";
}

const char *unit_dim_name(Dim d)
{
    return d == DIM_TIME ? "contact time" : "calendar span";
}
