#!/usr/bin/env bash
# tests/e2e/solverlib.sh RAMME — GLPK is loaded only by what solves a plan
# (src/apps/glpklib.h): the binary names neither it nor what it drags in,
# so no other command pays for loading them at start-up (issue 20); a
# machine without it plans with the search alone, says so, and gives the
# same proposals.
# Prints "solverlib: N passed, N failed"; exits 1 when any failed.
. "$(dirname "$0")/lib.bash" solverlib "$@"

needed=$(objdump -p "$ramme" | awk '/NEEDED/ {print $2}' | tr '\n' ' ')
if ! grep -qE 'libglpk|libgmp|libamd|libcolamd|libltdl|libsuitesparse' <<<"$needed"; then
  ok
else
  bad "the binary links what only the planner needs: $needed"
fi

# With GLPK: a plan that ranks through its LP, and no word about it.
plan="$root/examples/region-midt-plan.ramme"
"$ramme" plan -I "$root/stdlib" "$plan" >"$tmp/with" 2>"$tmp/with-err"; rc=$?
if [ "$rc" = 0 ] && grep -q '^Proposal 1' "$tmp/with" && ! grep -q 'solver library' "$tmp/with-err"; then
  ok
else
  bad "plan with GLPK (exit status $rc)"; cat "$tmp/with-err"
fi

# Without GLPK at run time (hidden by a bind mount in a private mount
# namespace, where unshare allows one): a warning and its help on the error
# output, the same proposals, exit status 0; a check never notices. Where
# user namespaces are not allowed the case is skipped, and says so.
lib=$(ldconfig -p 2>/dev/null | awk '/libglpk\.so\.[0-9]/ {print $NF; exit}')
if [ -n "$lib" ] && unshare -rm true 2>/dev/null; then
  unshare -rm bash -c 'mount --bind /dev/null "$(readlink -f "$1")" || exit 9
    "$2" plan -I "$3/stdlib" "$4" >"$5/without" 2>"$5/without-err"; echo $? >"$5/rc"
    "$2" check -I "$3/stdlib" "$3/examples/region-midt.ramme" >/dev/null 2>"$5/check-err"; echo $? >"$5/rc-check"' \
    _ "$lib" "$ramme" "$root" "$plan" "$tmp"
  if [ "$(cat "$tmp/rc" 2>/dev/null)" = 0 ] && cmp -s "$tmp/with" "$tmp/without" \
     && grep -q "warning: the solver library libglpk.so.[0-9]* could not be loaded (.*): the proposals are ranked by the search alone" "$tmp/without-err" \
     && grep -q "help: install GLPK" "$tmp/without-err" \
     && [ "$(cat "$tmp/rc-check")" = 0 ] && [ ! -s "$tmp/check-err" ]; then
    ok
  else
    bad "without GLPK (exit statuses $(cat "$tmp/rc" "$tmp/rc-check" 2>/dev/null | tr '\n' ' '))"
    diff "$tmp/with" "$tmp/without" | head -20; cat "$tmp/without-err"
  fi
else
  echo "solverlib: skipped the case without GLPK (no user namespaces here)"
fi

e2e_done
