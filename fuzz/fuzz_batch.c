/* fuzz_batch.c — libFuzzer harness for the way `ramme check` reads a file:
 * course by course (batch.h). The bytes are written to a file in a private
 * temporary directory (the library has no in-memory batch: compile_text
 * takes a C string and never skims) and compiled with compile_batch; every
 * course batch_next hands out clean is judged with rules_check, and its
 * strings go through the library's writers: esc_text for the text report
 * and JsonW (jsonw.h) for the JSON one. The diagnostics are rendered as
 * text and JSON (fz_render_diags). The report layouts themselves
 * (report_text, report_write) are static in src/cli_check.c, outside
 * libramme.a, so this harness does not call them.
 *
 * The same file is also compiled whole (compile_file), and the two readings
 * are compared: the skimmer must not change what a file means. Invariants
 * (abort() when one breaks, so libFuzzer saves the input):
 *   - a batch reading has errors exactly when the whole reading has;
 *   - without errors, both give the same courses in the same order, each
 *     clean, with the same rule results (id, status, message);
 *   - and, for the first course of an input whose size is a multiple of 4
 *     (each candidate of the whole reading compiles the whole file again),
 *     the same fix suggestions (fix.h): a course the batch built alone is
 *     verified by building it alone again (batch_rebuild), which must
 *     agree with compiling the whole edited file;
 *   - esc_text leaves no control character but a tab in a report string;
 *   - the JSON written with JsonW parses, and each string reads back as
 *     esc_utf8 of what was written;
 *   - the diagnostics' invariants of fuzz.h.
 * Files of 1 MiB or more are mapped, not read (source.c); libFuzzer's
 * -max_len=8192 never reaches that path. */
#include "model/batch.h"
#include "model/compile.h"
#include "base/esc.h"
#include "fuzz.h"
#include "emit/jsonw.h"
#include "engine/fix.h"
#include "engine/rules.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];
static char path[96];
static JsonW *jw; /* its 64 KB buffer: not on the stack */

static void cleanup(void)
{
    unlink(path);
    rmdir(dir);
}

/* The directory holds only the input, so an import of "./x" finds nothing
 * else of this machine; the main file importing itself is a cycle. */
static void setup(void)
{
    if (dir[0])
        return;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/ramme-fuzz-XXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    if (!mkdtemp(dir))
        abort();
    snprintf(path, sizeof path, "%s/input.ramme", dir);
    jw = malloc(sizeof *jw);
    if (!jw)
        abort();
    atexit(cleanup);
}

static void write_input(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
}

/* The JSON string at `j` is esc_utf8 of `s`. */
static void same_json_str(Arena *a, const json_t *j, const char *s)
{
    if (!s) {
        fz_check(json_is_null(j), "a NULL string is written as null");
        return;
    }
    fz_check(json_is_string(j), "a string is written as a string");
    fz_check(strcmp(json_string_value(j), esc_utf8(a, s)) == 0, "a string reads back as esc_utf8 of it");
}

/* The report's strings through the text and JSON writers. */
static void write_report(const CourseReport *r, Arena *a)
{
    FzMem m;
    FILE *out = fz_mem_open(&m);
    fz_text_str(out, a, r->course->name);
    fz_text_str(out, a, r->course->title);
    for (int f = 0; f < r->nframeworks; f++) {
        fz_text_str(out, a, r->frameworks[f]->name);
        fz_text_str(out, a, r->frameworks[f]->title);
    }
    for (int i = 0; i < r->n; i++) {
        const RuleResult *x = &r->results[i];
        fz_text_str(out, a, x->id);
        fz_text_str(out, a, x->message);
        fz_text_str(out, a, x->cite);
        for (int k = 0; k < x->nexplain; k++)
            fz_text_str(out, a, x->explain[k]);
    }
    fz_mem_close(&m);
    free(m.buf);

    out = fz_mem_open(&m);
    jw_init(jw, out, 4);
    jw_open(jw, '{');
    jw_key(jw, "course");
    jw_str(jw, r->course->name);
    jw_key(jw, "title");
    jw_str(jw, r->course->title);
    jw_key(jw, "results");
    jw_open(jw, '[');
    for (int i = 0; i < r->n; i++) {
        const RuleResult *x = &r->results[i];
        jw_open(jw, '{');
        jw_key(jw, "rule");
        jw_str(jw, x->id);
        jw_key(jw, "message");
        jw_str(jw, x->message);
        jw_key(jw, "cite");
        jw_str(jw, x->cite);
        jw_key(jw, "explain");
        jw_open(jw, '[');
        for (int k = 0; k < x->nexplain; k++)
            jw_str(jw, x->explain[k]);
        jw_close(jw, ']');
        jw_close(jw, '}');
    }
    jw_close(jw, ']');
    jw_close(jw, '}');
    fz_check(jw_flush(jw), "JsonW writes to memory");
    fz_mem_close(&m);
    json_t *j = fz_json_parses(m.buf, m.len, "the JSON report parses");
    same_json_str(a, json_object_get(j, "course"), r->course->name);
    same_json_str(a, json_object_get(j, "title"), r->course->title);
    json_t *res = json_object_get(j, "results");
    fz_check(json_array_size(res) == (size_t)r->n, "one JSON result per rule");
    for (int i = 0; i < r->n; i++) {
        const RuleResult *x = &r->results[i];
        json_t *o = json_array_get(res, (size_t)i);
        same_json_str(a, json_object_get(o, "rule"), x->id);
        same_json_str(a, json_object_get(o, "message"), x->message);
        same_json_str(a, json_object_get(o, "cite"), x->cite);
        json_t *ex = json_object_get(o, "explain");
        fz_check(json_array_size(ex) == (size_t)x->nexplain, "every explanation written");
        for (int k = 0; k < x->nexplain; k++)
            same_json_str(a, json_array_get(ex, (size_t)k), x->explain[k]);
    }
    json_decref(j);
    free(m.buf);
}

static bool same_str(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

/* Two judgements of the same course agree. */
static void same_report(const CourseReport *x, const CourseReport *y)
{
    fz_check(same_str(x->course->name, y->course->name), "batch and whole file: same course");
    fz_check(x->n == y->n, "batch and whole file: same number of rule results");
    for (int i = 0; i < x->n; i++) {
        const RuleResult *r = &x->results[i], *s = &y->results[i];
        fz_check(same_str(r->id, s->id), "batch and whole file: same rule");
        fz_check(r->status == s->status, "batch and whole file: same status");
        fz_check(same_str(r->message, s->message), "batch and whole file: same message");
    }
}

/* The suggestions of two judgements of the same course agree. */
static void same_fixes(const CourseReport *x, const CourseReport *y)
{
    for (int i = 0; i < x->n; i++) {
        fz_check(x->nfixes[i] == y->nfixes[i], "batch and whole file: as many fixes");
        for (int k = 0; k < x->nfixes[i]; k++) {
            const Fix *f = &x->fixes[i][k], *g = &y->fixes[i][k];
            fz_check(same_str(f->title, g->title), "batch and whole file: the same fix");
            fz_check(f->nedits == g->nedits, "batch and whole file: as many edits");
            for (int e = 0; e < f->nedits; e++)
                fz_check(f->edits[e].off == g->edits[e].off && f->edits[e].end_off == g->edits[e].end_off &&
                             same_str(f->edits[e].text, g->edits[e].text),
                         "batch and whole file: the same edit");
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    write_input(data, size);

    /* The whole file, as `ramme explain` and `diff` read it. */
    SourceSet wss;
    src_init(&wss);
    Diags wd;
    diag_init(&wd);
    Program *wp = compile_file(path, NULL, &wss, &wd);
    Block **whole = NULL;
    int nwhole = wd.errors ? 0 : compile_main_decls(wp, "course", &whole);

    /* Course by course, as `ramme check` reads it. */
    SourceSet ss;
    src_init(&ss);
    Diags d;
    diag_init(&d);
    Program *p = compile_batch(path, "course", NULL, &ss, &d);
    BatchIter it;
    batch_begin(&it, p);
    int n = 0;
    for (Block *c; (c = batch_next(&it)) != NULL;) {
        if (!wd.errors)
            fz_check(it.clean, "a course of a file without errors is clean");
        if (!it.clean) {
            n++;
            continue;
        }
        CourseReport rep;
        rules_check(p, c, it.arena, &rep);
        write_report(&rep, it.arena);
        if (!wd.errors) {
            fz_check(n < nwhole, "batch and whole file: no more courses");
            Arena *a = arena_new();
            CourseReport wrep;
            rules_check(wp, whole[n], a, &wrep);
            same_report(&rep, &wrep);
            if (n == 0 && size % 4 == 0) {
                fix_course(p, &ss, NULL, &rep, it.arena, NULL);
                fix_course(wp, &wss, NULL, &wrep, a, NULL);
                same_fixes(&rep, &wrep);
            }
            arena_free(a);
        }
        n++;
    }
    batch_end(&it);
    fz_check((d.errors == 0) == (wd.errors == 0), "batch and whole file: errors alike");
    if (!wd.errors)
        fz_check(n == nwhole, "batch and whole file: the same number of courses");
    fz_render_diags(&d, &ss, NULL);

    compile_free(p);
    diag_free(&d);
    src_free(&ss);
    compile_free(wp);
    diag_free(&wd);
    src_free(&wss);
    return 0;
}
