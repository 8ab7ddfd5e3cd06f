/* diff_out.c — a diff report (engine/diff.h) as text and as JSON. */
#include "emit/diff_out.h"
#include "base/esc.h"
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
    if (src_has_place(ss, sp))
        fprintf(out, "%s%s:%d:%d", before, esc_text(a, ss->files[sp.file]->path), sp.first_line, sp.first_column);
}

static void print_block_line(FILE *out, Arena *a, SourceSet *ss, const char *label, const Block *b)
{
    fprintf(out, "  %-8s %s", label, esc_text(a, b->name ? b->name : b->schema->name));
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

/* A side's status, or "not judged" when that side is not judged by the rule. */
static const char *status_word(RuleStatus s, bool judged)
{
    return judged ? words_status(s) : words_not_judged();
}

void diff_print_text(FILE *out, const DiffReport *r, SourceSet *ss)
{
    Arena *a = arena_new();
    fprintf(out, "diff %s → %s\n", esc_text(a, r->base->name ? r->base->name : "?"),
            esc_text(a, r->variant->name ? r->variant->name : "?"));
    print_block_line(out, a, ss, "base", r->base);
    print_block_line(out, a, ss, "variant", r->variant);

    if (r->nentries == 0)
        fputs("\n  changes: none\n", out);
    else
        fprintf(out, "\n  changes (%d)\n", r->nentries);
    for (int i = 0; i < r->nentries; i++) {
        const DiffEntry *e = &r->entries[i];
        fprintf(out, "    %-8s %s", words_change(e->kind), esc_text(a, e->path));
        if (e->kind == DC_CHANGED)
            fprintf(out, ": %s → %s\n", esc_text(a, e->before), esc_text(a, e->after));
        else
            fprintf(out, ": %s\n", esc_text(a, e->kind == DC_ADDED ? e->after : e->before));
        print_place(out, a, ss, "             at ", e->where);
        if (src_has_place(ss, e->where))
            fputc('\n', out);
    }

    if (r->nrules == 0)
        fputs("\n  rule results that differ: none\n", out);
    else
        fprintf(out, "\n  rule results that differ (%d)\n", r->nrules);
    int worse = 0, better = 0;
    for (int i = 0; i < r->nrules; i++) {
        const DiffRule *x = &r->rules[i];
        const RuleResult *s = shown_result(x);
        bool was_fail = x->base_result && x->before == ST_FAIL;
        bool is_fail = x->variant_result && x->after == ST_FAIL;
        worse += is_fail && !was_fail;
        better += was_fail && !is_fail;
        fprintf(out, "    %s → %s  %s  %s\n", status_word(x->before, x->base_result != NULL),
                status_word(x->after, x->variant_result != NULL), words_severity(s->severity),
                esc_text(a, x->id));
        if (s->message)
            fprintf(out, "             %s\n", esc_text(a, s->message));
        if (s->cite)
            fprintf(out, "             cites: %s\n", esc_text(a, s->cite));
        for (int k = 0; k < s->nexplain; k++)
            fprintf(out, "             %s\n", esc_text(a, s->explain[k]));
        if (src_has_place(ss, s->where)) {
            print_place(out, a, ss, "             at ", s->where);
            fputc('\n', out);
        }
    }
    fprintf(out, "\n  summary: %d change%s; %d rule result%s differ%s: %d newly failing, %d no longer failing\n",
            r->nentries, r->nentries == 1 ? "" : "s", r->nrules, r->nrules == 1 ? "" : "s",
            r->nrules == 1 ? "s" : "", worse, better);
    arena_free(a);
}

static json_t *str_or_null(const char *s)
{
    return s ? jw_string(s) : json_null();
}

json_t *diff_to_json(const DiffReport *r, SourceSet *ss)
{
    json_t *root = json_object();
    json_object_set_new(root, "version", json_integer(1));
    json_object_set_new(root, "base", str_or_null(r->base->name));
    json_object_set_new(root, "variant", str_or_null(r->variant->name));
    json_t *ch = json_array();
    for (int i = 0; i < r->nentries; i++) {
        const DiffEntry *e = &r->entries[i];
        json_t *o = json_object();
        json_object_set_new(o, "kind", jw_string(words_change_id(e->kind)));
        json_object_set_new(o, "path", jw_string(e->path));
        json_object_set_new(o, "before", str_or_null(e->before));
        json_object_set_new(o, "after", str_or_null(e->after));
        json_object_set_new(o, "location", render_place_tree(ss, e->where));
        json_array_append_new(ch, o);
    }
    json_object_set_new(root, "changes", ch);
    json_t *rules = json_array();
    for (int i = 0; i < r->nrules; i++) {
        const DiffRule *x = &r->rules[i];
        const RuleResult *s = shown_result(x);
        json_t *o = json_object();
        json_object_set_new(o, "rule", jw_string(x->id));
        json_object_set_new(o, "before", x->base_result ? jw_string(words_status_id(x->before)) : json_null());
        json_object_set_new(o, "after", x->variant_result ? jw_string(words_status_id(x->after)) : json_null());
        json_object_set_new(o, "severity", jw_string(words_severity_id(s->severity)));
        json_object_set_new(o, "message", str_or_null(s->message));
        json_object_set_new(o, "cite", str_or_null(s->cite));
        json_object_set_new(o, "location", render_place_tree(ss, s->where));
        json_t *ex = json_array();
        for (int k = 0; k < s->nexplain; k++)
            json_array_append_new(ex, jw_string(s->explain[k]));
        json_object_set_new(o, "explain", ex);
        json_array_append_new(rules, o);
    }
    json_object_set_new(root, "rules", rules);
    return root;
}
