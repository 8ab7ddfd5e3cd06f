/* test_render.c — places in reports (src/emit/render.h): "file:line:col"
 * in text, {"file", "line", "column"} in JSON, and nothing at all for a
 * span with no place — a span_none, another set's file, or no set (a
 * report built without sources once crashed here). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "emit/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A place on the first line of a one-line file (the tests' sources). */
static Span at(int file, int line, int col)
{
    assert_int_equal(line, 1);
    return span_at(file, (size_t)col - 1, (size_t)col - 1);
}

static void test_place_text(void **state)
{
    (void)state;
    SourceSet ss;
    src_init(&ss);
    int f = src_add(&ss, "kursus.ramme", "course c {}\n", 12);
    Arena *a = arena_new();
    assert_string_equal(render_place_text(a, &ss, at(f, 1, 8)), "kursus.ramme:1:8");
    assert_string_equal(render_place_text(a, &ss, span_none()), "");
    assert_string_equal(render_place_text(a, &ss, at(f + 1, 1, 1)), "");
    assert_string_equal(render_place_text(a, NULL, at(0, 1, 1)), "");
    /* Lines and columns are counted from the offsets when shown: "\r\n"
     * ends a line, 'ø' is one column. */
    int g = src_add(&ss, "crlf.ramme", "a\r\nkø x\r\n", 10);
    assert_string_equal(render_place_text(a, &ss, span_at(g, 7, 8)), "crlf.ramme:2:4");
    arena_free(a);
    src_free(&ss);
}

static void test_place_json(void **state)
{
    (void)state;
    SourceSet ss;
    src_init(&ss);
    int f = src_add(&ss, "kursus.ramme", "course c {}\n", 12);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    JsonW *w = jw_new(out, 0);
    jw_open(w, '[');
    render_place_json(w, &ss, at(f, 1, 8));
    render_place_json(w, NULL, at(0, 1, 1));
    jw_close(w, ']');
    assert_true(jw_free(w));
    fclose(out);
    /* The writer's layout aside: the words only. */
    char *w2 = buf;
    for (char *r = buf; *r; r++)
        if (*r != ' ' && *r != '\n')
            *w2++ = *r;
    *w2 = '\0';
    assert_string_equal(buf, "[{\"file\":\"kursus.ramme\",\"line\":1,\"column\":8},{}]");
    free(buf);
    src_free(&ss);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_place_text),
        cmocka_unit_test(test_place_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
