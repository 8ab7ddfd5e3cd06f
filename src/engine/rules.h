/* rules.h — the rules engine: a block (a course, or what the scheduler
 * placed) judged against every framework it conforms to and every framework
 * marked `always` whose rules judge its kind. Each rule gets a status
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

struct Fix;

typedef struct CourseReport {
    Block *course;          /* the block judged: a course, a placement */
    Block **frameworks;     /* in report order */
    int nframeworks;
    RuleResult *results;    /* grouped by framework, failures first */
    int n;
    int failed[3];          /* failures by severity */
    int unknown;
    int unknown_by[3];      /* unknown results by severity: an error rule not judged is no pass */
    struct Fix **fixes;     /* per result, its verified fix suggestions (fix_course, fix.h); NULL: none sought */
    int *nfixes;
} CourseReport;

/* Judges `subject` (a course, a placement: any block); results are
 * allocated in `a`. */
void rules_check(Program *p, Block *subject, Arena *a, CourseReport *out);
/* What judging fills in once per program and then only reads: the
 * frameworks marked `always`, and each framework rule's id and settings.
 * Done up front, blocks can be judged by several threads at once (check
 * -j), each with its own arena, sharing the program read-only. */
void rules_prepare(Program *p);
/* The same statuses, places and counts without messages or explanations
 * (message NULL, nexplain 0): for a caller that judges thousands of blocks
 * and shows a few, the planner pricing its options, where the
 * explanations' strings were two fifths of the cost. */
void rules_check_statuses(Program *p, Block *subject, Arena *a, CourseReport *out);
/* The statuses, places and messages without explanations (nexplain 0):
 * for the one-line report (`check --format brief`), which shows no
 * explanation; finding the values behind a failure was a sixth of judging. */
void rules_check_messages(Program *p, Block *subject, Arena *a, CourseReport *out);

/* r's message as text output shows it (esc_text) when it is the rule's
 * own, with nothing filled in: escaped once per program (a brief report
 * writes the same few messages thousands of times). NULL when it has to be
 * escaped as it is. */
const char *rules_message_shown(const RuleResult *r);
/* The same for r's id (FRAMEWORK.RULE), escaped once per program. */
const char *rules_id_shown(const RuleResult *r);

/* The kind a framework's rules judge: the `on KIND` of its rule schema's
 * `require` (`predicate on course` for a framework, `on placement` for the
 * schedule's checks); NULL when it has no rules. */
Schema *rules_subject_kind(const Block *framework);

#endif
