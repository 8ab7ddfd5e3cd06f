#!/usr/bin/env python3
"""Applies every fix suggestion `ramme check --format json` offers for FILE,
each to a fresh copy of FILE's directory, and checks the copy again: the
file still compiles, the rule the fix is for now passes, the rules that
newly fail are exactly those the fix names (none for a clean fix), and a
file in the canonical layout (`ramme fmt --check`) stays in it: a fix
writes in the course's own layout.

The edits are applied by line and column (1-based, columns in characters),
as an editor or the language server would, not by byte offset.

usage: fix_check.py RAMME FILE...   (exit 0 when every fix holds; prints
       one line per fix checked, and FAIL lines)"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def check(ramme, path):
    p = subprocess.run([ramme, "check", "--format", "json", path], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        return None
    return json.loads(p.stdout)


def apply(text, edits):
    # lines end as the lexer counts them: "\r\n", a lone "\r" or "\n"
    lines = re.split(r"(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)", text)

    def offset(line, col):
        # characters before (line, col): the lines before with their ends, then col-1 characters
        return sum(len(l) for l in lines[: line - 1]) + col - 1

    for e in sorted(edits, key=lambda e: (e["line"], e["column"]), reverse=True):
        a, b = offset(e["line"], e["column"]), offset(e["end_line"], e["end_column"])
        text = text[:a] + e["text"] + text[b:]
    return text


def canonical(ramme, path):
    return subprocess.run([ramme, "fmt", "--check", path], capture_output=True).returncode == 0


def statuses(doc, course):
    for c in doc["courses"]:
        if c["course"] == course:
            return {r["rule"]: (r["status"], r["severity"]) for r in c["results"]}
    return None


def main():
    ramme, files = os.path.abspath(sys.argv[1]), sys.argv[2:]
    failed = checked = 0
    for f in files:
        doc = check(ramme, f)
        if doc is None:
            continue
        tidy = canonical(ramme, f)
        for c in doc["courses"]:
            before = statuses(doc, c["course"])
            for r in c["results"]:
                for fx in r.get("fixes", []):
                    checked += 1
                    with tempfile.TemporaryDirectory() as tmp:
                        src = os.path.dirname(os.path.abspath(f))
                        dst = os.path.join(tmp, "d")
                        shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*.out", "*.err"))
                        copy = os.path.join(dst, os.path.basename(f))
                        with open(f, encoding="utf-8", newline="") as h:
                            text = h.read()
                        with open(copy, "w", encoding="utf-8", newline="") as h:
                            h.write(apply(text, fx["edits"]))
                        after_doc = check(ramme, copy)
                        what = "%s: %s %s: %s" % (f, c["course"], r["rule"], fx["title"])
                        if after_doc is None or after_doc.get("diagnostics"):
                            errs = [d for d in (after_doc or {}).get("diagnostics", []) if d.get("severity") == "error"]
                            if after_doc is None or errs:
                                print("FAIL (does not compile) " + what)
                                failed += 1
                                continue
                        after = statuses(after_doc, c["course"])
                        if not after or after.get(r["rule"], ("?",))[0] != "pass":
                            print("FAIL (rule does not pass) " + what)
                            failed += 1
                            continue
                        newly = sorted(k for k, (st, _) in after.items() if st == "fail" and before.get(k, ("",))[0] != "fail")
                        if newly != sorted(fx.get("newly_failing", [])):
                            print("FAIL (newly failing %s, the fix says %s) %s" % (newly, fx.get("newly_failing"), what))
                            failed += 1
                            continue
                        if tidy and not canonical(ramme, copy):
                            print("FAIL (not in the canonical layout any more) " + what)
                            failed += 1
                            continue
                        print("ok " + what)
    print("fix_check: %d fixes checked, %d failed" % (checked, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
