/* model.h — the resolved, typed model of a compilation: schemas and enums
 * declared in stdlib, and blocks (courses, frameworks, calendars,
 * schedules...) whose entries have been checked against their schema and
 * converted to typed values. Rules, the scheduler and the screener read
 * courses only through this model. */
#ifndef RAMME_MODEL_H
#define RAMME_MODEL_H

#include "base/arena.h"
#include "front/ast.h"
#include "front/diag.h"
#include "front/source.h"
#include "model/symtab.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct Schema Schema;
typedef struct EnumDef EnumDef;
typedef struct Block Block;
typedef struct Type Type;
typedef struct Value Value;

typedef enum {
    TY_ERROR,    /* already reported; silences follow-on errors */
    TY_BOOL, TY_INT, TY_NUMBER, TY_STRING, TY_DATE, TY_TIME, TY_MDAY,
    TY_HOURS,    /* contact time */
    TY_SPAN,     /* calendar span */
    TY_DAY,      /* a calendar day: month-day, date, date range or date expression */
    TY_RANGE,    /* range of elem */
    TY_LIST,     /* list of elem */
    TY_ENUM,     /* a member of enm */
    TY_REF,      /* a reference to a declared block of schema */
    TY_BLOCK,    /* a nested block of schema */
    TY_PRED,     /* predicate (bool expression) judged on a block of ctx */
    TY_TEMPLATE, /* message with {expr} judged on ctx */
    TY_MEASURE,  /* a plain number (whole or not, no unit) computed on ctx */
    TY_ID,       /* a dotted name kept as written (a rule's id): a V_STRING, resolved by its user */
} TypeKind;

struct Type {
    TypeKind k;
    Type *elem;     /* TY_RANGE, TY_LIST */
    EnumDef *enm;   /* TY_ENUM */
    Schema *schema; /* TY_REF, TY_BLOCK */
    Schema *ctx;    /* TY_PRED, TY_TEMPLATE, TY_MEASURE, TY_DAY: the context's schema */
    const char *ref_name; /* TY_REF/TY_BLOCK/ctx: kind name until resolved */
};

typedef struct Field {
    /* What the builder reads of every key first (fill_body: the type, the
     * flags, derived, the index), in the first 32 bytes: a field is
     * allocated on 16 bytes, and these read at offsets 24 to 84 were two
     * cache lines a key, missed for every course (the course's parse
     * pushes the program out of L1). */
    Type *type;
    Node *derived;  /* computed from the block's other fields when read, never
                     * written (`age int derived years(birth_date, window_end)`) */
    int index;      /* position in the schema (and in Block.vals) */
    bool optional;  /* may be absent: undeclared */
    bool many;      /* repeated entries collect into a list */
    bool required;  /* with many: at least one */
    bool key;       /* a string that identifies an item among its siblings (model_item_key) */
    const char *name;
    Span span;
    const char **aliases; /* other words for it (`WORD alias FIELD`, stdlib) */
    int naliases;
    ValSeq *def;    /* default value as written, or NULL */
    Value *def_value; /* def converted once for every block that leaves the field
                       * out (build_defaults), when that needs nothing of the block
                       * and reports nothing; NULL: converted per block */
} Field;

typedef struct Slot {
    const char *marker; /* a literal word, or NULL */
    Field *field;       /* the field this position fills */
    Span span;
} Slot;

typedef struct HeaderPattern {
    Slot *slots;
    int n;
    Span span;
} HeaderPattern;

/* What finish_block does with a field of a block (build_defaults): each
 * read from the field and its type once per program, where they were
 * read for every block (three pointers followed a field). */
typedef struct FinishField {
    int index;        /* the field's position (Block.vals) */
    bool into;        /* a block of a kind with something to finish: go into it */
    bool absent;      /* absent and without def_value: finish_absent (a default
                       * converted for the block, or a message) */
    Value *def_value; /* absent: this (Field.def_value), when not NULL */
} FinishField;

struct Schema {
    const char *name;
    Span span;
    bool toplevel, named, qualified, titled, extendable;
    Field **fields;
    int nfields;
    HeaderPattern *headers;
    int nheaders;
    Field *key;      /* the field marked `key`, or NULL */
    bool referenced; /* a field's type names this kind (a TY_REF, in a list or range too):
                      * only then are its named nested blocks filed by name (build.c) */
    const char **aliases; /* other words for the kind (`schema WORD alias KIND`) */
    int naliases;
    const char *alias_of; /* an alias declaration until schema_define_all resolves it */
    Entry *decl;     /* the declaration, read in the second pass */
    bool defined;    /* fields and headers have been read */
    uint64_t nested_in; /* bit k: blocks of this kind can be written inside a top-level
                         * block whose kind has top_bit k + 1 (build_defaults) */
    int top_bit;        /* a top-level kind's bit in nested_in, plus one; 0: none known */
    const struct FinishField *finish; /* the fields finish_block looks at (build_defaults,
                         * for every schema before any block is built): a block or one
                         * that has something to do when absent */
    int nfinish;
    const struct FieldWords *words; /* every word for a field, by its first three bytes
                                     * (schema.c, once every schema is defined, before
                                     * any thread): NULL, and the finders scan */
};

struct EnumDef {
    const char *name;
    Span span;
    EnumMember *members;
    int n;
    const char **alias_names; /* other words for members (`WORD alias MEMBER`) */
    int *alias_member;        /* ... and the member each names */
    int naliases;
    const struct FieldWords *words; /* the members' words as a schema's fields' (words.h;
                                     * schema_define_all): NULL, and they are scanned */
};

/* A value's kind in one byte (GCC and clang), the flag beside it and the
 * span: 16 bytes before the payload, a value is 32 bytes where it was 40
 * (48 in the arena, whose allocations are 16-byte multiples): some 80
 * values a course, and the evaluator's; fewer cache misses for an
 * instruction more in a switch on it (a byte widened before its table).
 * Still an enum, so switches on it warn of a kind left out, and a plain
 * member, where a bit-field of it would need __extension__ (-Wpedantic). */
#if defined(__GNUC__)
#define MODEL_PACKED __attribute__((packed))
#else
#define MODEL_PACKED
#endif

typedef enum MODEL_PACKED {
    V_BOOL, V_INT, V_NUMBER, V_STRING, V_DATE, V_TIME, V_MDAY,
    V_QTY,   /* quantity: value in unit */
    V_RANGE, /* lo..hi, either end NULL when open */
    V_LIST,
    V_ENUM,  /* member idx of enm */
    V_REF,   /* a declared block */
    V_BLOCK, /* a nested block */
    V_EXPR,  /* a typed expression (predicates, templates, day rules) */
} ValueKind;

struct Value {
    ValueKind k;    /* a byte (MODEL_PACKED) */
    bool is_default;
    Span span;      /* where it was written (the schema's default: the field) */
    union {
        bool b;
        int64_t i;
        double num;
        const char *s;
        int32_t date;
        int time;
        struct { int month, day; } mday;
        struct { double v; Unit unit; } qty;
        struct { Value *lo, *hi; } range;
        struct { Value **items; int n; } list; /* grown by arena_push */
        struct { EnumDef *enm; int idx; } en;
        Block *ref;
        Block *block;
        Node *expr;
    } u;
};

struct Block {
    /* Pointers, then spans, then the small ones: 168 bytes where the order
     * of old left 16 of padding (a course's dozen blocks). */
    Schema *schema;
    Value **vals;       /* one per schema field; NULL: absent */
    const char *name;   /* NULL for unnamed kinds */
    const char *title;  /* NULL when none */
    Block *parent;      /* enclosing block; NULL at top level */
    Block *top;         /* the top-level block it belongs to */
    Entry *entry;       /* as written */
    const char *extends_name;
    Block *base;        /* the block it extends, once resolved */
    const char **removes; /* `remove NAME`: named children of the base not inherited */
    Span *remove_spans;
    const char *id;     /* rules: FRAMEWORK.RULE, computed once */
    void *rule_info;    /* rules.c: a rule's parts (RuleInfo), or a framework's (FwInfo), looked up once */
    unsigned char *hinted; /* per field: a misspelt key suggested it already */
    Span span;          /* the whole entry */
    Span name_span;
    Span extends_span;
    int nremoves;
    int file;           /* source file index */
    int merge_state;    /* 0 new, 1 merging, 2 merged (cycle detection) */
    int chain;          /* length of its extends chain, once merged */
    bool finished;      /* defaults applied, required keys checked */
};

/* One compilation: everything reachable from one input file. */
typedef struct Program {
    Arena *arena;
    SourceSet *sources;
    Diags *diags;
    Schema **schemas;
    int nschemas;
    Entry **schema_adds; /* `schema KIND adds { ... }`: fields a file adds to a kind */
    int nschema_adds;
    EnumDef **enums;
    int nenums;
    Type *scalar_types; /* one Type a scalar kind (TY_ID + 1, by kind), shared by every
                         * field of that type (schema.c, scalar_type) */
    Block **decls;      /* top-level blocks of every loaded file */
    int ndecls;
    Block **named;      /* every named nested block (goals, targets...) */
    int nnamed;
    SymTab decl_names;  /* top-level blocks by (kind, name) */
    Block **always;     /* frameworks checked against every course (computed once) */
    int nalways;
    bool always_known;
    SymTab nested_names; /* named nested blocks by (kind, name) */
    const struct NamedText *named_text; /* the same by their text, once the program is
                                         * built (build_index_named): read by batch items */
    int main_file;      /* the file named on the command line */
    /* Batch checking (batch.h): the main file's blocks of kind batch_kind
     * are built one at a time, each in its own scope, and freed after use.
     * The batch layer drives this stage from above: the stage calls it
     * only through these hooks (NULL outside a batch). */
    const char *batch_kind;
    const struct BatchHooks *batch_hooks;
    struct Batch *batch;  /* the main file's layout; NULL: built as a whole */
    bool in_scope;        /* building one batch item: its named blocks go to scope_* */
    SymTab scope_names;   /* the item's named nested blocks (in the item's arena), filed
                           * when a reference first looks there (find_ref, build.c) */
    Block **scope_named;
    int nscope_named;
    int scope_cap;        /* room in scope_named: 16, then doubled (register_named) */
    int nscope_filed;     /* scope_named[0, nscope_filed) are in scope_names */
    const char **search; /* stdlib search path */
    int nsearch;
    int nsearch_user;    /* the first ones come from -I and RAMME_PATH; the rest are the stdlib's */
    size_t max_bytes;   /* largest source file read */
    size_t max_batch_bytes; /* largest main file of a batch */
    size_t main_text_len; /* compile_text_n: the main text's length (it may hold NUL bytes); 0: up to its NUL */
} Program;

struct LoadSet;
struct ParseKinds;
/* What compile.c, load.c and build.c ask of the batch layer (batch.c). */
typedef struct BatchHooks {
    /* Parses the main file `src`: everything but the items, which it keeps
     * aside (p->batch). */
    struct File *(*split)(Program *p, int src, struct ParseKinds *kinds);
    /* After loading: items other declarations may name are parsed into
     * the main file's syntax tree and built with the program. */
    void (*keep)(Program *p, struct LoadSet *ls);
    /* For did-you-mean: the names of the items not built with the program. */
    const char **(*item_names)(Program *p, const Schema *kind, int *n);
    /* What the layout holds outside the arena. */
    void (*release)(Program *p);
} BatchHooks;

/* Finders. Each accepts an alias as the name it stands for (a schema's,
 * a field's or an enum member's, declared in stdlib): the alias is exactly
 * that schema, field or member. */
Schema *model_schema(const Program *p, const char *name);
EnumDef *model_enum(const Program *p, const char *name);
Field *model_field(const Schema *s, const char *name);
/* model_field, and whether `name` is one of the field's aliases rather than
 * its name (the author wrote the other word): one lookup for both. */
Field *model_field_as(const Schema *s, const char *name, bool *alias);
/* Indexes s's words for the two above (schema_define_all, once its fields
 * and aliases are final, before threads share the program). */
void model_index_fields(Arena *a, Schema *s);
/* The same for e's members and their aliases (model_enum_index's words). */
void model_index_members(Arena *a, EnumDef *e);
int model_enum_index(const EnumDef *e, const char *name);
/* A top-level block of kind `schema` named `name`, or NULL. */
Block *model_decl(const Program *p, const Schema *schema, const char *name);
/* The value of field `name` of b (NULL when absent or no such field). */
Value *model_get(const Block *b, const char *name);
/* What identifies an item of a `many` list among its siblings, for `extends`
 * (the variant's item merges with the base's item of the same key) and for
 * `diff`: its name; else the value of its schema's `key` field (a
 * requirement's text); else its title (a calendar closure's). NULL when it
 * has none (then items are only ever added). */
const char *model_item_key(const Value *v);

/* Type helpers. */
Type *type_new(Arena *a, TypeKind k);
const char *type_name(Arena *a, const Type *t);
/* With an article, for sentences: "a whole number", "a list of principle". */
const char *type_phrase(Arena *a, const Type *t);
bool type_equal(const Type *a, const Type *b);

/* Every word for s's fields (names, then aliases) into out (at most cap);
 * returns how many: did-you-mean candidates. The same for e's members. */
int model_field_words(const Schema *s, const char **out, int cap);
int model_member_words(const EnumDef *e, const char **out, int cap);
/* Whether `key` is one of f's aliases (the author wrote the other word). */
bool model_is_alias(const Field *f, const char *key);

/* Closest candidate to `name` among `cands` (edit distance), or NULL. */
const char *model_suggest(const char *name, const char **cands, int n);

#endif
