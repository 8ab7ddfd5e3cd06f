/* test_skim.c — the top-level layout scanner behind batch checking (skim.h):
 * where each course starts and ends, what lies between, and every layout it
 * must refuse so that the whole-file parser reports it instead. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "front/skim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool skim(const char *text, Skim *s)
{
    return skim_layout(text, strlen(text), "course", NULL, NULL, s);
}

static void assert_word(const char *text, size_t off, size_t len, const char *want)
{
    assert_int_equal(len, strlen(want));
    assert_memory_equal(text + off, want, len);
}

static void test_items_and_rest(void **state)
{
    (void)state;
    const char *t = "import \"national\"\n"
                    "\n"
                    "course a \"A\" {\n"
                    "  hours 3h; title \"}{\" # } a brace in a comment\n"
                    "  module m { covers x }\n"
                    "}\n"
                    "framework f \"F\" { course nested { } }\n"
                    "course b \"B\" extends a { }\n";
    Skim s;
    assert_true(skim(t, &s));
    assert_int_equal(s.n, 2);
    assert_int_equal(s.items[0].off, strstr(t, "course a") - t);
    assert_int_equal(s.items[0].end, strstr(t, "}\nframework") - t + 1);
    assert_int_equal(s.items[0].line, 3);
    assert_int_equal(s.items[0].col, 1);
    assert_word(t, s.items[0].name_off, s.items[0].name_len, "a");
    assert_int_equal(s.items[0].ext_len, 0);
    assert_int_equal(s.items[0].ext_hash, 0);
    assert_int_equal(s.items[1].line, 8);
    assert_word(t, s.items[1].name_off, s.items[1].name_len, "b");
    assert_word(t, s.items[1].ext_off, s.items[1].ext_len, "a");
    assert_true(s.items[1].ext_hash == skim_hash("a", 1));
    assert_true(s.items[0].name_hash == s.items[1].ext_hash);
    assert_int_equal(s.items[1].end, strlen(t) - 1);
    /* The import and the framework (whose nested `course` is no item). */
    assert_int_equal(s.nrest, 2);
    assert_int_equal(s.rest[0].off, 0);
    assert_int_equal(s.rest[0].end, s.items[0].off);
    assert_int_equal(s.rest[0].line, 1);
    assert_int_equal(s.rest[1].off, s.items[0].end);
    assert_int_equal(s.rest[1].end, s.items[1].off);
    assert_int_equal(s.rest[1].line, 6);
    assert_int_equal(s.rest[1].col, 2); /* just after the closing brace */
    skim_free(&s);
}

static void test_blank_gaps_are_not_rest(void **state)
{
    (void)state;
    const char *t = "# a comment\n;\ncourse a { }\n\n  # another\ncourse b { };\n";
    Skim s;
    assert_true(skim(t, &s));
    assert_int_equal(s.n, 2);
    assert_int_equal(s.nrest, 0);
    skim_free(&s);
}

static void test_non_ascii_comment_is_rest(void **state)
{
    (void)state;
    /* The parser checks its UTF-8: it must see it. */
    const char *t = "# kursus for \xC3\xA6\xC3\xB8\xC3\xA5\ncourse a { }\n";
    Skim s;
    assert_true(skim(t, &s));
    assert_int_equal(s.nrest, 1);
    skim_free(&s);
}

static void test_columns_count_characters(void **state)
{
    (void)state;
    const char *t = "enum e { \xC3\xA6 }; course a { }\n";
    Skim s;
    assert_true(skim(t, &s));
    assert_int_equal(s.n, 1);
    assert_int_equal(s.items[0].col, 15); /* 'æ' is one column, two bytes */
    assert_int_equal(s.items[0].off, 15); /* 14 characters, 15 bytes before it */
    skim_free(&s);
}

/* Layouts the skimmer must not guess at: the whole-file parser reports them. */
static void test_unclear_layouts(void **state)
{
    (void)state;
    static const char *bad[] = {
        "course a {\n",                      /* never closed */
        "course a { }\n}\n",                 /* a brace too many */
        "course a { title \"open\n}\n",      /* a string that does not end */
        "course a { } course b { }\n",       /* more after the closing brace */
        "course a { } x\n",
        "course a \"A\"\n{ }\n",             /* no body on the key's line */
        "course a;\n",
        "course a { title \"x\\\n\" }\n",     /* an escape before the line end */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        Skim s;
        if (skim(bad[i], &s))
            fail_msg("plain: %s", bad[i]);
        assert_false(s.plain);
        skim_free(&s);
    }
}

static void test_escaped_quote_in_string(void **state)
{
    (void)state;
    const char *t = "course a { title \"say \\\"}\\\" now\" }\ncourse b { }\n";
    Skim s;
    assert_true(skim(t, &s));
    assert_int_equal(s.n, 2);
    skim_free(&s);
}

/* A NUL byte in a body or a string is an ordinary byte to the skimmer
 * (the parser reports it): it neither ends the text nor a string. Bodies
 * and strings are skipped with strcspn, which stops at a NUL. */
static void test_nul_inside(void **state)
{
    (void)state;
    static const char t[] = "course a { x\0y \"a\0}\\\"b\" }\ncourse b { }\n";
    Skim s;
    assert_true(skim_layout(t, sizeof t - 1, "course", NULL, NULL, &s));
    assert_int_equal(s.n, 2);
    skim_free(&s);
    /* cut inside the string after the NUL: the string never ends */
    char cut[21];
    memcpy(cut, t, 20);
    cut[20] = '\0';
    assert_false(skim_layout(cut, 20, "course", NULL, NULL, &s));
    skim_free(&s);
}

static void test_no_items(void **state)
{
    (void)state;
    Skim s;
    assert_true(skim("framework f { rule r { } }\n", &s));
    assert_int_equal(s.n, 0);
    assert_int_equal(s.nrest, 1);
    skim_free(&s);
    assert_true(skim("", &s));
    assert_int_equal(s.n, 0);
    assert_int_equal(s.nrest, 0);
    skim_free(&s);
}

static void test_key_must_start_a_statement(void **state)
{
    (void)state;
    /* `course` as a value or a longer word is no item. */
    const char *t = "schedule s { } course_x y { }\nframework f { uses course }\n";
    Skim s;
    skim(t, &s);
    assert_int_equal(s.n, 0);
    skim_free(&s);
}

typedef struct Seen {
    size_t last;
    int calls;
} Seen;

static void progress(void *ctx, size_t done)
{
    Seen *s = ctx;
    assert_true(done > s->last);
    s->last = done;
    s->calls++;
}

static void test_progress_on_large_input(void **state)
{
    (void)state;
    size_t n = 3000, len = 0;
    char *t = malloc(n * 1200 + 1);
    assert_non_null(t);
    for (size_t i = 0; i < n; i++) {
        len += (size_t)sprintf(t + len, "course c%zu {\n", i);
        for (int k = 0; k < 20; k++)
            len += (size_t)sprintf(t + len, "  module m%d { hours 3h; covers recovery.hope }\n", k);
        len += (size_t)sprintf(t + len, "}\n");
    }
    Seen seen = {0, 0};
    Skim s;
    assert_true(skim_layout(t, len, "course", progress, &seen, &s));
    assert_int_equal(s.n, n);
    assert_true(seen.calls >= (int)(len >> 20));
    assert_true(seen.last <= len);
    assert_int_equal(s.items[n - 1].line, (int)((n - 1) * 22 + 1));
    skim_free(&s);
    free(t);
}

/* The lexer's line ends: "\r\n", a lone '\r' (old Mac files) and '\n' all
 * end a line, so a comment or a string ends there too, and items are found
 * on the same lines as in the file with '\n' (regression: a CR-only file
 * was one comment, with no course in it). */
static void test_cr_line_ends(void **state)
{
    (void)state;
    const char *lf = "# a comment\n"
                     "import \"national\"\n"
                     "course a \"A\" {\n"
                     "  provider \"K\"\n"
                     "}\n"
                     "\n"
                     "course b \"B\" extends a {\n"
                     "}\n";
    const char *ends[] = {"\r", "\r\n", NULL};
    for (int e = 0; e < 3; e++) {
        char t[512];
        size_t n = 0;
        for (const char *c = lf; *c; c++) {
            const char *end = e < 2 ? ends[e] : (n % 2 ? "\r" : "\r\n"); /* mixed */
            if (*c == '\n')
                for (const char *x = end; *x; x++)
                    t[n++] = *x;
            else
                t[n++] = *c;
        }
        t[n] = '\0';
        Skim s;
        assert_true(skim(t, &s));
        assert_int_equal(s.n, 2);
        assert_int_equal(s.items[0].line, 3);
        assert_int_equal(s.items[0].col, 1);
        assert_word(t, s.items[0].name_off, s.items[0].name_len, "a");
        assert_int_equal(s.items[1].line, 7);
        assert_word(t, s.items[1].ext_off, s.items[1].ext_len, "a");
        assert_int_equal(s.nrest, 1);
        assert_int_equal(s.rest[0].line, 1);
        skim_free(&s);
    }
    /* A string ends at a lone '\r' as at '\n': the layout is not plain. */
    Skim s;
    assert_false(skim("course a {\r  title \"open\r}\r", &s));
    skim_free(&s);
}

/* Line and column of byte `off`, counted from the start as the lexer counts. */
static void naive_place(const char *t, size_t off, int *line, int *col)
{
    *line = *col = 1;
    for (size_t i = 0; i < off; i++) {
        if (t[i] == '\n' || (t[i] == '\r' && t[i + 1] != '\n')) {
            ++*line;
            *col = 1;
        } else if (((unsigned char)t[i] & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

/* Random batches: bodies of every length with nested blocks, strings
 * (escaped quotes, braces, 'æ'), comments with braces, blank lines and
 * declarations between the courses, each file with '\n', "\r\n", a lone
 * '\r' or all three for its line ends. The lines of a body are counted
 * when it closes, sixteen bytes at a time: every item and stretch must
 * stand where a count from the start puts it. */
static void test_random_places(void **state)
{
    (void)state;
    enum { CAP = 1 << 16 };
    static const char *const lines[] = {
        "provider \"Kommune {æ}\"", "hours 3h", "module m1 \"Håb\" { hours 2h; covers a.b, c.d }",
        "theory {", "}", "# a comment { with a brace", "title \"say \\\"hi\\\" {\"", "", "covers x.y",
        "locations \"Recovery-skolen Skive\", \"Peer-huset, Helsingør\"",
    };
    char *t = malloc(CAP);
    size_t *starts = malloc(sizeof *starts * 512);
    assert_non_null(t);
    assert_non_null(starts);
    unsigned x = 3;
    for (int round = 0; round < 200; round++) {
        int ends = round % 4; /* '\n', "\r\n", '\r', mixed */
        size_t len = 0;
        int n = 0;
#define RND() (x = x * 1103515245u + 12345u, (x >> 16) & 0x7fff)
#define PUT(str) (len += (size_t)sprintf(t + len, "%s", (str)))
#define END()                                                                                   \
    do {                                                                                        \
        int e_ = ends < 3 ? ends : (int)(RND() % 3);                                            \
        PUT(e_ == 0 ? "\n" : e_ == 1 ? "\r\n" : "\r");                                          \
    } while (0)
        int courses = 1 + (int)(RND() % 12);
        for (int c = 0; c < courses; c++) {
            if (RND() % 3 == 0) {
                PUT(RND() % 2 ? "import \"national\"" : "# between");
                END();
            }
            for (unsigned k = RND() % 3; k > 0; k--)
                END();
            for (unsigned k = RND() % 3; k > 0; k--)
                PUT(" ");
            starts[n++] = len;
            len += (size_t)sprintf(t + len, "course c%d \"Kursus %d\" {", c, c);
            END();
            int depth = 0;
            for (unsigned k = RND() % 40; k > 0; k--) {
                const char *l = lines[RND() % (sizeof lines / sizeof *lines)];
                if (l[0] == '}' && depth == 0)
                    continue;
                size_t ll = strlen(l); /* "" is a blank line */
                depth += ll > 0 && l[ll - 1] == '{' && l[0] != '#';
                depth -= l[0] == '}';
                for (unsigned pad = RND() % 20; pad > 0; pad--)
                    PUT(" ");
                PUT(l);
                END();
            }
            for (; depth > 0; depth--) {
                PUT("}");
                END();
            }
            PUT("}");
            END();
        }
#undef END
#undef PUT
#undef RND
        t[len] = '\0';
        Skim s;
        if (!skim(t, &s))
            fail_msg("round %d: not plain at %zu (%s): %.40s", round, s.stop, s.why, t + s.stop);
        assert_int_equal(s.n, n);
        for (int i = 0; i < n; i++) {
            int line, col;
            naive_place(t, starts[i], &line, &col);
            assert_int_equal(s.items[i].off, starts[i]);
            if (s.items[i].line != line || s.items[i].col != col)
                fail_msg("round %d, item %d: %d:%d, expected %d:%d", round, i, s.items[i].line, s.items[i].col, line, col);
        }
        for (int i = 0; i < s.nrest; i++) {
            int line, col;
            naive_place(t, s.rest[i].off, &line, &col);
            if (s.rest[i].line != line || s.rest[i].col != col)
                fail_msg("round %d, stretch %d: %d:%d, expected %d:%d", round, i, s.rest[i].line, s.rest[i].col, line, col);
        }
        skim_free(&s);
    }
    free(starts);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_items_and_rest),
        cmocka_unit_test(test_blank_gaps_are_not_rest),
        cmocka_unit_test(test_non_ascii_comment_is_rest),
        cmocka_unit_test(test_columns_count_characters),
        cmocka_unit_test(test_unclear_layouts),
        cmocka_unit_test(test_escaped_quote_in_string),
        cmocka_unit_test(test_nul_inside),
        cmocka_unit_test(test_no_items),
        cmocka_unit_test(test_key_must_start_a_statement),
        cmocka_unit_test(test_progress_on_large_input),
        cmocka_unit_test(test_cr_line_ends),
        cmocka_unit_test(test_random_places),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
