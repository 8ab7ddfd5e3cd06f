/* judge_harness.h — a course compiled from a string and judged, for the
 * unit tests of the rules engine and of what builds on its results
 * (test_rules.c, test_fix.c). Include after cmocka.h, engine/rules.h and
 * model/compile.h. */
#ifndef RAMME_JUDGE_HARNESS_H
#define RAMME_JUDGE_HARNESS_H

#include <stdio.h>
#include <stdlib.h>

typedef struct Judged {
    SourceSet ss;
    Diags d;
    Program *p;
    Arena *a;
    CourseReport rep;
} Judged;

/* `text` compiled as t.ramme (its diagnostics printed, none may be an
 * error) and its course `course` judged. */
static inline Judged *judge_text(const char *text, const char *course)
{
    Judged *r = calloc(1, sizeof *r);
    assert_non_null(r);
    src_init(&r->ss);
    diag_init(&r->d);
    r->p = compile_text("t.ramme", text, NULL, &r->ss, &r->d);
    for (int i = 0; i < r->d.n; i++)
        fprintf(stderr, "  @%u: %s\n", (unsigned)r->d.items[i].span.first_off, r->d.items[i].msg);
    assert_int_equal(r->d.errors, 0);
    Block *c = model_decl(r->p, model_schema(r->p, "course"), course);
    assert_non_null(c);
    r->a = arena_new();
    rules_check(r->p, c, r->a, &r->rep);
    return r;
}

static inline void judged_free(Judged *r)
{
    arena_free(r->a);
    compile_free(r->p);
    diag_free(&r->d);
    src_free(&r->ss);
    free(r);
}

#endif
