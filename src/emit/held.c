/* held.c — a check report held in memory until its turn (held.h). */
#include "emit/held.h"
#include "base/arena.h"

#include <stdlib.h>

struct Held {
    FILE *out, *err;     /* memory streams */
    char *obuf, *ebuf;
    size_t olen, elen;
    CheckJson *part;
};

Held *held_new(bool json)
{
    Held *h = calloc(1, sizeof *h);
    if (!h)
        arena_oom();
    h->out = open_memstream(&h->obuf, &h->olen);
    h->err = open_memstream(&h->ebuf, &h->elen);
    if (!h->out || !h->err)
        arena_oom();
    h->part = json ? check_json_part() : NULL;
    return h;
}

FILE *held_out(Held *h)
{
    return h->out;
}

FILE *held_err(Held *h)
{
    return h->err;
}

CheckJson *held_json(Held *h)
{
    return h->part;
}

void held_put(Held *h, FILE *out, FILE *err, CheckJson *doc)
{
    if (fclose(h->out) != 0 || fclose(h->err) != 0)
        arena_oom(); /* a memory stream fails only for want of memory */
    /* A failed write leaves `out` in error, for whoever ends the run. */
    fwrite(h->obuf, 1, h->olen, out);
    if (h->elen) {
        fflush(out);
        fwrite(h->ebuf, 1, h->elen, err);
    }
    if (h->part) {
        check_json_take(doc, h->part);
        (void)check_json_end(h->part);
    }
    free(h->obuf);
    free(h->ebuf);
    free(h);
}

void held_drop(Held *h)
{
    if (fclose(h->out) != 0 || fclose(h->err) != 0)
        arena_oom();
    if (h->part)
        (void)check_json_end(h->part);
    free(h->obuf);
    free(h->ebuf);
    free(h);
}
