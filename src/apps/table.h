/* table.h — applicant files for `ramme admit`: CSV (libcsv) or JSON (jansson)
 * read into a table of text cells, plus the cell parsers the screener uses.
 *
 * Applicant files hold health data, so the reader is careful about where
 * values go: everything stays in memory (no temporary copies), the file is
 * added to the SourceSet marked private_text (the renderer never quotes its
 * lines), and no diagnostic message ever contains a cell's value: messages
 * name lines, columns and keys only. Every span into the file has
 * `file` == Table.file. The library never prints. */
#ifndef RAMME_TABLE_H
#define RAMME_TABLE_H

#include "base/arena.h"
#include "front/diag.h"
#include "front/source.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct TableRow {
    const char **cells; /* one per column; NULL when the cell is empty (or JSON null/missing) */
    Span span;          /* the row's place: CSV the physical line where the record starts,
                           column 1; JSON the object's opening brace */
    int line;           /* the line of span's start, which the reader counted anyway:
                           a row's id names it without a search of a large file */
} TableRow;

typedef struct Table {
    const char **columns; /* header names, trimmed (CSV) or object keys (JSON) */
    Span *column_spans;   /* where each header name stands (CSV) or the key's first use (JSON) */
    int ncolumns;
    TableRow *rows;
    int nrows;
    int file; /* SourceSet index; -1 when the file could not be read */
    bool streamed; /* table_open: no rows here, table_rows reads them */
} Table;

/* Reads path (CSV or JSON: JSON when the first non-blank byte after an
 * optional BOM is '[' or '{'), in memory only, adding the text to `ss` (marked
 * private) for diagnostics. Returns false after reporting errors to `d`; `out`
 * then holds whatever was read (always safe to inspect). Strings are
 * allocated in `a`. max_bytes bounds the file size (error above). */
bool table_read(const char *path, SourceSet *ss, Arena *a, Diags *d, size_t max_bytes, Table *out);
/* Streaming, for files of any length in little memory: table_open reads
 * the header (CSV) or the keys of every object (JSON: one element of the
 * array parsed at a time, table_json.c) and table_rows then hands the rows to `fn` one at a time, in file
 * order, `index` counting them from 0. A row's cells live until `fn`
 * returns (in `a`, given back after each row), and a mapped file's pages
 * leave memory behind the reader. table_rows may run more than once; each
 * run reports the rows' errors to `d` (table_read would have reported them
 * all at once; a later run may pass a scratch Diags). */
typedef void (*TableRowFn)(void *ctx, const TableRow *row, int index);
bool table_open(const char *path, SourceSet *ss, Arena *a, Diags *d, size_t max_bytes, Table *out);
bool table_rows(const Table *t, SourceSet *ss, Arena *a, Diags *d, TableRowFn fn, void *ctx);
/* The same for text already in memory (tests, fuzzing); `name` is the path
 * used in messages. */
bool table_read_text(const char *name, const char *text, size_t len, SourceSet *ss, Arena *a, Diags *d,
                     Table *out);

/* Cell-level parsers used by the screener: each returns false when the text
 * is not of that kind (NULL included), leaving *out untouched. */
bool table_bool(const char *s, bool *out);     /* yes/no/ja/nej/true/false/1/0, case-insensitive, trimmed */
/* YYYY-MM-DD, or day first as Danish spreadsheets write it (DD-MM-YYYY,
 * DD.MM.YYYY; one-digit day and month too), validated; days since 1970-01-01 */
bool table_date(const char *s, int32_t *days);
bool table_int(const char *s, int64_t *out);   /* trimmed decimal with optional sign; overflow is false */
/* A cell that reads as a value rather than a column name: starts with a digit
 * or '+', holds '@', or is a yes/no word. Such a header cell is never quoted
 * in a message (the header row may be an applicant's record). */
bool table_looks_like_value(const char *s);
/* "a|b|c" -> trimmed, non-empty items allocated in `a`; "" or NULL -> 0 (and
 * *items = NULL). Returns the number of items. */
int table_split_set(const char *s, Arena *a, const char ***items);

#endif
