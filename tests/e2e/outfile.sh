#!/usr/bin/env bash
# tests/e2e/outfile.sh RAMME — `-o FILE` on every command that writes a
# report, and `schedule -o FILE` in hostile places:
# - FILE a symlink another user planted (as in a shared /tmp): refused with
#   exit status 2, nothing written, the file it points at untouched; your own
#   symlink is written through as before. Needs root to give a link away
#   (lchown): without it those cases are skipped, and said so.
# - SIGTERM, SIGINT or SIGHUP while FILE is being written: no `.FILE.XXXXXX`
#   temporary file is left, FILE is as it was, and the run ends by that
#   signal. Deterministic, with no sleep: a preloaded fsync (ramme's only
#   one before the rename is outfile_commit's, when the temporary file is
#   whole) sends ramme the signal at that very moment. A signal the run was
#   started to ignore (nohup) stays ignored.
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

# The signal at the moment the temporary file is written and not yet renamed.
cat > "$tmp/shim.c" <<'C'
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Whatever the harness ignores, ramme starts with the default actions,
 * unless the test wants to see an ignored signal kept. */
__attribute__((constructor)) static void defaults(void)
{
    if (getenv("RAMME_TEST_KEEP_SIGNALS"))
        return;
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
}

int fsync(int fd)
{
    const char *s = getenv("RAMME_TEST_SIGNAL");
    if (s)
        kill(getpid(), atoi(s));
    return (int)syscall(SYS_fsync, fd);
}
C
if ! cc -shared -fPIC -o "$tmp/shim.so" "$tmp/shim.c" 2> "$tmp/err"; then
  bad "cannot build the fsync shim: $(cat "$tmp/err")"
else
  # A sanitizer build wants its runtime first; the shim comes before it.
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
  mkdir "$tmp/sig"
  for sig in TERM INT HUP; do
    num=$(kill -l "$sig")
    echo old > "$tmp/sig/hold.ics"
    # (The braces' stderr takes the shell's "Terminated" notice, not ramme's.)
    { RAMME_TEST_SIGNAL=$num LD_PRELOAD="$tmp/shim.so" \
        "$ramme" -I "$root/stdlib" schedule --format ics -o "$tmp/sig/hold.ics" "$course" 2> "$tmp/err"; rc=$?; } 2> /dev/null
    if [ "$rc" = $((128 + num)) ] && [ "$(listing "$tmp/sig")" = "hold.ics " ] && [ "$(cat "$tmp/sig/hold.ics")" = old ]; then ok
    else bad "SIG$sig while writing -o: exit $rc (expected $((128 + num))), left: $(listing "$tmp/sig"): $(cat "$tmp/err")"; fi
    rm -f "$tmp/sig/"* "$tmp/sig/".hold.ics.*
  done
  # nohup: SIGHUP ignored from the start stays ignored; the plan is written.
  (trap '' HUP; RAMME_TEST_KEEP_SIGNALS=1 RAMME_TEST_SIGNAL=$(kill -l HUP) LD_PRELOAD="$tmp/shim.so" \
     exec "$ramme" -I "$root/stdlib" schedule --format ics -o "$tmp/sig/hold.ics" "$course") 2> "$tmp/err"; rc=$?
  if [ "$rc" = 0 ] && [ "$(listing "$tmp/sig")" = "hold.ics " ] && grep -q '^BEGIN:VCALENDAR' "$tmp/sig/hold.ics"; then ok
  else bad "SIGHUP ignored (nohup) while writing -o: exit $rc, left: $(listing "$tmp/sig"): $(cat "$tmp/err")"; fi
fi

# -o on every command that writes a report (TOOLS.md §5): the file gets exactly
# what standard output would have, and standard output nothing.
mkdir "$tmp/every"
apps=$root/examples/applicants.csv
variant=$root/examples/municipal-variant.ramme
for c in "check $course" "check --format json $course" "explain national.network" \
         "diff $variant region_midt midt_variant" "admit --format csv $course --applicants $apps" \
         "admit $course --applicants $apps" "test $root/examples"; do
  name=$(echo "$c" | tr -c 'a-z\n' '_' | cut -c1-40)
  # shellcheck disable=SC2086
  "$ramme" -I "$root/stdlib" $c > "$tmp/every/$name.want" 2>/dev/null; want=$?
  # shellcheck disable=SC2086
  "$ramme" -I "$root/stdlib" $c -o "$tmp/every/$name.got" > "$tmp/every/$name.stdout" 2>/dev/null; rc=$?
  if [ "$rc" = "$want" ] && cmp -s "$tmp/every/$name.want" "$tmp/every/$name.got" && [ ! -s "$tmp/every/$name.stdout" ]; then ok
  else bad "-o with '$c': exit $rc (want $want), file and stdout differ from the report"; fi
done
# A command that fails (exit 2) leaves FILE as it was, and its output goes to
# standard output as without -o, with a note on stderr.
echo 'course x {' > "$tmp/every/broken.ramme"
echo old > "$tmp/every/r.json"
"$ramme" -I "$root/stdlib" check --format json -o "$tmp/every/r.json" "$tmp/every/broken.ramme" > "$tmp/every/out" 2> "$tmp/err"; rc=$?
if [ "$rc" = 2 ] && [ "$(cat "$tmp/every/r.json")" = old ] && grep -q '"diagnostics"' "$tmp/every/out" \
   && grep -q "not written" "$tmp/err" && [ -z "$(ls -A "$tmp/every" | grep '^\.')" ]; then ok
else bad "a failing check with -o: exit $rc, file: $(cat "$tmp/every/r.json" | head -c 80)"; fi
# init and fmt write files of their own: -o is refused.
"$ramme" init -o "$tmp/every/x.ramme" > /dev/null 2>&1; rc=$?
"$ramme" fmt -o "$tmp/every/y.ramme" "$course" > /dev/null 2>&1; rc2=$?
[ "$rc" = 2 ] && [ "$rc2" = 2 ] && [ ! -e "$tmp/every/x.ramme" ] && [ ! -e "$tmp/every/y.ramme" ] && ok \
  || bad "-o with init or fmt: exit $rc, $rc2"

echo "outfile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
