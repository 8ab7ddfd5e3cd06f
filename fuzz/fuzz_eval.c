/* fuzz_eval.c — libFuzzer harness for the evaluator and the rules engine.
 * The fuzzer's bytes drive a small generator that writes a ramme file: one
 * course (which optional keys it declares is chosen by the bytes, so paths
 * can be undeclared and judged `unknown`) and one framework `fz` marked
 * `always` whose rules hold a random, well-typed expression E:
 *
 *   rule pos  { require (E) }                       message "... {X} ..."
 *   rule neg  { require not (E) }
 *   rule cond { when (E)  require yes }
 *
 * X is a random expression of any type (the message interpolation and
 * eval_show). The file is compiled and the course judged. Invariants (an
 * abort() makes libFuzzer save the input):
 *   - the file compiles without errors: the generator only writes
 *     well-typed expressions, so an error is a checker (or generator) bug;
 *   - three-valued logic holds: pos/neg are pass/fail, fail/pass or
 *     unknown/unknown; cond is pass when pos passes, not_applicable when it
 *     fails, unknown when it is unknown.
 * Crashes, leaks and sanitizer reports (integer overflow in date
 * arithmetic, float-to-int casts) are findings as usual.
 *
 * RAMME_FUZZ_PRINT=1 build-fuzz/fuzz_eval INPUT prints the file an input
 * stands for.
 *
 * Typing rules followed (typecheck.c, LANGUAGE.md §6): int op int is int
 * except '/', which gives a number; a quantity times or divided by a number
 * keeps its unit; date +- span is a date; date - date is a span; every
 * sub-expression is parenthesised so precedence never matters. */
#include "model/compile.h"
#include "emit/render.h"
#include "engine/rules.h"
#include "emit/words.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ------------------------------------------------------------ bytes */

typedef struct Bytes {
    const uint8_t *p;
    size_t n, i;
} Bytes;

/* The next byte; 0 once the input is used up (so generation ends). */
static unsigned byte(Bytes *b)
{
    return b->i < b->n ? b->p[b->i++] : 0;
}

/* A choice among n (n > 0). */
static unsigned pick(Bytes *b, unsigned n)
{
    return byte(b) % n;
}

static bool exhausted(const Bytes *b)
{
    return b->i >= b->n;
}

/* ------------------------------------------------------------ types */

typedef enum {
    T_BOOL, T_INT, T_NUM, T_HOURS, T_SPAN, T_DATE, T_STR,
    T_RINT, T_RHOURS, T_RDATE,       /* ranges */
    T_PRIN, T_LPRIN,                 /* enum principle, list of it */
    T_GOAL, T_LGOAL,                 /* goal references */
    T_LHOURS, T_LINT,                /* module.hours, module.days */
    T_MOD, T_TGT, T_INS,             /* blocks: only as variables */
    T_LMOD, T_LTGT, T_LINS,          /* lists of blocks */
    T_COUNT
} Ty;

/* A field of a block kind, readable as var.field or bare inside `where`. */
typedef struct FieldDef {
    Ty owner;
    const char *name;
    Ty type;
} FieldDef;

static const FieldDef fields[] = {
    {T_MOD, "hours", T_HOURS},
    {T_MOD, "days", T_INT},
    {T_MOD, "covers", T_LGOAL},
    {T_TGT, "lived_experience", T_BOOL},
    {T_TGT, "hours", T_RHOURS},
    {T_TGT, "days", T_RINT},
    {T_INS, "experiential_competence", T_BOOL},
    {T_INS, "professional", T_BOOL},
    {T_INS, "continuous", T_BOOL},
    {T_INS, "count", T_RINT},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* Paths from the course (and the framework's goal list). */
typedef struct PathDef {
    const char *path;
    Ty type;
} PathDef;

static const PathDef paths[] = {
    {"study_groups", T_BOOL},
    {"instructors.equal_standing", T_BOOL},
    {"instructors.external_guests", T_BOOL},
    {"theory.weeks", T_INT},
    {"theory.sessions_per_week", T_INT},
    {"practicum.follow_up_days", T_INT},
    {"admission.seats", T_INT},
    {"day_length", T_HOURS},
    {"theory.hours", T_HOURS},
    {"theory.session_length", T_HOURS},
    {"practicum.length", T_SPAN},
    {"provider", T_STR},
    {"group_size", T_RINT},
    {"theory.weekly_hours", T_RHOURS},
    {"practicum.weekly_hours", T_RHOURS},
    {"admission.window", T_RDATE},
    {"principles", T_LPRIN},
    {"module", T_LMOD},
    {"target", T_LTGT},
    {"instructors.instructor", T_LINS},
    {"module.hours", T_LHOURS},
    {"module.days", T_LINT},
    {"module.covers", T_LGOAL},
    {"goal", T_LGOAL},
    {"g.a", T_GOAL},
    {"g.b", T_GOAL},
};
#define NPATHS (sizeof paths / sizeof paths[0])

static const char *principles[] = {"practice_oriented", "interdisciplinary", "empowerment", "exemplary", "network"};

/* The element type of a list type, or T_COUNT. */
static Ty elem_of(Ty t)
{
    switch (t) {
    case T_LPRIN: return T_PRIN;
    case T_LGOAL: return T_GOAL;
    case T_LHOURS: return T_HOURS;
    case T_LINT: return T_INT;
    case T_LMOD: return T_MOD;
    case T_LTGT: return T_TGT;
    case T_LINS: return T_INS;
    default: return T_COUNT;
    }
}

/* ------------------------------------------------------------ generator */

enum { MAX_DEPTH = 7, MAX_SCOPE = 8 };

typedef struct Scope {
    char var[8]; /* "" for a where-element */
    Ty type;
} Scope;

typedef struct Gen {
    Bytes *b;
    FILE *out;
    Scope scope[MAX_SCOPE];
    int nscope;
    int nvars;         /* variables made so far (names v0, v1, ...) */
    bool in_template;  /* inside "{...}" of a message: no string literals */
} Gen;

static void gen(Gen *g, Ty t, int depth);

static void put(Gen *g, const char *s)
{
    fputs(s, g->out);
}

static void sub(Gen *g, Ty t, int depth)
{
    put(g, "(");
    gen(g, t, depth + 1);
    put(g, ")");
}

static bool is_block(Ty t)
{
    return t == T_MOD || t == T_TGT || t == T_INS;
}

/* Names in scope that give a value of type t: variables of that type,
 * fields of block variables, and bare fields of the innermost block
 * element. A bare name is looked up from the innermost scope out, in
 * `where` elements and quantifier variables alike (LANGUAGE.md, Names), so
 * only the innermost block's fields are sure to mean what we want. */
static bool scoped_name(Gen *g, Ty t)
{
    char cands[64][48];
    int n = 0;
    int innermost_block = -1;
    for (int i = g->nscope - 1; i >= 0; i--)
        if (is_block(g->scope[i].type)) {
            innermost_block = i;
            break;
        }
    for (int i = 0; i < g->nscope && n < 60; i++) {
        Scope *s = &g->scope[i];
        if (s->var[0] && s->type == t)
            snprintf(cands[n++], sizeof cands[0], "%s", s->var);
        for (size_t k = 0; k < NFIELDS && n < 60; k++) {
            if (fields[k].owner != s->type || fields[k].type != t)
                continue;
            if (s->var[0])
                snprintf(cands[n++], sizeof cands[0], "%s.%s", s->var, fields[k].name);
            if (i == innermost_block && n < 60)
                snprintf(cands[n++], sizeof cands[0], "%s", fields[k].name);
        }
    }
    if (n == 0)
        return false;
    put(g, cands[pick(g->b, (unsigned)n)]);
    return true;
}

/* A course path of type t, or false when there is none. */
static bool course_path(Gen *g, Ty t)
{
    const char *c[NPATHS];
    int n = 0;
    for (size_t i = 0; i < NPATHS; i++)
        if (paths[i].type == t)
            c[n++] = paths[i].path;
    if (n == 0)
        return false;
    put(g, c[pick(g->b, (unsigned)n)]);
    return true;
}

/* A name: from the scope or from the course. */
static bool name_of(Gen *g, Ty t)
{
    if (g->nscope && pick(g->b, 2) && scoped_name(g, t))
        return true;
    return course_path(g, t) || scoped_name(g, t);
}

static void int_literal(Gen *g)
{
    static const char *big[] = {"0", "1", "2", "3", "7", "10", "13", "100", "2147483647", "2147483648",
                                "4294967296", "9007199254740993", "9223372036854775807",
                                "9223372036854775806", "4611686018427387904", "1000000000"};
    unsigned k = byte(g->b);
    if (k < 128)
        fprintf(g->out, "%u", k % 32);
    else if (k < 192)
        fprintf(g->out, "%u", (k << 8 | byte(g->b)) * 131u);
    else
        put(g, big[k % (sizeof big / sizeof big[0])]);
}

static void qty_literal(Gen *g, bool hours)
{
    static const char *hu[] = {"h", "min", " timer", " hours", " minutes"};
    static const char *su[] = {" days", " weeks", " months", " day", " uger", " dage"};
    static const char *num[] = {"0", "1", "1.5", "3", "12", "78", "999999999", "1000000000", "0.001", "2.25"};
    put(g, num[pick(g->b, sizeof num / sizeof num[0])]);
    put(g, hours ? hu[pick(g->b, 5)] : su[pick(g->b, 6)]);
}

static void date_literal(Gen *g)
{
    static const char *d[] = {"2024-05-23", "2024-02-29", "1970-01-01", "0000-01-01", "9999-12-31",
                              "2025-02-03", "1900-03-01", "2000-02-29"};
    put(g, d[pick(g->b, sizeof d / sizeof d[0])]);
}

/* A where over a list of blocks: (L where (P)) with P on the element. */
static void where_list(Gen *g, Ty lt, int depth)
{
    put(g, "(");
    if (!course_path(g, lt))
        put(g, "module");
    if (g->nscope < MAX_SCOPE && depth < MAX_DEPTH) {
        put(g, " where (");
        Scope *s = &g->scope[g->nscope++];
        s->var[0] = '\0';
        s->type = elem_of(lt);
        gen(g, T_BOOL, depth + 1);
        g->nscope--;
        put(g, ")");
    }
    put(g, ")");
}

/* (all|any vN in L: BODY) over a list type chosen by the bytes. */
static void quantifier(Gen *g, int depth)
{
    static const Ty lists[] = {T_LMOD, T_LTGT, T_LINS, T_LPRIN, T_LGOAL, T_LHOURS, T_LINT};
    Ty lt = lists[pick(g->b, sizeof lists / sizeof lists[0])];
    if (g->nscope >= MAX_SCOPE) {
        put(g, "yes");
        return;
    }
    char var[8];
    snprintf(var, sizeof var, "v%d", g->nvars++ % 100);
    fprintf(g->out, "(%s %s in ", pick(g->b, 2) ? "all" : "any", var);
    if (lt == T_LPRIN && pick(g->b, 2)) {
        put(g, "{");
        unsigned n = 1 + pick(g->b, 3);
        for (unsigned i = 0; i < n; i++)
            fprintf(g->out, "%s%s", i ? ", " : "", principles[pick(g->b, 5)]);
        put(g, "}");
    } else if ((lt == T_LMOD || lt == T_LTGT || lt == T_LINS) && pick(g->b, 3) == 0) {
        where_list(g, lt, depth + 1);
    } else {
        gen(g, lt, depth + 1);
    }
    put(g, ": ");
    Scope *s = &g->scope[g->nscope++];
    snprintf(s->var, sizeof s->var, "%s", var);
    s->type = elem_of(lt);
    sub(g, T_BOOL, depth);
    g->nscope--;
    put(g, ")");
}

static const char *cmp_ops[] = {" == ", " != ", " < ", " <= ", " > ", " >= "};

static void gen_bool(Gen *g, int depth)
{
    unsigned k = depth >= MAX_DEPTH || exhausted(g->b) ? pick(g->b, 2) : pick(g->b, 14);
    switch (k) {
    case 0:
        put(g, pick(g->b, 2) ? "yes" : "no");
        return;
    case 1:
        if (!name_of(g, T_BOOL))
            put(g, "study_groups");
        return;
    case 2:
        put(g, "not ");
        sub(g, T_BOOL, depth);
        return;
    case 3:
    case 4:
        sub(g, T_BOOL, depth);
        put(g, k == 3 ? " and " : " or ");
        sub(g, T_BOOL, depth);
        return;
    case 5: { /* ordered comparison */
        static const Ty ord[] = {T_INT, T_NUM, T_HOURS, T_SPAN, T_DATE};
        Ty t = ord[pick(g->b, 5)];
        Ty u = t == T_INT || t == T_NUM ? (pick(g->b, 2) ? T_INT : T_NUM) : t;
        sub(g, t, depth);
        put(g, cmp_ops[pick(g->b, 6)]);
        sub(g, u, depth);
        return;
    }
    case 6: { /* equality of unordered values */
        static const Ty eq[] = {T_STR, T_PRIN, T_BOOL, T_RINT, T_GOAL, T_RHOURS};
        Ty t = eq[pick(g->b, 6)];
        sub(g, t, depth);
        put(g, pick(g->b, 2) ? " == " : " != ");
        sub(g, t, depth);
        return;
    }
    case 7: { /* list == set */
        sub(g, T_LPRIN, depth);
        put(g, pick(g->b, 2) ? " == {" : " != {");
        unsigned n = 1 + pick(g->b, 3);
        for (unsigned i = 0; i < n; i++)
            fprintf(g->out, "%s%s", i ? ", " : "", principles[pick(g->b, 5)]);
        put(g, "}");
        return;
    }
    case 8: { /* membership */
        switch (pick(g->b, 8)) {
        case 0: sub(g, T_INT, depth); put(g, " in "); sub(g, T_RINT, depth); return;
        case 1: sub(g, T_HOURS, depth); put(g, " in "); sub(g, T_RHOURS, depth); return;
        case 2: sub(g, T_RHOURS, depth); put(g, " in "); sub(g, T_RHOURS, depth); return;
        case 3: sub(g, T_DATE, depth); put(g, " in "); sub(g, T_RDATE, depth); return;
        case 4: sub(g, T_PRIN, depth); put(g, " in "); sub(g, T_LPRIN, depth); return;
        case 5: sub(g, T_GOAL, depth); put(g, " in "); sub(g, T_LGOAL, depth); return;
        case 6: sub(g, T_RINT, depth); put(g, " in "); sub(g, T_RINT, depth); return;
        default: {
            sub(g, pick(g->b, 2) ? T_PRIN : T_LPRIN, depth);
            put(g, " in {");
            unsigned n = 1 + pick(g->b, 3);
            for (unsigned i = 0; i < n; i++)
                fprintf(g->out, "%s%s", i ? ", " : "", principles[pick(g->b, 5)]);
            put(g, "}");
            return;
        }
        }
    }
    case 9: { /* defined(path) */
        put(g, "defined(");
        Ty t = (Ty)pick(g->b, T_COUNT);
        if (t == T_NUM || t == T_PRIN || t == T_MOD || t == T_TGT || t == T_INS || !name_of(g, t))
            put(g, "theory.hours");
        put(g, ")");
        return;
    }
    case 10:
    case 11:
        quantifier(g, depth);
        return;
    case 12:
        put(g, "if ");
        sub(g, T_BOOL, depth);
        put(g, " then ");
        sub(g, T_BOOL, depth);
        put(g, " else ");
        sub(g, T_BOOL, depth);
        return;
    default: /* count(L) compared with an int */
        put(g, "count(");
        {
            static const Ty lists[] = {T_LMOD, T_LTGT, T_LINS, T_LPRIN, T_LGOAL, T_LHOURS, T_LINT};
            Ty lt = lists[pick(g->b, 7)];
            if ((lt == T_LMOD || lt == T_LTGT || lt == T_LINS) && pick(g->b, 2))
                where_list(g, lt, depth + 1);
            else
                gen(g, lt, depth + 1);
        }
        put(g, ")");
        put(g, cmp_ops[pick(g->b, 6)]);
        sub(g, T_INT, depth);
        return;
    }
}

/* min(R) / max(R) of a range, or of a list. */
static void min_max(Gen *g, Ty of, int depth)
{
    put(g, pick(g->b, 2) ? "min(" : "max(");
    gen(g, of, depth + 1);
    put(g, ")");
}

static void gen_int(Gen *g, int depth)
{
    unsigned k = depth >= MAX_DEPTH || exhausted(g->b) ? pick(g->b, 2) : pick(g->b, 9);
    switch (k) {
    case 0: int_literal(g); return;
    case 1: if (!name_of(g, T_INT)) int_literal(g); return;
    case 2: case 3: { /* + - * */
        static const char *ops[] = {" + ", " - ", " * "};
        sub(g, T_INT, depth);
        put(g, ops[pick(g->b, 3)]);
        sub(g, T_INT, depth);
        return;
    }
    case 4: {
        static const Ty lists[] = {T_LMOD, T_LTGT, T_LINS, T_LPRIN, T_LGOAL, T_LHOURS, T_LINT};
        put(g, "count(");
        gen(g, lists[pick(g->b, 7)], depth + 1);
        put(g, ")");
        return;
    }
    case 5: min_max(g, pick(g->b, 2) ? T_RINT : T_LINT, depth); return;
    case 6: put(g, "sum("); gen(g, T_LINT, depth + 1); put(g, ")"); return;
    case 7:
        put(g, "if ");
        sub(g, T_BOOL, depth);
        put(g, " then ");
        sub(g, T_INT, depth);
        put(g, " else ");
        sub(g, T_INT, depth);
        return;
    default: int_literal(g); return;
    }
}

static void gen_num(Gen *g, int depth)
{
    unsigned k = depth >= MAX_DEPTH || exhausted(g->b) ? 0 : pick(g->b, 5);
    switch (k) {
    case 0: {
        static const char *n[] = {"1.5", "0.5", "2.0", "0.0", "3.25", "1000000.125"};
        put(g, n[pick(g->b, 6)]);
        return;
    }
    case 1: sub(g, T_INT, depth); put(g, " / "); sub(g, T_INT, depth); return;
    case 2: sub(g, T_HOURS, depth); put(g, " / "); sub(g, T_HOURS, depth); return;
    case 3: sub(g, T_SPAN, depth); put(g, " / "); sub(g, T_SPAN, depth); return;
    default: {
        static const char *ops[] = {" + ", " - ", " * ", " / "};
        sub(g, T_NUM, depth);
        put(g, ops[pick(g->b, 4)]);
        sub(g, pick(g->b, 2) ? T_INT : T_NUM, depth);
        return;
    }
    }
}

/* A quantity: hours (contact time) or span (calendar). */
static void gen_qty(Gen *g, bool hours, int depth)
{
    Ty t = hours ? T_HOURS : T_SPAN;
    unsigned k = depth >= MAX_DEPTH || exhausted(g->b) ? 0 : pick(g->b, 9);
    switch (k) {
    case 0: qty_literal(g, hours); return;
    case 1: if (!name_of(g, t)) qty_literal(g, hours); return;
    case 2: sub(g, t, depth); put(g, pick(g->b, 2) ? " + " : " - "); sub(g, t, depth); return;
    case 3: sub(g, pick(g->b, 2) ? T_INT : T_NUM, depth); put(g, " * "); sub(g, t, depth); return;
    case 4: sub(g, t, depth); put(g, pick(g->b, 2) ? " * " : " / "); sub(g, pick(g->b, 2) ? T_INT : T_NUM, depth); return;
    case 5:
        if (hours) {
            put(g, "sum(");
            gen(g, T_LHOURS, depth + 1);
            put(g, ")");
        } else {
            sub(g, T_DATE, depth);
            put(g, " - ");
            sub(g, T_DATE, depth);
        }
        return;
    case 6:
        if (hours)
            min_max(g, pick(g->b, 2) ? T_RHOURS : T_LHOURS, depth);
        else
            qty_literal(g, false);
        return;
    case 7:
        put(g, "if ");
        sub(g, T_BOOL, depth);
        put(g, " then ");
        sub(g, t, depth);
        put(g, " else ");
        sub(g, t, depth);
        return;
    default: qty_literal(g, hours); return;
    }
}

static void gen_date(Gen *g, int depth)
{
    unsigned k = depth >= MAX_DEPTH || exhausted(g->b) ? 0 : pick(g->b, 4);
    switch (k) {
    case 0: date_literal(g); return;
    case 1: min_max(g, T_RDATE, depth); return;
    default:
        sub(g, T_DATE, depth);
        put(g, pick(g->b, 2) ? " + " : " - ");
        sub(g, T_SPAN, depth);
        return;
    }
}

/* A range of elem: a name, or (lo..hi) with either end maybe open. */
static void gen_range(Gen *g, Ty range, Ty elem, int depth)
{
    unsigned k = depth >= MAX_DEPTH || exhausted(g->b) ? 1 : pick(g->b, 5);
    if (k == 0 && name_of(g, range))
        return;
    put(g, "(");
    if (k != 2)
        sub(g, elem, depth);
    put(g, "..");
    if (k != 3)
        sub(g, elem, depth);
    put(g, ")");
}

static void gen(Gen *g, Ty t, int depth)
{
    switch (t) {
    case T_BOOL: gen_bool(g, depth); return;
    case T_INT: gen_int(g, depth); return;
    case T_NUM: gen_num(g, depth); return;
    case T_HOURS: gen_qty(g, true, depth); return;
    case T_SPAN: gen_qty(g, false, depth); return;
    case T_DATE: gen_date(g, depth); return;
    case T_STR:
        if ((g->in_template || pick(g->b, 2)) && name_of(g, T_STR))
            return;
        if (g->in_template) {
            put(g, "provider");
            return;
        }
        put(g, pick(g->b, 2) ? "\"Kommune\"" : "\"æøå \\u{1F600}\"");
        return;
    case T_RINT: gen_range(g, T_RINT, T_INT, depth); return;
    case T_RHOURS: gen_range(g, T_RHOURS, T_HOURS, depth); return;
    case T_RDATE: gen_range(g, T_RDATE, T_DATE, depth); return;
    case T_PRIN:
        if (pick(g->b, 2) && scoped_name(g, T_PRIN))
            return;
        put(g, principles[pick(g->b, 5)]);
        return;
    case T_GOAL:
        if (!name_of(g, T_GOAL))
            put(g, "g.a");
        return;
    case T_LMOD: case T_LTGT: case T_LINS:
        if (pick(g->b, 4) == 0 && depth < MAX_DEPTH) {
            where_list(g, t, depth);
            return;
        }
        if (!name_of(g, t))
            put(g, "module");
        return;
    default:
        if (!name_of(g, t))
            put(g, "module");
        return;
    }
}

/* ------------------------------------------------------------ the file */

static void write_course(Gen *g)
{
    unsigned m = byte(g->b) | byte(g->b) << 8;
    FILE *o = g->out;
    fputs("course c \"C\" {\n  provider \"Kommune\"\n", o);
    fprintf(o, "  group_size %s\n", (m & 1) ? "6..12" : (m & 2) ? "..8" : "4..");
    if (m & 4)
        fputs("  day_length 6h\n", o);
    fputs("  target peers \"P\" {\n    lived_experience\n", o);
    if (m & 8)
        fputs("    hours 10h..20h\n    days 2..4\n", o);
    fputs("  }\n", o);
    if (m & 16)
        fputs("  target staff \"S\" { days 1..2 }\n", o);
    if (m & 32)
        fputs("  theory {\n    weeks 13\n    hours 78h\n    weekly_hours 6h..12h\n"
              "    sessions_per_week 2\n    session_length 3h\n  }\n", o);
    unsigned nmod = (m >> 6) & 3;
    for (unsigned i = 0; i < nmod; i++) {
        fprintf(o, "  module m%u \"M%u\" {\n", i, i);
        if (!(m & (256u << i)))
            fprintf(o, "    hours %uh\n", 6 + 3 * i);
        fprintf(o, "    days %u\n", i + 1);
        if (i != 1)
            fputs(i ? "    covers g.a, g.b\n" : "    covers g.a\n", o);
        fputs("  }\n", o);
    }
    if (m & 2048)
        fputs("  practicum {\n    length 13 weeks\n    follow_up_days 2\n    weekly_hours 3h..5h\n  }\n", o);
    fputs("  instructors {\n    instructor a \"A\" { professional }\n", o);
    if (m & 4096)
        fputs("    instructor b \"B\" {\n      experiential_competence\n      count 2\n    }\n", o);
    fputs("    equal_standing\n  }\n", o);
    if (m & 8192)
        fputs("  principles practice_oriented, empowerment\n", o);
    if (m & 16384)
        fputs("  study_groups yes\n", o);
    if (m & 32768)
        fputs("  admission {\n    window 2024-05-23..2024-06-06\n    seats 10\n  }\n", o);
    fputs("}\n\n", o);
}

/* Writes the whole file; returns false when memory runs out. */
static char *write_file(Bytes *b, size_t *len)
{
    char *buf = NULL;
    FILE *o = open_memstream(&buf, len);
    if (!o)
        return NULL;
    Gen g;
    memset(&g, 0, sizeof g);
    g.b = b;
    g.out = o;
    write_course(&g);

    /* E, written once to a string and pasted three times. */
    char *e = NULL;
    size_t elen = 0;
    FILE *eo = open_memstream(&e, &elen);
    if (!eo) {
        fclose(o);
        free(buf);
        return NULL;
    }
    g.out = eo;
    gen(&g, T_BOOL, 0);
    fclose(eo);

    /* X, any type, for the message. */
    char *x = NULL;
    size_t xlen = 0;
    FILE *xo = open_memstream(&x, &xlen);
    if (!xo) {
        free(e);
        fclose(o);
        free(buf);
        return NULL;
    }
    static const Ty any[] = {T_BOOL, T_INT, T_NUM, T_HOURS, T_SPAN, T_DATE, T_STR, T_RINT, T_RHOURS,
                             T_RDATE, T_PRIN, T_LPRIN, T_GOAL, T_LGOAL, T_LHOURS, T_LINT, T_LMOD};
    g.out = xo;
    g.in_template = true;
    gen(&g, any[pick(b, sizeof any / sizeof any[0])], 2);
    fclose(xo);

    fputs("framework fz \"F\" {\n  always yes\n  goal g.a \"A\"\n  goal g.b \"B\"\n", o);
    fprintf(o, "  rule pos {\n    severity error\n    cite \"c\"\n    message \"x = {%s}\"\n    require (%s)\n  }\n", x, e);
    fprintf(o, "  rule neg {\n    severity warning\n    cite \"c\"\n    message \"m\"\n    require not (%s)\n  }\n", e);
    fprintf(o, "  rule cond {\n    severity advice\n    cite \"c\"\n    message \"m\"\n    when (%s)\n    require yes\n  }\n", e);
    fputs("}\n", o);
    free(e);
    free(x);
    fclose(o);
    return buf;
}

/* ------------------------------------------------------------ checks */

static _Noreturn void broken(const char *what, const char *text, Diags *d, SourceSet *ss)
{
    fprintf(stderr, "fuzz_eval: invariant broken: %s\n--- generated file ---\n%s--- diagnostics ---\n", what, text);
    if (d && ss)
        render_diags_text(stderr, d, ss, false);
    abort();
}

static const RuleResult *result(const CourseReport *r, const char *name)
{
    for (int i = 0; i < r->n; i++)
        if (strcmp(r->results[i].id, name) == 0)
            return &r->results[i];
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Bytes b = {data, size, 0};
    size_t len = 0;
    char *text = write_file(&b, &len);
    if (!text)
        return 0;
    /* RAMME_FUZZ_PRINT=1 fuzz_eval FILE shows the file an input stands for. */
    static int print = -1;
    if (print < 0)
        print = getenv("RAMME_FUZZ_PRINT") != NULL;
    if (print)
        fprintf(stderr, "--- generated file ---\n%s--- end ---\n", text);

    SourceSet ss;
    src_init(&ss);
    Diags d;
    diag_init(&d);
    Program *p = compile_text("/nonexistent-ramme-fuzz/eval.ramme", text, NULL, &ss, &d);
    if (d.errors)
        broken("a generated (well-typed) file does not compile", text, &d, &ss);
    Block **cs;
    if (compile_main_decls(p, "course", &cs) != 1)
        broken("the file declares one course", text, &d, &ss);
    Arena *a = arena_new();
    CourseReport rep;
    rules_check(p, cs[0], a, &rep);
    const RuleResult *pos = result(&rep, "fz.pos"), *neg = result(&rep, "fz.neg"), *cond = result(&rep, "fz.cond");
    if (!pos || !neg || !cond)
        broken("every rule of fz is judged", text, &d, &ss);
    bool ok = (pos->status == ST_PASS && neg->status == ST_FAIL) ||
              (pos->status == ST_FAIL && neg->status == ST_PASS) ||
              (pos->status == ST_UNKNOWN && neg->status == ST_UNKNOWN);
    if (!ok) {
        fprintf(stderr, "pos %s, neg %s\n", words_status_id(pos->status), words_status_id(neg->status));
        broken("E and not E get opposite results (or both unknown)", text, &d, &ss);
    }
    RuleStatus want = pos->status == ST_PASS ? ST_PASS : pos->status == ST_FAIL ? ST_NA : ST_UNKNOWN;
    if (cond->status != want) {
        fprintf(stderr, "pos %s, cond %s\n", words_status_id(pos->status), words_status_id(cond->status));
        broken("'when E require yes' follows E", text, &d, &ss);
    }
    if (!pos->message || strncmp(pos->message, "x = ", 4) != 0)
        broken("the message is interpolated", text, &d, &ss);
    arena_free(a);
    compile_free(p);
    diag_free(&d);
    src_free(&ss);
    free(text);
    return 0;
}
