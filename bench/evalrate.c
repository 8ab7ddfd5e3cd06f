/* evalrate.c — how many course validations a second the rules engine does
 * on one core, without parsing or output: the figure issue #3 holds to
 * >= 200,000 (bench/README.md, "Evaluation rate").
 *
 *     evalrate [-I DIR]... [--resident] [--seconds S] [--json] FILE
 *
 * A validation is one rules_check: every rule of every framework the course
 * conforms to and of every `always` framework, with messages filled in and
 * failures explained, as `ramme check` does before writing its report.
 *
 * By default the file is read the way `ramme check` reads it (batch.h):
 * each course is parsed, built and type-checked, then judged at once, and
 * only the judging is timed (CLOCK_MONOTONIC around each rules_check; the
 * two clock reads are counted against the engine). Passes over the file
 * repeat until S seconds (default 3) of judging have been timed.
 *
 * --resident compiles the whole file first and judges its courses round
 * after round (the first round untimed), by this process's CPU time: with
 * many courses their models no longer fit in the processor's caches, so
 * this is the rate when the courses come from memory.
 *
 * Both report what one validation leaves in the arena (results, messages,
 * explanations) and a digest of every (course, rule, status), so that two
 * builds can be checked for equal results. Build: make bench-build. */
#include "model/batch.h"
#include "model/compile.h"
#include "engine/rules.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* FNV-1a over the bytes of a string and a status. */
static uint64_t mix(uint64_t h, const char *s, int status)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (h ^ (unsigned)status) * 1099511628211u;
}

static int usage(void)
{
    fprintf(stderr, "usage: evalrate [-I DIR]... [--resident] [--seconds S] [--json] FILE\n");
    return 2;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct Tally {
    long done;        /* validations timed */
    double seconds;   /* spent in them */
    long courses, rules, failed, unknown;
    size_t left;      /* arena bytes after the validations of one pass */
    size_t built;     /* batch: arena bytes of the courses' syntax trees and models */
    uint64_t digest;
} Tally;

static void count(Tally *t, const Block *course, const CourseReport *rep, const Arena *a, size_t before)
{
    t->courses++;
    t->rules += rep->n;
    t->left += arena_used(a) - before;
    for (int k = 0; k < rep->n; k++) {
        t->digest = mix(mix(t->digest, course->name, -1), rep->results[k].id, (int)rep->results[k].status);
        t->failed += rep->results[k].status == ST_FAIL;
        t->unknown += rep->results[k].status == ST_UNKNOWN;
    }
}

/* As `ramme check`: each course judged right after it is built. */
static int run_batch(const char *file, const CompileOptions *opt, double seconds, Tally *t)
{
    for (int pass = 0; pass == 0 || t->seconds < seconds; pass++) {
        SourceSet ss;
        Diags d;
        src_init(&ss);
        diag_init(&d);
        Program *p = compile_batch(file, "course", opt, &ss, &d);
        BatchIter it;
        batch_begin(&it, p);
        int n = 0;
        for (Block *c; (c = batch_next(&it)) != NULL;) {
            if (!it.clean)
                continue;
            CourseReport rep;
            size_t before = arena_used(it.arena);
            double t0 = now();
            rules_check(p, c, it.arena, &rep);
            t->seconds += now() - t0;
            t->done++;
            n++;
            if (pass == 0) {
                count(t, c, &rep, it.arena, before);
                t->built += before;
            }
        }
        batch_end(&it);
        int errors = d.errors;
        const char *first = d.n ? d.items[0].msg : "";
        if (errors || n == 0)
            fprintf(stderr, "evalrate: %s: %s\n", file, errors ? first : "no course to judge");
        compile_free(p);
        diag_free(&d);
        src_free(&ss);
        if (errors || n == 0)
            return 2;
    }
    return 0;
}

/* Every course compiled at once and judged round after round. */
static int run_resident(const char *file, const CompileOptions *opt, double seconds, Tally *t)
{
    SourceSet ss;
    Diags d;
    src_init(&ss);
    diag_init(&d);
    Program *p = compile_file(file, opt, &ss, &d);
    Block **courses = NULL;
    int n = d.errors ? 0 : compile_main_decls(p, "course", &courses);
    if (n == 0)
        fprintf(stderr, "evalrate: %s: %s\n", file, d.errors ? d.items[0].msg : "no course to judge");
    Arena *a = arena_new();
    CourseReport rep;
    for (int i = 0; i < n; i++) { /* warm-up: rule parts are looked up once */
        rules_check(p, courses[i], a, &rep);
        count(t, courses[i], &rep, a, 0);
        arena_reset(a);
    }
    double t0 = cpu_seconds(), t1 = t0;
    while (n && t1 - t0 < seconds) {
        for (int i = 0; i < n; i++) {
            rules_check(p, courses[i], a, &rep);
            arena_reset(a);
        }
        t->done += n;
        t1 = cpu_seconds();
    }
    t->seconds = t1 - t0;
    arena_free(a);
    compile_free(p);
    diag_free(&d);
    src_free(&ss);
    return n ? 0 : 2;
}

int main(int argc, char **argv)
{
    const char *inc[64];
    int ninc = 0;
    double seconds = 3;
    bool json = false, resident = false;
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-I") == 0 && i + 1 < argc && ninc < 64)
            inc[ninc++] = argv[++i];
        else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = atof(argv[++i]);
        else if (strcmp(argv[i], "--json") == 0)
            json = true;
        else if (strcmp(argv[i], "--resident") == 0)
            resident = true;
        else if (argv[i][0] != '-' && !file)
            file = argv[i];
        else
            return usage();
    }
    if (!file || !(seconds > 0))
        return usage();
    CompileOptions opt = {.include = inc, .ninclude = ninc};
    Tally t = {.digest = 14695981039346656037u};
    int rc = resident ? run_resident(file, &opt, seconds, &t) : run_batch(file, &opt, seconds, &t);
    if (rc)
        return rc;
    double rate = (double)t.done / t.seconds;
    const char *mode = resident ? "resident" : "batch";
    if (json)
        printf("{\"mode\": \"%s\", \"courses\": %ld, \"validations\": %ld, \"seconds\": %.3f, \"per_second\": %.0f, "
               "\"ns_per_validation\": %.1f, \"rules_per_course\": %.2f, \"failed\": %ld, \"unknown\": %ld, "
               "\"arena_bytes_per_validation\": %.0f, \"built_bytes_per_course\": %.0f, \"digest\": \"%016llx\"}\n",
               mode, t.courses, t.done, t.seconds, rate, 1e9 / rate, (double)t.rules / (double)t.courses, t.failed,
               t.unknown, (double)t.left / (double)t.courses, (double)t.built / (double)t.courses,
               (unsigned long long)t.digest);
    else
        printf("%s: %ld courses, %ld validations in %.2f s: %.0f validations/s (%.0f ns each)\n"
               "%.1f rules a course; %ld failed, %ld unknown in all; %.0f arena bytes a validation; digest %016llx\n"
               "%.0f bytes of syntax tree and model a course (batch)\n",
               mode, t.courses, t.done, t.seconds, rate, 1e9 / rate, (double)t.rules / (double)t.courses, t.failed,
               t.unknown, (double)t.left / (double)t.courses, (unsigned long long)t.digest,
               (double)t.built / (double)t.courses);
    return 0;
}
