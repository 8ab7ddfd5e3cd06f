/* check_brief.c — the check report, one line a finding (check_brief.h). */
#include "emit/check_brief.h"
#include "base/esc.h"
#include "emit/render.h"
#include "emit/words.h"

void check_brief_course(FILE *out, const CourseReport *r, SourceSet *ss, bool color, Arena *a)
{
    const char *reset = words_paint(PAINT_RESET, color);
    for (int i = 0; i < r->n; i++) {
        const RuleResult *x = &r->results[i];
        if (x->status != ST_FAIL && x->status != ST_UNKNOWN)
            continue;
        /* An unknown result keeps its rule's severity (what --strict weighs)
         * and says it is unknown before the message: the line's shape stays
         * the same for a program that splits it at ": ". */
        const char *place = render_place_text(a, ss, x->where);
        fprintf(out, "%s%s%s%s%s: %s: ", place, *place ? ": " : "",
                words_paint(words_status_paint(x->status, x->severity), color), words_severity(x->severity), reset,
                esc_text(a, x->id));
        if (x->status == ST_UNKNOWN)
            fprintf(out, "%s: ", words_status(ST_UNKNOWN));
        fputs(esc_text(a, x->message), out);
        fputc('\n', out);
    }
}
