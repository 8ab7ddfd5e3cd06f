#!/usr/bin/env bash
# tests/e2e/batch.sh RAMME — one file of many courses (a framework
# maintainer's batch): every course is reported, in JSON and text
# (regression: only the first 256 courses of a file were checked); a batch
# over 1 MiB (mapped) with one bad course; a file that fills its last page;
# a mapped file cut short while it is read.
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

# A batch over 1 MiB is mapped rather than read into memory, and judged
# course by course: course 2000 has a type error; the other 3999 are still
# judged, the error is reported at its line, and the exit status is 2.
n=4000
{
  echo 'import "national"'
  for i in $(seq 1 $n); do
    echo "# Kursus nummer $i i en stor fil, med en kommentar der fylder lidt op i filen"
    echo "course c$i \"Kursus $i\" {"
    if [ "$i" = 2000 ]; then echo '  provider "K"; conforms national; group_size "otte"'
    else echo "  provider \"Kommune $i\"; conforms national; group_size 1..8"; fi
    echo "  target t \"T\" { lived_experience }"
    echo "  instructors { instructor p \"P\" { experiential_competence } }"
    echo "}"
  done
} > "$tmp/big.ramme"
size=$(stat -c %s "$tmp/big.ramme")
if [ "$size" -gt 1048576 ]; then pass=$((pass + 1)); else echo "FAIL batch: big.ramme is only $size bytes"; fail=$((fail + 1)); fi
"$ramme" check -I "$root/stdlib" "$tmp/big.ramme" > "$tmp/big.out" 2> "$tmp/big.err"; rc=$?
got=$(grep -c '^course ' "$tmp/big.out")
if [ "$got" = $((n - 1)) ] && [ "$rc" = 2 ]; then pass=$((pass + 1)); else echo "FAIL batch: big: $got courses judged (expected $((n - 1))), exit $rc (expected 2)"; fail=$((fail + 1)); fi
line=$(grep -n 'group_size "otte"' "$tmp/big.ramme" | cut -d: -f1)
if grep -q "big.ramme:$line:47: error: 'group_size' takes a whole number" "$tmp/big.err" && [ "$(grep -c error: "$tmp/big.err")" = 1 ]; then pass=$((pass + 1)); else echo "FAIL batch: big: the error at line $line is not reported once:"; cat "$tmp/big.err"; fail=$((fail + 1)); fi
if grep -q "^course c1999 " "$tmp/big.out" && grep -q "^course c2001 " "$tmp/big.out" && ! grep -q "^course c2000 " "$tmp/big.out"; then pass=$((pass + 1)); else echo "FAIL batch: big: c1999/c2001 not judged or c2000 judged"; fail=$((fail + 1)); fi

# A file whose size fills its last page exactly cannot be mapped (the text
# must end in a NUL): it is read instead, with the same reports.
page=$(getconf PAGESIZE)
cp "$tmp/big.ramme" "$tmp/exact.ramme"
pad=$(( (page - (size + 2) % page) % page ))
{ printf '#'; head -c "$pad" /dev/zero | tr '\0' 'x'; echo; } >> "$tmp/exact.ramme"
esize=$(stat -c %s "$tmp/exact.ramme")
"$ramme" check -I "$root/stdlib" "$tmp/exact.ramme" 2>/dev/null | sed 's/exact\.ramme/big.ramme/g' > "$tmp/exact.out"
if [ $((esize % page)) = 0 ] && cmp -s "$tmp/big.out" "$tmp/exact.out"; then pass=$((pass + 1)); else echo "FAIL batch: a page-sized file ($esize bytes) gives other reports"; fail=$((fail + 1)); fi

# A mapped file cut short by another program while ramme reads it: ramme
# is held at its full output pipe (nobody reads it yet), the file is
# truncated, then the pipe is drained; the next course lies in lost pages.
# A clear error and exit status 2, not "Bus error".
cp "$tmp/big.ramme" "$tmp/cut.ramme"
coproc CUT { exec "$ramme" check -I "$root/stdlib" "$tmp/cut.ramme" 2> "$tmp/cut.err"; }
cut_pid=$CUT_PID
sleep 1
truncate -s 8192 "$tmp/cut.ramme"
cat <&"${CUT[0]}" > /dev/null
wait "$cut_pid"; rc=$?
if [ "$rc" = 2 ] && grep -q "^ramme: error: an input file was cut short while it was being read" "$tmp/cut.err"; then pass=$((pass + 1)); else echo "FAIL batch: a file cut short while read: exit $rc:"; cat "$tmp/cut.err"; fail=$((fail + 1)); fi

echo "batch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
