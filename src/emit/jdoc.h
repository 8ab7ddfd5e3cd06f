/* jdoc.h — a JSON document over many files: {"version": 1, "KEY": [items
 * written as each file is read], ...members, "diagnostics": [every file's]}.
 * The items stream out as they come (check's 100,000 courses never sit in
 * memory); a file's diagnostics are rendered as that file ends, while its
 * sources still name their places, and kept in memory for the end of the
 * document, where LANGUAGE.md §7 puts them. Used by check and test. */
#ifndef RAMME_JDOC_H
#define RAMME_JDOC_H

#include "emit/jsonw.h"
#include "front/diag.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct JDoc JDoc;

/* Starts the document on `out` with the array `key` open. */
JDoc *jdoc_begin(FILE *out, const char *key);
/* The writer, open inside the array: write one item (an object) at a time. */
JsonW *jdoc_items(JDoc *jd);
/* A file's diagnostics, kept for the end. */
void jdoc_diags(JDoc *jd, const Diags *d, SourceSet *ss);
/* Closes the array; the caller may then write members of the root (a
 * summary) through jdoc_items before jdoc_end. */
void jdoc_close_items(JDoc *jd);
/* Ends the document with the diagnostics of every file and frees `jd`.
 * False when a write to `out` failed. */
bool jdoc_end(JDoc *jd);

/* A part of a document, for a file checked apart (check -j): its items
 * and diagnostics are written to memory, each as a piece of its own, and
 * jdoc_take places them in `into` as if they had been written there, in
 * order, then empties the part. jdoc_end frees a part (writing nothing). */
JDoc *jdoc_part(void);
void jdoc_take(JDoc *into, JDoc *part);

#endif
