/* expect.c — an expectation against what the rules engine says (expect.h). */
#include "apps/expect.h"

#include <string.h>

/* The stdlib's fields of `expect`, each the status it expects. */
static const struct {
    const char *field;
    RuleStatus status;
} wants[] = {{"pass", ST_PASS}, {"fail", ST_FAIL}, {"unknown", ST_UNKNOWN}, {"not_applicable", ST_NA}};

static const RuleResult *result_of(const CourseReport *r, const Block *rule)
{
    for (int i = 0; i < r->n; i++)
        if (r->results[i].rule == rule)
            return &r->results[i];
    return NULL;
}

bool expect_run(Program *p, Block *e, Arena *a, ExpectResult *out)
{
    memset(out, 0, sizeof *out);
    out->expect = e;
    Schema *course = model_schema(p, "course");
    out->subject = course ? model_decl(p, course, e->name) : NULL;
    if (!out->subject) {
        diag_error(p->diags, e->name_span, "no course named '%s' to test", e->name);
        const char *cand[256];
        int n = 0;
        for (int i = 0; i < p->ndecls && n < 256; i++)
            if (p->decls[i]->schema == course)
                cand[n++] = p->decls[i]->name;
        const char *sug = model_suggest(e->name, cand, n);
        if (sug)
            diag_help(p->diags, "did you mean '%s'?", sug);
        else
            diag_help(p->diags, "an expectation is named after the course it is about; import the file that "
                                "declares the course");
        return false;
    }
    rules_check(p, out->subject, a, &out->report);
    for (size_t w = 0; w < sizeof wants / sizeof *wants; w++) {
        Value *v = model_get(e, wants[w].field);
        for (int i = 0; v && v->k == V_LIST && i < v->u.list.n; i++) {
            const Value *ref = v->u.list.items[i];
            if (ref->k != V_REF || !ref->u.ref)
                continue;
            out->nchecked++;
            const RuleResult *got = result_of(&out->report, ref->u.ref);
            if (got && got->status == wants[w].status)
                continue;
            out->misses = arena_push(a, out->misses, (size_t)out->nmisses, sizeof *out->misses);
            ExpectMiss *m = &out->misses[out->nmisses++];
            m->rule = ref->u.ref;
            m->id = got ? got->id : arena_printf(a, "%s.%s", ref->u.ref->top ? ref->u.ref->top->name : "?",
                                                 ref->u.ref->name);
            m->want = wants[w].status;
            m->judged = got != NULL;
            m->got = got;
            m->at = ref->span;
        }
    }
    return true;
}
