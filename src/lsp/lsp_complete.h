/* lsp_complete.h — textDocument/completion: at the start of an entry, the
 * keys the block at the cursor allows (a top-level kind outside blocks);
 * after a key, what its value may name: the members of its enum, the
 * declared blocks of the kind it refers to (courses, frameworks, calendars,
 * teachers, sites, goal ids), rule ids, and after `extends` the blocks of
 * the same kind. */
#ifndef RAMME_LSP_COMPLETE_H
#define RAMME_LSP_COMPLETE_H

#include "emit/jsonw.h"
#include "lsp/lsp_doc.h"

/* The CompletionItem[] for byte `off` of the document. */
void lsp_complete(JsonW *w, LspDoc *doc, size_t off);

#endif
