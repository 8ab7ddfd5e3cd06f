/* cli_init.c — `ramme init [--format cohort|modular] [NAME]` (TOOLS.md §1):
 * writes NAME.ramme (never over an existing file) from the standard
 * library's template (stdlib/init/cohort.ramme or modular.ramme): every key
 * of the course schema with a Danish comment and an example value, the
 * national framework's competence goals listed by id and title, and an
 * admission block to fill in. The templates are Danish text in the stdlib;
 * this file only fills in the name, the file name and the goals, which it
 * reads from the framework itself so the list cannot fall behind. The result
 * is compiled before it is written: it must type-check as written. */
#include "cli/cli.h"
#include "base/esc.h"
#include "base/i18n.h"
#include "base/sbuf.h"
#include "model/compile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* A NAME the language reads as one identifier: a letter or '_' first (any
 * non-ASCII byte counts as a letter: the lexer has the last word). */
static bool name_ok(const char *s)
{
    if (!*s || (*s >= '0' && *s <= '9'))
        return false;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (!(c >= 0x80 || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

/* The goal list: one comment line a goal, id and title (the heading is the
 * template's). */
static void write_goals(SBuf *b, Program *p)
{
    Schema *fs = model_schema(p, "framework");
    Block *national = fs ? model_decl(p, fs, "national") : NULL;
    Value *goals = national ? model_get(national, "goal") : NULL;
    if (!goals || goals->k != V_LIST)
        return;
    size_t w = 0;
    for (int i = 0; i < goals->u.list.n; i++)
        if (strlen(goals->u.list.items[i]->u.block->name) > w)
            w = strlen(goals->u.list.items[i]->u.block->name);
    for (int i = 0; i < goals->u.list.n; i++) {
        const Block *g = goals->u.list.items[i]->u.block;
        sb_puts(b, "  #   ");
        sb_puts(b, g->name);
        for (size_t k = strlen(g->name); k < w + 2; k++)
            sb_puts(b, " ");
        sb_puts(b, g->title ? g->title : "");
        sb_puts(b, "\n");
    }
}

/* The template with {NAME}, {FILE} and {GOALS} filled in (every word of it,
 * Danish included, is the template's: stdlib/init/). */
static char *fill(Arena *a, Program *p, const char *tpl, const char *name, const char *file)
{
    SBuf b = sb_new(a);
    for (const char *s = tpl; *s;) {
        if (strncmp(s, "{NAME}", 6) == 0) {
            sb_puts(&b, name);
            s += 6;
        } else if (strncmp(s, "{FILE}", 6) == 0) {
            sb_puts(&b, file);
            s += 6;
        } else if (strncmp(s, "{GOALS}\n", 8) == 0) {
            write_goals(&b, p);
            s += 8;
        } else {
            sb_put(&b, s, 1);
            s++;
        }
    }
    return sb_str(&b);
}

int cli_init(Options *o)
{
    if (o->nargs > 1)
        return cli_bad_usage(_("init takes one NAME (the course's name, and its file's: NAME.ramme)%s"), "");
    /* TRANSLATORS: the course's name, and its file's, when `ramme init` is given
       no NAME: letters, digits and _ only (Danish: kursus) */
    const char *name = o->nargs ? o->args[0] : _("course");
    if (!name_ok(name))
        return cli_bad_usage(_("'%s' cannot be a course's name: use letters, digits and _, as in course_2026"), name);
    const char *kind = o->course_format ? o->course_format : "cohort";
    CliSession s;
    cli_open(&s, o, NULL, NULL); /* the stdlib's modules: national's goals, the search path */
    Arena *a = arena_new();
    const char *file = arena_printf(a, "%s.ramme", name);
    int status = EXIT_PASS;
    int src = -1;
    for (int k = 0; k < s.p->nsearch && src < 0; k++)
        src = src_read(&s.ss, arena_printf(a, "%s/init/%s.ramme", s.p->search[k], kind), 1 << 20);
    if (s.d.errors) {
        status = cli_fail_diags(o, &s.d, &s.ss);
    } else if (src < 0) {
        cli_error(_("the standard library has no template init/%s.ramme"), kind);
        status = EXIT_INPUT;
    } else {
        char *text = fill(a, s.p, s.ss.files[src]->text, name, file);
        /* What it writes must compile as written: else the template is wrong. */
        CliSession t;
        src_init(&t.ss);
        diag_init(&t.d);
        CompileOptions co = {o->include, o->ninclude, 0, 0};
        t.p = compile_text(file, text, &co, &t.ss, &t.d);
        if (t.d.errors) {
            cli_error("%s", _("the course template does not compile (a fault in the standard library):"));
            status = cli_fail_diags(o, &t.d, &t.ss);
        } else {
            int fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0666);
            size_t n = strlen(text);
            if (fd < 0) {
                fprintf(stderr, _("%s: error: %s\n"), esc_text(a, file),
                        errno == EEXIST ? _("the file exists already; ramme init never writes over a file")
                                        : strerror(errno));
                status = EXIT_INPUT;
            } else if (write(fd, text, n) != (ssize_t)n || close(fd) != 0) {
                fprintf(stderr, _("%s: error: cannot write it: %s\n"), esc_text(a, file), strerror(errno));
                unlink(file);
                status = EXIT_INPUT;
            } else {
                /* A notice, not a report: on stderr, as a compiler's are. */
                fprintf(stderr, _("wrote %s: a %s course to fill in; then run: ramme check %s\n"), esc_text(a, file),
                        kind, esc_text(a, file));
            }
        }
        cli_close(&t);
    }
    arena_free(a);
    cli_close(&s);
    return status;
}
