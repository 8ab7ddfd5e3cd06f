/* fmt_out.c — what `ramme fmt` writes (fmt_out.h). */
#include "emit/fmt_out.h"
#include "base/arena.h"
#include "base/esc.h"
#include "base/sbuf.h"
#include "front/fmt.h"

void fmtout_text(FILE *out, const char *text, size_t len)
{
    fwrite(text, 1, len, out);
}

void fmtout_changed(FILE *out, const char *path)
{
    Arena *a = arena_new();
    fprintf(out, "%s\n", esc_text(a, path));
    arena_free(a);
}

void fmtout_tree(FILE *out, const File *f)
{
    Arena *a = arena_new();
    SBuf b = sb_new(a);
    fmt_tree(&b, f);
    fwrite(b.s ? b.s : "", 1, b.n, out);
    arena_free(a);
}
