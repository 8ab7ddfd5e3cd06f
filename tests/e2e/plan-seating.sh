#!/usr/bin/env bash
# tests/e2e/plan-seating.sh RAMME — a conflict in one site's seating shown
# minimal from the other end (issue 15; docs/language.md, the conflict):
# tests/e2e/plan/one-room.ramme is plan-200-2's site s20 alone, sixteen
# cohorts for one room. Deletion in the listed order keeps five cohorts'
# starts and the room, a conflict whose drop-one questions the search cannot
# answer (not minimal: CBC proves four of them still have no plan); tried
# from the last requirement listed, the plan's window and the one room,
# every question answered; and plan-200-2, the year it comes from, where
# showing it minimal takes a plan of the year seated as s20 alone was. No
# timing: each question's share is counted in the search's nodes, and each
# run takes seconds of its 60.
# Prints "plan-seating: N passed, N failed"; exits 1 when any failed.
. "$(dirname "$0")/lib.bash" plan-seating "$@"

# seated NAME PRICES: `ramme plan` on tests/e2e/plan/NAME.ramme must find
# nothing fits, the conflict {window, rooms of s20} shown minimal, and the
# prices of dropping each (JSON: null is "still nothing fits").
seated() {
  "$ramme" plan -I "$root/stdlib" --format json --proposals 1 --time-limit 60 \
    "$root/tests/e2e/plan/$1.ramme" >"$tmp/$1.json" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -eq 1 ] && python3 - "$tmp/$1.json" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
want = ["plan aar: window 2027-01-04..2027-12-17", "site s20: rooms 1"]
got = [c["requirement"] for c in d["conflict"]]
assert d["status"] == "infeasible", d["status"]
assert got == want, got
assert d["conflict_minimal"] is True, d["conflict_minimal"]
assert [r["penalty"] for r in d["relaxations"]] == json.loads(sys.argv[2]), d["relaxations"]
PY
  then ok; else bad "$1: exit $rc, $(head -c 600 "$tmp/$1.json") $(head -c 300 "$tmp/err")"; fi
}

# Dropping the window, the sixteen in one room still do not fit their own
# starts; dropping the room, a plan of 208.
seated one-room '[null, 208]'
# The whole year around it: plan-200-2 (200 cohorts, 100 teachers). Shown
# minimal only when the year's question with s20's one room alone enforced
# finds a plan: its own search does not in its 150 000 nodes; s20's
# cohorts as their seating alone had them, the rest free, it is found at
# once (plan.c, seated_fits). With every other requirement on, still
# nothing fits either way.
seated plan-200-2 '[null, null]'

e2e_done
