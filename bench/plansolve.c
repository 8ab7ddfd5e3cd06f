/* plansolve.c — the planner's solvers alone, for weighing them (issue 15):
 * the problem of a plan file as `ramme plan` builds it, solved by the
 * search alone, by GLPK's MIP alone (plan_mip.c: the least penalty, no
 * ranking), or by both (the search ranking from the MIP's optimum, which is
 * what `ramme plan` does), with the wall time of the solve alone.
 *
 * usage: plansolve FILE MODE [SECONDS [PROPOSALS]], MODE one of
 *   search    the search alone
 *   hybrid    what `ramme plan` does: the search, and GLPK's LP relaxation
 *             cutting options when a ranking stalls (the ranked cohort's by
 *             its bound, every later one's by its reduced costs)
 *   lpnow     the same with the LP asked before every cohort is ranked
 *   mipfirst  hybrid, with each rank's least penalty from GLPK's MIP
 *   mip       GLPK's MIP alone: the least penalty, no ranking
 *   any       the search stopping at its first plan (the conflict oracle)
 * prints one JSON line: mode, status, penalty per proposal, seconds, and a
 * digest of the proposals' options and teams (the search and the hybrid
 * must agree on it: the same proposals). */
#include "apps/glpklib.h"
#include "apps/plan.h"
#include "apps/plan_mip.h"
#include "model/compile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static unsigned long long digest(const PlanProblem *P, const PlanChoice *c, int n)
{
    unsigned long long h = 1469598103934665603ULL;
    for (int k = 0; k < n; k++)
        for (int i = 0; i < P->ncohorts; i++) {
            h = (h ^ (unsigned long long)c[k].opt[i]) * 1099511628211ULL;
            for (int r = 0, j = 0; r < P->cohorts[i].nroles; r++)
                for (int s = 0; s < P->cohorts[i].roles[r].need; s++, j++)
                    h = (h ^ (unsigned long long)c[k].team[i][j]) * 1099511628211ULL;
        }
    return h;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: plansolve FILE search|hybrid|lpnow|mipfirst|mip|any [SECONDS [PROPOSALS]]\n");
        return 2;
    }
    const char *mode = argv[2];
    double limit = argc > 3 ? atof(argv[3]) : 0;
    int K = argc > 4 ? atoi(argv[4]) : 1;
    SourceSet ss;
    Diags d;
    src_init(&ss);
    diag_init(&d);
    CompileOptions opt = {0};
    Program *p = compile_file(argv[1], &opt, &ss, &d);
    Block **plans = NULL;
    int n = d.errors ? 0 : compile_main_decls(p, "plan", &plans);
    Arena *a = arena_new();
    PlanReport rep;
    PlanAsk ask = {.proposals = K, .time_limit = limit, .problem_only = true};
    if (n == 0 || !plan_run(p, plans[0], &ask, a, &rep)) {
        fprintf(stderr, "plansolve: %s: no plan to solve\n", argv[1]);
        return 2;
    }
    const PlanProblem *P = &rep.problem;
    PlanResult r = {0};
    PlanChoice c;
    GlpkLib G; /* opened as plan.c opens it for `ramme plan` */
    char why[256];
    if (!glpklib_open(&G, why, sizeof why)) {
        fprintf(stderr, "plansolve: GLPK (%s) could not be loaded: %s\n", glpklib_name(), why);
        return 2;
    }
    double t0 = now();
    if (strcmp(mode, "mip") == 0) {
        int64_t bound;
        r.status = plan_mip_best(&G, P, NULL, 0, limit, a, &c, &bound);
        r.lower_bound = bound;
        if (c.opt)
            r.proposals = &c, r.nproposals = 1;
    } else {
        PlanSolveAsk sa = {.nproposals = K, .time_limit = limit, .any_plan = strcmp(mode, "any") == 0, .best_ctx = &G};
        if (strcmp(mode, "hybrid") == 0 || strcmp(mode, "mipfirst") == 0 || strcmp(mode, "lpnow") == 0)
            sa.lp_open = plan_mip_lp_open, sa.lp_cut = plan_mip_lp_cut, sa.lp_close = plan_mip_lp_close,
            sa.lp_reduced = plan_mip_lp_reduced; /* as plan.c's plan_solvers: what users run */
        if (strcmp(mode, "lpnow") == 0)
            sa.rank_alone = -1;
        if (strcmp(mode, "mipfirst") == 0)
            sa.best = plan_mip_best;
        plan_solve_ask(P, &sa, a, &r);
    }
    double secs = now() - t0;
    int valid = 1;
    for (int k = 0; k < r.nproposals; k++)
        valid &= plan_choice_valid(P, &r.proposals[k], NULL, 0);
    const char *st[] = {"optimal", "feasible", "infeasible"};
    printf("{\"mode\": \"%s\", \"status\": \"%s\", \"bound\": %lld, \"penalties\": [", mode, st[r.status],
           (long long)r.lower_bound);
    for (int k = 0; k < r.nproposals; k++)
        printf("%s%lld", k ? ", " : "", (long long)r.proposals[k].penalty);
    printf("], \"valid\": %s, \"seconds\": %.3f, \"digest\": \"%016llx\"}\n", valid ? "true" : "false", secs,
           digest(P, r.proposals, r.nproposals));
    arena_free(a);
    compile_free(p);
    diag_free(&d);
    src_free(&ss);
    return 0;
}
