/* test_compile.c — compiling (src/model/compile.h) and the loader behind
 * it: compile_text / compile_file on imports (search path order: -I, RAMME_PATH, the stdlib; relative imports;
 * missing modules; cycles; the depth limit; each file loaded once), the
 * extends merge rule, extends cycles and chain limit, duplicate
 * declarations, defaults, required and unknown keys, units, references,
 * and a schema declared in a user's own file. Files are written to a
 * fresh directory under /tmp and removed afterwards. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/batch.h"
#include "model/build.h"
#include "model/compile.h"
#include "model/load.h"
#include "model/words.h"
#define SPAN_SS (&c->ss)
#include "span_harness.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------ harness */

typedef struct C {
    SourceSet ss;
    Diags d;
    Program *p;
} C;

static void print_diags(const Diags *d)
{
    for (int i = 0; i < d->n; i++) {
        const Diag *x = &d->items[i];
        fprintf(stderr, "  diag %d @%u: %s\n", x->severity, (unsigned)x->span.first_off, x->msg);
        if (x->help)
            fprintf(stderr, "    help: %s\n", x->help);
        for (int k = 0; k < x->nnotes; k++)
            fprintf(stderr, "    note @%u: %s\n", (unsigned)x->notes[k].span.first_off, x->notes[k].msg);
    }
}

static C *c_new(void)
{
    C *c = calloc(1, sizeof *c);
    assert_non_null(c);
    src_init(&c->ss);
    diag_init(&c->d);
    return c;
}

static void c_free(C *c)
{
    if (!c)
        return;
    compile_free(c->p);
    diag_free(&c->d);
    src_free(&c->ss);
    free(c);
}

static C *comp_text_inc(const char *text, const char **inc, int ninc)
{
    C *c = c_new();
    CompileOptions o = {inc, ninc, 0, 0};
    c->p = compile_text("t.ramme", text, ninc ? &o : NULL, &c->ss, &c->d);
    assert_non_null(c->p);
    return c;
}

static C *comp_text(const char *text) { return comp_text_inc(text, NULL, 0); }

static C *comp_file(const char *path)
{
    C *c = c_new();
    c->p = compile_file(path, NULL, &c->ss, &c->d);
    assert_non_null(c->p);
    return c;
}

static void expect_clean(C *c)
{
    if (c->d.errors) {
        print_diags(&c->d);
        fail_msg("%d unexpected error(s)", c->d.errors);
    }
}

/* The first error whose message contains `part`. */
static const Diag *find_error(const C *c, const char *part)
{
    for (int i = 0; i < c->d.n; i++)
        if (c->d.items[i].severity == DIAG_ERROR && strstr(c->d.items[i].msg, part))
            return &c->d.items[i];
    return NULL;
}

static const Diag *expect_error(const C *c, const char *part)
{
    const Diag *x = find_error(c, part);
    if (!x) {
        print_diags(&c->d);
        fail_msg("no error containing \"%s\"", part);
    }
    return x;
}

static void expect_help(const Diag *x, const char *want)
{
    if (!x->help || strcmp(x->help, want) != 0)
        fail_msg("help of \"%s\": expected \"%s\", got \"%s\"", x->msg, want, x->help ? x->help : "(none)");
}

static const DiagNote *expect_note(const Diag *x, const char *part)
{
    for (int k = 0; k < x->nnotes; k++)
        if (strstr(x->notes[k].msg, part))
            return &x->notes[k];
    fail_msg("\"%s\" has no note containing \"%s\"", x->msg, part);
    return NULL;
}

static Block *decl(const C *c, const char *kind, const char *name)
{
    Schema *s = model_schema(c->p, kind);
    assert_non_null(s);
    return model_decl(c->p, s, name);
}

static Block *course(const C *c, const char *name)
{
    Block *b = decl(c, "course", name);
    if (!b)
        fail_msg("no course %s", name);
    return b;
}

/* The many-item named `name` of field `field` of b, or NULL. */
static Block *item(const Block *b, const char *field, const char *name)
{
    Value *v = model_get(b, field);
    if (!v || v->k != V_LIST)
        return NULL;
    for (int i = 0; i < v->u.list.n; i++)
        if (v->u.list.items[i]->k == V_BLOCK && v->u.list.items[i]->u.block->name &&
            strcmp(v->u.list.items[i]->u.block->name, name) == 0)
            return v->u.list.items[i]->u.block;
    return NULL;
}

static int count_items(const Block *b, const char *field)
{
    Value *v = model_get(b, field);
    return v && v->k == V_LIST ? v->u.list.n : -1;
}

/* A temporary directory; everything under it is removed by tmp_free. */
typedef struct Tmp {
    char dir[64];
} Tmp;

static Tmp *tmp_new(void)
{
    Tmp *t = calloc(1, sizeof *t);
    assert_non_null(t);
    strcpy(t->dir, "/tmp/ramme-resolve-XXXXXX");
    assert_non_null(mkdtemp(t->dir));
    return t;
}

/* Writes dir/name (creating one level of subdirectory if needed); returns
 * the path, malloc'd. */
static char *tmp_write(const Tmp *t, const char *name, const char *text)
{
    size_t n = strlen(t->dir) + strlen(name) + 2;
    char *path = malloc(n);
    assert_non_null(path);
    snprintf(path, n, "%s/%s", t->dir, name);
    char *slash = strrchr(path, '/');
    if (slash > path + strlen(t->dir)) {
        *slash = '\0';
        mkdir(path, 0700);
        *slash = '/';
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void tmp_write_free(const Tmp *t, const char *name, const char *text)
{
    free(tmp_write(t, name, text));
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void tmp_free(Tmp *t)
{
    if (!t)
        return;
    nftw(t->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
    free(t);
}

static char *saved_ramme_path;

static int group_setup(void **state)
{
    (void)state;
    const char *env = getenv("RAMME_PATH");
    saved_ramme_path = env ? strdup(env) : NULL;
    unsetenv("RAMME_PATH");
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    if (saved_ramme_path)
        setenv("RAMME_PATH", saved_ramme_path, 1);
    free(saved_ramme_path);
    return 0;
}

#define MIN_COURSE(name)                                                                                               \
    "course " name " \"C\" {\n"                                                                                        \
    "  provider \"P\"\n"                                                                                               \
    "  group_size max 8\n"                                                                                             \
    "  instructors {\n"                                                                                                \
    "  }\n"                                                                                                            \
    "}\n"

/* ------------------------------------------------------------ search path */

static const char *national_title(const C *c)
{
    Block *n = decl(c, "framework", "national");
    if (!n)
        fail_msg("no framework national");
    return n->title;
}

static void test_search_path_include_first(void **state)
{
    (void)state;
    Tmp *a = tmp_new(), *b = tmp_new();
    tmp_write_free(a, "national.ramme", "framework national \"From -I\" {\n}\n");
    tmp_write_free(b, "national.ramme", "framework national \"From RAMME_PATH\" {\n}\n");
    setenv("RAMME_PATH", b->dir, 1);
    const char *inc[] = {a->dir};
    C *c = comp_text_inc("import \"national\"\n", inc, 1);
    unsetenv("RAMME_PATH");
    expect_clean(c);
    assert_string_equal(national_title(c), "From -I");
    /* -I, then RAMME_PATH, then the source tree's stdlib. */
    assert_true(c->p->nsearch >= 3);
    assert_string_equal(c->p->search[0], a->dir);
    assert_string_equal(c->p->search[1], b->dir);
    assert_string_equal(c->p->search[2], RAMME_SRC_STDLIB);
    /* The prelude still comes from the stdlib: it is not shadowed. */
    assert_non_null(decl(c, "framework", "consistency"));
    c_free(c);
    tmp_free(a);
    tmp_free(b);
}

static void test_search_path_ramme_path_before_stdlib(void **state)
{
    (void)state;
    Tmp *a = tmp_new(), *b = tmp_new();
    tmp_write_free(a, "national.ramme", "framework national \"From A\" {\n}\n");
    tmp_write_free(b, "national.ramme", "framework national \"From B\" {\n}\n");
    char env[200];
    /* Colon-separated, in order; empty segments are skipped. */
    snprintf(env, sizeof env, ":%s::%s:", b->dir, a->dir);
    setenv("RAMME_PATH", env, 1);
    C *c = comp_text("import \"national\"\n");
    unsetenv("RAMME_PATH");
    expect_clean(c);
    assert_string_equal(national_title(c), "From B");
    assert_string_equal(c->p->search[0], b->dir);
    assert_string_equal(c->p->search[1], a->dir);
    assert_string_equal(c->p->search[2], RAMME_SRC_STDLIB);
    c_free(c);
    /* Several -I: the first wins. */
    const char *inc[] = {a->dir, b->dir};
    c = comp_text_inc("import \"national\"\n", inc, 2);
    expect_clean(c);
    assert_string_equal(national_title(c), "From A");
    c_free(c);
    tmp_free(a);
    tmp_free(b);
}

static void test_search_path_stdlib_default(void **state)
{
    (void)state;
    C *c = comp_text("import \"national\"\n");
    expect_clean(c);
    assert_string_equal(national_title(c), "Ramme for peer-uddannelser i Danmark");
    assert_string_equal(c->p->search[0], RAMME_SRC_STDLIB);
    Block *n = decl(c, "framework", "national");
    assert_int_equal(count_items(n, "goal"), 12);
    c_free(c);
}

static void test_shadowed_module_used_by_course(void **state)
{
    (void)state;
    /* A maintainer tries out a changed framework with -I: the course is
     * judged against the shadowing file's goals. */
    Tmp *a = tmp_new();
    tmp_write_free(a, "national.ramme", "framework national \"Trial\" {\n  goal only.one \"One\"\n}\n");
    const char *inc[] = {a->dir};
    C *c = comp_text_inc("import \"national\"\n"
                         "course x \"X\" {\n"
                         "  provider \"P\"\n"
                         "  conforms national\n"
                         "  group_size max 8\n"
                         "  module m \"M\" {\n    covers only.one\n  }\n"
                         "  instructors {\n  }\n"
                         "}\n",
                         inc, 1);
    expect_clean(c);
    Block *m = item(course(c, "x"), "module", "m");
    assert_non_null(m);
    Value *cov = model_get(m, "covers");
    assert_int_equal(cov->u.list.n, 1);
    assert_string_equal(cov->u.list.items[0]->u.ref->title, "One");
    c_free(c);
    /* Without -I, the real national has no such goal. */
    c = comp_text("import \"national\"\n"
                  "course x \"X\" {\n"
                  "  provider \"P\"\n"
                  "  group_size max 8\n"
                  "  module m \"M\" {\n    covers only.one\n  }\n"
                  "  instructors {\n  }\n"
                  "}\n");
    expect_error(c, "no goal named 'only.one'");
    c_free(c);
    tmp_free(a);
}

/* ------------------------------------------------------------ imports */

static void test_relative_import(void **state)
{
    (void)state;
    Tmp *t = tmp_new();
    /* Relative to the importing file, not to the working directory. */
    char *main = tmp_write(t, "main.ramme",
                           "import \"./sub/b.ramme\"\n"
                           "course x \"X\" extends base {\n}\n");
    tmp_write_free(t, "sub/b.ramme", "import \"../c.ramme\"\n" MIN_COURSE("base"));
    tmp_write_free(t, "c.ramme", "framework cfw \"From c\" {\n}\n");
    C *c = comp_file(main);
    expect_clean(c);
    assert_non_null(decl(c, "framework", "cfw"));
    Block *x = course(c, "x");
    assert_string_equal(model_get(x, "provider")->u.s, "P");
    /* compile_main_decls: only the main file's courses. */
    Block **out;
    assert_int_equal(compile_main_decls(c->p, "course", &out), 1);
    assert_ptr_equal(out[0], x);
    c_free(c);
    free(main);
    tmp_free(t);
}

static void test_relative_import_from_text_uses_cwd(void **state)
{
    (void)state;
    /* In-memory text resolves relative imports against the working
     * directory: the tests run from the repository root. */
    C *c = comp_text("import \"./examples/region-midt.ramme\"\n"
                     "course v extends region_midt {\n}\n");
    expect_clean(c);
    assert_non_null(course(c, "region_midt"));
    assert_string_equal(course(c, "v")->title, "Peer-uddannelse, Region Midtjylland");
    c_free(c);
}

static void test_import_missing_module(void **state)
{
    (void)state;
    C *c = comp_text("\nimport \"natonal\"\n");
    const Diag *x = expect_error(c, "cannot find module 'natonal'");
    expect_help(x, "did you mean 'national'?");
    assert_int_equal(LINE(x->span), 2);
    assert_int_equal(c->d.errors, 1);
    c_free(c);
    /* Nothing close: a note says where it looked. */
    c = comp_text("import \"zzzzzzzzzzzz\"\n");
    x = expect_error(c, "cannot find module 'zzzzzzzzzzzz'");
    assert_null(x->help);
    expect_note(x, "searched");
    c_free(c);
}

static void test_import_bad_names(void **state)
{
    (void)state;
    C *c = comp_text("import \"national.ramme\"\n");
    expect_error(c, "'national.ramme' is not a module name");
    c_free(c);
    c = comp_text("import \"dir/national\"\n");
    expect_error(c, "'dir/national' is not a module name");
    c_free(c);
    c = comp_text("import \"./no-such-file-here.ramme\"\n");
    expect_error(c, "cannot read 'no-such-file-here.ramme'");
    c_free(c);
    c = comp_file("/tmp/ramme-no-such-dir/x.ramme");
    assert_true(c->d.errors >= 1);
    assert_non_null(c->d.items[0].path);
    c_free(c);
}

static void test_import_cycle(void **state)
{
    (void)state;
    Tmp *t = tmp_new();
    char *a = tmp_write(t, "a.ramme", "import \"./b.ramme\"\nframework fa \"A\" {\n}\n");
    char *b = tmp_write(t, "b.ramme", "import \"./a.ramme\"\nframework fb \"B\" {\n}\n");
    C *c = comp_file(a);
    const Diag *x = expect_error(c, "import cycle");
    assert_int_equal(c->d.errors, 1);
    char ab[256], ba[256];
    snprintf(ab, sizeof ab, "%s imports %s", a, b);
    snprintf(ba, sizeof ba, "%s imports %s", b, a);
    expect_note(x, ab);
    expect_note(x, ba);
    assert_int_equal(x->nnotes, 2);
    /* Each file still loaded once: no duplicate declarations. */
    assert_non_null(decl(c, "framework", "fa"));
    assert_non_null(decl(c, "framework", "fb"));
    c_free(c);
    free(a);
    free(b);
    tmp_free(t);
}

static void test_import_self(void **state)
{
    (void)state;
    Tmp *t = tmp_new();
    char *a = tmp_write(t, "self.ramme", "import \"./self.ramme\"\n" MIN_COURSE("x"));
    C *c = comp_file(a);
    const Diag *x = expect_error(c, "import cycle");
    assert_int_equal(c->d.errors, 1);
    assert_int_equal(x->nnotes, 1);
    char aa[256];
    snprintf(aa, sizeof aa, "%s imports %s", a, a);
    expect_note(x, aa);
    c_free(c);
    free(a);
    tmp_free(t);
}

/* Files f0 .. f(n-1), each importing the next; returns f0's path. */
static char *chain_files(const Tmp *t, int n)
{
    char *first = NULL;
    for (int i = 0; i < n; i++) {
        char name[32], text[128];
        snprintf(name, sizeof name, "f%d.ramme", i);
        if (i + 1 < n)
            snprintf(text, sizeof text, "import \"./f%d.ramme\"\nframework fw%d \"F\" {\n}\n", i + 1, i);
        else
            snprintf(text, sizeof text, "framework fw%d \"F\" {\n}\n", i);
        char *p = tmp_write(t, name, text);
        if (i == 0)
            first = p;
        else
            free(p);
    }
    return first;
}

static void test_import_depth_limit(void **state)
{
    (void)state;
    /* LOAD_MAX_DEPTH + 1 files chained: one error. */
    Tmp *t = tmp_new();
    char *f0 = chain_files(t, LOAD_MAX_DEPTH + 1);
    C *c = comp_file(f0);
    const Diag *x = expect_error(c, "imports nest deeper than 64 files");
    assert_int_equal(c->d.errors, 1);
    assert_int_equal(LINE(x->span), 1); /* at the import in the 64th file */
    c_free(c);
    free(f0);
    tmp_free(t);
    /* LOAD_MAX_DEPTH files: fine, every one loaded. */
    t = tmp_new();
    f0 = chain_files(t, LOAD_MAX_DEPTH);
    c = comp_file(f0);
    expect_clean(c);
    assert_non_null(decl(c, "framework", "fw0"));
    assert_non_null(decl(c, "framework", "fw63"));
    c_free(c);
    free(f0);
    tmp_free(t);
}

static void test_each_file_loaded_once(void **state)
{
    (void)state;
    /* a -> b, c; b -> d; c -> d, and the stdlib module twice. */
    Tmp *t = tmp_new();
    char *a = tmp_write(t, "a.ramme", "import \"./b.ramme\"\nimport \"./c.ramme\"\nimport \"national\"\n");
    tmp_write_free(t, "b.ramme", "import \"./d.ramme\"\nimport \"national\"\n");
    tmp_write_free(t, "c.ramme", "import \"./sub/../d.ramme\"\n");
    tmp_write_free(t, "sub/e.ramme", "\n");
    tmp_write_free(t, "d.ramme", "framework d \"D\" {\n}\n");
    C *c = comp_file(a);
    expect_clean(c); /* d twice would be "declared twice" */
    int nd = 0, nnat = 0;
    for (int i = 0; i < c->ss.n; i++) {
        const char *p = c->ss.files[i]->path;
        size_t n = strlen(p);
        nd += n >= 7 && strcmp(p + n - 7, "d.ramme") == 0;
        nnat += n >= 14 && strcmp(p + n - 14, "national.ramme") == 0;
    }
    assert_int_equal(nd, 1);
    assert_int_equal(nnat, 1);
    int fw_d = 0;
    for (int i = 0; i < c->p->ndecls; i++)
        fw_d += strcmp(c->p->decls[i]->name, "d") == 0;
    assert_int_equal(fw_d, 1);
    c_free(c);
    free(a);
    tmp_free(t);
}

static void test_unknown_declaration_kind(void **state)
{
    (void)state;
    C *c = comp_text("corse x \"X\" {\n}\n");
    const Diag *x = expect_error(c, "unknown declaration 'corse'");
    expect_help(x, "did you mean 'course'?");
    c_free(c);
    c = comp_text("improt \"national\"\n");
    x = expect_error(c, "unknown declaration 'improt'");
    expect_help(x, "did you mean 'import'?");
    c_free(c);
}

/* ------------------------------------------------------------ extends */

#define BASE                                                                                                           \
    "course base \"Base title\" {\n"                                                                                   \
    "  provider \"Region\"\n"                                                                                          \
    "  locations \"A\", \"B\"\n"                                                                                       \
    "  group_size max 8\n"                                                                                             \
    "  principles practice_oriented, empowerment\n"                                                                    \
    "  target peers \"Peers\" {\n    lived_experience\n  }\n"                                                          \
    "  theory {\n    weeks 13\n    hours 78h\n  }\n"                                                                   \
    "  module m1 \"Intro\" {\n    hours 39h\n  }\n"                                                                    \
    "  module m2 \"Recovery\" {\n    hours 39h\n  }\n"                                                                 \
    "  instructors {\n"                                                                                                \
    "    instructor peer \"Peer\" { experiential_competence }\n"                                                       \
    "    external_guests\n"                                                                                            \
    "  }\n"                                                                                                            \
    "}\n"

static void test_extends_merge(void **state)
{
    (void)state;
    C *c = comp_text(BASE "course v extends base {\n"
                          "  provider \"Kommune\"\n"
                          "  principles network\n"
                          "  theory {\n    hours 60h\n  }\n"
                          "  module m2 \"Recovery, short\" {\n    hours 21h\n  }\n"
                          "  module m3 \"New\" {\n    hours 9h\n  }\n"
                          "  instructors {\n"
                          "    instructor pro \"Pro\" { professional }\n"
                          "  }\n"
                          "}\n");
    expect_clean(c);
    Block *b = course(c, "base"), *v = course(c, "v");
    /* title inherited */
    assert_string_equal(v->title, "Base title");
    assert_ptr_equal(v->base, b);
    /* scalar replaced; untouched values kept */
    assert_string_equal(model_get(v, "provider")->u.s, "Kommune");
    assert_string_equal(model_get(b, "provider")->u.s, "Region");
    assert_int_equal(model_get(v, "locations")->u.list.n, 2);
    assert_ptr_equal(model_get(v, "group_size"), model_get(b, "group_size"));
    /* a list is replaced, not added to */
    Value *pr = model_get(v, "principles");
    assert_int_equal(pr->u.list.n, 1);
    assert_string_equal(pr->u.list.items[0]->u.en.enm->members[pr->u.list.items[0]->u.en.idx].name, "network");
    /* a single block replaced whole: no weeks from the parent */
    Block *th = model_get(v, "theory")->u.block;
    assert_null(model_get(th, "weeks"));
    assert_int_equal((int)model_get(th, "hours")->u.qty.v, 60);
    Block *ins = model_get(v, "instructors")->u.block;
    assert_int_equal(count_items(ins, "instructor"), 1);
    assert_non_null(item(ins, "instructor", "pro"));
    assert_false(model_get(ins, "external_guests")->u.b); /* default, not the parent's yes */
    /* many-items: same name replaced in place, new name added */
    assert_int_equal(count_items(v, "module"), 3);
    Value *mods = model_get(v, "module");
    assert_string_equal(mods->u.list.items[0]->u.block->name, "m1");
    assert_string_equal(mods->u.list.items[1]->u.block->name, "m2");
    assert_string_equal(mods->u.list.items[2]->u.block->name, "m3");
    assert_string_equal(mods->u.list.items[1]->u.block->title, "Recovery, short");
    assert_ptr_equal(mods->u.list.items[0]->u.block, item(b, "module", "m1"));
    /* the parent is untouched */
    assert_int_equal(count_items(b, "module"), 2);
    assert_string_equal(item(b, "module", "m2")->title, "Recovery");
    assert_int_equal(count_items(v, "target"), 1);
    c_free(c);
}

/* `remove NAME` in the declaration leaves a base item out (here a module);
 * a named item the variant writes replaces the base's (the contract); a
 * `remove` inside a nested block is an error (that block replaces the
 * parent's whole), as is one in a course that extends nothing, or one that
 * names nothing the base has. */
static void test_extends_remove(void **state)
{
    (void)state;
    C *c = comp_text(BASE "course v extends base {\n"
                          "  module m2 \"Recovery, short\" {\n    hours 21h\n  }\n"
                          "  remove m1\n"
                          "}\n");
    expect_clean(c);
    Block *v = course(c, "v");
    assert_int_equal(count_items(v, "module"), 1);
    Block *m2 = item(v, "module", "m2");
    assert_string_equal(m2->title, "Recovery, short");
    assert_int_equal((int)model_get(m2, "hours")->u.qty.v, 21);
    /* The team is the base's: nothing of it was written. */
    assert_non_null(item(model_get(v, "instructors")->u.block, "instructor", "peer"));
    c_free(c);

    c = comp_text(BASE "course v extends base {\n  remove peer\n}\n");
    const Diag *x = expect_error(c, "cannot remove 'peer': nothing of that name is inherited here");
    assert_int_equal(LINE(x->span), 25);
    expect_help(x, "did you mean 'peers'?");
    c_free(c);

    c = comp_text(BASE "course v extends base {\n  instructors {\n    remove peer\n  }\n}\n");
    expect_error(c, "'remove' stands in the declaration itself");
    c_free(c);

    c = comp_text(BASE "course w \"W\" {\n  provider \"P\"\n  group_size 4\n  remove m1\n"
                       "  instructors {\n  }\n}\n");
    expect_error(c, "'remove' drops what a block inherits, but course 'w' extends nothing");
    c_free(c);
}

static void test_extends_own_title_and_chain(void **state)
{
    (void)state;
    /* Declared child first: the merge follows the chain, not the order. */
    C *c = comp_text("course w \"W\" extends v {\n  module m4 \"Four\" {\n  }\n}\n"
                     "course v extends base {\n  provider \"V\"\n  module m3 \"Three\" {\n  }\n}\n" BASE);
    expect_clean(c);
    Block *w = course(c, "w");
    assert_string_equal(w->title, "W");
    assert_string_equal(course(c, "v")->title, "Base title");
    assert_string_equal(model_get(w, "provider")->u.s, "V");
    assert_int_equal(count_items(w, "module"), 4);
    assert_int_equal(count_items(course(c, "v"), "module"), 3);
    c_free(c);
}

static void test_extends_cycle(void **state)
{
    (void)state;
    C *c = comp_text("course a \"A\" extends b {\n  provider \"P\"\n}\n"
                     "course b \"B\" extends a {\n  group_size 4\n}\n");
    const Diag *x = expect_error(c, "'extends' cycle");
    expect_note(x, "a extends b");
    expect_note(x, "b extends a");
    /* No cascade: the missing keys are not reported for a broken chain. */
    assert_null(find_error(c, "is missing"));
    assert_int_equal(c->d.errors, 1);
    c_free(c);
    c = comp_text("course a \"A\" extends a {\n  provider \"P\"\n}\n");
    x = expect_error(c, "'extends' cycle");
    expect_note(x, "a extends a");
    c_free(c);
}

/* n courses c0 .. c(n-1), each extending the previous one; written
 * child first when `child_first`. */
static char *extends_chain(int n, bool child_first)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    for (int k = 0; k < n; k++) {
        int i = child_first ? n - 1 - k : k;
        if (i == 0)
            fprintf(f, "course c0 \"C\" {\n  provider \"P\"\n  group_size 4\n  instructors {\n  }\n}\n");
        else
            fprintf(f, "course c%d extends c%d {\n  group_size %d\n}\n", i, i - 1, i + 4);
    }
    fclose(f);
    return text;
}

static void test_extends_chain_limit(void **state)
{
    (void)state;
    /* BUILD_MAX_EXTENDS links (BUILD_MAX_EXTENDS + 1 courses): fine, and
     * the last course has inherited from the first. */
    char *text = extends_chain(BUILD_MAX_EXTENDS + 1, true);
    C *c = comp_text(text);
    free(text);
    expect_clean(c);
    Block *last = course(c, "c64");
    assert_string_equal(model_get(last, "provider")->u.s, "P");
    assert_int_equal(model_get(last, "group_size")->u.range.lo->u.i, 68);
    c_free(c);
    /* One link more: one error. */
    text = extends_chain(BUILD_MAX_EXTENDS + 2, true);
    c = comp_text(text);
    free(text);
    expect_error(c, "'extends' chain is longer than 64");
    assert_int_equal(c->d.errors, 1);
    c_free(c);
}

static void test_extends_chain_limit_any_order(void **state)
{
    (void)state;
    /* BUG: src/model/build.c build_merge_extends() counts the links of one walk,
     * and a walk stops at a base that is already merged. Written parent
     * first (c0, c1 extends c0, ...), every walk is one link long, so a
     * chain of BUILD_MAX_EXTENDS + 1 links (66 courses) is accepted without
     * error, while the same chain written child first gets "'extends'
     * chain is longer than 64" (build.h: "Chains of `extends` longer than
     * this are an error"). Expected one error in both orders. */
    char *text = extends_chain(BUILD_MAX_EXTENDS + 2, false);
    C *c = comp_text(text);
    free(text);
    bool found = find_error(c, "'extends' chain is longer than 64") != NULL;
    c_free(c);
    assert_true(found);
}

static void test_extends_unknown_target(void **state)
{
    (void)state;
    C *c = comp_text(BASE "course v extends bsae {\n  provider \"V\"\n}\n");
    const Diag *x = expect_error(c, "no course named 'bsae' to extend");
    expect_help(x, "did you mean 'base'?");
    assert_int_equal(LINE(x->span), 24);
    /* The child's keys may come from the missing base: no cascade. */
    assert_null(find_error(c, "is missing"));
    assert_int_equal(c->d.errors, 1);
    c_free(c);
    /* Not extendable: a schema without `extendable`. */
    c = comp_text("schema thing toplevel named {\n  size int\n}\n"
                  "thing a {\n  size 3\n}\n"
                  "thing b extends a {\n  size 4\n}\n");
    expect_error(c, "a thing cannot extend another");
    c_free(c);
}

static void test_framework_extends(void **state)
{
    (void)state;
    C *c = comp_text("import \"national\"\n"
                     "framework nord \"Nord\" extends national {\n"
                     "  goal local.one \"Local\"\n"
                     "  rule network {\n"
                     "    severity warning\n    cite \"c\"\n    message \"m\"\n    require study_groups\n"
                     "  }\n"
                     "}\n");
    expect_clean(c);
    Block *n = decl(c, "framework", "nord"), *nat = decl(c, "framework", "national");
    assert_int_equal(count_items(n, "goal"), 13);
    assert_int_equal(count_items(n, "rule"), count_items(nat, "rule"));
    assert_ptr_equal(item(n, "rule", "network")->top, n);     /* replaced */
    assert_ptr_equal(item(nat, "rule", "network")->top, nat); /* untouched */
    assert_ptr_equal(item(n, "rule", "goal_coverage"), item(nat, "rule", "goal_coverage"));
    assert_string_equal(n->title, "Nord");
    c_free(c);
}

/* ------------------------------------------------------------ declarations */

static void test_duplicate_declarations(void **state)
{
    (void)state;
    C *c = comp_text(MIN_COURSE("a") "\n" MIN_COURSE("a"));
    const Diag *x = expect_error(c, "course 'a' is declared twice");
    assert_int_equal(LINE(x->span), 8);
    const DiagNote *n = expect_note(x, "first declared here");
    assert_int_equal(LINE(n->span), 1);
    assert_int_equal(COL(n->span), 8);
    assert_int_equal(c->d.errors, 1);
    c_free(c);
    /* Two modules of one name in a course. */
    c = comp_text("course a \"A\" {\n"
                  "  provider \"P\"\n"
                  "  group_size 4\n"
                  "  module m \"One\" {\n  }\n"
                  "  module m \"Two\" {\n  }\n"
                  "  instructors {\n  }\n"
                  "}\n");
    x = expect_error(c, "module 'm' is declared twice");
    assert_int_equal(LINE(x->span), 6);
    n = expect_note(x, "first declared here");
    assert_int_equal(LINE(n->span), 4);
    assert_int_equal(count_items(course(c, "a"), "module"), 1);
    c_free(c);
    /* Names compared by their first two bytes before the rest: alike at
     * the start, of one and two bytes, one the other's start. */
    c = comp_text("course a \"A\" {\n"
                  "  provider \"P\"\n"
                  "  group_size 4\n"
                  "  module mod_x \"1\" {\n  }\n  module mod_y \"2\" {\n  }\n  module mod_x \"3\" {\n  }\n"
                  "  module m1 \"4\" {\n  }\n  module m \"5\" {\n  }\n  module m1 \"6\" {\n  }\n"
                  "  module m \"7\" {\n  }\n  module mo \"8\" {\n  }\n"
                  "  instructors {\n  }\n"
                  "}\n");
    expect_error(c, "module 'mod_x' is declared twice");
    expect_error(c, "module 'm1' is declared twice");
    expect_error(c, "module 'm' is declared twice");
    assert_int_equal(c->d.errors, 3);
    assert_int_equal(count_items(course(c, "a"), "module"), 5);
    c_free(c);
    /* A key given twice. */
    c = comp_text("course a \"A\" {\n"
                  "  provider \"P\"\n"
                  "  group_size 4\n"
                  "  provider \"Q\"\n"
                  "  instructors {\n  }\n"
                  "}\n");
    x = expect_error(c, "'provider' is given twice");
    assert_int_equal(LINE(x->span), 4);
    n = expect_note(x, "first given here");
    assert_int_equal(LINE(n->span), 2);
    assert_string_equal(model_get(course(c, "a"), "provider")->u.s, "P");
    c_free(c);
}

static void test_defaults_applied(void **state)
{
    (void)state;
    C *c = comp_text("course a \"A\" {\n"
                     "  provider \"P\"\n"
                     "  group_size 4\n"
                     "  practicum {\n  }\n"
                     "  instructors {\n    instructor x \"X\" {\n    }\n  }\n"
                     "}\n");
    expect_clean(c);
    Block *a = course(c, "a");
    Value *fmt = model_get(a, "format");
    assert_non_null(fmt);
    assert_int_equal(fmt->k, V_ENUM);
    assert_string_equal(fmt->u.en.enm->members[fmt->u.en.idx].name, "cohort");
    assert_true(fmt->is_default);
    Value *sg = model_get(a, "study_groups");
    assert_int_equal(sg->k, V_BOOL);
    assert_false(sg->u.b);
    assert_true(sg->is_default);
    Block *ins = model_get(a, "instructors")->u.block;
    assert_false(model_get(ins, "external_guests")->u.b);
    Block *x = item(ins, "instructor", "x");
    assert_non_null(x);
    Value *cnt = model_get(x, "count");
    assert_int_equal(cnt->k, V_RANGE);
    assert_int_equal(cnt->u.range.lo->u.i, 1);
    assert_int_equal(cnt->u.range.hi->u.i, 1);
    assert_false(model_get(x, "experiential_competence")->u.b);
    assert_int_equal(model_get(model_get(a, "practicum")->u.block, "follow_up_days")->u.i, 0);
    /* Optional keys without a default stay undeclared. */
    assert_null(model_get(a, "day_length"));
    assert_null(model_get(a, "theory"));
    assert_null(model_get(a, "module"));
    /* A written value is not a default. */
    c_free(c);
    c = comp_text("course a \"A\" {\n  provider \"P\"\n  group_size 4\n  format modular\n  study_groups\n"
                  "  instructors {\n  }\n}\n");
    expect_clean(c);
    a = course(c, "a");
    assert_false(model_get(a, "format")->is_default);
    assert_string_equal(model_get(a, "format")->u.en.enm->members[model_get(a, "format")->u.en.idx].name, "modular");
    assert_true(model_get(a, "study_groups")->u.b);
    c_free(c);
}

/* A default that converts without its block is converted once
 * (build_defaults): every block that leaves the field out holds that one
 * Value, placed at the field. One that needs its block (a reference) is
 * converted per block, and one that does not convert is reported as
 * before. */
static void test_defaults_converted_once(void **state)
{
    (void)state;
    C *c = comp_text("schema thing toplevel named {\n  size int default 3\n  span range of hours default 2h..4h\n"
                     "  other thing optional\n}\n"
                     "thing a {\n}\nthing b {\n}\nthing c {\n  size 5\n}\n");
    Schema *s = model_schema(c->p, "thing");
    Field *size = model_field(s, "size");
    expect_clean(c);
    Block *a = model_decl(c->p, s, "a"), *b = model_decl(c->p, s, "b"), *d = model_decl(c->p, s, "c");
    assert_non_null(size->def_value);
    assert_ptr_equal(model_get(a, "size"), size->def_value);
    assert_ptr_equal(model_get(b, "size"), size->def_value);
    assert_true(model_get(a, "size")->is_default);
    assert_int_equal(model_get(a, "size")->u.i, 3);
    assert_int_equal(model_get(a, "size")->span.first_off, size->span.first_off);
    assert_false(model_get(d, "size")->is_default);
    assert_int_equal(model_get(d, "size")->u.i, 5);
    Value *sp = model_get(b, "span");
    assert_ptr_equal(sp, model_field(s, "span")->def_value);
    assert_int_equal(sp->k, V_RANGE);
    assert_int_equal(sp->u.range.hi->k, V_QTY);
    c_free(c);
    /* A reference: per block (the calendar of a plan defaults to dk). */
    c = comp_text("schema thing toplevel named {\n  size int\n}\n"
                  "schema box toplevel named {\n  of thing default a\n}\n"
                  "thing a {\n  size 1\n}\nbox x {\n}\nbox y {\n}\n");
    expect_clean(c);
    Schema *box = model_schema(c->p, "box");
    assert_null(model_field(box, "of")->def_value);
    Value *x = model_get(model_decl(c->p, box, "x"), "of"), *y = model_get(model_decl(c->p, box, "y"), "of");
    assert_ptr_not_equal(x, y);
    assert_ptr_equal(x->u.ref, model_decl(c->p, model_schema(c->p, "thing"), "a"));
    assert_ptr_equal(y->u.ref, x->u.ref);
    c_free(c);
    /* A default that does not convert: still reported, at the default (once:
     * the same message at the same place is one diagnostic). */
    c = comp_text("schema thing toplevel named {\n  size int default \"three\"\n}\n"
                  "thing a {\n}\nthing b {\n}\nthing c {\n  size 1\n}\n");
    assert_null(model_field(model_schema(c->p, "thing"), "size")->def_value);
    expect_error(c, "'size' takes a whole number, found the string \"three\"");
    assert_int_equal(c->d.errors, 1);
    c_free(c);
}

static void test_required_key_missing(void **state)
{
    (void)state;
    C *c = comp_text("course a \"A\" {\n  group_size 4\n  instructors {\n  }\n}\n");
    const Diag *x = expect_error(c, "course a is missing 'provider'");
    expect_help(x, "add a line: provider VALUE (string)");
    assert_int_equal(LINE(x->span), 1);
    assert_int_equal(c->d.errors, 1);
    c_free(c);
    c = comp_text("course a \"A\" {\n  provider \"P\"\n  group_size 4\n}\n");
    x = expect_error(c, "course a is missing 'instructors'");
    expect_help(x, "add a block: instructors { ... }");
    c_free(c);
    /* `many required`: a rule needs a require. */
    c = comp_text("framework f \"F\" {\n  rule r {\n    severity error\n    cite \"c\"\n    message \"m\"\n  }\n}\n");
    expect_error(c, "rule r needs at least one 'require'");
    c_free(c);
}

static void test_unknown_key(void **state)
{
    (void)state;
    C *c = comp_text("course a \"A\" {\n  provider \"P\"\n  group_sise 4\n  instructors {\n  }\n}\n");
    const Diag *x = expect_error(c, "unknown key 'group_sise' in course 'a'");
    expect_help(x, "did you mean 'group_size'?");
    assert_int_equal(LINE(x->span), 3);
    /* The suggested key is not also reported missing. */
    assert_int_equal(c->d.errors, 1);
    c_free(c);
    /* A key of another block kind. */
    c = comp_text("course a \"A\" {\n  provider \"P\"\n  group_size 4\n  follow_up_days 2\n  instructors {\n  }\n}\n");
    x = expect_error(c, "unknown key 'follow_up_days' in course 'a'");
    expect_help(x, "'follow_up_days' belongs in a practicum block");
    c_free(c);
}

static void test_wrong_unit_and_type(void **state)
{
    (void)state;
    C *c = comp_text("course a \"A\" {\n  provider \"P\"\n  group_size 4\n  day_length 4 days\n"
                     "  instructors {\n  }\n}\n");
    const Diag *x = expect_error(c, "wrong unit: 'day_length' is contact time (min, h)");
    assert_int_equal(LINE(x->span), 4);
    assert_null(find_error(c, "is missing"));
    c_free(c);
    c = comp_text("course a \"A\" {\n  provider \"P\"\n  group_size 4\n  practicum {\n    length 13h\n  }\n"
                  "  instructors {\n  }\n}\n");
    expect_error(c, "wrong unit: 'length' is a calendar span");
    c_free(c);
    c = comp_text("course a \"A\" {\n  provider \"P\"\n  group_size 4\n  day_length 4\n  instructors {\n  }\n}\n");
    x = expect_error(c, "'day_length' needs a unit");
    expect_help(x, "write 4h");
    c_free(c);
    c = comp_text("course a \"A\" {\n  provider \"P\"\n  group_size 4\n  theory {\n    weeks 13 weeks\n  }\n"
                  "  instructors {\n  }\n}\n");
    x = expect_error(c, "'weeks' takes a whole number");
    expect_help(x, "'weeks' is a count: write 13");
    c_free(c);
    c = comp_text("course a \"A\" {\n  provider Region\n  group_size 4\n  instructors {\n  }\n}\n");
    x = expect_error(c, "'provider' takes");
    expect_help(x, "text is written in quotes: \"Region\"");
    c_free(c);
    c = comp_text("course a \"A\" {\n  provider \"P\"\n  group_size 4\n  format modulr\n  instructors {\n  }\n}\n");
    x = expect_error(c, "'modulr' is not one of the course_format values");
    expect_help(x, "did you mean 'modular'?");
    c_free(c);
}

/* ------------------------------------------------------------ references */

static void test_references_resolve(void **state)
{
    (void)state;
    C *c = comp_text("import \"national\"\n"
                     "course a \"A\" {\n"
                     "  provider \"P\"\n"
                     "  conforms national\n"
                     "  group_size 4\n"
                     "  target peers \"Peers\" {\n  }\n"
                     "  module m \"M\" {\n"
                     "    covers recovery.hope, role.tools\n"
                     "    mandatory_for peers\n"
                     "  }\n"
                     "  instructors {\n  }\n"
                     "}\n");
    expect_clean(c);
    Block *a = course(c, "a"), *nat = decl(c, "framework", "national");
    Value *conf = model_get(a, "conforms");
    assert_int_equal(conf->u.list.n, 1);
    assert_int_equal(conf->u.list.items[0]->k, V_REF);
    assert_ptr_equal(conf->u.list.items[0]->u.ref, nat);
    Block *m = item(a, "module", "m");
    Value *cov = model_get(m, "covers");
    assert_int_equal(cov->u.list.n, 2);
    assert_ptr_equal(cov->u.list.items[0]->u.ref, item(nat, "goal", "recovery.hope"));
    assert_string_equal(cov->u.list.items[1]->u.ref->title, item(nat, "goal", "role.tools")->title);
    Value *mf = model_get(m, "mandatory_for");
    assert_ptr_equal(mf->u.list.items[0]->u.ref, item(a, "target", "peers"));
    c_free(c);
}

static void test_references_unresolved(void **state)
{
    (void)state;
    C *c = comp_text("import \"national\"\n"
                     "course a \"A\" {\n"
                     "  provider \"P\"\n"
                     "  conforms natonal\n"
                     "  group_size 4\n"
                     "  target peers \"Peers\" {\n  }\n"
                     "  module m \"M\" {\n"
                     "    covers recovery.hop\n"
                     "    mandatory_for peer\n"
                     "  }\n"
                     "  instructors {\n  }\n"
                     "}\n");
    const Diag *x = expect_error(c, "no framework named 'natonal'");
    expect_help(x, "did you mean 'national'?");
    assert_int_equal(LINE(x->span), 4);
    x = expect_error(c, "no goal named 'recovery.hop'");
    expect_help(x, "did you mean 'recovery.hope'?");
    x = expect_error(c, "no target named 'peer'");
    expect_help(x, "did you mean 'peers'?");
    assert_int_equal(c->d.errors, 3);
    c_free(c);
    /* A stdlib framework named without its import. */
    c = comp_text("course a \"A\" {\n  provider \"P\"\n  conforms national\n  group_size 4\n  instructors {\n  }\n}\n");
    x = expect_error(c, "no framework named 'national'");
    expect_help(x, "add 'import \"national\"' at the top of the file");
    c_free(c);
}

/* ------------------------------------------------------------ user schemas */

static void test_user_schema(void **state)
{
    (void)state;
    C *c = comp_text("schema thing toplevel named {\n  size int\n  label string optional\n}\n"
                     "thing a {\n  size 3\n}\n"
                     "thing b {\n  size 4; label \"x\"\n}\n");
    expect_clean(c);
    Schema *s = model_schema(c->p, "thing");
    assert_non_null(s);
    assert_true(s->toplevel);
    assert_true(s->named);
    Block *a = model_decl(c->p, s, "a");
    assert_non_null(a);
    assert_int_equal(model_get(a, "size")->k, V_INT);
    assert_int_equal(model_get(a, "size")->u.i, 3);
    assert_null(model_get(a, "label"));
    assert_string_equal(model_get(model_decl(c->p, s, "b"), "label")->u.s, "x");
    c_free(c);
    /* Wrong type, missing key, unknown key: the same checks as stdlib kinds. */
    c = comp_text("schema thing toplevel named {\n  size int\n}\n"
                  "thing a {\n  size \"three\"\n}\n"
                  "thing b {\n}\n"
                  "thing d {\n  size 1\n  sise 2\n}\n");
    const Diag *x = expect_error(c, "'size' takes a whole number, found the string \"three\"");
    assert_int_equal(LINE(x->span), 5);
    expect_error(c, "thing b is missing 'size'");
    x = expect_error(c, "unknown key 'sise' in thing 'd'");
    expect_help(x, "did you mean 'size'?");
    assert_int_equal(c->d.errors, 3);
    c_free(c);
}

/* a then b, in a static buffer (test texts are short). */
static const char *cat2(const char *a, const char *b)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s%s", a, b);
    return buf;
}
/* The alias form (docs/language.md §5.9): `WORD alias FIELD`, `schema WORD
 * alias KIND`, `WORD alias MEMBER`. An alias is exactly what it names. */
static const char *alias_schema =
    "schema thing toplevel named {\n  size int\n  hue color optional\n  part block part many\n"
    "  størrelse alias size\n  farve alias hue\n  del alias part\n}\n"
    "schema ting alias thing\n"
    "schema part named {\n  n int default 1\n  antal alias n\n}\n"
    "enum color {\n  red \"rød\"\n  blue\n  rød alias red\n}\n";

static void test_alias_is_the_field(void **state)
{
    (void)state;
    C *c = comp_text(cat2(alias_schema,
                                         "ting a {\n  størrelse 3\n  farve rød\n  del x { antal 2 }\n}\n"
                                         "thing b {\n  size 4; hue blue\n}\n"));
    expect_clean(c);
    Schema *s = model_schema(c->p, "thing");
    assert_ptr_equal(model_schema(c->p, "ting"), s);
    assert_ptr_equal(model_field(s, "størrelse"), model_field(s, "size"));
    Block *a = model_decl(c->p, s, "a");
    assert_non_null(a);
    assert_int_equal(model_get(a, "size")->u.i, 3);
    assert_int_equal(model_get(a, "hue")->u.en.idx, 0);
    Value *parts = model_get(a, "part");
    assert_int_equal(parts->u.list.n, 1);
    assert_int_equal(model_get(parts->u.list.items[0]->u.block, "n")->u.i, 2);
    assert_int_equal(model_get(model_decl(c->p, s, "b"), "hue")->u.en.idx, 1);
    for (int i = 0; i < c->p->nschemas; i++)
        assert_string_not_equal(c->p->schemas[i]->name, "ting");
    c_free(c);
}

static void test_alias_messages_use_the_word_written(void **state)
{
    (void)state;
    C *c = comp_text(cat2(alias_schema,
                                         "thing a {\n  size 1\n  størrelse 2\n}\n"
                                         "ting b {\n  størelse 2\n}\n"
                                         "ting d {\n  del x { antl 2 }\n}\n"
                                         "thing e {\n  size 1; farve rde\n}\n"
                                         "ting f {\n  størrelse \"tre\"\n}\n"
                                         "tin g {\n}\n"));
    const Diag *x = expect_error(c, "'størrelse' is given twice");
    expect_note(x, "first given here");
    x = expect_error(c, "unknown key 'størelse' in ting 'b'");
    expect_help(x, "did you mean 'størrelse'?");
    assert_null(find_error(c, "ting b is missing")); /* the misspelt key was meant */
    x = expect_error(c, "unknown key 'antl' in del 'x'");
    expect_help(x, "did you mean 'antal'?");
    x = expect_error(c, "'rde' is not one of the color values");
    expect_help(x, "did you mean 'red'?");
    expect_error(c, "'størrelse' takes a whole number, found the string \"tre\"");
    x = expect_error(c, "unknown declaration 'tin'");
    expect_help(x, "did you mean 'ting'?");
    c_free(c);
    /* Left out in a block written in alias words: named by its alias. */
    c = comp_text(cat2(alias_schema, "ting h {\n}\nthing i {\n}\n"));
    x = expect_error(c, "ting h is missing 'størrelse'");
    expect_note(x, "'størrelse' is the same key as 'size'");
    expect_error(c, "thing i is missing 'size'");
    c_free(c);
}

static void test_alias_declarations_checked(void **state)
{
    (void)state;
    C *c = comp_text("schema thing toplevel named {\n  size int\n  mål alias nope\n  size alias size\n"
                     "  størrelse alias size\n  størrelse alias size\n  x alias\n}\n"
                     "schema ting alias nothing\n"
                     "enum color {\n  red\n  rød alias green\n  rød betyder red\n  red alias red\n}\n"
                     "thing a {\n  size 1\n}\n");
    expect_error(c, "'nope' is not a field of schema 'thing'");
    expect_error(c, "'size' is already a word for field 'size' of schema 'thing'");
    expect_error(c, "'størrelse' is already a word for field 'size' of schema 'thing'");
    expect_error(c, "a field's alias is written: WORD alias FIELD");
    expect_error(c, "'ting' is an alias of 'nothing', which is not a kind");
    expect_error(c, "'green' is not a member of enum 'color'");
    expect_error(c, "an enum member is written NAME [\"label\"], or WORD alias MEMBER");
    expect_error(c, "'red' is already a word for a member of enum 'color'");
    assert_int_equal(c->d.errors, 8);
    c_free(c);
}

/* model_field and model_field_as: every name and alias of a schema of 45
 * fields, words that share their first bytes or are shorter than four,
 * fields a `schema KIND adds` gives, and misses; model_field_as tells an
 * alias from a name (fill_body names the field by the word written). */
static void test_field_lookup(void **state)
{
    (void)state;
    char text[4096] = "schema thing toplevel named {\n";
    for (int i = 0; i < 40; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "  field_%02d int optional\n", i);
    strcat(text, "  session_length int optional\n  sessions_per_week int optional\n  ses int optional\n"
                 "  s int optional\n  sessio alias session_length\n  sé alias s\n}\n"
                 "schema thing adds {\n  extra int optional\n  ekstra alias extra\n}\n"
                 "thing a {\n  sessio 1; sessions_per_week 2; ses 3; sé 4; ekstra 5; field_39 6\n}\n");
    C *c = comp_text(text);
    expect_clean(c);
    Schema *s = model_schema(c->p, "thing");
    assert_int_equal(s->nfields, 45);
    for (int i = 0; i < s->nfields; i++) {
        bool alias = true;
        assert_ptr_equal(model_field_as(s, s->fields[i]->name, &alias), s->fields[i]);
        assert_false(alias);
        for (int k = 0; k < s->fields[i]->naliases; k++) {
            assert_ptr_equal(model_field_as(s, s->fields[i]->aliases[k], &alias), s->fields[i]);
            assert_true(alias);
        }
    }
    assert_string_equal(model_field(s, "sessio")->name, "session_length");
    assert_string_equal(model_field(s, "sé")->name, "s");
    assert_string_equal(model_field(s, "ekstra")->name, "extra");
    const char *misses[] = {"", "se", "sessions", "session_lengths", "field_40", "field_0", "sessio_", "é"};
    for (size_t i = 0; i < sizeof misses / sizeof *misses; i++) {
        bool alias = true;
        assert_null(model_field_as(s, misses[i], &alias));
        assert_false(alias);
    }
    Block *a = model_decl(c->p, s, "a");
    assert_int_equal(model_get(a, "session_length")->u.i, 1);
    assert_int_equal(model_get(a, "sessions_per_week")->u.i, 2);
    assert_int_equal(model_get(a, "ses")->u.i, 3);
    assert_int_equal(model_get(a, "s")->u.i, 4);
    assert_int_equal(model_get(a, "extra")->u.i, 5);
    assert_int_equal(model_get(a, "field_39")->u.i, 6);
    c_free(c);
}

/* Named nested blocks are filed by name only when a field refers to their
 * kind (Schema.referenced, set where the type is read): references to
 * them resolve, and a kind nothing refers to is listed but not filed. */
static void test_named_filed_when_referenced(void **state)
{
    (void)state;
    C *c = comp_text("schema part named {\n  n int optional\n}\n"
                     "schema piece named {\n  n int optional\n}\n"
                     "schema thing toplevel named {\n  part block part many optional\n"
                     "  piece block piece many optional\n  uses list of part optional\n"
                     "  best range of part optional\n}\n"
                     "thing a {\n  part p1 { n 1 }\n  part p2\n  piece q1\n  uses p2, p1\n}\n");
    expect_clean(c);
    Schema *part = model_schema(c->p, "part"), *piece = model_schema(c->p, "piece");
    assert_true(part->referenced);
    assert_false(piece->referenced);
    assert_false(model_schema(c->p, "thing")->referenced);
    assert_non_null(sym_find(&c->p->nested_names, part, "p1"));
    assert_null(sym_find(&c->p->nested_names, piece, "q1"));
    bool listed = false; /* the stdlib's named blocks are listed too */
    for (int i = 0; i < c->p->nnamed; i++)
        listed |= c->p->named[i]->schema == piece && strcmp(c->p->named[i]->name, "q1") == 0;
    assert_true(listed);
    Value *uses = model_get(model_decl(c->p, model_schema(c->p, "thing"), "a"), "uses");
    assert_int_equal(uses->u.list.n, 2);
    assert_string_equal(uses->u.list.items[0]->u.ref->name, "p2");
    assert_int_equal(model_get(uses->u.list.items[1]->u.ref, "n")->u.i, 1);
    c_free(c);
}

static void test_user_schema_in_imported_file(void **state)
{
    (void)state;
    Tmp *t = tmp_new();
    tmp_write_free(t, "kinds.ramme",
                   "schema room toplevel named titled {\n  seats int default 10\n  floor int optional\n}\n");
    char *main = tmp_write(t, "main.ramme", "import \"./kinds.ramme\"\nroom r1 \"Big\" {\n  floor 2\n}\n");
    C *c = comp_file(main);
    expect_clean(c);
    Block *r1 = decl(c, "room", "r1");
    assert_non_null(r1);
    assert_string_equal(r1->title, "Big");
    assert_int_equal(model_get(r1, "seats")->u.i, 10);
    assert_true(model_get(r1, "seats")->is_default);
    assert_int_equal(model_get(r1, "floor")->u.i, 2);
    Block **out;
    assert_int_equal(compile_main_decls(c->p, "room", &out), 1);
    c_free(c);
    free(main);
    tmp_free(t);
}

/* Limits tested at the limit: a source of exactly the limit is read, one
 * byte more is refused with one error naming the file. The limit is set
 * small here (1 MiB); the default, LOAD_MAX_BYTES, works the same way. */
static void test_source_size_limit(void **state)
{
    (void)state;
    Tmp *t = tmp_new();
    const char *head = "# padding\n";
    for (int extra = 0; extra <= 1; extra++) {
        char *path = tmp_write(t, extra ? "big.ramme" : "limit.ramme", "");
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        size_t total = ((size_t)1 << 20) + (size_t)extra;
        fputs(head, f);
        /* A comment line as long as needed: legal source, nothing declared. */
        fputc('#', f);
        for (size_t i = strlen(head) + 2; i < total; i++)
            fputc('x', f);
        fputc('\n', f);
        fclose(f);
        C *c = c_new();
        CompileOptions o = {NULL, 0, (size_t)1 << 20, 0};
        c->p = compile_file(path, &o, &c->ss, &c->d);
        if (extra) {
            assert_int_equal(c->d.errors, 1);
            assert_non_null(find_error(c, "larger than"));
            assert_string_equal(c->d.items[0].path, path);
        } else {
            expect_clean(c);
        }
        c_free(c);
        free(path);
    }
    tmp_free(t);
}


/* A batch file (batch.h) may be larger than a file parsed whole: it is read
 * course by course. When its layout is unclear it cannot be, and the error
 * says where instead of building one huge syntax tree. */
static char *batch_text(int n, int broken)
{
    size_t cap = (size_t)n * 160 + 64, len = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    len += (size_t)snprintf(t + len, cap - len, "# batch\n");
    for (int i = 1; i <= n; i++)
        len += (size_t)snprintf(t + len, cap - len,
                                "course c%d \"K %d\" {\n  provider \"P\"; group_size 1..8\n  target t \"T\" { lived_experience }\n"
                                "  instructors { instructor p \"P\" { professional } }\n%s", i, i,
                                i == broken ? "" : "}\n");
    return t;
}

static void test_batch_larger_than_a_whole_file(void **state)
{
    (void)state;
    Tmp *t = tmp_new();
    /* The limits are small here (the stdlib's files must still fit). */
    CompileOptions o = {NULL, 0, 64 << 10, 256 << 10};
    for (int broken = 0; broken <= 10; broken += 10) {
        char *text = batch_text(1000, broken);
        assert_true(strlen(text) > (64 << 10) && strlen(text) < (256 << 10));
        char *path = tmp_write(t, "batch.ramme", text);
        C *c = c_new();
        c->p = compile_batch(path, "course", &o, &c->ss, &c->d);
        BatchIter it;
        batch_begin(&it, c->p);
        int n = 0, clean = 0;
        for (Block *b; (b = batch_next(&it)) != NULL;) {
            n++;
            clean += it.clean;
        }
        batch_end(&it);
        if (!broken) {
            expect_clean(c);
            assert_int_equal(n, 1000);
            assert_int_equal(clean, 1000);
        } else {
            const Diag *x = expect_error(c, "so it is read course by course, but a '{' that is never closed");
            assert_int_equal(LINE(x->span), 2 + 5 * (broken - 1));
            assert_int_equal(COL(x->span), 1);
            assert_int_equal(c->d.errors, 1);
            assert_int_equal(n, 0);
        }
        c_free(c);
        free(path);
        free(text);
    }
    /* Over the batch limit: refused like any file over its limit. */
    char *text = batch_text(3000, 0);
    assert_true(strlen(text) > (256 << 10));
    char *path = tmp_write(t, "big.ramme", text);
    C *c = c_new();
    c->p = compile_batch(path, "course", &o, &c->ss, &c->d);
    expect_error(c, "larger than");
    c_free(c);
    free(path);
    free(text);
    tmp_free(t);
}

/* A batch judged by runs of steps out of order (as check -j's threads take
 * them) and handed on in order (batch_run_hand_on, a run with a wrong
 * guess judged again in order) yields the blocks, clean flags and
 * diagnostics that batch_next yields. The cap is 3 errors: a run that
 * began before the cap was passed guesses wrong; courses 'a' (after a
 * course 'a' with a syntax error) and 'c' (twice) test "declared twice". */
typedef struct Seen {
    char what[64][48];
    int n;
} Seen;

static void seen_add(Seen *s, const Block *b, bool clean)
{
    assert_true(s->n < 64);
    snprintf(s->what[s->n++], sizeof s->what[0], "%s %d", b->name ? b->name : "-", clean);
}

static void test_batch_runs_in_any_order(void **state)
{
    (void)state;
    Tmp *t = tmp_new();
    const char *body = " {\n  provider \"P\"; group_size 1..8\n  target t \"T\" { lived_experience }\n"
                       "  instructors { instructor p \"P\" { professional } }\n}\n";
    char text[8192];
    size_t len = 0;
    const char *names[] = {"a", "b", "c", "d", "e", "c", "f", "a", "g", "h", "i", "j", "k", "a"};
    for (int i = 0; i < 14; i++) {
        /* A syntax error in courses 2, 5 and 8: two errors each. */
        const char *bad = i == 1 || i == 4 || i == 7 ? " {\n  hours = = 3" : " {";
        len += (size_t)snprintf(text + len, sizeof text - len, "course %s \"%d\"%s%s", names[i], i, bad, body + 2);
        assert_true(len < sizeof text);
    }
    char *path = tmp_write(t, "runs.ramme", text);
    /* In order. */
    C *c = c_new();
    c->d.max_errors = 3;
    c->p = compile_batch(path, "course", NULL, &c->ss, &c->d);
    BatchIter it;
    batch_begin(&it, c->p);
    Seen one = {.n = 0};
    for (Block *b; (b = batch_next(&it)) != NULL;)
        seen_add(&one, b, it.clean);
    batch_end(&it);
    /* Runs of two steps, judged last first, then handed on in order. */
    C *c2 = c_new();
    c2->d.max_errors = 3;
    c2->p = compile_batch(path, "course", NULL, &c2->ss, &c2->d);
    batch_begin(&it, c2->p);
    int nsteps = batch_plan(&it);
    assert_int_equal(nsteps, 14);
    enum { PER = 2, RUNS = 7 };
    BatchRun runs[RUNS];
    Seen got[RUNS];
    BatchWorker w;
    batch_worker_init(&w, &it);
    for (int r = RUNS - 1; r >= 0; r--) {
        batch_run_begin(&w, &runs[r], c2->d.errors);
        got[r].n = 0;
        for (int k = r * PER; k < (r + 1) * PER; k++) {
            Block *b = batch_worker_step(&w, k);
            if (b)
                seen_add(&got[r], b, w.clean);
        }
    }
    Seen all = {.n = 0};
    int again = 0;
    for (int r = 0; r < RUNS; r++) {
        if (batch_run_hand_on(&it, &runs[r], &c2->d)) {
            for (int k = 0; k < got[r].n; k++)
                memcpy(all.what[all.n++], got[r].what[k], sizeof all.what[0]);
        } else {
            again++;
            batch_worker_ordered(&w, &c2->d);
            for (int k = r * PER; k < (r + 1) * PER; k++) {
                Block *b = batch_worker_step(&w, k);
                if (b)
                    seen_add(&all, b, w.clean);
            }
        }
        batch_run_free(&runs[r]);
    }
    batch_worker_free(&w);
    batch_end(&it);
    assert_true(again > 0 && again < RUNS); /* some guessed wrong, some right */
    assert_int_equal(all.n, one.n);
    for (int k = 0; k < one.n; k++)
        assert_string_equal(all.what[k], one.what[k]);
    assert_int_equal(c2->d.n, c->d.n);
    assert_int_equal(c2->d.errors, c->d.errors);
    assert_true(c->d.capped && c2->d.capped);
    for (int k = 0; k < c->d.n; k++) {
        assert_int_equal(c2->d.items[k].severity, c->d.items[k].severity);
        assert_int_equal(LINE(c2->d.items[k].span), LINE(c->d.items[k].span));
        assert_string_equal(c2->d.items[k].msg, c->d.items[k].msg);
        assert_int_equal(c2->d.items[k].nnotes, c->d.items[k].nnotes);
    }
    c_free(c);
    c_free(c2);
    free(path);
    tmp_free(t);
}

/* Two courses of one batch with the same name: the second is an error whose
 * note points at the first, which is judged; the second is not. */
static void test_batch_declared_twice(void **state)
{
    (void)state;
    /* A batch that cannot be read: one error, nothing to iterate. */
    C *c = c_new();
    c->p = compile_batch("no-such-batch.ramme", "course", NULL, &c->ss, &c->d);
    expect_error(c, "cannot read");
    BatchIter none;
    batch_begin(&none, c->p);
    assert_null(batch_next(&none));
    batch_end(&none);
    c_free(c);
    Tmp *t = tmp_new();
    char *path = tmp_write(t, "dup.ramme",
                           "course a \"A\" {\n  provider \"P\"; group_size 1..8\n  target t \"T\" { lived_experience }\n  instructors { instructor p \"P\" { professional } }\n}\n"
                           "course b \"B\" {\n  provider \"P\"; group_size 1..8\n  target t \"T\" { lived_experience }\n  instructors { instructor p \"P\" { professional } }\n}\n"
                           "course a \"A again\" {\n  provider \"P\"; group_size 1..8\n  target t \"T\" { lived_experience }\n  instructors { instructor p \"P\" { professional } }\n}\n");
    c = c_new();
    c->p = compile_batch(path, "course", NULL, &c->ss, &c->d);
    BatchIter it;
    batch_begin(&it, c->p);
    const char *judged[4] = {0};
    int n = 0;
    for (Block *b; (b = batch_next(&it)) != NULL;)
        if (it.clean && n < 4)
            judged[n++] = arena_strdup(c->p->arena, b->name);
    batch_end(&it);
    assert_int_equal(n, 2);
    assert_string_equal(judged[0], "a");
    assert_string_equal(judged[1], "b");
    const Diag *x = expect_error(c, "course 'a' is declared twice");
    assert_int_equal(LINE(x->span), 11);
    assert_int_equal(x->nnotes, 1);
    assert_int_equal(LINE(x->notes[0].span), 1);
    assert_int_equal(COL(x->notes[0].span), 8);
    c_free(c);
    free(path);
    /* A name with a letter of two bytes: the note on the first one (found
     * in the skim, counted from its course's start) is as wide as the name
     * in characters, like the error's own span. */
    path = tmp_write(t, "dup-ae.ramme",
                     "course æble \"A\" {\n  provider \"P\"; group_size 1..8\n  target t \"T\" { lived_experience }\n  instructors { instructor p \"P\" { professional } }\n}\n"
                     "\r\n# between\r\n\n"
                     "course  æble \"A again\" {\n  provider \"P\"; group_size 1..8\n  target t \"T\" { lived_experience }\n  instructors { instructor p \"P\" { professional } }\n}\n");
    c = c_new();
    c->p = compile_batch(path, "course", NULL, &c->ss, &c->d);
    batch_begin(&it, c->p);
    while (batch_next(&it))
        ;
    batch_end(&it);
    x = expect_error(c, "course 'æble' is declared twice");
    assert_int_equal(LINE(x->span), 9);
    assert_int_equal(COL(x->span), 9);
    assert_int_equal(END_COL(x->span), 13);
    assert_int_equal(x->nnotes, 1);
    assert_int_equal(LINE(x->notes[0].span), 1);
    assert_int_equal(COL(x->notes[0].span), 8);
    assert_int_equal(END_LINE(x->notes[0].span), 1);
    assert_int_equal(END_COL(x->notes[0].span), 12);
    c_free(c);
    free(path);
    tmp_free(t);
}

/* ------------------------------------------------------------ words and references as written */

/* model_field_as and model_enum_index through the words' index (words.h)
 * answer what the scan answers without it (a schema made by hand), for
 * every word of every standard schema and enum, a word cut short or made
 * longer by a byte, words of one or two bytes and the empty word. */
static void test_words_index_agrees_with_scan(void **state)
{
    (void)state;
    C *c = comp_text("import \"national\"\n");
    expect_clean(c);
    int asked = 0;
    for (int k = 0; k < c->p->nschemas; k++) {
        Schema *s = c->p->schemas[k];
        assert_non_null(s->words);
        Schema bare = *s;
        bare.words = NULL;
        const char *w[512];
        int n = model_field_words(s, w, 512);
        char buf[96];
        for (int i = 0; i < n; i++) {
            const char *tries[] = {w[i], buf, buf, buf, "a", "ab", "", "remove"};
            for (int t = 0; t < 8; t++) {
                size_t len = strlen(w[i]);
                if (t == 1)
                    snprintf(buf, sizeof buf, "%.*s", (int)(len - 1), w[i]);
                else if (t == 2)
                    snprintf(buf, sizeof buf, "%sx", w[i]);
                else if (t == 3)
                    snprintf(buf, sizeof buf, "%.3sq%s", w[i], len > 4 ? w[i] + 4 : "");
                bool a1 = true, a2 = true;
                Field *f1 = model_field_as(s, tries[t], &a1), *f2 = model_field_as(&bare, tries[t], &a2);
                assert_ptr_equal(f1, f2);
                assert_int_equal(a1, a2);
                asked++;
            }
            assert_non_null(model_field(s, w[i]));
        }
    }
    for (int k = 0; k < c->p->nenums; k++) {
        EnumDef *e = c->p->enums[k];
        assert_non_null(e->words);
        EnumDef bare = *e;
        bare.words = NULL;
        for (int i = 0; i < e->n + e->naliases; i++) {
            const char *word = i < e->n ? e->members[i].name : e->alias_names[i - e->n];
            assert_int_equal(model_enum_index(e, word), model_enum_index(&bare, word));
            assert_true(model_enum_index(e, word) >= 0);
        }
        assert_int_equal(model_enum_index(e, "no_such_member"), -1);
    }
    assert_true(asked > 500);
    c_free(c);
}

/* Every word of a schema carries what the builder reads of its field for
 * each key (fill_body reads the word, not the field): the field's type,
 * `many`, whether it is derived and its index, for a field's name and
 * each of its aliases, found by its name and as written in a text; and
 * every word fits one cache line (words_text compares one line). */
static void test_words_carry_their_fields(void **state)
{
    (void)state;
    C *c = comp_text("import \"national\"\n");
    expect_clean(c);
    int many = 0, derived = 0, aliases = 0;
    for (int k = 0; k < c->p->nschemas; k++) {
        Schema *s = c->p->schemas[k];
        const char *w[512];
        int n = model_field_words(s, w, 512);
        for (int i = 0; i < n; i++) {
            bool alias;
            Field *f = model_field_as(s, w[i], &alias);
            assert_non_null(f);
            const FieldWord *fw = words_entry(s->words, w[i]);
            assert_non_null(fw);
            assert_ptr_equal(fw->field, f);
            assert_ptr_equal(fw->type, f->type);
            assert_int_equal(fw->many, f->many);
            assert_int_equal(fw->derived, f->derived != NULL);
            assert_int_equal(fw->index, f->index);
            assert_ptr_equal(s->fields[fw->index], f);
            assert_int_equal(fw->alias, alias);
            char text[64] = {0}; /* WORDS_TEXT bytes readable after the word */
            size_t len = strlen(w[i]);
            if (len <= WORDS_TEXT) {
                memcpy(text, w[i], len);
                assert_ptr_equal(words_text(s->words, text, (uint32_t)len), fw);
            }
            many += fw->many;
            derived += fw->derived;
            aliases += fw->alias;
        }
    }
    /* The standard library has all three. */
    assert_true(many > 0);
    assert_true(derived > 0);
    assert_true(aliases > 0);
    assert_int_equal(sizeof(FieldWord), 64);
    c_free(c);
}

/* Every field of a scalar type (int, hours, string...) and every scalar
 * element of a range or list shares the program's one Type of that kind
 * (schema.c, scalar_type), and a type of another kind is its own. */
static void test_scalar_types_shared(void **state)
{
    (void)state;
    C *c = comp_text("import \"national\"\n");
    expect_clean(c);
    const Type *seen[TY_ID + 1] = {0};
    int shared = 0;
    for (int k = 0; k < c->p->nschemas; k++)
        for (int i = 0; i < c->p->schemas[k]->nfields; i++) {
            const Type *t = c->p->schemas[k]->fields[i]->type;
            if (t->k == TY_RANGE || t->k == TY_LIST)
                t = t->elem;
            switch (t->k) {
            case TY_BOOL: case TY_INT: case TY_NUMBER: case TY_STRING: case TY_DATE: case TY_TIME:
            case TY_MDAY: case TY_HOURS: case TY_SPAN: case TY_ID:
                assert_ptr_equal(t, &c->p->scalar_types[t->k]);
                shared += seen[t->k] != NULL;
                seen[t->k] = t;
                break;
            default:
                assert_true(t < c->p->scalar_types || t > &c->p->scalar_types[TY_ID]);
                break;
            }
        }
    assert_true(shared > 20);
    c_free(c);
}

/* A batch's courses (built one at a time, after the program) find their
 * keys, enum members and references as written in the text, and as
 * before where the text does not say: a target named before it is
 * declared (in its own course, not another's), misspelt names reported
 * with a did-you-mean, a key written decomposed (NFD; the key is its NFC
 * form), Danish words, and references and keys in the last bytes of the
 * file, where the text cannot be read a word at a time. */
static void test_batch_references_as_written(void **state)
{
    (void)state;
    Tmp *t = tmp_new();
    const char *text =
        "import \"national\"\n"
        "course a \"A\" {\n  provider \"P\"; group_size 1..8\n  target peers \"T\" { lived_experience }\n"
        "  module m \"M\" { hours 2h; covers recovery.hope, role.tools; mandatory_for peers }\n"
        "  instructors { instructor p \"P\" { professional } }\n  principles practice_oriented, network\n}\n"
        "course b \"B\" {\n  provider \"P\"; group_size 1..8\n"
        "  module m \"M\" { covers recovery.meaning; mandatory_for peers }\n"
        "  target peers \"T\" { lived_experience }\n"
        "  instructors { instructor p \"P\" { gennemga\xcc\x8a" "ende; professional } }\n"
        "  principper praksisorienteret\n}\n"
        "course c \"C\" {\n  provider \"P\"; group_size 1..8\n  target peers \"T\" { lived_experience }\n"
        "  module m \"M\" { covers recovery.hop; mandatory_for peer }\n"
        "  instructors { instructor p \"P\" { professional } }\n  providerx \"Q\"\n  principles networks\n}\n"
        "uddannelse d \"D\" {\n  udbyder \"P\"; holdstørrelse 1..8\n  målgruppe peers \"T\" { levede_erfaringer }\n"
        "  undervisere { rolle p \"P\" { fagprofessionel } }\n  modul m \"M\" { dækker role.tools }\n}";
    char *path = tmp_write(t, "batch.ramme", text);
    C *c = c_new();
    c->p = compile_batch(path, "course", NULL, &c->ss, &c->d);
    Block *nat = decl(c, "framework", "national");
    assert_non_null(nat);
    Block *hope = item(nat, "goal", "recovery.hope"), *tools = item(nat, "goal", "role.tools");
    Block *meaning = item(nat, "goal", "recovery.meaning");
    assert_non_null(hope);
    assert_non_null(tools);
    assert_non_null(meaning);
    BatchIter it;
    batch_begin(&it, c->p);
    int n = 0;
    for (Block *b; (b = batch_next(&it)) != NULL; n++) {
        Block *m = item(b, "module", "m");
        assert_non_null(m);
        Value *cov = model_get(m, "covers");
        Value *mf = model_get(m, "mandatory_for");
        if (strcmp(b->name, "a") == 0) {
            assert_true(it.clean);
            assert_int_equal(cov->u.list.n, 2);
            assert_ptr_equal(cov->u.list.items[0]->u.ref, hope);
            assert_ptr_equal(cov->u.list.items[1]->u.ref, tools);
            assert_ptr_equal(mf->u.list.items[0]->u.ref, item(b, "target", "peers"));
            Value *pr = model_get(b, "principles");
            assert_int_equal(pr->u.list.n, 2);
            assert_string_equal(pr->u.list.items[0]->u.en.enm->members[pr->u.list.items[0]->u.en.idx].name,
                                "practice_oriented");
            assert_string_equal(pr->u.list.items[1]->u.en.enm->members[pr->u.list.items[1]->u.en.idx].name, "network");
        } else if (strcmp(b->name, "b") == 0) {
            assert_true(it.clean);
            assert_ptr_equal(cov->u.list.items[0]->u.ref, meaning);
            /* Its own target, declared after the module. */
            assert_ptr_equal(mf->u.list.items[0]->u.ref, item(b, "target", "peers"));
            Block *ins = model_get(b, "instructors")->u.block;
            Block *p = item(ins, "instructor", "p");
            assert_true(model_get(p, "continuous")->u.b);
            assert_false(model_get(p, "continuous")->is_default);
            Value *pr = model_get(b, "principles");
            assert_string_equal(pr->u.list.items[0]->u.en.enm->members[pr->u.list.items[0]->u.en.idx].name,
                                "practice_oriented");
        } else if (strcmp(b->name, "d") == 0) {
            /* The file's last bytes: read as before, a word not at a time. */
            assert_true(it.clean);
            assert_ptr_equal(cov->u.list.items[0]->u.ref, tools);
            assert_true(model_get(item(b, "target", "peers"), "lived_experience")->u.b);
        } else {
            assert_string_equal(b->name, "c");
            assert_false(it.clean);
        }
    }
    batch_end(&it);
    assert_int_equal(n, 4);
    const Diag *x = expect_error(c, "no goal named 'recovery.hop'");
    expect_help(x, "did you mean 'recovery.hope'?");
    x = expect_error(c, "no target named 'peer'");
    expect_help(x, "did you mean 'peers'?");
    x = expect_error(c, "unknown key 'providerx' in course 'c'");
    expect_help(x, "did you mean 'provider'?");
    x = expect_error(c, "'networks' is not one of the principle values");
    expect_help(x, "did you mean 'network'?");
    assert_int_equal(c->d.errors, 4);
    c_free(c);
    free(path);
    tmp_free(t);
}

/* A batch item's named blocks are listed in room for 16, then doubled
 * (register_named): a course of 40 targets and 40 modules, each module
 * naming its target, and the other way round in the next course, finds
 * every one, and a name declared twice is still reported. */
static void test_batch_many_named(void **state)
{
    (void)state;
    Tmp *t = tmp_new();
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    fprintf(f, "import \"national\"\n");
    for (int k = 0; k < 2; k++) {
        fprintf(f, "course c%d \"C\" {\n  provider \"P\"; group_size 1..8\n", k);
        fprintf(f, "  instructors { instructor p \"P\" { professional } }\n");
        for (int i = 0; i < 40; i++) {
            /* The first course declares each target before its module, the
             * second after. */
            if (k == 0)
                fprintf(f, "  target t%d \"T\" { lived_experience }\n", i);
            fprintf(f, "  module m%d \"M\" { hours 2h; covers recovery.hope; mandatory_for t%d }\n", i, 39 - i);
            if (k == 1)
                fprintf(f, "  target t%d \"T\" { lived_experience }\n", i);
        }
        if (k == 1)
            fprintf(f, "  module m7 \"M\" { hours 2h; covers recovery.hope; mandatory_for t1 }\n");
        fprintf(f, "}\n");
    }
    fclose(f);
    char *path = tmp_write(t, "batch.ramme", text);
    free(text);
    C *c = c_new();
    c->p = compile_batch(path, "course", NULL, &c->ss, &c->d);
    BatchIter it;
    batch_begin(&it, c->p);
    int n = 0;
    for (Block *b; (b = batch_next(&it)) != NULL; n++) {
        assert_int_equal(count_items(b, "target"), 40);
        assert_int_equal(count_items(b, "module"), 40); /* the second m7 is not added */
        for (int i = 0; i < 40; i++) {
            char m[16], tg[16]; /* room for any int: gcc -O1 (make sanitize) checks */
            snprintf(m, sizeof m, "m%d", i);
            snprintf(tg, sizeof tg, "t%d", 39 - i);
            Block *mb = item(b, "module", m);
            assert_non_null(mb);
            Value *mf = model_get(mb, "mandatory_for");
            assert_non_null(mf);
            assert_ptr_equal(mf->u.list.items[0]->u.ref, item(b, "target", tg));
        }
    }
    batch_end(&it);
    assert_int_equal(n, 2);
    expect_error(c, "module 'm7' is declared twice");
    assert_int_equal(c->d.errors, 1);
    c_free(c);
    free(path);
    tmp_free(t);
}

/* Did-you-mean offers a near name, never one that is not UTF-8 (a batch
 * file's skim knows the names of courses whose text is not: fuzz_batch). */
static void test_suggest_skips_names_not_utf8(void **state)
{
    (void)state;
    const char *cands[] = {"kur\xb7us", "kursis"};
    assert_string_equal(model_suggest("kursus", cands, 2), "kursis");
    assert_null(model_suggest("kursus", cands, 1));
    const char *ok[] = {"kursus"};
    assert_string_equal(model_suggest("kurus", ok, 1), "kursus");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_search_path_include_first),
        cmocka_unit_test(test_batch_larger_than_a_whole_file),
        cmocka_unit_test(test_batch_declared_twice),
        cmocka_unit_test(test_batch_runs_in_any_order),
        cmocka_unit_test(test_words_index_agrees_with_scan),
        cmocka_unit_test(test_words_carry_their_fields),
        cmocka_unit_test(test_scalar_types_shared),
        cmocka_unit_test(test_batch_references_as_written),
        cmocka_unit_test(test_batch_many_named),
        cmocka_unit_test(test_search_path_ramme_path_before_stdlib),
        cmocka_unit_test(test_search_path_stdlib_default),
        cmocka_unit_test(test_shadowed_module_used_by_course),
        cmocka_unit_test(test_relative_import),
        cmocka_unit_test(test_relative_import_from_text_uses_cwd),
        cmocka_unit_test(test_import_missing_module),
        cmocka_unit_test(test_import_bad_names),
        cmocka_unit_test(test_import_cycle),
        cmocka_unit_test(test_import_self),
        cmocka_unit_test(test_import_depth_limit),
        cmocka_unit_test(test_each_file_loaded_once),
        cmocka_unit_test(test_unknown_declaration_kind),
        cmocka_unit_test(test_extends_merge),
        cmocka_unit_test(test_extends_remove),
        cmocka_unit_test(test_extends_own_title_and_chain),
        cmocka_unit_test(test_extends_cycle),
        cmocka_unit_test(test_extends_chain_limit),
        cmocka_unit_test(test_extends_chain_limit_any_order),
        cmocka_unit_test(test_extends_unknown_target),
        cmocka_unit_test(test_framework_extends),
        cmocka_unit_test(test_duplicate_declarations),
        cmocka_unit_test(test_defaults_applied),
        cmocka_unit_test(test_defaults_converted_once),
        cmocka_unit_test(test_required_key_missing),
        cmocka_unit_test(test_unknown_key),
        cmocka_unit_test(test_wrong_unit_and_type),
        cmocka_unit_test(test_references_resolve),
        cmocka_unit_test(test_references_unresolved),
        cmocka_unit_test(test_user_schema),
        cmocka_unit_test(test_field_lookup),
        cmocka_unit_test(test_named_filed_when_referenced),
        cmocka_unit_test(test_user_schema_in_imported_file),
        cmocka_unit_test(test_alias_is_the_field),
        cmocka_unit_test(test_alias_messages_use_the_word_written),
        cmocka_unit_test(test_alias_declarations_checked),
        cmocka_unit_test(test_source_size_limit),
        cmocka_unit_test(test_suggest_skips_names_not_utf8),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
