/* sbuf.h — a string built piece by piece in an arena: the syntax tree
 * written back (ast.c), runtime values shown (eval.c) and explanations
 * (rules.c). Appending costs a copy, not a printf: a failed rule's
 * explanation is made of a dozen pieces, for every course of a batch. */
#ifndef RAMME_SBUF_H
#define RAMME_SBUF_H

#include "base/arena.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct SBuf {
    Arena *a;
    char *s;        /* NULL until something is appended */
    size_t n, cap;
} SBuf;

static inline SBuf sb_new(Arena *a)
{
    SBuf b = {a, NULL, 0, 0};
    return b;
}
/* Room for n more bytes and the NUL: sb_put's rare case, out of line. */
void sb_grow(SBuf *b, size_t n);
/* Inline: a report line or an explanation is a dozen short appends, and a
 * call each was a good part of what building them cost. */
static inline void sb_put(SBuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap)
        sb_grow(b, n);
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}
static inline void sb_puts(SBuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}
void sb_int(SBuf *b, int64_t v);
/* At least `width` digits, zero-padded: 09, 0042. */
void sb_pad(SBuf *b, unsigned v, int width);
/* Two two-digit numbers: 09:30, 12-24. */
void sb_pair(SBuf *b, unsigned x, char sep, unsigned y);
/* The string so far ("" when nothing was appended); appending may go on. */
char *sb_str(const SBuf *b);

#endif
