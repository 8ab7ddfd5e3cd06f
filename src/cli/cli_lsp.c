/* cli_lsp.c — `ramme lsp [-I DIR]` (TOOLS.md §4): the language server on
 * standard input and output, for an editor to start. Its exit status is
 * the one LSP asks for: 0 after the client's `shutdown`, else 1. */
#include "cli/cli.h"
#include "lsp/lsp.h"

#include <stdio.h>

int cli_lsp(Options *o)
{
    if (o->nargs != 0)
        return cli_bad_usage(_("%s takes no FILE: the editor sends the documents"), "lsp");
    CompileOptions co = {o->include, o->ninclude, 0, 0};
    return lsp_serve(stdin, stdout, &co);
}
