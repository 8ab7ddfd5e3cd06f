/* load.h — reading a file and everything it imports, prelude first.
 * Imports name a stdlib module ("national": searched along the path) or a
 * file relative to the importer ("./local.ramme"). Each file is read once;
 * a cycle is an error that names the whole chain. */
#ifndef RAMME_LOAD_H
#define RAMME_LOAD_H

#include "model/model.h"

/* Import chains deeper than this are an error (LANGUAGE.md hardening). */
#define LOAD_MAX_DEPTH 64
/* Source files larger than this are refused with an error (a batch file of
 * 100,000 courses is about 140 MB). CompileOptions.max_bytes overrides it. */
#define LOAD_MAX_BYTES ((size_t)256 * 1024 * 1024)
/* A main file read declaration by declaration (batch.h) is mapped, not
 * held as one tree: it may be up to 2 GiB (lines and columns are ints, a
 * Span's offsets 32 bits). */
#define LOAD_MAX_BATCH_BYTES ((size_t)2047 * 1024 * 1024)
/* No source, whatever CompileOptions say, is larger than a Span can point into. */
#define LOAD_MAX_ANY_BYTES ((size_t)INT32_MAX)

typedef struct Loaded {
    int source;     /* index in the SourceSet */
    File *file;     /* parsed syntax tree */
    char *real;     /* realpath, to read each file once */
    bool stdlib;    /* found on the search path */
} Loaded;

typedef struct LoadSet {
    Loaded *files;  /* in dependency order: a file after what it imports */
    int n, cap;
} LoadSet;

/* Loads the prelude, then `path` and its imports. Returns false when the
 * main file cannot be read at all (the error is in p->diags). */
bool load_program(Program *p, const char *path, LoadSet *out);
/* The same for in-memory text named `name` (relative imports resolve
 * against the current directory). */
bool load_program_text(Program *p, const char *name, const char *text, LoadSet *out);
void load_free(LoadSet *ls);

/* Builds the search path: -I dirs, RAMME_PATH, the source tree's stdlib,
 * the installed share dir. Strings are copied into p's arena. */
void load_search_path(Program *p, const char **include_dirs, int ninclude);

#endif
