/* plan_fmt.c — a plan's values spelt for the reports. */
#include "emit/plan_fmt.h"
#include "base/i18n.h"

#include <stdio.h>
#include <string.h>

const char *plan_fmt_date(char *buf, size_t n, int32_t d)
{
    int y, m, day;
    civil_date(d, &y, &m, &day);
    snprintf(buf, n, "%04d-%02d-%02d", y, m, day);
    return buf;
}

const char *plan_fmt_time(char *buf, size_t n, int minutes)
{
    snprintf(buf, n, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

/* The hours with '.', the C form the language's form starts from. */
static const char *fmt_hours_c(char *buf, size_t n, double h)
{
    snprintf(buf, n, "%.2f", h);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *e = buf + strlen(buf) - 1;
        while (e > dot && *e == '0')
            *e-- = '\0';
        if (e == dot)
            *e = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    return buf;
}

const char *plan_fmt_hours(char *buf, size_t n, double h)
{
    return i18n_localize_number((char *)fmt_hours_c(buf, n, h));
}

const char *plan_weekday_id(int wd)
{
    static const char *const ids[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    return wd >= 0 && wd <= 6 ? ids[wd] : "?";
}

const char *plan_weekday_name(int wd)
{
    /* The interface's words, not the stdlib's: an English report says
     * Monday, a Danish one mandag (po/da.po). */
    static const char *names[] = {N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
                                  N_("Friday"),  N_("Saturday"), N_("Sunday")};
    if (wd < 0 || wd > 6)
        return "?";
    return _(names[wd]);
}

const char *plan_block_name(const Block *b)
{
    if (!b)
        return "";
    return b->name ? b->name : b->title ? b->title : "";
}

Value *plan_schedule_value(const Plan *p, const char *name)
{
    return p->schedule && p->schedule->schema ? model_get(p->schedule, name) : NULL;
}

const Block *plan_calendar(const Plan *p)
{
    Value *v = plan_schedule_value(p, "calendar");
    return v && v->k == V_REF ? v->u.ref : NULL;
}

const char *plan_summary(Arena *a, const Plan *p)
{
    if (p->nsessions == 0)
        return _("no sessions");
    const Session *first = &p->sessions[0], *last = &p->sessions[p->nsessions - 1];
    /* "26 sessions, 78 hours, ISO weeks 6–20 (15 weeks)": each part a
     * phrase of its own, with its own plural. */
    char b[32], span[128];
    plan_fmt_hours(b, sizeof b, last->cumulative);
    /* TRANSLATORS: the total hours of a plan; %s is a number such as 78 or 2.5 */
    const char *hours = arena_printf(a, last->cumulative == 1 ? _("%s hour") : _("%s hours"), b);
    if (first->iso_year != last->iso_year)
        snprintf(span, sizeof span, _("ISO weeks %d/%d–%d/%d"), first->iso_week, first->iso_year, last->iso_week,
                 last->iso_year);
    else if (first->iso_week != last->iso_week)
        snprintf(span, sizeof span, _("ISO weeks %d–%d"), first->iso_week, last->iso_week);
    else
        snprintf(span, sizeof span, _("ISO week %d"), first->iso_week);
    const char *sessions =
        arena_printf(a, P_("%d session", "%d sessions", (unsigned long)p->nsessions), p->nsessions);
    if (p->nweeks > 0)
        /* TRANSLATORS: "26 sessions, 78 hours, ISO weeks 6–20 (15 weeks)" */
        return arena_printf(a, P_("%s, %s, %s (%d week)", "%s, %s, %s (%d weeks)", (unsigned long)p->nweeks), sessions,
                            hours, span, p->nweeks);
    return arena_printf(a, _("%s, %s, %s"), sessions, hours, span);
}
