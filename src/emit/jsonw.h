/* jsonw.h — writing JSON as a stream, laid out exactly as jansson's
 * json_dumps(JSON_INDENT(2) | JSON_PRESERVE_ORDER) lays it out.
 *
 * `check --format json` writes a report per course; for a batch of 100,000
 * courses that is 800 MB of JSON. Building each report as a jansson tree,
 * dumping it to a string and re-indenting it cost four times as much as
 * checking the courses. This writer emits the same bytes straight into a
 * buffer. jansson stays for reading JSON and for the small documents. */
#ifndef RAMME_JSONW_H
#define RAMME_JSONW_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#define JW_MAX_DEPTH 32

typedef struct JsonW {
    FILE *out;
    int indent;      /* spaces before every line but the first */
    int depth;       /* open containers */
    bool empty[JW_MAX_DEPTH + 1]; /* the container at that depth has no member yet */
    bool after_key;  /* a key was written: its value follows on the line */
    char buf[1 << 16];
    size_t n;
} JsonW;

/* The first line is not indented: the caller places the first value. */
void jw_init(JsonW *w, FILE *out, int indent);
/* Writes what is buffered; returns false when the stream failed. */
bool jw_flush(JsonW *w);

void jw_open(JsonW *w, char brace);  /* '{' or '[' */
void jw_close(JsonW *w, char brace); /* '}' or ']' */
void jw_key(JsonW *w, const char *key);
void jw_str(JsonW *w, const char *s); /* NULL writes null */
void jw_int(JsonW *w, long long v);
void jw_null(JsonW *w);
/* A jansson value, laid out in place. */
void jw_json(JsonW *w, const json_t *v);

/* Every string ramme writes as JSON is valid UTF-8: jw_str and jw_key mend
 * one that is not (each bad byte a U+FFFD, esc.h), and the jansson trees are
 * built with jw_string, not json_string, which returns NULL for such a
 * string (json_object_set_new then drops the member without a word).
 * jw_string(NULL) is null. A new reference. */
json_t *jw_string(const char *s);

#endif
