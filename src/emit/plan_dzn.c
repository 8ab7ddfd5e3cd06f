/* plan_dzn.c — the planner's problem (plan_solve.h) as MiniZinc data, so a
 * model in bench/ solves exactly what ramme's search solves: the options
 * the scheduler placed, their penalties, the days each one meets, and
 * what teachers and sites allow (PLANNING.md §5). Days are counted from
 * the earliest day any option meets (day 1); teachers, sites, cohorts and
 * options are numbered from 1; site 0 is "none". */
#include "emit/plan_dzn.h"

#include <inttypes.h>

static int32_t first_day(const PlanProblem *P)
{
    int32_t d0 = INT32_MAX;
    for (int c = 0; c < P->ncohorts; c++)
        for (int o = 0; o < P->cohorts[c].nopts; o++)
            if (P->cohorts[c].opts[o].first < d0)
                d0 = P->cohorts[c].opts[o].first;
    return d0 == INT32_MAX ? 0 : d0;
}

/* name = [a, b, ...]; over every option, cohort by cohort. */
#define OPTS(name, expr)                                                                                      \
    do {                                                                                                     \
        fputs(name " = [", out);                                                                             \
        int k_ = 0;                                                                                          \
        for (int c = 0; c < P->ncohorts; c++)                                                                \
            for (int o = 0; o < P->cohorts[c].nopts; o++) {                                                  \
                const PlanOption *x = &P->cohorts[c].opts[o];                                                \
                (void)x;                                                                                     \
                fprintf(out, "%s%" PRId64, k_++ ? ", " : "", (int64_t)(expr));                                \
            }                                                                                                \
        fputs("];\n", out);                                                                                  \
    } while (0)

int plan_dzn(FILE *out, const PlanProblem *P)
{
    int32_t d0 = first_day(P) - 1;
    int nopts = 0, nslots = 0;
    for (int c = 0; c < P->ncohorts; c++) {
        nopts += P->cohorts[c].nopts;
        nslots += P->cohorts[c].nroles;
    }
    fputs("% ramme plan --format dzn: one option per cohort, one team per role\n", out);
    const char *names[] = {"ncohorts", "noptions", "nteachers", "nsites", "nroles"};
    int values[] = {P->ncohorts, nopts, P->nteachers, P->nsites, nslots};
    for (int i = 0; i < 5; i++)
        fprintf(out, "%s = %d;\n", names[i], values[i]);
    OPTS("option_cohort", c + 1);
    OPTS("option_penalty", x->penalty);
    OPTS("option_weekdays", x->weekdays);
    OPTS("option_start", x->t0);
    OPTS("option_end", x->t1);
    OPTS("option_first", x->first - d0);
    OPTS("option_last", x->last - d0);
    fputs("option_days = [", out);
    int k = 0;
    for (int c = 0; c < P->ncohorts; c++)
        for (int o = 0; o < P->cohorts[c].nopts; o++) {
            const PlanOption *x = &P->cohorts[c].opts[o];
            fprintf(out, "%s{", k++ ? ", " : "");
            for (int i = 0; i < x->ndays; i++)
                fprintf(out, "%s%" PRId32, i ? ", " : "", x->days[i] - d0);
            fputc('}', out);
        }
    fputs("];\n", out);
    fputs("cohort_site = [", out);
    for (int c = 0; c < P->ncohorts; c++)
        fprintf(out, "%s%d", c ? ", " : "", P->cohorts[c].site + 1);
    fputs("];\nsite_rooms = [", out);
    for (int s = 0; s < P->nsites; s++)
        fprintf(out, "%s%d", s ? ", " : "", P->sites[s].rooms);
    fputs("];\nteacher_weekdays = [", out);
    for (int t = 0; t < P->nteachers; t++)
        fprintf(out, "%s%d", t ? ", " : "", P->teachers[t].weekdays);
    fputs("];\nteacher_max_cohorts = [", out);
    for (int t = 0; t < P->nteachers; t++)
        fprintf(out, "%s%d", t ? ", " : "", P->teachers[t].max_cohorts);
    fputs("];\nteacher_away = [", out);
    for (int t = 0; t < P->nteachers; t++) {
        fprintf(out, "%s{", t ? ", " : "");
        int n = 0;
        for (int r = 0; r < P->teachers[t].naway; r++)
            for (int32_t d = P->teachers[t].away[r][0]; d <= P->teachers[t].away[r][1]; d++)
                fprintf(out, "%s%" PRId32, n++ ? ", " : "", d - d0);
        fputc('}', out);
    }
    fputs("];\nrole_cohort = [", out);
    k = 0;
    for (int c = 0; c < P->ncohorts; c++)
        for (int r = 0; r < P->cohorts[c].nroles; r++)
            fprintf(out, "%s%d", k++ ? ", " : "", c + 1);
    fputs("];\nrole_need = [", out);
    k = 0;
    for (int c = 0; c < P->ncohorts; c++)
        for (int r = 0; r < P->cohorts[c].nroles; r++)
            fprintf(out, "%s%d", k++ ? ", " : "", P->cohorts[c].roles[r].need);
    fputs("];\nrole_eligible = [", out);
    k = 0;
    for (int c = 0; c < P->ncohorts; c++)
        for (int r = 0; r < P->cohorts[c].nroles; r++) {
            const PlanRole *ro = &P->cohorts[c].roles[r];
            fprintf(out, "%s{", k++ ? ", " : "");
            for (int i = 0; i < ro->neligible; i++)
                fprintf(out, "%s%d", i ? ", " : "", ro->eligible[i] + 1);
            fputc('}', out);
        }
    fputs("];\n", out);
    if (fflush(out) != 0 || ferror(out))
        return -1;
    return 0;
}
