/* icslib.c — libical opened at the point of use (icslib.h). */
#include "emit/icslib.h"

#include "base/dynlib.h"

#include <stddef.h>
#include <string.h>

#ifndef RAMME_LIBICAL
#define RAMME_LIBICAL "libical.so.3"
#endif

const char *icslib_name(void)
{
    return RAMME_LIBICAL;
}

bool icslib_open(IcsLib *L, char *why, size_t n)
{
#define ICSLIB_SYM(ret, name, params) {#name, offsetof(IcsLib, name)},
    static const DynSym syms[] = {ICSLIB_FUNCTIONS(ICSLIB_SYM)};
#undef ICSLIB_SYM
    return dynlib_open(RAMME_LIBICAL, syms, (int)(sizeof syms / sizeof *syms), L, sizeof *L, &L->handle, why, n);
}

void icslib_close(IcsLib *L)
{
    dynlib_close(L->handle);
    memset(L, 0, sizeof *L);
}
