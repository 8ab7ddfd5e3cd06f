/* test_utf8.c — utf8_first_bad (src/base/utf8.h) against its definition:
 * the first of libunistring's u8_check and the first NUL. Edge sequences
 * at every position of the eight-byte word, and random texts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/utf8.h"

#include <string.h>
#include <unistr.h>

/* The definition: the first invalid sequence or NUL. */
static const char *reference(const char *s, size_t n)
{
    const char *bad = (const char *)u8_check((const uint8_t *)s, n);
    const char *nul = memchr(s, '\0', bad ? (size_t)(bad - s) : n);
    return nul ? nul : bad;
}

static void same(const char *s, size_t n)
{
    const char *want = reference(s, n), *got = utf8_first_bad(s, n);
    if (got != want)
        fail_msg("length %zu: got %td, want %td", n, got ? got - s : -1, want ? want - s : -1);
}

/* Each sequence after 0..33 bytes of ASCII (every place in the 32- and
 * 16-byte steps) and before 0..9 more, whole and
 * cut at every length. */
static void test_edges(void **state)
{
    (void)state;
    static const char *const seqs[] = {
        "",          "\x00",         "\x7f",             "\xc3\xb8",         "\xc2\x80",         "\xdf\xbf",
        "\xc0\x80",  "\xc1\xbf",     "\xe0\xa0\x80",     "\xe0\x9f\xbf",     "\xed\x9f\xbf",     "\xed\xa0\x80",
        "\xef\xbf\xbf", "\xf0\x90\x80\x80", "\xf0\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80",
        "\xf5\x80\x80\x80", "\xff",  "\x80",            "\xc3",             "\xe2\x80",         "\xe2\x80\x9c",
        "\xc3\xc3\xb8", "\xdf\x7f", "\xc3\xb8\xc3\xa6\xc3", "\xc3\xb8\x80",
    };
    static const size_t lens[] = {0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 1, 1, 1, 2, 3, 3, 2, 5, 3};
    char buf[64];
    for (size_t k = 0; k < sizeof seqs / sizeof *seqs; k++)
        for (size_t pre = 0; pre < 34; pre++)
            for (size_t post = 0; post < 10; post++) {
                memset(buf, 'a', sizeof buf);
                memcpy(buf + pre, seqs[k], lens[k]);
                size_t n = pre + lens[k] + post;
                for (size_t cut = 0; cut <= n; cut++)
                    same(buf, cut);
            }
}

/* Random texts: mostly ASCII with Danish letters, curly quotes, NULs and
 * stray bytes, from a fixed seed. */
static void test_random(void **state)
{
    (void)state;
    static const char *const parts[] = {"a", "b ", "\n", "\xc3\xa6", "\xc3\xb8", "\xc3\xa5", "\xe2\x80\x9c",
                                        "\xf0\x9f\x98\x80", "\x00", "\x80", "\xc3", "\xed\xa0\x80", "  ", "xyz"};
    uint64_t x = 0x9e3779b97f4a7c15ULL;
    char buf[256];
    for (int round = 0; round < 200000; round++) {
        size_t n = 0;
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t pieces = x % 40;
        for (size_t i = 0; i < pieces; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            /* the bad ones rarely, so that most texts are long and clean */
            size_t k = x % 100 < 95 ? x % 8 : (x >> 8) % (sizeof parts / sizeof *parts);
            const char *p = parts[k];
            size_t len = k == 8 ? 1 : strlen(p);
            if (n + len > sizeof buf)
                break;
            memcpy(buf + n, p, len);
            n += len;
        }
        same(buf, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
