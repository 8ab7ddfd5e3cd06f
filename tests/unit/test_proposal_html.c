/* test_proposal_html.c — the plan page (src/emit/proposal_html.h) for
 * reports built by hand, for what no plan of the golden tests reaches: a
 * search the time limit stopped (status feasible, with its lower bound), a
 * proposal without penalties or team, a relaxation after which still
 * nothing fits, a conflict search that found nothing fits even with every
 * requirement dropped, and a stream that cannot be written. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/civil.h"
#include "emit/proposal_html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* What proposal_html wrote for `r`, as a malloc'd string; its places are
 * in no file (an empty source set). */
static char *page(const PlanReport *r)
{
    SourceSet ss;
    src_init(&ss);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(proposal_html(f, r, &ss), 0);
    assert_int_equal(fclose(f), 0);
    return buf;
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle))
        fail_msg("expected to find\n%s\nin the page", needle);
}

/* One cohort of two sessions on Monday and Wednesday of ISO week 6, 2025,
 * at no site and with no team; the test's report holds it. */
typedef struct Fixture {
    Block plan, course, cohort;
    Session sessions[2];
    PlannedCohort planned;
    Proposal proposal;
    PlanReport r;
} Fixture;

static void fixture(Fixture *x, PlanStatus status)
{
    memset(x, 0, sizeof *x);
    x->plan.name = "p";
    x->course.name = "kursus";
    x->course.title = "Kursus & co";
    x->cohort.name = "forår";
    int32_t d[2] = {civil_days(2025, 2, 3), civil_days(2025, 2, 5)};
    for (int i = 0; i < 2; i++) {
        Session *s = &x->sessions[i];
        s->number = i + 1;
        s->date = d[i];
        s->start = 9 * 60;
        s->end = 12 * 60;
        s->hours = 3;
        s->cumulative = 3 * (i + 1);
        s->weekday = civil_weekday(d[i]);
        civil_iso_week(d[i], &s->iso_year, &s->iso_week);
    }
    PlannedCohort *c = &x->planned;
    c->cohort = &x->cohort;
    c->start = d[0];
    c->weekdays = 1u << 0 | 1u << 2;
    c->t0 = 9 * 60;
    c->t1 = 12 * 60;
    c->placed.course = &x->course;
    c->placed.sessions = x->sessions;
    c->placed.nsessions = 2;
    c->placed.nweeks = 1;
    x->proposal = (Proposal){.rank = 1, .penalty = 0, .cohorts = c, .ncohorts = 1};
    x->r.plan = &x->plan;
    x->r.course = &x->course;
    x->r.status = status;
    x->r.options = 1;
    if (status != PLAN_INFEASIBLE) {
        x->r.proposals = &x->proposal;
        x->r.nproposals = 1;
    }
}

static void test_feasible(void **state)
{
    (void)state;
    Fixture x;
    fixture(&x, PLAN_FEASIBLE);
    x.r.lower_bound = 4;
    char *t = page(&x.r);
    assert_contains(t, "<h2>plan p for course kursus &quot;Kursus &amp; co&quot;</h2>");
    assert_contains(t, "<p class=\"verdict feasible\">status: <span class=\"status\">feasible</span></p>");
    assert_contains(t, "<p>1 option placed and priced</p>");
    assert_contains(t, "<p>the search stopped at its time limit: no plan costs less than 4</p>");
    assert_contains(t, "<h3>Proposal 1: penalty 0</h3>");
    /* No site, no team: empty cells, never "(null)". */
    assert_contains(t, "<tr><th scope=\"row\">forår</th><td></td><td class=\"when\">2025-02-03</td>"
                       "<td class=\"when\">2025-02-05</td><td class=\"num\">1</td><td>Monday, Wednesday</td>"
                       "<td class=\"when\">09:00–12:00</td><td></td></tr>");
    assert_contains(t, "<h4>Penalties</h4>\n<p>none</p>");
    assert_contains(t, "<h4>Calendar of forår</h4>");
    assert_contains(t, "<caption>February 2025</caption>");
    assert_contains(t, "<span class=\"mk\">S2</span>");
    assert_null(strstr(t, "(null)"));
    assert_null(strstr(t, "Why nothing fits"));
    free(t);
}

/* An optimal plan says nothing of a lower bound. */
static void test_optimal(void **state)
{
    (void)state;
    Fixture x;
    fixture(&x, PLAN_OPTIMAL);
    x.r.lower_bound = 4;
    char *t = page(&x.r);
    assert_contains(t, "<p class=\"verdict optimal\">");
    assert_null(strstr(t, "time limit"));
    free(t);
}

static void test_relaxations(void **state)
{
    (void)state;
    Fixture x;
    fixture(&x, PLAN_INFEASIBLE);
    PlanConflict conflict[2] = {{"site sal: rooms 1", {.file = -1}, 5}, {"teacher <b>: max_cohorts 1", {.file = -1}, -1}};
    x.r.conflict = conflict;
    x.r.nconflict = 2;
    x.r.conflict_searched = true;
    char *t = page(&x.r);
    assert_contains(t, "<span class=\"status\">infeasible</span>");
    assert_null(strstr(t, "<section class=\"proposal\">"));
    assert_null(strstr(t, "<h2>Proposals</h2>"));
    assert_contains(t, "<h2>Why nothing fits</h2>");
    assert_contains(t, "Nothing fits: no start, weekdays, time and team meet every requirement of the plan.");
    assert_null(strstr(t, "Not even with all of them dropped"));
    assert_contains(t, "<h3>These requirements cannot all hold (drop any one and a plan exists)</h3>");
    /* A span in no file has no place: an empty cell. */
    assert_contains(t, "<tr><th scope=\"row\"><code>site sal: rooms 1</code></th><td></td></tr>");
    assert_contains(t, "<tr><th scope=\"row\"><code>site sal: rooms 1</code></th><td class=\"num\">5</td></tr>");
    assert_contains(t, "<tr><th scope=\"row\"><code>teacher &lt;b&gt;: max_cohorts 1</code></th>"
                       "<td>still nothing fits</td></tr>");
    free(t);
}

static void test_not_even_dropped(void **state)
{
    (void)state;
    Fixture x;
    fixture(&x, PLAN_INFEASIBLE);
    x.r.conflict_searched = true;
    char *t = page(&x.r);
    assert_contains(t, "<p>Not even with all of them dropped: no start on the plan&#39;s weekdays and times");
    assert_null(strstr(t, "<table class=\"narrow\">"));
    free(t);
}

static void test_write_error(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    Fixture x;
    fixture(&x, PLAN_OPTIMAL);
    SourceSet ss;
    src_init(&ss);
    assert_int_equal(proposal_html(f, &x.r, &ss), -1);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_feasible),
        cmocka_unit_test(test_optimal),
        cmocka_unit_test(test_relaxations),
        cmocka_unit_test(test_not_even_dropped),
        cmocka_unit_test(test_write_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
