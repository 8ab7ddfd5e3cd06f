#!/usr/bin/env bash
# tests/e2e/html.sh RAMME — `check`, `admit`, `diff` and `schedule --format
# html` rendered by a real browser,
# Debian's headless Chromium (`make check` installs it: mk/deps.sh chromium):
# - the DOM holds every rule id of the report with its status word, in
#   English and in Danish (--lang da: <html lang="da">, Danish words);
# - a hostile title ("<script>alert(1)</script> & co") is text in the DOM,
#   escaped, never an element: the dumped DOM has no <script> element;
# - headings go h1 -> h2 -> h3 without a skipped level; tables have their
#   scope headers; the page asks for nothing over the network;
# - at 200% zoom (640 CSS pixels wide) no page is wider than its window;
# - a screenshot is kept as an artefact (ARTEFACTS, default the binary's
#   directory's artefacts/, i.e. build/artefacts/): a non-empty PNG;
# - print to PDF gives the expected number of A4 pages;
# - admit's page: every applicant of the JSON report is a row, its id as the
#   row's header with its status word (English and Danish); a hostile id
#   ("<script>alert(1)</script>", "Jens & Co <b>bold</b>") is text, no element;
# - diff's page: every changed path and every rule whose result differs
#   (from the JSON report) is a row header;
# - schedule's page (examples/frederikshavn.ramme, English and Danish): in
#   the month calendar every session of the JSON report is marked on its day
#   with its number and time, every day that fell out with its name (2.
#   påskedag, Vinterferie), every practicum and follow-up day marked; the
#   sessions table has a row per session, the days that fell out a row
#   each, the checks a row each with its status word; hostile titles, a
#   location and closures' names are text, never elements; a screenshot is
#   kept; print to PDF gives A4 pages, as many as expected;
# - the other commands refuse --format html (exit 2, nothing on stdout).
# Without chromium every browser check fails, and says why: none is skipped.
# Prints "html: N passed, N failed".
set -u
ramme=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
art=${ARTEFACTS:-$(cd "$(dirname "$ramme")" && pwd)/artefacts}
mkdir -p "$art"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
S=$root/stdlib E=$root/examples
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL html: $*"; fail=$((fail + 1)); }
browser() { timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" "$@" 2>/dev/null; }

# The pages: two courses from two files, a failing one in Danish with the
# coverage matrix, and the hostile course of the golden tests.
"$ramme" check --format html -I "$S" "$E/region-midt.ramme" "$E/variant-module-hours.ramme" > "$tmp/several.html"
rc=$?; [ "$rc" = 1 ] && ok || bad "several: exit $rc, expected 1 (a course fails an error rule)"
"$ramme" check --format html --coverage --lang da -I "$S" "$E/variant-theory-hours.ramme" > "$tmp/danish.html"
"$ramme" check --format html "$root/tests/golden/html/hostile.ramme" > "$tmp/hostile.html"
"$ramme" check --format json -I "$S" "$E/region-midt.ramme" "$E/variant-module-hours.ramme" > "$tmp/several.json"
"$ramme" check --format json --lang da -I "$S" "$E/variant-theory-hours.ramme" > "$tmp/danish.json"
# admit and diff: the pages of the golden tests, and their JSON reports.
A="-I $S $E/frederikshavn.ramme --applicants"
# shellcheck disable=SC2086
{
  "$ramme" admit --format html $A "$E/applicants.csv" > "$tmp/admit.html"
  "$ramme" admit --format html --lang da $A "$E/applicants.csv" > "$tmp/admit-da.html"
  "$ramme" admit --format html $A "$root/tests/golden/html/admit-hostile.csv" > "$tmp/admit-hostile.html"
  "$ramme" admit --format json $A "$E/applicants.csv" > "$tmp/admit.json"
  "$ramme" admit --format json $A "$root/tests/golden/html/admit-hostile.csv" > "$tmp/admit-hostile.json"
}
"$ramme" diff --format html -I "$S" "$E/municipal-variant.ramme" region_midt midt_variant > "$tmp/diff.html"
rc=$?; [ "$rc" = 1 ] && ok || bad "diff: exit $rc, expected 1 (the variant fails an error rule)"
"$ramme" diff --format html --lang da -I "$S" "$E/municipal-variant.ramme" region_midt midt_variant > "$tmp/diff-da.html"
"$ramme" diff --format json -I "$S" "$E/municipal-variant.ramme" region_midt midt_variant > "$tmp/diff.json"
# schedule: frederikshavn's plan (its failed checks are warnings: exit 0),
# in Danish too, and the hostile schedule of the golden tests.
"$ramme" schedule --format html -I "$S" "$E/frederikshavn.ramme" > "$tmp/schedule.html"
rc=$?; [ "$rc" = 0 ] && ok || bad "schedule: exit $rc, expected 0 (the failed checks are warnings)"
"$ramme" schedule --format html --lang da -I "$S" "$E/frederikshavn.ramme" > "$tmp/schedule-da.html"
"$ramme" schedule --format html "$root/tests/golden/html/schedule-hostile.ramme" > "$tmp/schedule-hostile.html"
"$ramme" schedule --format json -I "$S" "$E/frederikshavn.ramme" > "$tmp/schedule.json"
"$ramme" schedule --format json "$root/tests/golden/html/schedule-hostile.ramme" > "$tmp/schedule-hostile.json"
pages="several danish hostile admit admit-da admit-hostile diff diff-da schedule schedule-da schedule-hostile"

# Self-contained: no script, no stylesheet or image fetched, no URL at all.
for p in $pages; do
  if grep -qiE '<script|<link|<img|<iframe|src=|https?:|@import' "$tmp/$p.html"; then bad "$p: asks for something outside the page"
  else ok; fi
done

if ! command -v chromium > /dev/null 2>&1; then
  bad "chromium is not installed (make deps, or: bash mk/deps.sh chromium): the browser checks cannot run"
  echo "html: $pass passed, $fail failed"
  exit 1
fi

# The DOM as the browser built it.
for p in $pages; do
  browser --dump-dom "file://$tmp/$p.html" > "$tmp/$p.dom"
  [ -s "$tmp/$p.dom" ] && ok || bad "$p: chromium dumped no DOM"
done

# Every rule result of the JSON report is a row of the page: its id as the
# row's header, its status word (in the page's language) in the row.
rows() { # JSON DOM WORDS: prints the results missing from the DOM
  python3 - "$1" "$2" "$3" <<'PY'
import json, re, sys, html
doc = json.load(open(sys.argv[1]))
dom = open(sys.argv[2], encoding="utf-8").read()
words = dict(w.split("=", 1) for w in sys.argv[3].split(","))
found = set()
for tr in re.findall(r'<tr class="[^"]*">(.*?)</tr>', dom, re.S):
    st = re.search(r'<td class="status">(.*?)</td>', tr)
    rid = re.search(r'<th scope="row"><code>(.*?)</code></th>', tr)
    if st and rid:
        found.add((html.unescape(rid.group(1)), html.unescape(st.group(1))))
n = 0
for c in doc["courses"]:
    for r in c["results"]:
        n += 1
        if (r["rule"], words[r["status"]]) not in found:
            print("missing", r["rule"], words[r["status"]])
if n == 0:
    print("no results in the JSON report")
PY
}
miss=$(rows "$tmp/several.json" "$tmp/several.dom" "fail=FAIL,unknown=unknown,pass=pass,not_applicable=n/a")
[ -z "$miss" ] && ok || bad "several: $miss"
# The Danish words of TOOLS.md §6.
miss=$(rows "$tmp/danish.json" "$tmp/danish.dom" "fail=IKKE OPFYLDT,unknown=kan ikke afgøres,pass=opfyldt,not_applicable=ikke relevant")
[ -z "$miss" ] && ok || bad "danish: $miss"
grep -q '<html lang="da">' "$tmp/danish.dom" && ok || bad "danish: no <html lang=\"da\">"
grep -q '<html lang="en">' "$tmp/several.dom" && ok || bad "several: no <html lang=\"en\">"
# Two courses, two sections; each framework its table.
[ "$(grep -o '<section class="course">' "$tmp/several.dom" | wc -l)" = 2 ] && ok || bad "several: not two course sections"

# The hostile title and message are text: escaped in the DOM, no element.
grep -q '<script' "$tmp/hostile.dom" && bad "hostile: a <script> element in the DOM" || ok
grep -qF 'Kursus &lt;script&gt;alert(1)&lt;/script&gt; &amp; co' "$tmp/hostile.dom" && ok \
  || bad "hostile: the escaped title is not in the DOM as text"
grep -qF 'Kommune &lt;script&gt;alert(1)&lt;/script&gt; &amp; Region' "$tmp/hostile.dom" && ok \
  || bad "hostile: the escaped provider (in the message) is not in the DOM as text"
grep -qE '<(b|i)>' "$tmp/hostile.dom" && bad "hostile: markup from the course file became an element" || ok

# admit: every applicant of the JSON report is a row, its id the row's
# header, its status word (in the page's language) in the row.
applicants() { # JSON DOM WORDS: prints the applicants missing from the DOM
  python3 - "$1" "$2" "$3" <<'PY'
import json, re, sys, html
doc = json.load(open(sys.argv[1]))
dom = open(sys.argv[2], encoding="utf-8").read()
words = dict(w.split("=", 1) for w in sys.argv[3].split(","))
found = set()
for tr in re.findall(r'<tr class="[^"]*">(.*?)</tr>', dom, re.S):
    m = re.search(r'<th scope="row">(.*?)</th><td class="status">(.*?)</td>', tr)
    if m:
        found.add((html.unescape(m.group(1)), html.unescape(m.group(2))))
if not doc["applicants"]:
    print("no applicants in the JSON report")
for a in doc["applicants"]:
    if (a["id"], words[a["status"]]) not in found:
        print("missing", a["id"], words[a["status"]])
PY
}
miss=$(applicants "$tmp/admit.json" "$tmp/admit.dom" "eligible=eligible,ineligible=ineligible,review=review")
[ -z "$miss" ] && ok || bad "admit: $miss"
miss=$(applicants "$tmp/admit.json" "$tmp/admit-da.dom" "eligible=kan optages,ineligible=kan ikke optages,review=skal vurderes")
[ -z "$miss" ] && ok || bad "admit-da: $miss"
grep -q '<html lang="da">' "$tmp/admit-da.dom" && ok || bad "admit-da: no <html lang=\"da\">"
miss=$(applicants "$tmp/admit-hostile.json" "$tmp/admit-hostile.dom" "eligible=eligible,ineligible=ineligible,review=review")
[ -z "$miss" ] && ok || bad "admit-hostile: $miss"
# The hostile ids are text: escaped in the DOM, no element.
grep -q '<script' "$tmp/admit-hostile.dom" && bad "admit-hostile: a <script> element in the DOM" || ok
grep -qF '<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th>' "$tmp/admit-hostile.dom" && ok \
  || bad "admit-hostile: the escaped id is not in the DOM as text"
grep -qF 'Jens &amp; Co &lt;b&gt;bold&lt;/b&gt;' "$tmp/admit-hostile.dom" && ok \
  || bad "admit-hostile: the id with & and <b> is not in the DOM as text"
grep -qE '<(b|i)>' "$tmp/admit-hostile.dom" && bad "admit-hostile: markup from the applicants became an element" || ok

# diff: every changed path and every rule whose result differs is a row header.
miss=$(python3 - "$tmp/diff.json" "$tmp/diff.dom" <<'PY'
import json, re, sys, html
doc = json.load(open(sys.argv[1]))
dom = open(sys.argv[2], encoding="utf-8").read()
heads = {html.unescape(h) for h in re.findall(r'<th scope="row"><code>(.*?)</code></th>', dom, re.S)}
if not doc["changes"] or not doc["rules"]:
    print("no changes or no differing rules in the JSON report")
for c in doc["changes"]:
    if c["path"] not in heads:
        print("missing change", c["path"])
for r in doc["rules"]:
    if r["rule"] not in heads:
        print("missing rule", r["rule"])
PY
)
[ -z "$miss" ] && ok || bad "diff: $miss"
grep -q '<td class="status">FAIL</td>' "$tmp/diff.dom" && ok || bad "diff: no FAIL status in the rule results"
grep -q '<td class="status">IKKE OPFYLDT</td>' "$tmp/diff-da.dom" && ok || bad "diff-da: no IKKE OPFYLDT status"
grep -q '<html lang="da">' "$tmp/diff-da.dom" && ok || bad "diff-da: no <html lang=\"da\">"

# schedule: the calendar and the tables against the JSON report. A month is
# found by its caption ("February 2025", "februar 2025"), a day by its
# number; a day's words are its mark and note (MARKS: the page language's).
schedule_dom() { # JSON DOM STATUS-WORDS MONTHS MARKS: prints what is missing
  python3 - "$@" <<'PY'
import json, sys, datetime
from html.parser import HTMLParser
doc = json.load(open(sys.argv[1]))
dom = open(sys.argv[2], encoding="utf-8").read()
words = dict(w.split("=", 1) for w in sys.argv[3].split(","))
months = sys.argv[4].split(",")
marks = dict(w.split("=", 1) for w in sys.argv[5].split(","))

class Page(HTMLParser):
    """The month grids (caption -> {day: (classes, text)}) and the rows of
    every other table (the cells' texts, header cell first)."""
    def __init__(self):
        super().__init__()
        self.months, self.rows, self.cur = {}, [], {}
        self.table = self.caption = self.cell = self.row = None
    def handle_starttag(self, tag, attrs):
        cls = (dict(attrs).get("class") or "").split()
        if tag == "table":
            self.table = "month" if "month" in cls else "other"
        elif tag == "caption":
            self.caption = ""
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = [set(cls), ""]
    def handle_endtag(self, tag):
        if tag == "caption":
            self.cur = self.months.setdefault(self.caption.strip(), {})
            self.caption = None
        elif tag in ("td", "th") and self.cell is not None:
            cls, text = self.cell[0], " ".join(self.cell[1].split())
            if self.row is not None:
                self.row.append(text)
            if self.table == "month" and tag == "td" and text:
                self.cur[int(text.split()[0])] = (cls, text)
            self.cell = None
        elif tag == "tr":
            if self.table == "other" and self.row:
                self.rows.append(self.row)
            self.row = None
    def handle_data(self, data):
        if self.caption is not None:
            self.caption += data
        elif self.cell is not None:
            self.cell[1] += data

p = Page()
p.feed(dom)
problems = []
def day(iso):
    d = datetime.date.fromisoformat(iso)
    caption = "%s %d" % (months[d.month - 1], d.year)
    if caption not in p.months:
        problems.append("no month captioned %s" % caption)
    elif d.day not in p.months[caption]:
        problems.append("no day %s in %s" % (iso, caption))
    else:
        return p.months[caption][d.day]
    return None
if not doc["sessions"] or not doc["skipped"] or not doc["practicum"] or not doc["checks"]:
    problems.append("the JSON report lacks sessions, days that fell out, a practicum or checks")
for s in doc["sessions"]:
    c = day(s["date"])
    mark, time = "%s%d" % (marks["session"], s["number"]), "%s–%s" % (s["start"], s["end"])
    if c and ("session" not in c[0] or mark not in c[1].split() or time not in c[1]):
        problems.append("session %d on %s is not marked %s with its time: %s" % (s["number"], s["date"], mark, c))
    if [str(s["number"]), s["date"], s["weekday"], time] not in [r[:4] for r in p.rows]:
        problems.append("no row of the sessions table for session %d" % s["number"])
for k in doc["skipped"]:
    c = day(k["date"])
    if c and ("closed" not in c[0] or marks["closed"] not in c[1].split() or k["reason"] not in c[1]):
        problems.append("%s fell out (%s), but its day says %s" % (k["date"], k["reason"], c))
    if [k["date"], k["weekday"], k["reason"]] not in [r[:3] for r in p.rows]:
        problems.append("no row of the days that fell out for %s" % k["date"])
pr = doc["practicum"] or {"start": "1970-01-02", "end": "1970-01-01", "follow_up_days": []}
d, end = datetime.date.fromisoformat(pr["start"]), datetime.date.fromisoformat(pr["end"])
while d <= end:
    c = day(d.isoformat())
    kind = "follow-up" if d.isoformat() in pr["follow_up_days"] else "practicum"
    if c and (kind not in c[0] or marks[kind] not in c[1].split()):
        problems.append("%s is a %s day, but says %s" % (d, kind, c))
    d += datetime.timedelta(days=1)
rules = {(r[2], r[0]) for r in p.rows if len(r) >= 3}
for x in doc["checks"]:
    if (x["rule"], words[x["status"]]) not in rules:
        problems.append("check %s: no row with its status word %s" % (x["rule"], words[x["status"]]))
print("\n".join(problems[:10]))
PY
}
en_months=January,February,March,April,May,June,July,August,September,October,November,December
da_months=januar,februar,marts,april,maj,juni,juli,august,september,oktober,november,december
miss=$(schedule_dom "$tmp/schedule.json" "$tmp/schedule.dom" "fail=FAIL,unknown=unknown,pass=pass,not_applicable=n/a" \
  "$en_months" "session=S,closed=X,practicum=P,follow-up=F")
[ -z "$miss" ] && ok || bad "schedule: $miss"
miss=$(schedule_dom "$tmp/schedule.json" "$tmp/schedule-da.dom" \
  "fail=IKKE OPFYLDT,unknown=kan ikke afgøres,pass=opfyldt,not_applicable=ikke relevant" \
  "$da_months" "session=U,closed=X,practicum=P,follow-up=O")
[ -z "$miss" ] && ok || bad "schedule-da: $miss"
grep -q '<html lang="da">' "$tmp/schedule-da.dom" && ok || bad "schedule-da: no <html lang=\"da\">"
# The holidays by their names from the calendar, on the page in either language.
for p in schedule schedule-da; do
  for name in "2. påskedag" "Vinterferie"; do
    grep -qF "<span class=\"nt\">$name</span>" "$tmp/$p.dom" && ok || bad "$p: the day that fell out for $name is not named"
  done
done
# A grid a month, from February (the first session) to August (the practicum's end).
[ "$(grep -o '<table class="month">' "$tmp/schedule.dom" | wc -l)" = 7 ] && ok || bad "schedule: not 7 months (February to August)"
# The hostile schedule: its page against its own report, and every hostile
# string (titles, location, closures' and a break's names) text, no element.
miss=$(schedule_dom "$tmp/schedule-hostile.json" "$tmp/schedule-hostile.dom" \
  "fail=FAIL,unknown=unknown,pass=pass,not_applicable=n/a" "$en_months" "session=S,closed=X,practicum=P,follow-up=F")
[ -z "$miss" ] && ok || bad "schedule-hostile: $miss"
grep -q '<script' "$tmp/schedule-hostile.dom" && bad "schedule-hostile: a <script> element in the DOM" || ok
grep -qE '<(b|i)>' "$tmp/schedule-hostile.dom" && bad "schedule-hostile: markup from the course file became an element" || ok
for text in 'Kursus &lt;script&gt;alert(1)&lt;/script&gt; &amp; co' \
            'Sted &lt;script&gt;alert(1)&lt;/script&gt; &amp; "Co"' \
            'Kalender &lt;script&gt;alert(1)&lt;/script&gt; &amp; "citat"' \
            '<span class="nt">Lukket &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;fed&lt;/b&gt;</span>' \
            '<span class="nt">Ferie &lt;script&gt;alert(1)&lt;/script&gt; &amp; fri</span>' \
            "<span class=\"nt\">Pause &lt;i&gt;kursiv&lt;/i&gt; &amp; 'citat'</span>"; do
  grep -qF "$text" "$tmp/schedule-hostile.dom" && ok || bad "schedule-hostile: not in the DOM as text: $text"
done

# Headings in order (no level skipped) and tables with scope headers.
for p in $pages; do
  out=$(python3 - "$tmp/$p.dom" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
levels = [int(h) for h in re.findall(r"<h([1-6])\b", dom)]
if not levels or levels[0] != 1 or levels.count(1) != 1:
    print("not one h1 first:", levels[:5])
for a, b in zip(levels, levels[1:]):
    if b > a + 1:
        print("heading h%d after h%d" % (b, a)); break
if 'scope="col"' not in dom or 'scope="row"' not in dom:
    print("a table without scope headers")
PY
)
  [ -z "$out" ] && ok || bad "$p: $out"
done

# Readable at 200% zoom: a 1280-pixel window zoomed to 200% lays the page
# out 640 CSS pixels wide; nothing may stick out to the right (no sideways
# scrolling). Measured by a script in a copy of each page (the pages
# themselves have none): it lists every block wider than the window.
for p in $pages; do
  sed 's|</body>|<script>addEventListener("load", () => { const w = document.documentElement.clientWidth, o = []; document.querySelectorAll("body *").forEach(e => { const r = e.getBoundingClientRect(); if (r.right > w + 1) o.push(e.tagName + "." + e.className + " " + Math.round(r.right) + "px"); }); const x = document.createElement("pre"); x.id = "overflow"; x.textContent = o.slice(0, 5).join("; ") \|\| "none"; document.body.append(x); });</script></body>|' \
    "$tmp/$p.html" > "$tmp/$p-zoom.html"
  wide=$(browser --window-size=640,1000 --dump-dom "file://$tmp/$p-zoom.html" | sed -n 's|.*<pre id="overflow">\(.*\)</pre>.*|\1|p')
  [ "$wide" = none ] && ok || bad "$p: wider than a 1280-pixel window at 200% zoom: ${wide:-no measurement}"
done

# A screenshot kept as an artefact.
rm -f "$art/check-several.png" "$art/check-danish.png" "$art/admit.png" "$art/diff.png" "$art/schedule.png"
browser --screenshot="$art/check-several.png" --window-size=1200,2000 "file://$tmp/several.html" > /dev/null
browser --screenshot="$art/check-danish.png" --window-size=1200,2000 "file://$tmp/danish.html" > /dev/null
browser --screenshot="$art/admit.png" --window-size=1200,1200 "file://$tmp/admit.html" > /dev/null
browser --screenshot="$art/diff.png" --window-size=1200,1600 "file://$tmp/diff.html" > /dev/null
browser --screenshot="$art/schedule.png" --window-size=1200,2400 "file://$tmp/schedule.html" > /dev/null
for png in check-several check-danish admit diff schedule; do
  if [ -s "$art/$png.png" ] && [ "$(head -c 8 "$art/$png.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then ok
  else bad "$png: no screenshot (PNG) in $art"; fi
done

# Print to PDF. Two courses: the print stylesheet starts each course on a new
# page, and each of these fits on one A4 page at 10pt, so 2 pages (found on
# the first run, Chromium 156). Pages are counted by their "/Type /Page"
# objects, not "/Type /Pages" (the page tree).
rm -f "$art/check-several.pdf"
browser --no-pdf-header-footer --print-to-pdf="$art/check-several.pdf" "file://$tmp/several.html" > /dev/null
pages=$(grep -a -o '/Type */Page\b' "$art/check-several.pdf" 2>/dev/null | wc -l)
[ -s "$art/check-several.pdf" ] && [ "$pages" = 2 ] && ok || bad "several.pdf: $pages pages, expected 2"
# A4 (595 x 842 points).
grep -a -qE '/MediaBox \[0 0 59[45](\.[0-9]+)? 84[12](\.[0-9]+)?\]' "$art/check-several.pdf" && ok \
  || bad "several.pdf: pages are not A4 ($(grep -a -o '/MediaBox \[[^]]*\]' "$art/check-several.pdf" | head -1))"

# The schedule printed: the calendar's seven months, the tables and the
# checks come to 5 A4 pages (found on the first run, Chromium 156), two or
# three months a page, none split; 4 to 7 leaves room for other fonts.
rm -f "$art/schedule.pdf"
browser --no-pdf-header-footer --print-to-pdf="$art/schedule.pdf" "file://$tmp/schedule.html" > /dev/null
pages=$(grep -a -o '/Type */Page\b' "$art/schedule.pdf" 2>/dev/null | wc -l)
[ -s "$art/schedule.pdf" ] && [ "$pages" -ge 4 ] && [ "$pages" -le 7 ] && ok || bad "schedule.pdf: $pages pages, expected 4 to 7"
grep -a -qE '/MediaBox \[0 0 59[45](\.[0-9]+)? 84[12](\.[0-9]+)?\]' "$art/schedule.pdf" && ok \
  || bad "schedule.pdf: pages are not A4 ($(grep -a -o '/MediaBox \[[^]]*\]' "$art/schedule.pdf" | head -1))"

# The other commands refuse html: a usage error, nothing on stdout.
# (admit and diff write it since issue 16's second slice, schedule since its third.)
for cmd in "explain national.goal_coverage" "test $E"; do
  # shellcheck disable=SC2086
  "$ramme" $cmd --format html -I "$S" > "$tmp/out" 2> "$tmp/err"; rc=$?
  [ "$rc" = 2 ] && [ ! -s "$tmp/out" ] && grep -q 'format html' "$tmp/err" && ok || bad "${cmd%% *} --format html: exit $rc"
done

echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
