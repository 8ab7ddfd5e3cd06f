/* batch.c — one declaration at a time (see batch.h). */
#include "model/batch.h"
#include "base/hot.h"
#include "base/i18n.h"
#include "model/build.h"
#include "model/compile.h"
#include "model/load.h"
#include "front/parse.h"
#include "front/skim.h"
#include "model/typecheck.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct Batch {
    Skim skim;
    int file;     /* the main file's source index */
    Block **kept; /* per item: its block when built with the program */
    bool stopped; /* the parse of the rest gave up: as with a whole file, nothing after it is read */
};

static void release(void *src, size_t done)
{
    src_release(src, done);
}

/* The last of n records (`stride` bytes apart, each starting with its
 * size_t offset, as SkimItem and SkimRest do) at or before `off`, or -1. */
static int last_at(const void *base, size_t stride, int n, size_t off)
{
    int lo = 0, hi = n - 1, at = -1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        size_t o;
        memcpy(&o, (const char *)base + (size_t)mid * stride, sizeof o);
        if (o <= off) {
            at = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return at;
}

/* The batch file's places are counted from the nearest item or stretch
 * the skim found (SrcMarkFn): at most one course is read for a place, and
 * no index of the file's lines is built. Only reads: safe in the workers. */
static bool batch_mark(const void *ctx, size_t off, SrcMark *m)
{
    const Skim *s = ctx;
    int i = last_at(s->items, sizeof *s->items, s->n, off);
    int r = last_at(s->rest, sizeof *s->rest, s->nrest, off);
    if (i >= 0 && (r < 0 || s->items[i].off > s->rest[r].off))
        *m = (SrcMark){s->items[i].off, s->items[i].line, s->items[i].col};
    else if (r >= 0)
        *m = (SrcMark){s->rest[r].off, s->rest[r].line, s->rest[r].col};
    return i >= 0 || r >= 0;
}

static File *batch_split(Program *p, int src, ParseKinds *kinds)
{
    Source *s = p->sources->files[src];
    struct Batch *b = arena_alloc(p->arena, sizeof *b);
    if (!skim_layout(s->text, s->len, p->batch_kind, release, s, &b->skim) || b->skim.n == 0) {
        if (s->len > p->max_bytes) {
            /* Too large to hold as one syntax tree: say where the layout broke. */
            Span at = b->skim.plain ? span_at(src, 0, 0) : span_at(src, b->skim.stop, b->skim.stop + 1);
            diag_error(p->diags, at, _("this file is larger than %zu MiB, so it is read %s by %s, but %s"),
                       p->max_bytes >> 20, p->batch_kind, p->batch_kind,
                       b->skim.plain ? _("it declares none") : _(b->skim.why));
            diag_help(p->diags, _("fix this place, or split the file into files under %zu MiB"), p->max_bytes >> 20);
            skim_free(&b->skim);
            File *f = arena_alloc(p->arena, sizeof *f);
            f->source = src;
            return f;
        }
        skim_free(&b->skim);
        return parse_file_kinds(p->arena, p->diags, p->sources, src, kinds);
    }
    b->file = src;
    p->batch = b;
    src_set_marks(s, batch_mark, &b->skim);
    File *f = arena_alloc(p->arena, sizeof *f);
    f->source = src;
    for (int i = 0; i < b->skim.nrest; i++) {
        SkimRest *r = &b->skim.rest[i];
        File *g = parse_range(p->arena, p->diags, p->sources, src, r->off, r->end - r->off, kinds);
        for (int k = 0; k < g->n; k++)
            ast_push_decl(p->arena, f, g->decls[k]);
        if (g->dropped && f->dropped++ == 0)
            f->kinds_at_drop = g->kinds_at_drop;
        if (g->stopped) {
            b->stopped = true;
            f->stopped = true;
            break;
        }
    }
    return f;
}

/* The items by the hash of their name: an open-addressing table of item
 * indexes (+1; 0 is empty), every item with a name filed, namesakes and
 * collisions one after another in the probe. A course that another
 * declaration names (a schedule's `course`, an `extends`) must be built
 * with the program: each name written anywhere is looked up here and marks
 * what it may name. Looking each name up is linear in the names; sorting
 * them (as before) cost a small check 6% of its instructions. */
typedef struct Named {
    SkimItem *items;
    int *slot;
    size_t mask;
} Named;

static HOT_INLINE size_t named_at(const Named *t, uint64_t h)
{
    return (size_t)(h ^ (h >> 29)) & t->mask;
}

/* Marks kept every item whose name hashes to `h`: a collision only keeps
 * an item more. */
static void keep_named(Named *t, uint64_t h)
{
    for (size_t i = named_at(t, h); t->slot[i]; i = (i + 1) & t->mask)
        if (t->items[t->slot[i] - 1].name_hash == h)
            t->items[t->slot[i] - 1].kept = true;
}

static void keep_written(Named *t, const char *s, size_t n)
{
    keep_named(t, skim_hash(s, n));
}

static void note_node(Named *t, const Node *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case N_PATH: {
        keep_written(t, n->u.path, strlen(n->u.path));
        const char *dot = strchr(n->u.path, '.');
        if (dot)
            keep_written(t, n->u.path, (size_t)(dot - n->u.path));
        break;
    }
    case N_CALL:
        for (int i = 0; i < n->u.call.args.n; i++)
            note_node(t, n->u.call.args.items[i]);
        break;
    case N_BIN: note_node(t, n->u.bin.l); note_node(t, n->u.bin.r); break;
    case N_NOT: note_node(t, n->u.operand); break;
    case N_RANGE: note_node(t, n->u.range.lo); note_node(t, n->u.range.hi); break;
    case N_SET:
        for (int i = 0; i < n->u.set.n; i++)
            note_node(t, n->u.set.items[i]);
        break;
    case N_WHERE: note_node(t, n->u.where.list); note_node(t, n->u.where.pred); break;
    case N_QUANT: note_node(t, n->u.quant.list); note_node(t, n->u.quant.body); break;
    case N_IF: note_node(t, n->u.cond.c); note_node(t, n->u.cond.t); note_node(t, n->u.cond.e); break;
    default: break;
    }
}

static void note_entry(Named *t, const Entry *e)
{
    for (int i = 0; i < e->nvals; i++)
        for (int k = 0; k < e->vals[i].items.n; k++)
            note_node(t, e->vals[i].items.items[k]);
    note_node(t, e->extends);
    for (int i = 0; i < e->body.n; i++)
        note_entry(t, e->body.items[i]);
}

static void batch_keep(Program *p, LoadSet *ls)
{
    struct Batch *b = p->batch;
    if (!b || b->skim.n == 0)
        return;
    File *main = NULL;
    for (int f = 0; f < ls->n && !main; f++)
        if (ls->files[f].source == b->file)
            main = ls->files[f].file;
    if (!main)
        return;
    /* At most half full: a probe ends at an empty slot soon. */
    size_t cap = 16;
    while (cap < 2 * (size_t)b->skim.n)
        cap *= 2;
    Named t = {b->skim.items, calloc(cap, sizeof *t.slot), cap - 1};
    if (!t.slot) { /* no room to tell: every item is kept, as a file without a layout is */
        for (int i = 0; i < b->skim.n; i++)
            b->skim.items[i].kept = true;
    } else {
        for (int i = 0; i < b->skim.n; i++) {
            if (!b->skim.items[i].name_hash)
                continue;
            size_t at = named_at(&t, b->skim.items[i].name_hash);
            while (t.slot[at])
                at = (at + 1) & t.mask;
            t.slot[at] = i + 1;
        }
        /* By hash alone: the items' text is not read again (a mapped batch
         * file stays out of memory). */
        for (int f = 0; f < ls->n; f++) {
            File *file = ls->files[f].file;
            for (int i = 0; i < file->n; i++)
                if (file->decls[i]->kind == DECL_ENTRY)
                    note_entry(&t, file->decls[i]->u.entry);
        }
        for (int i = 0; i < b->skim.n; i++)
            if (b->skim.items[i].ext_hash)
                keep_named(&t, b->skim.items[i].ext_hash);
        free(t.slot);
    }
    for (int i = 0; i < b->skim.n; i++) {
        SkimItem *it = &b->skim.items[i];
        if (!it->kept)
            continue;
        File *g = parse_range(p->arena, p->diags, p->sources, b->file, it->off, it->end - it->off, NULL);
        for (int k = 0; k < g->n; k++)
            ast_push_decl(p->arena, main, g->decls[k]);
    }
}

/* The item that starts at byte `off` of the main file, or -1. */
static int item_at(const struct Batch *b, size_t off)
{
    int at = last_at(b->skim.items, sizeof *b->skim.items, b->skim.n, off);
    return at >= 0 && b->skim.items[at].off == off ? at : -1;
}

void batch_begin(BatchIter *it, Program *p)
{
    memset(it, 0, sizeof *it);
    it->p = p;
    it->kind = p->batch_kind ? model_schema(p, p->batch_kind) : NULL;
    it->arena = arena_new();
    it->base_errors = p->diags->errors;
    sym_init(&it->seen, p->arena);
    struct Batch *b = p->batch;
    if (!b || !it->kind) {
        it->nall = it->kind ? compile_main_decls(p, it->kind->name, &it->all) : 0;
        return;
    }
    /* The kept items' blocks, by where they start. */
    b->kept = arena_array(p->arena, (size_t)b->skim.n + 1, sizeof *b->kept);
    for (int i = 0; i < p->ndecls; i++) {
        Block *d = p->decls[i];
        if (d->file != b->file || d->schema != it->kind)
            continue;
        int at = item_at(b, d->span.first_off);
        if (at >= 0)
            b->kept[at] = d;
        if (at < 0 && d->entry && strcmp(d->entry->key, it->kind->name) != 0) {
            it->aliased = arena_push(p->arena, it->aliased, (size_t)it->naliased, sizeof *it->aliased);
            it->aliased[it->naliased++] = d;
        }
    }
}

/* "declared twice": the item before item `upto` that declared `name`
 * first. Reported in p's diagnostics (a worker's copy, in parallel). */
static void declared_before(Program *p, const BatchIter *it, int upto, Block *blk)
{
    diag_error(p->diags, blk->name_span, _("%s '%s' is declared twice"), it->kind->name, blk->name);
    Block *old = model_decl(p, it->kind, blk->name);
    if (old) {
        diag_note(p->diags, old->name_span, _("first declared here"));
        return;
    }
    if (p->diags->capped)
        return; /* not quoted: no need to search */
    struct Batch *b = p->batch;
    const char *text = p->sources->files[b->file]->text;
    size_t len = strlen(blk->name);
    for (int i = 0; i < upto; i++) {
        SkimItem *x = &b->skim.items[i];
        if (x->name_len != len || memcmp(text + x->name_off, blk->name, len) != 0)
            continue;
        diag_note(p->diags, span_at(b->file, x->name_off, x->name_off + len), _("first declared here"));
        return;
    }
}

static bool taken_before(BatchWorker *w, int i, const char *name);

/* Parses, builds and type-checks the declaration of kind `kind` in bytes
 * [off, off + len) of source `file`, in `arena`, in its own scope, with
 * `p` (the program, or a copy of it). For item `i` of `it`, "declared
 * twice" is checked as well (`w`: a worker's, which cannot see the items
 * before its run in it->seen); without `it` (batch_rebuild), the text must
 * hold exactly one declaration, its kind written as the kind's name or an
 * alias of it (a batch item's is its name: the skim looks for no other). */
static Block *build_range(Program *p, Schema *kind, Arena *arena, int file, size_t off, size_t len, BatchIter *it,
                          int i, BatchWorker *w)
{
    Arena *prog = p->arena;
    p->arena = arena;
    build_enter_scope(p, arena);

    Block *blk = NULL;
    File *f = parse_range(p->arena, p->diags, p->sources, file, off, len, NULL);
    /* One declaration, unless a syntax error split it (already reported). */
    const char *key = f->n > 0 && f->decls[0]->kind == DECL_ENTRY ? f->decls[0]->u.entry->key : NULL;
    if (key && (it || f->n == 1) && (strcmp(key, kind->name) == 0 || (!it && model_schema(p, key) == kind))) {
        Builder B = {p, NULL, NULL, NULL, 0};
        blk = build_toplevel(&B, kind, f->decls[0]->u.entry, file);
        if (blk->name && it) {
            if (model_decl(p, kind, blk->name) ||
                (w ? taken_before(w, i, blk->name) : sym_find(&it->seen, kind, blk->name) != NULL))
                declared_before(p, it, i, blk);
            else if (!w)
                sym_add(&it->seen, kind, arena_strdup(prog, blk->name), NULL);
            else
                sym_add(&w->run->inrun, kind, arena_strdup(w->run->arena, blk->name), NULL);
        }
        build_resolve_refs(&B);
        build_merge_block(&B, blk);
        build_finish_block(&B, blk);
        tc_check_all(&B);
        if (!blk->name)
            blk = NULL;
    }
    p->arena = prog;
    p->in_scope = false;
    return blk;
}

/* Item `i` of the batch (build_range). */
static Block *build_item(BatchIter *it, Program *p, Arena *arena, int i, BatchWorker *w)
{
    SkimItem *x = &p->batch->skim.items[i];
    return build_range(p, it->kind, arena, p->batch->file, x->off, x->end - x->off, it, i, w);
}

Block *batch_next(BatchIter *it)
{
    Program *p = it->p;
    struct Batch *b = p->batch;
    arena_reset(it->arena);
    if (!b || !it->kind) {
        /* Compiled as a whole: as before batches, errors anywhere stop judging. */
        it->clean = p->diags->errors == 0;
        return it->next < it->nall ? it->all[it->next++] : NULL;
    }
    while (it->next < b->skim.n && !b->stopped) {
        SkimItem *x = &b->skim.items[it->next];
        if (it->next_aliased < it->naliased && it->aliased[it->next_aliased]->span.first_off < x->off)
            break; /* a block written in an alias comes first */
        int i = it->next++;
        Source *src = p->sources->files[b->file];
        /* What came before is parsed and judged: give its pages back. */
        if (x->off - it->released >= ((size_t)1 << 20)) {
            src_release(src, x->off);
            it->released = x->off;
        }
        int before = p->diags->errors;
        Block *blk = x->kept ? b->kept[i] : build_item(it, p, it->arena, i, NULL);
        if (!blk)
            continue;
        it->clean = it->base_errors == 0 && p->diags->errors == before;
        return blk;
    }
    if (it->next_aliased < it->naliased && !b->stopped) {
        /* Built with the program, like a kept item. */
        it->clean = it->base_errors == 0;
        return it->aliased[it->next_aliased++];
    }
    return NULL;
}

static const char **batch_item_names(Program *p, const Schema *kind, int *n)
{
    struct Batch *b = p->batch;
    *n = 0;
    if (!b || !p->batch_kind || strcmp(kind->name, p->batch_kind) != 0)
        return NULL;
    const char *text = p->sources->files[b->file]->text;
    const char **out = arena_array(p->arena, (size_t)b->skim.n + 1, sizeof *out);
    for (int i = 0; i < b->skim.n; i++)
        if (!b->skim.items[i].kept && b->skim.items[i].name_len)
            out[(*n)++] = arena_strndup(p->arena, text + b->skim.items[i].name_off, b->skim.items[i].name_len);
    return out;
}

static void batch_free(Program *p)
{
    if (!p->batch)
        return;
    src_set_marks(p->sources->files[p->batch->file], NULL, NULL); /* they were the skim's */
    skim_free(&p->batch->skim);
}

void batch_end(BatchIter *it)
{
    arena_free(it->arena);
    it->arena = NULL;
    free(it->steps);
    free(it->prev_same);
    it->steps = it->prev_same = NULL;
}

/* Parallel judging (check -j): the steps planned once, then items built by
 * workers, each with its own copy of the program. */

typedef struct NameAt {
    uint64_t hash;
    int item;
} NameAt;

static int cmp_name_at(const void *a, const void *b)
{
    const NameAt *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (x->item > y->item) - (x->item < y->item);
}

int batch_plan(BatchIter *it)
{
    Program *p = it->p;
    struct Batch *b = p->batch;
    if (!b || !it->kind)
        return -1;
    int n = b->skim.n;
    it->max_errors = p->diags->max_errors;
    /* As batch_next yields them: an alias's block before the item after it. */
    it->steps = malloc(((size_t)n + (size_t)it->naliased + 1) * sizeof *it->steps);
    it->prev_same = malloc(((size_t)n + 1) * sizeof *it->prev_same);
    NameAt *names = malloc(((size_t)n + 1) * sizeof *names);
    if (!it->steps || !it->prev_same || !names)
        arena_oom();
    int na = 0, next = 0;
    it->nsteps = 0;
    while (next < n && !b->stopped) {
        if (na < it->naliased && it->aliased[na]->span.first_off < b->skim.items[next].off)
            it->steps[it->nsteps++] = -1 - na++;
        else
            it->steps[it->nsteps++] = next++;
    }
    while (na < it->naliased && !b->stopped)
        it->steps[it->nsteps++] = -1 - na++;
    /* For "declared twice" without it->seen: each item's nearest earlier
     * namesake (by the skim's name) among the items built one at a time. */
    int nn = 0;
    for (int i = 0; i < n; i++) {
        it->prev_same[i] = -1;
        if (!b->skim.items[i].kept && b->skim.items[i].name_len)
            names[nn++] = (NameAt){b->skim.items[i].name_hash, i};
    }
    if (nn)
        qsort(names, (size_t)nn, sizeof *names, cmp_name_at);
    const char *text = p->sources->files[b->file]->text;
    for (int k = 1; k < nn; k++) {
        const SkimItem *x = &b->skim.items[names[k].item];
        /* A hash collision of two names: the next earlier one of the hash. */
        for (int e = k - 1; e >= 0 && names[e].hash == names[k].hash; e--) {
            const SkimItem *y = &b->skim.items[names[e].item];
            if (y->name_len == x->name_len && memcmp(text + y->name_off, text + x->name_off, x->name_len) == 0) {
                it->prev_same[names[k].item] = names[e].item;
                break;
            }
        }
    }
    free(names);
    return it->nsteps;
}

void batch_worker_init(BatchWorker *w, BatchIter *it)
{
    memset(w, 0, sizeof *w);
    w->it = it;
    w->prog = *it->p;
    w->keep = arena_new();
    w->arena = arena_new();
    w->scratch = arena_new();
    w->prog.arena = w->keep;
    w->prog.diags = NULL;
}

/* The diagnostics as a run's: past the cap as the program is when it is
 * (then the parser and declared_before act as they would), else without a
 * cap (everything kept, to be handed on under the program's cap). */
static void run_diags(Diags *d, int errors, int max_errors)
{
    diag_init(d);
    d->max_warnings = INT_MAX;
    d->max_errors = max_errors;
    if (errors > d->max_errors) {
        d->errors = errors;
        d->capped = true;
    } else {
        d->max_errors = INT_MAX;
    }
}

void batch_run_begin(BatchWorker *w, BatchRun *r, int errors)
{
    memset(r, 0, sizeof *r);
    run_diags(&r->diags, errors, w->it->max_errors);
    r->errors_from = r->diags.errors;
    r->arena = arena_new();
    sym_init(&r->inrun, r->arena);
    w->run = r;
    w->ordered = false;
    w->prog.diags = &r->diags;
}

void batch_worker_ordered(BatchWorker *w, Diags *d)
{
    w->run = NULL;
    w->ordered = true;
    w->prog.diags = d;
}

/* Does item j, built alone, have the name `name`? Built in scratch space
 * with its diagnostics thrown away: they are item j's worker's to report.
 * A guess (batch_run_hand_on checks it): item j's parse depends on the
 * errors before it, taken to be the run's. */
static bool item_named(BatchWorker *w, int j, const char *name)
{
    BatchIter *it = w->it;
    struct Batch *b = it->p->batch;
    const SkimItem *y = &b->skim.items[j];
    Diags d;
    run_diags(&d, w->run->errors_from, it->max_errors);
    arena_reset(w->scratch);
    Program q = w->prog;
    q.arena = w->scratch;
    q.diags = &d;
    build_enter_scope(&q, w->scratch);
    bool named = false;
    File *f = parse_range(q.arena, &d, q.sources, b->file, y->off, y->end - y->off, NULL);
    if (f->n > 0 && f->decls[0]->kind == DECL_ENTRY && strcmp(f->decls[0]->u.entry->key, it->kind->name) == 0) {
        Builder B = {&q, NULL, NULL, NULL, 0};
        Block *blk = build_toplevel(&B, it->kind, f->decls[0]->u.entry, b->file);
        named = blk->name && strcmp(blk->name, name) == 0;
    }
    diag_free(&d);
    return named;
}

/* Was `name` taken by an item before item i (what it->seen holds when
 * they are built in order)? Known for the items of the run; for those
 * before it, guessed: a built name is the skim's name, so the skim's
 * namesakes are built again to see. The guess is noted for
 * batch_run_hand_on. Ordered: it->seen itself. */
static bool taken_before(BatchWorker *w, int i, const char *name)
{
    BatchIter *it = w->it;
    if (w->ordered)
        return sym_find(&it->seen, it->kind, name) != NULL;
    BatchRun *r = w->run;
    bool taken = sym_find(&r->inrun, it->kind, name) != NULL, guessed = false;
    if (!taken) {
        guessed = true;
        struct Batch *b = it->p->batch;
        const char *text = it->p->sources->files[b->file]->text;
        size_t len = strlen(name);
        const SkimItem *x = &b->skim.items[i];
        bool chain = x->name_len == len && memcmp(text + x->name_off, name, len) == 0;
        for (int j = chain ? it->prev_same[i] : i - 1; j >= 0 && !taken; j = chain ? it->prev_same[j] : j - 1) {
            const SkimItem *y = &b->skim.items[j];
            if (y->kept || y->name_len != len || memcmp(text + y->name_off, name, len) != 0)
                continue;
            taken = item_named(w, j, name);
        }
    }
    r->names = heap_push(r->names, &r->cap, r->n, sizeof *r->names);
    r->names[r->n++] = (BatchName){arena_strdup(r->arena, name), guessed, taken};
    return taken;
}

Block *batch_worker_step(BatchWorker *w, int step)
{
    BatchIter *it = w->it;
    struct Batch *b = it->p->batch;
    int s = it->steps[step];
    arena_reset(w->arena);
    if (s < 0) { /* built with the program */
        w->clean = it->base_errors == 0;
        return it->aliased[-1 - s];
    }
    int before = w->prog.diags->errors;
    Block *blk = b->skim.items[s].kept ? b->kept[s] : build_item(it, &w->prog, w->arena, s, w->ordered ? NULL : w);
    w->clean = it->base_errors == 0 && w->prog.diags->errors == before;
    return blk;
}

void batch_worker_free(BatchWorker *w)
{
    arena_free(w->keep);
    arena_free(w->arena);
    arena_free(w->scratch);
}

bool batch_run_hand_on(BatchIter *it, BatchRun *r, Diags *d)
{
    Program *p = it->p;
    /* The errors: past the cap both, or below it all along. */
    int errors = r->diags.errors - r->errors_from;
    bool capped = r->errors_from > d->max_errors;
    if (!capped && errors && d->errors + errors >= d->max_errors)
        return false;
    /* An error reported before (in another run) would not have been
     * counted: the course would have been judged. */
    if (!capped && errors && diag_repeats(d, &r->diags))
        return false;
    /* The names taken before the run: as it->seen has them now. */
    for (int k = 0; k < r->n; k++)
        if (r->names[k].guessed && (sym_find(&it->seen, it->kind, r->names[k].name) != NULL) != r->names[k].before)
            return false;
    int kept = 0;
    for (int k = 0; k < r->diags.n; k++)
        kept += r->diags.items[k].severity == DIAG_ERROR;
    diag_append(d, &r->diags);
    d->errors += errors - kept; /* those a capped run dropped, as the program would */
    for (int k = 0; k < r->n; k++)
        if (!r->names[k].before && !sym_find(&it->seen, it->kind, r->names[k].name))
            sym_add(&it->seen, it->kind, arena_strdup(p->arena, r->names[k].name), NULL);
    return true;
}

void batch_run_free(BatchRun *r)
{
    diag_free(&r->diags);
    arena_free(r->arena);
    free(r->names);
}

void batch_release_before(BatchIter *it, int step)
{
    Program *p = it->p;
    struct Batch *b = p->batch;
    if (step >= it->nsteps || it->steps[step] < 0)
        return;
    size_t off = b->skim.items[it->steps[step]].off;
    if (off - it->released >= ((size_t)1 << 20)) {
        src_release(p->sources->files[b->file], off);
        it->released = off;
    }
}

/* Whether a declaration builds on `blk`: extends it (directly; what
 * extends that extends it too), among the blocks built with the program
 * and, in a batch, the items built one at a time (by the skim's hashes: a
 * collision only says yes once more). */
static bool extended(const Program *p, const Block *blk)
{
    for (int i = 0; i < p->ndecls; i++) {
        const Block *d = p->decls[i];
        if (d->base == blk ||
            (d->extends_name && d->schema == blk->schema && strcmp(d->extends_name, blk->name) == 0))
            return true;
    }
    const struct Batch *b = p->batch;
    if (!b || blk->file != b->file)
        return false;
    uint64_t h = skim_hash(blk->name, strlen(blk->name));
    for (int i = 0; i < b->skim.n; i++)
        if (b->skim.items[i].ext_hash == h)
            return true;
    return false;
}

bool batch_rebuild_range(const Program *p, const Block *blk, size_t *off, size_t *end)
{
    if (!blk->name || blk->file != p->main_file || blk->span.first_off == SRC_NO_OFF)
        return false;
    const struct Batch *b = p->batch;
    int i = b && blk->file == b->file ? item_at(b, blk->span.first_off) : -1;
    if (i >= 0 && !b->skim.items[i].kept) {
        /* Built one at a time: nothing else in the program names it. */
        if (blk->schema != model_schema((Program *)p, p->batch_kind))
            return false;
        *off = b->skim.items[i].off;
        *end = b->skim.items[i].end;
        return true;
    }
    /* Built with the program (a schedule names it, or the file is compiled
     * whole): a declaration of its own, which nothing extends. */
    if (model_decl((Program *)p, blk->schema, blk->name) != blk || extended(p, blk))
        return false;
    *off = blk->span.first_off;
    *end = blk->span.last_off;
    return true;
}

Block *batch_rebuild(const Program *p, const Block *old, const char *text, size_t len, Arena *arena, Diags *d)
{
    const Source *main = p->sources->files[old->file];
    /* The program's sources as they were, but in the main file's place the
     * declaration's text alone: its places are offsets in that text, shown
     * nowhere. */
    Source item = {.path = main->path, .shown = main->shown, .text = (char *)text, .len = len,
                   .private_text = main->private_text};
    SourceSet view = *p->sources;
    view.files = arena_array(arena, (size_t)view.n, sizeof *view.files);
    memcpy(view.files, p->sources->files, (size_t)view.n * sizeof *view.files);
    view.files[old->file] = &item;
    Program q = *p; /* as a worker's copy: its scope and diagnostics its own */
    q.sources = &view;
    q.diags = d;
    q.arena = arena;
    Block *blk = build_range(&q, old->schema, arena, old->file, 0, len, NULL, 0, NULL);
    /* Nothing of the view outlives this call (a place asked for while
     * building would have indexed the item's text). */
    src_drop_index(&item);
    return blk;
}

/* How the model stage calls this layer (model.h): it includes nothing of it. */
static const BatchHooks hooks = {batch_split, batch_keep, batch_item_names, batch_free};

Program *compile_batch(const char *path, const char *kind, const CompileOptions *opt, SourceSet *ss,
                       Diags *diags)
{
    return compile_program(path, NULL, kind, &hooks, opt, ss, diags);
}
