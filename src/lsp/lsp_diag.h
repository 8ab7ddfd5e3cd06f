/* lsp_diag.h — a document's diagnostics as LSP's publishDiagnostics says
 * them: the compiler's errors and warnings with their messages as `check`
 * prints them (help and place-less notes appended, notes with a place as
 * related information), then each course's failed rules as warnings at
 * the entry that decided them, the rule's id as the code. */
#ifndef RAMME_LSP_DIAG_H
#define RAMME_LSP_DIAG_H

#include "emit/jsonw.h"
#include "front/source.h"
#include "lsp/lsp_doc.h"

/* The params object {"uri", "version", "diagnostics"} of the notification,
 * from doc->check, as the next value in `w`. */
void lsp_diag_write(JsonW *w, const LspDoc *doc);
/* A Location {"uri", "range"} of a span of the document's compilation (the
 * document itself or a file it imports); {} range 0:0 when it has no place. */
void lsp_jw_location(JsonW *w, const LspDoc *doc, Span sp);

#endif
