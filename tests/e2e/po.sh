#!/usr/bin/env bash
# tests/e2e/po.sh RAMME — no word the engine prints goes untranslated
# (TOOLS.md §6, base/i18n.h):
#   - po/da.po is complete: msgfmt --statistics reports no untranslated and
#     no fuzzy message, and it holds no obsolete (#~) one;
#   - po/ramme.pot is up to date: the messages xgettext finds in the sources
#     now (make pot into a temporary file) are the ones it holds, and da.po
#     translates exactly those;
#   - no message is left unmarked: no call of diag_error, diag_error_file,
#     diag_warning, diag_note, diag_help, fprintf, cli_bad_usage, cli_error,
#     cli_warning or cli_help in src/, grammar/parser.y or grammar/lexer.l,
#     nor of the scanner's ERR (its diag_error, in grammar/lexer.l only),
#     passes as its format a bare string literal holding a word (two letters
#     or more, the program's name "ramme", printf conversions and escapes
#     aside) outside _(), P_() or N_(). Every file is checked. The checker is
#     seen to catch planted calls, in C and in a flex file.
# Prints "po: N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL po: $*"; fail=$((fail + 1)); }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ramme-po.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

for tool in msgfmt msgcat xgettext; do
  command -v "$tool" >/dev/null || { bad "$tool is missing (make deps installs gettext)"; echo "po: $pass passed, $fail failed"; exit 1; }
done

# 1. The catalogue is complete.
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$root/po/da.po" 2>&1)
if [[ $stats =~ ^[0-9]+\ translated\ messages?\.$ ]]; then ok; else bad "po/da.po: $stats"; fi
if grep -q '^#~' "$root/po/da.po"; then bad "po/da.po holds obsolete messages (#~): remove them"; else ok; fi

# 2. The template holds the sources' messages, and da.po translates those.
ids() { msgcat --no-wrap --no-location --sort-output "$1" | grep -E '^(msgctxt|msgid|msgid_plural) ' | sed '1{/^msgid ""$/d}'; }
if make --no-print-directory -s -C "$root" pot POT="$tmp/ramme.pot" >"$tmp/xgettext.log" 2>&1; then
  ids "$tmp/ramme.pot" >"$tmp/now"; ids "$root/po/ramme.pot" >"$tmp/pot"; ids "$root/po/da.po" >"$tmp/da"
  if diff -u --label 'po/ramme.pot' --label 'the sources now' "$tmp/pot" "$tmp/now" >"$tmp/d1"; then ok
  else bad "po/ramme.pot is stale: run make pot, then msgmerge --update --no-fuzzy-matching po/da.po po/ramme.pot and translate"; sed 's/^/    /' "$tmp/d1" | head -n 20; fi
  if diff -u --label 'po/ramme.pot' --label 'po/da.po' "$tmp/pot" "$tmp/da" >"$tmp/d2"; then ok
  else bad "po/da.po does not translate exactly po/ramme.pot's messages"; sed 's/^/    /' "$tmp/d2" | head -n 20; fi
else
  bad "make pot failed"; sed 's/^/    /' "$tmp/xgettext.log" | head -n 10
fi

# 3. No message without _().
cat >"$tmp/check.py" <<'PY'
import os, re, sys
FMT = {'diag_error': 2, 'diag_warning': 2, 'diag_note': 2, 'diag_error_file': 2, 'diag_help': 1,
       'fprintf': 1, 'cli_bad_usage': 0, 'cli_error': 0, 'cli_warning': 0, 'cli_help': 0,
       'ERR': 0}
# The scanner's macro (grammar/lexer.l: ERR(FORMAT, ...) is its diag_error):
# a call only in a flex file, where the name means that.
LEX_ONLY = {'ERR'}
call_re = re.compile(r'\b(' + '|'.join(sorted(FMT, key=len, reverse=True)) + r')\s*\(')
lit_re = re.compile(r'"((?:[^"\\]|\\.)*)"')
spec_re = re.compile(r'%[-+ #0-9.*]*(?:hh|h|ll|l|z|j|t)?[diouxXeEfgGcsp%]|\\[nt"\\]')

def skip_string(s, i):
    q = s[i]; j = i + 1
    while j < len(s) and s[j] != q:
        j += 2 if s[j] == '\\' else 1
    return j + 1

def blank_comments(s):
    out = []; i = 0
    while i < len(s):
        if s.startswith('/*', i):
            j = s.find('*/', i + 2); j = len(s) if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', s[i:j])); i = j
        elif s.startswith('//', i):
            j = s.find('\n', i); j = len(s) if j < 0 else j
            out.append(' ' * (j - i)); i = j
        elif s[i] in '"\'':
            j = skip_string(s, i); out.append(s[i:j]); i = j
        else:
            out.append(s[i]); i += 1
    return ''.join(out)

def args_of(s, i):
    depth = 0; start = i + 1; j = i; args = []
    while j < len(s):
        c = s[j]
        if c in '"\'':
            j = skip_string(s, j); continue
        if c in '([{': depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append(s[start:j]); return args
        elif c == ',' and depth == 1:
            args.append(s[start:j]); start = j + 1
        j += 1
    return args

def strip_marked(arg):
    out = []; i = 0
    for m in re.finditer(r'\b(?:_|P_|N_|NC_)\s*\(', arg):
        if m.start() < i:
            continue
        out.append(arg[i:m.start()])
        depth = 0; j = m.end() - 1
        while j < len(arg):
            c = arg[j]
            if c == '"':
                j = skip_string(arg, j); continue
            if c == '(': depth += 1
            elif c == ')':
                depth -= 1
                if depth == 0:
                    break
            j += 1
        i = j + 1
    out.append(arg[i:])
    return ' '.join(out)

def words_in(arg):
    text = ' '.join(lit_re.findall(strip_marked(arg)))
    return [w for w in re.findall(r'[A-Za-z]{2,}', spec_re.sub(' ', text)) if w != 'ramme']

paths = []
for top in sys.argv[1].split():
    if os.path.isfile(top):
        paths.append(top)
    for root, _, files in os.walk(top):
        paths += [os.path.join(root, f) for f in sorted(files) if f.endswith('.c')]
for p in paths:
    s = blank_comments(open(p, encoding='utf-8').read())
    for m in call_re.finditer(s):
        if m.group(1) in LEX_ONLY and not p.endswith('.l'):
            continue
        line_start = s.rfind('\n', 0, m.start()) + 1
        if re.match(r'\s*(?:void|int|static|Block|#)\b', s[line_start:m.start()]):
            continue  # a declaration or a definition
        args = args_of(s, m.end() - 1)
        k = FMT[m.group(1)]
        if k < len(args) and words_in(args[k]):
            line = s.count('\n', 0, m.start()) + 1
            print(f'{p}:{line}: {m.group(1)}: a message without _(): {" ".join(args[k].split())[:70]}')
PY
out=$(cd "$root" && python3 "$tmp/check.py" "src grammar/parser.y grammar/lexer.l")
if [ -z "$out" ]; then ok; else bad "messages not marked for translation:"; printf '%s\n' "$out" | sed 's/^/    /'; fi

# The checker catches a planted bare message, and passes the marked forms.
mkdir -p "$tmp/plant"
cat >"$tmp/plant/bad.c" <<'C'
static void f(Diags *d, Span sp, const char *x)
{
    diag_error(d, sp, "unknown key '%s'", x);
    fprintf(stderr, "%s: cannot write\n", x);
}
C
cat >"$tmp/plant/good.c" <<'C'
static void f(Diags *d, Span sp, const char *x, int n)
{
    diag_error(d, sp, _("unknown key '%s'"), x);
    diag_help(d, "%s", _("a help line"));
    fprintf(out, P_("%d session (%s)", "%d sessions (%s)", (unsigned long)n), n, x);
    fprintf(out, "  %s%-7s\n", x, x);
    fprintf(stderr, "ramme: %s: ", x);
}
C
# In a flex file: the scanner's ERR, bare and marked, after patterns that
# write their quotes \x22; the macro's definition is no call. ERR in C is
# some other name.
cat >"$tmp/plant/bad.l" <<'L'
%{
#define ERR(...) do { diag_error(S->diags, *yylloc, __VA_ARGS__); return TOK_YYerror; } while (0)
%}
%%
\x22([^\x22\\\r\n]|\\[^\r\n])*\\? { STEP_TEXT; ERR("unterminated string"); }
"."                 { STEP_ASCII; ERR(_("unexpected '.'")); }
.                   { STEP_TEXT; ERR("unexpected character '%c'", yytext[0]); }
L
cat >>"$tmp/plant/good.c" <<'C'
static int g(void) { return ERR("not the scanner's"); }
C
planted=$(cd "$tmp/plant" && python3 "$tmp/check.py" "bad.c good.c bad.l")
if [ "$(grep -c 'bad\.c' <<<"$planted")" = 2 ] && [ "$(grep -c '^bad\.l:[57]: ERR' <<<"$planted")" = 2 ] &&
   [ "$(grep -c 'bad\.l' <<<"$planted")" = 2 ] && ! grep -q 'good\.c' <<<"$planted"; then ok
else bad "the checker does not tell a planted bare message from marked ones:"; printf '%s\n' "$planted" | sed 's/^/    /'; fi

echo "po: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
