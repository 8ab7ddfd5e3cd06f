/* load.c — files, imports and the stdlib search path. */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700
#include "load.h"
#include "batch.h"
#include "parse.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RAMME_SRC_STDLIB
#define RAMME_SRC_STDLIB ""
#endif
#ifndef RAMME_SHARE_DIR
#define RAMME_SHARE_DIR "/usr/local/share/ramme"
#endif

static bool is_dir(const char *path)
{
    struct stat st;
    return path[0] && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void add_dir(Program *p, const char *dir, size_t len)
{
    if (len == 0)
        return;
    const char **s = arena_grow(p->arena, (void *)p->search, (size_t)p->nsearch,
                                (size_t)p->nsearch + 1, sizeof *s);
    s[p->nsearch++] = arena_strndup(p->arena, dir, len);
    p->search = s;
}

void load_search_path(Program *p, const char **include_dirs, int ninclude)
{
    for (int i = 0; i < ninclude; i++)
        add_dir(p, include_dirs[i], strlen(include_dirs[i]));
    const char *env = getenv("RAMME_PATH");
    if (env) {
        const char *s = env;
        for (;;) {
            const char *colon = strchr(s, ':');
            size_t len = colon ? (size_t)(colon - s) : strlen(s);
            add_dir(p, s, len);
            if (!colon)
                break;
            s = colon + 1;
        }
    }
    /* A build that is not installed finds the stdlib of its own tree. */
    if (is_dir(RAMME_SRC_STDLIB))
        add_dir(p, RAMME_SRC_STDLIB, strlen(RAMME_SRC_STDLIB));
    add_dir(p, RAMME_SHARE_DIR, strlen(RAMME_SHARE_DIR));
}

typedef struct Loader {
    Program *p;
    LoadSet *out;
    int stack[LOAD_MAX_DEPTH + 1]; /* indices into out->files being loaded */
    int depth;
    bool main_next; /* the next file loaded is the main file */
    ParseKinds kinds; /* the kinds of declaration known so far (parse.h) */
} Loader;

static int find_loaded(LoadSet *ls, const char *real)
{
    for (int i = 0; i < ls->n; i++)
        if (strcmp(ls->files[i].real, real) == 0)
            return i;
    return -1;
}

static char *dir_of(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return arena_strdup(a, ".");
    if (slash == path)
        return arena_strdup(a, "/");
    return arena_strndup(a, path, (size_t)(slash - path));
}

/* Joins dir and a relative name for display: "./x" under "." is "x". */
static char *join(Arena *a, const char *dir, const char *name)
{
    while (name[0] == '.' && name[1] == '/')
        name += 2;
    if (strcmp(dir, ".") == 0)
        return arena_strdup(a, name);
    return arena_printf(a, "%s/%s", dir, name);
}

static int load_one(Loader *L, const char *path, bool stdlib, Span from, const char *text);

static void load_imports(Loader *L, int idx)
{
    Program *p = L->p;
    File *f = L->out->files[idx].file;
    const char *importer = p->sources->files[L->out->files[idx].source]->path;
    for (int i = 0; i < f->n; i++) {
        Decl *d = f->decls[i];
        if (d->kind != DECL_IMPORT)
            continue;
        const char *name = d->u.import.path;
        Span sp = d->u.import.path_span;
        if (name[0] == '\0') {
            diag_error(p->diags, sp, "empty import");
            continue;
        }
        bool relative = name[0] == '/' || strncmp(name, "./", 2) == 0 || strncmp(name, "../", 3) == 0;
        if (relative) {
            char *path = name[0] == '/' ? arena_strdup(p->arena, name)
                                        : join(p->arena, dir_of(p->arena, importer), name);
            load_one(L, path, L->out->files[idx].stdlib, sp, NULL);
            continue;
        }
        if (strchr(name, '/') || (strlen(name) > 6 && strcmp(name + strlen(name) - 6, ".ramme") == 0)) {
            diag_error(p->diags, sp, "'%s' is not a module name", name);
            diag_help(p->diags, "a file next to this one is imported as \"./%s\"; a standard module by its name, as \"national\"",
                      name);
            continue;
        }
        bool found = false;
        for (int k = 0; k < p->nsearch && !found; k++) {
            char *path = arena_printf(p->arena, "%s/%s.ramme", p->search[k], name);
            if (access(path, R_OK) == 0) {
                load_one(L, path, true, sp, NULL);
                found = true;
            }
        }
        if (found)
            continue;
        diag_error(p->diags, sp, "cannot find module '%s'", name);
        /* Did you mean one of the modules on the path? */
        const char *cands[128];
        int nc = 0;
        for (int k = 0; k < p->nsearch; k++) {
            DIR *dir = opendir(p->search[k]);
            if (!dir)
                continue;
            struct dirent *de;
            while ((de = readdir(dir)) && nc < 128) {
                size_t len = strlen(de->d_name);
                if (len > 6 && strcmp(de->d_name + len - 6, ".ramme") == 0)
                    cands[nc++] = arena_strndup(p->arena, de->d_name, len - 6);
            }
            closedir(dir);
        }
        const char *s = model_suggest(name, cands, nc);
        if (s)
            diag_help(p->diags, "did you mean '%s'?", s);
        else
            diag_note(p->diags, span_none(), "searched %d director%s: -I, RAMME_PATH and the standard library",
                      p->nsearch, p->nsearch == 1 ? "y" : "ies");
    }
}

/* Returns the LoadSet index, or -1. */
static int load_one(Loader *L, const char *path, bool stdlib, Span from, const char *text)
{
    Program *p = L->p;
    bool is_main = L->main_next;
    L->main_next = false;
    char real[PATH_MAX];
    if (text) {
        snprintf(real, sizeof real, "<%s>", path);
    } else if (!realpath(path, real)) {
        if (from.file >= 0)
            diag_error(p->diags, from, "cannot read '%s': %s", path, strerror(errno));
        else
            diag_error_file(p->diags, path, "cannot read it: %s", strerror(errno));
        return -1;
    }
    /* A file on the stack of files being loaded: a cycle. */
    for (int i = 0; i < L->depth; i++) {
        if (strcmp(L->out->files[L->stack[i]].real, real) != 0)
            continue;
        diag_error(p->diags, from, "import cycle");
        for (int k = i; k < L->depth; k++) {
            const char *a = p->sources->files[L->out->files[L->stack[k]].source]->path;
            const char *b = k + 1 < L->depth ? p->sources->files[L->out->files[L->stack[k + 1]].source]->path
                                             : p->sources->files[L->out->files[L->stack[i]].source]->path;
            diag_note(p->diags, span_none(), "%s imports %s", a, b);
        }
        return -1;
    }
    int have = find_loaded(L->out, real);
    if (have >= 0)
        return have;
    if (L->depth >= LOAD_MAX_DEPTH) {
        diag_error(p->diags, from, "imports nest deeper than %d files", LOAD_MAX_DEPTH);
        return -1;
    }
    size_t limit = is_main && p->batch_kind ? p->max_batch_bytes : p->max_bytes;
    int src = text ? src_add(p->sources, path, text, strlen(text)) : src_read(p->sources, path, limit);
    if (src == -2) {
        if (from.file >= 0)
            diag_error(p->diags, from, "'%s' is larger than %zu MiB", path, limit >> 20);
        else
            diag_error_file(p->diags, path, "the file is larger than %zu MiB", limit >> 20);
        return -1;
    }
    if (src < 0) {
        if (from.file >= 0)
            diag_error(p->diags, from, "cannot read '%s': %s", path, strerror(errno));
        else
            diag_error_file(p->diags, path, "cannot read it: %s", strerror(errno));
        return -1;
    }
    if (!text && is_dir(path)) {
        diag_error(p->diags, from, "'%s' is a directory", path);
        return -1;
    }
    L->kinds.unknown = 0;
    File *f = is_main && p->batch_kind ? batch_split(p, src, &L->kinds)
                                       : parse_file_kinds(p->arena, p->diags, p->sources, src, &L->kinds);

    LoadSet *ls = L->out;
    if (ls->n == ls->cap) {
        int cap = ls->cap ? ls->cap * 2 : 16;
        Loaded *nf = realloc(ls->files, (size_t)cap * sizeof *nf);
        if (!nf)
            arena_oom();
        ls->files = nf;
        ls->cap = cap;
    }
    int idx = ls->n++;
    ls->files[idx] = (Loaded){src, f, strdup(real), stdlib};
    if (!ls->files[idx].real)
        arena_oom();

    L->stack[L->depth++] = idx;
    load_imports(L, idx);
    /* Declarations of unknown kinds were dropped past the error cap, and
     * the imports (or the file's own schemas) brought kinds since: some of
     * them may be known after all. Once more, with every kind known now;
     * what is dropped then is unknown for certain (parse.h, ParseKinds). */
    if (f->dropped && L->kinds.n > f->kinds_at_drop) {
        if (is_main && p->batch_kind) {
            batch_free(p);
            p->batch = NULL; /* batch_split sets it again when it finds the layout */
        }
        L->kinds.unknown = 0;
        f = is_main && p->batch_kind ? batch_split(p, src, &L->kinds)
                                     : parse_file_kinds(p->arena, p->diags, p->sources, src, &L->kinds);
        ls->files[idx].file = f;
        load_imports(L, idx);
    }
    L->depth--;
    return idx;
}

static bool load_main(Program *p, const char *path, const char *text, LoadSet *out)
{
    memset(out, 0, sizeof *out);
    Loader L = {p, out, {0}, 0, false, {NULL, 0, 0, 0}};
    /* The prelude first: the schemas, enums, consistency and dk. */
    bool prelude = false;
    for (int k = 0; k < p->nsearch && !prelude; k++) {
        char *pp = arena_printf(p->arena, "%s/prelude.ramme", p->search[k]);
        if (access(pp, R_OK) == 0) {
            load_one(&L, pp, true, span_none(), NULL);
            prelude = true;
        }
    }
    if (!prelude) {
        diag_error(p->diags, span_none(), "cannot find the standard library (prelude.ramme)");
        diag_help(p->diags, "set RAMME_PATH or pass -I DIR to the directory that holds prelude.ramme");
    }
    if (!text && is_dir(path)) {
        diag_error_file(p->diags, path, "this is a directory, not a ramme file");
        return false;
    }
    int before = out->n;
    L.main_next = true;
    int idx = load_one(&L, path, false, span_none(), text);
    if (idx < 0)
        return false;
    /* The main file may already have been loaded as a dependency (never
     * in practice, but a user may check a stdlib file). */
    p->main_file = out->files[idx].source;
    (void)before;
    return true;
}

bool load_program(Program *p, const char *path, LoadSet *out)
{
    return load_main(p, path, NULL, out);
}

bool load_program_text(Program *p, const char *name, const char *text, LoadSet *out)
{
    return load_main(p, name, text, out);
}

void load_free(LoadSet *ls)
{
    for (int i = 0; i < ls->n; i++)
        free(ls->files[i].real);
    free(ls->files);
    memset(ls, 0, sizeof *ls);
}
