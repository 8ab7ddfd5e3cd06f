#!/usr/bin/env bash
# tests/e2e/jobs-courses.sh RAMME — `check -j N` judges the courses of one
# batch file in N threads (issue 20 item 1) and writes the same report as
# -j 1, byte for byte: stdout, stderr and the exit status, compared for
# -j 2, -j 4 and -j 7 on files from the bench generator (bench/gen.py):
#   - a clean file of 700 courses, larger than check's fix limit (so no fix
#     is sought and its courses go to the threads), in every format, with
#     --coverage, --strict and in Danish;
#   - the same with syntax errors and unknown keys in some courses (more
#     than the 50 errors shown: the parser and "declared twice" act on the
#     cap, which a thread can only guess), courses declared twice (one
#     whose first declaration has a syntax error), variants that extend an
#     earlier and a later course (built with the program), a course with no
#     name and one that extends a course nobody declares;
#   - a file with few errors (below the cap) and namesakes across runs;
#   - a small file (--format brief: no fixes, so its courses go to threads
#     too) and several files at once.
# tests/e2e/jobs.sh runs every golden case of check with -j 3, which judges
# a file's courses in threads where no fix is sought.
# Prints "jobs-courses: N passed, N failed".
. "$(dirname "$0")/lib.bash" jobs-courses "$@"

/usr/bin/python3 "$root/bench/gen.py" --seed 5 --count 700 --ramme "$tmp/big.ramme" --json /dev/null >/dev/null

# mutate.py SRC DST EVERY: courses changed in place (see above); EVERY
# spaces out the syntax errors.
cat >"$tmp/mutate.py" <<'PY'
import re, sys
src, dst, every = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(src, encoding='utf-8').read()
head, _, body = text.partition('\ncourse ')
parts = ['course ' + p for p in body.split('\ncourse ')]
name = lambda c: re.match(r'course (\w+)', c).group(1)
# A course extended by another is built with the program: it must have no
# error, or the program has one and no course is judged.
clean = lambda k: k % every != 3 and k % (every + 4) != 5 and k % 50 != 7
base = lambda k: name(parts[next(b for b in range(k, len(parts)) if clean(b))])
out = []
for i, c in enumerate(parts):
    lines = c.split('\n')
    if i % every == 3:                  # a syntax error inside the course
        lines.insert(2, '  hours = = 3')
    if i % (every + 4) == 5:            # an unknown key: an error of the model
        lines.insert(2, '  colour red')
    if i % 50 == 7:                     # declared twice: the name of the course three before
        lines[0] = re.sub(r'^course \w+', 'course ' + name(parts[i - 3]), lines[0])
    out.append('\n'.join(lines))
    if i % 100 == 20:                   # variants of an earlier and of a later course
        out.append('course variant_%d "Variant %d" extends %s {\n  group_size 12..8\n}\n' % (i, i, base(i - 5)))
        out.append('course later_%d "Later %d" extends %s {\n  group_size 4..6\n}\n' % (i, i, base(i + 40)))
    if i == 300:
        out.append('course "no name" {\n  provider "x"\n}\n')
        out.append('course variant_missing extends kursus_nonesuch {\n  group_size 6..8\n}\n')
open(dst, 'w', encoding='utf-8').write(head + '\n' + '\n'.join(out))
PY
/usr/bin/python3 "$tmp/mutate.py" "$tmp/big.ramme" "$tmp/mixed.ramme" 9
/usr/bin/python3 "$tmp/mutate.py" "$tmp/big.ramme" "$tmp/few.ramme" 97
# The first 120 courses: under the fix limit.
awk '/^course /{n++} n<=120' "$tmp/big.ramme" >"$tmp/small.ramme"

same() { # ARGS...: -j 1 and -j 2, 4, 7 agree
  (cd "$tmp" && "$ramme" check -j 1 "$@" >j1.out 2>j1.err; echo $? >j1.st)
  local j
  for j in 2 4 7; do
    (cd "$tmp" && "$ramme" check -j "$j" "$@" >jn.out 2>jn.err; echo $? >jn.st)
    if cmp -s "$tmp/j1.out" "$tmp/jn.out" && cmp -s "$tmp/j1.err" "$tmp/jn.err" && cmp -s "$tmp/j1.st" "$tmp/jn.st" \
       && [ -s "$tmp/j1.out" ]; then
      ok
    else
      bad "check $* differs between -j 1 and -j $j (status $(cat "$tmp/j1.st") and $(cat "$tmp/jn.st"))"
      diff "$tmp/j1.err" "$tmp/jn.err" | head -n 20
      diff "$tmp/j1.out" "$tmp/jn.out" | head -n 20
    fi
  done
}
for f in big mixed few; do
  for fmt in text json brief html; do
    same --format "$fmt" "$f.ramme"
  done
  same --coverage "$f.ramme"
  same --coverage --format json "$f.ramme"
  same --strict --format brief "$f.ramme"
  same --lang da "$f.ramme"
done
same --format brief small.ramme
same --format brief --coverage small.ramme
same small.ramme mixed.ramme
same --format json big.ramme few.ramme mixed.ramme
same --format html small.ramme mixed.ramme big.ramme
same --format brief mixed.ramme small.ramme few.ramme big.ramme

# What the comparisons rest on: the mixed file is read course by course
# (a file compiled whole judges nothing once it has an error), past the
# cap, with its duplicates and variants.
"$ramme" check -j 2 --format brief "$tmp/mixed.ramme" >"$tmp/out" 2>&1
[ "$(grep -c ': national\.' "$tmp/out")" -gt 500 ] && ok || bad "the mixed file's courses are not judged"
grep -q 'too many errors; stopping after 50' "$tmp/out" && ok || bad "the mixed file does not pass the cap"
grep -q "is declared twice" "$tmp/out" && ok || bad "no course declared twice in the mixed file"
grep -q "mixed.ramme:[0-9]*:[0-9]*: error: consistency.group_size" "$tmp/out" && ok || bad "no variant judged"
"$ramme" check -j 2 --format brief "$tmp/few.ramme" >"$tmp/out" 2>&1
grep -q 'too many errors' "$tmp/out" && bad "the file with few errors passes the cap" || ok
grep -q "is declared twice" "$tmp/out" && ok || bad "no course declared twice in the file with few errors"

e2e_done
