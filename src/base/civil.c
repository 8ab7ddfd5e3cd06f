/* civil.c — days since 1970-01-01 and back (civil.h). */
#include "base/civil.h"

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
