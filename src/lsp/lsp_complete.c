/* lsp_complete.c — textDocument/completion (lsp_complete.h). The place is
 * read from the cursor's line as written (a line being typed need not
 * parse), the block it lies in from the syntax tree. */
#include "lsp/lsp_complete.h"
#include "lsp/lsp_check.h"

#include <string.h>

/* LSP's CompletionItemKind. */
enum { CIK_MODULE = 9, CIK_FIELD = 5, CIK_KEYWORD = 14, CIK_REFERENCE = 18, CIK_ENUM_MEMBER = 20, CIK_CONSTANT = 21 };

static void item(JsonW *w, const char *label, int kind, const char *detail)
{
    jw_open(w, '{');
    jw_kstr(w, "label", label);
    jw_kint(w, "kind", kind);
    if (detail)
        jw_kstr(w, "detail", detail);
    jw_close(w, '}');
}

static bool word_byte(unsigned char ch)
{
    return ch == '_' || ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

static void keys(JsonW *w, const LspCheck *c, const Schema *s, Arena *a)
{
    if (!s) {
        static const char *const reserved[] = {"import", "enum", "schema"};
        for (int i = 0; i < 3; i++)
            item(w, reserved[i], CIK_KEYWORD, NULL);
        for (int i = 0; i < c->p->nschemas; i++) {
            const Schema *k = c->p->schemas[i];
            if (!k->toplevel)
                continue;
            item(w, k->name, CIK_KEYWORD, NULL);
            for (int n = 0; n < k->naliases; n++)
                item(w, k->aliases[n], CIK_KEYWORD, k->name);
        }
        return;
    }
    for (int i = 0; i < s->nfields; i++) {
        const Field *f = s->fields[i];
        item(w, f->name, CIK_FIELD, type_name(a, f->type));
        for (int k = 0; k < f->naliases; k++)
            item(w, f->aliases[k], CIK_FIELD, f->name);
    }
}

/* The names of declared blocks of `kind` (top-level and named nested ones). */
static void names(JsonW *w, const LspCheck *c, const Schema *kind)
{
    for (int i = 0; i < c->p->ndecls; i++) {
        const Block *b = c->p->decls[i];
        if (b->schema == kind && b->name)
            item(w, b->name, CIK_REFERENCE, b->title);
    }
    for (int i = 0; i < c->p->nnamed; i++) {
        const Block *b = c->p->named[i];
        if (b->schema == kind && b->name)
            item(w, b->name, CIK_REFERENCE, b->title);
    }
}

static void rule_ids(JsonW *w, const LspCheck *c, Arena *a)
{
    for (int i = 0; i < c->p->nnamed; i++) {
        const Block *b = c->p->named[i];
        if (strcmp(b->schema->name, "rule") == 0 && b->name && b->top && b->top->name)
            item(w, arena_printf(a, "%s.%s", b->top->name, b->name), CIK_CONSTANT, NULL);
    }
}

static void values(JsonW *w, const LspCheck *c, const Field *f, Arena *a)
{
    EnumDef *en = lsp_field_enum(f);
    if (en) {
        for (int i = 0; i < en->n; i++)
            item(w, en->members[i].name, CIK_ENUM_MEMBER, en->members[i].label);
        for (int i = 0; i < en->naliases; i++)
            item(w, en->alias_names[i], CIK_ENUM_MEMBER, en->members[en->alias_member[i]].name);
        return;
    }
    Schema *ref = lsp_field_ref(f);
    if (ref) {
        names(w, c, ref);
        return;
    }
    const Type *t = f->type;
    if (t->k == TY_LIST)
        t = t->elem;
    if (t->k == TY_ID)
        rule_ids(w, c, a);
}

/* In a header (`schedule NAME for |`): the field of the slot after the
 * marker word just before the cursor, or NULL. */
static Field *after_marker(const Schema *kind, const char *text, size_t from, size_t off)
{
    size_t e = off;
    while (e > from && (text[e - 1] == ' ' || text[e - 1] == '\t'))
        e--;
    size_t b = e;
    while (b > from && word_byte((unsigned char)text[b - 1]))
        b--;
    if (b == e || e == off)
        return NULL; /* no word before the cursor, or the cursor still in it */
    for (int h = 0; h < kind->nheaders; h++) {
        const HeaderPattern *hp = &kind->headers[h];
        for (int i = 0; i + 1 < hp->n; i++)
            if (hp->slots[i].marker && strlen(hp->slots[i].marker) == e - b &&
                strncmp(hp->slots[i].marker, text + b, e - b) == 0 && hp->slots[i + 1].field)
                return hp->slots[i + 1].field;
    }
    return NULL;
}

void lsp_complete(JsonW *w, LspDoc *doc, size_t off)
{
    LspCheck *c = doc->check;
    LspAt at;
    lsp_check_at(c, off, &at);
    /* The cursor's line up to the cursor, from the start of the entry the
     * cursor is in: after the last '{', ';' or '}' outside a string, so that
     * `cohort a { site |` asks about site, not cohort. */
    size_t ls = off;
    while (ls > 0 && doc->text[ls - 1] != '\n' && doc->text[ls - 1] != '\r')
        ls--;
    bool in_string = false;
    for (size_t j = ls; j < off; j++) {
        char ch = doc->text[j];
        if (in_string && ch == '\\' && j + 1 < off)
            j++;
        else if (ch == '"')
            in_string = !in_string;
        else if (!in_string && (ch == '{' || ch == ';' || ch == '}'))
            ls = j + 1;
    }
    size_t i = ls;
    while (i < off && (doc->text[i] == ' ' || doc->text[i] == '\t'))
        i++;
    size_t key = i;
    while (i < off && word_byte((unsigned char)doc->text[i]))
        i++;
    size_t key_end = i;
    /* What the answer is built of, freed with it. */
    Arena *a = arena_new();
    jw_open(w, '[');
    if (key_end == off) {
        keys(w, c, at.block_schema, a);
    } else {
        char *k = arena_strndup(a, doc->text + key, key_end - key);
        /* `KIND name extends |` and `key extends |`: blocks of that kind. */
        const char *ext = NULL;
        for (size_t j = key_end; j + 7 <= off; j++)
            if (strncmp(doc->text + j, "extends", 7) == 0 && (j == 0 || !word_byte((unsigned char)doc->text[j - 1])))
                ext = doc->text + j;
        Schema *kind = at.block_schema ? lsp_field_schema(model_field(at.block_schema, k)) : model_schema(c->p, k);
        Field *slot = kind ? after_marker(kind, doc->text, key_end, off) : NULL;
        if (ext && kind) {
            names(w, c, kind);
        } else if (slot) {
            values(w, c, slot, a);
        } else if (at.block_schema) {
            Field *f = model_field(at.block_schema, k);
            if (f)
                values(w, c, f, a);
        }
    }
    jw_close(w, ']');
    arena_free(a);
}
