/* table.c — applicant files: CSV through libcsv, JSON through jansson, into a
 * Table of trimmed text cells; and the cell parsers (booleans, dates,
 * integers, sets).
 *
 * Privacy (the files hold health data): the text lives only in memory, in the
 * SourceSet entry marked private_text; messages name lines, columns and keys,
 * never a value.
 *
 * CSV line numbers: libcsv's callbacks carry no positions, so the text is fed
 * one physical line at a time and quotes are counted as they go by. Strict
 * mode rejects every quote that does not open, close or double inside a
 * quoted field, so an odd count at the start of a line means the line
 * continues a quoted field; an even count means a new record may start on
 * it. Each record's start line is taken that way.
 *
 * JSON positions: jansson gives none per value, so after a successful parse
 * one pass over the (now known valid) text finds where each element of the
 * top-level array and each key of those objects starts. jansson keeps an
 * object's keys in insertion order, so the k-th key found is the k-th key
 * json_object_foreach visits. */
#include "apps/table.h"

#include "base/civil.h"

#include <csv.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#define HELP_UTF8                                                                                  \
    "save the file as \"CSV UTF-8\" in the spreadsheet program (Excel: Save As > CSV UTF-8; "     \
    "LibreOffice: Save As > Text CSV, character set Unicode (UTF-8))"

/* ------------------------------------------------------------------ helpers */

static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* The text between s and s+n without surrounding white space, copied into the
 * arena; NULL when nothing is left. */
static const char *trim_dup(Arena *a, const char *s, size_t n)
{
    if (!s)
        return NULL;
    while (n > 0 && is_blank((unsigned char)s[0])) {
        s++;
        n--;
    }
    while (n > 0 && is_blank((unsigned char)s[n - 1]))
        n--;
    return n ? arena_strndup(a, s, n) : NULL;
}

/* Column (in characters, 1-based) of byte `off` on the line starting at `line_off`. */
static int column_of(const char *text, size_t line_off, size_t off)
{
    int col = 1;
    for (size_t i = line_off; i < off; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            col++;
    return col;
}

static Span make_span(int file, int line, int col, size_t off, int end_col, size_t end_off)
{
    Span s;
    s.file = file;
    s.first_line = s.last_line = line;
    s.first_column = col;
    s.last_column = end_col;
    s.first_off = off;
    s.last_off = end_off;
    return s;
}

/* A span naming only the file (no line): the renderer shows just the path. */
static Span file_span(int file)
{
    return make_span(file, 0, 0, 0, 0, 0);
}

/* State shared by both formats. */
typedef struct Reader {
    Arena *a;
    Diags *d;
    Source *src;
    int file;
    bool failed;
    TableRow *rows; /* malloc'd, doubling; copied into the arena at the end */
    int nrows, caprows;
} Reader;

static void push_row(Reader *r, const char **cells, Span span)
{
    r->rows = heap_push(r->rows, &r->caprows, r->nrows, sizeof *r->rows);
    r->rows[r->nrows].cells = cells;
    r->rows[r->nrows].span = span;
    r->nrows++;
}

/* The first byte that is not UTF-8 text (an invalid sequence or a NUL), or NULL. */
static const char *first_bad_byte(const char *text, size_t len)
{
    const char *bad = (const char *)u8_check((const uint8_t *)text, len);
    const char *nul = memchr(text, '\0', bad ? (size_t)(bad - text) : len);
    return nul ? nul : bad;
}

/* ---------------------------------------------------------------------- CSV */

typedef struct Csv {
    Reader *r;
    Table *out;
    unsigned char delim;
    const char **cells; /* the record being read (malloc'd, doubling) */
    int ncells, capcells;
    bool have_header;
    int rec_line;       /* where the record being read starts */
    size_t rec_off;     /* byte offset of that line's start */
    json_t *names;      /* header name -> column index, to find duplicates */
    Span *name_spans;   /* malloc'd, while the header is checked */
    int rec_delims;     /* the record's separators outside quotes... */
    int rec_others;     /* ...and the other separator (',' for ';'), likewise */
    bool stopped;       /* a fault that makes every later row unreadable: ignore the rest */
} Csv;

static void csv_field(void *s, size_t n, void *data)
{
    Csv *c = data;
    c->cells = heap_push(c->cells, &c->capcells, c->ncells, sizeof *c->cells);
    c->cells[c->ncells++] = trim_dup(c->r->a, s, n);
}

/* Where each field of the header record starts and ends (after trimming), by
 * scanning the raw text the way libcsv reads it. Returns the number found. */
static int header_spans(const Csv *c, Span *spans, int max)
{
    const char *t = c->r->src->text;
    size_t len = c->r->src->len;
    int file = c->r->file;
    int line = c->rec_line, n = 0;
    size_t line_off = c->rec_off, i = c->rec_off;
    while (n < max) {
        while (i < len && (t[i] == ' ' || t[i] == '\t'))
            i++;
        size_t start = i, end = i;
        int start_line = line;
        size_t start_line_off = line_off;
        bool quoted = false;
        for (; i < len; i++) {
            unsigned char ch = (unsigned char)t[i];
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == c->delim || ch == '\n' || ch == '\r')) {
                break;
            } else if (ch == '\n') {
                line++;
                line_off = i + 1;
            }
            if (ch != ' ' && ch != '\t')
                end = i + 1;
        }
        if (start_line == line)
            spans[n] = make_span(file, line, column_of(t, line_off, start), start,
                                 column_of(t, line_off, end), end);
        else
            spans[n] = make_span(file, start_line, column_of(t, start_line_off, start), start,
                                 column_of(t, start_line_off, start) + 1, start + 1);
        n++;
        if (i >= len || t[i] != c->delim)
            break;
        i++;
    }
    return n;
}

static Span row_span(const Csv *c)
{
    return make_span(c->r->file, c->rec_line, 1, c->rec_off, 1, c->rec_off);
}

static void csv_header(Csv *c)
{
    Reader *r = c->r;
    Table *out = c->out;
    int n = c->ncells;
    /* A file without its header row would make the first applicant's cells
     * the column names, and column names are quoted in messages: refuse it
     * before any name is used, and quote nothing. */
    for (int i = 0; i < n; i++) {
        if (c->cells[i] && table_looks_like_value(c->cells[i])) {
            r->failed = true;
            c->stopped = true;
            diag_error(r->d, row_span(c),
                       "the first row of the applicant file holds values, not column names: the header row seems "
                       "to be missing");
            diag_help(r->d, "add a first row that names the columns (id, birth_date, ...); column %d of the "
                            "first row looks like a value",
                      i + 1);
            return;
        }
    }
    out->columns = arena_array(r->a, (size_t)n, sizeof *out->columns);
    out->column_spans = arena_array(r->a, (size_t)n, sizeof *out->column_spans);
    out->ncolumns = n;
    Span *spans = malloc((size_t)n * sizeof *spans);
    if (!spans)
        arena_oom();
    if (header_spans(c, spans, n) != n)
        for (int i = 0; i < n; i++)
            spans[i] = row_span(c);
    for (int i = 0; i < n; i++) {
        const char *name = c->cells[i];
        out->columns[i] = name;
        out->column_spans[i] = spans[i];
        if (!name) {
            r->failed = true;
            diag_error(r->d, spans[i], "column %d of the header row has no name", i + 1);
            diag_help(r->d, "the first row names the fields; give the column a name or delete it");
            continue;
        }
        json_t *seen = json_object_get(c->names, name);
        if (seen) {
            r->failed = true;
            /* Quoting is safe: no cell of this row looks like a value (above). */
            diag_error(r->d, spans[i], "column '%s' appears twice in the header row", name);
            diag_note(r->d, spans[json_integer_value(seen)], "first here");
            continue;
        }
        json_object_set_new(c->names, name, json_integer(i));
    }
    free(spans);
    c->have_header = true;
}

static void csv_record(int term, void *data)
{
    (void)term;
    Csv *c = data;
    Reader *r = c->r;
    int ncols = c->out->ncolumns;
    if (c->stopped) {
        c->ncells = 0;
        return;
    }
    if (!c->have_header) {
        csv_header(c);
        c->ncells = 0;
        return;
    }
    bool any = false;
    for (int i = 0; i < c->ncells; i++)
        any = any || c->cells[i] != NULL;
    /* A row of empty cells (";;;" from a spreadsheet) is a blank line. */
    if (!any) {
        c->ncells = 0;
        return;
    }
    if (c->ncells > ncols) {
        /* Extra cells that are empty (a trailing delimiter) are harmless. */
        bool extra = false;
        for (int i = ncols; i < c->ncells; i++)
            extra = extra || c->cells[i] != NULL;
        if (extra) {
            r->failed = true;
            diag_error(r->d, row_span(c), "the row on line %d has %d cells, but the header row has %d columns",
                       c->rec_line, c->ncells, ncols);
            diag_help(r->d, "a value that contains '%c' must be in double quotes", c->delim);
            c->ncells = 0;
            return;
        }
    }
    const char **cells = arena_array(r->a, (size_t)ncols, sizeof *cells);
    for (int i = 0; i < c->ncells && i < ncols; i++)
        cells[i] = c->cells[i];
    push_row(r, cells, row_span(c));
    c->ncells = 0;
}

/* Rows separated by the other character than the header (a header typed with
 * ',' over rows a Danish spreadsheet wrote with ';'): each row would be read
 * as one cell, its id, and every record printed as an id. Judged from the
 * record's separators outside quotes, before libcsv reads it (a quote in the
 * middle of a cell would otherwise be the first error). Returns true, after
 * reporting, when the record is such a row. */
static bool separator_mismatch(Csv *c)
{
    int ncols = c->out->ncolumns;
    int want = ncols > 1 ? ncols - 1 : 1;
    if (!c->have_header || c->rec_others < want || c->rec_delims >= want)
        return false;
    unsigned char other = c->delim == ';' ? ',' : ';';
    c->r->failed = true;
    c->stopped = true;
    diag_error(c->r->d, row_span(c), "the row on line %d is separated by '%c', but the header row by '%c'",
               c->rec_line, other, c->delim);
    diag_help(c->r->d, "use one separator throughout the file: save it again from the spreadsheet program, "
                       "or write the header row with '%c'",
              other);
    return true;
}

/* End of the physical line starting at `i`, just past its terminator: "\n",
 * "\r\n", or a lone "\r" (old Mac exports). */
static size_t line_end(const char *t, size_t len, size_t i)
{
    while (i < len) {
        if (t[i] == '\n')
            return i + 1;
        if (t[i] == '\r' && (i + 1 >= len || t[i + 1] != '\n'))
            return i + 1;
        i++;
    }
    return len;
}

/* ';' when the header record (outside quotes) has more semicolons than commas. */
static unsigned char detect_delim(const char *t, size_t len, size_t i)
{
    int semis = 0, commas = 0;
    bool quoted = false;
    for (; i < len; i++) {
        char ch = t[i];
        if (ch == '"')
            quoted = !quoted;
        else if (!quoted && (ch == '\n' || ch == '\r'))
            break;
        else if (!quoted && ch == ';')
            semis++;
        else if (!quoted && ch == ',')
            commas++;
    }
    return semis > commas ? ';' : ',';
}

static void read_csv(Reader *r, Table *out)
{
    const char *t = r->src->text;
    size_t len = r->src->len;
    size_t pos = 0;
    int line = 1;
    /* Skip leading blank lines to find the header. */
    for (;;) {
        size_t e = line_end(t, len, pos), k = pos;
        while (k < e && is_blank((unsigned char)t[k]))
            k++;
        if (k < e || e == pos)
            break;
        pos = e;
        line++;
    }
    unsigned char delim;
    /* Excel's "sep=;" first line names the delimiter. */
    size_t e0 = line_end(t, len, pos);
    if (e0 - pos >= 5 && strncmp(t + pos, "sep=", 4) == 0 && (t[pos + 4] == ';' || t[pos + 4] == ',') &&
        (e0 - pos == 5 || is_blank((unsigned char)t[pos + 5]))) {
        delim = (unsigned char)t[pos + 4];
        pos = e0;
        line++;
    } else {
        delim = detect_delim(t, len, pos);
    }

    Csv c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.out = out;
    c.delim = delim;
    c.names = json_object();
    if (!c.names)
        arena_oom();

    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        arena_oom();
    csv_set_delim(&p, delim);

    bool in_quotes = false, closed_just_before = false;
    int open_line = 0;
    size_t open_off = 0, open_line_off = 0;
    bool ok = true;
    while (pos < len) {
        size_t end = line_end(t, len, pos);
        if (!in_quotes) {
            c.rec_line = line;
            c.rec_off = pos;
            c.rec_delims = c.rec_others = 0;
        }
        for (size_t i = pos; i < end; i++) {
            if (t[i] != '"') {
                closed_just_before = false;
                if (!in_quotes && (t[i] == ',' || t[i] == ';')) {
                    if ((unsigned char)t[i] == delim)
                        c.rec_delims++;
                    else
                        c.rec_others++;
                }
                continue;
            }
            in_quotes = !in_quotes;
            if (in_quotes && !closed_just_before) {
                open_line = line;
                open_off = i;
                open_line_off = pos;
            }
            /* A quote right after a closing one is a doubled "" inside the field. */
            closed_just_before = !in_quotes;
        }
        if (!in_quotes && separator_mismatch(&c)) {
            ok = false;
            break;
        }
        size_t n = csv_parse(&p, t + pos, end - pos, csv_field, csv_record, &c);
        if (n != end - pos) {
            size_t off = pos + n;
            int col = column_of(t, pos, off);
            r->failed = true;
            if (csv_error(&p) == CSV_EPARSE) {
                diag_error(r->d, make_span(r->file, line, col, off, col + 1, off + 1),
                           "malformed quoting in the applicant file");
                diag_help(r->d,
                          "a value that contains quotes, '%c' or a line break must be quoted as a whole, "
                          "with each quote inside doubled: \"like \"\"this\"\"\"",
                          delim);
            } else {
                arena_oom();
            }
            ok = false;
            break;
        }
        pos = end;
        line++;
    }
    if (ok && csv_fini(&p, csv_field, csv_record, &c) != 0) {
        r->failed = true;
        int col = column_of(t, open_line_off, open_off);
        diag_error(r->d, make_span(r->file, open_line, col, open_off, col + 1, open_off + 1),
                   "a quoted value in the applicant file is never closed");
        diag_help(r->d, "the quote that opens it has no closing '\"'");
    }
    csv_free(&p);
    free(c.cells);
    json_decref(c.names);
}

/* --------------------------------------------------------------------- JSON */

typedef struct JPos {
    size_t off;
    int line, col;
} JPos;

typedef struct JElem {
    JPos pos;
    int first_key, nkeys; /* into JScan.keys */
} JElem;

typedef struct JScan {
    JElem *elems;
    int nelems, capelems;
    JPos *keys;
    int nkeys, capkeys;
} JScan;


/* Positions of the top-level array's elements and of their keys, in valid JSON. */
static void jscan(const char *t, size_t len, JScan *s)
{
    int depth = 0, line = 1, col = 1;
    bool in_string = false, need_elem = false, expect_key = false, elem_obj = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)t[i];
        JPos here = {i, line, col};
        if (ch == '\n') {
            line++;
            col = 1;
        } else if ((ch & 0xC0) != 0x80) {
            col++;
        }
        if (in_string) {
            if (ch == '\\' && i + 1 < len) {
                i++;
                if (((unsigned char)t[i] & 0xC0) != 0x80)
                    col++;
            } else if (ch == '"') {
                in_string = false;
            }
            continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
            continue;
        if (depth == 1 && need_elem && ch != ']') {
            s->elems = heap_push(s->elems, &s->capelems, s->nelems, sizeof *s->elems);
            s->elems[s->nelems].pos = here;
            s->elems[s->nelems].first_key = s->nkeys;
            s->elems[s->nelems].nkeys = 0;
            s->nelems++;
            need_elem = false;
            elem_obj = ch == '{';
        }
        switch (ch) {
        case '"':
            in_string = true;
            if (depth == 2 && elem_obj && expect_key) {
                s->keys = heap_push(s->keys, &s->capkeys, s->nkeys, sizeof *s->keys);
                s->keys[s->nkeys++] = here;
                s->elems[s->nelems - 1].nkeys++;
                expect_key = false;
            }
            break;
        case '[':
        case '{':
            depth++;
            if (depth == 1 && ch == '[')
                need_elem = true;
            if (depth == 2 && ch == '{')
                expect_key = true;
            break;
        case ']':
        case '}':
            depth--;
            break;
        case ',':
            if (depth == 1)
                need_elem = true;
            else if (depth == 2 && elem_obj)
                expect_key = true;
            break;
        default:
            break;
        }
    }
}

static Span jspan(int file, JPos p)
{
    return make_span(file, p.line, p.col, p.off, p.col + 1, p.off + 1);
}

/* A number as text: integers without ".0", others the shortest form that reads back. */
static const char *number_text(Arena *a, const json_t *v)
{
    if (json_is_integer(v))
        return arena_printf(a, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    double x = json_real_value(v);
    if (x == 0)
        return "0";
    if (fabs(x) < 1e15 && x == (double)(long long)x)
        return arena_printf(a, "%lld", (long long)x);
    char buf[64];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    return arena_strdup(a, buf);
}

/* The cell for one value; false (after an error) when it has no cell form. */
static bool json_cell(Reader *r, const json_t *v, const char *key, int index, Span where, const char **cell)
{
    *cell = NULL;
    switch (json_typeof(v)) {
    case JSON_STRING:
        *cell = json_string_length(v) ? arena_strndup(r->a, json_string_value(v), json_string_length(v)) : NULL;
        return true;
    case JSON_INTEGER:
    case JSON_REAL:
        *cell = number_text(r->a, v);
        return true;
    case JSON_TRUE:
        *cell = "yes";
        return true;
    case JSON_FALSE:
        *cell = "no";
        return true;
    case JSON_NULL:
        return true;
    case JSON_OBJECT:
        diag_error(r->d, where, "key '%s' of object %d holds a nested object", key, index);
        diag_help(r->d, "each value must be a string, number, true, false, null or an array of strings");
        return false;
    case JSON_ARRAY:
        break;
    }
    /* An array of strings (or numbers) is a set: its items joined with '|'. */
    size_t n = json_array_size(v), total = 0;
    for (size_t i = 0; i < n; i++) {
        const json_t *item = json_array_get(v, i);
        if (json_is_string(item)) {
            if (memchr(json_string_value(item), '|', json_string_length(item)) ||
                memchr(json_string_value(item), '\0', json_string_length(item))) {
                diag_error(r->d, where, "key '%s' of object %d holds a set item that contains '|'", key, index);
                diag_help(r->d, "'|' separates the items of a set; it cannot be part of one");
                return false;
            }
            total += json_string_length(item) + 1;
        } else if (json_is_number(item)) {
            total += 32;
        } else {
            diag_error(r->d, where, "key '%s' of object %d holds an array with an item that is not a string",
                       key, index);
            diag_help(r->d, "a set is an array of strings, such as [\"a\", \"b\"]");
            return false;
        }
    }
    /* [] is an empty set, not a missing value: "" (table_split_set gives 0 items). */
    char *buf = arena_alloc(r->a, total + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const json_t *item = json_array_get(v, i);
        const char *s = json_is_string(item) ? json_string_value(item) : number_text(r->a, item);
        size_t sl = json_is_string(item) ? json_string_length(item) : strlen(s);
        if (i > 0)
            buf[k++] = '|';
        memcpy(buf + k, s, sl);
        k += sl;
    }
    buf[k] = '\0';
    *cell = buf;
    return true;
}

/* jansson's message without its "near '...'" part, which may quote a value
 * ("near end of file" stays). */
static const char *json_msg(Arena *a, const char *text)
{
    const char *near = strstr(text, " near '");
    return near ? arena_strndup(a, text, (size_t)(near - text)) : arena_strdup(a, text);
}

static void read_json(Reader *r, Table *out)
{
    const char *t = r->src->text;
    size_t len = r->src->len;
    json_error_t err;
    json_t *root = json_loadb(t, len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        r->failed = true;
        Span sp = file_span(r->file);
        if (err.line >= 1) {
            int col = err.column >= 1 ? err.column : 1;
            size_t off = err.position >= 0 && (size_t)err.position <= len ? (size_t)err.position : 0;
            sp = make_span(r->file, err.line, col, off, col + 1, off);
        }
        diag_error(r->d, sp, "the applicant file is not valid JSON: %s", json_msg(r->a, err.text));
        return;
    }
    if (!json_is_array(root)) {
        r->failed = true;
        size_t i = 0;
        while (i < len && is_blank((unsigned char)t[i]))
            i++;
        JPos p = {i, 1, 1};
        size_t line_off = 0;
        for (size_t k = 0; k < i; k++)
            if (t[k] == '\n') {
                p.line++;
                line_off = k + 1;
            }
        p.col = column_of(t, line_off, i);
        diag_error(r->d, jspan(r->file, p), "the applicant file is JSON but not an array");
        diag_help(r->d, "write the applicants as an array of objects, one per applicant: "
                        "[{\"id\": \"A1\", ...}, {\"id\": \"A2\", ...}]");
        json_decref(root);
        return;
    }
    JScan s;
    memset(&s, 0, sizeof s);
    jscan(t, len, &s);
    size_t n = json_array_size(root);
    bool have_pos = (size_t)s.nelems == n;

    /* Columns: keys in order of first appearance. */
    json_t *index = json_object();
    if (!index)
        arena_oom();
    int ncols = 0, capcols = 0;
    const char **cols = NULL;
    Span *col_spans = NULL;
    for (size_t i = 0; i < n; i++) {
        json_t *obj = json_array_get(root, i);
        Span where = have_pos ? jspan(r->file, s.elems[i].pos) : file_span(r->file);
        if (!json_is_object(obj)) {
            r->failed = true;
            diag_error(r->d, where, "element %zu of the JSON array is not an object", i + 1);
            diag_help(r->d, "each applicant is an object of fields: {\"id\": \"A1\", ...}");
            continue;
        }
        const char *key;
        json_t *v;
        int k = 0;
        json_object_foreach(obj, key, v) {
            if (!json_object_get(index, key)) {
                int capspans = capcols;
                cols = heap_push(cols, &capcols, ncols, sizeof *cols);
                col_spans = heap_push(col_spans, &capspans, ncols, sizeof *col_spans);
                cols[ncols] = arena_strdup(r->a, key);
                col_spans[ncols] = have_pos && k < s.elems[i].nkeys
                                       ? jspan(r->file, s.keys[s.elems[i].first_key + k])
                                       : where;
                json_object_set_new(index, key, json_integer(ncols));
                ncols++;
            }
            k++;
        }
    }
    out->ncolumns = ncols;
    out->columns = arena_array(r->a, (size_t)ncols, sizeof *out->columns);
    out->column_spans = arena_array(r->a, (size_t)ncols, sizeof *out->column_spans);
    if (ncols) {
        memcpy(out->columns, cols, (size_t)ncols * sizeof *cols);
        memcpy(out->column_spans, col_spans, (size_t)ncols * sizeof *col_spans);
    }
    free(cols);
    free(col_spans);

    /* Rows. */
    for (size_t i = 0; i < n; i++) {
        json_t *obj = json_array_get(root, i);
        if (!json_is_object(obj))
            continue;
        Span where = have_pos ? jspan(r->file, s.elems[i].pos) : file_span(r->file);
        const char **cells = arena_array(r->a, (size_t)ncols, sizeof *cells);
        bool row_ok = true;
        const char *key;
        json_t *v;
        int k = 0;
        json_object_foreach(obj, key, v) {
            Span at = have_pos && k < s.elems[i].nkeys ? jspan(r->file, s.keys[s.elems[i].first_key + k]) : where;
            int c = (int)json_integer_value(json_object_get(index, key));
            if (!json_cell(r, v, key, (int)i + 1, at, &cells[c])) {
                r->failed = true;
                row_ok = false;
            }
            k++;
        }
        if (row_ok)
            push_row(r, cells, where);
    }
    json_decref(index);
    json_decref(root);
    free(s.elems);
    free(s.keys);
}

/* ------------------------------------------------------------------ reading */

static bool read_source(const char *name, int file, SourceSet *ss, Arena *a, Diags *d, Table *out)
{
    Source *src = ss->files[file];
    src->private_text = true;
    out->file = file;
    const char *bad = first_bad_byte(src->text, src->len);
    if (bad) {
        int line = 1;
        for (const char *p = src->text; p < bad; p++)
            if (*p == '\n')
                line++;
        diag_error_file(d, name, "%s is not UTF-8 text (invalid byte 0x%02X at line %d)", name,
                        (unsigned)(unsigned char)*bad, line);
        diag_help(d, HELP_UTF8);
        return false;
    }
    Reader r;
    memset(&r, 0, sizeof r);
    r.a = a;
    r.d = d;
    r.src = src;
    r.file = file;
    size_t i = 0;
    while (i < src->len && is_blank((unsigned char)src->text[i]))
        i++;
    if (i < src->len && (src->text[i] == '[' || src->text[i] == '{'))
        read_json(&r, out);
    else
        read_csv(&r, out);
    if (r.nrows) {
        out->rows = arena_array(a, (size_t)r.nrows, sizeof *out->rows);
        memcpy(out->rows, r.rows, (size_t)r.nrows * sizeof *r.rows);
    }
    out->nrows = r.nrows;
    free(r.rows);
    return !r.failed;
}

static void table_clear(Table *out)
{
    memset(out, 0, sizeof *out);
    out->file = -1;
}

bool table_read_text(const char *name, const char *text, size_t len, SourceSet *ss, Arena *a, Diags *d,
                     Table *out)
{
    table_clear(out);
    int file = src_add(ss, name, text, len);
    return read_source(name, file, ss, a, d, out);
}

bool table_read(const char *path, SourceSet *ss, Arena *a, Diags *d, size_t max_bytes, Table *out)
{
    table_clear(out);
    int file = src_read(ss, path, max_bytes);
    if (file == -2) {
        diag_error_file(d, path, "the applicant file is larger than %zu bytes", max_bytes);
        return false;
    }
    if (file < 0) {
        diag_error_file(d, path, "cannot read the applicant file: %s", strerror(errno));
        return false;
    }
    return read_source(path, file, ss, a, d, out);
}

/* ------------------------------------------------------------- cell parsers */

/* s trimmed: *start and length. */
static size_t trimmed(const char *s, const char **start)
{
    size_t n = strlen(s);
    while (n > 0 && is_blank((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n > 0 && is_blank((unsigned char)s[n - 1]))
        n--;
    *start = s;
    return n;
}

static bool word_is(const char *s, size_t n, const char *word)
{
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch != word[i])
            return false;
    }
    return true;
}

bool table_looks_like_value(const char *s)
{
    const char *p;
    size_t n = trimmed(s, &p);
    if (n == 0)
        return false;
    bool b;
    /* Column names start with a letter; values start with a digit (numbers,
     * dates, CPR and phone numbers), '+' (phone) or are yes/no words, and an
     * e-mail address holds '@'. */
    return (p[0] >= '0' && p[0] <= '9') || p[0] == '+' || memchr(p, '@', n) != NULL || table_bool(s, &b);
}

bool table_bool(const char *s, bool *out)
{
    /* SAND/FALSK: what a Danish Excel writes for TRUE/FALSE. */
    static const char *const yes[] = {"yes", "ja", "true", "1", "sand"};
    static const char *const no[] = {"no", "nej", "false", "0", "falsk"};
    if (!s)
        return false;
    const char *p;
    size_t n = trimmed(s, &p);
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        if (word_is(p, n, yes[i])) {
            *out = true;
            return true;
        }
        if (word_is(p, n, no[i])) {
            *out = false;
            return true;
        }
    }
    return false;
}

static int digits(const char *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

bool table_date(const char *s, int32_t *days)
{
    if (!s)
        return false;
    const char *p;
    size_t n = trimmed(s, &p);
    if (n != 10 || p[4] != '-' || p[7] != '-')
        return false;
    int y = digits(p, 4), m = digits(p + 5, 2), d = digits(p + 8, 2);
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return false;
    if (d > civil_month_days(y, m))
        return false;
    *days = civil_days(y, m, d);
    return true;
}

bool table_int(const char *s, int64_t *out)
{
    if (!s)
        return false;
    const char *p;
    size_t n = trimmed(s, &p);
    size_t i = 0;
    bool neg = false;
    if (i < n && (p[i] == '+' || p[i] == '-')) {
        neg = p[i] == '-';
        i++;
    }
    if (i == n)
        return false;
    /* Accumulate as a negative number so INT64_MIN fits. */
    int64_t v = 0;
    for (; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        int dgt = p[i] - '0';
        if (v < (INT64_MIN + dgt) / 10)
            return false;
        v = v * 10 - dgt;
    }
    if (!neg) {
        if (v == INT64_MIN)
            return false;
        v = -v;
    }
    *out = v;
    return true;
}

int table_split_set(const char *s, Arena *a, const char ***items)
{
    *items = NULL;
    if (!s)
        return 0;
    int n = 0;
    for (const char *p = s; *p; p++)
        if (*p == '|')
            n++;
    const char **out = arena_array(a, (size_t)n + 1, sizeof *out);
    int k = 0;
    const char *start = s;
    for (const char *p = s;; p++) {
        if (*p == '|' || *p == '\0') {
            const char *item = trim_dup(a, start, (size_t)(p - start));
            if (item)
                out[k++] = item;
            if (*p == '\0')
                break;
            start = p + 1;
        }
    }
    if (k)
        *items = out;
    return k;
}
