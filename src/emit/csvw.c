/* csvw.c — CSV for spreadsheets (see csvw.h). libcsv quotes each field. */
#include "emit/csvw.h"
#include "base/i18n.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

void csvw_begin(CsvW *w, FILE *out)
{
    w->out = out;
    w->first = true;
    w->failed = false;
    /* The list separator follows the decimal mark, as spreadsheets do:
     * a decimal comma cannot also separate fields. */
    bool comma_decimals = i18n_decimal_point() == ',';
    w->sep = comma_decimals ? ';' : ',';
    if (comma_decimals && fputs("\xEF\xBB\xBF", out) == EOF)
        w->failed = true;
}

/* A cell starting with = + - or @, or with a tab or a carriage return, gets
 * a ' in front, as OWASP advises against CSV injection: a location
 * "=cmd|' /C calc'!A0" stays text. Every cell is treated alike, numbers
 * included: ramme writes no negative number, and one that did would be
 * shown as text ('-3) rather than risk a formula. */
void csvw_field(CsvW *w, const char *s)
{
    if (!s)
        s = "";
    if (!w->first && fputc(w->sep, w->out) == EOF)
        w->failed = true;
    w->first = false;
    size_t n = strlen(s);
    if (n == 0 || !strchr("=+-@\t\r", s[0])) {
        if (csv_fwrite(w->out, s, n) != 0)
            w->failed = true;
        return;
    }
    char *t = malloc(n + 2);
    if (!t) {
        w->failed = true;
        return;
    }
    t[0] = '\'';
    memcpy(t + 1, s, n + 1);
    if (csv_fwrite(w->out, t, n + 1) != 0)
        w->failed = true;
    free(t);
}

void csvw_int(CsvW *w, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    csvw_field(w, buf);
}

void csvw_end_row(CsvW *w)
{
    if (fputs("\r\n", w->out) == EOF)
        w->failed = true;
    w->first = true;
}

int csvw_finish(CsvW *w)
{
    if (fflush(w->out) != 0 || ferror(w->out))
        w->failed = true;
    return w->failed ? -1 : 0;
}
