/* load.c — files, imports and the stdlib search path. */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700
#include "model/load.h"
#include "base/i18n.h"
#include "front/parse.h"

#include <jansson.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
    const char **s = arena_push(p->arena, (void *)p->search, (size_t)p->nsearch, sizeof *s);
    s[p->nsearch++] = arena_strndup(p->arena, dir, len);
    p->search = s;
}

/* A directory anyone else can write to could hold a planted national.ramme:
 * refused, as ssh refuses such a ~/.ssh. World-writable is refused whoever
 * owns it (a sticky bit does not stop new files); group-writable only when
 * the directory is not the user's own (nor root's). */
static const char *unsafe_dir(const struct stat *st)
{
    if (st->st_mode & S_IWOTH)
        return _("every user can write to it");
    if ((st->st_mode & S_IWGRP) && st->st_uid != geteuid() && st->st_uid != 0)
        return _("its group can write to it and it is not yours");
    return NULL;
}

/* Adds a user's directory (-I or RAMME_PATH) after checking it is safe to
 * read frameworks from; `what` names where it came from. */
static void add_user_dir(Program *p, const char *dir, size_t len, const char *what)
{
    if (len == 0)
        return;
    char *d = arena_strndup(p->arena, dir, len);
    struct stat st;
    if (stat(d, &st) == 0 && S_ISDIR(st.st_mode)) {
        const char *why = unsafe_dir(&st);
        if (why) {
            diag_error(p->diags, span_none(), _("the %s directory '%s' is not used: %s, so anyone could replace a "
                       "framework there"), what, d, why);
            diag_help(p->diags, _("remove write access for others (chmod o-w,g-w '%s') or use a directory of your own"),
                      d);
            return;
        }
    }
    add_dir(p, d, len);
}

/* `real` lies below `dir` (both resolved paths). */
static bool is_below(const char *real, const char *dir)
{
    size_t n = strlen(dir);
    if (strncmp(real, dir, n) != 0)
        return false;
    return real[n] == '/' || (n > 0 && dir[n - 1] == '/');
}

/* The running program lies in the source tree it was built from (build/,
 * build-san/, the unit tests), not where `make install` or a package put it.
 * Judged by /proc/self/exe; without /proc, a tree that still exists counts. */
static bool runs_from_tree(void)
{
    char tree[PATH_MAX], exe[PATH_MAX];
    if (!is_dir(RAMME_SRC_STDLIB) || !realpath(RAMME_SRC_STDLIB, tree))
        return false;
    char *slash = strrchr(tree, '/');
    if (slash && slash != tree)
        *slash = '\0'; /* the tree: the stdlib's parent */
    return !realpath("/proc/self/exe", exe) || is_below(exe, tree);
}

void load_search_path(Program *p, const char **include_dirs, int ninclude)
{
    for (int i = 0; i < ninclude; i++)
        add_user_dir(p, include_dirs[i], strlen(include_dirs[i]), "-I");
    const char *env = getenv("RAMME_PATH");
    if (env) {
        const char *s = env;
        for (;;) {
            const char *colon = strchr(s, ':');
            size_t len = colon ? (size_t)(colon - s) : strlen(s);
            /* A relative entry means a different directory wherever ramme
             * is started: a folder of shared files could then supply the
             * frameworks. Only absolute entries are used. */
            if (len > 0 && s[0] != '/') {
                diag_warning(p->diags, span_none(), _("the RAMME_PATH entry '%.*s' is not used: it is a relative path"),
                             (int)len, s);
                diag_help(p->diags, _("write RAMME_PATH entries as absolute paths (starting with '/')"));
            } else {
                add_user_dir(p, s, len, "RAMME_PATH");
            }
            if (!colon)
                break;
            s = colon + 1;
        }
    }
    p->nsearch_user = p->nsearch;
    /* A build that is not installed finds the stdlib of its own tree; an
     * installed ramme uses its own share directory only, even while the
     * tree it was built in still exists. */
    if (runs_from_tree())
        add_dir(p, RAMME_SRC_STDLIB, strlen(RAMME_SRC_STDLIB));
    add_dir(p, RAMME_SHARE_DIR, strlen(RAMME_SHARE_DIR));
}

typedef struct Loader {
    Program *p;
    LoadSet *out;
    int stack[LOAD_MAX_DEPTH + 1]; /* indices into out->files being loaded */
    int depth;
    bool main_next; /* the next file loaded is the main file */
    const char **roots; /* resolved directories an import may read below: the
                           main file's, then the search path's (arena) */
    int nroots;
    json_t *loaded;     /* resolved path -> LoadSet index */
    ParseKinds kinds;   /* the kinds of declaration known so far (parse.h) */
} Loader;


static void add_root(Loader *L, const char *dir)
{
    char real[PATH_MAX];
    if (!realpath(dir, real))
        return;
    Program *p = L->p;
    const char **r = arena_push(p->arena, (void *)L->roots, (size_t)L->nroots, sizeof *r);
    r[L->nroots++] = arena_strdup(p->arena, real);
    L->roots = r;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* What kind of data file the text is, when it is not ramme source: an
 * applicant list given where a course goes ("ramme check ansøgere.csv", or
 * admit's arguments swapped). Judged by the name and the first line only: a
 * ramme file never starts with '[' or '{', nor with a word or a quoted string
 * followed at once by ',', ';' or a tab. NULL for anything else. */
static const char *data_kind(const char *path, const char *t, size_t len)
{
    /* Marked here, translated where returned: the message reads whole in Danish. */
    static const char *const ext[][2] = {{".csv", N_("a CSV file")},        {".tsv", N_("a CSV file")},
                                         {".json", N_("a JSON file")},      {".xlsx", N_("a spreadsheet")},
                                         {".xls", N_("a spreadsheet")},     {".ods", N_("a spreadsheet")}};
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t n = strlen(path), m = strlen(ext[i][0]);
        if (n > m && strncasecmp(path + n - m, ext[i][0], m) == 0)
            return _(ext[i][1]);
    }
    size_t i = 0;
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n'))
        i++;
    if (i < len && (t[i] == '[' || t[i] == '{'))
        return _("a JSON file");
    if (len - i >= 5 && strncmp(t + i, "sep=", 4) == 0)
        return _("a CSV file");
    if (i < len && t[i] == '"') {
        for (i++; i < len && t[i] != '"' && t[i] != '\n'; i++)
            ;
        if (i >= len || t[i] != '"')
            return NULL;
        i++;
    } else {
        size_t start = i;
        while (i < len && !strchr(" \t\r\n,;\"{}()#", t[i]))
            i++;
        if (i == start)
            return NULL;
    }
    while (i < len && t[i] == ' ')
        i++;
    if (i >= len)
        return NULL;
    if (t[i] == ',' || t[i] == '\t')
        return _("a CSV file");
    if (t[i] == ';') {
        /* "course;" ends an entry; "id;birth_date" is a header. */
        for (i++; i < len && t[i] == ' '; i++)
            ;
        if (i < len && t[i] != '\r' && t[i] != '\n' && t[i] != '#')
            return _("a CSV file");
    }
    return NULL;
}

/* The LoadSet index of the file with that resolved path, or -1: a hash
 * lookup, so importing n files stays linear. A path need not be UTF-8, so
 * keys are stored with jansson's _nocheck (get does not check). */
static int find_loaded(const Loader *L, const char *real)
{
    json_t *v = json_object_get(L->loaded, real);
    return v ? (int)json_integer_value(v) : -1;
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

/* A module found in a -I or RAMME_PATH directory (search entry k) that the
 * standard library also has replaces it: a warning naming both files, so a
 * planted national.ramme cannot pass a failing course in silence. */
static void warn_shadow(Program *p, int k, const char *name, const char *path, Span at)
{
    for (int j = p->nsearch_user; k < p->nsearch_user && j < p->nsearch; j++) {
        char *std = arena_printf(p->arena, "%s/%s.ramme", p->search[j], name);
        char a[PATH_MAX], b[PATH_MAX];
        if (!realpath(std, b))
            continue;
        /* -I naming the standard library itself replaces nothing. */
        if (realpath(path, a) && strcmp(a, b) == 0)
            return;
        diag_warning(p->diags, at, _("the module '%s' is read from '%s', not from the standard library"), name, path);
        diag_note(p->diags, span_none(), _("it replaces '%s'"), std);
        diag_help(p->diags, _("if that is not meant, remove its directory from -I or RAMME_PATH"));
        return;
    }
}

static int load_one(Loader *L, const char *path, bool stdlib, Span from, const char *text);

/* A module found in the standard library (a search directory after the
 * -I and RAMME_PATH ones) is named in reports by its file name,
 * "national.ramme", not by where this machine keeps it. `idx` is
 * load_one's result. */
static void show_standard(Loader *L, int idx, int k, const char *file)
{
    if (idx >= 0 && k >= L->p->nsearch_user)
        src_set_shown(L->p->sources, L->out->files[idx].source, file);
}

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
            diag_error(p->diags, sp, _("empty import"));
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
            diag_error(p->diags, sp, _("'%s' is not a module name"), name);
            diag_help(p->diags, _("a file next to this one is imported as \"./%s\"; a standard module by its name, as \"national\""),
                      name);
            continue;
        }
        bool found = false;
        for (int k = 0; k < p->nsearch && !found; k++) {
            char *path = arena_printf(p->arena, "%s/%s.ramme", p->search[k], name);
            if (access(path, F_OK) == 0) {
                warn_shadow(p, k, name, path, sp);
                show_standard(L, load_one(L, path, true, sp, NULL), k, arena_printf(p->arena, "%s.ramme", name));
                found = true;
            }
        }
        if (found)
            continue;
        diag_error(p->diags, sp, _("cannot find module '%s'"), name);
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
            diag_suggest(p->diags, s);
        else
            diag_note(p->diags, span_none(), P_("searched %d directory (from -I, RAMME_PATH and the standard library)",
                         "searched %d directories (from -I, RAMME_PATH and the standard library)",
                         (unsigned long)p->nsearch),
                      p->nsearch);
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
            diag_error(p->diags, from, _("cannot read '%s': %s"), path, strerror(errno));
        else
            diag_error_file(p->diags, path, _("cannot read it: %s"), strerror(errno));
        return -1;
    }
    /* A file on the stack of files being loaded: a cycle. */
    for (int i = 0; i < L->depth; i++) {
        if (strcmp(L->out->files[L->stack[i]].real, real) != 0)
            continue;
        diag_error(p->diags, from, _("import cycle"));
        for (int k = i; k < L->depth; k++) {
            const char *a = p->sources->files[L->out->files[L->stack[k]].source]->path;
            const char *b = k + 1 < L->depth ? p->sources->files[L->out->files[L->stack[k + 1]].source]->path
                                             : p->sources->files[L->out->files[L->stack[i]].source]->path;
            diag_note(p->diags, span_none(), _("%s imports %s"), a, b);
        }
        return -1;
    }
    int have = find_loaded(L, real);
    if (have >= 0)
        return have;
    if (L->depth >= LOAD_MAX_DEPTH) {
        diag_error(p->diags, from, _("imports nest deeper than %d files"), LOAD_MAX_DEPTH);
        return -1;
    }
    /* An import (and the prelude) is read only if it is a regular .ramme file
     * below the main file's directory, a -I directory or the standard
     * library: a course written by someone else must not make ramme read, and
     * quote in its errors, a key, a password file or /proc/self/environ. The
     * messages name the import as written and quote nothing of the target. */
    if (!is_main && !text) {
        const char *why = NULL;
        if (!ends_with(real, ".ramme"))
            why = "an import names a .ramme file";
        bool inside = false;
        for (int i = 0; i < L->nroots && !inside; i++)
            inside = is_below(real, L->roots[i]);
        if (!why && !inside)
            why = "it is outside the course's folder, the -I directories and the standard library";
        if (why) {
            diag_error(p->diags, from, _("cannot import '%s': %s"), path, why);
            if (inside || ends_with(real, ".ramme"))
                diag_help(p->diags, _("copy the file into the course's folder, or name its folder with -I DIR"));
            return -1;
        }
    }
    size_t limit = is_main && p->batch_kind ? p->max_batch_bytes : p->max_bytes;
    int src = text ? src_add(p->sources, path, text, is_main && p->main_text_len ? p->main_text_len : strlen(text))
              : is_main ? src_read(p->sources, path, limit)
                        : src_read_regular(p->sources, path, real, limit);
    if (src == -3) {
        diag_error(p->diags, from, _("cannot import '%s': it is not a regular file"), path);
        return -1;
    }
    if (src == -2) {
        if (from.file >= 0)
            diag_error(p->diags, from, _("'%s' is larger than %zu MiB"), path, limit >> 20);
        else
            diag_error_file(p->diags, path, _("the file is larger than %zu MiB"), limit >> 20);
        return -1;
    }
    if (src < 0) {
        if (from.file >= 0)
            diag_error(p->diags, from, _("cannot read '%s': %s"), path, strerror(errno));
        else
            diag_error_file(p->diags, path, _("cannot read it: %s"), strerror(errno));
        return -1;
    }
    if (!text && is_dir(path)) {
        diag_error(p->diags, from, _("'%s' is a directory"), path);
        return -1;
    }
    Source *source = p->sources->files[src];
    source->imported_at = from;
    const char *kind = data_kind(path, source->text, source->len);
    if (kind) {
        /* Likely an applicant file: it is never quoted, and never parsed
         * (each line would be a syntax error showing a record). */
        source->private_text = true;
        if (from.file >= 0)
            diag_error(p->diags, from, _("cannot import '%s': it looks like %s, not ramme source"), path, kind);
        else
            diag_error_file(p->diags, path, _("this is not a ramme file: it looks like %s"), kind);
        diag_help(p->diags, _("ramme reads course designs (.ramme files); an applicant list is screened with "
                            "'ramme admit COURSE.ramme --applicants FILE'"));
        return -1;
    }
    L->kinds.unknown = 0;
    File *f = is_main && p->batch_hooks ? p->batch_hooks->split(p, src, &L->kinds)
                                       : parse_file_kinds(p->arena, p->diags, p->sources, src, &L->kinds);

    LoadSet *ls = L->out;
    ls->files = heap_push(ls->files, &ls->cap, ls->n, sizeof *ls->files);
    int idx = ls->n++;
    ls->files[idx] = (Loaded){src, f, strdup(real), stdlib};
    if (!ls->files[idx].real || json_object_set_new_nocheck(L->loaded, real, json_integer(idx)) != 0)
        arena_oom();

    L->stack[L->depth++] = idx;
    load_imports(L, idx);
    /* Declarations of unknown kinds were dropped past the error cap, and
     * the imports (or the file's own schemas) brought kinds since: some of
     * them may be known after all. Once more, with every kind known now;
     * what is dropped then is unknown for certain (parse.h, ParseKinds). */
    if (f->dropped && L->kinds.n > f->kinds_at_drop) {
        if (is_main && p->batch_hooks) {
            p->batch_hooks->release(p);
            p->batch = NULL; /* batch_split sets it again when it finds the layout */
        }
        L->kinds.unknown = 0;
        f = is_main && p->batch_hooks ? p->batch_hooks->split(p, src, &L->kinds)
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
    Loader L;
    memset(&L, 0, sizeof L);
    L.p = p;
    L.out = out;
    L.loaded = json_object();
    if (!L.loaded)
        arena_oom();
    /* In-memory text is named by its file too (the language server's open
     * document): its imports may read below that file's directory, as
     * when the file is read from disk. A bare name ("stdlib") gives ".". */
    add_root(&L, dir_of(p->arena, path));
    for (int k = 0; k < p->nsearch; k++)
        add_root(&L, p->search[k]);
    /* The prelude first: the schemas, enums, consistency and dk. */
    bool prelude = false;
    for (int k = 0; k < p->nsearch && !prelude; k++) {
        char *pp = arena_printf(p->arena, "%s/prelude.ramme", p->search[k]);
        if (access(pp, F_OK) == 0) {
            warn_shadow(p, k, "prelude", pp, span_none());
            show_standard(&L, load_one(&L, pp, true, span_none(), NULL), k, "prelude.ramme");
            prelude = true;
        }
    }
    if (!prelude) {
        diag_error(p->diags, span_none(), _("cannot find the standard library (prelude.ramme)"));
        diag_help(p->diags, _("set RAMME_PATH or pass -I DIR to the directory that holds prelude.ramme"));
    }
    int idx = -1;
    if (!text && is_dir(path)) {
        diag_error_file(p->diags, path, _("this is a directory, not a ramme file"));
    } else {
        L.main_next = true;
        idx = load_one(&L, path, false, span_none(), text);
    }
    json_decref(L.loaded);
    if (idx < 0)
        return false;
    /* The main file may already have been loaded as a dependency (never
     * in practice, but a user may check a stdlib file). */
    p->main_file = out->files[idx].source;
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
