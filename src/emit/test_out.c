/* test_out.c — the report of `ramme test` (test_out.h). */
#include "emit/test_out.h"
#include "base/esc.h"
#include "base/i18n.h"
#include "emit/render.h"
#include "emit/words.h"

static const char *what(const ExpectMiss *m)
{
    return m->got ? words_status(m->got->status) : words_not_judged();
}

void test_text(FILE *out, const ExpectResult *r, SourceSet *ss, bool color)
{
    Arena *a = arena_new();
    const Block *e = r->expect;
    bool ok = r->nmisses == 0;
    /* TRANSLATORS: an expectation of `ramme test` that holds */
    const char *okw = _("ok");
    fprintf(out, _("%s%-4s%s  %s  expect %s"), words_paint(ok ? PAINT_PASS : PAINT_ERROR, color),
            ok ? okw : words_status(ST_FAIL), words_paint(PAINT_RESET, color),
            render_place_text(a, ss, e->name_span), esc_text(a, e->name));
    if (e->title)
        fprintf(out, " \"%s\"", esc_text(a, e->title));
    fputs(" (", out);
    fprintf(out, P_("%d rule", "%d rules", (unsigned long)r->nchecked), r->nchecked);
    fputs(")\n", out);
    for (int i = 0; i < r->nmisses; i++) {
        const ExpectMiss *m = &r->misses[i];
        fputs("      ", out);
        /* TRANSLATORS: "national.network: expected pass, got FAIL" */
        fprintf(out, _("%s: expected %s, got %s\n"), esc_text(a, m->id), words_status(m->want), what(m));
        if (m->got)
            for (int k = 0; k < m->got->nexplain; k++)
                fprintf(out, "        %s\n", esc_text(a, m->got->explain[k]));
        else if (m->suggest)
            fprintf(out, _("        no rule of that id judges %s; did you mean %s?\n"), esc_text(a, r->expect->name),
                    esc_text(a, m->suggest));
        else
            fprintf(out, _("        no rule of that id judges %s\n"), esc_text(a, r->expect->name));
        fprintf(out, _("        at %s\n"), render_place_text(a, ss, m->at));
    }
    arena_free(a);
}

void test_text_broken(FILE *out, const char *file, bool color)
{
    Arena *a = arena_new();
    fprintf(out, _("%s%-4s%s  %s: its expectations could not be run (see the errors)\n"),
            words_paint(PAINT_ERROR, color), words_status(ST_FAIL), words_paint(PAINT_RESET, color),
            esc_text(a, file));
    arena_free(a);
}

void test_text_summary(FILE *out, int passed, int failed)
{
    /* TRANSLATORS: the last line of `ramme test`, as test runners write it */
    fprintf(out, _("%d passed, %d failed\n"), passed, failed);
}

void test_json(JsonW *w, const ExpectResult *r, SourceSet *ss)
{
    jw_open(w, '{');
    jw_kstr(w, "expect", r->expect->name);
    jw_kstr(w, "title", r->expect->title);
    jw_key(w, "location");
    render_place_json(w, ss, r->expect->name_span);
    jw_kstr(w, "status", words_status_id(r->nmisses ? ST_FAIL : ST_PASS));
    jw_kint(w, "checked", r->nchecked);
    jw_key(w, "differences");
    jw_open(w, '[');
    for (int i = 0; i < r->nmisses; i++) {
        const ExpectMiss *m = &r->misses[i];
        jw_open(w, '{');
        jw_kstr(w, "rule", m->id);
        jw_kstr(w, "expected", words_status_id(m->want));
        jw_kstr(w, "actual", m->got ? words_status_id(m->got->status) : "not_judged");
        if (m->suggest)
            jw_kstr(w, "did_you_mean", m->suggest);
        jw_key(w, "location");
        render_place_json(w, ss, m->at);
        jw_key(w, "explain");
        jw_strs(w, m->got ? (const char *const *)m->got->explain : NULL, m->got ? m->got->nexplain : 0);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

void test_json_summary(JsonW *w, int passed, int failed)
{
    jw_key(w, "summary");
    jw_open(w, '{');
    jw_kint(w, "passed", passed);
    jw_kint(w, "failed", failed);
    jw_close(w, '}');
}
