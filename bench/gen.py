#!/usr/bin/env python3
"""Seeded generator of realistic ramme course designs, as ramme source and as JSON.

    gen.py --count N [--seed S] [--start I] --ramme FILE --json FILE
    gen.py --count N [--seed S] --split DIR --per K      (N/K files of K courses each:
                                                            DIR/part-0000.ramme and .jsonl)

Course i depends only on (seed, i), so a 1k file is the first thousand courses of the 1M
file, and the split files hold the same courses as the single file of the same count.

Each course is about 1 KB of source: 1-3 target groups, a theory block, 3-8 modules whose
`covers` spread the twelve national goals, a practicum (most of the time), two instructors,
form principles, sometimes an admission block.  A share of the courses breaks each rule of
stdlib/national.ramme and stdlib/consistency.ramme but three (no target range, weekly_hours or
instructor count is written backwards, so target_ranges, weekly_hours_range and
instructor_count never fail), and some leave inputs undeclared so that rules are `unknown` or
`not_applicable` (see README.md, "The generator").
Every value is chosen away from the rules' boundaries where ramme and JavaScript arithmetic
could round differently, so each (course, rule) status is well defined.

The JSON is one course per line (JSON Lines): a 1M-course file is ~1 GB, which no JSON.parse
takes in one string.  Contact time is in hours (2.5 = 2h30), ranges are {"min": a, "max": b}
with an absent key for an open end, dates are "YYYY-MM-DD" strings, a key the source leaves
out is absent (defaults are the reader's business, as in ramme's schema).
"""
import argparse
import datetime
import json
import os
import random
import sys

GOALS = [
    "recovery.hope", "recovery.self_determination", "recovery.equal_relations",
    "recovery.meaning", "recovery.social_roles", "recovery.collaboration",
    "role.value_base", "role.tools", "role.wellbeing",
    "organisation.resources", "organisation.perspective", "organisation.collaboration",
]
FORM = ["practice_oriented", "interdisciplinary", "empowerment", "exemplary"]

PLACES = ["Aarhus", "Randers", "Viborg", "Frederikshavn", "Aalborg", "Hjørring", "Odense",
          "Svendborg", "Esbjerg", "Kolding", "Vejle", "Horsens", "Silkeborg", "Herning",
          "Holstebro", "Skive", "Roskilde", "Køge", "Næstved", "Slagelse", "Holbæk",
          "Helsingør", "Hillerød", "Gentofte", "København", "Frederiksberg", "Ærø",
          "Sønderborg", "Aabenraa", "Haderslev", "Thisted", "Brønderslev", "Læsø"]
REGIONS = ["Region Midtjylland", "Region Hovedstaden", "Region Sjælland",
           "Region Syddanmark", "Region Nordjylland"]
TARGETS = [
    ("peers", "Mennesker med levede erfaringer", True),
    ("paid_peers", "Lønnede peers", True),
    ("volunteer_peers", "Frivillige peers", True),
    ("relatives", "Pårørende med egne erfaringer", True),
    ("colleagues", "Kollegaer til peers", False),
    ("staff", "Fagprofessionelle", False),
]
MODULES = [
    "Peer-faglighed og erfaringskompetence", "Recovery og empowerment",
    "Stil skarpt på dig selv - en vej til recovery", "Diagnosemestring, sorg, krise og stigma",
    "Livshistoriefortælling", "Kommunikation og konflikthåndtering", "Roller og grænser",
    "CHIME og Den Personlige Arbejdsbog", "Samarbejde på tværs", "Egen trivsel",
    "Netværk og relationer", "Håb og mening",
]
REQUIRE = [("age >= 18", "Over 18 år"), ("lived_experience", "Personlig erfaring med psykisk sårbarhed"),
           ("reads_danish and writes_danish", "Kan læse og skrive dansk")]
EXCLUDE = [("active_substance_abuse", "Aktivt misbrug af stoffer og/eller alkohol"), ("dementia", "Demens")]


def hours_text(h, rng):
    """Contact time in hours as ramme source: 3h, 2.5h or 150 min."""
    if h == int(h):
        return f"{int(h)}h" if rng.random() < 0.85 else f"{int(h * 60)} min"
    return f"{h:g}h" if rng.random() < 0.5 else f"{int(round(h * 60))} min"


def num(h):
    return int(h) if h == int(h) else h


def split_hours(total, n, rng):
    """n parts of at least 1h summing to total (whole hours; a half hour goes to the last)."""
    whole = int(total)
    rest = whole - n
    cuts = sorted(rng.randint(0, rest) for _ in range(n - 1))
    parts = [b - a + 1 for a, b in zip([0] + cuts, cuts + [rest])]
    parts[-1] += total - whole
    return parts


def course(seed, i):
    rng = random.Random((seed << 40) ^ i)
    name = f"kursus_{i:07d}"
    place = rng.choice(PLACES)
    regional = rng.random() < 0.3
    provider = rng.choice(REGIONS) if regional else f"{place} Kommune"
    title = f"Peer-uddannelse {i}, {provider}"
    src = [f'course {name} "{title}" {{', f'  provider "{provider}"', "  conforms national"]
    js = {"course": name, "title": title, "provider": provider, "conforms": ["national"]}

    locs = [f"Recovery-skolen {place}"] + ([f"Peer-huset, {rng.choice(PLACES)}"] if rng.random() < 0.2 else [])
    src.append("  locations " + ", ".join(f'"{l}"' for l in locs))
    js["locations"] = locs
    modular = rng.random() < 0.25
    if modular:
        src.append("  format modular")
        js["format"] = "modular"

    # group_size: consistency.group_size fails for 6%.
    r = rng.random()
    if r < 0.06:
        lo, hi = rng.choice([(12, 8), (0, 5), (15, 10), (None, 0)])
    else:
        lo, hi = rng.choice([(8, 12), (10, 15), (6, 10), (10, 10), (None, 8), (6, None), (1, 1)])
    if lo is None:
        src.append(f"  group_size max {hi}")
    elif hi is None:
        src.append(f"  group_size min {lo}")
    elif lo == hi:
        src.append(f"  group_size {lo}")
    else:
        src.append(f"  group_size {lo}..{hi}")
    js["group_size"] = {k: v for k, v in (("min", lo), ("max", hi)) if v is not None}

    # day_length: absent for 25% (then target_days_hours is unknown when it applies).
    day_len = None
    if rng.random() < 0.75:
        day_len = rng.choice([3, 4, 4, 5, 6])
        src.append(f"  day_length {day_len}h")
        js["day_length"] = day_len

    # Targets: lived_experience_target fails for 6% (no group with lived experience);
    # each group states days and hours half the time; target_days_hours fails for 10%
    # of the courses where it applies.
    ntarget = rng.choice([1, 1, 2, 2, 3])
    no_lived = rng.random() < 0.06
    picks = rng.sample(TARGETS, ntarget)
    if not no_lived and not any(t[2] for t in picks):
        picks[0] = TARGETS[0] if TARGETS[0] not in picks else TARGETS[1]
    bad_days = rng.random() < 0.10
    targets = []
    for k, (tname, ttitle, lived) in enumerate(picks):
        t = {"name": tname, "title": ttitle}
        body = []
        if lived and not no_lived:
            body.append("lived_experience")
            t["lived_experience"] = True
        if rng.random() < 0.5 or (bad_days and k == 0):
            a = rng.randint(2, 10)
            b = a + rng.randint(3, 12)
            d = day_len or 4
            hlo, hhi = a * d + rng.randint(0, d), b * d - rng.randint(0, d)
            if bad_days and k == 0:
                if rng.random() < 0.5:
                    hhi = b * d + rng.randint(1, 6)
                else:
                    hlo = max(1, a * d - rng.randint(1, 3))
                    if hlo == a * d:
                        hhi = b * d + 2
            body.append(f"days {a}..{b}")
            body.append(f"hours {hlo}h..{hhi}h")
            t["days"] = {"min": a, "max": b}
            t["hours"] = {"min": hlo, "max": hhi}
        src.append(f'  target {tname} "{ttitle}" {{')
        src.extend("    " + x for x in body)
        src.append("  }")
        targets.append(t)
    js["target"] = targets

    # Theory: theory_hours not applicable for 15% (no sessions_per_week), fails for 8%;
    # weekly_hours absent for 20% (weekly_load not applicable), outside for 8%.
    weeks = rng.randint(8, 16)
    theory = {"weeks": weeks}
    tsrc = [f"weeks {weeks}"]
    if rng.random() < 0.85:
        spw = rng.choice([1, 2, 2, 3])
        slen = rng.choice([2, 2.5, 3, 3, 4])
        hours = weeks * spw * slen
        if rng.random() < 0.08:
            hours += slen * rng.choice([-1, 1, 2])
        tsrc.append(f"sessions_per_week {spw}")
        tsrc.append(f"session_length {hours_text(slen, rng)}")
        theory["sessions_per_week"] = spw
        theory["session_length"] = num(slen)
    else:
        hours = weeks * rng.randint(3, 8)
    tsrc.append(f"hours {hours_text(hours, rng)}")
    theory["hours"] = num(hours)
    if rng.random() < 0.8:
        load = hours / weeks
        f, c = int(load), -int(-load // 1)
        if rng.random() < 0.08 and f >= 3:
            lo, hi = (c + 1, c + 4) if rng.random() < 0.5 else (max(1, f - 4), f - 1)
        else:
            lo, hi = max(1, f - rng.randint(1, 3)), c + rng.randint(1, 4)
        tsrc.append(f"weekly_hours {lo}h..{hi}h")
        theory["weekly_hours"] = {"min": lo, "max": hi}
    src.append("  theory {")
    src.extend("    " + x for x in tsrc)
    src.append("  }")
    js["theory"] = theory

    # Modules: 3-8, hours summing to the theory hours (fail 8%, one without hours 8%),
    # covers spreading the twelve goals (one goal left out for 10%).
    nmod = rng.choice([3, 4, 4, 5, 5, 6, 7, 8])
    mh = split_hours(hours, nmod, rng)
    r = rng.random()
    if r < 0.08:
        k = rng.randrange(nmod)
        mh[k] += rng.choice([1, 2, 3, 1.5]) * (1 if mh[k] < 3 or rng.random() < 0.5 else -1)
    missing_hours = rng.randrange(nmod) if 0.08 <= r < 0.16 else None
    goals = GOALS[:]
    rng.shuffle(goals)
    if rng.random() < 0.10:
        goals = goals[1:]
    covers = [[] for _ in range(nmod)]
    for k, g in enumerate(goals):
        covers[k % nmod if k < nmod else rng.randrange(nmod)].append(g)
    titles = rng.sample(MODULES, nmod)
    mods = []
    for k in range(nmod):
        m = {"name": f"m{k + 1}", "title": titles[k]}
        body = []
        if k != missing_hours:
            body.append(f"hours {hours_text(mh[k], rng)}")
            m["hours"] = num(mh[k])
        if covers[k]:
            body.append("covers " + ", ".join(covers[k]))
            m["covers"] = covers[k]
        # Both layouts occur in real designs: one line with `;`, or one entry a line.
        if rng.random() < 0.7:
            src.append(f'  module m{k + 1} "{titles[k]}" {{ {"; ".join(body)} }}')
        else:
            src.append(f'  module m{k + 1} "{titles[k]}" {{')
            src.extend("    " + x for x in body)
            src.append("  }")
        mods.append(m)
    js["module"] = mods

    # Practicum for 80%.
    if rng.random() < 0.8:
        n, unit = rng.choice([(13, "weeks"), (3, "months"), (4, "months"), (10, "weeks"), (60, "days")])
        fu = rng.randint(0, 3)
        src.append("  practicum {")
        src.append(f"    length {n} {unit}")
        if fu:
            src.append(f"    follow_up_days {fu}")
        src.append("  }")
        js["practicum"] = {"length": {"value": n, "unit": unit}}
        if fu:
            js["practicum"]["follow_up_days"] = fu

    # Instructors: experiential_instructor fails for 6%.
    no_exp = rng.random() < 0.06
    ins = [("peer_teacher", "Peer-underviser", not no_exp, False),
           ("professional", "Fagprofessionel underviser", False, True)]
    src.append("  instructors {")
    jins = []
    for iname, ititle, exp, prof in ins:
        flags = [f for f, on in (("experiential_competence", exp), ("professional", prof),
                                 ("continuous", rng.random() < 0.5)) if on]
        src.append(f'    instructor {iname} "{ititle}" {{ {"; ".join(flags)} }}' if flags
                   else f'    instructor {iname} "{ititle}" {{}}')
        ji = {"name": iname, "title": ititle}
        for f in flags:
            ji[f] = True
        jins.append(ji)
    jinst = {"instructor": jins}
    for flag in ("external_guests", "equal_standing"):
        if rng.random() < 0.4:
            src.append(f"    {flag}")
            jinst[flag] = True
    src.append("  }")
    js["instructors"] = jinst

    # Principles: absent for 8% (form_principles unknown), one or more of the four missing
    # for 22%, network among them for 25%; study groups for 35%.
    r = rng.random()
    if r >= 0.08:
        pr = FORM[:] if r >= 0.30 else [p for p in FORM if rng.random() < 0.6]
        if len(pr) == 4 and r < 0.30:
            pr = pr[1:]
        if rng.random() < 0.25:
            pr.append("network")
        if pr:
            src.append("  principles " + ", ".join(pr))
            js["principles"] = pr
    r = rng.random()
    if r < 0.35:
        src.append("  study_groups yes")
        js["study_groups"] = True
    elif r < 0.45:
        src.append("  study_groups no")
        js["study_groups"] = False

    # Admission for 50%; the window is reversed for 10% of those.
    if rng.random() < 0.5:
        start = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(300))
        end = start + datetime.timedelta(days=rng.randint(7, 30))
        if rng.random() < 0.10:
            start, end = end, start
        seats = rng.choice([8, 10, 12, 15])
        src.append("  admission {")
        src.append(f"    window {start.isoformat()}..{end.isoformat()}")
        src.append("    application written")
        src.append(f"    seats {seats}")
        adm = {"window": {"min": start.isoformat(), "max": end.isoformat()},
               "application": "written", "seats": seats}
        req = [x for x in REQUIRE if rng.random() < 0.5]
        exc = [x for x in EXCLUDE if rng.random() < 0.3]
        for test, text in req:
            src.append(f'    require {test} "{text}"')
        for test, text in exc:
            src.append(f'    exclude {test} "{text}"')
        if req:
            adm["require"] = [{"test": t, "text": x} for t, x in req]
        if exc:
            adm["exclude"] = [{"test": t, "text": x} for t, x in exc]
        src.append("  }")
        js["admission"] = adm
    src.append("}")
    return "\n".join(src) + "\n\n", json.dumps(js, ensure_ascii=False, separators=(",", ":")) + "\n"


WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
DAYSETS = {1: [["mon"], ["tue"], ["wed"], ["thu"]], 2: [["mon", "wed"], ["tue", "thu"], ["mon", "thu"]],
           3: [["mon", "wed", "fri"], ["mon", "tue", "thu"]]}


def schedule(seed, i):
    """Course i followed by a schedule proposal for it (one file per proposal)."""
    src, js = course(seed, i)
    c = json.loads(js)
    rng = random.Random((seed << 40) ^ i ^ (1 << 39))
    t = c["theory"]
    length = t.get("session_length", rng.choice([2, 3, 3, 4]))
    spw = t.get("sessions_per_week", rng.choice([1, 2, 2, 3]))
    begin = rng.choice([9 * 60, 9 * 60 + 30, 13 * 60])
    end = begin + int(round(length * 60))
    start = datetime.date(2025, 1, 6) + datetime.timedelta(days=rng.randrange(900))
    lines = [f"schedule plan_{i:07d} for {c['course']} {{", "  calendar dk"]
    if rng.random() < 0.6:
        lines.append(f'  closed "Vinterferie" week {rng.choice([7, 8])}')
    if rng.random() < 0.5:
        y = start.year
        lines.append(f'  closed "Sommerferie" {y}-06-28..{y}-08-10')
    lines += [f"  start {start.isoformat()}",
              "  weekdays " + ", ".join(rng.choice(DAYSETS[spw])),
              f"  time {begin // 60:02d}:{begin % 60:02d}..{end // 60:02d}:{end % 60:02d}",
              f'  location "Recovery-skolen {rng.choice(PLACES)}"', "}"]
    return src + "\n".join(lines) + "\n"


def applicants(seed, n, path):
    """n applicants as CSV, in the columns of examples/applicants.csv (stdlib/applicant.ramme)."""
    rng = random.Random(seed ^ (1 << 38))
    kinds = ["municipal_support", "outpatient_treatment", "inpatient_admission"]
    towns = ["Frederikshavn"] * 6 + ["Hjørring", "Aalborg", "Læsø", "Brønderslev"]
    yn = lambda p: "yes" if rng.random() < p else "no"
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,birth_date,municipality,lived_experience,support,reads_danish,writes_danish,"
                "compatible_income,active_substance_abuse,dementia,needs_interpreter\n")
        for k in range(1, n + 1):
            born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 58))
            row = [f"A{k:06d}", born.isoformat(), rng.choice(towns), yn(0.9), rng.choice(kinds),
                   yn(0.95), yn(0.93), yn(0.9), yn(0.05), yn(0.01), yn(0.03)]
            if rng.random() < 0.03:  # a value left empty: the screener says `review`
                row[rng.randrange(2, len(row))] = ""
            f.write(",".join(row) + "\n")


HEADER = '# Generated by bench/gen.py: seeded course designs for the benchmarks.\nimport "national"\n\n'


def write(seed, first, count, ramme_path, json_path, header=True):
    with open(ramme_path, "w", encoding="utf-8") as rs, open(json_path, "w", encoding="utf-8") as js:
        if header:
            rs.write(HEADER)
        buf_r, buf_j = [], []
        for i in range(first, first + count):
            r, j = course(seed, i)
            buf_r.append(r)
            buf_j.append(j)
            if len(buf_r) >= 4096:
                rs.write("".join(buf_r))
                js.write("".join(buf_j))
                buf_r.clear()
                buf_j.clear()
        rs.write("".join(buf_r))
        js.write("".join(buf_j))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--start", type=int, default=1, help="number of the first course")
    ap.add_argument("--ramme")
    ap.add_argument("--json")
    ap.add_argument("--split", help="directory for the split files")
    ap.add_argument("--per", type=int, default=100, help="courses per split file")
    ap.add_argument("--schedules", help="directory for one file per schedule proposal")
    ap.add_argument("--applicants", help="CSV file of --count applicants")
    ap.add_argument("--no-header", action="store_true",
                    help="no import line: a chunk to append to another file")
    a = ap.parse_args()
    if a.applicants:
        applicants(a.seed, a.count, a.applicants)
    elif a.schedules:
        os.makedirs(a.schedules, exist_ok=True)
        for i in range(a.start, a.start + a.count):
            with open(os.path.join(a.schedules, f"plan-{i:07d}.ramme"), "w", encoding="utf-8") as f:
                f.write(HEADER + schedule(a.seed, i))
    elif a.split:
        os.makedirs(a.split, exist_ok=True)
        for f, first in enumerate(range(a.start, a.start + a.count, a.per)):
            n = min(a.per, a.start + a.count - first)
            base = os.path.join(a.split, f"part-{f:04d}")
            write(a.seed, first, n, base + ".ramme", base + ".jsonl")
    elif a.ramme and a.json:
        write(a.seed, a.start, a.count, a.ramme, a.json, header=not a.no_header)
    else:
        ap.error("give --ramme and --json, or --split")


if __name__ == "__main__":
    sys.exit(main())
