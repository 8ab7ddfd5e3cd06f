#!/usr/bin/env bash
# tests/e2e/plan-clock.sh RAMME — the plan goldens give the same answer on a
# machine a thousand times slower (issue 15; docs/language.md 5.10, "Time
# and size"): every case of tests/golden/plan runs with
# RAMME_PLAN_CLOCK_SCALE=1000 (the planner reads its clock a thousand times
# too fast; PLAN_CLOCK_SCALE=F for another F) and --time-limit 86400 (so the
# whole command's limit, 86.4 s of real time, is not reached), and its
# output, errors and exit status must be the golden's byte for byte. Only
# that limit may read the clock: an inner share of it (each site's seating
# search had a twentieth of the limit, at most 0.5 s; each conflict
# question a twentieth) would end sooner here than on a fast machine. No
# timing is measured.
# Prints "plan-clock: N passed, N failed"; exits 1 when any failed.
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tests/golden"   # at the same depth: cases name ../../../examples
cp -r "$root/tests/golden/plan" "$tmp/tests/golden/plan"
ln -s "$root/examples" "$tmp/examples"
ln -s "$root/stdlib" "$tmp/stdlib"
# `plan` (after a leading --lang LANG) gets the long limit, unless the case
# sets its own (bad-time-limit: an error before any search).
for f in "$tmp"/tests/golden/plan/*.args; do
  grep -q -- '--time-limit' "$f" && continue
  sed -i -E 's/^((--lang [a-z]+ )?plan )/\1--time-limit 86400 /' "$f"
done
out=$(RAMME_PLAN_CLOCK_SCALE=${PLAN_CLOCK_SCALE:-1000} bash "$root/tests/golden/run.sh" "$ramme" "$tmp/tests/golden/plan" 2>&1)
fails=$(printf '%s\n' "$out" | grep -c '^FAIL')
cases=$(ls "$tmp"/tests/golden/plan/*.args "$tmp"/tests/golden/plan/*.ramme 2>/dev/null | sed 's/\.[a-z]*$//' | sort -u | wc -l)
printf '%s\n' "$out" | grep '^FAIL' | sed 's/^FAIL /FAIL plan-clock: /'
echo "plan-clock: $((cases - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
