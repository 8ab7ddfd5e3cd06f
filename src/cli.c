/* cli.c — helpers the command line's files share (cli.h). */
#include "cli.h"

#include <stdio.h>
#include <string.h>

int cli_bad_usage(const char *fmt, const char *arg)
{
    fputs("ramme: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n      = help: ramme --help lists the commands and options\n", stderr);
    return EXIT_INPUT;
}

const char *cli_place(Arena *a, SourceSet *ss, Span sp)
{
    if (sp.file < 0 || sp.file >= ss->n)
        return "";
    return arena_printf(a, "%s:%d:%d", ss->files[sp.file]->path, sp.first_line, sp.first_column);
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
