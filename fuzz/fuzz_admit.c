/* fuzz_admit.c — libFuzzer harness for `ramme admit`: a course's admission
 * rules screening an applicant file (CSV or JSON) with admit_screen.
 *
 * The first byte picks the mode; the rest is the input proper:
 *   bit 0 clear: the applicant file only, screened against a fixed course
 *     (FIXED below, from tests/golden/admit/course.ramme) compiled once and
 *     kept across runs:
 *     the applicant file is the hostile input;
 *   bit 0 set: a course (ramme source), a NUL byte, then the applicant file
 *     (no NUL: the applicant file is empty). The course is compiled with
 *     compile_text; the first course with an admission block is screened,
 *     else the first course (which admit_screen refuses);
 *   bit 1: screen with show_fields (the --show-fields option).
 *
 * The result goes through the library's writers: esc_text for the text
 * report, admit_text, admit_json and admit_csv (emit/admit_out.h), and the
 * diagnostics through both renderers (fz_render_diags). Invariants (abort()
 * when one breaks, so libFuzzer saves the input):
 *   - a screening that succeeds has one result per row, the counts add up,
 *     and without show_fields no field value is kept;
 *   - esc_text leaves no control character but a tab, and the JSON
 *     parses back;
 *   - health data stays out of the output: without show_fields, the word
 *     "hemmelig" (seeded in cells) appears in the report and the rendered
 *     diagnostics only when the course, a column name or an applicant id
 *     holds it (table.h: no message quotes a cell; the private file's
 *     lines are never quoted);
 *   - the diagnostics' invariants of fuzz.h.
 *
 * RAMME_FUZZ_PRINT=1 build-fuzz/fuzz_admit INPUT prints the report and the
 * diagnostics of an input. */
#include "apps/admit.h"
#include "model/compile.h"
#include "base/esc.h"
#include "fuzz.h"
#include "emit/admit_out.h"
#include "apps/table.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Names the inputs are compiled and read under: the directory does not
 * exist, so a relative import cannot reach the working directory. */
#define COURSE_NAME "/nonexistent-ramme-fuzz/course.ramme"
#define APPLICANTS_NAME "/nonexistent-ramme-fuzz/applicants.csv"

/* The word that stands for health data in the seeds. */
#define SECRET "hemmelig"

/* The fixed course: tests/golden/admit/course.ramme (so the golden
 * applicant files screen against it) with two more requirements: a bool
 * read through `not` and an age range, both on the same columns. */
static const char FIXED[] =
    "course kursus \"Kursus\" {\n"
    "  provider   \"Kommune\"\n"
    "  group_size 8\n"
    "  target peers \"Peers\" { lived_experience }\n"
    "  instructors { instructor p \"Peer\" { experiential_competence } }\n"
    "  admission {\n"
    "    window      2024-05-23..2024-06-06\n"
    "    seats       2\n"
    "    require age >= 18                         \"Du er over 18 år\"\n"
    "    require municipality == \"Testby\"          \"Bor i kommunen\"\n"
    "    require support in {municipal_support, outpatient_treatment} \"Har modtaget støtte\"\n"
    "    require not active_substance_abuse or age in 18..120 \"Alder\"\n"
    "    exclude active_substance_abuse            \"Aktivt misbrug\"\n"
    "    assess  \"Motivation\"\n"
    "  }\n"
    "}\n";

/* The fixed course, compiled on the first run that needs it. */
static struct {
    bool ready;
    SourceSet ss;
    Diags d;
    Program *p;
    Block *course;
} fixed;

static void fixed_setup(void)
{
    if (fixed.ready)
        return;
    src_init(&fixed.ss);
    diag_init(&fixed.d);
    fixed.p = compile_text(COURSE_NAME, FIXED, NULL, &fixed.ss, &fixed.d);
    Block **all;
    if (fixed.d.errors || compile_main_decls(fixed.p, "course", &all) != 1) {
        fprintf(stderr, "fuzz_admit: the fixed course does not compile\n");
        abort();
    }
    fixed.course = all[0];
    fixed.ready = true;
}

/* Whether `s` holds the secret word. */
static bool has_secret(const char *s, size_t n)
{
    size_t k = strlen(SECRET);
    for (size_t i = 0; s && i + k <= n; i++)
        if (memcmp(s + i, SECRET, k) == 0)
            return true;
    return false;
}

static bool str_secret(const char *s)
{
    return s && has_secret(s, strlen(s));
}

/* The report through the writers (emit/admit_out.h); `out` gets the text,
 * the JSON and the committee's CSV. Every string also through esc_text. */
static void write_report(FILE *out, const AdmitReport *rep, Arena *a)
{
    fz_text_str(out, a, rep->course->name);
    fz_text_str(out, a, rep->course->title);
    bool show = false;
    for (int i = 0; i < rep->n; i++) {
        const ApplicantResult *r = &rep->rows[i];
        fz_text_str(out, a, r->id);
        for (int k = 0; k < r->nfailed; k++)
            fz_text_str(out, a, r->failed[k]);
        for (int k = 0; k < r->nmissing; k++)
            fz_text_str(out, a, r->missing[k]);
        for (int k = 0; k < r->nshown; k++) {
            fz_text_str(out, a, r->shown[k]);
            fz_text_str(out, a, r->shown_values[k]);
            show = true;
        }
    }
    for (int k = 0; k < rep->nassess; k++)
        fz_text_str(out, a, rep->assess[k]);
    admit_text(out, rep, false);
    Diags none;
    diag_init(&none);
    FzMem m;
    fz_check(admit_json(fz_mem_open(&m), rep, show, &none, NULL), "the JSON report is written");
    fz_mem_close(&m);
    json_t *doc = fz_json_parses(m.buf, m.len, "the JSON report parses");
    json_t *apps = json_object_get(doc, "applicants");
    fz_check(json_array_size(apps) == (size_t)rep->n, "one JSON object per applicant");
    for (size_t i = 0; i < json_array_size(apps); i++) {
        json_t *j = json_array_get(apps, i);
        const ApplicantResult *r = &rep->rows[i];
        fz_check(json_is_string(json_object_get(j, "id")) && json_is_string(json_object_get(j, "status")) &&
                     json_array_size(json_object_get(j, "failed")) == (size_t)r->nfailed &&
                     json_array_size(json_object_get(j, "missing")) == (size_t)r->nmissing,
                 "every string of a result is written to JSON");
    }
    fwrite(m.buf, 1, m.len, out);
    json_decref(doc);
    free(m.buf);
    diag_free(&none);
    fz_check(admit_csv(out, rep) == 0, "the committee's CSV is written");
}

/* Screens the applicant bytes against `course` of `p`, whose sources are
 * `ss`; checks and renders everything. */
static void screen(Program *p, Block *course, SourceSet *ss, const char *course_text, const uint8_t *app,
                   size_t napp, bool show_fields)
{
    Diags d;
    diag_init(&d);
    Arena *a = arena_new();
    Table t;
    memset(&t, 0, sizeof t);
    AdmitReport rep;
    memset(&rep, 0, sizeof rep);
    bool screened = false;
    if (table_read_text(APPLICANTS_NAME, (const char *)app, napp, ss, a, &d, &t) && !d.errors) {
        screened = admit_screen(p, course, &t, show_fields, a, &d, &rep);
        fz_check(!screened || rep.course == course, "the report names the course");
    }
    FzMem m;
    FILE *out = fz_mem_open(&m);
    if (screened) {
        fz_check(rep.n == t.nrows, "one result per applicant");
        fz_check(rep.counts[0] + rep.counts[1] + rep.counts[2] == rep.n, "the counts add up");
        for (int i = 0; i < rep.n; i++)
            fz_check(show_fields || (rep.rows[i].nshown == 0 && !rep.rows[i].shown_values),
                     "no field value without show_fields");
        write_report(out, &rep, a);
    }
    fz_mem_close(&m);
    FzMem dm = {NULL, NULL, 0};
    fz_render_diags(&d, ss, &dm);

    if (getenv("RAMME_FUZZ_PRINT"))
        fprintf(stderr, "report:\n%.*s\ndiagnostics:\n%.*s\n", (int)m.len, m.buf, (int)dm.len, dm.buf ? dm.buf : "");
    /* Health data: the secret word reaches the output only from a place
     * that may be shown. */
    if (!show_fields && (has_secret(m.buf, m.len) || has_secret(dm.buf, dm.len))) {
        bool allowed = str_secret(course_text);
        for (int c = 0; c < t.ncolumns && !allowed; c++)
            allowed = str_secret(t.columns[c]);
        for (int i = 0; i < rep.n && !allowed; i++)
            allowed = str_secret(rep.rows[i].id);
        if (!allowed) {
            fprintf(stderr, "fuzz_admit: report:\n%.*s\ndiagnostics:\n%.*s\n", (int)m.len, m.buf, (int)dm.len,
                    dm.buf ? dm.buf : "");
            fz_check(false, "no cell value in the output without show_fields");
        }
    }
    free(m.buf);
    free(dm.buf);
    arena_free(a);
    diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned mode = data[0];
    data++;
    size--;
    bool show_fields = mode & 2;
    if (!(mode & 1)) {
        fixed_setup();
        /* The applicant file joins a SourceSet of this run that starts with
         * the fixed course's sources (shared, not copied): spans of both
         * files index it, and admit_screen names the file through
         * p->sources, so the program reads this set during the run. Only
         * what the run added is freed. */
        SourceSet run;
        run.n = run.cap = fixed.ss.n;
        run.files = malloc((size_t)run.cap * sizeof *run.files);
        if (!run.files)
            abort();
        memcpy(run.files, fixed.ss.files, (size_t)run.n * sizeof *run.files);
        int ndiags = fixed.d.n;
        fixed.p->sources = &run;
        screen(fixed.p, fixed.course, &run, FIXED, data, size, show_fields);
        fixed.p->sources = &fixed.ss;
        fz_check(fixed.d.n == ndiags, "screening reports nothing to the program's diagnostics");
        SourceSet added;
        added.n = added.cap = run.n - fixed.ss.n;
        added.files = malloc((size_t)(added.n ? added.n : 1) * sizeof *added.files);
        if (!added.files)
            abort();
        memcpy(added.files, run.files + fixed.ss.n, (size_t)added.n * sizeof *added.files);
        src_free(&added);
        free(run.files);
        return 0;
    }

    const uint8_t *nul = memchr(data, '\0', size);
    size_t ncourse = nul ? (size_t)(nul - data) : size;
    const uint8_t *app = nul ? nul + 1 : data + size;
    size_t napp = nul ? size - ncourse - 1 : 0;

    FzUnit u;
    fz_unit_begin(&u, COURSE_NAME, data, ncourse);
    if (!u.d.errors) {
        Block **all;
        int n = compile_main_decls(u.p, "course", &all);
        Block *course = n ? all[0] : NULL;
        for (int i = 0; i < n; i++)
            if (model_get(all[i], "admission")) {
                course = all[i];
                break;
            }
        if (course)
            screen(u.p, course, &u.ss, u.text, app, napp, show_fields);
    }
    fz_unit_end(&u);
    return 0;
}
