/* dynlib.c — a shared library's functions read into a table (dynlib.h). */
#include "base/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

bool dynlib_open(const char *soname, const DynSym *syms, int n, void *table, size_t size, void **handle, char *why,
                 size_t nwhy)
{
    memset(table, 0, size);
    *handle = NULL;
    /* RTLD_LOCAL: the library's symbols stay out of the program's scope. */
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!h) {
        const char *e = dlerror();
        snprintf(why, nwhy, "%s", e ? e : soname);
        return false;
    }
    for (int i = 0; i < n; i++) {
        void *sym = dlsym(h, syms[i].name);
        if (!sym) {
            const char *e = dlerror();
            snprintf(why, nwhy, "%s", e ? e : syms[i].name);
            dlclose(h);
            memset(table, 0, size); /* none of a half-read table */
            return false;
        }
        /* dlsym gives an object pointer; ISO C has no cast to a function
         * pointer, so its bytes are copied, as POSIX's dlsym page does. */
        void (*fn)(void);
        _Static_assert(sizeof fn == sizeof sym, "a function pointer is as wide as an object pointer (POSIX)");
        memcpy(&fn, &sym, sizeof fn);
        memcpy((char *)table + syms[i].offset, &fn, sizeof fn);
    }
    *handle = h;
    return true;
}

void dynlib_close(void *handle)
{
    if (handle)
        dlclose(handle);
}
