/* render.h — the front end's side of diagnostics: text like clang's and
 * rustc's (location, source line, caret under the span, help and notes),
 * with optional colour; or JSON objects for --format json. */
#ifndef RAMME_RENDER_H
#define RAMME_RENDER_H

#include "front/diag.h"
#include "front/source.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

void render_diags_text(FILE *out, const Diags *d, SourceSet *ss, bool color);
/* A JSON array of {"severity","message","file","line","column",...}. */
json_t *render_diags_json(const Diags *d, SourceSet *ss);
/* Where a span starts, for JSON reports: {"file", "line", "column"}, or {}
 * when it names no file. */
json_t *render_place_json(SourceSet *ss, Span sp);

#endif
