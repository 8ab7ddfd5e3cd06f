/* cli_check.c — `ramme check FILE...`: every course of every file judged
 * against its frameworks; the report (emit/check_out.h) as text or JSON, as
 * an HTML page (emit/check_html.h) or one line a finding
 * (emit/check_brief.h), with the coverage table on request, then the
 * diagnostics.
 *
 * With -j N (default: the CPUs) the files are checked by threads at once,
 * each file its own compilation as always (see Jobs below), and the threads
 * left over judge the courses of each file (see Team below); the report is
 * the same, byte for byte, as with -j 1. */
#include "cli/cli.h"
#include "model/batch.h"
#include "engine/coverage.h"
#include "emit/check_brief.h"
#include "emit/check_html.h"
#include "emit/check_out.h"
#include "emit/held.h"
#include "emit/render.h"
#include "engine/fix.h"
#include "engine/rules.h"
#include "base/esc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fixes are sought in a main file of at most FIX_MAX_BYTES, with at most
 * FIX_BUDGET_BYTES of text built again to verify them (fix.h: a course
 * of a batch file costs its own bytes, a whole file with its imports at
 * least a FIX_BUDGET'th of that). A batch file of thousands of failing
 * courses is checked about as fast as without, and its first courses
 * still get suggestions. */
#define FIX_MAX_BYTES (512 * 1024)

/* The bytes the fix suggestions of a file may build again. */
static int fix_budget(const CliSession *s)
{
    int m = s->p->main_file;
    if (m < 0 || m >= s->ss.n || s->ss.files[m]->len > FIX_MAX_BYTES)
        return 0;
    return FIX_BUDGET_BYTES;
}

/* check --fix on one file: the first suggestion of every failed
 * error-level rule of every course, applied together and written back
 * atomically (the whole new file or nothing), each change named on stderr.
 * A file nothing fixes is left byte for byte as it was. */
static void fix_file(const Options *o, const char *file)
{
    CliSession s;
    cli_open(&s, o, file, "course");
    CompileOptions co = {o->include, o->ninclude, 0, 0};
    Program *p = s.p;
    int budget = fix_budget(&s);
    Arena *keep = arena_new(); /* the chosen fixes outlive each course's arena */
    const Fix **chosen = NULL;
    const char **rule_of = NULL;
    int nchosen = 0, unfixed = 0;
    BatchIter it;
    batch_begin(&it, p);
    for (Block *c; (c = batch_next(&it)) != NULL;) {
        if (!it.clean)
            continue;
        CourseReport rep;
        rules_check(p, c, it.arena, &rep);
        if (!rep.failed[SEV_ERROR])
            continue;
        fix_course(p, &s.ss, &co, &rep, it.arena, &budget);
        for (int i = 0; i < rep.n; i++) {
            const RuleResult *r = &rep.results[i];
            if (r->status != ST_FAIL || r->severity != SEV_ERROR)
                continue;
            if (!rep.nfixes[i]) {
                unfixed++;
                continue;
            }
            /* Copied out of the course's arena: the title and edits. */
            Fix *f = arena_alloc(keep, sizeof *f);
            *f = rep.fixes[i][0];
            f->title = arena_strdup(keep, f->title);
            f->edits = arena_array(keep, (size_t)f->nedits + 1, sizeof *f->edits);
            memcpy(f->edits, rep.fixes[i][0].edits, (size_t)f->nedits * sizeof *f->edits);
            for (int k = 0; k < f->nedits; k++)
                f->edits[k].text = arena_strdup(keep, f->edits[k].text);
            /* One that overlaps a fix already chosen waits for the next run. */
            const Source *src = s.ss.files[p->main_file];
            chosen = arena_push(keep, chosen, (size_t)nchosen, sizeof *chosen);
            chosen[nchosen] = f;
            if (!fix_apply_all(keep, src->text, src->len, chosen, nchosen + 1)) {
                unfixed++;
                continue;
            }
            rule_of = arena_push(keep, rule_of, (size_t)nchosen, sizeof *rule_of);
            rule_of[nchosen++] = arena_strdup(keep, r->id);
        }
    }
    batch_end(&it);
    const Source *src = p->main_file >= 0 ? s.ss.files[p->main_file] : NULL;
    char *text = src && nchosen ? fix_apply_all(keep, src->text, src->len, chosen, nchosen) : NULL;
    if (text) {
        /* The fixes together must still give a file that compiles. */
        SourceSet ss2;
        Diags d2;
        src_init(&ss2);
        diag_init(&d2);
        compile_free(compile_text(src->path, text, &co, &ss2, &d2));
        bool ok = !d2.errors;
        diag_free(&d2);
        src_free(&ss2);
        OutFile of;
        FILE *f = ok ? cli_outfile_open(file, &of) : NULL;
        if (!ok) {
            cli_error(_("the fixes for %s together do not compile; the file is unchanged"), file);
        } else if (!f) {
            cli_error("%s", of.msg);
        } else if (fputs(text, f) < 0) {
            cli_outfile_abort(&of);
            cli_error(_("cannot write '%s'; the file is unchanged"), file);
        } else if (cli_outfile_commit(&of) != 0) {
            cli_error("%s", of.msg);
        } else {
            /* in the file's order */
            for (int i = 1; i < nchosen; i++)
                for (int j = i; j > 0 && chosen[j - 1]->edits[0].off > chosen[j]->edits[0].off; j--) {
                    const Fix *t = chosen[j];
                    const char *id = rule_of[j];
                    chosen[j] = chosen[j - 1], rule_of[j] = rule_of[j - 1];
                    chosen[j - 1] = t, rule_of[j - 1] = id;
                }
            for (int i = 0; i < nchosen; i++) {
                const FixEdit *e = &chosen[i]->edits[0];
                fprintf(stderr, "%s:%d:%d: ", esc_text(keep, file), e->line, e->column);
                /* TRANSLATORS: check --fix names each change it made: the rule, the fix */
                fprintf(stderr, _("fixed %s: %s"), esc_text(keep, rule_of[i]), esc_text(keep, chosen[i]->title));
                fputc('\n', stderr);
            }
        }
    }
    if (unfixed)
        cli_warning(P_("%s: one failed error rule has no fix that could be applied",
                       "%s: some failed error rules have no fix that could be applied", (unsigned long)unfixed),
                    file);
    arena_free(keep);
    cli_close(&s);
}

/* Up to `n` threads running fn(arg); *started: how many could be made
 * (0: the caller does the work itself). Joined and freed by threads_join. */
static pthread_t *threads_start(int n, void *(*fn)(void *), void *arg, int *started)
{
    pthread_t *th = calloc((size_t)n + 1, sizeof *th);
    if (!th)
        arena_oom();
    for (*started = 0; *started < n; ++*started)
        if (pthread_create(&th[*started], NULL, fn, arg) != 0)
            break;
    return th;
}

static void threads_join(pthread_t *th, int started)
{
    for (int k = 0; k < started; k++)
        pthread_join(th[k], NULL);
    free(th);
}

/* Where one file's report goes while it is checked: the real streams and
 * the document when it is the file whose turn it is (every earlier file's
 * report written), else memory (emit/held.h), handed on when its turn
 * comes. */
typedef struct Sink {
    FILE *out, *err;     /* stdout and stderr, or the held streams */
    CheckJson *cj;       /* the JSON document, or the held part */
    Held *held;          /* NULL when direct */
} Sink;

/* The files shared among the threads. Every field but `o` is guarded by
 * `mu`. `head` is the file whose report has the streams: every file before
 * it is written; its thread writes to them directly, the others to memory.
 * A thread takes the next file only within `window` files of `head`, so
 * the reports held in memory stay few. */
typedef struct Jobs {
    const Options *o;
    CheckJson *cj;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int next, head, window;
    int threads;         /* for each file's courses (check_file) */
    bool *done;
    int *status;
    Sink *sinks;
} Jobs;

static void sink_direct(Sink *sk, CheckJson *cj)
{
    sk->out = stdout;
    sk->err = stderr;
    sk->cj = cj;
    sk->held = NULL;
}

static void sink_memory(Sink *sk, bool json)
{
    sk->held = held_new(json);
    sk->out = held_out(sk->held);
    sk->err = held_err(sk->held);
    sk->cj = held_json(sk->held);
}

/* The file's turn has come (under the lock): what it wrote to memory goes
 * to the streams, and from now on it writes there itself. */
static void sink_hand_on(Jobs *jb, Sink *sk)
{
    if (!sk->held)
        return;
    held_put(sk->held, stdout, stderr, jb->cj);
    sink_direct(sk, jb->cj);
}

/* Between two courses: has this file's turn come? */
static void sink_sync(Jobs *jb, int i, Sink *sk)
{
    if (!jb || !sk->held)
        return;
    pthread_mutex_lock(&jb->mu);
    if (jb->head == i)
        sink_hand_on(jb, sk);
    pthread_mutex_unlock(&jb->mu);
}

/* One course judged and its report written to `sk` (after sink_sync: its
 * file's turn may have come meanwhile); its exit status. `p` is the
 * program, or a worker's copy of it (model/batch.h). */
static int judge_course(const Options *o, int i, Program *p, SourceSet *ss, const CompileOptions *co, Block *c,
                        Arena *a, int *budget, Sink *sk, Jobs *jb)
{
    bool json = o->format == FMT_JSON, html = o->format == FMT_HTML, brief = o->format == FMT_BRIEF;
    int status = EXIT_PASS;
    CourseReport rep;
    if (brief)
        rules_check_messages(p, c, a, &rep); /* it shows no explanation */
    else
        rules_check(p, c, a, &rep);
    /* Suggestions cost compilations: only for the reports that show
     * them (the one-line brief report does not). */
    if (!brief && (rep.failed[SEV_ERROR] || rep.failed[SEV_WARNING] || rep.failed[SEV_ADVICE] || rep.unknown))
        fix_course(p, ss, co, &rep, a, budget);
    if (rep.failed[SEV_ERROR] || (o->strict && (rep.failed[SEV_WARNING] || rep.unknown_by[SEV_ERROR])))
        status = EXIT_RULES;
    Coverage cv;
    if (o->coverage)
        cov_build(p, &rep, a, &cv);
    sink_sync(jb, i, sk);
    if (json) {
        check_json_course(sk->cj, &rep, ss, o->args[i], o->coverage ? &cv : NULL);
    } else if (html) {
        check_html_course(sk->out, &rep, ss, o->coverage ? &cv : NULL);
    } else if (brief) {
        check_brief_course(sk->out, &rep, ss, o->color_out, a);
    } else {
        check_text(sk->out, &rep, ss, o->color_out);
        if (o->coverage)
            check_coverage_text(sk->out, &cv);
    }
    return status;
}

/* The courses of one batch file judged by several threads at once (check
 * -j on a large file). The steps of the batch (model/batch.h) are cut into
 * runs of consecutive courses; a thread takes the next run, builds and
 * judges its courses with its own arenas, copy of the program and
 * diagnostics, and holds the run's report in memory (emit/held.h). The
 * file's own thread hands the runs on in order: their text to the file's
 * sink, their diagnostics into the file's (diag_append), so the report is
 * the one a single thread writes, byte for byte. A thread takes a run only
 * within `window` runs of `head`, so few reports are held at a time. */
typedef struct Run {
    Sink sk;       /* held */
    BatchRun br;   /* its diagnostics, and what it guessed of the runs before */
    int status, n; /* the worst exit status; the blocks yielded */
    bool done;
} Run;

typedef struct Team {
    const Options *o;
    int file;
    SourceSet *ss;
    const CompileOptions *co;
    BatchIter *it;
    int per;       /* steps a run */
    Run *runs;
    int nruns;
    pthread_mutex_t mu; /* guards next, head, errors and each run's done */
    pthread_cond_t cv;
    int next, head, window;
    int errors;    /* the file's errors, every run before `head` handed on */
} Team;

/* Steps a run: enough that handing on is rare, few enough that every
 * thread has several runs to take and a run's report stays small. */
#define RUN_MIN 8
#define RUN_MAX 256

/* Judges steps [from, to) with `w`, the report to `sk`; the worst status. */
static int judge_steps(Team *t, BatchWorker *w, int from, int to, Sink *sk, Jobs *jb, int *n)
{
    int budget = 0; /* no fix is sought here (check_file) */
    int status = EXIT_PASS;
    for (int k = from; k < to; k++) {
        Block *c = batch_worker_step(w, k);
        if (!c)
            continue;
        ++*n;
        if (!w->clean)
            continue;
        int st = judge_course(t->o, t->file, &w->prog, t->ss, t->co, c, w->arena, &budget, sk, jb);
        status = st > status ? st : status;
    }
    return status;
}

/* A thread of a team: runs in turn until none is left. */
static void *team_worker(void *arg)
{
    Team *t = arg;
    BatchWorker w;
    batch_worker_init(&w, t->it);
    pthread_mutex_lock(&t->mu);
    for (;;) {
        while (t->next < t->nruns && t->next >= t->head + t->window)
            pthread_cond_wait(&t->cv, &t->mu);
        if (t->next >= t->nruns)
            break;
        int r = t->next++;
        int errors = t->errors;
        pthread_mutex_unlock(&t->mu);
        Run *run = &t->runs[r];
        int from = r * t->per, to = from + t->per < t->it->nsteps ? from + t->per : t->it->nsteps;
        sink_memory(&run->sk, t->o->format == FMT_JSON);
        batch_run_begin(&w, &run->br, errors);
        run->status = judge_steps(t, &w, from, to, &run->sk, NULL, &run->n);
        pthread_mutex_lock(&t->mu);
        run->done = true;
        pthread_cond_broadcast(&t->cv);
    }
    pthread_mutex_unlock(&t->mu);
    batch_worker_free(&w);
    return NULL;
}

/* Judges the file's courses with `threads` threads (batch_plan done), its
 * report to `sk` as check_file's loop would write it; its exit status.
 * *n: the courses yielded. A run whose guesses of the runs before it were
 * wrong (batch_run_hand_on) is judged again here, in order. */
static int team_check(const Options *o, int i, CliSession *s, const CompileOptions *co, BatchIter *it, int threads,
                      Sink *sk, Jobs *jb, int *n)
{
    rules_prepare(s->p); /* what judging fills in lazily, before any thread reads it */
    Team t = {.o = o, .file = i, .ss = &s->ss, .co = co, .it = it, .window = 2 * threads, .errors = s->d.errors};
    t.per = it->nsteps / (4 * threads);
    t.per = t.per < RUN_MIN ? RUN_MIN : t.per > RUN_MAX ? RUN_MAX : t.per;
    t.nruns = (it->nsteps + t.per - 1) / t.per;
    t.runs = calloc((size_t)t.nruns + 1, sizeof *t.runs);
    if (!t.runs)
        arena_oom();
    pthread_mutex_init(&t.mu, NULL);
    pthread_cond_init(&t.cv, NULL);
    int started;
    pthread_t *th = threads_start(threads, team_worker, &t, &started);
    if (started == 0) {
        t.window = t.nruns; /* no thread to be had: this one judges every run first */
        team_worker(&t);
    }
    BatchWorker again; /* for a run judged again */
    bool again_made = false;
    int status = EXIT_PASS;
    for (int r = 0; r < t.nruns; r++) {
        Run *run = &t.runs[r];
        pthread_mutex_lock(&t.mu);
        while (!run->done)
            pthread_cond_wait(&t.cv, &t.mu);
        pthread_mutex_unlock(&t.mu);
        if (batch_run_hand_on(it, &run->br, &s->d)) {
            sink_sync(jb, i, sk);
            held_put(run->sk.held, sk->out, sk->err, sk->cj);
            *n += run->n;
        } else {
            held_drop(run->sk.held);
            if (!again_made)
                batch_worker_init(&again, it);
            again_made = true;
            batch_worker_ordered(&again, &s->d);
            int to = (r + 1) * t.per < it->nsteps ? (r + 1) * t.per : it->nsteps;
            run->status = judge_steps(&t, &again, r * t.per, to, sk, jb, n);
        }
        batch_run_free(&run->br);
        status = run->status > status ? run->status : status;
        batch_release_before(it, (r + 1) * t.per);
        pthread_mutex_lock(&t.mu);
        t.head++;
        t.errors = s->d.errors;
        pthread_cond_broadcast(&t.cv);
        pthread_mutex_unlock(&t.mu);
    }
    threads_join(th, started);
    if (again_made)
        batch_worker_free(&again);
    pthread_cond_destroy(&t.cv);
    pthread_mutex_destroy(&t.mu);
    free(t.runs);
    return status;
}

/* Checks file `i` of the command line, its report to `sk`; its exit
 * status. `threads`: how many may judge its courses at once. */
static int check_file(const Options *o, int i, int threads, Sink *sk, Jobs *jb)
{
    int status = EXIT_PASS;
    bool json = o->format == FMT_JSON, html = o->format == FMT_HTML, brief = o->format == FMT_BRIEF;
    /* Course by course: a batch file of 100,000 courses is never held
     * whole (batch.h). A course with errors is not judged. */
    if (o->fix)
        fix_file(o, o->args[i]); /* the check that follows is of the fixed file */
    CliSession s;
    cli_open(&s, o, o->args[i], "course");
    CompileOptions co = {o->include, o->ninclude, 0, 0};
    int budget = fix_budget(&s);
    SourceSet *ss = &s.ss;
    Diags *d = &s.d;
    Program *p = s.p;
    BatchIter it;
    batch_begin(&it, p);
    int n = 0;
    /* In parallel when the file's layout is known and no fix is sought:
     * fixes share one budget a file, spent course by course in order (a
     * file with a budget is small: under FIX_MAX_BYTES). */
    if (threads > 1 && (brief || budget == 0) && batch_plan(&it) > 1) {
        status = team_check(o, i, &s, &co, &it, threads, sk, jb, &n);
    } else {
        for (Block *c; (c = batch_next(&it)) != NULL;) {
            n++;
            if (!it.clean)
                continue;
            int st = judge_course(o, i, p, ss, &co, c, it.arena, &budget, sk, jb);
            status = st > status ? st : status;
        }
    }
    batch_end(&it);
    sink_sync(jb, i, sk);
    if (n == 0 && !d->errors && html)
        check_html_no_course(sk->out, o->args[i]);
    else if (n == 0 && !d->errors && !json && !brief)
        check_no_course_text(sk->out, o->args[i]);
    /* Diagnostics after the file's reports, in source order. */
    diag_sort(d);
    if (d->errors)
        status = EXIT_INPUT;
    if (json) {
        check_json_diags(sk->cj, d, ss);
    } else if (brief) {
        /* On stdout after the file's findings, one line each: the log
         * has every finding in one stream and one shape. */
        render_diags_brief(sk->out, d, ss, o->color_out);
    } else {
        /* HTML: the page lists them after the file's courses, and
         * stderr has them as text as well, for whoever ran it. */
        if (html)
            check_html_diags(sk->out, o->args[i], d, ss);
        if (d->n)
            fflush(sk->out);
        render_diags_text(sk->err, d, ss, o->color);
    }
    cli_close(&s);
    return status;
}

/* A thread: files in turn until none is left. */
static void *worker(void *arg)
{
    Jobs *jb = arg;
    bool json = jb->o->format == FMT_JSON;
    pthread_mutex_lock(&jb->mu);
    for (;;) {
        while (jb->next < jb->o->nargs && jb->next >= jb->head + jb->window)
            pthread_cond_wait(&jb->cv, &jb->mu);
        if (jb->next >= jb->o->nargs)
            break;
        int i = jb->next++;
        Sink *sk = &jb->sinks[i];
        if (i == jb->head)
            sink_direct(sk, jb->cj);
        else
            sink_memory(sk, json);
        pthread_mutex_unlock(&jb->mu);
        int st = check_file(jb->o, i, jb->threads, sk, jb);
        pthread_mutex_lock(&jb->mu);
        jb->status[i] = st;
        jb->done[i] = true;
        /* Every file whose turn has come and that is done: written, in order. */
        while (jb->head < jb->o->nargs && jb->done[jb->head])
            sink_hand_on(jb, &jb->sinks[jb->head++]);
        pthread_cond_broadcast(&jb->cv);
    }
    pthread_mutex_unlock(&jb->mu);
    return NULL;
}

/* ramme check FILE...: each file is its own compilation. */
int cli_check(Options *o)
{
    if (o->nargs == 0)
        return cli_bad_usage(_("%s needs at least one FILE"), "check");
    if (o->format != FMT_TEXT && o->format != FMT_JSON && o->format != FMT_HTML && o->format != FMT_BRIEF)
        return cli_bad_usage(_("check writes text, json, brief or html, not %s"), o->format == FMT_CSV ? "csv" : "ics");
    int status = EXIT_PASS;
    bool json = o->format == FMT_JSON, html = o->format == FMT_HTML;
    if (html)
        check_html_begin(stdout);
    /* JSON is written course by course: a batch of 100,000 courses never
     * sits in memory as one document. */
    CheckJson *cj = json ? check_json_begin(stdout) : NULL;
    /* --fix rewrites each file and names its changes on stderr before the
     * file's report: one file at a time, in order. The threads are shared
     * out: files at once, and the rest for each file's courses. */
    int all = o->fix ? 1 : o->jobs ? o->jobs : cli_cores();
    int jobs = all < o->nargs ? all : o->nargs;
    int threads = jobs > 1 ? all / jobs : all;
    if (jobs <= 1) {
        for (int i = 0; i < o->nargs; i++) {
            Sink sk;
            sink_direct(&sk, cj);
            int st = check_file(o, i, threads, &sk, NULL);
            status = st > status ? st : status;
        }
    } else {
        Jobs jb = {.o = o, .cj = cj, .window = 2 * jobs, .threads = threads};
        jb.done = calloc((size_t)o->nargs, sizeof *jb.done);
        jb.status = calloc((size_t)o->nargs, sizeof *jb.status);
        jb.sinks = calloc((size_t)o->nargs, sizeof *jb.sinks);
        if (!jb.done || !jb.status || !jb.sinks)
            arena_oom();
        pthread_mutex_init(&jb.mu, NULL);
        pthread_cond_init(&jb.cv, NULL);
        int started;
        pthread_t *t = threads_start(jobs, worker, &jb, &started);
        if (started == 0)
            worker(&jb); /* no thread to be had: this one does it all */
        threads_join(t, started);
        /* The worst of the files: input errors, then failed rules. */
        for (int i = 0; i < o->nargs; i++)
            status = jb.status[i] > status ? jb.status[i] : status;
        pthread_cond_destroy(&jb.cv);
        pthread_mutex_destroy(&jb.mu);
        free(jb.sinks);
        free(jb.status);
        free(jb.done);
    }
    /* A failed write leaves stdout in error: cli_finish_stdout reports it. */
    if (json)
        (void)check_json_end(cj);
    if (html)
        (void)check_html_end(stdout);
    return status;
}
