/* fix.c — fix suggestions verified: each candidate (fix_derive.c) written
 * as edits (fix_edit.c), the edited text compiled again and the course
 * judged again; kept only when the rule then passes (fix.h). */
#include "engine/fix.h"
#include "base/i18n.h"
#include "model/batch.h"


#include <string.h>

/* The expression the rule stopped at: an unknown `when`, else the first
 * `require` that does not hold. */
static const Node *failing_expr(EvalCtx *c, const RuleResult *r)
{
    Value *when = model_get(r->rule, "when");
    if (when && when->k == V_EXPR) {
        RVal w = eval(c, when->u.expr);
        if (w.k != RV_BOOL)
            return when->u.expr;
    }
    Value *reqs = model_get(r->rule, "require");
    if (!reqs || reqs->k != V_LIST)
        return NULL;
    for (int i = 0; i < reqs->u.list.n; i++) {
        Value *q = reqs->u.list.items[i];
        if (q->k != V_EXPR)
            continue;
        c->missing = NULL;
        c->missing_in = NULL;
        RVal v = eval(c, q->u.expr);
        if (!(v.k == RV_BOOL && v.u.b))
            return q->u.expr;
    }
    return NULL;
}

/* 1 when the candidate changes the entry the rule's explanation points at
 * (RuleResult.where): among equal candidates, that input first. */
static int singled_out(const FixCand *cand, Span where)
{
    for (int i = 0; i < cand->n; i++) {
        const Value *v = cand->ch[i].blk->vals[cand->ch[i].f->index];
        if (v && v->span.file == where.file && v->span.first_off >= where.first_off &&
            v->span.last_off <= where.last_off)
            return 1;
    }
    return 0;
}

static const RuleResult *result_of(const CourseReport *rep, const char *id)
{
    for (int i = 0; i < rep->n; i++)
        if (strcmp(rep->results[i].id, id) == 0)
            return &rep->results[i];
    return NULL;
}

/* The rules that fail after the edit and did not before, into fx; true
 * when rule `r` now passes. */
static bool judged_again(Program *p, Block *c, const CourseReport *rep, const RuleResult *r, Arena *scratch,
                         Arena *a, Fix *fx)
{
    CourseReport after;
    rules_check_statuses(p, c, scratch, &after); /* statuses are all it reads */
    const RuleResult *now = result_of(&after, r->id);
    bool ok = now && now->status == ST_PASS;
    for (int sev = SEV_ERROR; ok && sev <= SEV_ADVICE; sev++)
        for (int i = 0; i < after.n; i++) {
            const RuleResult *x = &after.results[i];
            if (x->status != ST_FAIL || x->severity != (Severity)sev)
                continue;
            const RuleResult *was = result_of(rep, x->id);
            if (was && was->status == ST_FAIL)
                continue;
            if (!fx->nnewly)
                fx->newly_worst = x->severity;
            fx->newly_failing = arena_push(a, fx->newly_failing, (size_t)fx->nnewly, sizeof *fx->newly_failing);
            fx->newly_failing[fx->nnewly++] = arena_strdup(a, x->id);
        }
    return ok;
}

/* Judges the course in `text` again: false when the file does not compile
 * cleanly or the rule does not pass; else the rules that newly fail. */
static bool verify(const char *path, const char *text, const CompileOptions *opt, const CourseReport *rep,
                   const RuleResult *r, Arena *a, Fix *fx)
{
    SourceSet ss;
    Diags d;
    src_init(&ss);
    diag_init(&d);
    Program *p = compile_text(path, text, opt, &ss, &d);
    bool ok = false;
    const Block *course = rep->course;
    Schema *kind = d.errors ? NULL : model_schema(p, course->schema->name);
    Block *c = kind ? model_decl(p, kind, course->name) : NULL;
    if (c) {
        Arena *scratch = arena_new();
        ok = judged_again(p, c, rep, r, scratch, a, fx);
        arena_free(scratch);
    }
    compile_free(p);
    diag_free(&d);
    src_free(&ss);
    return ok;
}

/* The same for a course that can be built again alone (batch.h) when
 * every edit is inside its declaration: only the course is built again,
 * from `text` (its declaration edited, `len` bytes), against the program
 * as it is. The whole file's compilation would say no more: nothing else in
 * the program reads what the course holds (batch_rebuild_range). */
static bool verify_alone(Program *p, const char *text, size_t len, const CourseReport *rep, const RuleResult *r,
                         Arena *a, Fix *fx)
{
    Arena *scratch = arena_new();
    Diags d;
    diag_init(&d);
    Block *c = batch_rebuild(p, rep->course, text, len, scratch, &d);
    bool ok = c && !d.errors && strcmp(c->name, rep->course->name) == 0 &&
              judged_again(p, c, rep, r, scratch, a, fx);
    diag_free(&d);
    arena_free(scratch);
    return ok;
}

/* What verifying a candidate costs of a budget (fix_course): the bytes
 * built again, one course's (`alone`) or the whole file's; a whole file
 * at least FIX_BUDGET_BYTES / FIX_BUDGET, for its imports are compiled
 * with it. */
static int fix_cost(size_t bytes, bool alone)
{
    size_t least = FIX_BUDGET_BYTES / FIX_BUDGET;
    return alone || bytes + 1 > least ? (int)(bytes + 1) : (int)least;
}

static int suggest(Program *p, SourceSet *ss, const CompileOptions *opt, const CourseReport *rep, const RuleResult *r,
                   Arena *a, Fix **out, int *budget)
{
    *out = NULL;
    if ((r->status != ST_FAIL && r->status != ST_UNKNOWN) || p->main_file < 0 || p->main_file >= ss->n)
        return 0;
    Block *course = rep->course;
    if (course->file != p->main_file)
        return 0;
    EvalCtx c;
    eval_init(&c, a, course, r->framework);
    const Node *expr = failing_expr(&c, r);
    if (!expr)
        return 0;
    FixCands cands = {a, NULL, 0};
    fix_derive(&c, expr, r->status == ST_UNKNOWN, &cands);
    const Source *src = ss->files[p->main_file];
    Fix *fixes = arena_array(a, (size_t)cands.n + 1, sizeof *fixes);
    int *score = arena_array(a, (size_t)cands.n + 1, sizeof *score);
    const char **texts = arena_array(a, (size_t)cands.n + 1, sizeof *texts);
    bool *inner = arena_array(a, (size_t)cands.n + 1, sizeof *inner); /* texts[k] is a course's alone */
    /* A course nothing else reads is built again alone (batch.h). */
    size_t off = 0, end = 0;
    bool alone = batch_rebuild_range(p, course, &off, &end);
    int n = 0;
    for (int i = 0; i < cands.n && (!budget || *budget > 0); i++) {
        Fix fx;
        memset(&fx, 0, sizeof fx);
        if (!fix_edits(a, ss, p->main_file, course, &cands.c[i], &fx))
            continue;
        /* Inside a course built alone: its text edited, not the file's. */
        size_t tlen = 0;
        char *text = alone ? fix_apply_within(a, src->text, off, end, &fx, &tlen) : NULL;
        bool inside = text != NULL;
        if (!inside)
            text = fix_apply(a, src->text, src->len, &fx);
        bool seen = !text;
        for (int k = 0; k < n && !seen; k++)
            seen = inner[k] == inside && strcmp(texts[k], text) == 0;
        if (seen)
            continue;
        if (budget)
            *budget -= fix_cost(inside ? end - off : src->len, inside);
        if (inside ? !verify_alone(p, text, tlen, rep, r, a, &fx) : !verify(src->path, text, opt, rep, r, a, &fx))
            continue;
        if (fx.nnewly) {
            SBuf ids = sb_new(a);
            for (int k = 0; k < fx.nnewly; k++) {
                if (k)
                    sb_put(&ids, ", ", 2);
                sb_puts(&ids, fx.newly_failing[k]);
            }
            /* TRANSLATORS: a fix, then the rules it makes fail: "set theory.weeks to 13 (then consistency.weekly_load fails)" */
            fx.title = arena_printf(a, P_("%s (then %s fails)", "%s (then %s fail)", (unsigned long)fx.nnewly), fx.title,
                                    sb_str(&ids));
        }
        /* Clean first, then the candidate's own rank, then as derived. */
        int sc = (fx.nnewly ? (fx.newly_worst == SEV_ERROR ? -3000 : -2000 + (int)fx.newly_worst * 10) : 0) +
                 cands.c[i].score + singled_out(&cands.c[i], r->where);
        int j = n++;
        while (j > 0 && score[j - 1] < sc) {
            fixes[j] = fixes[j - 1];
            score[j] = score[j - 1];
            texts[j] = texts[j - 1];
            inner[j] = inner[j - 1];
            j--;
        }
        fixes[j] = fx;
        score[j] = sc;
        texts[j] = text;
        inner[j] = inside;
    }
    if (n > FIX_MAX_FIXES)
        n = FIX_MAX_FIXES;
    *out = fixes;
    return n;
}

int fix_suggest(Program *p, SourceSet *ss, const CompileOptions *opt, const CourseReport *rep, const RuleResult *r,
                Arena *a, Fix **out)
{
    return suggest(p, ss, opt, rep, r, a, out, NULL);
}

void fix_course(Program *p, SourceSet *ss, const CompileOptions *opt, CourseReport *rep, Arena *a, int *budget)
{
    rep->fixes = arena_array(a, (size_t)rep->n + 1, sizeof *rep->fixes);
    rep->nfixes = arena_array(a, (size_t)rep->n + 1, sizeof *rep->nfixes);
    /* A spent budget derives nothing more: no candidate could be verified
     * (a file over FIX_MAX_BYTES starts with none). */
    for (int i = 0; i < rep->n && (!budget || *budget > 0); i++)
        rep->nfixes[i] = suggest(p, ss, opt, rep, &rep->results[i], a, &rep->fixes[i], budget);
}
