/* cli.h — what the command line's files share: main.c parses the
 * arguments; cli_check.c, cli_explain.c, cli_diff.c, cli_schedule.c and
 * cli_admit.c each run one command: parse its options, call the library,
 * hand the result and stdout to an emitter (src/emit/) and map the result
 * to an exit status. Not part of the library (libramme.a): only these files
 * name stdout and stderr; the reports themselves are written by emit/. */
#ifndef RAMME_CLI_H
#define RAMME_CLI_H

#include "model/model.h"
#include "base/outfile.h"
#include "base/i18n.h"

#include <stdbool.h>
#include <stdio.h>

enum { EXIT_PASS = 0, EXIT_RULES = 1, EXIT_INPUT = 2 };

typedef enum { FMT_TEXT, FMT_JSON, FMT_CSV, FMT_ICS, FMT_HTML, FMT_RAMME, FMT_DZN, FMT_BRIEF } Format;

typedef struct Options {
    const char *command;
    const char **args;     /* positional arguments after the command */
    int nargs;
    Format format;
    bool color;            /* colour diagnostics on stderr */
    bool color_out;        /* colour the report on stdout */
    bool strict;
    const char **include;
    int ninclude;
    const char *output;    /* -o */
    const char *schedule;  /* --schedule */
    const char *plan;      /* --plan */
    int proposals;         /* plan --proposals N (0: the plan's own) */
    int proposal;          /* plan --proposal K (0: the first) */
    double time_limit;     /* plan --time-limit S (0: none) */
    const char *applicants;
    const char *course;
    bool coverage;         /* --coverage: goals x modules */
    int jobs;              /* check -j N: threads for files and courses (0 when not given: cli_cores) */
    bool fix;              /* check --fix: apply the first fix of every failed error rule */
    bool show_fields;      /* admit: also print the field values (health data) */
    const char *course_format; /* init: --format cohort|modular */
    bool fmt_check;        /* fmt --check: name the files that would change */
    bool fmt_write;        /* fmt -w: rewrite them */
    bool fmt_tree;         /* fmt --syntax-tree: print the syntax tree's outline */
} Options;

/* One command's compilation: its sources, diagnostics and program. */
typedef struct CliSession {
    SourceSet ss;
    Diags d;
    Program *p;
} CliSession;
/* Compiles `file` with the command's -I directories: as a batch of
 * `batch_kind` blocks (batch.h) unless that is NULL; every module on the
 * search path when `file` is NULL. */
void cli_open(CliSession *s, const Options *o, const char *file, const char *batch_kind);
void cli_close(CliSession *s);

/* The commands: each returns its exit status. */
int cli_check(Options *o);
int cli_explain(Options *o);
int cli_diff(Options *o);
int cli_schedule(Options *o);
int cli_plan(Options *o);
int cli_admit(Options *o);
int cli_test(Options *o);
int cli_init(Options *o);
int cli_fmt(Options *o);
int cli_lsp(Options *o);

/* Standard output at the end of every command (main calls it once, so no
 * command checks its own printf): flushes it and, when a write to it failed,
 * says so on stderr and returns EXIT_INPUT. A broken pipe (the reader went
 * away, as in `ramme check x | head -1`; SIGPIPE is ignored) is a quiet end:
 * it returns `status`, the command's own. */
int cli_finish_stdout(int status);

/* -o FILE (outfile.h), with its temporary file removed when SIGINT, SIGTERM
 * or SIGHUP ends the run before the commit or the abort; the signal then
 * ends the run as it would have. Signals the run ignores stay ignored. */
FILE *cli_outfile_open(const char *path, OutFile *of);
int cli_outfile_commit(OutFile *of);
void cli_outfile_abort(OutFile *of);

/* -o FILE for a command that writes its report to standard output (every
 * command but schedule, which writes FILE itself, and init and fmt, which
 * write files of their own): `run` writes into -o's temporary file, which is
 * renamed into place when it ends with 0 or 1 (a design that fails a rule
 * still has its report) and removed when it ends with 2, its output then
 * sent to standard output instead. Returns run's status, or 2 when FILE
 * could not be written. */
int cli_run_to_file(Options *o, int (*run)(Options *));

/* How many threads `check` uses without -j: the CPUs the process may run
 * on (at least 1, at most 256, as -j allows). */
int cli_cores(void);
/* A wrong command line: prints the message (a translated `fmt` with one %s
 * for `arg`, or `fmt` alone when `arg` is NULL) and where to find the
 * usage; returns EXIT_INPUT. */
int cli_bad_usage(const char *fmt, const char *arg);
/* A command stopped by its diagnostics: sorted, then as the JSON document
 * {"version": 1, "diagnostics": [...]} on stdout with --format json (every
 * command writes its document on every path), else as text on stderr.
 * Returns EXIT_INPUT. */
int cli_fail_diags(const Options *o, Diags *d, SourceSet *ss);
/* "ramme: error: MESSAGE", "ramme: warning: MESSAGE" and "      = help:
 * MESSAGE" on stderr, the words in the language in use; `fmt` and `arg` as
 * for cli_bad_usage (`arg` shown through esc_text). */
void cli_error(const char *fmt, const char *arg);
void cli_warning(const char *fmt, const char *arg);
void cli_help(const char *fmt, const char *arg);
/* The block named `name` among the main file's `all`, or NULL after the
 * error `kind_msg` (translated, one %s for the name: "no course named '%s'
 * in this file") with a did-you-mean. */
Block *cli_pick_named(Diags *d, const char *file, const char *kind_msg, Block **all, int n, const char *name);

/* The sentences of cli_choose for one kind, translated by the caller:
 * `several` has a %d for how many and a %s for their names (P_ for n). */
typedef struct CliChoice {
    const char *not_named;    /* "no plan named '%s' in this file" */
    const char *none, *none_help;
    const char *several, *several_help;
} CliChoice;

/* The declaration a command works on among the main file's `all`: the one
 * named `name` (--plan NAME), else the only one; NULL after an error that
 * says there is none or several (naming them) or that `name` is not one. */
Block *cli_choose(Diags *d, Arena *a, const char *file, Block **all, int n, const char *name, const CliChoice *c);

#endif
