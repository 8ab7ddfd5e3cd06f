/* build.c — entries to typed blocks, references, extends, defaults. About
 * 1,000 lines: one pass (build, resolve, merge, finish) over one Builder,
 * whose helpers the four steps share; `extends` (merge_fields onward) is the
 * part to move to a file of its own when it grows. */
#include "model/build.h"
#include "model/words.h"
#include "base/hot.h"
#include "base/i18n.h"

#include <string.h>
#include <unistd.h>

static Block *build_block(Builder *B, Schema *s, Entry *e, Block *parent, Block *top, int file);

/* Candidates for did-you-mean: a schema's field names and their aliases. */
static const char *suggest_field(Builder *B, const Schema *s, const char *name)
{
    int cap = s->nfields;
    for (int i = 0; i < s->nfields; i++)
        cap += s->fields[i]->naliases;
    const char **c = arena_array(B->p->arena, (size_t)cap + 1, sizeof *c);
    return model_suggest(name, c, model_field_words(s, c, cap));
}

static const char *suggest_member(Builder *B, const EnumDef *e, const char *name)
{
    const char **c = arena_array(B->p->arena, (size_t)(e->n + e->naliases) + 1, sizeof *c);
    return model_suggest(name, c, model_member_words(e, c, e->n + e->naliases));
}

/* The word for a block's kind in messages: the one its author wrote when
 * that is an alias (a Danish word), else the kind's
 * name, as before aliases (`require "..."` is a requirement). */
static const char *kind_word(const Block *b)
{
    const char *k = b->entry ? b->entry->key : NULL;
    if (!k)
        return b->schema->name;
    if (!b->parent)
        return k;
    const Field *f = model_field(b->parent->schema, k);
    return f && model_is_alias(f, k) ? k : b->schema->name;
}

/* The word for a key the author left out: its first alias when the
 * author wrote the block's kind in an alias (a Danish word asks for
 * the key's Danish word), else its name. */
static const char *key_word(const Block *b, const Field *f)
{
    return f->naliases && strcmp(kind_word(b), b->schema->name) != 0 ? f->aliases[0] : f->name;
}

static HOT_INLINE Value *value_new(Builder *B, ValueKind k, Span sp)
{
    /* Written whole by the assignment: no zeroing first (arena_alloc_raw).
     * Inline: 77 values a course, and the call cost twice the allocation. */
    Value *v = arena_alloc_raw(B->p->arena, sizeof *v);
    *v = (Value){.k = k, .span = sp};
    return v;
}

static HOT_INLINE void list_push(Builder *B, Value *list, Value *item)
{
    /* arena_push doubles: growing by one item at a time copied the whole
     * list for each item, quadratic for a long list. */
    int n = list->u.list.n;
    /* arena_push only when it moves the list (arena_push_moves): most of a
     * course's 50 pushes find room and cost no call, and a list's first
     * room is an inline bump, not zeroed (written below the count). */
    if (n == 0)
        list->u.list.items = arena_alloc_raw(B->p->arena, ARENA_PUSH_FIRST * sizeof *list->u.list.items);
    else if (arena_push_moves((size_t)n))
        list->u.list.items = arena_push(B->p->arena, list->u.list.items, (size_t)n, sizeof *list->u.list.items);
    list->u.list.items[list->u.list.n++] = item;
}

/* How a node is described in "found ..." messages: a phrase translated
 * whole, as type_phrase's are (base/i18n.h). */
static const char *describe(Builder *B, const Node *n)
{
    Arena *a = B->p->arena;
    switch (n->kind) {
    /* TRANSLATORS: what was written, in "found %s" and "unexpected %s after": "the number 12". */
    case N_INT: return arena_printf(a, _("the number %s"), ast_to_text(a, n));
    case N_NUM: return arena_printf(a, _("the number %s"), ast_to_text(a, n));
    case N_QTY:
        return arena_printf(a, unit_dim(n->u.qty.unit) == DIM_TIME ? _("%s, a contact time") : _("%s, a calendar span"),
                            ast_to_text(a, n));
    case N_STR: return arena_printf(a, _("the string %s"), ast_to_text(a, n));
    case N_BOOL: return arena_printf(a, "'%s'", n->u.b ? "yes" : "no");
    case N_DATE: return arena_printf(a, _("the date %s"), ast_to_text(a, n));
    case N_TIME: return arena_printf(a, _("the time %s"), ast_to_text(a, n));
    case N_MDAY: return arena_printf(a, _("the month-day %s"), ast_to_text(a, n));
    case N_PATH: return arena_printf(a, "'%s'", n->u.path);
    case N_RANGE: return arena_printf(a, _("the range %s"), ast_to_text(a, n));
    case N_SET: return _("a set");
    default: return arena_printf(a, _("the expression %s"), ast_to_text(a, n));
    }
}

static void wrong(Builder *B, const Field *f, const Type *t, const Node *n)
{
    diag_error(B->p->diags, n->span, _("'%s' takes %s, found %s"), f->name, type_phrase(B->p->arena, t),
               describe(B, n));
}

static void pend_expr(Builder *B, Value *v, Type *t, Block *owner)
{
    B->exprs = arena_push(B->p->arena, B->exprs, (size_t)B->nexprs, sizeof *B->exprs);
    B->exprs[B->nexprs++] = (PendingExpr){v, t, owner};
}

static void pend_ref(Builder *B, Value *v, Schema *kind, Node *name, Block *owner)
{
    PendingRef *r = arena_alloc_raw(B->p->arena, sizeof *r); /* written whole */
    *r = (PendingRef){v, kind, name, owner, NULL};
    if (B->last_ref)
        B->last_ref->next = r;
    else
        B->refs = r;
    B->last_ref = r;
}

/* The member of enum e that item n names (a name), or -1: as it is
 * written in the text when it can be read there (words_text), else by
 * model_enum_index. */
static HOT_INLINE int enum_member(const Builder *B, const EnumDef *e, const Node *n)
{
    const SourceSet *ss = B->p->sources;
    uint32_t at = n->span.first_off, len = n->span.last_off - at;
    /* (A span without a place, SRC_NO_OFF, fails the length test.) */
    if (e->words && len <= WORDS_TEXT && n->span.file >= 0 && n->span.file < ss->n &&
        at + (size_t)WORDS_TEXT <= ss->files[n->span.file]->len) {
        const FieldWord *w = words_text(e->words, ss->files[n->span.file]->text + at, len);
        if (w)
            return w->member;
    }
    return model_enum_index(e, n->u.path);
}

/* What convert_item makes of item n for a scalar type t without a message:
 * the value's kind and payload in *x; false for everything else (then
 * convert_item says what is wrong). Inline in convert_one. */
static HOT_INLINE bool quick_scalar(const Builder *B, const Type *t, const Node *n, Value *x)
{
    switch (t->k) {
    case TY_BOOL:
        if (n->kind != N_BOOL)
            return false;
        x->k = V_BOOL;
        x->u.b = n->u.b;
        return true;
    case TY_INT:
        if (n->kind != N_INT)
            return false;
        x->k = V_INT;
        x->u.i = n->u.i;
        return true;
    case TY_NUMBER:
        if (n->kind != N_INT && n->kind != N_NUM)
            return false;
        x->k = V_NUMBER;
        x->u.num = n->kind == N_INT ? (double)n->u.i : n->u.num;
        return true;
    case TY_STRING:
        if (n->kind != N_STR)
            return false;
        x->k = V_STRING;
        x->u.s = n->u.str.s;
        return true;
    case TY_ID:
        if (n->kind != N_PATH)
            return false;
        x->k = V_STRING;
        x->u.s = n->u.path;
        return true;
    case TY_DATE:
    case TY_DAY:
    case TY_MDAY: /* a day takes either */
        if (n->kind == N_DATE && t->k != TY_MDAY) {
            x->k = V_DATE;
            x->u.date = n->u.date;
            return true;
        }
        if (n->kind != N_MDAY || t->k == TY_DATE)
            return false;
        x->k = V_MDAY;
        x->u.mday.month = n->u.mday.month;
        x->u.mday.day = n->u.mday.day;
        return true;
    case TY_TIME:
        if (n->kind != N_TIME)
            return false;
        x->k = V_TIME;
        x->u.time = n->u.time;
        return true;
    case TY_HOURS:
    case TY_SPAN:
        if (n->kind != N_QTY || unit_dim(n->u.qty.unit) != (t->k == TY_HOURS ? DIM_TIME : DIM_SPAN))
            return false;
        x->k = V_QTY;
        x->u.qty.v = n->u.qty.v;
        x->u.qty.unit = n->u.qty.unit;
        return true;
    case TY_ENUM: {
        int idx = n->kind == N_PATH ? enum_member(B, t->enm, n) : -1;
        if (idx < 0)
            return false;
        x->k = V_ENUM;
        x->u.en.enm = t->enm;
        x->u.en.idx = idx;
        return true;
    }
    default:
        return false;
    }
}

/* One written item converted to type t (not a list, not a block): what
 * quick_scalar makes without a message, else the rest, with every
 * message. */
static Value *convert_item(Builder *B, const Field *f, Type *t, Node *n, Block *owner)
{
    Diags *d = B->p->diags;
    Value x;
    if (quick_scalar(B, t, n, &x)) {
        Value *v = value_new(B, x.k, n->span);
        v->u = x.u;
        return v;
    }
    Value *v = value_new(B, V_BOOL, n->span);
    switch (t->k) {
    case TY_HOURS:
    case TY_SPAN: {
        Dim want = t->k == TY_HOURS ? DIM_TIME : DIM_SPAN;
        if (n->kind == N_INT || n->kind == N_NUM) {
            diag_error(d, n->span,
                       want == DIM_TIME ? _("'%s' needs a unit: contact time in min or h")
                                        : _("'%s' needs a unit: a calendar span in days, weeks or months"),
                       f->name);
            diag_help(d, _("write %s%s"), ast_to_text(B->p->arena, n), want == DIM_TIME ? "h" : " weeks");
            return NULL;
        }
        if (n->kind != N_QTY)
            break;
        /* Two dimensions: the value is in the other one (quick_scalar took
         * the right one). */
        diag_error(d, n->span,
                   want == DIM_TIME ? _("wrong unit: '%s' is contact time (min, h), but %s is a calendar span")
                                    : _("wrong unit: '%s' is a calendar span (days, weeks, months), but %s is a contact time"),
                   f->name, ast_to_text(B->p->arena, n));
        return NULL;
    }
    case TY_ENUM: {
        if (n->kind != N_PATH)
            break;
        /* Not a member (quick_scalar took a member). */
        diag_error(d, n->span, _("'%s' is not one of the %s values"), n->u.path, t->enm->name);
        const char *sug = suggest_member(B, t->enm, n->u.path);
        if (sug) {
            diag_suggest(d, sug);
        } else {
            char *all = "";
            for (int i = 0; i < t->enm->n && i < 12; i++)
                all = arena_printf(B->p->arena, "%s%s%s", all, i ? ", " : "", t->enm->members[i].name);
            diag_help(d, _("the values are: %s"), all);
        }
        return NULL;
    }
    case TY_REF:
        if (n->kind != N_PATH)
            break;
        v->k = V_REF;
        pend_ref(B, v, t->schema, n, owner);
        return v;
    case TY_DAY:
        /* A date range or a date expression (quick_scalar took a date and
         * a month-day): typed later. */
        v->k = V_EXPR;
        v->u.expr = n;
        pend_expr(B, v, t, owner);
        return v;
    case TY_PRED:
    case TY_MEASURE:
        v->k = V_EXPR;
        v->u.expr = n;
        pend_expr(B, v, t, owner);
        return v;
    case TY_TEMPLATE:
        if (n->kind != N_STR)
            break;
        v->k = V_EXPR;
        v->u.expr = n;
        pend_expr(B, v, t, owner);
        return v;
    case TY_RANGE:
        if (n->kind == N_RANGE) {
            v->k = V_RANGE;
            if (n->u.range.lo && !(v->u.range.lo = convert_item(B, f, t->elem, n->u.range.lo, owner)))
                return NULL;
            if (n->u.range.hi && !(v->u.range.hi = convert_item(B, f, t->elem, n->u.range.hi, owner)))
                return NULL;
            return v;
        }
        /* A single value where a range is expected is the range of that
         * one value (LANGUAGE.md §2). */
        v->k = V_RANGE;
        v->u.range.lo = v->u.range.hi = convert_item(B, f, t->elem, n, owner);
        return v->u.range.lo ? v : NULL;
    default: /* the scalars quick_scalar did not take, and types no item has */
        break;
    }
    wrong(B, f, t, n);
    if (n->kind == N_QTY && t->k == TY_INT)
        diag_help(d, _("'%s' is a count: write %s"), f->name, ast_to_text(B->p->arena, &(Node){.kind = N_NUM, .u.num = n->u.qty.v}));
    if (n->kind == N_MDAY && (t->k == TY_INT || t->k == TY_RANGE))
        diag_help(d, _("%02d-%02d is read as a month-day; a range is written %d..%d"), n->u.mday.month,
                  n->u.mday.day, n->u.mday.month, n->u.mday.day);
    if (n->kind == N_PATH && (t->k == TY_STRING))
        diag_help(d, _("text is written in quotes: \"%s\""), n->u.path);
    return NULL;
}

/* Items written after the value: an error; after a trailing comma, the
 * likely cause is the comma (LANGUAGE.md §8). */
static void hint(Builder *B, Block *b, const Field *f);

static void extra_items(Builder *B, const Field *f, ValSeq *vs, int from, Block *owner)
{
    Node *x = vs->items.items[from];
    if (vs->after_comma_newline) {
        diag_error(B->p->diags, vs->span, _("trailing comma: the list continues on the next line"));
        diag_help(B->p->diags, "%s", _("remove the ',' at the end of the previous line"));
        /* The next line's key was swallowed into the list: not missing. */
        Node *k0 = vs->items.items[0];
        Field *swallowed = owner && k0->kind == N_PATH ? model_field(owner->schema, k0->u.path) : NULL;
        if (swallowed)
            hint(B, owner, swallowed);
        return;
    }
    diag_error(B->p->diags, x->span, _("unexpected %s after the value of '%s'"), describe(B, x), f->name);
    if (x->kind == N_PATH)
        diag_help(B->p->diags, "%s", _("two entries on one line are separated by ';'"));
}

/* A value sequence converted to type t. */
static Value *convert_seq(Builder *B, const Field *f, Type *t, ValSeq *vs, Block *owner)
{
    NodeList *it = &vs->items;
    if (it->n == 0)
        return NULL;
    /* `min 10` and `max 8`: range shorthand, only as an entry value. */
    if (t->k == TY_RANGE && it->n >= 2 && it->items[0]->kind == N_PATH &&
        (strcmp(it->items[0]->u.path, "min") == 0 || strcmp(it->items[0]->u.path, "max") == 0)) {
        bool lo = it->items[0]->u.path[1] == 'i';
        Value *end = convert_item(B, f, t->elem, it->items[1], owner);
        if (!end)
            return NULL;
        if (it->n > 2)
            extra_items(B, f, vs, 2, owner);
        Value *v = value_new(B, V_RANGE, vs->span);
        if (lo)
            v->u.range.lo = end;
        else
            v->u.range.hi = end;
        return v;
    }
    if (it->n > 1) {
        extra_items(B, f, vs, 1, owner);
        return NULL;
    }
    return convert_item(B, f, t, it->items[0], owner);
}

/* A range's end: quick_scalar's, else convert_item's (with its message). */
static HOT_INLINE Value *range_end(Builder *B, const Field *f, Type *t, Node *n, Block *owner)
{
    Value x;
    if (!quick_scalar(B, t, n, &x))
        return convert_item(B, f, t, n, owner);
    Value *v = value_new(B, x.k, n->span);
    v->u = x.u;
    return v;
}

static Block *find_ref(Program *p, Schema *kind, const char *name, Block *owner);

/* The program's named nested blocks by (kind, the name's bytes): for each,
 * the oldest of that kind and name, which find_ref answers for a settled
 * reference (ref_settled) from a batch item. A reference compared as it is
 * written in the text, four masked words, where sym_hash read the name a
 * second time and strcmp a third: a course's dozen goals. */
typedef struct NamedSlot {
    const Schema *kind; /* NULL: an empty slot */
    uint32_t len;
    uint64_t w[4];
    Block *block;
} NamedSlot;

struct NamedText {
    NamedSlot *slot;
    size_t mask;
};

static HOT_INLINE size_t named_hash(const Schema *kind, const uint64_t w[4], uint32_t len)
{
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h = ((uint64_t)(uintptr_t)kind ^ len) * k;
    for (int i = 0; i < 4; i++)
        h = (h ^ w[i]) * k;
    return (size_t)(h ^ h >> 29);
}

void build_index_named(Program *p)
{
    const SymTab *t = &p->nested_names;
    size_t n = 0, cap = 16;
    for (size_t i = 0; i < t->cap; i++)
        n += t->slots[i].e != NULL;
    while (cap < 2 * n)
        cap *= 2;
    struct NamedText *x = arena_alloc(p->arena, sizeof *x);
    x->slot = arena_array(p->arena, cap, sizeof *x->slot);
    x->mask = cap - 1;
    for (size_t i = 0; i < t->cap; i++) {
        SymEntry *e = t->slots[i].e;
        if (!e)
            continue;
        size_t len = strlen(e->name);
        if (len > NAME_TEXT)
            continue; /* find_ref's */
        while (e->next_same)
            e = e->next_same; /* the oldest */
        NamedSlot s = {e->kind, (uint32_t)len, {0}, e->block};
        memcpy(s.w, e->name, len);
        size_t h = named_hash(s.kind, s.w, s.len) & x->mask;
        while (x->slot[h].kind)
            h = (h + 1) & x->mask;
        x->slot[h] = s;
    }
    p->named_text = x;
}

/* The block a settled reference to `kind` names (n, a name as written):
 * from Program.named_text when its text can be read there, else find_ref. */
static HOT_INLINE Block *find_settled(Builder *B, Schema *kind, const Node *n, Block *owner)
{
    const struct NamedText *x = B->p->named_text;
    const SourceSet *ss = B->p->sources;
    uint32_t at = n->span.first_off, len = n->span.last_off - at;
    /* (A span without a place, SRC_NO_OFF, fails the length test.) */
    if (x && !kind->toplevel && len <= NAME_TEXT && n->span.file >= 0 && n->span.file < ss->n &&
        at + (size_t)NAME_TEXT <= ss->files[n->span.file]->len) {
        const char *t = ss->files[n->span.file]->text + at;
        uint64_t w[4];
        memcpy(w, t, sizeof w);
        for (int i = 0; i < 4; i++)
            w[i] &= words_mask[len][i];
        /* The name the lexer made of these bytes is their NFC form; a
         * filed name is NFC, so equal bytes are an equal name. */
        for (size_t h = named_hash(kind, w, len) & x->mask; x->slot[h].kind; h = (h + 1) & x->mask) {
            const NamedSlot *s = &x->slot[h];
            if (s->kind == kind && s->len == len && s->w[0] == w[0] && s->w[1] == w[1] && s->w[2] == w[2] &&
                s->w[3] == w[3])
                return s->block;
        }
    }
    return find_ref(B->p, kind, n->u.path, owner);
}

/* Whether a reference to a block of `kind` written in `owner` can be
 * resolved at once, as it is written: when what find_ref answers now is
 * what it would answer once the declaration is built. A top-level kind's
 * first declaration stays the first; a named kind that cannot be written
 * inside owner's top-level block (a course's goals, which frameworks
 * declare) has no block of the same declaration to prefer, and newer
 * blocks elsewhere do not change the oldest. */
static HOT_INLINE bool ref_settled(const Schema *kind, const Block *owner)
{
    if (!owner)
        return false;
    const Schema *top = (owner->top ? owner->top : owner)->schema;
    return kind->toplevel || (top->top_bit && !(kind->nested_in >> (top->top_bit - 1) & 1));
}

/* convert_item, with what converts without a message (nearly every value:
 * a number, a quantity, a string, an enum member, a reference, a range)
 * inline: convert_item's call, its saved registers and its second switch
 * were most of a value's conversion. The rest goes to convert_item. */
static HOT_INLINE Value *convert_one(Builder *B, const Field *f, Type *t, Node *n, Block *owner)
{
    Value *v;
    if (t->k == TY_REF) {
        if (n->kind != N_PATH)
            return convert_item(B, f, t, n, owner);
        v = value_new(B, V_REF, n->span);
        /* Resolved now when that is final; else (and when it fails, to
         * be reported in its turn) when the declaration is built. */
        if (!ref_settled(t->schema, owner) || !(v->u.ref = find_settled(B, t->schema, n, owner)))
            pend_ref(B, v, t->schema, n, owner);
        return v;
    }
    if (t->k == TY_RANGE) {
        if (n->kind != N_RANGE)
            return convert_item(B, f, t, n, owner);
        v = value_new(B, V_RANGE, n->span);
        if (n->u.range.lo && !(v->u.range.lo = range_end(B, f, t->elem, n->u.range.lo, owner)))
            return NULL;
        if (n->u.range.hi && !(v->u.range.hi = range_end(B, f, t->elem, n->u.range.hi, owner)))
            return NULL;
        return v;
    }
    return range_end(B, f, t, n, owner);
}

/* convert_seq, whose one-item case (nearly every value) is convert_one's:
 * inline, without convert_seq's call and tests. */
static HOT_INLINE Value *convert(Builder *B, const Field *f, Type *t, ValSeq *vs, Block *owner)
{
    if (vs->items.n == 1)
        return convert_one(B, f, t, vs->items.items[0], owner);
    return convert_seq(B, f, t, vs, owner);
}

/* The key was written (but its value was wrong): never report it missing. */
static void hint(Builder *B, Block *b, const Field *f)
{
    if (!b->hinted)
        b->hinted = arena_alloc(B->p->arena, (size_t)b->schema->nfields + 1);
    b->hinted[f->index] = 1;
}

static void dup_key(Builder *B, const Schema *s, const Field *f, Entry *parent, Span here)
{
    diag_error(B->p->diags, here, _("'%s' is given twice"), f->name);
    /* f is the field as written; the first entry may use another word for it. */
    const Field *same = model_field(s, f->name);
    for (int i = 0; parent && i < parent->body.n; i++)
        if (model_field(s, parent->body.items[i]->key) == same) {
            diag_note(B->p->diags, parent->body.items[i]->key_span, "%s", _("first given here"));
            break;
        }
}

/* Header slots after name and title, matched against the schema's patterns. */
static void build_header(Builder *B, Block *b, Entry *e)
{
    Schema *s = b->schema;
    Diags *d = B->p->diags;
    if (e->nvals > 1) {
        diag_error(d, e->vals[1].span, _("unexpected ',' in the first line of a '%s'"), e->key);
        return;
    }
    NodeList empty = {NULL, 0, 0};
    NodeList *it = e->nvals ? &e->vals[0].items : &empty;
    int i = 0;
    if (s->named) {
        if (i < it->n && it->items[i]->kind == N_PATH) {
            Node *nm = it->items[i++];
            if (!s->qualified && strchr(nm->u.path, '.')) {
                diag_error(d, nm->span, _("a %s's name cannot contain '.'"), kind_word(b));
                char *u = arena_strdup(B->p->arena, nm->u.path);
                for (char *q = u; *q; q++)
                    if (*q == '.')
                        *q = '_';
                diag_help(d, _("use '_' between words: %s"), u);
            }
            b->name = nm->u.path;
            b->name_span = nm->span;
        } else {
            Span at = i < it->n ? it->items[i]->span : e->key_span;
            diag_error(d, at, _("a '%s' needs a name"), e->key);
            diag_help(d, s->titled ? _("write: %s NAME \"title\" { ... }") : _("write: %s NAME { ... }"), e->key);
            return;
        }
    }
    if (s->titled && i < it->n && it->items[i]->kind == N_STR)
        b->title = it->items[i++]->u.str.s;
    int rest = it->n - i;
    if (rest == 0 && s->nheaders == 0)
        return;
    for (int k = 0; k < s->nheaders; k++) {
        HeaderPattern *hp = &s->headers[k];
        if (hp->n != rest)
            continue;
        bool ok = true;
        for (int j = 0; j < hp->n && ok; j++) {
            Node *x = it->items[i + j];
            if (hp->slots[j].marker)
                ok = x->kind == N_PATH && strcmp(x->u.path, hp->slots[j].marker) == 0;
        }
        if (!ok)
            continue;
        for (int j = 0; j < hp->n; j++) {
            Field *f = hp->slots[j].field;
            if (!f)
                continue;
            Value *v = convert_item(B, f, f->type, it->items[i + j], b);
            if (v)
                b->vals[f->index] = v;
            else
                hint(B, b, f);
        }
        return;
    }
    if (rest == 0) {
        /* Every pattern wants something after the name. */
        diag_error(d, e->key_span, _("'%s' is incomplete"), e->key);
    } else if (s->nheaders == 0 && !e->is_block && !s->named && !s->titled) {
        diag_error(d, it->items[i]->span, _("'%s' is a block: write %s { ... }"), e->key, e->key);
        return;
    } else if (s->nheaders == 0) {
        Node *x = it->items[i];
        /* TRANSLATORS: %s is what was written, as describe() words it: "the string \"Forår\"" */
        if (s->titled)
            diag_error(d, x->span, _("did not expect %s after the name and title"), describe(B, x));
        else if (s->named)
            diag_error(d, x->span, _("did not expect %s after the name"), describe(B, x));
        else
            diag_error(d, x->span, _("did not expect %s after '%s'"), describe(B, x), e->key);
        if (s->titled && x->kind == N_PATH)
            diag_help(d, "%s", _("a title is written in quotes"));
        else if (!s->titled && x->kind == N_STR)
            diag_help(d, _("a '%s' has no title: remove the string, or write it as a comment after '#'"), e->key);
        return;
    } else {
        diag_error(d, span_join(it->items[i]->span, it->items[it->n - 1]->span),
                   _("'%s' does not fit the forms of a %s"), ast_to_text(B->p->arena, it->items[i]), kind_word(b));
    }
    /* Show the accepted forms. */
    for (int k = 0; k < s->nheaders; k++) {
        char *form = arena_printf(B->p->arena, "%s%s", e->key, s->titled ? " \"title\"" : "");
        for (int j = 0; j < s->headers[k].n; j++) {
            Slot *sl = &s->headers[k].slots[j];
            form = arena_printf(B->p->arena, "%s %s", form,
                                sl->marker ? sl->marker : arena_printf(B->p->arena, "%s", sl->field->name));
        }
        diag_note(d, span_none(), _("accepted: %s"), form);
    }
}

/* Inline: a course's modules, targets and roles (seven a course), each a
 * call whose saved registers cost as much as the names compared. */
static HOT_INLINE void add_to_many(Builder *B, Block *b, const Field *f, int index, Value *v, Span at)
{
    Value **slot = &b->vals[index]; /* f->index, from the word (fill_body) */
    if (!*slot)
        *slot = value_new(B, V_LIST, at);
    /* Named blocks in a many-list must have distinct names. */
    if (v->k == V_BLOCK && v->u.block->name) {
        const char *name = v->u.block->name;
        for (int i = 0; i < (*slot)->u.list.n; i++) {
            Value *o = (*slot)->u.list.items[i];
            const char *on = o->k == V_BLOCK ? o->u.block->name : NULL;
            /* Siblings' names mostly differ in their first two bytes (m1, m2;
             * peers, paid_peers): those before the call. */
            if (on && on[0] == name[0] &&
                (!on[0] || (on[1] == name[1] && (!on[1] || strcmp(on + 2, name + 2) == 0)))) {
                diag_error(B->p->diags, v->u.block->name_span, _("%s '%s' is declared twice"), f->name, v->u.block->name);
                diag_note(B->p->diags, o->u.block->name_span, "%s", _("first declared here"));
                return;
            }
        }
    }
    list_push(B, *slot, v);
}

static void register_named(Builder *B, Block *b)
{
    Program *p = B->p;
    /* The tables serve references (find_ref) only: a kind no field refers
     * to (a course's modules) is listed, not filed. */
    bool file = b->schema->referenced;
    if (p->in_scope) { /* a batch item: its names go when it goes */
        /* Room for 16 at first (arena_push's 4, then 8 and 16, were three
         * calls and two copies for a course's nine goals and targets). */
        if (p->nscope_named == p->scope_cap) {
            p->scope_cap = p->scope_cap ? 2 * p->scope_cap : 16;
            p->scope_named = arena_grow_raw(p->arena, p->scope_named, (size_t)p->nscope_named, (size_t)p->scope_cap,
                                            sizeof *p->scope_named);
        }
        p->scope_named[p->nscope_named++] = b;
        return; /* filed when a reference looks (file_scope) */
    }
    p->named = arena_push(p->arena, p->named, (size_t)p->nnamed, sizeof *p->named);
    p->named[p->nnamed++] = b;
    if (file)
        sym_add(&p->nested_names, b->schema, b->name, b);
}

/* `remove NAME, ...` in a block of a declaration that extends another: the
 * named children of the base's block (a module, an instructor role, a
 * target) that this one does not inherit. Names only; merge_into checks
 * that the base has them. */
static void add_removes(Builder *B, Block *b, Entry *c)
{
    Diags *d = B->p->diags;
    const Entry *top = (b->top ? b->top : b)->entry;
    if (!top || !top->extends) {
        diag_error(d, c->key_span, _("'remove' drops what a block inherits, but %s '%s' extends nothing"),
                   (b->top ? b->top : b)->schema->name, (b->top ? b->top : b)->name ? (b->top ? b->top : b)->name : "");
        return;
    }
    if (b->top) {
        /* A nested block the variant writes replaces the parent's whole
         * (LANGUAGE.md §3): there is nothing in it to leave out. */
        diag_error(d, c->key_span, "%s", _("'remove' stands in the declaration itself: a nested block the variant "
                                         "writes replaces the parent's whole"));
        diag_help(d, "%s", _("write the block with just what the variant keeps"));
        return;
    }
    if (c->is_block || c->nvals == 0) {
        diag_error(d, c->key_span, _("'remove' needs the names of what to drop, as in: remove peer_teacher"));
        return;
    }
    for (int k = 0; k < c->nvals; k++)
        for (int j = 0; j < c->vals[k].items.n; j++) {
            const Node *n = c->vals[k].items.items[j];
            if ((n->kind != N_PATH || strchr(n->u.path, '.')) && n->kind != N_STR) {
                diag_error(d, n->span, _("'remove' takes names (module m3's name m3) or the text of an item "
                                         "(a requirement's \"At least 18\")"));
                continue;
            }
            b->removes = arena_push(B->p->arena, (void *)b->removes, (size_t)b->nremoves, sizeof *b->removes);
            b->remove_spans = arena_push(B->p->arena, b->remove_spans, (size_t)b->nremoves, sizeof *b->remove_spans);
            b->removes[b->nremoves] = n->kind == N_STR ? n->u.str.s : n->u.path;
            b->remove_spans[b->nremoves++] = n->span;
        }
}

/* Whether blocks of `kind` can be written in a file: a toplevel kind, or one
 * nested (`block KIND`) in a kind that can. A kind only a component fills
 * (what the scheduler placed) cannot. */
static bool writable(const Program *p, const Schema *kind)
{
    bool *can = arena_array(p->arena, (size_t)p->nschemas + 1, sizeof *can);
    bool grew = true;
    for (int i = 0; i < p->nschemas; i++)
        can[i] = p->schemas[i]->toplevel;
    while (grew) {
        grew = false;
        for (int i = 0; i < p->nschemas; i++)
            for (int k = 0; can[i] && k < p->schemas[i]->nfields; k++) {
                const Type *t = p->schemas[i]->fields[k]->type;
                for (int j = 0; t->k == TY_BLOCK && j < p->nschemas; j++)
                    if (p->schemas[j] == t->schema && !can[j])
                        can[j] = grew = true;
            }
    }
    for (int i = 0; i < p->nschemas; i++)
        if (p->schemas[i] == kind)
            return can[i];
    return false;
}

static void fill_body(Builder *B, Block *b, Entry *e)
{
    Schema *s = b->schema;
    const Source *src = B->p->sources->files[b->file];
    Diags *d = B->p->diags;
    /* Read once: the stores of the loop (a block's values) could be any of
     * them for the compiler, which read them again for every key. */
    const struct FieldWords *words = s->words;
    const int file = b->file;
    const char *text = src->text;
    const size_t len = src->len;
    Entry *const *body = e->body.items;
    const int nbody = e->body.n;
    for (int i = 0; i < nbody; i++) {
        Entry *c = body[i];
        /* model_field_as, inline: every key of every course, first by its
         * bytes in the text when WORDS_TEXT bytes can be read there. */
        const FieldWord *w = NULL;
        FieldWord own; /* without words: what a word holds, from the field */
        if (words) {
            uint32_t at = c->key_span.first_off, n = c->key_span.last_off - at;
            /* (A span without a place, SRC_NO_OFF, fails the last test.) */
            if (c->key_span.file == file && n <= WORDS_TEXT && at + (size_t)WORDS_TEXT <= len)
                w = words_text(words, text + at, n);
            if (!w)
                w = words_entry(words, c->key);
        } else {
            bool alias;
            Field *of = model_field_as(s, c->key, &alias);
            if (of) {
                own = (FieldWord){.alias = alias, .many = of->many, .derived = of->derived != NULL,
                                  .index = of->index, .field = of, .type = of->type};
                w = &own;
            }
        }
        if (!w && strcmp(c->key, "remove") == 0) {
            add_removes(B, b, c);
            continue;
        }
        if (!w) {
            diag_error(d, c->key_span, _("unknown key '%s' in %s '%s'"), c->key, kind_word(b),
                       b->name ? b->name : kind_word(b));
            const char *sug = suggest_field(B, s, c->key);
            if (sug) {
                diag_suggest(d, sug);
                /* Do not also report the suggested key as missing. */
                if (!b->hinted)
                    b->hinted = arena_alloc(B->p->arena, (size_t)s->nfields + 1);
                b->hinted[model_field(s, sug)->index] = 1;
            }
            else if (model_schema(B->p, c->key) && model_schema(B->p, c->key)->toplevel)
                diag_help(d, _("a %s is declared at the top level of a file, not inside a %s"), c->key, kind_word(b));
            else {
                /* A key of a sibling kind: `length` belongs in practicum. */
                Schema *home = NULL;
                int homes = 0;
                for (int k = 0; k < B->p->nschemas; k++)
                    if (B->p->schemas[k] != s && !B->p->schemas[k]->toplevel && model_field(B->p->schemas[k], c->key) &&
                        writable(B->p, B->p->schemas[k])) {
                        home = B->p->schemas[k];
                        homes++;
                    }
                if (homes == 1)
                    diag_help(d, _("'%s' belongs in a %s block"), c->key, home->name);
            }
            continue;
        }
        /* The field's type, flags and index are read from its word
         * (words.h); an alias is the field itself, only messages see the
         * word written. */
        Field *f = w->field, written;
        if (w->alias) {
            written = *f;
            written.name = c->key;
            f = &written;
        }
        if (w->derived) {
            diag_error(d, c->key_span, _("'%s' is derived from the other fields of %s: it cannot be written"), c->key, s->name);
            continue;
        }
        if (c->extends)
            diag_error(d, c->extends->span, _("only a top-level declaration can use 'extends'"));
        if (w->type->k == TY_BLOCK) {
            Block *nb = build_block(B, w->type->schema, c, b, b->top ? b->top : b, file);
            Value *v = value_new(B, V_BLOCK, c->span);
            v->u.block = nb;
            if (w->many) {
                add_to_many(B, b, f, w->index, v, c->span);
            } else if (b->vals[w->index]) {
                dup_key(B, s, f, e, c->key_span);
            } else {
                b->vals[w->index] = v;
            }
            continue;
        }
        if (c->is_block) {
            hint(B, b, f);
            if (c->body.had_error)
                continue; /* the parser has said what is wrong */
            diag_error(d, c->open_brace, _("'%s' takes %s, not a block"), c->key, type_phrase(B->p->arena, w->type));
            if (w->type->k == TY_LIST)
                diag_help(d, _("a list is written without braces: %s a, b"), c->key);
            continue;
        }
        Value *v = NULL;
        if (c->nvals == 0) {
            if (w->type->k == TY_BOOL) {
                v = value_new(B, V_BOOL, c->span);
                v->u.b = true; /* a flag: the bare key means yes */
            } else {
                diag_error(d, c->key_span, _("'%s' needs a value: %s"), c->key, type_phrase(B->p->arena, w->type));
                hint(B, b, f);
                continue;
            }
        } else if (w->type->k == TY_LIST) {
            v = value_new(B, V_LIST, c->span);
            for (int k = 0; k < c->nvals; k++) {
                Value *item = convert(B, f, w->type->elem, &c->vals[k], b);
                if (item)
                    list_push(B, v, item);
            }
        } else {
            if (c->nvals > 1) {
                ValSeq *second = &c->vals[1];
                Node *first = c->vals[0].items.items[c->vals[0].items.n - 1];
                if (second->after_comma_newline && second->items.n > 1) {
                    diag_error(d, second->span, _("trailing comma: the list continues on the next line"));
                    diag_help(d, "%s", _("remove the ',' at the end of the previous line"));
                    Node *k0 = second->items.items[0];
                    Field *swallowed = k0->kind == N_PATH ? model_field(s, k0->u.path) : NULL;
                    if (swallowed)
                        hint(B, b, swallowed);
                } else if (first->kind == N_INT && c->nvals == 2 && second->items.n == 1 &&
                           (second->items.items[0]->kind == N_INT || second->items.items[0]->kind == N_QTY)) {
                    diag_error(d, span_join(first->span, second->span), _("'%s' takes one value, not a list"), c->key);
                    diag_help(d, _("decimals are written with a point: %lld.%s"), (long long)first->u.i,
                              ast_to_text(B->p->arena, second->items.items[0]));
                } else {
                    diag_error(d, second->span, _("'%s' takes one value (%s), not a list"), c->key,
                               type_phrase(B->p->arena, w->type));
                }
                hint(B, b, f);
                continue;
            }
            v = convert(B, f, w->type, &c->vals[0], b);
        }
        if (!v) {
            hint(B, b, f);
            continue;
        }
        if (w->many)
            add_to_many(B, b, f, w->index, v, c->span);
        else if (b->vals[w->index])
            dup_key(B, s, f, e, c->key_span);
        else
            b->vals[w->index] = v;
    }
}

static Block *build_block(Builder *B, Schema *s, Entry *e, Block *parent, Block *top, int file)
{
    /* The block and its values in one zeroed allocation (the values
     * absent until written): one call where two cost 80 instructions. */
    Block *b = arena_alloc(B->p->arena, sizeof *b + ((size_t)s->nfields + 1) * sizeof *b->vals);
    b->vals = (Value **)(b + 1);
    b->schema = s;
    b->entry = e;
    b->span = e->span;
    b->name_span = e->key_span;
    b->parent = parent;
    b->top = top;
    b->file = file;
    build_header(B, b, e);
    fill_body(B, b, e);
    if (parent && b->name)
        register_named(B, b);
    return b;
}

Block *build_toplevel(Builder *B, Schema *kind, Entry *e, int file)
{
    Block *b = build_block(B, kind, e, NULL, NULL, file);
    if (e->extends) {
        if (!kind->extendable) {
            diag_error(B->p->diags, e->extends->span, _("a %s cannot extend another"), kind->name);
        } else {
            b->extends_name = e->extends->u.path;
            b->extends_span = e->extends->span;
        }
    }
    return b;
}

void build_enter_scope(Program *p, Arena *a)
{
    p->in_scope = true;
    p->scope_names = (SymTab){.arena = a};
    p->scope_named = NULL;
    p->nscope_named = p->nscope_filed = p->scope_cap = 0;
}

/* The batch item's named blocks registered since the last call, filed by
 * name when their kind is one a reference can name (as register_named
 * files the program's): a course's targets were hashed and filed for the
 * few courses whose modules name them (mandatory_for); now only when a
 * reference looks. Filed in the order registered, the table is the one
 * filing each as it came would have made. */
static void file_scope(Program *p)
{
    if (p->nscope_filed == p->nscope_named)
        return;
    if (!p->scope_names.slots)
        sym_init(&p->scope_names, p->scope_names.arena);
    for (int i = p->nscope_filed; i < p->nscope_named; i++)
        if (p->scope_named[i]->schema->referenced)
            sym_add(&p->scope_names, p->scope_named[i]->schema, p->scope_named[i]->name, p->scope_named[i]);
    p->nscope_filed = p->nscope_named;
}

/* The block a name refers to: a top-level declaration, or a named nested
 * block (a goal, a target), preferring the one in the same declaration. */
static Block *find_ref(Program *p, Schema *kind, const char *name, Block *owner)
{
    if (kind->toplevel)
        return model_decl(p, kind, name);
    Block *any = NULL;
    Block *top = owner ? (owner->top ? owner->top : owner) : NULL;
    /* Hashed once for both tables: hashing the name is most of a lookup. */
    size_t h = sym_hash(kind, name);
    /* A batch item's own names first; they are newer than the program's. */
    if (p->in_scope) {
        file_scope(p);
        for (SymEntry *e = sym_find_hashed(&p->scope_names, kind, name, h); e; e = e->next_same) {
            if (e->block->top == top)
                return e->block;
            any = e->block;
        }
    }
    for (SymEntry *e = sym_find_hashed(&p->nested_names, kind, name, h); e; e = e->next_same) {
        if (e->block->top == top)
            return e->block;
        any = e->block; /* the oldest, when none is in the same declaration */
    }
    return any;
}

static void resolve_ref(Builder *B, PendingRef *r)
{
    Program *p = B->p;
    const char *name = r->name->u.path;
    Block *t = find_ref(p, r->kind, name, r->owner);
    if (t) {
        r->v->u.ref = t;
        return;
    }
    diag_error(p->diags, r->name->span, _("no %s named '%s'"), r->kind->name, name);
    int nscope = p->in_scope ? p->nscope_named : 0, nitems = 0;
    const char **items = p->batch_hooks ? p->batch_hooks->item_names(p, r->kind, &nitems) : NULL;
    const char **c = arena_array(p->arena, (size_t)(p->ndecls + p->nnamed + nscope + nitems) + 1, sizeof *c);
    int n = 0;
    for (int i = 0; i < nitems; i++)
        c[n++] = items[i];
    for (int i = 0; i < p->ndecls; i++)
        if (p->decls[i]->schema == r->kind)
            c[n++] = p->decls[i]->name;
    for (int i = 0; i < p->nnamed; i++)
        if (p->named[i]->schema == r->kind)
            c[n++] = p->named[i]->name;
    for (int i = 0; i < nscope; i++)
        if (p->scope_named[i]->schema == r->kind)
            c[n++] = p->scope_named[i]->name;
    const char *sug = model_suggest(name, c, n);
    if (sug)
        diag_suggest(p->diags, sug);
    else if (r->kind->toplevel) {
        bool module = false;
        for (int k = 0; k < p->nsearch && !module; k++)
            module = access(arena_printf(p->arena, "%s/%s.ramme", p->search[k], name), R_OK) == 0;
        if (module)
            diag_help(p->diags, _("add 'import \"%s\"' at the top of the file"), name);
        else
            diag_help(p->diags, "%s", _("import the file that declares it: import \"./FILE.ramme\""));
    }
    r->v->u.ref = NULL;
}

void build_resolve_refs(Builder *B)
{
    /* New refs may be added while resolving (defaults): they are appended,
     * and the walk reaches them. */
    for (PendingRef *r = B->refs; r; r = r->next)
        if (!r->v->u.ref)
            resolve_ref(B, r);
    B->refs = B->last_ref = NULL;
}

static const char *item_name(const Value *v)
{
    return model_item_key(v);
}

/* Whether `name` is one of b's `remove` names; marks it used. */
static bool removed(const Block *b, const char *name, bool *used)
{
    for (int i = 0; name && i < b->nremoves; i++)
        if (strcmp(b->removes[i], name) == 0) {
            used[i] = true;
            return true;
        }
    return false;
}

/* The child's entries over the parent's (LANGUAGE.md §3, the contract):
 * a field the child does not write is inherited; a scalar, a list or a
 * single nested block the child writes replaces the parent's whole (so a
 * variant that writes `instructors { ... }` gives its whole teaching team);
 * a `many` item replaces the parent's item of the same name or key
 * (model_item_key: a requirement's text), or is added; `remove NAME` (in
 * the declaration itself) leaves a named item of the parent's out. */
static void merge_fields(Builder *B, Block *b, const Block *base)
{
    Schema *s = b->schema;
    bool *used = arena_array(B->p->arena, (size_t)b->nremoves + 1, sizeof *used);
    for (int i = 0; i < s->nfields; i++) {
        Field *f = s->fields[i];
        Value *mine = b->vals[i], *theirs = base->vals[i];
        if (!theirs)
            continue;
        if (!mine && !f->many) {
            b->vals[i] = theirs;
            continue;
        }
        if (!f->many)
            continue;
        Value *merged = value_new(B, V_LIST, mine ? mine->span : theirs->span);
        for (int k = 0; k < theirs->u.list.n; k++)
            if (!removed(b, item_name(theirs->u.list.items[k]), used))
                list_push(B, merged, theirs->u.list.items[k]);
        for (int k = 0; mine && k < mine->u.list.n; k++) {
            Value *m = mine->u.list.items[k];
            const char *nm = item_name(m);
            bool replaced = false;
            for (int j = 0; nm && j < merged->u.list.n; j++) {
                const char *on = item_name(merged->u.list.items[j]);
                if (on && strcmp(on, nm) == 0) {
                    merged->u.list.items[j] = m;
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
                list_push(B, merged, m);
        }
        /* Even empty: `remove` of every item declares that there are none. */
        b->vals[i] = merged;
    }
    for (int i = 0; i < b->nremoves; i++) {
        if (used[i])
            continue;
        diag_error(B->p->diags, b->remove_spans[i], _("cannot remove '%s': nothing of that name is inherited here"),
                   b->removes[i]);
        const char *cand[256];
        int nc = 0;
        for (int k = 0; k < s->nfields && nc < 256; k++) {
            const Value *v = base->vals[k];
            if (s->fields[k]->many && v && v->k == V_LIST)
                for (int j = 0; j < v->u.list.n && nc < 256; j++)
                    if (item_name(v->u.list.items[j]))
                        cand[nc++] = item_name(v->u.list.items[j]);
        }
        const char *sug = model_suggest(b->removes[i], cand, nc);
        if (sug)
            diag_suggest(B->p->diags, sug);
    }
}

static void merge_into(Builder *B, Block *b, Block *base)
{
    if (!b->title)
        b->title = base->title;
    merge_fields(B, b, base);
}

void build_merge_extends(Builder *B)
{
    for (int i = 0; i < B->p->ndecls; i++)
        build_merge_block(B, B->p->decls[i]);
}

void build_merge_block(Builder *B, Block *b)
{
    Program *p = B->p;
    if (!b->extends_name || b->merge_state == 2)
        return;
    /* Walk the chain without recursion: collect it, detect a cycle or
     * a missing base, then merge from the far end back. */
    Block *chain[BUILD_MAX_EXTENDS + 1];
    int n = 0;
    Block *cur = b;
    bool bad = false;
    while (cur && cur->extends_name && cur->merge_state != 2) {
        for (int k = 0; k < n; k++)
            if (chain[k] == cur) {
                diag_error(p->diags, chain[k]->extends_span, _("'extends' cycle"));
                for (int j = k; j < n; j++)
                    /* TRANSLATORS: 'extends' is the keyword written in the file. */
                    diag_note(p->diags, chain[j]->extends_span, _("%s extends %s"), chain[j]->name,
                              chain[j]->extends_name);
                bad = true;
                break;
            }
        if (bad)
            break;
        /* The chain so far plus what an already merged base carries. */
        Block *nb = model_decl(p, cur->schema, cur->extends_name);
        int carried = nb && nb->merge_state == 2 ? nb->chain + 1 : 0;
        if (n + carried >= BUILD_MAX_EXTENDS) {
            diag_error(p->diags, b->extends_span, _("'extends' chain is longer than %d"), BUILD_MAX_EXTENDS);
            bad = true;
            break;
        }
        chain[n++] = cur;
        Block *base = model_decl(p, cur->schema, cur->extends_name);
        if (!base) {
            diag_error(p->diags, cur->extends_span, _("no %s named '%s' to extend"), cur->schema->name,
                       cur->extends_name);
            int nitems = 0;
            const char **items = p->batch_hooks ? p->batch_hooks->item_names(p, cur->schema, &nitems) : NULL;
            const char **c = arena_array(p->arena, (size_t)(p->ndecls + nitems) + 1, sizeof *c);
            int nc = 0;
            for (int k = 0; k < p->ndecls; k++)
                if (p->decls[k]->schema == cur->schema && p->decls[k] != cur)
                    c[nc++] = p->decls[k]->name;
            for (int k = 0; k < nitems; k++)
                if (!cur->name || strcmp(items[k], cur->name) != 0)
                    c[nc++] = items[k];
            const char *sug = model_suggest(cur->extends_name, c, nc);
            if (sug)
                diag_suggest(p->diags, sug);
            bad = true;
            break;
        }
        cur->base = base;
        cur = base;
    }
    for (int k = 0; k < n; k++)
        chain[k]->merge_state = 2;
    if (bad) {
        for (int k = 0; k < n; k++)
            chain[k]->base = NULL;
        return;
    }
    for (int k = n - 1; k >= 0; k--) {
        merge_into(B, chain[k], chain[k]->base);
        chain[k]->chain = chain[k]->base->chain + 1;
    }
}

/* Whether converting a value of type t can need its block: a reference is
 * resolved from where it is written, an expression typed against it. */
static bool needs_block(const Type *t)
{
    switch (t->k) {
    case TY_REF:
    case TY_DAY:
    case TY_PRED:
    case TY_TEMPLATE:
    case TY_MEASURE:
    case TY_BLOCK:
    case TY_ERROR:
        return true;
    case TY_RANGE:
    case TY_LIST:
        return needs_block(t->elem);
    default:
        return false;
    }
}

/* Whether finish_block has anything to do with field f of a block: go into
 * it (a block), or, when it is absent, give its default or say it is
 * missing. An optional field without a default, left out, is nothing. */
static bool finish_visits(const Field *f)
{
    return f->type->k == TY_BLOCK || f->def_value || !f->optional || f->def || f->many;
}

/* For a top-level kind `top` (the first 64 of them), the kinds that can be
 * written inside its blocks: their nested_in bits (ref_settled). */
static void nest_kinds(Program *p, Schema *top)
{
    if (!top->toplevel)
        return;
    int bit = 0;
    for (int k = 0; k < p->nschemas && p->schemas[k] != top; k++)
        bit += p->schemas[k]->toplevel;
    if (bit >= 64)
        return; /* top_bit 0: its references wait for the declaration */
    top->top_bit = bit + 1;
    uint64_t b = (uint64_t)1 << bit;
    Schema *stack[256];
    int n = 0;
    stack[n++] = top;
    while (n > 0) {
        Schema *s = stack[--n];
        for (int i = 0; i < s->nfields; i++) {
            const Type *t = s->fields[i]->type;
            while ((t->k == TY_LIST || t->k == TY_RANGE) && t->elem)
                t = t->elem;
            if (t->k != TY_BLOCK || !t->schema)
                continue;
            if (n == 256) {
                top->top_bit = 0; /* too many to follow: wait, as before */
                return;
            }
            if (!(t->schema->nested_in & b)) {
                t->schema->nested_in |= b;
                stack[n++] = t->schema;
            }
        }
    }
}

void build_defaults(Program *p)
{
    Builder B = {p, NULL, NULL, NULL, 0};
    Diags *diags = p->diags;
    for (int k = 0; k < p->nschemas; k++) {
        for (int i = 0; i < p->schemas[k]->nfields; i++) {
            Field *f = p->schemas[k]->fields[i];
            if (!f->def || needs_block(f->type))
                continue;
            /* A default that does not convert is reported where a block
             * leaves the field out, as before: tried aside here, and kept
             * only when it says nothing. */
            Diags aside;
            diag_init(&aside);
            p->diags = &aside;
            Value *v = convert(&B, f, f->type, f->def, NULL);
            p->diags = diags;
            if (v && aside.n == 0 && aside.errors == 0 && aside.warnings == 0) {
                v->is_default = true;
                v->span = f->span;
                f->def_value = v;
            }
            diag_free(&aside);
        }
        /* How many fields finish_block visits: a course's modules have
         * none, its theory none. */
        Schema *s = p->schemas[k];
        nest_kinds(p, s);
        s->nfinish = 0;
        for (int i = 0; i < s->nfields; i++)
            s->nfinish += finish_visits(s->fields[i]);
    }
    /* The fields themselves, once every kind's count is known (a block
     * field of a kind with none is not gone into). */
    for (int k = 0; k < p->nschemas; k++) {
        Schema *s = p->schemas[k];
        FinishField *at = arena_array(p->arena, (size_t)s->nfinish + 1, sizeof *at);
        int n = 0;
        for (int i = 0; i < s->nfields; i++) {
            const Field *f = s->fields[i];
            if (!finish_visits(f))
                continue;
            const Schema *ks = f->type->k == TY_BLOCK ? f->type->schema : NULL;
            at[n++] = (FinishField){
                .index = i,
                .into = f->type->k == TY_BLOCK && !(ks && ks->nfinish == 0),
                .absent = !f->def_value && (!f->optional || f->def || f->many),
                .def_value = f->def_value,
            };
        }
        s->finish = at;
    }
}

/* A field b leaves out that has no default converted once: its default
 * converted here, or whether it may be left out. */
static void finish_absent(Builder *B, Block *b, int i)
{
    Field *f = b->schema->fields[i];
    Diags *d = B->p->diags;
    if (f->def) {
        Value *dv = convert(B, f, f->type, f->def, b);
        if (dv) {
            dv->is_default = true;
            dv->span = f->span;
            b->vals[i] = dv;
        }
    } else if ((b->entry && b->entry->body.had_error) || (b->extends_name && !b->base)) {
        /* A line did not parse, or the base is unknown: the key may be there. */
    } else if (f->many && f->required) {
        if (b->name)
            diag_error(d, b->name_span, _("%s %s needs at least one '%s'"), kind_word(b), b->name, key_word(b, f));
        else
            diag_error(d, b->name_span, _("%s needs at least one '%s'"), kind_word(b), key_word(b, f));
    } else if (!f->optional && !f->many && !(b->hinted && b->hinted[i])) {
        const char *k = key_word(b, f);
        if (b->name)
            diag_error(d, b->name_span, _("%s %s is missing '%s'"), kind_word(b), b->name, k);
        else
            diag_error(d, b->name_span, _("%s is missing '%s'"), kind_word(b), k);
        if (f->type->k == TY_BLOCK)
            diag_help(d, _("add a block: %s { ... }"), k);
        else
            diag_help(d, _("add a line: %s VALUE (%s)"), k, type_name(B->p->arena, f->type));
        if (k != f->name)
            diag_note(d, span_none(), _("'%s' is the same key as '%s'"), k, f->name);
    }
}

static void finish_block(Builder *B, Block *b, int depth)
{
    if (b->finished || depth > AST_MAX_DEPTH) /* nesting is bounded by the parser */
        return;
    b->finished = true;
    const Schema *s = b->schema;
    for (const FinishField *ff = s->finish, *end = ff + s->nfinish; ff < end; ff++) {
        Value *v = b->vals[ff->index];
        if (!v) {
            /* A default is never a block (schema.c): nothing to go into. */
            if (ff->def_value)
                b->vals[ff->index] = ff->def_value;
            else if (ff->absent)
                finish_absent(B, b, ff->index);
            continue;
        }
        /* A kind with nothing to finish (a course's modules) is not
         * visited (into): its blocks would only be marked finished. */
        if (!ff->into)
            continue;
        if (v->k == V_BLOCK)
            finish_block(B, v->u.block, depth + 1);
        else if (v->k == V_LIST)
            for (int k = 0; k < v->u.list.n; k++)
                if (v->u.list.items[k]->k == V_BLOCK)
                    finish_block(B, v->u.list.items[k]->u.block, depth + 1);
    }
}

void build_finish(Builder *B)
{
    for (int i = 0; i < B->p->ndecls; i++)
        finish_block(B, B->p->decls[i], 0);
    build_resolve_refs(B); /* references written as defaults (calendar dk) */
}

void build_finish_block(Builder *B, Block *b)
{
    finish_block(B, b, 0);
    build_resolve_refs(B);
}
