#!/usr/bin/env python3
"""agree.py RAMME.json PEER.jsonl [--courses N] [--stats FILE.json]

Checks that ramme and the json-rules-engine peer agree on which rules fail for every
course: the set of (course, rule) pairs with status "fail" in `ramme check --format json`
must equal the set of (course, rule) pairs the peer reports as failed, and both must have
judged the same courses (N of them, when --courses is given).  Prints a one-line verdict
(and the first disagreements); exits with 0 when they agree, 1 when not.

ramme's JSON can be close to a gigabyte, so it is read line by line rather than parsed
whole: it relies on jansson's indented output (one key per line), and checks that every
course it found has its twelve results.  --stats writes the counts of each (rule, status).
"""
import argparse
import collections
import json
import re
import sys

COURSE = re.compile(r'^ {6}"course": "(.*)",?$')
RULE = re.compile(r'^ {10}"rule": "(.*)",?$')
STATUS = re.compile(r'^ {10}"status": "(.*)",?$')
DIAG = re.compile(r'^ {2}"diagnostics": \[(\])?')


def read_ramme(path):
    fails, courses, statuses = set(), [], collections.Counter()
    per_course = collections.Counter()
    course = rule = None
    diagnostics = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = RULE.match(line)
            if m:
                rule = m.group(1)
                continue
            m = STATUS.match(line)
            if m:
                statuses[(rule, m.group(1))] += 1
                per_course[course] += 1
                if m.group(1) == "fail":
                    fails.add((course, rule))
                continue
            m = COURSE.match(line)
            if m:
                course = m.group(1)
                courses.append(course)
                continue
            m = DIAG.match(line)
            if m and not m.group(1):
                diagnostics = True
    return fails, courses, statuses, per_course, diagnostics


def read_peer(path):
    fails, courses = set(), []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            j = json.loads(line)
            courses.append(j["course"])
            for x in j["failed"]:
                fails.add((j["course"], x["rule"]))
    return fails, courses


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ramme")
    ap.add_argument("peer")
    ap.add_argument("--courses", type=int)
    ap.add_argument("--stats")
    a = ap.parse_args()
    rf, rc, stats, per_course, diags = read_ramme(a.ramme)
    pf, pc = read_peer(a.peer)
    problems = []
    if diags:
        problems.append("ramme's output has diagnostics (it could not read or compile an input)")
    if a.courses is not None and len(rc) != a.courses:
        problems.append(f"ramme reported {len(rc)} courses, expected {a.courses}")
    if a.courses is not None and len(pc) != a.courses:
        problems.append(f"the peer reported {len(pc)} courses, expected {a.courses}")
    if len(set(rc)) != len(rc):
        problems.append("ramme reported some course twice")
    if set(rc) != set(pc):
        problems.append(f"the engines judged different courses ({len(set(rc) ^ set(pc))} differ)")
    short = [c for c in rc if per_course[c] != 12]
    if short:
        problems.append(f"{len(short)} courses do not have 12 results in ramme's output, e.g. {short[0]}")
    only_r, only_p = sorted(rf - pf), sorted(pf - rf)
    if only_r or only_p:
        problems.append(f"{len(only_r)} failures only ramme reports, {len(only_p)} only the peer reports")
        for c, r in only_r[:5]:
            problems.append(f"  ramme only: {c} {r}")
        for c, r in only_p[:5]:
            problems.append(f"  peer only:  {c} {r}")
    if a.stats:
        by_rule = collections.defaultdict(dict)
        for (rule, st), n in sorted(stats.items()):
            by_rule[rule][st] = n
        with open(a.stats, "w") as f:
            json.dump(by_rule, f, indent=2, sort_keys=True)
    if problems:
        print(f"agreement: FAILED on {len(rc)} courses")
        for p in problems:
            print("  " + p)
        return 1
    print(f"agreement: ok, {len(rc)} courses, {len(rf)} failing (course, rule) pairs, identical in both engines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
