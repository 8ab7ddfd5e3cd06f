/* render.h — the front end's side of diagnostics: text like clang's and
 * rustc's (location, source line, caret under the span, help and notes),
 * with optional colour; or JSON objects for --format json. And a span's
 * place as a report shows it, in text and in JSON. */
#ifndef RAMME_RENDER_H
#define RAMME_RENDER_H

#include "base/arena.h"
#include "base/sbuf.h"
#include "emit/jsonw.h"
#include "front/diag.h"
#include "front/source.h"

#include <stdbool.h>
#include <stdio.h>

void render_diags_text(FILE *out, const Diags *d, SourceSet *ss, bool color);
/* Each diagnostic on one line, "file:line:column: severity: message",
 * without the source excerpt; each note and the help on a line of the same
 * shape after it (at the diagnostic's place when a note has none): the
 * diagnostics of `check --format brief`. */
void render_diags_brief(FILE *out, const Diags *d, SourceSet *ss, bool color);
/* Each diagnostic as an element of the array open in `w`:
 * {"severity","message","file","line","column","end_line","end_column",
 * "help","notes"}, the members a diagnostic has. */
void render_diags_json(JsonW *w, const Diags *d, SourceSet *ss);
/* The document of a command that stopped before its report:
 * {"version": 1, "diagnostics": [...]}. False when writing failed. */
bool render_diags_doc(FILE *out, const Diags *d, SourceSet *ss);

/* Where a span starts, for text reports: "file:line:column", the path
 * shown through esc_text (in `a`), or "" when it names no file. */
const char *render_place_text(Arena *a, SourceSet *ss, Span sp);
/* The same appended to `b` (nothing when it names no file): for a writer
 * that builds its lines by hand (check_brief.c), with no printf a line. */
void render_place_put(SBuf *b, SourceSet *ss, Span sp);
/* What render_place_put_near keeps between the places of one writer's
 * lines (a course's): the last place counted, and the last file's name
 * as shown. Zeroed: nothing yet. */
typedef struct PlaceCursor {
    SrcCursor pos;
    int file;
    const char *shown;
} PlaceCursor;
/* render_place_put for places that mostly come in order within one file:
 * each counted from the one before and the name escaped once. */
void render_place_put_near(SBuf *b, SourceSet *ss, Span sp, PlaceCursor *c);
/* The same for JSON reports, as the next value in `w`: {"file", "line",
 * "column"}, or {} when it names no file. */
void render_place_json(JsonW *w, SourceSet *ss, Span sp);

#endif
