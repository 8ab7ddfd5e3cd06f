/* arena.c — bump allocator in chunks. Big requests get their own chunk so a
 * single huge string does not waste a whole standard chunk. */
#include "base/arena.h"

#include <stdarg.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The layout is arena.h's, for arena_alloc's inline fast path. */
typedef ArenaChunk Chunk;

/* The one process-wide setting of the library (arena.h says why). */
static void (*oom_handler)(void);

void arena_set_oom(void (*handler)(void))
{
    oom_handler = handler;
}

_Noreturn void arena_oom(void)
{
    if (oom_handler)
        oom_handler();
    abort();
}

static Chunk *chunk_new(size_t size)
{
    if (size > SIZE_MAX - sizeof(Chunk))
        arena_oom();
    Chunk *c = malloc(sizeof(Chunk) + size);
    if (!c)
        arena_oom();
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

Arena *arena_new(void)
{
    Arena *a = malloc(sizeof *a);
    if (!a)
        arena_oom();
    a->head = chunk_new(ARENA_CHUNK);
    a->spare = NULL;
    a->total = 0;
    return a;
}

void arena_free(Arena *a)
{
    if (!a)
        return;
    for (int list = 0; list < 2; list++) {
        Chunk *c = list ? a->spare : a->head;
        while (c) {
            Chunk *next = c->next;
            free(c);
            c = next;
        }
    }
    free(a);
}

void *arena_alloc_slow(Arena *a, size_t size)
{
    if (size > SIZE_MAX - ARENA_ALIGN)
        arena_oom();
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    Chunk *c = a->head;
    if (c->size - c->used < size) {
        if (size > ARENA_CHUNK / 4) {
            /* A large block gets its own chunk behind the current one. */
            Chunk *big = chunk_new(size);
            big->next = c->next;
            c->next = big;
            big->used = size;
            a->total += size;
            return big->data;
        }
        if (a->spare) {
            c = a->spare;
            a->spare = c->next;
            c->used = 0;
        } else {
            c = chunk_new(ARENA_CHUNK);
        }
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    a->total += size;
    return p; /* not zeroed: arena_alloc zeroes, arena_alloc_raw does not */
}

void *arena_array(Arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        arena_oom();
    return arena_alloc(a, n * size);
}

void *arena_grow(Arena *a, void *old, size_t old_n, size_t new_n, size_t size)
{
    /* The copied part is written whole: zero only the new elements. */
    unsigned char *p = arena_grow_raw(a, old, old_n, new_n, size);
    size_t kept = old ? old_n : 0;
    if (new_n > kept)
        memset(p + kept * size, 0, (new_n - kept) * size);
    return p;
}

void *arena_push(Arena *a, void *arr, size_t n, size_t size)
{
    /* Not zeroed: the caller writes element n before reading it (arena.h). */
    if (!arena_push_moves(n))
        return arr;
    if (n == 0)
        return arena_array_raw(a, ARENA_PUSH_FIRST, size);
    if (n > SIZE_MAX / 2)
        arena_oom();
    return arena_grow_raw(a, arr, n, n * 2, size);
}

void *heap_push(void *arr, int *cap, int n, size_t size)
{
    if (n < *cap)
        return arr;
    if (*cap > INT_MAX / 2)
        arena_oom();
    int c = *cap ? *cap * 2 : 16;
    if ((size_t)c > SIZE_MAX / size)
        arena_oom();
    void *p = realloc(arr, (size_t)c * size);
    if (!p)
        arena_oom();
    *cap = c;
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    /* Format straight into the current chunk's free space; only a string
     * that does not fit is measured and formatted a second time. Messages
     * and explanations are formatted per rule and course: one pass halves
     * the cost. */
    Chunk *c = a->head;
    size_t room = c->size - c->used;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf((char *)c->data + c->used, room, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n < room) {
        char *p = (char *)c->data + c->used;
        size_t size = ((size_t)n + 1 + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
        if (size > room) /* the padding does not fit: the string itself does */
            size = room;
        c->used += size;
        a->total += size;
        return p;
    }
    char *p = arena_alloc_raw(a, (size_t)n + 1); /* vsnprintf writes all n + 1 */
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void arena_reset(Arena *a)
{
    /* Standard chunks are kept for reuse and big ones given back: a loop
     * that resets its arena per item (a batch's courses) calls malloc only
     * while its items grow, not for every item. */
    Chunk *c = a->head;
    a->head = NULL;
    while (c) {
        Chunk *next = c->next;
        if (c->size == ARENA_CHUNK) {
            c->used = 0;
            if (!a->head) {
                a->head = c;
                c->next = NULL;
            } else {
                c->next = a->spare;
                a->spare = c;
            }
        } else {
            free(c);
        }
        c = next;
    }
    if (!a->head)
        a->head = chunk_new(ARENA_CHUNK);
    a->total = 0;
}

/* A chunk no longer in use: a standard one is kept for reuse. */
static void give_back(Arena *a, Chunk *c)
{
    if (c->size == ARENA_CHUNK) {
        c->next = a->spare;
        a->spare = c;
    } else {
        free(c);
    }
}

void arena_release(Arena *a, ArenaMark m)
{
    Chunk *head = m.head;
    /* Chunks begun since the mark sit in front of it, each followed by
     * the big chunks allocated while it was current. */
    while (a->head != head) {
        Chunk *c = a->head;
        a->head = c->next;
        give_back(a, c);
    }
    /* Big chunks allocated while the mark's chunk was current sit right
     * behind it, in front of the chunk that was behind it then. */
    while (head->next != m.next) {
        Chunk *c = head->next;
        head->next = c->next;
        give_back(a, c);
    }
    head->used = m.used;
    a->total = m.total;
}

