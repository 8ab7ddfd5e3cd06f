/* civil.c — calendar arithmetic (civil.h). */
#include "base/civil.h"
#include "base/i18n.h"

#include <stdbool.h>

int32_t civil_days(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_date(int32_t days, int *y, int *m, int *d)
{
    int z = days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yoe + era * 400 + (*m <= 2);
}

void civil_write(SBuf *b, int32_t days)
{
    int y, m, d;
    civil_date(days, &y, &m, &d);
    sb_pad(b, (unsigned)y, 4);
    sb_put(b, "-", 1);
    sb_pad(b, (unsigned)m, 2);
    sb_put(b, "-", 1);
    sb_pad(b, (unsigned)d, 2);
}

const char *civil_month_name(int m)
{
    /* TRANSLATORS: a month, in "invalid date %s: %s %d has %d days", and with its year after it as the
     * caption of a month in the HTML schedule's calendar ("February 2025") */
    static const char *n[] = {N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
                              N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December")};
    return m >= 1 && m <= 12 ? _(n[m - 1]) : "?";
}

int civil_month_days(int y, int m)
{
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : n[m - 1];
}

int civil_weekday(int32_t days)
{
    /* 1970-01-01 was a Thursday (3 with Monday = 0). */
    return (int)(((days % 7) + 7 + 3) % 7);
}

void civil_iso_week(int32_t days, int *iso_year, int *iso_week)
{
    int32_t thursday = days - civil_weekday(days) + 3;
    int y, m, d;
    civil_date(thursday, &y, &m, &d);
    *iso_year = y;
    *iso_week = (thursday - civil_days(y, 1, 1)) / 7 + 1;
}

int32_t civil_easter(int year)
{
    /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return civil_days(year, month, day);
}

int32_t civil_add_months(int32_t days, int n)
{
    int y, m, d;
    civil_date(days, &y, &m, &d);
    int total = y * 12 + (m - 1) + n;
    y = total / 12;
    m = total % 12 + 1;
    if (d > civil_month_days(y, m))
        d = civil_month_days(y, m);
    return civil_days(y, m, d);
}

int civil_whole_years(int32_t from, int32_t to)
{
    int fy, fm, fd, y, m, d;
    civil_date(from, &fy, &fm, &fd);
    civil_date(to, &y, &m, &d);
    int years = y - fy;
    /* This year's anniversary not reached yet: (m, d) before (fm, fd). A
     * 29 February compares as (2, 29), so in other years it is reached on
     * 1 March. */
    if (m < fm || (m == fm && d < fd))
        years--;
    return years;
}
