/* coverage.c — the goal coverage matrix. */
#include "engine/coverage.h"

#include <string.h>

/* Whether block b refers to goal g through a reference-typed field. */
static bool refers_to(const Block *b, const Block *g)
{
    for (int i = 0; i < b->schema->nfields; i++) {
        const Value *v = b->vals[i];
        if (!v)
            continue;
        if (v->k == V_REF && v->u.ref == g)
            return true;
        if (v->k == V_LIST)
            for (int k = 0; k < v->u.list.n; k++)
                if (v->u.list.items[k]->k == V_REF && v->u.list.items[k]->u.ref == g)
                    return true;
    }
    return false;
}

/* Whether any field of kind s can refer to blocks of kind g. */
static bool can_refer(const Schema *s, const Schema *g)
{
    for (int i = 0; i < s->nfields; i++) {
        const Type *t = s->fields[i]->type;
        while (t && t->k == TY_LIST)
            t = t->elem;
        if (t && t->k == TY_REF && t->schema == g)
            return true;
    }
    return false;
}

void cov_build(const Program *p, const CourseReport *r, Arena *a, Coverage *out)
{
    (void)p;
    memset(out, 0, sizeof *out);
    /* Rows: the referable named members of each framework, each once: a
     * framework that extends another holds the other's goals too (the same
     * blocks). A row names the framework that declares its goal. */
    SymTab seen;
    sym_init(&seen, a);
    for (int f = 0; f < r->nframeworks; f++) {
        Block *fw = r->frameworks[f];
        for (int i = 0; i < fw->schema->nfields; i++) {
            Value *v = fw->vals[i];
            if (!v || v->k != V_LIST || fw->schema->fields[i]->type->k != TY_BLOCK ||
                !fw->schema->fields[i]->type->schema->qualified)
                continue;
            for (int k = 0; k < v->u.list.n; k++) {
                Block *goal = v->u.list.items[k]->u.block;
                const char *key = arena_printf(a, "%p", (void *)goal);
                if (sym_find(&seen, NULL, key))
                    continue;
                sym_add(&seen, NULL, key, goal);
                out->rows = arena_push(a, out->rows, (size_t)out->nrows, sizeof *out->rows);
                CoverageRow *row = &out->rows[out->nrows++];
                memset(row, 0, sizeof *row);
                row->goal = goal;
                row->framework = goal->top ? goal->top : fw;
            }
        }
    }
    if (out->nrows == 0)
        return;
    const Schema *goal_kind = out->rows[0].goal->schema;
    /* Columns: the course's named many-blocks of a kind that can refer to goals. */
    Block *c = r->course;
    for (int i = 0; i < c->schema->nfields; i++) {
        Field *f = c->schema->fields[i];
        Value *v = c->vals[i];
        if (!v || v->k != V_LIST || f->type->k != TY_BLOCK || !can_refer(f->type->schema, goal_kind))
            continue;
        for (int k = 0; k < v->u.list.n; k++) {
            out->columns = arena_push(a, out->columns, (size_t)out->ncolumns, sizeof *out->columns);
            out->columns[out->ncolumns++] = v->u.list.items[k]->u.block;
        }
    }
    for (int i = 0; i < out->nrows; i++) {
        CoverageRow *row = &out->rows[i];
        row->covered = arena_array(a, (size_t)out->ncolumns + 1, sizeof *row->covered);
        for (int k = 0; k < out->ncolumns; k++)
            if (refers_to(out->columns[k], row->goal)) {
                row->covered[k] = true;
                row->ncovered++;
            }
    }
}
