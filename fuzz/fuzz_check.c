/* fuzz_check.c — libFuzzer harness for `ramme check`: arbitrary bytes as the
 * main file of a compilation (prelude and imports from the stdlib of this
 * tree), then, when it compiles without errors, the rules engine, the
 * coverage matrix and the variant diff on the courses it declares, and in
 * every case both diagnostic renderers into memory.
 *
 * Besides crashes, leaks and sanitizer reports it checks three invariants
 * (abort() when one breaks, so libFuzzer saves the input):
 *   - bytes holding a NUL, read with their full length (as `ramme check`
 *     reads a file), give at least one error;
 *   - every diagnostic message, note and help is UTF-8 and the text
 *     renderer's output is UTF-8 (render.c promises valid text);
 *   - the JSON renderer gives one object per diagnostic, each with a
 *     severity and a message (jansson drops a non-UTF-8 string silently).
 *
 * Modelled on jq's tests/jq_fuzz_parse.c: copy to a NUL-terminated buffer,
 * run, free everything.  Built and run by `make fuzz` (mk/fuzz.mk). */
#include "model/compile.h"
#include "engine/coverage.h"
#include "emit/diff_out.h"
#include "front/parse.h"
#include "emit/render.h"
#include "engine/rules.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The name the input is compiled under. Its directory does not exist, so a
 * relative import ("./x") cannot reach files of the working directory and
 * every run is reproducible. */
#define FUZZ_NAME "/nonexistent-ramme-fuzz/input.ramme"

static void check(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_check: invariant broken: %s\n", what);
        abort();
    }
}

static bool utf8(const char *s, size_t n)
{
    return u8_check((const uint8_t *)s, n) == NULL;
}

/* Renders `d` as text (plain and coloured) and as JSON, and checks the
 * invariants above. */
static void render_all(Diags *d, SourceSet *ss)
{
    diag_sort(d);
    for (int i = 0; i < d->n; i++) {
        const Diag *g = &d->items[i];
        check(g->msg && utf8(g->msg, strlen(g->msg)), "diagnostic message is UTF-8");
        check(!g->help || utf8(g->help, strlen(g->help)), "diagnostic help is UTF-8");
        for (int k = 0; k < g->nnotes; k++)
            check(utf8(g->notes[k].msg, strlen(g->notes[k].msg)), "diagnostic note is UTF-8");
    }
    for (int color = 0; color < 2; color++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        if (!out)
            abort();
        render_diags_text(out, d, ss, color != 0);
        fclose(out);
        check(utf8(buf, len), "rendered text is UTF-8");
        check(d->n == 0 || len > 0, "diagnostics render to some text");
        free(buf);
    }
    json_t *arr = render_diags_json(d, ss);
    check(json_is_array(arr) && json_array_size(arr) == (size_t)d->n, "one JSON object per diagnostic");
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *o = json_array_get(arr, i);
        check(json_is_string(json_object_get(o, "severity")), "JSON diagnostic has a severity");
        check(json_is_string(json_object_get(o, "message")), "JSON diagnostic has a message");
    }
    char *s = json_dumps(arr, JSON_COMPACT);
    check(s != NULL, "JSON diagnostics serialise");
    free(s);
    json_decref(arr);
}

/* The rules engine on every course of the main file; the coverage matrix
 * of each; and the diff of the first course against every other. */
static void judge(Program *p)
{
    Block **cs;
    int n = compile_main_decls(p, "course", &cs);
    for (int k = 0; k < n; k++) {
        Arena *a = arena_new();
        CourseReport rep;
        rules_check(p, cs[k], a, &rep);
        size_t total = 0;
        for (int i = 0; i < rep.n; i++) {
            const RuleResult *r = &rep.results[i];
            total += strlen(r->id) + (r->message ? strlen(r->message) : 0);
            for (int e = 0; e < r->nexplain; e++)
                total += strlen(r->explain[e]);
        }
        (void)total;
        Coverage cv;
        cov_build(p, &rep, a, &cv);
        if (k > 0) {
            DiffReport dr;
            diff_blocks(p, cs[0], cs[k], a, &dr);
            json_t *j = diff_to_json(&dr, p->sources);
            json_decref(j);
            FILE *out = fopen("/dev/null", "w");
            if (out) {
                diff_print_text(out, &dr, p->sources);
                fclose(out);
            }
        }
        arena_free(a);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';

    /* compile_text takes a C string (load.c measures it with strlen), so a
     * NUL ends the input there. The CLI reads files with their length and
     * the parser rejects a NUL byte: exercise that path separately. */
    if (memchr(text, '\0', size)) {
        SourceSet ss;
        src_init(&ss);
        Diags d;
        diag_init(&d);
        Arena *a = arena_new();
        int f = src_add(&ss, FUZZ_NAME, text, size);
        parse_file(a, &d, &ss, f);
        check(d.errors > 0, "a NUL byte is an error");
        render_all(&d, &ss);
        arena_free(a);
        diag_free(&d);
        src_free(&ss);
    }

    SourceSet ss;
    src_init(&ss);
    Diags d;
    diag_init(&d);
    Program *p = compile_text(FUZZ_NAME, text, NULL, &ss, &d);
    if (!d.errors)
        judge(p);
    render_all(&d, &ss);
    compile_free(p);
    diag_free(&d);
    src_free(&ss);
    free(text);
    return 0;
}
