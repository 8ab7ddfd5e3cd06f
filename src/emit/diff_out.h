/* diff_out.h — a diff report (engine/diff.h) for `ramme diff`: the text
 * report and the JSON document. */
#ifndef RAMME_DIFF_OUT_H
#define RAMME_DIFF_OUT_H

#include "engine/diff.h"

#include <stdbool.h>
#include <stdio.h>

/* The text report: the changed entries, then the rule results that differ
 * with the variant's explanation, then a summary line. `color` paints the
 * statuses as check does (words.h). */
void diff_report_text(FILE *out, const DiffReport *r, SourceSet *ss, bool color);
/* {"version":1,"base":NAME,"variant":NAME,"changes":[...],"rules":[...]},
 * streamed through the JSON writer. False when writing failed. */
bool diff_report_json(FILE *out, const DiffReport *r, SourceSet *ss);
/* The page of `--format html` (TOOLS.md §5, htmlw.h): base and variant,
 * a table of the changes (kind, path, before, after, where), a table of
 * the rule results that differ (before and after status, severity, rule,
 * message, citation, explanation, where) and the summary. False when
 * writing failed. */
bool diff_report_html(FILE *out, const DiffReport *r, SourceSet *ss);

#endif
