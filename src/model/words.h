/* words.h — a schema's words (its fields' names, then their aliases) and
 * an enum's (its members', then their aliases) by their first three bytes,
 * private to the model stage: model_index_fields and model_index_members
 * (model.c) file them once, model_field_as, model_enum_index and the
 * builder's look-up of every key and enum value (build.c, inline, as
 * written in the text) find them; and the masks with which a name is read
 * from the text (the builder's settled references use them too). */
#ifndef RAMME_WORDS_H
#define RAMME_WORDS_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Of model.h only the field a word names (model.h includes nothing of this
 * header: model.c and build.c include both). */
struct Field;

/* The longest word words_text compares as it is written in the text
 * (experiential_competence, the standard library's longest, has 23 bytes). */
#define WORDS_TEXT 24

/* A course's key finds its word with one probe, and strcmp
 * runs only on the rest of a word whose first three bytes are the key's.
 * The scan's first-byte test left a strcmp for each of the words that
 * share a first byte (provider, practicum, principles, praktik,
 * principper), and the scan itself cost as much. */
typedef struct FieldWord {
    uint32_t prefix; /* the first three bytes (prefix3) */
    uint8_t len;     /* strlen(word); WORDS_LONG when longer than WORDS_TEXT */
    bool alias;
    /* A schema's words: what the builder reads of the field for every key
     * (fill_body), copied here from it (model_index_fields, once the
     * fields are whole): the word's line was read anyway, and the field's
     * was a line more a key, missed for every course (the course's parse
     * pushes the program out of L1). */
    bool many;       /* field->many */
    bool derived;    /* field->derived != NULL */
    union {
        int member;  /* an enum's words: the member it names */
        int index;   /* a schema's words: field->index */
    };
    struct Field *field; /* a schema's words: the field it names */
    struct Type *type;   /* ... and field->type */
    const char *word;
    uint64_t bytes[WORDS_TEXT / 8]; /* its first WORDS_TEXT bytes, zeros after the word */
} FieldWord;

/* FieldWord.len of a word never compared as it is written (words_find). */
#define WORDS_LONG 255

/* Open addressing: a word in the slot its prefix hashes to, or the next
 * free one after it. A look-up reads the word's line alone, where a bucket
 * array, then the word, were two lines, each missed for every course (the
 * course's parse pushes the program out of L1). */
struct FieldWords {
    FieldWord *w;   /* 2^bits slots, on 64-byte lines; word NULL: free */
    unsigned shift; /* 32 - bits */
    unsigned mask;  /* 2^bits - 1 */
};

/* A word's size and alignment (words_new): one cache line. */
#define WORDS_LINE 64

/* The first three bytes of a word, none read past its NUL. */
static inline uint32_t prefix3(const char *name)
{
    uint32_t c0 = (unsigned char)name[0], c1 = c0 ? (unsigned char)name[1] : 0;
    uint32_t c2 = c1 ? (unsigned char)name[2] : 0;
    return c0 | c1 << 8 | c2 << 16;
}

static inline unsigned bucket_of(uint32_t prefix, unsigned shift)
{
    return (unsigned)((prefix * 0x9E3779B1u) >> shift);
}

/* The word `name` is, or NULL. */
static inline const FieldWord *words_entry(const struct FieldWords *x, const char *name)
{
    uint32_t p = prefix3(name);
    for (unsigned i = bucket_of(p, x->shift);; i = (i + 1) & x->mask) {
        const FieldWord *w = &x->w[i];
        if (!w->word)
            return NULL;
        /* Three equal bytes, the third a NUL: the words are equal. */
        if (w->prefix == p && (p < 1u << 16 || strcmp(w->word + 3, name + 3) == 0))
            return w;
    }
}

/* The field `name` is a word for, and whether the word is an alias; NULL
 * when none. */
static inline struct Field *words_find(const struct FieldWords *x, const char *name, bool *alias)
{
    const FieldWord *w = words_entry(x, name);
    *alias = w && w->alias;
    return w ? w->field : NULL;
}

/* The longest name a reference is compared as written (find_settled,
 * build.c): the standard library's longest goal,
 * recovery.self_determination, has 27 bytes. */
#define NAME_TEXT 32

/* For a name of n bytes (n <= NAME_TEXT), the masks that keep them of the
 * words loaded from the text: a table, where computing them took twenty
 * instructions with their branches. */
/* (n & 7: the shift stays below 64 where the branch is not taken; clang warns.) */
#define WORDS_M(n) ((n) >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * ((n) & 7))) - 1)
#define WORDS_K(n, k) WORDS_M((n) > 8 * (k) ? (n) - 8 * (k) : 0)
#define WORDS_ROW(n) {WORDS_K(n, 0), WORDS_K(n, 1), WORDS_K(n, 2), WORDS_K(n, 3)}
static const uint64_t words_mask[NAME_TEXT + 1][4] = {
    WORDS_ROW(0),  WORDS_ROW(1),  WORDS_ROW(2),  WORDS_ROW(3),  WORDS_ROW(4),  WORDS_ROW(5),  WORDS_ROW(6),
    WORDS_ROW(7),  WORDS_ROW(8),  WORDS_ROW(9),  WORDS_ROW(10), WORDS_ROW(11), WORDS_ROW(12), WORDS_ROW(13),
    WORDS_ROW(14), WORDS_ROW(15), WORDS_ROW(16), WORDS_ROW(17), WORDS_ROW(18), WORDS_ROW(19), WORDS_ROW(20),
    WORDS_ROW(21), WORDS_ROW(22), WORDS_ROW(23), WORDS_ROW(24), WORDS_ROW(25), WORDS_ROW(26), WORDS_ROW(27),
    WORDS_ROW(28), WORDS_ROW(29), WORDS_ROW(30), WORDS_ROW(31), WORDS_ROW(32),
};
#undef WORDS_ROW
#undef WORDS_K
#undef WORDS_M

/* words_find for a key as it stands in the source text: its n bytes at t,
 * with at least WORDS_TEXT bytes readable there (n <= WORDS_TEXT). Three
 * masked loads and compares where strcmp was a call and prefix3 a byte at
 * a time: every key of every course. The key the lexer made of these
 * bytes is their NFC form; a word is NFC, so bytes equal to a word are a
 * key equal to it. NULL when no word is written so (a key written in
 * another normal form, or none): words_find then. */
static inline const FieldWord *words_text(const struct FieldWords *x, const char *t, uint32_t n)
{
    uint64_t w0, w1, w2;
    memcpy(&w0, t, 8);
    memcpy(&w1, t + 8, 8);
    memcpy(&w2, t + 16, 8);
    w0 &= words_mask[n][0];
    w1 &= words_mask[n][1];
    w2 &= words_mask[n][2];
    /* The bytes after the key are zero now, as prefix3 reads a word. */
    uint32_t p = (uint32_t)w0 & 0xFFFFFF;
    for (unsigned i = bucket_of(p, x->shift);; i = (i + 1) & x->mask) {
        const FieldWord *w = &x->w[i];
        if (!w->word)
            return NULL;
        if (w->len == n && w->bytes[0] == w0 && w->bytes[1] == w1 && w->bytes[2] == w2)
            return w;
    }
}

#endif
