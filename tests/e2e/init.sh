#!/usr/bin/env bash
# tests/e2e/init.sh RAMME — `ramme init` (TOOLS.md §1): writes NAME.ramme that
# checks with no language error and lists, as unknown, what is still to fill
# in; never writes over a file; names every key of the course schema and every
# competence goal of the national framework (so the template cannot fall
# behind the stdlib); --format modular; a NAME that is no identifier.
# Prints "init: N passed, N failed".
set -u
ramme=$1
case $ramme in /*) ;; *) ramme=$PWD/$ramme ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL init: $*"; fail=$((fail + 1)); }
cd "$tmp" || exit 1

"$ramme" init > out 2>&1 && [ -f course.ramme ] && grep -q "wrote course.ramme" out && ok || { bad "init"; cat out; }
"$ramme" check course.ramme > report 2>err; rc=$?
[ "$rc" = 0 ] && [ ! -s err ] && grep -q "unknown warning  national.goal_coverage" report && ok \
  || { bad "the new course does not check as unknown-but-clean (exit $rc)"; cat err; }
cp course.ramme before
"$ramme" init > out 2>&1; rc=$?
[ "$rc" = 2 ] && grep -q "exists already" out && cmp -s before course.ramme && ok || bad "init wrote over a file (exit $rc)"

# Every key of the course schema, written or commented out.
keys=$(sed -n '/^schema course /,/^}/p' "$root/stdlib/course.ramme" | grep -v ' alias ' | sed -n 's/^  \([a-z_]*\) .*/\1/p')
[ -n "$keys" ] || bad "no keys found in stdlib/course.ramme"
missing=""
for k in $keys; do grep -qE "^  (# )?$k( |$)" course.ramme || missing="$missing $k"; done
[ -z "$missing" ] && ok || bad "the template lacks course keys:$missing"
# Every goal of the national framework, with its title.
goals=$(sed -n 's/^  goal \([a-z_.]*\) .*/\1/p' "$root/stdlib/national.ramme")
missing=""
for g in $goals; do grep -qE "^  #   $g  " course.ramme || missing="$missing $g"; done
[ "$(echo "$goals" | wc -l)" -ge 12 ] && [ -z "$missing" ] && ok || bad "goals not listed:$missing"

"$ramme" init --format modular region_h > out 2>&1 && grep -q "^  format     modular" region_h.ramme \
  && "$ramme" check region_h.ramme > /dev/null 2>err && [ ! -s err ] && ok || { bad "--format modular"; cat out err; }
"$ramme" init 3x > out 2>&1; rc=$?
[ "$rc" = 2 ] && [ ! -e 3x.ramme ] && grep -q "cannot be a course's name" out && ok || bad "a bad NAME (exit $rc)"
"$ramme" check --format cohort course.ramme > out 2>&1; rc=$?
[ "$rc" = 2 ] && grep -q "is for init" out && ok || bad "--format cohort outside init (exit $rc)"
# What init writes is already in the canonical layout: fmt leaves it alone.
"$ramme" fmt --check course.ramme region_h.ramme > out 2>&1 && ok || { bad "init's files are not as fmt lays them out"; cat out; }
# Without a NAME the course is named in the output's language: kursus in Danish.
mkdir da && (cd da && "$ramme" --lang da init > out 2>&1) && [ -f da/kursus.ramme ] && grep -q "skrev kursus.ramme" da/out \
  && grep -q '^course kursus ' da/kursus.ramme && ok || { bad "init in Danish"; cat da/out; }
echo "init: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
