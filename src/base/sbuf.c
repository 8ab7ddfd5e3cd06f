/* sbuf.c — strings built in an arena (sbuf.h). */
#include "base/sbuf.h"

#include <string.h>

void sb_grow(SBuf *b, size_t n)
{
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + n + 1)
        cap *= 2;
    /* Not zeroed: sb_put writes the bytes up to n and the NUL, and nothing
     * reads past the NUL. Clearing the room cost a report 3 M instructions. */
    b->s = arena_grow_raw(b->a, b->s, b->n, cap, 1);
    b->cap = cap;
}

/* "00".."99": two digits a step (a report's every line and column). */
static const char two_digits[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                 "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                 "8081828384858687888990919293949596979899";

void sb_int(SBuf *b, int64_t v)
{
    char t[24], *p = t + sizeof t;
    /* Negated as unsigned: INT64_MIN has no positive counterpart. */
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    for (; u >= 100; u /= 100) {
        p -= 2;
        memcpy(p, two_digits + 2 * (u % 100), 2);
    }
    if (u >= 10) {
        p -= 2;
        memcpy(p, two_digits + 2 * u, 2);
    } else {
        *--p = (char)('0' + u);
    }
    if (v < 0)
        *--p = '-';
    sb_put(b, p, (size_t)(t + sizeof t - p));
}

void sb_pad(SBuf *b, unsigned v, int width)
{
    char t[16], *p = t + sizeof t;
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    while (t + sizeof t - p < width && p > t)
        *--p = '0';
    sb_put(b, p, (size_t)(t + sizeof t - p));
}

void sb_pair(SBuf *b, unsigned x, char sep, unsigned y)
{
    sb_pad(b, x, 2);
    sb_put(b, &sep, 1);
    sb_pad(b, y, 2);
}

char *sb_str(const SBuf *b)
{
    return b->s ? b->s : "";
}
