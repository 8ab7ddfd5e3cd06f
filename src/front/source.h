/* source.h — source files and spans. A Span is the file and the byte
 * offsets [first_off, last_off), nothing more (bison's location type is
 * the offsets alone, ParseLoc in parse.h: the file is the parse's). Lines
 * and columns are computed only where a place is shown or compared
 * (src_pos): keeping them up to date for every token and copying them on
 * every reduction cost the parser more than anything it reads them for.
 * Columns count characters, not bytes, so æ ø å are one column each. */
#ifndef RAMME_SOURCE_H
#define RAMME_SOURCE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Span {
    int file;                     /* index into the SourceSet; -1: no place */
    uint32_t first_off, last_off; /* byte offsets [first_off, last_off): a source file is under 4 GiB (load.h);
                                     SRC_NO_OFF: the file alone, no place in it */
} Span;

#define SRC_NO_OFF UINT32_MAX

/* A place as people read it: line 1-based, column in characters (1-based);
 * line 0: none (a span of the file alone, or of no file). */
typedef struct SrcPos {
    int line, col;
} SrcPos;

/* A place the caller knows (a batch item's start, skim.h): lines and
 * columns of a large file are counted from the nearest one. */
typedef struct SrcMark {
    size_t off;
    int line, col;
} SrcMark;

/* The nearest known place at or before `off` (false: none; then the start
 * of the file). Must be safe to call from several threads at once. */
typedef bool (*SrcMarkFn)(const void *ctx, size_t off, SrcMark *out);

typedef struct SrcIndex SrcIndex;

typedef struct Source {
    char *path;       /* as the user named it, or as found on the search path */
    char *shown;      /* how reports name it, when not `path` (a standard module:
                         "national.ramme", not the machine's path); NULL: path */
    char *text;       /* contents, NUL-terminated, BOM removed */
    size_t len;       /* bytes in text */
    _Atomic(SrcIndex *) index; /* line starts, sparse in a large file (lazily built: src_pos) */
    SrcMarkFn marks;  /* when set, places are counted from these instead of the index */
    const void *marks_ctx;
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
/* Frees the line index src_pos built for `s`, a Source the caller made
 * itself and did not add to a set (src_free frees those of a set). */
void src_drop_index(Source *s);
/* Tells the system that bytes before `upto` of a mapped file are not needed
 * for now (a batch has judged them): they leave memory and are read again
 * from the page cache if a diagnostic quotes them. No effect on a copy. */
void src_release(Source *s, size_t upto);
/* The text of line `line` (1-based) without its line end. Lines end at
 * "\r\n", a lone '\r' or '\n', as the lexer counts them. */
const char *src_line(Source *s, int line, size_t *len);
/* The line and column of byte `off` of s (off may be s->len, the end, or
 * past it: columns go on counting there; SRC_NO_OFF: line 0). The '\r' of
 * "\r\n" has a column of its own, as the lexer counts it. Counted from the
 * nearest mark (src_set_marks), else from a line start in a sparse index
 * built at the first call: no scan of a whole large file per place. Safe
 * in several threads at once (the index is published atomically). */
SrcPos src_pos(Source *s, size_t off);
/* The last place src_pos_from counted in a file: a report that shows
 * several places of one course in order counts each from the one before,
 * not from the course's start. Zeroed: none yet. Kept by the caller (a
 * Source is shared by check -j's workers). */
typedef struct SrcCursor {
    const Source *s;
    size_t off;
    SrcPos at;
} SrcCursor;
/* src_pos(s, off), counted from c's place when that is nearer than s's
 * mark before off; c then holds off's place. */
SrcPos src_pos_from(Source *s, SrcCursor *c, size_t off);
/* Where the span starts and where it ends (the position after its last character). */
SrcPos span_first(SourceSet *ss, Span sp);
SrcPos span_last(SourceSet *ss, Span sp);
/* A large file's places are counted from `fn`'s marks (a batch's items),
 * never from an index of its lines. Set before any thread reads places. */
void src_set_marks(Source *s, SrcMarkFn fn, const void *ctx);
/* A line end stands in bytes [from, to) of s: two tokens are on different lines. */
bool src_breaks(const Source *s, size_t from, size_t to);
/* Bytes of the line end at t[i] ("\r\n" 2, a lone '\r' or '\n' 1), or 0:
 * the lexer's line ends, which LSP counts too (the language server). */
size_t src_line_end(const char *t, size_t i, size_t len);
/* The line ends in t[from, to), counted as the lexer counts them ("\r\n",
 * a lone '\r' or '\n'; a '\r' at to - 1 is lone unless t[to] is '\n',
 * t being len bytes long). When there is one, *line_start is set to the
 * byte after the last, where the last line starts. A text without '\r'
 * (the usual one) is counted sixteen bytes at a time. */
size_t src_count_lines(const char *t, size_t from, size_t to, size_t len, size_t *line_start);
/* The span of bytes [off, end) of file `file`. */
static inline Span span_at(int file, size_t off, size_t end)
{
    Span s = {file, (uint32_t)off, (uint32_t)end};
    return s;
}
/* The span of the file `file` alone: reports name it without a line. */
static inline Span span_file(int file)
{
    Span s = {file, SRC_NO_OFF, SRC_NO_OFF};
    return s;
}
/* The line that holds byte `off`, found from the byte itself: no index of
 * every line (which would read all of a 140 MB batch file for one error). */
const char *src_line_at(Source *s, size_t off, size_t *len);

static inline Span span_none(void)
{
    Span s = {-1, 0, 0};
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
