#!/usr/bin/env bash
# tests/e2e/danish.sh RAMME — a course written in Danish words (TOOLS.md §6,
# docs/language.md §2.1) is the same course as its English twin:
# examples/dansk.ramme and tests/golden/examples/dansk-twin.ramme, line for
# line, give the same reports (check, --coverage, schedule, as text and
# JSON; admit with a Danish spreadsheet and an English one), once the file
# names and places (line:column, which move with the length of a word) are
# set aside. Prints "danish: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
da="$root/examples/dansk.ramme" en="$root/tests/golden/examples/dansk-twin.ramme"

# Places and file names out: "FILE:L:C" and JSON's "file"/"line"/"column".
norm() {
  sed -e 's#[^ ]*\.ramme:[0-9]*:[0-9]*#PLACE#g' -e 's#[^ "]*\.ramme#FILE#g' \
      -e '/"\(line\|column\|end_line\|end_column\)": [0-9]*,\{0,1\}$/d'
}

# LABEL ARGS...: the report of ARGS on the Danish file equals the English one's.
same() {
  local label=$1
  shift
  "$ramme" -I "$root/stdlib" "$@" "$da" >"$tmp/da.raw" 2>&1; local rda=$?
  "$ramme" -I "$root/stdlib" "$@" "$en" >"$tmp/en.raw" 2>&1; local ren=$?
  norm <"$tmp/da.raw" >"$tmp/da"
  norm <"$tmp/en.raw" >"$tmp/en"
  if [ "$rda" = "$ren" ] && cmp -s "$tmp/da" "$tmp/en" && [ -s "$tmp/da" ]; then
    pass=$((pass + 1))
  else
    echo "FAIL danish ($label): exit $rda vs $ren"
    diff -u "$tmp/en" "$tmp/da" | head -n 20 | sed 's/^/    /'
    fail=$((fail + 1))
  fi
}

same check check
same check-json check --format json
same coverage check --coverage
same schedule schedule
same schedule-json schedule --format json

# The Danish file checks clean: no diagnostic, exit 0.
if "$ramme" -I "$root/stdlib" check "$da" >"$tmp/out" 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
  pass=$((pass + 1))
else
  echo "FAIL danish: examples/dansk.ramme does not check clean"; sed 's/^/    /' "$tmp/err" | head -n 8
  fail=$((fail + 1))
fi
echo "danish: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
