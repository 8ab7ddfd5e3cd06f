/* icslib.c — libical opened at the point of use (icslib.h). */
#include "emit/icslib.h"

#include <dlfcn.h>
#include <stdio.h>
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
    memset(L, 0, sizeof *L);
    /* RTLD_NODELETE: libical and ICU are never unmapped once loaded (ICU
     * keeps state it cleans up at exit), so a second open finds them in
     * place; RTLD_LOCAL: their symbols stay out of the program's scope. */
    L->handle = dlopen(RAMME_LIBICAL, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!L->handle) {
        const char *e = dlerror();
        snprintf(why, n, "%s", e ? e : RAMME_LIBICAL);
        return false;
    }
    /* dlsym gives an object pointer; ISO C has no cast to a function
     * pointer, so its bytes are copied, as POSIX's dlsym page does. */
#define ICSLIB_LOAD(ret, name, params)                                                          \
    {                                                                                          \
        void *sym = dlsym(L->handle, #name);                                                   \
        if (!sym) {                                                                            \
            const char *e = dlerror();                                                         \
            snprintf(why, n, "%s", e ? e : #name);                                             \
            icslib_close(L);                                                                   \
            return false;                                                                      \
        }                                                                                      \
        memcpy(&L->name, &sym, sizeof L->name);                                                \
    }
    ICSLIB_FUNCTIONS(ICSLIB_LOAD)
#undef ICSLIB_LOAD
    return true;
}

void icslib_close(IcsLib *L)
{
    if (L->handle)
        dlclose(L->handle);
    memset(L, 0, sizeof *L);
}
