/* diff_out.c — a diff report (engine/diff.h) as text, JSON and HTML. */
#include "emit/diff_out.h"
#include "base/esc.h"
#include "emit/htmlw.h"
#include "emit/jsonw.h"
#include "emit/render.h"
#include "emit/words.h"

#include <string.h>

/* ------------------------------------------------------------ rendering */

/* The text report shows every value from the files through esc_text (in
 * `a`): a control character in a title or a changed string must not reach
 * the terminal. */
static void print_place(FILE *out, Arena *a, SourceSet *ss, const char *before, Span sp)
{
    if (!src_has_place(ss, sp))
        return;
    SrcPos at = span_first(ss, sp);
    fprintf(out, "%s%s:%d:%d", before, esc_text(a, src_shown(ss, sp.file)), at.line, at.col);
}

static void print_block_line(FILE *out, Arena *a, SourceSet *ss, const char *label, int lw, const Block *b)
{
    fputs("  ", out);
    words_put_left(out, label, lw);
    fprintf(out, " %s", esc_text(a, b->name ? b->name : b->schema->name));
    if (b->title)
        fprintf(out, " \"%s\"", esc_text(a, b->title));
    print_place(out, a, ss, "  ", b->name_span);
    fputc('\n', out);
}

/* The rule's result that explains the difference: the variant's when it is
 * judged there, else the base's. */
static const RuleResult *shown_result(const DiffRule *r)
{
    return r->variant_result ? r->variant_result : r->base_result;
}

/* A side's status, or "not judged" when that side is not judged by the
 * rule; painted as check paints it (in `a`). */
static const char *status_word(Arena *a, RuleStatus st, bool judged, Severity sev, bool color)
{
    if (!judged)
        return words_not_judged();
    if (!color)
        return words_status(st);
    return arena_printf(a, "%s%s%s", words_paint(words_status_paint(st, sev), color), words_status(st),
                        words_paint(PAINT_RESET, color));
}

/* The summary line, in `a`: the counts of changes and of rule results
 * that differ, how many newly fail and how many no longer do. */
static const char *summary(Arena *a, const DiffReport *r)
{
    int worse = 0, better = 0;
    for (int i = 0; i < r->nrules; i++) {
        const DiffRule *x = &r->rules[i];
        bool was_fail = x->base_result && x->before == ST_FAIL;
        bool is_fail = x->variant_result && x->after == ST_FAIL;
        worse += is_fail && !was_fail;
        /* Fail to unknown is not "no longer failing": nothing says it holds. */
        better += was_fail && x->variant_result && (x->after == ST_PASS || x->after == ST_NA);
    }
    const char *changes = arena_printf(a, P_("%d change", "%d changes", (unsigned long)r->nentries), r->nentries);
    const char *differ = arena_printf(a, P_("%d rule result differs", "%d rule results differ", (unsigned long)r->nrules),
                                      r->nrules);
    /* TRANSLATORS: a diff's last line: "summary: 3 changes; 2 rule results differ: 1 newly failing, 0 no longer failing" */
    return arena_printf(a, _("summary: %s; %s: %d newly failing, %d no longer failing"), changes, differ, worse, better);
}

void diff_report_text(FILE *out, const DiffReport *r, SourceSet *ss, bool color)
{
    Arena *a = arena_new();
    /* TRANSLATORS: the heading of a diff: the base course, then the variant */
    fprintf(out, _("diff %s → %s"), esc_text(a, r->base->name ? r->base->name : "?"),
            esc_text(a, r->variant->name ? r->variant->name : "?"));
    fputc('\n', out);
    /* The label and change columns as wide as their widest words (8 in
     * English), in the language in use. */
    const char *lbase = _("base"), *lvariant = _("variant");
    int lw = 8;
    lw = words_width(lbase) > lw ? words_width(lbase) : lw;
    lw = words_width(lvariant) > lw ? words_width(lvariant) : lw;
    int cw = 8;
    for (int k = DC_CHANGED; k <= DC_REMOVED; k++)
        cw = words_width(words_change((DiffKind)k)) > cw ? words_width(words_change((DiffKind)k)) : cw;
    /* The lines under an entry or a rule start under its path or id. */
    int indent = 4 + cw + 1;
    print_block_line(out, a, ss, lbase, lw, r->base);
    print_block_line(out, a, ss, lvariant, lw, r->variant);

    fputs("\n  ", out);
    if (r->nentries == 0)
        fprintf(out, "%s\n", _("changes: none"));
    else
        fprintf(out, _("changes (%d)\n"), r->nentries);
    const char *at = arena_printf(a, "%*s%s ", indent, "", _("at"));
    for (int i = 0; i < r->nentries; i++) {
        const DiffEntry *e = &r->entries[i];
        fputs("    ", out);
        words_put_left(out, words_change(e->kind), cw);
        fprintf(out, " %s", esc_text(a, e->path));
        if (e->kind == DC_CHANGED)
            fprintf(out, ": %s → %s\n", esc_text(a, e->before), esc_text(a, e->after));
        else
            fprintf(out, ": %s\n", esc_text(a, e->kind == DC_ADDED ? e->after : e->before));
        print_place(out, a, ss, at, e->where);
        if (src_has_place(ss, e->where))
            fputc('\n', out);
    }

    fputs("\n  ", out);
    if (r->nrules == 0)
        fprintf(out, "%s\n", _("rule results that differ: none"));
    else
        fprintf(out, _("rule results that differ (%d)\n"), r->nrules);
    for (int i = 0; i < r->nrules; i++) {
        const DiffRule *x = &r->rules[i];
        const RuleResult *s = shown_result(x);
        fprintf(out, "    %s → %s  %s  %s\n", status_word(a, x->before, x->base_result != NULL, s->severity, color),
                status_word(a, x->after, x->variant_result != NULL, s->severity, color), words_severity(s->severity),
                esc_text(a, x->id));
        if (s->message)
            fprintf(out, "%*s%s\n", indent, "", esc_text(a, s->message));
        if (s->cite) {
            fprintf(out, "%*s", indent, "");
            fprintf(out, _("cites: %s"), esc_text(a, s->cite));
            fputc('\n', out);
        }
        for (int k = 0; k < s->nexplain; k++)
            fprintf(out, "%*s%s\n", indent, "", esc_text(a, s->explain[k]));
        if (src_has_place(ss, s->where)) {
            print_place(out, a, ss, at, s->where);
            fputc('\n', out);
        }
    }
    fputs("\n  ", out);
    fputs(summary(a, r), out);
    fputc('\n', out);
    arena_free(a);
}

bool diff_report_json(FILE *out, const DiffReport *r, SourceSet *ss)
{
    JsonW *w = jw_new(out, 0);
    jw_open(w, '{');
    jw_kint(w, "version", 1);
    jw_kstr(w, "base", r->base->name);
    jw_kstr(w, "variant", r->variant->name);
    jw_key(w, "changes");
    jw_open(w, '[');
    for (int i = 0; i < r->nentries; i++) {
        const DiffEntry *e = &r->entries[i];
        jw_open(w, '{');
        jw_kstr(w, "kind", words_change_id(e->kind));
        jw_kstr(w, "path", e->path);
        jw_kstr(w, "before", e->before);
        jw_kstr(w, "after", e->after);
        jw_key(w, "location");
        render_place_json(w, ss, e->where);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_key(w, "rules");
    jw_open(w, '[');
    for (int i = 0; i < r->nrules; i++) {
        const DiffRule *x = &r->rules[i];
        const RuleResult *s = shown_result(x);
        jw_open(w, '{');
        jw_kstr(w, "rule", x->id);
        jw_kstr(w, "before", x->base_result ? words_status_id(x->before) : NULL);
        jw_kstr(w, "after", x->variant_result ? words_status_id(x->after) : NULL);
        jw_kstr(w, "severity", words_severity_id(s->severity));
        jw_kstr(w, "message", s->message);
        jw_kstr(w, "cite", s->cite);
        jw_key(w, "location");
        render_place_json(w, ss, s->where);
        jw_key(w, "explain");
        jw_strs(w, (const char *const *)s->explain, s->nexplain);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_close(w, '}');
    jw_finish(w);
    return jw_free(w);
}

/* A cell with a value from the files (as eval_show writes it), or empty. */
static void html_value(FILE *out, const char *v)
{
    fputs("<td>", out);
    if (v) {
        fputs("<code>", out);
        hw_text(out, v);
        fputs("</code>", out);
    }
    fputs("</td>", out);
}

static void html_side(FILE *out, Arena *a, SourceSet *ss, const char *label, const Block *b)
{
    fputs("<tr><th scope=\"row\">", out);
    hw_text(out, label);
    fputs("</th><td><code>", out);
    hw_text(out, b->name ? b->name : b->schema->name);
    fputs("</code>", out);
    if (b->title) {
        fputs(" ", out);
        hw_text(out, b->title);
    }
    fputs("</td><td>", out);
    hw_text(out, render_place_text(a, ss, b->name_span));
    fputs("</td></tr>\n", out);
}

bool diff_report_html(FILE *out, const DiffReport *r, SourceSet *ss)
{
    Arena *a = arena_new();
    /* TRANSLATORS: the title and top heading of the HTML page of `ramme diff --format html` */
    hw_page_begin(out, _("ramme diff report"));
    fputs("<section class=\"diff\">\n<h2>", out);
    hw_printf(out, _("diff %s → %s"), r->base->name ? r->base->name : "?", r->variant->name ? r->variant->name : "?");
    fputs("</h2>\n<table class=\"sides\">\n<tbody>\n", out);
    html_side(out, a, ss, _("base"), r->base);
    html_side(out, a, ss, _("variant"), r->variant);
    fputs("</tbody>\n</table>\n<h3>", out);
    /* TRANSLATORS: headings of the two tables of the HTML diff report */
    hw_text(out, _("Changes"));
    fputs("</h3>\n", out);
    if (r->nentries == 0) {
        fputs("<p>", out);
        hw_text(out, _("changes: none"));
        fputs("</p>\n", out);
    } else {
        fputs("<table class=\"changes\">\n<thead><tr>", out);
        /* TRANSLATORS: column headings of the changes table in the HTML diff report */
        hw_th_col(out, _("Change"));
        hw_th_col(out, _("Path"));
        hw_th_col(out, _("Before"));
        hw_th_col(out, _("After"));
        hw_th_col(out, _("Where"));
        fputs("</tr></thead>\n<tbody>\n", out);
        for (int i = 0; i < r->nentries; i++) {
            const DiffEntry *e = &r->entries[i];
            fputs("<tr class=\"", out);
            fputs(words_change_id(e->kind), out);
            fputs("\"><td>", out);
            hw_text(out, words_change(e->kind));
            fputs("</td><th scope=\"row\"><code>", out);
            hw_text(out, e->path);
            fputs("</code></th>", out);
            html_value(out, e->kind == DC_ADDED ? NULL : e->before);
            html_value(out, e->kind == DC_REMOVED ? NULL : e->after);
            fputs("<td>", out);
            hw_text(out, render_place_text(a, ss, e->where));
            fputs("</td></tr>\n", out);
        }
        fputs("</tbody>\n</table>\n", out);
    }
    fputs("<h3>", out);
    hw_text(out, _("Rule results that differ"));
    fputs("</h3>\n", out);
    if (r->nrules == 0) {
        fputs("<p>", out);
        hw_text(out, _("rule results that differ: none"));
        fputs("</p>\n", out);
    } else {
        fputs("<table class=\"results\">\n<thead><tr>", out);
        /* TRANSLATORS: column headings of the rule results table in the HTML diff report: the status in the
         * base, in the variant */
        hw_th_col(out, _("Before"));
        hw_th_col(out, _("After"));
        hw_th_col(out, _("Severity"));
        hw_th_col(out, _("Rule"));
        hw_th_col(out, _("Details"));
        hw_th_col(out, _("Where"));
        fputs("</tr></thead>\n<tbody>\n", out);
        for (int i = 0; i < r->nrules; i++) {
            const DiffRule *x = &r->rules[i];
            const RuleResult *s = shown_result(x);
            /* The row's classes: the variant's status and the severity, as check's rows. */
            fputs("<tr class=\"", out);
            fputs(x->variant_result ? words_status_id(x->after) : "not_judged", out);
            fputc(' ', out);
            fputs(words_severity_id(s->severity), out);
            fputs("\"><td>", out);
            hw_text(out, status_word(a, x->before, x->base_result != NULL, s->severity, false));
            fputs("</td><td class=\"status\">", out);
            hw_text(out, status_word(a, x->after, x->variant_result != NULL, s->severity, false));
            fputs("</td><td>", out);
            hw_text(out, words_severity(s->severity));
            fputs("</td><th scope=\"row\"><code>", out);
            hw_text(out, x->id);
            fputs("</code></th><td>", out);
            if (s->message) {
                fputs("<p>", out);
                hw_text(out, s->message);
                fputs("</p>", out);
            }
            if (s->cite) {
                fputs("<p>", out);
                hw_printf(out, _("cites: %s"), s->cite);
                fputs("</p>", out);
            }
            if (s->nexplain) {
                fputs("<ul>", out);
                for (int k = 0; k < s->nexplain; k++) {
                    fputs("<li>", out);
                    hw_text(out, s->explain[k]);
                    fputs("</li>", out);
                }
                fputs("</ul>", out);
            }
            fputs("</td><td>", out);
            hw_text(out, render_place_text(a, ss, s->where));
            fputs("</td></tr>\n", out);
        }
        fputs("</tbody>\n</table>\n", out);
    }
    fputs("<p class=\"summary\">", out);
    hw_text(out, summary(a, r));
    fputs("</p>\n</section>\n", out);
    arena_free(a);
    return hw_page_end(out);
}
