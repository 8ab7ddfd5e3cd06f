#!/usr/bin/env python3
"""agree.py RAMME.json PEER.jsonl [--courses N] [--stats FILE.json] [--peer-rules ID,...]

Checks that ramme and the json-rules-engine peer agree on which rules fail for every
course: the set of (course, rule) pairs with status "fail" in `ramme check --format json`
must equal the set of (course, rule) pairs the peer reports as failed, and both must have
judged the same courses (N of them, when --courses is given).  Prints a one-line verdict
(and the first disagreements); exits with 0 when they agree, 1 when not.

The rule set is not written down here.  ramme's rules are the rule ids in its output (the
union over all courses), and every course must have exactly one result for each of them;
the peer's rules are what `node peer/peer.js --rules` lists (or --peer-rules).  The two sets
must be equal, so a rule added to stdlib and not to the peer (or the other way round) is a
disagreement that names the rule, even when it fails for no generated course.

ramme's JSON can be close to a gigabyte, so it is read line by line rather than parsed
whole: it relies on jansson's indented output (one key per line).  --stats writes the
counts of each (rule, status).
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PEER_RULES = ["node", os.path.join(HERE, "peer", "peer.js"), "--rules"]

COURSE = re.compile(r'^ {6}"course": "(.*)",?$')
RULE = re.compile(r'^ {10}"rule": "(.*)",?$')
STATUS = re.compile(r'^ {10}"status": "(.*)",?$')
DIAG = re.compile(r'^ {2}"diagnostics": \[(\])?')


def read_ramme(path):
    """(course, rule) pairs that fail, the courses in order, counts of (rule, status), each
    course's rule ids (a shared tuple: a million courses mostly have the same rules) and
    whether there were diagnostics."""
    fails, courses, statuses = set(), [], collections.Counter()
    per_course = {}
    shared = {}
    course = rule = None
    seen = []

    def close():
        if course is not None:
            key = tuple(sorted(seen))
            per_course[course] = shared.setdefault(key, key)

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
                seen.append(rule)
                if m.group(1) == "fail":
                    fails.add((course, rule))
                continue
            m = COURSE.match(line)
            if m:
                close()
                course = m.group(1)
                courses.append(course)
                seen = []
                continue
            m = DIAG.match(line)
            if m and not m.group(1):
                diagnostics = True
    close()
    return fails, courses, statuses, per_course, diagnostics


def peer_rules(arg):
    """The rule ids the peer implements: --peer-rules, else `node peer.js --rules`."""
    if arg is not None:
        return set(x for x in arg.split(",") if x), None
    try:
        p = subprocess.run(PEER_RULES, capture_output=True, text=True)
        if p.returncode == 0:
            return set(json.loads(p.stdout)), None
        why = p.stderr.strip().splitlines()[-1:] or [f"exit status {p.returncode}"]
        return None, f"could not list the peer's rules ({' '.join(PEER_RULES[1:])}): {why[0]}"
    except (OSError, ValueError) as e:
        return None, f"could not list the peer's rules ({' '.join(PEER_RULES[1:])}): {e}"


def rule_problems(rule_ids, per_course, courses, peer_ids):
    """Every course has one result for each rule ramme judged anywhere in the file, and the
    peer implements exactly those rules."""
    problems = []
    missing = collections.Counter()
    example = {}
    twice = []
    for c in courses:
        got = per_course.get(c, ())
        if len(set(got)) != len(got):
            twice.append(c)
        if len(set(got)) != len(rule_ids):
            for r in rule_ids.difference(got):
                missing[r] += 1
                example.setdefault(r, c)
    for r in sorted(missing):
        problems.append(f"{missing[r]} courses have no result for {r} in ramme's output, e.g. {example[r]}")
    if twice:
        problems.append(f"{len(twice)} courses have a rule twice in ramme's output, e.g. {twice[0]}")
    if peer_ids is not None:
        only_r, only_p = sorted(rule_ids - peer_ids), sorted(peer_ids - rule_ids)
        if only_r:
            problems.append(f"ramme judges {len(only_r)} rule(s) the peer does not implement: " + ", ".join(only_r))
        if only_p:
            problems.append(f"the peer implements {len(only_p)} rule(s) ramme did not judge: " + ", ".join(only_p))
    return problems


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
    ap.add_argument("--peer-rules", help="comma-separated rule ids the peer implements "
                                         "(default: ask node peer/peer.js --rules)")
    a = ap.parse_args()
    rf, rc, stats, per_course, diags = read_ramme(a.ramme)
    pf, pc = read_peer(a.peer)
    rule_ids = set(r for r, _ in stats)
    peer_ids, why = peer_rules(a.peer_rules)
    problems = []
    if why:
        problems.append(why)
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
    problems += rule_problems(rule_ids, per_course, rc, peer_ids)
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
    print(f"agreement: ok, {len(rc)} courses, {len(rule_ids)} rules each, {len(rf)} failing (course, rule) pairs, "
          "identical in both engines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
