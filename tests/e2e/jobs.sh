#!/usr/bin/env bash
# tests/e2e/jobs.sh RAMME — `check -j N` checks files in N threads and writes
# the same report as -j 1, byte for byte, with the same diagnostics and exit
# status (issue 20):
#   - on the bench generator's courses (bench/gen.py) split into files, with
#     a file that has language errors, one without a course and a variant
#     that imports another file among them, in every format, with --coverage
#     and --strict;
#   - on every golden case of check, run with -j 3 through the golden runner
#     (a case with one file has its courses judged by 3 threads where no fix
#     is sought; tests/e2e/jobs-courses.sh tests that further).
# Prints "jobs: N passed, N failed".
. "$(dirname "$0")/lib.bash" jobs "$@"

/usr/bin/python3 "$root/bench/gen.py" --seed 11 --count 1200 --split "$tmp/split" --per 40 >/dev/null
rm -f "$tmp"/split/*.jsonl
cp "$root/tests/golden/check/brief-diagnostics.ramme" "$tmp/split/part-0005b.ramme"
cp "$root/stdlib/national.ramme" "$tmp/split/part-0011b.ramme"
cp "$root/examples/frederikshavn.ramme" "$root/examples/variant-group-size.ramme" "$tmp/split/"
files=("$tmp"/split/*.ramme)

same() { # ARGS...: -j 1 and -j 4 agree
  (cd "$tmp" && "$ramme" check -j 1 "$@" >j1.out 2>j1.err; echo $? >j1.st)
  (cd "$tmp" && "$ramme" check -j 4 "$@" >j4.out 2>j4.err; echo $? >j4.st)
  if cmp -s "$tmp/j1.out" "$tmp/j4.out" && cmp -s "$tmp/j1.err" "$tmp/j4.err" && cmp -s "$tmp/j1.st" "$tmp/j4.st" \
     && [ -s "$tmp/j1.out" ]; then
    pass=$((pass + 1))
  else
    echo "FAIL jobs: check $* differs between -j 1 and -j 4 (status $(cat "$tmp/j1.st") and $(cat "$tmp/j4.st"))"
    fail=$((fail + 1))
  fi
}
for fmt in text json brief html; do
  same --format "$fmt" -I "$root/stdlib" "${files[@]}"
done
same --coverage --strict -I "$root/stdlib" "${files[@]}"
same --format json --coverage -I "$root/stdlib" "${files[@]}"
same --lang da --format brief -I "$root/stdlib" "${files[@]}"
# The report is really there, and the run reports the file with errors.
grep -q 'part-0005b.ramme:15:3: fejl: ukendt nøgle' "$tmp/j4.out" && pass=$((pass + 1)) \
  || { echo "FAIL jobs: the file with errors is not in the report"; fail=$((fail + 1)); }

# Every golden case of check, with -j 3.
cat >"$tmp/wrap.sh" <<'SH'
bin=$1; shift
if [ "${1-}" = check ]; then shift; exec "$bin" check -j 3 "$@"; fi
exec "$bin" "$@"
SH
out=$(bash "$root/tests/golden/run.sh" --wrap "bash $tmp/wrap.sh" "$ramme" \
        "$root"/tests/golden/{check,da,html,errors,escapes,examples,regressions} 2>&1 | tail -n 1)
case $out in
  "golden: "*" passed, 0 failed") pass=$((pass + 1)) ;;
  *) echo "FAIL jobs: the golden cases with -j 3: $out"; fail=$((fail + 1)) ;;
esac

# -j is for check, and takes a number.
"$ramme" check -j 0 "${files[0]}" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" = 2 ] && grep -q -- "-j takes a number of threads from 1 to 256, not '0'" "$tmp/err" && pass=$((pass + 1)) \
  || { echo "FAIL jobs: -j 0 (status $rc)"; fail=$((fail + 1)); }
"$ramme" explain -j 2 national.network >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" = 2 ] && grep -q -- "-j is for check, not explain" "$tmp/err" && pass=$((pass + 1)) \
  || { echo "FAIL jobs: explain -j 2 (status $rc)"; fail=$((fail + 1)); }

e2e_done
