/* check_out.h — the report of `ramme check`: a course's rule results as
 * text (framework by framework, failures first) or as the JSON document of
 * LANGUAGE.md §7, with the coverage matrix (goals x modules) on request.
 *
 * The JSON is one document for every course of every file, written as the
 * courses are checked: a batch of 100,000 courses never sits in memory.
 * Its diagnostics come last, after every course, so they are gathered as
 * each file ends (while its sources are still there to name places). */
#ifndef RAMME_CHECK_OUT_H
#define RAMME_CHECK_OUT_H

#include "engine/coverage.h"
#include "engine/rules.h"
#include "front/diag.h"

#include <stdbool.h>
#include <stdio.h>

/* ---- text ---- */

/* One course: its title and place, each framework's results (a failure
 * or unknown with its message, citation, explanation and places), and the
 * summary line. `color` adds the palette's colours (words.h). */
void check_text(FILE *out, const CourseReport *r, SourceSet *ss, bool color);

/* The report's last line, one translated sentence (in `a`): "summary: 2
 * errors, 1 warning, 0 advice failed; 3 unknown", and the error-level rules
 * that could not be judged when there are any. Every check emitter uses it. */
const char *check_summary(Arena *a, const CourseReport *r);
/* The coverage matrix under a course's report; nothing when it has no goal. */
void check_coverage_text(FILE *out, const Coverage *cv);
/* A file that compiled cleanly and declares no course. */
void check_no_course_text(FILE *out, const char *file);

/* ---- JSON ---- */

typedef struct CheckJson CheckJson;

/* Starts the document on `out`: {"version": 1, "courses": [ */
CheckJson *check_json_begin(FILE *out);
/* One course's report; `file` is the path it was read from; `cv` the
 * coverage matrix, or NULL for none. */
void check_json_course(CheckJson *cj, const CourseReport *r, SourceSet *ss, const char *file, const Coverage *cv);
/* A file's diagnostics, kept for the end of the document. */
void check_json_diags(CheckJson *cj, const Diags *d, SourceSet *ss);
/* Ends the document with the diagnostics of every file and frees `cj`.
 * False when a write to `out` failed. */
bool check_json_end(CheckJson *cj);

/* A file checked apart from the document (check -j): its courses and
 * diagnostics are kept in memory (check_json_course and check_json_diags
 * on the part) until check_json_take places them in `into`, in order, as
 * if written there. check_json_end frees a part. */
CheckJson *check_json_part(void);
void check_json_take(CheckJson *into, CheckJson *part);

#endif
