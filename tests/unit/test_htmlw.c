/* test_htmlw.c — text made safe for an HTML page (src/emit/htmlw.h): the five
 * characters HTML gives a meaning as entities, control characters and bytes
 * that are not UTF-8 as the text reports show them, no copy when nothing
 * changes, and the writers (hw_text, hw_printf) escaping all they write. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "emit/htmlw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_entities(void **state)
{
    (void)state;
    Arena *a = arena_new();
    assert_string_equal(hw_escape(a, "<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
    assert_string_equal(hw_escape(a, "A & B"), "A &amp; B");
    assert_string_equal(hw_escape(a, "\"q\" 'a'"), "&quot;q&quot; &#39;a&#39;");
    /* An entity already in the text is text: its & is escaped again. */
    assert_string_equal(hw_escape(a, "&amp;"), "&amp;amp;");
    assert_string_equal(hw_escape(a, "&<>\"'"), "&amp;&lt;&gt;&quot;&#39;");
    assert_string_equal(hw_escape(a, ""), "");
    assert_null(hw_escape(a, NULL));
    arena_free(a);
}

/* Control characters as \u{HEX} and a line break as \n (esc.h), then the
 * entities; a byte that is not UTF-8 becomes U+FFFD; other UTF-8 stays. */
static void test_controls_and_utf8(void **state)
{
    (void)state;
    Arena *a = arena_new();
    assert_string_equal(hw_escape(a, "a\x1b[2J<b>\nc"), "a\\u{1b}[2J&lt;b&gt;\\nc");
    assert_string_equal(hw_escape(a, "f\xFF&"), "f\xEF\xBF\xBD&amp;");
    assert_string_equal(hw_escape(a, "Højst 8 – ørred"), "Højst 8 – ørred");
    arena_free(a);
}

/* Text that needs nothing is returned as it is, not copied. */
static void test_no_copy(void **state)
{
    (void)state;
    Arena *a = arena_new();
    const char *s = "national.goal_coverage: Kompetencemål";
    assert_ptr_equal(hw_escape(a, s), s);
    assert_ptr_not_equal(hw_escape(a, "a&b"), NULL);
    arena_free(a);
}

static char *written(void (*write)(FILE *))
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    write(f);
    fclose(f);
    return buf;
}

static void write_text(FILE *f)
{
    hw_text(f, "<i>x</i> & y");
    hw_text(f, NULL);
}

static void write_printf(FILE *f)
{
    /* The format's own characters are escaped too: the whole result is text. */
    hw_printf(f, "course %s \"%s\" (%d)", "k<1>", "T & 'U'", 3);
}

static void test_writers(void **state)
{
    (void)state;
    char *s = written(write_text);
    assert_string_equal(s, "&lt;i&gt;x&lt;/i&gt; &amp; y");
    free(s);
    s = written(write_printf);
    assert_string_equal(s, "course k&lt;1&gt; &quot;T &amp; &#39;U&#39;&quot; (3)");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entities),
        cmocka_unit_test(test_controls_and_utf8),
        cmocka_unit_test(test_no_copy),
        cmocka_unit_test(test_writers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
