/* fix_edit.c — a candidate's changes as edits of the course's source text,
 * in its own layout: a value replaced where it is written, a member
 * appended to the list as written, a new entry on its own line at the
 * block's indentation before its `}`. What the course inherits through
 * `extends` is never changed in the file it comes from: the entry is given
 * again in the course (a nested block or a named item copied with the
 * change made, as the merge rule of docs/language.md §5.3 needs). */
#include "engine/fix_edit.h"
#include "base/i18n.h"

#include <string.h>

/* A replacement in any file, before it is placed in the main file. */
typedef struct Raw {
    int file;
    size_t off, end;
    const char *text;
    Block *redeclare; /* inside this inherited entry: it is copied into the course */
} Raw;

typedef struct Ed {
    Arena *a;
    SourceSet *ss;
    Block *course;
    Raw *raw;
    int n;
    bool ok;
} Ed;

static void raw_add(Ed *e, int file, size_t off, size_t end, const char *text, Block *redeclare)
{
    e->raw = arena_push(e->a, e->raw, (size_t)e->n, sizeof *e->raw);
    e->raw[e->n++] = (Raw){file, off, end, text, redeclare};
}

static Block *top_of(Block *b)
{
    while (b->parent)
        b = b->parent;
    return b;
}

/* The entry of b's own text that gives field f. */
static Entry *entry_of(const Block *b, const Field *f)
{
    if (!b->entry)
        return NULL;
    for (int i = 0; i < b->entry->body.n; i++) {
        Entry *c = b->entry->body.items[i];
        if (model_field(b->schema, c->key) == f)
            return c;
    }
    return NULL;
}

/* The leading blanks of the line that holds byte `off`. */
static const char *indent_at(Arena *a, const Source *s, size_t off)
{
    size_t start = off;
    while (start > 0 && s->text[start - 1] != '\n' && s->text[start - 1] != '\r')
        start--;
    size_t end = start;
    while (end < s->len && (s->text[end] == ' ' || s->text[end] == '\t'))
        end++;
    return arena_strndup(a, s->text + start, end - start);
}

/* `text` with a newline and `indent` before each of its lines but the first. */
static const char *indent_lines(Arena *a, const char *text, const char *indent)
{
    SBuf b = sb_new(a);
    for (const char *p = text; *p; p++) {
        sb_put(&b, p, 1);
        if (*p == '\n' && p[1] != '\n')
            sb_puts(&b, indent);
    }
    return sb_str(&b);
}

/* A new entry `text` (its later lines indented relative to its first) as
 * the last entry of block b's body, on a line of its own. */
static void insert_entry(Ed *e, const Block *b, const char *text, Block *redeclare)
{
    const Entry *E = b->entry;
    if (!E || !E->is_block || E->span.file < 0 || E->span.last_off == 0) {
        e->ok = false;
        return;
    }
    const Source *s = e->ss->files[E->span.file];
    size_t close = E->span.last_off - 1;
    if (close >= s->len || s->text[close] != '}') {
        e->ok = false;
        return;
    }
    const char *outer = indent_at(e->a, s, E->span.first_off);
    const char *inner = E->body.n > 0 ? indent_at(e->a, s, E->body.items[0]->span.first_off)
                                      : arena_printf(e->a, "%s  ", outer);
    const char *body = indent_lines(e->a, text, inner);
    size_t ls = close;
    while (ls > 0 && (s->text[ls - 1] == ' ' || s->text[ls - 1] == '\t'))
        ls--;
    const Entry *last = E->body.n > 0 ? E->body.items[E->body.n - 1] : NULL;
    if (last && !strchr(text, '\n') && last->span.last_off <= ls && !memchr(s->text + last->span.last_off, '\n', ls - last->span.last_off) &&
        !memchr(s->text + last->span.last_off, '\r', ls - last->span.last_off))
        /* `{ a; b }` on one line: one more entry after a `;` */
        raw_add(e, E->span.file, last->span.last_off, last->span.last_off, arena_printf(e->a, "; %s", text), redeclare);
    else if (ls == 0 || s->text[ls - 1] == '\n' || s->text[ls - 1] == '\r')
        /* `}` alone on its line: the entry goes on a line before it */
        raw_add(e, E->span.file, ls, ls, arena_printf(e->a, "%s%s\n", inner, body), redeclare);
    else
        /* `{}` or `{ x }` on one line: the block opened onto lines */
        raw_add(e, E->span.file, ls, close, arena_printf(e->a, "\n%s%s\n%s", inner, body, outer), redeclare);
}

/* Whether block b's own entries are written in the stdlib's other words
 * (`studiegrupper`, `principper`): a new entry is written in them too. */
static bool other_words(const Block *b)
{
    for (int i = 0; b->entry && i < b->entry->body.n; i++) {
        const Entry *c = b->entry->body.items[i];
        const Field *f = model_field(b->schema, c->key);
        if (f && model_is_alias(f, c->key))
            return true;
    }
    return false;
}

/* The new entry `key value` for block b, in b's words; a flag that is yes
 * is its bare key. */
static const char *entry_text(Arena *a, const Block *b, const Field *f, const char *value)
{
    const char *key = f->naliases && other_words(b) ? f->aliases[0] : f->name;
    if (f->type->k == TY_BOOL && strcmp(value, "yes") == 0)
        return key;
    return arena_printf(a, "%s %s", key, value);
}

/* The other word for enum member `name` (`netværk` for network), or name. */
static const char *member_word(const EnumDef *enm, const char *name)
{
    int idx = model_enum_index(enm, name);
    for (int i = 0; enm && i < enm->naliases; i++)
        if (enm->alias_member[i] == idx)
            return enm->alias_names[i];
    return name;
}

/* `members` ("a, b") in the words the list entry c is written in: a list
 * that names a member by its other word gets the others' other words. */
static const char *members_as_written(Arena *a, const Entry *c, const Field *f, const char *members)
{
    const EnumDef *enm = f->type->elem ? f->type->elem->enm : NULL;
    bool other = false;
    for (int k = 0; enm && c && k < c->nvals; k++)
        for (int i = 0; i < c->vals[k].items.n; i++) {
            const Node *x = c->vals[k].items.items[i];
            int idx = x->kind == N_PATH ? model_enum_index(enm, x->u.path) : -1;
            other = other || (idx >= 0 && strcmp(enm->members[idx].name, x->u.path) != 0);
        }
    if (!other)
        return members;
    SBuf b = sb_new(a);
    const char *p = members;
    while (*p) {
        const char *end = strstr(p, ", ");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        sb_puts(&b, member_word(enm, arena_strndup(a, p, n)));
        p += n;
        if (*p) {
            sb_put(&b, ", ", 2);
            p += 2;
        }
    }
    return sb_str(&b);
}

/* Where a change to block b lands: b itself (the course owns it), the
 * course (b is the base course: the entry is given in the course), or b
 * inside an inherited entry to copy into the course. */
static Block *redeclared(Ed *e, Block *b, Block **host)
{
    Block *t = top_of(b);
    *host = b;
    if (t == e->course)
        return NULL;
    if (b == t) {
        *host = e->course;
        return NULL;
    }
    Block *anc = b;
    while (anc->parent != t)
        anc = anc->parent;
    return anc;
}

/* The list's current members as written, then `more`. */
static const char *list_text(Arena *a, const Block *b, const Field *f, const char *more)
{
    SBuf s = sb_new(a);
    const Value *v = b->vals[f->index];
    if (v && v->k == V_LIST && !v->is_default)
        for (int i = 0; i < v->u.list.n; i++) {
            RVal x = eval_value(v->u.list.items[i]);
            sb_puts(&s, eval_show_code(a, &x));
            sb_put(&s, ", ", 2);
        }
    sb_puts(&s, more);
    return sb_str(&s);
}

/* A range of one value (`1..1`) as a single value when the author wrote
 * the range that way (`count 0`). */
static const char *as_written(Arena *a, const char *text, const char *was, size_t len)
{
    const char *dots = strstr(text, "..");
    size_t n = dots ? (size_t)(dots - text) : 0;
    for (size_t i = 0; i + 1 < len; i++)
        if (was[i] == '.' && was[i + 1] == '.')
            return text;
    if (dots && n > 0 && strcmp(dots + 2, arena_strndup(a, text, n)) == 0)
        return arena_strndup(a, text, n);
    return text;
}

/* Returns the value as written (the title says the same). */
static const char *change_set(Ed *e, Block *b, const Field *f, const char *text)
{
    Block *host;
    Block *re = redeclared(e, b, &host);
    Entry *c = entry_of(host, f);
    if (c && c->nvals > 0) {
        const Source *s = e->ss->files[c->span.file];
        size_t from = c->vals[0].span.first_off, to = c->vals[c->nvals - 1].span.last_off;
        text = as_written(e->a, text, s->text + from, to - from);
        /* yes and no in the word the author used for them */
        if (f->type->k == TY_BOOL && (strncmp(s->text + from, "ja", 2) == 0 || strncmp(s->text + from, "nej", 3) == 0))
            text = strcmp(text, "yes") == 0 ? "ja" : "nej";
        raw_add(e, c->span.file, from, to, text, re);
    } else if (c) {
        /* a bare flag */
        if (strcmp(text, "yes") != 0)
            raw_add(e, c->span.file, c->span.first_off, c->span.last_off, arena_printf(e->a, "%s %s", c->key, text),
                    re);
    } else {
        insert_entry(e, host, entry_text(e->a, host, f, text), re);
    }
    return text;
}

static const char *change_add(Ed *e, Block *b, const Field *f, const char *members)
{
    Block *host;
    Block *re = redeclared(e, b, &host);
    Entry *c = entry_of(host, f);
    members = members_as_written(e->a, c, f, members);
    if (c && c->nvals > 0)
        raw_add(e, c->span.file, c->vals[c->nvals - 1].span.last_off, c->vals[c->nvals - 1].span.last_off,
                arena_printf(e->a, ", %s", members), re);
    else
        insert_entry(e, host, entry_text(e->a, host, f, list_text(e->a, b, f, members)), re);
    return members;
}

/* A name no item of b's field f has: m8 after m1..m7. */
static const char *fresh_name(Arena *a, const Block *b, const Field *f)
{
    const Value *v = b->vals[f->index];
    int n = v && v->k == V_LIST ? v->u.list.n : 0;
    char first = f->type->schema->name[0];
    for (int k = n + 1;; k++) {
        const char *name = arena_printf(a, "%c%d", first, k);
        bool used = false;
        for (int i = 0; i < n; i++) {
            const Value *it = v->u.list.items[i];
            used = used || (it->k == V_BLOCK && it->u.block->name && strcmp(it->u.block->name, name) == 0);
        }
        if (!used)
            return name;
    }
}

/* A new item: its kind's and list's words (in the host's words) and name. */
typedef struct NewItem {
    const char *kind, *name, *list;
} NewItem;

static NewItem change_new(Ed *e, Block *b, const Field *f, const Field *sub, const char *members)
{
    Block *host;
    Block *re = redeclared(e, b, &host);
    const Schema *s = f->type->schema;
    bool other = other_words(host);
    NewItem it = {other && f->naliases ? f->aliases[0] : f->name, s->named ? fresh_name(e->a, b, f) : "",
                  other && sub->naliases ? sub->aliases[0] : sub->name};
    /* TRANSLATORS: the title written for a new module a fix adds: the author replaces it */
    const char *title = s->titled ? arena_printf(e->a, " \"%s\"", _("TITLE")) : "";
    const char *text = arena_printf(e->a, "%s%s%s%s {\n  %s %s\n}", it.kind, *it.name ? " " : "", it.name, title,
                                    it.list, members);
    insert_entry(e, host, text, re);
    return it;
}

/* Members for a title: at most four, else the first three and how many
 * more ("a, b, c and 9 more"): the edit holds them all. */
static const char *few(Arena *a, const char *members)
{
    int n = 1;
    const char *cut = NULL;
    for (const char *p = strstr(members, ", "); p; p = strstr(p + 2, ", "))
        if (++n == 4)
            cut = p;
    if (n <= 4)
        return members;
    /* TRANSLATORS: the start of a long list in a fix's title, and how many are left out */
    return arena_printf(a, P_("%s and %d more", "%s and %d more", (unsigned long)(n - 3)),
                        arena_strndup(a, members, (size_t)(cut - members)), n - 3);
}

/* Where b is, for a title: `theory`, `m7`, `professional`. */
static const char *path_of(Arena *a, const Block *b, const Field *f)
{
    if (!b->parent)
        return f->name;
    SBuf s = sb_new(a);
    const Block *chain[16];
    int n = 0;
    for (const Block *x = b; x->parent && n < 16; x = x->parent)
        chain[n++] = x;
    while (n-- > 0) {
        sb_puts(&s, chain[n]->name ? chain[n]->name : chain[n]->schema->name);
        sb_put(&s, ".", 1);
    }
    sb_puts(&s, f->name);
    return sb_str(&s);
}

/* The inherited entries changed, each copied (with its changes) into the
 * course, re-indented to the course's body. */
static void redeclare_all(Ed *e)
{
    int n = e->n;
    int *idx = arena_array(e->a, (size_t)n + 1, sizeof *idx);
    for (int i = 0; i < n && e->ok; i++) {
        Block *anc = e->raw[i].redeclare;
        if (!anc)
            continue;
        /* Its changes, in source order (insertions at one place as made). */
        int m = 0;
        for (int k = i; k < n; k++) {
            if (e->raw[k].redeclare != anc)
                continue;
            int j = m++;
            while (j > 0 && e->raw[idx[j - 1]].off > e->raw[k].off) {
                idx[j] = idx[j - 1];
                j--;
            }
            idx[j] = k;
        }
        const Entry *E = anc->entry;
        const Source *s = e->ss->files[E->span.file];
        size_t at = E->span.first_off, end = E->span.last_off;
        SBuf t = sb_new(e->a);
        for (int j = 0; j < m; j++) {
            Raw *r = &e->raw[idx[j]];
            if (r->off < at || r->end > end || r->file != E->span.file) {
                e->ok = false;
                return;
            }
            sb_put(&t, s->text + at, r->off - at);
            sb_puts(&t, r->text);
            at = r->end;
            r->redeclare = NULL;
            r->file = -1; /* made in the copy */
        }
        sb_put(&t, s->text + at, end - at);
        /* Lines after the first lose the entry's own indentation. */
        const char *ind = indent_at(e->a, s, E->span.first_off);
        size_t il = strlen(ind);
        const char *txt = sb_str(&t);
        SBuf out = sb_new(e->a);
        for (const char *p = txt; *p; p++) {
            sb_put(&out, p, 1);
            if (*p == '\n' && strncmp(p + 1, ind, il) == 0)
                p += il;
        }
        insert_entry(e, e->course, sb_str(&out), NULL);
    }
}

/* The file's own line end, from its first line: "\n", "\r\n" or "\r". */
static const char *line_end(const Source *s)
{
    const char *p = memchr(s->text, '\r', s->len), *q = memchr(s->text, '\n', s->len);
    if (!p || (q && q < p))
        return "\n";
    return (size_t)(p - s->text) + 1 < s->len && p[1] == '\n' ? "\r\n" : "\r";
}

/* `text` with each "\n" (and "\r\n", "\r" copied from a file) as `nl`. */
static const char *with_line_ends(Arena *a, const char *text, const char *nl)
{
    SBuf b = sb_new(a);
    for (const char *p = text; *p; p++) {
        if (*p == '\r' && p[1] == '\n')
            p++;
        if (*p == '\r' || *p == '\n')
            sb_puts(&b, nl);
        else
            sb_put(&b, p, 1);
    }
    return sb_str(&b);
}

bool fix_edits(Arena *a, SourceSet *ss, int main_file, Block *course, const FixCand *cand, Fix *out)
{
    Ed e = {a, ss, course, NULL, 0, true};
    SBuf title = sb_new(a);
    bool *done = arena_array(a, (size_t)cand->n + 1, sizeof *done);
    for (int i = 0; i < cand->n && e.ok; i++) {
        const FixChange *ch = &cand->ch[i];
        if (done[i])
            continue;
        const char *what = NULL;
        if (ch->kind == CH_SET) {
            /* two changes of one field: the candidate contradicts itself */
            for (int k = i + 1; k < cand->n; k++)
                if (cand->ch[k].kind == CH_SET && cand->ch[k].blk == ch->blk && cand->ch[k].f == ch->f)
                    return false;
            const char *text = change_set(&e, ch->blk, ch->f, ch->text);
            what = ch->placeholder
                       /* TRANSLATORS: a fix: "declare day_length with the placeholder 1h" */
                       ? arena_printf(a, _("declare %s with the placeholder %s"), path_of(a, ch->blk, ch->f), text)
                       /* TRANSLATORS: a fix: "set theory.weeks to 13" */
                       : arena_printf(a, _("set %s to %s"), path_of(a, ch->blk, ch->f), text);
        } else {
            /* every member for the same list (or the same new item) at once */
            SBuf m = sb_new(a);
            sb_puts(&m, ch->text);
            for (int k = i + 1; k < cand->n; k++) {
                const FixChange *o = &cand->ch[k];
                if (o->kind == ch->kind && o->blk == ch->blk && o->f == ch->f && o->sub == ch->sub && !done[k]) {
                    done[k] = true;
                    bool dup = strcmp(o->text, ch->text) == 0;
                    for (int j = i + 1; j < k && !dup; j++)
                        dup = done[j] && cand->ch[j].blk == ch->blk && cand->ch[j].f == ch->f &&
                              strcmp(cand->ch[j].text, o->text) == 0 && j != k;
                    if (!dup) {
                        sb_put(&m, ", ", 2);
                        sb_puts(&m, o->text);
                    }
                }
            }
            const char *members = sb_str(&m);
            if (ch->kind == CH_ADD) {
                members = change_add(&e, ch->blk, ch->f, members);
                /* TRANSLATORS: a fix: "add network to principles" */
                what = arena_printf(a, _("add %s to %s"), few(a, members), path_of(a, ch->blk, ch->f));
            } else {
                NewItem it = change_new(&e, ch->blk, ch->f, ch->sub, members);
                /* TRANSLATORS: a fix: "add module m8 with covers role.tools, role.wellbeing" */
                what = arena_printf(a, _("add %s %s with %s %s"), it.kind, it.name, it.list, few(a, members));
            }
        }
        if (i)
            sb_puts(&title, "; ");
        sb_puts(&title, what);
    }
    if (e.ok)
        redeclare_all(&e);
    if (!e.ok)
        return false;
    /* Every edit now lies in the main file: in source order, apart. */
    int n = 0;
    FixEdit *ed = arena_array(a, (size_t)e.n + 1, sizeof *ed);
    Source *src = ss->files[main_file];
    for (int i = 0; i < e.n; i++) {
        Raw *r = &e.raw[i];
        if (r->file == -1)
            continue;
        if (r->file != main_file || r->redeclare)
            return false;
        int j = n++;
        while (j > 0 && ed[j - 1].off > r->off) {
            ed[j] = ed[j - 1];
            j--;
        }
        ed[j] = (FixEdit){src->path, 0, 0, 0, 0, r->off, r->end, r->text};
    }
    for (int i = 0; i + 1 < n; i++) {
        if (ed[i].end_off > ed[i + 1].off)
            return false;
        if (ed[i].off == ed[i + 1].off && ed[i].end_off == ed[i].off && ed[i + 1].end_off == ed[i + 1].off) {
            /* two insertions at one place: one edit */
            ed[i].text = arena_printf(a, "%s%s", ed[i].text, ed[i + 1].text);
            memmove(&ed[i + 1], &ed[i + 2], (size_t)(n - i - 2) * sizeof *ed);
            n--;
            i--;
        }
    }
    const char *nl = line_end(src);
    for (int i = 0; i < n; i++) {
        SrcPos s = src_pos(src, ed[i].off), t = src_pos(src, ed[i].end_off);
        if (strcmp(nl, "\n") != 0)
            ed[i].text = with_line_ends(a, ed[i].text, nl);
        ed[i].line = s.line, ed[i].column = s.col;
        ed[i].end_line = t.line, ed[i].end_column = t.col;
    }
    out->edits = ed;
    out->nedits = n;
    out->title = sb_str(&title);
    return n > 0;
}

/* Bytes [from, to) of `text` after the edits of `fixes` (all of them in
 * that stretch), NUL-terminated, their count in *out_len; NULL when an
 * edit lies outside it or two overlap. */
static char *apply(Arena *a, const char *text, size_t from, size_t to, const Fix *const *fixes, int n,
                   size_t *out_len)
{
    /* Every edit, in source order; overlapping ones cannot be made together. */
    int total = 0;
    for (int i = 0; i < n; i++)
        total += fixes[i]->nedits;
    const FixEdit **ed = arena_array(a, (size_t)total + 1, sizeof *ed);
    int m = 0;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < fixes[i]->nedits; k++) {
            const FixEdit *x = &fixes[i]->edits[k];
            int j = m++;
            while (j > 0 && ed[j - 1]->off > x->off) {
                ed[j] = ed[j - 1];
                j--;
            }
            ed[j] = x;
        }
    /* Sized first and copied once: a large file is copied for every
     * candidate verified (fix.c), and growing a buffer doubled that. */
    size_t len = to - from, at = from;
    for (int i = 0; i < m; i++) {
        if (ed[i]->off < at || ed[i]->end_off > to || ed[i]->off > ed[i]->end_off)
            return NULL;
        len += strlen(ed[i]->text) - (ed[i]->end_off - ed[i]->off);
        at = ed[i]->end_off;
    }
    char *out = arena_alloc_raw(a, len + 1), *w = out;
    at = from;
    for (int i = 0; i < m; i++) {
        size_t k = strlen(ed[i]->text);
        memcpy(w, text + at, ed[i]->off - at);
        w += ed[i]->off - at;
        memcpy(w, ed[i]->text, k);
        w += k;
        at = ed[i]->end_off;
    }
    memcpy(w, text + at, to - at);
    out[len] = '\0';
    *out_len = len;
    return out;
}

char *fix_apply_all(Arena *a, const char *text, size_t len, const Fix *const *fixes, int n)
{
    size_t k;
    return apply(a, text, 0, len, fixes, n, &k);
}

char *fix_apply(Arena *a, const char *text, size_t len, const Fix *f)
{
    size_t k;
    return apply(a, text, 0, len, &f, 1, &k);
}

char *fix_apply_within(Arena *a, const char *text, size_t from, size_t to, const Fix *f, size_t *out_len)
{
    return apply(a, text, from, to, &f, 1, out_len);
}
