/* jdoc.c — a JSON document over many files (jdoc.h). */
#include "emit/jdoc.h"
#include "base/arena.h"
#include "emit/render.h"

#include <stdlib.h>

struct JDoc {
    JsonW *w;       /* the document */
    JsonW *dw;      /* the diagnostics array, written to `dmem` */
    FILE *dmem;
    char *dbuf;
    size_t dlen;
    bool items_open;
};

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
    return jd->w;
}

void jdoc_diags(JDoc *jd, const Diags *d, SourceSet *ss)
{
    render_diags_json(jd->dw, d, ss);
}

void jdoc_close_items(JDoc *jd)
{
    if (jd->items_open)
        jw_close(jd->w, ']');
    jd->items_open = false;
}

bool jdoc_end(JDoc *jd)
{
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
