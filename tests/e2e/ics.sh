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

# Control characters in the course's strings (ESC, BEL, CR, a line break):
# none reaches the file but line breaks, written as \n (RFC 5545 3.3.11).
out="$tmp/escapes.ics"
if SOURCE_DATE_EPOCH=1700000000 "$ramme" schedule --format ics -o "$out" "$root/tests/golden/escapes/course.ramme" >/dev/null 2>"$tmp/err" \
   && /usr/bin/python3 "$here/readback.py" "$out" --expect-sessions 2 >/dev/null \
   && grep -qF "LOCATION:=cmd|' /C calc'!A0\\\\u{1b}]0\\;x\\\\u{7}" "$out"; then
  pass=$((pass + 1))
else
  echo "FAIL ics: control characters"; cat "$tmp/err"; fail=$((fail + 1))
fi

# A plan that reaches the year 3001: libical would write 00000000T000000;
# ramme refuses with a located error, exit status 2, and writes nothing.
cat >"$tmp/y3001.ramme" <<'EOF'
course kursus "Kursus" {
  provider   "Kommune"
  group_size 8
  target peers "Peers" { lived_experience }
  theory { hours 6h }
  instructors { instructor p "Peer" { experiential_competence } }
}

schedule hold for kursus {
  start    3000-12-25
  weekdays mon
  time     09:00..12:00
}
EOF
out="$tmp/y3001.ics"
"$ramme" schedule -I "$root/stdlib" --format ics -o "$out" "$tmp/y3001.ramme" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 2 ] && [ ! -e "$out" ] && [ ! -s "$tmp/out" ] && grep -q 'y3001.ramme:10:12: error: an iCalendar file cannot hold' "$tmp/err"; then
  pass=$((pass + 1))
else
  echo "FAIL ics: year 3001 (exit status $rc)"; cat "$tmp/err"; fail=$((fail + 1))
fi
# libical is loaded only when an iCalendar file is written (src/emit/icslib.h):
# the binary names neither it nor what it drags in (ICU, libstdc++), so no
# other command pays for loading them at start-up (issue 20).
needed=$(objdump -p "$ramme" | awk '/NEEDED/ {print $2}' | tr '\n' ' ')
if ! grep -qE 'libical|libicu|libstdc\+\+' <<<"$needed"; then
  pass=$((pass + 1))
else
  echo "FAIL ics: the binary links what only the iCalendar writer needs: $needed"; fail=$((fail + 1))
fi

# Without libical at run time (hidden by a bind mount in a private mount
# namespace, where unshare allows one): a clear error, exit status 2, no
# file; a command that writes no iCalendar still runs. Where user namespaces
# are not allowed the case is skipped, and says so.
lib=$(ldconfig -p 2>/dev/null | awk '/libical\.so\.[0-9]/ {print $NF; exit}')
if [ -n "$lib" ] && unshare -rm true 2>/dev/null; then
  out="$tmp/nolib.ics"
  unshare -rm bash -c 'mount --bind /dev/null "$(readlink -f "$1")" || exit 9
    "$2" schedule -I "$3/stdlib" --format ics -o "$4" "$3/examples/region-midt-schedule.ramme" >"$5/out" 2>"$5/err"; echo $? >"$5/rc"
    "$2" check -I "$3/stdlib" "$3/examples/region-midt.ramme" >/dev/null 2>&1; echo $? >"$5/rc-check"
    "$2" plan -I "$3/stdlib" --format ics "$3/examples/region-midt-plan.ramme" >"$5/out-plan" 2>"$5/err-plan"; echo $? >"$5/rc-plan"' \
    _ "$lib" "$ramme" "$root" "$out" "$tmp"
  if [ "$(cat "$tmp/rc" 2>/dev/null)" = 2 ] && [ ! -e "$out" ] && [ ! -s "$tmp/out" ] \
     && grep -q "error: cannot write an iCalendar file: the iCalendar library libical.so.[0-9]* could not be loaded" "$tmp/err" \
     && [ "$(cat "$tmp/rc-check")" = 0 ] \
     && [ "$(cat "$tmp/rc-plan")" = 2 ] && [ ! -s "$tmp/out-plan" ] \
     && grep -q "cannot write an iCalendar file" "$tmp/err-plan"; then
    pass=$((pass + 1))
  else
    echo "FAIL ics: without libical (exit statuses $(cat "$tmp/rc" "$tmp/rc-check" "$tmp/rc-plan" 2>/dev/null | tr '\n' ' '))"
    cat "$tmp/err" "$tmp/err-plan" 2>/dev/null; fail=$((fail + 1))
  fi
else
  echo "ics: skipped the case without libical (no user namespaces here)"
fi

echo "ics: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
