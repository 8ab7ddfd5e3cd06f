/* fuzz.h — what the libFuzzer harnesses share: the invariant check, the
 * UTF-8 and control-character tests, a memory stream, and the diagnostic
 * renderers run with their invariants. Each harness is one file (mk/fuzz.mk
 * builds fuzz/fuzz_NAME.c alone), so everything here is static inline. */
#ifndef RAMME_FUZZ_H
#define RAMME_FUZZ_H

#include "base/esc.h"
#include "front/diag.h"
#include "emit/render.h"
#include "front/source.h"
#include "model/compile.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

/* abort() when an invariant breaks, so libFuzzer keeps the input. */
static inline void fz_check(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz: invariant broken: %s\n", what);
        abort();
    }
}

static inline bool fz_utf8(const char *s, size_t n)
{
    return u8_check((const uint8_t *)s, n) == NULL;
}

/* Text as esc.h promises it for text output: valid UTF-8 with no control
 * character (C0, DEL, C1) but a line break and a tab. */
static inline bool fz_plain_text(const char *s, size_t n)
{
    if (!fz_utf8(s, n))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return false;
        /* U+0080..U+009F are C2 80..C2 9F (the text is UTF-8). */
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F)
            return false;
    }
    return true;
}

/* A memory stream: fz_mem_open, write to m->f, fz_mem_close, read
 * m->buf/m->len, free(m->buf). */
typedef struct FzMem {
    FILE *f;
    char *buf;
    size_t len;
} FzMem;

static inline FILE *fz_mem_open(FzMem *m)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    if (!m->f)
        abort();
    return m->f;
}

static inline void fz_mem_close(FzMem *m)
{
    fclose(m->f);
    m->f = NULL;
}

/* The JSON text `s` (n bytes) parses with jansson (which also checks that
 * it is UTF-8); returns the value (a new reference). */
static inline json_t *fz_json_parses(const char *s, size_t n, const char *what)
{
    json_error_t err;
    json_t *j = json_loadb(s, n, 0, &err);
    if (!j)
        fprintf(stderr, "fuzz: %s: %s at byte %d\n", what, err.text, err.position);
    fz_check(j != NULL, what);
    return j;
}

/* One string of a text report, as the CLI shows it: through esc_text, which
 * must leave no control character and no line break; written as a line. */
static inline void fz_text_str(FILE *out, Arena *a, const char *s)
{
    const char *t = esc_text(a, s);
    if (!t)
        return;
    fz_check(fz_plain_text(t, strlen(t)) && !strchr(t, '\n'), "esc_text leaves no control character");
    fprintf(out, "%s\n", t);
}

/* `d` sorted and rendered as text (plain and coloured, into memory) and as
 * JSON, with the invariants every harness checks (when `plain` is not NULL
 * the plain text is left there, for the caller to read and free):
 *   - every message, help and note is UTF-8, and so is the rendered text;
 *   - the plain text holds no control character but line breaks and tabs
 *     (esc.h: diagnostics and their source excerpts are escaped);
 *   - the JSON has one object per diagnostic, each with a severity and a
 *     message (jansson drops a string that is not UTF-8 silently), and
 *     serialises. */
static inline void fz_render_diags(Diags *d, SourceSet *ss, FzMem *plain)
{
    diag_sort(d);
    for (int i = 0; i < d->n; i++) {
        const Diag *g = &d->items[i];
        fz_check(g->msg && fz_utf8(g->msg, strlen(g->msg)), "diagnostic message is UTF-8");
        fz_check(!g->help || fz_utf8(g->help, strlen(g->help)), "diagnostic help is UTF-8");
        for (int k = 0; k < g->nnotes; k++)
            fz_check(fz_utf8(g->notes[k].msg, strlen(g->notes[k].msg)), "diagnostic note is UTF-8");
    }
    for (int color = 0; color < 2; color++) {
        FzMem m;
        render_diags_text(fz_mem_open(&m), d, ss, color != 0);
        fz_mem_close(&m);
        fz_check(fz_utf8(m.buf, m.len), "rendered text is UTF-8");
        fz_check(color || fz_plain_text(m.buf, m.len), "rendered text has no control character");
        fz_check(d->n == 0 || m.len > 0, "diagnostics render to some text");
        if (!color && plain)
            *plain = m;
        else
            free(m.buf);
    }
    /* The streaming writer's document, read back with jansson. */
    FzMem jm;
    fz_check(render_diags_doc(fz_mem_open(&jm), d, ss), "the diagnostics document is written");
    fz_mem_close(&jm);
    json_t *doc = fz_json_parses(jm.buf, jm.len, "the diagnostics document");
    free(jm.buf);
    json_t *arr = json_incref(json_object_get(doc, "diagnostics"));
    json_decref(doc);
    fz_check(json_is_array(arr) && json_array_size(arr) == (size_t)d->n, "one JSON object per diagnostic");
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *o = json_array_get(arr, i);
        fz_check(json_is_string(json_object_get(o, "severity")), "JSON diagnostic has a severity");
        fz_check(json_is_string(json_object_get(o, "message")), "JSON diagnostic has a message");
    }
    char *s = json_dumps(arr, JSON_COMPACT);
    fz_check(s != NULL, "JSON diagnostics serialise");
    free(s);
    json_decref(arr);
}

/* One compilation of a harness's input, as most harnesses begin: the bytes
 * as a C string (`text`, for harnesses that append to it or compare with
 * it; the compiler reads up to the first NUL, as compile_text does), its
 * sources, diagnostics and program. fz_unit_end renders the diagnostics
 * with fz_render_diags's invariants and frees it all. */
typedef struct FzUnit {
    char *text;
    SourceSet ss;
    Diags d;
    Program *p;
} FzUnit;

static inline void fz_unit_begin(FzUnit *u, const char *name, const void *data, size_t size)
{
    u->text = malloc(size + 1);
    if (!u->text)
        abort();
    memcpy(u->text, data, size);
    u->text[size] = '\0';
    src_init(&u->ss);
    diag_init(&u->d);
    u->p = compile_text(name, u->text, NULL, &u->ss, &u->d);
}

static inline void fz_unit_end(FzUnit *u)
{
    fz_render_diags(&u->d, &u->ss, NULL);
    compile_free(u->p);
    diag_free(&u->d);
    src_free(&u->ss);
    free(u->text);
}

#endif
