/* test_table.c — applicant files (src/apps/table.h): CSV dialects as spreadsheet
 * programs write them, JSON arrays of objects, the errors with their lines,
 * privacy (no value in any message, the source marked private), the cell
 * parsers and a 10,000-row file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "apps/table.h"
#define SPAN_SS (&c->ss)
#include "span_harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct Ctx {
    Arena *a;
    SourceSet ss;
    Diags d;
    Table t;
} Ctx;

static int setup(void **state)
{
    Ctx *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    c->a = arena_new();
    src_init(&c->ss);
    diag_init(&c->d);
    *state = c;
    return 0;
}

static int teardown(void **state)
{
    Ctx *c = *state;
    diag_free(&c->d);
    src_free(&c->ss);
    arena_free(c->a);
    free(c);
    return 0;
}

static bool rd(Ctx *c, const char *text)
{
    return table_read_text("applicants.csv", text, strlen(text), &c->ss, c->a, &c->d, &c->t);
}

static bool rdn(Ctx *c, const char *text, size_t len)
{
    return table_read_text("applicants.csv", text, len, &c->ss, c->a, &c->d, &c->t);
}

/* The cell or "<null>", for assert_string_equal. */
static const char *cell(const Ctx *c, int row, int col)
{
    assert_true(row < c->t.nrows);
    assert_true(col < c->t.ncolumns);
    const char *s = c->t.rows[row].cells[col];
    return s ? s : "<null>";
}

static void assert_columns(const Ctx *c, int n, const char *const *names)
{
    assert_int_equal(c->t.ncolumns, n);
    for (int i = 0; i < n; i++)
        assert_string_equal(c->t.columns[i], names[i]);
}

/* The only diagnostic: an error whose message contains `part`. */
static const Diag *one_error(const Ctx *c, const char *part)
{
    if (c->d.n != 1 || c->d.errors != 1) {
        for (int i = 0; i < c->d.n; i++)
            print_message("diag: %s\n", c->d.items[i].msg);
        fail_msg("expected one error, got %d diagnostics", c->d.n);
    }
    const Diag *g = &c->d.items[0];
    assert_int_equal(g->severity, DIAG_ERROR);
    if (!strstr(g->msg, part))
        fail_msg("'%s' not in '%s'", part, g->msg);
    return g;
}

/* No message, help or note of any diagnostic contains `value`. */
static void assert_not_echoed(const Ctx *c, const char *value)
{
    for (int i = 0; i < c->d.n; i++) {
        const Diag *g = &c->d.items[i];
        assert_null(strstr(g->msg, value));
        if (g->help)
            assert_null(strstr(g->help, value));
        for (int k = 0; k < g->nnotes; k++)
            assert_null(strstr(g->notes[k].msg, value));
    }
}

/* ------------------------------------------------------------------ CSV */

static void test_csv_comma(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "id,name,birth_date\nA1,Anna,1990-01-02\nA2,Bo,1985-12-31\n"));
    assert_int_equal(c->d.n, 0);
    static const char *const cols[] = {"id", "name", "birth_date"};
    assert_columns(c, 3, cols);
    assert_int_equal(c->t.nrows, 2);
    assert_string_equal(cell(c, 0, 0), "A1");
    assert_string_equal(cell(c, 0, 2), "1990-01-02");
    assert_string_equal(cell(c, 1, 1), "Bo");
    assert_int_equal(LINE(c->t.rows[0].span), 2);
    assert_int_equal(LINE(c->t.rows[1].span), 3);
    assert_int_equal(COL(c->t.rows[1].span), 1);
    assert_int_equal(c->t.rows[1].span.file, c->t.file);
    assert_true(c->ss.files[c->t.file]->private_text);
}

static void test_csv_semicolon(void **state)
{
    Ctx *c = *state;
    /* Danish Excel: ';' between cells, ',' as the decimal mark. */
    assert_true(rd(c, "id;navn;score\nA1;Åse Ørsted;3,5\n"));
    static const char *const cols[] = {"id", "navn", "score"};
    assert_columns(c, 3, cols);
    assert_int_equal(c->t.nrows, 1);
    assert_string_equal(cell(c, 0, 1), "Åse Ørsted");
    assert_string_equal(cell(c, 0, 2), "3,5");
}

static void test_csv_delimiter_majority(void **state)
{
    Ctx *c = *state;
    /* A ',' inside a quoted header name does not count. */
    assert_true(rd(c, "id;\"a,b,c\";x\n1;2;3\n"));
    static const char *const cols[] = {"id", "a,b,c", "x"};
    assert_columns(c, 3, cols);
    assert_string_equal(cell(c, 0, 2), "3");
}

static void test_csv_bom_crlf(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "\xEF\xBB\xBFid;age\r\nA1;30\r\nA2;41\r\n"));
    static const char *const cols[] = {"id", "age"};
    assert_columns(c, 2, cols);
    assert_int_equal(c->t.nrows, 2);
    assert_string_equal(cell(c, 1, 1), "41");
    assert_int_equal(LINE(c->t.rows[1].span), 3);
    assert_int_equal(LINE(c->t.column_spans[0]), 1);
    assert_int_equal(COL(c->t.column_spans[0]), 1);
    assert_int_equal(COL(c->t.column_spans[1]), 4);
}

static void test_csv_quoted_fields(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "id;note;x\n"
                      "A1;\"has ; inside\";1\n"
                      "A2;\"say \"\"hi\"\"\";2\n"
                      "A3;\"two\r\nlines\n and three\";3\n"
                      "A4;plain;4\n"));
    assert_int_equal(c->t.nrows, 4);
    assert_string_equal(cell(c, 0, 1), "has ; inside");
    assert_string_equal(cell(c, 1, 1), "say \"hi\"");
    assert_string_equal(cell(c, 2, 1), "two\r\nlines\n and three");
    assert_string_equal(cell(c, 2, 2), "3");
    /* Records start where they start, also after a field with line breaks. */
    assert_int_equal(LINE(c->t.rows[0].span), 2);
    assert_int_equal(LINE(c->t.rows[1].span), 3);
    assert_int_equal(LINE(c->t.rows[2].span), 4);
    assert_int_equal(LINE(c->t.rows[3].span), 7);
}

static void test_csv_quoted_header_with_newline(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "id,\"long\nname\",z\n1,2,3\n"));
    static const char *const cols[] = {"id", "long\nname", "z"};
    assert_columns(c, 3, cols);
    assert_int_equal(LINE(c->t.rows[0].span), 3);
    assert_int_equal(LINE(c->t.column_spans[2]), 2);
    assert_int_equal(COL(c->t.column_spans[2]), 7);
}

static void test_csv_empty_and_missing_cells(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "id,a,b,c\n"
                      "A1,,x,\n"     /* empty cells, one trailing */
                      "A2,1\n"       /* fewer cells than columns */
                      "A3,1,2,3,,\n" /* extra cells that are empty: a trailing delimiter */
                      "A4, \"\" ,  ,\"  \"\n"));
    assert_int_equal(c->d.n, 0);
    assert_int_equal(c->t.nrows, 4);
    assert_string_equal(cell(c, 0, 1), "<null>");
    assert_string_equal(cell(c, 0, 2), "x");
    assert_string_equal(cell(c, 0, 3), "<null>");
    assert_string_equal(cell(c, 1, 1), "1");
    assert_string_equal(cell(c, 1, 2), "<null>");
    assert_string_equal(cell(c, 1, 3), "<null>");
    assert_string_equal(cell(c, 2, 3), "3");
    for (int k = 1; k < 4; k++)
        assert_string_equal(cell(c, 3, k), "<null>");
}

static void test_csv_trimmed(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "  id , kommune \n  A1 ,\t Frederikshavn  \n B2,\"  Aalborg \"\n"));
    static const char *const cols[] = {"id", "kommune"};
    assert_columns(c, 2, cols);
    assert_string_equal(cell(c, 0, 0), "A1");
    assert_string_equal(cell(c, 0, 1), "Frederikshavn");
    assert_string_equal(cell(c, 1, 1), "Aalborg");
    assert_int_equal(COL(c->t.column_spans[1]), 8);
    assert_int_equal(END_COL(c->t.column_spans[1]), 15);
}

static void test_csv_blank_lines(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "\n\n  \nid;x\n\nA1;1\n   \n;;\n;\nA2;2\n\n"));
    static const char *const cols[] = {"id", "x"};
    assert_columns(c, 2, cols);
    assert_int_equal(LINE(c->t.column_spans[0]), 4);
    assert_int_equal(c->t.nrows, 2);
    assert_int_equal(LINE(c->t.rows[0].span), 6);
    assert_int_equal(LINE(c->t.rows[1].span), 10);
}

static void test_csv_no_final_newline(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "id,x\nA1,1\nA2,\"q\""));
    assert_int_equal(c->t.nrows, 2);
    assert_string_equal(cell(c, 1, 1), "q");
    assert_int_equal(LINE(c->t.rows[1].span), 3);
}

static void test_csv_sep_line(void **state)
{
    Ctx *c = *state;
    /* Excel's "sep=" hint names the delimiter even when the header would say otherwise. */
    assert_true(rd(c, "sep=;\r\nid;a,b,c\r\nA1;1,2\r\n"));
    static const char *const cols[] = {"id", "a,b,c"};
    assert_columns(c, 2, cols);
    assert_string_equal(cell(c, 0, 1), "1,2");
    assert_int_equal(LINE(c->t.rows[0].span), 3);
}

static void test_csv_lone_cr(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "id,x\rA1,1\rA2,2\r"));
    assert_int_equal(c->t.nrows, 2);
    assert_string_equal(cell(c, 1, 0), "A2");
    assert_int_equal(LINE(c->t.rows[1].span), 3);
}

static void test_csv_empty_file(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, ""));
    assert_int_equal(c->t.ncolumns, 0);
    assert_int_equal(c->t.nrows, 0);
    assert_int_equal(c->d.n, 0);
    assert_true(c->t.file >= 0);
}

static void test_csv_only_header_or_blank(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "id;age\n"));
    assert_int_equal(c->t.ncolumns, 2);
    assert_int_equal(c->t.nrows, 0);
    assert_true(rd(c, "\xEF\xBB\xBF\r\n\r\n"));
    assert_int_equal(c->t.ncolumns, 0);
    assert_int_equal(c->t.nrows, 0);
    assert_true(rd(c, "id"));
    assert_int_equal(c->t.ncolumns, 1);
    assert_int_equal(c->d.n, 0);
}

static void test_csv_malformed_quoting(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "id;note\nA1;fine\nA2;ab\"secret\"\nA3;x\n"));
    const Diag *g = one_error(c, "malformed quoting in the applicant file");
    assert_int_equal(g->span.file, c->t.file);
    assert_int_equal(LINE(g->span), 3);
    assert_int_equal(COL(g->span), 6);
    assert_non_null(g->help);
    assert_not_echoed(c, "secret");
}

static void test_csv_malformed_after_closing_quote(void **state)
{
    Ctx *c = *state;
    /* The bad quote is on line 4, in a record that started on line 3. */
    assert_false(rd(c, "id,note\nA1,x\nA2,\"one\ntwo\"x\n"));
    const Diag *g = one_error(c, "malformed quoting");
    assert_int_equal(LINE(g->span), 4);
    assert_int_equal(COL(g->span), 5);
}

static void test_csv_unterminated_quote(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "id,note\nA1,x\nA2,\"a \"\"b\"\" never closed\nA3,y\n"));
    const Diag *g = one_error(c, "never closed");
    assert_int_equal(LINE(g->span), 3);
    assert_int_equal(COL(g->span), 4);
    assert_not_echoed(c, "A2");
}

static void test_csv_too_many_cells(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "id,diagnosis\nA1,x\n\nA2,depression, anxiety\nA3,y\n"));
    const Diag *g = one_error(c, "line 4 has 3 cells, but the header row has 2 columns");
    assert_int_equal(LINE(g->span), 4);
    assert_non_null(strstr(g->help, "','"));
    assert_not_echoed(c, "depression");
    assert_not_echoed(c, "anxiety");
    /* The other rows are still read. */
    assert_int_equal(c->t.nrows, 2);
}

static void test_csv_duplicate_header(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "id;age;name;age\nA1;1;2;3\n"));
    const Diag *g = one_error(c, "column 'age' appears twice in the header row");
    assert_int_equal(LINE(g->span), 1);
    assert_int_equal(COL(g->span), 13);
    assert_int_equal(g->nnotes, 1);
    assert_int_equal(COL(g->notes[0].span), 4);
}

static void test_csv_empty_header_name(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "id,,name\nA1,2,3\n"));
    const Diag *g = one_error(c, "column 2 of the header row has no name");
    assert_int_equal(LINE(g->span), 1);
    assert_int_equal(COL(g->span), 4);
}

static void test_not_utf8(void **state)
{
    Ctx *c = *state;
    /* Latin-1 from an old "CSV (semicolon separated)" export: æ is 0xE6. */
    assert_false(rd(c, "id;navn\nA1;S\xF8ren\nA2;M\xE6tte\n"));
    const Diag *g = one_error(c, "applicants.csv is not UTF-8 text (invalid byte 0xF8 at line 2)");
    assert_non_null(g->help);
    assert_non_null(strstr(g->help, "CSV UTF-8"));
    assert_int_equal(c->t.nrows, 0);
}

static void test_not_utf8_nul(void **state)
{
    Ctx *c = *state;
    /* UTF-16 without a byte-order mark is valid UTF-8 byte by byte, but full of NULs. */
    assert_false(rdn(c, "i\0d\0\n\0", 6));
    one_error(c, "not UTF-8 text (invalid byte 0x00 at line 1)");
}

static void test_privacy_source_private(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "[{\"id\": \"A1\"}]"));
    assert_true(c->ss.files[c->t.file]->private_text);
    assert_true(rd(c, "id\nA1\n"));
    assert_true(c->ss.files[c->t.file]->private_text);
    assert_int_equal(c->ss.n, 2);
}

/* Hardening: the first applicant's record where the header row should be. */
static void test_csv_header_missing(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "SKIZ01,SKIZOFRENI-XYZ,1985-03-14,yes,yes\nP02,DEPRESSION-ABC,1977-01-01,no,no\n"));
    const Diag *g = one_error(c, "the header row seems to be missing");
    assert_int_equal(LINE(g->span), 1);
    assert_not_echoed(c, "SKIZ");
    assert_not_echoed(c, "1985-03-14");
    assert_not_echoed(c, "'yes'");
    assert_int_equal(c->t.nrows, 0);
}

static void test_looks_like_value(void **state)
{
    (void)state;
    assert_true(table_looks_like_value("1985-03-14"));
    assert_true(table_looks_like_value(" 14.03.1985"));
    assert_true(table_looks_like_value("140385-1234"));
    assert_true(table_looks_like_value("+45 12345678"));
    assert_true(table_looks_like_value("a@b.dk"));
    assert_true(table_looks_like_value("ja"));
    assert_true(table_looks_like_value("NO"));
    assert_false(table_looks_like_value("birth_date"));
    assert_false(table_looks_like_value("fødselsdato"));
    assert_false(table_looks_like_value("id"));
    assert_false(table_looks_like_value(""));
}

/* Hardening: a header separated by ',' over rows separated by ';' (and the
 * reverse) would read each row as one cell, the id. */
static void test_csv_separator_mismatch(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "id,birth_date,municipality\nP01;1977-03-04;Hemmeligby\nP02;2011-11-11;Testby\n"));
    const Diag *g = one_error(c, "the row on line 2 is separated by ';', but the header row by ','");
    assert_int_equal(LINE(g->span), 2);
    assert_not_echoed(c, "Hemmeligby");
    assert_not_echoed(c, "P01");
    assert_int_equal(c->t.nrows, 0);
}

static void test_csv_separator_mismatch_reverse(void **state)
{
    Ctx *c = *state;
    /* A comma inside a name does not hide the row's own separators. */
    assert_false(rd(c, "id;name;municipality\nP01,\"Hansen; Jens\",Hemmeligby\n"));
    one_error(c, "separated by ',', but the header row by ';'");
    assert_not_echoed(c, "Hemmeligby");
}

static void test_csv_separator_mismatch_one_column(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "id\nP01;1977-03-04;Hemmeligby\n"));
    one_error(c, "separated by ';', but the header row by ','");
    assert_not_echoed(c, "Hemmeligby");
}

static void test_csv_other_separator_in_quotes(void **state)
{
    Ctx *c = *state;
    /* The other separator inside quotes, or once in a full row, is text. */
    assert_true(rd(c, "id,a,b\nP01,\"x;y;z\",1\nP02,1;5,2\n"));
    assert_int_equal(c->t.nrows, 2);
    assert_string_equal(cell(c, 0, 1), "x;y;z");
    assert_string_equal(cell(c, 1, 1), "1;5");
}

/* ----------------------------------------------------------------- JSON */

static void test_json_objects(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "[\n"
                      "  {\"id\": \"A1\", \"age\": 30},\n"
                      "  {\"id\": \"A2\", \"kommune\": \"Frederikshavn\"},\n"
                      "  {\"kommune\": \"Aalborg\", \"id\": \"A3\", \"age\": 41}\n"
                      "]\n"));
    assert_int_equal(c->d.n, 0);
    static const char *const cols[] = {"id", "age", "kommune"};
    assert_columns(c, 3, cols);
    assert_int_equal(c->t.nrows, 3);
    assert_string_equal(cell(c, 0, 1), "30");
    assert_string_equal(cell(c, 0, 2), "<null>");
    assert_string_equal(cell(c, 1, 1), "<null>");
    assert_string_equal(cell(c, 1, 2), "Frederikshavn");
    assert_string_equal(cell(c, 2, 0), "A3");
    assert_string_equal(cell(c, 2, 2), "Aalborg");
    /* Rows are where their objects open; columns where their keys first appear. */
    for (int i = 0; i < 3; i++) {
        assert_int_equal(LINE(c->t.rows[i].span), i + 2);
        assert_int_equal(COL(c->t.rows[i].span), 3);
        assert_int_equal(c->t.rows[i].span.file, c->t.file);
    }
    assert_int_equal(LINE(c->t.column_spans[1]), 2);
    assert_int_equal(COL(c->t.column_spans[1]), 16);
    assert_int_equal(LINE(c->t.column_spans[2]), 3);
    assert_int_equal(COL(c->t.column_spans[2]), 16);
}

static void test_json_values(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "\xEF\xBB\xBF [{\"a\": null, \"b\": true, \"c\": false, \"d\": 18.0, \"e\": 2.5,"
                      " \"f\": -3, \"g\": \"\", \"h\": \"  as is \", \"i\": 1e20, \"j\": 0.1,"
                      " \"k\": \"\\u00e6\\\"\"}]"));
    assert_int_equal(c->d.n, 0);
    assert_int_equal(c->t.nrows, 1);
    assert_string_equal(cell(c, 0, 0), "<null>");
    assert_string_equal(cell(c, 0, 1), "yes");
    assert_string_equal(cell(c, 0, 2), "no");
    assert_string_equal(cell(c, 0, 3), "18");
    assert_string_equal(cell(c, 0, 4), "2.5");
    assert_string_equal(cell(c, 0, 5), "-3");
    assert_string_equal(cell(c, 0, 6), "<null>");
    assert_string_equal(cell(c, 0, 7), "  as is ");
    assert_string_equal(cell(c, 0, 8), "1e+20");
    assert_string_equal(cell(c, 0, 9), "0.1");
    assert_string_equal(cell(c, 0, 10), "æ\"");
    bool b = false;
    assert_true(table_bool(cell(c, 0, 1), &b));
    assert_true(b);
}

static void test_json_sets(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "[{\"id\": \"A1\", \"tags\": [\"peer\", \"mentor\"]}, {\"id\": \"A2\", \"tags\": []},"
                      " {\"id\": \"A3\", \"tags\": [7]}]"));
    assert_string_equal(cell(c, 0, 1), "peer|mentor");
    assert_string_equal(cell(c, 1, 1), ""); /* an empty set, not a missing value */
    assert_string_equal(cell(c, 2, 1), "7");
    const char **items;
    assert_int_equal(table_split_set(cell(c, 0, 1), c->a, &items), 2);
    assert_string_equal(items[1], "mentor");
    assert_int_equal(table_split_set(cell(c, 1, 1), c->a, &items), 0);
}

static void test_json_nested_object(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "[{\"id\": \"A1\"},\n {\"id\": \"A2\",\n  \"health\": {\"diagnosis\": \"secret\"}}]"));
    const Diag *g = one_error(c, "key 'health' of object 2 holds a nested object");
    assert_int_equal(LINE(g->span), 3);
    assert_int_equal(COL(g->span), 3);
    assert_not_echoed(c, "secret");
    assert_int_equal(c->t.nrows, 1);
}

static void test_json_bad_set_items(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "[{\"s\": [\"a\", null]}]"));
    one_error(c, "key 's' of object 1 holds an array with an item that is not a string");
    assert_false(rd(c, "[{\"s\": [\"a|b\"]}]"));
    assert_int_equal(c->d.errors, 2);
    assert_non_null(strstr(c->d.items[1].msg, "contains '|'"));
}

static void test_json_not_array(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "\n  {\"id\": \"A1\"}"));
    const Diag *g = one_error(c, "the applicant file is JSON but not an array");
    assert_int_equal(LINE(g->span), 2);
    assert_int_equal(COL(g->span), 3);
}

static void test_json_element_not_object(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "[{\"id\": \"A1\"},\n \"A2\",\n {\"id\": \"A3\"}]"));
    const Diag *g = one_error(c, "element 2 of the JSON array is not an object");
    assert_int_equal(LINE(g->span), 2);
    assert_int_equal(COL(g->span), 2);
    assert_int_equal(c->t.nrows, 2);
    assert_int_equal(LINE(c->t.rows[1].span), 3);
}

static void test_json_syntax_error(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "[\n {\"id\": \"A1\", \"cpr\": 0101901234x}\n]"));
    const Diag *g = one_error(c, "the applicant file is not valid JSON");
    assert_int_equal(LINE(g->span), 2);
    assert_true(COL(g->span) > 20);
    assert_not_echoed(c, "0101901234");
}

static void test_json_duplicate_key_and_eof(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "[{\"id\": \"A1\", \"id\": \"A1\"}]"));
    one_error(c, "duplicate object key");
    assert_not_echoed(c, "\"id\"");
    assert_false(rd(c, "[{\"id\": \"A1\"},\n"));
    assert_int_equal(c->d.errors, 2);
    assert_int_equal(LINE(c->d.items[1].span), 2);
}

static void test_json_empty_array(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "  [ ]  \n"));
    assert_int_equal(c->t.ncolumns, 0);
    assert_int_equal(c->t.nrows, 0);
    assert_true(rd(c, "[{}, {}]"));
    assert_int_equal(c->t.ncolumns, 0);
    assert_int_equal(c->t.nrows, 2);
}

/* The array read element by element: strings holding brackets, commas,
 * escaped quotes and line breaks do not end an element; nested arrays
 * (sets) do not either; places are counted in characters across lines. */
static void test_json_elements_bounds(void **state)
{
    Ctx *c = *state;
    assert_false(rd(c, "[\n  {\"id\": \"A],1\", \"note\": \"x\\\"}, ,\\\\\"},\n"
                      "   {\"id\": \"Ø2\", \"sets\": [\"a\", \"b\"], \"n\": {}}\r\n]"));
    /* n is an object: an error, and the second row is not pushed */
    one_error(c, "key 'n' of object 2 holds a nested object");
    assert_int_equal(LINE(c->d.items[0].span), 3);
    assert_int_equal(COL(c->d.items[0].span), 37);
    static const char *const cols[] = {"id", "note", "sets", "n"};
    assert_columns(c, 4, cols);
    assert_int_equal(c->t.nrows, 1);
    assert_string_equal(cell(c, 0, 0), "A],1");
    assert_string_equal(cell(c, 0, 1), "x\"}, ,\\");
    assert_int_equal(LINE(c->t.rows[0].span), 2);
    assert_int_equal(COL(c->t.rows[0].span), 3);
    /* A key first seen in a later element is placed there (line 3, after "Ø2", ). */
    assert_int_equal(LINE(c->t.column_spans[2]), 3);
    assert_int_equal(COL(c->t.column_spans[2]), 17);
}

/* A key written with an escape is the same column as the key written
 * plainly, whichever comes first. */
static void test_json_escaped_keys(void **state)
{
    Ctx *c = *state;
    assert_true(rd(c, "[{\"id\": \"A1\", \"b\\u00f8rn\": 1},\n {\"id\": \"A2\", \"børn\": 2, \"\\\"q\": 3}]"));
    static const char *const cols[] = {"id", "børn", "\"q"};
    assert_columns(c, 3, cols);
    assert_string_equal(cell(c, 0, 1), "1");
    assert_string_equal(cell(c, 1, 1), "2");
    assert_string_equal(cell(c, 1, 2), "3");
    assert_int_equal(LINE(c->t.column_spans[1]), 1);
    assert_int_equal(LINE(c->t.column_spans[2]), 2);
    assert_int_equal(COL(c->t.column_spans[2]), 26);
}

/* What is wrong between the elements is located where it stands, and
 * quotes nothing. */
static void test_json_array_structure(void **state)
{
    static const struct {
        const char *text, *msg;
        int line, column;
    } cases[] = {
        {"[{\"id\": \"A1\"},\n {\"id\": \"A2\"}\n", "']' expected", 3, 1},
        {"[{\"id\": \"A1\"}}\n", "',' or ']' expected", 1, 14},
        {"[{\"id\": \"A1\"}] x", "end of file expected", 1, 16},
        {"[] [", "end of file expected", 1, 4},
        {"[{\"id\": \"A1\"},\n ]", "not valid JSON", 2, 2},
        {"[{\"id\": \"A1\"} {\"id\": \"HEMMELIG\"}]", "',' or ']' expected", 1, 15},
        {"[{\"id\": \"A1\", \"cpr\": \"HEMMELIG", "']' expected", 1, 31},
        /* a vertical tab is blank to CSV, not to JSON (fuzz_table) */
        {"[{\"id\": \"A1\"},\v{\"id\": \"HEMMELIG\"}]", "not valid JSON", 1, 15},
        {"\v[{\"id\": \"HEMMELIG\"}]", "not valid JSON", 1, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        Ctx *c = *state;
        diag_free(&c->d);
        diag_init(&c->d);
        assert_false(rd(c, cases[i].text));
        const Diag *g = one_error(c, cases[i].msg);
        if (LINE(g->span) != cases[i].line || COL(g->span) != cases[i].column)
            fail_msg("case %zu: at %d:%d, not %d:%d (%s)", i, LINE(g->span), COL(g->span),
                     cases[i].line, cases[i].column, g->msg);
        assert_not_echoed(c, "HEMMELIG");
        assert_int_equal(c->t.nrows, 0);
    }
}

/* ---------------------------------------------------------- reading files */

static void test_read_file(void **state)
{
    Ctx *c = *state;
    char path[] = "/tmp/ramme-table-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static const char text[] = "\xEF\xBB\xBFid;age\r\nA1;30\r\n";
    assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fd);
    assert_true(table_read(path, &c->ss, c->a, &c->d, 1 << 20, &c->t));
    assert_int_equal(c->t.nrows, 1);
    assert_string_equal(cell(c, 0, 1), "30");
    assert_true(c->ss.files[c->t.file]->private_text);
    /* Too large. */
    assert_false(table_read(path, &c->ss, c->a, &c->d, 8, &c->t));
    assert_int_equal(c->t.file, -1);
    assert_non_null(strstr(c->d.items[0].msg, "larger than 8 bytes"));
    unlink(path);
    /* Missing. */
    assert_false(table_read(path, &c->ss, c->a, &c->d, 1 << 20, &c->t));
    assert_int_equal(c->d.errors, 2);
    assert_non_null(strstr(c->d.items[1].msg, "cannot read the applicant file"));
    assert_string_equal(c->d.items[1].path, path);
}

/* What table_rows hands over, checked against table_read's rows. */
typedef struct Seen {
    const Table *whole;
    int n;
    bool same;
} Seen;

static void seen_row(void *ctx, const TableRow *row, int index)
{
    Seen *s = ctx;
    const TableRow *w = &s->whole->rows[index];
    s->same = s->same && index == s->n && row->line == w->line &&
              row->span.first_off == w->span.first_off;
    for (int k = 0; k < s->whole->ncolumns; k++)
        s->same = s->same && ((!row->cells[k] && !w->cells[k]) ||
                              (row->cells[k] && w->cells[k] && strcmp(row->cells[k], w->cells[k]) == 0));
    s->n++;
}

/* A new file named from the template `path` (rewritten), open for writing. */
static FILE *temp_file(char *path)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    return f;
}

/* The file at `path` read whole into *whole (n rows), then opened into
 * c->t, streamed (no row kept), and its rows handed over twice by
 * table_rows, each time the same rows, cells and places as *whole's; no
 * diagnostic. */
static void streams_as_read(Ctx *c, const char *path, int n, Table *whole)
{
    assert_true(table_read(path, &c->ss, c->a, &c->d, 1 << 24, whole));
    assert_true(table_open(path, &c->ss, c->a, &c->d, 1 << 24, &c->t));
    assert_true(c->t.streamed);
    assert_int_equal(c->t.nrows, 0);
    for (int pass = 0; pass < 2; pass++) {
        Seen s = {whole, 0, true};
        assert_true(table_rows(&c->t, &c->ss, c->a, &c->d, seen_row, &s));
        assert_int_equal(s.n, whole->nrows);
        assert_int_equal(s.n, n);
        assert_true(s.same);
    }
    assert_int_equal(c->d.n, 0);
}

/* The file at `path` has an error in a row: table_open finds none,
 * table_rows hands over the n rows before it (like *whole's) and reports
 * one error. */
static void error_found_by_rows(Ctx *c, const char *path, const Table *whole, int n)
{
    Table t;
    assert_true(table_open(path, &c->ss, c->a, &c->d, 1 << 24, &t));
    assert_int_equal(c->d.errors, 0);
    Seen s = {whole, 0, true};
    assert_false(table_rows(&t, &c->ss, c->a, &c->d, seen_row, &s));
    assert_int_equal(s.n, n);
    assert_int_equal(c->d.errors, 1);
}

/* Streaming (table_open, table_rows): a file of 1.3 MB (mapped, its pages
 * handed back as it is read), a quoted cell across lines; the same rows, cells and places as
 * table_read, twice over, with no row kept; and a row error found by
 * table_rows, not by table_open. */
static void test_rows_streamed(void **state)
{
    Ctx *c = *state;
    char path[] = "/tmp/ramme-table-XXXXXX";
    FILE *f = temp_file(path);
    fputs("id;alder;note\n", f);
    for (int i = 0; i < 100000; i++)
        fprintf(f, "A%d;%d;%s\n", i, 20 + i % 50, i % 1000 ? "" : "\"to\nlines\"");
    fclose(f);
    Table whole;
    streams_as_read(c, path, 100000, &whole);
    assert_int_equal(c->t.ncolumns, 3);
    assert_string_equal(c->t.columns[1], "alder");
    /* A row with a cell too many: table_open reads the header only. */
    f = fopen(path, "a");
    assert_non_null(f);
    fputs("B1;30;x;y\n", f);
    fclose(f);
    error_found_by_rows(c, path, &whole, 100000);
    assert_non_null(strstr(c->d.items[0].msg, "has 4 cells"));
    unlink(path);
}

/* Streaming a JSON file: table_open reads the columns (keys of all
 * elements) and keeps no row; table_rows hands over the same rows, cells
 * and places as table_read, twice; a cell error is table_rows'. */
static void test_json_rows_streamed(void **state)
{
    Ctx *c = *state;
    char path[] = "/tmp/ramme-table-XXXXXX";
    FILE *f = temp_file(path);
    fputs("[\n", f);
    for (int i = 0; i < 30000; i++)
        fprintf(f, "%s{\"id\": \"A%d\", \"alder\": %d%s}\n", i ? "," : " ", i, 20 + i % 50,
                i == 29000 ? ", \"sent\": [\"ja\"]" : "");
    fputs("]\n", f);
    fclose(f);
    Table whole;
    streams_as_read(c, path, 30000, &whole);
    static const char *const cols[] = {"id", "alder", "sent"};
    assert_columns(c, 3, cols);
    assert_int_equal(LINE(c->t.column_spans[2]), 29002);
    /* An element with a nested object: table_open does not see it, table_rows does. */
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("[{\"id\": \"A1\"}, {\"id\": \"A2\", \"x\": {}}, {\"id\": \"A3\"}]", f);
    fclose(f);
    error_found_by_rows(c, path, &whole, 2);
    unlink(path);
}

static void test_ten_thousand_rows(void **state)
{
    Ctx *c = *state;
    enum { N = 10000 };
    size_t cap = (size_t)N * 96 + 128, len = 0;
    char *csv = malloc(cap), *json = malloc(cap);
    assert_non_null(csv);
    assert_non_null(json);
    len += (size_t)snprintf(csv + len, cap - len, "id;birth_date;kommune;note\r\n");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(csv + len, cap - len, "A%d;1990-01-%02d;Frederikshavn;\"line\nbreak %d\"\r\n", i,
                                i % 28 + 1, i);
    assert_true(rdn(c, csv, len));
    assert_int_equal(c->t.nrows, N);
    assert_string_equal(cell(c, N - 1, 0), "A9999");
    assert_int_equal(LINE(c->t.rows[N - 1].span), 2 + 2 * (N - 1));

    size_t jl = 0;
    jl += (size_t)snprintf(json + jl, cap - jl, "[\n");
    for (int i = 0; i < N; i++)
        jl += (size_t)snprintf(json + jl, cap - jl, "{\"id\": \"A%d\", \"age\": %d, \"tags\": [\"a\", \"b\"]}%s\n", i,
                               i % 80, i + 1 < N ? "," : "");
    jl += (size_t)snprintf(json + jl, cap - jl, "]\n");
    assert_true(rdn(c, json, jl));
    assert_int_equal(c->t.nrows, N);
    assert_string_equal(cell(c, N - 1, 2), "a|b");
    assert_int_equal(LINE(c->t.rows[N - 1].span), N + 1);
    free(csv);
    free(json);
    /* Speed is measured in `make bench`, never in a timed test. */
}

/* ---------------------------------------------------------- cell parsers */

static void test_bool_words(void **state)
{
    (void)state;
    static const char *const yes[] = {"yes", "Yes", "YES", "ja", "Ja", " JA ", "true", "True", "1", "\tja\r"};
    static const char *const no[] = {"no", "No", "nej", "Nej", "NEJ", "false", "FALSE", "0", "  nej  "};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        bool b = false;
        if (!table_bool(yes[i], &b) || !b)
            fail_msg("'%s' is not yes", yes[i]);
    }
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        bool b = true;
        if (!table_bool(no[i], &b) || b)
            fail_msg("'%s' is not no", no[i]);
    }
    /* SAND/FALSK (a Danish Excel's TRUE/FALSE) are the standard library's
     * words (enum cell_answer, read by admit: tests/e2e/danish.sh), not the
     * engine's; near misses are nobody's. */
    bool sand = false;
    assert_false(table_bool("SAND", &sand));
    assert_false(table_bool("falsk", &sand));
    static const char *const bad[] = {"", " ", "y", "n", "jaa", "nejo", "2", "sandt", "yes no", "01"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        bool b = true;
        if (table_bool(bad[i], &b) || !b)
            fail_msg("'%s' read as a boolean", bad[i]);
    }
    bool b = true;
    assert_false(table_bool(NULL, &b));
}

static void test_dates(void **state)
{
    (void)state;
    int32_t d = -1;
    assert_true(table_date("1970-01-01", &d));
    assert_int_equal(d, 0);
    assert_true(table_date("2000-03-01", &d));
    assert_int_equal(d, 11017);
    assert_true(table_date("1969-12-31", &d));
    assert_int_equal(d, -1);
    assert_true(table_date(" 2024-02-29 ", &d));
    assert_int_equal(d, 19782);
    assert_true(table_date("2000-02-29", &d));
    assert_true(table_date("2024-12-31", &d));
    assert_int_equal(d, 20088);
    /* Danish spreadsheets write the day first (issue 14, item 4). */
    assert_true(table_date("05-01-2024", &d));
    assert_int_equal(d, 19727);
    assert_true(table_date("05.01.2024", &d));
    assert_int_equal(d, 19727);
    assert_true(table_date(" 5.1.2024 ", &d));
    assert_int_equal(d, 19727);
    assert_true(table_date("29-02-2024", &d));
    assert_int_equal(d, 19782);
    assert_true(table_date("31.12.2024", &d));
    assert_int_equal(d, 20088);
    d = 7;
    static const char *const bad[] = {"2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01",
                                      "2024-00-10", "2024-01-00", "2024-1-5",   "24-01-05",   "2024/01/05",
                                      "2024-01-05x", "",          "0000-01-01", "2024-01-+5",
                                      "20240105",
                                      /* day first: a real day, one separator, never '/' */
                                      "29-02-2023", "31.04.2024", "05-13-2024", "00.01.2024", "05.01-2024",
                                      "05/01/2024", "5.1.24",     "105.01.2024", "05..2024",  "05.01.20245",
                                      ".01.2024",   "05.1.2024x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (table_date(bad[i], &d))
            fail_msg("'%s' read as a date", bad[i]);
    assert_int_equal(d, 7);
    assert_false(table_date(NULL, &d));
}

static void test_ints(void **state)
{
    (void)state;
    int64_t v = 0;
    assert_true(table_int("42", &v));
    assert_int_equal(v, 42);
    assert_true(table_int(" -17 ", &v));
    assert_int_equal(v, -17);
    assert_true(table_int("+5", &v));
    assert_int_equal(v, 5);
    assert_true(table_int("9223372036854775807", &v));
    assert_true(v == INT64_MAX);
    assert_true(table_int("-9223372036854775808", &v));
    assert_true(v == INT64_MIN);
    v = 3;
    static const char *const bad[] = {"9223372036854775808", "-9223372036854775809", "99999999999999999999",
                                      "", " ", "-", "+", "1.5", "1e3", "12a", "1 000", "0x10"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (table_int(bad[i], &v))
            fail_msg("'%s' read as an integer", bad[i]);
    assert_int_equal(v, 3);
    assert_false(table_int(NULL, &v));
}

static void test_split_set(void **state)
{
    Ctx *c = *state;
    const char **items = NULL;
    assert_int_equal(table_split_set("a|b|c", c->a, &items), 3);
    assert_string_equal(items[0], "a");
    assert_string_equal(items[2], "c");
    assert_int_equal(table_split_set("  angst | depression  |  ", c->a, &items), 2);
    assert_string_equal(items[0], "angst");
    assert_string_equal(items[1], "depression");
    assert_int_equal(table_split_set("single", c->a, &items), 1);
    assert_string_equal(items[0], "single");
    assert_int_equal(table_split_set("a||b", c->a, &items), 2);
    assert_int_equal(table_split_set("", c->a, &items), 0);
    assert_null(items);
    assert_int_equal(table_split_set(" | ", c->a, &items), 0);
    assert_int_equal(table_split_set(NULL, c->a, &items), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_csv_comma),
        T(test_csv_semicolon),
        T(test_csv_delimiter_majority),
        T(test_csv_bom_crlf),
        T(test_csv_quoted_fields),
        T(test_csv_quoted_header_with_newline),
        T(test_csv_empty_and_missing_cells),
        T(test_csv_trimmed),
        T(test_csv_blank_lines),
        T(test_csv_no_final_newline),
        T(test_csv_sep_line),
        T(test_csv_lone_cr),
        T(test_csv_empty_file),
        T(test_csv_only_header_or_blank),
        T(test_csv_malformed_quoting),
        T(test_csv_malformed_after_closing_quote),
        T(test_csv_unterminated_quote),
        T(test_csv_too_many_cells),
        T(test_csv_duplicate_header),
        T(test_csv_empty_header_name),
        T(test_not_utf8),
        T(test_not_utf8_nul),
        T(test_privacy_source_private),
        T(test_csv_header_missing),
        T(test_looks_like_value),
        T(test_csv_separator_mismatch),
        T(test_csv_separator_mismatch_reverse),
        T(test_csv_separator_mismatch_one_column),
        T(test_csv_other_separator_in_quotes),
        T(test_json_objects),
        T(test_json_values),
        T(test_json_sets),
        T(test_json_nested_object),
        T(test_json_bad_set_items),
        T(test_json_not_array),
        T(test_json_element_not_object),
        T(test_json_syntax_error),
        T(test_json_duplicate_key_and_eof),
        T(test_json_empty_array),
        T(test_json_elements_bounds),
        T(test_json_array_structure),
        T(test_json_escaped_keys),
        T(test_json_rows_streamed),
        T(test_read_file),
        T(test_rows_streamed),
        T(test_ten_thousand_rows),
        T(test_bool_words),
        T(test_dates),
        T(test_ints),
        T(test_split_set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
