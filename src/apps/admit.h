/* admit.h — screening applicants against a course's admission rules.
 * Each applicant is eligible, ineligible (every failed require/exclude,
 * in the course's own words) or to review (a value a rule needs is empty
 * or unreadable: never silently rejected). `assess` items are listed for
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


#endif
