/* test_jsonw.c — the streaming JSON writer lays out exactly the bytes that
 * jansson's json_dumps(JSON_INDENT(2) | JSON_PRESERVE_ORDER) does, so that
 * `check --format json` did not change when it stopped building trees. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "emit/jsonw.h"

#include <jansson.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every byte that needs care in a string: each control character, quote,
 * backslash, slash, DEL and UTF-8. */
static void awkward(char *s)
{
    int k = 0;
    for (int c = 1; c < 0x20; c++)
        s[k++] = (char)c;
    memcpy(s + k, "\"\\/\x7f \xC3\xA6\xC3\xB8\xC3\xA5 \xE2\x80\x9C", 16);
    s[k + 16] = '\0';
}

/* The same document both ways: a jansson tree and writer calls. */
static json_t *tree(const char *odd)
{
    json_t *doc = json_object();
    json_object_set_new(doc, "course", json_string("region_midt"));
    json_object_set_new(doc, "title", json_null());
    json_object_set_new(doc, "odd", json_string(odd));
    json_object_set_new(doc, "empty_list", json_array());
    json_object_set_new(doc, "empty_object", json_object());
    json_t *list = json_array();
    for (int i = 0; i < 3; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "n", json_integer(i - 1));
        json_object_set_new(o, "big", json_integer(9223372036854775807LL));
        json_t *inner = json_array();
        for (int k = 0; k < i; k++)
            json_array_append_new(inner, json_string("x"));
        json_object_set_new(o, "inner", inner);
        json_array_append_new(list, o);
    }
    json_object_set_new(doc, "list", list);
    return doc;
}

static void written(JsonW *w, const char *odd)
{
    jw_open(w, '{');
    jw_key(w, "course");
    jw_str(w, "region_midt");
    jw_key(w, "title");
    jw_str(w, NULL);
    jw_key(w, "odd");
    jw_str(w, odd);
    jw_key(w, "empty_list");
    jw_open(w, '[');
    jw_close(w, ']');
    jw_key(w, "empty_object");
    jw_open(w, '{');
    jw_close(w, '}');
    jw_key(w, "list");
    jw_open(w, '[');
    for (int i = 0; i < 3; i++) {
        jw_open(w, '{');
        jw_key(w, "n");
        jw_int(w, i - 1);
        jw_key(w, "big");
        jw_int(w, 9223372036854775807LL);
        jw_key(w, "inner");
        jw_open(w, '[');
        for (int k = 0; k < i; k++)
            jw_str(w, "x");
        jw_close(w, ']');
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

static char *write_all(int indent, const char *odd)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    JsonW *w = malloc(sizeof *w);
    assert_non_null(w);
    jw_init(w, f, indent);
    written(w, odd);
    assert_true(jw_flush(w));
    free(w);
    fclose(f);
    return buf;
}

/* jansson's text with every line after the first shifted by `indent`. */
static char *shifted(const json_t *j, int indent)
{
    char *t = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    assert_non_null(t);
    size_t n = strlen(t), lines = 1;
    for (size_t i = 0; i < n; i++)
        lines += t[i] == '\n';
    char *out = malloc(n + lines * (size_t)indent + 1), *o = out;
    assert_non_null(out);
    for (size_t i = 0; i < n; i++) {
        *o++ = t[i];
        if (t[i] == '\n')
            for (int k = 0; k < indent; k++)
                *o++ = ' ';
    }
    *o = '\0';
    free(t);
    return out;
}

static void test_same_bytes_as_jansson(void **state)
{
    (void)state;
    char odd[64];
    awkward(odd);
    json_t *doc = tree(odd);
    for (int indent = 0; indent <= 4; indent += 4) {
        char *want = shifted(doc, indent);
        char *got = write_all(indent, odd);
        assert_string_equal(got, want);
        free(got);
        free(want);
    }
    json_decref(doc);
}

/* Output larger than the writer's buffer arrives whole and in order. */
static void test_longer_than_the_buffer(void **state)
{
    (void)state;
    size_t big = 200000;
    char *s = malloc(big + 1);
    assert_non_null(s);
    for (size_t i = 0; i < big; i++)
        s[i] = (char)('a' + i % 26);
    s[big] = '\0';
    json_t *arr = json_array();
    for (int i = 0; i < 3; i++)
        json_array_append_new(arr, json_string(s));
    char *want = shifted(arr, 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    JsonW *w = malloc(sizeof *w);
    jw_init(w, f, 0);
    jw_open(w, '[');
    for (int i = 0; i < 3; i++)
        jw_str(w, s);
    jw_close(w, ']');
    assert_true(jw_flush(w));
    fclose(f);
    assert_string_equal(buf, want);
    free(w);
    free(buf);
    free(want);
    free(s);
    json_decref(arr);
}

/* A string that is not UTF-8 (a Latin-1 file name) comes out as valid
 * JSON, each bad byte a U+FFFD, as a key and as a value. */
static void test_invalid_utf8(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    JsonW *w = malloc(sizeof *w);
    assert_non_null(w);
    jw_init(w, f, 0);
    jw_open(w, '{');
    jw_key(w, "f\xfe");
    jw_str(w, "\xff.ramme \xC3\xA6\x1b");
    jw_close(w, '}');
    assert_true(jw_flush(w));
    free(w);
    fclose(f);
    assert_string_equal(buf, "{\n  \"f\xEF\xBF\xBD\": \"\xEF\xBF\xBD.ramme \xC3\xA6\\u001B\"\n}");
    json_error_t err;
    json_t *back = json_loads(buf, 0, &err);
    assert_non_null(back);
    json_decref(back);
    free(buf);

}

/* A writer on a memory stream; mem_done flushes, closes and returns the text. */
typedef struct Mem {
    char *buf;
    size_t len;
    FILE *f;
    JsonW *w;
} Mem;

static JsonW *mem_writer(Mem *m, int indent)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    assert_non_null(m->f);
    m->w = jw_new(m->f, indent);
    return m->w;
}

static char *mem_done(Mem *m)
{
    assert_true(jw_free(m->w));
    fclose(m->f);
    return m->buf;
}

/* Reals come out as jansson writes them (%.17g, ".0" for a whole number,
 * no '+' nor leading zeros in the exponent), so the schedule's hours read
 * as they did when the schedule was a dumped tree. */
static void test_reals_as_jansson(void **state)
{
    (void)state;
    static const double v[] = {1.5,   2.25,   0.75,  3.0,    -0.0,     0.1,     1.0 / 3,  1e20,   1e21,
                               1e-7,  123456789.125, -2.5e-300, 1.7976931348623157e308, 4.9e-324, 100.0,
                               1e16,  12345678901234567890.0, 0.30000000000000004};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        json_t *arr = json_array();
        json_array_append_new(arr, json_real(v[i]));
        char *want = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        Mem m;
        JsonW *w = mem_writer(&m, 0);
        jw_open(w, '[');
        jw_real(w, v[i]);
        jw_close(w, ']');
        char *got = mem_done(&m);
        if (strcmp(got, want) != 0)
            fail_msg("%.17g: jansson writes %s, jw_real %s", v[i], want, got);
        free(got);
        free(want);
        json_decref(arr);
    }
    /* What JSON cannot hold is null, not "nan". */
    Mem m;
    JsonW *w = mem_writer(&m, 0);
    jw_open(w, '[');
    jw_real(w, NAN);
    jw_real(w, INFINITY);
    jw_real(w, -INFINITY);
    jw_close(w, ']');
    char *got = mem_done(&m);
    assert_string_equal(got, "[\n  null,\n  null,\n  null\n]");
    free(got);
}

/* Booleans, null and the one-call members, against jansson; jw_finish ends
 * the document with its line break, as json_dumpf and a '\n' did. */
static void test_scalars_and_members(void **state)
{
    (void)state;
    json_t *doc = json_object();
    json_object_set_new(doc, "yes", json_true());
    json_object_set_new(doc, "no", json_false());
    json_object_set_new(doc, "none", json_null());
    json_object_set_new(doc, "name", json_string("Frederikshavn \xC3\xB8"));
    json_object_set_new(doc, "count", json_integer(-42));
    json_object_set_new(doc, "absent", json_null());
    char *dumped = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    size_t n = strlen(dumped);
    char *want = malloc(n + 2);
    memcpy(want, dumped, n);
    memcpy(want + n, "\n", 2);

    Mem m;
    JsonW *w = mem_writer(&m, 0);
    jw_open(w, '{');
    jw_key(w, "yes");
    jw_bool(w, true);
    jw_key(w, "no");
    jw_bool(w, false);
    jw_key(w, "none");
    jw_null(w);
    jw_kstr(w, "name", "Frederikshavn \xC3\xB8");
    jw_kint(w, "count", -42);
    jw_kstr(w, "absent", NULL);
    jw_close(w, '}');
    assert_true(jw_finish(w));
    char *got = mem_done(&m);
    assert_string_equal(got, want);
    free(got);
    free(want);
    free(dumped);
    json_decref(doc);
}

/* A part written first by a writer of its own, at the indent of the place
 * it will take, then spliced in: the same bytes as writing it in place
 * (check gathers its diagnostics file by file this way). */
static void test_splice(void **state)
{
    (void)state;
    char odd[64];
    awkward(odd);
    json_t *doc = tree(odd);
    char *want = shifted(doc, 0);

    Mem part;
    JsonW *pw = mem_writer(&part, 2); /* "list" sits in the root object: depth 1 */
    jw_open(pw, '[');
    for (int i = 0; i < 3; i++) {
        jw_open(pw, '{');
        jw_kint(pw, "n", i - 1);
        jw_kint(pw, "big", 9223372036854775807LL);
        jw_key(pw, "inner");
        jw_open(pw, '[');
        for (int k = 0; k < i; k++)
            jw_str(pw, "x");
        jw_close(pw, ']');
        jw_close(pw, '}');
    }
    jw_close(pw, ']');
    char *text = mem_done(&part);

    Mem m;
    JsonW *w = mem_writer(&m, 0);
    jw_open(w, '{');
    jw_kstr(w, "course", "region_midt");
    jw_kstr(w, "title", NULL);
    jw_kstr(w, "odd", odd);
    jw_key(w, "empty_list");
    jw_open(w, '[');
    jw_close(w, ']');
    jw_key(w, "empty_object");
    jw_open(w, '{');
    jw_close(w, '}');
    jw_key(w, "list");
    jw_splice(w, text, strlen(text));
    jw_close(w, '}');
    char *got = mem_done(&m);
    assert_string_equal(got, want);
    free(got);
    free(text);
    free(want);
    json_decref(doc);
}

/* The writer streams: once more than its buffer is written, the stream
 * has it, before any flush (`check --format json` of a large batch never
 * holds its report). */
static void test_streams(void **state)
{
    (void)state;
    Mem m;
    JsonW *w = mem_writer(&m, 0);
    jw_open(w, '[');
    for (int i = 0; i < 20000; i++)
        jw_str(w, "a course's result");
    fflush(m.f);
    assert_true(m.len > 200000);
    assert_true(m.len <= (size_t)20000 * 24);
    jw_close(w, ']');
    char *got = mem_done(&m);
    free(got);
}

/* A write that fails is reported by jw_flush, jw_finish and jw_free, even
 * when it happened at an earlier flush. */
static void test_write_failure(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    setvbuf(f, NULL, _IONBF, 0);
    JsonW *w = jw_new(f, 0);
    jw_open(w, '[');
    for (int i = 0; i < 10000; i++)
        jw_str(w, "more than the buffer holds");
    jw_close(w, ']');
    assert_false(jw_finish(w));
    assert_false(jw_flush(w));
    assert_false(jw_free(w));
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_bytes_as_jansson),
        cmocka_unit_test(test_longer_than_the_buffer),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_reals_as_jansson),
        cmocka_unit_test(test_scalars_and_members),
        cmocka_unit_test(test_splice),
        cmocka_unit_test(test_streams),
        cmocka_unit_test(test_write_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
