/* expect.c — an expectation against what the rules engine says (expect.h). */
#include "apps/expect.h"
#include "base/i18n.h"
#include "apps/schedule.h"

#include <string.h>

/* The stdlib's fields of `expect`, each the status it expects. */
static const struct {
    const char *field;
    RuleStatus status;
} wants[] = {{"pass", ST_PASS}, {"fail", ST_FAIL}, {"unknown", ST_UNKNOWN}, {"not_applicable", ST_NA}};

static const RuleResult *result_of(const CourseReport *r, const char *id)
{
    for (int i = 0; i < r->n; i++)
        if (strcmp(r->results[i].id, id) == 0)
            return &r->results[i];
    return NULL;
}

/* The course or schedule the expectation is named after, judged into
 * out->report; false after an error. */
static bool judge_subject(Program *p, Block *e, Arena *a, ExpectResult *out)
{
    Schema *course = model_schema(p, "course"), *schedule = model_schema(p, "schedule");
    out->subject = course ? model_decl(p, course, e->name) : NULL;
    if (out->subject) {
        rules_check(p, out->subject, a, &out->report);
        return true;
    }
    out->subject = schedule ? model_decl(p, schedule, e->name) : NULL;
    if (out->subject) {
        Plan pl;
        if (!sched_plan(p, out->subject, a, &pl))
            return false; /* why is in p->diags */
        rules_check(p, pl.placement, a, &out->report);
        return true;
    }
    diag_error(p->diags, e->name_span, _("no course or schedule named '%s' to test"), e->name);
    const char *cand[256];
    int n = 0;
    for (int i = 0; i < p->ndecls && n < 256; i++)
        if (p->decls[i]->schema == course || p->decls[i]->schema == schedule)
            cand[n++] = p->decls[i]->name;
    const char *sug = model_suggest(e->name, cand, n);
    if (sug)
        diag_suggest(p->diags, sug);
    else
        diag_help(p->diags, "%s", _("an expectation is named after the course or schedule it is about; import the file "
                                  "that declares it"));
    return false;
}

bool expect_run(Program *p, Block *e, Arena *a, ExpectResult *out)
{
    memset(out, 0, sizeof *out);
    out->expect = e;
    if (!judge_subject(p, e, a, out))
        return false;
    const char **ids = arena_array(a, (size_t)out->report.n + 1, sizeof *ids);
    for (int i = 0; i < out->report.n; i++)
        ids[i] = out->report.results[i].id;
    for (size_t w = 0; w < sizeof wants / sizeof *wants; w++) {
        Value *v = model_get(e, wants[w].field);
        for (int i = 0; v && v->k == V_LIST && i < v->u.list.n; i++) {
            const Value *id = v->u.list.items[i];
            if (id->k != V_STRING)
                continue;
            out->nchecked++;
            const RuleResult *got = result_of(&out->report, id->u.s);
            if (got && got->status == wants[w].status)
                continue;
            out->misses = arena_push(a, out->misses, (size_t)out->nmisses, sizeof *out->misses);
            ExpectMiss *m = &out->misses[out->nmisses++];
            m->id = id->u.s;
            m->want = wants[w].status;
            m->got = got;
            m->suggest = got ? NULL : model_suggest(id->u.s, ids, out->report.n);
            m->at = id->span;
        }
    }
    return true;
}
