#!/usr/bin/env bash
# tests/e2e/plan.sh RAMME — every proposal of every plan case checked
# without the planner's code (PLANNING.md §2, issue 15):
#   - tests/e2e/plan/validate.py reads `ramme plan --format json` and checks
#     each proposal against the plan's requirements as written by hand in
#     tests/e2e/plan/NAME.req.json (window, closed days, weekdays, times,
#     start ranges, teams: flags, weekdays, absences, sites, max_cohorts;
#     rooms; penalties adding up; proposals distinct and in order);
#   - each proposal, written as `schedule` declarations (--format ramme)
#     and placed by `ramme schedule`, gives the very sessions, skipped days
#     and practicum the plan reported: a plan and a schedule never disagree;
#   - a search stopped by --time-limit still gives valid proposals, with
#     a lower bound no higher than proposal 1's penalty, or none (exit 1);
#   - 10,000 cohorts or 2,000 teachers are a located error, and a plan whose
#     options cannot all be placed in its time limit says so (issue 21).
# Prints "plan: N passed, N failed"; exits 1 when any failed.
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/e2e/plan
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL plan: $*"; fail=$((fail + 1)); }

case_file() { # NAME -> the plan file
  case $1 in
    frederikshavn-plan|region-midt-plan) echo "$root/examples/$1.ramme" ;;
    *) echo "$root/tests/golden/plan/$1.ramme" ;;
  esac
}

for req in "$here"/*.req.json; do
  name=$(basename "$req" .req.json)
  file=$(case_file "$name")
  for limit in "" "--time-limit 0.000001"; do
    label="$name${limit:+ ($limit)}"
    # shellcheck disable=SC2086
    "$ramme" plan -I "$root/stdlib" --format json --proposals 3 $limit "$file" >"$tmp/plan.json" 2>"$tmp/err"
    rc=$?
    # A limit so short that the options are not all placed gives no
    # proposal (status feasible, exit 1); a proposal means exit 0.
    if [ -n "$limit" ] && [ $rc -eq 1 ] && /usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if d["status"] == "feasible" and not d["proposals"] else 1)' "$tmp/plan.json"; then ok; continue; fi
    if [ $rc -ne 0 ]; then bad "$label: exit $rc"; cat "$tmp/err"; continue; fi
    if /usr/bin/python3 "$here/validate.py" "$req" "$tmp/plan.json" >"$tmp/why"; then ok
    else bad "$label: a proposal breaks a requirement"; sed 's/^/    /' "$tmp/why"; fi
    if [ -n "$limit" ]; then
      if /usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
p = d["proposals"]
sys.exit(0 if d["status"] in ("optimal", "feasible") and (not p or d["lower_bound"] <= p[0]["penalty"]) else 1)' "$tmp/plan.json"
      then ok; else bad "$label: status or lower bound"; fi
      continue
    fi
    n=$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["proposals"]))' "$tmp/plan.json")
    for k in $(seq 1 "$n"); do
      # The proposal as schedules, in a copy of the file beside the original (imports are relative).
      copy="$(dirname "$file")/.plan-check-$$-$name-$k.ramme"
      { cat "$file"; "$ramme" plan -I "$root/stdlib" --format ramme --proposals 3 --proposal "$k" "$file"; } >"$copy" 2>"$tmp/err"
      cohorts=$(/usr/bin/python3 -c 'import json,sys; print(" ".join(c["cohort"] for c in json.load(open(sys.argv[1]))["proposals"][int(sys.argv[2])-1]["cohorts"]))' "$tmp/plan.json" "$k")
      for c in $cohorts; do
        if "$ramme" schedule -I "$root/stdlib" --format json --schedule "$c" "$copy" >"$tmp/sched.json" 2>"$tmp/err" || [ $? -eq 1 ]; then
          if /usr/bin/python3 -c '
import json, sys
plan = json.load(open(sys.argv[1]))["proposals"][int(sys.argv[2]) - 1]
c = [x for x in plan["cohorts"] if x["cohort"] == sys.argv[3]][0]
s = json.load(open(sys.argv[4]))
keys = ["sessions", "skipped", "practicum", "weeks"]
diff = [k for k in keys if c.get(k) != s.get(k)]
# The plan judges its placements by the checks of schedules and its own
# (plan.prefer): the checks of the schedule must agree.
ids = {x["rule"] for x in s["checks"]}
if [x for x in c["checks"] if x["rule"] in ids] != s["checks"]:
    diff.append("checks")
print(" ".join(diff))
sys.exit(1 if diff else 0)' "$tmp/plan.json" "$k" "$c" "$tmp/sched.json" >"$tmp/why"; then ok
          else bad "$name proposal $k, $c: ramme schedule places it differently: $(cat "$tmp/why")"; fi
        else
          bad "$name proposal $k: ramme schedule refused the written schedule $c"; sed 's/^/    /' "$tmp/err"
        fi
      done
      rm -f "$copy"
    done
  done
done
# The validator is seen to catch planted faults: a teacher at a site she
# does not teach at, a session on a holiday, penalties that do not add up,
# and two proposals alike.
"$ramme" plan -I "$root/stdlib" --format json --proposals 3 "$root/examples/region-midt-plan.ramme" >"$tmp/midt.json" 2>/dev/null
for fault in site holiday penalty same; do
  /usr/bin/python3 - "$tmp/midt.json" "$fault" >"$tmp/planted.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
p = d["proposals"][0]
c = [x for x in p["cohorts"] if x["cohort"] == "viborg_efterår"][0]
f = sys.argv[2]
if f == "site":
    c["team"][0]["teacher"] = "hanne"
elif f == "holiday":
    c["sessions"][3]["date"] = "2027-12-24"
elif f == "penalty":
    p["penalty"] += 1
elif f == "same":
    d["proposals"][1] = p
json.dump(d, sys.stdout)
PY
  if /usr/bin/python3 "$here/validate.py" "$here/region-midt-plan.req.json" "$tmp/planted.json" >/dev/null; then
    bad "validate.py misses a planted fault: $fault"
  else ok; fi
done

# Issue 21: a plan too big, or too slow to place, ends with a clear answer.
# Ten thousand cohorts, or two thousand teachers: a located error, exit 2,
# before any option is placed. A thousand cohorts with half a second: the
# time runs out while the options are placed, and the report says so (exit
# 1, feasible, no proposal); `timeout` only guards against a hang.
/usr/bin/python3 - "$root/bench/plan_bench.py" "$tmp" <<'PY'
import sys
src = open(sys.argv[1]).read()
g = {"__file__": sys.argv[1], "__name__": "plan_gen"}
exec(src[:src.index("def main")], g)
open(sys.argv[2] + "/cohorts.ramme", "w").write(g["instance"](1, 10000, 20, 4))
open(sys.argv[2] + "/teachers.ramme", "w").write(g["instance"](1, 3, 2000, 2))
open(sys.argv[2] + "/slow.ramme", "w").write(g["instance"](1, 1000, 100, 20))
PY
timeout 120 "$ramme" plan "$tmp/cohorts.ramme" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q 'cohorts.ramme:[0-9]*:[0-9]*: error: plan aar has 10000 cohorts; ramme plans at most 1000 at a time' "$tmp/err" \
   && grep -q 'cohort c1001 ' "$tmp/err"; then ok
else bad "10,000 cohorts: exit $rc, $(head -1 "$tmp/err")"; fi
timeout 120 "$ramme" plan "$tmp/teachers.ramme" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q 'teachers.ramme:[0-9]*:[0-9]*: error: plan aar has 2000 teachers; ramme plans with at most 1000' "$tmp/err" \
   && grep -q 'teacher t1001 ' "$tmp/err"; then ok
else bad "2,000 teachers: exit $rc, $(head -1 "$tmp/err")"; fi
timeout 120 "$ramme" plan --time-limit 0.5 "$tmp/slow.ramme" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q '^plan aar for course kursus: feasible$' "$tmp/out" \
   && grep -q 'the time limit of 0.5 s ran out while the options were placed, before any search: no proposal' "$tmp/out" \
   && ! grep -q '^Proposal' "$tmp/out"; then ok
else bad "1,000 cohorts in 0.5 s: exit $rc, $(head -3 "$tmp/out" | tr '\n' ' ')"; fi
timeout 120 "$ramme" plan --time-limit 0.5 --format json "$tmp/slow.ramme" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 1 ] && /usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if d["status"] == "feasible" and d["proposals"] == [] and "conflict" not in d else 1)' "$tmp/out"; then ok
else bad "1,000 cohorts in 0.5 s, JSON: exit $rc"; fi

echo "plan: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
