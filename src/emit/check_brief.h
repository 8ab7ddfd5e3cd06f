/* check_brief.h — the check report in one line a finding, the shape
 * compilers and CI logs use (`--format brief`):
 *
 *     file:line:col: severity: rule-id: message
 *
 * one line for each rule that failed or could not be judged (passes and
 * n/a are silent), then the file's diagnostics in the same shape. A log
 * reader (an editor's error list, a CI problem matcher) takes every line
 * apart with one pattern. */
#ifndef RAMME_CHECK_BRIEF_H
#define RAMME_CHECK_BRIEF_H

#include "engine/rules.h"
#include "front/diag.h"

#include <stdbool.h>
#include <stdio.h>

/* A course's failed and unknown rules, in the report's order; the place is
 * where the course states what the rule judged. `color` paints the
 * severity word (words.h). `a` holds the places and escaped texts while
 * they are written: the course's arena (a fresh arena a course cost as
 * much as the lines). */
void check_brief_course(FILE *out, const CourseReport *r, SourceSet *ss, bool color, Arena *a);

#endif
