/* model.c — lookups over the typed model, type names, and did-you-mean. */
#include "model/model.h"
#include "model/words.h"
#include "base/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#if defined(__GNUC__)
/* The layouts model.h describes (a value's kind in a byte: MODEL_PACKED). */
_Static_assert(sizeof(void *) != 8 || sizeof(Value) == 32, "Value grew: see the layout in model.h");
_Static_assert(sizeof(void *) != 8 || sizeof(Block) == 168, "Block grew: see the layout in model.h");
/* What fill_body reads of a field in the one line it is most likely in
 * (model.h), and a word in one line's size (words.h). */
_Static_assert(sizeof(void *) != 8 || offsetof(Field, key) < 32, "Field's hot members left its first 32 bytes");
_Static_assert(sizeof(void *) != 8 || sizeof(FieldWord) == 64, "FieldWord grew past a cache line");
#endif

Schema *model_schema(const Program *p, const char *name)
{
    for (int i = 0; i < p->nschemas; i++)
        if (strcmp(p->schemas[i]->name, name) == 0)
            return p->schemas[i];
    for (int i = 0; i < p->nschemas; i++)
        for (int k = 0; k < p->schemas[i]->naliases; k++)
            if (strcmp(p->schemas[i]->aliases[k], name) == 0)
                return p->schemas[i];
    return NULL;
}

EnumDef *model_enum(const Program *p, const char *name)
{
    for (int i = 0; i < p->nenums; i++)
        if (strcmp(p->enums[i]->name, name) == 0)
            return p->enums[i];
    return NULL;
}

static void add_word(struct FieldWords *x, int *n, const char *word, Field *f, bool alias, int member)
{
    /* The first free slot from the word's own on: a word equal to one
     * filed before it lies further along, so the first that matches is the
     * scan's. */
    uint32_t p = prefix3(word);
    unsigned i = bucket_of(p, x->shift);
    while (x->w[i].word)
        i = (i + 1) & x->mask;
    FieldWord *w = &x->w[i];
    size_t len = strlen(word);
    (*n)++;
    *w = (FieldWord){.prefix = p, .len = len <= WORDS_TEXT ? (uint8_t)len : WORDS_LONG,
                     .alias = alias, .member = member, .field = f, .word = word};
    if (f) {
        w->many = f->many;
        w->derived = f->derived != NULL;
        w->index = f->index;
        w->type = f->type;
    }
    if (len <= WORDS_TEXT)
        memcpy(w->bytes, word, len);
}

/* An empty index for nw words. */
static struct FieldWords *words_new(Arena *a, int nw)
{
    /* At least twice the words' slots: a probe ends at a free one. */
    unsigned bits = 3;
    while ((1u << bits) < 2u * (unsigned)nw && bits < 30)
        bits++;
    struct FieldWords *x = arena_alloc(a, sizeof *x);
    /* Zeroed (a free slot has no word), each word on a line of its own. */
    size_t size = ((size_t)1 << bits) * sizeof *x->w;
    unsigned char *raw = arena_alloc(a, size + WORDS_LINE - ARENA_ALIGN);
    x->w = (FieldWord *)(raw + (-(uintptr_t)raw & (WORDS_LINE - 1)));
    x->shift = 32 - bits;
    x->mask = (1u << bits) - 1;
    return x;
}

void model_index_fields(Arena *a, Schema *s)
{
    int nw = 0;
    for (int i = 0; i < s->nfields; i++)
        nw += 1 + s->fields[i]->naliases;
    struct FieldWords *x = words_new(a, nw);
    int n = 0;
    for (int i = 0; i < s->nfields; i++)
        add_word(x, &n, s->fields[i]->name, s->fields[i], false, 0);
    for (int i = 0; i < s->nfields; i++)
        for (int k = 0; k < s->fields[i]->naliases; k++)
            add_word(x, &n, s->fields[i]->aliases[k], s->fields[i], true, 0);
    s->words = x;
}

void model_index_members(Arena *a, EnumDef *e)
{
    struct FieldWords *x = words_new(a, e->n + e->naliases);
    int n = 0;
    for (int i = 0; i < e->n; i++)
        add_word(x, &n, e->members[i].name, NULL, false, i);
    for (int i = 0; i < e->naliases; i++)
        add_word(x, &n, e->alias_names[i], NULL, true, e->alias_member[i]);
    e->words = x;
}

/* Before schema_define_all indexes the words (and for a schema made by
 * hand): the scan, the first byte before strcmp. Out of line, so that the
 * look-up through the index saves no registers for it. */
static __attribute__((noinline)) Field *scan_fields(const Schema *s, const char *name, bool *alias)
{
    for (int i = 0; i < s->nfields; i++)
        if (s->fields[i]->name[0] == name[0] && strcmp(s->fields[i]->name, name) == 0)
            return s->fields[i];
    for (int i = 0; i < s->nfields; i++)
        if (model_is_alias(s->fields[i], name)) {
            *alias = true;
            return s->fields[i];
        }
    return NULL;
}

Field *model_field_as(const Schema *s, const char *name, bool *alias)
{
    bool ignored;
    if (!alias)
        alias = &ignored;
    *alias = false;
    return s->words ? words_find(s->words, name, alias) : scan_fields(s, name, alias);
}

Field *model_field(const Schema *s, const char *name)
{
    return model_field_as(s, name, NULL);
}

bool model_is_alias(const Field *f, const char *key)
{
    for (int k = 0; k < f->naliases; k++)
        if (strcmp(f->aliases[k], key) == 0)
            return true;
    return false;
}

int model_field_words(const Schema *s, const char **out, int cap)
{
    int n = 0;
    for (int i = 0; i < s->nfields && n < cap; i++)
        out[n++] = s->fields[i]->name;
    for (int i = 0; i < s->nfields; i++)
        for (int k = 0; k < s->fields[i]->naliases && n < cap; k++)
            out[n++] = s->fields[i]->aliases[k];
    return n;
}

int model_member_words(const EnumDef *e, const char **out, int cap)
{
    int n = 0;
    for (int i = 0; i < e->n && n < cap; i++)
        out[n++] = e->members[i].name;
    for (int i = 0; i < e->naliases && n < cap; i++)
        out[n++] = e->alias_names[i];
    return n;
}

int model_enum_index(const EnumDef *e, const char *name)
{
    if (e->words) {
        const FieldWord *w = words_entry(e->words, name);
        return w ? w->member : -1;
    }
    /* Before schema_define_all indexes the words (and for an enum made by
     * hand): the first byte settles most members without a call to strcmp. */
    for (int i = 0; i < e->n; i++)
        if (e->members[i].name[0] == name[0] && strcmp(e->members[i].name, name) == 0)
            return i;
    for (int i = 0; i < e->naliases; i++)
        if (strcmp(e->alias_names[i], name) == 0)
            return e->alias_member[i];
    return -1;
}

Block *model_decl(const Program *p, const Schema *schema, const char *name)
{
    /* The first declared wins (a second one is a reported duplicate). */
    SymEntry *e = sym_find(&p->decl_names, schema, name);
    while (e && e->next_same)
        e = e->next_same;
    return e ? e->block : NULL;
}

Value *model_get(const Block *b, const char *name)
{
    Field *f = model_field(b->schema, name);
    return f ? b->vals[f->index] : NULL;
}

Type *type_new(Arena *a, TypeKind k)
{
    Type *t = arena_alloc(a, sizeof *t);
    t->k = k;
    return t;
}

const char *type_name(Arena *a, const Type *t)
{
    /* The words of diagnostics: translated (base/i18n.h). */
    if (!t)
        return _("nothing");
    switch (t->k) {
    case TY_ERROR: return _("error");
    case TY_BOOL: return _("yes/no");
    case TY_INT: return _("whole number");
    case TY_NUMBER: return _("number");
    case TY_STRING: return _("string");
    case TY_ID: return _("id");
    case TY_DATE: return _("date");
    case TY_TIME: return _("time");
    case TY_MDAY: return _("month-day");
    case TY_HOURS: return _("contact time (min, h)");
    case TY_SPAN: return _("calendar span (days, weeks, months)");
    case TY_DAY: return _("calendar day");
    case TY_RANGE: return arena_printf(a, _("range of %s"), type_name(a, t->elem));
    case TY_LIST: return arena_printf(a, _("list of %s"), type_name(a, t->elem));
    case TY_ENUM: return arena_printf(a, "%s", t->enm ? t->enm->name : "enum");
    case TY_REF: return arena_printf(a, "%s", t->schema ? t->schema->name : t->ref_name);
    case TY_BLOCK: return arena_printf(a, _("%s block"), t->schema ? t->schema->name : t->ref_name);
    case TY_PRED: return _("condition");
    case TY_TEMPLATE: return _("message");
    case TY_MEASURE: return _("measure");
    }
    return "?";
}

/* The first word of type_name in English, for the article: only its first
 * letter is read. */
static const char *type_name_en(const Type *t)
{
    switch (t->k) {
    case TY_ERROR: return "error";
    case TY_INT: return "whole";
    case TY_RANGE: return "range";
    case TY_LIST: return "list";
    case TY_ENUM: return t->enm ? t->enm->name : "enum";
    case TY_REF:
    case TY_BLOCK: return t->schema ? t->schema->name : t->ref_name ? t->ref_name : "?";
    default: return "x"; /* date, number, string, time, month-day, calendar day: "a" */
    }
}

const char *type_phrase(Arena *a, const Type *t)
{
    if (!t)
        return _("nothing");
    switch (t->k) {
    case TY_BOOL: return _("yes or no");
    case TY_HOURS: return _("contact time (min, h)");
    case TY_SPAN: return _("a calendar span (days, weeks, months)");
    case TY_INT: return _("a whole number");
    case TY_ENUM: return arena_printf(a, _("one of the %s values"), t->enm ? t->enm->name : "enum");
    case TY_REF: return arena_printf(a, _("the name of a %s"), t->schema ? t->schema->name : t->ref_name);
    case TY_PRED: return _("a condition");
    case TY_TEMPLATE: return _("a message");
    case TY_MEASURE: return _("a number computed from the block");
    default: {
        /* English's article by the first letter of the English name; a
         * translation says it its own way (Danish: "%s" alone). */
        const char *en = type_name_en(t);
        const char *n = type_name(a, t);
        bool vowel = strchr("aeiou", en[0]) != NULL;
        /* TRANSLATORS: a type with its article: "a date", "a list of string" */
        return arena_printf(a, vowel ? _("an %s") : _("a %s"), n);
    }
    }
}

bool type_equal(const Type *a, const Type *b)
{
    if (!a || !b)
        return a == b;
    if (a->k == TY_ERROR || b->k == TY_ERROR)
        return true;
    /* A nested block and a reference to one are the same thing to compare. */
    if ((a->k == TY_REF || a->k == TY_BLOCK) && (b->k == TY_REF || b->k == TY_BLOCK))
        return a->schema == b->schema;
    if (a->k != b->k)
        return false;
    switch (a->k) {
    case TY_RANGE:
    case TY_LIST: return type_equal(a->elem, b->elem);
    case TY_ENUM: return a->enm == b->enm;
    case TY_REF:
    case TY_BLOCK: return a->schema == b->schema;
    default: return true;
    }
}

/* Optimal string alignment distance over bytes, capped. */
static int distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64)
        return 99;
    int d[65][65];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

const char *model_suggest(const char *name, const char **cands, int n)
{
    const char *best = NULL;
    int bestd = 99;
    for (int i = 0; i < n; i++) {
        if (!cands[i] || strcmp(cands[i], name) == 0)
            continue;
        /* A name that is not UTF-8 (a batch's skim reads the names of
         * courses whose text is not) is no word to offer anyone. */
        if (u8_check((const uint8_t *)cands[i], strlen(cands[i])) != NULL)
            continue;
        /* The allowance grows with the longer word: cnt -> count. */
        size_t len = strlen(name) > strlen(cands[i]) ? strlen(name) : strlen(cands[i]);
        /* One or two letters say too little to guess from. */
        int limit = strlen(name) <= 2 ? 0 : len <= 3 ? 1 : len <= 6 ? 2 : 3;
        int d = distance(name, cands[i]);
        if (d <= limit && d < bestd) {
            bestd = d;
            best = cands[i];
        }
    }
    return best;
}

const char *model_item_key(const Value *v)
{
    if (!v || v->k != V_BLOCK)
        return NULL;
    const Block *b = v->u.block;
    if (b->name)
        return b->name;
    if (b->schema->key) {
        const Value *k = b->vals[b->schema->key->index];
        if (k && k->k == V_STRING)
            return k->u.s;
    }
    return b->title;
}
