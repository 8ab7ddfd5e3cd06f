/* diff_out.h — a diff report (engine/diff.h) for `ramme diff`: the text
 * report and the JSON document. */
#ifndef RAMME_DIFF_OUT_H
#define RAMME_DIFF_OUT_H

#include "engine/diff.h"

#include <jansson.h>
#include <stdio.h>

/* The text report: the changed entries, then the rule results that differ
 * with the variant's explanation, then a summary line. */
void diff_print_text(FILE *out, const DiffReport *r, SourceSet *ss);
/* {"version":1,"base":NAME,"variant":NAME,"changes":[...],"rules":[...]}; the
 * caller owns the reference. */
json_t *diff_to_json(const DiffReport *r, SourceSet *ss);

#endif
