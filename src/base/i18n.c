/* i18n.c — the language in use and the lookups (i18n.h). */
#include "base/i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The language in use; "en" means no lookup at all, so English output
 * never depends on the environment or on a catalogue. */
static char lang_now[16] = "en";
static bool translating;

const char *i18n_tr(const char *msgid)
{
    return translating ? dgettext(I18N_DOMAIN, msgid) : msgid;
}

const char *i18n_ctr(const char *context, const char *msgid)
{
    if (!translating)
        return msgid;
    /* The catalogue's key: the context, EOT, the msgid (as pgettext). */
    char key[256];
    if (snprintf(key, sizeof key, "%s\004%s", context, msgid) >= (int)sizeof key)
        return msgid;
    const char *t = dgettext(I18N_DOMAIN, key);
    return t == key || strcmp(t, key) == 0 ? msgid : t;
}

const char *i18n_ntr(const char *one, const char *many, unsigned long n)
{
    if (translating)
        return dngettext(I18N_DOMAIN, one, many, n);
    return n == 1 ? one : many;
}

/* The language a locale name names, into buf: "da_DK.UTF-8" → "da". ""
 * for a name that names none ("", "C.UTF-8"); "C" for "C" and "POSIX". */
static const char *locale_language(const char *name, char *buf, size_t n)
{
    buf[0] = '\0';
    if (!name || !*name)
        return buf;
    if (strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0) {
        snprintf(buf, n, "C");
        return buf;
    }
    if (strncmp(name, "C.", 2) == 0 || strncmp(name, "POSIX.", 6) == 0)
        return buf; /* a character set, no language */
    size_t k = 0;
    while (k + 1 < n && name[k] >= 'a' && name[k] <= 'z')
        buf[k] = name[k], k++;
    buf[k] = '\0';
    return buf;
}

const char *i18n_env_language(char *buf, size_t n)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    char loc[16] = "";
    for (size_t i = 0; i < sizeof vars / sizeof *vars && !loc[0]; i++)
        locale_language(getenv(vars[i]), loc, sizeof loc);
    if (strcmp(loc, "C") == 0) {
        snprintf(buf, n, "en");
        return buf;
    }
    const char *list = getenv("LANGUAGE");
    if (list && *list) {
        char first[16];
        size_t k = strcspn(list, ":");
        snprintf(first, sizeof first, "%.*s", (int)(k < 15 ? k : 15), list);
        char code[16];
        if (locale_language(first, code, sizeof code)[0] && strcmp(code, "C") != 0) {
            snprintf(buf, n, "%s", code);
            return buf;
        }
    }
    snprintf(buf, n, "%s", loc[0] ? loc : "en");
    return buf;
}

bool i18n_use(const char *lang, const char *localedir)
{
    translating = false;
    snprintf(lang_now, sizeof lang_now, "en");
    if (!lang || strcmp(lang, "en") == 0)
        return true;
    char mo[4096];
    snprintf(mo, sizeof mo, "%s/%s/LC_MESSAGES/" I18N_DOMAIN ".mo", localedir ? localedir : "", lang);
    if (!localedir || access(mo, R_OK) != 0)
        return false;
    /* gettext ignores LANGUAGE under the "C" locale only: C.UTF-8 is built
     * into glibc since 2.35 (and Debian's for longer); the environment's own
     * locale (da_DK.UTF-8, when generated) is the fallback. Either way the
     * catalogue decides. */
    if (!setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "C.utf8") && !setlocale(LC_MESSAGES, ""))
        return false;
    if (setenv("LANGUAGE", lang, 1) != 0)
        return false;
    if (!bindtextdomain(I18N_DOMAIN, localedir) || !bind_textdomain_codeset(I18N_DOMAIN, "UTF-8"))
        return false;
    /* The C library's own messages (strerror) in the same language, in
     * UTF-8 rather than the C locale's ASCII ("s?dan"). */
    bind_textdomain_codeset("libc", "UTF-8");
    /* Setting the domain again drops gettext's cache of earlier lookups. */
    textdomain(I18N_DOMAIN);
    snprintf(lang_now, sizeof lang_now, "%s", lang);
    translating = true;
    return true;
}

const char *i18n_language(void)
{
    return lang_now;
}

char i18n_decimal_point(void)
{
    return strcmp(lang_now, "da") == 0 ? ',' : '.';
}

char *i18n_localize_number(char *num)
{
    char p = i18n_decimal_point();
    if (p != '.') {
        char *dot = strchr(num, '.');
        if (dot)
            *dot = p;
    }
    return num;
}
