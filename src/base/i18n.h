/* i18n.h — the words a person reads, in the user's language (TOOLS.md §6):
 * GNU gettext with the catalogue po/da.po, built into LOCALEDIR/da/
 * LC_MESSAGES/ramme.mo. English is the default and needs no catalogue: a
 * message's English text is its key (msgid).
 *
 *   _("unknown key '%s'")           a message, translated where it is used
 *   N_("error")                     a word in a static table, marked for the
 *                                   catalogue, translated with _() or
 *                                   i18n_tr where it is shown
 *   P_("%d session", "%d sessions", n)   a message with a number in it
 *
 * Messages are whole sentences with placeholders (never glued from
 * fragments); a translation may reorder them with %1$s, %2$d. The keys use
 * plain %s (ISO C's printf has no %n$ and -Wpedantic says so); `msgfmt
 * --check` checks that each translation takes the same arguments.
 *
 * Translating is a pure lookup: the library calls _() and still never
 * prints. The command line chooses the language once, at the start
 * (i18n_choose, i18n_use). */
#ifndef RAMME_I18N_H
#define RAMME_I18N_H

#include <stdbool.h>
#include <stddef.h>

/* The gettext domain: the catalogue is ramme.mo. */
#define I18N_DOMAIN "ramme"

#if defined(__GNUC__)
#define I18N_FORMAT_ARG(n) __attribute__((format_arg(n)))
#else
#define I18N_FORMAT_ARG(n)
#endif

/* xgettext: --keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=NC_:1c,2
 * (the Makefile's pot). NC_ marks a table word with a context, for a word
 * that means something else elsewhere (the CSV heading "number" is not the
 * type "number"); i18n_ctr translates it. */
#define _(msgid) i18n_tr(msgid)
#define N_(msgid) msgid
#define NC_(context, msgid) msgid
#define P_(one, many, n) i18n_ntr(one, many, n)

/* `msgid` in the language in use; `msgid` itself in English, or when the
 * catalogue lacks it. */
const char *i18n_tr(const char *msgid) I18N_FORMAT_ARG(1);
/* `msgid` in `context` (marked NC_): gettext's pgettext. */
const char *i18n_ctr(const char *context, const char *msgid) I18N_FORMAT_ARG(2);
/* The singular or plural form for `n`, by the language's plural rule. */
const char *i18n_ntr(const char *one, const char *many, unsigned long n) I18N_FORMAT_ARG(1) I18N_FORMAT_ARG(2);

/* The language the environment asks for, as a two-letter code ("da", "en",
 * ...): the first of LC_ALL, LC_MESSAGES and LANG that names a language,
 * then LANGUAGE (GNU's list, "da:en") before it unless the locale is "C" or
 * "POSIX" (which ask for untranslated English, as gettext has it).
 * "C.UTF-8" names a character set, not a language: it is passed over, so
 * LC_ALL=C.UTF-8 LANG=da_DK.UTF-8 asks for Danish. "en" when nothing
 * names one. Written into `buf` (at least 16 bytes). */
const char *i18n_env_language(char *buf, size_t n);

/* Puts `lang` ("da", "en") to use, with the catalogue under `localedir`
 * (LOCALEDIR/LANG/LC_MESSAGES/ramme.mo). "en" needs none. Works whether or
 * not the machine has the language's locale (da_DK) generated: the
 * messages category is set to C.UTF-8 and LANGUAGE to `lang`, which gettext
 * honours under any locale but "C". Only LC_MESSAGES is touched: numbers
 * are never formatted by the C library's locale (JSON keeps its '.').
 * Returns false, leaving English in use, when the catalogue is missing. */
bool i18n_use(const char *lang, const char *localedir);

/* The language in use: "en" or the one i18n_use put to use. */
const char *i18n_language(void);

/* The decimal separator of the language in use: ',' in Danish, else '.'. */
char i18n_decimal_point(void);

/* A number formatted by C (digits with '.') written for the language in
 * use: the '.' replaced by its decimal point ("2.5" → "2,5"). In place;
 * returns `num`. For text a person reads, never for JSON. */
char *i18n_localize_number(char *num);

#endif
