#!/usr/bin/env bash
# tests/e2e/evalrate.sh RAMME — the evaluation benchmark (bench/evalrate.c,
# built next to RAMME) works, without timing anything: on one file of
# courses, judging each course right after it is built (as `ramme check`
# reads a batch) and judging them all compiled at once give the same
# (course, rule, status) digest, and the same failed and unknown counts as
# `ramme check --format json`. Prints "evalrate: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
evalrate=$(dirname "$ramme")/evalrate
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL evalrate: $*"; fail=$((fail + 1)); }

# Six small courses: half without an experiential instructor, three without
# modules (goal coverage unknown), target days and hours that do not always fit.
{
  echo 'import "national"'
  for i in 1 2 3 4 5 6; do
    echo "course c$i \"Kursus $i\" {"
    echo "  provider \"Kommune $i\"; conforms national; group_size $i..8"
    echo "  target t \"T\" { lived_experience; days 2..$((i + 4)); hours 10h..40h }"
    echo "  day_length 5h"
    if [ $((i % 2)) = 0 ]; then echo "  instructors { instructor p \"P\" { experiential_competence } }"
    else echo "  instructors { instructor p \"P\" { professional } }"; fi
    [ "$i" -gt 3 ] && echo "  module m \"M\" { hours 6h; covers recovery.hope }"
    echo "}"
  done
} > "$tmp/courses.ramme"

if [ ! -x "$evalrate" ]; then
  bad "no $evalrate"
  echo "evalrate: $pass passed, $fail failed"
  exit 1
fi
b=$("$evalrate" -I "$root/stdlib" --json --seconds 0.01 "$tmp/courses.ramme") || bad "batch run exited with $?"
r=$("$evalrate" -I "$root/stdlib" --json --seconds 0.01 --resident "$tmp/courses.ramme") || bad "resident run exited with $?"
want=$("$ramme" check -I "$root/stdlib" --format json "$tmp/courses.ramme" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
rs = [r for c in d["courses"] for r in c["results"]]
print(len(d["courses"]), sum(r["status"] == "fail" for r in rs), sum(r["status"] == "unknown" for r in rs))')
for mode in b r; do
  got=$(printf '%s\n' "${!mode}" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["validations"] >= d["courses"] and d["per_second"] > 0 and len(d["digest"]) == 16
print(d["courses"], d["failed"], d["unknown"])' 2>&1)
  if [ "$got" = "$want" ]; then ok; else bad "$mode: courses, failed, unknown: $got; ramme check: $want"; fi
done
db=$(printf '%s\n' "$b" | sed -n 's/.*"digest": "\([0-9a-f]*\)".*/\1/p')
dr=$(printf '%s\n' "$r" | sed -n 's/.*"digest": "\([0-9a-f]*\)".*/\1/p')
if [ -n "$db" ] && [ "$db" = "$dr" ]; then ok; else bad "digests differ: batch $db, resident $dr"; fi

# A file that does not compile is an error (exit 2) that names it.
printf 'course x "X" {\n  provider 12\n}\n' > "$tmp/bad.ramme"
out=$("$evalrate" -I "$root/stdlib" --seconds 0.01 "$tmp/bad.ramme" 2>&1); rc=$?
if [ "$rc" = 2 ] && printf '%s' "$out" | grep -q "bad.ramme"; then ok; else bad "bad file: exit $rc: $out"; fi

echo "evalrate: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
