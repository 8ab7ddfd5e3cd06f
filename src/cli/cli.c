/* cli.c — helpers the command line's files share (cli.h). */
#define _GNU_SOURCE /* sched_getaffinity and CPU_COUNT: the CPUs this process may run on */
#include "cli/cli.h"
#include "model/batch.h"
#include "model/compile.h"
#include "emit/render.h"
#include "base/esc.h"
#include "base/i18n.h"
#include "emit/words.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "ramme: SEVERITY: " then `fmt` with `arg` (escaped) or `fmt` alone. */
static void say(const char *lead, const char *fmt, const char *arg)
{
    fputs(lead, stderr);
    if (arg) {
        Arena *a = arena_new();
        fprintf(stderr, fmt, esc_text(a, arg));
        arena_free(a);
    } else {
        fputs(fmt, stderr);
    }
    fputc('\n', stderr);
}

void cli_error(const char *fmt, const char *arg)
{
    char lead[64];
    snprintf(lead, sizeof lead, "ramme: %s: ", words_diag(DIAG_ERROR));
    say(lead, fmt, arg);
}

void cli_warning(const char *fmt, const char *arg)
{
    char lead[64];
    snprintf(lead, sizeof lead, "ramme: %s: ", words_diag(DIAG_WARNING));
    say(lead, fmt, arg);
}

void cli_help(const char *fmt, const char *arg)
{
    char lead[64];
    snprintf(lead, sizeof lead, "      = %s: ", words_help());
    say(lead, fmt, arg);
}

int cli_bad_usage(const char *fmt, const char *arg)
{
    cli_error(fmt, arg);
    cli_help(_("ramme --help lists the commands and options"), NULL);
    return EXIT_INPUT;
}

Block *cli_pick_named(Diags *d, const char *file, const char *kind_msg, Block **all, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(all[i]->name, name) == 0)
            return all[i];
    diag_error_file(d, file, kind_msg, name);
    const char *c[256];
    for (int i = 0; i < n && i < 256; i++)
        c[i] = all[i]->name;
    const char *sug = model_suggest(name, c, n < 256 ? n : 256);
    if (sug)
        diag_help(d, _("did you mean '%s'?"), sug);
    return NULL;
}

Block *cli_choose(Diags *d, Arena *a, const char *file, Block **all, int n, const char *name, const CliChoice *c)
{
    if (name)
        return cli_pick_named(d, file, c->not_named, all, n, name);
    if (n == 1)
        return all[0];
    if (n == 0) {
        diag_error_file(d, file, "%s", c->none);
        diag_help(d, "%s", c->none_help);
        return NULL;
    }
    char *names = "";
    for (int i = 0; i < n; i++)
        names = arena_printf(a, "%s%s%s", names, i ? ", " : "", all[i]->name);
    diag_error_file(d, file, c->several, n, names);
    diag_help(d, "%s", c->several_help);
    return NULL;
}

void cli_open(CliSession *s, const Options *o, const char *file, const char *batch_kind)
{
    src_init(&s->ss);
    diag_init(&s->d);
    CompileOptions co = {o->include, o->ninclude, 0, 0};
    if (!file)
        s->p = compile_all_modules(&co, &s->ss, &s->d);
    else if (batch_kind)
        s->p = compile_batch(file, batch_kind, &co, &s->ss, &s->d);
    else
        s->p = compile_file(file, &co, &s->ss, &s->d);
}

void cli_close(CliSession *s)
{
    compile_free(s->p);
    diag_free(&s->d);
    src_free(&s->ss);
}

/* Why writing to standard output failed, when the stream only remembers
 * that it did: glibc drops a buffer it could not write, and its errno with
 * it (a writer that flushes, as plan_csv does, leaves nothing for a later
 * fflush to fail on). A write of nothing asks the descriptor again (a full
 * device, a closed descriptor, a socket without a peer); a pipe without a
 * reader polls as an error. 0 when neither tells. */
static int stdout_failure(void)
{
    errno = 0;
    if (write(STDOUT_FILENO, "", 0) < 0)
        return errno;
    struct stat st;
    struct pollfd pfd = {.fd = STDOUT_FILENO, .events = 0};
    if (fstat(STDOUT_FILENO, &st) == 0 && S_ISFIFO(st.st_mode) && poll(&pfd, 1, 0) == 1 &&
        (pfd.revents & POLLERR))
        return EPIPE;
    return 0;
}

int cli_finish_stdout(int status)
{
    int e = 0;
    errno = 0;
    if (fflush(stdout) != 0)
        e = errno ? errno : EIO;
    else if (!ferror(stdout))
        return status;
    else
        e = stdout_failure();
    if (e == EPIPE)
        return status; /* the reader has all it wanted: `ramme check x | head -1` */
    if (e)
        cli_error(_("cannot write the report to standard output: %s"), strerror(e));
    else
        cli_error(_("cannot write the report to standard output"), NULL);
    return EXIT_INPUT;
}

/* -o's temporary file while it is written, for the signal handler: a copy
 * here in the command line (the library keeps no globals), set before
 * `tmp_armed` says it may be used. */
static char tmp_path[PATH_MAX];
static volatile sig_atomic_t tmp_armed;
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP};

/* Only async-signal-safe calls: remove the temporary file, then end as the
 * signal would have ended the run (SA_RESETHAND restored its default action;
 * the raised signal is delivered when the handler returns), so a shell sees
 * a run killed by ^C, and a loop stops. */
static void on_fatal_signal(int sig)
{
    if (tmp_armed)
        unlink(tmp_path);
    raise(sig);
}

static void fatal_set(sigset_t *set)
{
    sigemptyset(set);
    for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++)
        sigaddset(set, fatal_signals[i]);
}

FILE *cli_outfile_open(const char *path, OutFile *of)
{
    static bool installed;
    sigset_t block, old;
    fatal_set(&block);
    /* Held from before the temporary file exists until it is guarded. */
    sigprocmask(SIG_BLOCK, &block, &old);
    if (!installed) {
        installed = true;
        for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++) {
            struct sigaction sa, was;
            /* A signal the run was started to ignore (nohup) stays ignored. */
            if (sigaction(fatal_signals[i], NULL, &was) != 0 || was.sa_handler == SIG_IGN)
                continue;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = on_fatal_signal;
            sa.sa_mask = block;
            sa.sa_flags = SA_RESETHAND;
            sigaction(fatal_signals[i], &sa, NULL);
        }
    }
    FILE *f = outfile_open(path, of);
    if (f && of->tmp && strlen(of->tmp) < sizeof tmp_path) {
        memcpy(tmp_path, of->tmp, strlen(of->tmp) + 1);
        tmp_armed = 1;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return f;
}

int cli_outfile_commit(OutFile *of)
{
    int rc = outfile_commit(of);
    tmp_armed = 0; /* renamed or removed: a late signal finds no file of that name */
    return rc;
}

void cli_outfile_abort(OutFile *of)
{
    outfile_abort(of);
    tmp_armed = 0;
}

int cli_run_to_file(Options *o, int (*run)(Options *))
{
    OutFile of;
    FILE *f = cli_outfile_open(o->output, &of);
    Arena *a = arena_new();
    const char *shown = esc_text(a, o->output);
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", shown, words_diag(DIAG_ERROR), esc_text(a, of.msg));
        arena_free(a);
        return EXIT_INPUT;
    }
    /* The command writes to standard output as always; its descriptor is
     * pointed at the temporary file meanwhile (diagnostics stay on stderr). */
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    if (saved < 0 || dup2(fileno(f), STDOUT_FILENO) < 0) {
        int e = errno;
        if (saved >= 0)
            close(saved);
        cli_outfile_abort(&of);
        fprintf(stderr, "%s: %s: ", shown, words_diag(DIAG_ERROR));
        fprintf(stderr, _("cannot write '%s': %s"), shown, strerror(e));
        fputc('\n', stderr);
        arena_free(a);
        return EXIT_INPUT;
    }
    int st = run(o);
    errno = 0;
    bool failed = fflush(stdout) != 0 || ferror(stdout);
    int e = errno ? errno : EIO;
    dup2(saved, STDOUT_FILENO);
    close(saved);
    clearerr(stdout);
    if (failed) {
        cli_outfile_abort(&of);
        fprintf(stderr, "%s: %s: ", shown, words_diag(DIAG_ERROR));
        fprintf(stderr, _("cannot write '%s': %s"), shown, strerror(e));
        fputc('\n', stderr);
        st = EXIT_INPUT;
    } else if (st == EXIT_INPUT) {
        /* Never half a report in the file: it is left as it was, and what the
         * command wrote goes where it would have gone without -o. */
        (void)outfile_copy(&of, stdout); /* a failed write: cli_finish_stdout reports it */
        cli_outfile_abort(&of);
        fprintf(stderr, "%s: %s: %s\n", shown, words_diag(DIAG_NOTE),
                _("not written: the command failed, and its output went to standard output"));
    } else if (cli_outfile_commit(&of) != 0) {
        fprintf(stderr, "%s: %s: %s\n", shown, words_diag(DIAG_ERROR), esc_text(a, of.msg));
        st = EXIT_INPUT;
    }
    arena_free(a);
    return st;
}

int cli_fail_diags(const Options *o, Diags *d, SourceSet *ss)
{
    diag_sort(d);
    /* A failed write leaves stdout in error: cli_finish_stdout reports it. */
    if (o->format == FMT_JSON)
        (void)render_diags_doc(stdout, d, ss);
    else
        render_diags_text(stderr, d, ss, o->color);
    return EXIT_INPUT;
}

int cli_cores(void)
{
    /* The CPUs this process may run on (taskset, a container's cpuset),
     * else those online. */
    cpu_set_t set;
    int n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 0;
    if (n < 1) {
        long on = sysconf(_SC_NPROCESSORS_ONLN);
        n = on > 0 ? (int)(on < 256 ? on : 256) : 1;
    }
    return n < 256 ? n : 256;
}
