#!/usr/bin/env bash
# tests/e2e/confine.sh RAMME — what a course file may make ramme read
# (hardening issue, items 2, 4 and 5). A coordinator checks files written by
# others and shares the reports, so:
#   - an import reads only a regular .ramme file below the main file's folder,
#     a -I directory or the standard library, and a refused import quotes
#     nothing of its target (no key, no password line, no environment);
#   - a FIFO or a directory is refused at once, not waited on;
#   - a data file (CSV, JSON) given where a course goes is one error that
#     quotes nothing;
#   - a module in -I or RAMME_PATH that replaces a standard one is a warning
#     naming both files; a directory others can write to is refused, and a
#     relative RAMME_PATH entry is not used.
# Prints "confine: N passed, N failed".
set -u
ramme=$1
case $ramme in /*) ;; *) ramme=$PWD/$ramme ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL confine: $*"; fail=$((fail + 1)); }

# run NAME ARGS...: runs ramme from $tmp/course, output in $tmp/NAME.out, status in $rc.
run() {
  local name=$1; shift
  (cd "$tmp/course" && RAMME_TEST_SECRET=zz-env-secret-zz timeout 10 "$ramme" "$@") >"$tmp/$name.out" 2>&1
  rc=$?
}
# expect NAME STATUS MESSAGE [SECRET...]: the status, the message present, no secret.
expect() {
  local name=$1 want=$2 msg=$3; shift 3
  local why=""
  [ "$rc" = "$want" ] || why="$why status $rc (want $want);"
  grep -qF -- "$msg" "$tmp/$name.out" || why="$why no '$msg';"
  for s in "$@"; do grep -qF -- "$s" "$tmp/$name.out" && why="$why leaked '$s';"; done
  if [ -z "$why" ]; then ok; else bad "$name:$why"; sed 's/^/    /' "$tmp/$name.out" | head -n 12; fi
}

mkdir -p "$tmp/course/sub" "$tmp/secrets"
printf 'API_KEY=hunter2-SECRET\n' > "$tmp/secrets/app.env"
printf 'SECRET-LINE-ONE is not ramme\nSECRET-LINE-TWO\n' > "$tmp/secrets/outside.ramme"
printf 'SECRET-IN-TREE not ramme either\n' > "$tmp/course/notes.txt"
course() { printf 'import "%s"\n' "$1" > "$tmp/course/$2"; }

# Item 4: absolute paths, '..' out of the tree, links, /proc.
course /etc/passwd abs.ramme
run abs check abs.ramme
expect abs 2 "cannot import '/etc/passwd': an import names a .ramme file" "root:"
course ../secrets/app.env env.ramme
run env check env.ramme
expect env 2 "an import names a .ramme file" hunter2
course ../secrets/outside.ramme out.ramme
run out check out.ramme
expect out 2 "it is outside the course's folder" SECRET-LINE
course "$tmp/secrets/outside.ramme" outabs.ramme
run outabs check outabs.ramme
expect outabs 2 "it is outside the course's folder" SECRET-LINE
course ./notes.txt txt.ramme
run txt check txt.ramme
expect txt 2 "an import names a .ramme file" SECRET-IN-TREE
ln -s ../secrets/outside.ramme "$tmp/course/link.ramme"
course ./link.ramme link-main.ramme
run link check link-main.ramme
expect link 2 "it is outside the course's folder" SECRET-LINE
course /proc/self/environ proc.ramme
run proc check proc.ramme
expect proc 2 "cannot import '/proc/self/environ'" zz-env-secret-zz
course ./sub/../../secrets/outside.ramme dots.ramme
run dots check dots.ramme
expect dots 2 "it is outside the course's folder" SECRET-LINE

# Non-regular files: refused at once (a FIFO would block a plain open forever).
mkfifo "$tmp/course/pipe.ramme"
course ./pipe.ramme fifo.ramme
run fifo check fifo.ramme
expect fifo 2 "cannot import 'pipe.ramme': it is not a regular file"
mkdir "$tmp/course/dir.ramme"
course ./dir.ramme dir-main.ramme
run dirm check dir-main.ramme
expect dirm 2 "cannot import 'dir.ramme': it is not a regular file"

# What stays allowed: a file below the course's folder, '..' that stays inside
# it, and a folder named with -I.
cp "$root/examples/region-midt.ramme" "$tmp/course/sub/region-midt.ramme"
printf 'import "../shared.ramme"\n' > "$tmp/course/sub/local.ramme"
printf 'enum shared_enum { a, b }\n' > "$tmp/course/shared.ramme"
printf 'import "./sub/region-midt.ramme"\nimport "./sub/local.ramme"\n' > "$tmp/course/inside.ramme"
run inside check inside.ramme
[ "$rc" = 0 ] && ! grep -q "cannot import" "$tmp/inside.out" && ok || { bad "inside: status $rc"; cat "$tmp/inside.out"; }
cp "$root/examples/region-midt.ramme" "$tmp/secrets/region-midt.ramme"
printf 'import "../secrets/region-midt.ramme"\n' > "$tmp/course/with-i.ramme"
run withi check -I "$tmp/secrets" with-i.ramme
[ "$rc" = 0 ] && ok || { bad "with -I: status $rc"; cat "$tmp/withi.out"; }

# Item 2: an applicant file where a course goes: one error, no value.
cat > "$tmp/course/ansøgere.csv" <<'CSV'
id,birth_date,municipality,support
P01,1977-03-04,Hemmeligby,outpatient_treatment
CSV
for fmt in text json; do
  run csv-$fmt check --format $fmt ansøgere.csv
  expect csv-$fmt 2 "looks like a CSV file" Hemmeligby 1977-03-04 P01
done
cp "$tmp/course/ansøgere.csv" "$tmp/course/ansøgere.txt"
run csvtxt check ansøgere.txt
expect csvtxt 2 "looks like a CSV file" Hemmeligby 1977-03-04
printf 'id;birth_date;municipality\nP01;1977-03-04;Hemmeligby\n' > "$tmp/course/semi.txt"
run semi check semi.txt
expect semi 2 "looks like a CSV file" Hemmeligby
printf '[{"id": "P01", "municipality": "Hemmeligby"}]\n' > "$tmp/course/data.ramme"
run json check data.ramme
expect json 2 "looks like a JSON file" Hemmeligby
# admit's arguments swapped.
run swapped admit ansøgere.csv --applicants inside.ramme
expect swapped 2 "looks like a CSV file" Hemmeligby 1977-03-04
# A ramme file whose first entry ends with ';' is still ramme.
printf 'enum e { a }; enum f { b }\n' > "$tmp/course/semi-ok.ramme"
run semiok check semi-ok.ramme
[ "$rc" = 0 ] && ok || { bad "semi-ok: status $rc"; cat "$tmp/semiok.out"; }

# Item 5: a planted national.ramme.
mkdir -p "$tmp/plant" "$tmp/course/rel"
printf 'framework national "planted" {\n}\n' > "$tmp/plant/national.ramme"
cp "$tmp/plant/national.ramme" "$tmp/course/rel/national.ramme"
cp "$root/examples/region-midt.ramme" "$tmp/course/region-midt.ramme"
cp "$root/examples/municipal-variant.ramme" "$tmp/course/variant.ramme"
run shadow check -I "$tmp/plant" variant.ramme
expect shadow 0 "the module 'national' is read from '$tmp/plant/national.ramme', not from the standard library"
grep -qF "it replaces '" "$tmp/shadow.out" && ok || bad "shadow: the replaced file is not named"
# RAMME_PATH works like -I, but a relative entry is not used at all: the real
# framework judges the variant (exit 1, national.experiential_instructor).
(cd "$tmp/course" && RAMME_PATH=rel timeout 10 "$ramme" check variant.ramme) >"$tmp/relpath.out" 2>&1; rc=$?
expect relpath 1 "the RAMME_PATH entry 'rel' is not used: it is a relative path"
grep -q "national.experiential_instructor" "$tmp/relpath.out" && ok || bad "relpath: the real framework did not judge"
(cd "$tmp/course" && RAMME_PATH="$tmp/plant" timeout 10 "$ramme" check variant.ramme) >"$tmp/envpath.out" 2>&1; rc=$?
expect envpath 0 "is read from '$tmp/plant/national.ramme'"
# Directories others can write to are refused.
chmod 777 "$tmp/plant"
run ww check -I "$tmp/plant" variant.ramme
expect ww 2 "the -I directory '$tmp/plant' is not used: every user can write to it"
(cd "$tmp/course" && RAMME_PATH="$tmp/plant" timeout 10 "$ramme" check variant.ramme) >"$tmp/wwenv.out" 2>&1; rc=$?
expect wwenv 2 "the RAMME_PATH directory '$tmp/plant' is not used"
chmod 1777 "$tmp/plant"
run sticky check -I "$tmp/plant" variant.ramme
expect sticky 2 "every user can write to it"
chmod 755 "$tmp/plant"

echo "confine: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
