#!/usr/bin/env python3
"""bench/floor/derive.py — the parse-only floor's grammar and scanner, derived from ramme's own
(issue 20: "ramme's one-core time within 2x of the parse-only floor of its own grammar").

    python3 bench/floor/derive.py grammar/parser.y grammar/lexer.l OUTDIR
    python3 bench/floor/derive.py --same-tables FLOOR_PARSER.c RAMME_PARSER_NOLAC.c

The first writes OUTDIR/parser.y and OUTDIR/lexer.l (the Makefile's `$(BUILD)/floor` runs bison and flex on
them exactly as on the real files, and bench/floor/floor.c drives them). Nothing is copied by hand:
a change to grammar/ reaches the floor at the next build, and an edit below that no longer finds the
text it changes fails the build, so the floor cannot drift silently.

The grammar (OUTDIR/parser.y): the same tokens, precedence and rules, with
  - every action removed from the rules (there are no mid-rule actions today; one would go too),
    except that the `entry: error` alternative aborts the parse, as ramme's LAC-free parser does at
    its first error (without LAC that recovery can loop at the end of the text);
  - no locations: ramme's values carry their token's place beside them (`ParseVal`, parse.h: bison
    keeps no location stack there either); the floor's are `ParseValue`, the values alone;
  - no `%type` (no nonterminal carries a value: the default `$$ = $1` would clash in type);
  - `%code` reduced to the scanner's prototype (without a location) and YYMAXDEPTH; the epilogue
    (ramme's syntax-error messages) replaced by two functions that only count errors.
LAC goes with bison's NOLAC_FLAGS (the Makefile), as for ramme's parser_nolac.c. The second
form fails unless bison made the same automaton for both (the action, goto, reduction and token
translation tables): the Makefile runs it after generating the floor's parser.

The scanner (OUTDIR/lexer.l): grammar/lexer.l with its patterns, rules and actions as they are, so
the floor tokenises what ramme tokenises (the same keywords, quantities, dates, the same errors
returned as YYerror), except for what only positions and token values need:
  - `bison-locations` off: there is no location to fill; `yylloc` in the actions is a local ParseLoc of
    yylex that nothing reads;
  - the STEP_*/SKIP_* macros move no position (the byte offset), LESS is flex's yyless alone,
    and no token's place is kept for messages (a comma's end, comma_end);
  - a name's token value is not copied into the arena (nor made NFC), nor is a plain string's: the
    value points into the scanner's buffer, which the floor parser never reads.
The newline rule's own offset arithmetic stays (a few additions a line).
"""
import re
import sys


def skip_braced(text, i):
    """Index just past the '}' that closes the '{' at text[i], reading C: strings, character
    constants and comments may hold braces."""
    assert text[i] == "{"
    depth = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        elif c in "\"'":
            i += 1
            while text[i] != c:
                i += 2 if text[i] == "\\" else 1
        elif text.startswith("/*", i):
            i = text.index("*/", i + 2) + 1
        elif text.startswith("//", i):
            i = text.index("\n", i)
        i += 1
    sys.exit("derive.py: unbalanced braces")


def once(text, old, new, what, count=1):
    """text with `old` replaced by `new`, failing unless `old` occurs exactly `count` times."""
    got = text.count(old)
    if got != count:
        sys.exit(f"derive.py: {what}: found {got} times, expected {count}: {old!r} (grammar changed? "
                 f"update bench/floor/derive.py)")
    return text.replace(old, new)


FLOOR_PROVIDES = """%code provides {
/* The floor's scanner takes no location (bench/floor/derive.py). */
#define YY_DECL int yylex(YYSTYPE *yylval_param, yyscan_t yyscanner)
YY_DECL;
}"""

FLOOR_EPILOGUE = """
/* The floor reports nothing: it counts syntax errors, and bench/floor/floor.c fails on any. */
static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, LexState *ls)
{
    (void)ctx;
    (void)scanner;
    ls->syntax_errors++;
    return 0;
}

static void yyerror(yyscan_t scanner, LexState *ls, const char *msg)
{
    (void)scanner;
    (void)msg;
    ls->syntax_errors++;
}
"""


def derive_grammar(y):
    head, rules, _epilogue = y.split("\n%%\n")
    # The declarations: %code blocks by their braces, the rest line by line.
    out = []
    i = 0
    seen = set()
    while i < len(head):
        m = re.compile(r"%code(?: (\w+))? \{").search(head, i)
        j = m.start() if m else len(head)
        for line in head[i:j].splitlines(keepends=True):
            if line.startswith("%locations") or line.startswith("%define api.location.type"):
                sys.exit("derive.py: parser.y has a location stack again: drop it here too")
            if line.startswith("%define api.value.type {ParseVal}"):
                seen.add("%define api.value.type")
                out.append("%define api.value.type {ParseValue} /* floor: no place beside the value */\n")
                continue
            if line.startswith("%type"):
                seen.add("%type")
                continue
            out.append(line)
        if not m:
            break
        end = skip_braced(head, m.end() - 1)
        kind = m.group(1) or "code"
        seen.add(kind)
        if kind == "requires":
            out.append(head[m.start():end])
        elif kind == "provides":
            out.append(FLOOR_PROVIDES)
        else:
            depth = re.search(r"#define YYMAXDEPTH \d+", head[m.start():end])
            if not depth:
                sys.exit("derive.py: no YYMAXDEPTH in parser.y's %code")
            out.append("%code {\n" + depth.group(0) + "\n"
                       "static void yyerror(yyscan_t scanner, LexState *ls, const char *msg);\n}")
        i = end
    want = {"%define api.value.type", "%type", "requires", "provides", "code"}
    if seen != want:
        sys.exit(f"derive.py: parser.y's declarations changed: missing {sorted(want - seen)}")

    # The rules: every action out, but the error alternative's (see the docstring).
    r = []
    i = 0
    errors = 0
    while i < len(rules):
        c = rules[i]
        if c == "{":
            end = skip_braced(rules, i)
            if re.search(r"\berror\s*$", "".join(r[-40:])):
                r.append("{ YYABORT; }")
                errors += 1
            i = end
            continue
        if c in "'\"":
            k = i + 1
            while rules[k] != c:
                k += 2 if rules[k] == "\\" else 1
            r.append(rules[i:k + 1])
            i = k + 1
            continue
        if rules.startswith("/*", i):
            k = rules.index("*/", i) + 2
            r.append(rules[i:k])
            i = k
            continue
        r.append(c)
        i += 1
    body = "".join(r)
    body = re.sub(r"[ \t]+\n", "\n", body)
    if errors != 1:
        sys.exit(f"derive.py: expected one `error` alternative in parser.y, found {errors}")
    if re.search(r"[$@]", re.sub(r"/\*.*?\*/", "", body, flags=re.S)):
        sys.exit("derive.py: a $ or @ is left in the rules")
    return ("/* Derived from grammar/parser.y by bench/floor/derive.py for the parse-only floor: "
            "do not edit. */\n" + "".join(out) + "\n%%\n" + body + "\n%%\n" + FLOOR_EPILOGUE)


FLOOR_MACROS = r"""
/* The parse-only floor (bench/floor/derive.py): no positions. A token's
 * place is neither counted nor kept; `yylloc` is a local of yylex that
 * nothing reads. */
#define yylloc (&floor_where)
#undef SKIP_ASCII
#undef STEP_ASCII
#undef SKIP_TEXT
#undef STEP_TEXT
#undef LESS
#undef RET
#define SKIP_ASCII do { } while (0)
#define STEP_ASCII do { } while (0)
#define SKIP_TEXT do { } while (0)
#define STEP_TEXT do { } while (0)
#define LESS(n) yyless(n)
#define RET(t) do { S->prev_tok = S->last_tok; S->last_tok = (t); return (t); } while (0)
"""


def derive_lexer(lx):
    lx = once(lx, "%option reentrant bison-bridge bison-locations\n", "%option reentrant bison-bridge\n",
              "the scanner's options")
    err = re.search(r"^#define ERR\(.*\n", lx, flags=re.M)
    if not err:
        sys.exit("derive.py: no ERR macro in lexer.l")
    lx = lx[:err.end()] + FLOOR_MACROS + lx[err.end():]
    # The one place kept for messages (report_syntax_error's "trailing comma").
    lx = once(lx, "S->comma_end = yylloc->last_off; ", "", "a comma's end")
    # A fatal scanner error's place (lex_fatal): there is no yylloc to read.
    lx = once(lx, "parse_span(ls, *yyget_lloc(scanner))", "span_none()", "a fatal error's place")
    lx = once(lx, """    char *p;
    if (!ascii || n >= 16 || !s->text_in_arena || !(p = arena_bump(s->arena, 16)))
        return ident_token_slow(s, text, n, call, ascii, lval, loc);
    memcpy(p, text, 16); /* lex_scan_text's copy has 16 bytes' room after the text */
    p[n] = '\\0';
    return name_token(s, p, call, lval);""",
              """    (void)ascii, (void)loc;
    return name_token(s, text, call, lval); /* floor: no copy */""", "a name's value")
    lx = once(lx, "str_lit(S, yylval, arena_strndup(S->arena, body, n), NULL);",
              "str_lit(S, yylval, body, NULL); /* floor: no copy */", "a plain string's value")
    # A string's and a quantity's literal: not kept in the arena either.
    lx = once(lx, """    StrLit *v = arena_alloc_raw(s->arena, sizeof *v);
    *v = (StrLit){str, form};
    lval->TOK_STRING = v;""", """    (void)s, (void)str, (void)form;
    lval->TOK_STRING = NULL; /* floor: no literal */""", "a string's literal")
    lx = once(lx, """    QtyLit *v = arena_alloc_raw(s->arena, sizeof *v);
    *v = (QtyLit){num, unit};
    lval->TOK_QTY = v;""", """    (void)s, (void)num, (void)unit;
    lval->TOK_QTY = NULL; /* floor: no literal */""", "a quantity's literal")
    # Where the parser finds the lookahead's place for a message: the floor reports none.
    lx = once(lx, "    S->tok_at = yylloc;\n", "", "the lookahead's place")
    # The local that `yylloc` names, first in the code flex runs at each yylex call.
    rules_at = lx.index("\n%%\n") + 4
    start = lx.index("%{\n", rules_at)
    if lx[rules_at:start].strip():
        sys.exit("derive.py: lexer.l's rules no longer start with a %{ block")
    lx = lx[:start + 3] + "    ParseLoc floor_where; /* the floor keeps no position */\n" + lx[start + 3:]
    return ("/* Derived from grammar/lexer.l by bench/floor/derive.py for the parse-only floor: "
            "do not edit. */\n" + lx)


TABLES = ("yytranslate", "yypact", "yydefact", "yypgoto", "yydefgoto", "yytable", "yycheck", "yystos",
          "yyr1", "yyr2")


def tables(path):
    with open(path, encoding="utf-8") as f:
        c = f.read()
    got = {}
    for name in TABLES:
        m = re.search(r"static const \w+ " + name + r"\[\] =\s*\{(.*?)\};", c, flags=re.S)
        if not m:
            sys.exit(f"derive.py: no table {name} in {path}")
        got[name] = re.sub(r"\s+", "", m.group(1))
    return got


def same_tables(floor_c, real_c):
    a, b = tables(floor_c), tables(real_c)
    differ = [name for name in TABLES if a[name] != b[name]]
    if differ:
        sys.exit(f"derive.py: the floor's automaton differs from ramme's ({', '.join(differ)}): "
                 f"{floor_c} against {real_c}")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--same-tables":
        same_tables(sys.argv[2], sys.argv[3])
        return
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    y_path, l_path, out = sys.argv[1:]
    with open(y_path, encoding="utf-8") as f:
        y = derive_grammar(f.read())
    with open(l_path, encoding="utf-8") as f:
        lx = derive_lexer(f.read())
    with open(f"{out}/parser.y", "w", encoding="utf-8") as f:
        f.write(y)
    with open(f"{out}/lexer.l", "w", encoding="utf-8") as f:
        f.write(lx)


if __name__ == "__main__":
    main()
