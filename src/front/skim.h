/* skim.h — the top-level layout of a source text, found without parsing it.
 *
 * `ramme check` on a batch file of 100,000 courses must not hold 100,000
 * syntax trees: it parses, judges and frees one course at a time. For that
 * it needs to know where each top-level declaration of one kind (`course`)
 * starts and ends before the parser runs. The skimmer finds this with a
 * byte scan that knows only what the lexer knows about nesting: strings
 * (which end on their line), comments and braces.
 *
 * When the layout is not plain (unbalanced braces, a string that does not
 * end, text after a declaration's closing brace, a declaration without a
 * body) the skim says so, and the caller parses the file as a whole, which
 * gives the usual diagnostics. The skimmer never reports anything itself. */
#ifndef RAMME_SKIM_H
#define RAMME_SKIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One top-level declaration of the kind asked for: its text is
 * [off, end), from the key to the closing brace. */
typedef struct SkimItem {
    size_t off, end;
    int line, col;          /* of off (the column counts characters): where places in a
                               batch file are counted from (batch.c, src_set_marks) */
    size_t name_off, name_len; /* the first word after the key; len 0: none */
    size_t ext_off, ext_len;   /* the word after `extends`; len 0: none */
    /* skim_hash of the name and the extends name (0 when none): a caller
     * matches names without reading a large file's text a second time. */
    uint64_t name_hash, ext_hash;
    bool kept;              /* for the caller: parsed with the rest (see load.c) */
} SkimItem;

/* A stretch between items that holds something besides blanks, ';' and
 * ASCII comments: other declarations, to be parsed as usual. */
typedef struct SkimRest {
    size_t off, end;
    int line, col;
} SkimRest;

typedef struct Skim {
    SkimItem *items;
    int n, cap;
    SkimRest *rest;
    int nrest, caprest;
    bool plain; /* the layout is clear; false: parse the whole file */
    size_t stop;     /* not plain: the byte where the skim gave up */
    const char *why; /* not plain: what it found there */
} Skim;

/* Called now and then with how far the skim has read: a mapped file can
 * give back the pages behind it (src_release). */
typedef void (*SkimProgress)(void *ctx, size_t done);

/* Skims `text` (len bytes) for top-level declarations whose key is `kind`.
 * Always fills *out (free with skim_free); returns out->plain. `progress`
 * may be NULL. */
bool skim_layout(const char *text, size_t len, const char *kind, SkimProgress progress, void *ctx, Skim *out);
void skim_free(Skim *s);
/* The hash of a name's bytes (FNV-1a, 64 bits; never 0). */
uint64_t skim_hash(const char *s, size_t n);

#endif
