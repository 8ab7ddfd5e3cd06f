/* fuzz_fmt.c — libFuzzer harness for `ramme fmt` (front/fmt.h): arbitrary
 * bytes as a file to lay out.
 *
 * Besides crashes, leaks and sanitizer reports it checks the formatter's
 * promises (abort() when one breaks, so libFuzzer saves the input):
 *   - it never reports FMT_FAULT: its own check found that the layout
 *     changed the syntax tree (the meaning) of the input;
 *   - a file that does not parse gives FMT_BAD_SYNTAX with an error;
 *   - the result ends in one newline and has no blank at a line's end;
 *   - formatting the result again gives the same text (idempotence).
 *
 * Built and run by `make fuzz` (mk/fuzz.mk), as the other harnesses. */
#include "front/fmt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Lays out `text` (len bytes); the status, and the result in *out (malloc'd). */
static FmtStatus lay_out(const char *text, size_t len, char **out, size_t *outlen)
{
    SourceSet ss;
    Diags d;
    src_init(&ss);
    diag_init(&d);
    int file = src_add(&ss, "fuzz.ramme", text, len);
    Arena *a = arena_new();
    char *res = NULL;
    size_t n = 0;
    FmtStatus st = fmt_source(a, &d, &ss, file, &res, &n);
    if (st == FMT_BAD_SYNTAX && d.errors == 0)
        abort(); /* refused without saying why */
    *out = NULL;
    *outlen = 0;
    if (st == FMT_OK) {
        *out = malloc(n + 1);
        if (!*out)
            abort();
        memcpy(*out, res, n);
        (*out)[n] = '\0';
        *outlen = n;
    }
    arena_free(a);
    diag_free(&d);
    src_free(&ss);
    return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *once, *twice;
    size_t n1, n2;
    FmtStatus st = lay_out((const char *)data, size, &once, &n1);
    if (st == FMT_FAULT)
        abort();
    if (st != FMT_OK)
        return 0;
    if (n1 > 0) {
        if (once[n1 - 1] != '\n')
            abort();
        for (size_t i = 0; i + 1 < n1; i++)
            if (once[i + 1] == '\n' && (once[i] == ' ' || once[i] == '\t'))
                abort();
    }
    if (lay_out(once, n1, &twice, &n2) != FMT_OK || n1 != n2 || memcmp(once, twice, n1) != 0)
        abort();
    free(once);
    free(twice);
    return 0;
}
