/* test_units.c — the unit table (LANGUAGE.md §2, §8 Quantities). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "front/units.h"

#include <math.h>
#include <string.h>

typedef struct Spelling {
    const char *word;
    Unit unit;
} Spelling;

/* Every spelling of §2 plus the singulars §8 adds (`minute`, `minut`). */
static const Spelling spellings[] = {
    {"min", U_MIN},     {"minute", U_MIN},   {"minutes", U_MIN},  {"minut", U_MIN},
    {"minutter", U_MIN}, {"h", U_HOUR},      {"hour", U_HOUR},    {"hours", U_HOUR},
    {"time", U_HOUR},   {"timer", U_HOUR},   {"day", U_DAY},      {"days", U_DAY},
    {"dag", U_DAY},     {"dage", U_DAY},     {"week", U_WEEK},    {"weeks", U_WEEK},
    {"uge", U_WEEK},    {"uger", U_WEEK},    {"month", U_MONTH},  {"months", U_MONTH},
    {"m\xC3\xA5ned", U_MONTH}, {"m\xC3\xA5neder", U_MONTH},
};

static void test_lookup_every_spelling(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        Unit u = (Unit)-1;
        if (!unit_lookup(spellings[i].word, strlen(spellings[i].word), &u))
            fail_msg("unit_lookup(\"%s\") failed", spellings[i].word);
        if (u != spellings[i].unit)
            fail_msg("unit_lookup(\"%s\") gave %d, expected %d", spellings[i].word, (int)u,
                     (int)spellings[i].unit);
    }
}

static void test_lookup_uses_length_not_nul(void **state)
{
    (void)state;
    Unit u = U_MIN;
    /* The lexer passes a word inside a longer buffer: only `len` counts. */
    assert_true(unit_lookup("hours and more", 5, &u));
    assert_int_equal(u, U_HOUR);
    assert_true(unit_lookup("weeksX", 5, &u));
    assert_int_equal(u, U_WEEK);
    assert_true(unit_lookup("hx", 1, &u));
    assert_int_equal(u, U_HOUR);
    /* A prefix of a unit word is not a unit. */
    assert_false(unit_lookup("hours", 3, &u));
    assert_false(unit_lookup("minutes", 2, &u));
}

static void test_lookup_rejects_other_words(void **state)
{
    (void)state;
    static const char *bad[] = {"",       "x",     "H",      "Hours",  "hrs",   "hr",
                                "mins",   "minuts", "weekss", "mo",     "mnd",   "d",
                                "w",      "years", "year",   "maned",  "uges",  "timers",
                                "dages",  "and",   "m\xC3\xA5nede", "sec", "s", "MIN"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Unit u = U_DAY;
        if (unit_lookup(bad[i], strlen(bad[i]), &u))
            fail_msg("unit_lookup(\"%s\") accepted a non-unit (gave %d)", bad[i], (int)u);
    }
}

static void test_dimensions(void **state)
{
    (void)state;
    assert_int_equal(unit_dim(U_MIN), DIM_TIME);
    assert_int_equal(unit_dim(U_HOUR), DIM_TIME);
    assert_int_equal(unit_dim(U_DAY), DIM_SPAN);
    assert_int_equal(unit_dim(U_WEEK), DIM_SPAN);
    assert_int_equal(unit_dim(U_MONTH), DIM_SPAN);
    assert_string_equal(unit_dim_name(DIM_TIME), "contact time");
    assert_string_equal(unit_dim_name(DIM_SPAN), "calendar span");
    /* Every spelling's dimension follows its unit. */
    for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        Unit u;
        assert_true(unit_lookup(spellings[i].word, strlen(spellings[i].word), &u));
        Dim want = (spellings[i].unit == U_MIN || spellings[i].unit == U_HOUR) ? DIM_TIME
                                                                               : DIM_SPAN;
        assert_int_equal(unit_dim(u), want);
    }
}

static void test_base_values(void **state)
{
    (void)state;
    /* Contact time in minutes. */
    assert_true(unit_base(U_MIN) == 1.0);
    assert_true(unit_base(U_HOUR) == 60.0);
    /* Calendar span in days; a month is 365.2425/12 days (§2). */
    assert_true(unit_base(U_DAY) == 1.0);
    assert_true(unit_base(U_WEEK) == 7.0);
    assert_true(unit_base(U_MONTH) == 365.2425 / 12.0);
    assert_true(fabs(unit_base(U_MONTH) - 30.436875) < 1e-12);
    assert_true(UNIT_DAYS_PER_MONTH == 365.2425 / 12.0);
    /* 12 months are a mean Gregorian year. */
    assert_true(fabs(12 * unit_base(U_MONTH) - 365.2425) < 1e-9);
    /* 13 weeks (Frederikshavn) are 91 days, about 2.99 months. */
    assert_true(13 * unit_base(U_WEEK) == 91.0);
    assert_true(13 * unit_base(U_WEEK) < 3 * unit_base(U_MONTH));
    /* 78 h is 4680 min. */
    assert_true(78 * unit_base(U_HOUR) == 4680.0);
}

static void test_symbols(void **state)
{
    (void)state;
    /* Contact-time symbols do not change with the number. */
    assert_string_equal(unit_symbol(U_MIN, 1), "min");
    assert_string_equal(unit_symbol(U_MIN, 90), "min");
    assert_string_equal(unit_symbol(U_HOUR, 1), "h");
    assert_string_equal(unit_symbol(U_HOUR, 78), "h");
    /* Calendar spans are words: singular for exactly one. */
    assert_string_equal(unit_symbol(U_DAY, 1), "day");
    assert_string_equal(unit_symbol(U_DAY, 2), "days");
    assert_string_equal(unit_symbol(U_DAY, 0), "days");
    assert_string_equal(unit_symbol(U_DAY, 1.5), "days");
    assert_string_equal(unit_symbol(U_DAY, 0.5), "days");
    assert_string_equal(unit_symbol(U_WEEK, 1), "week");
    assert_string_equal(unit_symbol(U_WEEK, 13), "weeks");
    assert_string_equal(unit_symbol(U_MONTH, 1), "month");
    assert_string_equal(unit_symbol(U_MONTH, 4), "months");
    /* Every symbol is itself a spelling of its unit: written back, it reads the same. */
    static const double values[] = {1, 2};
    for (int u = U_MIN; u <= U_MONTH; u++)
        for (size_t k = 0; k < 2; k++) {
            const char *sym = unit_symbol((Unit)u, values[k]);
            Unit back;
            if (!unit_lookup(sym, strlen(sym), &back) || back != (Unit)u)
                fail_msg("unit_symbol(%d, %g) = \"%s\" does not read back", u, values[k], sym);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup_every_spelling),
        cmocka_unit_test(test_lookup_uses_length_not_nul),
        cmocka_unit_test(test_lookup_rejects_other_words),
        cmocka_unit_test(test_dimensions),
        cmocka_unit_test(test_base_values),
        cmocka_unit_test(test_symbols),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
