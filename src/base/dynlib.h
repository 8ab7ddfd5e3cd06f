/* dynlib.h — a shared library opened at the point of use, its functions
 * read into a table. A library only one command needs (libical for
 * iCalendar files, GLPK for planning) is not linked: linking makes every
 * command's start-up map and relocate it and all it drags in (issue 20).
 * Each user declares its functions once as an X-macro list (emit/icslib.h,
 * apps/glpklib.h): the list makes the table's typed fields and the names
 * this loader looks up, so a call through the table is checked as a direct
 * call would be. */
#ifndef RAMME_DYNLIB_H
#define RAMME_DYNLIB_H

#include <stdbool.h>
#include <stddef.h>

/* A function to look up: its name and where its pointer goes in the table. */
typedef struct DynSym {
    const char *name;
    size_t offset;
} DynSym;

/* Opens `soname` and writes each of syms[0 … n-1] into `table` (a struct
 * of function pointers, `size` bytes, zeroed first) at its offset; the
 * handle into *handle (which may lie in the table). False when the library
 * cannot be loaded or lacks a function: then nothing stays open, the table
 * is zero, and `why` (`nwhy` bytes) holds the loader's reason. The library
 * stays mapped once loaded (RTLD_NODELETE: libical's ICU and GLPK keep
 * state they clean up at exit), so opening again is cheap. */
bool dynlib_open(const char *soname, const DynSym *syms, int n, void *table, size_t size, void **handle, char *why,
                 size_t nwhy);
void dynlib_close(void *handle);

#endif
