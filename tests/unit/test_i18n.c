/* test_i18n.c — the language (base/i18n.h): which one the environment asks
 * for, the Danish catalogue looked up whether or not the machine has a
 * Danish locale (the test runs under LC_ALL=C, where gettext would
 * translate nothing by itself), plural forms, the table words and the
 * column widths made from them, and numbers with a decimal comma in
 * Danish text but never in JSON; Danish CSV with a BOM and ';'. Needs the catalogue make builds into
 * $(BUILD)/locale (RAMME_BUILD_DIR). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/i18n.h"
#include "emit/plan_out.h"
#include "emit/words.h"
#include "engine/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOCALEDIR RAMME_BUILD_DIR "/locale"

/* The start of a plan's CSV in each language. */
#define DA_HEAD "\xEF\xBB\xBF\"nummer\";\"dato\";\"ugedag\""
#define EN_HEAD "\"number\",\"date\",\"weekday\""

static const char *const env_vars[] = {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"};

/* The environment as given: NULL unsets. */
static const char *env(const char *lc_all, const char *lc_messages, const char *lang, const char *language)
{
    const char *v[] = {lc_all, lc_messages, lang, language};
    for (int i = 0; i < 4; i++) {
        if (v[i])
            setenv(env_vars[i], v[i], 1);
        else
            unsetenv(env_vars[i]);
    }
    static char buf[16];
    return i18n_env_language(buf, sizeof buf);
}

static void test_env_language(void **state)
{
    (void)state;
    assert_string_equal(env(NULL, NULL, NULL, NULL), "en");
    assert_string_equal(env(NULL, NULL, "da_DK.UTF-8", NULL), "da");
    assert_string_equal(env(NULL, NULL, "en_GB.UTF-8", NULL), "en");
    /* C.UTF-8 names a character set, not a language: LANG decides. */
    assert_string_equal(env("C.UTF-8", NULL, "da_DK.UTF-8", NULL), "da");
    assert_string_equal(env("C.utf8", NULL, "da_DK.UTF-8", NULL), "da");
    /* LC_ALL before LC_MESSAGES before LANG. */
    assert_string_equal(env("en_US.UTF-8", NULL, "da_DK.UTF-8", NULL), "en");
    assert_string_equal(env(NULL, "da_DK.UTF-8", "en_US.UTF-8", NULL), "da");
    /* C and POSIX ask for English, LANGUAGE or not (as gettext has it). */
    assert_string_equal(env("C", NULL, "da_DK.UTF-8", NULL), "en");
    assert_string_equal(env("POSIX", NULL, NULL, "da"), "en");
    /* LANGUAGE, GNU's list, comes first otherwise. */
    assert_string_equal(env(NULL, NULL, "en_US.UTF-8", "da:en"), "da");
    assert_string_equal(env("C.UTF-8", NULL, NULL, "da"), "da");
    assert_string_equal(env(NULL, NULL, "da_DK.UTF-8", "en"), "en");
    assert_string_equal(env(NULL, NULL, "da", NULL), "da");
}

/* Danish under LC_ALL=C, with no da_DK locale needed. */
static void use_danish(void)
{
    setenv("LC_ALL", "C", 1);
    unsetenv("LANGUAGE");
    assert_true(i18n_use("da", LOCALEDIR));
    assert_string_equal(i18n_language(), "da");
}

static void test_catalogue(void **state)
{
    (void)state;
    use_danish();
    assert_string_equal(_("pass"), "opfyldt");
    assert_string_equal(_("no sessions"), "ingen undervisningsgange");
    /* A message the catalogue lacks is its own English. */
    assert_string_equal(_("not a message of ramme"), "not a message of ramme");
    /* Plural forms by Danish's rule (n != 1). */
    assert_string_equal(P_("%d session", "%d sessions", 1), "%d undervisningsgang");
    assert_string_equal(P_("%d session", "%d sessions", 2), "%d undervisningsgange");
    assert_string_equal(P_("%d session", "%d sessions", 0), "%d undervisningsgange");
    /* The table words (TOOLS.md §6), through words_tr. */
    assert_string_equal(words_status(ST_FAIL), "IKKE OPFYLDT");
    assert_string_equal(words_status(ST_UNKNOWN), "kan ikke afgøres");
    assert_string_equal(words_status(ST_PASS), "opfyldt");
    assert_string_equal(words_status(ST_NA), "ikke relevant");
    assert_string_equal(words_severity(SEV_ERROR), "fejl");
    assert_string_equal(words_severity(SEV_WARNING), "advarsel");
    assert_string_equal(words_severity(SEV_ADVICE), "anbefaling");
    assert_string_equal(words_admit(AD_ELIGIBLE), "kan optages");
    assert_string_equal(words_admit(AD_INELIGIBLE), "kan ikke optages");
    assert_string_equal(words_admit(AD_REVIEW), "skal vurderes");
    /* Identifiers are JSON's: never translated. */
    assert_string_equal(words_status_id(ST_FAIL), "fail");
    assert_string_equal(words_admit_id(AD_REVIEW), "review");
    /* Columns are as wide as the widest translated word, in display
     * columns ("ø" is one). */
    assert_int_equal(words_width("kan ikke afgøres"), 16);
    assert_int_equal(words_status_width(), 16);
    assert_int_equal(words_severity_width(), 10);
    i18n_use("en", NULL);
}

static void test_english(void **state)
{
    (void)state;
    /* English looks nothing up, whatever the environment says. */
    setenv("LANGUAGE", "da", 1);
    setenv("LC_ALL", "C.UTF-8", 1);
    assert_true(i18n_use("en", LOCALEDIR));
    assert_string_equal(i18n_language(), "en");
    assert_string_equal(_("pass"), "pass");
    assert_string_equal(P_("%d session", "%d sessions", 1), "%d session");
    assert_string_equal(P_("%d session", "%d sessions", 3), "%d sessions");
    assert_int_equal(words_status_width(), 7);
    assert_int_equal(words_severity_width(), 7);
    unsetenv("LANGUAGE");
}

static void test_missing_catalogue(void **state)
{
    (void)state;
    assert_false(i18n_use("da", "/nonexistent/locale"));
    assert_string_equal(i18n_language(), "en");
    assert_string_equal(_("pass"), "pass");
    assert_false(i18n_use("sv", LOCALEDIR)); /* no Swedish catalogue */
    assert_string_equal(i18n_language(), "en");
}

static void test_decimal_comma(void **state)
{
    (void)state;
    char b[16];
    strcpy(b, "2.5");
    assert_string_equal(i18n_localize_number(b), "2.5");
    assert_int_equal(i18n_decimal_point(), '.');
    use_danish();
    assert_int_equal(i18n_decimal_point(), ',');
    strcpy(b, "2.5");
    assert_string_equal(i18n_localize_number(b), "2,5");
    strcpy(b, "78");
    assert_string_equal(i18n_localize_number(b), "78");

    /* Explanations show values with the comma; the course language's
     * form (a diff's before and after) keeps the point. */
    Arena *a = arena_new();
    RVal num = {.k = RV_NUM, .u.num = 2.5};
    assert_string_equal(eval_show(a, &num), "2,5");
    assert_string_equal(eval_show_code(a, &num), "2.5");
    RVal whole = {.k = RV_NUM, .u.num = 3};
    assert_string_equal(eval_show(a, &whole), "3");
    arena_free(a);
    i18n_use("en", NULL);
    a = arena_new();
    assert_string_equal(eval_show(a, &num), "2.5");
    arena_free(a);
}

/* A plan of one 2.5-hour session: Danish text and CSV say 2,5, JSON 2.5. */
static void test_plan_hours(void **state)
{
    (void)state;
    static Block course = {.name = "c", .title = "Peer-uddannelse"};
    static Block m1 = {.name = "m1"};
    static Block *mods[] = {&m1};
    static Session s[1];
    s[0].number = 1;
    s[0].date = civil_days(2025, 2, 3);
    s[0].start = 9 * 60;
    s[0].end = 11 * 60 + 30;
    s[0].hours = 2.5;
    s[0].cumulative = 2.5;
    civil_iso_week(s[0].date, &s[0].iso_year, &s[0].iso_week);
    s[0].weekday = civil_weekday(s[0].date);
    s[0].modules = mods;
    s[0].nmodules = 1;
    static WeekLoad w[1];
    w[0] = (WeekLoad){2025, 6, 2.5};
    Plan p = {0};
    p.course = &course;
    p.sessions = s;
    p.nsessions = 1;
    p.weeks = w;
    p.nweeks = 1;

    use_danish();
    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    plan_text(f, &p, false);
    fclose(f);
    if (!strstr(buf, "1 undervisningsgang, 2,5 timer, ISO-uge 6 (1 uge)\n"))
        fail_msg("no Danish summary line in\n%s", buf);
    if (!strstr(buf, "u6: 2,5"))
        fail_msg("no Danish week hours in\n%s", buf);
    if (!strstr(buf, "timer  i alt"))
        fail_msg("no Danish headings in\n%s", buf);
    if (!strstr(buf, "  1  2025-02-03  mandag  "))
        fail_msg("no Danish weekday in\n%s", buf);
    free(buf);

    /* A Friday and a Saturday: fredag and lørdag are both six columns
     * wide, though lørdag is seven bytes; the times line up. */
    static Session two[2];
    two[0] = s[0];
    two[0].date = civil_days(2025, 3, 28);
    two[0].weekday = civil_weekday(two[0].date);
    two[1] = two[0];
    two[1].number = 2;
    two[1].date = civil_days(2025, 3, 29);
    two[1].weekday = civil_weekday(two[1].date);
    p.sessions = two;
    p.nsessions = 2;
    f = open_memstream(&buf, &len);
    plan_text(f, &p, false);
    fclose(f);
    const char *fri = strstr(buf, "fredag"), *sat = strstr(buf, "lørdag");
    if (!fri || !sat || strncmp(fri + 6, "  09:00", 7) != 0 || strncmp(sat + strlen("lørdag"), "  09:00", 7) != 0)
        fail_msg("fredag and lørdag not padded alike in\n%s", buf);
    free(buf);
    p.sessions = s;
    p.nsessions = 1;

    f = open_memstream(&buf, &len);
    assert_int_equal(plan_csv(f, &p), 0);
    fclose(f);
    /* What Danish Excel opens as it is: a UTF-8 BOM, ';' between fields
     * (the comma is the decimal mark), Danish headings. */
    if (strncmp(buf, DA_HEAD, sizeof DA_HEAD - 1) != 0 || !strstr(buf, "\"2,5\";\"2,5\""))
        fail_msg("no Danish CSV in\n%s", buf);
    free(buf);

    f = open_memstream(&buf, &len);
    assert_int_equal(plan_json(f, &p), 0);
    fclose(f);
    if (!strstr(buf, "\"hours\": 2.5") || strstr(buf, "2,5"))
        fail_msg("JSON must keep the point:\n%s", buf);
    free(buf);
    i18n_use("en", NULL);

    f = open_memstream(&buf, &len);
    plan_text(f, &p, false);
    fclose(f);
    if (!strstr(buf, "1 session, 2.5 hours, ISO week 6 (1 week)\n"))
        fail_msg("no English summary line in\n%s", buf);
    free(buf);

    f = open_memstream(&buf, &len);
    assert_int_equal(plan_csv(f, &p), 0);
    fclose(f);
    if (strncmp(buf, EN_HEAD, sizeof EN_HEAD - 1) != 0 || !strstr(buf, "\"2.5\",\"2.5\""))
        fail_msg("no English CSV (no BOM, ',') in\n%s", buf);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_env_language),
        cmocka_unit_test(test_catalogue),
        cmocka_unit_test(test_english),
        cmocka_unit_test(test_missing_catalogue),
        cmocka_unit_test(test_decimal_comma),
        cmocka_unit_test(test_plan_hours),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
