/* table_csv.c — applicant files in CSV, as spreadsheet programs write them
 * (table.h), through libcsv.
 *
 * Line numbers: libcsv's callbacks carry no positions, so the text is fed
 * one physical line at a time and quotes are counted as they go by. Strict
 * mode rejects every quote that does not open, close or double inside a
 * quoted field, so an odd count at the start of a line means the line
 * continues a quoted field; an even count means a new record may start on
 * it. Each record's start line is taken that way. */
#include "apps/table.h"
#include "apps/table_read.h"
#include "base/i18n.h"

#include <csv.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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
    c->cells[c->ncells++] = tr_trim_dup(c->r->a, s, n);
}

/* Where each field of the header record starts and ends (after trimming), by
 * scanning the raw text the way libcsv reads it. Returns the number found. */
static int header_spans(const Csv *c, Span *spans, int max)
{
    const char *t = c->r->src->text;
    size_t len = c->r->src->len;
    int file = c->r->file;
    int line = c->rec_line, n = 0;
    size_t i = c->rec_off;
    while (n < max) {
        while (i < len && (t[i] == ' ' || t[i] == '\t'))
            i++;
        size_t start = i, end = i;
        int start_line = line;
        bool quoted = false;
        for (; i < len; i++) {
            unsigned char ch = (unsigned char)t[i];
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == c->delim || ch == '\n' || ch == '\r')) {
                break;
            } else if (ch == '\n') {
                line++;
            }
            if (ch != ' ' && ch != '\t')
                end = i + 1;
        }
        /* A name quoted over more than one line is marked by its first character. */
        spans[n] = span_at(file, start, start_line == line ? end : start + 1);
        n++;
        if (i >= len || t[i] != c->delim)
            break;
        i++;
    }
    return n;
}

static Span row_span(const Csv *c)
{
    return span_at(c->r->file, c->rec_off, c->rec_off);
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
                       _("the first row of the applicant file holds values, not column names: the header row seems "
                         "to be missing"));
            diag_help(r->d, _("add a first row that names the columns (id, birth_date, ...); column %d of the "
                              "first row looks like a value"),
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
            diag_error(r->d, spans[i], _("column %d of the header row has no name"), i + 1);
            diag_help(r->d, "%s", _("the first row names the fields; give the column a name or delete it"));
            continue;
        }
        json_t *seen = json_object_get(c->names, name);
        if (seen) {
            r->failed = true;
            /* Quoting is safe: no cell of this row looks like a value (above). */
            diag_error(r->d, spans[i], _("column '%s' appears twice in the header row"), name);
            diag_note(r->d, spans[json_integer_value(seen)], "%s", _("first here"));
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
        /* table_rows: table_open has checked it and kept the names. */
        if (r->rows_only)
            c->have_header = true;
        else
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
            /* More cells than columns: at least two cells, one column or more. */
            diag_error(r->d, row_span(c),
                       P_("the row on line %d has %d cells, but the header row has %d column",
                          "the row on line %d has %d cells, but the header row has %d columns", (unsigned long)ncols),
                       c->rec_line, c->ncells, ncols);
            diag_help(r->d, _("a value that contains '%c' must be in double quotes"), c->delim);
            c->ncells = 0;
            return;
        }
    }
    const char **cells = arena_array(r->a, (size_t)ncols, sizeof *cells);
    for (int i = 0; i < c->ncells && i < ncols; i++)
        cells[i] = c->cells[i];
    tr_push_row(r, cells, row_span(c), c->rec_line);
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
    diag_error(c->r->d, row_span(c), _("the row on line %d is separated by '%c', but the header row by '%c'"),
               c->rec_line, other, c->delim);
    diag_help(c->r->d, _("use one separator throughout the file: save it again from the spreadsheet program, "
                         "or write the header row with '%c'"),
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

void tr_read_csv(Reader *r, Table *out)
{
    const char *t = r->src->text;
    size_t len = r->src->len;
    size_t pos = 0;
    int line = 1;
    /* Skip leading blank lines to find the header. */
    for (;;) {
        size_t e = line_end(t, len, pos), k = pos;
        while (k < e && tr_is_blank((unsigned char)t[k]))
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
        (e0 - pos == 5 || tr_is_blank((unsigned char)t[pos + 5]))) {
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
    size_t open_off = 0;
    bool ok = true;
    while (pos < len) {
        if (r->header_only && c.have_header)
            break; /* table_open: the rows are table_rows' */
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
                open_off = i;
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
            r->failed = true;
            if (csv_error(&p) == CSV_EPARSE) {
                diag_error(r->d, span_at(r->file, off, off + 1),
                           _("malformed quoting in the applicant file"));
                diag_help(r->d,
                          _("a value that contains quotes, '%c' or a line break must be quoted as a whole, "
                            "with each quote inside doubled: \"like \"\"this\"\"\""),
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
        diag_error(r->d, span_at(r->file, open_off, open_off + 1),
                   _("a quoted value in the applicant file is never closed"));
        diag_help(r->d, "%s", _("the quote that opens it has no closing '\"'"));
    }
    csv_free(&p);
    free(c.cells);
    json_decref(c.names);
}

