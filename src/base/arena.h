/* arena.h — one arena per compilation: everything the front end allocates
 * (tokens' text, the syntax tree, the typed model) lives here and is freed in
 * one call. Allocation failure is fatal (arena_oom), so callers never check. */
#ifndef RAMME_ARENA_H
#define RAMME_ARENA_H

#include <stddef.h>

typedef struct Arena Arena;

Arena *arena_new(void);
void arena_free(Arena *a);
/* Zeroed memory, aligned for any object. */
void *arena_alloc(Arena *a, size_t size);
/* n objects of `size` bytes; aborts on multiplication overflow. */
void *arena_array(Arena *a, size_t n, size_t size);
/* Grows an arena array from `old_n` to `new_n` elements (copying). */
void *arena_grow(Arena *a, void *old, size_t old_n, size_t new_n, size_t size);
/* The growable array: room for element n of an array that holds n elements
 * of `size` bytes and was made by arena_push alone (NULL when n is 0).
 * Returns the same array while it has room, else a copy twice as large: the
 * capacity follows from n (8, then the next power of two), so the caller
 * keeps only a count, and n pushes copy O(n) elements in all. An array that
 * is pushed to must not be shared with another count. */
void *arena_push(Arena *a, void *arr, size_t n, size_t size);
/* The same array on the heap, for what lives longer than an arena or
 * outside one (the diagnostic list, the files read, a batch's layout, an
 * applicant file's rows): room for element n of `arr`, whose capacity is
 * *cap; doubles when full (the first size is 16); out of memory is
 * arena_oom. The caller frees the array. */
void *heap_push(void *arr, int *cap, int n, size_t size);
char *arena_strndup(Arena *a, const char *s, size_t n);
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
ArenaMark arena_mark(const Arena *a);
/* Frees everything allocated since m; m must be from this arena, with no
 * arena_reset in between. */
void arena_release(Arena *a, ArenaMark m);
/* Bytes handed out so far (for benchmarks and limits). */
size_t arena_used(const Arena *a);

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
