/* lsp_server.c — the language server's loop (lsp.h): reads each message
 * (lsp_rpc.h), dispatches it by method, and writes the answer through the
 * one JSON writer (emit/jsonw.h) into memory, then framed. jansson only
 * reads the messages.
 *
 * What a client can do wrong gets the protocol's answer, never a crash:
 * JSON that does not parse is a ParseError, a message that is no request
 * an InvalidRequest, an unknown method MethodNotFound (an unknown
 * notification is ignored), a request before `initialize` is
 * ServerNotInitialized, one after `shutdown` InvalidRequest, a request
 * about a document that is not open gets null. A client that goes away
 * ends the loop as `exit` would. */
#include "lsp/lsp.h"
#include "lsp/lsp_check.h"
#include "lsp/lsp_complete.h"
#include "lsp/lsp_diag.h"
#include "lsp/lsp_doc.h"
#include "lsp/lsp_edit.h"
#include "lsp/lsp_hover.h"
#include "lsp/lsp_nav.h"
#include "lsp/lsp_rpc.h"
#include "base/i18n.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* JSON-RPC's and LSP's error codes. */
enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    LSP_SERVER_NOT_INITIALIZED = -32002,
    LSP_REQUEST_FAILED = -32803,
};

typedef struct Server {
    FILE *out;
    const CompileOptions *co;
    LspDocs docs;
    JsonW *w;        /* the one writer, pointed at each message's memory stream in turn */
    bool initialized, shutdown, exit;
    bool failed;     /* a write to `out` failed: the client is gone */
} Server;

/* A message being written: the JSON writer over a memory stream. */
typedef struct Msg {
    char *buf;
    size_t len;
    FILE *mem;
} Msg;

static JsonW *msg_begin(Server *s, Msg *m)
{
    m->buf = NULL;
    m->len = 0;
    m->mem = open_memstream(&m->buf, &m->len);
    if (!m->mem)
        arena_oom();
    jw_init(s->w, m->mem, 0);
    jw_open(s->w, '{');
    jw_kstr(s->w, "jsonrpc", "2.0");
    return s->w;
}

static void msg_end(Server *s, Msg *m)
{
    jw_close(s->w, '}');
    jw_finish(s->w);
    fclose(m->mem);
    if (!lsp_rpc_write(s->out, m->buf, m->len))
        s->failed = true;
    free(m->buf);
}

static void write_id(JsonW *w, const json_t *id)
{
    jw_key(w, "id");
    if (json_is_integer(id))
        jw_int(w, json_integer_value(id));
    else if (json_is_string(id))
        jw_str(w, json_string_value(id));
    else
        jw_null(w);
}

static void send_error(Server *s, const json_t *id, int code, const char *message)
{
    Msg m;
    JsonW *w = msg_begin(s, &m);
    write_id(w, id);
    jw_key(w, "error");
    jw_open(w, '{');
    jw_kint(w, "code", code);
    jw_kstr(w, "message", message);
    jw_close(w, '}');
    msg_end(s, &m);
}

static void publish(Server *s, LspDoc *d)
{
    Msg m;
    JsonW *w = msg_begin(s, &m);
    jw_kstr(w, "method", "textDocument/publishDiagnostics");
    jw_key(w, "params");
    lsp_diag_write(w, d);
    msg_end(s, &m);
}

/* The document is analysed again as soon as its text changes, and its
 * diagnostics published: every later question is answered from that. */
static void analyse(Server *s, LspDoc *d)
{
    lsp_check_free(d->check);
    d->check = lsp_check_run(d->path, d->text, d->len, s->co);
    publish(s, d);
}

static const char *str_at(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static const char *doc_uri(const json_t *params)
{
    return str_at(json_object_get(params, "textDocument"), "uri");
}

static LspPos pos_of(const json_t *p)
{
    LspPos pos = {0, 0};
    json_int_t l = json_integer_value(json_object_get(p, "line"));
    json_int_t c = json_integer_value(json_object_get(p, "character"));
    pos.line = l < 0 ? 0 : l > 1000000000 ? 1000000000 : (long)l;
    pos.character = c < 0 ? 0 : c > 1000000000 ? 1000000000 : (long)c;
    return pos;
}

/* "key": {"member": ["value"]}. */
static void option_list(JsonW *w, const char *key, const char *member, const char *value)
{
    jw_key(w, key);
    jw_open(w, '{');
    jw_key(w, member);
    jw_strs(w, &value, 1);
    jw_close(w, '}');
}

static void capabilities(JsonW *w)
{
    jw_open(w, '{');
    jw_key(w, "capabilities");
    jw_open(w, '{');
    jw_key(w, "textDocumentSync");
    jw_open(w, '{');
    jw_key(w, "openClose");
    jw_bool(w, true);
    jw_kint(w, "change", 1); /* full text on every change */
    jw_close(w, '}');
    jw_key(w, "hoverProvider");
    jw_bool(w, true);
    /* Completion after a dot (a goal's area, a rule's framework). */
    option_list(w, "completionProvider", "triggerCharacters", ".");
    jw_key(w, "definitionProvider");
    jw_bool(w, true);
    jw_key(w, "documentSymbolProvider");
    jw_bool(w, true);
    jw_key(w, "documentFormattingProvider");
    jw_bool(w, true);
    option_list(w, "codeActionProvider", "codeActionKinds", "quickfix");
    jw_close(w, '}');
    jw_key(w, "serverInfo");
    jw_open(w, '{');
    jw_kstr(w, "name", "ramme");
#ifdef RAMME_VERSION
    jw_kstr(w, "version", RAMME_VERSION);
#endif
    jw_close(w, '}');
    jw_close(w, '}');
}

/* A request about a position or a document: the document, and the byte
 * offset of params.position (0 when it has none). */
static LspDoc *doc_at(Server *s, const json_t *params, size_t *off)
{
    const char *uri = doc_uri(params);
    LspDoc *d = uri ? lsp_doc_find(&s->docs, uri) : NULL;
    if (d && off)
        *off = lsp_off_of(d->text, d->len, pos_of(json_object_get(params, "position")));
    if (d && !d->check)
        d->check = lsp_check_run(d->path, d->text, d->len, s->co);
    return d;
}

/* The requests about a document, each answered by one of lsp/'s handlers:
 * at the request's position, about the whole document, over its range, or
 * one that may refuse (returning the error's message). */
typedef struct DocMethod {
    const char *method;
    void (*at)(JsonW *w, LspDoc *d, size_t off);
    void (*whole)(JsonW *w, LspDoc *d);
    void (*range)(JsonW *w, LspDoc *d, size_t a, size_t b);
    const char *(*may_fail)(JsonW *w, LspDoc *d);
} DocMethod;

static const DocMethod doc_methods[] = {
    {"textDocument/hover", lsp_hover, NULL, NULL, NULL},
    {"textDocument/completion", lsp_complete, NULL, NULL, NULL},
    {"textDocument/definition", lsp_definition, NULL, NULL, NULL},
    {"textDocument/documentSymbol", NULL, lsp_symbols, NULL, NULL},
    {"textDocument/codeAction", NULL, NULL, lsp_code_actions, NULL},
    {"textDocument/formatting", NULL, NULL, NULL, lsp_format},
};

static const DocMethod *doc_method(const char *method)
{
    for (size_t i = 0; i < sizeof doc_methods / sizeof *doc_methods; i++)
        if (strcmp(doc_methods[i].method, method) == 0)
            return &doc_methods[i];
    return NULL;
}

/* A request's result, written by its handler; a handler that refuses
 * returns the message of the error to answer instead. */
static void request(Server *s, const char *method, const json_t *id, const json_t *params)
{
    if (strcmp(method, "initialize") == 0) {
        s->initialized = true;
    } else if (!s->initialized) {
        send_error(s, id, LSP_SERVER_NOT_INITIALIZED, _("the server is not initialized"));
        return;
    } else if (s->shutdown) {
        send_error(s, id, RPC_INVALID_REQUEST, _("the server is shutting down"));
        return;
    }
    Msg m;
    JsonW *w = msg_begin(s, &m);
    write_id(w, id);
    jw_key(w, "result");
    const char *fail = NULL;
    int code = LSP_REQUEST_FAILED;
    const DocMethod *dm = doc_method(method);
    LspDoc *d = NULL;
    size_t off = 0;
    if (strcmp(method, "initialize") == 0) {
        capabilities(w);
    } else if (strcmp(method, "shutdown") == 0) {
        s->shutdown = true;
        jw_null(w);
    } else if (!dm) {
        fail = _("unknown method");
        code = RPC_METHOD_NOT_FOUND;
    } else if (!(d = doc_at(s, params, &off))) {
        jw_null(w); /* a document that is not open: nothing to say */
    } else if (dm->at) {
        dm->at(w, d, off);
    } else if (dm->whole) {
        dm->whole(w, d);
    } else if (dm->range) {
        const json_t *range = json_object_get(params, "range");
        size_t a = lsp_off_of(d->text, d->len, pos_of(json_object_get(range, "start")));
        size_t b = lsp_off_of(d->text, d->len, pos_of(json_object_get(range, "end")));
        dm->range(w, d, a, b);
    } else {
        fail = dm->may_fail(w, d);
    }
    if (fail) {
        /* What was written goes unsent: the error answers instead. */
        jw_init(w, m.mem, 0);
        fclose(m.mem);
        free(m.buf);
        send_error(s, id, code, fail);
        return;
    }
    msg_end(s, &m);
}

static void notification(Server *s, const char *method, const json_t *params)
{
    if (strcmp(method, "exit") == 0) {
        s->exit = true;
        return;
    }
    if (!s->initialized)
        return; /* notifications before initialize are dropped (LSP 3.17) */
    if (strcmp(method, "textDocument/didOpen") == 0) {
        const json_t *td = json_object_get(params, "textDocument");
        const char *uri = str_at(td, "uri");
        const json_t *text = json_object_get(td, "text");
        if (!uri || !json_is_string(text))
            return;
        LspDoc *d = lsp_doc_open(&s->docs, uri, json_string_value(text), json_string_length(text),
                                 json_integer_value(json_object_get(td, "version")));
        analyse(s, d);
    } else if (strcmp(method, "textDocument/didChange") == 0) {
        const char *uri = doc_uri(params);
        LspDoc *d = uri ? lsp_doc_find(&s->docs, uri) : NULL;
        const json_t *changes = json_object_get(params, "contentChanges");
        /* Full sync: the last change holds the whole text. */
        const json_t *last = json_array_get(changes, json_array_size(changes) - 1);
        const json_t *text = json_object_get(last, "text");
        if (!d || !json_is_string(text))
            return;
        lsp_doc_set_text(d, json_string_value(text), json_string_length(text),
                         json_integer_value(json_object_get(json_object_get(params, "textDocument"), "version")));
        analyse(s, d);
    } else if (strcmp(method, "textDocument/didClose") == 0) {
        const char *uri = doc_uri(params);
        if (!uri || !lsp_doc_find(&s->docs, uri))
            return;
        lsp_doc_close(&s->docs, uri);
        /* The editor keeps no diagnostics for a closed file. */
        Msg m;
        JsonW *w = msg_begin(s, &m);
        jw_kstr(w, "method", "textDocument/publishDiagnostics");
        jw_key(w, "params");
        jw_open(w, '{');
        jw_kstr(w, "uri", uri);
        jw_key(w, "diagnostics");
        jw_open(w, '[');
        jw_close(w, ']');
        jw_close(w, '}');
        msg_end(s, &m);
    }
    /* initialized, $/cancelRequest, didSave, ... : nothing to do. */
}

static void dispatch(Server *s, const char *body, size_t len)
{
    json_error_t err;
    json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL, &err); /* a \u0000 in a document is its text */
    if (!msg) {
        send_error(s, NULL, RPC_PARSE_ERROR, _("the message is not JSON"));
        return;
    }
    const json_t *id = json_object_get(msg, "id");
    const char *method = str_at(msg, "method");
    bool bad_id = id && !json_is_integer(id) && !json_is_string(id) && !json_is_null(id);
    if (!json_is_object(msg) || !method || bad_id) {
        /* A response from the client (it has no method) needs no answer. */
        bool response = json_is_object(msg) && !method && id &&
                        (json_object_get(msg, "result") || json_object_get(msg, "error"));
        if (!response)
            send_error(s, bad_id ? NULL : id, RPC_INVALID_REQUEST, _("the message is not a JSON-RPC request"));
    } else if (id) {
        request(s, method, id, json_object_get(msg, "params"));
    } else {
        notification(s, method, json_object_get(msg, "params"));
    }
    json_decref(msg);
}

int lsp_serve(FILE *in, FILE *out, const CompileOptions *co)
{
    Server s;
    memset(&s, 0, sizeof s);
    s.out = out;
    s.co = co;
    s.w = jw_new(out, 0);
    while (!s.exit && !s.failed) {
        char *body = NULL;
        size_t len = 0;
        LspRpcStatus st = lsp_rpc_read(in, &body, &len);
        if (st == LSP_RPC_EOF)
            break;
        if (st == LSP_RPC_BAD)
            send_error(&s, NULL, RPC_PARSE_ERROR, _("a message without a valid Content-Length header"));
        else if (st == LSP_RPC_TOO_LARGE)
            send_error(&s, NULL, RPC_INVALID_REQUEST, _("the message is too large"));
        else
            dispatch(&s, body, len);
        free(body);
    }
    lsp_docs_free(&s.docs);
    /* The writer was pointed at memory streams: nothing of it goes to `out`. */
    free(s.w);
    return s.shutdown ? 0 : 1;
}
