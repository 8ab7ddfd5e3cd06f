/* schema.c — schemas and enums from their declarations. */
#include "model/schema.h"
#include "base/i18n.h"

#include <string.h>

static const char *header_words[] = {"toplevel", "named", "qualified", "titled", "extendable"};

static void push_schema(Program *p, Schema *s)
{
    p->schemas = arena_push(p->arena, p->schemas, (size_t)p->nschemas, sizeof *p->schemas);
    p->schemas[p->nschemas++] = s;
}

static bool path_is(const Node *n, const char *word)
{
    return n->kind == N_PATH && strcmp(n->u.path, word) == 0;
}

void schema_declare(Program *p, Entry *e)
{
    if (e->nvals != 1 || e->vals[0].items.n < 1 || e->vals[0].items.items[0]->kind != N_PATH) {
        diag_error(p->diags, e->key_span, _("a schema needs a name: schema KIND { ... }"));
        return;
    }
    NodeList *it = &e->vals[0].items;
    const char *name = it->items[0]->u.path;
    /* `schema NEW alias KIND`: another word for a kind, resolved by
     * schema_define_all once every kind is declared. */
    bool alias = it->n >= 2 && path_is(it->items[1], "alias");
    if (alias && (it->n != 3 || it->items[2]->kind != N_PATH || e->is_block)) {
        diag_error(p->diags, e->span, _("a kind's alias is written: schema WORD alias KIND"));
        return;
    }
    /* `schema KIND adds { FIELD ... }`: fields added to a kind declared
     * elsewhere (a course's own applicant fields), applied by
     * schema_define_all once every kind is declared, whatever the order of
     * the files. */
    if (it->n == 2 && path_is(it->items[1], "adds")) {
        if (!e->is_block) {
            diag_error(p->diags, e->key_span, _("schema %s adds needs a body: schema %s adds { FIELD TYPE ... }"), name,
                       name);
            return;
        }
        p->schema_adds = arena_push(p->arena, p->schema_adds, (size_t)p->nschema_adds, sizeof *p->schema_adds);
        p->schema_adds[p->nschema_adds++] = e;
        return;
    }
    Schema *old = model_schema(p, name);
    if (old) {
        diag_error(p->diags, it->items[0]->span, _("schema '%s' is declared twice"), name);
        diag_note(p->diags, old->span, "%s", _("first declared here"));
        return;
    }
    if (model_enum(p, name)) {
        diag_error(p->diags, it->items[0]->span, _("'%s' is already the name of an enum"), name);
        diag_note(p->diags, model_enum(p, name)->span, "%s", _("the enum is declared here"));
        return;
    }
    Schema *s = arena_alloc(p->arena, sizeof *s);
    s->name = name;
    s->span = it->items[0]->span;
    if (alias) {
        s->alias_of = it->items[2]->u.path;
        s->defined = true;
        push_schema(p, s);
        return;
    }
    for (int i = 1; i < it->n; i++) {
        Node *w = it->items[i];
        bool ok = w->kind == N_PATH;
        if (ok) {
            if (path_is(w, "toplevel")) s->toplevel = s->named = true;
            else if (path_is(w, "named")) s->named = true;
            else if (path_is(w, "qualified")) s->qualified = s->named = true;
            else if (path_is(w, "titled")) s->titled = true;
            else if (path_is(w, "extendable")) s->extendable = true;
            else ok = false;
        }
        if (!ok) {
            diag_error(p->diags, w->span, _("unknown schema property '%s'"), ast_to_text(p->arena, w));
            const char *sug = w->kind == N_PATH ? model_suggest(w->u.path, header_words, 5) : NULL;
            if (sug)
                diag_suggest(p->diags, sug);
            else
                diag_help(p->diags, "%s", _("the properties are toplevel, named, qualified, titled and extendable"));
        }
    }
    if (!e->is_block)
        diag_error(p->diags, e->key_span, _("schema '%s' needs a body: schema %s { ... }"), name, name);
    s->decl = e;
    push_schema(p, s);
}

void schema_declare_enum(Program *p, Decl *d)
{
    const char *name = d->u.enm.name;
    EnumDef *old = model_enum(p, name);
    if (old || model_schema(p, name)) {
        diag_error(p->diags, d->u.enm.name_span, _("'%s' is declared twice"), name);
        diag_note(p->diags, old ? old->span : model_schema(p, name)->span, "%s", _("first declared here"));
        return;
    }
    EnumDef *e = arena_alloc(p->arena, sizeof *e);
    e->name = name;
    e->span = d->u.enm.name_span;
    /* Members first; `WORD alias MEMBER` lines are other words for them. */
    e->members = arena_array(p->arena, (size_t)d->u.enm.n + 1, sizeof *e->members);
    for (int i = 0; i < d->u.enm.n; i++)
        if (!d->u.enm.members[i].marker)
            e->members[e->n++] = d->u.enm.members[i];
    for (int i = 0; i < d->u.enm.n; i++) {
        EnumMember *m = &d->u.enm.members[i];
        if (!m->marker)
            continue;
        if (strcmp(m->marker, "alias") != 0) {
            diag_error(p->diags, m->span, _("an enum member is written NAME [\"label\"], or WORD alias MEMBER"));
            continue;
        }
        int of = model_enum_index(e, m->of);
        if (of < 0 || strcmp(e->members[of].name, m->of) != 0) {
            diag_error(p->diags, m->of_span, _("'%s' is not a member of enum '%s'"), m->of, name);
            continue;
        }
        if (model_enum_index(e, m->name) >= 0) {
            diag_error(p->diags, m->span, _("'%s' is already a word for a member of enum '%s'"), m->name, name);
            continue;
        }
        e->alias_names = arena_push(p->arena, (void *)e->alias_names, (size_t)e->naliases, sizeof *e->alias_names);
        e->alias_member = arena_push(p->arena, e->alias_member, (size_t)e->naliases, sizeof *e->alias_member);
        e->alias_names[e->naliases] = m->name;
        e->alias_member[e->naliases++] = of;
    }
    for (int i = 0; i < e->n; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(e->members[i].name, e->members[j].name) == 0) {
                diag_error(p->diags, e->members[i].span, _("enum member '%s' is declared twice"), e->members[i].name);
                diag_note(p->diags, e->members[j].span, "%s", _("first declared here"));
            }
    p->enums = arena_push(p->arena, p->enums, (size_t)p->nenums, sizeof *p->enums);
    p->enums[p->nenums++] = e;
}

static const char *scalar_words[] = {"int",  "number", "string", "bool", "date",
                                     "time", "monthday", "hours", "span", "id"};
static const TypeKind scalar_kinds[] = {TY_INT,  TY_NUMBER, TY_STRING, TY_BOOL, TY_DATE,
                                        TY_TIME, TY_MDAY,   TY_HOURS,  TY_SPAN, TY_ID};

/* The program's one Type of scalar kind k, which no one writes to: every
 * field of an `int`, `hours`, `string`... shares it, where each had its
 * own, a line the builder read for each key and missed for every course
 * (the course's parse pushes the program out of L1); shared, the scalars'
 * types are a few lines, read again within a course. A batch item's own
 * types (none today) would get their own: its arena goes with it. */
static Type *scalar_type(Program *p, TypeKind k)
{
    if (p->in_scope)
        return type_new(p->arena, k);
    if (!p->scalar_types)
        p->scalar_types = arena_array(p->arena, (size_t)TY_ID + 1, sizeof *p->scalar_types);
    Type *t = &p->scalar_types[k];
    t->k = k;
    return t;
}

/* Resolves a kind name used in a type to its schema. */
static Schema *kind_named(Program *p, Node *w)
{
    if (w->kind != N_PATH) {
        diag_error(p->diags, w->span, _("expected the name of a kind"));
        return NULL;
    }
    Schema *s = model_schema(p, w->u.path);
    if (!s) {
        diag_error(p->diags, w->span, _("unknown kind '%s'"), w->u.path);
        const char *c[256];
        int n = 0;
        for (int i = 0; i < p->nschemas && n < 256; i++)
            c[n++] = p->schemas[i]->name;
        const char *sug = model_suggest(w->u.path, c, n);
        if (sug)
            diag_suggest(p->diags, sug);
    }
    return s;
}

/* type -> scalar | 'range' 'of' type | 'list' 'of' type | 'block' KIND
 *       | ('predicate' | 'template' | 'measure') 'on' KIND | 'day' ['on' KIND] | NAME */
static Type *parse_type(Program *p, NodeList *it, int *i, int depth)
{
    if (*i >= it->n) {
        Span sp = it->n ? it->items[it->n - 1]->span : span_none();
        diag_error(p->diags, sp, _("expected a type after this"));
        return NULL;
    }
    Node *w = it->items[(*i)++];
    if (w->kind != N_PATH) {
        diag_error(p->diags, w->span, _("expected a type, found %s"), ast_to_text(p->arena, w));
        return NULL;
    }
    if (depth > 8) {
        diag_error(p->diags, w->span, _("type nests too deeply"));
        return NULL;
    }
    const char *word = w->u.path;
    for (size_t k = 0; k < sizeof scalar_words / sizeof *scalar_words; k++)
        if (strcmp(word, scalar_words[k]) == 0)
            return scalar_type(p, scalar_kinds[k]);
    if (strcmp(word, "range") == 0 || strcmp(word, "list") == 0) {
        if (*i >= it->n || !path_is(it->items[*i], "of")) {
            diag_error(p->diags, w->span, _("write '%s of TYPE'"), word);
            return NULL;
        }
        (*i)++;
        Type *elem = parse_type(p, it, i, depth + 1);
        if (!elem)
            return NULL;
        Type *t = type_new(p->arena, word[0] == 'r' ? TY_RANGE : TY_LIST);
        t->elem = elem;
        return t;
    }
    if (strcmp(word, "block") == 0) {
        if (*i >= it->n) {
            diag_error(p->diags, w->span, _("write 'block KIND'"));
            return NULL;
        }
        Schema *s = kind_named(p, it->items[(*i)++]);
        if (!s)
            return NULL;
        Type *t = type_new(p->arena, TY_BLOCK);
        t->schema = s;
        return t;
    }
    if (strcmp(word, "predicate") == 0 || strcmp(word, "template") == 0 || strcmp(word, "measure") == 0 ||
        strcmp(word, "day") == 0) {
        Type *t = type_new(p->arena, word[0] == 'p' ? TY_PRED : word[0] == 't' ? TY_TEMPLATE : word[0] == 'm' ? TY_MEASURE : TY_DAY);
        if (*i < it->n && path_is(it->items[*i], "on")) {
            (*i)++;
            if (*i >= it->n) {
                diag_error(p->diags, w->span, _("write '%s on KIND'"), word);
                return NULL;
            }
            t->ctx = kind_named(p, it->items[(*i)++]);
            if (!t->ctx)
                return NULL;
        } else if (t->k != TY_DAY) {
            diag_error(p->diags, w->span, _("write '%s on KIND': what the expression is judged against"), word);
            return NULL;
        }
        return t;
    }
    EnumDef *en = model_enum(p, word);
    if (en) {
        Type *t = type_new(p->arena, TY_ENUM);
        t->enm = en;
        return t;
    }
    Schema *s = model_schema(p, word);
    if (s) {
        Type *t = type_new(p->arena, TY_REF);
        t->schema = s;
        s->referenced = true;
        return t;
    }
    diag_error(p->diags, w->span, _("unknown type '%s'"), word);
    const char *c[300];
    int n = 0;
    for (size_t k = 0; k < sizeof scalar_words / sizeof *scalar_words; k++)
        c[n++] = scalar_words[k];
    for (int k = 0; k < p->nenums && n < 280; k++)
        c[n++] = p->enums[k]->name;
    for (int k = 0; k < p->nschemas && n < 299; k++)
        c[n++] = p->schemas[k]->name;
    const char *sug = model_suggest(word, c, n);
    if (sug)
        diag_suggest(p->diags, sug);
    return NULL;
}

static void define_field(Program *p, Schema *s, Entry *f)
{
    if (f->is_block || f->nvals != 1) {
        diag_error(p->diags, f->key_span, _("a schema field is written 'NAME TYPE [optional] [many] [default VALUE]'"));
        return;
    }
    Field *old = model_field(s, f->key);
    if (old) {
        diag_error(p->diags, f->key_span, _("field '%s' is declared twice in schema '%s'"), f->key, s->name);
        diag_note(p->diags, old->span, "%s", _("first declared here"));
        return;
    }
    NodeList *it = &f->vals[0].items;
    int i = 0;
    Type *t = parse_type(p, it, &i, 0);
    if (!t)
        return;
    Field *fd = arena_alloc(p->arena, sizeof *fd);
    fd->name = f->key;
    fd->span = f->key_span;
    fd->type = t;
    while (i < it->n) {
        Node *w = it->items[i++];
        if (path_is(w, "optional"))
            fd->optional = true;
        else if (path_is(w, "many"))
            fd->many = true;
        else if (path_is(w, "required"))
            fd->required = true;
        else if (path_is(w, "key"))
            fd->key = true;
        else if (path_is(w, "derived")) {
            /* One expression, typed against this schema (tc_check_schemas). */
            if (i >= it->n) {
                diag_error(p->diags, w->span, _("'derived' needs an expression: derived EXPR"));
                break;
            }
            fd->derived = it->items[i++];
            fd->optional = true;
        } else if (path_is(w, "default")) {
            if (i >= it->n) {
                diag_error(p->diags, w->span, _("'default' needs a value"));
                break;
            }
            ValSeq *d = arena_alloc(p->arena, sizeof *d);
            for (; i < it->n; i++)
                ast_push(p->arena, &d->items, it->items[i]);
            d->span = span_join(d->items.items[0]->span, d->items.items[d->items.n - 1]->span);
            fd->def = d;
        } else {
            diag_error(p->diags, w->span, _("unexpected '%s' in a field declaration"), ast_to_text(p->arena, w));
            diag_help(p->diags, "%s", _("after the type come 'optional', 'many', 'required', 'key', 'default VALUE' or 'derived EXPR'"));
        }
    }
    if (fd->derived && (fd->def || fd->many || t->k == TY_BLOCK || t->k == TY_PRED || t->k == TY_TEMPLATE ||
                        t->k == TY_MEASURE || t->k == TY_DAY))
        diag_error(p->diags, fd->span, _("a derived field is one value computed when read: no default, many, block or expression type"));
    if (t->k == TY_BLOCK && fd->def)
        diag_error(p->diags, fd->span, _("a block field cannot have a default"));
    if (fd->key && (t->k != TY_STRING || fd->many || s->key)) {
        diag_error(p->diags, fd->span, _("'key' marks the one string field that identifies an item"));
        fd->key = false;
    }
    if (fd->key)
        s->key = fd;
    s->fields = arena_push(p->arena, s->fields, (size_t)s->nfields, sizeof *s->fields);
    fd->index = s->nfields;
    s->fields[s->nfields++] = fd;
}

/* `WORD alias FIELD`: another word for a field of the same schema. */
static bool is_alias_entry(const Entry *f)
{
    return !f->is_block && f->nvals == 1 && f->vals[0].items.n >= 1 && path_is(f->vals[0].items.items[0], "alias");
}

static void define_alias(Program *p, Schema *s, Entry *f)
{
    NodeList *it = &f->vals[0].items;
    if (it->n != 2 || it->items[1]->kind != N_PATH) {
        diag_error(p->diags, f->span, _("a field's alias is written: WORD alias FIELD"));
        return;
    }
    Field *fd = model_field(s, it->items[1]->u.path);
    if (!fd || strcmp(fd->name, it->items[1]->u.path) != 0) {
        diag_error(p->diags, it->items[1]->span, _("'%s' is not a field of schema '%s'"), it->items[1]->u.path, s->name);
        return;
    }
    Field *old = model_field(s, f->key);
    if (old) {
        diag_error(p->diags, f->key_span, _("'%s' is already a word for field '%s' of schema '%s'"), f->key, old->name,
                   s->name);
        return;
    }
    fd->aliases = arena_push(p->arena, (void *)fd->aliases, (size_t)fd->naliases, sizeof *fd->aliases);
    fd->aliases[fd->naliases++] = f->key;
}

/* `schema WORD alias KIND` declarations become words of their kind and
 * leave the list of schemas. */
static void resolve_kind_aliases(Program *p)
{
    int kept = 0;
    Schema **all = p->schemas;
    for (int k = 0; k < p->nschemas; k++) {
        Schema *a = all[k];
        if (!a->alias_of) {
            all[kept++] = a;
            continue;
        }
        Schema *target = NULL;
        for (int j = 0; j < p->nschemas && !target; j++)
            if (!all[j]->alias_of && strcmp(all[j]->name, a->alias_of) == 0)
                target = all[j];
        if (!target) {
            diag_error(p->diags, a->span, _("'%s' is an alias of '%s', which is not a kind"), a->name, a->alias_of);
            continue;
        }
        target->aliases = arena_push(p->arena, (void *)target->aliases, (size_t)target->naliases,
                                     sizeof *target->aliases);
        target->aliases[target->naliases++] = a->name;
    }
    p->nschemas = kept;
}

static void define_header(Program *p, Schema *s, Entry *h)
{
    HeaderPattern hp = {NULL, 0, h->span};
    if (h->nvals != 1) {
        diag_error(p->diags, h->key_span, _("'header' lists slots: a \"marker\" or a field name each"));
        return;
    }
    NodeList *it = &h->vals[0].items;
    hp.slots = arena_array(p->arena, (size_t)it->n, sizeof *hp.slots);
    for (int i = 0; i < it->n; i++) {
        Node *w = it->items[i];
        Slot *sl = &hp.slots[hp.n++];
        sl->span = w->span;
        if (w->kind == N_STR) {
            sl->marker = w->u.str.s;
        } else if (w->kind == N_PATH) {
            sl->field = model_field(s, w->u.path);
            if (!sl->field) {
                diag_error(p->diags, w->span, _("header slot '%s' is not a field of schema '%s'"), w->u.path, s->name);
                hp.n--;
            }
        } else {
            diag_error(p->diags, w->span, _("a header slot is a \"marker\" or a field name"));
            hp.n--;
        }
    }
    s->headers = arena_push(p->arena, s->headers, (size_t)s->nheaders, sizeof *s->headers);
    s->headers[s->nheaders++] = hp;
}

/* The `schema KIND adds { ... }` declarations: fields and their aliases
 * appended to a kind that is declared. A field the kind has already is
 * "declared twice", with a note at the first. Headers belong to the kind's
 * own declaration. */
static void define_additions(Program *p)
{
    for (int k = 0; k < p->nschema_adds; k++) {
        Entry *e = p->schema_adds[k];
        Node *kn = e->vals[0].items.items[0];
        Schema *s = model_schema(p, kn->u.path);
        if (!s || !s->defined || s->alias_of) {
            diag_error(p->diags, kn->span, _("there is no schema '%s' to add fields to"), kn->u.path);
            const char **names = arena_array(p->arena, (size_t)p->nschemas + 1, sizeof *names);
            for (int i = 0; i < p->nschemas; i++)
                names[i] = p->schemas[i]->name;
            const char *sug = model_suggest(kn->u.path, names, p->nschemas);
            if (sug)
                diag_suggest(p->diags, sug);
            continue;
        }
        for (int i = 0; i < e->body.n; i++) {
            Entry *f = e->body.items[i];
            if (strcmp(f->key, "header") == 0)
                diag_error(p->diags, f->key_span, _("'adds' adds fields and aliases to a kind; its headers stay where "
                                                    "the kind is declared"));
            else if (!is_alias_entry(f))
                define_field(p, s, f);
        }
        for (int i = 0; i < e->body.n; i++)
            if (is_alias_entry(e->body.items[i]))
                define_alias(p, s, e->body.items[i]);
    }
}

void schema_define_all(Program *p)
{
    resolve_kind_aliases(p);
    for (int k = 0; k < p->nschemas; k++) {
        Schema *s = p->schemas[k];
        if (s->defined || !s->decl)
            continue;
        s->defined = true;
        Entry *e = s->decl;
        /* Fields first, so header slots can name fields declared below. */
        for (int i = 0; i < e->body.n; i++)
            if (strcmp(e->body.items[i]->key, "header") != 0 && !is_alias_entry(e->body.items[i]))
                define_field(p, s, e->body.items[i]);
        for (int i = 0; i < e->body.n; i++)
            if (strcmp(e->body.items[i]->key, "header") != 0 && is_alias_entry(e->body.items[i]))
                define_alias(p, s, e->body.items[i]);
        for (int i = 0; i < e->body.n; i++)
            if (strcmp(e->body.items[i]->key, "header") == 0)
                define_header(p, s, e->body.items[i]);
    }
    define_additions(p);
    for (int k = 0; k < p->nschemas; k++)
        model_index_fields(p->arena, p->schemas[k]);
    for (int k = 0; k < p->nenums; k++)
        model_index_members(p->arena, p->enums[k]);
}
