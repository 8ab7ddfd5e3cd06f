/* glpklib.c — GLPK opened at the point of use (glpklib.h). */
#include "apps/glpklib.h"

#include "base/dynlib.h"

#include <string.h>

#ifndef RAMME_LIBGLPK
#define RAMME_LIBGLPK "libglpk.so.40"
#endif

const char *glpklib_name(void)
{
    return RAMME_LIBGLPK;
}

bool glpklib_open(GlpkLib *G, char *why, size_t n)
{
#define GLPKLIB_SYM(ret, name, params) {"glp_" #name, offsetof(GlpkLib, name)},
    static const DynSym syms[] = {GLPKLIB_FUNCTIONS(GLPKLIB_SYM)};
#undef GLPKLIB_SYM
    return dynlib_open(RAMME_LIBGLPK, syms, (int)(sizeof syms / sizeof *syms), G, sizeof *G, &G->handle, why, n);
}

void glpklib_close(GlpkLib *G)
{
    dynlib_close(G->handle);
    memset(G, 0, sizeof *G);
}
