/* proposal_fmt.c — a proposal's words, shared by the text report and the page. */
#include "emit/proposal_fmt.h"
#include "base/i18n.h"
#include "emit/plan_fmt.h"

#include <stdio.h>

const char *proposal_fmt_weekdays(Arena *a, uint8_t set)
{
    const char *s = "";
    for (int i = 0; i < 7; i++)
        if (set & (1u << i))
            s = arena_printf(a, "%s%s%s", s, *s ? ", " : "", plan_weekday_name(i));
    return s;
}

const char *proposal_fmt_site(const Block *site)
{
    if (!site)
        return NULL;
    return site->title ? site->title : plan_block_name(site);
}

const char *proposal_fmt_options(Arena *a, long options)
{
    return arena_printf(a, P_("%ld option placed and priced", "%ld options placed and priced", (unsigned long)options),
                        options);
}

const char *proposal_fmt_stopped(Arena *a, const PlanReport *r)
{
    char secs[64];
    snprintf(secs, sizeof secs, "%g", r->time_limit);
    const char *s = i18n_localize_number(secs); /* 0,5 in Danish */
    if (r->stopped_placing)
        return arena_printf(a, _("the time limit of %s s ran out while the options were placed, before any search: "
                                 "no proposal; give it more time with --time-limit"), s);
    if (r->nproposals == 0)
        return arena_printf(a, _("the search stopped at its time limit of %s s before a first proposal: no plan costs "
                                 "less than %lld; give it more time with --time-limit"), s, (long long)r->lower_bound);
    return arena_printf(a, _("the search stopped at its time limit: no plan costs less than %lld"),
                        (long long)r->lower_bound);
}

const char *proposal_fmt_heading(Arena *a, const Proposal *p)
{
    return arena_printf(a, _("Proposal %d: penalty %lld"), p->rank, (long long)p->penalty);
}

const char *proposal_fmt_not_minimal(void)
{
    return _("(The search stopped at its time limit: these cannot all hold, but one of them may not be needed.)");
}

const char *proposal_fmt_nothing_fits(void)
{
    return _("Nothing fits: no start, weekdays, time and team meet every requirement of the plan.");
}

const char *proposal_fmt_not_even_dropped(void)
{
    return _("Not even with all of them dropped: no start on the plan's weekdays and times gives a schedule that "
             "passes its error-level checks (`ramme schedule` on one shows which).");
}

const char *proposal_fmt_conflict_lead(void)
{
    return _("These requirements cannot all hold (drop any one and a plan exists)");
}

const char *proposal_fmt_relaxations_lead(void)
{
    return _("What dropping each one costs");
}
