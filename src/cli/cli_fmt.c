/* cli_fmt.c — `ramme fmt [--check] [-w] [FILE...]` (TOOLS.md §2): each
 * FILE (standard input when none) in the canonical layout of front/fmt.h.
 * Without options the formatted text goes to standard output; --check
 * prints the name of each file that would change and exits 1 when there is
 * one; -w rewrites each file that changes, atomically (base/outfile.h). A
 * file that does not parse is left alone: its diagnostics as every command
 * prints them, exit 2. --syntax-tree prints fmt_tree's outline of each file
 * instead (what tests/e2e/fmt.sh compares before and after). */
#include "cli/cli.h"
#include "base/arena.h"
#include "base/i18n.h"
#include "base/sbuf.h"
#include "emit/fmt_out.h"
#include "front/fmt.h"
#include "front/parse.h"

#include <errno.h>
#include <string.h>

#define FMT_MAX_BYTES ((size_t)64 << 20)

/* Standard input as source text; -1 when it cannot be read. */
static int read_stdin(SourceSet *ss, Arena *a)
{
    SBuf b = sb_new(a);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
        sb_put(&b, buf, n);
        if (b.n > FMT_MAX_BYTES)
            return -2;
    }
    if (ferror(stdin))
        return -1;
    return src_add(ss, "<stdin>", b.s ? b.s : "", b.n);
}

/* One file: returns its exit status; *changed when its layout is not the
 * canonical one. */
static int fmt_one(const Options *o, const char *path, bool *changed)
{
    SourceSet ss;
    Diags d;
    src_init(&ss);
    diag_init(&d);
    Arena *a = arena_new();
    int status = EXIT_PASS;
    const char *shown = path ? path : "<stdin>";
    int file = path ? src_read(&ss, path, FMT_MAX_BYTES) : read_stdin(&ss, a);
    *changed = false;
    if (file < 0) {
        if (file == -2)
            diag_error_file(&d, shown, _("the file is larger than %zu MiB"), FMT_MAX_BYTES >> 20);
        else
            diag_error_file(&d, shown, _("cannot read it: %s"), strerror(errno));
        status = cli_fail_diags(o, &d, &ss);
    } else if (o->fmt_tree) {
        File *f = parse_file(a, &d, &ss, file);
        if (d.errors) {
            status = cli_fail_diags(o, &d, &ss);
        } else {
            fmtout_tree(stdout, f);
        }
    } else {
        char *out;
        size_t len;
        FmtStatus st = fmt_source(a, &d, &ss, file, &out, &len);
        const Source *src = ss.files[file];
        if (st == FMT_BAD_SYNTAX) {
            status = cli_fail_diags(o, &d, &ss);
        } else if (st == FMT_FAULT) {
            cli_error(_("%s: the new layout would change what the file says, so it is left as it is "
                        "(a fault in ramme fmt; please report it with the file)"),
                      shown);
            status = EXIT_INPUT;
        } else {
            *changed = src->len != len || memcmp(src->text, out, len) != 0;
            if (o->fmt_check) {
                if (*changed)
                    fmtout_changed(stdout, shown);
            } else if (o->fmt_write) {
                if (*changed) {
                    OutFile of;
                    FILE *fp = cli_outfile_open(path, &of);
                    if (!fp) {
                        cli_error("%s", of.msg);
                        status = EXIT_INPUT;
                    } else if (fwrite(out, 1, len, fp) != len) {
                        cli_outfile_abort(&of);
                        cli_error(_("cannot write %s"), path);
                        status = EXIT_INPUT;
                    } else if (cli_outfile_commit(&of) != 0) {
                        cli_error("%s", of.msg);
                        status = EXIT_INPUT;
                    }
                }
            } else {
                fmtout_text(stdout, out, len);
            }
        }
    }
    arena_free(a);
    diag_free(&d);
    src_free(&ss);
    return status;
}

int cli_fmt(Options *o)
{
    if (o->fmt_check && o->fmt_write)
        return cli_bad_usage(_("fmt takes --check or -w, not both"), NULL);
    if (o->fmt_write && o->nargs == 0)
        return cli_bad_usage(_("fmt -w rewrites the FILEs named after it; standard input has no file to rewrite"), NULL);
    int status = EXIT_PASS;
    bool any = false;
    for (int i = 0; i < (o->nargs ? o->nargs : 1); i++) {
        const char *path = o->nargs ? o->args[i] : NULL;
        if (path && strcmp(path, "-") == 0)
            path = NULL;
        if (!path && o->fmt_write)
            return cli_bad_usage(_("fmt -w rewrites the FILEs named after it; standard input has no file to rewrite"), NULL);
        bool changed;
        int st = fmt_one(o, path, &changed);
        if (st > status)
            status = st;
        any = any || changed;
    }
    if (status == EXIT_PASS && o->fmt_check && any)
        status = EXIT_RULES;
    return status;
}
