/* check_html.h — the report of `ramme check --format html` (TOOLS.md §5):
 * one self-contained page for a manager, with the data of the text report
 * (check_out.h): per course its name, title and place; per framework a
 * table of rule results (status, severity, rule, message, citation,
 * explanation, places); the summary; and with --coverage the goals x
 * modules matrix. Styles inline, no scripts, no network requests; a print
 * stylesheet for A4. Every string from a course file, a file name or a
 * translated sentence goes through htmlw.h.
 *
 * Streamed as check_json is: the page's head first, then each course as
 * it is checked, so a batch is never held whole. A file's diagnostics are
 * listed on the page after its courses (in a section of their own), so a
 * page for a bad input says why it lacks courses. */
#ifndef RAMME_CHECK_HTML_H
#define RAMME_CHECK_HTML_H

#include "engine/coverage.h"
#include "engine/fix.h"
#include "engine/rules.h"
#include "front/diag.h"

#include <stdbool.h>
#include <stdio.h>

/* The doctype, head (language, title, styles) and the page's heading. */
void check_html_begin(FILE *out);
/* One course: heading, place, a table per framework, the summary; the
 * coverage matrix when `cv` is not NULL (nothing more when it has no goal). */
void check_html_course(FILE *out, const CourseReport *r, SourceSet *ss, const Coverage *cv);
/* A file that compiled cleanly and declares no course. */
void check_html_no_course(FILE *out, const char *file);
/* The diagnostics of `file` (nothing when there are none). */
void check_html_diags(FILE *out, const char *file, const Diags *d, SourceSet *ss);
/* A rule result as the check page shows it: the <tr> with the status and
 * severity identifiers as its classes, then the status word, the severity,
 * the rule id as the row's header and the details (for a failed or unknown
 * result the message, "cites: CITE" unless `cite` is NULL, and the
 * explanation as a list, then the first of its fix suggestions, "fix:
 * TITLE": fix.h). The caller may add cells, then closes the row:
 * the schedule page shows its checks by it (plan_html.h). */
void check_html_result_row(FILE *out, RuleStatus status, Severity severity, const char *id, const char *message,
                           const char *cite, const char *const *explain, int nexplain, const Fix *fixes,
                           int nfixes);
/* Closes the page. False when a write to `out` failed. */
bool check_html_end(FILE *out);

#endif
