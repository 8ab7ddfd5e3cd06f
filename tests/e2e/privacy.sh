#!/usr/bin/env bash
# tests/e2e/privacy.sh RAMME — applicant files hold health data: the report
# of `ramme admit` shows ids and reasons only. Every cell value of the test
# file except the ids must be absent from stdout and stderr (text, JSON,
# the committee's CSV and the HTML page),
# and present with --show-fields (so the test can see a leak at all).
# Prints "privacy: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
course="$root/tests/golden/admit/course.ramme"
cat > "$tmp/private.csv" <<'CSV'
id,birth_date,municipality,support,active_substance_abuse,dementia,shoe_size
P01,1977-03-04,Testby,municipal_support,no,no,secret-size-43
P02,2011-11-11,Hemmeligby,outpatient_treatment,yes,no,secret-size-45
P03,,Testby,,no,no,secret-size-41
P04,1966-13-40,Testby,inpatient_admission,no,no,secret-size-40
CSV
values="1977-03-04 2011-11-11 Hemmeligby 1966-13-40 secret-size-43 secret-size-45 secret-size-41 secret-size-40"
pass=0 fail=0
for fmt in text json csv html; do
  "$ramme" admit -I "$root/stdlib" --format $fmt "$course" --applicants "$tmp/private.csv" > "$tmp/out" 2>&1
  leaked=""
  for v in $values; do grep -qF -- "$v" "$tmp/out" && leaked="$leaked $v"; done
  if [ -z "$leaked" ] && grep -q P02 "$tmp/out"; then pass=$((pass + 1)); else echo "FAIL privacy ($fmt): leaked:$leaked"; fail=$((fail + 1)); fi
done
"$ramme" admit -I "$root/stdlib" --show-fields "$course" --applicants "$tmp/private.csv" > "$tmp/out" 2>&1
if grep -qF Hemmeligby "$tmp/out"; then pass=$((pass + 1)); else echo "FAIL privacy: --show-fields shows no values"; fail=$((fail + 1)); fi
# The committee's CSV refuses --show-fields (it is sent on), and says nothing else.
"$ramme" admit -I "$root/stdlib" --format csv --show-fields "$course" --applicants "$tmp/private.csv" > "$tmp/out" 2>&1
st=$?
leaked=""
for v in $values P01 P02; do grep -qF -- "$v" "$tmp/out" && leaked="$leaked $v"; done
if [ $st = 2 ] && [ -z "$leaked" ]; then pass=$((pass + 1)); else echo "FAIL privacy (csv --show-fields): status $st, leaked:$leaked"; fail=$((fail + 1)); fi
# So does the HTML page (it is printed and passed round).
"$ramme" admit -I "$root/stdlib" --format html --show-fields "$course" --applicants "$tmp/private.csv" > "$tmp/out" 2>&1
st=$?
leaked=""
for v in $values P01 P02; do grep -qF -- "$v" "$tmp/out" && leaked="$leaked $v"; done
if [ $st = 2 ] && [ -z "$leaked" ]; then pass=$((pass + 1)); else echo "FAIL privacy (html --show-fields): status $st, leaked:$leaked"; fail=$((fail + 1)); fi
# Nothing but the report is written: the directory holds only what we put there.
if [ "$(ls -A "$tmp" | sort | tr '\n' ' ')" = "out private.csv " ]; then pass=$((pass + 1)); else echo "FAIL privacy: stray files: $(ls -A "$tmp")"; fail=$((fail + 1)); fi
# Hostile layouts (hardening issue, items 1 and 3): a file without its header
# row, and rows separated by another character than the header. Each is one
# error that quotes no cell, exit 2, in text and JSON.
printf 'SKIZ01,1985-03-14,Hemmeligby,SKIZOFRENI-XYZ,yes,no\nSKIZ02,1990-01-01,Testby,DEPRESSION-ABC,no,no\n' > "$tmp/noheader.csv"
printf 'Hansen-Jens,Hemmeligby,SKIZOFRENI-XYZ\nP02,Testby,x\n' > "$tmp/noheader2.csv"
printf 'id,birth_date,municipality,support\nP01;1977-03-04;Hemmeligby;SKIZOFRENI-XYZ\n' > "$tmp/mixed.csv"
printf 'id;birth_date;municipality;support\nP01,1977-03-04,Hemmeligby,SKIZOFRENI-XYZ\n' > "$tmp/mixed2.csv"
printf 'id\nP01;1977-03-04;Hemmeligby;SKIZOFRENI-XYZ\n' > "$tmp/mixed3.csv"
hostile="SKIZ01 SKIZ02 1985-03-14 Hemmeligby SKIZOFRENI-XYZ DEPRESSION-ABC Hansen-Jens 1977-03-04"
for f in noheader noheader2 mixed mixed2 mixed3; do
  for fmt in text json; do
    "$ramme" admit -I "$root/stdlib" --format $fmt "$course" --applicants "$tmp/$f.csv" > "$tmp/out" 2>&1; rc=$?
    leaked=""
    for v in $hostile; do grep -qF -- "$v" "$tmp/out" && leaked="$leaked $v"; done
    if [ -z "$leaked" ] && [ "$rc" = 2 ] && grep -qE "header row seems to be missing|but the header row by" "$tmp/out"; then
      pass=$((pass + 1))
    else
      echo "FAIL privacy ($f, $fmt): exit $rc, leaked:$leaked"; sed 's/^/    /' "$tmp/out" | head -n 8
      fail=$((fail + 1))
    fi
  done
  rm -f "$tmp/$f.csv"
done
# Warnings are capped (item 7): 20,000 rows without an id give at most 50
# warnings and one line saying so, not 20,000.
{ echo "id,birth_date,municipality,support,active_substance_abuse,dementia"
  for i in $(seq 1 20000); do echo ",1977-03-04,Testby,municipal_support,no,no"; done; } > "$tmp/noids.csv"
"$ramme" admit -I "$root/stdlib" "$course" --applicants "$tmp/noids.csv" > "$tmp/out" 2>&1
n=$(grep -c "warning: an applicant without an id" "$tmp/out")
if [ "$n" -le 50 ] && grep -q "too many warnings" "$tmp/out"; then pass=$((pass + 1)); else echo "FAIL privacy: $n warnings for rows without an id"; fail=$((fail + 1)); fi
rm -f "$tmp/noids.csv"

# A Danish spreadsheet (issue 14, item 4): Danish column names, day-first
# dates, ja/nej, and a near miss ("Testby Hemmeligkommune" for "Testby"):
# the warning names the requirement and the id, never the value, and no
# date or text of the file is printed, in text and JSON.
printf 'id;f\xc3\xb8dselsdato;kommune;st\xc3\xb8tte;aktivt_misbrug\nDK1;04.03.1977;Testby Hemmeligkommune;kommunal_st\xc3\xb8tte;nej\nDK2;11-11-1966;Testby;kommunal_st\xc3\xb8tte;nej\n' > "$tmp/dansk.csv"
for fmt in text json; do
  "$ramme" admit -I "$root/stdlib" --format $fmt "$course" --applicants "$tmp/dansk.csv" > "$tmp/out" 2>&1; rc=$?
  leaked=""
  for v in 04.03.1977 11-11-1966 Hemmeligkommune; do grep -qF -- "$v" "$tmp/out" && leaked="$leaked $v"; done
  if [ -z "$leaked" ] && [ "$rc" = 0 ] && grep -q "applicant DK1: 'kommune' nearly matches" "$tmp/out" && grep -q DK2 "$tmp/out"; then
    pass=$((pass + 1))
  else
    echo "FAIL privacy (Danish spreadsheet, $fmt): exit $rc, leaked:$leaked"; sed 's/^/    /' "$tmp/out" | head -n 12
    fail=$((fail + 1))
  fi
done
rm -f "$tmp/dansk.csv"

echo "privacy: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
