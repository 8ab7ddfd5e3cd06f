/* check_brief.c — the check report, one line a finding (check_brief.h). */
#include "emit/check_brief.h"
#include "base/esc.h"
#include "base/sbuf.h"
#include "emit/render.h"
#include "emit/words.h"

void check_brief_course(FILE *out, const CourseReport *r, SourceSet *ss, bool color, Arena *a)
{
    const char *reset = words_paint(PAINT_RESET, color);
    /* The course's lines built in one buffer by copies and written at once:
     * an fprintf a line (and a printf for its place) was most of what
     * writing them cost, for a line that is a handful of strings. */
    SBuf b = sb_new(a);
    PlaceCursor places = {0};
    for (int i = 0; i < r->n; i++) {
        const RuleResult *x = &r->results[i];
        if (x->status != ST_FAIL && x->status != ST_UNKNOWN)
            continue;
        /* An unknown result keeps its rule's severity (what --strict weighs)
         * and says it is unknown before the message: the line's shape stays
         * the same for a program that splits it at ": ". */
        size_t start = b.n;
        render_place_put_near(&b, ss, x->where, &places);
        if (b.n > start)
            sb_put(&b, ": ", 2);
        sb_puts(&b, words_paint(words_status_paint(x->status, x->severity), color));
        sb_puts(&b, words_severity(x->severity));
        sb_puts(&b, reset);
        sb_put(&b, ": ", 2);
        const char *id = rules_id_shown(x);
        sb_puts(&b, id ? id : esc_text(a, x->id));
        sb_put(&b, ": ", 2);
        if (x->status == ST_UNKNOWN) {
            sb_puts(&b, words_status(ST_UNKNOWN));
            sb_put(&b, ": ", 2);
        }
        const char *shown = rules_message_shown(x);
        sb_puts(&b, shown ? shown : esc_text(a, x->message));
        sb_put(&b, "\n", 1);
    }
    if (b.n)
        fwrite(b.s, 1, b.n, out);
}
