/* schedule.h — a schedule proposal: sessions placed on the calendar from a
 * `schedule` block, the days that fell out and why, the practicum with its
 * follow-up days, and the checks. The scheduler is a domain component: it
 * reads the course and the calendars through the typed model, by names the
 * stdlib declares (one table in schedule.c), and fills a `placement` block
 * that the rules engine judges against the schedule's checks, declared in
 * stdlib/schedule.ramme like any rule. */
#ifndef RAMME_SCHEDULE_H
#define RAMME_SCHEDULE_H

#include "model/model.h"
#include "base/civil.h"
#include "engine/rules.h"

#include <stdint.h>

/* Placement gives up after this many days without finishing. */
#define SCHED_MAX_DAYS (366 * 5)

typedef struct Session {
    int number;           /* 1-based */
    int32_t date;         /* days since 1970-01-01 */
    int start, end;       /* minutes after midnight, local time */
    double hours;         /* length of this session */
    double cumulative;    /* hours placed so far, this one included */
    int iso_year, iso_week;
    int weekday;          /* 0 = Monday */
    Block **modules;      /* modules (in declared order) this session holds */
    int nmodules;
} Session;

typedef struct Skipped {
    int32_t date;
    const char *reason;   /* the calendar's name for the day */
} Skipped;

typedef struct WeekLoad {
    int iso_year, iso_week;
    double hours;
} WeekLoad;

/* A planned break (`break` in the schedule): the days from..to it covers
 * between the first and the last session, with its title. */
typedef struct Break {
    int32_t from, to;
    const char *reason;
} Break;

/* The calendar's time zone (schema time_zone in stdlib/calendar.ramme), as
 * an iCalendar file needs it. Offsets in minutes ahead of UTC; summer time
 * from the last Sunday of month summer_from at summer_from_at (minutes after
 * midnight, local standard time) to the last Sunday of summer_until at
 * summer_until_at (local summer time). */
typedef struct PlanZone {
    const char *name;          /* the IANA name: "Europe/Copenhagen" */
    const char *standard_name; /* "CET" */
    int standard_offset;
    bool has_summer;
    const char *summer_name;   /* "CEST" */
    int summer_offset;
    int summer_from, summer_from_at, summer_until, summer_until_at;
    bool summer_partial;       /* some summer_ fields given but not all (or a month out of 1..12) */
} PlanZone;

/* A rule result of the schedule's checks, as the report writers show it. */
typedef struct ScheduleCheck {
    const char *id;       /* schedule.hours, schedule.weeks, ... */
    Block *rule;          /* its declaration (weight, amount) */
    Severity severity;
    RuleStatus status;
    const char *message;
    const char **explain;
    int nexplain;
} ScheduleCheck;

typedef struct Plan {
    Block *schedule;
    Block *course;
    const char *location;     /* NULL when none */
    Session *sessions;
    int nsessions;
    Skipped *skipped;
    int nskipped;
    Break *breaks;            /* planned breaks between the first and last session */
    int nbreaks;
    WeekLoad *weeks;          /* every ISO week from first to last session */
    int nweeks;
    bool has_practicum;
    int32_t practicum_start, practicum_end;  /* inclusive */
    int32_t *follow_up;       /* follow-up days */
    int nfollow_up;
    Block *placement;         /* what was placed (schema placement), as the checks judge it */
    ScheduleCheck *checks;    /* in the order the checks are declared */
    int nchecks;
    const PlanZone *zone;     /* the calendar's time zone; NULL when it declares none */
} Plan;

/* Builds the plan for `schedule` and judges it; errors that stop it (no
 * theory hours, session length disagreeing with the design, nothing
 * placeable, a name the scheduler reads missing from the stdlib) go to
 * p->diags and return false. Allocates in `a`. */
bool sched_plan(Program *p, Block *schedule, Arena *a, Plan *out);

/* sched_plan in two steps, for the planner, which adds to the placement
 * (its cohort's wishes, the plan's checks) before it is judged: place the
 * sessions and fill pl->placement, then judge it (pl->checks). */
bool sched_place(Program *p, Block *schedule, Arena *a, Plan *out);
void sched_judge(Program *p, Plan *pl, Arena *a);
/* sched_judge without the checks' messages and explanations (each check's
 * message NULL): the planner prices thousands of options and explains the
 * few it proposes. */
void sched_judge_statuses(Program *p, Plan *pl, Arena *a);

/* The schemas and fields the scheduler reads, looked up once: the planner
 * places thousands of options of one program, and the lookup by name was a
 * seventh of each placement. NULL (the errors in p->diags) when the stdlib
 * lacks one. sched_place_with is sched_place with them. */
typedef struct SchedNames SchedNames;
const SchedNames *sched_names(Program *p, Arena *a);
bool sched_place_with(Program *p, const SchedNames *names, Block *schedule, Arena *a, Plan *out);

/* Every day from `from` to `to` that a closure of `list` (a V_LIST of
 * closure blocks: a teacher's `away`, or one of them) names, with its
 * title (`field` when it has none), in date order. */
int sched_closure_days(Program *p, const Value *list, const char *field, int32_t from, int32_t to, Arena *a,
                       Skipped **out);

/* Every closed day of `calendar` from `from` to `to` (inclusive), with its
 * name, in date order; the first closure that names a day wins. */
int sched_closed_days(Program *p, Block *calendar, int32_t from, int32_t to, Arena *a, Skipped **out);

#endif
