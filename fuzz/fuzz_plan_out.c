/* fuzz_plan_out.c — libFuzzer harness for `ramme schedule`: arbitrary bytes
 * as a ramme file (compile_text, as fuzz_check), every schedule it declares
 * (up to four) placed on the calendar with sched_plan, and each plan written
 * through every writer of plan_out.h into memory: the text table (plain and
 * coloured), JSON, CSV and iCalendar. The diagnostics are rendered as in
 * every harness (fz_render_diags).
 *
 * Invariants (abort() when one breaks, so libFuzzer saves the input):
 *   - the plain table is UTF-8 with no control character but line breaks
 *     and tabs (esc.h: the schedule table is text output);
 *   - the JSON serialises, parses back, and has one element per session,
 *     skipped day and check;
 *   - the CSV is written (0), every field is quoted, rows end in CRLF, there
 *     is a header row and one row per session, and no field starts with
 *     = + - @, a tab or a CR (CSV injection: plan_csv puts a ' in front);
 *   - iCalendar: plan_ics writes exactly when plan_ics_check allows it
 *     (nothing otherwise); the file runs from BEGIN:VCALENDAR to
 *     END:VCALENDAR, holds no control character but CR LF and HTAB, its line
 *     breaks are CRLF, unfolded it is UTF-8 (RFC 5545 §3.1: a fold never
 *     splits a character), and it has one VEVENT per session, one for the
 *     practicum and one per follow-up day.
 * DTSTAMP comes from SOURCE_DATE_EPOCH, set here so runs repeat.
 * RAMME_FUZZ_PRINT=1 build-fuzz/fuzz_plan_out INPUT prints each plan's table. */
#include "model/compile.h"
#include "fuzz.h"
#include "emit/plan_out.h"
#include "apps/schedule.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* As in fuzz_check: a directory that does not exist, so a relative import
 * cannot reach the working directory. */
#define FUZZ_NAME "/nonexistent-ramme-fuzz/input.ramme"

/* Schedules planned per input: enough for variety, few enough to stay fast. */
#define MAX_PLANS 4

static void check_text(const Plan *pl)
{
    for (int color = 0; color < 2; color++) {
        FzMem m;
        plan_text(fz_mem_open(&m), pl, color != 0);
        fz_mem_close(&m);
        fz_check(m.len > 0, "the table is written");
        fz_check(color || fz_plain_text(m.buf, m.len), "the table holds no control character");
        fz_check(fz_utf8(m.buf, m.len), "the table is UTF-8");
        if (!color && getenv("RAMME_FUZZ_PRINT"))
            fprintf(stderr, "%.*s\n", (int)m.len, m.buf);
        free(m.buf);
    }
}

static void check_json(const Plan *pl)
{
    FzMem m;
    fz_check(plan_json(fz_mem_open(&m), pl) == 0, "plan_json writes");
    fz_mem_close(&m);
    json_t *back = fz_json_parses(m.buf, m.len, "the plan's JSON parses");
    fz_check(json_array_size(json_object_get(back, "sessions")) == (size_t)pl->nsessions,
             "one JSON session per session");
    fz_check(json_array_size(json_object_get(back, "skipped")) == (size_t)pl->nskipped,
             "one JSON skipped day per skipped day");
    fz_check(json_array_size(json_object_get(back, "checks")) == (size_t)pl->nchecks, "one JSON check per check");
    json_decref(back);
    free(m.buf);
}

/* Reads the CSV plan_csv wrote: fields in double quotes ("" inside one),
 * separated by commas, rows ending in CRLF. Returns the number of rows. */
static int read_csv(const char *s, size_t n)
{
    int rows = 0;
    size_t i = 0;
    while (i < n) {
        for (;;) {
            fz_check(i < n && s[i] == '"', "every CSV field is quoted");
            i++;
            fz_check(i < n, "a CSV field is closed");
            fz_check(!strchr("=+-@\t\r", s[i]) || s[i] == '\0', "no CSV field starts with = + - @, a tab or a CR");
            for (;;) {
                fz_check(i < n, "a CSV field is closed");
                if (s[i] == '"') {
                    if (i + 1 < n && s[i + 1] == '"') {
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                i++;
            }
            if (i < n && s[i] == ',') {
                i++;
                continue;
            }
            fz_check(i + 1 < n && s[i] == '\r' && s[i + 1] == '\n', "a CSV row ends in CRLF");
            i += 2;
            rows++;
            break;
        }
    }
    return rows;
}

static void check_csv(const Plan *pl)
{
    FzMem m;
    int rc = plan_csv(fz_mem_open(&m), pl);
    fz_mem_close(&m);
    fz_check(rc == 0, "plan_csv writes to memory");
    fz_check(read_csv(m.buf, m.len) == pl->nsessions + 1, "a CSV header row and a row per session");
    free(m.buf);
}

static size_t count(const char *s, size_t n, const char *what)
{
    size_t k = strlen(what), c = 0;
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, what, k) == 0)
            c++;
    return c;
}

static void check_ics(const Plan *pl)
{
    Diags d;
    diag_init(&d);
    bool ok = plan_ics_check(pl, &d);
    fz_check(ok == (d.errors == 0), "plan_ics_check reports exactly when it refuses");
    diag_free(&d);
    FzMem m;
    int rc = plan_ics(fz_mem_open(&m), pl, NULL);
    fz_mem_close(&m);
    if (!ok) {
        fz_check(rc != 0 && m.len == 0, "plan_ics writes nothing that plan_ics_check refuses");
        free(m.buf);
        return;
    }
    fz_check(rc == 0, "plan_ics writes what plan_ics_check allows");
    const char *s = m.buf;
    size_t n = m.len;
    static const char head[] = "BEGIN:VCALENDAR\r\n", tail[] = "END:VCALENDAR\r\n";
    fz_check(n >= sizeof head - 1 && memcmp(s, head, sizeof head - 1) == 0, "the ICS starts BEGIN:VCALENDAR");
    fz_check(n >= sizeof tail - 1 && memcmp(s + n - (sizeof tail - 1), tail, sizeof tail - 1) == 0,
             "the ICS ends END:VCALENDAR");
    char *unfolded = malloc(n + 1);
    if (!unfolded)
        abort();
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        fz_check(c >= 0x20 || c == '\r' || c == '\n' || c == '\t', "the ICS holds no control character");
        fz_check(c != 0x7f, "the ICS holds no DEL");
        if (c == '\r')
            fz_check(i + 1 < n && s[i + 1] == '\n', "a CR in the ICS starts a CRLF");
        if (c == '\n')
            fz_check(i > 0 && s[i - 1] == '\r', "an LF in the ICS ends a CRLF");
        if (c == '\r' && i + 2 < n && (s[i + 2] == ' ' || s[i + 2] == '\t')) {
            i += 2; /* a fold: CRLF and one blank */
            continue;
        }
        unfolded[u++] = (char)c;
    }
    fz_check(fz_utf8(unfolded, u), "the unfolded ICS is UTF-8");
    free(unfolded);
    size_t events = (size_t)pl->nsessions + (pl->has_practicum ? 1 + (size_t)pl->nfollow_up : 0);
    fz_check(count(s, n, "\r\nBEGIN:VEVENT\r\n") == events, "one VEVENT per session, practicum and follow-up day");
    free(m.buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool init;
    if (!init) {
        setenv("SOURCE_DATE_EPOCH", "1735689600", 1); /* 2025-01-01 */
        init = true;
    }
    FzUnit u;
    fz_unit_begin(&u, FUZZ_NAME, data, size);
    if (!u.d.errors) {
        Block **all;
        int n = compile_main_decls(u.p, "schedule", &all);
        for (int k = 0; k < n && k < MAX_PLANS; k++) {
            Arena *a = arena_new();
            Plan pl;
            if (sched_plan(u.p, all[k], a, &pl)) {
                check_text(&pl);
                check_json(&pl);
                check_csv(&pl);
                check_ics(&pl);
            }
            arena_free(a);
        }
    }
    fz_unit_end(&u);
    return 0;
}
