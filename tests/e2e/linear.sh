#!/usr/bin/env bash
# tests/e2e/linear.sh RAMME — every pass over the input is linear in its
# length: inputs that took hours (or all the memory) when a pass was
# quadratic must finish well inside a generous time limit. Each runs in a
# fraction of a second when linear, so the limit holds time per byte without
# measuring speed: a quadratic pass is off by a factor of thousands.
#   - one string of 2 million escapes (4 MB), with a bad escape at its end:
#     decoding counted the characters before every escape again;
#   - a message with 200,000 interpolations: its parts grew one at a time;
#   - a list value of 200,000 items: the list grew one item at a time.
# Prints "linear: N passed, N failed".
set -u
ramme=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
limit=${LINEAR_TIMEOUT:-20}
pass=0 fail=0

# run NAME WANT_STATUS PATTERN: ramme check NAME.ramme within the limit,
# exit status WANT_STATUS and PATTERN (grep -E) in its stderr or stdout.
run() {
  local name=$1 want=$2 pat=$3 rc
  (cd "$tmp" && timeout "$limit" "$ramme" check "$name.ramme" > "$name.out" 2> "$name.err"); rc=$?
  if [ "$rc" = 124 ]; then
    echo "FAIL linear: $name: not done after $limit s (a quadratic pass?)"; fail=$((fail + 1))
  elif [ "$rc" != "$want" ]; then
    echo "FAIL linear: $name: exit status $rc, expected $want"; head -c 2000 "$tmp/$name.err"; fail=$((fail + 1))
  elif ! grep -qE -- "$pat" "$tmp/$name.err" "$tmp/$name.out"; then
    echo "FAIL linear: $name: no match for '$pat':"; head -c 2000 "$tmp/$name.err"; fail=$((fail + 1))
  else
    pass=$((pass + 1))
  fi
}

n=2000000
{
  printf 'course c "C" {\n  provider "'
  head -c $((2 * n)) /dev/zero | tr '\0' '\\' | sed 's/\\\\/\\n/g'
  printf '\\q"\n}\n'
} > "$tmp/escapes.ramme"
# The bad escape's column: 11 characters before the quote, the quote, then
# 2n characters of escapes.
run escapes 2 "^escapes.ramme:2:$((11 + 1 + 2 * n + 1)): error: unknown escape '\\\\q' in string"

{
  printf 'framework f "F" {\n  rule r {\n    severity error\n    cite "c"\n    message "'
  head -c 200000 /dev/zero | sed 's/\x0/{provider}/g'
  printf '"\n    require no\n  }\n}\n'
} > "$tmp/template.ramme"
run template 0 "no errors"

{
  printf 'course c "C" {\n  locations '
  head -c 200000 /dev/zero | sed 's/\x0/"a", /g'
  printf '"b"\n}\n'
} > "$tmp/list.ramme"
run list 2 "^list.ramme:1:8: error: course c is missing 'provider'"

echo "linear: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
