#!/usr/bin/env bash
# tests/e2e/vscode.sh RAMME — the VS Code extension (editors/vscode/) without
# npm: its JSON files parse; the TextMate grammar names every keyword the
# scanner knows (grammar/lexer.l's IS("...")), and each of its patterns is a
# regular expression Python can compile once Oniguruma's \p{L} and \p{N} are
# spelt as Python spells them; package.json starts `ramme lsp` from the
# ramme.path setting. When editors/vscode/node_modules is there (make
# vscode), the grammar's own test tokenizes a sample with vscode-textmate.
# Prints "vscode: N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$root/editors/vscode
pass=0 fail=0
out=$(cd "$root" && python3 - <<'PY'
import json, re
d = "editors/vscode/"
problems = []
docs = {}
for f in ("package.json", "language-configuration.json", "syntaxes/ramme.tmLanguage.json"):
    try:
        docs[f] = json.load(open(d + f, encoding="utf-8"))
    except Exception as e:
        problems.append(f"{f}: {e}")
g = docs.get("syntaxes/ramme.tmLanguage.json", {})
pats = []
def walk(x):
    if isinstance(x, dict):
        for k in ("match", "begin", "end"):
            if k in x:
                pats.append(x[k])
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(g)
for p in pats:
    try:
        re.compile(p.replace(r"\p{L}", "a-zA-Z\u00c0-\uffff").replace(r"\p{N}", "0-9"))
    except re.error as e:
        problems.append(f"grammar pattern {p!r}: {e}")
lexer = open("grammar/lexer.l", encoding="utf-8").read()
words = set(re.findall(r'IS\("([a-z]+)"\)', lexer))
text = json.dumps(g)
for w in sorted(words):
    if not re.search(r"\b" + w + r"\b", text):
        problems.append(f"grammar: the keyword {w} is not highlighted")
pkg = docs.get("package.json", {})
if pkg.get("contributes", {}).get("configuration", {}).get("properties", {}).get("ramme.path", {}).get("default") != "ramme":
    problems.append("package.json: no ramme.path setting defaulting to ramme")
ext = open(d + "extension.js", encoding="utf-8").read()
if '"lsp"' not in ext or 'get("path")' not in ext:
    problems.append("extension.js does not start `ramme lsp` from ramme.path")
print("\n".join(problems))
PY
)
if [ -z "$out" ]; then pass=$((pass + 1)); else echo "FAIL vscode:"; printf '%s\n' "$out" | sed 's/^/    /'; fail=$((fail + 1)); fi
if [ -d "$dir/node_modules/vscode-textmate" ] && command -v node >/dev/null; then
  if (cd "$dir" && node test/grammar.test.js); then pass=$((pass + 1)); else fail=$((fail + 1)); fi
fi
echo "vscode: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
