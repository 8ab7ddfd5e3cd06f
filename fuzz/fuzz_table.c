/* fuzz_table.c — the applicant readers on arbitrary bytes: CSV (libcsv)
 * and JSON (jansson) through table_read_text, then every cell through the
 * cell parsers the screener uses. Besides the sanitizers' findings, a
 * diagnostic that is not UTF-8 aborts (it would break the JSON report).
 *
 * The JSON reader parses one element of the array at a time
 * (table_json.c), so jansson on the whole text is its oracle: text that
 * jansson refuses is never read without an error, and an array jansson
 * accepts never gets a "not valid JSON" error. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "apps/table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SourceSet ss;
    src_init(&ss);
    Diags d;
    diag_init(&d);
    Arena *a = arena_new();
    Table t;
    memset(&t, 0, sizeof t);
    table_read_text("fuzz.csv", (const char *)data, size, &ss, a, &d, &t);
    for (int r = 0; r < t.nrows; r++)
        for (int c = 0; c < t.ncolumns; c++) {
            const char *cell = t.rows[r].cells[c];
            bool b;
            int32_t day;
            int64_t i;
            const char **items;
            table_bool(cell, &b);
            table_date(cell, &day);
            table_int(cell, &i);
            if (cell)
                table_split_set(cell, a, &items);
        }
    bool not_json = false;
    for (int k = 0; k < d.n; k++) {
        const char *m = d.items[k].msg;
        if (u8_check((const uint8_t *)m, strlen(m)))
            abort(); /* a diagnostic that is not UTF-8 */
        /* The reader's own message, by its start: a diagnostic may quote
         * the file's words (an unknown column named "not valid JSON"). */
        not_json = not_json || strncmp(m, "the applicant file is not valid JSON", 36) == 0;
    }
    size_t i = 0;
    while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n' || data[i] == '\v' ||
                        data[i] == '\f'))
        i++;
    if (i < size && data[i] == '[' && !memchr(data, '\0', size) && !u8_check(data, size)) {
        json_error_t err;
        json_t *whole = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &err);
        if (!whole && !d.errors)
            abort(); /* read without an error what jansson refuses */
        if (whole && not_json)
            abort(); /* "not valid JSON" for what jansson accepts */
        json_decref(whole);
    }
    arena_free(a);
    diag_free(&d);
    src_free(&ss);
    return 0;
}
