#!/usr/bin/env python3
"""The planner's solvers weighed against each other (issue 15), with
MiniZinc+Gecode in the same run: on the instances plan_bench.py wrote with
--keep DIR (their .ramme and .dzn files), build/plansolve times the solve
alone (the options already placed and priced) for the search alone, GLPK's
MIP alone (least penalty only, no ranking) and the hybrid `ramme plan` uses;
Gecode solves the .dzn as in plan_bench.py (its time includes flattening).

usage: plan_solvers.py --plansolve build/plansolve --dir DIR [--limit SECONDS] [--only plan-10-1,...]
prints one JSON line per instance and solver, then a Markdown table.
"""
import argparse, glob, json, os, re, subprocess, time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, limit):
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=limit + 30)
        return p.stdout, time.monotonic() - t0
    except subprocess.TimeoutExpired:
        return "", limit + 30


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plansolve", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--limit", type=float, default=60)
    ap.add_argument("--only")
    a = ap.parse_args()
    names = sorted((os.path.basename(f)[:-6] for f in glob.glob(os.path.join(a.dir, "plan-*.ramme"))),
                   key=lambda n: [int(x) for x in n.split("-")[1:]])
    if a.only:
        names = [n for n in names if n in a.only.split(",")]
    rows = []
    for n in names:
        row = {"instance": n}
        for mode in ("search", "mip", "hybrid"):
            out, secs = run([a.plansolve, os.path.join(a.dir, n + ".ramme"), mode, str(a.limit)], a.limit)
            try:
                d = json.loads(out.strip().splitlines()[-1])
                pen = d["penalties"][0] if d["penalties"] else None
                row[mode] = f"{d['seconds']} s ({d['status']}) {pen}"
            except (ValueError, IndexError):
                row[mode] = f"{round(secs, 3)} s (error)"
            print(json.dumps({"instance": n, "mode": mode, "result": row[mode]}), flush=True)
        out, secs = run(["minizinc", "--solver", "gecode", "--time-limit", str(int(a.limit * 1000)),
                         os.path.join(HERE, "peer", "plan.mzn"), os.path.join(a.dir, n + ".dzn")], a.limit)
        pens = re.findall(r"penalty = (-?\d+);", out)
        st = ("optimal" if "==========" in out else "infeasible" if "=====UNSATISFIABLE=====" in out
              else "feasible" if pens else "unknown")
        row["gecode"] = f"{round(secs, 3)} s ({st}) {pens[-1] if pens else None}"
        print(json.dumps({"instance": n, "mode": "gecode", "result": row["gecode"]}), flush=True)
        rows.append(row)
    print("| instance | search alone | GLPK MIP alone (no ranking) | search + GLPK LP (ramme plan) | MiniZinc+Gecode |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['instance']} | {r['search']} | {r['mip']} | {r['hybrid']} | {r['gecode']} |")


main()
