#!/usr/bin/env bash
# tests/e2e/admit-stream.sh RAMME — `ramme admit` streams its applicants: read,
# screened and written one by one, so its peak memory stays below the size of
# the applicant file however long the file is (issue 20). A generated CSV file
# of about 50 MB (some 660,000 applicants: eligible, ineligible, to review,
# and ids without a row of their own) is screened with each report format; the
# peak resident memory of the run (getrusage of the child: a resource, never a
# time) must be smaller than the file, and the report must hold every
# applicant. Screening the whole file in memory took about 23 times the file.
# ADMIT_STREAM_FORMATS="json" limits the formats (default: all four).
# Prints "admit-stream: N passed, N failed".
. "$(dirname "$0")/lib.bash" admit-stream "$@"

big=$tmp/applicants.csv
/usr/bin/python3 - "$big" <<'PY'
import sys
rows = ["id,birth_date,municipality,lived_experience,support,reads_danish,writes_danish,"
        "compatible_income,active_substance_abuse,dementia,needs_interpreter"]
towns = ["Frederikshavn", "Hjørring", "frederikshavn", "Aalborg"]
size, i = 0, 0
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(rows[0] + "\n")
    while size < 50_000_000:
        i += 1
        year = 1950 + i % 55
        line = (f"A{i:07d},{year}-{1 + i % 12:02d}-{1 + i % 28:02d},{towns[i % 4]},"
                f"{'yes' if i % 9 else 'no'},outpatient_treatment,yes,{'yes' if i % 13 else ''},yes,"
                f"{'yes' if i % 17 == 0 else 'no'},no,no\n")
        f.write(line)
        size += len(line.encode())
PY
n=$(( $(wc -l < "$big") - 1 ))
size=$(stat -c %s "$big")

# Peak resident memory of one run, in bytes (the child's ru_maxrss), its exit
# status, and its report in $tmp/out.
peak() {
  /usr/bin/python3 - "$tmp/out" "$@" <<'PY'
import resource, subprocess, sys
with open(sys.argv[1], "wb") as out:
    rc = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, rc)
PY
}

# Under AddressSanitizer (`make sanitize`) a run holds tens of MB of the
# sanitizer's own (shadow memory, its allocator's caches) before it reads a
# byte, so there what the file adds to a run of ten applicants must stay
# below the file's size (screening in memory cost some 23 times the file).
# The quarantine is made small there (1 MB), or it alone grows with what the
# run frees, up to its 256 MB, and says nothing about ramme.
sanitized=no
if ldd "$ramme" 2>/dev/null | grep -q libasan || nm "$ramme" 2>/dev/null | grep -q ' __asan_init'; then
  sanitized=yes
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=1"
  head -n 11 "$big" > "$tmp/ten.csv"
fi

for fmt in ${ADMIT_STREAM_FORMATS:-text json csv html}; do
  read -r rss rc < <(peak "$ramme" admit "$root/examples/frederikshavn.ramme" --applicants "$big" --format "$fmt")
  if [ "$rc" != 0 ]; then
    bad "--format $fmt: exit status $rc"
    continue
  fi
  if [ "$sanitized" = yes ]; then
    read -r base _ < <(peak "$ramme" admit "$root/examples/frederikshavn.ramme" --applicants "$tmp/ten.csv" --format "$fmt")
    [ $((rss - base)) -lt "$size" ] && ok \
      || bad "--format $fmt (sanitized): the file adds $((rss - base)) bytes of memory to a run of ten applicants ($base); it has $size"
    peak "$ramme" admit "$root/examples/frederikshavn.ramme" --applicants "$big" --format "$fmt" > /dev/null # its report again
  else
    [ "$rss" -lt "$size" ] && ok || bad "--format $fmt: peak memory $rss bytes for a file of $size bytes"
  fi
  case $fmt in
    text) got=$(grep -c '^  A[0-9]' "$tmp/out") ;;
    json) # and the summary counts every applicant, once
          got=$(/usr/bin/python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(len(d["applicants"]) if sum(d["summary"].values()) == len(d["applicants"]) else -1)' "$tmp/out") ;;
    csv) got=$(( $(wc -l < "$tmp/out") - 1 )) ;;
    html) got=$(grep -o '<th scope="row">A[0-9]*</th>' "$tmp/out" | wc -l) ;;
  esac
  [ "$got" = "$n" ] && ok || bad "--format $fmt: $got applicants in the report, the file has $n"
done


# A JSON applicant file (issue 20): the same applicants' first 20 MB as an
# array of objects, one element parsed at a time (apps/table_json.c); the
# tree of the whole file took about nine times its size.
json=$tmp/applicants.json
/usr/bin/python3 - "$big" "$json" <<'PY'
import csv, json, sys
size = 0
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("[\n")
    for i, row in enumerate(csv.DictReader(f)):
        if size > 20_000_000:
            break
        row["support"] = [row["support"]]
        row["lived_experience"] = row["lived_experience"] == "yes"
        line = (",\n" if i else "") + json.dumps({k: v for k, v in row.items() if v != ""}, ensure_ascii=False)
        out.write(line)
        size += len(line.encode())
    out.write("\n]\n")
PY
jn=$(grep -c '"id"' "$json")
jsize=$(stat -c %s "$json")
read -r rss rc < <(peak "$ramme" admit "$root/examples/frederikshavn.ramme" --applicants "$json" --format csv)
if [ "$rc" != 0 ]; then
  bad "JSON applicants: exit status $rc"
else
  if [ "$sanitized" = yes ]; then
    head -c 2000 "$json" | sed '$d' | sed '$ s/,$//' > "$tmp/ten.json"; echo "]" >> "$tmp/ten.json"
    read -r base _ < <(peak "$ramme" admit "$root/examples/frederikshavn.ramme" --applicants "$tmp/ten.json" --format csv)
    [ $((rss - base)) -lt "$jsize" ] && ok \
      || bad "JSON applicants (sanitized): the file adds $((rss - base)) bytes to a run of a few applicants ($base); it has $jsize"
    peak "$ramme" admit "$root/examples/frederikshavn.ramme" --applicants "$json" --format csv > /dev/null
  else
    [ "$rss" -lt "$jsize" ] && ok || bad "JSON applicants: peak memory $rss bytes for a file of $jsize bytes"
  fi
  got=$(( $(wc -l < "$tmp/out") - 1 ))
  [ "$got" = "$jn" ] && ok || bad "JSON applicants: $got applicants in the report, the file has $jn"
fi

e2e_done
