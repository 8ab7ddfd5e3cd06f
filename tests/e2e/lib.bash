# tests/e2e/lib.bash — the start every e2e script shares. Sourced, not run:
#   . "$(dirname "$0")/lib.bash" NAME "$@"
# (not NAME.sh: run.sh runs every .sh here)
# sets `ramme` (the binary given as the script's first argument, made
# absolute), `root` (the repository), `tmp` (a fresh directory removed at
# exit), the counters `pass` and `fail`, `ok` and `bad MESSAGE` (which
# prints "FAIL NAME: MESSAGE"), and `e2e_done`, the script's last line:
# "NAME: N passed, N failed" and the exit status (1 when any failed).
set -u
e2e_name=$1
ramme=$2
case $ramme in /*) ;; *) ramme=$PWD/$ramme ;; esac
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $e2e_name: $*"; fail=$((fail + 1)); }
e2e_done() {
  echo "$e2e_name: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}
