/* fuzz_lsp.c — libFuzzer harness for the language server (lsp/lsp.h): the
 * input is cut into a sequence of client messages, written framed into a
 * memory stream, and served by lsp_serve reading that stream and writing
 * into another.
 *
 * The input is split at each byte 0xFF; each piece's first byte chooses
 * what the piece becomes (its rest is the payload):
 *   0  the payload as raw bytes on the wire (framing, headers, garbage)
 *   1  didOpen of one of two documents, the payload its text
 *   2  didChange of it, the payload the new text
 *   3  hover, 4 completion, 5 definition at the position the payload's
 *      first two bytes give (line, character)
 *   6  documentSymbol, 7 formatting, 8 codeAction over the payload's range
 *   9  didClose
 *   10 the payload framed as a message body (any JSON, or none)
 *   11 shutdown, 12 exit
 * An initialize request always comes first, so the fuzzer spends its time
 * past it. Text that is not UTF-8 has its bad bytes replaced (JSON strings
 * hold Unicode); piece 0 and 10 carry any bytes.
 *
 * Invariants besides the sanitizers (abort() when one breaks):
 *   - the server's output is a sequence of well-framed messages, each body
 *     JSON that jansson parses, each an object with "jsonrpc": "2.0";
 *   - every response has an id and exactly one of result and error;
 *   - lsp_serve returns 0 or 1.
 * The documents' paths lie in a directory that does not exist, so
 * `import "./x"` reaches nothing outside the stdlib. */
#include "fuzz.h"
#include "lsp/lsp.h"

#include <jansson.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const uris[] = {"file:///nonexistent-ramme-fuzz/a.ramme", "file:///nonexistent-ramme-fuzz/b.ramme"};

static void frame(FILE *f, const char *body, size_t n)
{
    fprintf(f, "Content-Length: %zu\r\n\r\n", n);
    fwrite(body, 1, n, f);
}

static void send(FILE *f, json_t *msg)
{
    char *s = json_dumps(msg, JSON_COMPACT);
    if (s) {
        frame(f, s, strlen(s));
        free(s);
    }
    json_decref(msg);
}

/* The payload as a JSON string: bytes that are not UTF-8 become '?'. */
static json_t *text_of(const uint8_t *p, size_t n)
{
    char *t = malloc(n + 1);
    if (!t)
        abort();
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        ucs4_t uc;
        int len = u8_mbtouc(&uc, p + i, n - i);
        if (len < 1)
            len = 1;
        if (uc == 0xFFFD && !(len == 3 && p[i] == 0xEF)) {
            t[k++] = '?';
            i += (size_t)len;
            continue;
        }
        if (uc == 0)
            t[k++] = ' ';
        else
            memcpy(t + k, p + i, (size_t)len), k += (size_t)len;
        i += (size_t)len;
    }
    json_t *j = json_stringn(t, k);
    free(t);
    return j ? j : json_string("");
}

static json_t *doc_params(int which)
{
    return json_pack("{s:{s:s}}", "textDocument", "uri", uris[which]);
}

static json_t *position(const uint8_t *p, size_t n)
{
    return json_pack("{s:i,s:i}", "line", n > 0 ? p[0] % 64 : 0, "character", n > 1 ? p[1] % 128 : 0);
}

static void request(FILE *f, int *id, const char *method, json_t *params)
{
    send(f, json_pack("{s:s,s:i,s:s,s:o}", "jsonrpc", "2.0", "id", ++*id, "method", method, "params", params));
}

static void notify(FILE *f, const char *method, json_t *params)
{
    send(f, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

static void piece(FILE *f, int *id, const uint8_t *p, size_t n)
{
    if (n == 0)
        return;
    int kind = p[0] % 13, which = (p[0] / 13) % 2;
    p++;
    n--;
    json_t *params;
    switch (kind) {
    case 0:
        fwrite(p, 1, n, f);
        break;
    case 1:
        params = json_pack("{s:{s:s,s:s,s:i,s:o}}", "textDocument", "uri", uris[which], "languageId", "ramme",
                           "version", 1, "text", text_of(p, n));
        notify(f, "textDocument/didOpen", params);
        break;
    case 2:
        params = json_pack("{s:{s:s,s:i},s:[{s:o}]}", "textDocument", "uri", uris[which], "version", 2,
                           "contentChanges", "text", text_of(p, n));
        notify(f, "textDocument/didChange", params);
        break;
    case 3: case 4: case 5:
        params = doc_params(which);
        json_object_set_new(params, "position", position(p, n));
        request(f, id, kind == 3 ? "textDocument/hover" : kind == 4 ? "textDocument/completion" : "textDocument/definition",
                params);
        break;
    case 6:
        request(f, id, "textDocument/documentSymbol", doc_params(which));
        break;
    case 7:
        request(f, id, "textDocument/formatting", doc_params(which));
        break;
    case 8:
        params = doc_params(which);
        json_object_set_new(params, "range", json_pack("{s:o,s:o}", "start", position(p, n), "end",
                                                        position(n > 2 ? p + 2 : p, n > 2 ? n - 2 : n)));
        json_object_set_new(params, "context", json_pack("{s:[]}", "diagnostics"));
        request(f, id, "textDocument/codeAction", params);
        break;
    case 9:
        notify(f, "textDocument/didClose", doc_params(which));
        break;
    case 10:
        frame(f, (const char *)p, n);
        break;
    case 11:
        request(f, id, "shutdown", json_object());
        break;
    default:
        notify(f, "exit", json_object());
        break;
    }
}

/* The server's output: framed JSON-RPC messages, every one well formed. */
static void check_output(const char *out, size_t len)
{
    size_t i = 0;
    while (i < len) {
        fz_check(len - i > 16 && memcmp(out + i, "Content-Length: ", 16) == 0, "a message starts with Content-Length");
        char *end;
        unsigned long n = strtoul(out + i + 16, &end, 10);
        fz_check((size_t)(end - out) + 4 <= len && memcmp(end, "\r\n\r\n", 4) == 0, "the header ends with a blank line");
        size_t body = (size_t)(end - out) + 4;
        fz_check(n <= len - body, "the body is as long as the header says");
        json_t *m = fz_json_parses(out + body, n, "a message body");
        fz_check(json_is_object(m), "a message is an object");
        const char *v = json_string_value(json_object_get(m, "jsonrpc"));
        fz_check(v && strcmp(v, "2.0") == 0, "a message says jsonrpc 2.0");
        if (!json_object_get(m, "method")) {
            fz_check(json_object_get(m, "id") != NULL, "a response has an id");
            fz_check((json_object_get(m, "result") != NULL) != (json_object_get(m, "error") != NULL),
                     "a response has a result or an error");
        }
        json_decref(m);
        i = body + n;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzMem in;
    FILE *f = fz_mem_open(&in);
    int id = 0;
    request(f, &id, "initialize", json_pack("{s:n,s:{}}", "processId", "capabilities"));
    size_t start = 0;
    for (size_t i = 0; i <= size; i++) {
        if (i == size || data[i] == 0xFF) {
            piece(f, &id, data + start, i - start);
            start = i + 1;
        }
    }
    fz_mem_close(&in);
    FILE *rd = fmemopen(in.buf, in.len, "r"); /* never empty: initialize is there */
    if (!rd)
        abort();
    FzMem out;
    int status = lsp_serve(rd, fz_mem_open(&out), NULL);
    fz_mem_close(&out);
    fclose(rd);
    fz_check(status == 0 || status == 1, "lsp_serve returns 0 or 1");
    check_output(out.buf, out.len);
    free(out.buf);
    free(in.buf);
    return 0;
}
