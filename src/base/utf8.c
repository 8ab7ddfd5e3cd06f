/* utf8.c — see utf8.h. */
#include "base/utf8.h"

#include <stdint.h>
#include <string.h>
#include <unistr.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define HIGH_BITS 0x8080808080808080ULL
#define LOW_BITS 0x0101010101010101ULL

const char *utf8_first_bad(const char *s, size_t n)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
#if defined(__SSE2__)
        /* ASCII without a NUL, sixteen bytes a step (every x86-64 has
         * SSE2): a byte that has the high bit or is a NUL is marked, and
         * the step goes straight to the first one. */
        const __m128i zero = _mm_setzero_si128();
        /* 32 bytes a step while both halves are plain: a high bit in
         * either shows in their or, a NUL in their minimum */
        while (end - p >= 32) {
            __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)p);
            __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
            __m128i odd = _mm_or_si128(_mm_or_si128(v0, v1), _mm_cmpeq_epi8(_mm_min_epu8(v0, v1), zero));
            if (_mm_movemask_epi8(odd))
                break;
            p += 32;
        }
        while (end - p >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
            int odd = _mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, zero)));
            if (odd) {
                p += __builtin_ctz((unsigned)odd);
                break;
            }
            p += 16;
        }
#else
        /* ASCII without a NUL, sixteen bytes at a time: a byte is plain
         * ASCII when neither it nor it less one has the high bit (a NUL
         * less one has; its borrow marks only bytes above it). */
        while (end - p >= 16) {
            uint64_t w, v;
            memcpy(&w, p, sizeof w);
            memcpy(&v, p + 8, sizeof v);
            if (((w - LOW_BITS) | w | (v - LOW_BITS) | v) & HIGH_BITS)
                break;
            p += 16;
        }
#endif
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, sizeof w);
            uint64_t odd = ((w - LOW_BITS) | w) & HIGH_BITS;
            if (odd) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                /* The lowest marked byte is the first that is not plain
                 * ASCII: step to it, where the byte loop below took the
                 * ASCII before it one at a time, each time reading the
                 * word again. */
                p += __builtin_ctzll(odd) / 8;
#endif
                break;
            }
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
        /* Two bytes (U+0080..U+07FF: æ, ø, å, é) are most of a Danish
         * text's other characters: settled here, without the call. */
        if (*p >= 0xc2 && *p <= 0xdf && end - p >= 2 && (p[1] & 0xc0) == 0x80) {
            p += 2;
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
