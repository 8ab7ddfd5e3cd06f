/* source.c — reading files into memory and mapping lines for diagnostics. */
#include "source.h"
#include "arena.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void src_init(SourceSet *ss)
{
    ss->files = NULL;
    ss->n = ss->cap = 0;
}

void src_free(SourceSet *ss)
{
    for (int i = 0; i < ss->n; i++) {
        free(ss->files[i]->path);
        free(ss->files[i]->text);
        free(ss->files[i]->lines);
        free(ss->files[i]);
    }
    free(ss->files);
    src_init(ss);
}

static int add_owned(SourceSet *ss, const char *path, char *text, size_t len)
{
    if (ss->n == ss->cap) {
        int cap = ss->cap ? ss->cap * 2 : 8;
        Source **f = realloc(ss->files, (size_t)cap * sizeof *f);
        if (!f)
            arena_oom();
        ss->files = f;
        ss->cap = cap;
    }
    Source *s = calloc(1, sizeof *s);
    char *p = strdup(path);
    if (!s || !p)
        arena_oom();
    /* A leading byte-order mark is skipped (LANGUAGE.md §8, Text). */
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF) {
        memmove(text, text + 3, len - 3);
        len -= 3;
        text[len] = '\0';
    }
    s->path = p;
    s->text = text;
    s->len = len;
    ss->files[ss->n] = s;
    return ss->n++;
}

int src_add(SourceSet *ss, const char *path, const char *text, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy)
        arena_oom();
    memcpy(copy, text, len);
    copy[len] = '\0';
    return add_owned(ss, path, copy, len);
}

int src_read(SourceSet *ss, const char *path, size_t max_bytes)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        arena_oom();
    for (;;) {
        if (len + 1 >= cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb)
                arena_oom();
            buf = nb;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
        if (len > max_bytes) {
            free(buf);
            fclose(f);
            return -2;
        }
        if (got == 0)
            break;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        errno = EIO;
        return -1;
    }
    buf[len] = '\0';
    return add_owned(ss, path, buf, len);
}

static void build_lines(Source *s)
{
    int n = 1;
    for (size_t i = 0; i < s->len; i++)
        if (s->text[i] == '\n')
            n++;
    s->lines = malloc((size_t)n * sizeof *s->lines);
    if (!s->lines)
        arena_oom();
    s->lines[0] = 0;
    int k = 1;
    for (size_t i = 0; i < s->len; i++)
        if (s->text[i] == '\n')
            s->lines[k++] = i + 1;
    s->nlines = n;
}

const char *src_line(Source *s, int line, size_t *len)
{
    if (!s->lines)
        build_lines(s);
    if (line < 1 || line > s->nlines) {
        *len = 0;
        return "";
    }
    size_t start = s->lines[line - 1];
    size_t end = start;
    while (end < s->len && s->text[end] != '\n')
        end++;
    if (end > start && s->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return s->text + start;
}

Span span_join(Span a, Span b)
{
    if (a.file < 0)
        return b;
    if (b.file < 0)
        return a;
    Span s = a;
    s.last_line = b.last_line;
    s.last_column = b.last_column;
    s.last_off = b.last_off;
    return s;
}
