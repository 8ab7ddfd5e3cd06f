/* htmlw.h — HTML for the reports a person opens in a browser (TOOLS.md §5):
 * the one place that decides how text reaches an HTML page.
 *
 * Every string that is not a literal of the emitter — a course's name,
 * title, a rule's message, a file name, a translated sentence with its
 * arguments filled in — goes through hw_text or hw_printf. The text is
 * first made safe as the text reports make it (esc_text, base/esc.h: a
 * control character shown as \u{HEX}, a line break as \n, a byte that is not
 * UTF-8 as U+FFFD), then the five characters HTML gives a meaning are
 * written as entities: & &amp;  < &lt;  > &gt;  " &quot;  ' &#39; — safe in
 * element content and in a quoted attribute value alike. */
#ifndef RAMME_HTMLW_H
#define RAMME_HTMLW_H

#include "base/arena.h"

#include <stdbool.h>
#include <stdio.h>

/* `s` escaped as above: `s` itself when nothing changes, else a copy in
 * `a`. NULL stays NULL. */
const char *hw_escape(Arena *a, const char *s);

/* Writes `s` escaped; nothing for NULL. */
void hw_text(FILE *out, const char *s);

/* printf, then the whole result written escaped: for a translated sentence
 * with values from a course file in it. */
void hw_printf(FILE *out, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The pages (TOOLS.md §5) share one frame: the doctype, the head (the
 * language of the output, `title`, the one inline stylesheet with its A4
 * print rules) and `title` again as the page's h1. */
void hw_page_begin(FILE *out, const char *title);
/* The same for a page of columns (the planner's proposals side by side):
 * its body may use the width of a wide screen. */
void hw_page_begin_wide(FILE *out, const char *title);
/* Closes the page. False when a write to `out` failed. */
bool hw_page_end(FILE *out);
/* A column heading: <th scope="col">, `word` escaped. */
void hw_th_col(FILE *out, const char *word);

#endif
