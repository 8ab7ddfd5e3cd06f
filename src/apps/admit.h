/* admit.h — screening applicants against a course's admission rules.
 * Each applicant is eligible, ineligible (every failed require/exclude,
 * in the course's own words) or to review (a value a rule needs is empty
 * or unreadable, or a text nearly matches what a rule asks for: never
 * silently rejected). `assess` items are listed for
 * the committee, never decided. Only ids and reasons leave this module
 * unless the caller asks for field values. */
#ifndef RAMME_ADMIT_H
#define RAMME_ADMIT_H

#include "model/model.h"
#include "apps/table.h"

typedef enum { AD_ELIGIBLE, AD_INELIGIBLE, AD_REVIEW } AdmitStatus;

typedef struct ApplicantResult {
    const char *id;
    AdmitStatus status;
    const char **failed;   /* texts of failed requirements */
    int nfailed;
    const char **missing;  /* fields empty or unreadable that a rule needed */
    int nmissing;
    const char **doubts;   /* texts of failed `prefer` requirements: to review, never ineligible */
    int ndoubts;
    const char **near;     /* texts of requirements a near miss decided (admit_near) */
    int nnear;
    const char **shown;    /* --show-fields: field names, else NULL */
    const char **shown_values; /* and their values as written */
    int nshown;
} ApplicantResult;

typedef struct AdmitReport {
    Block *course;
    Block *admission;
    bool has_seats;
    int64_t seats;
    ApplicantResult *rows;
    int n;
    const char **assess;
    int nassess;
    int counts[3];         /* by AdmitStatus */
} AdmitReport;

/* Screens every row of `t`. Errors that stop screening (no admission
 * block, a column a rule needs is missing, no id column) go to `d` and
 * return false; an unknown column is a warning. */
bool admit_screen(Program *p, Block *course, const Table *t, bool show_fields, Arena *a, Diags *d,
                  AdmitReport *out);

/* The same a row at a time, for a file of any length (table_rows):
 * admit_begin checks the columns against the admission rules (the errors
 * and warnings of admit_screen about the header) and fills `out` but its
 * rows; NULL after an error. admit_row screens one row into `res`, counting
 * it in `out`: what it allocates goes in `a` (the caller may give it back
 * once `res` is written), the ids seen in the screening's own arena, for
 * "used by more than one applicant". */
typedef struct AdmitScreener AdmitScreener;
AdmitScreener *admit_begin(Program *p, Block *course, const Table *t, bool show_fields, Arena *a, Diags *d,
                           AdmitReport *out);
void admit_row(AdmitScreener *s, const TableRow *row, int index, Arena *a, ApplicantResult *res);
/* Frees what the screening kept beside its arena (the ids seen); NULL is fine. */
void admit_end(AdmitScreener *s);
/* The id the report gives row `index`: its id cell, or "(line 7, no id)". */
const char *admit_row_id(const AdmitScreener *s, const TableRow *row, int index, Arena *a);

/* Whether the text `value` nearly is `wanted` without being it: the two
 * are equal once folded (letter case, å = aa, æ = ae, ø = oe, ä = ae, ö = oe,
 * ü = ue, and every run of spaces and punctuation one space), or one
 * holds the other, folded, as whole words ("Springfield County" and
 * "Springfield"). A requirement that such a value decides (its outcome would
 * change were the value the wanted text) sends the applicant to review,
 * with a warning naming the requirement and the id: never the value. */
bool admit_near(Arena *a, const char *value, const char *wanted);

#endif
