/* words.c — the vocabulary's tables (words.h). Every word a person reads
 * is marked N_() here and shown through words_tr. */
#include "emit/words.h"

#include <string.h>
#include <uniwidth.h>

#define COUNT(a) (sizeof(a) / sizeof *(a))
/* Entry `i` of a table, "?" past its end (an enum value from nowhere). */
#define PICK(table, i) ((size_t)(i) < COUNT(table) ? (table)[i] : "?")

const char *words_tr(const char *msgid)
{
    return i18n_tr(msgid);
}

int words_width(const char *s)
{
    int w = u8_strwidth((const uint8_t *)s, "UTF-8");
    return w < 0 ? (int)strlen(s) : w;
}

void words_put_left(FILE *out, const char *s, int w)
{
    fputs(s, out);
    for (int k = words_width(s); k < w; k++)
        fputc(' ', out);
}

void words_put_right(FILE *out, const char *s, int w)
{
    for (int k = words_width(s); k < w; k++)
        fputc(' ', out);
    fputs(s, out);
}

/* ---------------------------------------------------------------- identifiers */

/* Indexed by RuleStatus: ST_FAIL, ST_UNKNOWN, ST_PASS, ST_NA. */
static const char *const status_id[] = {"fail", "unknown", "pass", "not_applicable"};
/* Indexed by Severity, AdmitStatus, DiagSeverity, DiffKind. */
static const char *const severity_id[] = {"error", "warning", "advice"};
static const char *const admit_id[] = {"eligible", "ineligible", "review"};
static const char *const diag_id[] = {"error", "warning", "note"};
static const char *const change_id[] = {"changed", "added", "removed"};

const char *words_status_id(RuleStatus s) { return PICK(status_id, s); }
const char *words_severity_id(Severity s) { return PICK(severity_id, s); }
const char *words_admit_id(AdmitStatus s) { return PICK(admit_id, s); }
const char *words_diag_id(DiagSeverity s) { return PICK(diag_id, s); }
const char *words_change_id(DiffKind k) { return PICK(change_id, k); }
static const char *const plan_status_id[] = {"optimal", "feasible", "infeasible"};
const char *words_plan_status_id(PlanStatus s) { return PICK(plan_status_id, s); }

/* ---------------------------------------------------------------- words to read */

static const char *const status_word[] = {N_("FAIL"), N_("unknown"), N_("pass"), N_("n/a")};
static const char *const severity_word[] = {N_("error"), N_("warning"), N_("advice")};
static const char *const admit_word[] = {N_("eligible"), N_("ineligible"), N_("review")};
static const char *const diag_word[] = {N_("error"), N_("warning"), N_("note")};
static const char *const change_word[] = {N_("changed"), N_("added"), N_("removed")};

const char *words_status(RuleStatus s) { return words_tr(PICK(status_word, s)); }
const char *words_not_judged(void) { return words_tr(N_("not judged")); }
const char *words_help(void) { return words_tr(N_("help")); }
const char *words_severity(Severity s) { return words_tr(PICK(severity_word, s)); }
const char *words_admit(AdmitStatus s) { return words_tr(PICK(admit_word, s)); }
const char *words_diag(DiagSeverity s) { return words_tr(PICK(diag_word, s)); }
const char *words_change(DiffKind k) { return words_tr(PICK(change_word, k)); }
/* TRANSLATORS: a plan's status: proven best, the best found in the time
 * given, nothing fits. */
static const char *const plan_status_word[] = {N_("optimal"), N_("feasible"), N_("infeasible")};
const char *words_plan_status(PlanStatus s) { return words_tr(PICK(plan_status_word, s)); }

/* The widest word of a table, translated. */
static int widest(const char *const *table, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++) {
        int x = words_width(words_tr(table[i]));
        w = x > w ? x : w;
    }
    return w;
}

int words_status_width(void) { return widest(status_word, COUNT(status_word)); }
int words_severity_width(void) { return widest(severity_word, COUNT(severity_word)); }

/* ---------------------------------------------------------------- colours */

/* Indexed by Paint. Bold colours for what needs attention; a plain green
 * for a pass, which should not shout. */
static const char *const palette[] = {
    [PAINT_NONE] = "",
    [PAINT_ERROR] = "\033[1;31m",   /* bold red */
    [PAINT_WARNING] = "\033[1;35m", /* bold magenta */
    [PAINT_ADVICE] = "\033[1;35m",  /* as a warning */
    [PAINT_NOTE] = "\033[1;36m",    /* bold cyan */
    [PAINT_PASS] = "\033[32m",      /* green */
    [PAINT_UNKNOWN] = "\033[1;33m", /* bold yellow */
    [PAINT_CARET] = "\033[1;32m",   /* bold green */
    [PAINT_HEADING] = "\033[1m",    /* bold */
    [PAINT_RESET] = "\033[0m",
};

const char *words_paint(Paint p, bool color)
{
    return color && (size_t)p < COUNT(palette) ? palette[p] : "";
}

Paint words_severity_paint(Severity s)
{
    return s == SEV_ERROR ? PAINT_ERROR : s == SEV_WARNING ? PAINT_WARNING : PAINT_ADVICE;
}

Paint words_status_paint(RuleStatus s, Severity sev)
{
    switch (s) {
    case ST_FAIL: return words_severity_paint(sev);
    case ST_UNKNOWN: return PAINT_UNKNOWN;
    case ST_PASS: return PAINT_PASS;
    case ST_NA: return PAINT_NONE;
    }
    return PAINT_NONE;
}

Paint words_diag_paint(DiagSeverity s)
{
    return s == DIAG_ERROR ? PAINT_ERROR : s == DIAG_WARNING ? PAINT_WARNING : PAINT_NOTE;
}
