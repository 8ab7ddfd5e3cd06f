/* words.h — a schema's words (its fields' names, then their aliases) by
 * their first three bytes, private to the model stage: model_index_fields
 * (model.c) files them once per schema, model_field_as and the builder's
 * look-up of every key (build.c, inline) find them. */
#ifndef RAMME_WORDS_H
#define RAMME_WORDS_H

#include "model/model.h"

#include <stdint.h>
#include <string.h>

/* A course's key finds its word with one probe, and strcmp
 * runs only on the rest of a word whose first three bytes are the key's.
 * The scan's first-byte test left a strcmp for each of the words that
 * share a first byte (provider, practicum, principles, praktik,
 * principper), and the scan itself cost as much. */
typedef struct FieldWord {
    uint32_t prefix; /* the first three bytes (prefix3) */
    int next;        /* the next word in the bucket, -1: none */
    bool alias;
    Field *field;
    const char *word;
} FieldWord;

struct FieldWords {
    FieldWord *w;
    int *bucket; /* the first word of each, -1: none */
    unsigned shift;
};

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

/* The field `name` is a word for, and whether the word is an alias; NULL
 * when none. */
static inline Field *words_find(const struct FieldWords *x, const char *name, bool *alias)
{
    uint32_t p = prefix3(name);
    for (int i = x->bucket[bucket_of(p, x->shift)]; i >= 0; i = x->w[i].next) {
        const FieldWord *w = &x->w[i];
        /* Three equal bytes, the third a NUL: the words are equal. */
        if (w->prefix == p && (p < 1u << 16 || strcmp(w->word + 3, name + 3) == 0)) {
            *alias = w->alias;
            return w->field;
        }
    }
    *alias = false;
    return NULL;
}

#endif
