/* lsp_nav.h — going to where a name is declared (textDocument/definition:
 * `extends`, `conforms`, `for` and every other reference, goal ids, rule
 * ids, imports) and the outline of a document (textDocument/documentSymbol:
 * its declarations and their named blocks). */
#ifndef RAMME_LSP_NAV_H
#define RAMME_LSP_NAV_H

#include "emit/jsonw.h"
#include "lsp/lsp_doc.h"

/* The Location of what the name at byte `off` names, or null. */
void lsp_definition(JsonW *w, LspDoc *doc, size_t off);
/* DocumentSymbol[] of the document. */
void lsp_symbols(JsonW *w, LspDoc *doc);

#endif
