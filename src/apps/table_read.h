/* table_read.h — what the applicant file readers share (private to
 * apps/: table.c, table_csv.c, table_json.c). The public interface is
 * table.h. Every helper keeps the privacy rule of table.h: spans and
 * counts, never a cell's value, in a message. */
#ifndef RAMME_TABLE_READ_H
#define RAMME_TABLE_READ_H

#include "base/arena.h"
#include "front/diag.h"
#include "front/source.h"

#include <stdbool.h>
#include <stddef.h>

/* table.h's types, by name only: table.h is the interface and includes
 * nothing of this header, nor this header of it. */
struct Table;
struct TableRow;

/* State shared by both formats. */
typedef struct Reader {
    Arena *a;
    Diags *d;
    Source *src;
    int file;
    bool failed;
    struct TableRow *rows; /* malloc'd, doubling; copied into the arena at the end */
    int nrows, caprows;
    /* Streaming (table_rows): each row goes to `row_fn` instead of `rows`,
     * its cells then given back to the arena (to `mark`) and the file's
     * pages read so far to the system; nrows counts them. */
    void (*row_fn)(void *ctx, const struct TableRow *row, int index);
    void *row_ctx;
    ArenaMark mark;
    size_t released;     /* bytes of the file handed back so far */
    bool header_only;    /* table_open: the header row, then stop (CSV) */
    bool rows_only;      /* table_rows: the header row was checked by table_open */
} Reader;

bool tr_is_blank(unsigned char c);
/* The text between s and s+n without surrounding white space, copied into
 * the arena; NULL when nothing is left. */
const char *tr_trim_dup(Arena *a, const char *s, size_t n);
void tr_push_row(Reader *r, const char **cells, Span span, int line);

/* The two formats: the text is r->src's; rows go through tr_push_row. */
void tr_read_csv(Reader *r, struct Table *out);
void tr_read_json(Reader *r, struct Table *out);

#endif
