/* main.c — the ramme command line (LANGUAGE.md §7): parses the arguments
 * and runs the command (cli_*.c), which renders the library's results and
 * maps them to exit codes:
 * 0 no error-level failure, 1 a design fails an error rule (or a warning
 * under --strict), 2 input unreadable / not parseable / not well-typed, or
 * a wrong command line. */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700
#include "cli/cli.h"
#include "base/arena.h"
#include "base/i18n.h"
#include "emit/words.h"
#include "model/model.h"

#include <limits.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef RAMME_VERSION
#define RAMME_VERSION "0.0.0"
#endif

static const char *commands[] = {"check", "explain", "schedule", "plan", "admit", "diff", "test", "init", "fmt", "lsp"};

static bool is_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(name, commands[i]) == 0)
            return true;
    return false;
}

static void usage(FILE *out)
{
    /* Three messages, each a block of lines: a translation aligns its own
     * columns. */
    fputs(_("usage: ramme COMMAND [options] ARGS\n"
          "\n"
          "commands:\n"
          "  check FILE...                    validate each course against its frameworks\n"
          "  explain ID [FILE]                a rule (national.goal_coverage) or goal (recovery.hope)\n"
          "  schedule FILE [--schedule NAME]  a session calendar for a course\n"
          "  plan FILE [--plan NAME]          schedule proposals: starts, weekdays, times, teams\n"
          "  admit FILE --applicants FILE     screen applicants against admission rules\n"
          "  diff FILE BASE VARIANT           what a local variant changes\n"
          "  test [PATH...]                   the expect declarations under PATH (default .)\n"
          "  init [--format cohort|modular] [NAME]  a course to fill in, as NAME.ramme\n"
          "  fmt [--check] [-w] [FILE...]     the canonical layout (standard input when no FILE)\n"
          "  lsp                              the language server, for an editor (standard input and output)\n"),
          out);
    fputs(_("\n"
          "options:\n"
          "  --format text|json (check also html|brief; diff also html; admit csv|html;\n"
          "                                  schedule csv|ics|html; plan csv|ics|html|ramme|dzn)\n"
          "  --color auto|always|never        colour on a terminal (honours NO_COLOR)\n"
          "  --strict                         warnings, and error rules that cannot be judged, fail too\n"
          "  --coverage                       check: also show goals x modules\n"
          "  -j N                             check: N threads for files and courses (default: the CPUs)\n"
          "  --fix                            check: apply the first fix of every failed error rule\n"
          "  -I DIR                           search DIR for imported modules first\n"
          "  -o FILE                          write the report to FILE (atomically; not for init, fmt)\n"
          "  --schedule NAME                  schedule: which schedule, when the file has several\n"
          "  --plan NAME                      plan: which plan, when the file has several\n"
          "  --proposals N                    plan: how many proposals (default: the plan's)\n"
          "  --proposal K                     plan: which proposal csv, ics and ramme write (default 1)\n"
          "  --time-limit S                   plan: stop the search after S seconds\n"
          "  --applicants FILE                admit: the applicants (CSV or JSON)\n"
          "  --course NAME                    admit: which course, when the file has several\n"
          "  --show-fields                    admit: also print field values (health data!)\n"
          "  --check                          fmt: name the files that would change, exit 1 if any\n"
          "  -w                               fmt: rewrite the files in place (atomically)\n"
          "  --lang da|en                     the language of the output (default: from LANG)\n"
          "  -h, --help                       this text\n"
          "  --version                        the version\n"),
          out);
    fputs(_("\n"
          "exit status: 0 no error-level failure, 1 a design fails an error rule,\n"
          "2 the input could not be read, parsed or type-checked, the report could not be written,\n"
          "or the command line is wrong.\n"),
          out);
}

static void version(FILE *out)
{
    fputs("ramme " RAMME_VERSION "\n", out);
}

static const char *options_list[] = {"--format",   "--color",       "--strict", "--schedule", "--applicants", "--course",
                                     "--coverage", "--show-fields", "--lang",   "--help",     "--version", "--check",
                                     "--plan",     "--proposals",   "--proposal", "--time-limit", "--jobs",
                                     "--fix"};

/* The directory of the message catalogues: $(BUILD)/locale when this
 * binary is the one in its build tree (as the stdlib is found in the
 * source tree: model/load.c), else PREFIX/share/locale. */
static const char *locale_dir(char *buf, size_t n)
{
    char exe[PATH_MAX], build[PATH_MAX];
    if (realpath("/proc/self/exe", exe) && realpath(RAMME_BUILD_DIR, build)) {
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        if (strcmp(exe, build) == 0 && strlen(build) + sizeof "/locale" <= n) {
            memcpy(buf, build, strlen(build));
            memcpy(buf + strlen(build), "/locale", sizeof "/locale");
            return buf;
        }
    }
    snprintf(buf, n, "%s", RAMME_LOCALE_DIR);
    return buf;
}

/* The language: --lang's value when it is given (the last one wins, as for
 * every option), else what the environment asks for (i18n_env_language).
 * Chosen before anything is said, so even a wrong option is reported in
 * it. Only "da" and "en" exist; --lang with another value is reported by
 * parse_args, and another language from the environment means English. */
static void choose_language(int argc, char **argv)
{
    const char *lang = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            lang = argv[++i];
        else if (strncmp(argv[i], "--lang=", 7) == 0)
            lang = argv[i] + 7;
        else if (strcmp(argv[i], "-I") == 0 || strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--format") == 0 ||
                 strcmp(argv[i], "--color") == 0 || strcmp(argv[i], "--colour") == 0 ||
                 strcmp(argv[i], "--schedule") == 0 || strcmp(argv[i], "--applicants") == 0 ||
                 strcmp(argv[i], "--course") == 0 || strcmp(argv[i], "--plan") == 0 ||
                 strcmp(argv[i], "--proposals") == 0 || strcmp(argv[i], "--proposal") == 0 ||
                 strcmp(argv[i], "--time-limit") == 0 || strcmp(argv[i], "-j") == 0 ||
                 strcmp(argv[i], "--jobs") == 0)
            i++; /* a value, even one spelt --lang */
    }
    bool asked = lang && strcmp(lang, "da") == 0;
    char env[16];
    if (!lang || (strcmp(lang, "da") != 0 && strcmp(lang, "en") != 0))
        lang = i18n_env_language(env, sizeof env);
    if (strcmp(lang, "da") != 0)
        return; /* English: nothing to look up */
    char dir[PATH_MAX + 16];
    if (!i18n_use(lang, locale_dir(dir, sizeof dir)) && asked)
        cli_warning(_("no Danish message catalogue (ramme.mo) below '%s'; writing English"), dir);
}

/* Parses argv into o; returns -1 when ok, else an exit status. */
static int parse_args(int argc, char **argv, Options *o)
{
    const char *color = "auto";
    o->args = calloc((size_t)argc + 1, sizeof *o->args);
    o->include = calloc((size_t)argc + 1, sizeof *o->include);
    if (!o->args || !o->include)
        return EXIT_INPUT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        /* Options that take a value, as "--opt value" or "--opt=value". */
        const char *val = NULL;
        const char *name = a;
        char buf[64];
        if (strncmp(a, "--", 2) == 0 && strchr(a, '=')) {
            size_t n = (size_t)(strchr(a, '=') - a);
            if (n >= sizeof buf)
                return cli_bad_usage(_("unknown option '%s'"), a);
            memcpy(buf, a, n);
            buf[n] = '\0';
            name = buf;
            val = strchr(a, '=') + 1;
        }
        bool takes = strcmp(name, "--format") == 0 || strcmp(name, "--color") == 0 || strcmp(name, "-I") == 0 ||
                     strcmp(name, "-o") == 0 || strcmp(name, "--schedule") == 0 ||
                     strcmp(name, "--applicants") == 0 || strcmp(name, "--course") == 0 ||
                     strcmp(name, "--lang") == 0 || strcmp(name, "--plan") == 0 ||
                     strcmp(name, "--proposals") == 0 || strcmp(name, "--proposal") == 0 ||
                     strcmp(name, "--time-limit") == 0 || strcmp(name, "-j") == 0 || strcmp(name, "--jobs") == 0;
        if (takes && !val) {
            if (i + 1 >= argc)
                return cli_bad_usage(_("option '%s' needs a value"), name);
            val = argv[++i];
        }
        if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
            usage(stdout);
            return EXIT_PASS;
        } else if (strcmp(name, "--version") == 0) {
            version(stdout);
            return EXIT_PASS;
        } else if (strcmp(name, "--format") == 0) {
            if (strcmp(val, "text") == 0) o->format = FMT_TEXT;
            else if (strcmp(val, "json") == 0) o->format = FMT_JSON;
            else if (strcmp(val, "csv") == 0) o->format = FMT_CSV;
            else if (strcmp(val, "ics") == 0) o->format = FMT_ICS;
            else if (strcmp(val, "html") == 0) o->format = FMT_HTML;
            else if (strcmp(val, "ramme") == 0) o->format = FMT_RAMME;
            else if (strcmp(val, "dzn") == 0) o->format = FMT_DZN;
            else if (strcmp(val, "brief") == 0) o->format = FMT_BRIEF;
            else if (strcmp(val, "cohort") == 0 || strcmp(val, "modular") == 0) o->course_format = val;
            else return cli_bad_usage(_("unknown format '%s' (text, json, brief, csv, ics, html, ramme or dzn)"), val);
        } else if (strcmp(name, "--color") == 0 || strcmp(name, "--colour") == 0) {
            if (strcmp(val, "auto") && strcmp(val, "always") && strcmp(val, "never"))
                return cli_bad_usage(_("--color takes auto, always or never, not '%s'"), val);
            color = val;
        } else if (strcmp(name, "--lang") == 0) {
            /* Already put to use (choose_language); checked here. */
            if (strcmp(val, "da") != 0 && strcmp(val, "en") != 0)
                return cli_bad_usage(_("--lang takes da or en, not '%s'"), val);
        } else if (strcmp(name, "--strict") == 0) {
            o->strict = true;
        } else if (strcmp(name, "--coverage") == 0) {
            o->coverage = true;
        } else if (strcmp(name, "--fix") == 0) {
            o->fix = true;
        } else if (strcmp(name, "--show-fields") == 0) {
            o->show_fields = true;
        } else if (strcmp(name, "--check") == 0) {
            o->fmt_check = true;
        } else if (strcmp(name, "-w") == 0) {
            o->fmt_write = true;
        } else if (strcmp(name, "--syntax-tree") == 0) {
            o->fmt_tree = true;
        } else if (strcmp(name, "-I") == 0) {
            o->include[o->ninclude++] = val;
        } else if (strncmp(a, "-I", 2) == 0 && a[2]) {
            o->include[o->ninclude++] = a + 2;
        } else if (strcmp(name, "-o") == 0) {
            o->output = val;
        } else if (strcmp(name, "--schedule") == 0) {
            o->schedule = val;
        } else if (strcmp(name, "--plan") == 0) {
            o->plan = val;
        } else if (strcmp(name, "--proposals") == 0 || strcmp(name, "--proposal") == 0) {
            char *end;
            long v = strtol(val, &end, 10);
            if (*end || end == val || v < 1 || v > 100)
                return cli_bad_usage(_("%s takes a whole number from 1 to 100"), name);
            if (name[10] == 's')
                o->proposals = (int)v;
            else
                o->proposal = (int)v;
        } else if (strcmp(name, "-j") == 0 || strcmp(name, "--jobs") == 0 || (strncmp(a, "-j", 2) == 0 && a[2])) {
            const char *v = val ? val : a + 2;
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || end == v || n < 1 || n > 256)
                return cli_bad_usage(_("-j takes a number of threads from 1 to 256, not '%s'"), v);
            o->jobs = (int)n;
        } else if (strcmp(name, "--time-limit") == 0) {
            char *end;
            double v = strtod(val, &end);
            if (*end || end == val || !(v > 0) || v > 86400)
                return cli_bad_usage(_("--time-limit takes seconds, more than 0 and at most 86400, not '%s'"), val);
            o->time_limit = v;
        } else if (strcmp(name, "--applicants") == 0) {
            o->applicants = val;
        } else if (strcmp(name, "--course") == 0) {
            o->course = val;
        } else if (a[0] == '-' && a[1]) {
            const char *sug = model_suggest(name, options_list, (int)(sizeof options_list / sizeof *options_list));
            if (sug) {
                cli_error(_("unknown option '%s'"), a);
                cli_help(_("did you mean '%s'?"), sug);
                return EXIT_INPUT;
            }
            return cli_bad_usage(_("unknown option '%s'"), a);
        } else if (!o->command) {
            o->command = a;
        } else {
            o->args[o->nargs++] = a;
        }
    }
    bool no_color = getenv("NO_COLOR") && getenv("NO_COLOR")[0];
    if (strcmp(color, "always") == 0) {
        o->color = o->color_out = true;
    } else if (strcmp(color, "never") == 0) {
        o->color = o->color_out = false;
    } else {
        o->color = isatty(STDERR_FILENO) && !no_color;
        /* A report written with -o goes to a file, not this terminal. */
        o->color_out = isatty(STDOUT_FILENO) && !no_color && !(o->output && strcmp(o->output, "-") != 0);
    }
    if (!o->command) {
        usage(stderr);
        return EXIT_INPUT;
    }
    return -1;
}

/* The messages of the two handlers below, made in the language in use
 * before either can run (a handler cannot translate: gettext is not
 * async-signal-safe, and out of memory it may need memory). */
static char sigbus_msg[512], oom_msg[512];

static void prepare_fatal_messages(void)
{
    snprintf(sigbus_msg, sizeof sigbus_msg, "ramme: %s: %s\n", words_diag(DIAG_ERROR),
             _("an input file was cut short while it was being read; check it again when nothing is writing to it"));
    snprintf(oom_msg, sizeof oom_msg, "ramme: %s: %s\n", words_diag(DIAG_ERROR),
             _("out of memory: the input needs more memory than this system or its limits (ulimit -v) allow"));
}

/* A large input file is mapped into memory (source.c). If another program
 * cuts it short while ramme reads it, touching the lost pages raises
 * SIGBUS: say what happened and exit as for any unreadable input, rather
 * than die with "Bus error". Only async-signal-safe calls here. */
static void on_sigbus(int sig)
{
    (void)sig;
    ssize_t w = write(STDERR_FILENO, sigbus_msg, strlen(sigbus_msg));
    (void)w;
    _exit(EXIT_INPUT);
}

/* The library's out-of-memory handler (arena_set_oom): exit status 2, as
 * for any input that cannot be read, not abort(), whose status (134) reads
 * as a crash and may leave a core dump. What the report had so far goes out
 * first. */
static void on_oom(void)
{
    fflush(stdout);
    fputs(oom_msg, stderr);
    _Exit(EXIT_INPUT);
}

/* The commands whose report -o sends to a file through cli_run_to_file. */
static int (*to_file(const char *command))(Options *)
{
    if (strcmp(command, "check") == 0)
        return cli_check;
    if (strcmp(command, "explain") == 0)
        return cli_explain;
    if (strcmp(command, "diff") == 0)
        return cli_diff;
    if (strcmp(command, "admit") == 0)
        return cli_admit;
    if (strcmp(command, "test") == 0)
        return cli_test;
    if (strcmp(command, "plan") == 0)
        return cli_plan;
    return NULL;
}

int main(int argc, char **argv)
{
    choose_language(argc, argv);
    prepare_fatal_messages();
    arena_set_oom(on_oom);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigbus;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, NULL);
    /* A reader that goes away (`ramme check x | head -1`) ends the run
     * quietly through EPIPE (cli_finish_stdout), not by killing it. */
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
    Options o;
    memset(&o, 0, sizeof o);
    int st = parse_args(argc, argv, &o);
    if (st < 0) {
        if (o.course_format && strcmp(o.command, "init") != 0) {
            st = cli_bad_usage(_("--format %s is for init: the kind of course it writes"), o.course_format);
        } else if (o.format == FMT_HTML && strcmp(o.command, "check") != 0 && strcmp(o.command, "admit") != 0 &&
                   strcmp(o.command, "diff") != 0 && strcmp(o.command, "schedule") != 0 &&
                   strcmp(o.command, "plan") != 0 && is_command(o.command)) {
            st = cli_bad_usage(_("--format html is for check, admit, diff, schedule and plan, not %s"), o.command);
        } else if (o.jobs && strcmp(o.command, "check") != 0 && is_command(o.command)) {
            st = cli_bad_usage(_("-j is for check, not %s"), o.command);
        } else if (o.format == FMT_BRIEF && strcmp(o.command, "check") != 0 && is_command(o.command)) {
            st = cli_bad_usage(_("--format brief is for check, not %s"), o.command);
        } else if ((o.format == FMT_RAMME || o.format == FMT_DZN) && strcmp(o.command, "plan") != 0 &&
                   is_command(o.command)) {
            st = cli_bad_usage(_("--format ramme and dzn are for plan, not %s"), o.command);
        } else if ((o.plan || o.proposals || o.proposal || o.time_limit > 0) && strcmp(o.command, "plan") != 0 &&
                   is_command(o.command)) {
            st = cli_bad_usage(_("--plan, --proposals, --proposal and --time-limit are for plan, not %s"), o.command);
        } else if ((o.fmt_check || o.fmt_write || o.fmt_tree) && strcmp(o.command, "fmt") != 0) {
            st = cli_bad_usage(_("--check, -w and --syntax-tree are for fmt, not %s"), o.command);
        } else if (o.output && strcmp(o.command, "init") == 0) {
            st = cli_bad_usage(_("-o is not for init: it writes NAME.ramme (give the NAME)"), NULL);
        } else if (o.output && strcmp(o.command, "fmt") == 0) {
            st = cli_bad_usage(_("-o is not for fmt: -w rewrites the files in place"), NULL);
        } else if (o.output && strcmp(o.output, "-") != 0 && strcmp(o.command, "schedule") != 0 &&
                   to_file(o.command)) {
            st = cli_run_to_file(&o, to_file(o.command));
        } else if (strcmp(o.command, "check") == 0) {
            st = cli_check(&o);
        } else if (strcmp(o.command, "explain") == 0) {
            st = cli_explain(&o);
        } else if (strcmp(o.command, "diff") == 0) {
            st = cli_diff(&o);
        } else if (strcmp(o.command, "schedule") == 0) {
            st = cli_schedule(&o);
        } else if (strcmp(o.command, "plan") == 0) {
            st = cli_plan(&o);
        } else if (strcmp(o.command, "admit") == 0) {
            st = cli_admit(&o);
        } else if (strcmp(o.command, "init") == 0) {
            st = cli_init(&o);
        } else if (strcmp(o.command, "fmt") == 0) {
            st = cli_fmt(&o);
        } else if (strcmp(o.command, "test") == 0) {
            st = cli_test(&o);
        } else if (strcmp(o.command, "lsp") == 0) {
            st = cli_lsp(&o);
        } else {
            bool known = false;
            for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
                known = known || strcmp(o.command, commands[i]) == 0;
            if (known) {
                cli_error(_("'%s' is not available in this version yet"), o.command);
                st = EXIT_INPUT;
            } else {
                cli_error(_("unknown command '%s'"), o.command);
                const char *sug = model_suggest(o.command, commands, (int)(sizeof commands / sizeof *commands));
                if (sug)
                    cli_help(_("did you mean '%s'?"), sug);
                else
                    cli_help("%s", _("the commands are check, explain, schedule, admit and diff"));
                st = EXIT_INPUT;
            }
        }
    }
    free(o.args);
    free(o.include);
    return cli_finish_stdout(st);
}
