/* fuzz_check.c — libFuzzer harness for `ramme check`: arbitrary bytes as the
 * main file of a compilation (prelude and imports from the stdlib of this
 * tree), then, when it compiles without errors, the rules engine, the
 * coverage matrix and the variant diff on the courses it declares, and in
 * every case both diagnostic renderers into memory.
 *
 * Besides crashes, leaks and sanitizer reports it checks these invariants
 * (abort() when one breaks, so libFuzzer saves the input):
 *   - bytes holding a NUL, read with their full length (as `ramme check`
 *     reads a file), give at least one error;
 *   - the diagnostics' invariants of fuzz.h (fz_render_diags): messages,
 *     notes, help and rendered text are UTF-8, the plain text holds no
 *     control character but line breaks and tabs, and the JSON has one
 *     object per diagnostic with a severity and a message.
 *
 * Modelled on jq's tests/jq_fuzz_parse.c: copy to a NUL-terminated buffer,
 * run, free everything.  Built and run by `make fuzz` (mk/fuzz.mk). */
#include "model/compile.h"
#include "engine/coverage.h"
#include "emit/diff_out.h"
#include "emit/render.h"
#include "engine/rules.h"
#include "fuzz.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The name the input is compiled under. Its directory does not exist, so a
 * relative import ("./x") cannot reach files of the working directory and
 * every run is reproducible. */
#define FUZZ_NAME "/nonexistent-ramme-fuzz/input.ramme"

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
            FzMem m;
            fz_check(diff_report_json(fz_mem_open(&m), &dr, p->sources), "the diff's JSON is written");
            fz_mem_close(&m);
            json_decref(fz_json_parses(m.buf, m.len, "the diff's JSON"));
            free(m.buf);
            FILE *out = fopen("/dev/null", "w");
            if (out) {
                diff_report_text(out, &dr, p->sources, false);
                fclose(out);
            }
        }
        arena_free(a);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* compile_text takes a C string (load.c measures it with strlen), so a
     * NUL ends the input there. The CLI reads files with their length and
     * the parser rejects a NUL byte: exercise that path separately. */
    if (memchr(data, '\0', size)) {
        SourceSet ss;
        src_init(&ss);
        Diags d;
        diag_init(&d);
        Program *p = compile_text_n(FUZZ_NAME, (const char *)data, size, NULL, &ss, &d);
        fz_check(d.errors > 0, "a NUL byte is an error");
        fz_render_diags(&d, &ss, NULL);
        compile_free(p);
        diag_free(&d);
        src_free(&ss);
    }

    FzUnit u;
    fz_unit_begin(&u, FUZZ_NAME, data, size);
    if (!u.d.errors)
        judge(u.p);
    fz_unit_end(&u);
    return 0;
}
