/* expect.h — `ramme test`: an `expect` declaration (stdlib/expect.ramme)
 * states what the rules engine must say about the course, or the schedule,
 * of the same name; expect_run judges it (a course against its frameworks;
 * a schedule by planning it and judging what was placed against the
 * schedule's checks) and compares, rule by rule. Rules the expectation does
 * not name are not compared. The library never prints: emit/test_out.h
 * writes the results. */
#ifndef RAMME_EXPECT_H
#define RAMME_EXPECT_H

#include "engine/rules.h"
#include "model/model.h"

/* One named rule whose result is not what the expectation says. */
typedef struct ExpectMiss {
    const char *id;             /* FRAMEWORK.RULE, as the expectation writes it */
    RuleStatus want;
    const RuleResult *got;      /* its result; NULL: the subject is not judged by such a rule */
    const char *suggest;        /* with no result: the closest id that is judged, or NULL */
    Span at;                    /* where the expectation names the rule */
} ExpectMiss;

typedef struct ExpectResult {
    Block *expect;
    Block *subject;             /* the course or schedule; NULL when none has the name (reported) */
    int nchecked;               /* rules named */
    ExpectMiss *misses;
    int nmisses;
    CourseReport report;        /* what the subject was judged to be */
} ExpectResult;

/* Judges the subject of `e` and compares. Returns false, after errors in
 * p->diags, when no course or schedule has the expectation's name or the
 * schedule cannot be planned. Allocates in `a`. */
bool expect_run(Program *p, Block *e, Arena *a, ExpectResult *out);

#endif
