/* fuzz_table.c — the applicant readers on arbitrary bytes: CSV (libcsv)
 * and JSON (jansson) through table_read_text, then every cell through the
 * cell parsers the screener uses. Besides the sanitizers' findings, a
 * diagnostic that is not UTF-8 aborts (it would break the JSON report). */
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
    for (int k = 0; k < d.n; k++) {
        const char *m = d.items[k].msg;
        if (u8_check((const uint8_t *)m, strlen(m)))
            abort(); /* a diagnostic that is not UTF-8 */
    }
    arena_free(a);
    diag_free(&d);
    src_free(&ss);
    return 0;
}
