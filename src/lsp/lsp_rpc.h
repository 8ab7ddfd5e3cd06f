/* lsp_rpc.h — JSON-RPC's framing over a stream: each message is a header
 * block ("Content-Length: N", other headers ignored) and N bytes of JSON. */
#ifndef RAMME_LSP_RPC_H
#define RAMME_LSP_RPC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The largest message body read; a longer one is skipped and answered with
 * an error (an editor's message is a document: 64 MiB is far past any). */
#define LSP_MAX_MESSAGE ((size_t)64 << 20)

typedef enum {
    LSP_RPC_OK,       /* *body holds *len bytes (malloc'ed, NUL-terminated) */
    LSP_RPC_EOF,      /* the stream ended (between messages or inside one) */
    LSP_RPC_BAD,      /* a header block without a usable Content-Length: skipped */
    LSP_RPC_TOO_LARGE /* longer than LSP_MAX_MESSAGE: its body was skipped */
} LspRpcStatus;

LspRpcStatus lsp_rpc_read(FILE *in, char **body, size_t *len);
/* Writes one framed message; false when the stream failed. */
bool lsp_rpc_write(FILE *out, const char *body, size_t len);

#endif
