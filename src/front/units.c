/* units.c — the unit table. One place lists every spelling. */
#include "front/units.h"

#include <string.h>

/* Each word with its length, so that a lookup (the lexer's, for every
 * quantity) compares lengths and a first byte before any bytes: with
 * strlen() on every word it cost 166 instructions a quantity. */
#define W(word, unit) {word, sizeof word - 1, unit}
static const struct {
    const char *word;
    size_t len;
    Unit unit;
} unit_words[] = {
    W("min", U_MIN), W("minute", U_MIN), W("minutes", U_MIN),
    W("minut", U_MIN), W("minutter", U_MIN), W("h", U_HOUR),
    W("hour", U_HOUR), W("hours", U_HOUR), W("time", U_HOUR),
    W("timer", U_HOUR), W("day", U_DAY), W("days", U_DAY),
    W("dag", U_DAY), W("dage", U_DAY), W("week", U_WEEK),
    W("weeks", U_WEEK), W("uge", U_WEEK), W("uger", U_WEEK),
    W("month", U_MONTH), W("months", U_MONTH), W("måned", U_MONTH),
    W("måneder", U_MONTH),
};
#undef W

bool unit_lookup(const char *word, size_t len, Unit *out)
{
    for (size_t i = 0; i < sizeof unit_words / sizeof unit_words[0]; i++)
        if (unit_words[i].len == len && unit_words[i].word[0] == word[0] &&
            memcmp(unit_words[i].word, word, len) == 0) {
            *out = unit_words[i].unit;
            return true;
        }
    return false;
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
