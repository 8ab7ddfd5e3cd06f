/* diff.h — what a local variant changes, for `ramme diff FILE BASE VARIANT`
 * (LANGUAGE.md §3, §7; WORKFLOWS.md §2). Two blocks of the same kind are
 * compared field by field in schema order: scalars, lists and ranges by
 * value; a single nested block by its sub-fields; a `many` field of named
 * blocks item by item by name (so a replaced `instructors` block shows the
 * instructors removed, added and changed). Values the variant inherits
 * (the same pointer as the base's) and values equal to the base's are not
 * reported. Then both blocks are judged by the rules engine and the rules
 * whose status differs are listed. emit/diff_out.h renders the report. */
#ifndef RAMME_DIFF_H
#define RAMME_DIFF_H

#include "model/model.h"
#include "engine/rules.h"


typedef enum { DC_CHANGED, DC_ADDED, DC_REMOVED } DiffKind;

typedef struct DiffEntry {
    DiffKind kind;
    const char *path;   /* "group_size", "instructors.external_guests", "module m3",
                           "module m3.hours", "instructors.instructor peer_teacher", "title" */
    const char *before; /* the base's value as text (eval_show style); NULL when added */
    const char *after;  /* the variant's value; NULL when removed */
    Span where;         /* where the variant writes it; else the nearest enclosing
                           block the variant writes (or the variant's name) */
} DiffEntry;

typedef struct DiffRule {
    const char *id;                 /* FRAMEWORK.RULE */
    RuleStatus before, after;       /* ST_NA when the rule is not judged on that side */
    const RuleResult *base_result;  /* NULL: the base is not judged by this rule */
    const RuleResult *variant_result; /* NULL: the variant is not judged by it */
} DiffRule;

typedef struct DiffReport {
    Block *base, *variant;
    DiffEntry *entries;
    int nentries;
    DiffRule *rules;    /* only rules whose status differs, in the variant's report order,
                           then those judged on the base only */
    int nrules;
    CourseReport base_report, variant_report;
} DiffReport;

/* Compares two blocks of the same kind (normally a course and a course that
 * extends it, but any two courses work). Allocates in `a`. */
void diff_blocks(Program *p, Block *base, Block *variant, Arena *a, DiffReport *out);

#endif
