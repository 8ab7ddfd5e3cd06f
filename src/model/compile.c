/* compile.c — load, declare, build, merge, finish, type-check. */
#include "model/compile.h"
#include "base/i18n.h"
#include "model/build.h"
#include "model/load.h"
#include "model/schema.h"
#include "model/typecheck.h"

#include <dirent.h>
#include <string.h>

static const char *reserved_kinds[] = {"import", "enum", "schema"};

static void push_decl(Program *p, Block *b)
{
    p->decls = arena_push(p->arena, p->decls, (size_t)p->ndecls, sizeof *p->decls);
    p->decls[p->ndecls++] = b;
}

static void unknown_kind(Program *p, Entry *e)
{
    diag_error(p->diags, e->key_span, _("unknown declaration '%s'"), e->key);
    if (p->diags->capped)
        return; /* dropped: no help to look for */
    const char *c[256];
    int n = 0;
    for (int i = 0; i < 3; i++)
        c[n++] = reserved_kinds[i];
    for (int i = 0; i < p->nschemas && n < 256; i++)
        if (p->schemas[i]->toplevel)
            c[n++] = p->schemas[i]->name;
    int words = n; /* the kinds' names are listed in the help; their aliases only suggested */
    for (int i = 0; i < p->nschemas; i++)
        for (int k = 0; p->schemas[i]->toplevel && k < p->schemas[i]->naliases && n < 256; k++)
            c[n++] = p->schemas[i]->aliases[k];
    const char *sug = model_suggest(e->key, c, n);
    if (sug) {
        diag_suggest(p->diags, sug);
    } else {
        char *all = "";
        for (int i = 3; i < words; i++)
            all = arena_printf(p->arena, "%s%s%s", all, i > 3 ? ", " : "", c[i]);
        diag_help(p->diags, _("a file declares: import, %s"), all);
    }
}

/* compile_program, with the text's length when it is given (0: up to its
 * first NUL byte). */
static Program *compile_core(const char *path, const char *text, size_t len, const char *batch_kind,
                             const BatchHooks *hooks, const CompileOptions *opt, SourceSet *ss, Diags *diags)
{
    Arena *a = arena_new();
    Program *p = arena_alloc(a, sizeof *p);
    p->arena = a;
    p->sources = ss;
    p->diags = diags;
    p->main_file = -1;
    p->batch_kind = batch_kind;
    p->batch_hooks = batch_kind ? hooks : NULL;
    sym_init(&p->decl_names, a);
    sym_init(&p->nested_names, a);
    load_search_path(p, opt ? opt->include : NULL, opt ? opt->ninclude : 0);
    p->max_bytes = opt && opt->max_bytes ? opt->max_bytes : LOAD_MAX_BYTES;
    p->max_batch_bytes = opt && opt->max_batch_bytes ? opt->max_batch_bytes : LOAD_MAX_BATCH_BYTES;
    if (p->max_bytes > LOAD_MAX_ANY_BYTES)
        p->max_bytes = LOAD_MAX_ANY_BYTES;
    if (p->max_batch_bytes > LOAD_MAX_ANY_BYTES)
        p->max_batch_bytes = LOAD_MAX_ANY_BYTES;
    p->main_text_len = text ? len : 0;

    LoadSet ls;
    bool ok = text ? load_program_text(p, path, text, &ls) : load_program(p, path, &ls);
    if (!ok) {
        load_free(&ls);
        return p;
    }
    if (p->batch_hooks)
        p->batch_hooks->keep(p, &ls);
    /* Pass 1: names of schemas and enums, from every file. */
    for (int f = 0; f < ls.n; f++) {
        File *file = ls.files[f].file;
        for (int i = 0; i < file->n; i++) {
            Decl *d = file->decls[i];
            if (d->kind == DECL_ENUM)
                schema_declare_enum(p, d);
            else if (d->kind == DECL_ENTRY && strcmp(d->u.entry->key, "schema") == 0)
                schema_declare(p, d->u.entry);
        }
    }
    schema_define_all(p);
    tc_check_schemas(p);
    build_defaults(p);

    /* Pass 2: every other top-level entry is a block of a toplevel kind.
     * Past the error cap nothing more would be reported, and with errors
     * nothing is judged: building stops. */
    Builder B = {p, NULL, NULL, NULL, 0};
    for (int f = 0; f < ls.n && !diags->capped; f++) {
        File *file = ls.files[f].file;
        for (int i = 0; i < file->n && !diags->capped; i++) {
            Decl *d = file->decls[i];
            if (d->kind != DECL_ENTRY || strcmp(d->u.entry->key, "schema") == 0)
                continue;
            Entry *e = d->u.entry;
            Schema *kind = model_schema(p, e->key);
            if (!kind || !kind->toplevel) {
                unknown_kind(p, e);
                continue;
            }
            Block *b = build_toplevel(&B, kind, e, file->source);
            if (!b->name)
                continue;
            Block *old = model_decl(p, kind, b->name);
            if (old) {
                diag_error(diags, b->name_span, _("%s '%s' is declared twice"), e->key, b->name);
                diag_note(diags, old->name_span, "%s", _("first declared here"));
                continue;
            }
            push_decl(p, b);
            sym_add(&p->decl_names, kind, b->name, b);
        }
    }
    build_resolve_refs(&B);
    build_merge_extends(&B);
    build_finish(&B);
    tc_check_all(&B);
    build_index_named(p);
    load_free(&ls);
    return p;
}

Program *compile_file(const char *path, const CompileOptions *opt, SourceSet *ss, Diags *diags)
{
    return compile_program(path, NULL, NULL, NULL, opt, ss, diags);
}

Program *compile_program(const char *path, const char *text, const char *batch_kind, const BatchHooks *hooks,
                         const CompileOptions *opt, SourceSet *ss, Diags *diags)
{
    return compile_core(path, text, 0, batch_kind, hooks, opt, ss, diags);
}

Program *compile_text(const char *name, const char *text, const CompileOptions *opt, SourceSet *ss, Diags *diags)
{
    return compile_program(name, text, NULL, NULL, opt, ss, diags);
}

Program *compile_text_n(const char *name, const char *text, size_t len, const CompileOptions *opt, SourceSet *ss,
                        Diags *diags)
{
    return compile_core(name, text, len, NULL, NULL, opt, ss, diags);
}

Program *compile_all_modules(const CompileOptions *opt, SourceSet *ss, Diags *diags)
{
    /* The search path, as a compilation would build it. */
    Arena *a = arena_new();
    Program tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.arena = a;
    /* What the path's directories say of themselves is said again by the
     * compilation below: here it is dropped. */
    Diags quiet;
    diag_init(&quiet);
    tmp.diags = &quiet;
    load_search_path(&tmp, opt ? opt->include : NULL, opt ? opt->ninclude : 0);
    diag_free(&quiet);
    char *text = arena_strdup(a, "");
    const char *seen[512];
    int nseen = 0;
    for (int k = 0; k < tmp.nsearch; k++) {
        DIR *dir = opendir(tmp.search[k]);
        if (!dir)
            continue;
        struct dirent *de;
        while ((de = readdir(dir)) && nseen < 512) {
            size_t len = strlen(de->d_name);
            if (len <= 6 || strcmp(de->d_name + len - 6, ".ramme") != 0 || strcmp(de->d_name, "prelude.ramme") == 0)
                continue;
            char *name = arena_strndup(a, de->d_name, len - 6);
            bool dup = false;
            for (int i = 0; i < nseen; i++)
                dup = dup || strcmp(seen[i], name) == 0;
            if (dup)
                continue;
            seen[nseen++] = name;
            text = arena_printf(a, "%simport \"%s\"\n", text, name);
        }
        closedir(dir);
    }
    Program *p = compile_text("stdlib", text, opt, ss, diags);
    arena_free(a);
    return p;
}

void compile_free(Program *p)
{
    if (p) {
        if (p->batch_hooks)
            p->batch_hooks->release(p);
        arena_free(p->arena);
    }
}

int compile_main_decls(const Program *p, const char *kind, Block ***out)
{
    int n = 0;
    for (int i = 0; i < p->ndecls; i++)
        n += p->decls[i]->file == p->main_file && strcmp(p->decls[i]->schema->name, kind) == 0;
    *out = arena_array(p->arena, (size_t)n + 1, sizeof **out);
    n = 0;
    for (int i = 0; i < p->ndecls; i++) {
        Block *b = p->decls[i];
        if (b->file == p->main_file && strcmp(b->schema->name, kind) == 0)
            (*out)[n++] = b;
    }
    return n;
}
