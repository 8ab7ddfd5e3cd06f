/* jdoc.c — a JSON document over many files (jdoc.h). */
#include "emit/jdoc.h"
#include "base/arena.h"
#include "emit/render.h"

#include <stdlib.h>

/* A part (jdoc_part): its items and diagnostics written apart, each a
 * piece of `buf`, for another document to take in order. */
typedef struct Piece {
    size_t start, end;
    bool diag;
} Piece;

struct JDoc {
    JsonW *w;       /* the document; a part: the writer of the current piece */
    JsonW *dw;      /* the diagnostics array, written to `dmem` */
    FILE *dmem;
    char *dbuf;
    size_t dlen;
    bool items_open;
    bool part;
    FILE *mem;      /* a part: every piece, one after another */
    char *buf;
    size_t len;
    Piece *pieces;
    int npieces, cap;
    bool writing;   /* a piece is being written with `w` */
};

/* Indentation of a piece: an item sits in the document's array, two
 * containers deep; a diagnostic in the diagnostics array, written one level
 * in. Either way four spaces (jw_splice). */
#define PIECE_INDENT 4

static void part_reopen(JDoc *jd)
{
    jd->mem = open_memstream(&jd->buf, &jd->len);
    if (!jd->mem)
        arena_oom();
    jd->npieces = 0;
}

/* Ends the piece being written, if any. */
static void piece_end(JDoc *jd)
{
    if (!jd->writing)
        return;
    jw_flush(jd->w);
    if (fflush(jd->mem) != 0)
        arena_oom(); /* a memory stream fails only for want of memory */
    jd->pieces[jd->npieces - 1].end = jd->len;
    jd->writing = false;
}

static JsonW *piece_begin(JDoc *jd, bool diag)
{
    piece_end(jd);
    if (fflush(jd->mem) != 0)
        arena_oom();
    jd->pieces = heap_push(jd->pieces, &jd->cap, jd->npieces, sizeof *jd->pieces);
    jd->pieces[jd->npieces++] = (Piece){jd->len, jd->len, diag};
    jw_init(jd->w, jd->mem, PIECE_INDENT);
    jd->writing = true;
    return jd->w;
}

JDoc *jdoc_part(void)
{
    JDoc *jd = calloc(1, sizeof *jd);
    if (!jd)
        arena_oom();
    jd->part = true;
    jd->w = jw_new(NULL, PIECE_INDENT);
    part_reopen(jd);
    return jd;
}

void jdoc_take(JDoc *into, JDoc *part)
{
    piece_end(part);
    if (fclose(part->mem) != 0)
        arena_oom();
    for (int i = 0; i < part->npieces; i++) {
        const Piece *x = &part->pieces[i];
        /* A part taken into a part (a run of a file's courses into the
         * file's part) stays a piece each. */
        JsonW *w = into->part ? piece_begin(into, x->diag) : x->diag ? into->dw : into->w;
        jw_splice(w, part->buf + x->start, x->end - x->start);
    }
    if (into->part)
        piece_end(into);
    free(part->buf);
    part->buf = NULL;
    part_reopen(part);
}

JDoc *jdoc_begin(FILE *out, const char *key)
{
    JDoc *jd = calloc(1, sizeof *jd);
    if (!jd)
        arena_oom();
    jd->dmem = open_memstream(&jd->dbuf, &jd->dlen);
    if (!jd->dmem)
        arena_oom();
    jd->w = jw_new(out, 0);
    jw_open(jd->w, '{');
    jw_kint(jd->w, "version", 1);
    jw_key(jd->w, key);
    jw_open(jd->w, '[');
    jd->items_open = true;
    /* The array's place in the document: a member of the root, so its
     * lines are indented by one level. */
    jd->dw = jw_new(jd->dmem, 2);
    jw_open(jd->dw, '[');
    return jd;
}

JsonW *jdoc_items(JDoc *jd)
{
    /* A part: each call starts an item of its own. */
    return jd->part ? piece_begin(jd, false) : jd->w;
}

void jdoc_diags(JDoc *jd, const Diags *d, SourceSet *ss)
{
    if (!jd->part) {
        render_diags_json(jd->dw, d, ss);
        return;
    }
    /* One piece a diagnostic, each an element of the array to come. */
    for (int k = 0; k < d->n; k++) {
        Diags one = *d;
        one.items = &d->items[k];
        one.n = 1;
        render_diags_json(piece_begin(jd, true), &one, ss);
    }
    piece_end(jd);
}

void jdoc_close_items(JDoc *jd)
{
    if (jd->items_open)
        jw_close(jd->w, ']');
    jd->items_open = false;
}

bool jdoc_end(JDoc *jd)
{
    if (jd->part) {
        piece_end(jd);
        fclose(jd->mem);
        free(jd->buf);
        free(jd->pieces);
        jw_free(jd->w);
        free(jd);
        return true;
    }
    jw_close(jd->dw, ']');
    bool ok = jw_free(jd->dw);
    if (fclose(jd->dmem) != 0 || !ok)
        arena_oom(); /* a memory stream fails only for want of memory */
    JsonW *w = jd->w;
    jdoc_close_items(jd);
    jw_key(w, "diagnostics");
    jw_splice(w, jd->dbuf, jd->dlen);
    jw_close(w, '}');
    jw_finish(w);
    ok = jw_free(w);
    free(jd->dbuf);
    free(jd);
    return ok;
}
