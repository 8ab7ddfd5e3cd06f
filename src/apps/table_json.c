/* table_json.c — applicant files in JSON: an array of objects (table.h),
 * through jansson.
 *
 * Positions: jansson gives none per value, so after a successful parse one
 * pass over the (now known valid) text finds where each element of the
 * top-level array and each key of those objects starts. jansson keeps an
 * object's keys in insertion order, so the k-th key found is the k-th key
 * json_object_foreach visits. */
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
    return tr_make_span(file, p.line, p.col, p.off, p.col + 1, p.off + 1);
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
        diag_error(r->d, where, _("key '%s' of object %d holds a nested object"), key, index);
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
                diag_error(r->d, where, _("key '%s' of object %d holds a set item that contains '|'"), key, index);
                diag_help(r->d, "%s", _("'|' separates the items of a set; it cannot be part of one"));
                return false;
            }
            total += json_string_length(item) + 1;
        } else if (json_is_number(item)) {
            total += 32;
        } else {
            diag_error(r->d, where, _("key '%s' of object %d holds an array with an item that is not a string"),
                       key, index);
            diag_help(r->d, "%s", _("a set is an array of strings, such as [\"a\", \"b\"]"));
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

void tr_read_json(Reader *r, Table *out)
{
    const char *t = r->src->text;
    size_t len = r->src->len;
    json_error_t err;
    json_t *root = json_loadb(t, len, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        r->failed = true;
        Span sp = tr_file_span(r->file);
        if (err.line >= 1) {
            int col = err.column >= 1 ? err.column : 1;
            size_t off = err.position >= 0 && (size_t)err.position <= len ? (size_t)err.position : 0;
            sp = tr_make_span(r->file, err.line, col, off, col + 1, off);
        }
        diag_error(r->d, sp, _("the applicant file is not valid JSON: %s"), json_msg(r->a, err.text));
        return;
    }
    if (!json_is_array(root)) {
        r->failed = true;
        size_t i = 0;
        while (i < len && tr_is_blank((unsigned char)t[i]))
            i++;
        JPos p = {i, 1, 1};
        size_t line_off = 0;
        for (size_t k = 0; k < i; k++)
            if (t[k] == '\n') {
                p.line++;
                line_off = k + 1;
            }
        p.col = tr_column_of(t, line_off, i);
        diag_error(r->d, jspan(r->file, p), _("the applicant file is JSON but not an array"));
        diag_help(r->d, "%s", _("write the applicants as an array of objects, one per applicant: "
                                "[{\"id\": \"A1\", ...}, {\"id\": \"A2\", ...}]"));
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
        Span where = have_pos ? jspan(r->file, s.elems[i].pos) : tr_file_span(r->file);
        if (!json_is_object(obj)) {
            r->failed = true;
            diag_error(r->d, where, _("element %zu of the JSON array is not an object"), i + 1);
            diag_help(r->d, "%s", _("each applicant is an object of fields: {\"id\": \"A1\", ...}"));
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
        Span where = have_pos ? jspan(r->file, s.elems[i].pos) : tr_file_span(r->file);
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
            tr_push_row(r, cells, where);
    }
    json_decref(index);
    json_decref(root);
    free(s.elems);
    free(s.keys);
}

