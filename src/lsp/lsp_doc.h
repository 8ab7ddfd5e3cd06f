/* lsp_doc.h — the documents an editor has open, and the two ways of
 * naming a place in one: LSP's (line, UTF-16 code unit) and ramme's byte
 * offsets (front/source.h: spans carry byte offsets, columns in
 * characters). Lines end at "\r\n", a lone '\r' or '\n', as in the lexer
 * and as LSP counts them. */
#ifndef RAMME_LSP_DOC_H
#define RAMME_LSP_DOC_H

#include "emit/jsonw.h"

#include <stdbool.h>
#include <stddef.h>

struct LspCheck;

typedef struct LspDoc {
    char *uri;            /* as the client named it */
    char *path;           /* the file it names (file: URI decoded), for imports and messages */
    char *text;           /* NUL-terminated */
    size_t len;
    long long version;
    struct LspCheck *check; /* the latest analysis of `text` (lsp_check.h) */
} LspDoc;

typedef struct LspDocs {
    LspDoc **items;
    int n, cap;
} LspDocs;

/* An LSP position: line and column from 0, the column in UTF-16 code units. */
typedef struct LspPos {
    long line, character;
} LspPos;

LspDoc *lsp_doc_find(const LspDocs *ds, const char *uri);
/* Opens `uri` with `text` (copied), or replaces the text of the open one. */
LspDoc *lsp_doc_open(LspDocs *ds, const char *uri, const char *text, size_t len, long long version);
void lsp_doc_set_text(LspDoc *d, const char *text, size_t len, long long version);
void lsp_doc_close(LspDocs *ds, const char *uri);
void lsp_docs_free(LspDocs *ds);

/* Byte `off` of `text` as an LSP position (an offset past the end is the end). */
LspPos lsp_pos_of(const char *text, size_t len, size_t off);
/* The byte offset of an LSP position: a column past its line's end is the
 * line's end, a line past the last is the end of the text; a column inside
 * a surrogate pair is the character's start. */
size_t lsp_off_of(const char *text, size_t len, LspPos p);

/* {"start": {...}, "end": {...}} for bytes [a, b) of `text`, as the next value. */
void lsp_jw_range(JsonW *w, const char *text, size_t len, size_t a, size_t b);

/* The file a URI names: "file:///a/b%20c.ramme" is "/a/b c.ramme"; any
 * other URI is kept as it is. malloc'ed. */
char *lsp_uri_to_path(const char *uri);
/* The file: URI of a path (made absolute against the working directory). malloc'ed. */
char *lsp_path_to_uri(const char *path);

#endif
