/* test_esc.c — text made safe to show (src/base/esc.h): control characters in
 * the language's own notation, bytes that are not UTF-8 as U+FFFD, and no
 * copy when nothing changes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/esc.h"

#include <stdbool.h>
#include <string.h>

static void test_text_controls(void **state)
{
    (void)state;
    Arena *a = arena_new();
    /* ESC, BEL, CR, a line break, DEL; a tab stays. */
    assert_string_equal(esc_text(a, "a\x1b]0;t\x07" "b\r\nc\x7f\td"), "a\\u{1b}]0;t\\u{7}b\\u{d}\\nc\\u{7f}\td");
    assert_string_equal(esc_text(a, "\x01\x1f"), "\\u{1}\\u{1f}");
    /* C1 controls (U+0080..U+009F, two bytes in UTF-8); U+00A0 is not one. */
    assert_string_equal(esc_text(a, "x\xC2\x9B" "31m\xC2\x80\xC2\xA0"), "x\\u{9b}31m\\u{80}\xC2\xA0");
    /* Not UTF-8: each such byte a U+FFFD, the text around it kept. */
    assert_string_equal(esc_text(a, "f\xFF" "g\xC3"), "f\xEF\xBF\xBDg\xEF\xBF\xBD");
    assert_null(esc_text(a, NULL));
    arena_free(a);
}

/* Text that needs nothing is returned as it is, not copied. */
static void test_text_no_copy(void **state)
{
    (void)state;
    Arena *a = arena_new();
    const char *s = "Peer-uddannelse, Region Midtjylland \xE2\x80\x93 \xC3\xA6\xC3\xB8\xC3\xA5 \t \\u{1b}";
    assert_ptr_equal(esc_text(a, s), s);
    assert_ptr_equal(esc_text(a, ""), (const char *)"");
    assert_ptr_equal(esc_utf8(a, s), s);
    arena_free(a);
}

static void test_text_lines(void **state)
{
    (void)state;
    Arena *a = arena_new();
    assert_string_equal(esc_text_lines(a, "a\nb\x1b" "c\r"), "a\nb\\u{1b}c\\u{d}");
    arena_free(a);
}

/* The word-at-a-time scan for printable ASCII (esc.c) against the
 * character-by-character rule: every byte value at every position of the
 * first two words and the tail, in strings of every length up to 19, gives
 * the text itself exactly when the byte is printable ASCII or a tab. */
static void test_text_words(void **state)
{
    (void)state;
    Arena *a = arena_new();
    char buf[24];
    for (size_t len = 1; len <= 19; len++)
        for (size_t at = 0; at < len; at++)
            for (int b = 1; b < 256; b++) {
                memset(buf, 'a', len);
                buf[len] = '\0';
                buf[at] = (char)b;
                const char *e = esc_text(a, buf);
                bool own = (b >= 0x20 && b < 0x7F) || b == '\t';
                if (own != (e == buf))
                    fail_msg("byte 0x%02x at %zu of %zu: %s", b, at, len, own ? "copied" : "kept");
                /* Escaped, the text around the byte is kept as it was. */
                size_t el = strlen(e), tail = len - at - 1;
                if (strspn(e, "a") < at || el < at + tail || strspn(e + el - tail, "a") != tail)
                    fail_msg("byte 0x%02x at %zu of %zu: the text around it is lost (%s)", b, at, len, e);
            }
    arena_free(a);
}

/* esc_text as esc_char shows each character, one after the other. */
static const char *by_chars(Arena *a, const char *s)
{
    size_t n = strlen(s);
    char *out = arena_alloc(a, n * ESC_MAX + 1), *w = out, shown[ESC_MAX];
    for (size_t i = 0; i < n;) {
        i += esc_char(s + i, n - i, shown);
        size_t m = strlen(shown);
        memcpy(w, shown, m);
        w += m;
    }
    *w = '\0';
    return out;
}

/* Two bytes after printable runs of every length (the scan settles a
 * two-byte character without decoding it and takes up the word-at-a-time
 * run after it): every lead byte 0x80..0xFF with every second byte, then
 * more text, gives what esc_char gives character by character, and the
 * text itself exactly when that is the same. */
static void test_text_pairs(void **state)
{
    (void)state;
    Arena *a = arena_new();
    char buf[48];
    for (size_t before = 0; before <= 9; before++)
        for (int lead = 0x80; lead < 256; lead++)
            for (int next = 1; next < 256; next++) {
                memset(buf, 'a', before);
                buf[before] = (char)lead;
                buf[before + 1] = (char)next;
                memcpy(buf + before + 2, "b\xC3\xA6" "cdefghijk\xC3\x97" "lm", 17);
                buf[before + 2 + 17] = '\0';
                const char *e = esc_text(a, buf), *want = by_chars(a, buf);
                if (strcmp(e, want) != 0 || (e == buf) != (strcmp(want, buf) == 0))
                    fail_msg("0x%02x 0x%02x after %zu bytes: \"%s\", wanted \"%s\"", lead, next, before, e, want);
            }
    arena_free(a);
}

static void test_utf8(void **state)
{
    (void)state;
    Arena *a = arena_new();
    /* Controls stay (JSON escapes them); bad bytes, overlong forms and
     * surrogates become U+FFFD, one per byte. */
    assert_string_equal(esc_utf8(a, "\x1b\n\xFF" "a"), "\x1b\n\xEF\xBF\xBD" "a");
    assert_string_equal(esc_utf8(a, "\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_string_equal(esc_utf8(a, "\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_null(esc_utf8(a, NULL));
    arena_free(a);
}

/* One character at a time, as the source excerpt walks a line. */
static void test_char(void **state)
{
    (void)state;
    char shown[ESC_MAX];
    assert_int_equal(esc_char("\x1b[", 2, shown), 1);
    assert_string_equal(shown, "\\u{1b}");
    assert_int_equal(esc_char("\xC3\xA6x", 3, shown), 2);
    assert_string_equal(shown, "\xC3\xA6");
    assert_int_equal(esc_char("\xC2\x9F", 2, shown), 2);
    assert_string_equal(shown, "\\u{9f}");
    assert_int_equal(esc_char("\xE2\x80", 2, shown), 1); /* cut short */
    assert_string_equal(shown, "\xEF\xBF\xBD");
    assert_int_equal(esc_char("\t", 1, shown), 1);
    assert_string_equal(shown, "\t");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_controls),
        cmocka_unit_test(test_text_no_copy),
        cmocka_unit_test(test_text_lines),
        cmocka_unit_test(test_text_words),
        cmocka_unit_test(test_text_pairs),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_char),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
