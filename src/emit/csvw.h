/* csvw.h — CSV for spreadsheets: the one place that decides separator,
 * byte-order mark, quoting and the guard against formula injection.
 *
 * In the output language's convention: where numbers take a decimal comma
 * (Danish), the list separator is ';' and the file starts with a UTF-8 BOM,
 * which is what Danish Excel needs to open a file as it is; elsewhere ','
 * and no BOM. Rows end in CRLF (RFC 4180). */
#ifndef RAMME_CSVW_H
#define RAMME_CSVW_H

#include <stdbool.h>
#include <stdio.h>

typedef struct CsvW {
    FILE *out;
    char sep;
    bool first;    /* the next field is the row's first */
    bool failed;   /* a write failed: csvw_finish reports it */
} CsvW;

/* Starts the file: the BOM when the convention asks for one. */
void csvw_begin(CsvW *w, FILE *out);
/* One field, quoted; a cell a spreadsheet would take for a formula gets a '
 * in front. */
void csvw_field(CsvW *w, const char *s);
void csvw_int(CsvW *w, long long v);
void csvw_end_row(CsvW *w);
/* Flushes; 0, or -1 when any write failed. */
int csvw_finish(CsvW *w);

#endif
