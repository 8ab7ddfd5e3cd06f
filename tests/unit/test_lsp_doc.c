/* test_lsp_doc.c — positions between LSP's (line, UTF-16 unit) and byte
 * offsets (src/lsp/lsp_doc.h), both ways: æ ø å are two bytes and one
 * unit, an emoji four bytes and two units (a surrogate pair); lines end at
 * "\n", "\r\n" or a lone "\r"; positions past a line or the text clamp.
 * And file: URIs to paths and back, and the set of open documents. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lsp/lsp_doc.h"

#include <stdlib.h>
#include <string.h>

/* "æøå 😀x\r\nb\rc\n": æ 0-1, ø 2-3, å 4-5, ' ' 6, 😀 7-10, x 11, \r\n 12-13,
 * b 14, \r 15, c 16, \n 17. */
static const char text[] = "\xC3\xA6\xC3\xB8\xC3\xA5 \xF0\x9F\x98\x80x\r\nb\rc\n";

static void pos_is(size_t off, long line, long ch)
{
    LspPos p = lsp_pos_of(text, strlen(text), off);
    assert_int_equal(p.line, line);
    assert_int_equal(p.character, ch);
}

static void test_pos_of(void **state)
{
    (void)state;
    pos_is(0, 0, 0);
    pos_is(2, 0, 1);  /* ø */
    pos_is(6, 0, 3);  /* the space after å */
    pos_is(7, 0, 4);  /* the emoji */
    pos_is(11, 0, 6); /* x: the emoji was two units */
    pos_is(12, 0, 7); /* the line's end */
    pos_is(13, 0, 7); /* between \r and \n: still the line's end */
    pos_is(14, 1, 0); /* b */
    pos_is(16, 2, 0); /* c, after a lone \r */
    pos_is(18, 3, 0); /* the end */
    pos_is(999, 3, 0);
    pos_is(1, 0, 0);  /* inside æ: its start */
    pos_is(9, 0, 4);  /* inside the emoji: its start */
}

static void off_is(long line, long ch, size_t off)
{
    LspPos p = {line, ch};
    assert_int_equal(lsp_off_of(text, strlen(text), p), off);
}

static void test_off_of(void **state)
{
    (void)state;
    off_is(0, 0, 0);
    off_is(0, 1, 2);
    off_is(0, 3, 6);
    off_is(0, 4, 7);
    off_is(0, 5, 7);   /* inside the surrogate pair: the emoji's start */
    off_is(0, 6, 11);
    off_is(0, 7, 12);
    off_is(0, 99, 12); /* past the line's end: its end */
    off_is(1, 0, 14);
    off_is(1, 1, 15);
    off_is(2, 0, 16);
    off_is(3, 0, 18);
    off_is(9, 0, 18);  /* past the last line: the end */
}

/* Every character's start goes there and back unchanged. */
static void test_round_trip(void **state)
{
    (void)state;
    static const size_t starts[] = {0, 2, 4, 6, 7, 11, 14, 16, 18};
    for (size_t i = 0; i < sizeof starts / sizeof *starts; i++) {
        LspPos p = lsp_pos_of(text, strlen(text), starts[i]);
        assert_int_equal(lsp_off_of(text, strlen(text), p), starts[i]);
    }
}

static void test_uri(void **state)
{
    (void)state;
    char *p = lsp_uri_to_path("file:///home/k%C3%A5re/a%20b.ramme");
    assert_string_equal(p, "/home/k\xC3\xA5re/a b.ramme");
    char *u = lsp_path_to_uri(p);
    assert_string_equal(u, "file:///home/k%C3%A5re/a%20b.ramme");
    free(p);
    free(u);
    p = lsp_uri_to_path("untitled:Untitled-1");
    assert_string_equal(p, "untitled:Untitled-1");
    free(p);
    /* %00 would cut the path short: kept as written. */
    p = lsp_uri_to_path("file:///a%00b");
    assert_string_equal(p, "/a%00b");
    free(p);
}

/* A byte-order mark is dropped, as the compiler drops it, so the
 * document's offsets are the spans'; reopening replaces the text. */
static void test_docs(void **state)
{
    (void)state;
    LspDocs ds = {0};
    LspDoc *d = lsp_doc_open(&ds, "file:///t/a.ramme", "\xEF\xBB\xBF" "course", 9, 1);
    assert_string_equal(d->text, "course");
    assert_int_equal(d->len, 6);
    assert_string_equal(d->path, "/t/a.ramme");
    assert_ptr_equal(lsp_doc_open(&ds, "file:///t/a.ramme", "x", 1, 2), d);
    assert_string_equal(d->text, "x");
    assert_int_equal(d->version, 2);
    lsp_doc_open(&ds, "file:///t/b.ramme", "y", 1, 1);
    assert_int_equal(ds.n, 2);
    lsp_doc_close(&ds, "file:///t/a.ramme");
    assert_null(lsp_doc_find(&ds, "file:///t/a.ramme"));
    assert_non_null(lsp_doc_find(&ds, "file:///t/b.ramme"));
    lsp_docs_free(&ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pos_of),
        cmocka_unit_test(test_off_of),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_uri),
        cmocka_unit_test(test_docs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
