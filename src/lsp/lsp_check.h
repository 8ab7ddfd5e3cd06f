/* lsp_check.h — one document analysed: the compiler's own compilation of
 * its text (model/compile.h, imports from disk and the search path), each
 * course of it judged (engine/rules.h) when it compiled without errors, and
 * the questions the editor asks answered from that model: what lies at a
 * byte offset of the document. The analysis does no I/O of its own and
 * knows nothing of the protocol (STYLE.md, the language server). */
#ifndef RAMME_LSP_CHECK_H
#define RAMME_LSP_CHECK_H

#include "engine/rules.h"
#include "model/compile.h"

#include <stddef.h>

typedef struct LspCheck {
    SourceSet ss;
    Diags d;
    Program *p;
    Arena *a;             /* the rule results */
    CourseReport *reps;   /* each course of the document, judged */
    int nreps;
    CompileOptions co;    /* what it was compiled with: a fix suggestion compiles it again */
    File *file;           /* the document's syntax tree, parsed when first asked (lsp_check_file) */
    Arena *file_arena;
} LspCheck;

/* Compiles `text` (len bytes, NUL bytes and all) as the file `path` and
 * judges its courses. Never NULL. */
LspCheck *lsp_check_run(const char *path, const char *text, size_t len, const CompileOptions *co);
void lsp_check_free(LspCheck *c);
/* The document as a source (its index in c->ss is c->p->main_file); NULL
 * when it could not be loaded. */
Source *lsp_check_main(const LspCheck *c);
/* The document's syntax tree (never NULL; empty when it has no source). */
File *lsp_check_file(LspCheck *c);

/* What the cursor is in: the innermost entry of the document whose span
 * holds byte `off`, the schema of the block that entry sits in (NULL at top
 * level), and the entry's own schema when it is a block of a known kind. */
typedef struct LspAt {
    Entry *entry;         /* NULL: between top-level declarations */
    Schema *outer;        /* the schema `entry` is a field of; NULL: top level */
    Schema *inner;        /* entry's block schema (a kind at top level) */
    Entry *block;         /* the innermost block whose braces hold `off`; NULL: top level */
    Schema *block_schema; /* its schema */
    Decl *import;         /* the import whose path holds `off` */
    Node *node;           /* the innermost expression of entry's values (or extends) at `off` */
} LspAt;
void lsp_check_at(LspCheck *c, size_t off, LspAt *at);

/* The schema a field's block (or list of blocks) has, else NULL. */
Schema *lsp_field_schema(const Field *f);
/* A field's enum (also of a list or range of members), else NULL. */
EnumDef *lsp_field_enum(const Field *f);
/* The schema a field refers to (a reference or a list of them), else NULL. */
Schema *lsp_field_ref(const Field *f);
/* The declared block `name` names: a top-level block (of `kind` when not
 * NULL), a named nested one (a goal, `recovery.hope`) or a rule by its id
 * (`national.goal_coverage`). NULL when none. */
Block *lsp_check_lookup(const LspCheck *c, const Schema *kind, const char *name);
/* The comment at the end of the line that declares a schema's field
 * (`provider string  # who offers it`), without '#' and blanks, in `a`; NULL when none. */
const char *lsp_field_doc(const LspCheck *c, Arena *a, const Field *f);

#endif
