/* test_words.c — the one vocabulary (emit/words.h): the JSON identifiers
 * are the values LANGUAGE.md §7 names, the words a person reads are the
 * ones every report shows, each goes through the translation hook, and
 * there is one palette keyed by meaning. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "emit/words.h"

#include <string.h>

/* The values of "status", "severity" and the admission "status" in the
 * JSON documents: a program reads them, so they never change with the
 * language. */
static void test_identifiers(void **state)
{
    (void)state;
    assert_string_equal(words_status_id(ST_FAIL), "fail");
    assert_string_equal(words_status_id(ST_UNKNOWN), "unknown");
    assert_string_equal(words_status_id(ST_PASS), "pass");
    assert_string_equal(words_status_id(ST_NA), "not_applicable");
    assert_string_equal(words_severity_id(SEV_ERROR), "error");
    assert_string_equal(words_severity_id(SEV_WARNING), "warning");
    assert_string_equal(words_severity_id(SEV_ADVICE), "advice");
    assert_string_equal(words_admit_id(AD_ELIGIBLE), "eligible");
    assert_string_equal(words_admit_id(AD_INELIGIBLE), "ineligible");
    assert_string_equal(words_admit_id(AD_REVIEW), "review");
    assert_string_equal(words_diag_id(DIAG_ERROR), "error");
    assert_string_equal(words_diag_id(DIAG_WARNING), "warning");
    assert_string_equal(words_diag_id(DIAG_NOTE), "note");
    assert_string_equal(words_change_id(DC_CHANGED), "changed");
    assert_string_equal(words_change_id(DC_ADDED), "added");
    assert_string_equal(words_change_id(DC_REMOVED), "removed");
}

/* The words of the text reports: the same in check, schedule and diff
 * (the diff's "not judged" for a rule one side is not judged by). */
static void test_words_to_read(void **state)
{
    (void)state;
    assert_string_equal(words_status(ST_FAIL), "FAIL");
    assert_string_equal(words_status(ST_UNKNOWN), "unknown");
    assert_string_equal(words_status(ST_PASS), "pass");
    assert_string_equal(words_status(ST_NA), "n/a");
    assert_string_equal(words_not_judged(), "not judged");
    assert_string_equal(words_severity(SEV_ERROR), "error");
    assert_string_equal(words_severity(SEV_WARNING), "warning");
    assert_string_equal(words_severity(SEV_ADVICE), "advice");
    assert_string_equal(words_admit(AD_REVIEW), "review");
    assert_string_equal(words_diag(DIAG_NOTE), "note");
    assert_string_equal(words_change(DC_REMOVED), "removed");
}

/* Every word to read is what words_tr makes of it: the lookup is the one
 * place a translation hooks in (today it returns the word itself), and an
 * N_() mark changes nothing at run time. */
static void test_through_the_hook(void **state)
{
    (void)state;
    assert_string_equal(N_("FAIL"), "FAIL");
    const char *msgids[] = {"FAIL", "unknown", "pass", "n/a"};
    for (int s = ST_FAIL; s <= ST_NA; s++)
        assert_string_equal(words_status((RuleStatus)s), words_tr(msgids[s]));
    assert_string_equal(words_not_judged(), words_tr("not judged"));
    assert_string_equal(words_tr("error"), "error");
}

/* A value from outside the enum (a cast gone wrong) gives "?", never a
 * read past the table. */
static void test_out_of_range(void **state)
{
    (void)state;
    assert_string_equal(words_status_id((RuleStatus)7), "?");
    assert_string_equal(words_status((RuleStatus)-1), "?");
    assert_string_equal(words_severity((Severity)3), "?");
    assert_string_equal(words_admit_id((AdmitStatus)3), "?");
    assert_string_equal(words_paint((Paint)99, true), "");
}

/* One palette: nothing without colour; with colour an SGR sequence for
 * every meaning but plain; the meanings that must be told apart look
 * different; and the rule statuses map to them the same way for every
 * command (a failure by its severity). */
static void test_palette(void **state)
{
    (void)state;
    for (int p = PAINT_NONE; p <= PAINT_RESET; p++) {
        assert_string_equal(words_paint((Paint)p, false), "");
        const char *c = words_paint((Paint)p, true);
        if (p == PAINT_NONE) {
            assert_string_equal(c, "");
            continue;
        }
        assert_true(strncmp(c, "\033[", 2) == 0);
        assert_int_equal(c[strlen(c) - 1], 'm');
    }
    assert_string_equal(words_paint(PAINT_RESET, true), "\033[0m");
    assert_string_equal(words_paint(PAINT_ERROR, true), "\033[1;31m");
    const Paint apart[] = {PAINT_ERROR, PAINT_WARNING, PAINT_NOTE, PAINT_PASS, PAINT_UNKNOWN, PAINT_HEADING};
    for (size_t i = 0; i < sizeof apart / sizeof *apart; i++)
        for (size_t k = i + 1; k < sizeof apart / sizeof *apart; k++)
            assert_string_not_equal(words_paint(apart[i], true), words_paint(apart[k], true));

    assert_int_equal(words_status_paint(ST_FAIL, SEV_ERROR), PAINT_ERROR);
    assert_int_equal(words_status_paint(ST_FAIL, SEV_WARNING), PAINT_WARNING);
    assert_int_equal(words_status_paint(ST_FAIL, SEV_ADVICE), PAINT_ADVICE);
    assert_int_equal(words_status_paint(ST_UNKNOWN, SEV_ERROR), PAINT_UNKNOWN);
    assert_int_equal(words_status_paint(ST_PASS, SEV_ERROR), PAINT_PASS);
    assert_int_equal(words_status_paint(ST_NA, SEV_ERROR), PAINT_NONE);
    assert_int_equal(words_diag_paint(DIAG_ERROR), PAINT_ERROR);
    assert_int_equal(words_diag_paint(DIAG_WARNING), PAINT_WARNING);
    assert_int_equal(words_diag_paint(DIAG_NOTE), PAINT_NOTE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identifiers),
        cmocka_unit_test(test_words_to_read),
        cmocka_unit_test(test_through_the_hook),
        cmocka_unit_test(test_out_of_range),
        cmocka_unit_test(test_palette),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
