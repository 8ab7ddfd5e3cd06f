/* rules.h — the rules engine: a course judged against every framework it
 * conforms to and every framework marked `always`. Each rule gets a status
 * (pass, fail, unknown, not_applicable), its message with {expr} filled in,
 * and for fail/unknown the values of the sub-expressions that decided it. */
#ifndef RAMME_RULES_H
#define RAMME_RULES_H

#include "engine/eval.h"
#include "model/model.h"

typedef enum { ST_FAIL, ST_UNKNOWN, ST_PASS, ST_NA } RuleStatus;
typedef enum { SEV_ERROR, SEV_WARNING, SEV_ADVICE } Severity;

typedef struct RuleResult {
    const char *id;         /* FRAMEWORK.RULE */
    Block *rule;
    Block *framework;       /* where the rule is declared */
    Severity severity;
    RuleStatus status;
    const char *message;    /* interpolated */
    const char *cite;
    Span where;             /* the course's entry it is about */
    const char **explain;
    int nexplain;
} RuleResult;

typedef struct CourseReport {
    Block *course;
    Block **frameworks;     /* in report order */
    int nframeworks;
    RuleResult *results;    /* grouped by framework, failures first */
    int n;
    int failed[3];          /* failures by severity */
    int unknown;
    int unknown_by[3];      /* unknown results by severity: an error rule not judged is no pass */
} CourseReport;

/* Judges `course`; results are allocated in `a`. */
void rules_check(Program *p, Block *course, Arena *a, CourseReport *out);

#endif
