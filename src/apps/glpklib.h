/* glpklib.h — GLPK, loaded when `ramme plan` solves and not before.
 * Linking it would make every command pay for it at start-up: GLPK and
 * what it drags in (GMP, zlib, libltdl, AMD, COLAMD, SuiteSparse's config:
 * seven shared objects) cost a small `check` about 0.5 ms of its 2.4 ms
 * (issue 20). So the binary does not name it: the planner (apps/plan.c)
 * opens it with dlopen (base/dynlib.h) and plan_mip.c calls it through this
 * table; a machine without it plans with the search alone and is told so.
 *
 * The types are GLPK's own (its header at build time), so a call through
 * the table is checked as a direct call would be. */
#ifndef RAMME_GLPKLIB_H
#define RAMME_GLPKLIB_H

#include <glpk.h>
#include <stdbool.h>
#include <stddef.h>

/* Every GLPK function plan_mip.c calls: X(return type, name less its glp_
 * prefix, parameters). */
#define GLPKLIB_FUNCTIONS(X)                                                                   \
    X(int, add_cols, (glp_prob * P, int ncs))                                                  \
    X(int, add_rows, (glp_prob * P, int nrs))                                                  \
    X(glp_prob *, create_prob, (void))                                                         \
    X(void, delete_prob, (glp_prob * P))                                                       \
    X(double, difftime, (double t1, double t0))                                                \
    X(void, error_hook, (void (*func)(void *info), void *info))                                \
    X(int, free_env, (void))                                                                   \
    X(double, get_col_dual, (glp_prob * P, int j))                                             \
    X(int, get_col_stat, (glp_prob * P, int j))                                                \
    X(double, get_obj_val, (glp_prob * P))                                                     \
    X(int, get_status, (glp_prob * P))                                                         \
    X(void, init_iocp, (glp_iocp * parm))                                                      \
    X(void, init_smcp, (glp_smcp * parm))                                                      \
    X(int, intopt, (glp_prob * P, const glp_iocp *parm))                                       \
    X(int, ios_best_node, (glp_tree * T))                                                      \
    X(glp_prob *, ios_get_prob, (glp_tree * T))                                                \
    X(double, ios_node_bound, (glp_tree * T, int p))                                           \
    X(int, ios_reason, (glp_tree * T))                                                         \
    X(void, ios_terminate, (glp_tree * T))                                                     \
    X(void, load_matrix, (glp_prob * P, int ne, const int ia[], const int ja[], const double ar[])) \
    X(void, mem_limit, (int limit))                                                            \
    X(double, mip_col_val, (glp_prob * P, int j))                                              \
    X(double, mip_obj_val, (glp_prob * P))                                                     \
    X(int, mip_status, (glp_prob * P))                                                         \
    X(void, set_col_bnds, (glp_prob * P, int j, int type, double lb, double ub))               \
    X(void, set_col_kind, (glp_prob * P, int j, int kind))                                     \
    X(void, set_obj_coef, (glp_prob * P, int j, double coef))                                  \
    X(void, set_obj_dir, (glp_prob * P, int dir))                                              \
    X(void, set_row_bnds, (glp_prob * P, int i, int type, double lb, double ub))               \
    X(int, simplex, (glp_prob * P, const glp_smcp *parm))                                      \
    X(void, std_basis, (glp_prob * P))                                                         \
    X(void, term_hook, (int (*func)(void *info, const char *s), void *info))                  \
    X(int, term_out, (int flag))                                                               \
    X(double, time, (void))

#define GLPKLIB_FIELD(ret, name, params) ret(*name) params;
typedef struct GlpkLib {
    void *handle;
    GLPKLIB_FUNCTIONS(GLPKLIB_FIELD)
} GlpkLib;
#undef GLPKLIB_FIELD

/* The shared object opened: its soname at build time (RAMME_LIBGLPK, set
 * by the Makefile from the GLPK it compiled against). */
const char *glpklib_name(void);

/* Opens GLPK and fills `G`. False when it cannot be loaded or lacks a
 * function; then `why` (a buffer of `n` bytes) holds the loader's reason
 * and `G` is zero. */
bool glpklib_open(GlpkLib *G, char *why, size_t n);
void glpklib_close(GlpkLib *G);

#endif
