#!/usr/bin/env bash
# tests/e2e/ics.sh RAMME — end to end: ramme writes .ics files for the
# bundled schedules with -o, and an independent parser (python3-icalendar,
# readback.py) reads them back: UIDs, TZID, the UTC offset on both sides of
# the summer-time change, the practicum as an all-day span.
# Prints "ics: N passed, N failed"; exits 1 when any failed.
set -u
ramme=$1
here=$(cd "$(dirname "$0")/../ics" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
run() { # FILE SESSIONS
  local f=$1 n=$2 out="$tmp/$(basename "$1" .ramme).ics"
  if SOURCE_DATE_EPOCH=1700000000 "$ramme" schedule -I "$root/stdlib" --format ics -o "$out" "$root/examples/$f" >/dev/null 2>"$tmp/err" \
     && /usr/bin/python3 "$here/readback.py" "$out" --expect-sessions "$n"; then
    pass=$((pass + 1))
  else
    echo "FAIL ics: $f"; cat "$tmp/err"; fail=$((fail + 1))
  fi
}
run frederikshavn.ramme 26
run region-midt-schedule.ramme 26
echo "ics: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
