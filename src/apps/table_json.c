/* table_json.c — applicant files in JSON: an array of objects (table.h),
 * through jansson, one element at a time.
 *
 * jansson parses a whole document into a tree about five times the size of
 * its text, and a committee's file of 100,000 applicants would sit in
 * memory twice over. So a cursor (JCursor) walks the top-level array and
 * finds where each element starts and ends (outside strings, the first ','
 * or ']' at the array's own depth), and jansson parses that element alone:
 * memory holds one applicant's tree at a time, and the text's pages go
 * back to the system behind the reader (tr_push_row). Two passes: the
 * columns are the keys in order of first appearance over all applicants
 * (table_open stops there), then the rows (table_rows streams them).
 *
 * Positions: jansson gives none per value, so the cursor counts lines and
 * columns (characters, as jansson does) as it goes, and a key's place is
 * found in its element's text when a message or a new column needs it.
 * jansson keeps an object's keys in insertion order, so the k-th key found
 * is the k-th key json_object_foreach visits. */
#include "apps/table.h"
#include "apps/table_read.h"
#include "base/i18n.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct JPos {
    size_t off;
    int line; /* of off, counted as jansson counts (a row's "line 7") */
} JPos;

/* The top-level array's elements, one after another, in text that may be
 * invalid: the cursor only finds the elements' bounds, and an element
 * whose bounds are wrong is one jansson refuses. */
typedef struct JCursor {
    const char *t;
    size_t len;
    JPos at;      /* the next byte */
    bool started; /* past the opening '[' */
    bool closing; /* at the closing ']' */
    bool done;    /* past it */
} JCursor;

static void jc_step(JCursor *c)
{
    if (c->t[c->at.off++] == '\n')
        c->at.line++;
}

/* JSON's white space: not tr_is_blank's vertical tab and form feed. */
static bool json_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static void jc_blank(JCursor *c)
{
    while (c->at.off < c->len && json_blank(c->t[c->at.off]))
        jc_step(c);
}

/* Text from `c->at` to the end of the value that starts there: strings
 * skipped whole, brackets counted. Stops at a ',' or a closing bracket at
 * depth 0, or at the end of the text. */
static void jc_skip_value(JCursor *c)
{
    int depth = 0;
    bool in_string = false;
    for (; c->at.off < c->len; jc_step(c)) {
        char ch = c->t[c->at.off];
        if (in_string) {
            if (ch == '\\' && c->at.off + 1 < c->len)
                jc_step(c);
            else if (ch == '"')
                in_string = false;
        } else if (ch == '"') {
            in_string = true;
        } else if (ch == '[' || ch == '{') {
            depth++;
        } else if (ch == ']' || ch == '}') {
            if (depth == 0)
                return;
            depth--;
        } else if (ch == ',' && depth == 0) {
            return;
        }
    }
}

/* The next element: where it starts, and the end of its text (exclusive).
 * False at the end of the array, or when the text around the elements is
 * not an array's: then *what says what was expected there, in jansson's
 * words (jansson's own messages are not translated either), and *bad where. */
static bool jc_next(JCursor *c, JPos *start, size_t *end, JPos *bad, const char **what)
{
    *what = NULL;
    if (c->done)
        return false;
    if (!c->started) {
        jc_blank(c);
        jc_step(c); /* the '[' (tr_read_json looked) */
        c->started = true;
        jc_blank(c);
        if (c->at.off < c->len && c->t[c->at.off] == ']')
            c->closing = true; /* [] */
    }
    if (c->closing) {
        jc_step(c);
        c->done = true;
        jc_blank(c);
        if (c->at.off < c->len) {
            *bad = c->at;
            *what = "end of file expected";
        }
        return false;
    }
    jc_blank(c);
    *start = c->at;
    jc_skip_value(c);
    *end = c->at.off;
    if (c->at.off >= c->len || c->t[c->at.off] == '}') {
        *bad = c->at;
        *what = c->at.off >= c->len ? "']' expected near end of file" : "',' or ']' expected";
        return false;
    }
    if (c->t[c->at.off] == ',')
        jc_step(c);
    else
        c->closing = true; /* ']': the array ends after this element */
    return true;
}

/* The keys of an object element, in order, read off its text: no tree is
 * built. Each is the raw text between its quotes (escapes not decoded). */
typedef struct JKeys {
    JCursor c;
    int depth;
    bool expect_key;
} JKeys;

static void jk_begin(JKeys *k, const char *t, JPos e, size_t end)
{
    k->c = (JCursor){t, end, e, true, false, false};
    k->depth = 0;
    k->expect_key = false;
}

static bool jk_next(JKeys *k, JPos *at, const char **key, size_t *n)
{
    JCursor *c = &k->c;
    const char *t = c->t;
    for (; c->at.off < c->len; jc_step(c)) {
        char ch = t[c->at.off];
        if (ch == '"') {
            bool is_key = k->depth == 1 && k->expect_key;
            JPos start = c->at;
            /* the string, to its closing quote */
            for (jc_step(c); c->at.off < c->len && t[c->at.off] != '"'; jc_step(c))
                if (t[c->at.off] == '\\' && c->at.off + 1 < c->len)
                    jc_step(c);
            if (is_key) {
                k->expect_key = false;
                *at = start;
                *key = t + start.off + 1;
                *n = c->at.off - start.off - 1;
                if (c->at.off < c->len)
                    jc_step(c);
                return true;
            }
        } else if (ch == '[' || ch == '{') {
            k->depth++;
            k->expect_key = k->depth == 1 && ch == '{';
        } else if (ch == ']' || ch == '}') {
            k->depth--;
        } else if (ch == ',' && k->depth == 1) {
            k->expect_key = true;
        }
        if (c->at.off >= c->len)
            break;
    }
    return false;
}

/* Where the k-th key of the object element at `e` (text up to `end`) stands. */
static JPos jkey_pos(const char *t, JPos e, size_t end, int k)
{
    JKeys ks;
    jk_begin(&ks, t, e, end);
    JPos at;
    const char *key;
    size_t n;
    for (int i = 0; jk_next(&ks, &at, &key, &n); i++)
        if (i == k)
            return at;
    return e;
}

static Span jspan(int file, JPos p)
{
    return span_at(file, p.off, p.off + 1);
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

/* An element of the array: where it starts and where its text ends. */
typedef struct JElem {
    JPos pos;
    size_t end;
} JElem;

/* Where the k-th key of object element `e` stands: found when needed. */
static Span key_span(const Reader *r, const JElem *e, int k)
{
    return jspan(r->file, jkey_pos(r->src->text, e->pos, e->end, k));
}

/* The cell for the k-th value of element `e` (its `index`-th); false (after
 * an error at the key) when it has no cell form. */
static bool json_cell(Reader *r, const json_t *v, const char *key, int index, const JElem *e, int k,
                      const char **cell)
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
        diag_error(r->d, key_span(r, e, k), _("key '%s' of object %d holds a nested object"), key, index);
        diag_help(r->d, "%s", _("each value must be a string, number, true, false, null or an array of strings"));
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
                diag_error(r->d, key_span(r, e, k), _("key '%s' of object %d holds a set item that contains '|'"), key, index);
                diag_help(r->d, "%s", _("'|' separates the items of a set; it cannot be part of one"));
                return false;
            }
            total += json_string_length(item) + 1;
        } else if (json_is_number(item)) {
            total += 32;
        } else {
            diag_error(r->d, key_span(r, e, k), _("key '%s' of object %d holds an array with an item that is not a string"),
                       key, index);
            diag_help(r->d, "%s", _("a set is an array of strings, such as [\"a\", \"b\"]"));
            return false;
        }
    }
    /* [] is an empty set, not a missing value: "" (table_split_set gives 0 items). */
    char *buf = arena_alloc(r->a, total + 1);
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        const json_t *item = json_array_get(v, i);
        const char *s = json_is_string(item) ? json_string_value(item) : number_text(r->a, item);
        size_t sl = json_is_string(item) ? json_string_length(item) : strlen(s);
        if (i > 0)
            buf[w++] = '|';
        memcpy(buf + w, s, sl);
        w += sl;
    }
    buf[w] = '\0';
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

/* The byte jansson's error names in the text [from, end) it parsed. Its
 * line, column and position agree: the position is the bytes it read, the
 * column the characters it read on the line, so the column is that of the
 * last character read (0 just after a line end: the new line's start,
 * which the report has always called column 1). */
static size_t jansson_at(const char *t, size_t from, size_t end, const json_error_t *err)
{
    size_t at = from + (err->position > 0 ? (size_t)err->position : 0);
    if (at > end)
        at = end;
    if (err->column >= 1 && at > from) {
        at--;
        while (at > from && ((unsigned char)t[at] & 0xC0) == 0x80)
            at--;
    }
    return at;
}

/* An error at byte `off` of the file: the text is not JSON, jansson says why. */
static void not_json(Reader *r, size_t off, const char *why)
{
    r->failed = true;
    diag_error(r->d, span_at(r->file, off, off + 1),
               _("the applicant file is not valid JSON: %s"), json_msg(r->a, why));
}

/* A file that does not start with '[': parsed whole, for jansson's error
 * or to say that it is JSON but not an array (an object is one applicant's
 * size, and either way nothing is read). */
static void read_not_array(Reader *r)
{
    const char *t = r->src->text;
    size_t len = r->src->len;
    json_error_t err;
    json_t *root = json_loadb(t, len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        if (err.line < 1) {
            r->failed = true;
            diag_error(r->d, span_file(r->file), _("the applicant file is not valid JSON: %s"),
                       json_msg(r->a, err.text));
            return;
        }
        not_json(r, jansson_at(t, 0, len, &err), err.text);
        return;
    }
    /* jansson read it, and it does not start with '[': JSON, but not an array. */
    r->failed = true;
    size_t i = 0;
    while (i < len && tr_is_blank((unsigned char)t[i]))
        i++;
    diag_error(r->d, span_at(r->file, i, i + 1), _("the applicant file is JSON but not an array"));
    diag_help(r->d, "%s", _("write the applicants as an array of objects, one per applicant: "
                            "[{\"id\": \"A1\", ...}, {\"id\": \"A2\", ...}]"));
    json_decref(root);
}

/* Element `e` parsed alone; NULL after jansson's error, placed in the file. */
static json_t *load_elem(Reader *r, const JElem *e)
{
    json_error_t err;
    json_t *v = json_loadb(r->src->text + e->pos.off, e->end - e->pos.off, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY,
                           &err);
    if (v)
        return v;
    size_t at = err.line >= 1 ? jansson_at(r->src->text, e->pos.off, e->end, &err) : e->pos.off;
    /* The element's text ends where the next should begin: something
     * other than a comma stands between two elements. */
    bool between = strncmp(err.text, "end of file expected", 20) == 0;
    not_json(r, at, between ? "',' or ']' expected" : err.text);
    return NULL;
}

/* The elements of the array in turn; false at the end, or after an error
 * (reported, and *ok false). */
static bool next_elem(Reader *r, JCursor *c, JElem *e, bool *ok)
{
    JPos bad;
    const char *what;
    if (jc_next(c, &e->pos, &e->end, &bad, &what))
        return true;
    if (what) {
        not_json(r, bad.off, what);
        *ok = false;
    }
    return false;
}

/* A column for `key` (n bytes) unless there is one. */
static void add_column(Reader *r, json_t *index, const char *key, size_t n, Span at, const char ***cols,
                       Span **col_spans, int *ncols, int *capcols)
{
    if (json_object_getn(index, key, n))
        return;
    int capspans = *capcols;
    *cols = heap_push(*cols, capcols, *ncols, sizeof **cols);
    *col_spans = heap_push(*col_spans, &capspans, *ncols, sizeof **col_spans);
    (*cols)[*ncols] = arena_strndup(r->a, key, n);
    (*col_spans)[*ncols] = at;
    json_object_setn_new(index, key, n, json_integer(*ncols));
    (*ncols)++;
}

/* The columns of element `e` from its text alone, when it is an object
 * whose keys have no escape; false (nothing added) otherwise. */
static bool plain_keys(Reader *r, const JElem *e, json_t *index, const char ***cols, Span **col_spans, int *ncols,
                       int *capcols)
{
    const char *t = r->src->text;
    if (e->pos.off >= e->end || t[e->pos.off] != '{')
        return false;
    JKeys ks;
    JPos at;
    const char *key;
    size_t n;
    jk_begin(&ks, t, e->pos, e->end);
    while (jk_next(&ks, &at, &key, &n))
        if (memchr(key, '\\', n))
            return false;
    jk_begin(&ks, t, e->pos, e->end);
    while (jk_next(&ks, &at, &key, &n))
        add_column(r, index, key, n, jspan(r->file, at), cols, col_spans, ncols, capcols);
    return true;
}

/* Pass 1: the columns, every key in order of first appearance, where it
 * first stands; an element that is not an object is an error. False when
 * the text is not JSON. */
static bool read_columns(Reader *r, Table *out, json_t *index)
{
    JCursor c = {r->src->text, r->src->len, {0, 1}, false, false, false};
    int ncols = 0, capcols = 0;
    const char **cols = NULL;
    Span *col_spans = NULL;
    bool ok = true;
    JElem e;
    size_t released = 0;
    for (size_t i = 0; next_elem(r, &c, &e, &ok); i++) {
        /* An object's keys are read off its text; jansson parses only an
         * element that is not an object (for its error) or has a key with
         * an escape (for the key's value). The rows' pass parses each
         * element and finds any error in it. */
        if (plain_keys(r, &e, index, &cols, &col_spans, &ncols, &capcols))
            goto next;
        json_t *obj = load_elem(r, &e);
        if (!obj) {
            ok = false;
            break;
        }
        if (!json_is_object(obj)) {
            r->failed = true;
            diag_error(r->d, jspan(r->file, e.pos), _("element %zu of the JSON array is not an object"), i + 1);
            diag_help(r->d, "%s", _("each applicant is an object of fields: {\"id\": \"A1\", ...}"));
        }
        const char *key;
        json_t *v;
        int k = 0;
        json_object_foreach(obj, key, v) {
            add_column(r, index, key, strlen(key), key_span(r, &e, k), &cols, &col_spans, &ncols, &capcols);
            k++;
        }
        json_decref(obj);
    next:
        /* Read once in this pass: the pages go back a megabyte at a time. */
        if (e.end > released + ((size_t)1 << 20)) {
            src_release(r->src, e.end);
            released = e.end;
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
    return ok;
}

/* Pass 2: the rows, one object at a time, through tr_push_row. */
static void read_rows(Reader *r, const Table *out, json_t *index)
{
    JCursor c = {r->src->text, r->src->len, {0, 1}, false, false, false};
    JElem e;
    bool ok = true;
    for (int i = 0; next_elem(r, &c, &e, &ok); i++) {
        json_t *obj = load_elem(r, &e);
        if (!obj)
            return;
        if (!json_is_object(obj)) {
            json_decref(obj);
            continue;
        }
        const char **cells = arena_array(r->a, (size_t)out->ncolumns, sizeof *cells);
        bool row_ok = true;
        const char *key;
        json_t *v;
        int k = 0;
        json_object_foreach(obj, key, v) {
            json_t *col = json_object_get(index, key);
            int ci = col ? (int)json_integer_value(col) : -1;
            const char *cell = NULL;
            if (!json_cell(r, v, key, i + 1, &e, k, &cell)) {
                r->failed = true;
                row_ok = false;
            } else if (ci >= 0 && ci < out->ncolumns) {
                cells[ci] = cell;
            }
            k++;
        }
        json_decref(obj);
        if (row_ok)
            tr_push_row(r, cells, jspan(r->file, e.pos), e.pos.line);
    }
}

void tr_read_json(Reader *r, Table *out)
{
    const char *t = r->src->text;
    size_t len = r->src->len, i = 0;
    while (i < len && json_blank(t[i]))
        i++;
    if (i >= len || t[i] != '[') {
        read_not_array(r);
        return;
    }
    /* key -> column */
    json_t *index = json_object();
    if (!index)
        arena_oom();
    bool ok = true;
    if (r->rows_only) {
        for (int c = 0; c < out->ncolumns; c++)
            json_object_set_new(index, out->columns[c], json_integer(c));
    } else {
        ok = read_columns(r, out, index);
    }
    if (ok && !r->header_only)
        read_rows(r, out, index);
    json_decref(index);
}
