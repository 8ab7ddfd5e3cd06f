/* held.h — a check report held in memory until its turn (check -j): the
 * report of a file checked while an earlier file's is still being written.
 * Its text (report, page or brief lines), its diagnostics as text, and its
 * part of the JSON document are written here by the usual emitters, then
 * put where a file checked alone would have written them, in that order. */
#ifndef RAMME_HELD_H
#define RAMME_HELD_H

#include "emit/check_out.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct Held Held;

/* `json`: the report is JSON (a part of the document: check_out.h). */
Held *held_new(bool json);
/* Where the report and the diagnostics' text go meanwhile. */
FILE *held_out(Held *h);
FILE *held_err(Held *h);
/* The JSON part, or NULL. */
CheckJson *held_json(Held *h);
/* Puts what was held: the text on `out`, then (with `out` flushed, as a
 * file checked alone does before its diagnostics) the diagnostics on
 * `err`, and the JSON part into `doc`; then frees `h`. */
void held_put(Held *h, FILE *out, FILE *err, CheckJson *doc);
/* Frees `h` and what it held, putting nothing (a report written again). */
void held_drop(Held *h);

#endif
