/* lsp.h — the language server (TOOLS.md §4): LSP 3.17 over JSON-RPC, one
 * process serving the documents an editor opens, answered from the same
 * compilation `check` makes (lsp_check.h). The server reads requests from
 * `in` and writes responses and notifications to `out`; the command line
 * (cli/cli_lsp.c) hands it standard input and output. It never writes
 * anywhere else. */
#ifndef RAMME_LSP_H
#define RAMME_LSP_H

#include "model/compile.h"

#include <stdio.h>

/* Serves until the client sends `exit` or closes `in`. Returns the exit
 * status LSP asks for: 0 after a `shutdown` request, else 1. */
int lsp_serve(FILE *in, FILE *out, const CompileOptions *co);

#endif
