/* test_arena_diag.c — the arena allocator, the diagnostic list and source
 * files (src/base/arena.h, src/front/diag.h, src/front/source.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/arena.h"
#include "base/sbuf.h"
#include "front/diag.h"
#include "front/source.h"

#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

/* ------------------------------------------------------------ arena */

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        if (c[i])
            return false;
    return true;
}

static void test_arena_alloc_zeroed(void **state)
{
    (void)state;
    /* Dirty the heap first so that fresh malloc memory is likely reused. */
    for (int round = 0; round < 2; round++) {
        Arena *a = arena_new();
        for (int i = 0; i < 3000; i++) {
            size_t n = (size_t)(i % 97) + 1;
            unsigned char *p = arena_alloc(a, n);
            assert_non_null(p);
            if (!all_zero(p, n))
                fail_msg("round %d: allocation %d of %zu bytes is not zeroed", round, i, n);
            memset(p, 0xAB, n);
        }
        /* A large block, too. */
        unsigned char *big = arena_alloc(a, 200000);
        assert_true(all_zero(big, 200000));
        memset(big, 0xCD, 200000);
        arena_free(a);
    }
}

static void test_arena_alignment(void **state)
{
    (void)state;
    Arena *a = arena_new();
    static const size_t sizes[] = {1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 33, 100, 4095, 20000};
    for (int round = 0; round < 50; round++)
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            void *p = arena_alloc(a, sizes[i]);
            if ((uintptr_t)p % alignof(max_align_t) != 0)
                fail_msg("arena_alloc(%zu) = %p is not aligned to %zu", sizes[i], p,
                         alignof(max_align_t));
            /* Alignment of 16 covers long double and SIMD-free vectors on every ABI we use. */
            assert_int_equal((uintptr_t)p % 16, 0);
        }
    /* Zero-byte requests give distinct, usable pointers. */
    void *z1 = arena_alloc(a, 0), *z2 = arena_alloc(a, 0);
    assert_non_null(z1);
    assert_non_null(z2);
    assert_ptr_not_equal(z1, z2);
    arena_free(a);
}

static void test_arena_no_overlap(void **state)
{
    (void)state;
    Arena *a = arena_new();
    enum { N = 5000 };
    unsigned char **ps = malloc(N * sizeof *ps);
    size_t *ns = malloc(N * sizeof *ns);
    assert_non_null(ps);
    assert_non_null(ns);
    for (int i = 0; i < N; i++) {
        /* A mix of small and large (> a quarter chunk) requests. */
        ns[i] = i % 500 == 0 ? 70000 : (size_t)(i % 61) + 1;
        ps[i] = arena_alloc(a, ns[i]);
        memset(ps[i], i & 0xFF, ns[i]);
    }
    /* Every block still holds its own byte: no block overwrote another. */
    for (int i = 0; i < N; i++)
        for (size_t k = 0; k < ns[i]; k++)
            if (ps[i][k] != (unsigned char)(i & 0xFF))
                fail_msg("block %d byte %zu was overwritten", i, k);
    free(ps);
    free(ns);
    arena_free(a);
}

static void test_arena_large_blocks(void **state)
{
    (void)state;
    Arena *a = arena_new();
    char *small1 = arena_alloc(a, 10);
    size_t before = arena_used(a);
    /* Larger than a whole chunk. */
    char *big = arena_alloc(a, 5u << 20);
    assert_non_null(big);
    assert_true(arena_used(a) >= before + (5u << 20));
    big[0] = 'x';
    big[(5u << 20) - 1] = 'y';
    /* Small allocations continue, outside the big block. */
    char *small2 = arena_alloc(a, 10);
    assert_true(small2 + 10 <= big || small2 >= big + (5u << 20));
    assert_true(small1 + 10 <= big || small1 >= big + (5u << 20));
    assert_true(all_zero(small2, 10));
    assert_int_equal(big[0], 'x');
    assert_int_equal(big[(5u << 20) - 1], 'y');
    arena_free(a);
}

static void test_arena_used(void **state)
{
    (void)state;
    Arena *a = arena_new();
    assert_int_equal(arena_used(a), 0);
    size_t last = 0, asked = 0;
    for (int i = 1; i <= 200; i++) {
        arena_alloc(a, (size_t)i * 7);
        asked += (size_t)i * 7;
        assert_true(arena_used(a) > last);
        last = arena_used(a);
    }
    assert_true(arena_used(a) >= asked);
    /* Rounding to alignment wastes less than 16 bytes per block. */
    assert_true(arena_used(a) < asked + 200 * 16);
    arena_free(a);
    arena_free(NULL); /* allowed, does nothing */
}

static void test_arena_strings(void **state)
{
    (void)state;
    Arena *a = arena_new();
    const char *s = "hello world";
    char *d = arena_strndup(a, s, 5);
    assert_string_equal(d, "hello");
    assert_ptr_not_equal(d, s);
    /* n bytes are copied as they are, then a NUL. */
    char *e = arena_strndup(a, "ab\0cd", 5);
    assert_memory_equal(e, "ab\0cd", 6);
    char *z = arena_strndup(a, "xyz", 0);
    assert_string_equal(z, "");
    char *f = arena_strdup(a, "Skærtorsdag");
    assert_string_equal(f, "Skærtorsdag");

    char *p = arena_printf(a, "%d-%s-%.2f", 42, "æ", 2.5);
    assert_string_equal(p, "42-æ-2.50");
    assert_string_equal(arena_printf(a, "%s", ""), "");
    /* Longer than a chunk. */
    char *longs = malloc(300001);
    assert_non_null(longs);
    memset(longs, 'q', 300000);
    longs[300000] = '\0';
    char *lp = arena_printf(a, "<%s>", longs);
    assert_int_equal(strlen(lp), 300002);
    assert_int_equal(lp[0], '<');
    assert_int_equal(lp[300001], '>');
    assert_int_equal(lp[150000], 'q');
    free(longs);
    arena_free(a);
}

static void test_arena_array_and_grow(void **state)
{
    (void)state;
    Arena *a = arena_new();
    int *v = arena_array(a, 10, sizeof *v);
    assert_true(all_zero(v, 10 * sizeof *v));
    for (int i = 0; i < 10; i++)
        v[i] = i * i;
    int *w = arena_grow(a, v, 10, 1000, sizeof *w);
    assert_ptr_not_equal(w, v);
    for (int i = 0; i < 10; i++)
        assert_int_equal(w[i], i * i);
    /* The new tail is zeroed. */
    assert_true(all_zero(w + 10, 990 * sizeof *w));
    /* The old array is untouched (arena memory is never reused). */
    assert_int_equal(v[9], 81);
    /* Growing from nothing. */
    long *x = arena_grow(a, NULL, 0, 4, sizeof *x);
    assert_true(all_zero(x, 4 * sizeof *x));
    /* Repeated doubling, as the AST builders do. */
    int *arr = NULL;
    int n = 0, cap = 0;
    for (int i = 0; i < 100000; i++) {
        if (n == cap) {
            int nc = cap ? cap * 2 : 4;
            arr = arena_grow(a, arr, (size_t)n, (size_t)nc, sizeof *arr);
            cap = nc;
        }
        arr[n++] = i;
    }
    for (int i = 0; i < 100000; i += 997)
        assert_int_equal(arr[i], i);
    assert_int_equal(arr[99999], 99999);
    arena_free(a);
}

/* arena_alloc_raw and arena_grow_raw hand out memory as it is (a reused
 * chunk keeps what was written there); arena_alloc and arena_grow's new
 * elements are zeroed on every path even so: the fast one, a fresh or
 * reused chunk (the slow one), and a big block. */
static void test_arena_raw(void **state)
{
    (void)state;
    Arena *a = arena_new();
    for (int round = 0; round < 3; round++) {
        /* Dirty several chunks through the raw paths. */
        for (int i = 0; i < 60; i++)
            memset(arena_alloc_raw(a, 5000), 0xAB, 5000);
        unsigned char *raw = arena_alloc_raw(a, 100000);
        memset(raw, 0xCD, 100000);
        int *g = arena_grow_raw(a, NULL, 0, 4, sizeof *g);
        for (int i = 0; i < 4; i++)
            g[i] = i + 1;
        g = arena_grow_raw(a, g, 4, 1000, sizeof *g);
        for (int i = 0; i < 4; i++)
            assert_int_equal(g[i], i + 1);
        memset(g + 4, 0xEF, 996 * sizeof *g);
        assert_int_equal((uintptr_t)arena_alloc_raw(a, 3) % 16, 0);
        void *z1 = arena_alloc_raw(a, 0), *z2 = arena_alloc_raw(a, 0);
        assert_ptr_not_equal(z1, z2);
        arena_reset(a);
        /* The same chunks again, zeroed where zeroing was asked for:
         * within a chunk, at a chunk's end (the slow path), big. */
        for (int i = 0; i < 60; i++)
            assert_true(all_zero(arena_alloc(a, 5000), 5000));
        assert_true(all_zero(arena_alloc(a, 100000), 100000));
        arena_reset(a);
        for (int i = 0; i < 30; i++)
            memset(arena_alloc_raw(a, 5000), 0xAB, 5000);
        arena_reset(a);
        int *v = arena_alloc(a, 10 * sizeof *v);
        for (int i = 0; i < 10; i++)
            v[i] = 7;
        int *w = arena_grow(a, v, 10, 5000, sizeof *w);
        for (int i = 0; i < 10; i++)
            assert_int_equal(w[i], 7);
        assert_true(all_zero(w + 10, 4990 * sizeof *w));
        arena_reset(a);
    }
    arena_free(a);
}

/* ------------------------------------------------------------ diagnostics */

/* These spans name no text: line and column stand in the offset (line *
 * 100 + column), which orders and compares as they would. */
static Span at(int file, int line, int col)
{
    return span_at(file, (size_t)(line * 100 + col), (size_t)(line * 100 + col + 1));
}
#define LINE(sp) ((int)(sp).first_off / 100)
#define COL(sp) ((int)(sp).first_off % 100)

/* arena_reset: everything is handed out again, zeroed, from reused chunks;
 * a batch resets its arena for every course. */
/* The growable array: contents kept, and the array moves only when the
 * count reaches 4, 8, 16, ...: n pushes copy O(n) elements, not O(n^2). */
static void test_arena_push(void **state)
{
    (void)state;
    Arena *a = arena_new();
    int *xs = NULL;
    size_t n = 0;
    int moves = 0;
    for (int i = 0; i < 100000; i++) {
        int *before = xs;
        xs = arena_push(a, xs, n, sizeof *xs);
        moves += xs != before;
        /* Only where arena_push_moves says, at 0 (room for
         * ARENA_PUSH_FIRST) and at a power of two from it: the builder's
         * list_push (src/model/build.c) counts on it. */
        assert_int_equal(xs != before, arena_push_moves(n));
        xs[n++] = i;
    }
    for (int i = 0; i < 100000; i++)
        assert_int_equal(xs[i], i);
    /* 0, 4, 8, ..., 65536: 16 moves (log2(100000) is about 17). */
    assert_int_equal(moves, 16);
    assert_int_equal(ARENA_PUSH_FIRST, 4);
    assert_false(arena_push_moves(1) || arena_push_moves(3) || arena_push_moves(6) || arena_push_moves(4097));
    assert_true(arena_push_moves(0) && arena_push_moves(4) && arena_push_moves(8) && arena_push_moves(4096));
    arena_free(a);
}

/* arena_push, arena_array_raw and sb_grow do not clear the room they make
 * (every caller writes an element before reading it): memory dirtied and
 * given back comes back as it was, while what was pushed is copied. */
static void test_arena_push_not_zeroed(void **state)
{
    (void)state;
    Arena *a = arena_new();
    ArenaMark m = arena_mark(a);
    memset(arena_alloc_raw(a, 4096), 0xAB, 4096);
    arena_release(a, m);
    unsigned char *first = arena_push(a, NULL, 0, 8);
    assert_int_equal(first[0], 0xAB);
    assert_int_equal(first[ARENA_PUSH_FIRST * 8 - 1], 0xAB);
    memset(first, 1, ARENA_PUSH_FIRST * 8);
    unsigned char *twice = arena_push(a, first, ARENA_PUSH_FIRST, 8);
    assert_ptr_not_equal(twice, first);
    assert_int_equal(twice[0], 1);
    assert_int_equal(twice[ARENA_PUSH_FIRST * 8 - 1], 1);
    assert_int_equal(twice[ARENA_PUSH_FIRST * 8], 0xAB);     /* the new room */
    assert_int_equal(twice[2 * ARENA_PUSH_FIRST * 8 - 1], 0xAB);
    unsigned char *arr = arena_array_raw(a, 10, 4);
    assert_int_equal(arr[0], 0xAB);
    assert_int_equal(arr[39], 0xAB);
    arena_release(a, m);
    memset(arena_alloc_raw(a, 4096), 0xAB, 4096);
    arena_release(a, m);
    SBuf b = sb_new(a);
    sb_puts(&b, "ab");
    assert_string_equal(sb_str(&b), "ab");
    assert_true(b.cap > 3);
    assert_int_equal((unsigned char)b.s[3], 0xAB); /* past the NUL */
    assert_int_equal((unsigned char)b.s[b.cap - 1], 0xAB);
    arena_free(a);
}

static void test_heap_push(void **state)
{
    (void)state;
    long *xs = NULL;
    int cap = 0, moves = 0;
    for (int i = 0; i < 100000; i++) {
        long *before = xs;
        xs = heap_push(xs, &cap, i, sizeof *xs);
        moves += xs != before || i == 0;
        xs[i] = i;
    }
    for (int i = 0; i < 100000; i++)
        assert_int_equal(xs[i], i);
    assert_true(cap >= 100000 && cap < 200000);
    /* 16, 32, ..., 131072: 14 allocations at most (realloc may grow in place). */
    assert_true(moves <= 14);
    free(xs);
}

static void test_arena_reset_reuses(void **state)
{
    (void)state;
    Arena *a = arena_new();
    for (int round = 0; round < 3; round++) {
        /* Several standard chunks and one big block, all dirtied. */
        for (int i = 0; i < 40; i++) {
            unsigned char *p = arena_alloc(a, 5000);
            for (int k = 0; k < 5000; k++)
                assert_int_equal(p[k], 0);
            memset(p, 0xAB, 5000);
        }
        unsigned char *big = arena_alloc(a, 300000);
        assert_int_equal(big[299999], 0);
        memset(big, 0xCD, 300000);
        assert_true(arena_used(a) >= 40 * 5000 + 300000);
        arena_reset(a);
        assert_int_equal(arena_used(a), 0);
    }
    arena_free(a);
}

/* arena_mark / arena_release: what was allocated before the mark stays as
 * it was, everything after it is given back (standard chunks for reuse, big
 * ones freed: ASan and valgrind see no leak), and the next allocation
 * lands where the first one after the mark did. Rules rewind the arena
 * this way after every rule that passes. */
static void test_arena_mark_release(void **state)
{
    (void)state;
    Arena *a = arena_new();
    char *keep = arena_strdup(a, "kept before the mark");
    size_t before = arena_used(a);
    ArenaMark m = arena_mark(a);
    void *first = NULL;
    for (int round = 0; round < 4; round++) {
        void *p = arena_alloc(a, 100);
        if (round == 0)
            first = p;
        else
            assert_ptr_equal(p, first);
        /* A big block while the mark's chunk is current, then enough to
         * open new chunks, then big blocks behind those. */
        memset(arena_alloc(a, 40000), 0xAB, 40000);
        for (int i = 0; i < 60; i++)
            memset(arena_alloc(a, 5000), 0xCD, 5000);
        memset(arena_alloc(a, 200000), 0xEF, 200000);
        assert_true(arena_used(a) > before + 500000);
        /* A mark inside a mark. */
        ArenaMark inner = arena_mark(a);
        size_t at_inner = arena_used(a);
        for (int i = 0; i < 30; i++)
            arena_alloc(a, 3000);
        arena_release(a, inner);
        assert_int_equal(arena_used(a), at_inner);
        arena_release(a, m);
        assert_int_equal(arena_used(a), before);
        assert_string_equal(keep, "kept before the mark");
    }
    /* Memory given back comes back zeroed. */
    assert_true(all_zero(arena_alloc(a, 5000), 5000));
    arena_free(a);
}

/* arena_printf formats in place when the string fits the chunk, and
 * measures and formats again when it does not: right either way. */
static void test_arena_printf_at_chunk_end(void **state)
{
    (void)state;
    char want[300];
    for (int fill = 65536 - 400; fill < 65536; fill += 16) {
        Arena *a = arena_new();
        /* Small blocks (a large one would get a chunk of its own) up to
         * `fill` bytes of the first chunk. */
        for (int i = 0; i < fill / 16; i++)
            arena_alloc(a, 16);
        const char *s = arena_printf(a, "%s-%d-%0200d", "kursus", fill, 7);
        snprintf(want, sizeof want, "%s-%d-%0200d", "kursus", fill, 7);
        assert_string_equal(s, want);
        const char *t = arena_printf(a, "%d", 42);
        assert_string_equal(t, "42");
        assert_string_equal(s, want); /* not overwritten by the next one */
        arena_free(a);
    }
}

static void test_diag_basic(void **state)
{
    (void)state;
    Diags d;
    diag_init(&d);
    assert_int_equal(d.n, 0);
    assert_int_equal(d.max_errors, DIAG_MAX_ERRORS);
    diag_error(&d, at(0, 3, 4), "bad %s %d", "thing", 7);
    diag_warning(&d, at(0, 1, 1), "careful");
    assert_int_equal(d.n, 2);
    assert_int_equal(d.errors, 1);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.items[0].severity, DIAG_ERROR);
    assert_string_equal(d.items[0].msg, "bad thing 7");
    assert_int_equal(LINE(d.items[0].span), 3);
    assert_int_equal(COL(d.items[0].span), 4);
    assert_null(d.items[0].help);
    assert_int_equal(d.items[0].nnotes, 0);
    assert_int_equal(d.items[1].severity, DIAG_WARNING);
    diag_free(&d);
    /* diag_free leaves an empty, reusable list. */
    assert_int_equal(d.n, 0);
    assert_int_equal(d.errors, 0);
    assert_int_equal(d.max_errors, DIAG_MAX_ERRORS);
    diag_error(&d, at(0, 1, 1), "again");
    assert_int_equal(d.n, 1);
    diag_free(&d);
}

static void test_diag_dedup(void **state)
{
    (void)state;
    Diags d;
    diag_init(&d);
    diag_error(&d, at(0, 2, 5), "unknown name 'x'");
    diag_error(&d, at(0, 2, 5), "unknown name 'x'");
    diag_error(&d, at(0, 2, 5), "unknown name '%s'", "x");
    assert_int_equal(d.n, 1);
    assert_int_equal(d.errors, 1);
    /* Same place is line and column; the end of the span does not matter. */
    Span wider = at(0, 2, 5);
    wider.last_off += 15;
    diag_error(&d, wider, "unknown name 'x'");
    assert_int_equal(d.n, 1);
    /* Another column, line, file or message: kept. */
    diag_error(&d, at(0, 2, 6), "unknown name 'x'");
    diag_error(&d, at(0, 3, 5), "unknown name 'x'");
    diag_error(&d, at(1, 2, 5), "unknown name 'x'");
    diag_error(&d, at(0, 2, 5), "unknown name 'y'");
    assert_int_equal(d.n, 5);
    assert_int_equal(d.errors, 5);
    /* A warning with an error's text at its place is a different diagnostic. */
    diag_warning(&d, at(0, 2, 5), "unknown name 'x'");
    assert_int_equal(d.n, 6);
    diag_warning(&d, at(0, 2, 5), "unknown name 'x'");
    assert_int_equal(d.n, 6);
    assert_int_equal(d.warnings, 1);
    diag_free(&d);
}

/* "Each error once" (diag.h): a repeat is dropped however many other
 * diagnostics came in between. */
static void test_diag_dedup_far_apart(void **state)
{
    (void)state;
    Diags d;
    diag_init(&d);
    diag_error(&d, at(0, 1, 1), "unknown name 'x'");
    for (int i = 0; i < 10; i++)
        diag_error(&d, at(0, 10 + i, 1), "other error %d", i);
    diag_error(&d, at(0, 1, 1), "unknown name 'x'");
    /* BUG (or undocumented limit): src/front/diag.c push() only compares with the
     * last 8 diagnostics (`i >= d->n - 8`), so a repeat after 10 others is
     * kept twice and counted twice. */
    int n = d.n, errors = d.errors;
    diag_free(&d);
    if (n != 11 || errors != 11)
        fail_msg("BUG: a repeated error 11 reports later is kept again (n=%d, errors=%d)", n,
                 errors);
}

static void test_diag_cap(void **state)
{
    (void)state;
    Diags d;
    diag_init(&d);
    for (int i = 0; i < DIAG_MAX_ERRORS + 25; i++)
        diag_error(&d, at(0, i + 1, 1), "error number %d", i);
    assert_int_equal(d.errors, DIAG_MAX_ERRORS + 25);
    assert_true(d.capped);
    /* DIAG_MAX_ERRORS errors, then exactly one "too many errors" note. */
    assert_int_equal(d.n, DIAG_MAX_ERRORS + 1);
    int notes = 0, errs = 0;
    for (int i = 0; i < d.n; i++) {
        if (d.items[i].severity == DIAG_NOTE) {
            notes++;
            assert_non_null(strstr(d.items[i].msg, "too many errors"));
            assert_int_equal(d.items[i].span.file, -1);
        } else {
            assert_int_equal(d.items[i].severity, DIAG_ERROR);
            errs++;
        }
    }
    assert_int_equal(notes, 1);
    assert_int_equal(errs, DIAG_MAX_ERRORS);
    assert_int_equal(d.items[d.n - 1].severity, DIAG_NOTE);
    /* The kept errors are the first ones. */
    assert_string_equal(d.items[0].msg, "error number 0");
    assert_string_equal(d.items[DIAG_MAX_ERRORS - 1].msg, "error number 49");
    /* Notes and help for a dropped error go nowhere (not onto the cap line). */
    diag_error(&d, at(0, 500, 1), "dropped");
    diag_note(&d, at(0, 1, 1), "note for dropped");
    diag_help(&d, "help for dropped");
    assert_int_equal(d.items[d.n - 1].nnotes, 0);
    assert_null(d.items[d.n - 1].help);
    assert_int_equal(d.items[DIAG_MAX_ERRORS - 1].nnotes, 0);
    assert_int_equal(d.n, DIAG_MAX_ERRORS + 1);
    /* Warnings are not capped by the error cap. */
    diag_warning(&d, at(0, 1, 1), "still a warning");
    assert_int_equal(d.warnings, 1);
    diag_free(&d);
}

/* diag_append reports another list's diagnostics as if they were reported
 * here: the same cap and dedup, with their notes, help, suggestion and
 * path; what the cap drops takes its notes with it. */
static void test_diag_append(void **state)
{
    (void)state;
    Diags one, to, from;
    diag_init(&one);
    diag_init(&to);
    diag_init(&from);
    one.max_errors = to.max_errors = 3;
    from.max_errors = from.max_warnings = INT_MAX;
    diag_error(&one, at(0, 1, 1), "first");
    diag_error(&to, at(0, 1, 1), "first");
    for (Diags *d = &one; d; d = d == &one ? &from : NULL) {
        diag_error(d, at(0, 1, 1), "first"); /* a duplicate of one before */
        diag_error(d, at(0, 2, 1), "second");
        diag_note(d, at(0, 1, 1), "see first");
        diag_suggest(d, "name");
        diag_warning(d, at(0, 3, 1), "a warning");
        diag_error_file(d, "x.ramme", "third");
        diag_error(d, at(0, 4, 1), "fourth");
        diag_note(d, at(0, 2, 1), "dropped with it");
    }
    diag_append(&to, &from);
    assert_int_equal(to.n, one.n);
    assert_int_equal(to.errors, one.errors);
    assert_int_equal(to.warnings, one.warnings);
    assert_true(to.capped && one.capped);
    for (int i = 0; i < one.n; i++) {
        assert_int_equal(to.items[i].severity, one.items[i].severity);
        assert_string_equal(to.items[i].msg, one.items[i].msg);
        assert_int_equal(to.items[i].nnotes, one.items[i].nnotes);
        assert_int_equal(LINE(to.items[i].span), LINE(one.items[i].span));
        assert_true((to.items[i].help == NULL) == (one.items[i].help == NULL));
        assert_true((to.items[i].suggest == NULL) == (one.items[i].suggest == NULL));
        assert_true((to.items[i].path == NULL) == (one.items[i].path == NULL));
    }
    assert_string_equal(to.items[1].notes[0].msg, "see first");
    assert_string_equal(to.items[1].suggest, "name");
    assert_string_equal(to.items[3].path, "x.ramme");
    /* `from` is unchanged: it still has everything. */
    assert_int_equal(from.n, 5);
    /* "first" at line 1 is in both; a list of warnings repeats no error. */
    assert_true(diag_repeats(&to, &from));
    Diags w;
    diag_init(&w);
    diag_warning(&w, at(0, 3, 1), "a warning");
    diag_error(&w, at(0, 9, 1), "first");
    assert_false(diag_repeats(&to, &w));
    diag_free(&w);
    diag_free(&one);
    diag_free(&to);
    diag_free(&from);
}

static void test_diag_warning_cap(void **state)
{
    (void)state;
    Diags d;
    diag_init(&d);
    /* 100,000 warnings at distinct places: kept up to the cap, one note, and
     * the rest counted but neither stored nor compared with what is stored. */
    for (int i = 0; i < 100000; i++)
        diag_warning(&d, at(0, i + 1, 1), "an applicant without an id: line %d", i + 1);
    assert_int_equal(d.warnings, 100000);
    assert_true(d.capped_warnings);
    assert_false(d.capped);
    assert_int_equal(d.n, DIAG_MAX_WARNINGS + 1);
    assert_int_equal(d.items[d.n - 1].severity, DIAG_NOTE);
    assert_non_null(strstr(d.items[d.n - 1].msg, "too many warnings"));
    /* Errors still have room of their own. */
    diag_error(&d, at(0, 1, 1), "an error");
    assert_int_equal(d.errors, 1);
    assert_int_equal(d.n, DIAG_MAX_WARNINGS + 2);
    diag_free(&d);
}

static void test_diag_custom_cap(void **state)
{
    (void)state;
    Diags d;
    diag_init(&d);
    d.max_errors = 3;
    for (int i = 0; i < 10; i++)
        diag_error(&d, at(0, 1, i + 1), "e%d", i);
    assert_int_equal(d.n, 4);
    assert_int_equal(d.errors, 10);
    assert_non_null(strstr(d.items[3].msg, "3"));
    assert_int_equal(d.items[3].severity, DIAG_NOTE);
    diag_free(&d);
}

static void test_diag_notes_and_help(void **state)
{
    (void)state;
    Diags d;
    diag_init(&d);
    /* Nothing reported yet: ignored, no crash. */
    diag_note(&d, at(0, 1, 1), "orphan");
    diag_help(&d, "orphan help");
    assert_int_equal(d.n, 0);

    diag_error(&d, at(0, 5, 1), "first");
    diag_error(&d, at(0, 6, 1), "second");
    diag_note(&d, at(0, 2, 3), "opened here");
    diag_note(&d, span_none(), "a note with no place %d", 2);
    diag_help(&d, "did you mean '%s'?", "group_size");
    assert_int_equal(d.items[0].nnotes, 0);
    assert_null(d.items[0].help);
    assert_int_equal(d.items[1].nnotes, 2);
    assert_string_equal(d.items[1].notes[0].msg, "opened here");
    assert_int_equal(LINE(d.items[1].notes[0].span), 2);
    assert_int_equal(COL(d.items[1].notes[0].span), 3);
    assert_string_equal(d.items[1].notes[1].msg, "a note with no place 2");
    assert_int_equal(d.items[1].notes[1].span.file, -1);
    assert_string_equal(d.items[1].help, "did you mean 'group_size'?");
    /* A second help replaces the first. */
    diag_help(&d, "write it as %s", "x");
    assert_string_equal(d.items[1].help, "write it as x");

    /* A duplicate is dropped, and so are its notes and help. */
    diag_error(&d, at(0, 6, 1), "second");
    diag_note(&d, at(0, 9, 9), "must not attach");
    diag_help(&d, "must not replace");
    assert_int_equal(d.n, 2);
    assert_int_equal(d.items[1].nnotes, 2);
    assert_string_equal(d.items[1].help, "write it as x");

    /* Warnings take notes too. */
    diag_warning(&d, at(0, 7, 1), "w");
    diag_note(&d, at(0, 1, 1), "because");
    assert_int_equal(d.items[2].nnotes, 1);
    diag_free(&d);
}

static void test_diag_sort(void **state)
{
    (void)state;
    Diags d;
    diag_init(&d);
    diag_error(&d, at(1, 1, 1), "f1 1:1");
    diag_error(&d, at(0, 9, 2), "f0 9:2");
    diag_error(&d, span_none(), "no place");
    diag_error(&d, at(0, 2, 7), "f0 2:7 first");
    diag_warning(&d, at(0, 2, 3), "f0 2:3");
    diag_error(&d, at(0, 2, 7), "f0 2:7 second");
    diag_note(&d, at(0, 1, 1), "note of second");
    diag_error(&d, at(0, 10, 1), "f0 10:1");
    diag_error(&d, at(0, 2, 7), "f0 2:7 third");
    diag_sort(&d);
    static const char *order[] = {"f0 2:3",  "f0 2:7 first", "f0 2:7 second", "f0 2:7 third",
                                  "f0 9:2",  "f0 10:1",      "f1 1:1",        "no place"};
    assert_int_equal(d.n, 8);
    for (int i = 0; i < 8; i++)
        if (strcmp(d.items[i].msg, order[i]) != 0)
            fail_msg("position %d: \"%s\", expected \"%s\"", i, d.items[i].msg, order[i]);
    /* Notes travel with their diagnostic. */
    assert_int_equal(d.items[2].nnotes, 1);
    assert_string_equal(d.items[2].notes[0].msg, "note of second");
    /* Sorting twice changes nothing. */
    diag_sort(&d);
    for (int i = 0; i < 8; i++)
        assert_string_equal(d.items[i].msg, order[i]);
    diag_free(&d);
}

/* ------------------------------------------------------------ sources */

static void test_src_add_and_lines(void **state)
{
    (void)state;
    SourceSet ss;
    src_init(&ss);
    char text[] = "first\nsecond line\n\nlast";
    int f = src_add(&ss, "a.ramme", text, strlen(text));
    assert_int_equal(f, 0);
    text[0] = 'X'; /* src_add copied it */
    Source *s = ss.files[f];
    assert_string_equal(s->path, "a.ramme");
    assert_int_equal(s->len, strlen("first\nsecond line\n\nlast"));
    assert_string_equal(s->text, "first\nsecond line\n\nlast");
    size_t len;
    const char *l = src_line(s, 1, &len);
    assert_int_equal(len, 5);
    assert_memory_equal(l, "first", 5);
    l = src_line(s, 2, &len);
    assert_int_equal(len, 11);
    assert_memory_equal(l, "second line", 11);
    l = src_line(s, 3, &len);
    assert_int_equal(len, 0);
    l = src_line(s, 4, &len);
    assert_int_equal(len, 4);
    assert_memory_equal(l, "last", 4);
    /* Out of range: empty, not a crash. */
    l = src_line(s, 5, &len);
    assert_int_equal(len, 0);
    assert_non_null(l);
    l = src_line(s, 0, &len);
    assert_int_equal(len, 0);
    l = src_line(s, -3, &len);
    assert_int_equal(len, 0);

    /* A second file gets the next index. */
    assert_int_equal(src_add(&ss, "b.ramme", "x", 1), 1);
    assert_int_equal(ss.n, 2);
    src_free(&ss);
    assert_int_equal(ss.n, 0);
}

static void test_src_line_crlf(void **state)
{
    (void)state;
    SourceSet ss;
    src_init(&ss);
    const char *text = "ab\r\ncd æ\r\n\r\nlone\rcr\r\nend\r";
    int f = src_add(&ss, "crlf.ramme", text, strlen(text));
    Source *s = ss.files[f];
    size_t len;
    const char *l = src_line(s, 1, &len);
    assert_int_equal(len, 2);
    assert_memory_equal(l, "ab", 2);
    l = src_line(s, 2, &len);
    assert_int_equal(len, strlen("cd æ"));
    assert_memory_equal(l, "cd æ", len);
    l = src_line(s, 3, &len);
    assert_int_equal(len, 0);
    /* A lone \r ends a line too, as in the lexer (old Mac files). */
    l = src_line(s, 4, &len);
    assert_int_equal(len, 4);
    assert_memory_equal(l, "lone", 4);
    l = src_line(s, 5, &len);
    assert_int_equal(len, 2);
    assert_memory_equal(l, "cr", 2);
    /* A last line ending in \r without \n. */
    l = src_line(s, 6, &len);
    assert_int_equal(len, 3);
    assert_memory_equal(l, "end", 3);
    /* The seventh line is empty, the eighth there is none. */
    l = src_line(s, 7, &len);
    assert_int_equal(len, 0);
    /* src_pos and src_line_at count the same lines. */
    size_t off = (size_t)(strstr(text, "cr\r\n") - text);
    SrcPos p = src_pos(s, off + 1);
    assert_int_equal(p.line, 5);
    assert_int_equal(p.col, 2);
    l = src_line_at(s, off, &len);
    assert_int_equal(len, 2);
    assert_memory_equal(l, "cr", 2);
    p = src_pos(s, (size_t)(strstr(text, "end") - text));
    assert_int_equal(p.line, 6);
    assert_int_equal(p.col, 1);
    /* The '\r' of "\r\n" has a column, as the lexer counts it: its '\n' is
     * the next one, and the line after starts at column 1. */
    p = src_pos(s, 2);
    assert_int_equal(p.line, 1);
    assert_int_equal(p.col, 3);
    p = src_pos(s, 3);
    assert_int_equal(p.line, 1);
    assert_int_equal(p.col, 4);
    p = src_pos(s, 4);
    assert_int_equal(p.line, 2);
    assert_int_equal(p.col, 1);
    /* 'æ' is one column of two bytes. */
    p = src_pos(s, (size_t)(strstr(text, "\r\n\r\n") - text));
    assert_int_equal(p.line, 2);
    assert_int_equal(p.col, 5);
    /* The end, and past it (an end one character beyond the text). */
    p = src_pos(s, s->len);
    assert_int_equal(p.line, 7);
    assert_int_equal(p.col, 1);
    p = src_pos(s, s->len + 1);
    assert_int_equal(p.line, 7);
    assert_int_equal(p.col, 2);
    /* No place: line 0. */
    assert_int_equal(src_pos(s, SRC_NO_OFF).line, 0);
    assert_int_equal(span_first(&ss, span_file(f)).line, 0);
    assert_int_equal(span_first(&ss, span_none()).line, 0);
    src_free(&ss);
}

static void test_src_bom(void **state)
{
    (void)state;
    SourceSet ss;
    src_init(&ss);
    int f = src_add(&ss, "bom.ramme", "\xEF\xBB\xBF" "abc\ndef", 10);
    Source *s = ss.files[f];
    assert_int_equal(s->len, 7);
    assert_string_equal(s->text, "abc\ndef");
    size_t len;
    const char *l = src_line(s, 1, &len);
    assert_int_equal(len, 3);
    assert_memory_equal(l, "abc", 3);
    /* Only a BOM. */
    f = src_add(&ss, "only.ramme", "\xEF\xBB\xBF", 3);
    assert_int_equal(ss.files[f]->len, 0);
    assert_string_equal(ss.files[f]->text, "");
    /* Not a whole BOM, or not at the start: kept as written. */
    f = src_add(&ss, "part.ramme", "\xEF\xBB" "x", 3);
    assert_int_equal(ss.files[f]->len, 3);
    f = src_add(&ss, "mid.ramme", "x\xEF\xBB\xBF", 4);
    assert_int_equal(ss.files[f]->len, 4);
    /* Only one BOM is skipped. */
    f = src_add(&ss, "two.ramme", "\xEF\xBB\xBF\xEF\xBB\xBF" "a", 7);
    assert_int_equal(ss.files[f]->len, 4);
    src_free(&ss);
}

/* src_pos against a count from the start, at every byte of a text long
 * enough for the sparse index to matter (a line start every 256 bytes),
 * of ASCII, 'æ', and every kind of line end; then the same with marks. */
static SrcPos naive_pos(const char *t, size_t len, size_t off)
{
    SrcPos p = {1, 1};
    for (size_t i = 0; i < off && i < len; i++) {
        if (t[i] == '\n' || (t[i] == '\r' && !(i + 1 < len && t[i + 1] == '\n'))) {
            p.line++;
            p.col = 1;
        } else if (((unsigned char)t[i] & 0xC0) != 0x80) {
            p.col++;
        }
    }
    return p;
}

typedef struct TestMarks {
    const char *t;
    size_t len;
} TestMarks;

/* A mark every 700 bytes, counted from the start (SrcMarkFn). */
static bool test_mark(const void *ctx, size_t off, SrcMark *m)
{
    const TestMarks *tm = ctx;
    if (off < 700)
        return false;
    m->off = off - off % 700;
    SrcPos p = naive_pos(tm->t, tm->len, m->off);
    m->line = p.line;
    m->col = p.col;
    return true;
}

static void test_src_pos_every_byte(void **state)
{
    (void)state;
    enum { N = 6000 };
    char *t = malloc(N + 1);
    assert_non_null(t);
    size_t len = 0;
    unsigned x = 7;
    while (len + 3 < N) {
        x = x * 1103515245u + 12345u;
        switch ((x >> 16) % 24) {
        case 0: t[len++] = '\n'; break;
        case 1: t[len++] = '\r'; t[len++] = '\n'; break;
        case 2: t[len++] = '\r'; break;
        case 3: case 4: t[len++] = (char)0xC3; t[len++] = (char)0xA6; break;
        default: t[len++] = 'a'; break;
        }
    }
    SourceSet ss;
    src_init(&ss);
    int f = src_add(&ss, "every.ramme", t, len);
    Source *s = ss.files[f];
    for (size_t off = 0; off <= len; off++) {
        SrcPos want = naive_pos(t, len, off), got = src_pos(s, off);
        if (got.line != want.line || got.col != want.col)
            fail_msg("byte %zu: %d:%d, expected %d:%d", off, got.line, got.col, want.line, want.col);
    }
    TestMarks tm = {t, len};
    src_set_marks(s, test_mark, &tm);
    for (size_t off = 0; off <= len; off++) {
        SrcPos want = naive_pos(t, len, off), got = src_pos(s, off);
        if (got.line != want.line || got.col != want.col)
            fail_msg("byte %zu from a mark: %d:%d, expected %d:%d", off, got.line, got.col, want.line, want.col);
    }
    /* src_pos_from counts from its cursor when that is past the mark: in
     * order, and in runs that step back or jump. */
    SrcCursor cur = {0};
    for (size_t k = 0, off = 0; k < 3 * len; k++) {
        x = x * 1103515245u + 12345u;
        unsigned r = (x >> 16) % 10;
        off = r == 0 ? (x >> 8) % (len + 1) : r == 1 && off > 50 ? off - (x >> 8) % 50 : off + (x >> 8) % 40;
        if (off > len)
            off = (x >> 4) % (len + 1);
        SrcPos want = naive_pos(t, len, off), got = src_pos_from(s, &cur, off);
        if (got.line != want.line || got.col != want.col)
            fail_msg("byte %zu from a cursor: %d:%d, expected %d:%d", off, got.line, got.col, want.line, want.col);
        assert_int_equal(cur.off, off);
    }
    /* src_line finds each line from the index as well. */
    src_set_marks(s, NULL, NULL);
    for (size_t off = 0; off < len; off++) {
        if (t[off] == '\n' || t[off] == '\r')
            continue; /* src_line_at takes the '\n' of "\r\n" for an empty line */
        SrcPos p = naive_pos(t, len, off);
        size_t n, m;
        const char *a = src_line(s, p.line, &n), *b = src_line_at(s, off, &m);
        assert_ptr_equal(a, b);
        assert_int_equal(n, m);
    }
    src_free(&ss);
    free(t);
}

/* src_count_lines against a count byte by byte, over stretches of every
 * length up to past 16 * 255 bytes (where its byte counters are summed)
 * and starting at every alignment, in texts with no '\r' (the sixteen-byte
 * path), a rare one, and "\r\n" or a lone '\r' across the stretch's end. */
static void test_src_count_lines(void **state)
{
    (void)state;
    enum { N = 9000 };
    char *t = malloc(N + 1);
    assert_non_null(t);
    unsigned x = 11;
    for (int kind = 0; kind < 3; kind++) {
        for (size_t i = 0; i < N; i++) {
            x = x * 1103515245u + 12345u;
            unsigned r = (x >> 16) % 40;
            t[i] = r < 2 ? '\n' : r == 2 && kind > 0 && (kind == 2 || (x >> 8) % 50 == 0) ? '\r' : r == 3 ? (char)0xC3 : 'a';
        }
        t[N] = '\0';
        for (size_t from = 0; from < 40; from++)
            for (size_t to = from; to <= N; to += to < 200 ? 1 : 97) {
                size_t want = 0, want_start = (size_t)-1, got_start = (size_t)-1;
                for (size_t i = from; i < to; i++)
                    if (t[i] == '\n' || (t[i] == '\r' && !(i + 1 < N && t[i + 1] == '\n'))) {
                        want++;
                        want_start = i + 1;
                    }
                size_t got = src_count_lines(t, from, to, N, &got_start);
                if (got != want || got_start != want_start)
                    fail_msg("kind %d, [%zu, %zu): %zu lines from %zu, expected %zu from %zu", kind, from, to, got,
                             got_start, want, want_start);
            }
    }
    free(t);
}

/* Workers of check -j may ask for places in one file at once, each
 * before the index exists: whoever builds it first publishes it, the
 * others free theirs (a leak or a use after free shows under `make
 * sanitize`), and every answer is the same. */
typedef struct PosRace {
    Source *s;
    const char *t;
    size_t len;
    int wrong;
} PosRace;

static void *pos_race(void *arg)
{
    PosRace *r = arg;
    for (size_t off = 0; off <= r->len; off += 7) {
        SrcPos want = naive_pos(r->t, r->len, off), got = src_pos(r->s, off);
        r->wrong += got.line != want.line || got.col != want.col;
    }
    return NULL;
}

static void test_src_pos_threads(void **state)
{
    (void)state;
    enum { N = 3000, THREADS = 4 };
    char *t = malloc(N);
    assert_non_null(t);
    for (size_t i = 0; i < N; i++)
        t[i] = i % 37 == 36 ? '\n' : i % 53 == 52 ? '\r' : 'a' + (char)(i % 26);
    for (int round = 0; round < 20; round++) {
        SourceSet ss;
        src_init(&ss);
        int f = src_add(&ss, "race.ramme", t, N);
        Source *s = ss.files[f];
        PosRace r[THREADS];
        pthread_t th[THREADS];
        for (int k = 0; k < THREADS; k++) {
            r[k] = (PosRace){s, t, N, 0};
            assert_int_equal(pthread_create(&th[k], NULL, pos_race, &r[k]), 0);
        }
        for (int k = 0; k < THREADS; k++) {
            pthread_join(th[k], NULL);
            assert_int_equal(r[k].wrong, 0);
        }
        src_free(&ss);
    }
    free(t);
}

static void test_src_read(void **state)
{
    (void)state;
    char path[] = "/tmp/ramme_test_srcXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    /* Bigger than the 4096-byte first buffer, with a BOM. */
    size_t n = 10000;
    char *buf = malloc(n);
    assert_non_null(buf);
    memcpy(buf, "\xEF\xBB\xBF", 3);
    for (size_t i = 3; i < n; i++)
        buf[i] = i % 50 == 49 ? '\n' : 'a' + (char)(i % 26);
    assert_int_equal(write(fd, buf, n), (ssize_t)n);
    close(fd);

    SourceSet ss;
    src_init(&ss);
    int f = src_read(&ss, path, 1 << 20);
    assert_int_equal(f, 0);
    assert_int_equal(ss.files[f]->len, n - 3);
    assert_memory_equal(ss.files[f]->text, buf + 3, n - 3);
    assert_int_equal(ss.files[f]->text[n - 3], '\0');
    /* Over the size bound: -2, nothing added. */
    assert_int_equal(src_read(&ss, path, 5000), -2);
    assert_int_equal(ss.n, 1);
    /* Missing file: -1. */
    assert_int_equal(src_read(&ss, "/nonexistent/ramme/x.ramme", 1 << 20), -1);
    assert_int_equal(ss.n, 1);
    src_free(&ss);
    unlink(path);
    free(buf);
}

static void test_span_join(void **state)
{
    (void)state;
    Span a = span_at(0, 2, 4);
    Span b = span_at(0, 10, 18);
    Span j = span_join(a, b);
    assert_int_equal(j.file, 0);
    assert_int_equal(j.first_off, 2);
    assert_int_equal(j.last_off, 18);
    /* A missing side gives the other. */
    j = span_join(span_none(), b);
    assert_int_equal(j.first_off, 10);
    j = span_join(a, span_none());
    assert_int_equal(j.last_off, 4);
    assert_int_equal(span_none().file, -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alloc_zeroed),
        cmocka_unit_test(test_arena_alignment),
        cmocka_unit_test(test_arena_no_overlap),
        cmocka_unit_test(test_arena_large_blocks),
        cmocka_unit_test(test_arena_used),
        cmocka_unit_test(test_arena_push),
        cmocka_unit_test(test_arena_push_not_zeroed),
        cmocka_unit_test(test_heap_push),
        cmocka_unit_test(test_arena_reset_reuses),
        cmocka_unit_test(test_arena_mark_release),
        cmocka_unit_test(test_arena_printf_at_chunk_end),
        cmocka_unit_test(test_arena_strings),
        cmocka_unit_test(test_arena_array_and_grow),
        cmocka_unit_test(test_arena_raw),
        cmocka_unit_test(test_diag_basic),
        cmocka_unit_test(test_diag_dedup),
        cmocka_unit_test(test_diag_dedup_far_apart),
        cmocka_unit_test(test_diag_cap),
        cmocka_unit_test(test_diag_append),
        cmocka_unit_test(test_diag_custom_cap),
        cmocka_unit_test(test_diag_warning_cap),
        cmocka_unit_test(test_diag_notes_and_help),
        cmocka_unit_test(test_diag_sort),
        cmocka_unit_test(test_src_add_and_lines),
        cmocka_unit_test(test_src_line_crlf),
        cmocka_unit_test(test_src_bom),
        cmocka_unit_test(test_src_pos_every_byte),
        cmocka_unit_test(test_src_count_lines),
        cmocka_unit_test(test_src_pos_threads),
        cmocka_unit_test(test_src_read),
        cmocka_unit_test(test_span_join),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
