/* arena.h — one arena per compilation: everything the front end allocates
 * (tokens' text, the syntax tree, the typed model) lives here and is freed in
 * one call. Allocation failure is fatal (arena_oom), so callers never check. */
#ifndef RAMME_ARENA_H
#define RAMME_ARENA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct Arena Arena;

Arena *arena_new(void);
void arena_free(Arena *a);
/* Out of memory: does not return (declared with its handler below). */
_Noreturn void arena_oom(void);

/* The arena's layout, public for the inline fast path of arena_alloc (and
 * arena_alloc_raw) only:
 * the front end allocates some 600 small objects a course, mostly of a
 * size the compiler knows, and an inline bump with the zeroing expanded in
 * place costs a few instructions where a call to arena.c and then to
 * memset cost fifty. Nothing else reads these fields. */
#define ARENA_CHUNK (64 * 1024)
#define ARENA_ALIGN 16

typedef struct ArenaChunk {
    struct ArenaChunk *next; /* older chunks */
    size_t size;             /* usable bytes in data */
    size_t used;             /* bytes handed out */
    _Alignas(ARENA_ALIGN) unsigned char data[];
} ArenaChunk;

struct Arena {
    ArenaChunk *head;  /* current chunk */
    ArenaChunk *spare; /* standard chunks kept by arena_reset, for reuse */
    size_t total;      /* bytes handed out over all chunks */
};

/* arena_alloc_raw when the current chunk has no room (arena.c). */
void *arena_alloc_slow(Arena *a, size_t size);

/* Memory that is not zeroed, aligned for any object: for what the caller
 * writes whole before anything reads it (a struct assigned from a compound
 * literal, a string copied in, the elements of an array below its count).
 * The front end's tree nodes and arrays are most of a course's
 * allocations, and zeroing bytes that are written next cost as much as
 * the allocation. Anything read before it is written belongs in
 * arena_alloc; valgrind's memcheck (make valgrind) tells. */
/* n bytes (a multiple of ARENA_ALIGN, not 0) from the current chunk, not
 * zeroed, or NULL when it has no room: no call, so a caller's fast path
 * saves no registers (the lexer's names; arena_alloc_raw otherwise). */
static inline void *arena_bump(Arena *a, size_t n)
{
    ArenaChunk *c = a->head;
    if (c->size - c->used < n)
        return NULL;
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    return p;
}

static inline void *arena_alloc_raw(Arena *a, size_t size)
{
    /* arena_bump's test written out here: through arena_bump's NULL, gcc
     * (-O1, the sanitizers' build) loses that a huge size never reaches
     * arena_alloc's memset, and warns (-Wstringop-overflow). */
    ArenaChunk *c = a->head;
    size_t n = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size - 1 >= SIZE_MAX - ARENA_ALIGN || c->size - c->used < n)
        return arena_alloc_slow(a, size); /* 0, huge, or no room */
    return arena_bump(a, n);
}

/* Zeroed memory, aligned for any object. */
static inline void *arena_alloc(Arena *a, size_t size)
{
    void *p = arena_alloc_raw(a, size);
    memset(p, 0, size);
    return p;
}
/* n objects of `size` bytes; aborts on multiplication overflow. */
void *arena_array(Arena *a, size_t n, size_t size);
/* Grows an arena array from `old_n` to `new_n` elements (copying); the new
 * elements are zeroed. */
void *arena_grow(Arena *a, void *old, size_t old_n, size_t new_n, size_t size);
/* arena_grow for an array that keeps a count and writes element n before
 * reading it: the new elements are not zeroed (arena_alloc_raw). The
 * syntax tree's lists grow this way, most from nothing to their first
 * room: inline, that is a bump. */
static inline void *arena_grow_raw(Arena *a, void *old, size_t old_n, size_t new_n, size_t size)
{
    if (size && new_n > SIZE_MAX / size)
        arena_oom();
    void *p = arena_alloc_raw(a, new_n * size);
    if (old && old_n)
        memcpy(p, old, old_n * size);
    return p;
}
/* arena_array not zeroed (arena_alloc_raw): for an array whose elements
 * are written before they are read, as a count below them is kept. */
static inline void *arena_array_raw(Arena *a, size_t n, size_t size)
{
    return arena_grow_raw(a, NULL, 0, n, size);
}
/* The growable array: room for element n of an array that holds n elements
 * of `size` bytes and was made by arena_push alone (NULL when n is 0).
 * Returns the same array while it has room, else a copy twice as large: the
 * capacity follows from n (ARENA_PUSH_FIRST, then the next power of two), so
 * the caller keeps only a count, and n pushes copy O(n) elements in all. An
 * array that is pushed to must not be shared with another count. The new
 * room is not zeroed (arena_grow_raw): every caller writes element n before
 * it reads it, and the zeroing cost as much as the allocation. */
void *arena_push(Arena *a, void *arr, size_t n, size_t size);
/* The room arena_push makes for an array's first element. */
#define ARENA_PUSH_FIRST 4
/* Whether arena_push moves an array of n elements: at 0 and at every power
 * of two from ARENA_PUSH_FIRST on; otherwise it returns the array as it is.
 * A hot caller (the builder's lists) tests this inline and calls arena_push
 * only then, so the pushes that find room cost no call. */
static inline bool arena_push_moves(size_t n)
{
    return n == 0 || (n >= ARENA_PUSH_FIRST && (n & (n - 1)) == 0);
}
/* The same array on the heap, for what lives longer than an arena or
 * outside one (the diagnostic list, the files read, a batch's layout, an
 * applicant file's rows): room for element n of `arr`, whose capacity is
 * *cap; doubles when full (the first size is 16); out of memory is
 * arena_oom. The caller frees the array. */
void *heap_push(void *arr, int *cap, int n, size_t size);
/* A copy of n bytes of s and a NUL. Inline: the lexer copies every word
 * with it, and the call cost as much as the copy. */
static inline char *arena_strndup(Arena *a, const char *s, size_t n)
{
    if (n >= PTRDIFF_MAX) /* no object is that large; and n + 1 cannot wrap */
        arena_oom();
    char *p = arena_alloc_raw(a, n + 1); /* written whole below */
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
char *arena_strdup(Arena *a, const char *s);
/* printf into the arena. */
char *arena_printf(Arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Frees everything allocated so far but keeps one chunk for reuse: a loop
 * that works item by item resets its arena per item. */
void arena_reset(Arena *a);
/* A position in the arena to go back to: everything allocated after
 * arena_mark is given back by arena_release (chunks kept for reuse), so a
 * loop can use scratch memory per step without the arena growing. */
typedef struct ArenaMark {
    void *head, *next; /* the current chunk and the one behind it */
    size_t used, total;
} ArenaMark;
/* Inline: the evaluator marks the arena for every rule it judges. */
static inline ArenaMark arena_mark(const Arena *a)
{
    return (ArenaMark){a->head, a->head->next, a->head->used, a->total};
}
/* Frees everything allocated since m; m must be from this arena, with no
 * arena_reset in between. */
void arena_release(Arena *a, ArenaMark m);
/* Bytes handed out so far (for benchmarks and limits). */
static inline size_t arena_used(const Arena *a)
{
    return a->total;
}

/* Called when memory runs out anywhere in the library: runs the handler set
 * with arena_set_oom, which must not return (the command line's prints
 * "ramme: error: out of memory: ..." and exits with status 2), then
 * abort()s. The library itself never prints.
 *
 * The handler is the library's one process-wide setting: an allocation can
 * fail where no context reaches (flex's buffers, a realloc in the
 * diagnostic list), and there is nothing to hand back there. */
_Noreturn void arena_oom(void);
void arena_set_oom(void (*handler)(void));

#endif
