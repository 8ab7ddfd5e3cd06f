#!/usr/bin/env bash
# tests/e2e/run.sh RAMME — runs every end-to-end script here and prints one
# total line "e2e: N passed, N failed" (each script prints "NAME: N passed, N failed").
set -u
ramme=$1
# The language of the runs: English, whatever the shell says (a Danish LANG would
# translate what the scripts compare).
unset LANG LANGUAGE LC_MESSAGES
case ${LC_ALL-} in ''|C|C.*|POSIX) ;; *) export LC_ALL=C.UTF-8 ;; esac
dir=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
for s in "$dir"/*.sh; do
  [ "$(basename "$s")" = run.sh ] && continue
  out=$(bash "$s" "$ramme" 2>&1); rc=$?
  printf '%s\n' "$out"
  counts=$(printf '%s\n' "$out" | sed -n 's/^[a-z-]*: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' | tail -n 1)
  [ -n "$counts" ] || counts="0 1"
  pass=$((pass + ${counts% *})); fail=$((fail + ${counts#* }))
  if [ "$rc" -ne 0 ] && [ "${counts#* }" -eq 0 ]; then fail=$((fail + 1)); fi
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
