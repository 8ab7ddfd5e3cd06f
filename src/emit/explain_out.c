/* explain_out.c — a rule or a goal explained, as text and as JSON. */
#include "emit/explain_out.h"
#include "base/esc.h"
#include "base/i18n.h"
#include "emit/jsonw.h"
#include "emit/render.h"
#include "emit/words.h"
#include "engine/rules.h"
#include "model/typecheck.h"

#include <string.h>

/* A field of the rule as the language writes it: a string as it is, an
 * expression as source text (in `a`); NULL when absent. */
static const char *expr_text(Arena *a, const Value *v)
{
    if (!v || v->k != V_EXPR)
        return NULL;
    if (v->u.expr->kind == N_STR)
        return v->u.expr->u.str.s;
    return ast_to_text(a, v->u.expr);
}

/* What explain shows of a rule, gathered once for both formats. */
typedef struct RuleView {
    const Block *fw;
    const char *severity_id;   /* the JSON word; "" when the rule has none */
    const char *severity;      /* the word to read */
    const char *cite;          /* "" when none */
    const char *message;       /* NULL when none */
    const char *when;          /* NULL: every block it judges */
    const Value *reqs;         /* the `require` list, or NULL */
    const char *subject;       /* what it judges: "course", "placement" */
    const Value *weight;       /* as a planner's penalty (stdlib/schedule.ramme), or NULL */
    const char *amount;        /* the penalty's amount expression, or NULL */
} RuleView;

/* A key (a field) or a value (an enum member) the rule's expressions
 * name, with its other words (the Danish aliases stdlib declares). */
typedef struct Word {
    const char *name;
    const char *const *aliases;
    int naliases;
} Word;

typedef struct Words {
    Arena *a;
    Word *items; /* grown by arena_push */
    int n;
} Words;

static void add_word(Words *w, const char *name, const char *const *aliases, int naliases)
{
    for (int i = 0; i < w->n; i++)
        if (strcmp(w->items[i].name, name) == 0)
            return;
    w->items = arena_push(w->a, w->items, (size_t)w->n, sizeof *w->items);
    w->items[w->n++] = (Word){name, aliases, naliases};
}

static AstStep collect_keys(const Node *n, void *ctx)
{
    const PathRes *r = n->kind == N_PATH ? n->res : NULL;
    for (int i = 0; r && i < r->nchain; i++)
        add_word(ctx, r->chain[i]->name, r->chain[i]->aliases, r->chain[i]->naliases);
    return AST_NEXT;
}

static AstStep collect_values(const Node *n, void *ctx)
{
    const PathRes *r = n->kind == N_PATH ? n->res : NULL;
    if (r && r->kind == R_ENUM) {
        const EnumDef *e = r->enm;
        Words *w = ctx;
        const char **al = NULL;
        int nal = 0;
        for (int i = 0; i < e->naliases; i++)
            if (e->alias_member[i] == r->member) {
                al = arena_push(w->a, (void *)al, (size_t)nal, sizeof *al);
                al[nal++] = e->alias_names[i];
            }
        add_word(w, e->members[r->member].name, al, nal);
    }
    return AST_NEXT;
}

/* The keys (or values) the rule's `when` and `require` name, in order. */
static void rule_words(Arena *a, const Block *r, AstVisit visit, Words *w)
{
    memset(w, 0, sizeof *w);
    w->a = a;
    Value *when = model_get(r, "when"), *reqs = model_get(r, "require");
    if (when && when->k == V_EXPR)
        ast_walk(when->u.expr, visit, w);
    for (int k = 0; reqs && reqs->k == V_LIST && k < reqs->u.list.n; k++)
        if (reqs->u.list.items[k]->k == V_EXPR)
            ast_walk(reqs->u.list.items[k]->u.expr, visit, w);
}

/* "target (ALIAS), lived_experience (ALIAS, ALIAS)" */
static const char *words_text(Arena *a, const Words *w)
{
    const char *t = "";
    for (int i = 0; i < w->n; i++) {
        t = arena_printf(a, "%s%s%s", t, i ? ", " : "", w->items[i].name);
        for (int k = 0; k < w->items[i].naliases; k++)
            t = arena_printf(a, "%s%s%s%s", t, k ? ", " : " (", w->items[i].aliases[k],
                             k + 1 == w->items[i].naliases ? ")" : "");
    }
    return esc_text(a, t);
}

static void words_json(JsonW *jw, const char *key, const Words *w)
{
    jw_key(jw, key);
    jw_open(jw, '[');
    for (int i = 0; i < w->n; i++) {
        jw_open(jw, '{');
        jw_kstr(jw, "name", w->items[i].name);
        jw_key(jw, "aliases");
        jw_open(jw, '[');
        for (int k = 0; k < w->items[i].naliases; k++)
            jw_str(jw, w->items[i].aliases[k]);
        jw_close(jw, ']');
        jw_close(jw, '}');
    }
    jw_close(jw, ']');
}

static void view(Arena *a, const Block *r, RuleView *v)
{
    v->fw = r->top;
    Value *sev = model_get(r, "severity"), *cite = model_get(r, "cite"), *reqs = model_get(r, "require");
    /* The severity member the rule names, in the vocabulary's words when it
     * is one of the three, else as the stdlib declares it. */
    v->severity_id = v->severity = sev && sev->k == V_ENUM ? sev->u.en.enm->members[sev->u.en.idx].name : "";
    for (int s = SEV_ERROR; s <= SEV_ADVICE; s++)
        if (strcmp(v->severity_id, words_severity_id((Severity)s)) == 0) {
            v->severity_id = words_severity_id((Severity)s);
            v->severity = words_severity((Severity)s);
        }
    v->cite = cite && cite->k == V_STRING ? cite->u.s : "";
    v->message = expr_text(a, model_get(r, "message"));
    v->when = expr_text(a, model_get(r, "when"));
    v->reqs = reqs && reqs->k == V_LIST ? reqs : NULL;
    const Schema *subject = rules_subject_kind(v->fw);
    v->subject = subject ? subject->name : "course";
    Value *weight = model_get(r, "weight");
    v->weight = weight && weight->k == V_INT ? weight : NULL;
    v->amount = expr_text(a, model_get(r, "amount"));
}

/* The labels' column: as wide as the widest label, at least 10 (the
 * English "framework:" and a blank), in the language in use. */
static int label_width(const char *const *labels, size_t n)
{
    int w = 10;
    for (size_t i = 0; i < n; i++)
        if (words_width(labels[i]) + 1 > w)
            w = words_width(labels[i]) + 1;
    return w;
}

static void label(FILE *out, const char *l, int w)
{
    fputs("  ", out);
    words_put_left(out, l, w);
}

void explain_rule_text(FILE *out, const char *id, const Block *rule, SourceSet *ss)
{
    Arena *a = arena_new();
    RuleView v;
    view(a, rule, &v);
    /* Values from the files through esc_text: no control character
     * reaches the terminal. */
    const char *fwt = esc_text(a, v.fw->title);
    fprintf(out, "%s (%s)\n", esc_text(a, id), v.severity);
    const char *labels[] = {_("framework:"), _("cites:"),    _("message:"), _("applies:"), _("requires:"),
                            _("declared:"),  _("penalty:"), _("keys:"),    _("values:")};
    int w = label_width(labels, sizeof labels / sizeof *labels);
    label(out, labels[0], w);
    fprintf(out, "%s%s%s%s\n", v.fw->name, fwt ? " \"" : "", fwt ? fwt : "", fwt ? "\"" : "");
    label(out, labels[1], w);
    fprintf(out, "%s\n", esc_text(a, v.cite));
    label(out, labels[2], w);
    fprintf(out, "%s\n", v.message ? esc_text(a, v.message) : "");
    label(out, labels[3], w);
    if (v.when)
        fprintf(out, "%s\n", esc_text(a, v.when));
    else if (strcmp(v.subject, "course") == 0)
        fprintf(out, "%s\n", _("to every course"));
    else
        /* TRANSLATORS: what a rule without a `when` judges, a kind of block: "to every placement" */
        fprintf(out, _("to every %s\n"), v.subject);
    for (int k = 0; v.reqs && k < v.reqs->u.list.n; k++) {
        label(out, labels[4], w);
        fprintf(out, "%s\n", esc_text(a, expr_text(a, v.reqs->u.list.items[k])));
    }
    if (v.weight) {
        label(out, labels[6], w);
        fprintf(out, "%lld × %s\n", (long long)v.weight->u.i, v.amount ? esc_text(a, v.amount) : "1");
    }
    /* The keys and values it reads, each with its other words: a course
     * written in Danish words finds its own. */
    Words kw;
    rule_words(a, rule, collect_keys, &kw);
    if (kw.n) {
        label(out, labels[7], w);
        fprintf(out, "%s\n", words_text(a, &kw));
    }
    rule_words(a, rule, collect_values, &kw);
    if (kw.n) {
        label(out, labels[8], w);
        fprintf(out, "%s\n", words_text(a, &kw));
    }
    label(out, labels[5], w);
    fprintf(out, "%s\n", render_place_text(a, ss, rule->name_span));
    arena_free(a);
}

bool explain_rule_json(FILE *out, const char *id, const Block *rule, SourceSet *ss)
{
    Arena *a = arena_new();
    RuleView v;
    view(a, rule, &v);
    JsonW *w = jw_new(out, 0);
    jw_open(w, '{');
    jw_kstr(w, "rule", id);
    jw_kstr(w, "severity", v.severity_id);
    jw_kstr(w, "framework", v.fw->name);
    jw_kstr(w, "framework_title", v.fw->title);
    jw_kstr(w, "cite", v.cite);
    jw_kstr(w, "message", v.message ? v.message : "");
    jw_kstr(w, "when", v.when);
    jw_key(w, "require");
    jw_open(w, '[');
    for (int k = 0; v.reqs && k < v.reqs->u.list.n; k++)
        jw_str(w, expr_text(a, v.reqs->u.list.items[k]));
    jw_close(w, ']');
    if (v.weight)
        jw_kint(w, "weight", v.weight->u.i);
    if (v.amount)
        jw_kstr(w, "amount", v.amount);
    Words keys;
    rule_words(a, rule, collect_keys, &keys);
    words_json(w, "keys", &keys);
    rule_words(a, rule, collect_values, &keys);
    words_json(w, "values", &keys);
    jw_key(w, "location");
    render_place_json(w, ss, rule->name_span);
    jw_close(w, '}');
    jw_finish(w);
    arena_free(a);
    return jw_free(w);
}

void explain_goal_text(FILE *out, const Block *g, SourceSet *ss)
{
    Arena *a = arena_new();
    fprintf(out, _("%s (goal)"), g->name);
    fputc('\n', out);
    const char *labels[] = {_("title:"), _("framework:"), _("declared:")};
    int w = label_width(labels, sizeof labels / sizeof *labels);
    label(out, labels[0], w);
    fprintf(out, "%s\n", g->title ? esc_text(a, g->title) : "");
    label(out, labels[1], w);
    fprintf(out, "%s\n", g->top ? g->top->name : "");
    label(out, labels[2], w);
    fprintf(out, "%s\n", render_place_text(a, ss, g->name_span));
    fputs("  ", out);
    /* TRANSLATORS: %s is a goal's id; "covers" is the course language's keyword: keep it */
    fprintf(out, _("a module covers it with: covers %s"), g->name);
    fputc('\n', out);
    arena_free(a);
}

bool explain_goal_json(FILE *out, const Block *g, SourceSet *ss)
{
    JsonW *w = jw_new(out, 0);
    jw_open(w, '{');
    jw_kstr(w, "goal", g->name);
    jw_kstr(w, "title", g->title);
    jw_kstr(w, "framework", g->top ? g->top->name : "");
    jw_key(w, "location");
    render_place_json(w, ss, g->name_span);
    jw_close(w, '}');
    jw_finish(w);
    return jw_free(w);
}

/* The framework's own goals and rules (inherited ones are listed under the
 * framework that declares them). */
static int own(const Block *fw, const char *field, const Block ***out, Arena *a)
{
    Value *v = model_get(fw, field);
    int n = 0;
    *out = arena_array(a, (size_t)(v && v->k == V_LIST ? v->u.list.n : 0) + 1, sizeof **out);
    for (int i = 0; v && v->k == V_LIST && i < v->u.list.n; i++)
        if (v->u.list.items[i]->u.block->top == fw)
            (*out)[n++] = v->u.list.items[i]->u.block;
    return n;
}

void explain_framework_text(FILE *out, const Block *fw, SourceSet *ss)
{
    Arena *a = arena_new();
    const Block **goals, **rules;
    int ng = own(fw, "goal", &goals, a), nr = own(fw, "rule", &rules, a);
    const char *title = esc_text(a, fw->title);
    fprintf(out, _("%s%s%s%s (framework)\n"), fw->name, title ? " \"" : "", title ? title : "", title ? "\"" : "");
    Value *src = model_get(fw, "source");
    if (src && src->k == V_STRING)
        fprintf(out, _("  source:    %s\n"), esc_text(a, src->u.s));
    if (fw->base)
        fprintf(out, _("  extends:   %s\n"), fw->base->name);
    fprintf(out, _("  declared:  %s\n"), render_place_text(a, ss, fw->name_span));
    if (ng) {
        size_t w = 0;
        for (int i = 0; i < ng; i++)
            if (strlen(goals[i]->name) > w)
                w = strlen(goals[i]->name);
        fprintf(out, _("\n  goals (%d)\n"), ng);
        for (int i = 0; i < ng; i++)
            fprintf(out, "    %-*s  %s\n", (int)w, goals[i]->name, goals[i]->title ? esc_text(a, goals[i]->title) : "");
    }
    if (nr) {
        fprintf(out, _("\n  rules (%d): ramme explain %s.RULE shows one\n"), nr, fw->name);
        /* Columns as wide as the longest id and the widest severity word in
         * the language in use ("anbefaling" in Danish). */
        int iw = 0, vw = words_severity_width();
        for (int i = 0; i < nr; i++) {
            int n = words_width(arena_printf(a, "%s.%s", fw->name, rules[i]->name));
            if (n > iw)
                iw = n;
        }
        for (int i = 0; i < nr; i++) {
            RuleView v;
            view(a, rules[i], &v);
            fputs("    ", out);
            words_put_left(out, arena_printf(a, "%s.%s", fw->name, rules[i]->name), iw);
            fputs("  ", out);
            words_put_left(out, v.severity, vw);
            fprintf(out, "  %s\n", v.message ? esc_text(a, v.message) : "");
        }
    }
    arena_free(a);
}

bool explain_framework_json(FILE *out, const Block *fw, SourceSet *ss)
{
    Arena *a = arena_new();
    const Block **goals, **rules;
    int ng = own(fw, "goal", &goals, a), nr = own(fw, "rule", &rules, a);
    JsonW *w = jw_new(out, 0);
    jw_open(w, '{');
    jw_kstr(w, "framework", fw->name);
    jw_kstr(w, "title", fw->title);
    jw_kstr(w, "extends", fw->base ? fw->base->name : NULL);
    jw_key(w, "goals");
    jw_open(w, '[');
    for (int i = 0; i < ng; i++) {
        jw_open(w, '{');
        jw_kstr(w, "goal", goals[i]->name);
        jw_kstr(w, "title", goals[i]->title);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_key(w, "rules");
    jw_open(w, '[');
    for (int i = 0; i < nr; i++) {
        RuleView v;
        view(a, rules[i], &v);
        jw_open(w, '{');
        jw_kstr(w, "rule", arena_printf(a, "%s.%s", fw->name, rules[i]->name));
        jw_kstr(w, "severity", v.severity_id);
        jw_kstr(w, "message", v.message ? v.message : "");
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_key(w, "location");
    render_place_json(w, ss, fw->name_span);
    jw_close(w, '}');
    jw_finish(w);
    arena_free(a);
    return jw_free(w);
}
