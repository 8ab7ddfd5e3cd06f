#!/usr/bin/env bash
# tests/e2e/json-names.sh RAMME — every JSON report is valid UTF-8, even when a
# file name is not: a course file and an applicant file whose names hold the
# bytes 0xFF and 0xFE (Latin-1 names on a UTF-8 system). Each report must
# parse (python3 -m json.tool) and name the file with U+FFFD for each bad
# byte, in the report's "file" and in the diagnostics' "file".
# Prints "json-names: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
good=$'\xff.ramme' bad=$'\xff-bad.ramme' apps=$'\xfe.csv'
cp "$root/tests/golden/escapes/course.ramme" "$tmp/$good"
printf 'course k "K" {\n  grup_size 8\n}\n' > "$tmp/$bad"
printf 'id,birth_date\nA1,1990-01-01\n"A2,1990-01-01\n' > "$tmp/$apps"
cp "$root/tests/golden/admit/course.ramme" "$tmp/admit.ramme"
cd "$tmp" || exit 1

# NAME EXPECTED-STRING ARGS...: the JSON on stdout parses and, read back,
# holds EXPECTED-STRING (a Python literal) somewhere as a "file" value.
check() {
  local name=$1 want=$2
  shift 2
  "$ramme" -I "$root/stdlib" "$@" >out.json 2>err.txt
  if /usr/bin/python3 -m json.tool out.json >/dev/null 2>parse.txt \
     && /usr/bin/python3 -c '
import json, sys
want = '"$want"'
def files(v):
    if isinstance(v, dict):
        for k, x in v.items():
            if k == "file":
                yield x
            yield from files(x)
    elif isinstance(v, list):
        for x in v:
            yield from files(x)
sys.exit(0 if want in list(files(json.load(open("out.json", encoding="utf-8")))) else 1)'; then
    pass=$((pass + 1))
  else
    echo "FAIL json-names: $name"; cat parse.txt err.txt; head -c 600 out.json; echo
    fail=$((fail + 1))
  fi
}

check "check: the report's file" '"\ufffd.ramme"' check --format json "$good"
check "check: a diagnostic's file" '"\ufffd-bad.ramme"' check --format json "$bad"
check "admit: a diagnostic's file" '"\ufffd.csv"' admit --format json admit.ramme --applicants "$apps"
check "diff: a diagnostic's file" '"\ufffd.ramme"' diff --format json "$good" kursus nosuch
# schedule --format json names no file; it must parse all the same.
if "$ramme" -I "$root/stdlib" schedule --format json "$good" | /usr/bin/python3 -m json.tool >/dev/null; then
  pass=$((pass + 1))
else
  echo "FAIL json-names: schedule"; fail=$((fail + 1))
fi
echo "json-names: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
