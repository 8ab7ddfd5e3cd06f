#!/usr/bin/env bash
# tests/e2e/layout.sh RAMME — the source tree keeps the shape src/README.md
# draws:
#   - every file of src/ lies in a stage folder, and includes only headers of
#     its own stage or of stages below it (base < front < model < engine <
#     apps < emit < lsp < cli), each named with its folder;
#   - no include circle between modules (NAME.c with NAME.h);
#   - the library never prints: no object of libramme.a (beside RAMME) refers
#     to stdout or stderr;
#   - one emitter layer (src/emit/): every JSON document goes through the
#     streaming writer, so no file of src/ dumps a jansson tree (json_dump*)
#     and emit/ and cli/ use no jansson at all; cli/ writes no report of its
#     own (no printf, puts or putchar, no fprintf/fputs/fputc/fwrite to
#     stdout: it hands stdout to an emitter); the colours' escape sequences
#     and the status and severity words are spelt in emit/words.c only (in
#     code, not comments).
# Prints "layout: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
lib=$(dirname "$ramme")/libramme.a
pass=0 fail=0

out=$(cd "$root" && python3 - <<'PY'
import os, re, sys
stages = ["base", "front", "model", "engine", "apps", "emit", "lsp", "cli"]
rank = {s: i for i, s in enumerate(stages)}
inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
graph, problems = {}, []
for dirpath, _, names in os.walk("src"):
    for name in sorted(names):
        if not name.endswith((".c", ".h")):
            continue
        path = os.path.join(dirpath, name)
        parts = path.split(os.sep)
        if len(parts) != 3 or parts[1] not in rank:
            problems.append(f"{path}: not in a stage folder ({', '.join(stages)})")
            continue
        stage, module = parts[1], parts[1] + "/" + name[:-2]
        graph.setdefault(module, set())
        for target in inc.findall(open(path, encoding="utf-8").read()):
            if target in ("parser.h", "lexer.h"):      # generated: the front end's own
                if stage != "front":
                    problems.append(f"{path}: includes the generated {target}")
                continue
            tparts = target.split("/")
            if len(tparts) != 2 or tparts[0] not in rank:
                problems.append(f"{path}: #include \"{target}\" does not name a stage folder")
                continue
            if rank[tparts[0]] > rank[stage]:
                problems.append(f"{path}: {stage}/ includes {target}, a later stage")
            tmod = target[:-2]
            if tmod != module:
                graph[module].add(tmod)
# Cycles between modules (depth-first search, iterative).
state, cycles = {}, []
for start in sorted(graph):
    if state.get(start):
        continue
    stack = [(start, iter(sorted(graph[start])))]
    path = [start]
    state[start] = 1
    while stack:
        node, it = stack[-1]
        nxt = next(it, None)
        if nxt is None:
            state[node] = 2
            stack.pop()
            path.pop()
            continue
        if state.get(nxt) == 1:
            cycles.append(" -> ".join(path[path.index(nxt):] + [nxt]))
        elif not state.get(nxt):
            state[nxt] = 1
            stack.append((nxt, iter(sorted(graph.get(nxt, ())))))
            path.append(nxt)
for c in cycles:
    problems.append(f"include circle: {c}")
print("\n".join(problems))
PY
)
if [ -z "$out" ]; then pass=$((pass + 1)); else echo "FAIL layout:"; printf '%s\n' "$out" | sed 's/^/    /'; fail=$((fail + 1)); fi

# One emitter layer. Comments and character constants are blanked first;
# string literals are kept for the word check and blanked for the others.
out=$(cd "$root" && python3 - <<'PY'
import os, re
def strip(text, keep_strings):
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2); j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif text.startswith("//", i):
            j = text.find("\n", i); j = n if j < 0 else j
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            lit = text[i:j + 1]
            out.append(lit if keep_strings and c == '"' else c + " " * max(0, len(lit) - 2) + c); i = j + 1
        else:
            out.append(c); i += 1
    return "".join(out)
words = ["FAIL", "fail", "pass", "unknown", "n/a", "not_applicable", "not judged",
         "error", "warning", "advice", "eligible", "ineligible", "review"]
word_re = re.compile(r'"(' + "|".join(re.escape(w) for w in words) + r')"')
problems = []
for dirpath, _, names in os.walk("src"):
    for name in sorted(names):
        if not name.endswith((".c", ".h")):
            continue
        path = os.path.join(dirpath, name)
        stage = path.split(os.sep)[1]
        raw = open(path, encoding="utf-8").read()
        code, lits = strip(raw, False), strip(raw, True)
        def at(m, text=code):
            return f"{path}:{text.count(chr(10), 0, m.start()) + 1}"
        for m in re.finditer(r"\bjson_dump\w*\s*\(", code):
            problems.append(f"{at(m)}: dumps a jansson tree: write JSON with emit/jsonw.h")
        if stage in ("emit", "cli"):
            for m in re.finditer(r"\bjson_\w+|#\s*include\s*<jansson\.h>", code):
                problems.append(f"{at(m)}: {m.group(0)}: {stage}/ writes JSON with emit/jsonw.h only")
        if stage == "cli":
            for m in re.finditer(r"\b(printf|puts|putchar)\s*\(|\b(fprintf|fputs|fputc|fwrite)\s*\([^;]*\bstdout\b", code):
                problems.append(f"{at(m)}: cli/ writes to stdout itself: a report is an emitter's (src/emit/)")
        if path != os.path.join("src", "emit", "words.c"):
            for m in re.finditer(r"\\033\[|\\x1[bB]\[|\\e\[", lits):
                problems.append(f"{at(m, lits)}: a colour of its own: use words_paint (emit/words.h)")
            # lsp/ is left out: "error" and "result" there are JSON-RPC's
            # member names, not words a person reads.
            if stage in ("emit", "cli"):
                for m in word_re.finditer(lits):
                    problems.append(f"{at(m, lits)}: the word {m.group(0)} spelt here: take it from emit/words.h")
print("\n".join(problems))
PY
)
if [ -z "$out" ]; then pass=$((pass + 1)); else echo "FAIL layout (emitters):"; printf '%s\n' "$out" | sed 's/^/    /'; fail=$((fail + 1)); fi

if [ -f "$lib" ]; then
  printers=$(nm -u -A "$lib" 2>/dev/null | grep -wE "stdout|stderr" | sed 's/^[^:]*://; s/:.*//' | sort -u)
  if [ -z "$printers" ]; then pass=$((pass + 1)); else echo "FAIL layout: library objects that print: $(echo $printers)"; fail=$((fail + 1)); fi
else
  echo "FAIL layout: no $lib"; fail=$((fail + 1))
fi
echo "layout: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
