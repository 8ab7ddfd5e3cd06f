#!/usr/bin/env bash
# tests/e2e/fix.sh RAMME — fix suggestions (issue 19). Every suggestion that
# `ramme check --format json` offers for the golden cases and the examples is
# applied to a copy (by line and column, as an editor would: fix_check.py) and
# checked again: the file compiles, the rule passes, exactly the rules the fix
# names newly fail, and a file in the canonical layout stays in it. Then
# `check --fix`: the file is changed as reported (the first fix of every
# failed error rule, the same edits the JSON gives), the check after it
# passes; a file with a failed error rule nothing fixes, and a file with
# warnings only, are left byte for byte as they were.
# Prints "fix: N passed, N failed".
. "$(dirname "$0")/lib.bash" fix "$@"

# Every suggestion, applied and checked.
for d in examples tests/golden/check tests/golden/da tests/golden/regressions tests/golden/escapes; do
  out=$(cd "$root" && /usr/bin/python3 tests/e2e/fix_check.py "$ramme" "$d"/*.ramme 2>&1); rc=$?
  n=$(printf '%s\n' "$out" | sed -n 's/^fix_check: \([0-9]*\) fixes checked.*/\1/p')
  if [ "$rc" = 0 ] && [ -n "$n" ]; then ok; else bad "$d"; printf '%s\n' "$out" | grep -v '^ok '; fi
done
# The examples have suggestions to check at all (the checker is not idle).
n=$(cd "$root" && /usr/bin/python3 tests/e2e/fix_check.py "$ramme" examples/*.ramme | sed -n 's/^fix_check: \([0-9]*\) fixes.*/\1/p')
[ "${n:-0}" -ge 20 ] && ok || bad "only ${n:-0} suggestions over the examples"

# check --fix: the theory hours of a variant, as the text report says.
cp -r "$root/examples" "$tmp/ex"
cd "$tmp/ex" || exit 1
"$ramme" check variant-theory-hours.ramme > before.txt
grep -q '^ *fix: set theory.weeks to 13$' before.txt && ok || bad "the text report has no 'fix: set theory.weeks to 13'"
"$ramme" check --format json variant-theory-hours.ramme > before.json
"$ramme" check --fix variant-theory-hours.ramme > after.txt 2> fix.err; rc=$?
[ "$rc" = 0 ] && ok || bad "check --fix variant-theory-hours.ramme: exit $rc (the check after the fix should pass)"
grep -q '^variant-theory-hours.ramme:8:23: fixed consistency.theory_hours: set theory.weeks to 13$' fix.err && ok \
  || { bad "--fix does not report its change"; cat fix.err; }
# The file is what the JSON's first fix of that rule makes of it.
ROOT=$root /usr/bin/python3 - "$root/examples/variant-theory-hours.ramme" before.json variant-theory-hours.ramme <<'PY' && ok || bad "--fix did not make the reported edit"
import json, sys
import os
sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests/e2e"))
from fix_check import apply
orig = open(sys.argv[1], encoding="utf-8", newline="").read()
doc = json.load(open(sys.argv[2], encoding="utf-8"))
r = [r for r in doc["courses"][0]["results"] if r["rule"] == "consistency.theory_hours"][0]
want = apply(orig, r["fixes"][0]["edits"])
sys.exit(0 if open(sys.argv[3], encoding="utf-8", newline="").read() == want else 1)
PY
grep -q 'consistency.theory_hours' after.txt && ! grep -q 'FAIL *error *consistency.theory_hours' after.txt && ok \
  || bad "the report after --fix still fails consistency.theory_hours"
# Every example fixed at once: each file's failed error rules all pass after it.
for f in variant-*.ramme municipal-variant.ramme; do
  "$ramme" check --fix "$f" > /dev/null 2>&1
  "$ramme" check --format json "$f" | /usr/bin/python3 -c '
import json, sys
doc = json.load(sys.stdin)
sys.exit(1 if any(r["status"] == "fail" and r["severity"] == "error" for c in doc["courses"] for r in c["results"]) else 0)' \
    && ok || bad "$f: an error rule still fails after --fix"
done
# Warnings only: nothing to fix, the file byte for byte as it was.
"$ramme" check --fix region-hovedstaden.ramme > /dev/null 2> warn.err
cmp -s region-hovedstaden.ramme "$root/examples/region-hovedstaden.ramme" && [ ! -s warn.err ] && ok \
  || bad "--fix changed a file that fails no error rule"
# A failed error rule nothing can fix: the file untouched, a warning, exit 1.
cat > unfixable.ramme <<'R'
framework own "Own" {
  rule two_targets {
    severity error
    cite     "c"
    message  "m"
    require  count(target) >= 2
  }
}

course c "C" {
  provider   "P"
  conforms   own
  group_size 4..8
  target peers "P" { lived_experience }
  instructors {
    instructor peer "Peer" { experiential_competence }
  }
}
R
cp unfixable.ramme unfixable.orig
"$ramme" check --fix unfixable.ramme > /dev/null 2> unfix.err; rc=$?
cmp -s unfixable.ramme unfixable.orig && [ "$rc" = 1 ] && grep -q 'no fix that could be applied' unfix.err && ok \
  || { bad "a file nothing fixes: exit $rc, changed or not said"; cat unfix.err; }
e2e_done
