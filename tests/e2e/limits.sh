#!/usr/bin/env bash
# tests/e2e/limits.sh RAMME — the error cap bounds the work and the memory,
# and running out of memory is a clean exit 2 with a message:
#   - 16 MB of `bogus 1` lines (2 million unknown declarations) under a
#     400 MB address-space limit: ramme stops at the cap with "too many
#     errors" and exit status 2 (it used to hold the whole file's syntax
#     tree, about 100 bytes per byte of input, and end in abort(), exit
#     status 134);
#   - the same lines after a course: the cap stops the file there too;
#   - an input that really needs more memory than the limit allows (a list
#     of 4 million values) ends with "ramme: error: out of memory" and exit
#     status 2, never abort().
# Under AddressSanitizer an address-space limit cannot be set (its shadow
# memory is reserved up front): the cap cases then run without it, and the
# out-of-memory case is skipped.
# Prints "limits: N passed, N failed".
set -u
ramme=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
asan=no
if ldd "$ramme" 2>/dev/null | grep -q libasan; then asan=yes; fi
limit_kb=400000

# limited CMD...: runs CMD in a subshell under the address-space limit.
limited() {
  if [ "$asan" = yes ]; then "$@"; else (ulimit -v "$limit_kb" && exec "$@"); fi
}

yes 'bogus 1' | head -c $((16 * 1024 * 1024)) > "$tmp/bogus.ramme"
(cd "$tmp" && limited timeout 60 "$ramme" check bogus.ramme > bogus.out 2> bogus.err); rc=$?
if [ "$rc" = 2 ] && grep -q '^ramme: note: too many errors; stopping after 50$' "$tmp/bogus.err" &&
   grep -q "^bogus.ramme:50:1: error: unknown declaration 'bogus'" "$tmp/bogus.err" &&
   [ "$(grep -c ': error: ' "$tmp/bogus.err")" = 50 ]; then
  pass=$((pass + 1))
else
  echo "FAIL limits: 16 MB of unknown declarations: exit status $rc (expected 2, with 50 errors and the cap):"
  tail -n 5 "$tmp/bogus.err"; fail=$((fail + 1))
fi

# `ramme schedule` reads the file as a whole (no batch): the same cap.
(cd "$tmp" && limited timeout 60 "$ramme" schedule bogus.ramme > sched.out 2> sched.err); rc=$?
if [ "$rc" = 2 ] && grep -q '^ramme: note: too many errors; stopping after 50$' "$tmp/sched.err"; then
  pass=$((pass + 1))
else
  echo "FAIL limits: schedule of 16 MB of unknown declarations: exit status $rc (expected 2 and the cap):"
  tail -n 5 "$tmp/sched.err"; fail=$((fail + 1))
fi

{
  printf 'course c "C" {\n  provider "K"\n}\n'
  head -c $((8 * 1024 * 1024)) "$tmp/bogus.ramme"
} > "$tmp/after.ramme"
(cd "$tmp" && limited timeout 60 "$ramme" check after.ramme > after.out 2> after.err); rc=$?
if [ "$rc" = 2 ] && grep -q '^ramme: note: too many errors; stopping after 50$' "$tmp/after.err"; then
  pass=$((pass + 1))
else
  echo "FAIL limits: a course, then 8 MB of unknown declarations: exit status $rc (expected 2 and the cap):"
  tail -n 5 "$tmp/after.err"; fail=$((fail + 1))
fi

if [ "$asan" = no ]; then
  {
    printf 'course c "C" {\n  locations '
    head -c 4000000 /dev/zero | sed 's/\x0/"a", /g'
    printf '"b"\n}\n'
  } > "$tmp/oom.ramme"
  (cd "$tmp" && ulimit -v 150000 && exec timeout 60 "$ramme" check oom.ramme > oom.out 2> oom.err); rc=$?
  if [ "$rc" = 2 ] && grep -q '^ramme: error: out of memory' "$tmp/oom.err"; then
    pass=$((pass + 1))
  else
    echo "FAIL limits: out of memory: exit status $rc (expected 2 and 'ramme: error: out of memory'):"
    tail -n 5 "$tmp/oom.err"; fail=$((fail + 1))
  fi
fi

echo "limits: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
