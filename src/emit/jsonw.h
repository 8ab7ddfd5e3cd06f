/* jsonw.h — the one JSON writer: every JSON document ramme prints (check,
 * explain, schedule, admit, diff, the diagnostics) is written through it,
 * as a stream, laid out exactly as jansson's
 * json_dumps(JSON_INDENT(2) | JSON_PRESERVE_ORDER) lays it out.
 *
 * `check --format json` writes a report per course; for a batch of 100,000
 * courses that is 800 MB of JSON. Building each report as a jansson tree,
 * dumping it to a string and re-indenting it cost four times as much as
 * checking the courses. This writer emits the same bytes straight into a
 * buffer, and nothing is held but the open containers. jansson stays for
 * reading JSON (applicant files); no emitter builds a tree to dump it
 * (tests/e2e/layout.sh checks).
 *
 * Calls follow the document: jw_open('{'), then jw_key and a value for each
 * member, jw_close('}'). The writer places the commas, line breaks and
 * indentation. Every string written is valid UTF-8: jw_str and jw_key mend
 * one that is not (each bad byte a U+FFFD, esc.h). */
#ifndef RAMME_JSONW_H
#define RAMME_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define JW_MAX_DEPTH 32

typedef struct JsonW {
    FILE *out;
    int indent;      /* spaces before every line but the first */
    int depth;       /* open containers */
    bool empty[JW_MAX_DEPTH + 1]; /* the container at that depth has no member yet */
    bool after_key;  /* a key was written: its value follows on the line */
    bool failed;     /* a write to `out` failed */
    char buf[1 << 16];
    size_t n;
} JsonW;

/* The first line is not indented: the caller places the first value.
 * `indent` shifts every later line, for a value that sits inside a
 * document written by someone else (jw_splice). */
void jw_init(JsonW *w, FILE *out, int indent);
/* A writer on the heap (its 64 KB buffer does not belong on the stack);
 * out of memory is fatal, as for the arena. */
JsonW *jw_new(FILE *out, int indent);
/* Writes what is buffered; returns false when a write to the stream has
 * failed (now or earlier). */
bool jw_flush(JsonW *w);
/* Ends a document: the line break after its last brace, then jw_flush. */
bool jw_finish(JsonW *w);
/* jw_flush, then frees a writer from jw_new; its result. NULL is true. */
bool jw_free(JsonW *w);

void jw_open(JsonW *w, char brace);  /* '{' or '[' */
void jw_close(JsonW *w, char brace); /* '}' or ']' */
void jw_key(JsonW *w, const char *key);
void jw_str(JsonW *w, const char *s); /* NULL writes null */
/* An array of n strings (an explanation, a list of reasons). */
void jw_strs(JsonW *w, const char *const *s, int n);
void jw_int(JsonW *w, long long v);
/* A real as jansson writes one: %.17g, with ".0" when that reads as an
 * integer (1.0, 1e+20 stays 1e20). NaN and the infinities, which JSON
 * cannot hold, are null. */
void jw_real(JsonW *w, double v);
void jw_bool(JsonW *w, bool v);
void jw_null(JsonW *w);

/* A member in one call: jw_key, then the value. */
void jw_kstr(JsonW *w, const char *key, const char *s);
void jw_kint(JsonW *w, const char *key, long long v);

/* A value another writer has laid out (`text`, `n` bytes), placed as the
 * next value here: that writer's indent must be this one's indent plus two
 * spaces per open container. Lets a document take a part written before
 * its place came (check's diagnostics, gathered file by file). */
void jw_splice(JsonW *w, const char *text, size_t n);

#endif
