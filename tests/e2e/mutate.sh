#!/usr/bin/env bash
# tests/e2e/mutate.sh RAMME — exit status discipline: a few hundred mutated
# versions of the examples (seeded: the same mutants every run) must give
# exit status 0, 1 or 2 from `check`, `test` (the expectations of
# examples/expectations.ramme are among them), `fmt` and `plan` (the two
# plans of the examples are among them), and never a signal or a hang; and
# `ramme lsp` answers every question about each mutant and exits 0.
# Mutations: flip a byte, delete a run, duplicate a line, swap two lines,
# cut the file short, insert a random token. Prints "mutate: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$root/examples" "$tmp" <<'PY'
import os, random, sys
src, out = sys.argv[1], sys.argv[2]
rng = random.Random(20261124)
tokens = [b"{", b"}", b"(", b")", b",", b"..", b"\"", b"#", b"\n", b"extends", b"import \"./x.ramme\"",
          b"3h", b"13 weeks", b"2024-02-30", b"12-22", b"\xc3", b"\x00", b"\xe2\x80\x9c", b"where", b"all x in", b"=="]
files = sorted(f for f in os.listdir(src) if f.endswith(".ramme") and not f.startswith("variant"))
n = 0
for f in files:
    data = open(os.path.join(src, f), "rb").read()
    for k in range(60):
        d = bytearray(data)
        kind = k % 6
        if kind == 0 and d:
            i = rng.randrange(len(d)); d[i] = rng.randrange(256)
        elif kind == 1 and d:
            i = rng.randrange(len(d)); del d[i:i + rng.randrange(1, 40)]
        elif kind in (2, 3):
            lines = bytes(d).split(b"\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            if kind == 2: lines.insert(i, lines[j])
            else: lines[i], lines[j] = lines[j], lines[i]
            d = bytearray(b"\n".join(lines))
        elif kind == 4:
            d = d[:rng.randrange(len(d) + 1)]
        else:
            i = rng.randrange(len(d) + 1); d[i:i] = rng.choice(tokens)
        # Mutants live next to the originals' imports (./region-midt.ramme).
        name = os.path.join(out, "m%04d_%s" % (n, f))
        open(name, "wb").write(bytes(d)); n += 1
import shutil
for f in os.listdir(src):
    if f.endswith(".ramme"): shutil.copy(os.path.join(src, f), os.path.join(out, f))
PY
pass=0 fail=0
declare -A zero # mutants each command still accepted: none would mean it never got past its arguments
for m in "$tmp"/m[0-9]*.ramme; do
  # plan on every mutant (most have no plan: exit 2 at once); a second's
  # time limit keeps the plans' mutants quick, however they were mutated.
  for cmd in check test fmt "plan --time-limit 1"; do
    # shellcheck disable=SC2086
    timeout 10 "$ramme" $cmd -I "$root/stdlib" "$m" >/dev/null 2>&1 </dev/null; rc=$?
    [ "$rc" = 0 ] && zero[${cmd%% *}]=$(( ${zero[${cmd%% *}]:-0} + 1 ))
    case $rc in
      0|1|2) pass=$((pass + 1)) ;;
      *) fail=$((fail + 1)); echo "FAIL mutate: $cmd $(basename "$m") exit $rc"; cp "$m" "/tmp/ramme-mutant-$(basename "$m")" ;;
    esac
  done
done
# The language server on the same mutants, as an editor sends them: one
# server a source file, each of its mutants opened (read from disk as the
# editor would, bytes not UTF-8 replaced), asked for hover, completion,
# symbols, code actions and formatting at a few places, closed; every
# question answered, and the server ends with status 0 after shutdown.
lsp_out=$(/usr/bin/python3 - "$ramme" "$root" "$tmp" <<'PY'
import glob, os, sys
sys.path.insert(0, os.path.join(sys.argv[2], "tests", "lsp"))
from client import Client
ramme, tmp = sys.argv[1], sys.argv[3]
groups = {}
for m in sorted(glob.glob(os.path.join(tmp, "m[0-9]*.ramme"))):
    groups.setdefault(os.path.basename(m).split("_", 1)[1], []).append(m)
asked = bad = 0
for name, files in sorted(groups.items()):
    c = Client(ramme, "-I", os.path.join(sys.argv[2], "stdlib"))
    try:
        c.initialize()
        for m in files:
            text = open(m, "rb").read().decode("utf-8", "replace")
            uri = "file://" + m
            c.open(uri, text)  # and its diagnostics
            lines = text.split("\n")
            for line in (0, len(lines) // 2, len(lines) - 1):
                p = {"line": line, "character": min(4, len(lines[line]))}
                d = {"textDocument": {"uri": uri}}
                for method, params in (("textDocument/hover", dict(d, position=p)),
                                       ("textDocument/completion", dict(d, position=p)),
                                       ("textDocument/definition", dict(d, position=p)),
                                       ("textDocument/codeAction", dict(d, range={"start": p, "end": p},
                                                                         context={"diagnostics": []}))):
                    r = c.request(method, params)
                    asked += 1
                    bad += "result" not in r and "error" not in r
            for method in ("textDocument/documentSymbol", "textDocument/formatting"):
                r = c.request(method, dict(d, options={"tabSize": 2, "insertSpaces": True}))
                asked += 1
                bad += "result" not in r and "error" not in r
            c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        rc = c.close()
    except Exception as e:  # a crash closes the server's output
        print("FAIL mutate: lsp on the mutants of %s: %s" % (name, e))
        bad += 1
        continue
    if rc != 0:
        print("FAIL mutate: lsp on the mutants of %s: exit %s" % (name, rc))
        bad += 1
print("lsp %d %d" % (asked, bad))
PY
)
echo "$lsp_out" | grep '^FAIL' || true
read -r _ asked lbad <<< "$(echo "$lsp_out" | grep '^lsp ')"
if [ -n "${asked:-}" ] && [ "$asked" -gt 0 ] && [ "$lbad" = 0 ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL mutate: lsp: ${lbad:-?} of ${asked:-?} questions unanswered"; fi

for cmd in check test fmt plan; do
  if [ "${zero[$cmd]:-0}" -gt 0 ]; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL mutate: $cmd exited 0 on no mutant: it never ran on them"; fi
done
echo "mutate: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
