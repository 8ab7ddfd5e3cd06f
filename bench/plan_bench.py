#!/usr/bin/env python3
"""The planning benchmark (issue 15, PLANNING.md §5): `ramme plan` against
MiniZinc with Gecode on the same instances.

Instances are generated from a seed: a region's year with 1 to 200 cohorts,
up to 100 teachers and 20 sites. ramme plans each (`--proposals 1`: the
time to a proven optimum); `ramme plan --format dzn` writes the same
problem — every cohort's options as ramme's scheduler placed and priced
them — and bench/peer/plan.mzn solves it with Gecode. Both must agree on
the optimal penalty wherever both prove it.

usage: plan_bench.py --ramme PATH [--sizes 1,2,5,...] [--limit SECONDS]
                     [--results FILE] [--no-readme] [--keep DIR]
"""
import argparse, datetime, json, os, random, re, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WEEKDAYS = ["mon", "tue", "wed", "thu"]


def instance(seed, ncohorts, nteachers, nsites):
    """A plan file: a 13-week course of 2 sessions of 3 hours a week, a peer
    and a professional teacher a cohort, cohorts spread over 2027."""
    rnd = random.Random(seed * 1000003 + ncohorts)
    out = [f"# plan instance: seed {seed}, {ncohorts} cohorts, {nteachers} teachers, {nsites} sites",
           'course kursus "Peer-uddannelse" {',
           '  provider   "Region"',
           '  group_size max 10',
           '  target peers "Peers" { lived_experience }',
           '  theory {',
           '    weeks             13',
           '    sessions_per_week 2',
           '    session_length    3h',
           '    hours             78h',
           '    weekly_hours      6h',
           '  }',
           '  practicum { length 6 weeks }',
           '  instructors {',
           '    instructor peer "Peer-underviser" { experiential_competence }',
           '    instructor prof "Fagprofessionel" { professional }',
           '  }',
           '}', '']
    sites = [f"s{i + 1}" for i in range(nsites)]
    for s in sites:
        rooms = rnd.choice([1, 2, 2])
        line = f'site {s} "Sted {s}" {{ rooms {rooms}; seats 12'
        if rnd.random() < 0.5:
            line += f'; closed "Ferie" week {rnd.choice([7, 8, 42])}'
        out.append(line + " }")
    out.append("")
    names = []
    for t in range(nteachers):
        name = f"t{t + 1}"
        names.append(name)
        flag = "experiential_competence" if t % 2 == 0 else "professional"
        days = sorted(rnd.sample(range(4), rnd.choice([3, 4, 4, 4])))
        entries = [flag, "weekdays " + ", ".join(WEEKDAYS[d] for d in days)]
        if nsites > 1:
            k = min(nsites, rnd.choice([2, 3, 4]))
            entries.append("sites " + ", ".join(sorted(rnd.sample(sites, k))))
        for _ in range(rnd.choice([0, 0, 1, 2])):
            start = datetime.date(2027, 1, 4) + datetime.timedelta(days=rnd.randrange(330))
            end = start + datetime.timedelta(days=rnd.choice([0, 1, 4, 13]))
            entries.append(f'away "Fri" {start}..{end}' if end > start else f'away "Fri" {start}')
        entries.append(f"max_cohorts {rnd.choice([1, 2, 3, 3])}")
        out.append(f'teacher {name} "Underviser {name}" {{')
        out += ["  " + e for e in entries]
        out.append("}")
    out += ["", "plan aar for kursus {",
            "  window    2027-01-04..2027-12-17",
            '  closed    "Sommerlukning" 2027-07-05..2027-08-01',
            "  weekdays  mon, tue, wed, thu",
            "  time      09:00..12:00, 12:30..15:30",
            "  proposals 1"]
    for c in range(ncohorts):
        first = datetime.date(2027, 1, 4) + datetime.timedelta(days=rnd.randrange(0, 230))
        last = first + datetime.timedelta(days=rnd.choice([27, 41, 55]))
        line = f"  cohort c{c + 1} {{ site {rnd.choice(sites)}; start {first}..{last}"
        if rnd.random() < 0.5:
            line += f"; prefer {first + datetime.timedelta(days=rnd.randrange(0, (last - first).days + 1))}"
        out.append(line + " }")
    out.append("}")
    return "\n".join(out) + "\n"


def timed(cmd, limit, stdout):
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, timeout=limit + 30)
    except subprocess.TimeoutExpired:
        return None, limit + 30, b""
    return p.returncode, time.monotonic() - t0, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ramme", required=True)
    ap.add_argument("--sizes", default="1,2,5,10,20,50,100,200")
    ap.add_argument("--seeds", type=int, default=1)
    ap.add_argument("--limit", type=float, default=120)
    ap.add_argument("--results", default=os.path.join(HERE, "plan-results.json"))
    ap.add_argument("--no-readme", action="store_true")
    ap.add_argument("--keep")
    a = ap.parse_args()
    if not shutil.which("minizinc"):
        sys.exit("plan_bench: minizinc is missing (mk/deps.sh minizinc installs it)")
    tmp = a.keep or tempfile.mkdtemp(prefix="ramme-plan-bench-")
    os.makedirs(tmp, exist_ok=True)
    rows, problems = [], []
    for size in [int(x) for x in a.sizes.split(",")]:
        # A region's pool grows with its cohorts, to the largest
        # family: 200 cohorts, 100 teachers, 20 sites.
        nteachers = min(100, max(4, size))
        nsites = min(20, max(1, size // 5))
        for seed in range(1, a.seeds + 1):
            name = f"plan-{size}-{seed}"
            src = os.path.join(tmp, name + ".ramme")
            with open(src, "w") as f:
                f.write(instance(seed, size, nteachers, nsites))
            js = os.path.join(tmp, name + ".json")
            with open(js, "w") as f:
                # --time-limit bounds placing and searching; when nothing fits,
                # the conflict's explanation has as long again (docs/language.md).
                rc, secs, err = timed([a.ramme, "plan", "--format", "json", "--proposals", "1",
                                       "--time-limit", str(a.limit), src], 2 * a.limit, f)
            row = {"instance": name, "cohorts": size, "teachers": nteachers, "sites": nsites, "seed": seed,
                   "ramme_seconds": round(secs, 3)}
            if rc in (0, 1):
                d = json.load(open(js))
                row["ramme_status"] = d["status"]
                row["options"] = d.get("options")
                row["ramme_penalty"] = d["proposals"][0]["penalty"] if d["proposals"] else None
            else:
                row["ramme_status"] = "error"
                problems.append(f"{name}: ramme exit {rc}: {err.decode(errors='replace')[:200]}")
            dzn = os.path.join(tmp, name + ".dzn")
            with open(dzn, "w") as f:
                subprocess.run([a.ramme, "plan", "--format", "dzn", src], stdout=f, stderr=subprocess.DEVNULL)
            out = os.path.join(tmp, name + ".mzn.out")
            with open(out, "w") as f:
                rc, secs, err = timed(["minizinc", "--solver", "gecode", "--time-limit", str(int(a.limit * 1000)),
                                       os.path.join(HERE, "peer", "plan.mzn"), dzn], a.limit, f)
            text = open(out).read()
            row["peer_seconds"] = round(secs, 3)
            pens = re.findall(r"penalty = (-?\d+);", text)
            row["peer_penalty"] = int(pens[-1]) if pens else None
            row["peer_status"] = ("optimal" if "==========" in text else "infeasible" if "=====UNSATISFIABLE=====" in text
                                  else "feasible" if pens else "unknown" if rc == 0 else "error")
            if row["ramme_status"] == "optimal" and row["peer_status"] == "optimal" and \
                    row["ramme_penalty"] != row["peer_penalty"]:
                problems.append(f"{name}: ramme proves {row['ramme_penalty']}, MiniZinc+Gecode {row['peer_penalty']}")
            if {row["ramme_status"], row["peer_status"]} == {"optimal", "infeasible"}:
                problems.append(f"{name}: one proves a plan, the other that none exists")
            print(json.dumps(row), flush=True)
            rows.append(row)
    both = [r for r in rows if r["ramme_status"] == r["peer_status"] == "optimal"
            or r["ramme_status"] == r["peer_status"] == "infeasible"]
    ratios = sorted(r["peer_seconds"] / max(r["ramme_seconds"], 1e-3) for r in both)
    summary = {
        "date": datetime.date.today().isoformat(),
        "commit": subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                                 text=True).stdout.strip(),
        "instances": len(rows), "both_proved": len(both),
        "median_speedup": ratios[len(ratios) // 2] if ratios else None,
        # Slower: the peer proved it and ramme took longer, or did not prove it at all.
        "slower_on": [r["instance"] for r in rows if r["peer_status"] in ("optimal", "infeasible") and
                      (r["ramme_status"] != r["peer_status"] or r["ramme_seconds"] > r["peer_seconds"])],
        "problems": problems,
    }
    json.dump({"summary": summary, "rows": rows}, open(a.results, "w"), indent=1)
    table = ["| instance | cohorts | teachers | sites | options | ramme | penalty | MiniZinc+Gecode | penalty |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        table.append(f"| {r['instance']} | {r['cohorts']} | {r['teachers']} | {r['sites']} | {r.get('options', '')} | "
                     f"{r['ramme_seconds']} s ({r['ramme_status']}) | {r.get('ramme_penalty')} | "
                     f"{r['peer_seconds']} s ({r['peer_status']}) | {r['peer_penalty']} |")
    table.append("")
    table.append(f"Both proved {len(both)} of {len(rows)}; MiniZinc+Gecode time / ramme time, median: "
                 f"{summary['median_speedup'] and round(summary['median_speedup'], 2)}; ramme slower on: "
                 f"{', '.join(summary['slower_on']) or 'none'}. Problems: {'; '.join(problems) or 'none'}.")
    if not a.no_readme:
        readme = os.path.join(HERE, "README.md")
        text = open(readme).read()
        block = "<!-- plan:begin -->\n" + "\n".join(table) + "\n<!-- plan:end -->"
        # Exactly one marked table: a stray marker would make the block swallow the
        # hand-written paragraphs between two of them.
        if text.count("<!-- plan:begin -->") > 1 or text.count("<!-- plan:end -->") > 1:
            sys.exit("bench/README.md: more than one plan:begin or plan:end marker")
        if "<!-- plan:begin -->" in text:
            text = re.sub(r"<!-- plan:begin -->.*?<!-- plan:end -->", lambda m: block, text, flags=re.S)
        else:
            text += "\n## Planning: ramme plan against MiniZinc with Gecode\n\n" + block + "\n"
        open(readme, "w").write(text)
    print("\n".join(table))
    if not a.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if problems else 0)


main()
