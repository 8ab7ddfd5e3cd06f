/* cli_explain.c — `ramme explain ID [FILE]`: the rule or goal the id
 * names, explained (emit/explain_out.h), or an error with did-you-mean. */
#include "cli/cli.h"
#include "model/compile.h"
#include "emit/explain_out.h"
#include "emit/render.h"
#include "engine/rules.h"

#include <stdio.h>
#include <string.h>

/* A rule id FRAMEWORK.RULE, a goal's qualified name, or a framework. */
typedef struct Found {
    Block *rule;
    Block *goal;
    Block *framework;
    const char **ids;  /* every id, for did-you-mean */
    int nids;
} Found;

static void find_id(Program *p, const char *id, Found *f)
{
    memset(f, 0, sizeof *f);
    for (int i = 0; i < p->ndecls; i++) {
        Block *fw = p->decls[i];
        Value *rules = model_get(fw, "rule");
        if (!rules || rules->k != V_LIST)
            continue;
        if (fw->name && strcmp(fw->name, id) == 0)
            f->framework = fw;
        f->ids = arena_push(p->arena, (void *)f->ids, (size_t)f->nids, sizeof *f->ids);
        f->ids[f->nids++] = fw->name;
        for (int k = 0; k < rules->u.list.n; k++) {
            Block *r = rules->u.list.items[k]->u.block;
            if (r->top != fw)
                continue; /* inherited: listed under its own framework */
            const char *rid = arena_printf(p->arena, "%s.%s", fw->name, r->name);
            if (strcmp(rid, id) == 0)
                f->rule = r;
            f->ids = arena_push(p->arena, (void *)f->ids, (size_t)f->nids, sizeof *f->ids);
            f->ids[f->nids++] = rid;
        }
    }
    for (int i = 0; i < p->nnamed; i++) {
        Block *g = p->named[i];
        if (!g->schema->qualified)
            continue;
        if (strcmp(g->name, id) == 0 && !f->goal)
            f->goal = g;
        f->ids = arena_push(p->arena, (void *)f->ids, (size_t)f->nids, sizeof *f->ids);
        f->ids[f->nids++] = g->name;
    }
}

/* ramme explain ID [FILE]: a rule or goal as a coordinator reads it. */
int cli_explain(Options *o)
{
    if (o->nargs < 1 || o->nargs > 2)
        return cli_bad_usage(_("explain takes a rule id (national.goal_coverage) or a goal id (recovery.hope), and optionally the FILE that declares it"), NULL);
    const char *id = o->args[0];
    /* With no FILE: the rules and goals of every module on the search path. */
    CliSession s;
    cli_open(&s, o, o->nargs == 2 ? o->args[1] : NULL, NULL);
    SourceSet *ss = &s.ss;
    Diags *d = &s.d;
    Program *p = s.p;
    int status = EXIT_PASS;
    if (d->errors) {
        status = cli_fail_diags(o, d, ss);
    } else {
        Found f;
        find_id(p, id, &f);
        /* A failed write leaves stdout in error: cli_finish_stdout reports it. */
        if (f.rule && o->format == FMT_JSON)
            (void)explain_rule_json(stdout, id, f.rule, ss);
        else if (f.rule)
            explain_rule_text(stdout, id, f.rule, ss);
        else if (f.goal && o->format == FMT_JSON)
            (void)explain_goal_json(stdout, f.goal, ss);
        else if (f.goal)
            explain_goal_text(stdout, f.goal, ss);
        else if (f.framework && o->format == FMT_JSON)
            (void)explain_framework_json(stdout, f.framework, ss);
        else if (f.framework)
            explain_framework_text(stdout, f.framework, ss);
        else {
            diag_error(d, span_none(), _("no rule or goal '%s'"), id);
            const char *sug = model_suggest(id, f.ids, f.nids);
            if (sug)
                diag_help(d, _("did you mean '%s'?"), sug);
            else
                diag_help(d, "%s", _("a rule id is FRAMEWORK.RULE, as in national.goal_coverage; a goal id is like recovery.hope"));
            status = cli_fail_diags(o, d, ss);
        }
    }
    cli_close(&s);
    return status;
}
