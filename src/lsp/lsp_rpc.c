/* lsp_rpc.c — JSON-RPC's Content-Length framing (lsp_rpc.h). */
#include "lsp/lsp_rpc.h"
#include "base/arena.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One header line without its line end, at most `cap` bytes kept; false at
 * the end of the stream. */
static bool read_line(FILE *in, char *buf, size_t cap)
{
    size_t n = 0;
    int ch;
    bool any = false;
    while ((ch = getc(in)) != EOF) {
        any = true;
        if (ch == '\n')
            break;
        if (n + 1 < cap)
            buf[n++] = (char)ch;
    }
    if (n && buf[n - 1] == '\r')
        n--;
    buf[n] = '\0';
    return any;
}

LspRpcStatus lsp_rpc_read(FILE *in, char **body, size_t *len)
{
    char line[256];
    bool have = false, any = false;
    unsigned long long n = 0;
    for (;;) {
        if (!read_line(in, line, sizeof line))
            return LSP_RPC_EOF;
        if (line[0] == '\0') {
            if (!any)
                continue; /* blank lines between messages */
            break;
        }
        any = true;
        if (strncasecmp(line, "Content-Length:", 15) == 0) {
            char *end;
            const char *v = line + 15;
            while (*v == ' ' || *v == '\t')
                v++;
            n = strtoull(v, &end, 10);
            have = end != v && *end == '\0' && *v != '-';
        }
    }
    if (!have)
        return LSP_RPC_BAD;
    if (n > LSP_MAX_MESSAGE) {
        /* Skipped in pieces: the next message starts after it. */
        char skip[65536];
        while (n > 0) {
            size_t k = fread(skip, 1, n < sizeof skip ? (size_t)n : sizeof skip, in);
            if (k == 0)
                return LSP_RPC_EOF;
            n -= k;
        }
        return LSP_RPC_TOO_LARGE;
    }
    char *b = malloc((size_t)n + 1);
    if (!b)
        arena_oom();
    if (fread(b, 1, (size_t)n, in) != (size_t)n) {
        free(b);
        return LSP_RPC_EOF;
    }
    b[n] = '\0';
    *body = b;
    *len = (size_t)n;
    return LSP_RPC_OK;
}

bool lsp_rpc_write(FILE *out, const char *body, size_t len)
{
    /* The header is protocol, not a message to translate. */
    char head[64];
    int k = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);
    fwrite(head, 1, (size_t)k, out);
    fwrite(body, 1, len, out);
    return fflush(out) == 0 && !ferror(out);
}
