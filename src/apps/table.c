/* table.c — applicant files into a Table of trimmed text cells: the reading
 * (table_csv.c and table_json.c for the two formats, table_read.h for what
 * they share) and the cell parsers (booleans, dates, integers, sets).
 *
 * Privacy (the files hold health data): the text lives only in memory, in the
 * SourceSet entry marked private_text; messages name lines, columns and keys,
 * never a value. */
#include "apps/table.h"
#include "apps/table_read.h"

#include "base/civil.h"
#include "base/i18n.h"
#include "base/utf8.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ helpers */

bool tr_is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* The text between s and s+n without surrounding white space, copied into the
 * arena; NULL when nothing is left. */
const char *tr_trim_dup(Arena *a, const char *s, size_t n)
{
    if (!s)
        return NULL;
    while (n > 0 && tr_is_blank((unsigned char)s[0])) {
        s++;
        n--;
    }
    while (n > 0 && tr_is_blank((unsigned char)s[n - 1]))
        n--;
    return n ? arena_strndup(a, s, n) : NULL;
}




void tr_push_row(Reader *r, const char **cells, Span span, int line)
{
    if (r->row_fn) {
        TableRow row = {cells, span, line};
        r->row_fn(r->row_ctx, &row, r->nrows++);
        arena_release(r->a, r->mark);
        /* The rows read are not read again in this pass: their pages leave
         * memory a megabyte at a time (a mapped file; src_release). */
        if (span.first_off > r->released + ((size_t)1 << 20)) {
            src_release(r->src, span.first_off);
            r->released = span.first_off;
        }
        return;
    }
    r->rows = heap_push(r->rows, &r->caprows, r->nrows, sizeof *r->rows);
    r->rows[r->nrows].cells = cells;
    r->rows[r->nrows].span = span;
    r->rows[r->nrows].line = line;
    r->nrows++;
}

/* ------------------------------------------------------------------ reading */

/* Whether the text is JSON rather than CSV: its first non-blank byte. */
static bool is_json(const Source *src)
{
    size_t i = 0;
    while (i < src->len && tr_is_blank((unsigned char)src->text[i]))
        i++;
    return i < src->len && (src->text[i] == '[' || src->text[i] == '{');
}

static bool read_source(const char *name, int file, SourceSet *ss, Arena *a, Diags *d, Table *out,
                        bool header_only)
{
    Source *src = ss->files[file];
    src->private_text = true;
    out->file = file;
    /* A megabyte at a time, each handed back once checked (a mapped file),
     * so the check does not bring the whole file into memory at once. */
    const char *bad = NULL;
    for (size_t off = 0, step = (size_t)1 << 20; off < src->len && !bad;) {
        size_t end = off + step < src->len ? off + step : src->len;
        while (end < src->len && end > off && ((unsigned char)src->text[end] & 0xC0) == 0x80)
            end--; /* not inside a character */
        bad = utf8_first_bad(src->text + off, end - off);
        src_release(src, end);
        off = end;
    }
    if (bad) {
        int line = 1;
        for (const char *p = src->text; p < bad; p++)
            if (*p == '\n')
                line++;
        diag_error_file(d, name, _("%s is not UTF-8 text (invalid byte 0x%02X at line %d)"), name,
                        (unsigned)(unsigned char)*bad, line);
        diag_help(d, "%s",
                  _("save the file as \"CSV UTF-8\" in the spreadsheet program (Excel: Save As > CSV UTF-8; "
                    "LibreOffice: Save As > Text CSV, character set Unicode (UTF-8))"));
        return false;
    }
    Reader r;
    memset(&r, 0, sizeof r);
    r.a = a;
    r.d = d;
    r.src = src;
    r.file = file;
    /* Streamed: table_rows reads the rows, in either format. */
    out->streamed = header_only;
    r.header_only = header_only;
    if (is_json(src))
        tr_read_json(&r, out);
    else
        tr_read_csv(&r, out);
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
    return read_source(name, file, ss, a, d, out, false);
}

/* The file of `path` added to `ss`; -1 after an error. */
static int open_file(const char *path, SourceSet *ss, Diags *d, size_t max_bytes)
{
    int file = src_read(ss, path, max_bytes);
    if (file == -2) {
        diag_error_file(d, path, _("the applicant file is larger than %zu bytes"), max_bytes);
        return -1;
    }
    if (file < 0) {
        diag_error_file(d, path, _("cannot read the applicant file: %s"), strerror(errno));
        return -1;
    }
    return file;
}

bool table_open(const char *path, SourceSet *ss, Arena *a, Diags *d, size_t max_bytes, Table *out)
{
    table_clear(out);
    int file = open_file(path, ss, d, max_bytes);
    return file >= 0 && read_source(path, file, ss, a, d, out, true);
}

bool table_rows(const Table *t, SourceSet *ss, Arena *a, Diags *d, TableRowFn fn, void *ctx)
{
    if (!t->streamed) {
        for (int i = 0; i < t->nrows; i++)
            fn(ctx, &t->rows[i], i);
        return true;
    }
    Reader r;
    memset(&r, 0, sizeof r);
    r.a = a;
    r.d = d;
    r.src = ss->files[t->file];
    r.file = t->file;
    r.rows_only = true;
    r.row_fn = fn;
    r.row_ctx = ctx;
    r.mark = arena_mark(a);
    Table scratch;
    table_clear(&scratch);
    scratch.ncolumns = t->ncolumns;
    scratch.columns = t->columns;
    if (is_json(r.src))
        tr_read_json(&r, &scratch);
    else
        tr_read_csv(&r, &scratch);
    arena_release(a, r.mark);
    src_release(r.src, r.src->len);
    return !r.failed;
}

bool table_read(const char *path, SourceSet *ss, Arena *a, Diags *d, size_t max_bytes, Table *out)
{
    table_clear(out);
    int file = open_file(path, ss, d, max_bytes);
    return file >= 0 && read_source(path, file, ss, a, d, out, false);
}

/* ------------------------------------------------------------- cell parsers */

/* s trimmed: *start and length. */
static size_t trimmed(const char *s, const char **start)
{
    size_t n = strlen(s);
    while (n > 0 && tr_is_blank((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n > 0 && tr_is_blank((unsigned char)s[n - 1]))
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
    /* The language's own yes/no words (LANGUAGE.md §2: yes/no, true/false,
     * ja/nej) and 1/0. Other words (Danish Excel's SAND/FALSK) are the
     * standard library's: enum cell_answer in applicant.ramme (admit.c). */
    static const char *const yes[] = {"yes", "ja", "true", "1"};
    static const char *const no[] = {"no", "nej", "false", "0"};
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
    int y, m, d;
    if (n == 10 && p[4] == '-' && p[7] == '-') {
        y = digits(p, 4), m = digits(p + 5, 2), d = digits(p + 8, 2);
    } else {
        /* Day first, as a Danish spreadsheet writes it: D[D]-M[M]-YYYY or
         * D[D].M[M].YYYY, the same separator twice (never '/': 01/02/2025
         * is 2 January in the United States). */
        size_t i = 0, dl, ml;
        for (dl = 0; i < n && dl < 3 && p[i] >= '0' && p[i] <= '9'; i++)
            dl++;
        char sep = i < n ? p[i] : 0;
        if (dl < 1 || dl > 2 || (sep != '-' && sep != '.'))
            return false;
        size_t mstart = ++i;
        for (ml = 0; i < n && ml < 3 && p[i] >= '0' && p[i] <= '9'; i++)
            ml++;
        if (ml < 1 || ml > 2 || i >= n || p[i] != sep || n - (i + 1) != 4)
            return false;
        d = digits(p, (int)dl), m = digits(p + mstart, (int)ml), y = digits(p + i + 1, 4);
    }
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
            const char *item = tr_trim_dup(a, start, (size_t)(p - start));
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

