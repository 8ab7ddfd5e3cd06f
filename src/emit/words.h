/* words.h — the vocabulary every report shares: the words for rule
 * statuses, severities, admission statuses, diagnostics and changes, and
 * the one colour palette, keyed by meaning. Every emitter (check_out,
 * explain_out, plan_out, admit_out, diff_out, render) takes its words and
 * colours from here and nowhere else, so a command cannot say "fail" where
 * another says "FAIL", nor paint a warning another colour.
 *
 * Two kinds of word:
 *   - identifiers (words_*_id): the values of JSON fields (LANGUAGE.md §7),
 *     "fail", "not_applicable", "review". A program reads them: they are
 *     never translated.
 *   - words a person reads (the others): "FAIL", "n/a", "not judged". They
 *     are marked N_() in words.c and each is looked up through words_tr,
 *     the single place a table word is translated (TOOLS.md §6: `--lang
 *     da`, gettext with po/da.po; base/i18n.h).
 *
 * Whole sentences of a report ("summary: 2 errors, ...") stay with the
 * emitter that writes them, each marked _() or P_() there (base/i18n.h). */
#ifndef RAMME_WORDS_H
#define RAMME_WORDS_H

#include "apps/admit.h"
#include "apps/plan_solve.h"
#include "engine/diff.h"
#include "engine/rules.h"
#include "base/i18n.h"
#include "front/diag.h"

#include <stdbool.h>
#include <stdio.h>

/* The word to show for `msgid`, a word marked N_() (base/i18n.h) in
 * words.c: the hook every table word is translated through. */
const char *words_tr(const char *msgid);

/* Display columns of UTF-8 text as a terminal shows it (libunistring:
 * "ø" one column, a wide character two): translated words differ in
 * length, so columns are sized from them, never from English. */
int words_width(const char *s);
/* `s`, then blanks to `w` columns (nothing more when it is wider). */
void words_put_left(FILE *out, const char *s, int w);
/* Blanks to `w` columns less `s`'s width, then `s`. */
void words_put_right(FILE *out, const char *s, int w);
/* The widest of the rule status words / severity words, translated: the
 * width of the status and severity columns of check and schedule. */
int words_status_width(void);
int words_severity_width(void);

/* ---- identifiers: JSON values, never translated ---- */

/* "fail", "unknown", "pass", "not_applicable" */
const char *words_status_id(RuleStatus s);
/* "error", "warning", "advice" */
const char *words_severity_id(Severity s);
/* "eligible", "ineligible", "review" */
const char *words_admit_id(AdmitStatus s);
/* "error", "warning", "note" */
const char *words_diag_id(DiagSeverity s);
/* "changed", "added", "removed" */
const char *words_change_id(DiffKind k);
/* A plan's status: optimal, feasible, infeasible (PLANNING.md §4). */
const char *words_plan_status_id(PlanStatus s);

/* ---- words a person reads, through words_tr ---- */

/* "FAIL" (upper case: it must stand out in a column of "pass"), "unknown",
 * "pass", "n/a" */
const char *words_status(RuleStatus s);
/* A rule one side of a diff is not judged by: "not judged". */
const char *words_not_judged(void);
/* "error", "warning", "advice" */
const char *words_severity(Severity s);
/* "eligible", "ineligible", "review" */
const char *words_admit(AdmitStatus s);
/* "error", "warning", "note" */
const char *words_diag(DiagSeverity s);
/* "changed", "added", "removed" */
const char *words_change(DiffKind k);
const char *words_plan_status(PlanStatus s);
/* The label of a diagnostic's help line: "help". */
const char *words_help(void);

/* ---- the palette: one ANSI colour per meaning ---- */

typedef enum {
    PAINT_NONE,     /* plain: no colour ("n/a") */
    PAINT_ERROR,    /* an error: diagnostic or failed rule */
    PAINT_WARNING,  /* a warning */
    PAINT_ADVICE,   /* failed advice (painted as a warning) */
    PAINT_NOTE,     /* a diagnostic's note */
    PAINT_PASS,     /* a rule that passes */
    PAINT_UNKNOWN,  /* a rule that cannot be decided */
    PAINT_CARET,    /* the caret under a span */
    PAINT_HEADING,  /* headings and the diagnostic's line: bold */
    PAINT_RESET,    /* back to plain */
} Paint;

/* The escape sequence for `p`; "" when `color` is false, so an emitter
 * writes words_paint(..., color) unconditionally. */
const char *words_paint(Paint p, bool color);
/* How a rule result is painted: a failure by its severity, unknown and
 * pass by themselves, n/a plain. */
Paint words_status_paint(RuleStatus s, Severity sev);
Paint words_severity_paint(Severity s);
Paint words_diag_paint(DiagSeverity s);

#endif
