/* rules.c — frameworks applied to a course, statuses and explanations. */
#include "engine/rules.h"
#include "base/esc.h"
#include "base/i18n.h"

#include <string.h>

/* A rule's explanation: at most EXPL_MAX lines. */
#define EXPL_MAX 16

typedef struct Expl {
    Arena *a;
    const char **lines;
    int n;
} Expl;

/* How much a judgement fills in beyond the statuses (rules.h): each
 * report asks for what it shows. */
typedef enum { DETAIL_STATUSES, DETAIL_MESSAGES, DETAIL_FULL } Detail;

static void add(Expl *e, const char *line)
{
    if (e->n >= EXPL_MAX)
        return;
    if (!e->lines)
        e->lines = arena_array(e->a, EXPL_MAX, sizeof *e->lines);
    e->lines[e->n++] = line;
}

static bool is_arith(const Node *n)
{
    return n->kind == N_BIN && n->u.bin.op >= OP_ADD;
}

static void put_value(SBuf *b, EvalCtx *c, const Node *n)
{
    RVal v = eval(c, n);
    eval_write(b, &v);
}

/* An expression with its operands' values written in: 13 * 2 * 3h. */
static void subst(SBuf *b, EvalCtx *c, const Node *n)
{
    if (!is_arith(n)) {
        put_value(b, c, n);
        return;
    }
    subst(b, c, n->u.bin.l);
    sb_put(b, " ", 1);
    sb_puts(b, ast_binop_text(n->u.bin.op));
    sb_put(b, " ", 1);
    subst(b, c, n->u.bin.r);
}

/* Written-out values and names of constants need no "= value". */
static bool literal(const Node *n)
{
    if (n->kind == N_PATH && n->res) {
        ResKind k = ((const PathRes *)n->res)->kind;
        return k == R_ENUM || k == R_BLOCK;
    }
    if (n->kind == N_RANGE)
        return (!n->u.range.lo || literal(n->u.range.lo)) && (!n->u.range.hi || literal(n->u.range.hi));
    return n->kind <= N_MDAY || n->kind == N_SET;
}

/* `expr = value`; a written-out value or a constant's name as written. */
static void put_named(SBuf *b, EvalCtx *c, const Node *n)
{
    if (literal(n)) {
        ast_write(b, n);
        return;
    }
    if (is_arith(n))
        subst(b, c, n);
    else
        ast_write(b, n);
    sb_puts(b, " = ");
    put_value(b, c, n);
}

/* What an unknown result lacks: "theory.hours is not declared", or that
 * `expr` cannot be judged when no one path is to blame. */
static void add_unknown(Expl *e, const EvalCtx *c, const Node *expr)
{
    /* Each line a whole sentence, translated (base/i18n.h); missing_why is
     * one marked N_() in eval.c, with %s for the path. */
    if (c->missing && c->missing_in)
        /* TRANSLATORS: "module m3 does not declare covers": the block's kind, its name, the field */
        add(e, arena_printf(e->a, _("%s %s does not declare %s"), c->missing_in->schema->name, c->missing_in->name,
                            c->missing_field));
    else if (c->missing)
        add(e, arena_printf(e->a, _(c->missing_why), ast_to_text(e->a, c->missing)));
    else
        add(e, arena_printf(e->a, _("%s cannot be judged"), ast_to_text(e->a, expr)));
}

/* What `fill` writes into a buffer, as a string (in e's arena). */
static const char *text_of(Expl *e, EvalCtx *c, const Node *n, void (*fill)(SBuf *, EvalCtx *, const Node *))
{
    SBuf b = sb_new(e->a);
    fill(&b, c, n);
    return sb_str(&b);
}

/* Whether `n` reads the variable `var` (a path `var` or `var.field`). */
static AstStep mentions_step(const Node *n, void *ctx)
{
    const char *var = ctx;
    size_t vl = strlen(var);
    if (n->kind == N_PATH && strncmp(n->u.path, var, vl) == 0 && (n->u.path[vl] == '\0' || n->u.path[vl] == '.'))
        return AST_STOP;
    return AST_NEXT;
}

static bool mentions(const Node *n, const char *var)
{
    return ast_walk(n, mentions_step, (void *)var);
}

/* A list's items without brackets: "a, b, c". */
static const char *items_text(Expl *e, const RVal *l)
{
    SBuf b = sb_new(e->a);
    for (int i = 0; i < l->n; i++) {
        RVal x = eval_list_at(l, i);
        if (i)
            sb_put(&b, ", ", 2);
        eval_write(&b, &x);
    }
    return sb_str(&b);
}

/* What a list in the course holds and what a rule looked for in it, in a
 * coordinator's words: "principles lists practice_oriented; missing:
 * network". `list` is the expression as written, `missing` the values. */
static void add_missing_from(Expl *e, const Node *list, const RVal *have, const char *missing)
{
    const char *name = ast_to_text(e->a, list);
    if (have->n == 0)
        /* TRANSLATORS: a list the course declares empty, and the values a rule looked for in it */
        add(e, arena_printf(e->a, _("%s lists nothing; missing: %s"), name, missing));
    else
        /* TRANSLATORS: a list the course declares, its values, and those a rule looked for in vain */
        add(e, arena_printf(e->a, _("%s lists %s; missing: %s"), name, items_text(e, have), missing));
}

/* `all v in L: v in M`, with M a list that does not depend on v: the
 * elements of L that M lacks, in one line (add_missing_from). False when the
 * body has another shape. */
static bool explain_all_in(EvalCtx *c, Expl *e, const Node *n, const RVal *l)
{
    const Node *body = n->u.quant.body;
    if (body->kind != N_BIN || body->u.bin.op != OP_IN || body->u.bin.l->kind != N_PATH ||
        strcmp(body->u.bin.l->u.path, n->u.quant.var) != 0 || literal(body->u.bin.r))
        return false;
    RVal m = eval(c, body->u.bin.r);
    if (m.k != RV_LIST)
        return false;
    SBuf miss = sb_new(e->a);
    int nmiss = 0;
    for (int i = 0; i < l->n; i++) {
        RVal x = eval_list_at(l, i);
        if (!eval_push(c, x))
            return false;
        RVal p = eval(c, body);
        eval_pop(c);
        if (p.k == RV_BOOL && !p.u.b) {
            if (nmiss++)
                sb_put(&miss, ", ", 2);
            eval_write(&miss, &x);
        }
    }
    add_missing_from(e, body->u.bin.r, &m, sb_str(&miss));
    return true;
}

/* What made `n` false (or not yes). */
static void explain_false(EvalCtx *c, Expl *e, const Node *n, int depth)
{
    SBuf b = sb_new(e->a);
    if (depth > 8) {
        add(e, arena_printf(e->a, _("%s is no"), ast_to_text(e->a, n)));
        return;
    }
    switch (n->kind) {
    case N_BIN: {
        BinOp op = n->u.bin.op;
        if (op == OP_AND) {
            for (int side = 0; side < 2; side++) {
                const Node *s = side ? n->u.bin.r : n->u.bin.l;
                RVal v = eval(c, s);
                if (v.k == RV_BOOL && !v.u.b)
                    explain_false(c, e, s, depth + 1);
            }
            return;
        }
        if (op == OP_OR) {
            explain_false(c, e, n->u.bin.l, depth + 1);
            explain_false(c, e, n->u.bin.r, depth + 1);
            return;
        }
        const Node *r = n->u.bin.r;
        const char *left = text_of(e, c, n->u.bin.l, put_named), *rv = text_of(e, c, r, put_value);
        if (op == OP_IN && !literal(r)) {
            /* network in principles: "principles lists ...; missing: network" */
            RVal have = eval(c, r);
            if (have.k == RV_LIST) {
                /* A written-out value as the author wrote it (`netværk`, not `network`). */
                const Node *l = n->u.bin.l;
                add_missing_from(e, r, &have, literal(l) ? ast_to_text(e->a, l) : text_of(e, c, l, put_value));
                return;
            }
        }
        if (op == OP_IN) {
            /* x = 3, not in 4..8 / not in group_size = 4..8 */
            if (!literal(r))
                rv = arena_printf(e->a, "%s = %s", ast_to_text(e->a, r), rv);
            add(e, arena_printf(e->a, _("%s, not in %s"), left, rv));
        } else if (literal(r)) {
            /* count(...) = 0, needs >= 1 */
            add(e, arena_printf(e->a, _("%s, needs %s %s"), left, ast_binop_text(op), rv));
        } else {
            /* 13 * 2 * 3h = 78h, but hours = 80h (needs ==) */
            add(e, arena_printf(e->a, _("%s, but %s = %s (needs %s)"), left, ast_to_text(e->a, r), rv,
                                ast_binop_text(op)));
        }
        return;
    }
    case N_NOT:
        add(e, arena_printf(e->a, _("%s is yes"), ast_to_text(e->a, n->u.operand)));
        return;
    case N_QUANT: {
        RVal l = eval(c, n->u.quant.list);
        if (l.k != RV_LIST)
            return;
        const Node *body = n->u.quant.body;
        if (!n->u.quant.all && body->kind == N_BIN && body->u.bin.op == OP_IN && body->u.bin.r->kind == N_PATH) {
            /* any m in module: g in m.covers -> "no module lists recovery.hope in covers" */
            const char *rp = body->u.bin.r->u.path, *var = n->u.quant.var;
            size_t vl = strlen(var);
            if (l.n > 0 && strncmp(rp, var, vl) == 0 && rp[vl] == '.' && !strchr(rp + vl + 1, '.') &&
                !mentions(body->u.bin.l, var)) {
                /* The body's paths are resolved inside the quantifier's
                 * scope: the value is read with an element pushed. */
                if (!eval_push(c, eval_list_at(&l, 0)))
                    return;
                const char *what = text_of(e, c, body->u.bin.l, put_value);
                eval_pop(c);
                /* TRANSLATORS: "no module lists recovery.hope in covers": the list, the value, the field */
                add(e, arena_printf(e->a, _("no %s lists %s in %s"), ast_to_text(e->a, n->u.quant.list), what,
                                    rp + vl + 1));
                return;
            }
        }
        if (!n->u.quant.all) {
            /* TRANSLATORS: "no g in goals = [a, b] has g.covered": the variable, the list, its value, the condition */
            add(e, arena_printf(e->a, _("no %s in %s = %s has %s"), n->u.quant.var, ast_to_text(e->a, n->u.quant.list),
                                eval_show(e->a, &l), ast_to_text(e->a, n->u.quant.body)));
            return;
        }
        if (explain_all_in(c, e, n, &l))
            return;
        /* not true for 2 of 12: recovery.hope, role.tools */
        SBuf bad = sb_new(e->a);
        int nbad = 0;
        RVal *shown = arena_array(e->a, 13, sizeof *shown);
        for (int i = 0; i < l.n; i++) {
            RVal x = eval_list_at(&l, i);
            if (!eval_push(c, x))
                return;
            RVal p = eval(c, n->u.quant.body);
            eval_pop(c);
            if (p.k == RV_BOOL && !p.u.b) {
                if (nbad && nbad < 12)
                    sb_put(&bad, ", ", 2);
                if (nbad < 12) {
                    eval_write(&bad, &x);
                    shown[nbad] = x;
                }
                nbad++;
            }
        }
        if (nbad > 12)
            sb_puts(&bad, ", ...");
        /* TRANSLATORS: "not true for 2 of 12: recovery.hope, role.tools" */
        add(e, arena_printf(e->a, _("not true for %d of %d: %s"), nbad, l.n, sb_str(&bad)));
        /* Each element it is not true for, with the values that decided:
         * every one of them is a reason (a week's own hours, a target's own
         * days), not only the first. Up to the explanation's line limit. */
        for (int k = 0; k < nbad && k < 12 && e->n < EXPL_MAX; k++) {
            if (!eval_push(c, shown[k]))
                return;
            Expl sub = {e->a, NULL, 0};
            explain_false(c, &sub, n->u.quant.body, depth + 1);
            eval_pop(c);
            for (int i = 0; i < sub.n; i++) {
                /* g = recovery.hope: ... */
                SBuf line = sb_new(e->a);
                sb_puts(&line, n->u.quant.var);
                sb_puts(&line, " = ");
                eval_write(&line, &shown[k]);
                sb_puts(&line, ": ");
                sb_puts(&line, sub.lines[i]);
                add(e, sb_str(&line));
            }
        }
        return;
    }
    case N_IF: {
        RVal k = eval(c, n->u.cond.c);
        if (k.k == RV_BOOL)
            explain_false(c, e, k.u.b ? n->u.cond.t : n->u.cond.e, depth + 1);
        return;
    }
    case N_CALL:
        if (n->u.call.fn == FN_DEFINED && n->u.call.args.n == 1) {
            add(e, arena_printf(e->a, _("%s is not declared"), ast_to_text(e->a, n->u.call.args.items[0])));
            return;
        }
        break;
    default:
        break;
    }
    ast_write(&b, n);
    sb_puts(&b, " = ");
    put_value(&b, c, n);
    add(e, sb_str(&b));
}

/* The course entry a rule is about: the first course field its condition
 * reads that the course declares. A `where` predicate reads the elements'
 * fields, not the course's, and an `else` branch is not what a failure is
 * about: both are left out. The fields a condition reads are listed once
 * per rule, in the order they are looked at (Places, in its RuleInfo);
 * for a course, the first it declares is the place. */
typedef struct Places {
    Arena *a;
    int *field; /* index of the course's field each path starts with */
    int n;
} Places;

static AstStep place_step(const Node *n, void *ctx)
{
    Places *w = ctx;
    switch (n->kind) {
    case N_PATH: {
        const PathRes *r = n->res;
        if (r && r->kind == R_CTX && r->nchain > 0) {
            w->field = arena_push(w->a, w->field, (size_t)w->n, sizeof *w->field);
            w->field[w->n++] = r->chain[0]->index;
        }
        return AST_NEXT;
    }
    case N_WHERE: ast_walk(n->u.where.list, place_step, w); return AST_SKIP;
    case N_IF:
        ast_walk(n->u.cond.c, place_step, w);
        ast_walk(n->u.cond.t, place_step, w);
        return AST_SKIP;
    case N_SET: return AST_SKIP;
    default: return AST_NEXT;
    }
}

static Places places_of(Arena *prog_arena, const Value *v)
{
    Places w = {prog_arena, NULL, 0};
    if (v && v->k == V_EXPR)
        ast_walk(v->u.expr, place_step, &w);
    return w;
}

static void find_where(const Places *w, Block *course, Span *out)
{
    for (int i = 0; i < w->n; i++) {
        const Value *v = course->vals[w->field[i]];
        if (v && !v->is_default) {
            *out = v->span;
            return;
        }
    }
}

/* A message with nothing to fill in, as it reads; NULL when it has. */
static const char *fixed_message(const Value *msg)
{
    if (!msg || msg->k != V_EXPR)
        return "";
    const Node *s = msg->u.expr;
    const Template *t = s->res;
    if (!t)
        return s->u.str.s;
    if (t->n == 1 && t->parts[0].text)
        return t->parts[0].text;
    return NULL;
}

static const char *fill_message(EvalCtx *c, Arena *a, const Value *msg)
{
    const char *fixed = fixed_message(msg);
    if (fixed)
        return fixed;
    const Template *t = msg->u.expr->res;
    SBuf b = sb_new(a);
    for (int i = 0; i < t->n; i++) {
        if (t->parts[i].text) {
            sb_puts(&b, t->parts[i].text);
        } else {
            RVal v = eval(c, t->parts[i].expr);
            if (v.k == RV_STR) /* text is filled in as it is, without quotes */
                sb_puts(&b, v.u.s);
            else
                eval_write(&b, &v);
        }
    }
    return sb_str(&b);
}

static Severity severity_of(const Block *rule)
{
    Value *v = model_get(rule, "severity");
    if (v && v->k == V_ENUM) {
        const char *m = v->u.en.enm->members[v->u.en.idx].name;
        if (strcmp(m, "error") == 0)
            return SEV_ERROR;
        if (strcmp(m, "warning") == 0)
            return SEV_WARNING;
    }
    return SEV_ADVICE;
}

/* A rule's parts, looked up by name once per rule rather than per course.
 * What judge reads for every course first, in the first 64 bytes, and a
 * framework's rules' infos side by side (fw_info): judge read the rule's
 * block (its info, top and id), the list's value for each rule, `when`'s
 * and `require`'s values, each a line cold for every course (the course's
 * parse pushes the program out of L1). */
typedef struct RuleInfo {
    Block *rule;
    Block *top;         /* rule->top */
    const char *id;     /* rule->id, once rule_id has made it */
    const Node *when_expr; /* `when`'s expression; NULL: none */
    const Node **require_expr; /* each `require`'s expression by its index; NULL: not one */
    int nrequire;       /* -1: `require` is not a list (nothing to judge) */
    Severity severity;
    const char *cite;
    const char *fixed;  /* the message when it has nothing to fill in, else NULL */
    Value *when, *require, *message;
    const char *fixed_shown; /* ... as text output shows it (esc_text): escaped once, not per line */
    const char *id_shown;    /* the rule's id so shown, made with the id (rule_id) */
    Places when_at;     /* the fields `when` reads (find_where) */
    Places *require_at; /* ... and each `require`, by its index */
} RuleInfo;

/* Made in *ri when not NULL (fw_info: a framework's side by side), else in
 * the arena. */
static const RuleInfo *rule_info_make(Arena *prog_arena, Block *rule, RuleInfo *ri)
{
    if (!ri)
        ri = arena_alloc(prog_arena, sizeof *ri);
    ri->rule = rule;
    ri->top = rule->top;
    ri->id = rule->id;
    ri->severity = severity_of(rule);
    Value *cite = model_get(rule, "cite");
    ri->cite = cite && cite->k == V_STRING ? cite->u.s : "";
    ri->when = model_get(rule, "when");
    ri->require = model_get(rule, "require");
    ri->message = model_get(rule, "message");
    ri->fixed = fixed_message(ri->message);
    ri->fixed_shown = esc_text(prog_arena, ri->fixed);
    ri->when_at = places_of(prog_arena, ri->when);
    int nreq = ri->require && ri->require->k == V_LIST ? ri->require->u.list.n : 0;
    ri->require_at = arena_array(prog_arena, (size_t)nreq + 1, sizeof *ri->require_at);
    for (int i = 0; i < nreq; i++)
        ri->require_at[i] = places_of(prog_arena, ri->require->u.list.items[i]);
    ri->when_expr = ri->when && ri->when->k == V_EXPR ? ri->when->u.expr : NULL;
    ri->nrequire = ri->require && ri->require->k == V_LIST ? nreq : -1;
    ri->require_expr = arena_array(prog_arena, (size_t)nreq + 1, sizeof *ri->require_expr);
    for (int i = 0; i < nreq; i++) {
        const Value *q = ri->require->u.list.items[i];
        ri->require_expr[i] = q->k == V_EXPR ? q->u.expr : NULL;
    }
    rule->rule_info = ri;
    return ri;
}

/* Inline: asked for every rule of every course, made once. */
static inline const RuleInfo *rule_info(Arena *prog_arena, Block *rule)
{
    return rule->rule_info ? rule->rule_info : rule_info_make(prog_arena, rule, NULL);
}

const char *rules_message_shown(const RuleResult *r)
{
    const RuleInfo *ri = r->rule ? r->rule->rule_info : NULL;
    return ri && r->message && r->message == ri->fixed ? ri->fixed_shown : NULL;
}

const char *rules_id_shown(const RuleResult *r)
{
    const RuleInfo *ri = r->rule ? r->rule->rule_info : NULL;
    return ri && r->id && r->id == r->rule->id ? ri->id_shown : NULL;
}

/* In the program's arena: computed once per rule, not per course. */
static void rule_id(Arena *prog_arena, Block *rule, const Block *decl_fw)
{
    if (!rule->id) {
        rule->id = arena_printf(prog_arena, "%s.%s", decl_fw->name, rule->name);
        RuleInfo *ri = rule->rule_info; /* made before the id (judge, rules_prepare) */
        ri->id = rule->id;
        ri->id_shown = esc_text(prog_arena, rule->id);
    }
}

/* Judges one rule. What evaluating it needs (a `where`'s selection, a
 * set) is given back before the message is filled in when the rule passes
 * or does not apply: a course that passes leaves only its results and
 * messages in the arena, however many lists its rules went through. */
static void judge(Arena *prog_arena, EvalCtx *c, Block *course, Block *fw, const RuleInfo *ri, Detail detail, Arena *a,
                  RuleResult *r)
{
    bool explain = detail == DETAIL_FULL, message = detail != DETAIL_STATUSES;
    Block *decl_fw = ri->top ? ri->top : fw;
    eval_init(c, a, course, decl_fw);
    if (!ri->id)
        rule_id(prog_arena, ri->rule, decl_fw);
    /* Every field written once (the caller does not clear it first). */
    *r = (RuleResult){.id = ri->id, .rule = ri->rule, .framework = decl_fw, .severity = ri->severity,
                      .cite = ri->cite, .where = course->name_span};
    ArenaMark mark = arena_mark(a);
    Expl e = {a, NULL, 0};

    const Node *when = ri->when_expr;
    if (when) {
        RVal w = eval(c, when);
        if (w.k == RV_BOOL && !w.u.b) {
            r->status = ST_NA;
            arena_release(a, mark);
            r->message = !message ? NULL : ri->fixed ? ri->fixed : fill_message(c, a, ri->message);
            return;
        }
        if (w.k != RV_BOOL) {
            r->status = ST_UNKNOWN;
            if (c->missing && explain)
                add_unknown(&e, c, when);
            find_where(&ri->when_at, course, &r->where);
        }
    }
    if (r->status != ST_UNKNOWN && ri->nrequire >= 0) {
        r->status = ST_PASS;
        for (int i = 0; i < ri->nrequire; i++) {
            const Node *q = ri->require_expr[i];
            if (!q)
                continue;
            c->missing = NULL;
            RVal v = eval(c, q);
            if (v.k == RV_BOOL && v.u.b)
                continue;
            find_where(&ri->require_at[i], course, &r->where);
            if (v.k == RV_BOOL) {
                r->status = ST_FAIL;
                e.n = 0;
                if (explain)
                    explain_false(c, &e, q, 0);
                break;
            }
            if (r->status == ST_PASS) {
                r->status = ST_UNKNOWN;
                if (explain)
                    add_unknown(&e, c, q);
                /* The module that lacks the field, not the first entry read. */
                if (c->missing && c->missing_in)
                    r->where = c->missing_in->name_span;
            }
        }
    }
    /* (Most rules that pass made nothing to give back: a release is then
     * skipped, asked by the bytes handed out, which only grow.) */
    if (r->status == ST_PASS && arena_used(a) != mark.total)
        arena_release(a, mark);
    r->message = !message ? NULL : ri->fixed ? ri->fixed : fill_message(c, a, ri->message);
    r->explain = e.lines;
    r->nexplain = e.n;
}

/* A framework's parts, looked up once (kept in its rule_info, as a rule's
 * parts are in the rule's): its rules, the kind they judge, and the
 * framework at the far end of its `extends` chain. A framework lists the
 * rules it inherits as the same blocks (build.c, merge_fields), so two
 * frameworks can list one rule only when they share that root: for others
 * the search for a rule judged already can be skipped. */
typedef struct FwInfo {
    Value *rules;       /* its `rule` list; NULL: none */
    const RuleInfo **infos; /* each rule's info, by its index (NULL: not a block) */
    int nrules;         /* rules->u.list.n; 0: none */
    Schema *kind;       /* rules_subject_kind */
    const Block *root;
    bool repeats;       /* its own list names a rule twice */
} FwInfo;

static const FwInfo *fw_info(Arena *prog_arena, Block *fw)
{
    if (!fw->rule_info) {
        FwInfo *fi = arena_alloc(prog_arena, sizeof *fi);
        Value *rules = model_get(fw, "rule");
        fi->rules = rules && rules->k == V_LIST ? rules : NULL;
        fi->nrules = fi->rules ? fi->rules->u.list.n : 0;
        /* The rules' infos made here side by side, where judge made each
         * when first asked, among the strings and places it made. */
        fi->infos = arena_array(prog_arena, (size_t)fi->nrules + 1, sizeof *fi->infos);
        RuleInfo *room = arena_array(prog_arena, (size_t)fi->nrules + 1, sizeof *room);
        for (int i = 0; i < fi->nrules; i++) {
            const Value *v = fi->rules->u.list.items[i];
            if (v->k == V_BLOCK)
                fi->infos[i] = v->u.block->rule_info ? v->u.block->rule_info
                                                     : rule_info_make(prog_arena, v->u.block, &room[i]);
        }
        fi->kind = rules_subject_kind(fw);
        const Block *root = fw;
        for (int depth = 0; root->base && depth < 1000; depth++) /* a cycle is reported, and cut, elsewhere */
            root = root->base;
        fi->root = root;
        for (int i = 0; fi->rules && i < fi->rules->u.list.n && !fi->repeats; i++)
            for (int k = 0; k < i && !fi->repeats; k++)
                fi->repeats = fi->rules->u.list.items[i]->u.block == fi->rules->u.list.items[k]->u.block;
        fw->rule_info = fi;
    }
    return fw->rule_info;
}

static bool has_fw(CourseReport *out, Block *fw)
{
    for (int i = 0; i < out->nframeworks; i++)
        if (out->frameworks[i] == fw)
            return true;
    return false;
}

static void add_fw(Arena *a, CourseReport *out, Block *fw)
{
    if (!fw || has_fw(out, fw))
        return;
    out->frameworks = arena_push(a, out->frameworks, (size_t)out->nframeworks, sizeof *out->frameworks);
    out->frameworks[out->nframeworks++] = fw;
}

Schema *rules_subject_kind(const Block *fw)
{
    const Field *rf = model_field(fw->schema, "rule");
    if (!rf || rf->type->k != TY_BLOCK || !rf->type->schema)
        return NULL;
    const Field *req = model_field(rf->type->schema, "require");
    return req && req->type->k == TY_PRED ? req->type->ctx : NULL;
}

/* The frameworks marked `always`, found once per program: scanning every
 * declaration per course would make checking a file quadratic. */
static void find_always(Program *p)
{
    if (p->always_known)
        return;
    p->always_known = true;
    for (int i = 0; i < p->ndecls; i++) {
        Value *al = model_get(p->decls[i], "always");
        if (al && al->k == V_BOOL && al->u.b) {
            p->always = arena_push(p->arena, p->always, (size_t)p->nalways, sizeof *p->always);
            p->always[p->nalways++] = p->decls[i];
        }
    }
}

void rules_prepare(Program *p)
{
    find_always(p);
    /* Every framework and every rule of it, as check() and judge() fill
     * them in. */
    for (int i = 0; i < p->ndecls; i++) {
        if (!model_field(p->decls[i]->schema, "rule"))
            continue;
        Value *rules = fw_info(p->arena, p->decls[i])->rules;
        if (!rules)
            continue;
        for (int k = 0; k < rules->u.list.n; k++) {
            if (rules->u.list.items[k]->k != V_BLOCK)
                continue;
            Block *rule = rules->u.list.items[k]->u.block;
            (void)rule_info(p->arena, rule);
            rule_id(p->arena, rule, rule->top ? rule->top : p->decls[i]);
        }
    }
}

/* x is reported before y within a framework: by status, failures by
 * severity. */
static bool ranks_before(const RuleResult *x, const RuleResult *y)
{
    return y->status > x->status || (y->status == x->status && x->status == ST_FAIL && y->severity > x->severity);
}

static void check(Program *p, Block *course, Detail detail, Arena *a, CourseReport *out)
{
    memset(out, 0, sizeof *out);
    out->course = course;
    Value *conf = model_get(course, "conforms");
    if (conf && conf->k == V_LIST)
        for (int i = 0; i < conf->u.list.n; i++)
            if (conf->u.list.items[i]->k == V_REF)
                add_fw(a, out, conf->u.list.items[i]->u.ref);
    find_always(p);
    /* An `always` framework judges every block of the kind its rules are
     * on: the consistency rules every course, the schedule's checks every
     * placement. */
    for (int i = 0; i < p->nalways; i++)
        if (fw_info(p->arena, p->always[i])->kind == course->schema)
            add_fw(a, out, p->always[i]);
    /* Each rule once, even when frameworks extend one another. The arrays
     * are sized once for every rule of the frameworks: growing them a rule
     * at a time copied them a dozen times per course. */
    int total = 0;
    for (int f = 0; f < out->nframeworks; f++) {
        const FwInfo *fi = fw_info(p->arena, out->frameworks[f]);
        total += fi->nrules;
    }
    /* Not zeroed: seen is read below nseen, a result below out->n, and
     * judge writes every field of a result (arena_array_raw). */
    Block **seen = arena_array_raw(a, (size_t)total + 1, sizeof *seen);
    out->results = arena_array_raw(a, (size_t)total + 1, sizeof *out->results);
    int nseen = 0;
    EvalCtx ec; /* one for every rule: its scope stack is 4 KB */
    for (int f = 0; f < out->nframeworks; f++) {
        Block *fw = out->frameworks[f];
        const FwInfo *fi = fw_info(p->arena, fw);
        if (!fi->nrules)
            continue;
        /* Only a framework related to one judged before (or one that lists
         * a rule twice) can bring a rule judged already. */
        bool related = fi->repeats;
        for (int k = 0; k < f && !related; k++)
            related = fw_info(p->arena, out->frameworks[k])->root == fi->root;
        int start = out->n;
        for (int i = 0; i < fi->nrules; i++) {
            const RuleInfo *ri = fi->infos[i];
            if (!ri)
                continue; /* not a block: reported when it was built */
            Block *rule = ri->rule;
            bool dup = false;
            for (int k = 0; related && k < nseen; k++)
                dup = dup || seen[k] == rule;
            if (dup)
                continue;
            seen[nseen++] = rule;
            RuleResult *r = &out->results[out->n++];
            judge(p->arena, &ec, course, fw, ri, detail, a, r);
            if (r->status == ST_FAIL)
                out->failed[r->severity]++;
            else if (r->status == ST_UNKNOWN) {
                out->unknown++;
                out->unknown_by[r->severity]++;
            }
        }
        /* Failures first (by severity), then unknown, pass, n/a; stable. A
         * result already in place is not copied out and back. */
        for (int i = start + 1; i < out->n; i++) {
            if (!ranks_before(&out->results[i], &out->results[i - 1]))
                continue;
            RuleResult x = out->results[i];
            int j = i - 1;
            while (j >= start && ranks_before(&x, &out->results[j])) {
                out->results[j + 1] = out->results[j];
                j--;
            }
            out->results[j + 1] = x;
        }
    }
    /* Report by the framework that declares each rule (a framework that
     * extends another brings the other's rules under the other's name). */
    Block **decl = NULL;
    int ndecl = 0;
    for (int i = 0; i < out->n; i++) {
        /* A framework's results are together: most share the last one's. */
        if (i > 0 && out->results[i].framework == out->results[i - 1].framework)
            continue;
        bool have = false;
        for (int k = 0; k < ndecl; k++)
            have = have || decl[k] == out->results[i].framework;
        if (!have) {
            decl = arena_push(a, decl, (size_t)ndecl, sizeof *decl);
            decl[ndecl++] = out->results[i].framework;
        }
    }
    out->frameworks = decl;
    out->nframeworks = ndecl;
}

void rules_check(Program *p, Block *course, Arena *a, CourseReport *out)
{
    check(p, course, DETAIL_FULL, a, out);
}

void rules_check_messages(Program *p, Block *course, Arena *a, CourseReport *out)
{
    check(p, course, DETAIL_MESSAGES, a, out);
}

void rules_check_statuses(Program *p, Block *course, Arena *a, CourseReport *out)
{
    check(p, course, DETAIL_STATUSES, a, out);
}
