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
 *     the single place a translation (TOOLS.md §6: `--lang da`, gettext
 *     with po/da.po) will hook in. Today words_tr returns the English word.
 *
 * Whole sentences of a report ("summary: 2 errors, ...") stay with the
 * emitter that writes them; they are for the gettext issue to mark. */
#ifndef RAMME_WORDS_H
#define RAMME_WORDS_H

#include "apps/admit.h"
#include "engine/diff.h"
#include "engine/rules.h"
#include "front/diag.h"

#include <stdbool.h>

/* Marks a word for the translation catalogue where it is declared (a
 * static table); words_tr translates it where it is shown. xgettext finds
 * the marks with --keyword=N_. */
#define N_(msgid) msgid

/* The word to show for `msgid`, a word marked N_() in words.c: the hook
 * for a translation. Today `msgid` itself. */
const char *words_tr(const char *msgid);

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
