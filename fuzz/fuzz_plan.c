/* fuzz_plan.c — libFuzzer harness for `ramme plan`: arbitrary bytes as a
 * ramme file (compile_text, as fuzz_check), every plan it declares (up to
 * two) planned with plan_run under a short time limit, and the report
 * written through every writer of proposal_out.h and plan_dzn.h into
 * memory. The diagnostics are rendered as in every harness.
 *
 * Invariants (abort() when one breaks, so libFuzzer saves the input):
 *   - the status agrees with the proposals: infeasible has none and its
 *     conflict was searched; optimal has a first proposal whose penalty is
 *     the lower bound; penalties never fall from one proposal to the next,
 *     and each is the sum of its listed penalties;
 *   - every proposal has one placed cohort per cohort, each with sessions,
 *     its first session on its start;
 *   - the text report is UTF-8 without control characters; the JSON
 *     parses, with one element per proposal;
 *   - `--format ramme` of every proposal, appended to the input, compiles
 *     without an error (the schedules it writes are valid ramme);
 *   - the CSV and MiniZinc writers write.
 * RAMME_FUZZ_PRINT=1 build-fuzz/fuzz_plan INPUT prints each report. */
#include "model/compile.h"
#include "fuzz.h"
#include "apps/plan.h"
#include "emit/plan_dzn.h"
#include "emit/proposal_out.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_NAME "/nonexistent-ramme-fuzz/input.ramme"
#define MAX_PLANS 2

static void check_report(const PlanReport *r, SourceSet *ss)
{
    fz_check(r->status != PLAN_INFEASIBLE || (r->nproposals == 0 && r->conflict_searched),
             "an infeasible plan has no proposal and a conflict search");
    fz_check(r->status != PLAN_OPTIMAL || r->nproposals == 0 || r->lower_bound == r->proposals[0].penalty,
             "an optimal plan's first penalty is its lower bound");
    for (int k = 0; k < r->nproposals; k++) {
        const Proposal *p = &r->proposals[k];
        fz_check(k == 0 || p->penalty >= r->proposals[k - 1].penalty, "penalties never fall");
        int64_t sum = 0;
        for (int i = 0; i < p->npenalties; i++)
            sum += p->penalties[i].penalty;
        fz_check(sum == p->penalty, "a proposal's penalty is the sum of its penalties");
        fz_check(p->ncohorts == r->problem.ncohorts, "one placed cohort per cohort");
        for (int c = 0; c < p->ncohorts; c++)
            fz_check(p->cohorts[c].placed.nsessions > 0 && p->cohorts[c].placed.sessions[0].date == p->cohorts[c].start,
                     "a cohort's first session is its start");
    }
    FzMem m;
    proposal_text(fz_mem_open(&m), r, ss, false);
    fz_mem_close(&m);
    fz_check(fz_plain_text(m.buf, m.len) && fz_utf8(m.buf, m.len), "the report is plain UTF-8 text");
    if (getenv("RAMME_FUZZ_PRINT"))
        fprintf(stderr, "%.*s\n", (int)m.len, m.buf);
    free(m.buf);
    fz_check(proposal_json(fz_mem_open(&m), r, ss) == 0, "proposal_json writes");
    fz_mem_close(&m);
    json_t *back = fz_json_parses(m.buf, m.len, "the plan's JSON parses");
    fz_check(json_array_size(json_object_get(back, "proposals")) == (size_t)r->nproposals, "one JSON proposal each");
    json_decref(back);
    free(m.buf);
    fz_check(plan_dzn(fz_mem_open(&m), &r->problem) == 0, "plan_dzn writes");
    fz_mem_close(&m);
    free(m.buf);
}

/* The proposal as schedules, appended to the input, compiles. */
static void check_ramme(const char *text, const PlanReport *r, const Proposal *p)
{
    FzMem m;
    fz_check(proposal_ramme(fz_mem_open(&m), r, p) == 0, "proposal_ramme writes");
    fz_mem_close(&m);
    FzMem csv;
    int rc = proposal_csv(fz_mem_open(&csv), p);
    fz_mem_close(&csv);
    fz_check(rc == 0 && csv.len > 0, "proposal_csv writes");
    free(csv.buf);
    size_t n = strlen(text);
    char *both = malloc(n + m.len + 2);
    if (!both)
        abort();
    memcpy(both, text, n);
    both[n] = '\n';
    memcpy(both + n + 1, m.buf, m.len);
    both[n + 1 + m.len] = '\0';
    free(m.buf);
    SourceSet ss;
    src_init(&ss);
    Diags d;
    diag_init(&d);
    Program *q = compile_text(FUZZ_NAME, both, NULL, &ss, &d);
    if (d.errors)
        fz_render_diags(&d, &ss, NULL);
    fz_check(d.errors == 0, "a proposal written as schedules compiles with its file");
    compile_free(q);
    diag_free(&d);
    src_free(&ss);
    free(both);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FzUnit u;
    fz_unit_begin(&u, FUZZ_NAME, data, size);
    /* A NUL in the input ends the text the compiler reads. */
    if (!u.d.errors && strlen(u.text) == size) {
        Block **all;
        int n = compile_main_decls(u.p, "plan", &all);
        for (int k = 0; k < n && k < MAX_PLANS; k++) {
            Arena *a = arena_new();
            PlanReport r;
            PlanAsk ask = {.proposals = 2, .time_limit = 0.2};
            if (plan_run(u.p, all[k], &ask, a, &r)) {
                check_report(&r, &u.ss);
                for (int i = 0; i < r.nproposals; i++)
                    check_ramme(u.text, &r, &r.proposals[i]);
            }
            arena_free(a);
        }
    }
    fz_unit_end(&u);
    return 0;
}
