#!/usr/bin/env bash
# tests/e2e/danish.sh RAMME — a course written in Danish words (TOOLS.md §6,
# docs/language.md §2.1) is the same course as its English twin:
# examples/dansk.ramme and tests/golden/examples/dansk-twin.ramme, line for
# line, give the same reports (check, --coverage, schedule, as text and
# JSON; admit with a Danish spreadsheet and an English one), once the file
# names and places (line:column, which move with the length of a word) are
# set aside. Prints "danish: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
da="$root/examples/dansk.ramme" en="$root/tests/golden/examples/dansk-twin.ramme"

# Places and file names out: "FILE:L:C" and JSON's "file"/"line"/"column".
norm() {
  sed -e 's#[^ ]*\.ramme:[0-9]*:[0-9]*#PLACE#g' -e 's#[^ "]*\.ramme#FILE#g' \
      -e '/"\(line\|column\|end_line\|end_column\)": [0-9]*,\{0,1\}$/d'
}

# LABEL ARGS...: the report of ARGS on the Danish file equals the English one's.
same() {
  local label=$1
  shift
  "$ramme" -I "$root/stdlib" "$@" "$da" >"$tmp/da.raw" 2>&1; local rda=$?
  "$ramme" -I "$root/stdlib" "$@" "$en" >"$tmp/en.raw" 2>&1; local ren=$?
  norm <"$tmp/da.raw" >"$tmp/da"
  norm <"$tmp/en.raw" >"$tmp/en"
  if [ "$rda" = "$ren" ] && cmp -s "$tmp/da" "$tmp/en" && [ -s "$tmp/da" ]; then
    pass=$((pass + 1))
  else
    echo "FAIL danish ($label): exit $rda vs $ren"
    diff -u "$tmp/en" "$tmp/da" | head -n 20 | sed 's/^/    /'
    fail=$((fail + 1))
  fi
}

same check check
same check-json check --format json
same coverage check --coverage
same schedule schedule
same schedule-json schedule --format json

# admit: a Danish spreadsheet (';', a BOM, Danish column names, day-first
# dates, ja/nej/sand/falsk) against the Danish course gives the report an
# English one (ISO dates, yes/no) gives against the twin: stdout and the
# status. The warnings name the column as each file writes it ('kommune',
# 'municipality'): JSON's diagnostics are compared with that word set aside.
mkdir -p "$tmp/csv-da" "$tmp/csv-en"
printf '\xef\xbb\xbfid;f\xc3\xb8dselsdato;kommune;levede_erfaringer;aktivt_misbrug\r\nN01;14-03-1985;Nordby;ja;nej\r\nN02;20.01.2010;Nordby;ja;nej\r\nN03;02-11-1979;Nordby Kommune;sand;falsk\r\nN04;30.06.1990;Sydby;ja;nej\r\nN05;9.9.1972;Nordby;nej;nej\r\n' > "$tmp/csv-da/apps.csv"
printf 'id,birth_date,municipality,lived_experience,active_substance_abuse\nN01,1985-03-14,Nordby,yes,no\nN02,2010-01-20,Nordby,yes,no\nN03,1979-11-02,Nordby Kommune,yes,no\nN04,1990-06-30,Sydby,yes,no\nN05,1972-09-09,Nordby,no,no\n' > "$tmp/csv-en/apps.csv"
csvnorm() { sed -e 's#/csv-\(da\|en\)/#/csv/#' -e "s/'kommune' nearly/'municipality' nearly/"; }
for fmt in text json; do
  "$ramme" admit -I "$root/stdlib" --format $fmt "$da" --applicants "$tmp/csv-da/apps.csv" 2>/dev/null | norm | csvnorm >"$tmp/da.out"; rda=${PIPESTATUS[0]}
  "$ramme" admit -I "$root/stdlib" --format $fmt "$en" --applicants "$tmp/csv-en/apps.csv" 2>/dev/null | norm | csvnorm >"$tmp/en.out"; ren=${PIPESTATUS[0]}
  if [ "$rda" = "$ren" ] && cmp -s "$tmp/da.out" "$tmp/en.out" && grep -q "N03" "$tmp/da.out" && grep -q "near" "$tmp/da.out"; then
    pass=$((pass + 1))
  else
    echo "FAIL danish (admit, $fmt): exit $rda vs $ren"
    diff -u "$tmp/en.out" "$tmp/da.out" | head -n 20 | sed 's/^/    /'
    fail=$((fail + 1))
  fi
done

# The Danish file checks clean: no diagnostic, exit 0.
if "$ramme" -I "$root/stdlib" check "$da" >"$tmp/out" 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
  pass=$((pass + 1))
else
  echo "FAIL danish: examples/dansk.ramme does not check clean"; sed 's/^/    /' "$tmp/err" | head -n 8
  fail=$((fail + 1))
fi
echo "danish: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
