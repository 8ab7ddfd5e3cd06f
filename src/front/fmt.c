/* fmt.c — the canonical layout over the scanner's tokens (fmt.h).
 *
 * Two passes. The first walks the tokens with the grammar's shape in mind
 * (blocks, entries, separators, set literals) and makes rows: an entry's
 * first line, its continuation lines, a block's closing brace, a comment
 * line, a blank line. The second lays the rows out: the value column of
 * each run of consecutive entries, the indentation of continuation lines,
 * the column of trailing comments. */
#include "front/fmt.h"
#include "front/parse.h"
#include "front/tokens.h"

#include <string.h>

enum { K_COMMENT = -1 };
enum { R_ENTRY, R_CONT, R_COMMENT, R_BLANK, R_CLOSE };

typedef struct Item {
    int kind;        /* the token's kind, or K_COMMENT */
    size_t off, end;
    int nl;          /* line ends between the item before and this one */
    bool sep;        /* a separating end of line before it (Tok.sep) */
    bool set;        /* a brace of a set literal */
} Item;

typedef struct Row {
    int kind, depth;
    const char *key; /* R_ENTRY: the key as written ("" when it is a call) */
    int keyw;
    SBuf rest;       /* the code after the key (all the code of other rows) */
    const char *comment; /* the trailing comment, or the comment of the line */
    int ccol_orig;   /* the comment's column in the input */
    bool align;      /* R_ENTRY: one line of values, no block: aligned with its neighbours */
    bool hanging;    /* R_COMMENT: continues the trailing comment above it */
    int cont_rel;    /* R_CONT: its indentation in the input less its entry's value column */
    int entry;       /* R_CONT: the row of its entry */
    int cell;        /* R_ENTRY: where in rest a second column starts, or -1 */
    int cell_ocol;   /* its column in the input, from the key's */
    int vcol, lead, ccol; /* the layout's */
} Row;

typedef struct F {
    Arena *a;
    const char *text;
    Item *it;
    int n, i;
    Row *rows;
    int nrows, cap;
} F;

/* Characters in n bytes of UTF-8. */
static int cols(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* The column (from 0, in characters) of byte off in the input. */
static int ocol(const F *f, size_t off)
{
    size_t p = off;
    while (p > 0 && f->text[p - 1] != '\n' && f->text[p - 1] != '\r')
        p--;
    return cols(f->text + p, off - p);
}

static int row_new(F *f, int kind, int depth)
{
    if (f->nrows == f->cap) {
        int nc = f->cap ? f->cap * 2 : 64;
        f->rows = arena_grow(f->a, f->rows, (size_t)f->nrows, (size_t)nc, sizeof *f->rows);
        f->cap = nc;
    }
    Row *r = &f->rows[f->nrows];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->depth = depth;
    r->key = "";
    r->rest = sb_new(f->a);
    r->entry = -1;
    r->cell = -1;
    return f->nrows++;
}

/* A comment's text without the blanks at its end. */
static const char *comment_text(F *f, const Item *c)
{
    size_t e = c->end;
    while (e > c->off && (f->text[e - 1] == ' ' || f->text[e - 1] == '\t'))
        e--;
    return arena_strndup(f->a, f->text + c->off, e - c->off);
}

static void trailing(F *f, int r, const Item *c)
{
    f->rows[r].comment = comment_text(f, c);
    f->rows[r].ccol_orig = ocol(f, c->off);
}

static bool is_sep(const Item *t, bool enm)
{
    return t->kind == ';' || (enm && t->kind == ',');
}

/* One blank between tokens p and t of a line, or none. */
static bool space_before(const F *f, int pi, int ti)
{
    const Item *p = &f->it[pi], *t = &f->it[ti];
    int pk = p->kind, tk = t->kind;
    if (tk == ',' || tk == ';' || tk == ')' || tk == ':')
        return false;
    if (pk == '(' || (pk == '{' && p->set) || (tk == '}' && t->set))
        return false;
    if (tk == '(' && tok_class(pk) == TOKK_FUNC)
        return false;
    /* A range is written tight (09:00..12:00) or, around longer operands,
     * with blanks: the author's choice, side by side. */
    if (tok_class(tk) == TOKK_DOTDOT || tok_class(pk) == TOKK_DOTDOT)
        return t->off > p->end;
    return true;
}

/* Two or more blanks between tokens p and t on one line of the input. */
static bool gap_cell(const F *f, int pi, int ti)
{
    size_t from = f->it[pi].end, to = f->it[ti].off;
    if (to < from + 2 || f->it[ti].nl > 0)
        return false;
    for (size_t p = from; p < to; p++)
        if (f->text[p] != ' ' && f->text[p] != '\t')
            return false;
    return true;
}

static void put(F *f, int r, int last, int ti)
{
    Row *row = &f->rows[r];
    if (last >= 0 && space_before(f, last, ti))
        sb_puts(&row->rest, " ");
    sb_put(&row->rest, f->text + f->it[ti].off, f->it[ti].end - f->it[ti].off);
}

/* The '}' that closes the '{' at index open. */
static int matching(const F *f, int open)
{
    int d = 0;
    for (int j = open; j < f->n; j++) {
        if (f->it[j].kind == '{')
            d++;
        else if (f->it[j].kind == '}' && --d == 0)
            return j;
    }
    return f->n;
}

/* The block [open, close] on one line ("{ a; b }"), or NULL when it does not
 * stay on one line: it was not written on one, holds a comment or a brace,
 * or would not fit in FMT_WIDTH columns after `width` columns. */
static const char *one_line(F *f, int open, int close, int width, bool enm)
{
    for (int j = open + 1; j <= close; j++)
        if (f->it[j].nl > 0 || f->it[j].kind == K_COMMENT || (j < close && (f->it[j].kind == '{' || f->it[j].kind == '}')))
            return NULL;
    SBuf b = sb_new(f->a);
    sb_puts(&b, "{");
    int last = -1, pending = 0;
    bool any = false;
    for (int j = open + 1; j < close; j++) {
        const Item *t = &f->it[j];
        if (is_sep(t, enm)) {
            if (any && !pending)
                pending = t->kind;
            continue;
        }
        if (pending) {
            char s[3] = {(char)pending, ' ', 0};
            sb_puts(&b, s);
            pending = 0;
        } else if (!any || !space_before(f, last, j)) {
            sb_puts(&b, any ? "" : " ");
        } else {
            sb_puts(&b, " ");
        }
        sb_put(&b, f->text + t->off, t->end - t->off);
        last = j;
        any = true;
    }
    sb_puts(&b, " }");
    if (!any || width + cols(b.s, b.n) > FMT_WIDTH)
        return NULL;
    return sb_str(&b);
}

static void body(F *f, int depth, bool enm);

/* One entry, from its key to the separator after it. */
static void entry(F *f, int depth, bool enm)
{
    int ki = f->i;
    const Item *k = &f->it[ki];
    int r = row_new(f, R_ENTRY, depth);
    bool func_key = tok_class(k->kind) == TOKK_FUNC;
    bool is_enum = tok_class(k->kind) == TOKK_ENUM;
    int kcol = ocol(f, k->off), ovcol, last = -1;
    if (func_key) {
        put(f, r, -1, ki);
        last = ki;
        ovcol = kcol;
    } else {
        f->rows[r].key = arena_strndup(f->a, f->text + k->off, k->end - k->off);
        f->rows[r].keyw = cols(f->rows[r].key, k->end - k->off);
        ovcol = kcol + f->rows[r].keyw + 1;
        const Item *v = ki + 1 < f->n ? &f->it[ki + 1] : NULL;
        if (v && v->kind != K_COMMENT && v->nl == 0 && !v->sep && !is_sep(v, enm) && v->kind != '}')
            ovcol = ocol(f, v->off);
    }
    f->i++;
    int cur = r, paren = 0, setd = 0, prevk = k->kind;
    bool opened = false, values = false;
    while (f->i < f->n) {
        Item *t = &f->it[f->i];
        if (t->kind == K_COMMENT) {
            if (t->nl == 0) {
                trailing(f, cur, t);
                f->i++;
                continue;
            }
            int j = f->i;
            while (j < f->n && f->it[j].kind == K_COMMENT)
                j++;
            if (paren == 0 && setd == 0 &&
                (j >= f->n || f->it[j].sep || is_sep(&f->it[j], enm) || f->it[j].kind == '}'))
                break; /* the entry ended at the line end before the comment */
            int c = row_new(f, R_CONT, depth);
            f->rows[c].entry = r;
            f->rows[c].cont_rel = ocol(f, t->off) - ovcol;
            trailing(f, c, t);
            cur = c;
            last = -1;
            f->i++;
            continue;
        }
        if (paren == 0 && setd == 0 && (t->sep || is_sep(t, enm) || t->kind == '}'))
            break;
        if (t->kind == '{' && setd == 0) {
            TokClass pc = tok_class(prevk);
            bool set = pc == TOKK_IN || pc == TOKK_EQ || pc == TOKK_NE || (paren > 0 && (prevk == '(' || prevk == ','));
            if (!set) {
                opened = true;
                int close = matching(f, f->i);
                Row *row = &f->rows[cur];
                if (close == f->i + 1) {
                    sb_puts(&row->rest, row->rest.n || cur != r ? " {}" : "{}");
                    f->i = close + 1;
                    prevk = '}';
                    values = true;
                    continue;
                }
                int width = depth * 2 + (cur == r ? f->rows[r].keyw + 1 : 2) + cols(row->rest.s, row->rest.n) + 1;
                const char *one = one_line(f, f->i, close, width, is_enum);
                if (one) {
                    if (row->rest.n || cur != r)
                        sb_puts(&row->rest, " ");
                    sb_puts(&row->rest, one);
                    f->i = close + 1;
                    prevk = '}';
                    values = true;
                    continue;
                }
                if (row->rest.n || cur != r)
                    sb_puts(&row->rest, " ");
                sb_puts(&row->rest, "{");
                values = true;
                f->i++;
                body(f, depth + 1, is_enum);
                cur = row_new(f, R_CLOSE, depth);
                if (f->i < f->n) {
                    put(f, cur, -1, f->i);
                    last = f->i;
                    f->i++;
                }
                prevk = '}';
                continue;
            }
        }
        if (t->kind == '{') {
            t->set = true;
            setd++;
        } else if (t->kind == '}' && setd > 0) {
            t->set = true;
            setd--;
        } else if (t->kind == '(') {
            paren++;
        } else if (t->kind == ')' && paren > 0) {
            paren--;
        }
        if (t->nl > 0) {
            cur = row_new(f, R_CONT, depth);
            f->rows[cur].entry = r;
            f->rows[cur].cont_rel = ocol(f, t->off) - ovcol;
            last = -1;
        }
        if (cur == r && last >= 0 && paren == 0 && setd == 0 && f->rows[r].cell < 0 && gap_cell(f, last, f->i) &&
            space_before(f, last, f->i)) {
            /* A second column the author lined up: kept at its column. Only
             * where a blank belongs at all: blanks before the '}' that closes
             * a set (or a ',' or ')') are no column, and keeping them would
             * not survive a second run (fuzz_fmt found it). */
            f->rows[r].cell = (int)f->rows[r].rest.n;
            f->rows[r].cell_ocol = ocol(f, t->off) - kcol;
            last = -1;
        }
        put(f, cur, last, f->i);
        if (cur == r)
            values = true;
        last = f->i;
        prevk = t->kind;
        f->i++;
    }
    f->rows[r].align = !func_key && !opened && values;
}

/* The entries and comment lines of a block (or the file) up to its '}'. */
static void body(F *f, int depth, bool enm)
{
    bool first = true;
    while (f->i < f->n) {
        const Item *t = &f->it[f->i];
        if (t->kind == '}')
            return;
        if (t->kind == K_COMMENT && t->nl == 0 && f->nrows > 0) {
            trailing(f, f->nrows - 1, t);
            f->i++;
            continue;
        }
        if (is_sep(t, enm)) {
            f->i++;
            continue;
        }
        if (!first && t->nl >= 2 && f->nrows > 0 && f->rows[f->nrows - 1].kind != R_BLANK)
            row_new(f, R_BLANK, depth);
        first = false;
        if (t->kind == K_COMMENT) {
            int c = row_new(f, R_COMMENT, depth);
            trailing(f, c, t);
            const Row *p = c > 0 ? &f->rows[c - 1] : NULL;
            Row *cr = &f->rows[c];
            cr->hanging = t->nl == 1 && p && p->comment && p->depth == depth && p->ccol_orig == cr->ccol_orig &&
                          cr->ccol_orig > depth * 2 && (p->kind != R_COMMENT || p->hanging) && p->kind != R_CONT;
            f->i++;
            continue;
        }
        entry(f, depth, enm);
    }
}

static void spaces(SBuf *b, int n)
{
    for (int i = 0; i < n; i++)
        sb_put(b, " ", 1);
}

/* The second pass: columns, then the text. */
static char *layout(F *f, size_t *len)
{
    Row *R = f->rows;
    int n = f->nrows;
    /* Value columns: a run of aligned entries of one block, with their
     * continuation lines between them. */
    for (int i = 0; i < n;) {
        if (R[i].kind != R_ENTRY) {
            i++;
            continue;
        }
        if (!R[i].align) {
            R[i].vcol = R[i].depth * 2 + (R[i].keyw ? R[i].keyw + 1 : 0);
            i++;
            continue;
        }
        int j = i + 1, w = R[i].keyw;
        while (j < n && ((R[j].kind == R_CONT && R[j].entry >= i) ||
                         (R[j].kind == R_COMMENT && R[j].depth == R[i].depth) ||
                         (R[j].kind == R_ENTRY && R[j].align && R[j].depth == R[i].depth))) {
            if (R[j].kind == R_ENTRY && R[j].keyw > w)
                w = R[j].keyw;
            j++;
        }
        for (int k = i; k < j; k++)
            if (R[k].kind == R_ENTRY)
                R[k].vcol = R[k].depth * 2 + w + 1;
        i = j;
    }
    for (int i = 0; i < n; i++) {
        Row *r = &R[i];
        r->lead = r->depth * 2;
        if (r->kind == R_CONT) {
            int l = R[r->entry].vcol + r->cont_rel;
            r->lead = l > r->depth * 2 + 2 ? l : r->depth * 2 + 2;
        }
    }
    /* The code of each row, and its width. */
    char **code = arena_alloc(f->a, sizeof *code * (size_t)(n ? n : 1));
    int *cw = arena_alloc(f->a, sizeof *cw * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) {
        Row *r = &R[i];
        SBuf b = sb_new(f->a);
        if (r->kind == R_ENTRY) {
            sb_puts(&b, r->key);
            if (r->rest.n) {
                if (r->keyw)
                    spaces(&b, r->vcol - r->lead - r->keyw);
                if (r->cell > 0) {
                    sb_put(&b, r->rest.s, (size_t)r->cell);
                    int at = cols(b.s, b.n);
                    spaces(&b, r->cell_ocol > at ? r->cell_ocol - at : 1);
                    sb_put(&b, r->rest.s + r->cell, r->rest.n - (size_t)r->cell);
                } else {
                    sb_put(&b, r->rest.s, r->rest.n);
                }
            }
        } else if (r->kind == R_CONT || r->kind == R_CLOSE) {
            sb_put(&b, r->rest.s ? r->rest.s : "", r->rest.n);
        }
        code[i] = sb_str(&b);
        cw[i] = cols(b.s ? b.s : "", b.n);
    }
    /* Trailing comments: one column for a stretch of lines of one block
     * without a blank or comment line between them. */
    for (int i = 0; i < n;) {
        if (R[i].kind == R_BLANK || (R[i].kind == R_COMMENT && !R[i].hanging)) {
            i++;
            continue;
        }
        int j = i, maxc = -1;
        while (j < n && R[j].kind != R_BLANK && (R[j].kind != R_COMMENT || R[j].hanging) && R[j].depth == R[i].depth &&
               (j == i || code[j - 1][0] == '\0' || code[j - 1][strlen(code[j - 1]) - 1] != '{')) {
            if (R[j].comment && cw[j] > 0 && R[j].lead + cw[j] > maxc)
                maxc = R[j].lead + cw[j];
            j++;
        }
        if (j == i)
            j = i + 1;
        for (int k = i; k < j; k++) {
            R[k].ccol = maxc + 2;
            if (R[k].kind == R_COMMENT && R[k].hanging && maxc >= 0)
                R[k].lead = maxc + 2;
        }
        i = j;
    }
    SBuf out = sb_new(f->a);
    for (int i = 0; i < n; i++) {
        Row *r = &R[i];
        if (r->kind != R_BLANK) {
            spaces(&out, r->lead);
            sb_puts(&out, code[i]);
            if (r->comment) {
                if (cw[i] > 0)
                    spaces(&out, r->ccol > r->lead + cw[i] ? r->ccol - r->lead - cw[i] : 1);
                sb_puts(&out, r->comment);
            }
        }
        sb_puts(&out, "\n");
    }
    *len = out.n;
    return sb_str(&out);
}

/* The tokens with the comments between them, and the line ends before each. */
static void items(F *f, const Tok *toks, int ntoks, size_t len)
{
    int cap = ntoks + 16;
    f->it = arena_alloc(f->a, sizeof *f->it * (size_t)cap);
    size_t p = 0;
    for (int k = 0; k <= ntoks; k++) {
        size_t to = k < ntoks ? toks[k].off : len;
        int nl = 0;
        while (p < to) {
            char c = f->text[p];
            if (c == '\n' || c == '\r') {
                nl++;
                p += c == '\r' && p + 1 < to && f->text[p + 1] == '\n' ? 2 : 1;
            } else if (c == '#') {
                size_t e = p;
                while (e < to && f->text[e] != '\n' && f->text[e] != '\r')
                    e++;
                if (f->n == cap) {
                    f->it = arena_grow(f->a, f->it, (size_t)f->n, (size_t)cap * 2, sizeof *f->it);
                    cap *= 2;
                }
                f->it[f->n++] = (Item){K_COMMENT, p, e, nl, false, false};
                nl = 0;
                p = e;
            } else {
                p++;
            }
        }
        if (k == ntoks)
            break;
        if (f->n == cap) {
            f->it = arena_grow(f->a, f->it, (size_t)f->n, (size_t)cap * 2, sizeof *f->it);
            cap *= 2;
        }
        f->it[f->n++] = (Item){toks[k].kind, toks[k].off, toks[k].end, nl, toks[k].sep, false};
        p = toks[k].end;
    }
}

static void tree_entry(SBuf *b, const Entry *e, int depth)
{
    spaces(b, depth * 2);
    sb_puts(b, e->key ? e->key : "?");
    for (int v = 0; v < e->nvals; v++) {
        sb_puts(b, v ? (e->vals[v].after_comma_newline ? " ,\\n" : " ,") : " :");
        for (int k = 0; k < e->vals[v].items.n; k++) {
            sb_puts(b, " ");
            ast_write(b, e->vals[v].items.items[k]);
        }
    }
    if (e->extends) {
        sb_puts(b, " extends ");
        ast_write(b, e->extends);
    }
    if (e->is_block) {
        sb_puts(b, " {\n");
        for (int k = 0; k < e->body.n; k++)
            tree_entry(b, e->body.items[k], depth + 1);
        spaces(b, depth * 2);
        sb_puts(b, "}");
    }
    sb_puts(b, "\n");
}

void fmt_tree(SBuf *b, const File *f)
{
    for (int i = 0; i < f->n; i++) {
        const Decl *d = f->decls[i];
        if (d->kind == DECL_IMPORT) {
            sb_puts(b, "import ");
            sb_puts(b, d->u.import.path);
            sb_puts(b, "\n");
        } else if (d->kind == DECL_ENUM) {
            sb_puts(b, "enum ");
            sb_puts(b, d->u.enm.name ? d->u.enm.name : "?");
            sb_puts(b, " {\n");
            for (int k = 0; k < d->u.enm.n; k++) {
                const EnumMember *m = &d->u.enm.members[k];
                sb_puts(b, "  ");
                sb_puts(b, m->name);
                if (m->label) {
                    sb_puts(b, " label ");
                    sb_puts(b, m->label);
                }
                if (m->marker) {
                    sb_puts(b, " ");
                    sb_puts(b, m->marker);
                    sb_puts(b, " ");
                    sb_puts(b, m->of ? m->of : "?");
                }
                sb_puts(b, "\n");
            }
            sb_puts(b, "}\n");
        } else {
            tree_entry(b, d->u.entry, 0);
        }
    }
}

FmtStatus fmt_source(Arena *a, Diags *d, SourceSet *ss, int file, char **out, size_t *len)
{
    int errors = d->errors;
    File *in = parse_file(a, d, ss, file);
    if (d->errors > errors || in->stopped)
        return FMT_BAD_SYNTAX;
    Tok *toks;
    int ntoks = tok_scan(a, d, ss, file, &toks);
    if (ntoks < 0)
        return FMT_BAD_SYNTAX;
    F f = {.a = a, .text = ss->files[file]->text};
    items(&f, toks, ntoks, ss->files[file]->len);
    body(&f, 0, false);
    if (f.i < f.n)
        return FMT_FAULT; /* a '}' the parser would not have let through */
    *out = layout(&f, len);
    /* The same tree, or nothing. */
    Diags d2;
    diag_init(&d2);
    int again = src_add(ss, ss->files[file]->path, *out, *len);
    File *o = parse_file(a, &d2, ss, again);
    bool same = d2.errors == 0 && !o->stopped;
    diag_free(&d2);
    if (same) {
        SBuf t1 = sb_new(a), t2 = sb_new(a);
        fmt_tree(&t1, in);
        fmt_tree(&t2, o);
        same = t1.n == t2.n && (t1.n == 0 || memcmp(t1.s, t2.s, t1.n) == 0);
    }
    return same ? FMT_OK : FMT_FAULT;
}
