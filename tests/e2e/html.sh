#!/usr/bin/env bash
# tests/e2e/html.sh RAMME — `check`, `admit`, `diff`, `schedule` and `plan
# --format html` rendered by a real browser,
# Debian's headless Chromium (`make check` installs it: mk/deps.sh chromium):
# - the DOM holds every rule id of the report with its status word, in
#   English and in Danish (--lang da: <html lang="da">, Danish words);
# - a hostile title ("<script>alert(1)</script> & co") is text in the DOM,
#   escaped, never an element: the dumped DOM has no <script> element;
# - headings go h1 -> h2 -> h3 without a skipped level; tables have their
#   scope headers; the page asks for nothing over the network;
# - at 200% zoom (640 CSS pixels wide), and at 100% in a 1000-pixel window,
#   no page is wider than its window;
# - a screenshot is kept as an artefact (ARTEFACTS, default the binary's
#   directory's artefacts/, i.e. build/artefacts/): a non-empty PNG;
# - print to PDF gives the expected number of A4 pages (check, schedule,
#   plan, diff, and admit with 150 applicants: read back with pdftotext,
#   every page repeats the header row, every applicant is on one page, no
#   birth date is printed);
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
# - plan's page (examples/region-midt-plan.ramme, English and Danish): every
#   proposal of the JSON report by its rank and penalty, in its cohorts
#   table every cohort (first and last session, ISO weeks, time) with every
#   member of its team as "role: teacher", every penalty (check, cohort,
#   weight × amount = penalty), and in proposal 1's calendars every session
#   of each cohort marked on its day with number and time and every day
#   that fell out with its name; when nothing fits
#   (tests/golden/plan/infeasible-rooms.ramme), every requirement of the
#   conflict with its place and what dropping it costs; the hostile plans'
#   titles, closures and a teacher's absence are text, never elements; a
#   screenshot is kept; print to PDF gives A4 pages, as many as expected;
# - the README's five pictures are made by docs/img/screenshots.sh and exist;
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
# plan: region Midt's year (three proposals of four cohorts), in Danish
# too; a plan where nothing fits; the hostile plans of the golden tests.
P=$root/tests/golden/plan H=$root/tests/golden/html
"$ramme" plan --format html -I "$S" "$E/region-midt-plan.ramme" > "$tmp/plan.html"
rc=$?; [ "$rc" = 0 ] && ok || bad "plan: exit $rc, expected 0 (a proposal exists)"
"$ramme" plan --format html --lang da -I "$S" "$E/region-midt-plan.ramme" > "$tmp/plan-da.html"
"$ramme" plan --format json -I "$S" "$E/region-midt-plan.ramme" > "$tmp/plan.json"
"$ramme" plan --format html "$P/infeasible-rooms.ramme" > "$tmp/plan-infeasible.html"
rc=$?; [ "$rc" = 1 ] && ok || bad "plan-infeasible: exit $rc, expected 1 (nothing fits)"
"$ramme" plan --format json "$P/infeasible-rooms.ramme" > "$tmp/plan-infeasible.json"
"$ramme" plan --format html --plan år "$H/plan-hostile.ramme" > "$tmp/plan-hostile.html"
"$ramme" plan --format json --plan år "$H/plan-hostile.ramme" > "$tmp/plan-hostile.json"
"$ramme" plan --format html --plan umulig "$H/plan-hostile.ramme" > "$tmp/plan-hostile-infeasible.html"
"$ramme" plan --format json --plan umulig "$H/plan-hostile.ramme" > "$tmp/plan-hostile-infeasible.json"
pages="several danish hostile admit admit-da admit-hostile diff diff-da schedule schedule-da schedule-hostile"
pages="$pages plan plan-da plan-infeasible plan-hostile plan-hostile-infeasible"

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
# JSON names a weekday as the language does (mon); the page in its words.
ids = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
names = (["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] if months[0] == "January"
         else ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"])
def wday(i):
    return names[ids.index(i)] if i in ids else "weekday %r is no id" % i

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
    if [str(s["number"]), s["date"], wday(s["weekday"]), time] not in [r[:4] for r in p.rows]:
        problems.append("no row of the sessions table for session %d" % s["number"])
for k in doc["skipped"]:
    c = day(k["date"])
    if c and ("closed" not in c[0] or marks["closed"] not in c[1].split() or k["reason"] not in c[1]):
        problems.append("%s fell out (%s), but its day says %s" % (k["date"], k["reason"], c))
    if [k["date"], wday(k["weekday"]), k["reason"]] not in [r[:3] for r in p.rows]:
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

# plan: the proposals against the JSON report. A proposal is its <section
# class="proposal">, found by its heading (HEADING: "Proposal %d: penalty
# %d" in the page's language); a cohort's calendar follows the heading
# CALENDAR ("Calendar of %s"); months and marks as for schedule's page;
# NOFIT is the page's words for a relaxation that leaves nothing fitting.
plan_dom() { # JSON DOM HEADING CALENDAR MONTHS MARKS [NOFIT]: prints what is missing
  python3 - "$@" <<'PY'
import json, re, sys, datetime
from html.parser import HTMLParser
doc = json.load(open(sys.argv[1]))
dom = open(sys.argv[2], encoding="utf-8").read()
heading_fmt, calendar_fmt = sys.argv[3], sys.argv[4]
months = sys.argv[5].split(",")
marks = dict(w.split("=", 1) for w in sys.argv[6].split(","))
nofit = sys.argv[7] if len(sys.argv) > 7 else "still nothing fits"
calendar_re = re.compile("^" + re.escape(calendar_fmt).replace("%s", "(.+)") + "$")

class Page(HTMLParser):
    """Per proposal: its h3, the rows of its tables by the table's class
    (the cells' texts, header cell first, with a team cell's members
    apart), and its cohorts' months (cohort -> caption -> {day: (classes,
    text)}); the rows of tables outside the proposals (the conflict)."""
    def __init__(self):
        super().__init__()
        self.proposals, self.rows = [], []
        self.text = self.cell = self.row = self.caption = self.li = None
        self.table = self.cohort = self.month = None
        self.team = []
    def handle_starttag(self, tag, attrs):
        cls = (dict(attrs).get("class") or "").split()
        if tag == "section" and "proposal" in cls:
            self.proposals.append({"heading": None, "tables": {}, "calendars": {}})
            self.cohort = None
        elif tag in ("h3", "h4"):
            self.text = ""
        elif tag == "table":
            self.table = cls[0] if cls else ""
        elif tag == "caption":
            self.caption = ""
        elif tag == "tr":
            self.row, self.team = [], []
        elif tag in ("td", "th"):
            self.cell = [set(cls), ""]
        elif tag == "li" and self.cell is not None:
            self.li = ""
    def handle_endtag(self, tag):
        prop = self.proposals[-1] if self.proposals else None
        if tag in ("h3", "h4") and self.text is not None:
            text = " ".join(self.text.split())
            m = calendar_re.match(text)
            if tag == "h3" and prop:
                prop["heading"] = text
            elif m and prop:
                self.cohort = m.group(1)
                prop["calendars"][self.cohort] = {}
            self.text = None
        elif tag == "caption" and self.caption is not None:
            if prop and self.cohort:
                self.month = prop["calendars"][self.cohort].setdefault(self.caption.strip(), {})
            self.caption = None
        elif tag == "li" and self.li is not None:
            self.team.append(" ".join(self.li.split()))
            self.li = None
        elif tag in ("td", "th") and self.cell is not None:
            cls, text = self.cell[0], " ".join(self.cell[1].split())
            if self.row is not None:
                self.row.append(text)
            if self.table == "month" and tag == "td" and text and self.month is not None:
                self.month[int(text.split()[0])] = (cls, text)
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if self.table != "month":
                (prop["tables"].setdefault(self.table, []) if prop else self.rows).append((self.row, self.team))
            self.row = None
    def handle_data(self, data):
        for attr in ("text", "caption", "li"):
            if getattr(self, attr) is not None:
                setattr(self, attr, getattr(self, attr) + data)
        if self.cell is not None:
            self.cell[1] += data

p = Page()
p.feed(dom)
problems = []
if len(p.proposals) != len(doc["proposals"]):
    problems.append("%d proposals on the page, %d in the JSON report" % (len(p.proposals), len(doc["proposals"])))
for k, (prop, page) in enumerate(zip(doc["proposals"], p.proposals)):
    if page["heading"] != heading_fmt % (prop["rank"], prop["penalty"]):
        problems.append("proposal %d: heading %r" % (prop["rank"], page["heading"]))
    rows = {r[0][0]: r for r in page["tables"].get("cohorts", [])[1:]}
    for c in prop["cohorts"]:
        if c["cohort"] not in rows:
            problems.append("proposal %d: no row for cohort %s" % (prop["rank"], c["cohort"]))
            continue
        cells, team = rows[c["cohort"]]
        want = [c["sessions"][0]["date"], c["sessions"][-1]["date"], str(len(c["weeks"])),
                "%s–%s" % (c["time"]["start"], c["time"]["end"])]
        if len(cells) < 8 or [cells[2], cells[3], cells[4], cells[6]] != want:
            problems.append("proposal %d, cohort %s: %s, expected %s" % (prop["rank"], c["cohort"], cells, want))
        for t in c["team"]:
            member = "%s: %s" % (t["role"], t["teacher"])
            if not any(m == member or m.startswith(member + ' "') for m in team):
                problems.append("proposal %d, cohort %s: no team member %s in %s" % (prop["rank"], c["cohort"], member, team))
    penalties = [r[0][:3] for r in page["tables"].get("penalties", [])]
    for x in prop["penalties"]:
        if [x["check"], x["cohort"], "%d × %d = %d" % (x["weight"], x["amount"], x["penalty"])] not in penalties:
            problems.append("proposal %d: no row for the penalty %s of %s" % (prop["rank"], x["check"], x["cohort"]))
    if k > 0:
        continue
    # Proposal 1: every session and every day that fell out on its day.
    for c in prop["cohorts"]:
        cal = page["calendars"].get(c["cohort"])
        if cal is None:
            problems.append("proposal 1: no calendar of %s" % c["cohort"])
            continue
        def day(iso):
            d = datetime.date.fromisoformat(iso)
            return cal.get("%s %d" % (months[d.month - 1], d.year), {}).get(d.day)
        for s in c["sessions"]:
            cell = day(s["date"])
            mark, time = "%s%d" % (marks["session"], s["number"]), "%s–%s" % (s["start"], s["end"])
            if not cell or "session" not in cell[0] or mark not in cell[1].split() or time not in cell[1]:
                problems.append("proposal 1, %s: session %d on %s is not marked %s with its time: %s"
                                % (c["cohort"], s["number"], s["date"], mark, cell))
        for x in c["skipped"]:
            cell = day(x["date"])
            if not cell or "closed" not in cell[0] or x["reason"] not in cell[1]:
                problems.append("proposal 1, %s: %s fell out (%s), but its day says %s"
                                % (c["cohort"], x["date"], x["reason"], cell))
if doc["status"] == "infeasible":
    # The conflict: each requirement with its place, then what dropping it costs.
    rows = [r[0] for r in p.rows]
    if not doc["conflict"]:
        problems.append("the JSON report names no conflict")
    for x in doc["conflict"]:
        place = "%s:%d:%d" % (x["location"]["file"], x["location"]["line"], x["location"]["column"])
        if [x["requirement"], place] not in rows:
            problems.append("no row for the requirement %s at %s" % (x["requirement"], place))
    for x in doc["relaxations"]:
        if [x["drop"], nofit if x["penalty"] is None else str(x["penalty"])] not in rows:
            problems.append("no row for what dropping %s costs (%s)" % (x["drop"], x["penalty"]))
elif not doc["proposals"]:
    problems.append("the JSON report has no proposal")
print("\n".join(problems[:10]))
PY
}
miss=$(plan_dom "$tmp/plan.json" "$tmp/plan.dom" "Proposal %d: penalty %d" "Calendar of %s" "$en_months" "session=S")
[ -z "$miss" ] && ok || bad "plan: $miss"
miss=$(plan_dom "$tmp/plan.json" "$tmp/plan-da.dom" "Forslag %d: strafpoint %d" "Kalender for %s" "$da_months" "session=U")
[ -z "$miss" ] && ok || bad "plan-da: $miss"
grep -q '<html lang="da">' "$tmp/plan-da.dom" && ok || bad "plan-da: no <html lang=\"da\">"
# The status by its word; region Midt has three proposals of four cohorts.
grep -q '<span class="status">optimal</span>' "$tmp/plan.dom" && ok || bad "plan: no status word optimal"
grep -q '<span class="status">optimal</span>' "$tmp/plan-da.dom" && ok || bad "plan-da: no status word optimal"
[ "$(grep -o '<section class="proposal">' "$tmp/plan.dom" | wc -l)" = 3 ] && ok || bad "plan: not 3 proposal sections"
miss=$(plan_dom "$tmp/plan-infeasible.json" "$tmp/plan-infeasible.dom" "Proposal %d: penalty %d" "Calendar of %s" \
  "$en_months" "session=S")
[ -z "$miss" ] && ok || bad "plan-infeasible: $miss"
grep -q '<span class="status">infeasible</span>' "$tmp/plan-infeasible.dom" && ok || bad "plan-infeasible: no status word infeasible"
# The hostile plans: their pages against their reports, and every hostile
# string (the course's, teachers' and site's titles, the closures' names,
# the absence in the conflict) text, no element.
miss=$(plan_dom "$tmp/plan-hostile.json" "$tmp/plan-hostile.dom" "Proposal %d: penalty %d" "Calendar of %s" "$en_months" "session=S")
[ -z "$miss" ] && ok || bad "plan-hostile: $miss"
miss=$(plan_dom "$tmp/plan-hostile-infeasible.json" "$tmp/plan-hostile-infeasible.dom" "Proposal %d: penalty %d" \
  "Calendar of %s" "$en_months" "session=S")
[ -z "$miss" ] && ok || bad "plan-hostile-infeasible: $miss"
for p in plan-hostile plan-hostile-infeasible; do
  grep -q '<script' "$tmp/$p.dom" && bad "$p: a <script> element in the DOM" || ok
  grep -qE '<(b|i)>' "$tmp/$p.dom" && bad "$p: markup from the plan's file became an element" || ok
  grep -qF 'Kursus &lt;script&gt;alert(1)&lt;/script&gt; &amp; co' "$tmp/$p.dom" && ok || bad "$p: the course's title is not text"
done
for text in '<td>Sal &lt;script&gt;alert(1)&lt;/script&gt; &amp; "Co"</td>' \
            '<li>peer: anna "Anna &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"</li>' \
            "<li>prof: bo \"Bo &lt;b&gt;fed&lt;/b&gt; &amp; 'citat'\"</li>" \
            '<span class="nt">Lukket &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;fed&lt;/b&gt;</span>' \
            "<span class=\"nt\">Sal lukket &lt;i&gt;kursiv&lt;/i&gt; &amp; 'x'</span>" \
            '<span class="nt">Plan lukket &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;fed&lt;/b&gt;</span>'; do
  grep -qF "$text" "$tmp/plan-hostile.dom" && ok || bad "plan-hostile: not in the DOM as text: $text"
done
grep -qF '<code>teacher anna: away "Ferie &lt;script&gt;alert(1)&lt;/script&gt; &amp; fri" 2027-03-01..2027-06-30</code>' \
  "$tmp/plan-hostile-infeasible.dom" && ok || bad "plan-hostile-infeasible: the absence in the conflict is not text"

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
  # And at 100% in a laptop's 1000-pixel window, where long words (rule
  # ids, places) once pushed the results table 24 pixels past the edge.
  wide=$(browser --window-size=1000,1000 --dump-dom "file://$tmp/$p-zoom.html" | sed -n 's|.*<pre id="overflow">\(.*\)</pre>.*|\1|p')
  [ "$wide" = none ] && ok || bad "$p: wider than a 1000-pixel window: ${wide:-no measurement}"
done

# A screenshot kept as an artefact.
rm -f "$art/check-several.png" "$art/check-danish.png" "$art/admit.png" "$art/diff.png" "$art/schedule.png" \
  "$art/plan.png" "$art/plan-infeasible.png"
browser --screenshot="$art/check-several.png" --window-size=1200,2000 "file://$tmp/several.html" > /dev/null
browser --screenshot="$art/check-danish.png" --window-size=1200,2000 "file://$tmp/danish.html" > /dev/null
browser --screenshot="$art/admit.png" --window-size=1200,1200 "file://$tmp/admit.html" > /dev/null
browser --screenshot="$art/diff.png" --window-size=1200,1600 "file://$tmp/diff.html" > /dev/null
browser --screenshot="$art/schedule.png" --window-size=1200,2400 "file://$tmp/schedule.html" > /dev/null
# The plan on a wide screen, where two proposals stand side by side.
browser --screenshot="$art/plan.png" --window-size=1920,2400 "file://$tmp/plan.html" > /dev/null
browser --screenshot="$art/plan-infeasible.png" --window-size=1200,1000 "file://$tmp/plan-infeasible.html" > /dev/null
for png in check-several check-danish admit diff schedule plan plan-infeasible; do
  if [ -s "$art/$png.png" ] && [ "$(head -c 8 "$art/$png.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then ok
  else bad "$png: no screenshot (PNG) in $art"; fi
done

# The README's pictures (docs/img/screenshots.sh, `make screenshots`): the
# script renders each report into the artefacts, and every picture the
# README shows is one the script makes and is in docs/img/ as a PNG.
if bash "$root/docs/img/screenshots.sh" "$ramme" "$art/readme" 2> "$tmp/shots.err"; then ok
else bad "docs/img/screenshots.sh failed: $(head -3 "$tmp/shots.err")"; fi
for png in $(grep -o 'docs/img/[a-z-]*\.png' "$root/README.md" | sort -u); do
  name=$(basename "$png")
  if [ "$(head -c 8 "$root/$png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] \
     && [ -s "$art/readme/$name" ]; then ok
  else bad "README shows $png: not a PNG in docs/img/, or not made by docs/img/screenshots.sh"; fi
done
[ "$(grep -o 'docs/img/[a-z-]*\.png' "$root/README.md" | sort -u | wc -l)" = 5 ] && ok \
  || bad "README: not one picture for each of the five HTML reports"

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

# The plan printed: three proposals, each from a new page, with its tables
# and four cohorts' calendars (about five months each, none split) come to
# 33 A4 pages (found on the first run, Chromium 156); 26 to 42 leaves room
# for other fonts. When nothing fits, the conflict fits on one page.
rm -f "$art/plan.pdf" "$art/plan-infeasible.pdf"
browser --no-pdf-header-footer --print-to-pdf="$art/plan.pdf" "file://$tmp/plan.html" > /dev/null
pages=$(grep -a -o '/Type */Page\b' "$art/plan.pdf" 2>/dev/null | wc -l)
[ -s "$art/plan.pdf" ] && [ "$pages" -ge 26 ] && [ "$pages" -le 42 ] && ok || bad "plan.pdf: $pages pages, expected 26 to 42"
grep -a -qE '/MediaBox \[0 0 59[45](\.[0-9]+)? 84[12](\.[0-9]+)?\]' "$art/plan.pdf" && ok \
  || bad "plan.pdf: pages are not A4 ($(grep -a -o '/MediaBox \[[^]]*\]' "$art/plan.pdf" | head -1))"
browser --no-pdf-header-footer --print-to-pdf="$art/plan-infeasible.pdf" "file://$tmp/plan-infeasible.html" > /dev/null
pages=$(grep -a -o '/Type */Page\b' "$art/plan-infeasible.pdf" 2>/dev/null | wc -l)
[ -s "$art/plan-infeasible.pdf" ] && [ "$pages" = 1 ] && ok || bad "plan-infeasible.pdf: $pages pages, expected 1"

# admit printed: 150 applicants (the example's five, again and again) come
# to 6 A4 pages (found on the first run, Chromium 156; 5 to 8 leaves room
# for other fonts). Read back with pdftotext: every page starts with the
# table's header row (the browser repeats <thead>), every applicant id is
# on exactly one page, none lost at a page break, and no applicant's field
# value (a birth date) is on paper either.
python3 - "$E/applicants.csv" "$tmp/many.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(rows[0])
    for i in range(150):
        r = list(rows[1 + i % (len(rows) - 1)])
        r[0] = "B%03d" % i
        w.writerow(r)
PY
"$ramme" admit --format html -I "$S" "$E/frederikshavn.ramme" --applicants "$tmp/many.csv" > "$tmp/admit-many.html"
rm -f "$art/admit-many.pdf" "$art/diff.pdf"
browser --no-pdf-header-footer --print-to-pdf="$art/admit-many.pdf" "file://$tmp/admit-many.html" > /dev/null
pages=$(grep -a -o '/Type */Page\b' "$art/admit-many.pdf" 2>/dev/null | wc -l)
[ -s "$art/admit-many.pdf" ] && [ "$pages" -ge 5 ] && [ "$pages" -le 8 ] && ok || bad "admit-many.pdf: $pages pages, expected 5 to 8"
grep -a -qE '/MediaBox \[0 0 59[45](\.[0-9]+)? 84[12](\.[0-9]+)?\]' "$art/admit-many.pdf" && ok \
  || bad "admit-many.pdf: pages are not A4"
if command -v pdftotext > /dev/null 2>&1; then
  miss=$(python3 - "$art/admit-many.pdf" "$pages" "$tmp/many.csv" <<'PY'
import csv, re, subprocess, sys
pdf, n = sys.argv[1], int(sys.argv[2])
rows = list(csv.DictReader(open(sys.argv[3], newline="", encoding="utf-8")))
seen = {}
for k in range(1, n + 1):
    text = subprocess.run(["pdftotext", "-layout", "-f", str(k), "-l", str(k), pdf, "-"],
                          capture_output=True, text=True, check=True).stdout
    if not re.search(r"^\s*Applicant\s+Status\b", text, re.M):
        print("page %d has no header row;" % k)
    for i in re.findall(r"^\s*(B\d{3})\b", text, re.M):
        seen[i] = seen.get(i, 0) + 1
    for r in rows:
        if r["birth_date"] in text:
            print("page %d shows a birth date;" % k)
            break
for r in rows:
    if seen.get(r["id"], 0) != 1:
        print("%s on %d pages;" % (r["id"], seen.get(r["id"], 0)))
PY
)
  [ -z "$miss" ] && ok || bad "admit-many.pdf: $(echo "$miss" | head -5 | tr '\n' ' ')"
else
  bad "pdftotext is not installed (make test-deps, or: bash mk/deps.sh poppler-utils): the printed admit report cannot be read back"
fi
# diff printed: the variant's changes and results fit on one A4 page.
browser --no-pdf-header-footer --print-to-pdf="$art/diff.pdf" "file://$tmp/diff.html" > /dev/null
pages=$(grep -a -o '/Type */Page\b' "$art/diff.pdf" 2>/dev/null | wc -l)
[ -s "$art/diff.pdf" ] && [ "$pages" = 1 ] && ok || bad "diff.pdf: $pages pages, expected 1"

# The other commands refuse html: a usage error, nothing on stdout.
# (admit and diff write it since issue 16's second slice, schedule since its
# third, plan since its fourth.)
for cmd in "explain national.goal_coverage" "test $E"; do
  # shellcheck disable=SC2086
  "$ramme" $cmd --format html -I "$S" > "$tmp/out" 2> "$tmp/err"; rc=$?
  [ "$rc" = 2 ] && [ ! -s "$tmp/out" ] && grep -q 'format html' "$tmp/err" && ok || bad "${cmd%% *} --format html: exit $rc"
done

echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
