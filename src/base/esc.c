/* esc.c — text made safe to show (esc.h). */
#include "base/esc.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistr.h>

enum {
    KEEP_LINES = 1,    /* a line break stays */
    KEEP_CONTROLS = 2, /* every control character stays: only UTF-8 is mended */
};

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* One character: its form into shown, the bytes it takes returned. */
static size_t one(const char *s, size_t n, unsigned keep, char shown[ESC_MAX])
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) { /* ASCII: the common case, no decoding */
        bool control = (c < 0x20 && c != '\t') || c == 0x7F;
        if (!control || (keep & KEEP_CONTROLS) || (c == '\n' && (keep & KEEP_LINES))) {
            shown[0] = (char)c;
            shown[1] = '\0';
        } else if (c == '\n') {
            memcpy(shown, "\\n", 3);
        } else {
            static const char hex[] = "0123456789abcdef";
            char *w = shown;
            *w++ = '\\';
            *w++ = 'u';
            *w++ = '{';
            if (c >= 0x10)
                *w++ = hex[c >> 4];
            *w++ = hex[c & 15];
            *w++ = '}';
            *w = '\0';
        }
        return 1;
    }
    ucs4_t uc;
    int k = u8_mbtoucr(&uc, (const uint8_t *)s, n);
    if (k <= 0) {
        memcpy(shown, REPLACEMENT, sizeof REPLACEMENT);
        return 1;
    }
    if (uc <= 0x9F && !(keep & KEEP_CONTROLS)) { /* a C1 control: \u{80}..\u{9f} */
        static const char hex[] = "0123456789abcdef";
        memcpy(shown, "\\u{", 3);
        shown[3] = hex[uc >> 4];
        shown[4] = hex[uc & 15];
        shown[5] = '}';
        shown[6] = '\0';
    } else {
        memcpy(shown, s, (size_t)k);
        shown[k] = '\0';
    }
    return (size_t)k;
}

/* The bytes of the word x that are not printable ASCII (0x20..0x7E), each
 * marked by its bit 7. For each byte b, with y = b & 0x7F (no carry leaves
 * a byte: y + 0x60 <= 0xDF): b >= 0x80 sets bit 7 of b; b < 0x20 leaves
 * bit 7 of y + 0x60 clear; b == 0x7F sets bit 7 of y + 0x01. Each byte's
 * bit 7 speaks for that byte alone, so the lowest set one is the first
 * byte that is not printable. */
static uint64_t odd_bytes(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t y = x & ~highs;
    return (x | ~(y + 0x60 * ones) | (y + ones)) & highs;
}

/* How many bytes from s[0] on are printable ASCII, settled eight at a time
 * (the last few in a word filled up with spaces, where the byte order is
 * known): the common text is settled a word at a time, and the byte loop
 * below starts at the first byte that is anything else. */
static size_t printable_prefix(const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, sizeof x);
        uint64_t odd = odd_bytes(x);
        if (odd) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            return i + (size_t)__builtin_ctzll(odd) / 8;
#else
            return i;
#endif
        }
    }
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* The last bytes (a name's "ramme"), in a word filled up with spaces,
     * rather than one at a time by the caller. */
    if (i < n) {
        uint64_t x = 0x2020202020202020ull;
        memcpy(&x, s + i, n - i);
        uint64_t odd = odd_bytes(x);
        return odd ? i + (size_t)__builtin_ctzll(odd) / 8 : n;
    }
#endif
    return i;
}

/* s with each character in its form; s itself when no form differs. */
static const char *transform(Arena *a, const char *s, unsigned keep)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char shown[ESC_MAX];
    size_t i = 0;
    /* Up to the first character whose form differs. Printable ASCII and a
     * tab are their own form: decided by the byte, runs of printable ASCII
     * a word at a time, after every other character too (every title and
     * message of a report passes here, so this loop is what escaping
     * costs: a Danish message has an æ, ø or × every few words). */
    while (i < n) {
        i += printable_prefix(s + i, n - i);
        if (i == n)
            break;
        unsigned char c = (unsigned char)s[i];
        if ((c >= 0x20 && c < 0x7F) || c == '\t' || (c == '\n' && (keep & (KEEP_LINES | KEEP_CONTROLS)))) {
            i++;
            continue;
        }
        /* Two bytes (U+0080..U+07FF: æ, ø, å, ×) are their own form but for
         * the C1 controls U+0080..U+009F (0xC2 0x80..0x9F): settled here,
         * without decoding (a lead 0xC2..0xDF and a continuation byte are
         * always a valid character). */
        if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
            (c != 0xC2 || (unsigned char)s[i + 1] >= 0xA0 || (keep & KEEP_CONTROLS))) {
            i += 2;
            continue;
        }
        size_t k = one(s + i, n - i, keep, shown);
        if (strlen(shown) != k || memcmp(shown, s + i, k) != 0)
            break;
        i += k;
    }
    if (i == n)
        return s;
    /* Every byte becomes at most ESC_MAX - 1 bytes. */
    char *out = arena_alloc(a, i + (n - i) * (ESC_MAX - 1) + 1), *w = out;
    memcpy(w, s, i);
    w += i;
    while (i < n) {
        i += one(s + i, n - i, keep, shown);
        size_t m = strlen(shown);
        memcpy(w, shown, m);
        w += m;
    }
    *w = '\0';
    return out;
}

size_t esc_char(const char *s, size_t n, char shown[ESC_MAX])
{
    return one(s, n, 0, shown);
}

const char *esc_text(Arena *a, const char *s)
{
    return transform(a, s, 0);
}

const char *esc_text_lines(Arena *a, const char *s)
{
    return transform(a, s, KEEP_LINES);
}

const char *esc_utf8(Arena *a, const char *s)
{
    if (!s || !u8_check((const uint8_t *)s, strlen(s)))
        return s; /* valid: the usual case, checked at libunistring's speed */
    return transform(a, s, KEEP_CONTROLS);
}
