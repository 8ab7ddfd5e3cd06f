#!/usr/bin/env bash
# tests/e2e/maintainer.sh RAMME — WORKFLOWS.md §5: a framework maintainer
# edits a rule in a copy of the standard library and runs
# `ramme test -I edited/ examples` to see which designs it would judge
# differently. Here national.network is relaxed to pass every course: the
# expectations that it fails (region_midt, frederikshavn) now fail, each named
# with what differs; the others still pass; the edited module is reported as
# replacing the standard one; exit status 1. Unedited, everything passes.
# Prints "maintainer: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
mkdir "$tmp/edited"
sed 's/^    require  study_groups or network in principles$/    require  yes/' "$root/stdlib/national.ramme" \
  > "$tmp/edited/national.ramme"
if cmp -s "$root/stdlib/national.ramme" "$tmp/edited/national.ramme"; then
  echo "FAIL maintainer: the edit did not apply (national.network changed?)"; echo "maintainer: 0 passed, 1 failed"; exit 1
fi
(cd "$root" && "$ramme" test examples) > "$tmp/before" 2>&1; rc=$?
[ "$rc" = 0 ] && grep -q " 0 failed$" "$tmp/before" && pass=$((pass + 1)) \
  || { echo "FAIL maintainer: unedited, exit $rc"; tail -n 5 "$tmp/before"; fail=$((fail + 1)); }
(cd "$root" && "$ramme" test -I "$tmp/edited" examples) > "$tmp/after" 2>&1; rc=$?
want="FAIL  examples/expectations.ramme:18:8  expect region_midt
FAIL  examples/expectations.ramme:32:8  expect frederikshavn
      national.network: expected FAIL, got pass
the module 'national' is read from '$tmp/edited/national.ramme', not from the standard library"
missing=""
while IFS= read -r line; do grep -qF -- "$line" "$tmp/after" || missing="$missing [$line]"; done <<<"$want"
if [ "$rc" = 1 ] && [ -z "$missing" ] && grep -q "^ok    examples/expectations.ramme:47:8  expect midt_variant" "$tmp/after"; then
  pass=$((pass + 1))
else
  echo "FAIL maintainer: edited, exit $rc, missing:$missing"; sed 's/^/    /' "$tmp/after" | head -n 30; fail=$((fail + 1))
fi
echo "maintainer: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
