/* cli_test.c — `ramme test [PATH...]` (TOOLS.md §3): every `expect` in the
 * .ramme files under the paths (default: the current directory, searched
 * recursively, hidden directories left out), judged by apps/expect.h; one
 * line per expectation, then "N passed, N failed" (emit/test_out.h). Exit
 * status 1 when an expectation fails, 2 when a file cannot be read or
 * compiled (it counts as a failure too). */
#define _GNU_SOURCE /* nftw with FTW_ACTIONRETVAL (skip hidden directories) */
#include "cli/cli.h"
#include "base/i18n.h"
#include "apps/expect.h"
#include "emit/jdoc.h"
#include "emit/render.h"
#include "emit/test_out.h"
#include "model/compile.h"

#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct Files {
    char **paths;
    int n, cap;
} Files;

/* nftw has no user pointer: the list being filled, for the one walk at a
 * time this command makes. */
static Files *walking;

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    const char *base = path + ftw->base;
    if (type == FTW_D && ftw->level > 0 && base[0] == '.')
        return FTW_SKIP_SUBTREE;
    size_t n = strlen(base);
    if (type == FTW_F && S_ISREG(st->st_mode) && n > 6 && strcmp(base + n - 6, ".ramme") == 0 && base[0] != '.') {
        walking->paths = heap_push(walking->paths, &walking->cap, walking->n, sizeof *walking->paths);
        /* "./x.ramme" from the default "." is shown as "x.ramme". */
        walking->paths[walking->n] = strdup(strncmp(path, "./", 2) == 0 ? path + 2 : path);
        if (!walking->paths[walking->n++])
            arena_oom();
    }
    return FTW_CONTINUE;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

int cli_test(Options *o)
{
    if (o->format != FMT_TEXT && o->format != FMT_JSON)
        return cli_bad_usage(_("test writes text or json, not %s"), o->format == FMT_CSV ? "csv" : "ics");
    static const char *here[] = {"."};
    const char **paths = o->nargs ? o->args : here;
    int npaths = o->nargs ? o->nargs : 1;
    Files files = {NULL, 0, 0};
    walking = &files;
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0)
            return cli_bad_usage(_("no file or directory '%s'"), paths[i]);
        if (S_ISDIR(st.st_mode)) {
            int before = files.n;
            nftw(paths[i], visit, 16, FTW_PHYS | FTW_ACTIONRETVAL);
            qsort(files.paths + before, (size_t)(files.n - before), sizeof *files.paths, by_name);
        } else {
            files.paths = heap_push(files.paths, &files.cap, files.n, sizeof *files.paths);
            files.paths[files.n] = strdup(paths[i]);
            if (!files.paths[files.n++])
                arena_oom();
        }
    }
    walking = NULL;

    bool json = o->format == FMT_JSON;
    JDoc *doc = json ? jdoc_begin(stdout, "expectations") : NULL;
    int passed = 0, failed = 0, status = EXIT_PASS;
    for (int i = 0; i < files.n; i++) {
        CliSession s;
        cli_open(&s, o, files.paths[i], NULL);
        if (s.d.errors) {
            failed++;
            status = EXIT_INPUT;
            if (!json)
                test_text_broken(stdout, files.paths[i], o->color_out);
        } else {
            Block **all;
            int n = compile_main_decls(s.p, "expect", &all);
            Arena *a = arena_new();
            for (int k = 0; k < n; k++) {
                ExpectResult r;
                arena_reset(a);
                if (!expect_run(s.p, all[k], a, &r)) {
                    failed++;
                    status = EXIT_INPUT;
                    continue;
                }
                if (r.nmisses) {
                    failed++;
                    if (status == EXIT_PASS)
                        status = EXIT_RULES;
                } else {
                    passed++;
                }
                if (json)
                    test_json(jdoc_items(doc), &r, &s.ss);
                else
                    test_text(stdout, &r, &s.ss, o->color_out);
            }
            arena_free(a);
        }
        diag_sort(&s.d);
        if (json) {
            jdoc_diags(doc, &s.d, &s.ss);
        } else if (s.d.n) {
            fflush(stdout);
            render_diags_text(stderr, &s.d, &s.ss, o->color);
        }
        cli_close(&s);
        free(files.paths[i]);
    }
    free(files.paths);
    /* A failed write leaves stdout in error: cli_finish_stdout reports it. */
    if (json) {
        jdoc_close_items(doc);
        test_json_summary(jdoc_items(doc), passed, failed);
        (void)jdoc_end(doc);
    } else {
        test_text_summary(stdout, passed, failed);
    }
    return status;
}
