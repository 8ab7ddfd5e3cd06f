/* test_lexer_paths.c — the scanner's short paths give what the general ones
 * give (grammar/lexer.l): ASCII names beside names with other letters, the
 * keyword switch, strings with and without escapes, a newline that takes the
 * next line's indentation along, whole-number quantities beside strtod(),
 * and columns counted eight bytes at a time. Each test checks token kinds,
 * values and exact spans (lines, character columns, byte offsets). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "front/parse.h"
#include "parser.h"
#include "lexer.h"
#define SPAN_SS ((SourceSet *)&lx->ss)
#include "span_harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex_harness.h"

/* Token i has this kind and span: line.col-line.col, bytes [off, end). */
static void check_tok(const Lexed *lx, int i, int kind, int l1, int c1, int l2, int c2, size_t off,
                      size_t end)
{
    if (i >= lx->n)
        fail_msg("token %d missing (%d tokens)", i, lx->n);
    const Tok *t = &lx->toks[i];
    const Span *s = &t->loc;
    if (t->kind != kind || LINE(*s) != l1 || COL(*s) != c1 || END_LINE(*s) != l2 ||
        END_COL(*s) != c2 || s->first_off != off || s->last_off != end)
        fail_msg("token %d: got kind %d at %d.%d-%d.%d [%zu,%zu), expected kind %d at %d.%d-%d.%d "
                 "[%zu,%zu)",
                 i, t->kind, LINE(*s), COL(*s), END_LINE(*s), END_COL(*s),
                 s->first_off, s->last_off, kind, l1, c1, l2, c2, off, end);
}

static void check_no_diags(const Lexed *lx)
{
    if (lx->diags.n != 0)
        fail_msg("unexpected diagnostic: %s", lx->diags.items[0].msg);
}

/* ------------------------------------------------------------ names */

static void test_ascii_and_other_names(void **state)
{
    (void)state;
    Lexed *lx = lex("abc æbc a.b(x) æ.b(x) kursus.mål y");
    check_tok(lx, 0, TOK_IDENT, 1, 1, 1, 4, 0, 3);
    assert_string_equal(lx->toks[0].v.TOK_IDENT, "abc");
    check_tok(lx, 1, TOK_IDENT, 1, 5, 1, 8, 4, 8);
    assert_string_equal(lx->toks[1].v.TOK_IDENT, "æbc");
    check_tok(lx, 2, TOK_FUNC, 1, 9, 1, 12, 9, 12);
    assert_string_equal(lx->toks[2].v.TOK_FUNC, "a.b");
    check_tok(lx, 3, '(', 1, 12, 1, 13, 12, 13);
    check_tok(lx, 6, TOK_FUNC, 1, 16, 1, 19, 16, 20);
    assert_string_equal(lx->toks[6].v.TOK_FUNC, "æ.b");
    check_tok(lx, 10, TOK_IDENT, 1, 23, 1, 33, 24, 35);
    assert_string_equal(lx->toks[10].v.TOK_IDENT, "kursus.mål");
    check_tok(lx, 11, TOK_IDENT, 1, 34, 1, 35, 36, 37);
    check_tok(lx, 12, TOK_NEWLINE, 1, 35, 1, 35, 37, 37);
    assert_int_equal(lx->n, 13);
    check_no_diags(lx);
    lex_free(lx);
}

static void test_name_space_before_paren_is_not_a_call(void **state)
{
    (void)state;
    Lexed *lx = lex("a.b (x)");
    check_tok(lx, 0, TOK_IDENT, 1, 1, 1, 4, 0, 3);
    check_tok(lx, 1, '(', 1, 5, 1, 6, 4, 5);
    check_no_diags(lx);
    lex_free(lx);
}

static void test_decomposed_name_is_normalised(void **state)
{
    (void)state;
    /* a + COMBINING RING ABOVE: two characters in the file, NFC "å" as a name. */
    Lexed *lx = lex("a\xCC\x8A x");
    check_tok(lx, 0, TOK_IDENT, 1, 1, 1, 3, 0, 3);
    assert_string_equal(lx->toks[0].v.TOK_IDENT, "\xC3\xA5");
    check_tok(lx, 1, TOK_IDENT, 1, 4, 1, 5, 4, 5);
    check_no_diags(lx);
    lex_free(lx);
}

static void test_name_cut_at_a_symbol(void **state)
{
    (void)state;
    /* The byte pattern takes "ab€" as one name; it is cut before the '€'. */
    Lexed *lx = lex("ab\xE2\x82\xAC if\xE2\x82\xAC");
    check_tok(lx, 0, TOK_IDENT, 1, 1, 1, 3, 0, 2);
    assert_string_equal(lx->toks[0].v.TOK_IDENT, "ab");
    check_tok(lx, 1, TOK_YYerror, 1, 3, 1, 4, 2, 5);
    /* A cut name is still looked up as a keyword. */
    check_tok(lx, 2, TOK_IF, 1, 5, 1, 7, 6, 8);
    check_tok(lx, 3, TOK_YYerror, 1, 7, 1, 8, 8, 11);
    assert_int_equal(lx->diags.n, 2);
    assert_non_null(strstr(lx->diags.items[0].msg, "unexpected character '\xE2\x82\xAC'"));
    lex_free(lx);
}

static void test_trailing_dot(void **state)
{
    (void)state;
    Lexed *lx = lex("a. b");
    check_tok(lx, 0, TOK_IDENT, 1, 1, 1, 2, 0, 1);
    check_tok(lx, 1, TOK_YYerror, 1, 2, 1, 3, 1, 2);
    check_tok(lx, 2, TOK_IDENT, 1, 4, 1, 5, 3, 4);
    assert_int_equal(lx->diags.n, 1);
    lex_free(lx);
}

/* ------------------------------------------------------------ keywords */

static void test_every_keyword_and_near_misses(void **state)
{
    (void)state;
    static const struct { const char *w; int tok; int b; } kw[] = {
        {"import", TOK_IMPORT, -1}, {"enum", TOK_ENUM, -1},   {"extends", TOK_EXTENDS, -1},
        {"and", TOK_AND, -1},       {"or", TOK_OR, -1},       {"not", TOK_NOT, -1},
        {"in", TOK_IN, -1},         {"where", TOK_WHERE, -1}, {"all", TOK_ALL, -1},
        {"any", TOK_ANY, -1},       {"if", TOK_IF, -1},       {"then", TOK_THEN, -1},
        {"else", TOK_ELSE, -1},     {"yes", TOK_BOOL, 1},     {"true", TOK_BOOL, 1},
        {"ja", TOK_BOOL, 1},        {"no", TOK_BOOL, 0},      {"false", TOK_BOOL, 0},
        {"nej", TOK_BOOL, 0},
    };
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++) {
        Lexed *lx = lex(kw[i].w);
        check_tok(lx, 0, kw[i].tok, 1, 1, 1, 1 + (int)strlen(kw[i].w), 0, strlen(kw[i].w));
        if (kw[i].b >= 0)
            assert_int_equal(lx->toks[0].v.TOK_BOOL, kw[i].b);
        lex_free(lx);

        /* The same word with a letter more or less, with a dot or '_', or
         * capitalised is a name ("not" less a letter is "no", a keyword). */
        char forms[7][32];
        size_t n = strlen(kw[i].w);
        snprintf(forms[0], sizeof forms[0], "%sx", kw[i].w);
        snprintf(forms[1], sizeof forms[1], "x%s", kw[i].w);
        snprintf(forms[2], sizeof forms[2], "%s.x", kw[i].w);
        snprintf(forms[3], sizeof forms[3], "x.%s", kw[i].w);
        snprintf(forms[4], sizeof forms[4], "%s_", kw[i].w);
        snprintf(forms[5], sizeof forms[5], "%.*s", (int)n - 1, kw[i].w);
        snprintf(forms[6], sizeof forms[6], "%c%s", kw[i].w[0] - 'a' + 'A', kw[i].w + 1);
        for (size_t f = 0; f < 7; f++) {
            if (strcmp(forms[f], "no") == 0)
                continue;
            lx = lex(forms[f]);
            if (lx->toks[0].kind != TOK_IDENT)
                fail_msg("\"%s\" is not a name (kind %d)", forms[f], lx->toks[0].kind);
            lex_free(lx);
        }
    }
}

static void test_keyword_before_paren(void **state)
{
    (void)state;
    Lexed *lx = lex("if(yes)");
    check_tok(lx, 0, TOK_IF, 1, 1, 1, 3, 0, 2);
    check_tok(lx, 1, '(', 1, 3, 1, 4, 2, 3);
    check_tok(lx, 2, TOK_BOOL, 1, 4, 1, 7, 3, 6);
    check_no_diags(lx);
    lex_free(lx);
}

/* ------------------------------------------------------------ strings */

static void test_strings_with_and_without_escapes(void **state)
{
    (void)state;
    Lexed *lx = lex("\"plain æøå\" \"a\\nb\\u{E6}\"");
    check_tok(lx, 0, TOK_STRING, 1, 1, 1, 12, 0, 14);
    assert_string_equal(lx->toks[0].v.TOK_STRING->s, "plain æøå");
    /* The usual string, without escapes or braces, has no form: one copy. */
    assert_null(lx->toks[0].v.TOK_STRING->form);
    assert_string_equal(strlit_raw(lx->toks[0].v.TOK_STRING->s, lx->toks[0].v.TOK_STRING->form), "plain æøå");
    check_tok(lx, 1, TOK_STRING, 1, 13, 1, 25, 15, 27);
    assert_string_equal(lx->toks[1].v.TOK_STRING->s, "a\nbæ");
    assert_string_equal(strlit_raw(lx->toks[1].v.TOK_STRING->s, lx->toks[1].v.TOK_STRING->form), "a\\nb\\u{E6}");
    check_no_diags(lx);
    lex_free(lx);
}

/* The brace table a message template is split by: unescaped braces only,
 * each with its offset as written, decoded, and in characters. */
static void test_string_braces(void **state)
{
    (void)state;
    Lexed *lx = lex("\"æ{a}\\{b\\}\\n{c{d}}\" \"{x}y\"");
    const StrForm *f = lx->toks[0].v.TOK_STRING->form;
    assert_string_equal(lx->toks[0].v.TOK_STRING->s, "æ{a}{b}\n{c{d}}");
    assert_int_equal(f->nbraces, 6);
    /* As written: æ is bytes 0-1, then { a } \{ b \} \n { c { d } }. */
    const uint32_t raw[] = {2, 4, 12, 14, 16, 17}, dec[] = {2, 4, 9, 11, 13, 14}, col[] = {1, 3, 11, 13, 15, 16};
    for (uint32_t k = 0; k < 6; k++) {
        assert_int_equal(f->brace[k].raw, raw[k]);
        assert_int_equal(f->brace[k].dec, dec[k]);
        /* in characters: the brace's column in the source, after the quote at column 1 */
        assert_int_equal(src_pos(lx->ss.files[0], lx->toks[0].loc.first_off + 1 + raw[k]).col, 2 + (int)col[k]);
    }
    const StrForm *g = lx->toks[1].v.TOK_STRING->form;
    assert_int_equal(g->nbraces, 2);
    assert_int_equal(g->brace[0].raw, 0);
    assert_int_equal(g->brace[1].dec, 2);
    check_no_diags(lx);
    lex_free(lx);
}

/* Columns after a string of every length up to 40 bytes, with a two-byte
 * letter at every position: the eight-byte count and its tail agree. */
static void test_columns_after_strings(void **state)
{
    (void)state;
    for (int len = 0; len <= 20; len++)
        for (int at = 0; at <= len; at++) {
            char buf[128];
            int w = 0;
            buf[w++] = '"';
            for (int i = 0; i < len; i++) {
                if (i == at) {
                    buf[w++] = '\xC3';
                    buf[w++] = '\xB8';
                }
                buf[w++] = (char)('a' + i % 26);
            }
            if (at == len) {
                buf[w++] = '\xE2';
                buf[w++] = '\x82';
                buf[w++] = '\xAC';
            }
            buf[w++] = '"';
            int chars = len + 1 + 2; /* letters, ø or €, quotes */
            size_t bytes = (size_t)w;
            buf[w++] = ' ';
            buf[w++] = 'x';
            buf[w] = '\0';
            Lexed *lx = lex(buf);
            check_tok(lx, 0, TOK_STRING, 1, 1, 1, 1 + chars, 0, bytes);
            check_tok(lx, 1, TOK_IDENT, 1, 2 + chars, 1, 3 + chars, bytes + 1, bytes + 2);
            check_no_diags(lx);
            lex_free(lx);
        }
}

static void test_columns_after_comment(void **state)
{
    (void)state;
    Lexed *lx = lex("a # æøå æøå æøå\n  b");
    check_tok(lx, 0, TOK_IDENT, 1, 1, 1, 2, 0, 1);
    check_tok(lx, 1, TOK_NEWLINE, 1, 16, 2, 1, 24, 25);
    check_tok(lx, 2, TOK_IDENT, 2, 3, 2, 4, 27, 28);
    check_no_diags(lx);
    lex_free(lx);
}

/* ------------------------------------------------------------ newlines */

static void test_newline_span_is_the_newline_alone(void **state)
{
    (void)state;
    Lexed *lx = lex("a\n   b\r\n\t\tc\n\n  d\n   ");
    check_tok(lx, 0, TOK_IDENT, 1, 1, 1, 2, 0, 1);
    check_tok(lx, 1, TOK_NEWLINE, 1, 2, 2, 1, 1, 2);
    check_tok(lx, 2, TOK_IDENT, 2, 4, 2, 5, 5, 6);
    check_tok(lx, 3, TOK_NEWLINE, 2, 6, 3, 1, 7, 8);
    check_tok(lx, 4, TOK_IDENT, 3, 3, 3, 4, 10, 11);
    check_tok(lx, 5, TOK_NEWLINE, 3, 4, 4, 1, 11, 12);
    check_tok(lx, 6, TOK_IDENT, 5, 3, 5, 4, 15, 16);
    check_tok(lx, 7, TOK_NEWLINE, 5, 4, 6, 1, 16, 17);
    assert_int_equal(lx->n, 8);
    /* End of file after the last line's indentation. */
    assert_int_equal(LINE(lx->eof_loc), 6);
    assert_int_equal(COL(lx->eof_loc), 4);
    assert_int_equal(lx->eof_loc.first_off, 20);
    check_no_diags(lx);
    lex_free(lx);
}

static void test_dropped_newline_still_counts_lines(void **state)
{
    (void)state;
    Lexed *lx = lex("f(a,\n    b)\nc");
    check_tok(lx, 0, TOK_FUNC, 1, 1, 1, 2, 0, 1);
    check_tok(lx, 3, ',', 1, 4, 1, 5, 3, 4);
    check_tok(lx, 4, TOK_IDENT, 2, 5, 2, 6, 9, 10);
    check_tok(lx, 5, ')', 2, 6, 2, 7, 10, 11);
    check_tok(lx, 6, TOK_NEWLINE, 2, 7, 3, 1, 11, 12);
    check_tok(lx, 7, TOK_IDENT, 3, 1, 3, 2, 12, 13);
    /* The final newline is made up at the end of the file. */
    check_tok(lx, 8, TOK_NEWLINE, 3, 2, 3, 2, 13, 13);
    assert_int_equal(lx->n, 9);
    check_no_diags(lx);
    lex_free(lx);
}

/* ------------------------------------------------------------ quantities */

static void test_quantity_values(void **state)
{
    (void)state;
    static const struct { const char *text; double v; Unit u; } ok[] = {
        {"007h", 7, U_HOUR},
        {"1.5 h", 1.5, U_HOUR},
        {"2.25uger", 2.25, U_WEEK},
        {"150 min", 150, U_MIN},
        {"1000000000h", 1e9, U_HOUR},
        {"0000000000000000001h", 1, U_HOUR}, /* more than 15 digits: strtod() */
        {"3 m\xC3\xA5ned", 3, U_MONTH},
        {"3\tma\xCC\x8Aneder", 3, U_MONTH}, /* decomposed: NFC first */
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        Lexed *lx = lex(ok[i].text);
        if (lx->n < 1 || lx->toks[0].kind != TOK_QTY)
            fail_msg("\"%s\" is not a quantity", ok[i].text);
        assert_true(lx->toks[0].v.TOK_QTY->v == ok[i].v);
        assert_int_equal(lx->toks[0].v.TOK_QTY->unit, ok[i].u);
        check_no_diags(lx);
        lex_free(lx);
    }
    static const char *too_large[] = {"1000000001h", "999999999999999 min", "12345678901234567890h"};
    for (size_t i = 0; i < sizeof too_large / sizeof too_large[0]; i++) {
        Lexed *lx = lex(too_large[i]);
        assert_int_equal(lx->toks[0].kind, TOK_YYerror);
        assert_int_equal(lx->diags.n, 1);
        assert_non_null(strstr(lx->diags.items[0].msg, "is too large"));
        lex_free(lx);
    }
}

/* A lone '\r' (old Mac files) ends a line like '\n' and "\r\n": it is no
 * blank, so a comment and a string end there (regression: a CR-only file
 * was one comment and passed with no error). */
static void test_lone_cr_ends_a_line(void **state)
{
    (void)state;
    Lexed *lx = lex("# c\ra\r  \"s\"\r\r b\r\n c");
    check_tok(lx, 0, TOK_IDENT, 2, 1, 2, 2, 4, 5);
    check_tok(lx, 1, TOK_NEWLINE, 2, 2, 3, 1, 5, 6);
    check_tok(lx, 2, TOK_STRING, 3, 3, 3, 6, 8, 11);
    check_tok(lx, 3, TOK_NEWLINE, 3, 6, 4, 1, 11, 12);
    check_tok(lx, 4, TOK_IDENT, 5, 2, 5, 3, 14, 15);
    check_tok(lx, 5, TOK_NEWLINE, 5, 4, 6, 1, 16, 17);
    check_tok(lx, 6, TOK_IDENT, 6, 2, 6, 3, 18, 19);
    check_no_diags(lx);
    lex_free(lx);
    /* A string does not run on past a lone '\r'. */
    lx = lex("a \"open\rb");
    assert_int_equal(lx->diags.n, 1);
    assert_string_equal(lx->diags.items[0].msg, "unterminated string: a string ends on its own line");
    assert_int_equal(lx->diags.items[0].span.last_off, 7);
    lex_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_and_other_names),
        cmocka_unit_test(test_name_space_before_paren_is_not_a_call),
        cmocka_unit_test(test_decomposed_name_is_normalised),
        cmocka_unit_test(test_name_cut_at_a_symbol),
        cmocka_unit_test(test_trailing_dot),
        cmocka_unit_test(test_every_keyword_and_near_misses),
        cmocka_unit_test(test_keyword_before_paren),
        cmocka_unit_test(test_strings_with_and_without_escapes),
        cmocka_unit_test(test_string_braces),
        cmocka_unit_test(test_columns_after_strings),
        cmocka_unit_test(test_columns_after_comment),
        cmocka_unit_test(test_newline_span_is_the_newline_alone),
        cmocka_unit_test(test_dropped_newline_still_counts_lines),
        cmocka_unit_test(test_lone_cr_ends_a_line),
        cmocka_unit_test(test_quantity_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
