/* diag.h — diagnostics are collected here, never printed by the library;
 * the CLI renders them (render.c). Each has a severity, a span, a message,
 * optional notes pointing at related places and an optional help line
 * ("did you mean 'group_size'?"). */
#ifndef RAMME_DIAG_H
#define RAMME_DIAG_H

#include "front/source.h"

#include <stdbool.h>

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagSeverity;

typedef struct DiagNote {
    Span span; /* may be span_none(): a note with no place */
    char *msg;
} DiagNote;

typedef struct Diag {
    DiagSeverity severity;
    Span span;
    char *msg;
    char *help; /* "did you mean ...?" or a fix; NULL when none */
    char *suggest; /* the name a did-you-mean proposes in place of the text at
                      `span` (diag_suggest), for an editor's quick fix; NULL when none */
    char *path; /* the file, for an error about a whole file (no span) */
    DiagNote *notes;
    int nnotes, capnotes;
} Diag;

/* Error cap: after this many errors one "too many errors" diagnostic is
 * added and further errors are dropped (the count still grows). */
#define DIAG_MAX_ERRORS 50
/* The same for warnings (160,000 rows without an id would otherwise be as
 * many warnings). */
#define DIAG_MAX_WARNINGS 50

typedef struct Diags {
    Diag *items;
    int n, cap;
    int errors;       /* error diagnostics reported (including dropped) */
    int warnings;
    int max_errors;   /* cap; DIAG_MAX_ERRORS by default */
    bool capped;      /* the "too many errors" line was added */
    int max_warnings; /* cap; DIAG_MAX_WARNINGS by default */
    bool capped_warnings; /* the "too many warnings" line was added */
    bool last_kept;   /* the last report was stored (notes attach to it) */
} Diags;

void diag_init(Diags *d);
void diag_free(Diags *d);

/* The reports are `cold`: gcc then places the code that leads to them
 * (the lexer's and the parser's error rules, the checks' messages) apart
 * from the code around it, so the instruction cache holds more of what
 * runs for every course: on 2,000 courses of a batch 4% fewer simulated
 * instruction-cache misses (cachegrind), 0.4 M fewer instructions. */
void diag_error(Diags *d, Span span, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4), cold))
#endif
    ;
void diag_warning(Diags *d, Span span, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4), cold))
#endif
    ;
/* An error about a whole file that has no place in it (cannot be read). */
void diag_error_file(Diags *d, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4), cold))
#endif
    ;
/* Attach a note or help to the most recent diagnostic (ignored if it was
 * dropped by the cap or as a duplicate). */
void diag_note(Diags *d, Span span, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4), cold))
#endif
    ;
void diag_help(Diags *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3), cold))
#endif
    ;

/* The help "did you mean 'NAME'?" on the most recent diagnostic, with NAME
 * kept apart (Diag.suggest) so a tool can put it in place of the text at the
 * diagnostic's span (the language server's code action). */
void diag_suggest(Diags *d, const char *name);
/* The same when the span holds more than the misspelt word (`m.coverz`):
 * the help names `name`, the quick fix writes `replace` over the span. */
void diag_suggest_as(Diags *d, const char *name, const char *replace);

/* Reports every diagnostic of `from` (collected apart, without a cap: a
 * run of a batch judged by another thread) in `to`, in order, as if it had
 * been reported there: `to`'s dedup and cap apply. `from` is unchanged. */
void diag_append(Diags *to, const Diags *from);
/* Does `from` hold an error `to` has already (same place and message)?
 * Reported in `to`, it would be dropped and not counted. */
bool diag_repeats(const Diags *to, const Diags *from);

/* Sorts diagnostics by file, then position, keeping report order for ties. */
void diag_sort(Diags *d);

#endif
