#!/usr/bin/env bash
# tests/e2e/layout.sh RAMME — the source tree keeps the shape src/README.md
# draws:
#   - every file of src/ lies in a stage folder, and includes only headers of
#     its own stage or of stages below it (base < front < model < engine <
#     apps < emit < cli), each named with its folder;
#   - no include circle between modules (NAME.c with NAME.h);
#   - the library never prints: no object of libramme.a (beside RAMME) refers
#     to stdout or stderr.
# Prints "layout: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
lib=$(dirname "$ramme")/libramme.a
pass=0 fail=0

out=$(cd "$root" && python3 - <<'PY'
import os, re, sys
stages = ["base", "front", "model", "engine", "apps", "emit", "cli"]
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

if [ -f "$lib" ]; then
  printers=$(nm -u -A "$lib" 2>/dev/null | grep -wE "stdout|stderr" | sed 's/^[^:]*://; s/:.*//' | sort -u)
  if [ -z "$printers" ]; then pass=$((pass + 1)); else echo "FAIL layout: library objects that print: $(echo $printers)"; fail=$((fail + 1)); fi
else
  echo "FAIL layout: no $lib"; fail=$((fail + 1))
fi
echo "layout: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
