/* main.c — the ramme command line (LANGUAGE.md §7). Parses arguments,
 * runs the library, renders its results and maps statuses to exit codes:
 * 0 no error-level failure, 1 a design fails an error rule (or a warning
 * under --strict), 2 input unreadable / not parseable / not well-typed, or
 * a wrong command line. */
#include "batch.h"
#include "compile.h"
#include "jsonw.h"
#include "coverage.h"
#include "admit.h"
#include "diff.h"
#include "outfile.h"
#include "plan_out.h"
#include "schedule.h"
#include "render.h"
#include "rules.h"

#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_PASS = 0, EXIT_RULES = 1, EXIT_INPUT = 2 };

typedef enum { FMT_TEXT, FMT_JSON, FMT_CSV, FMT_ICS } Format;

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
    const char *applicants;
    const char *course;
    bool coverage;         /* --coverage: goals x modules */
    bool show_fields;      /* admit: also print the field values (health data) */
} Options;

static const char *commands[] = {"check", "explain", "schedule", "admit", "diff"};

static void usage(FILE *out)
{
    fputs("usage: ramme COMMAND [options] ARGS\n"
          "\n"
          "commands:\n"
          "  check FILE...                    validate each course against its frameworks\n"
          "  explain ID [FILE]                a rule (national.goal_coverage) or goal (recovery.hope)\n"
          "  schedule FILE [--schedule NAME]  a session calendar for a course\n"
          "  admit FILE --applicants FILE     screen applicants against admission rules\n"
          "  diff FILE BASE VARIANT           what a local variant changes\n"
          "\n"
          "options:\n"
          "  --format text|json (schedule also csv|ics)\n"
          "  --color auto|always|never        colour on a terminal (honours NO_COLOR)\n"
          "  --strict                         warnings fail too (exit status 1)\n"
          "  --coverage                       check: also show goals x modules\n"
          "  -I DIR                           search DIR for imported modules first\n"
          "  -o FILE                          schedule: write the output to FILE (atomically)\n"
          "  --schedule NAME                  schedule: which schedule, when the file has several\n"
          "  --applicants FILE                admit: the applicants (CSV or JSON)\n"
          "  --course NAME                    admit: which course, when the file has several\n"
          "  --show-fields                    admit: also print field values (health data!)\n"
          "  -h, --help                       this text\n"
          "\n"
          "exit status: 0 no error-level failure, 1 a design fails an error rule,\n"
          "2 the input could not be read, parsed or type-checked, or the command line is wrong.\n",
          out);
}

static int bad_usage(const char *fmt, const char *arg)
{
    fputs("ramme: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n      = help: ramme --help lists the commands and options\n", stderr);
    return EXIT_INPUT;
}

static const char *options_list[] = {"--format", "--color", "--strict", "--schedule", "--applicants",
                                     "--course", "--coverage", "--show-fields", "--help"};

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
                return bad_usage("unknown option '%s'", a);
            memcpy(buf, a, n);
            buf[n] = '\0';
            name = buf;
            val = strchr(a, '=') + 1;
        }
        bool takes = strcmp(name, "--format") == 0 || strcmp(name, "--color") == 0 || strcmp(name, "-I") == 0 ||
                     strcmp(name, "-o") == 0 || strcmp(name, "--schedule") == 0 ||
                     strcmp(name, "--applicants") == 0 || strcmp(name, "--course") == 0;
        if (takes && !val) {
            if (i + 1 >= argc)
                return bad_usage("option '%s' needs a value", name);
            val = argv[++i];
        }
        if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
            usage(stdout);
            return EXIT_PASS;
        } else if (strcmp(name, "--format") == 0) {
            if (strcmp(val, "text") == 0) o->format = FMT_TEXT;
            else if (strcmp(val, "json") == 0) o->format = FMT_JSON;
            else if (strcmp(val, "csv") == 0) o->format = FMT_CSV;
            else if (strcmp(val, "ics") == 0) o->format = FMT_ICS;
            else return bad_usage("unknown format '%s' (text, json, csv or ics)", val);
        } else if (strcmp(name, "--color") == 0 || strcmp(name, "--colour") == 0) {
            if (strcmp(val, "auto") && strcmp(val, "always") && strcmp(val, "never"))
                return bad_usage("--color takes auto, always or never, not '%s'", val);
            color = val;
        } else if (strcmp(name, "--strict") == 0) {
            o->strict = true;
        } else if (strcmp(name, "--coverage") == 0) {
            o->coverage = true;
        } else if (strcmp(name, "--show-fields") == 0) {
            o->show_fields = true;
        } else if (strcmp(name, "-I") == 0) {
            o->include[o->ninclude++] = val;
        } else if (strncmp(a, "-I", 2) == 0 && a[2]) {
            o->include[o->ninclude++] = a + 2;
        } else if (strcmp(name, "-o") == 0) {
            o->output = val;
        } else if (strcmp(name, "--schedule") == 0) {
            o->schedule = val;
        } else if (strcmp(name, "--applicants") == 0) {
            o->applicants = val;
        } else if (strcmp(name, "--course") == 0) {
            o->course = val;
        } else if (a[0] == '-' && a[1]) {
            const char *sug = model_suggest(name, options_list, (int)(sizeof options_list / sizeof *options_list));
            if (sug) {
                fprintf(stderr, "ramme: error: unknown option '%s'\n      = help: did you mean '%s'?\n", a, sug);
                return EXIT_INPUT;
            }
            return bad_usage("unknown option '%s'", a);
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
        o->color_out = isatty(STDOUT_FILENO) && !no_color;
    }
    if (!o->command) {
        usage(stderr);
        return EXIT_INPUT;
    }
    return -1;
}

static const char *place(Arena *a, SourceSet *ss, Span sp)
{
    if (sp.file < 0 || sp.file >= ss->n)
        return "";
    return arena_printf(a, "%s:%d:%d", ss->files[sp.file]->path, sp.first_line, sp.first_column);
}

static const char *fw_title(const Block *fw)
{
    return fw->title ? fw->title : "";
}

/* The text report: framework by framework, failures first. */
static void report_text(FILE *out, const CourseReport *r, SourceSet *ss, bool color)
{
    Arena *a = arena_new();
    const char *bold = color ? "\033[1m" : "", *reset = color ? "\033[0m" : "";
    fprintf(out, "%scourse %s%s%s%s%s\n", bold, r->course->name, r->course->title ? " \"" : "",
            r->course->title ? r->course->title : "", r->course->title ? "\"" : "", reset);
    fprintf(out, "  %s\n", place(a, ss, r->course->name_span));
    for (int f = 0; f < r->nframeworks; f++) {
        const Block *fw = r->frameworks[f];
        fprintf(out, "\n  %s%s%s  %s\n", bold, fw->name, reset, fw_title(fw));
        for (int i = 0; i < r->n; i++) {
            const RuleResult *x = &r->results[i];
            if (x->framework != fw)
                continue;
            const char *st = x->status == ST_FAIL ? "FAIL" : x->status == ST_UNKNOWN ? "unknown"
                           : x->status == ST_PASS ? "pass" : "n/a";
            const char *col = !color ? "" : x->status == ST_FAIL ? (x->severity == SEV_ERROR ? "\033[1;31m" : "\033[1;35m")
                            : x->status == ST_UNKNOWN ? "\033[1;33m" : x->status == ST_PASS ? "\033[32m" : "";
            fprintf(out, "    %s%-7s%s %-8s %s\n", col, st, reset, rules_severity_name(x->severity), x->id);
            if (x->status == ST_FAIL || x->status == ST_UNKNOWN) {
                fprintf(out, "                     %s\n", x->message);
                fprintf(out, "                     cites: %s\n", x->cite);
                for (int k = 0; k < x->nexplain; k++)
                    fprintf(out, "                     %s\n", x->explain[k]);
                fprintf(out, "                     at %s; rule at %s\n", place(a, ss, x->where),
                        place(a, ss, x->rule->name_span));
            }
        }
    }
    int nf = 0;
    for (int f = 0; f < r->nframeworks; f++)
        nf += r->frameworks[f] != NULL;
    fprintf(out, "\n  summary: %d error%s, %d warning%s, %d advice failed; %d unknown\n\n", r->failed[SEV_ERROR],
            r->failed[SEV_ERROR] == 1 ? "" : "s", r->failed[SEV_WARNING], r->failed[SEV_WARNING] == 1 ? "" : "s",
            r->failed[SEV_ADVICE], r->unknown);
    arena_free(a);
}

static void loc_write(JsonW *w, SourceSet *ss, Span sp)
{
    jw_open(w, '{');
    if (src_has_place(ss, sp)) {
        jw_key(w, "file");
        jw_str(w, ss->files[sp.file]->path);
        jw_key(w, "line");
        jw_int(w, sp.first_line);
        jw_key(w, "column");
        jw_int(w, sp.first_column);
    }
    jw_close(w, '}');
}

/* One course's report (LANGUAGE.md §7), written as it is read: a batch's
 * JSON is never built as a tree. `coverage` may be NULL. */
static void report_write(JsonW *w, const CourseReport *r, SourceSet *ss, const char *file, const json_t *coverage)
{
    jw_open(w, '{');
    jw_key(w, "course");
    jw_str(w, r->course->name);
    jw_key(w, "title");
    jw_str(w, r->course->title);
    jw_key(w, "file");
    jw_str(w, file);
    jw_key(w, "frameworks");
    jw_open(w, '[');
    for (int f = 0; f < r->nframeworks; f++)
        jw_str(w, r->frameworks[f]->name);
    jw_close(w, ']');
    jw_key(w, "results");
    jw_open(w, '[');
    for (int i = 0; i < r->n; i++) {
        const RuleResult *x = &r->results[i];
        jw_open(w, '{');
        jw_key(w, "rule");
        jw_str(w, x->id);
        jw_key(w, "severity");
        jw_str(w, rules_severity_name(x->severity));
        jw_key(w, "status");
        jw_str(w, rules_status_name(x->status));
        jw_key(w, "message");
        jw_str(w, x->message);
        jw_key(w, "cite");
        jw_str(w, x->cite);
        jw_key(w, "location");
        loc_write(w, ss, x->where);
        jw_key(w, "rule_location");
        loc_write(w, ss, x->rule->name_span);
        jw_key(w, "explain");
        jw_open(w, '[');
        for (int k = 0; k < x->nexplain; k++)
            jw_str(w, x->explain[k]);
        jw_close(w, ']');
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_key(w, "summary");
    jw_open(w, '{');
    jw_key(w, "error");
    jw_int(w, r->failed[SEV_ERROR]);
    jw_key(w, "warning");
    jw_int(w, r->failed[SEV_WARNING]);
    jw_key(w, "advice");
    jw_int(w, r->failed[SEV_ADVICE]);
    jw_key(w, "unknown");
    jw_int(w, r->unknown);
    jw_close(w, '}');
    if (coverage) {
        jw_key(w, "coverage");
        jw_json(w, coverage);
    }
    jw_close(w, '}');
}

/* A rule id FRAMEWORK.RULE, or a goal's qualified name. */
typedef struct Found {
    Block *rule;
    Block *goal;
    const char **ids;  /* every id, for did-you-mean */
    int nids;
} Found;

static void find_id(Program *p, const char *id, Found *f)
{
    memset(f, 0, sizeof *f);
    int cap = 0;
    for (int i = 0; i < p->ndecls; i++) {
        Block *fw = p->decls[i];
        Value *rules = model_get(fw, "rule");
        if (!rules || rules->k != V_LIST)
            continue;
        for (int k = 0; k < rules->u.list.n; k++) {
            Block *r = rules->u.list.items[k]->u.block;
            if (r->top != fw)
                continue; /* inherited: listed under its own framework */
            const char *rid = arena_printf(p->arena, "%s.%s", fw->name, r->name);
            if (strcmp(rid, id) == 0)
                f->rule = r;
            if (f->nids == cap) {
                cap = cap ? cap * 2 : 64;
                f->ids = arena_grow(p->arena, (void *)f->ids, (size_t)f->nids, (size_t)cap, sizeof *f->ids);
            }
            f->ids[f->nids++] = rid;
        }
    }
    for (int i = 0; i < p->nnamed; i++) {
        Block *g = p->named[i];
        if (!g->schema->qualified)
            continue;
        if (strcmp(g->name, id) == 0 && !f->goal)
            f->goal = g;
        if (f->nids == cap) {
            cap = cap ? cap * 2 : 64;
            f->ids = arena_grow(p->arena, (void *)f->ids, (size_t)f->nids, (size_t)cap, sizeof *f->ids);
        }
        f->ids[f->nids++] = g->name;
    }
}

static const char *expr_text(Arena *a, const Value *v)
{
    if (!v || v->k != V_EXPR)
        return NULL;
    if (v->u.expr->kind == N_STR)
        return v->u.expr->u.str.s;
    return ast_to_text(a, v->u.expr);
}

/* ramme explain ID [FILE]: a rule or goal as a coordinator reads it. */
static int cmd_explain(Options *o)
{
    if (o->nargs < 1 || o->nargs > 2)
        return bad_usage("explain takes a rule id (national.goal_coverage) or a goal id (recovery.hope), and optionally the FILE that declares it%s", "");
    const char *id = o->args[0];
    SourceSet ss;
    src_init(&ss);
    Diags d;
    diag_init(&d);
    CompileOptions co = {o->include, o->ninclude, 0, 0};
    Program *p;
    if (o->nargs == 2) {
        p = compile_file(o->args[1], &co, &ss, &d);
    } else {
        /* Rules and goals of every module on the search path. */
        p = compile_all_modules(&co, &ss, &d);
    }
    int status = EXIT_PASS;
    if (d.errors) {
        diag_sort(&d);
        render_diags_text(stderr, &d, &ss, o->color);
        status = EXIT_INPUT;
    } else {
        Found f;
        find_id(p, id, &f);
        Arena *a = p->arena;
        if (f.rule) {
            Block *r = f.rule, *fw = r->top;
            Value *sev = model_get(r, "severity"), *cite = model_get(r, "cite"), *reqs = model_get(r, "require");
            const char *sevs = sev && sev->k == V_ENUM ? sev->u.en.enm->members[sev->u.en.idx].name : "";
            const char *when = expr_text(a, model_get(r, "when"));
            const char *msg = expr_text(a, model_get(r, "message"));
            if (o->format == FMT_JSON) {
                json_t *j = json_object();
                json_object_set_new(j, "rule", json_string(id));
                json_object_set_new(j, "severity", json_string(sevs));
                json_object_set_new(j, "framework", json_string(fw->name));
                json_object_set_new(j, "framework_title", fw->title ? json_string(fw->title) : json_null());
                json_object_set_new(j, "cite", json_string(cite && cite->k == V_STRING ? cite->u.s : ""));
                json_object_set_new(j, "message", json_string(msg ? msg : ""));
                json_object_set_new(j, "when", when ? json_string(when) : json_null());
                json_t *rq = json_array();
                for (int k = 0; reqs && reqs->k == V_LIST && k < reqs->u.list.n; k++)
                    json_array_append_new(rq, json_string(expr_text(a, reqs->u.list.items[k])));
                json_object_set_new(j, "require", rq);
                json_object_set_new(j, "location", render_place_json(&ss, r->name_span));
                json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
                fputc('\n', stdout);
                json_decref(j);
            } else {
                printf("%s (%s)\n", id, sevs);
                printf("  framework: %s%s%s%s\n", fw->name, fw->title ? " \"" : "", fw->title ? fw->title : "", fw->title ? "\"" : "");
                printf("  cites:     %s\n", cite && cite->k == V_STRING ? cite->u.s : "");
                printf("  message:   %s\n", msg ? msg : "");
                printf("  applies:   %s\n", when ? when : "to every course");
                for (int k = 0; reqs && reqs->k == V_LIST && k < reqs->u.list.n; k++)
                    printf("  requires:  %s\n", expr_text(a, reqs->u.list.items[k]));
                printf("  declared:  %s\n", place(a, &ss, r->name_span));
            }
        } else if (f.goal) {
            Block *g = f.goal;
            if (o->format == FMT_JSON) {
                json_t *j = json_object();
                json_object_set_new(j, "goal", json_string(g->name));
                json_object_set_new(j, "title", g->title ? json_string(g->title) : json_null());
                json_object_set_new(j, "framework", json_string(g->top ? g->top->name : ""));
                json_object_set_new(j, "location", render_place_json(&ss, g->name_span));
                json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
                fputc('\n', stdout);
                json_decref(j);
            } else {
                printf("%s (goal)\n", g->name);
                printf("  title:     %s\n", g->title ? g->title : "");
                printf("  framework: %s\n", g->top ? g->top->name : "");
                printf("  declared:  %s\n", place(a, &ss, g->name_span));
                printf("  a module covers it with: covers %s\n", g->name);
            }
        } else {
            fprintf(stderr, "ramme: error: no rule or goal '%s'\n", id);
            const char *sug = model_suggest(id, f.ids, f.nids);
            if (sug)
                fprintf(stderr, "      = help: did you mean '%s'?\n", sug);
            else
                fputs("      = help: a rule id is FRAMEWORK.RULE, as in national.goal_coverage; a goal id is like recovery.hope\n", stderr);
            status = EXIT_INPUT;
        }
    }
    compile_free(p);
    diag_free(&d);
    src_free(&ss);
    return status;
}

static void coverage_text(FILE *out, const Coverage *cv)
{
    if (cv->nrows == 0)
        return;
    fprintf(out, "  coverage: %d goal%s x %d block%s\n", cv->nrows, cv->nrows == 1 ? "" : "s", cv->ncolumns,
            cv->ncolumns == 1 ? "" : "s");
    int w = 0;
    for (int i = 0; i < cv->nrows; i++) {
        int len = (int)strlen(cv->rows[i].goal->name);
        if (len > w)
            w = len;
    }
    fprintf(out, "    %-*s ", w, "");
    for (int k = 0; k < cv->ncolumns; k++)
        fprintf(out, " %s", cv->columns[k]->name);
    fputc('\n', out);
    int uncovered = 0;
    for (int i = 0; i < cv->nrows; i++) {
        const CoverageRow *row = &cv->rows[i];
        fprintf(out, "    %-*s ", w, row->goal->name);
        for (int k = 0; k < cv->ncolumns; k++) {
            int cw = (int)strlen(cv->columns[k]->name);
            fprintf(out, " %*s%s", cw - 1, "", row->covered[k] ? "x" : ".");
        }
        if (!row->ncovered) {
            fputs("  not covered", out);
            uncovered++;
        }
        fputc('\n', out);
    }
    fprintf(out, "    %d of %d goals covered\n\n", cv->nrows - uncovered, cv->nrows);
}

static json_t *coverage_json(const Coverage *cv)
{
    json_t *o = json_object(), *cols = json_array(), *rows = json_array();
    for (int k = 0; k < cv->ncolumns; k++)
        json_array_append_new(cols, json_string(cv->columns[k]->name));
    for (int i = 0; i < cv->nrows; i++) {
        json_t *r = json_object(), *by = json_array();
        json_object_set_new(r, "goal", json_string(cv->rows[i].goal->name));
        json_object_set_new(r, "title", cv->rows[i].goal->title ? json_string(cv->rows[i].goal->title) : json_null());
        json_object_set_new(r, "framework", json_string(cv->rows[i].framework->name));
        for (int k = 0; k < cv->ncolumns; k++)
            if (cv->rows[i].covered[k])
                json_array_append_new(by, json_string(cv->columns[k]->name));
        json_object_set_new(r, "covered_by", by);
        json_array_append_new(rows, r);
    }
    json_object_set_new(o, "modules", cols);
    json_object_set_new(o, "goals", rows);
    return o;
}

/* ramme diff FILE BASE VARIANT: what a local variant changes and which
 * rule results differ. Exit 1 when the variant fails an error rule. */
static int cmd_diff(Options *o)
{
    if (o->nargs != 3)
        return bad_usage("diff takes FILE BASE VARIANT, as in: ramme diff variant.ramme region_midt midt_variant%s", "");
    if (o->format != FMT_TEXT && o->format != FMT_JSON)
        return bad_usage("diff writes text or json, not %s", o->format == FMT_CSV ? "csv" : "ics");
    SourceSet ss;
    src_init(&ss);
    Diags d;
    diag_init(&d);
    CompileOptions co = {o->include, o->ninclude, 0, 0};
    Program *p = compile_file(o->args[0], &co, &ss, &d);
    int status = EXIT_PASS;
    Block *blocks[2] = {NULL, NULL};
    if (!d.errors) {
        Schema *course = model_schema(p, "course");
        for (int k = 0; k < 2; k++) {
            const char *name = o->args[1 + k];
            blocks[k] = course ? model_decl(p, course, name) : NULL;
            if (!blocks[k]) {
                diag_error_file(&d, o->args[0], "no course named '%s' in this file or its imports", name);
                const char *c[512];
                int n = 0;
                for (int i = 0; i < p->ndecls && n < 512; i++)
                    if (p->decls[i]->schema == course)
                        c[n++] = p->decls[i]->name;
                const char *sug = model_suggest(name, c, n);
                if (sug)
                    diag_help(&d, "did you mean '%s'?", sug);
            }
        }
    }
    if (d.errors) {
        diag_sort(&d);
        if (o->format == FMT_JSON) {
            json_t *root = json_object();
            json_object_set_new(root, "version", json_integer(1));
            json_object_set_new(root, "diagnostics", render_diags_json(&d, &ss));
            json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
            fputc('\n', stdout);
            json_decref(root);
        } else {
            render_diags_text(stderr, &d, &ss, o->color);
        }
        status = EXIT_INPUT;
    } else {
        Arena *a = arena_new();
        DiffReport r;
        diff_blocks(p, blocks[0], blocks[1], a, &r);
        if (o->format == FMT_JSON) {
            json_t *j = diff_to_json(&r, &ss);
            json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
            fputc('\n', stdout);
            json_decref(j);
        } else {
            diff_print_text(stdout, &r, &ss);
        }
        if (r.variant_report.failed[SEV_ERROR] || (o->strict && r.variant_report.failed[SEV_WARNING]))
            status = EXIT_RULES;
        arena_free(a);
    }
    compile_free(p);
    diag_free(&d);
    src_free(&ss);
    return status;
}

/* The block of `kind` named `name` among the main file's `all`, or NULL
 * after an error with a did-you-mean. */
static Block *pick_named(Diags *d, const char *file, const char *kind, Block **all, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(all[i]->name, name) == 0)
            return all[i];
    diag_error_file(d, file, "no %s named '%s' in this file", kind, name);
    const char *c[256];
    for (int i = 0; i < n && i < 256; i++)
        c[i] = all[i]->name;
    const char *sug = model_suggest(name, c, n < 256 ? n : 256);
    if (sug)
        diag_help(d, "did you mean '%s'?", sug);
    return NULL;
}

/* ramme schedule FILE [--schedule NAME] [--format text|json|csv|ics] [-o OUT] */
static int cmd_schedule(Options *o)
{
    if (o->nargs != 1)
        return bad_usage("schedule takes one FILE (and --schedule NAME when it declares several)%s", "");
    SourceSet ss;
    src_init(&ss);
    Diags d;
    diag_init(&d);
    CompileOptions co = {o->include, o->ninclude, 0, 0};
    Program *p = compile_file(o->args[0], &co, &ss, &d);
    Arena *a = arena_new();
    Block *chosen = NULL;
    Plan pl;
    bool planned = false;
    if (!d.errors) {
        Block **all;
        int n = compile_main_decls(p, "schedule", &all);
        if (o->schedule) {
            chosen = pick_named(&d, o->args[0], "schedule", all, n, o->schedule);
        } else if (n == 1) {
            chosen = all[0];
        } else if (n == 0) {
            diag_error_file(&d, o->args[0], "the file declares no schedule");
            diag_help(&d, "add one: schedule NAME for COURSE { start 2025-02-03; weekdays mon, wed; time 09:00..12:00 }");
        } else {
            char *names = "";
            for (int i = 0; i < n; i++)
                names = arena_printf(a, "%s%s%s", names, i ? ", " : "", all[i]->name);
            diag_error_file(&d, o->args[0], "the file declares %d schedules: %s", n, names);
            diag_help(&d, "choose one with --schedule NAME");
        }
        if (chosen)
            planned = sched_plan(p, chosen, a, &pl);
    }
    int status = EXIT_PASS;
    if (d.errors || !planned) {
        diag_sort(&d);
        render_diags_text(stderr, &d, &ss, o->color);
        status = EXIT_INPUT;
    } else {
        OutFile of;
        FILE *out = stdout;
        if (o->output && strcmp(o->output, "-") != 0) {
            out = outfile_open(o->output, &of);
            if (!out) {
                fprintf(stderr, "%s: error: %s\n", o->output, of.msg);
                status = EXIT_INPUT;
            }
        }
        if (out) {
            int rc = 0;
            switch (o->format) {
            case FMT_TEXT: plan_text(out, &pl, out == stdout && o->color_out); break;
            case FMT_JSON: {
                json_t *j = plan_json(&pl);
                rc = json_dumpf(j, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
                fputc('\n', out);
                json_decref(j);
                break;
            }
            case FMT_CSV: rc = plan_csv(out, &pl); break;
            case FMT_ICS: rc = plan_ics(out, &pl, NULL); break;
            }
            if (out != stdout) {
                /* Written to a temporary file, renamed into place only when
                 * everything went well: a failure never leaves half a file. */
                if (rc != 0) {
                    outfile_abort(&of);
                    fprintf(stderr, "%s: error: could not write the output\n", o->output);
                    status = EXIT_INPUT;
                } else if (outfile_commit(&of) != 0) {
                    fprintf(stderr, "%s: error: %s\n", o->output, of.msg);
                    status = EXIT_INPUT;
                }
            } else if (rc != 0 || fflush(stdout) != 0) {
                status = EXIT_INPUT;
            }
        }
        if (status == EXIT_PASS)
            for (int i = 0; i < pl.nchecks; i++)
                if (pl.checks[i].status == ST_FAIL &&
                    (pl.checks[i].severity == SEV_ERROR || (o->strict && pl.checks[i].severity == SEV_WARNING)))
                    status = EXIT_RULES;
    }
    arena_free(a);
    compile_free(p);
    diag_free(&d);
    src_free(&ss);
    return status;
}

/* Characters in a UTF-8 string, for aligning columns. */
static int chars_of(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Applicant files larger than this are refused (hardening). */
#define ADMIT_MAX_BYTES (64u * 1024 * 1024)

/* ramme admit FILE --applicants FILE [--course NAME] [--format text|json]
 * Prints applicant ids and reasons only, unless --show-fields is given. */
static int cmd_admit(Options *o)
{
    if (o->nargs != 1)
        return bad_usage("admit takes one course FILE and --applicants FILE%s", "");
    if (!o->applicants)
        return bad_usage("admit needs --applicants FILE (a CSV or JSON file of applicants)%s", "");
    if (o->format != FMT_TEXT && o->format != FMT_JSON)
        return bad_usage("admit writes text or json, not %s", o->format == FMT_CSV ? "csv" : "ics");
    SourceSet ss;
    src_init(&ss);
    Diags d;
    diag_init(&d);
    CompileOptions co = {o->include, o->ninclude, 0, 0};
    Program *p = compile_file(o->args[0], &co, &ss, &d);
    Arena *a = arena_new();
    Block *course = NULL;
    AdmitReport rep;
    bool screened = false;
    if (!d.errors) {
        Block **all;
        int n = compile_main_decls(p, "course", &all);
        if (o->course) {
            course = pick_named(&d, o->args[0], "course", all, n, o->course);
        } else {
            /* The course with an admission block, when there is one. */
            int with = 0;
            for (int i = 0; i < n; i++)
                if (model_get(all[i], "admission")) {
                    course = all[i];
                    with++;
                }
            if (with == 0 && n == 1)
                course = all[0];
            if (n == 0)
                diag_error_file(&d, o->args[0], "the file declares no course");
            else if (with > 1) {
                course = NULL;
                char *names = "";
                for (int i = 0; i < n; i++)
                    if (model_get(all[i], "admission"))
                        names = arena_printf(a, "%s%s%s", names, names[0] ? ", " : "", all[i]->name);
                diag_error_file(&d, o->args[0], "the file declares %d courses with admission rules: %s", with, names);
                diag_help(&d, "choose one with --course NAME");
            } else if (!course) {
                diag_error_file(&d, o->args[0], "no course in the file has an admission block");
            }
        }
        Table t;
        if (course && table_read(o->applicants, &ss, a, &d, ADMIT_MAX_BYTES, &t) && !d.errors)
            screened = admit_screen(p, course, &t, o->show_fields, a, &d, &rep);
    }
    int status = EXIT_PASS;
    diag_sort(&d);
    if (d.errors || !screened)
        status = EXIT_INPUT;
    if (o->format == FMT_JSON) {
        json_t *root = json_object();
        json_object_set_new(root, "version", json_integer(1));
        if (status == EXIT_PASS) {
            json_object_set_new(root, "course", json_string(rep.course->name));
            json_object_set_new(root, "seats", rep.has_seats ? json_integer(rep.seats) : json_null());
            json_t *apps = json_array();
            for (int i = 0; i < rep.n; i++) {
                const ApplicantResult *r = &rep.rows[i];
                json_t *j = json_object(), *f = json_array(), *m = json_array();
                json_object_set_new(j, "id", json_string(r->id));
                json_object_set_new(j, "status", json_string(admit_status_name(r->status)));
                for (int k = 0; k < r->nfailed; k++)
                    json_array_append_new(f, json_string(r->failed[k]));
                for (int k = 0; k < r->nmissing; k++)
                    json_array_append_new(m, json_string(r->missing[k]));
                json_object_set_new(j, "failed", f);
                json_object_set_new(j, "missing", m);
                if (o->show_fields) {
                    json_t *sf = json_object();
                    for (int k = 0; k < r->nshown; k++)
                        json_object_set_new(sf, r->shown[k], json_string(r->shown_values[k]));
                    json_object_set_new(j, "fields", sf);
                }
                json_array_append_new(apps, j);
            }
            json_object_set_new(root, "applicants", apps);
            json_t *as = json_array();
            for (int k = 0; k < rep.nassess; k++)
                json_array_append_new(as, json_string(rep.assess[k]));
            json_object_set_new(root, "assess", as);
            json_t *sum = json_object();
            for (int k = 0; k < 3; k++)
                json_object_set_new(sum, admit_status_name((AdmitStatus)k), json_integer(rep.counts[k]));
            json_object_set_new(root, "summary", sum);
        }
        json_object_set_new(root, "diagnostics", render_diags_json(&d, &ss));
        json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', stdout);
        json_decref(root);
    } else {
        render_diags_text(stderr, &d, &ss, o->color);
        if (status == EXIT_PASS) {
            const char *bold = o->color_out ? "\033[1m" : "", *reset = o->color_out ? "\033[0m" : "";
            printf("%sadmission screening: course %s%s%s%s%s\n", bold, rep.course->name, rep.course->title ? " \"" : "",
                   rep.course->title ? rep.course->title : "", rep.course->title ? "\"" : "", reset);
            int w = 2;
            for (int i = 0; i < rep.n; i++)
                if (chars_of(rep.rows[i].id) > w)
                    w = chars_of(rep.rows[i].id);
            printf("\n");
            for (int i = 0; i < rep.n; i++) {
                const ApplicantResult *r = &rep.rows[i];
                /* One reason a line, under each other after the status. */
                int indent = 2 + w + 2 + 10 + 2;
                printf("  %s%*s  %s", r->id, w - chars_of(r->id), "", admit_status_name(r->status));
                int line = 0;
                for (int k = 0; k < r->nfailed; k++, line++) {
                    if (line == 0)
                        printf("%*s", 12 - (int)strlen(admit_status_name(r->status)), "");
                    else
                        printf("\n%*s", indent, "");
                    printf("%s", r->failed[k]);
                }
                if (r->nmissing) {
                    if (line == 0)
                        printf("%*s", 12 - (int)strlen(admit_status_name(r->status)), "");
                    else
                        printf("\n%*s", indent, "");
                    printf("missing: ");
                    for (int k = 0; k < r->nmissing; k++)
                        printf("%s%s", k ? ", " : "", r->missing[k]);
                }
                printf("\n");
                for (int k = 0; k < r->nshown; k++)
                    printf("%*s%s = %s\n", w + 16, "", r->shown[k], r->shown_values[k]);
            }
            printf("\n  %d eligible, %d ineligible, %d to review", rep.counts[AD_ELIGIBLE], rep.counts[AD_INELIGIBLE],
                   rep.counts[AD_REVIEW]);
            if (rep.has_seats)
                printf("; %lld seat%s", (long long)rep.seats, rep.seats == 1 ? "" : "s");
            printf("\n");
            if (rep.has_seats && rep.counts[AD_ELIGIBLE] > rep.seats)
                printf("  more eligible applicants than seats: the committee chooses\n");
            if (rep.nassess) {
                printf("\n  for the committee to judge (ramme does not decide these):\n");
                for (int k = 0; k < rep.nassess; k++)
                    printf("    - %s\n", rep.assess[k]);
            }
        }
    }
    arena_free(a);
    compile_free(p);
    diag_free(&d);
    src_free(&ss);
    return status;
}

/* Writes `j` as jansson's indented JSON with every line shifted right by
 * `shift` spaces (the first line too when `first` is set): lets a large
 * document be written piece by piece, identical to a whole-document dump. */
static void dump_shifted(FILE *out, json_t *j, int shift, bool first)
{
    char *text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text)
        return;
    bool start = first;
    for (const char *c = text; *c; c++) {
        if (start)
            fprintf(out, "%*s", shift, "");
        fputc(*c, out);
        start = *c == '\n';
    }
    free(text);
}

/* ramme check FILE...: each file is its own compilation. */
static int cmd_check(Options *o)
{
    if (o->nargs == 0)
        return bad_usage("%s needs at least one FILE", "check");
    if (o->format != FMT_TEXT && o->format != FMT_JSON)
        return bad_usage("check writes text or json, not %s", o->format == FMT_CSV ? "csv" : "ics");
    int status = EXIT_PASS;
    /* JSON is written course by course: a batch of 100,000 courses never
     * sits in memory as one document. */
    json_t *diags = json_array();
    int ncourses = 0;
    JsonW *jw = malloc(sizeof *jw); /* its 64 KB buffer: not on the stack */
    if (!jw)
        arena_oom();
    if (o->format == FMT_JSON)
        fputs("{\n  \"version\": 1,\n  \"courses\": [", stdout);
    for (int i = 0; i < o->nargs; i++) {
        SourceSet ss;
        src_init(&ss);
        Diags d;
        diag_init(&d);
        CompileOptions co = {o->include, o->ninclude, 0, 0};
        /* Course by course: a batch file of 100,000 courses is never held
         * whole (batch.h). A course with errors is not judged. */
        Program *p = compile_batch(o->args[i], "course", &co, &ss, &d);
        BatchIter it;
        batch_begin(&it, p);
        int n = 0;
        for (Block *c; (c = batch_next(&it)) != NULL;) {
            n++;
            if (!it.clean)
                continue;
            Arena *a = it.arena;
            CourseReport rep;
            rules_check(p, c, a, &rep);
            if (rep.failed[SEV_ERROR] || (o->strict && rep.failed[SEV_WARNING]))
                if (status == EXIT_PASS)
                    status = EXIT_RULES;
            Coverage cv;
            if (o->coverage)
                cov_build(p, &rep, a, &cv);
            if (o->format == FMT_JSON) {
                json_t *cov = o->coverage ? coverage_json(&cv) : NULL;
                fputs(ncourses++ ? ",\n    " : "\n    ", stdout);
                jw_init(jw, stdout, 4);
                report_write(jw, &rep, &ss, o->args[i], cov);
                if (!jw_flush(jw))
                    status = EXIT_INPUT;
                json_decref(cov);
            } else {
                report_text(stdout, &rep, &ss, o->color_out);
                if (o->coverage)
                    coverage_text(stdout, &cv);
            }
        }
        batch_end(&it);
        if (n == 0 && !d.errors && o->format == FMT_TEXT)
            printf("%s: no errors; the file declares no course\n", o->args[i]);
        /* Diagnostics after the file's reports, in source order. */
        diag_sort(&d);
        if (d.errors)
            status = EXIT_INPUT;
        if (o->format == FMT_JSON) {
            json_t *arr = render_diags_json(&d, &ss);
            json_array_extend(diags, arr);
            json_decref(arr);
        } else {
            if (d.n)
                fflush(stdout);
            render_diags_text(stderr, &d, &ss, o->color);
        }
        compile_free(p);
        diag_free(&d);
        src_free(&ss);
    }
    if (o->format == FMT_JSON) {
        fputs(ncourses ? "\n  ],\n  \"diagnostics\": " : "],\n  \"diagnostics\": ", stdout);
        dump_shifted(stdout, diags, 2, false);
        fputs("\n}\n", stdout);
    }
    free(jw);
    json_decref(diags);
    if (fflush(stdout) != 0)
        status = EXIT_INPUT;
    return status;
}

/* A large input file is mapped into memory (source.c). If another program
 * cuts it short while ramme reads it, touching the lost pages raises
 * SIGBUS: say what happened and exit as for any unreadable input, rather
 * than die with "Bus error". Only async-signal-safe calls here. */
static void on_sigbus(int sig)
{
    (void)sig;
    static const char msg[] = "ramme: error: an input file was cut short while it was being read; "
                              "check it again when nothing is writing to it\n";
    ssize_t w = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)w;
    _exit(EXIT_INPUT);
}

int main(int argc, char **argv)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigbus;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, NULL);
    Options o;
    memset(&o, 0, sizeof o);
    int st = parse_args(argc, argv, &o);
    if (st < 0) {
        if (o.output && strcmp(o.command, "schedule") != 0) {
            st = bad_usage("-o is for schedule; %s writes to standard output", o.command);
        } else if (strcmp(o.command, "check") == 0) {
            st = cmd_check(&o);
        } else if (strcmp(o.command, "explain") == 0) {
            st = cmd_explain(&o);
        } else if (strcmp(o.command, "diff") == 0) {
            st = cmd_diff(&o);
        } else if (strcmp(o.command, "schedule") == 0) {
            st = cmd_schedule(&o);
        } else if (strcmp(o.command, "admit") == 0) {
            st = cmd_admit(&o);
        } else {
            bool known = false;
            for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
                known = known || strcmp(o.command, commands[i]) == 0;
            if (known) {
                fprintf(stderr, "ramme: error: '%s' is not available in this version yet\n", o.command);
                st = EXIT_INPUT;
            } else {
                fprintf(stderr, "ramme: error: unknown command '%s'\n", o.command);
                const char *sug = model_suggest(o.command, commands, (int)(sizeof commands / sizeof *commands));
                if (sug)
                    fprintf(stderr, "      = help: did you mean '%s'?\n", sug);
                else
                    fputs("      = help: the commands are check, explain, schedule, admit and diff\n", stderr);
                st = EXIT_INPUT;
            }
        }
    }
    free(o.args);
    free(o.include);
    return st;
}
