/* coverage.h — goals × the course's blocks that cover them. A goal is a
 * named member of a framework the course is checked against; a block
 * covers it when one of its fields refers to it (for the stdlib course
 * schema: a module's `covers`). Nothing here names a domain word. */
#ifndef RAMME_COVERAGE_H
#define RAMME_COVERAGE_H

#include "model/model.h"
#include "engine/rules.h"

typedef struct CoverageRow {
    Block *goal;
    Block *framework;
    bool *covered;   /* one per column */
    int ncovered;
} CoverageRow;

typedef struct Coverage {
    Block **columns; /* the course's blocks that refer to goals (modules) */
    int ncolumns;
    CoverageRow *rows;
    int nrows;
} Coverage;

/* Builds the matrix for a checked course; allocates in `a`. */
void cov_build(const Program *p, const CourseReport *r, Arena *a, Coverage *out);

#endif
