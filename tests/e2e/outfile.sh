#!/usr/bin/env bash
# tests/e2e/outfile.sh RAMME — `schedule -o FILE` in hostile places:
# - FILE a symlink another user planted (as in a shared /tmp): refused with
#   exit status 2, nothing written, the file it points at untouched; your own
#   symlink is written through as before. Needs root to give a link away
#   (lchown): without it those cases are skipped, and said so.
# Prints "outfile: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
course=$root/examples/frederikshavn.ramme
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL outfile: $*"; fail=$((fail + 1)); }
listing() { (cd "$1" && ls -A | sort | tr '\n' ' '); }

# Your own symlink: the file it points at gets the plan, the link stays.
mkdir "$tmp/own"
echo old > "$tmp/own/real.csv"
ln -s real.csv "$tmp/own/plan.csv"
"$ramme" -I "$root/stdlib" schedule --format csv -o "$tmp/own/plan.csv" "$course" 2> "$tmp/err"; rc=$?
if [ "$rc" = 0 ] && [ -L "$tmp/own/plan.csv" ] && grep -q '^"number"' "$tmp/own/real.csv" \
   && [ "$(listing "$tmp/own")" = "plan.csv real.csv " ]; then ok
else bad "own symlink: exit $rc, $(listing "$tmp/own"): $(cat "$tmp/err")"; fi

# A symlink of another user's: refused, the victim untouched, no file left.
mkdir "$tmp/shared"
chmod 1777 "$tmp/shared"
echo precious > "$tmp/victim"
ln -s "$tmp/victim" "$tmp/shared/plan.csv"
if chown -h 65534:65534 "$tmp/shared/plan.csv" 2>/dev/null; then
  "$ramme" -I "$root/stdlib" schedule --format csv -o "$tmp/shared/plan.csv" "$course" > "$tmp/out" 2> "$tmp/err"; rc=$?
  want="$tmp/shared/plan.csv: error: cannot write '$tmp/shared/plan.csv': it is a symbolic link owned by another user (uid 65534), which ramme does not write through; remove it or write to another name"
  if [ "$rc" = 2 ] && [ "$(cat "$tmp/err")" = "$want" ] && [ "$(cat "$tmp/victim")" = precious ] \
     && [ -L "$tmp/shared/plan.csv" ] && [ "$(listing "$tmp/shared")" = "plan.csv " ] && [ ! -s "$tmp/out" ]; then ok
  else bad "another user's symlink: exit $rc, victim '$(head -c 40 "$tmp/victim")', $(listing "$tmp/shared"): $(cat "$tmp/err")"; fi
else
  echo "outfile: skipped the symlink of another user (needs root for chown -h)"
fi

echo "outfile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
