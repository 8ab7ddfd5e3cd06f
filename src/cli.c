/* cli.c — helpers the command line's files share (cli.h). */
#include "cli.h"
#include "batch.h"
#include "compile.h"
#include "esc.h"

#include <stdio.h>
#include <string.h>

int cli_bad_usage(const char *fmt, const char *arg)
{
    fputs("ramme: error: ", stderr);
    Arena *a = arena_new();
    fprintf(stderr, fmt, esc_text(a, arg));
    arena_free(a);
    fputs("\n      = help: ramme --help lists the commands and options\n", stderr);
    return EXIT_INPUT;
}

const char *cli_place(Arena *a, SourceSet *ss, Span sp)
{
    if (!src_has_place(ss, sp))
        return "";
    return arena_printf(a, "%s:%d:%d", esc_text(a, ss->files[sp.file]->path), sp.first_line, sp.first_column);
}

Block *cli_pick_named(Diags *d, const char *file, const char *kind, Block **all, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(all[i]->name, name) == 0)
            return all[i];
    diag_error_file(d, file, "no %s named '%s' in this file", kind, name);
    const char *c[256];
    for (int i = 0; i < n && i < 256; i++)
        c[i] = all[i]->name;
    const char *sug = model_suggest(name, c, n < 256 ? n : 256);
    if (sug)
        diag_help(d, "did you mean '%s'?", sug);
    return NULL;
}

void cli_open(CliSession *s, const Options *o, const char *file, const char *batch_kind)
{
    src_init(&s->ss);
    diag_init(&s->d);
    CompileOptions co = {o->include, o->ninclude, 0, 0};
    if (!file)
        s->p = compile_all_modules(&co, &s->ss, &s->d);
    else if (batch_kind)
        s->p = compile_batch(file, batch_kind, &co, &s->ss, &s->d);
    else
        s->p = compile_file(file, &co, &s->ss, &s->d);
}

void cli_close(CliSession *s)
{
    compile_free(s->p);
    diag_free(&s->d);
    src_free(&s->ss);
}
