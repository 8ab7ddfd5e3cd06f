/* admit.c — the admission screener. */
#include "apps/admit.h"
#include "base/i18n.h"
#include "engine/eval.h"
#include "apps/schedule.h"
#include "model/typecheck.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>

/* The applicant field the screener sets, never read from the file: the last
 * day of the application window, which derived fields (`age`) measure at. */
#define ADMIT_WINDOW_END "window_end"

/* value folded for admit_near: lower case (NFC), the letters written two
 * ways in Danish and German place names spelt out (U+00E5 = aa), every
 * run of blanks and punctuation one space, no space at either end. */
static const char *fold(Arena *a, const char *value)
{
    static const char *const two[][2] = {
        {"\u00e5", "aa"}, {"\u00e6", "ae"}, {"\u00f8", "oe"},
        {"\u00e4", "ae"}, {"\u00f6", "oe"}, {"\u00fc", "ue"},
    };
    size_t n = 0;
    uint8_t *low = u8_tolower((const uint8_t *)value, strlen(value), NULL, UNINORM_NFC, NULL, &n);
    if (!low)
        return NULL;
    char *out = arena_alloc(a, n * 2 + 1), *w = out;
    bool space = true; /* at the start: drop leading blanks */
    for (size_t i = 0; i < n;) {
        unsigned char c = low[i];
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            if (!space)
                *w++ = ' ';
            space = true;
            i++;
            continue;
        }
        space = false;
        bool done = false;
        for (size_t k = 0; k < sizeof two / sizeof *two && !done; k++) {
            size_t len = strlen(two[k][0]);
            if (i + len <= n && memcmp(low + i, two[k][0], len) == 0) {
                memcpy(w, two[k][1], 2);
                w += 2;
                i += len;
                done = true;
            }
        }
        if (!done)
            *w++ = (char)low[i++];
    }
    if (w > out && w[-1] == ' ')
        w--;
    *w = '\0';
    free(low);
    return out;
}

/* Whether folded text `hay` holds folded `word` as whole words. */
static bool holds_words(const char *hay, const char *word)
{
    size_t n = strlen(word);
    if (n == 0)
        return false;
    for (const char *p = strstr(hay, word); p; p = strstr(p + 1, word))
        if ((p == hay || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return true;
    return false;
}

bool admit_near(Arena *a, const char *value, const char *wanted)
{
    if (!value || !wanted || strcmp(value, wanted) == 0)
        return false;
    ArenaMark mark = arena_mark(a);
    const char *v = fold(a, value), *t = fold(a, wanted);
    bool near = v && t && *v && *t && (strcmp(v, t) == 0 || holds_words(v, t) || holds_words(t, v));
    arena_release(a, mark);
    return near;
}

/* The string literals of an expression: the texts a requirement compares with. */
typedef struct Lits {
    Arena *a;
    const char **s; /* grown by arena_push */
    int n;
} Lits;

static AstStep collect_text(const Node *n, void *ctx)
{
    Lits *l = ctx;
    if (n->kind == N_STR) {
        l->s = arena_push(l->a, (void *)l->s, (size_t)l->n, sizeof *l->s);
        l->s[l->n++] = n->u.str.s;
    }
    return AST_NEXT;
}

/* Fields of the subject that an expression reads (first segment only); a
 * derived field also needs the fields its own expression reads. */
static AstStep need_field(const Node *n, void *need)
{
    const PathRes *r = n->kind == N_PATH ? n->res : NULL;
    if (r && r->kind == R_CTX && r->nchain > 0) {
        ((bool *)need)[r->chain[0]->index] = true;
        if (r->chain[0]->derived)
            ast_walk(r->chain[0]->derived, need_field, need);
    }
    return AST_NEXT;
}

/* Whether field f is read from the applicant file: not a derived field and
 * not the one the screener sets. */
static bool from_file(const Field *f, const Field *window_end)
{
    return !f->derived && f != window_end;
}

/* What a derived field is computed from, for the warning about its column:
 * "birth_date at the end of the window". */
static const char *derived_from(Arena *a, const Schema *app, const Field *f, const Field *window_end)
{
    bool *need = arena_array(a, (size_t)app->nfields + 1, sizeof *need);
    ast_walk(f->derived, need_field, need);
    const char *s = "";
    for (int i = 0; i < app->nfields; i++)
        if (need[i] && app->fields[i] != window_end)
            s = arena_printf(a, "%s%s%s", s, *s ? " and " : "", app->fields[i]->name);
    if (window_end && need[window_end->index])
        s = arena_printf(a, "%s at the end of the window", s);
    return s;
}

static void needed_fields(const Node *n, bool *need)
{
    ast_walk(n, need_field, need);
}

typedef struct Req {
    Block *b;         /* the requirement block */
    const Node *test; /* its expression */
    const char *text;
    bool exclude;
    bool soft;        /* `prefer`: failing it sends the applicant to review */
    const char **lits; /* the texts it compares with (near misses) */
    int nlits;
} Req;

static int collect(Block *adm, const char *field, bool exclude, bool soft, Arena *a, Req **reqs, int n)
{
    Value *v = model_get(adm, field);
    if (!v || v->k != V_LIST)
        return n;
    for (int i = 0; i < v->u.list.n; i++) {
        Block *rb = v->u.list.items[i]->u.block;
        Value *t = model_get(rb, "test"), *x = model_get(rb, "text");
        if (!t || t->k != V_EXPR)
            continue;
        *reqs = arena_push(a, *reqs, (size_t)n, sizeof **reqs);
        Lits l = {a, NULL, 0};
        ast_walk(t->u.expr, collect_text, &l);
        (*reqs)[n++] = (Req){rb, t->u.expr, x && x->k == V_STRING ? x->u.s : "", exclude, soft, l.s, l.n};
    }
    return n;
}

/* A yes/no cell in another word the standard library gives (an alias of
 * the enum `cell_answer`, whose first member is yes and second no: Danish
 * Excel's SAND and FALSK), case folded. */
static bool answer_word(const EnumDef *answers, const char *cell, bool *out)
{
    if (!answers || answers->n < 2)
        return false;
    while (*cell == ' ' || *cell == '\t')
        cell++;
    size_t n = strlen(cell), len = 0;
    while (n && (cell[n - 1] == ' ' || cell[n - 1] == '\t'))
        n--;
    uint8_t *low = u8_tolower((const uint8_t *)cell, n, NULL, NULL, NULL, &len);
    if (!low)
        return false;
    char *word = malloc(len + 1);
    int k = -1;
    if (word) {
        memcpy(word, low, len);
        word[len] = '\0';
        k = model_enum_index(answers, word);
        free(word);
    }
    free(low);
    if (k != 0 && k != 1)
        return false;
    *out = k == 0;
    return true;
}

/* A cell as a model value of field f's type; NULL when it does not read.
 * `answers`: the stdlib's other yes/no words (answer_word), or NULL. */
static Value *cell_value(Arena *a, const Field *f, const char *cell, const EnumDef *answers)
{
    Value *v = arena_alloc(a, sizeof *v);
    const Type *t = f->type;
    switch (t->k) {
    case TY_STRING: {
        /* Surrounding spaces never matter (CSV cells are trimmed already). */
        while (*cell == ' ' || *cell == '\t')
            cell++;
        size_t n = strlen(cell);
        while (n && (cell[n - 1] == ' ' || cell[n - 1] == '\t'))
            n--;
        v->k = V_STRING;
        v->u.s = arena_strndup(a, cell, n);
        return v;
    }
    case TY_BOOL: v->k = V_BOOL; return table_bool(cell, &v->u.b) || answer_word(answers, cell, &v->u.b) ? v : NULL;
    case TY_DATE: v->k = V_DATE; return table_date(cell, &v->u.date) ? v : NULL;
    case TY_INT: v->k = V_INT; return table_int(cell, &v->u.i) ? v : NULL;
    case TY_NUMBER: {
        int64_t i;
        if (!table_int(cell, &i))
            return NULL;
        v->k = V_NUMBER;
        v->u.num = (double)i;
        return v;
    }
    case TY_ENUM: {
        int k = model_enum_index(t->enm, cell);
        if (k < 0)
            return NULL;
        v->k = V_ENUM;
        v->u.en.enm = t->enm;
        v->u.en.idx = k;
        return v;
    }
    case TY_LIST: {
        const char **items;
        int n = table_split_set(cell, a, &items);
        v->k = V_LIST;
        v->u.list.items = arena_array(a, (size_t)n + 1, sizeof *v->u.list.items);
        for (int i = 0; i < n; i++) {
            Field ef = *f;
            ef.type = t->elem;
            Value *e = cell_value(a, &ef, items[i], answers);
            if (!e)
                return NULL;
            v->u.list.items[v->u.list.n++] = e;
        }
        return v;
    }
    default: return NULL;
    }
}

/* The text field of the subject whose near miss decided requirement q
 * (outcome `got`), or NULL: a field the test reads holds a text near one
 * of the test's own texts, and with that text in its place the outcome
 * changes. `need` is scratch, one per field. */
static const Field *near_miss(Arena *a, EvalCtx *c, Block *subject, const Req *q, bool got, bool *need)
{
    if (q->nlits == 0)
        return NULL;
    const Schema *app = subject->schema;
    memset(need, 0, (size_t)app->nfields * sizeof *need);
    needed_fields(q->test, need);
    for (int i = 0; i < app->nfields; i++) {
        Value *was = subject->vals[i];
        if (!need[i] || !was || was->k != V_STRING)
            continue;
        for (int k = 0; k < q->nlits; k++) {
            if (!admit_near(a, was->u.s, q->lits[k]))
                continue;
            Value as = *was;
            as.u.s = q->lits[k];
            subject->vals[i] = &as;
            ArenaMark mark = arena_mark(a);
            eval_init(c, a, subject, NULL);
            RVal v = eval(c, q->test);
            arena_release(a, mark);
            subject->vals[i] = was;
            if (v.k == RV_BOOL && v.u.b != got)
                return app->fields[i];
        }
    }
    return NULL;
}

/* The ids seen so far, for "used by more than one applicant": a hash set of
 * the id texts in one pool, both malloc'd and grown in place. 100,000 ids
 * of 8 characters take about 2 MB here; as SymTab entries in the arena
 * (with a slot array left behind at each growth) they took 11 MB, more
 * than the applicant file itself. */
typedef struct IdSet {
    char *pool;       /* the ids, each NUL-terminated */
    size_t used, cap;
    uint32_t *slots;  /* offset + 1 into pool; 0 is empty */
    size_t nslots, n;
} IdSet;

static uint64_t id_hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* The slot of `id`: where it is, or the empty one where it would go. */
static uint32_t *id_slot(const IdSet *ids, const char *id)
{
    size_t mask = ids->nslots - 1;
    for (size_t i = (size_t)id_hash(id) & mask;; i = (i + 1) & mask)
        if (!ids->slots[i] || strcmp(ids->pool + ids->slots[i] - 1, id) == 0)
            return &ids->slots[i];
}

/* Adds `id`; false when it was there already. */
static bool id_add(IdSet *ids, const char *id)
{
    if ((ids->n + 1) * 2 > ids->nslots) {
        IdSet bigger = *ids;
        bigger.nslots = ids->nslots ? ids->nslots * 2 : 1024;
        bigger.slots = calloc(bigger.nslots, sizeof *bigger.slots);
        if (!bigger.slots)
            arena_oom();
        for (size_t i = 0; i < ids->nslots; i++)
            if (ids->slots[i])
                *id_slot(&bigger, ids->pool + ids->slots[i] - 1) = ids->slots[i];
        free(ids->slots);
        *ids = bigger;
    }
    uint32_t *slot = id_slot(ids, id);
    if (*slot)
        return false;
    size_t len = strlen(id) + 1;
    if (ids->used + len > ids->cap) {
        size_t cap = ids->cap ? ids->cap : 4096;
        while (ids->used + len > cap)
            cap *= 2;
        char *pool = realloc(ids->pool, cap);
        if (!pool || cap > UINT32_MAX)
            arena_oom();
        ids->pool = pool;
        ids->cap = cap;
    }
    memcpy(ids->pool + ids->used, id, len);
    *slot = (uint32_t)(ids->used + 1);
    ids->used += len;
    ids->n++;
    return true;
}

/* What screening a row needs, set up once from the header (admit_begin). */
struct AdmitScreener {
    const Table *t;
    Schema *app;
    Req *reqs;
    int nreq;
    int *col_of;        /* field index -> column, -1 when none */
    Field *wend, *id;
    bool *need;         /* scratch: the fields a requirement reads */
    bool have_end;
    Value *endv;        /* the window's last day, for `window_end` */
    Block *subject;     /* the applicant being screened */
    bool *unreadable;
    const EnumDef *answers;
    IdSet ids;          /* ids seen so far */
    EvalCtx c;
    bool show_fields;
    Arena *a;           /* for what lasts the whole screening */
    Diags *d;
    AdmitReport *out;
};

AdmitScreener *admit_begin(Program *p, Block *course, const Table *t, bool show_fields, Arena *a, Diags *d,
                           AdmitReport *out)
{
    memset(out, 0, sizeof *out);
    out->course = course;
    Value *av = model_get(course, "admission");
    if (!av || av->k != V_BLOCK) {
        diag_error(d, course->name_span, _("course %s has no admission block to screen against"), course->name);
        diag_help(d, _("add: admission { window ...; require age >= 18 \"At least 18\" }"));
        return NULL;
    }
    Block *adm = av->u.block;
    out->admission = adm;
    const EnumDef *answers = model_enum(p, "cell_answer");
    Value *seats = model_get(adm, "seats");
    if (seats && seats->k == V_INT) {
        out->has_seats = true;
        out->seats = seats->u.i;
    }
    Value *as = model_get(adm, "assess");
    for (int i = 0; as && as->k == V_LIST && i < as->u.list.n; i++) {
        Value *x = model_get(as->u.list.items[i]->u.block, "text");
        out->assess = arena_push(a, (void *)out->assess, (size_t)out->nassess, sizeof *out->assess);
        out->assess[out->nassess++] = x && x->k == V_STRING ? x->u.s : "";
    }
    Schema *app = model_schema(p, "applicant");
    if (!app)
        return NULL;
    Req *reqs = NULL;
    int nreq = collect(adm, "require", false, false, a, &reqs, 0);
    nreq = collect(adm, "exclude", true, false, a, &reqs, nreq);
    nreq = collect(adm, "prefer", false, true, a, &reqs, nreq);
    /* Reasons are listed in the order the course writes its rules. */
    for (int i = 1; i < nreq; i++) {
        Req x = reqs[i];
        int j = i - 1;
        while (j >= 0 && (reqs[j].test->span.file > x.test->span.file ||
                          (reqs[j].test->span.file == x.test->span.file &&
                           reqs[j].test->span.first_off > x.test->span.first_off))) {
            reqs[j + 1] = reqs[j];
            j--;
        }
        reqs[j + 1] = x;
    }

    /* Columns to fields. */
    Field *wend = model_field(app, ADMIT_WINDOW_END), *id = model_field(app, "id");
    int *col_of = arena_array(a, (size_t)app->nfields + 1, sizeof *col_of);
    for (int i = 0; i < app->nfields; i++)
        col_of[i] = -1;
    /* A header that names no field at all is most likely an applicant's
     * record (the file has no header row): say so and quote none of it. */
    bool any_field = false;
    for (int c = 0; c < t->ncolumns && !any_field; c++)
        any_field = model_field(app, t->columns[c]) != NULL;
    if (!any_field) {
        diag_error_file(d, p->sources->files[t->file]->path,
                        _("the first row of the applicant file names no field of the applicant schema: the header "
                        "row seems to be missing"));
        diag_help(d, _("the first row names the columns: id, birth_date and the other fields the admission rules use"));
        return NULL;
    }
    for (int c = 0; c < t->ncolumns; c++) {
        Field *f = model_field(app, t->columns[c]);
        Span at = t->column_spans ? t->column_spans[c] : span_none();
        if (!f && table_looks_like_value(t->columns[c])) {
            diag_warning(d, at, _("column %d of the header row is not a field of the applicant schema"), c + 1);
            continue;
        }
        if (!f) {
            diag_warning(d, at, _("unknown column '%s': no rule can use it"), t->columns[c]);
            const char *cand[256];
            int nc = model_field_words(app, cand, 256);
            const char *sug = model_suggest(t->columns[c], cand, nc);
            if (sug)
                diag_suggest(d, sug);
            continue;
        }
        if (f->derived) {
            diag_warning(d, at, _("the column '%s' is ignored: %s is computed from %s"), t->columns[c], f->name,
                         derived_from(a, app, f, wend));
            continue;
        }
        if (f == wend) {
            diag_warning(d, at, _("the column '%s' is ignored: the screener sets it to the last day of the application window"),
                         t->columns[c]);
            continue;
        }
        if (col_of[f->index] >= 0) {
            /* The same field twice: its name and an alias (another language). */
            diag_error(d, at, _("the column '%s' is the same field as the column '%s'"), t->columns[c],
                       t->columns[col_of[f->index]]);
            diag_help(d, "%s", _("keep one of them"));
            return NULL;
        }
        col_of[f->index] = c;
    }
    if (!id || col_of[id->index] < 0) {
        diag_error_file(d, p->sources->files[t->file]->path, _("the applicant file has no 'id' column"));
        diag_help(d, _("the first row names the columns; add one called id"));
        return NULL;
    }
    /* Every column a rule needs must be there before anything runs. */
    bool *need = arena_array(a, (size_t)app->nfields + 1, sizeof *need);
    bool ok = true;
    for (int r = 0; r < nreq; r++) {
        memset(need, 0, (size_t)app->nfields * sizeof *need);
        needed_fields(reqs[r].test, need);
        for (int i = 0; i < app->nfields; i++) {
            if (!need[i] || !from_file(app->fields[i], wend) || col_of[i] >= 0)
                continue;
            diag_error(d, reqs[r].test->span, _("the applicant file has no column '%s', which \"%s\" needs"),
                       app->fields[i]->name, reqs[r].text);
            ok = false;
        }
    }
    if (!ok)
        return NULL;

    Value *win = model_get(adm, "window");
    bool have_end = win && win->k == V_RANGE && win->u.range.hi && win->u.range.hi->k == V_DATE;
    Value *endv = NULL;
    if (have_end) {
        endv = arena_alloc(a, sizeof *endv);
        *endv = *win->u.range.hi;
    }

    AdmitScreener *s = arena_alloc(a, sizeof *s);
    s->t = t;
    s->app = app;
    s->reqs = reqs;
    s->nreq = nreq;
    s->col_of = col_of;
    s->wend = wend;
    s->id = id;
    s->need = need;
    s->have_end = have_end;
    s->endv = endv;
    s->subject = arena_alloc(a, sizeof *s->subject);
    s->subject->schema = app;
    s->subject->vals = arena_array(a, (size_t)app->nfields + 1, sizeof *s->subject->vals);
    s->unreadable = arena_array(a, (size_t)app->nfields + 1, sizeof *s->unreadable);
    s->answers = answers;
    memset(&s->ids, 0, sizeof s->ids);
    s->show_fields = show_fields;
    s->a = a;
    s->d = d;
    s->out = out;
    return s;
}

const char *admit_row_id(const AdmitScreener *s, const TableRow *row, int index, Arena *a)
{
    const char *idv = row->cells[s->col_of[s->id->index]];
    if (idv)
        return idv;
    return row->line > 0 ? arena_printf(a, _("(line %d, no id)"), row->line)
                                    : arena_printf(a, _("(applicant %d, no id)"), index + 1);
}

void admit_row(AdmitScreener *s, const TableRow *row, int index, Arena *a, ApplicantResult *res)
{
    const Table *t = s->t;
    Schema *app = s->app;
    const Req *reqs = s->reqs;
    int nreq = s->nreq;
    const int *col_of = s->col_of;
    const Field *wend = s->wend;
    bool *need = s->need, *unreadable = s->unreadable, have_end = s->have_end, show_fields = s->show_fields;
    Block *subject = s->subject;
    Diags *d = s->d;
    EvalCtx c;
    {
        const Field **near_fields = NULL; /* per res->near: the field that nearly matched */
        memset(res, 0, sizeof *res);
        res->id = admit_row_id(s, row, index, a);
        const char *idv = row->cells[col_of[s->id->index]];
        if (!idv) {
            diag_warning(d, row->span, _("an applicant without an id: the report calls it %s"), res->id);
        } else {
            /* Ids seen so far, hashed: screening stays linear in the rows.
             * Copied: the row's cells go when the row is done. */
            if (!id_add(&s->ids, idv))
                diag_warning(d, row->span, _("the id %s is used by more than one applicant"), idv);
        }
        for (int i = 0; i < app->nfields; i++) {
            subject->vals[i] = NULL;
            unreadable[i] = false;
            const char *cell = col_of[i] >= 0 ? row->cells[col_of[i]] : NULL;
            if (!cell)
                continue;
            subject->vals[i] = cell_value(a, app->fields[i], cell, s->answers);
            unreadable[i] = !subject->vals[i];
            if (show_fields) {
                res->shown = arena_push(a, (void *)res->shown, (size_t)res->nshown, sizeof *res->shown);
                res->shown_values = arena_push(a, (void *)res->shown_values, (size_t)res->nshown, sizeof *res->shown_values);
                res->shown[res->nshown] = app->fields[i]->name;
                res->shown_values[res->nshown++] = cell;
            }
        }
        if (wend)
            subject->vals[wend->index] = s->endv;
        for (int q = 0; q < nreq; q++) {
            /* A set or selection the requirement makes is given back at
             * once: screening 100,000 applicants must not keep them all. */
            ArenaMark mark = arena_mark(a);
            eval_init(&c, a, subject, NULL);
            RVal v = eval(&c, reqs[q].test);
            arena_release(a, mark);
            if (v.k == RV_BOOL) {
                const Field *nf = near_miss(a, &c, subject, &reqs[q], v.u.b, need);
                if (nf) {
                    res->near = arena_push(a, (void *)res->near, (size_t)res->nnear, sizeof *res->near);
                    res->near[res->nnear++] = reqs[q].text;
                    near_fields = arena_push(a, (void *)near_fields, (size_t)res->nnear - 1, sizeof *near_fields);
                    near_fields[res->nnear - 1] = nf;
                    continue;
                }
                if (v.u.b == reqs[q].exclude && reqs[q].soft) {
                    res->doubts = arena_push(a, (void *)res->doubts, (size_t)res->ndoubts, sizeof *res->doubts);
                    res->doubts[res->ndoubts++] = reqs[q].text;
                } else if (v.u.b == reqs[q].exclude) {
                    res->failed = arena_push(a, (void *)res->failed, (size_t)res->nfailed, sizeof *res->failed);
                    res->failed[res->nfailed++] = reqs[q].text;
                }
                continue;
            }
            /* Unknown: name the fields this rule needs that are empty or unreadable. */
            memset(need, 0, (size_t)app->nfields * sizeof *need);
            needed_fields(reqs[q].test, need);
            for (int i = 0; i < app->nfields; i++) {
                if (!need[i] || !from_file(app->fields[i], wend) || (subject->vals[i] && !unreadable[i]))
                    continue;
                /* The column as the file names it (a Danish alias, perhaps). */
                const char *col = col_of[i] >= 0 ? t->columns[col_of[i]] : app->fields[i]->name;
                const char *m = unreadable[i] ? arena_printf(a, _("%s (unreadable)"), col) : col;
                bool dup = false;
                for (int k = 0; k < res->nmissing; k++)
                    dup = dup || strcmp(res->missing[k], m) == 0;
                if (dup)
                    continue;
                res->missing = arena_push(a, (void *)res->missing, (size_t)res->nmissing, sizeof *res->missing);
                res->missing[res->nmissing++] = m;
            }
            /* A derived field that measures at the window's end, when the
             * course gives no window. */
            for (int i = 0; i < app->nfields && wend && !have_end; i++) {
                const Field *f = app->fields[i];
                if (!need[i] || !f->derived)
                    continue;
                bool *reads = arena_array(a, (size_t)app->nfields + 1, sizeof *reads);
                ast_walk(f->derived, need_field, reads);
                if (!reads[wend->index])
                    continue;
                res->missing = arena_push(a, (void *)res->missing, (size_t)res->nmissing, sizeof *res->missing);
                res->missing[res->nmissing++] =
                    arena_printf(a, "%s (the course gives no application window to measure it at)", f->name);
            }
        }
        res->status =
            res->nfailed ? AD_INELIGIBLE : res->nmissing || res->nnear || res->ndoubts ? AD_REVIEW : AD_ELIGIBLE;
        /* A near miss matters only where no other requirement decides. */
        for (int k = 0; res->status == AD_REVIEW && k < res->nnear; k++) {
            diag_warning(d, row->span, _("applicant %s: '%s' nearly matches the text \"%s\" asks for, but not exactly: "
                                         "sent to review"),
                         res->id, t->columns[col_of[near_fields[k]->index]], res->near[k]);
            diag_help(d, "%s", _("nearly: the same text but for case, spaces, punctuation and aa, ae, oe written as one "
                               "letter, or holding it as whole words, with more words around it; correct the file, or "
                               "let the committee judge"));
        }
        s->out->counts[res->status]++;
    }
}

void admit_end(AdmitScreener *s)
{
    if (!s)
        return;
    free(s->ids.pool);
    free(s->ids.slots);
    memset(&s->ids, 0, sizeof s->ids);
}

bool admit_screen(Program *p, Block *course, const Table *t, bool show_fields, Arena *a, Diags *d,
                  AdmitReport *out)
{
    AdmitScreener *s = admit_begin(p, course, t, show_fields, a, d, out);
    if (!s)
        return false;
    out->rows = arena_array(a, (size_t)t->nrows + 1, sizeof *out->rows);
    for (int r = 0; r < t->nrows; r++)
        admit_row(s, &t->rows[r], r, a, &out->rows[out->n++]);
    admit_end(s);
    return true;
}
