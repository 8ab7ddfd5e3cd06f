/* compile.h — the front end's one entry point: a file in, a checked
 * Program out (or diagnostics). One arena per compilation. */
#ifndef RAMME_COMPILE_H
#define RAMME_COMPILE_H

#include "model/model.h"

typedef struct CompileOptions {
    const char **include; /* -I directories, searched first */
    int ninclude;
    size_t max_bytes;     /* largest source file; 0: LOAD_MAX_BYTES */
    size_t max_batch_bytes; /* largest main file of compile_batch; 0: LOAD_MAX_BATCH_BYTES */
} CompileOptions;

/* Compiles `path`. Never NULL; check diags->errors. Free with compile_free. */
Program *compile_file(const char *path, const CompileOptions *opt, SourceSet *ss, Diags *diags);
/* The same for in-memory source text (the CLI's `explain` uses it). */
Program *compile_text(const char *name, const char *text, const CompileOptions *opt, SourceSet *ss, Diags *diags);
/* The same for text of `len` bytes that may hold NUL bytes (an editor's
 * buffer): they are reported as `check` reports them in a file, not taken
 * for the end of the text. */
Program *compile_text_n(const char *name, const char *text, size_t len, const CompileOptions *opt, SourceSet *ss,
                        Diags *diags);
/* The one compilation all the above are: `text` NULL reads `path`. With a
 * batch_kind, the batch layer (batch.h) drives it through `hooks`. */
Program *compile_program(const char *path, const char *text, const char *batch_kind, const BatchHooks *hooks,
                         const CompileOptions *opt, SourceSet *ss, Diags *diags);
/* Every module on the stdlib search path, imported together (explain). */
Program *compile_all_modules(const CompileOptions *opt, SourceSet *ss, Diags *diags);
void compile_free(Program *p);

/* The top-level blocks of kind `kind` declared in the main file, in order:
 * sets *out to an array in the program's arena and returns how many. */
int compile_main_decls(const Program *p, const char *kind, Block ***out);

#endif
