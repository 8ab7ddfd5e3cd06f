/* lsp_hover.h — textDocument/hover: what the word at the cursor means.
 * A key: its type and the comment its schema gives it. A goal: its Danish
 * title. A rule (its id, or its declaration): its severity, message and
 * citation. A declared block: its kind and title. An enum member: its
 * label. A quantity: its unit's dimension. */
#ifndef RAMME_LSP_HOVER_H
#define RAMME_LSP_HOVER_H

#include "emit/jsonw.h"
#include "lsp/lsp_doc.h"

/* The Hover result for byte `off` of the document, or null. */
void lsp_hover(JsonW *w, LspDoc *doc, size_t off);

#endif
