/* expect.h — `ramme test`: an `expect` declaration (stdlib/expect.ramme)
 * states what the rules engine must say about the course of the same name;
 * expect_run judges the course and compares, rule by rule. Rules the
 * expectation does not name are not compared. The library never prints:
 * emit/test_out.h writes the results. */
#ifndef RAMME_EXPECT_H
#define RAMME_EXPECT_H

#include "engine/rules.h"
#include "model/model.h"

/* One named rule whose result is not what the expectation says. */
typedef struct ExpectMiss {
    const Block *rule;          /* the rule named */
    const char *id;             /* FRAMEWORK.RULE */
    RuleStatus want;
    bool judged;                /* the course is judged by the rule at all */
    const RuleResult *got;      /* its result when judged */
    Span at;                    /* where the expectation names the rule */
} ExpectMiss;

typedef struct ExpectResult {
    Block *expect;
    Block *subject;             /* the course; NULL when none has the name (reported) */
    int nchecked;               /* rules named */
    ExpectMiss *misses;
    int nmisses;
    CourseReport report;        /* the subject's, when there is one */
} ExpectResult;

/* Judges the subject of `e` and compares. Returns false, after an error in
 * p->diags, when no course has the expectation's name. Allocates in `a`. */
bool expect_run(Program *p, Block *e, Arena *a, ExpectResult *out);

#endif
