#!/usr/bin/env python3
"""Checks `ramme plan --format json` proposals against a plan's requirements
(PLANNING.md §2), written by hand beside each case as NAME.req.json — never
read from ramme — so the check is independent of the planner's code.

usage: validate.py REQ.json PLAN.json  -> prints problems, exits 1 if any

REQ.json: {"window": [first, last], "weekdays": [...], "times": [[start, end]],
  "sessions_per_week": N, "closed": [dates no cohort may meet],
  "cohorts": {name: {"start": [first, last], "site": name|null}},
  "roles": {role: {"need": N, "flags": [...]}},          (empty: no teams)
  "teachers": {name: {"flags": [...], "weekdays": [...]|null,
                      "away": [[first, last]], "sites": [...]|null, "max_cohorts": N}},
  "sites": {name: {"rooms": N}}}
"""
import datetime, json, sys
from itertools import combinations

D = datetime.date.fromisoformat
WD = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def minutes(t):
    h, m = t.split(":")
    return int(h) * 60 + int(m)


def check(req, doc):
    bad = []
    props = doc["proposals"]
    w0, w1 = D(req["window"][0]), D(req["window"][1])
    seen = set()
    last_pen = None
    for p in props:
        tag = "proposal %d" % p["rank"]
        meets = {}  # cohort -> list of (date, t0, t1)
        periods = {}
        key = []
        total = 0
        for c in p["cohorts"]:
            name = c["cohort"]
            cr = req["cohorts"][name]
            start = D(c["start"])
            key.append((name, c["start"], tuple(c["weekdays"]), c["time"]["start"]))
            if not D(cr["start"][0]) <= start <= D(cr["start"][1]):
                bad.append("%s: %s starts %s outside its start range" % (tag, name, start))
            if c["site"] != cr["site"]:
                bad.append("%s: %s at site %s, declared %s" % (tag, name, c["site"], cr["site"]))
            if len(c["weekdays"]) != req["sessions_per_week"] or not set(c["weekdays"]) <= set(req["weekdays"]):
                bad.append("%s: %s weekdays %s" % (tag, name, c["weekdays"]))
            t0, t1 = minutes(c["time"]["start"]), minutes(c["time"]["end"])
            if [c["time"]["start"], c["time"]["end"]] not in req["times"]:
                bad.append("%s: %s time not one of the plan's" % (tag, name))
            sess = c["sessions"]
            if not sess or D(sess[0]["date"]) != start:
                bad.append("%s: %s first session is not its start" % (tag, name))
            days = [D(s["date"]) for s in sess]
            if c.get("practicum"):
                days += [D(x) for x in c["practicum"]["follow_up_days"]]
            for s in sess:
                if WD[D(s["date"]).weekday()] not in c["weekdays"]:
                    bad.append("%s: %s meets on %s, not one of its weekdays" % (tag, name, s["date"]))
                if (minutes(s["start"]), minutes(s["end"])) != (t0, t1):
                    bad.append("%s: %s session %s at another time" % (tag, name, s["date"]))
            for d in days:
                if not w0 <= d <= w1:
                    bad.append("%s: %s meets %s outside the window" % (tag, name, d))
                if d.isoformat() in req.get("closed", []):
                    bad.append("%s: %s meets on closed day %s" % (tag, name, d))
            meets[name] = [(d, t0, t1) for d in days]
            periods[name] = (min(days), max(days))
            for ck in c["checks"]:
                if ck["severity"] == "error" and ck["status"] == "fail":
                    bad.append("%s: %s fails error check %s" % (tag, name, ck["rule"]))
            # The team.
            roles = req.get("roles", {})
            got = {}
            for m in c["team"]:
                got.setdefault(m["role"], []).append(m["teacher"])
            names = [m["teacher"] for m in c["team"]]
            if len(names) != len(set(names)):
                bad.append("%s: %s has a teacher in two roles" % (tag, name))
            for role, r in roles.items():
                if len(got.get(role, [])) != r["need"]:
                    bad.append("%s: %s role %s has %d teachers, needs %d" % (tag, name, role, len(got.get(role, [])), r["need"]))
                for t in got.get(role, []):
                    tr = req["teachers"][t]
                    if not set(r["flags"]) <= set(tr["flags"]):
                        bad.append("%s: %s: %s lacks a flag of %s" % (tag, name, t, role))
                    if tr["weekdays"] is not None and not set(c["weekdays"]) <= set(tr["weekdays"]):
                        bad.append("%s: %s: %s cannot teach on %s" % (tag, name, t, c["weekdays"]))
                    if tr["sites"] is not None and cr["site"] is not None and cr["site"] not in tr["sites"]:
                        bad.append("%s: %s: %s does not teach at %s" % (tag, name, t, cr["site"]))
                    for a0, a1 in tr["away"]:
                        for d in days:
                            if D(a0) <= d <= D(a1):
                                bad.append("%s: %s: %s is away on %s" % (tag, name, t, d))
        for x in p["penalties"]:
            total += x["penalty"]
            if x["penalty"] != x["weight"] * x["amount"]:
                bad.append("%s: penalty %s is not weight × amount" % (tag, x))
        if total != p["penalty"]:
            bad.append("%s: penalty %d, but its penalties add up to %d" % (tag, p["penalty"], total))
        if last_pen is not None and p["penalty"] < last_pen:
            bad.append("%s: ranked after a proposal that costs less" % tag)
        last_pen = p["penalty"]
        k = tuple(key)
        if k in seen:
            bad.append("%s: the same starts, weekdays and times as an earlier proposal" % tag)
        seen.add(k)
        # Between cohorts: teachers and rooms.
        team = {c["cohort"]: [m["teacher"] for m in c["team"]] for c in p["cohorts"]}
        site = {c["cohort"]: req["cohorts"][c["cohort"]]["site"] for c in p["cohorts"]}
        for a, b in combinations(team, 2):
            shared = set(team[a]) & set(team[b])
            for da, s0, s1 in meets[a]:
                for db, u0, u1 in meets[b]:
                    if da != db:
                        continue
                    if shared and (s0 < u1 and u0 < s1):
                        bad.append("%s: %s teaches %s and %s at the same time on %s" % (tag, sorted(shared), a, b, da))
                    if shared and site[a] != site[b]:
                        bad.append("%s: %s teaches at two sites on %s" % (tag, sorted(shared), da))
        for t, tr in req.get("teachers", {}).items():
            mine = [c for c in team if t in team[c]]
            days = set()
            for c in mine:
                d = periods[c][0]
                while d <= periods[c][1]:
                    days.add(d)
                    d += datetime.timedelta(days=1)
            for d in days:
                n = sum(1 for c in mine if periods[c][0] <= d <= periods[c][1])
                if n > tr["max_cohorts"]:
                    bad.append("%s: %s has %d cohorts on %s (max_cohorts %d)" % (tag, t, n, d, tr["max_cohorts"]))
                    break
        for s, sr in req.get("sites", {}).items():
            here = [c for c in site if site[c] == s]
            for c in here:
                for d, t0, t1 in meets[c]:
                    n = sum(1 for o in here for (e, u0, u1) in meets[o] if e == d and u0 < t1 and t0 < u1)
                    if n > sr["rooms"]:
                        bad.append("%s: site %s holds %d meetings at once on %s" % (tag, s, n, d))
    return bad


def main():
    req = json.load(open(sys.argv[1]))
    doc = json.load(open(sys.argv[2]))
    bad = check(req, doc)
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


main()
