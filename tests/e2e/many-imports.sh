#!/usr/bin/env bash
# tests/e2e/many-imports.sh RAMME — importing n distinct files is linear in n
# (hardening issue, item 9: 100,000 imports took 28 s when each new file was
# compared with every file read before it; now about 2 s, 6 s under ASan).
# A limit test, not a timing: the bound is ten times what a linear run needs,
# and a quadratic one needs several times the bound.
# Prints "many-imports: N passed, N failed".
set -u
ramme=$1
# Memory-backed where the machine has it: 100,000 files on a disk cost more
# to write than ramme takes to read them.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then tmp=$(mktemp -d -p /dev/shm); else tmp=$(mktemp -d); fi
trap 'rm -rf "$tmp"' EXIT
n=100000
mkdir "$tmp/m"
for ((i = 0; i < n; i++)); do
  printf '# file %d\n' "$i" > "$tmp/m/f$i.ramme"
  printf 'import "./m/f%d.ramme"\n' "$i"
done > "$tmp/main.ramme"
pass=0 fail=0
out=$(timeout 20 "$ramme" check "$tmp/main.ramme" 2>&1); rc=$?
if [ "$rc" = 0 ] && [ "$out" = "$tmp/main.ramme: no errors; the file declares no course" ]; then
  pass=1
else
  echo "FAIL many-imports: $n imports: exit $rc (124 is the 20 s limit)"; printf '%s\n' "$out" | head -n 5
  fail=1
fi
echo "many-imports: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
