#!/usr/bin/env bash
# tests/e2e/output.sh RAMME — a report that cannot be written is an error,
# a reader that went away is not. For every command (and --help):
# - standard output on /dev/full: "ramme: error: cannot write the report to
#   standard output: No space left on device", once, and exit status 2;
# - standard output closed (>&-): the same with "Bad file descriptor";
# - standard output a pipe nobody reads any more: no message and the
#   command's own exit status (never 141, death by SIGPIPE);
# and `schedule -o /dev/full` names the file; `check BIG | head -c1` is quiet.
# Prints "output: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ex=$root/examples
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL output: $*"; fail=$((fail + 1)); }

# A pipe whose reader is gone before ramme starts: fd 4 is its write end.
# (Opening the FIFO read-write gives a reader, so opening the writer does not
# block; closing that reader leaves none.) Deterministic: every write fails.
mkfifo "$tmp/fifo"
exec 3<>"$tmp/fifo"
exec 4>"$tmp/fifo"
exec 3<&-

# status|arguments: the command's own exit status when its report is read.
cases=(
  "0|check $ex/region-midt.ramme"
  "0|check --format json $ex/region-midt.ramme"
  "1|check $ex/municipal-variant.ramme"
  "0|explain national.network"
  "0|explain --format json national.network"
  "0|schedule $ex/frederikshavn.ramme"
  "0|schedule --format json $ex/frederikshavn.ramme"
  "0|schedule --format csv $ex/frederikshavn.ramme"
  "0|schedule --format ics $ex/frederikshavn.ramme"
  "0|schedule --format csv -o - $ex/frederikshavn.ramme"
  "0|admit $ex/frederikshavn.ramme --applicants $ex/applicants.csv"
  "0|admit --format json $ex/frederikshavn.ramme --applicants $ex/applicants.csv"
  "1|diff $ex/municipal-variant.ramme region_midt midt_variant"
  "1|diff --format json $ex/municipal-variant.ramme region_midt midt_variant"
  "0|--help"
)
full="ramme: error: cannot write the report to standard output: No space left on device"
closed="ramme: error: cannot write the report to standard output: Bad file descriptor"
for c in "${cases[@]}"; do
  want=${c%%|*} args=${c#*|}
  # shellcheck disable=SC2086 # the arguments are plain words
  "$ramme" -I "$root/stdlib" $args > /dev/full 2> "$tmp/err"; rc=$?
  if [ "$rc" = 2 ] && [ "$(grep -cxF "$full" "$tmp/err")" = 1 ]; then ok; else bad "$args >/dev/full: exit $rc: $(cat "$tmp/err")"; fi
  # shellcheck disable=SC2086
  "$ramme" -I "$root/stdlib" $args >&- 2> "$tmp/err"; rc=$?
  if [ "$rc" = 2 ] && [ "$(grep -cxF "$closed" "$tmp/err")" = 1 ]; then ok; else bad "$args >&-: exit $rc: $(cat "$tmp/err")"; fi
  # shellcheck disable=SC2086
  "$ramme" -I "$root/stdlib" $args >&4 2> "$tmp/err"; rc=$?
  if [ "$rc" = "$want" ] && [ ! -s "$tmp/err" ]; then ok; else bad "$args >broken pipe: exit $rc (expected $want): $(cat "$tmp/err")"; fi
done
exec 4>&-

# -o names its file.
for f in text json csv ics; do
  "$ramme" -I "$root/stdlib" schedule --format $f -o /dev/full "$ex/frederikshavn.ramme" > "$tmp/out" 2> "$tmp/err"; rc=$?
  if [ "$rc" = 2 ] && [ "$(cat "$tmp/err")" = "/dev/full: error: cannot write '/dev/full': No space left on device" ] && [ ! -s "$tmp/out" ]; then ok
  else bad "schedule --format $f -o /dev/full: exit $rc: $(cat "$tmp/err")"; fi
done

# A report far larger than a pipe's buffer, cut short by its reader: quiet,
# and the exit status is the judgement's (course c7 fails an error rule: 1).
{
  echo 'import "national"'
  for i in $(seq 1 200); do
    echo "course c$i \"Kursus $i\" {"
    echo "  provider \"Kommune $i\"; conforms national; group_size 1..8"
    echo "  target t \"T\" { lived_experience }"
    if [ "$i" = 7 ]; then echo '  instructors { instructor p "P" { } }'
    else echo "  instructors { instructor p \"P\" { experiential_competence } }"; fi
    echo "}"
  done
} > "$tmp/batch.ramme"
"$ramme" -I "$root/stdlib" check "$tmp/batch.ramme" > "$tmp/all" 2> /dev/null; want=$?
size=$(stat -c %s "$tmp/all")
for fmt in text json; do
  "$ramme" -I "$root/stdlib" check --format $fmt "$tmp/batch.ramme" 2> "$tmp/err" | head -c1 > /dev/null
  rc=${PIPESTATUS[0]}
  if [ "$size" -gt 131072 ] && [ "$want" = 1 ] && [ "$rc" = "$want" ] && [ ! -s "$tmp/err" ]; then ok
  else bad "check --format $fmt BIG | head -c1: exit $rc (expected $want; report $size bytes): $(cat "$tmp/err")"; fi
done

echo "output: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
