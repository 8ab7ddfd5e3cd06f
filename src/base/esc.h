/* esc.h — text from outside ramme (a course file's strings, a file name, an
 * applicant spreadsheet, the command line) made safe for where it is shown.
 *
 * In text output (reports, diagnostics and their source excerpts, the
 * schedule table) a control character would act on the terminal: ESC starts
 * an escape sequence (clear the screen, set the window title), CR and a line
 * break forge lines of the report. Each one is shown the way the language
 * writes it in a string (docs/language.md §3.6): a line break as \n, every
 * other control character as \u{HEX} in lower case: ESC is \u{1b}, BEL
 * \u{7}, CR \u{d}, DEL \u{7f}, the C1 controls \u{80} to \u{9f}. A tab stays
 * a tab. A byte that does not begin a UTF-8 character (a file name in
 * Latin-1) is shown as U+FFFD, the replacement character. A backslash is
 * left as it is: the form is for reading, not for reading back.
 *
 * JSON needs valid UTF-8 only (its writers escape control characters
 * themselves): esc_utf8 replaces the bytes that are not, with U+FFFD. */
#ifndef RAMME_ESC_H
#define RAMME_ESC_H

#include "base/arena.h"

#include <stddef.h>

/* The longest form of one character, with its NUL: "\u{9f}". */
#define ESC_MAX 8

/* How text output shows the character that starts at s (n > 0 bytes
 * left): its own bytes, or the escaped form above. Writes the form, with a
 * NUL, to `shown` and returns how many bytes of s the character takes (at
 * least 1). */
size_t esc_char(const char *s, size_t n, char shown[ESC_MAX]);

/* s with every character as esc_char shows it: s itself when that changes
 * nothing (the usual case, no copy), else a copy in `a`. NULL stays NULL. */
const char *esc_text(Arena *a, const char *s);

/* As esc_text, but line breaks stay: for iCalendar TEXT, whose writer
 * escapes them as \n itself. */
const char *esc_text_lines(Arena *a, const char *s);

/* s as valid UTF-8, each byte that does not begin a character replaced by
 * U+FFFD; control characters stay. s itself when it is valid, else a copy
 * in `a`. NULL stays NULL. */
const char *esc_utf8(Arena *a, const char *s);

#endif
