/* parser.y — the ramme grammar (LANGUAGE.md §3, §4, §8). Actions only build
 * the syntax tree; names, schemas, types and units are checked in later
 * passes (src/model/build.c, src/model/typecheck.c). Every semantic value
 * lives in the arena, so nothing needs a %destructor: an abandoned value is
 * freed with the arena. */

%require "3.8"
%define api.pure full              /* reentrant: state in LexState, no globals */
%define parse.error custom         /* "expected X, found Y" with our own wording */
%define parse.lac full             /* correct expected-token lists (bison manual) */
%define lr.type ielr               /* no LALR mysteries; same tables here */
%define api.token.prefix {TOK_}    /* TOK_IDENT: no clash with C names */
%define api.value.type {ParseVal}  /* a value and its token's place (parse.h) */
%define lr.default-reduction accepting /* after `error`, wait for a separator: no entry before it is lost */
%expect 0
%param {yyscan_t scanner}
%parse-param {LexState *ls}

%code requires {
#include "front/ast.h"
#include "front/parse.h"
#include "base/i18n.h"
#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
/* The scanner's place (flex's bison-locations names its type YYLTYPE):
 * the token's value's own, ParseVal.at. */
typedef ParseLoc YYLTYPE;
}

%code provides {
/* The scanner's prototype lives here so parser and lexer cannot drift. */
#define YY_DECL int yylex(YYSTYPE *yylval_param, ParseLoc *yylloc_param, yyscan_t yyscanner)
YY_DECL;
/* This grammar without LAC, tried first (Makefile: parser_nolac.c; parse.c). */
int yyparse_nolac(yyscan_t scanner, LexState *ls);
}

%code {
#include <stdio.h>
#include <string.h>

#include "base/hot.h"

/* Deep enough for 256 levels of blocks and expressions; beyond it bison
 * would report "memory exhausted", which yyerror turns into a located error. */
#define YYMAXDEPTH 4000

/* Places. Each token's place is in its value (ParseVal.at: the lexer
 * writes it there, through the yylex below), not on a location stack of
 * bison's: every shift and reduction copied one onto it, and every
 * reduction computed one (YYLLOC_DEFAULT), where a few rules need a place
 * at all. A rule builds its place from its tokens' places ($<at>N) and its
 * parts' own spans (a node's span, an entry's key and whole, a list's first
 * and last node); a nonterminal's value carries no place of its own. */
#define yylex(lval, scanner) yylex((lval), &(lval)->at, (scanner))
#define AT(first, last) ((ParseLoc){(first), (last)})
/* Where a node, a non-empty list of nodes or an entry starts and ends. */
#define N_FIRST(n) ((n)->span.first_off)
#define N_LAST(n) ((n)->span.last_off)
#define L_FIRST(l) N_FIRST((l).items[0])
#define L_LAST(l) N_LAST((l).items[(l).n - 1])
#define E_FIRST(e) ((e)->key_span.first_off)
/* From the start of place a to the end of place b (tokens' $<at>N). */
#define TOKS(a, b) AT((a).first_off, (b).last_off)

/* A place of this parse as the tree and the reports keep it. */
#define SP(loc) parse_span(ls, (loc))

static void yyerror(yyscan_t scanner, LexState *ls, const char *msg);

/* A node whose depth passed the limit is reported once; later passes skip
 * any node deeper than the limit, so none recurses without a bound. */
static Node *fin(LexState *ls, Node *n)
{
    if (n->depth > PARSE_MAX_DEPTH && !ls->too_deep) {
        ls->too_deep = true;
        diag_error(ls->diags, n->span, _("expression nests deeper than %d levels"), PARSE_MAX_DEPTH);
    }
    return n;
}

static int dmax(int a, int b) { return a > b ? a : b; }

static Node *mk(LexState *ls, NodeKind k, Span sp) { return ast_node(ls->arena, k, sp); }

/* The literals and names that are both expressions and primaries (expr). */
static Node *mkint(LexState *ls, int64_t v, ParseLoc at)
{
    Node *n = mk(ls, N_INT, SP(at));
    n->u.i = v;
    return n;
}

static Node *mkqty(LexState *ls, QtyLit q, ParseLoc at)
{
    Node *n = mk(ls, N_QTY, SP(at));
    n->u.qty.v = q.v;
    n->u.qty.unit = q.unit;
    return n;
}

static Node *mkstr(LexState *ls, StrLit str, ParseLoc at)
{
    Node *n = mk(ls, N_STR, SP(at));
    n->u.str.s = str.s;
    n->u.str.form = str.form;
    return n;
}

static Node *mkpath(LexState *ls, const char *name, ParseLoc at)
{
    Node *n = mk(ls, N_PATH, SP(at));
    n->u.path = name;
    return n;
}

static Node *mkbin(LexState *ls, BinOp op, Node *l, Node *r, Span sp)
{
    return fin(ls, ast_bin(ls->arena, op, l, r, sp));
}

static Node *mkrange(LexState *ls, Node *lo, Node *hi, Span sp)
{
    Node *n = mk(ls, N_RANGE, sp);
    n->u.range.lo = lo;
    n->u.range.hi = hi;
    n->depth = 1 + dmax(lo ? lo->depth : 0, hi ? hi->depth : 0);
    return fin(ls, n);
}

static Node *mkquant(LexState *ls, bool all, const char *var, Span var_span, Node *list, Node *body, Span sp)
{
    Node *n = mk(ls, N_QUANT, sp);
    n->u.quant.all = all;
    n->u.quant.var = var;
    n->u.quant.var_span = var_span;
    n->u.quant.list = list;
    n->u.quant.body = body;
    n->depth = 1 + dmax(list->depth, body->depth);
    return fin(ls, n);
}

/* A keyless block becomes the body of the entry before it, when that entry
 * is not a block already; otherwise it is dropped (already reported). */
static void attach(Entry *prev, Entry *blk)
{
    if (!prev || prev->is_block)
        return;
    prev->is_block = true;
    prev->body = blk->body;
    prev->open_brace = blk->open_brace;
}

static Node *mkset(LexState *ls, NodeList items, Span sp)
{
    Node *n = mk(ls, N_SET, sp);
    n->u.set = items;
    for (int i = 0; i < items.n; i++)
        n->depth = dmax(n->depth, items.items[i]->depth + 1);
    return fin(ls, n);
}

/* A list of one: most value sequences and calls hold one expression, so
 * room for two, the ARENA_ALIGN bytes the arena hands out for one anyway
 * (a header's `m1 "Title"` is two; a third grows it, ast_push). The list
 * is a semantic value of its own, no header in the arena: the entry copies
 * it once, into its value sequence (ast_new_val). */
static HOT_INLINE NodeList list1(LexState *ls, Node *n)
{
    enum { ROOM = ARENA_ALIGN / sizeof(Node *) > 1 ? ARENA_ALIGN / sizeof(Node *) : 1 };
    Node **items = arena_alloc_raw(ls->arena, ROOM * sizeof *items);
    items[0] = n;
    return (NodeList){items, 1, ROOM};
}

/* A top-level declaration into the file. With ls->kinds, a `schema` adds
 * its kind, and an entry of no known kind is kept only while those kept
 * and the errors so far do not reach past the error cap; past it, the
 * entry and everything parsed for it go back to the arena (see
 * ParseKinds). */
static void add_decl(LexState *ls, Decl *d)
{
    ParseKinds *k = ls->kinds;
    if (k && d->kind == DECL_ENTRY) {
        Entry *e = d->u.entry;
        if (strcmp(e->key, "schema") == 0) {
            parse_kinds_add(ls->arena, k, e);
        } else if (!parse_kinds_known(k, e->key)) {
            if (ls->diags->errors + k->unknown > ls->diags->max_errors) {
                if (ls->out->dropped++ == 0)
                    ls->out->kinds_at_drop = k->n;
                arena_release(ls->arena, ls->decl_mark);
                return;
            }
            k->unknown++;
        }
    }
    ast_push_decl(ls->arena, ls->out, d);
}

/* After an error: at the cap, stop reading (as the lexer's errors do). */
static void at_cap(LexState *ls)
{
    if (parse_at_cap(ls))
        ls->fatal = true;
}

/* e with one more value sequence, `items`, which stands from its first
 * node's start to its last one's end. */
static HOT_INLINE Entry *add_vals(LexState *ls, Entry *e, NodeList items, bool after_comma_newline)
{
    ValSeq *v = ast_new_val(ls->arena, e);
    v->items = items;
    v->span = SP(((ParseLoc){L_FIRST(items), L_LAST(items)}));
    v->after_comma_newline = after_comma_newline;
    return e;
}

/* An entry `key items`, written at `whole`. */
static HOT_INLINE Entry *first_vals(LexState *ls, Entry *key, NodeList items, ParseLoc whole)
{
    Entry *e = add_vals(ls, key, items, false);
    e->span = SP(whole);
    return e;
}

/* Entry e continued after the ',' at `comma` with `items`, written at
 * `whole` now. */
static Entry *more_vals(LexState *ls, Entry *e, ParseLoc comma, NodeList items, ParseLoc whole)
{
    add_vals(ls, e, items, src_breaks(ls->src, comma.last_off, L_FIRST(items)));
    e->span = SP(whole);
    return e;
}

/* e extending `name`, written at `at`. */
static Entry *add_extends(LexState *ls, Entry *e, const char *name, ParseLoc at)
{
    e->extends = mk(ls, N_PATH, SP(at));
    e->extends->u.path = name;
    return e;
}

/* A block's list of entries, with room for four in the same allocation
 * (the room ast_push_entry would make for the first). */
typedef struct BodyRoom {
    EntryList list;
    Entry *first[4];
} BodyRoom;

static EntryList *new_body(LexState *ls)
{
    BodyRoom *r = arena_alloc_raw(ls->arena, sizeof *r);
    r->list = (EntryList){r->first, 0, 4, false};
    return &r->list;
}

typedef struct EntryRoom {
    Entry e;
    ValSeq first;
} EntryRoom;

static HOT_INLINE Entry *mkentry(LexState *ls, const char *key, Span key_span, Span sp)
{
    /* Written whole, member by member: no zeroing first. (From a compound
     * literal gcc zeroes the 96 bytes with `rep stos`, twelve instructions
     * more an entry than these stores.) */
    /* With room for its first value sequence right after it, as nearly
     * every entry has one (ast_new_val then allocates nothing; a second
     * sequence moves them all). */
    EntryRoom *r = arena_alloc_raw(ls->arena, sizeof *r);
    Entry *e = &r->e;
    e->span = sp;
    e->key_span = key_span;
    e->open_brace = (Span){0};
    e->is_block = false;
    e->key = key;
    e->vals = &r->first;
    e->nvals = 0;
    e->capvals = 1;
    e->extends = NULL;
    e->body = (EntryList){0};
    return e;
}
}

%token IMPORT "import" ENUM "enum" EXTENDS "extends"
%token AND "and" OR "or" NOT "not" IN "in" WHERE "where"
%token ALL "all" ANY "any" IF "if" THEN "then" ELSE "else"
%token <TOK_BOOL> BOOL "yes or no"
%token <TOK_IDENT> IDENT "name"
%token <TOK_FUNC> FUNC "function call"
%token <TOK_STRING> STRING "string"
%token <TOK_INT> INT "whole number"
%token <TOK_NUMBER> NUMBER "number"
%token <TOK_QTY> QTY "quantity"
%token <TOK_DATE> DATE "date"
%token <TOK_TIME> TIME "time"
%token <TOK_MDAY> MDAY "month-day"
%token NEWLINE "end of line"
%token DOTDOT ".." EQ "==" NE "!=" LE "<=" GE ">="
%token START_EXPR "start of expression"

%type <node> expr primary atom setlit
/* Every shift and reduction copies a semantic value (16 bytes, ParseVal):
 * a list is its NodeList, the rest are pointers beside a token's place. */
%type <list> args set_items items ranged
%type <entry> entry values header key
%type <decl> decl enum_decl enum_body
%type <member> enum_member
%type <body> body body_list

/* Lowest first (LANGUAGE.md §8, Precedence). */
%precedence ':' ELSE WHERE      /* bodies that extend right */
%left OR
%left AND
%precedence NOT
%nonassoc EQ NE '<' LE '>' GE IN
%nonassoc DOTDOT
%left '+' '-'
%left '*' '/'

%%

input
    : decls
    | START_EXPR expr NEWLINE               { ls->out->expr = $2; }
    ;

/* decls -> { decl sep } */
decls
    : %empty
    | decl_list
    | decl_list seps
    ;

decl_list
    : decl {
          if ($1 && ($1->kind != DECL_ENTRY || $1->u.entry->key))
              add_decl(ls, $1);
          ls->decl_mark = arena_mark(ls->arena);
      }
    | decl_list seps decl {
          File *f = ls->out;
          if ($3 && $3->kind == DECL_ENTRY && !$3->u.entry->key) {
              Decl *prev = f->n ? f->decls[f->n - 1] : NULL;
              attach(prev && prev->kind == DECL_ENTRY ? prev->u.entry : NULL, $3->u.entry);
          } else if ($3) {
              add_decl(ls, $3);
          }
          /* What the next declaration allocates starts here (add_decl). */
          ls->decl_mark = arena_mark(ls->arena);
      }
    ;

/* One separator or more: `sep -> NEWLINE | ';'` written out, since a rule of
 * its own costs a reduction per separator (some 40 a course of a batch). */
seps: NEWLINE | ';' | seps NEWLINE | seps ';' ;

/* decl -> 'import' STRING | enum | entry */
decl
    : IMPORT STRING {
          $$ = arena_alloc(ls->arena, sizeof *$$);
          $$->kind = DECL_IMPORT;
          $$->span = SP(TOKS($<at>1, $<at>2));
          $$->u.import.path = $2->s;
          $$->u.import.path_span = SP($<at>2);
      }
    | enum_decl
    | entry {
          if ($1) {
              $$ = arena_alloc(ls->arena, sizeof *$$);
              $$->kind = DECL_ENTRY;
              $$->span = SP(AT($1->span.first_off, $1->span.last_off));
              $$->u.entry = $1;
          } else {
              $$ = NULL;
          }
      }
    ;

/* enum -> 'enum' NAME '{' [member { (',' | ';' | newline) member } [sep]] '}'
 * member -> NAME [STRING] | NAME WORD NAME   (`WORD alias MEMBER`: schema.c) */
enum_decl
    : ENUM IDENT '{' enum_body '}' {
          $$ = $4;
          $$->span = SP(TOKS($<at>1, $<at>5));
          $$->u.enm.name = $2;
          $$->u.enm.name_span = SP($<at>2);
      }
    | ENUM IDENT '{' enum_body enum_member '}' {
          $$ = $4;
          ast_push_member(ls->arena, $$, *$5);
          $$->span = SP(TOKS($<at>1, $<at>6));
          $$->u.enm.name = $2;
          $$->u.enm.name_span = SP($<at>2);
      }
    ;

enum_body
    : %empty {
          $$ = arena_alloc(ls->arena, sizeof *$$);
          $$->kind = DECL_ENUM;
      }
    | enum_body enum_member enum_sep {
          $$ = $1;
          ast_push_member(ls->arena, $$, *$2);
      }
    ;

enum_member
    : IDENT {
          $$ = arena_alloc(ls->arena, sizeof *$$);
          *$$ = (EnumMember){.name = $1, .span = SP($<at>1)};
      }
    | IDENT STRING {
          $$ = arena_alloc(ls->arena, sizeof *$$);
          *$$ = (EnumMember){.name = $1, .label = $2->s, .span = SP($<at>1)};
      }
    | IDENT IDENT IDENT {
          $$ = arena_alloc(ls->arena, sizeof *$$);
          *$$ = (EnumMember){.name = $1, .span = SP($<at>1), .marker = $2, .of = $3, .of_span = SP($<at>3)};
      }
    ;

enum_sep: ',' | NEWLINE | ';' ;

/* entry -> key | key values | key [valseq] ['extends' NAME] '{' body '}' */
entry
    : key                                   { $$ = $1; }
    /* values' rules again, for the last value sequence: `entry: values`
     * cost a unit reduction per entry with values (some 28 a course of a
     * batch). values itself is reduced only before a ','. */
    | key items                             { $$ = first_vals(ls, $1, $2, AT(E_FIRST($1), L_LAST($2))); }
    | key ranged                            { $$ = first_vals(ls, $1, $2, AT(E_FIRST($1), L_LAST($2))); }
    | values ',' items                      { $$ = more_vals(ls, $1, $<at>2, $3, AT(E_FIRST($1), L_LAST($3))); }
    | values ',' ranged                     { $$ = more_vals(ls, $1, $<at>2, $3, AT(E_FIRST($1), L_LAST($3))); }
    | header '{' body '}' {
          $$ = $1;
          $$->is_block = true;
          $$->body = *$3;
          $$->open_brace = SP($<at>2);
          $$->span = SP(AT(E_FIRST($1), $<at>4.last_off));
      }
    | '{' body '}' {
          /* A block whose '{' went onto the next line: reported here, then
           * attached to the entry before it (see attach) so parsing goes on. */
          diag_error(ls->diags, SP($<at>1), _("a block's '{' must stand on the same line as its key"));
          diag_help(ls->diags, _("move the '{' up to the end of the previous line"));
          $$ = mkentry(ls, NULL, SP($<at>1), SP(TOKS($<at>1, $<at>3)));
          $$->is_block = true;
          $$->body = *$2;
          $$->open_brace = SP($<at>1);
      }
    | error {
          /* Without LAC, recovery can come back here for ever at the end
           * of the text (a merged state reduces on a lookahead it cannot
           * shift); that parser's result is dropped at its first error
           * anyway (parse.c), so it stops. */
          if (ls->nolac)
              YYABORT;
          $$ = NULL;
          yyerrok;
      }
    ;

key
    : IDENT                                 { $$ = mkentry(ls, $1, SP($<at>1), SP($<at>1)); }
    | FUNC                                  { $$ = mkentry(ls, $1, SP($<at>1), SP($<at>1)); }
    ;

/* A value sequence, valseq -> items | ranged, is written out where it
 * stands (here and in header): a rule of its own, `valseq: items`, cost a
 * reduction per sequence, some 47 a course of a batch. */
values
    : key items                             { $$ = first_vals(ls, $1, $2, AT(E_FIRST($1), L_LAST($2))); }
    | key ranged                            { $$ = first_vals(ls, $1, $2, AT(E_FIRST($1), L_LAST($2))); }
    | values ',' items                      { $$ = more_vals(ls, $1, $<at>2, $3, AT(E_FIRST($1), L_LAST($3))); }
    | values ',' ranged                     { $$ = more_vals(ls, $1, $<at>2, $3, AT(E_FIRST($1), L_LAST($3))); }
    ;

header
    : key
    | key items                             { $$ = add_vals(ls, $1, $2, false); }
    | key ranged                            { $$ = add_vals(ls, $1, $2, false); }
    | key EXTENDS IDENT                     { $$ = add_extends(ls, $1, $3, $<at>3); }
    | key items EXTENDS IDENT               { $$ = add_extends(ls, add_vals(ls, $1, $2, false), $4, $<at>4); }
    | key ranged EXTENDS IDENT              { $$ = add_extends(ls, add_vals(ls, $1, $2, false), $4, $<at>4); }
    ;

/* body -> { entry sep } */
body
    : %empty                                { $$ = arena_alloc(ls->arena, sizeof *$$); }
    | body_list
    | body_list seps
    ;

body_list
    : entry {
          $$ = new_body(ls);
          $$->had_error = !$1;
          if ($1 && $1->key)
              ast_push_entry(ls->arena, $$, $1);
      }
    | body_list seps entry {
          $$ = $1;
          if (!$3)
              $$->had_error = true;
          else if (!$3->key)
              attach($$->n ? $$->items[$$->n - 1] : NULL, $3);
          else
              ast_push_entry(ls->arena, $$, $3);
      }
    ;

/* ranged -> items expr '..' | expr '..' | '..' expr: a value sequence
 * that ends in an open range (valseq, above values) */
ranged
    : items expr DOTDOT {
          $$ = $1;
          ast_push(ls->arena, &$$, mkrange(ls, $2, NULL, SP(((ParseLoc){N_FIRST($2), $<at>3.last_off}))));
      }
    | expr DOTDOT                           { $$ = list1(ls, mkrange(ls, $1, NULL, SP(AT(N_FIRST($1), $<at>2.last_off)))); }
    | DOTDOT expr                           { $$ = list1(ls, mkrange(ls, NULL, $2, SP(AT($<at>1.first_off, N_LAST($2))))); }
    ;

items
    : expr                                  { $$ = list1(ls, $1); }
    | items expr                            { $$ = $1; ast_push(ls->arena, &$$, $2); }
    ;

expr
    : expr OR expr                          { $$ = mkbin(ls, OP_OR, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr AND expr                         { $$ = mkbin(ls, OP_AND, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | NOT expr {
          $$ = mk(ls, N_NOT, SP(AT($<at>1.first_off, N_LAST($2))));
          $$->u.operand = $2;
          $$->depth = $2->depth + 1;
          $$ = fin(ls, $$);
      }
    | expr EQ expr                          { $$ = mkbin(ls, OP_EQ, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr NE expr                          { $$ = mkbin(ls, OP_NE, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr EQ setlit                        { $$ = mkbin(ls, OP_EQ, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr NE setlit                        { $$ = mkbin(ls, OP_NE, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr '<' expr                         { $$ = mkbin(ls, OP_LT, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr LE expr                          { $$ = mkbin(ls, OP_LE, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr '>' expr                         { $$ = mkbin(ls, OP_GT, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr GE expr                          { $$ = mkbin(ls, OP_GE, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr IN expr                          { $$ = mkbin(ls, OP_IN, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr IN setlit                        { $$ = mkbin(ls, OP_IN, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr IN DOTDOT expr                   { $$ = mkbin(ls, OP_IN, $1, mkrange(ls, NULL, $4, SP(((ParseLoc){$<at>3.first_off, N_LAST($4)}))), SP(AT(N_FIRST($1), N_LAST($4)))); }
    | expr DOTDOT expr                      { $$ = mkrange(ls, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr '+' expr                         { $$ = mkbin(ls, OP_ADD, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr '-' expr                         { $$ = mkbin(ls, OP_SUB, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr '*' expr                         { $$ = mkbin(ls, OP_MUL, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | expr '/' expr                         { $$ = mkbin(ls, OP_DIV, $1, $3, SP(AT(N_FIRST($1), N_LAST($3)))); }
    | ALL IDENT IN expr ':' expr            { $$ = mkquant(ls, true, $2, SP($<at>2), $4, $6, SP(AT($<at>1.first_off, N_LAST($6)))); }
    | ALL IDENT IN setlit ':' expr          { $$ = mkquant(ls, true, $2, SP($<at>2), $4, $6, SP(AT($<at>1.first_off, N_LAST($6)))); }
    | ANY IDENT IN expr ':' expr            { $$ = mkquant(ls, false, $2, SP($<at>2), $4, $6, SP(AT($<at>1.first_off, N_LAST($6)))); }
    | ANY IDENT IN setlit ':' expr          { $$ = mkquant(ls, false, $2, SP($<at>2), $4, $6, SP(AT($<at>1.first_off, N_LAST($6)))); }
    | IF expr THEN expr ELSE expr {
          $$ = mk(ls, N_IF, SP(AT($<at>1.first_off, N_LAST($6))));
          $$->u.cond.c = $2;
          $$->u.cond.t = $4;
          $$->u.cond.e = $6;
          $$->depth = 1 + dmax($2->depth, dmax($4->depth, $6->depth));
          $$ = fin(ls, $$);
      }
    | primary WHERE expr {
          $$ = mk(ls, N_WHERE, SP(AT(N_FIRST($1), N_LAST($3))));
          $$->u.where.list = $1;
          $$->u.where.pred = $3;
          $$->depth = 1 + dmax($1->depth, $3->depth);
          $$ = fin(ls, $$);
      }
    | atom
    /* The commonest primaries are expressions of their own: through a rule
     * `expr: primary` each cost a second reduction (some 60 a course of a
     * batch). Before WHERE the parser reduces them to primary instead. */
    | INT                                   { $$ = mkint(ls, $1, $<at>1); }
    | QTY                                   { $$ = mkqty(ls, *$1, $<at>1); }
    | STRING                                { $$ = mkstr(ls, *$1, $<at>1); }
    | IDENT                                 { $$ = mkpath(ls, $1, $<at>1); }
    ;

/* primary -> INT | QTY | STRING | NAME | atom (WHERE's list) */
primary
    : INT                                   { $$ = mkint(ls, $1, $<at>1); }
    | QTY                                   { $$ = mkqty(ls, *$1, $<at>1); }
    | STRING                                { $$ = mkstr(ls, *$1, $<at>1); }
    | IDENT                                 { $$ = mkpath(ls, $1, $<at>1); }
    | atom
    ;

/* The other primaries. */
atom
    : NUMBER                                { $$ = mk(ls, N_NUM, SP($<at>1)); $$->u.num = $1; }
    | BOOL                                  { $$ = mk(ls, N_BOOL, SP($<at>1)); $$->u.b = $1; }
    | DATE                                  { $$ = mk(ls, N_DATE, SP($<at>1)); $$->u.date = $1; }
    | TIME                                  { $$ = mk(ls, N_TIME, SP($<at>1)); $$->u.time = $1; }
    | MDAY                                  { $$ = mk(ls, N_MDAY, SP($<at>1)); $$->u.mday.month = $1.month; $$->u.mday.day = $1.day; }
    | FUNC '(' ')'                          { $$ = mk(ls, N_CALL, SP(TOKS($<at>1, $<at>3))); $$->u.call.name = $1; }
    | FUNC '(' args ')' {
          $$ = mk(ls, N_CALL, SP(TOKS($<at>1, $<at>4)));
          $$->u.call.name = $1;
          $$->u.call.args = $3;
          for (int i = 0; i < $3.n; i++)
              $$->depth = dmax($$->depth, $3.items[i]->depth + 1);
          $$ = fin(ls, $$);
      }
    | '(' expr ')'                          { $$ = $2; $$->span = SP(TOKS($<at>1, $<at>3)); }
    | '(' expr DOTDOT ')'                   { $$ = mkrange(ls, $2, NULL, SP(TOKS($<at>1, $<at>4))); }
    | '(' DOTDOT expr ')'                   { $$ = mkrange(ls, NULL, $3, SP(TOKS($<at>1, $<at>4))); }
    ;

args
    : expr                                  { $$ = list1(ls, $1); }
    | setlit                                { $$ = list1(ls, $1); }
    | args ',' expr                         { $$ = $1; ast_push(ls->arena, &$$, $3); }
    | args ',' setlit                       { $$ = $1; ast_push(ls->arena, &$$, $3); }
    ;

/* setlit -> '{' [expr {',' expr} [',']] '}' */
setlit
    : '{' '}'                               { $$ = mk(ls, N_SET, SP(TOKS($<at>1, $<at>2))); }
    | '{' set_items '}'                     { $$ = mkset(ls, $2, SP(TOKS($<at>1, $<at>3))); }
    | '{' set_items ',' '}'                 { $$ = mkset(ls, $2, SP(TOKS($<at>1, $<at>4))); }
    ;

set_items
    : expr                                  { $$ = list1(ls, $1); }
    | set_items ',' expr                    { $$ = $1; ast_push(ls->arena, &$$, $3); }
    ;

%%

/* The tokens' aliases above that describe a token rather than spell it:
 * words of messages, translated (base/i18n.h). Keywords ("import", "and")
 * are the language's own and stay as they are. */
static const char *const token_words[] = {
    N_("yes or no"), N_("name"), N_("function call"), N_("string"), N_("whole number"), N_("number"),
    N_("quantity"), N_("date"), N_("time"), N_("month-day"), N_("end of line"), N_("start of expression"),
};

/* How a token is named in messages: its alias without quotes ("end of
 * line", "name"), or a character token in quotes (',' ). */
static const char *tok_name(yysymbol_kind_t k, char *buf, size_t n)
{
    const char *s = yysymbol_name(k);
    size_t len = strlen(s);
    if (len >= 2 && s[0] == '"') {
        snprintf(buf, n, "%.*s", (int)(len - 2), s + 1);
        /* Operators read better quoted: '..', '=='. */
        if (buf[0] && !(buf[0] >= 'a' && buf[0] <= 'z')) {
            char tmp[64];
            snprintf(tmp, sizeof tmp, "'%s'", buf);
            snprintf(buf, n, "%s", tmp);
        }
        for (size_t i = 0; i < sizeof token_words / sizeof *token_words; i++)
            if (strcmp(buf, token_words[i]) == 0)
                return _(token_words[i]);
        return buf;
    }
    if (k == YYSYMBOL_YYEOF)
        return _("end of file");
    /* Operators read better quoted: '..', '=='. */
    if (len && !(s[0] >= 'a' && s[0] <= 'z') && s[0] != '\'') {
        snprintf(buf, n, "'%s'", s);
        return buf;
    }
    return s;
}

/* file:line:col: error: expected X or Y, found Z — plus targeted advice for
 * the mistakes people make (LANGUAGE.md §8). */
static int report_syntax_error(const yypcontext_t *ctx, LexState *ls)
{
    if (ls->fatal)
        return 0;
    ls->syntax_errors++;
    yysymbol_kind_t found = yypcontext_token(ctx);
    const Span here = SP(*ls->tok_at); /* the lookahead's */
    const Span *loc = &here;
    enum { MAXEXP = 8 };
    yysymbol_kind_t exp[MAXEXP];
    int n = yypcontext_expected_tokens(ctx, exp, MAXEXP);
    char fb[64];
    const char *found_name = tok_name(found, fb, sizeof fb);

    /* A list continued after a trailing comma into something that is not
     * a value: say so rather than "expected name". */
    if (ls->prev_tok == ',' && src_breaks(ls->src, ls->comma_end, loc->first_off)) {
        diag_error(ls->diags, *loc, _("trailing comma: the list continues on the next line"));
        diag_help(ls->diags, _("remove the ',' at the end of the previous line, or continue the list here"));
        return 0;
    }
    if (found == YYSYMBOL_YYerror)
        return 0; /* the lexer reported it */

    /* An unclosed '(' swallows the newlines after it: report the opener
     * and make newlines count again, so recovery stops at the line's end. */
    if (ls->nbraces > 0 && ls->brace_kind[ls->nbraces - 1] == '(' &&
        src_breaks(ls->src, ls->braces[ls->nbraces - 1].first_off, loc->first_off)) {
        diag_error(ls->diags, ls->braces[ls->nbraces - 1], _("'(' is never closed"));
        diag_help(ls->diags, _("add the matching ')' on the same line"));
        while (ls->nbraces > 0 && ls->brace_kind[ls->nbraces - 1] == '(')
            ls->nbraces--;
        ls->paren_depth = 0;
        return 0;
    }
    for (int i = 0; i < n; i++)
        if (exp[i] == YYSYMBOL_ELSE) {
            diag_error(ls->diags, *loc, _("'if' needs an 'else': if CONDITION then A else B"));
            return 0;
        }
    if (ls->prev_tok == TOK_DOTDOT) {
        diag_error(ls->diags, *loc, _("an open range inside an expression needs parentheses"));
        diag_help(ls->diags, _("write (1..) or (..8)"));
        return 0;
    }

    char msg[512];
    if (found == YYSYMBOL_YYEOF && ls->nbraces > 0 && ls->brace_kind[ls->nbraces - 1] == '{') {
        diag_error(ls->diags, *loc, _("unexpected end of file: '}' expected"));
        diag_note(ls->diags, ls->braces[ls->nbraces - 1], _("to close the '{' opened here"));
        return 0;
    }
    if (found == YYSYMBOL_YYEOF && ls->nbraces > 0) {
        diag_error(ls->diags, *loc, _("unexpected end of file: ')' expected"));
        diag_note(ls->diags, ls->braces[ls->nbraces - 1], _("to close the '(' opened here"));
        return 0;
    }
    if (n > 0 && n <= MAXEXP - 1) {
        /* "expected A, B or C, found D": all but the last expected token
         * joined by commas, the sentence whole (base/i18n.h). */
        char list[400];
        int len = 0;
        list[0] = '\0';
        for (int i = 0; i < n - 1 && len < (int)sizeof list - 80; i++) {
            char eb[64];
            len += snprintf(list + len, sizeof list - (size_t)len, "%s%s", i == 0 ? "" : ", ",
                            tok_name(exp[i], eb, sizeof eb));
        }
        char eb[64];
        const char *last = tok_name(exp[n - 1], eb, sizeof eb);
        if (n == 1)
            snprintf(msg, sizeof msg, _("expected %s, found %s"), last, found_name);
        else
            /* TRANSLATORS: "expected name, string or number, found end of line" */
            snprintf(msg, sizeof msg, _("expected %s or %s, found %s"), list, last, found_name);
    } else {
        snprintf(msg, sizeof msg, _("unexpected %s"), found_name);
    }
    diag_error(ls->diags, *loc, "%s", msg);

    /* Point back at the opener of an unclosed brace (Lua's "to close"). */
    if (found == YYSYMBOL_YYEOF && ls->nbraces > 0) {
        Span open = ls->braces[ls->nbraces - 1];
        diag_note(ls->diags, open, _("to close the '%c' opened here"), ls->brace_kind[ls->nbraces - 1]);
    } else if (strcmp(found_name, "','") == 0 && ls->nbraces > 0 && ls->brace_kind[ls->nbraces - 1] == '{') {
        diag_help(ls->diags, _("'{' after a key opens a block of entries; a list is written without braces: key a, b"));
    }
    if (found == YYSYMBOL_EQ || found == YYSYMBOL_NE || found == YYSYMBOL_LE || found == YYSYMBOL_GE ||
        strcmp(found_name, "'<'") == 0 || strcmp(found_name, "'>'") == 0)
        diag_help(ls->diags, _("comparisons do not chain: write a < b and b < c, or b in a..c"));
    else if (strcmp(found_name, "'-'") == 0)
        diag_help(ls->diags, _("there is no unary minus: write the comparison the other way round, or 0 - x"));
    return 0;
}

/* Each syntax error counts toward the error cap; at the cap the parse
 * stops, as the lexer's errors stop it, instead of building on. */
static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, LexState *ls)
{
    (void)scanner;
    if (ls->nolac) {
        /* The LAC parser reads the text again and reports (parse.c). */
        ls->syntax_errors++;
        return 0;
    }
    int r = report_syntax_error(ctx, ls);
    at_cap(ls);
    return r;
}

static void yyerror(yyscan_t scanner, LexState *ls, const char *msg)
{
    (void)scanner;
    if (ls->fatal)
        return;
    ls->syntax_errors++;
    const Span here = SP(*ls->tok_at); /* the lookahead's */
    if (strcmp(msg, "memory exhausted") == 0)
        diag_error(ls->diags, here, _("nesting is too deep to parse (more than %d levels)"), PARSE_MAX_DEPTH);
    else
        diag_error(ls->diags, here, "%s", msg);
    at_cap(ls);
}
