/* admit_out.h — the report of `ramme admit`: applicants screened
 * (apps/admit.h), ids, statuses and reasons only unless field values were
 * asked for, as text or as the JSON document of LANGUAGE.md §7. */
#ifndef RAMME_ADMIT_OUT_H
#define RAMME_ADMIT_OUT_H

#include "apps/admit.h"
#include "front/diag.h"

#include <stdbool.h>
#include <stdio.h>

/* The course, one line per applicant (id, status, the failed requirements
 * and missing fields under each other, field values when screened with
 * them), the counts and seats, and what the committee must judge. */
void admit_text(FILE *out, const AdmitReport *r, bool color);

/* {"version": 1, "course", "seats", "applicants", "assess", "summary",
 * "diagnostics"}; `r` NULL when the applicants were not screened: then
 * the version and the diagnostics only. `show_fields` adds each
 * applicant's "fields". False when writing failed. */
bool admit_json(FILE *out, const AdmitReport *r, bool show_fields, const Diags *d, SourceSet *ss);

/* The committee's spreadsheet: one row per applicant with id, status,
 * failed requirements, missing fields, `prefer` doubts and near misses (a
 * cell each, reasons joined by " | "). Never a field value, whatever was
 * asked: a spreadsheet is sent on. Headings and statuses in the output
 * language, separator and BOM as csvw.h decides. -1 when writing failed. */
int admit_csv(FILE *out, const AdmitReport *r);

/* The page of `--format html` (TOOLS.md §5, htmlw.h): the course, a table
 * of applicants (id, status, failed requirements, missing fields, `prefer`
 * doubts, near misses), the counts and seats, and what the committee must
 * judge. Never a field value, whatever was asked: a page is printed and
 * passed round. False when writing failed. */
bool admit_html(FILE *out, const AdmitReport *r);

#endif
