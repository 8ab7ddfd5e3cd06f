/* utf8.c — see utf8.h. */
#include "base/utf8.h"

#include <stdint.h>
#include <string.h>
#include <unistr.h>

#define HIGH_BITS 0x8080808080808080ULL
#define LOW_BITS 0x0101010101010101ULL

const char *utf8_first_bad(const char *s, size_t n)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
        /* Eight bytes of ASCII without a NUL at a time: no high bit, and
         * no byte that borrows when one is taken from each. */
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, sizeof w);
            if ((w & HIGH_BITS) || ((w - LOW_BITS) & ~w & HIGH_BITS))
                break;
            p += 8;
        }
        if (p == end)
            break;
        if (*p < 0x80) {
            if (*p == 0)
                return (const char *)p;
            p++;
            continue;
        }
        ucs4_t uc;
        int k = u8_mbtoucr(&uc, p, (size_t)(end - p));
        if (k < 0)
            return (const char *)p;
        p += k;
    }
    return NULL;
}
