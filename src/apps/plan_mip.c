/* plan_mip.c — the planner's problem as a MIP for GLPK (plan_mip.h).
 *
 * A little over 800 lines: the model's rows, the MIP and the LP
 * relaxation share every builder and GLPK's guard; apart, each would need
 * the others' internals.
 *
 * How it is used (bench/README.md, "Planning", has the figures). Branch
 * and cut over this model proved the least penalty more slowly than the
 * search on every benchmark instance, and found no plan at all within a
 * minute on 20 cohorts; so `ramme plan` uses the LP relaxation only,
 * without the teachers' limits in time (plan-10-1 of the benchmark: 411
 * rows and 40 k nonzeros against 32 k rows and 0.7 M, and it ruled out
 * as many options): as a bound when the
 * search stalls proving the least penalty, and, in ranking, to rule out a
 * cohort's options by reduced cost. plan_mip_best stays for the
 * benchmark (bench/plansolve.c) and the tests, which check it against
 * brute force.
 *
 * The model. x[c][o] = 1 when cohort c runs option o (one per cohort);
 * y[c][r][t] = 1 when teacher t fills a slot of role r of cohort c (need_r
 * per role). u[c][t], the sum of t's y over c's roles, is at most the sum
 * of the options of c that t can take (her weekdays, her absences): that
 * one row says both "one slot per teacher" and "only with an option she
 * fits". Her limits in time are products of u with a set of options, each
 * linearised by a continuous variable a >= u[c][t] - (the options of c she
 * fits that are not in the set): tighter than the textbook u + X - 1,
 * because u already implies one of the options she fits. Over those, each
 * limit is one row for a whole moment rather than one per pair of cohorts
 * (a clique, which is what gives the LP bound its strength):
 *   - periods: at each day some period of hers could start, at most
 *     max_cohorts of her cohorts' periods cover it (the most periods
 *     overlap at the start of one); with a limit of 1 this also rules out
 *     two of her cohorts meeting on one day, so the rows below are needed
 *     only for teachers with a higher limit;
 *   - a date: at most one site (one b per site, above its cohorts' a);
 *   - a date and moment at one site: at most one of her cohorts meets.
 * Rooms need no teacher: per site, date and moment some meeting starts,
 * the options meeting then sum to at most the rooms. Rows and variables
 * are made only where more cohorts could meet than the limit allows.
 * Earlier proposals' option vectors are cut off by no-good rows.
 *
 * GLPK. It is called through the table its caller opened (glpklib.h: the
 * binary does not link it), handed in as ctx and kept with the state. Its
 * output is switched off and its terminal hooked to nothing;
 * its internal errors call abort() unless the error hook leaves, so the
 * hook longjmps back and the whole environment is freed. glp_free_env is
 * process-wide state: it frees every GLPK object of the process, which is
 * sound because this file is GLPK's only user and holds no object across
 * calls but the LP kept open while the search ranks (and nothing else of
 * GLPK runs meanwhile; ramme is single-threaded); it is called at the end
 * of every solve and when the LP is closed, so nothing is left for
 * valgrind. The model is sized before GLPK
 * sees it and refused when too large, and GLPK's own memory is capped.
 * The objective is an integer, so a node whose bound rounds up to the
 * incumbent's penalty proves it optimal: the callback stops GLPK there
 * (GLPK alone would go on to close a gap of less than one). */
#include "apps/plan_mip.h"

#include "apps/glpklib.h"

#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* Above these the model is not built: GLPK's LP would not be the fast
 * route, and the search alone is asked. */
#define MIP_MAX_NONZEROS 4000000
#define MIP_MAX_COLUMNS 1000000
#define MIP_MAX_ROWS 1000000
#define MIP_MEM_MB 1500

typedef struct Model {
    Arena *a;
    int ncol, nrow, ne; /* GLPK numbers from 1: element 0 of each array is unused */
    double *obj;
    char *bin;          /* per column: binary, or continuous in [0, 1] */
    int *rtype;         /* GLP_UP, GLP_LO or GLP_FX */
    double *rb;
    int *ia, *ja;
    double *ar;
    bool big;
} Model;

/* Element 0 of each array, which GLPK skips: then an array of n
 * elements and more holds n + 1, as arena_push counts them. */
static void model_init(Model *M, Arena *a)
{
    memset(M, 0, sizeof *M);
    M->a = a;
    M->obj = arena_push(a, NULL, 0, sizeof(double));
    M->bin = arena_push(a, NULL, 0, sizeof(char));
    M->rtype = arena_push(a, NULL, 0, sizeof(int));
    M->rb = arena_push(a, NULL, 0, sizeof(double));
    M->ia = arena_push(a, NULL, 0, sizeof(int));
    M->ja = arena_push(a, NULL, 0, sizeof(int));
    M->ar = arena_push(a, NULL, 0, sizeof(double));
}

static int column(Model *M, double obj, bool bin)
{
    M->obj = arena_push(M->a, M->obj, (size_t)M->ncol + 1, sizeof(double));
    M->bin = arena_push(M->a, M->bin, (size_t)M->ncol + 1, sizeof(char));
    M->ncol++;
    M->obj[M->ncol] = obj, M->bin[M->ncol] = bin;
    if (M->ncol > MIP_MAX_COLUMNS)
        M->big = true;
    return M->ncol;
}

/* Row entries go to the row opened last. */
static void row(Model *M, int type, double b)
{
    M->rtype = arena_push(M->a, M->rtype, (size_t)M->nrow + 1, sizeof(int));
    M->rb = arena_push(M->a, M->rb, (size_t)M->nrow + 1, sizeof(double));
    M->nrow++;
    M->rtype[M->nrow] = type, M->rb[M->nrow] = b;
    if (M->nrow > MIP_MAX_ROWS)
        M->big = true;
}

static void entry(Model *M, int col, double v)
{
    if (M->big || col <= 0)
        return;
    M->ia = arena_push(M->a, M->ia, (size_t)M->ne + 1, sizeof(int));
    M->ja = arena_push(M->a, M->ja, (size_t)M->ne + 1, sizeof(int));
    M->ar = arena_push(M->a, M->ar, (size_t)M->ne + 1, sizeof(double));
    M->ne++;
    M->ia[M->ne] = M->nrow, M->ja[M->ne] = col, M->ar[M->ne] = v;
    if (M->ne > MIP_MAX_NONZEROS)
        M->big = true;
}

/* Per cohort: its columns, and for each teacher eligible in some role the
 * y columns that make up u and the options she fits. */
typedef struct Coh {
    int *x;       /* per option: its column, 0 when it can have no team */
    int nt;
    int *tl;      /* teachers eligible for some role */
    int nroles;
    int **y;      /* per tl, per role: her y column, 0 when she is not eligible */
    bool **fit;   /* per tl, per option: she can take it */
    int *v;       /* per tl: the column of the sum of the options she fits, 0 when all */
} Coh;

static bool fits(const PlanTeacher *pt, const PlanOption *po)
{
    if (po->weekdays & ~pt->weekdays)
        return false;
    for (int i = 0, j = 0; i < po->ndays; i++) {
        while (j < pt->naway && pt->away[j][1] < po->days[i])
            j++;
        if (j < pt->naway && pt->away[j][0] <= po->days[i])
            return false;
    }
    return true;
}

static bool meets(const PlanOption *po, int32_t d)
{
    int lo = 0, hi = po->ndays;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (po->days[mid] < d)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < po->ndays && po->days[lo] == d;
}

static bool covers(const PlanOption *po, int p) { return po->t0 <= p && p < po->t1; }

/* Which options of a cohort a moment concerns. */
typedef enum { IN_PERIOD, MEETS_ON, MEETS_AT } Moment;

static bool concerns(const PlanOption *po, Moment m, int32_t d, int p)
{
    switch (m) {
    case IN_PERIOD:
        return po->first <= d && d <= po->last;
    case MEETS_ON:
        return meets(po, d);
    default:
        return meets(po, d) && covers(po, p);
    }
}

/* A new a >= u[c][t] - (options of c she fits outside the moment): as
 * written when those are fewer, else as a - u + v - (options she fits
 * inside it) >= 0 with v the sum of those she fits (1 when she fits all);
 * short rows keep the LP fast (a <= 1 is implied). */
static int linked(Model *M, const PlanProblem *P, const Coh *C, int c, int q, Moment m, int32_t d, int p)
{
    int a = column(M, 0, false), nin = 0, nout = 0;
    for (int o = 0; o < P->cohorts[c].nopts; o++)
        if (C->x[o] && C->fit[q][o])
            concerns(&P->cohorts[c].opts[o], m, d, p) ? nin++ : nout++;
    bool inside = nin + 1 < nout;
    row(M, GLP_LO, inside && !C->v[q] ? -1 : 0);
    entry(M, a, 1);
    if (inside)
        entry(M, C->v[q], 1);
    for (int r = 0; r < C->nroles; r++)
        entry(M, C->y[q][r], -1);
    for (int o = 0; o < P->cohorts[c].nopts; o++)
        if (C->x[o] && C->fit[q][o] && concerns(&P->cohorts[c].opts[o], m, d, p) == inside)
            entry(M, C->x[o], inside ? -1 : 1);
    return a;
}

static int tl_index(const Coh *C, int t)
{
    for (int q = 0; q < C->nt; q++)
        if (C->tl[q] == t)
            return q;
    return -1;
}

static int cmp_int(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

static int cmp_i32(const void *x, const void *y)
{
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    return (a > b) - (a < b);
}

/* The sorted distinct values of v[0 … n-1], in place; their count. */
static int uniq(int32_t *v, int n)
{
    if (n <= 0)
        return 0; /* v may be NULL then, and qsort's may not be */
    qsort(v, (size_t)n, sizeof *v, cmp_i32);
    int m = 0;
    for (int i = 0; i < n; i++)
        if (m == 0 || v[m - 1] != v[i])
            v[m++] = v[i];
    return m;
}

/* Whether cohort c has an option she fits (q) or, with q < 0, any
 * option, that the moment concerns. */
static bool any_concerned(const PlanProblem *P, const Coh *C, int c, int q, Moment m, int32_t d, int p)
{
    for (int o = 0; o < P->cohorts[c].nopts; o++)
        if (C->x[o] && (q < 0 || C->fit[q][o]) && concerns(&P->cohorts[c].opts[o], m, d, p))
            return true;
    return false;
}

/* Whether every option of c she fits that meets on d also covers p. */
static bool all_cover(const PlanProblem *P, const Coh *C, int c, int q, int32_t d, int p)
{
    for (int o = 0; o < P->cohorts[c].nopts; o++) {
        const PlanOption *po = &P->cohorts[c].opts[o];
        if (C->x[o] && C->fit[q][o] && meets(po, d) && !covers(po, p))
            return false;
    }
    return true;
}

/* Teacher t's periods: at each day one of them could start, at most
 * max_cohorts cover it. */
static void teacher_periods(Model *M, const PlanProblem *P, const Coh *co, int t, const int *ct, int nct)
{
    int mx = P->teachers[t].max_cohorts;
    if (nct <= mx)
        return;
    int32_t *pts = NULL;
    int npts = 0;
    for (int i = 0; i < nct; i++) {
        const Coh *C = &co[ct[i]];
        int q = tl_index(C, t);
        for (int o = 0; o < P->cohorts[ct[i]].nopts; o++)
            if (C->x[o] && C->fit[q][o]) {
                pts = arena_push(M->a, pts, (size_t)npts, sizeof *pts);
                pts[npts++] = P->cohorts[ct[i]].opts[o].first;
            }
    }
    npts = uniq(pts, npts);
    int *in = arena_array(M->a, (size_t)nct + 1, sizeof(int)), *cols = arena_array(M->a, (size_t)nct + 1, sizeof(int));
    for (int k = 0; k < npts && !M->big; k++) {
        int n = 0;
        for (int i = 0; i < nct; i++)
            if (any_concerned(P, &co[ct[i]], ct[i], tl_index(&co[ct[i]], t), IN_PERIOD, pts[k], 0))
                in[n++] = ct[i];
        if (n <= mx)
            continue;
        for (int i = 0; i < n; i++)
            cols[i] = linked(M, P, &co[in[i]], in[i], tl_index(&co[in[i]], t), IN_PERIOD, pts[k], 0);
        row(M, GLP_UP, mx);
        for (int i = 0; i < n; i++)
            entry(M, cols[i], 1);
    }
}

/* Teacher t on day d, among the cohorts in[0 … n-1] that could meet her
 * then: one site, and at each moment one cohort. */
static void teacher_day(Model *M, const PlanProblem *P, const Coh *co, int t, int32_t d, const int *in, int n)
{
    int *e = arena_array(M->a, (size_t)n, sizeof(int)), *b = arena_array(M->a, (size_t)n, sizeof(int));
    int *f = arena_array(M->a, (size_t)n, sizeof(int)), nb = 0;
    bool *done = arena_array(M->a, (size_t)n, sizeof(bool));
    for (int i = 0; i < n; i++)
        e[i] = linked(M, P, &co[in[i]], in[i], tl_index(&co[in[i]], t), MEETS_ON, d, 0);
    for (int i = 0; i < n; i++) {
        if (done[i])
            continue;
        int site = P->cohorts[in[i]].site, size = 0, bcol = 0;
        for (int j = i; j < n; j++)
            size += P->cohorts[in[j]].site == site;
        if (size > 1)
            bcol = column(M, 0, false);
        int32_t *pts = NULL;
        int npts = 0;
        for (int j = i; j < n; j++) {
            if (P->cohorts[in[j]].site != site)
                continue;
            done[j] = true;
            if (size == 1) {
                bcol = e[j];
                continue;
            }
            row(M, GLP_LO, 0);
            entry(M, bcol, 1), entry(M, e[j], -1);
            const Coh *C = &co[in[j]];
            int q = tl_index(C, t);
            for (int o = 0; o < P->cohorts[in[j]].nopts; o++) {
                const PlanOption *po = &P->cohorts[in[j]].opts[o];
                if (C->x[o] && C->fit[q][o] && po->t0 < po->t1 && meets(po, d)) {
                    pts = arena_push(M->a, pts, (size_t)npts, sizeof *pts);
                    pts[npts++] = po->t0;
                }
            }
        }
        b[nb++] = bcol;
        npts = size > 1 ? uniq(pts, npts) : 0;
        for (int k = 0; k < npts && !M->big; k++) { /* her cohorts at this site, moment by moment */
            int m = 0;
            for (int j = i; j < n; j++) {
                int c = in[j], q = tl_index(&co[c], t);
                if (P->cohorts[c].site != site || !any_concerned(P, &co[c], c, q, MEETS_AT, d, pts[k]))
                    continue;
                f[m++] = all_cover(P, &co[c], c, q, d, pts[k]) ? e[j] : linked(M, P, &co[c], c, q, MEETS_AT, d, pts[k]);
            }
            if (m < 2)
                continue;
            row(M, GLP_UP, 1);
            for (int j = 0; j < m; j++)
                entry(M, f[j], 1);
        }
    }
    if (nb > 1) {
        row(M, GLP_UP, 1);
        for (int j = 0; j < nb; j++)
            entry(M, b[j], 1);
    }
}

/* A (day, cohort) pair, sorted by day. */
typedef struct DayC {
    int32_t d;
    int c;
} DayC;

static int cmp_dayc(const void *x, const void *y)
{
    const DayC *a = x, *b = y;
    return a->d != b->d ? (a->d > b->d) - (a->d < b->d) : (a->c > b->c) - (a->c < b->c);
}

/* The distinct (day, cohort) pairs of the options of cohorts ct (those she
 * fits, with t >= 0), by day. */
static DayC *day_pairs(Model *M, const PlanProblem *P, const Coh *co, int t, const int *ct, int nct, int *out)
{
    DayC *v = NULL;
    int n = 0;
    for (int i = 0; i < nct; i++) {
        const Coh *C = &co[ct[i]];
        int q = t >= 0 ? tl_index(C, t) : -1;
        for (int o = 0; o < P->cohorts[ct[i]].nopts; o++) {
            if (!C->x[o] || (q >= 0 && !C->fit[q][o]))
                continue;
            const PlanOption *po = &P->cohorts[ct[i]].opts[o];
            for (int k = 0; k < po->ndays; k++) {
                v = arena_push(M->a, v, (size_t)n, sizeof *v);
                v[n++] = (DayC){po->days[k], ct[i]};
            }
        }
    }
    if (n > 0)
        qsort(v, (size_t)n, sizeof *v, cmp_dayc);
    int m = 0;
    for (int i = 0; i < n; i++)
        if (m == 0 || v[m - 1].d != v[i].d || v[m - 1].c != v[i].c)
            v[m++] = v[i];
    *out = m;
    return v;
}

static void teacher_days(Model *M, const PlanProblem *P, const Coh *co, int t, const int *ct, int nct)
{
    int n;
    DayC *v = day_pairs(M, P, co, t, ct, nct, &n);
    int *in = arena_array(M->a, (size_t)nct + 1, sizeof(int));
    for (int i = 0; i < n && !M->big;) {
        int j = i, m = 0;
        while (j < n && v[j].d == v[i].d)
            in[m++] = v[j++].c;
        if (m > 1)
            teacher_day(M, P, co, t, v[i].d, in, m);
        i = j;
    }
}

/* Site st: at each date and moment a meeting starts, at most `rooms`. */
static void site_rooms(Model *M, const PlanProblem *P, const Coh *co, int st)
{
    int R = P->sites[st].rooms, nct = 0;
    int *ct = arena_array(M->a, (size_t)P->ncohorts + 1, sizeof(int));
    for (int c = 0; c < P->ncohorts; c++)
        if (P->cohorts[c].site == st)
            ct[nct++] = c;
    if (nct <= R)
        return;
    int n;
    DayC *v = day_pairs(M, P, co, -1, ct, nct, &n);
    int32_t *pts = NULL;
    for (int i = 0; i < n && !M->big;) {
        int j = i, npts = 0;
        while (j < n && v[j].d == v[i].d)
            j++;
        if (j - i > R) {
            for (int k = i; k < j; k++)
                for (int o = 0; o < P->cohorts[v[k].c].nopts; o++) {
                    const PlanOption *po = &P->cohorts[v[k].c].opts[o];
                    if (co[v[k].c].x[o] && po->t0 < po->t1 && meets(po, v[i].d)) {
                        pts = arena_push(M->a, npts ? pts : NULL, (size_t)npts, sizeof *pts);
                        pts[npts++] = po->t0;
                    }
                }
            npts = uniq(pts, npts);
        }
        for (int p = 0; p < npts; p++) {
            int m = 0;
            for (int k = i; k < j; k++)
                m += any_concerned(P, &co[v[k].c], v[k].c, -1, MEETS_AT, v[i].d, pts[p]);
            if (m <= R)
                continue;
            row(M, GLP_UP, R);
            for (int k = i; k < j; k++)
                for (int o = 0; o < P->cohorts[v[k].c].nopts; o++)
                    if (co[v[k].c].x[o] && concerns(&P->cohorts[v[k].c].opts[o], MEETS_AT, v[i].d, pts[p]))
                        entry(M, co[v[k].c].x[o], 1);
        }
        i = j;
    }
}

/* Cohort c's columns and its own rows; false when no option of it can
 * have a team at all (then there is no plan). */
static bool cohort(Model *M, const PlanProblem *P, int c, Coh *C)
{
    const PlanCohort *pc = &P->cohorts[c];
    Arena *a = M->a;
    C->x = arena_array(a, (size_t)pc->nopts + 1, sizeof(int));
    C->tl = arena_array(a, (size_t)P->nteachers + 1, sizeof(int));
    for (int r = 0; r < pc->nroles; r++)
        for (int k = 0; k < pc->roles[r].neligible; k++) {
            int t = pc->roles[r].eligible[k];
            if (t >= 0 && t < P->nteachers && tl_index(C, t) < 0)
                C->tl[C->nt++] = t;
        }
    qsort(C->tl, (size_t)C->nt, sizeof(int), cmp_int); /* so that teams come out ascending */
    C->fit = arena_array(a, (size_t)C->nt + 1, sizeof(bool *));
    C->y = arena_array(a, (size_t)C->nt + 1, sizeof(int *));
    C->nroles = pc->nroles;
    for (int q = 0; q < C->nt; q++) {
        C->fit[q] = arena_array(a, (size_t)pc->nopts + 1, sizeof(bool));
        C->y[q] = arena_array(a, (size_t)pc->nroles + 1, sizeof(int));
        for (int o = 0; o < pc->nopts; o++)
            C->fit[q][o] = fits(&P->teachers[C->tl[q]], &pc->opts[o]);
    }
    /* an option stays when each role has enough teachers who fit it */
    row(M, GLP_FX, 1);
    bool any = false;
    for (int o = 0; o < pc->nopts; o++) {
        bool ok = true;
        for (int r = 0; ok && r < pc->nroles; r++) {
            int n = 0;
            for (int k = 0; k < pc->roles[r].neligible; k++) {
                int q = tl_index(C, pc->roles[r].eligible[k]);
                n += q >= 0 && C->fit[q][o];
            }
            ok = n >= pc->roles[r].need;
        }
        if (ok) {
            C->x[o] = column(M, (double)pc->opts[o].penalty, true);
            entry(M, C->x[o], 1);
            any = true;
        }
    }
    for (int r = 0; r < pc->nroles; r++) {
        if (pc->roles[r].need <= 0)
            continue;
        row(M, GLP_FX, pc->roles[r].need);
        for (int k = 0; k < pc->roles[r].neligible; k++) {
            int q = tl_index(C, pc->roles[r].eligible[k]);
            if (q < 0 || C->y[q][r]) /* not a teacher, or listed twice */
                continue;
            C->y[q][r] = column(M, 0, true);
            entry(M, C->y[q][r], 1);
        }
    }
    C->v = arena_array(a, (size_t)C->nt + 1, sizeof(int));
    for (int q = 0; q < C->nt; q++) {
        bool all = true;
        for (int o = 0; o < pc->nopts; o++)
            all &= !C->x[o] || C->fit[q][o];
        if (all)
            continue;
        C->v[q] = column(M, 0, false);
        row(M, GLP_FX, 0);
        entry(M, C->v[q], 1);
        for (int o = 0; o < pc->nopts; o++)
            if (C->x[o] && C->fit[q][o])
                entry(M, C->x[o], -1);
    }
    for (int q = 0; q < C->nt; q++) { /* one slot each, and only with an option she fits */
        row(M, GLP_UP, 0);
        for (int r = 0; r < pc->nroles; r++)
            entry(M, C->y[q][r], 1);
        for (int o = 0; o < pc->nopts; o++)
            if (C->x[o] && C->fit[q][o])
                entry(M, C->x[o], -1);
    }
    return any;
}

/* Whether every option's days lie within its period, so that a limit of
 * one period at a time also keeps two of her cohorts off one day. */
static bool days_in_periods(const PlanProblem *P)
{
    for (int c = 0; c < P->ncohorts; c++)
        for (int o = 0; o < P->cohorts[c].nopts; o++) {
            const PlanOption *po = &P->cohorts[c].opts[o];
            if (po->ndays > 0 && (po->days[0] < po->first || po->days[po->ndays - 1] > po->last))
                return false;
        }
    return true;
}

/* What GLPK found. */
typedef struct Sol {
    int ret, status;     /* glp_intopt's return, glp_mip_status */
    double *val;         /* column values */
    double bound;        /* the best node's bound, as far as it was seen */
    bool bounded, proven; /* proven: stopped on an integral bound */
    const GlpkLib *G;
    jmp_buf jb;
} Sol;

/* The least integer penalty a bound computed in doubles proves: rounded
 * up, after allowing for GLPK's tolerances, which are relative (an LP
 * optimum of 10^6 may be off by far more than 10^-6), so that an option is
 * never dropped on rounding noise. */
static double least_proven(double b) { return ceil(b - 1e-6 * (1 + fabs(b))); }

static void on_error(void *info) { longjmp(*(jmp_buf *)info, 1); }

static int on_term(void *info, const char *s)
{
    (void)info, (void)s;
    return 1; /* nothing reaches a terminal */
}

static void on_tree(glp_tree *T, void *info)
{
    Sol *s = info;
    const GlpkLib *G = s->G;
    int r = G->ios_reason(T);
    if (r != GLP_ISELECT && r != GLP_IBINGO && r != GLP_IBRANCH)
        return;
    int p = G->ios_best_node(T);
    if (p == 0)
        return;
    double b = G->ios_node_bound(T, p);
    if (!s->bounded || b > s->bound)
        s->bound = b, s->bounded = true;
    glp_prob *lp = G->ios_get_prob(T);
    if (G->mip_status(lp) == GLP_FEAS && least_proven(s->bound) >= G->mip_obj_val(lp) - 0.5) {
        s->proven = true;
        G->ios_terminate(T);
    }
}

/* GLPK's problem for M, quiet, within its memory cap; the caller has set
 * the error hook. */
static glp_prob *load(const GlpkLib *G, const Model *M)
{
    G->term_hook(on_term, NULL);
    G->term_out(GLP_OFF);
    G->mem_limit(MIP_MEM_MB);
    glp_prob *lp = G->create_prob();
    G->set_obj_dir(lp, GLP_MIN);
    G->add_cols(lp, M->ncol);
    for (int j = 1; j <= M->ncol; j++) {
        G->set_col_kind(lp, j, M->bin[j] ? GLP_BV : GLP_CV);
        if (!M->bin[j])
            G->set_col_bnds(lp, j, GLP_DB, 0, 1);
        G->set_obj_coef(lp, j, M->obj[j]);
    }
    G->add_rows(lp, M->nrow);
    for (int i = 1; i <= M->nrow; i++)
        G->set_row_bnds(lp, i, M->rtype[i], M->rb[i], M->rb[i]);
    G->load_matrix(lp, M->ne, M->ia, M->ja, M->ar);
    return lp;
}

/* GLPK's time limit for what is left of `limit` seconds after `spent`:
 * INT_MAX (its default) when there is no limit, -1 when nothing is left. */
static int millis(double limit, double spent)
{
    if (limit <= 0)
        return INT_MAX;
    double left = (limit - spent) * 1000;
    return left < 1 ? -1 : left < 1e9 ? (int)left + 1 : 1000000000;
}

static void solve(const Model *M, double time_limit, Sol *s)
{
    const GlpkLib *G = s->G;
    s->ret = -1;
    if (setjmp(s->jb)) { /* GLPK's internal error: everything of it goes */
        G->free_env();
        s->ret = -1;
        return;
    }
    G->error_hook(on_error, &s->jb);
    glp_prob *lp = load(G, M);
    glp_iocp parm;
    G->init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    parm.clq_cuts = GLP_ON;
    parm.cb_func = on_tree;
    parm.cb_info = s;
    parm.tm_lim = millis(time_limit, 0) < 0 ? 1 : millis(time_limit, 0);
    s->ret = G->intopt(lp, &parm);
    s->status = G->mip_status(lp);
    if (s->status == GLP_OPT || s->status == GLP_FEAS)
        for (int j = 1; j <= M->ncol; j++)
            s->val[j] = G->mip_col_val(lp, j);
    G->delete_prob(lp);
    G->free_env();
}


/* Room for a plan of P in a: an option and a team per cohort. */
static void plan_room(const PlanProblem *P, Arena *a, PlanChoice *out)
{
    out->opt = arena_array(a, (size_t)P->ncohorts + 1, sizeof(int));
    out->team = arena_array(a, (size_t)P->ncohorts + 1, sizeof(int *));
    for (int c = 0; c < P->ncohorts; c++) {
        int slots = 0;
        for (int r = 0; r < P->cohorts[c].nroles; r++)
            slots += P->cohorts[c].roles[r].need > 0 ? P->cohorts[c].roles[r].need : 0;
        out->team[c] = arena_array(a, (size_t)slots + 1, sizeof(int));
    }
}

/* The plan in GLPK's solution: an option per cohort, each role's teachers
 * ascending (the contract's order within a role, tl being ascending). */
static void read_plan(const PlanProblem *P, const Coh *co, const Sol *s, PlanChoice *out)
{
    out->penalty = 0;
    for (int c = 0; c < P->ncohorts; c++) {
        const PlanCohort *pc = &P->cohorts[c];
        const Coh *C = &co[c];
        for (int o = 0; o < pc->nopts; o++)
            if (C->x[o] && s->val[C->x[o]] > 0.5)
                out->opt[c] = o, out->penalty += pc->opts[o].penalty;
        for (int r = 0, j = 0; r < pc->nroles; r++)
            for (int q = 0, k = 0; q < C->nt && k < pc->roles[r].need; q++)
                if (C->y[q][r] && s->val[C->y[q][r]] > 0.5)
                    out->team[c][j++] = C->tl[q], k++;
    }
}

/* The model of P (with no-goods for ex) into M and co; without `timed`,
 * none of the teachers' limits in time (a relaxation). PLAN_INFEASIBLE: a
 * cohort has no option with a team; PLAN_FEASIBLE: too large to solve;
 * PLAN_OPTIMAL: built. */
static PlanStatus build(Model *M, const PlanProblem *P, int *const *ex, int nex, bool timed, Arena *a, Coh **out)
{
    model_init(M, a);
    Coh *co = *out = arena_array(a, (size_t)P->ncohorts + 1, sizeof(Coh));
    double total = 0;
    for (int c = 0; c < P->ncohorts; c++) {
        if (!cohort(M, P, c, &co[c]))
            return PLAN_INFEASIBLE;
        for (int o = 0; o < P->cohorts[c].nopts; o++)
            total += fabs((double)P->cohorts[c].opts[o].penalty);
    }
    bool one_day = days_in_periods(P);
    int *ct = arena_array(a, (size_t)P->ncohorts + 1, sizeof(int));
    for (int t = 0; t < P->nteachers && !M->big; t++) {
        int nct = 0;
        for (int c = 0; c < P->ncohorts; c++)
            if (tl_index(&co[c], t) >= 0)
                ct[nct++] = c;
        if (!timed)
            break;
        teacher_periods(M, P, co, t, ct, nct);
        if (P->teachers[t].max_cohorts > 1 || !one_day)
            teacher_days(M, P, co, t, ct, nct);
    }
    for (int st = 0; st < P->nsites && !M->big; st++)
        site_rooms(M, P, co, st);
    for (int e = 0; e < nex; e++) { /* no-goods: not an earlier proposal's options again */
        row(M, GLP_UP, P->ncohorts - 1);
        for (int c = 0; c < P->ncohorts; c++)
            entry(M, co[c].x[ex[e][c]], 1);
    }
    /* doubles hold the penalties exactly only below 2^53 */
    return M->big || total > 9e15 ? PLAN_FEASIBLE : PLAN_OPTIMAL;
}

PlanStatus plan_mip_best(void *ctx, const PlanProblem *P, int *const *ex, int nex, double time_limit, Arena *a,
                         PlanChoice *out, int64_t *bound)
{
    const GlpkLib *G = ctx;
    memset(out, 0, sizeof *out);
    *bound = 0;
    PlanChoice plan;
    plan_room(P, a, &plan); /* before the mark: it outlives the model */
    ArenaMark mark = arena_mark(a);
    Model M;
    Coh *co;
    PlanStatus st = build(&M, P, ex, nex, true, a, &co);
    if (st != PLAN_OPTIMAL)
        goto done;
    st = PLAN_FEASIBLE;
    Sol *s = arena_alloc(a, sizeof *s);
    s->G = G;
    s->val = arena_array(a, (size_t)M.ncol + 1, sizeof(double));
    solve(&M, time_limit, s);
    bool have = s->ret >= 0 && (s->status == GLP_OPT || s->status == GLP_FEAS);
    if (s->ret == GLP_ENOPFS || (s->ret == 0 && s->status == GLP_NOFEAS))
        st = PLAN_INFEASIBLE;
    else if (have && ((s->ret == 0 && s->status == GLP_OPT) || s->proven))
        st = PLAN_OPTIMAL;
    *bound = s->bounded && s->bound > 0 ? (int64_t)least_proven(s->bound) : 0;
    if (have) {
        read_plan(P, co, s, &plan);
        *out = plan;
        if (st == PLAN_OPTIMAL)
            *bound = plan.penalty;
    }
done:
    arena_release(a, mark);
    return st;
}

/* ---- the LP relaxation, for ranking ---- */

typedef struct Relax {
    const GlpkLib *G;
    const PlanProblem *P;
    Model M;
    Coh *co;
    glp_prob *lp;
    jmp_buf jb;
} Relax;

/* GLPK's load under its error hook, in a function of its own: nothing
 * around the setjmp has locals that a longjmp could leave stale. */
static bool lp_load(Relax *R)
{
    const GlpkLib *G = R->G;
    if (setjmp(R->jb)) {
        G->free_env();
        return false;
    }
    G->error_hook(on_error, &R->jb);
    R->lp = load(G, &R->M);
    return true;
}

void *plan_mip_lp_open(void *ctx, const PlanProblem *P, Arena *a)
{
    Relax *R = arena_alloc(a, sizeof *R);
    R->G = ctx;
    R->P = P;
    if (build(&R->M, P, NULL, 0, false, a, &R->co) != PLAN_OPTIMAL)
        return NULL;
    return lp_load(R) ? R : NULL;
}

bool plan_mip_lp_cut(void *lp, const int *fixed, int c, int64_t target, int upto, double time_limit, bool *cut,
                     int64_t *bound)
{
    Relax *R = lp;
    if (!R || !R->lp)
        return false;
    const GlpkLib *G = R->G;
    if (setjmp(R->jb)) {
        G->free_env();
        R->lp = NULL;
        return false;
    }
    G->error_hook(on_error, &R->jb);
    const PlanProblem *P = R->P;
    for (int k = 0; k < P->ncohorts; k++)
        for (int o = 0; o < P->cohorts[k].nopts; o++)
            if (R->co[k].x[o]) {
                if (k < c)
                    G->set_col_bnds(R->lp, R->co[k].x[o], GLP_FX, o == fixed[k], o == fixed[k]);
                else
                    G->set_col_bnds(R->lp, R->co[k].x[o], GLP_DB, 0, 1);
            }
    glp_smcp parm;
    G->init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.meth = GLP_DUALP; /* the last basis stays dual feasible when bounds change */
    double start = G->time(); /* GLPK's own clock, in milliseconds */
    if ((parm.tm_lim = millis(time_limit, 0)) < 0)
        return false;
    int ret = G->simplex(R->lp, &parm);
    if (ret == GLP_EBADB || ret == GLP_ESING || ret == GLP_ECOND) { /* start again from scratch */
        G->std_basis(R->lp);
        ret = G->simplex(R->lp, &parm);
    }
    if (ret != 0 || G->get_status(R->lp) != GLP_OPT)
        return false;
    *bound = (int64_t)least_proven(G->get_obj_val(R->lp));
    plan_mip_lp_reduced(R, c, target, cut);
    /* The options before `upto` that are left are what the search would
     * have to rule out one by one: each gets an LP of its own. */
    for (int o = 0; o < upto && o < P->cohorts[c].nopts; o++) {
        int j = R->co[c].x[o];
        if (cut[o] || !j)
            continue;
        G->set_col_bnds(R->lp, j, GLP_FX, 1, 1);
        if ((parm.tm_lim = millis(time_limit, G->difftime(G->time(), start))) < 0)
            break;
        ret = G->simplex(R->lp, &parm);
        int st = G->get_status(R->lp);
        if (ret == 0 && (st == GLP_NOFEAS || (st == GLP_OPT && least_proven(G->get_obj_val(R->lp)) > (double)target)))
            cut[o] = true;
        G->set_col_bnds(R->lp, j, GLP_DB, 0, 1);
        if (ret == GLP_ETMLIM)
            break;
    }
    return true;
}

void plan_mip_lp_reduced(void *lp, int c, int64_t target, bool *cut)
{
    Relax *R = lp;
    const GlpkLib *G = R->G;
    /* An option left at 0 costs at least its reduced cost more than the
     * LP's optimum: the dual solution stays feasible with it at 1. */
    double z = G->get_obj_val(R->lp);
    for (int o = 0; o < R->P->cohorts[c].nopts; o++) {
        int j = R->co[c].x[o];
        double b = !j ? INFINITY : G->get_col_stat(R->lp, j) == GLP_NL ? z + G->get_col_dual(R->lp, j) : z;
        cut[o] = least_proven(b) > (double)target;
    }
}

void plan_mip_lp_close(void *lp)
{
    Relax *R = lp;
    if (!R || !R->lp)
        return;
    const GlpkLib *G = R->G;
    if (setjmp(R->jb)) {
        G->free_env();
        return;
    }
    G->error_hook(on_error, &R->jb);
    G->delete_prob(R->lp);
    G->free_env();
}
