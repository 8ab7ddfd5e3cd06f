/* lsp_edit.h — what the server offers to change in a document:
 * textDocument/formatting (the canonical layout of front/fmt.h, as `ramme
 * fmt` writes it) and textDocument/codeAction (a quick fix for each
 * did-you-mean: the suggested name written over the misspelt one). */
#ifndef RAMME_LSP_EDIT_H
#define RAMME_LSP_EDIT_H

#include "emit/jsonw.h"
#include "lsp/lsp_doc.h"

/* TextEdit[] that make the document canonical ([] when it is). Writes
 * nothing and returns the error's message when the document cannot be
 * formatted (it does not parse); NULL when done. */
const char *lsp_format(JsonW *w, LspDoc *doc);
/* CodeAction[] for the diagnostics that touch bytes [a, b]. */
void lsp_code_actions(JsonW *w, LspDoc *doc, size_t a, size_t b);

#endif
