/* source.h — source files and spans. A Span is also bison's location type
 * (it has first_line/first_column/last_line/last_column), extended with the
 * file and byte offsets. Columns count characters, not bytes, so æ ø å are
 * one column each; offsets are bytes, used to cut the source line. */
#ifndef RAMME_SOURCE_H
#define RAMME_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Span {
    int file;                     /* index into the SourceSet; -1: no place */
    int first_line, first_column; /* 1-based; column in characters */
    int last_line, last_column;   /* position just after the last character */
    uint32_t first_off, last_off; /* byte offsets [first_off, last_off): a source file is under 4 GiB (load.h) */
} Span;

typedef struct Source {
    char *path;       /* as the user named it, or as found on the search path */
    char *shown;      /* how reports name it, when not `path` (a standard module:
                         "national.ramme", not the machine's path); NULL: path */
    char *text;       /* contents, NUL-terminated, BOM removed */
    size_t len;       /* bytes in text */
    size_t *lines;    /* byte offset of each line's start (lazily built) */
    int nlines;
    bool private_text; /* holds personal data: diagnostics never quote its lines */
    void *map;        /* a large file is mapped, not copied: the mapping (text is inside it) */
    size_t map_len;
    Span imported_at; /* the import that first loaded it (load.c); none for the main file */
} Source;

/* All files of one compilation; a Span's file is an index here. */
typedef struct SourceSet {
    Source **files;
    int n, cap;
} SourceSet;

void src_init(SourceSet *ss);
/* The name reports give file `file`: its `shown` name, else its path. */
const char *src_shown(const SourceSet *ss, int file);
/* Sets it (copied). */
void src_set_shown(SourceSet *ss, int file, const char *name);
void src_free(SourceSet *ss);
/* Adds a file read from disk. Returns its index, or -1 (errno set) when it
 * cannot be read. `max_bytes` bounds the size: a larger file gives -2. */
int src_read(SourceSet *ss, const char *path, size_t max_bytes);
/* The same for a file that must be a regular file (an import): opened at
 * `open_path` (its resolved path) without following a final symbolic link
 * and without blocking, shown in messages as `path`. A FIFO, a device, a
 * directory or a link gives -3 and nothing is read. */
int src_read_regular(SourceSet *ss, const char *path, const char *open_path, size_t max_bytes);
/* Adds in-memory text (copied); used by tests and interpolation. */
int src_add(SourceSet *ss, const char *path, const char *text, size_t len);
/* Tells the system that bytes before `upto` of a mapped file are not needed
 * for now (a batch has judged them): they leave memory and are read again
 * from the page cache if a diagnostic quotes them. No effect on a copy. */
void src_release(Source *s, size_t upto);
/* The text of line `line` (1-based) without its line end. Lines end at
 * "\r\n", a lone '\r' or '\n', as the lexer counts them. */
const char *src_line(Source *s, int line, size_t *len);
/* Bytes of the line end at t[i] ("\r\n" 2, a lone '\r' or '\n' 1), or 0:
 * the lexer's line ends, which LSP counts too (the language server). */
size_t src_line_end(const char *t, size_t i, size_t len);
/* The span of byte `off` of `src` (one character wide), counting lines and
 * characters from the start: for an error found without a lexer. */
Span src_span_at(const Source *src, int file, size_t off);
/* The line that holds byte `off`, found from the byte itself: no index of
 * every line (which would read all of a 140 MB batch file for one error). */
const char *src_line_at(Source *s, size_t off, size_t *len);

static inline Span span_none(void)
{
    Span s = {-1, 0, 0, 0, 0, 0, 0};
    return s;
}
/* The span from the start of a to the end of b. */
Span span_join(Span a, Span b);
/* The span names a file of ss (not span_none, nor another set's file; a NULL set names none). */
static inline bool src_has_place(const SourceSet *ss, Span sp)
{
    return ss && sp.file >= 0 && sp.file < ss->n;
}

#endif
