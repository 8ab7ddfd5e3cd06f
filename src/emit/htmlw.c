/* htmlw.c — escaping text for HTML. */
#include "emit/htmlw.h"
#include "base/esc.h"

#include <stdarg.h>
#include <string.h>

static const char *entity(char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

const char *hw_escape(Arena *a, const char *s)
{
    s = esc_text(a, s);
    if (!s || !strpbrk(s, "&<>\"'"))
        return s;
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        const char *e = entity(*p);
        n += e ? strlen(e) : 1;
    }
    char *r = arena_alloc(a, n + 1), *q = r;
    for (const char *p = s; *p; p++) {
        const char *e = entity(*p);
        if (e) {
            size_t k = strlen(e);
            memcpy(q, e, k);
            q += k;
        } else {
            *q++ = *p;
        }
    }
    *q = '\0';
    return r;
}

void hw_text(FILE *out, const char *s)
{
    if (!s)
        return;
    Arena *a = arena_new();
    fputs(hw_escape(a, s), out);
    arena_free(a);
}

void hw_printf(FILE *out, const char *fmt, ...)
{
    Arena *a = arena_new();
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = arena_alloc(a, n > 0 ? (size_t)n + 1 : 1);
    s[0] = '\0';
    if (n > 0)
        vsnprintf(s, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    fputs(hw_escape(a, s), out);
    arena_free(a);
}
