#!/usr/bin/env bash
# tests/e2e/batch.sh RAMME — one file of many courses (a framework
# maintainer's batch): every course is reported, in JSON and text
# (regression: only the first 256 courses of a file were checked).
# Prints "batch: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=300
{
  echo 'import "national"'
  for i in $(seq 1 $n); do
    echo "course c$i \"Kursus $i\" {"
    echo "  provider \"Kommune $i\"; conforms national; group_size 1..8"
    echo "  target t \"T\" { lived_experience }"
    echo "  instructors { instructor p \"P\" { experiential_competence } }"
    echo "}"
  done
} > "$tmp/batch.ramme"
pass=0 fail=0
got=$("$ramme" check -I "$root/stdlib" --format json "$tmp/batch.ramme" | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["courses"]))')
if [ "$got" = "$n" ]; then pass=$((pass + 1)); else echo "FAIL batch: JSON has $got courses, expected $n"; fail=$((fail + 1)); fi
got=$("$ramme" check -I "$root/stdlib" "$tmp/batch.ramme" | grep -c '^course ')
if [ "$got" = "$n" ]; then pass=$((pass + 1)); else echo "FAIL batch: text has $got courses, expected $n"; fail=$((fail + 1)); fi
echo "batch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
