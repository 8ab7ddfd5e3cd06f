/* parse.h — running the flex lexer and bison parser over one source file.
 * The lexer's state lives in a LexState reached through flex's yyextra, so
 * the scanner is reentrant and there are no globals. */
#ifndef RAMME_PARSE_H
#define RAMME_PARSE_H

#include "base/arena.h"
#include "front/ast.h"
#include "front/diag.h"
#include "front/source.h"

#include <setjmp.h>
#include <stdbool.h>

/* Nesting of ( ) { } and of expressions beyond this is an error
 * (LANGUAGE.md §8): no later pass recurses deeper than this bound. The one
 * limit is AST_MAX_DEPTH (ast.h), which ast_walk keeps too. */
#define PARSE_MAX_DEPTH AST_MAX_DEPTH

/* What a top-level declaration may be, as far as the files read so far
 * say: `import`, `enum`, `schema` and the name of each schema. One per
 * compilation, shared by its parses: the parser adds each `schema` it
 * reads. A top-level entry of any other kind is kept for compile.c to
 * report ("unknown declaration") while those kept and the errors so far
 * stay within the error cap; after that, such an entry is not kept and
 * its memory goes back to the arena (File.dropped): it could only be
 * reported past the cap, where nothing is reported. So a file of nothing
 * but unknown declarations is never held whole in memory. A kind declared
 * by a file read after the parse (its imports) is not known during it:
 * load.c parses such a file again when its imports brought new kinds. */
typedef struct ParseKinds {
    const char **names; /* schema names, in the compilation's arena */
    int n, cap;
    int unknown;        /* entries of no known kind kept in this file */
} ParseKinds;

/* The lexer's token place: the byte offsets [first_off, last_off) alone.
 * The file is the same for every token of a parse, so it is not kept per
 * symbol: parse_span adds it where a place is stored in the tree or
 * reported. */
typedef struct ParseLoc {
    uint32_t first_off, last_off;
} ParseLoc;

/* The parser's semantic values of 8 bytes at most, by the names bison
 * gave them when it made the union itself (tokens' TOK_*: the lexer writes
 * them; a string's and a quantity's literal is in the arena). */
#define PARSE_VALUES                                                                              \
    bool TOK_BOOL;                                                                                \
    const char *TOK_IDENT;                                                                        \
    const char *TOK_FUNC;                                                                         \
    const StrLit *TOK_STRING;                                                                     \
    int64_t TOK_INT;                                                                              \
    double TOK_NUMBER;                                                                            \
    const QtyLit *TOK_QTY;                                                                        \
    int32_t TOK_DATE;                                                                             \
    int TOK_TIME;                                                                                 \
    MDayLit TOK_MDAY;                                                                             \
    Node *node;                                                                                   \
    Entry *entry;                                                                                 \
    Decl *decl;                                                                                   \
    EnumMember *member;                                                                           \
    EntryList *body;

/* bison's value type (parser.y's api.value.type): a value and the token's
 * place beside it, so that bison keeps no location stack (it pushed and
 * popped one beside the values on every shift and reduction, and
 * computed a place for every reduction, some 700 a course of a batch).
 * A nonterminal's place is not kept: its rule builds it from its parts,
 * so a value list (NodeList, 16 bytes) may take the place's room. 16
 * bytes, as the values alone were: bison copies one on every shift and
 * reduction, and 24 cost more to copy than the location stack did. */
typedef union ParseVal {
    struct {
        union {
            PARSE_VALUES
        };
        ParseLoc at;
    };
    NodeList list;
} ParseVal;

/* The values alone, for the parse-only floor (bench/floor/derive.py),
 * which keeps no place. */
typedef union ParseValue {
    PARSE_VALUES
    NodeList list;
} ParseValue;

typedef struct LexState {
    Arena *arena;
    Diags *diags;
    Source *src;
    int file;              /* index of src */
    size_t off;            /* the next byte */
    Span tok;              /* where an expression parse starts (TOK_START_EXPR) */
    ParseLoc *tok_at;      /* where the lexer writes the last token's place: in the
                              parser, its value's own, which is the lookahead's when
                              a syntax error is reported */
    int last_tok;          /* kind of the last token returned; 0 at start */
    int prev_tok;          /* the token before last_tok */
    uint32_t comma_end;    /* where the last ',' ends: when prev_tok is a ',', that one
                              (a trailing comma's message; no other token's place is kept) */
    bool too_deep;         /* an expression exceeded PARSE_MAX_DEPTH (reported) */
    int paren_depth;       /* inside ( ): newlines are dropped */
    int nbraces;
    bool fatal;            /* stop: nesting limit or error cap reached */
    bool eof_newline;      /* the synthetic final newline was sent */
    bool expr_mode;        /* parse one expression (interpolation) */
    bool sent_start;
    int syntax_errors;     /* yyparse returns 0 after recovery: count here */
    bool nolac;            /* the parser without LAC is trying the text: its first error ends it (parse.c) */
    File *out;
    ParseKinds *kinds;     /* NULL: no counting of unknown declarations */
    ArenaMark decl_mark;   /* the arena when the current top-level declaration began */
    int errors_at_start;   /* diags->errors when this parse began */
    jmp_buf *scanner_fatal; /* where a fatal scanner error (YY_FATAL_ERROR) goes */
    void *lex_heap;        /* the scanner's one block outside the arena, or NULL (lexer.l's yyalloc) */
    bool text_in_arena;    /* the scanner reads a copy of the text in the arena (lex_scan_text):
                              a plain string's value stays there (lexer.l) */
    /* Last, and not cleared: only the first nbraces entries are read. A
     * batch parses every course anew, and clearing 10 KB each time cost
     * more than lexing a course's keys. */
    Span braces[PARSE_MAX_DEPTH]; /* open '{' (and '(') for "to close" notes */
    char brace_kind[PARSE_MAX_DEPTH];
} LexState;

/* The span of `l` in the file being parsed. */
static inline Span parse_span(const LexState *ls, ParseLoc l)
{
    Span s = {ls->file, l.first_off, l.last_off};
    return s;
}

/* This parse has reported an error past the error cap: it stops (the
 * lexer returns end of file), as nothing more would be reported. Errors
 * from before it (another course of a batch) do not stop it. */
static inline bool parse_at_cap(const LexState *ls)
{
    return ls->diags->errors > ls->diags->max_errors && ls->diags->errors > ls->errors_at_start;
}

/* Parses source `file` of `ss`. Always returns a File (possibly partial);
 * errors go to `diags`. */
File *parse_file(Arena *a, Diags *diags, SourceSet *ss, int file);
/* The same, counting declarations of unknown kinds in `kinds` (may be NULL). */
File *parse_file_kinds(Arena *a, Diags *diags, SourceSet *ss, int file, ParseKinds *kinds);

/* The same with bison's LAC parser alone. Every parse above runs the
 * parser without LAC first and the LAC parser only on a text where that
 * met an error (parse.c, try_nolac), which must come out exactly as this
 * does: the tests compare the two. */
File *parse_file_lac(Arena *a, Diags *diags, SourceSet *ss, int file, ParseKinds *kinds);

/* Parses the declarations in bytes [off, off+len) of `file` (a batch item,
 * see batch.h); `kinds` as for parse_file_kinds. */
File *parse_range(Arena *a, Diags *diags, SourceSet *ss, int file, size_t off, size_t len, ParseKinds *kinds);

/* The parser's part of ParseKinds: notes the kind a `schema` entry
 * declares; says whether `key` is a known kind. */
void parse_kinds_add(Arena *a, ParseKinds *k, const Entry *schema);
bool parse_kinds_known(const ParseKinds *k, const char *key);

/* The scanner's buffer over len bytes of `text` (lexer.l: a copy in the
 * scanner's LexState's arena, or a large one malloc'd), for yy_delete_buffer;
 * `scanner` is a yyscan_t, the buffer a YY_BUFFER_STATE (lexer.h). */
struct yy_buffer_state *lex_scan_text(const char *text, size_t len, void *scanner);

/* Parses one expression written inside a string of `file`, starting at byte
 * `off` and `len` bytes long. Returns NULL after an error. */
Node *parse_expr_at(Arena *a, Diags *diags, SourceSet *ss, int file, size_t off, size_t len);

#endif
