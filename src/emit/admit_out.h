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

/* ---- a row at a time ----
 *
 * The same four reports written while the applicants are screened, one
 * row after another (cli_admit streams a file of any length this way); the
 * functions above are these over a whole AdmitReport. `rep` gives the
 * course, seats and what to assess at the start, the counts at the end;
 * its rows are not read. The text's id column is `id_width` wide: the
 * widest admit_id_width of the ids to come. */
typedef enum { ADMIT_TEXT, ADMIT_JSON, ADMIT_CSV, ADMIT_HTML } AdmitFormat;
typedef struct AdmitWriter AdmitWriter;
AdmitWriter *admit_writer_begin(FILE *out, AdmitFormat f, const AdmitReport *rep, int id_width, bool show_fields,
                                bool color);
/* One applicant; `a` for what writing it needs (the caller may give it back after). */
void admit_writer_row(AdmitWriter *x, const ApplicantResult *r, Arena *a);
/* The counts, the committee's points (and the JSON's diagnostics, `d`);
 * frees `x`. False when writing failed. */
bool admit_writer_end(AdmitWriter *x, const AdmitReport *rep, const Diags *d, SourceSet *ss);
/* The columns an id takes in the text report (as shown: escaped). */
int admit_id_width(Arena *a, const char *id);

#endif
