/* lsp_doc.c — open documents, and positions between LSP's UTF-16 columns
 * and byte offsets (lsp_doc.h). Characters are decoded with libunistring;
 * a byte that is not UTF-8 counts as one character (U+FFFD, one unit),
 * as an editor shows it. */
#include "lsp/lsp_doc.h"
#include "lsp/lsp_check.h"
#include "base/arena.h"
#include "front/source.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        arena_oom();
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

LspDoc *lsp_doc_find(const LspDocs *ds, const char *uri)
{
    for (int i = 0; i < ds->n; i++)
        if (strcmp(ds->items[i]->uri, uri) == 0)
            return ds->items[i];
    return NULL;
}

void lsp_doc_set_text(LspDoc *d, const char *text, size_t len, long long version)
{
    /* The compiler drops a byte-order mark (source.h), so spans count from
     * after it: the document is kept without it too, and its offsets are
     * the spans'. (Editors send the text without one; a client that keeps
     * it sees line 1's columns one unit early.) */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    free(d->text);
    d->text = dup_n(text, len);
    d->len = len;
    d->version = version;
}

LspDoc *lsp_doc_open(LspDocs *ds, const char *uri, const char *text, size_t len, long long version)
{
    LspDoc *d = lsp_doc_find(ds, uri);
    if (!d) {
        if (ds->n == ds->cap) {
            int cap = ds->cap ? ds->cap * 2 : 8;
            LspDoc **items = realloc(ds->items, (size_t)cap * sizeof *items);
            if (!items)
                arena_oom();
            ds->items = items;
            ds->cap = cap;
        }
        d = calloc(1, sizeof *d);
        if (!d)
            arena_oom();
        d->uri = dup_n(uri, strlen(uri));
        d->path = lsp_uri_to_path(uri);
        ds->items[ds->n++] = d;
    }
    lsp_doc_set_text(d, text, len, version);
    return d;
}

static void doc_free(LspDoc *d)
{
    lsp_check_free(d->check);
    free(d->uri);
    free(d->path);
    free(d->text);
    free(d);
}

void lsp_doc_close(LspDocs *ds, const char *uri)
{
    for (int i = 0; i < ds->n; i++) {
        if (strcmp(ds->items[i]->uri, uri) == 0) {
            doc_free(ds->items[i]);
            memmove(ds->items + i, ds->items + i + 1, (size_t)(ds->n - i - 1) * sizeof *ds->items);
            ds->n--;
            return;
        }
    }
}

void lsp_docs_free(LspDocs *ds)
{
    for (int i = 0; i < ds->n; i++)
        doc_free(ds->items[i]);
    free(ds->items);
    memset(ds, 0, sizeof *ds);
}

/* One character at s (at most n bytes): its bytes, and its UTF-16 units. */
static size_t next_char(const char *s, size_t n, int *units)
{
    ucs4_t uc;
    int k = u8_mbtouc(&uc, (const uint8_t *)s, n);
    if (k < 1)
        k = 1;
    *units = uc >= 0x10000 ? 2 : 1;
    return (size_t)k;
}

LspPos lsp_pos_of(const char *text, size_t len, size_t off)
{
    LspPos p = {0, 0};
    if (off > len)
        off = len;
    size_t i = 0;
    while (i < off) {
        size_t e = src_line_end(text, i, len);
        if (e) {
            if (i + e > off)
                break; /* between '\r' and '\n': the line's end */
            i += e;
            p.line++;
            p.character = 0;
            continue;
        }
        int units;
        size_t k = next_char(text + i, len - i, &units);
        if (i + k > off)
            break; /* inside a character: its start */
        i += k;
        p.character += units;
    }
    return p;
}

size_t lsp_off_of(const char *text, size_t len, LspPos p)
{
    size_t i = 0;
    for (long line = 0; line < p.line; line++) {
        while (i < len && !src_line_end(text, i, len))
            i++;
        if (i >= len)
            return len;
        i += src_line_end(text, i, len);
    }
    long col = 0;
    while (i < len && col < p.character && !src_line_end(text, i, len)) {
        int units;
        size_t k = next_char(text + i, len - i, &units);
        if (col + units > p.character)
            break;
        col += units;
        i += k;
    }
    return i;
}

static void jw_pos(JsonW *w, LspPos p)
{
    jw_open(w, '{');
    jw_kint(w, "line", p.line);
    jw_kint(w, "character", p.character);
    jw_close(w, '}');
}

void lsp_jw_range(JsonW *w, const char *text, size_t len, size_t a, size_t b)
{
    if (b < a)
        b = a;
    jw_open(w, '{');
    jw_key(w, "start");
    jw_pos(w, lsp_pos_of(text, len, a));
    jw_key(w, "end");
    jw_pos(w, lsp_pos_of(text, len, b));
    jw_close(w, '}');
}

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *lsp_uri_to_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return dup_n(uri, strlen(uri));
    const char *s = uri + 7;
    /* file://host/path: the host (usually empty) is not part of the path. */
    const char *slash = strchr(s, '/');
    s = slash ? slash : s + strlen(s);
    char *out = dup_n(s, strlen(s));
    size_t n = 0;
    for (size_t i = 0; s[i]; i++) {
        int h1, h2;
        if (s[i] == '%' && (h1 = hex(s[i + 1])) >= 0 && (h2 = hex(s[i + 2])) >= 0 && (h1 || h2)) {
            out[n++] = (char)(h1 * 16 + h2);
            i += 2;
        } else {
            out[n++] = s[i];
        }
    }
    out[n] = '\0';
    return out;
}

char *lsp_path_to_uri(const char *path)
{
    char cwd[PATH_MAX];
    const char *dir = "";
    if (path[0] != '/' && getcwd(cwd, sizeof cwd))
        dir = cwd;
    size_t n = strlen(dir) + 1 + strlen(path);
    char *out = malloc(7 + 3 * n + 1);
    if (!out)
        arena_oom();
    size_t k = 0;
    memcpy(out, "file://", 7);
    k = 7;
    const char *parts[3] = {dir, *dir ? "/" : "", path};
    for (int p = 0; p < 3; p++) {
        for (const unsigned char *c = (const unsigned char *)parts[p]; *c; c++) {
            /* RFC 3986's unreserved characters and the path's slashes stay. */
            if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
                strchr("-._~/", *c)) {
                out[k++] = (char)*c;
            } else {
                out[k++] = '%';
                out[k++] = "0123456789ABCDEF"[*c >> 4];
                out[k++] = "0123456789ABCDEF"[*c & 15];
            }
        }
    }
    out[k] = '\0';
    return out;
}
