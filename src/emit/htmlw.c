/* htmlw.c — escaping text for HTML. */
#include "emit/htmlw.h"
#include "base/esc.h"
#include "base/i18n.h"

#include <stdarg.h>
#include <string.h>

static const char *entity(char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

const char *hw_escape(Arena *a, const char *s)
{
    s = esc_text(a, s);
    if (!s || !strpbrk(s, "&<>\"'"))
        return s;
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        const char *e = entity(*p);
        n += e ? strlen(e) : 1;
    }
    char *r = arena_alloc(a, n + 1), *q = r;
    for (const char *p = s; *p; p++) {
        const char *e = entity(*p);
        if (e) {
            size_t k = strlen(e);
            memcpy(q, e, k);
            q += k;
        } else {
            *q++ = *p;
        }
    }
    *q = '\0';
    return r;
}

void hw_text(FILE *out, const char *s)
{
    if (!s)
        return;
    Arena *a = arena_new();
    fputs(hw_escape(a, s), out);
    arena_free(a);
}

void hw_printf(FILE *out, const char *fmt, ...)
{
    Arena *a = arena_new();
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = arena_alloc(a, n > 0 ? (size_t)n + 1 : 1);
    s[0] = '\0';
    if (n > 0)
        vsnprintf(s, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    fputs(hw_escape(a, s), out);
    arena_free(a);
}

/* The only styles of every page (check, admit, diff, schedule, plan). Relative
 * units everywhere and no fixed width, so it reflows at 200% zoom; the
 * status is a word in its cell, coloured too but never by colour alone. The print rules: A4, a course per page, no
 * row split across pages, the table's header repeated on each page. */
static const char *const STYLE[] = {
    /* In parts: a string literal longer than 4095 bytes is beyond what C
     * promises (-Woverlength-strings). */
    "body { font-family: system-ui, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif;"
    " font-size: 1rem; line-height: 1.45; color: #1b1b1b; background: #fff;"
    " max-width: 75em; margin: 1.5em auto; padding: 0 1em; }\n"
    "h1 { font-size: 1.7em; margin: 0 0 0.5em; }\n"
    "h2 { font-size: 1.35em; margin: 2em 0 0.3em; padding-bottom: 0.2em; border-bottom: 0.1em solid #bbb; }\n"
    "h3 { font-size: 1.1em; margin: 1.4em 0 0.4em; }\n"
    "code { font-family: ui-monospace, \"DejaVu Sans Mono\", Menlo, Consolas, monospace; font-size: 0.95em; }\n"
    ".place { margin: 0; color: #4a4a4a; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; }\n"
    "th, td { border: 0.0625em solid #b5b5b5; padding: 0.3em 0.5em; text-align: left; vertical-align: top;"
    " overflow-wrap: break-word; }\n"
    "thead th { background: #ececec; white-space: nowrap; }\n"
    "tbody th { font-weight: normal; }\n"
    /* A rule id or a place is one long word: on screen it may break where
     * it must, or the results table is wider than a laptop's window (1000
     * pixels). Not in print, where the A4 tables keep their words whole. */
    "@media screen { .results code, .results td:last-child, .changes code { overflow-wrap: anywhere; } }\n"
    /* The applicants' six Danish column headings ("Manglende oplysninger")
     * do not fit on one line each in that window: they wrap. */
    "table.applicants thead th { white-space: normal; }\n"
    "td p, td ul { margin: 0 0 0.3em; } td ul { padding-left: 1.2em; }\n"
    ".status { font-weight: bold; white-space: nowrap; }\n"
    ".results td:nth-child(2) { white-space: nowrap; }\n"
    "tr.fail { background: #fdecec; } tr.fail .status { color: #a30000; }\n"
    "tr.fail.warning, tr.fail.advice { background: #fff5e0; }\n"
    "tr.fail.warning .status, tr.fail.advice .status { color: #7a4a00; }\n"
    "tr.unknown { background: #f1ecfa; } tr.unknown .status { color: #5b2d91; }\n"
    "tr.pass .status { color: #1d6b1d; }\n"
    "tr.not_applicable .status, tr.not_judged .status { color: #555; font-weight: normal; }\n"
    "tr.ineligible { background: #fdecec; } tr.ineligible .status { color: #a30000; }\n"
    "tr.review { background: #fff5e0; } tr.review .status { color: #7a4a00; }\n"
    "tr.eligible .status { color: #1d6b1d; }\n"
    ".diag.error { color: #a30000; font-weight: bold; } .diag.warning { color: #7a4a00; font-weight: bold; }\n"
    ".coverage td { text-align: center; } .coverage td.gap { text-align: left; color: #a30000; font-weight: bold; }\n"
    ".summary { font-weight: bold; }\n"
    "table.facts, table.narrow { width: auto; } td.num { text-align: right; }\n",
    /* The schedule's calendar (plan_html.c): months side by side while
     * they fit, one under another at 200% zoom; each day says what it is by
     * its mark (S, X, P, ...) and is shaded too. */
    ".legend { list-style: none; padding: 0; margin: 0.4em 0 0.8em; }\n"
    ".legend li { display: inline-block; margin: 0 1.5em 0.3em 0; }\n"
    ".legend .key { display: inline-block; min-width: 1.6em; padding: 0 0.3em; text-align: center;"
    " border: 0.0625em solid #b5b5b5; }\n"
    ".months { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 34em), 1fr)); gap: 0 1.5em; }\n"
    "table.month { table-layout: fixed; margin: 0.3em 0 1em; }\n"
    "table.month caption { text-align: left; font-weight: bold; padding: 0.2em 0; }\n"
    "table.month th, table.month td { padding: 0.15em 0.25em; font-size: 0.9em; }\n"
    "table.month thead th { font-size: 0.8em; white-space: normal; overflow-wrap: anywhere; }\n"
    "table.month thead th:first-child { width: 3.4em; }\n"
    "table.month tbody th { text-align: right; color: #4a4a4a; }\n"
    "table.month td { height: 2.8em; }\n"
    "table.month .dn { font-weight: bold; } .mk { font-weight: bold; } .nt { display: block; font-size: 0.85em; }\n"
    "td.weekend .dn { color: #6a6a6a; font-weight: normal; }\n"
    ".session { background: #dfeaff; } .closed { background: #fde3e3; } .break { background: #ececec; }\n"
    ".practicum { background: #e6f3e1; } .follow-up { background: #c4e5ba; }\n",
    /* The planner's page (proposal_html.c) may use the whole width of a
     * wide screen: its proposals stand side by side, columns of one width
     * while each keeps 46em, one under another otherwise. A proposal's
     * tables are set a little smaller and their headings wrap, so they fit
     * the column; a name too long for it scrolls inside its proposal
     * rather than run into the next. The plan's status is a word, coloured
     * by its identifier too. */
    "body.wide { max-width: 180em; }\n"
    "h4 { font-size: 1em; margin: 1.2em 0 0.3em; }\n"
    ".proposals { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 46em), 1fr));"
    " gap: 0 2.5em; align-items: start; }\n"
    ".proposal { min-width: 0; overflow-x: auto; }\n"
    ".proposal table.cohorts, .proposal table.penalties { font-size: 0.92em; }\n"
    ".proposal thead th { white-space: normal; } .penalties td.num, td.when { white-space: nowrap; }\n"
    "ul.team { list-style: none; padding: 0; margin: 0; }\n"
    ".verdict { font-size: 1.1em; }\n"
    ".optimal .status { color: #1d6b1d; } .feasible .status { color: #7a4a00; } .infeasible .status { color: #a30000; }\n",
    /* A narrow window (200% zoom on a laptop lays the page out about 40em
     * wide): headings wrap, and a long word — a rule id, a place, a Danish
     * compound in a heading — may break anywhere, so no table needs sideways
     * scrolling. Not in print, where the tables keep their words whole. */
    "@media screen and (max-width: 48em) {\n"
    "  th, td { overflow-wrap: anywhere; }\n"
    "  thead th { white-space: normal; }\n"
    "  .proposal th, .proposal td { padding: 0.25em 0.3em; }\n"
    "}\n"
    "@page { size: A4; margin: 15mm 12mm; }\n"
    "@media print {\n"
    "  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }\n"
    "  section.course + section.course { break-before: page; page-break-before: always; }\n"
    "  tr, th, td { break-inside: avoid; page-break-inside: avoid; }\n"
    "  thead { display: table-header-group; }\n"
    "  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }\n"
    "  tr.fail, tr.unknown, tr.ineligible, tr.review, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "  .months, .proposals { display: block; } .proposal { overflow: visible; }\n"
    "  section.proposal + section.proposal { break-before: page; page-break-before: always; }\n"
    "  table.month { break-inside: avoid; page-break-inside: avoid; }\n"
    "  .session, .closed, .break, .practicum, .follow-up { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "}\n",
};

static void page_begin(FILE *out, const char *title, bool wide)
{
    fputs("<!DOCTYPE html>\n<html lang=\"", out);
    hw_text(out, i18n_language());
    fputs("\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    hw_text(out, title);
    fputs("</title>\n<style>\n", out);
    for (size_t i = 0; i < sizeof STYLE / sizeof *STYLE; i++)
        fputs(STYLE[i], out);
    fputs(wide ? "</style>\n</head>\n<body class=\"wide\">\n<main>\n<h1>" : "</style>\n</head>\n<body>\n<main>\n<h1>",
          out);
    hw_text(out, title);
    fputs("</h1>\n", out);
}

void hw_page_begin(FILE *out, const char *title)
{
    page_begin(out, title, false);
}

void hw_page_begin_wide(FILE *out, const char *title)
{
    page_begin(out, title, true);
}

bool hw_page_end(FILE *out)
{
    fputs("</main>\n</body>\n</html>\n", out);
    return !ferror(out);
}

void hw_th_col(FILE *out, const char *word)
{
    fputs("<th scope=\"col\">", out);
    hw_text(out, word);
    fputs("</th>", out);
}
