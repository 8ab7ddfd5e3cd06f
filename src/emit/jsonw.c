/* jsonw.c — a streaming JSON writer with jansson's indented layout. */
#include "emit/jsonw.h"
#include "base/esc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

void jw_init(JsonW *w, FILE *out, int indent)
{
    w->out = out;
    w->indent = indent;
    w->depth = 0;
    w->after_key = false;
    w->failed = false;
    w->n = 0;
    memset(w->empty, 0, sizeof w->empty);
}

JsonW *jw_new(FILE *out, int indent)
{
    JsonW *w = malloc(sizeof *w);
    if (!w)
        arena_oom();
    jw_init(w, out, indent);
    return w;
}

bool jw_flush(JsonW *w)
{
    if (w->n > 0 && fwrite(w->buf, 1, w->n, w->out) != w->n)
        w->failed = true;
    w->n = 0;
    return !w->failed;
}

static void put(JsonW *w, const char *s, size_t len)
{
    if (w->n + len > sizeof w->buf) {
        jw_flush(w);
        if (len > sizeof w->buf) {
            if (fwrite(s, 1, len, w->out) != len)
                w->failed = true;
            return;
        }
    }
    memcpy(w->buf + w->n, s, len);
    w->n += len;
}

bool jw_finish(JsonW *w)
{
    put(w, "\n", 1);
    return jw_flush(w);
}

bool jw_free(JsonW *w)
{
    if (!w)
        return true;
    bool ok = jw_flush(w);
    free(w);
    return ok;
}

static void newline(JsonW *w, int depth)
{
    static const char spaces[] = "                                                                ";
    put(w, "\n", 1);
    size_t k = (size_t)(w->indent + 2 * depth);
    while (k > 0) {
        size_t c = k < sizeof spaces - 1 ? k : sizeof spaces - 1;
        put(w, spaces, c);
        k -= c;
    }
}

/* Before a member or an element: the separator and the line. */
static void item(JsonW *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    if (!w->empty[w->depth])
        put(w, ",", 1);
    w->empty[w->depth] = false;
    newline(w, w->depth);
}

void jw_open(JsonW *w, char brace)
{
    item(w);
    put(w, &brace, 1);
    if (w->depth < JW_MAX_DEPTH)
        w->depth++;
    w->empty[w->depth] = true;
}

void jw_close(JsonW *w, char brace)
{
    bool was_empty = w->empty[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (!was_empty)
        newline(w, w->depth);
    put(w, &brace, 1);
}

/* As jansson's dump_string: ", \ and control characters escaped (\u00XX in
 * upper case), everything else, '/' and UTF-8 included, as it is. A string
 * that is not valid UTF-8 (a file name in Latin-1) is mended first, each bad
 * byte a U+FFFD (esc_utf8): JSON must be UTF-8. */
static void string(JsonW *w, const char *s)
{
    Arena *a = NULL;
    if (u8_check((const uint8_t *)s, strlen(s))) {
        a = arena_new();
        s = esc_utf8(a, s);
    }
    put(w, "\"", 1);
    const char *run = s;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(w, run, (size_t)(s - run));
        if (c == 0)
            break;
        char esc[8];
        const char *e = esc;
        switch (c) {
        case '"': e = "\\\""; break;
        case '\\': e = "\\\\"; break;
        case '\b': e = "\\b"; break;
        case '\f': e = "\\f"; break;
        case '\n': e = "\\n"; break;
        case '\r': e = "\\r"; break;
        case '\t': e = "\\t"; break;
        default: snprintf(esc, sizeof esc, "\\u%04X", c); break;
        }
        put(w, e, strlen(e));
        run = s + 1;
    }
    put(w, "\"", 1);
    if (a)
        arena_free(a);
}

void jw_key(JsonW *w, const char *key)
{
    item(w);
    string(w, key);
    put(w, ": ", 2);
    w->after_key = true;
}

void jw_str(JsonW *w, const char *s)
{
    if (!s) {
        jw_null(w);
        return;
    }
    item(w);
    string(w, s);
}

void jw_int(JsonW *w, long long v)
{
    item(w);
    char num[24];
    int k = snprintf(num, sizeof num, "%lld", v);
    put(w, num, (size_t)k);
}

/* jansson 2.14's jsonp_dtostr with its default precision: "%.17g"; ".0"
 * added when there is neither a point nor an exponent; a '+' and leading
 * zeros dropped from the exponent (1e+20 is 1e20, 1e-07 is 1e-7). Our
 * locale is "C" for numbers, so the point is a point. */
void jw_real(JsonW *w, double v)
{
    if (!isfinite(v)) {
        jw_null(w);
        return;
    }
    item(w);
    char num[40];
    int len = snprintf(num, sizeof num, "%.17g", v);
    if (!strchr(num, '.') && !strchr(num, 'e')) {
        memcpy(num + len, ".0", 3);
        len += 2;
    }
    char *e = strchr(num, 'e');
    if (e) {
        char *start = e + 1, *end = start + 1;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, (size_t)(num + len - end) + 1);
            len -= (int)(end - start);
        }
    }
    put(w, num, (size_t)len);
}

void jw_bool(JsonW *w, bool v)
{
    item(w);
    put(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(JsonW *w)
{
    item(w);
    put(w, "null", 4);
}

void jw_kstr(JsonW *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_str(w, s);
}

void jw_kint(JsonW *w, const char *key, long long v)
{
    jw_key(w, key);
    jw_int(w, v);
}

void jw_splice(JsonW *w, const char *text, size_t n)
{
    item(w);
    put(w, text, n);
}

void jw_strs(JsonW *w, const char *const *s, int n)
{
    jw_open(w, '[');
    for (int k = 0; k < n; k++)
        jw_str(w, s[k]);
    jw_close(w, ']');
}
