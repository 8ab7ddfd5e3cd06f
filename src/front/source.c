/* source.c — reading files into memory and mapping lines for diagnostics. */
/* madvise(MADV_DONTNEED) is not POSIX (posix_madvise's is a no-op on glibc). */
#define _DEFAULT_SOURCE
#include "front/source.h"
#include "base/arena.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Files from this size on are mapped rather than read into a copy: a batch
 * of 100,000 courses is 140 MB, and a copy would double what `check` holds. */
#define SRC_MAP_MIN ((size_t)1 << 20)

void src_init(SourceSet *ss)
{
    ss->files = NULL;
    ss->n = ss->cap = 0;
}

void src_free(SourceSet *ss)
{
    for (int i = 0; i < ss->n; i++) {
        free(ss->files[i]->path);
        free(ss->files[i]->shown);
        if (ss->files[i]->map)
            munmap(ss->files[i]->map, ss->files[i]->map_len);
        else
            free(ss->files[i]->text);
        free(ss->files[i]->lines);
        free(ss->files[i]);
    }
    free(ss->files);
    src_init(ss);
}

static int add_owned(SourceSet *ss, const char *path, char *text, size_t len, bool strip_bom)
{
    ss->files = heap_push(ss->files, &ss->cap, ss->n, sizeof *ss->files);
    Source *s = calloc(1, sizeof *s);
    char *p = strdup(path);
    if (!s || !p)
        arena_oom();
    /* A leading byte-order mark is skipped (LANGUAGE.md §8, Text). */
    if (strip_bom && len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF) {
        memmove(text, text + 3, len - 3);
        len -= 3;
        text[len] = '\0';
    }
    s->path = p;
    s->text = text;
    s->len = len;
    s->imported_at = span_none();
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
    return add_owned(ss, path, copy, len, true);
}

/* Maps a regular file of `len` bytes. The text must end in a NUL: the rest
 * of the last page reads as zeros, so a size that fills its last page
 * exactly is read into a copy instead (returns -3). */
static int map_file(SourceSet *ss, const char *path, int fd, size_t len)
{
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0 || len % (size_t)page == 0)
        return -3;
    void *m = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED)
        return -3;
    char *text = m;
    size_t skip = 0;
    /* A leading byte-order mark is skipped (LANGUAGE.md §8, Text). */
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        skip = 3;
    int idx = add_owned(ss, path, text + skip, len - skip, false);
    ss->files[idx]->map = m;
    ss->files[idx]->map_len = len;
    return idx;
}

void src_release(Source *s, size_t upto)
{
    if (!s->map)
        return;
    long page = sysconf(_SC_PAGESIZE);
    size_t start = (size_t)(s->text - (char *)s->map) + upto;
    if (page <= 0 || start > s->map_len)
        return;
    start -= start % (size_t)page;
    if (start > 0)
        madvise(s->map, start, MADV_DONTNEED);
}

/* Reads the open file `fd` (closed here) as `path`. With regular_only, a file
 * that fstat does not call regular gives -3. */
static int read_fd(SourceSet *ss, const char *path, int fd, size_t max_bytes, bool regular_only)
{
    struct stat st;
    bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (regular_only && !regular) {
        close(fd);
        return -3;
    }
    if (regular) {
        if ((uint64_t)st.st_size > max_bytes) {
            close(fd);
            return -2;
        }
        if ((size_t)st.st_size >= SRC_MAP_MIN) {
            int idx = map_file(ss, path, fd, (size_t)st.st_size);
            if (idx != -3) {
                close(fd);
                return idx;
            }
        }
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        close(fd);
        return -1;
    }
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
    return add_owned(ss, path, buf, len, true);
}

int src_read(SourceSet *ss, const char *path, size_t max_bytes)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    return read_fd(ss, path, fd, max_bytes, false);
}

int src_read_regular(SourceSet *ss, const char *path, const char *open_path, size_t max_bytes)
{
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
     * writer; fstat then refuses it. A regular file ignores the flag. */
    int fd = open(open_path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY);
    if (fd < 0)
        return errno == ELOOP ? -3 : -1;
    return read_fd(ss, path, fd, max_bytes, true);
}

/* Bytes of the line end at t[i] ("\r\n" 2, a lone '\r' or '\n' 1), or 0:
 * the lexer's line ends (LANGUAGE.md §8, Text), so both count the same lines. */
size_t src_line_end(const char *t, size_t i, size_t len)
{
    if (t[i] == '\n')
        return 1;
    if (t[i] == '\r')
        return i + 1 < len && t[i + 1] == '\n' ? 2 : 1;
    return 0;
}

static void build_lines(Source *s)
{
    int n = 1;
    for (size_t i = 0, k; i < s->len; i += k ? k : 1)
        if ((k = src_line_end(s->text, i, s->len)))
            n++;
    s->lines = malloc((size_t)n * sizeof *s->lines);
    if (!s->lines)
        arena_oom();
    s->lines[0] = 0;
    int m = 1;
    for (size_t i = 0, k; i < s->len; i += k ? k : 1)
        if ((k = src_line_end(s->text, i, s->len)))
            s->lines[m++] = i + k;
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
    while (end < s->len && s->text[end] != '\n' && s->text[end] != '\r')
        end++;
    *len = end - start;
    return s->text + start;
}

Span src_span_at(const Source *src, int file, size_t off)
{
    Span sp = {file, 1, 1, 1, 2, off, off + 1};
    for (size_t i = 0; i < off && i < src->len; i++) {
        unsigned char c = (unsigned char)src->text[i];
        if (c == '\n' || (c == '\r' && !(i + 1 < src->len && src->text[i + 1] == '\n'))) {
            sp.first_line++;
            sp.first_column = 1;
        } else if (c == '\r') {
            /* the '\r' of "\r\n": the '\n' ends the line */
        } else if ((c & 0xC0) != 0x80) {
            sp.first_column++;
        }
    }
    sp.last_line = sp.first_line;
    sp.last_column = sp.first_column + 1;
    return sp;
}

const char *src_line_at(Source *s, size_t off, size_t *len)
{
    if (off > s->len)
        off = s->len;
    size_t start = off;
    while (start > 0 && s->text[start - 1] != '\n' && s->text[start - 1] != '\r')
        start--;
    size_t end = off;
    while (end < s->len && s->text[end] != '\n' && s->text[end] != '\r')
        end++;
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

const char *src_shown(const SourceSet *ss, int file)
{
    const Source *s = ss->files[file];
    return s->shown ? s->shown : s->path;
}

void src_set_shown(SourceSet *ss, int file, const char *name)
{
    Source *s = ss->files[file];
    free(s->shown);
    s->shown = strdup(name); /* NULL on exhaustion: the path is shown instead */
}
