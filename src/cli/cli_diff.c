/* cli_diff.c — `ramme diff FILE BASE VARIANT`: what a local variant
 * changes and which rule results differ (diff.c does the work). */
#include "cli/cli.h"
#include "model/compile.h"
#include "emit/diff_out.h"
#include "emit/render.h"

#include <stdio.h>

int cli_diff(Options *o)
{
    if (o->nargs != 3)
        return cli_bad_usage(_("diff takes FILE BASE VARIANT, as in: ramme diff variant.ramme region_midt midt_variant"), NULL);
    if (o->format != FMT_TEXT && o->format != FMT_JSON && o->format != FMT_HTML)
        return cli_bad_usage(_("diff writes text, json or html, not %s"), o->format == FMT_CSV ? "csv" : "ics");
    CliSession s;
    cli_open(&s, o, o->args[0], NULL);
    SourceSet *ss = &s.ss;
    Diags *d = &s.d;
    Program *p = s.p;
    int status = EXIT_PASS;
    Block *blocks[2] = {NULL, NULL};
    if (!d->errors) {
        Schema *course = model_schema(p, "course");
        for (int k = 0; k < 2; k++) {
            const char *name = o->args[1 + k];
            blocks[k] = course ? model_decl(p, course, name) : NULL;
            if (!blocks[k]) {
                diag_error_file(d, o->args[0], _("no course named '%s' in this file or its imports"), name);
                const char *c[512];
                int n = 0;
                for (int i = 0; i < p->ndecls && n < 512; i++)
                    if (p->decls[i]->schema == course)
                        c[n++] = p->decls[i]->name;
                const char *sug = model_suggest(name, c, n);
                if (sug)
                    diag_help(d, _("did you mean '%s'?"), sug);
            }
        }
    }
    if (d->errors) {
        status = cli_fail_diags(o, d, ss);
    } else {
        Arena *a = arena_new();
        DiffReport r;
        diff_blocks(p, blocks[0], blocks[1], a, &r);
        if (o->format == FMT_JSON)
            (void)diff_report_json(stdout, &r, ss);
        else if (o->format == FMT_HTML)
            (void)diff_report_html(stdout, &r, ss);
        else
            diff_report_text(stdout, &r, ss, o->color_out);
        if (r.variant_report.failed[SEV_ERROR] ||
            (o->strict && (r.variant_report.failed[SEV_WARNING] || r.variant_report.unknown_by[SEV_ERROR])))
            status = EXIT_RULES;
        arena_free(a);
    }
    cli_close(&s);
    return status;
}
