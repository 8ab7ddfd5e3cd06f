/* cli_explain.c — `ramme explain ID [FILE]`: a rule's message, severity,
 * citation, condition and place, or a goal's, with did-you-mean. */
#include "cli/cli.h"
#include "model/compile.h"
#include "base/esc.h"
#include "emit/jsonw.h"
#include "emit/render.h"
#include "engine/rules.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* A rule id FRAMEWORK.RULE, or a goal's qualified name. */
typedef struct Found {
    Block *rule;
    Block *goal;
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

static const char *expr_text(Arena *a, const Value *v)
{
    if (!v || v->k != V_EXPR)
        return NULL;
    if (v->u.expr->kind == N_STR)
        return v->u.expr->u.str.s;
    return ast_to_text(a, v->u.expr);
}

/* ramme explain ID [FILE]: a rule or goal as a coordinator reads it. */
int cli_explain(Options *o)
{
    if (o->nargs < 1 || o->nargs > 2)
        return cli_bad_usage("explain takes a rule id (national.goal_coverage) or a goal id (recovery.hope), and optionally the FILE that declares it%s", "");
    const char *id = o->args[0];
    /* With no FILE: the rules and goals of every module on the search path. */
    CliSession s;
    cli_open(&s, o, o->nargs == 2 ? o->args[1] : NULL, NULL);
    SourceSet *ss = &s.ss;
    Diags *d = &s.d;
    Program *p = s.p;
    int status = EXIT_PASS;
    if (d->errors) {
        diag_sort(d);
        render_diags_text(stderr, d, ss, o->color);
        status = EXIT_INPUT;
    } else {
        Found f;
        find_id(p, id, &f);
        Arena *a = p->arena;
        if (f.rule) {
            Block *r = f.rule, *fw = r->top;
            Value *sev = model_get(r, "severity"), *cite = model_get(r, "cite"), *reqs = model_get(r, "require");
            const char *sevs = sev && sev->k == V_ENUM ? sev->u.en.enm->members[sev->u.en.idx].name : "";
            const char *when = expr_text(a, model_get(r, "when"));
            const char *msg = expr_text(a, model_get(r, "message"));
            /* What the rule judges (a course, a placement), and its weight as a
             * planner's penalty when it has one (stdlib/schedule.ramme). */
            const Schema *subject = rules_subject_kind(fw);
            Value *weight = model_get(r, "weight");
            const char *amount = expr_text(a, model_get(r, "amount"));
            if (o->format == FMT_JSON) {
                json_t *j = json_object();
                json_object_set_new(j, "rule", jw_string(id));
                json_object_set_new(j, "severity", jw_string(sevs));
                json_object_set_new(j, "framework", jw_string(fw->name));
                json_object_set_new(j, "framework_title", fw->title ? jw_string(fw->title) : json_null());
                json_object_set_new(j, "cite", jw_string(cite && cite->k == V_STRING ? cite->u.s : ""));
                json_object_set_new(j, "message", jw_string(msg ? msg : ""));
                json_object_set_new(j, "when", when ? jw_string(when) : json_null());
                json_t *rq = json_array();
                for (int k = 0; reqs && reqs->k == V_LIST && k < reqs->u.list.n; k++)
                    json_array_append_new(rq, jw_string(expr_text(a, reqs->u.list.items[k])));
                json_object_set_new(j, "require", rq);
                if (weight && weight->k == V_INT)
                    json_object_set_new(j, "weight", json_integer(weight->u.i));
                if (amount)
                    json_object_set_new(j, "amount", jw_string(amount));
                json_object_set_new(j, "location", render_place_json(ss, r->name_span));
                json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
                fputc('\n', stdout);
                json_decref(j);
            } else {
                /* Values from the files through esc_text: no control
                 * character reaches the terminal. */
                const char *fwt = esc_text(a, fw->title);
                printf("%s (%s)\n", esc_text(a, id), sevs);
                printf("  framework: %s%s%s%s\n", fw->name, fwt ? " \"" : "", fwt ? fwt : "", fwt ? "\"" : "");
                printf("  cites:     %s\n", esc_text(a, cite && cite->k == V_STRING ? cite->u.s : ""));
                printf("  message:   %s\n", msg ? esc_text(a, msg) : "");
                if (when)
                    printf("  applies:   %s\n", esc_text(a, when));
                else
                    printf("  applies:   to every %s\n", subject ? subject->name : "course");
                for (int k = 0; reqs && reqs->k == V_LIST && k < reqs->u.list.n; k++)
                    printf("  requires:  %s\n", esc_text(a, expr_text(a, reqs->u.list.items[k])));
                if (weight && weight->k == V_INT)
                    printf("  penalty:   %lld × %s\n", (long long)weight->u.i, amount ? esc_text(a, amount) : "1");
                printf("  declared:  %s\n", cli_place(a, ss, r->name_span));
            }
        } else if (f.goal) {
            Block *g = f.goal;
            if (o->format == FMT_JSON) {
                json_t *j = json_object();
                json_object_set_new(j, "goal", jw_string(g->name));
                json_object_set_new(j, "title", g->title ? jw_string(g->title) : json_null());
                json_object_set_new(j, "framework", jw_string(g->top ? g->top->name : ""));
                json_object_set_new(j, "location", render_place_json(ss, g->name_span));
                json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
                fputc('\n', stdout);
                json_decref(j);
            } else {
                printf("%s (goal)\n", g->name);
                printf("  title:     %s\n", g->title ? esc_text(a, g->title) : "");
                printf("  framework: %s\n", g->top ? g->top->name : "");
                printf("  declared:  %s\n", cli_place(a, ss, g->name_span));
                printf("  a module covers it with: covers %s\n", g->name);
            }
        } else {
            fprintf(stderr, "ramme: error: no rule or goal '%s'\n", esc_text(p->arena, id));
            const char *sug = model_suggest(id, f.ids, f.nids);
            if (sug)
                fprintf(stderr, "      = help: did you mean '%s'?\n", sug);
            else
                fputs("      = help: a rule id is FRAMEWORK.RULE, as in national.goal_coverage; a goal id is like recovery.hope\n", stderr);
            status = EXIT_INPUT;
        }
    }
    cli_close(&s);
    return status;
}
