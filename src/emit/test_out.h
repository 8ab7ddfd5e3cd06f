/* test_out.h — the report of `ramme test` (TOOLS.md §3): one line per
 * expectation, "ok" or "FAIL" with each rule whose result differs (what was
 * expected, what the rules engine says, and its explanation), then
 * "N passed, N failed"; or the JSON document {"version": 1,
 * "expectations": [...], "summary": {"passed", "failed"}, "diagnostics"}. */
#ifndef RAMME_TEST_OUT_H
#define RAMME_TEST_OUT_H

#include "apps/expect.h"
#include "emit/jsonw.h"

#include <stdbool.h>
#include <stdio.h>

void test_text(FILE *out, const ExpectResult *r, SourceSet *ss, bool color);
/* A file whose expectations could not be run (its language errors are
 * reported as diagnostics). */
void test_text_broken(FILE *out, const char *file, bool color);
void test_text_summary(FILE *out, int passed, int failed);

/* One expectation, as an element of the open "expectations" array. */
void test_json(JsonW *w, const ExpectResult *r, SourceSet *ss);
/* "summary": {"passed", "failed"}, as a member of the root. */
void test_json_summary(JsonW *w, int passed, int failed);

#endif
