#!/usr/bin/env bash
# tests/e2e/plan-seating.sh RAMME — a conflict in one site's seating shown
# minimal from the other end (issue 15; docs/language.md, the conflict):
# tests/e2e/plan/one-room.ramme is plan-200-2's site s20 alone, sixteen
# cohorts for one room. Deletion in the listed order keeps five cohorts'
# starts and the room, a conflict whose drop-one questions the search cannot
# answer (not minimal: CBC proves four of them still have no plan); tried
# from the last requirement listed, the plan's window and the one room,
# every question answered. No timing: each question's share is counted in
# the search's nodes, and the run takes seconds of its 60.
# Prints "plan-seating: N passed, N failed"; exits 1 when any failed.
. "$(dirname "$0")/lib.bash" plan-seating "$@"

"$ramme" plan -I "$root/stdlib" --format json --time-limit 60 "$root/tests/e2e/plan/one-room.ramme" \
  >"$tmp/plan.json" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && python3 - "$tmp/plan.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
want = ["plan aar: window 2027-01-04..2027-12-17", "site s20: rooms 1"]
got = [c["requirement"] for c in d["conflict"]]
assert d["status"] == "infeasible", d["status"]
assert got == want, got
assert d["conflict_minimal"] is True, d["conflict_minimal"]
# dropping the window: the sixteen in one room still do not fit its
# cohorts' own starts; dropping the room: a plan of 208
prices = {r["drop"]: r["penalty"] for r in d["relaxations"]}
assert prices == {want[0]: None, want[1]: 208}, prices
PY
then ok; else bad "one-room: exit $rc, $(head -c 600 "$tmp/plan.json") $(head -c 300 "$tmp/err")"; fi

e2e_done
