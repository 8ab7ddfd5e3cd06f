/* test_sbuf.c — strings built in an arena (src/base/sbuf.h) and the date
 * conversion everything shares (src/base/civil.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/civil.h"
#include "base/sbuf.h"

#include <stdio.h>
#include <string.h>

static void test_sb_empty_and_pieces(void **state)
{
    (void)state;
    Arena *a = arena_new();
    SBuf b = sb_new(a);
    assert_string_equal(sb_str(&b), "");
    sb_puts(&b, "count(target) = ");
    sb_int(&b, 0);
    sb_put(&b, ", needs >= 1 and more", 12);
    assert_string_equal(sb_str(&b), "count(target) = 0, needs >= 1");
    assert_int_equal(b.n, strlen("count(target) = 0, needs >= 1"));
    arena_free(a);
}

/* Past its first 64 bytes the string moves; what was written stays. */
static void test_sb_grows(void **state)
{
    (void)state;
    Arena *a = arena_new();
    SBuf b = sb_new(a);
    char want[5000] = "";
    for (int i = 0; i < 900; i++) {
        sb_int(&b, i);
        sb_put(&b, ",", 1);
        snprintf(want + strlen(want), sizeof want - strlen(want), "%d,", i);
    }
    assert_string_equal(sb_str(&b), want);
    arena_free(a);
}

static void test_sb_int(void **state)
{
    (void)state;
    Arena *a = arena_new();
    const int64_t v[] = {0, 7, -7, 10, 1234567890123LL, INT64_MAX, INT64_MIN, -1};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        char want[32];
        snprintf(want, sizeof want, "%lld", (long long)v[i]);
        SBuf b = sb_new(a);
        sb_int(&b, v[i]);
        assert_string_equal(sb_str(&b), want);
    }
    /* Every number of up to six digits (two digits a step, an odd one
     * first), either sign, and each power of ten and its neighbours. */
    for (int64_t x = -999999; x <= 999999; x++) {
        char want[32];
        snprintf(want, sizeof want, "%lld", (long long)x);
        SBuf b = sb_new(a);
        sb_int(&b, x);
        if (strcmp(sb_str(&b), want) != 0)
            fail_msg("%s written as %s", want, sb_str(&b));
        if ((x & 1023) == 0)
            arena_reset(a);
    }
    for (int64_t p10 = 1; p10 <= INT64_MAX / 10; p10 *= 10)
        for (int64_t x = p10 - 1; x <= p10 + 1; x++) {
            char want[32];
            snprintf(want, sizeof want, "%lld", (long long)x);
            SBuf b = sb_new(a);
            sb_int(&b, x);
            assert_string_equal(sb_str(&b), want);
        }
    arena_free(a);
}

static void test_sb_pad_and_pair(void **state)
{
    (void)state;
    Arena *a = arena_new();
    SBuf b = sb_new(a);
    sb_pad(&b, 7, 4);
    sb_put(&b, " ", 1);
    sb_pad(&b, 12345, 2);
    sb_put(&b, " ", 1);
    sb_pad(&b, 0, 2);
    sb_put(&b, " ", 1);
    sb_pair(&b, 9, ':', 30);
    sb_put(&b, " ", 1);
    sb_pair(&b, 12, '-', 24);
    assert_string_equal(sb_str(&b), "0007 12345 00 09:30 12-24");
    arena_free(a);
}

/* civil_days and civil_date are inverse over the years ramme accepts
 * (1..9999), and agree with known days. */
static void test_civil(void **state)
{
    (void)state;
    assert_int_equal(civil_days(1970, 1, 1), 0);
    assert_int_equal(civil_days(2000, 3, 1), 11017);
    assert_int_equal(civil_days(1, 1, 1), -719162);
    assert_int_equal(civil_days(9999, 12, 31), 2932896);
    int32_t prev = civil_days(1, 1, 1) - 1;
    for (int y = 1; y <= 9999; y += 7) {
        for (int m = 1; m <= 12; m++) {
            int32_t d = civil_days(y, m, 1);
            int yy, mm, dd;
            civil_date(d, &yy, &mm, &dd);
            assert_int_equal(yy, y);
            assert_int_equal(mm, m);
            assert_int_equal(dd, 1);
            assert_true(d > prev);
            prev = d;
        }
    }
    int y, m, d;
    civil_date(civil_days(2024, 2, 29) + 1, &y, &m, &d);
    assert_int_equal(m * 100 + d, 301);
}

static void test_civil_write(void **state)
{
    (void)state;
    Arena *a = arena_new();
    const struct { int y, m, d; const char *s; } c[] = {
        {1970, 1, 1, "1970-01-01"}, {2025, 3, 24, "2025-03-24"}, {1, 1, 1, "0001-01-01"}, {9999, 12, 31, "9999-12-31"},
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        SBuf b = sb_new(a);
        civil_write(&b, civil_days(c[i].y, c[i].m, c[i].d));
        assert_string_equal(sb_str(&b), c[i].s);
    }
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sb_empty_and_pieces),
        cmocka_unit_test(test_sb_grows),
        cmocka_unit_test(test_sb_int),
        cmocka_unit_test(test_sb_pad_and_pair),
        cmocka_unit_test(test_civil),
        cmocka_unit_test(test_civil_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
