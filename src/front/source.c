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
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Files from this size on are mapped rather than read into a copy: a batch
 * of 100,000 courses is 140 MB, and a copy would double what `check` holds. */
#define SRC_MAP_MIN ((size_t)1 << 20)

void src_init(SourceSet *ss)
{
    ss->files = NULL;
    ss->n = ss->cap = 0;
}

static void free_index(Source *s);

void src_free(SourceSet *ss)
{
    for (int i = 0; i < ss->n; i++) {
        free(ss->files[i]->path);
        free(ss->files[i]->shown);
        if (ss->files[i]->map)
            munmap(ss->files[i]->map, ss->files[i]->map_len);
        else
            free(ss->files[i]->text);
        free_index(ss->files[i]);
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
    atomic_init(&s->index, NULL);
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

/* The sparse line index: a line start every SRC_STRIDE bytes or so, so a
 * place is found by a binary search and a count of at most about that
 * many bytes, and the index of a large file stays a small part of it. */
#define SRC_STRIDE 256
/* ... or every len >> SRC_STRIDE_SHIFT bytes in a large file: at most
 * 65,536 entries (512 KB) for any file, a 140 MB file's place counted from
 * at most about 2 KB before it. */
#define SRC_STRIDE_SHIFT 16

typedef struct SrcLineAt {
    uint32_t off; /* a line's first byte */
    int line;
} SrcLineAt;

struct SrcIndex {
    SrcLineAt *at; /* by offset (and so by line); at[0] is line 1 */
    int n;
    int nlines; /* lines in the file */
};

static SrcIndex *build_index(const Source *s)
{
    SrcIndex *x = malloc(sizeof *x);
    if (!x)
        arena_oom();
    int cap = 0;
    x->at = heap_push(NULL, &cap, 0, sizeof *x->at);
    x->at[0] = (SrcLineAt){0, 1};
    x->n = 1;
    int line = 1;
    size_t last = 0;
    size_t stride = s->len >> SRC_STRIDE_SHIFT > SRC_STRIDE ? s->len >> SRC_STRIDE_SHIFT : SRC_STRIDE;
    for (size_t i = 0, k; i < s->len; i += k ? k : 1) {
        if (!(k = src_line_end(s->text, i, s->len)))
            continue;
        line++;
        if (i + k - last >= stride) {
            last = i + k;
            x->at = heap_push(x->at, &cap, x->n, sizeof *x->at);
            x->at[x->n++] = (SrcLineAt){(uint32_t)last, line};
        }
    }
    x->nlines = line;
    return x;
}

/* The index, built by the first caller; when two threads build it at
 * once, one keeps its own and the other's is freed. */
static const SrcIndex *get_index(Source *s)
{
    SrcIndex *x = atomic_load_explicit(&s->index, memory_order_acquire);
    if (x)
        return x;
    SrcIndex *mine = build_index(s);
    if (atomic_compare_exchange_strong_explicit(&s->index, &x, mine, memory_order_acq_rel, memory_order_acquire))
        return mine;
    free(mine->at);
    free(mine);
    return x;
}

/* The last entry of the index at or before byte `key` (by_line: line
 * `key`): both grow along the index. */
static const SrcLineAt *last_entry(const SrcIndex *x, bool by_line, size_t key)
{
    int lo = 0, hi = x->n - 1;
    while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        if ((by_line ? (size_t)x->at[mid].line : x->at[mid].off) <= key)
            lo = mid;
        else
            hi = mid - 1;
    }
    return &x->at[lo];
}

static void free_index(Source *s)
{
    SrcIndex *x = atomic_load_explicit(&s->index, memory_order_relaxed);
    if (x) {
        free(x->at);
        free(x);
    }
}

void src_drop_index(Source *s)
{
    free_index(s);
    atomic_store_explicit(&s->index, NULL, memory_order_relaxed);
}

/* The '\n' bytes of t[0, n), and whether a '\r' is among the bytes: with
 * SSE2 (every x86-64) 32 bytes a step, each compare's -1 subtracted into a
 * byte counter that is summed before it can overflow; the last bytes are
 * read as the text's last 16, those counted already masked off. */
static size_t count_nl(const char *t, size_t n, bool *cr)
{
    size_t count = 0, i = 0;
    *cr = false;
#if defined(__SSE2__)
    if (n >= 16) {
        static const unsigned char last[32] = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        };
        const __m128i nl = _mm_set1_epi8('\n'), r = _mm_set1_epi8('\r'), zero = _mm_setzero_si128();
        __m128i seen = zero;
        while (i < n) {
            /* at most 255 blocks into one byte counter */
            size_t stop = n - i > 16 * 254 ? i + 16 * 254 : n;
            __m128i acc = zero;
            for (; stop - i >= 32; i += 32) {
                __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
                __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(t + i + 16));
                acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v0, nl));
                acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v1, nl));
                seen = _mm_or_si128(seen, _mm_or_si128(_mm_cmpeq_epi8(v0, r), _mm_cmpeq_epi8(v1, r)));
            }
            if (stop - i >= 16) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
                acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, nl));
                seen = _mm_or_si128(seen, _mm_cmpeq_epi8(v, r));
                i += 16;
            }
            if (i < stop) { /* stop is n here: its last stop - i bytes */
                __m128i keep = _mm_loadu_si128((const __m128i *)(const void *)(last + (stop - i)));
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + stop - 16));
                acc = _mm_sub_epi8(acc, _mm_and_si128(_mm_cmpeq_epi8(v, nl), keep));
                seen = _mm_or_si128(seen, _mm_and_si128(_mm_cmpeq_epi8(v, r), keep));
                i = stop;
            }
            __m128i sum = _mm_sad_epu8(acc, zero);
            count += (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_extract_epi16(sum, 4);
        }
        *cr = _mm_movemask_epi8(seen) != 0;
        return count;
    }
#endif
    for (; i < n; i++) {
        count += t[i] == '\n';
        *cr = *cr || t[i] == '\r';
    }
    return count;
}

size_t src_count_lines(const char *t, size_t from, size_t to, size_t len, size_t *line_start)
{
    if (from >= to)
        return 0;
    bool cr;
    size_t n = count_nl(t + from, to - from, &cr);
    if (!cr) {
        if (n) {
            size_t k = to;
            while (t[k - 1] != '\n')
                k--;
            *line_start = k;
        }
        return n;
    }
    n = 0;
    for (size_t i = from; i < to; i++) {
        size_t k = src_line_end(t, i, len);
        if (k && i + k <= to) {
            n++;
            i += k - 1;
            *line_start = i + 1;
        }
    }
    return n;
}

/* From the known place `at` of byte `from` forward to byte `off`: lines
 * and characters as the lexer counts them (the '\r' of "\r\n" is a
 * character of its line, the '\n' ends it). A report counts up to a
 * course's length for each place it shows: the line ends are counted
 * in bulk (src_count_lines), the characters on the last line only. */
static SrcPos count_from(const Source *s, size_t from, SrcPos at, size_t off)
{
    size_t end = off < s->len ? off : s->len;
    const char *t = s->text;
    size_t i = from;
    size_t n = src_count_lines(t, from, end, s->len, &i);
    if (n) {
        at.line += (int)n;
        at.col = 1;
    }
    for (; i < end; i++)
        at.col += ((unsigned char)t[i] & 0xC0) != 0x80;
    if (off > end && end >= from)
        at.col += (int)(off - end);
    return at;
}

SrcPos src_pos(Source *s, size_t off)
{
    if (off == SRC_NO_OFF)
        return (SrcPos){0, 0};
    SrcMark m;
    if (s->marks) {
        if (s->marks(s->marks_ctx, off, &m))
            return count_from(s, m.off, (SrcPos){m.line, m.col}, off);
        return count_from(s, 0, (SrcPos){1, 1}, off);
    }
    const SrcIndex *x = get_index(s);
    const SrcLineAt *at = last_entry(x, false, off);
    return count_from(s, at->off, (SrcPos){at->line, 1}, off);
}

SrcPos src_pos_from(Source *s, SrcCursor *c, size_t off)
{
    if (off == SRC_NO_OFF)
        return (SrcPos){0, 0};
    SrcPos at;
    SrcMark m;
    /* Counting from any known place before off gives off's place; the
     * later of the cursor and the mark is the shorter count. Past the
     * text's end src_pos counts the columns from its end: left to it. */
    if (c->s == s && c->off <= off && off <= s->len && s->marks &&
        !(s->marks(s->marks_ctx, off, &m) && m.off > c->off))
        at = count_from(s, c->off, c->at, off);
    else
        at = src_pos(s, off);
    *c = (SrcCursor){s, off, at};
    return at;
}

SrcPos span_first(SourceSet *ss, Span sp)
{
    if (!src_has_place(ss, sp))
        return (SrcPos){0, 0};
    return src_pos(ss->files[sp.file], sp.first_off);
}

SrcPos span_last(SourceSet *ss, Span sp)
{
    if (!src_has_place(ss, sp))
        return (SrcPos){0, 0};
    return src_pos(ss->files[sp.file], sp.last_off);
}

void src_set_marks(Source *s, SrcMarkFn fn, const void *ctx)
{
    s->marks = fn;
    s->marks_ctx = ctx;
}

bool src_breaks(const Source *s, size_t from, size_t to)
{
    for (size_t i = from; i < to && i < s->len; i++)
        if (s->text[i] == '\n' || s->text[i] == '\r')
            return true;
    return false;
}

const char *src_line(Source *s, int line, size_t *len)
{
    const SrcIndex *x = get_index(s);
    if (line < 1 || line > x->nlines) {
        *len = 0;
        return "";
    }
    const SrcLineAt *at = last_entry(x, true, (size_t)line);
    size_t start = at->off;
    for (int l = at->line; l < line; l++) {
        size_t k = 0;
        while (!(k = src_line_end(s->text, start, s->len)))
            start++;
        start += k;
    }
    size_t end = start;
    while (end < s->len && s->text[end] != '\n' && s->text[end] != '\r')
        end++;
    *len = end - start;
    return s->text + start;
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
