#!/usr/bin/env python3
"""bench/run.py — ramme's benchmark suite (`make bench`; see bench/README.md).

    python3 bench/run.py [--ramme BIN] [--quick] [--reps N] [--tmp DIR] [--keep]
                         [--results FILE] [--no-readme] [--only NAME,...]

Generates seeded course designs (bench/gen.py) in a temporary directory, then measures,
one process at a time (never two benchmarks at once):

  e2e        100,000 courses, ramme vs the json-rules-engine peer (bench/peer), in one file
             and in 1,000 files of 100; rounds interleave ramme --format json, the peer and
             ramme's text report, then ramme --format brief and the peer's --brief lines (one
             line per failed rule, each) (A/B/C/D/E/A/B/C/D/E), and the first round checks that
             both engines fail the same (course, rule) pairs (bench/agree.py) and that the
             brief outputs count the same failures of each rule
  scaling    1k, 10k, 100k, 1M courses in one file (100k is the e2e one-file measurement)
  profile    callgrind on 1,000 courses (phases, top functions); perf on 10,000 when usable
  evaluation the rules engine alone (bench/evalrate.c): course validations a second on one core,
             each course judged right after it is built (as `ramme check` does) in the 100,000-course
             file, and judged from memory with 1,000 and 10,000 courses compiled at once
  schedule   10,000 schedule proposals, one `ramme schedule` process each
  startup    one small `ramme check` (examples/frederikshavn.ramme), 500 processes one after
             another from one shell loop: the time a process takes to start, check and end
  admit      100,000 applicants screened by one `ramme admit`
  floor      the parse-only floor of issue 20 (bench/floor/: ramme's grammar and scanner without
             actions, tree, locations or LAC) on the 100,000-course file, rounds interleaved with
             `ramme check --format brief -j 1` (one core); the ratio of their CPU times

Every figure is the median of its runs, whole process: wall time (measured here) and peak
RSS (GNU time's %M).  A series stops early when its next round would not fit its time
budget, and a size is skipped when its predicted memory or disk would not fit the machine;
the JSON says how many runs each median has and why anything was skipped.

Writes the figures to bench/results.json (--results), prints a table, replaces the table
in bench/README.md between its `results` markers (not with --quick or --no-readme), and
exits with 1 when the engines disagree on some course or a ramme run fails.
"""
import argparse
import datetime
import json
import math
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GEN = [sys.executable, os.path.join(HERE, "gen.py")]
AGREE = [sys.executable, os.path.join(HERE, "agree.py")]
PEER = ["node", os.path.join(HERE, "peer", "peer.js")]
TIME = "/usr/bin/time"
SEED = 7

FULL = {"e2e": 100_000, "files": 1000, "per": 100, "sizes": [1000, 10_000, 100_000, 1_000_000],
        "schedules": 10_000, "applicants": 100_000, "profile": 1000, "perf": 10_000, "reps": 3,
        "startups": 500}
QUICK = {"e2e": 10_000, "files": 100, "per": 100, "sizes": [1000, 10_000], "schedules": 500,
         "applicants": 10_000, "profile": 300, "perf": 1000, "reps": 2, "startups": 100}


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def meminfo(key):
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    return 0


def human(n):
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024


def fsize(paths):
    return sum(os.path.getsize(p) for p in paths)


class Runner:
    def __init__(self, tmp, timeout):
        self.tmp = tmp
        self.timeout = timeout
        self.ramme_failed = []

    def run(self, cmd, stdout, limit_as=None, timeout=None, ok_codes=(0, 1)):
        """One whole-process measurement: wall seconds, peak RSS (bytes), exit status."""
        tf = os.path.join(self.tmp, "time.out")
        timeout = timeout or self.timeout

        def pre():
            if limit_as:
                resource.setrlimit(resource.RLIMIT_AS, (limit_as, limit_as))

        errf = os.path.join(self.tmp, "stderr.log")
        with open(stdout, "wb") as out, open(errf, "wb") as err:
            t0 = time.perf_counter()
            p = subprocess.Popen([TIME, "-f", "%M %U %S", "-o", tf] + cmd, stdout=out, stderr=err,
                                 preexec_fn=pre, start_new_session=True)
            try:
                p.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
                return {"wall_s": time.perf_counter() - t0, "rss_bytes": None, "exit": None,
                        "timed_out": True}
            wall = time.perf_counter() - t0
        rss = user = sys_ = None
        try:
            with open(tf) as f:
                lines = [l for l in f.read().splitlines() if l.strip()]
            # "Command exited with non-zero status N" comes first when it did
            rss_kb, user, sys_ = lines[-1].split()
            rss = int(rss_kb) * 1024
            user, sys_ = float(user), float(sys_)
        except (OSError, ValueError, IndexError):
            pass
        r = {"wall_s": round(wall, 4), "rss_bytes": rss, "user_s": user, "sys_s": sys_, "exit": p.returncode}
        if p.returncode not in ok_codes:
            r["failed"] = True
            try:
                with open(errf, encoding="utf-8", errors="replace") as f:
                    r["stderr"] = f.read()[-600:].strip().splitlines()[-4:]
            except OSError:
                pass
        return r


def median_of(runs, key):
    vals = [r[key] for r in runs if r.get(key) is not None and not r.get("timed_out")]
    return statistics.median(vals) if vals else None


def summarise(runs):
    ok = [r for r in runs if not r.get("timed_out") and not r.get("failed")]
    return {"runs": len(ok), "wall_s": median_of(ok, "wall_s"), "rss_bytes": median_of(ok, "rss_bytes"),
            "user_s": median_of(ok, "user_s"), "all": runs}


def series(runner, variants, reps, budget, first_round_hook=None):
    """Rounds of the variants, interleaved (A/B/C/A/B/C...).  variants: list of dicts with
    key, cmd, out, limit_as (optional), ok (exit codes), skip (reason or None)."""
    runs = {v["key"]: [] for v in variants}
    start = time.perf_counter()
    for rnd in range(reps):
        t0 = time.perf_counter()
        for v in variants:
            if v.get("skip"):
                continue
            if runs[v["key"]] and runs[v["key"]][-1].get("timed_out"):
                continue
            log(f"  {v['key']}: run {rnd + 1}")
            r = runner.run(v["cmd"], v["out"], v.get("limit_as"), ok_codes=v.get("ok", (0, 1)))
            runs[v["key"]].append(r)
            if r.get("timed_out"):
                log(f"    timed out after {r['wall_s']:.0f} s")
            elif r.get("failed"):
                log(f"    exit status {r['exit']}: " + " / ".join(r.get("stderr", [])))
            else:
                log(f"    {r['wall_s']:.2f} s, {human(r['rss_bytes'] or 0)}")
        if rnd == 0 and first_round_hook:
            first_round_hook()
        took = time.perf_counter() - t0
        if time.perf_counter() - start + took > budget and rnd + 1 < reps:
            log(f"  stopping after {rnd + 1} round(s): another would exceed this series' {budget:.0f} s budget")
            break
    out = {}
    for v in variants:
        if v.get("skip"):
            out[v["key"]] = {"skipped": v["skip"]}
        else:
            out[v["key"]] = summarise(runs[v["key"]])
    return out


def agree(ramme_json, peer_out, courses, stats=None):
    cmd = AGREE + [ramme_json, peer_out, "--courses", str(courses)]
    if stats:
        cmd += ["--stats", stats]
    p = subprocess.run(cmd, capture_output=True, text=True)
    msg = (p.stdout + p.stderr).strip()
    log("  " + msg.replace("\n", "\n  "))
    return {"ok": p.returncode == 0, "report": msg.splitlines()}


def brief_counts(path, ramme):
    """Failures per rule in a brief output: ramme's `FILE:LINE:COL: SEV: RULE: MESSAGE`
    (its unknown results, `...: RULE: unknown: MESSAGE`, left out: the peer has none) or
    the peer's `COURSE: SEV: RULE: MESSAGE` (a place's own colons have no blank after
    them).  A diagnostic, `FILE:LINE:COL: SEV: MESSAGE`, counts under whatever stands
    third, so a run with any differs from the peer."""
    counts = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split(": ", 3)
            if ramme and len(parts) == 4 and parts[3].startswith("unknown: "):
                continue
            key = parts[2] if len(parts) > 2 else "(line without a rule)"
            counts[key] = counts.get(key, 0) + 1
    return counts


def brief_agree(ramme_out, peer_out):
    """Both brief outputs hold the same number of failures of every rule."""
    r, p = brief_counts(ramme_out, True), brief_counts(peer_out, False)
    if r == p:
        msg = f"brief agreement: ok, {sum(r.values())} failure lines in each, the same count for each of {len(r)} rules"
        ok = True
    else:
        diff = sorted(k for k in set(r) | set(p) if r.get(k, 0) != p.get(k, 0))
        msg = "brief agreement: DIFFERENT: " + ", ".join(f"{k} ramme {r.get(k, 0)} peer {p.get(k, 0)}" for k in diff[:6])
        ok = False
    log("  " + msg)
    return {"ok": ok, "report": [msg]}


def git(*args):
    try:
        return subprocess.run(["git", "-C", ROOT] + list(args), capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def machine(ramme):
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open(os.path.join(HERE, "peer", "node_modules", "json-rules-engine", "package.json")) as f:
            jre = json.load(f)["version"]
    except (OSError, ValueError, KeyError):
        jre = None
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    flags = ""
    fl = os.path.join(os.path.dirname(ramme), "flags")
    if os.path.exists(fl):
        flags = open(fl).read().strip()
    dirty = bool(git("status", "--porcelain", "--", "src", "grammar", "stdlib"))
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_bytes": meminfo("MemTotal"),
        "kernel": platform.release(), "python": platform.python_version(), "node": node,
        "json_rules_engine": jre, "ramme_binary": os.path.relpath(ramme, ROOT),
        "ramme_commit": git("rev-parse", "--short", "HEAD"), "ramme_tree_dirty": dirty,
        "ramme_build_flags": flags,
    }


# ------------------------------------------------------------------------ generation

def generate(cfg, tmp, skip_big, only):
    """Writes the inputs the parts in `only` read; returns {name: paths}.  1M is ten 100k
    chunks made two at a time."""
    t0 = time.perf_counter()
    files = {}
    courses = bool(only & {"e2e", "scaling", "evaluation", "profile", "floor"})
    sizes = sorted(set(cfg["sizes"]) | {cfg["e2e"]}) if courses else []
    if courses and not only & {"scaling", "evaluation"}:
        sizes = [cfg["e2e"]]  # e2e, profile and floor read the e2e file alone (profile makes its own)
    chunk = 100_000
    big = [n for n in sizes if n > chunk]
    jobs = []
    for n in sizes:
        if n in big:
            continue
        files[n] = (os.path.join(tmp, f"c{n}.ramme"), os.path.join(tmp, f"c{n}.jsonl"))
        jobs.append(GEN + ["--seed", str(SEED), "--count", str(n), "--ramme", files[n][0], "--json", files[n][1]])
    nbig = max(big) if big and not skip_big else 0
    parts = []
    for k in range(0, nbig, chunk):
        if k == 0 and chunk in files:
            parts.append(files[chunk])
            continue
        r, j = os.path.join(tmp, f"part{k // chunk}.ramme"), os.path.join(tmp, f"part{k // chunk}.jsonl")
        parts.append((r, j))
        jobs.append(GEN + ["--seed", str(SEED), "--start", str(k + 1), "--count", str(chunk),
                           "--ramme", r, "--json", j] + (["--no-header"] if k else []))
    split = os.path.join(tmp, "split")
    if "files" in only or "profile" in only:
        jobs.append(GEN + ["--seed", str(SEED), "--count", str(cfg["files"] * cfg["per"]), "--split", split,
                           "--per", str(cfg["per"])])
    sched = os.path.join(tmp, "schedules")
    if "schedule" in only:
        jobs.append(GEN + ["--seed", str(SEED), "--count", str(cfg["schedules"]), "--schedules", sched])
    app = os.path.join(tmp, "applicants.csv")
    if "admit" in only:
        jobs.append(GEN + ["--seed", str(SEED), "--count", str(cfg["applicants"]), "--applicants", app])
    # Two generators at a time (nothing is being measured yet).
    running = []
    for cmd in jobs:
        while len(running) >= 2:
            running.pop(0).wait()
        running.append(subprocess.Popen(cmd))
    for p in running:
        p.wait()
        if p.returncode:
            sys.exit("bench: the generator failed")
    for n in big:
        if skip_big:
            continue
        r, j = os.path.join(tmp, f"c{n}.ramme"), os.path.join(tmp, f"c{n}.jsonl")
        for dst, idx in ((r, 0), (j, 1)):
            with open(dst, "wb") as out:
                for p in parts:
                    with open(p[idx], "rb") as src:
                        shutil.copyfileobj(src, out, 1 << 20)
        for p in parts:
            if p is not files.get(chunk):
                os.remove(p[0])
                os.remove(p[1])
        files[n] = (r, j)
    os.makedirs(split, exist_ok=True)
    os.makedirs(sched, exist_ok=True)
    files["split"] = (sorted(os.path.join(split, f) for f in os.listdir(split) if f.endswith(".ramme")),
                      sorted(os.path.join(split, f) for f in os.listdir(split) if f.endswith(".jsonl")))
    files["schedules"] = sorted(os.path.join(sched, f) for f in os.listdir(sched))
    files["applicants"] = app
    log(f"generated the inputs in {time.perf_counter() - t0:.0f} s")
    return files


# ------------------------------------------------------------------------ the suite

def main():
    ap = argparse.ArgumentParser(description="ramme's benchmark suite")
    ap.add_argument("--ramme", default=os.path.join(ROOT, "build-bench", "ramme"))
    ap.add_argument("--quick", action="store_true", help="small sizes, to try the harness (not recorded)")
    ap.add_argument("--reps", type=int, help="rounds per series (default 3; 2 with --quick)")
    ap.add_argument("--tmp", help="directory for the inputs and outputs (default: a new one in $TMPDIR)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--results", help="JSON file for the figures (default bench/results.json)")
    ap.add_argument("--no-readme", action="store_true", help="leave bench/README.md alone")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before one run is killed")
    ap.add_argument("--only", help="comma-separated: e2e,files,scaling,evaluation,profile,schedule,admit,startup,"
                                   "floor")
    ap.add_argument("--render", metavar="RESULTS",
                    help="measure nothing: recompute the slopes and targets of a results file, print its table "
                         "and write it to bench/README.md (after a change to how figures are judged or shown)")
    a = ap.parse_args()
    if a.render:
        with open(a.render) as f:
            res = json.load(f)
        if "scaling" in res:
            res["scaling"]["growth"] = growth(res["scaling"]["points"], res.get("inputs", {}))
        res["targets"] = targets(res)
        with open(a.render, "w") as f:
            json.dump(res, f, indent=2)
            f.write("\n")
        table = render(res)
        print(table)
        if not res.get("quick") and not a.no_readme:
            update_readme(table, res)
        return 0

    cfg = dict(QUICK if a.quick else FULL)
    if a.reps:
        cfg["reps"] = a.reps
    only = set(a.only.split(",")) if a.only else {"e2e", "files", "scaling", "evaluation", "profile", "schedule",
                                                  "admit", "startup", "floor"}
    ramme = os.path.abspath(a.ramme)
    if not os.access(ramme, os.X_OK):
        sys.exit(f"bench: no ramme binary at {ramme} (make bench builds it)")
    if not os.path.exists(TIME):
        sys.exit("bench: GNU time is missing (bash mk/deps.sh time)")
    if not os.path.isdir(os.path.join(HERE, "peer", "node_modules", "json-rules-engine")):
        sys.exit("bench: the peer is not installed (cd bench/peer && npm ci)")
    results_path = a.results or (os.path.join(HERE, "results.json") if not a.quick else None)

    tmp = a.tmp or tempfile.mkdtemp(prefix="ramme-bench-")
    os.makedirs(tmp, exist_ok=True)
    log(f"inputs and outputs in {tmp}")
    free = shutil.disk_usage(tmp).free
    mem_avail = meminfo("MemAvailable")
    # 1M courses: ~1.5 GB of source and ~1.6 GB of JSON Lines, plus outputs.
    big_needs = 12 * 1024 ** 3
    skip_big = None
    if max(cfg["sizes"]) >= 1_000_000 and free < big_needs:
        skip_big = f"not enough disk in {tmp}: {human(free)} free, the 1M inputs and outputs need ~{human(big_needs)}"
        log(skip_big)
    runner = Runner(tmp, a.timeout)
    # ramme may not take more than 70% of the available memory (the peer, a V8 process,
    # reserves address space it never uses, so only ramme gets an address-space limit).
    limit = int(mem_avail * 0.7)
    started = time.perf_counter()
    res = {"date": datetime.date.today().isoformat(), "quick": a.quick, "machine": machine(ramme),
           "settings": {"seed": SEED, "reps": cfg["reps"], "timeout_s": a.timeout,
                        "ramme_memory_limit_bytes": limit},
           # The machine may be shared: the load before and after says how quiet it was.
           "load_average_start": [round(x, 2) for x in os.getloadavg()]}
    problems = []
    try:
        files = generate(cfg, tmp, bool(skip_big), only)
        res["inputs"] = {}
        for n in sorted(k for k in files if isinstance(k, int)):
            res["inputs"][str(n)] = {"ramme_bytes": os.path.getsize(files[n][0]),
                                     "json_bytes": os.path.getsize(files[n][1]),
                                     "ramme_bytes_per_course": round(os.path.getsize(files[n][0]) / n)}
        if files["split"][0]:
            res["inputs"]["split"] = {"files": len(files["split"][0]), "ramme_bytes": fsize(files["split"][0]),
                                      "json_bytes": fsize(files["split"][1])}

        def e2e(name, courses, rfiles, jfiles, budget):
            out_r = os.path.join(tmp, f"{name}.ramme.json")
            out_p = os.path.join(tmp, f"{name}.peer.jsonl")
            out_t = os.path.join(tmp, f"{name}.ramme.txt")
            out_rb = os.path.join(tmp, f"{name}.ramme.brief")
            out_pb = os.path.join(tmp, f"{name}.peer.brief")
            fig = {"courses": courses, "files": len(rfiles),
                   "input_bytes": {"ramme": fsize(rfiles), "json": fsize(jfiles)}}

            def check():
                fig["agreement"] = agree(out_r, out_p, courses, os.path.join(tmp, f"{name}.stats.json"))
                try:
                    with open(os.path.join(tmp, f"{name}.stats.json")) as f:
                        fig["statuses"] = json.load(f)
                except (OSError, ValueError):
                    pass
                fig["output_bytes"] = {"ramme_json": os.path.getsize(out_r), "peer": os.path.getsize(out_p)}
                if not fig["agreement"]["ok"]:
                    problems.append(f"{name}: the engines disagree")
                if os.path.exists(out_rb) and os.path.exists(out_pb):
                    fig["brief_agreement"] = brief_agree(out_rb, out_pb)
                    if not fig["brief_agreement"]["ok"]:
                        problems.append(f"{name}: the brief outputs disagree")

            # ramme's figures with one thread (-j 1: the default is the machine's cores), and then
            # with as many threads as the machine has cores (check -j: files, and a file's courses)
            jobs = str(os.cpu_count() or 1)
            variants = [
                {"key": "ramme_json", "cmd": [ramme, "check", "-j", "1", "--format", "json"] + rfiles, "out": out_r,
                 "limit_as": limit},
                {"key": "peer", "cmd": PEER + jfiles, "out": out_p},
                {"key": "ramme_text", "cmd": [ramme, "check", "-j", "1"] + rfiles, "out": out_t, "limit_as": limit},
                # one line per failed rule from each: the like-for-like comparison of issue 20
                {"key": "ramme_brief", "cmd": [ramme, "check", "-j", "1", "--format", "brief"] + rfiles, "out": out_rb,
                 "limit_as": limit},
                {"key": "peer_brief", "cmd": PEER + ["--brief"] + jfiles, "out": out_pb},
                {"key": "ramme_brief_jobs", "out": out_rb, "limit_as": limit,
                 "cmd": [ramme, "check", "-j", jobs, "--format", "brief"] + rfiles},
                {"key": "ramme_json_jobs", "out": out_r, "limit_as": limit,
                 "cmd": [ramme, "check", "-j", jobs, "--format", "json"] + rfiles},
            ]
            fig.update(series(runner, variants, cfg["reps"], budget, check))
            rj, pj, rt = fig["ramme_json"], fig["peer"], fig["ramme_text"]
            if rj.get("wall_s") and pj.get("wall_s"):
                fig["ratio_peer_over_ramme_json"] = pj["wall_s"] / rj["wall_s"]
            if rt.get("wall_s") and pj.get("wall_s"):
                fig["ratio_peer_over_ramme_text"] = pj["wall_s"] / rt["wall_s"]
            rb, pb = fig["ramme_brief"], fig["peer_brief"]
            if rb.get("wall_s") and pb.get("wall_s"):
                fig["ratio_peer_over_ramme_brief"] = pb["wall_s"] / rb["wall_s"]
            rbj, rjj = fig.get("ramme_brief_jobs", {}), fig.get("ramme_json_jobs", {})
            fig["jobs"] = os.cpu_count() or 1
            if rbj.get("wall_s") and pb.get("wall_s"):
                fig["ratio_peer_over_ramme_brief_jobs"] = pb["wall_s"] / rbj["wall_s"]
            if rjj.get("wall_s") and pj.get("wall_s"):
                fig["ratio_peer_over_ramme_json_jobs"] = pj["wall_s"] / rjj["wall_s"]
            try:
                fig["load_average"] = os.getloadavg()
            except OSError:
                pass
            for k in ("ramme_json", "ramme_text", "ramme_brief", "ramme_brief_jobs", "ramme_json_jobs"):
                if fig[k].get("runs", 0) < len(fig[k].get("all", [])):
                    problems.append(f"{name}: ramme {k} failed or timed out")
            for p in (out_r, out_p, out_t, out_rb, out_pb):
                if os.path.exists(p):
                    os.remove(p)
            return fig

        n = cfg["e2e"]
        if "e2e" in only:
            log(f"e2e: {n} courses in one file")
            res["e2e_one_file"] = e2e("one", n, [files[n][0]], [files[n][1]], 420)
        if "files" in only:
            log(f"e2e: {cfg['files']} files of {cfg['per']} courses")
            res["e2e_files"] = e2e("files", cfg["files"] * cfg["per"], files["split"][0], files["split"][1], 420)

        if "scaling" in only:
            scal = []
            prev = None
            for size in cfg["sizes"]:
                if size == n and "e2e_one_file" in res:
                    e = res["e2e_one_file"]
                    point = {"courses": size, "from": "e2e_one_file",
                             **{k: {kk: e[k].get(kk) for kk in ("runs", "wall_s", "user_s", "rss_bytes", "skipped", "all")}
                                for k in ("ramme_json", "ramme_text", "peer")}}
                    scal.append(point)
                    prev = point
                    continue
                if size not in files:
                    scal.append({"courses": size, "skipped": skip_big or "not generated"})
                    continue
                log(f"scaling: {size} courses")
                variants = []
                for key, cmd in (("ramme_json", [ramme, "check", "--format", "json", files[size][0]]),
                                 ("peer", PEER + [files[size][1]]),
                                 ("ramme_text", [ramme, "check", files[size][0]])):
                    v = {"key": key, "cmd": cmd, "out": os.path.join(tmp, f"s{size}.{key}.out")}
                    if key.startswith("ramme"):
                        v["limit_as"] = limit
                    if prev and prev.get(key, {}).get("rss_bytes"):
                        grow = size / prev["courses"]
                        need = prev[key]["rss_bytes"] * grow * 1.1
                        wall = prev[key]["wall_s"] * grow
                        if need > limit:
                            v["skip"] = (f"predicted peak memory {human(need)} (from {prev['courses']} courses, "
                                         f"growing linearly) exceeds the {human(limit)} allowed on this machine")
                        elif wall > a.timeout:
                            v["skip"] = f"predicted time {wall:.0f} s exceeds the {a.timeout:.0f} s limit per run"
                    elif prev and key in prev and not prev[key].get("wall_s"):
                        v["skip"] = "skipped or failed at the previous size"
                    variants.append(v)
                fig = {"courses": size}

                def check_small(size=size, fig=fig):
                    r, p = os.path.join(tmp, f"s{size}.ramme_json.out"), os.path.join(tmp, f"s{size}.peer.out")
                    if os.path.exists(r) and os.path.getsize(r) and os.path.exists(p) and os.path.getsize(p):
                        fig["agreement"] = agree(r, p, size)
                        if not fig["agreement"]["ok"]:
                            problems.append(f"scaling {size}: the engines disagree")

                fig.update(series(runner, variants, cfg["reps"], 300 if size < 1_000_000 else 200, check_small))
                for v in variants:
                    k = v["key"]
                    fig[k] = {kk: fig[k].get(kk) for kk in ("runs", "wall_s", "user_s", "rss_bytes", "skipped", "all")}
                    if os.path.exists(v["out"]):
                        os.remove(v["out"])
                scal.append(fig)
                prev = fig
            res["scaling"] = {"points": scal, "growth": growth(scal, res.get("inputs", {}))}

        if "evaluation" in only:
            res["evaluation"] = evaluation(ramme, files, cfg, a.timeout, problems, tmp)

        if "profile" in only:
            res["profile"] = profile(ramme, files, cfg, tmp, res)

        if "schedule" in only:
            log(f"schedule: {len(files['schedules'])} proposals, one process each")
            lst = os.path.join(tmp, "schedules.list")
            with open(lst, "w") as f:
                f.write("\n".join(files["schedules"]) + "\n")
            # exit 0 or 1 is a plan (1: a check failed); 2 would be an input error
            loop = ('bad=0; while IFS= read -r f; do "$0" schedule --format json "$f" || '
                    '[ $? -eq 1 ] || bad=1; done < "$1"; exit $((bad * 2))')
            fig = series(runner, [{"key": "ramme", "cmd": ["bash", "-c", loop, ramme, lst],
                                   "out": os.path.join(tmp, "schedules.out"), "limit_as": limit, "ok": (0,)}],
                         cfg["reps"], 240)
            fig = fig["ramme"]
            fig["proposals"] = len(files["schedules"])
            if fig.get("wall_s"):
                fig["per_proposal_ms"] = fig["wall_s"] / len(files["schedules"]) * 1000
            if fig.get("runs", 0) < len(fig.get("all", [])):
                problems.append("schedule: some ramme schedule run exited with 2")
            res["schedule"] = fig

        if "startup" in only:
            res["startup"] = startup(runner, ramme, cfg, limit, problems, tmp)

        if "floor" in only:
            res["floor"] = floor_figure(runner, ramme, files[n][0], cfg, limit, problems, tmp)

        if "admit" in only:
            log(f"admit: {cfg['applicants']} applicants")
            course = os.path.join(ROOT, "examples", "frederikshavn.ramme")
            out = os.path.join(tmp, "admit.out")
            fig = series(runner, [
                {"key": "ramme_json", "cmd": [ramme, "admit", course, "--applicants", files["applicants"],
                                              "--format", "json"], "out": out, "limit_as": limit, "ok": (0,)},
                {"key": "ramme_text", "cmd": [ramme, "admit", course, "--applicants", files["applicants"]],
                 "out": out, "limit_as": limit, "ok": (0,)}], max(cfg["reps"], 3), 120)
            fig["applicants"] = cfg["applicants"]
            fig["input_bytes"] = os.path.getsize(files["applicants"])
            for k in ("ramme_json", "ramme_text"):
                if fig[k].get("runs", 0) < len(fig[k].get("all", [])):
                    problems.append(f"admit: ramme {k} failed")
            res["admit"] = fig
    finally:
        if not a.keep and not a.tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    res["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    res["targets"] = targets(res)
    res["problems"] = problems
    res["total_s"] = round(time.perf_counter() - started)
    table = render(res)
    print(table)
    if problems:
        print("\nPROBLEMS:\n" + "\n".join("  " + p for p in problems))
    if results_path:
        with open(results_path, "w") as f:
            json.dump(res, f, indent=2)
            f.write("\n")
        log(f"figures written to {os.path.relpath(results_path)}")
    if not a.quick and not a.no_readme:
        update_readme(table, res)
    log(f"done in {res['total_s']} s")
    return 1 if problems else 0


def startup(runner, ramme, cfg, limit, problems, tmp):
    """One small check, many times: what every command pays to start (the dynamic
    linker's loading, the stdlib read) beside its work.  The same loop runs /bin/true,
    so the shell's own cost of starting a process can be told apart."""
    n = cfg["startups"]
    course = os.path.join(ROOT, "examples", "frederikshavn.ramme")
    log(f"startup: {n} x ramme check {os.path.relpath(course, ROOT)}")
    loop = ('bad=0; for i in $(seq "$1"); do "$0" check "$2" >/dev/null || [ $? -eq 1 ] || bad=1; done; '
            'exit $((bad * 2))')
    fig = series(runner, [
        {"key": "ramme", "cmd": ["bash", "-c", loop, ramme, str(n), course],
         "out": os.path.join(tmp, "startup.out"), "limit_as": limit, "ok": (0,)},
        {"key": "true", "cmd": ["bash", "-c", loop, "/bin/true", str(n), course],
         "out": os.path.join(tmp, "startup.out"), "ok": (0,)}], max(cfg["reps"], 3), 120)
    fig["processes"] = n
    r, t = fig["ramme"].get("wall_s"), fig["true"].get("wall_s")
    if r:
        fig["per_check_ms"] = r / n * 1000
    if r and t:
        fig["per_check_less_true_ms"] = (r - t) / n * 1000
    if fig["ramme"].get("runs", 0) < len(fig["ramme"].get("all", [])):
        problems.append("startup: some ramme check run exited with 2")
    return fig


def floor_figure(runner, ramme, path, cfg, limit, problems, tmp):
    """The parse-only floor (bench/floor/, built beside ramme as `floor`) against `ramme check
    --format brief -j 1`, interleaved on one file.  The floor must accept every example and that
    file and reject a syntax error, or the figure is marked failed and the run exits 1."""
    exe = os.path.join(os.path.dirname(ramme), "floor")
    if not os.access(exe, os.X_OK):
        problems.append(f"floor: no {exe} (make bench-build builds it)")
        return {"skipped": f"no {exe}"}
    examples = sorted(os.path.join(ROOT, "examples", f) for f in os.listdir(os.path.join(ROOT, "examples"))
                      if f.endswith(".ramme"))
    bad = os.path.join(tmp, "floor-syntax-error.ramme")
    with open(bad, "w", encoding="utf-8") as f:
        f.write('course broken "Brudt" {\n  group_size 8..\n  hours 3h +\n}\n')
    # Its own run's marks: a floor figure merged into the results of another run says so.
    fig = {"courses": cfg["e2e"], "input_bytes": os.path.getsize(path), "date": datetime.date.today().isoformat(),
           "ramme_commit": git("rev-parse", "--short", "HEAD"),
           "load_average_start": [round(x, 2) for x in os.getloadavg()]}
    sanity = []
    p = subprocess.run([exe] + examples, capture_output=True, text=True)
    if p.returncode != 0:
        sanity.append(f"the floor rejects an example: {p.stderr.strip()[:300]}")
    p = subprocess.run([exe, bad], capture_output=True, text=True)
    if p.returncode != 1:
        sanity.append(f"the floor does not reject a syntax error (exit {p.returncode})")
    if sanity:
        problems.extend("floor: " + x for x in sanity)
        fig["sanity"] = sanity
        return fig
    log(f"floor: {cfg['e2e']} courses, the floor and ramme check --format brief -j 1")
    fig.update(series(runner, [
        # exit 0 only: a file the floor does not parse fails the figure (and the run)
        {"key": "floor", "cmd": [exe, path], "out": os.path.join(tmp, "floor.out"), "ok": (0,)},
        {"key": "ramme_brief_j1", "cmd": [ramme, "check", "-j", "1", "--format", "brief", path],
         "out": os.path.join(tmp, "floor.ramme.brief"), "limit_as": limit}], cfg["reps"], 420))
    fl, rb = fig["floor"], fig["ramme_brief_j1"]
    for k, who in (("floor", "the floor does not parse the file it times"),
                   ("ramme_brief_j1", "ramme check -j 1 failed")):
        if fig[k].get("runs", 0) < len(fig[k].get("all", [])):
            problems.append(f"floor: {who}")
    if fl.get("user_s") and rb.get("user_s"):
        fig["ratio_user"] = rb["user_s"] / fl["user_s"]
    if fl.get("wall_s") and rb.get("wall_s"):
        fig["ratio_wall"] = rb["wall_s"] / fl["wall_s"]
    fig["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    for x in ("floor.out", "floor.ramme.brief"):
        if os.path.exists(os.path.join(tmp, x)):
            os.remove(os.path.join(tmp, x))
    if shutil.which("valgrind"):
        fig["gap"] = floor_gap(exe, ramme, cfg["perf"], tmp)
    return fig


def floor_gap(exe, ramme, n, tmp):
    """Where ramme's instructions go beyond the floor's: callgrind on both, one file of n courses."""
    import profile as prof  # bench/profile.py
    src = os.path.join(tmp, f"gap{n}.ramme")
    subprocess.run(GEN + ["--seed", str(SEED), "--count", str(n), "--ramme", src, "--json", src + ".jsonl"],
                   check=True)
    outs = []
    for who, cmd in (("floor", [exe, src]), ("ramme", [ramme, "check", "-j", "1", "--format", "brief", src])):
        cg = os.path.join(tmp, f"callgrind.gap.{who}.out")
        log(f"floor: callgrind, {who}, {n} courses")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={cg}"] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        outs.append(cg)
    if not all(os.path.exists(c) for c in outs):
        return {"skipped": "callgrind wrote no profile"}
    g = prof.gap(outs[1], outs[0], n)
    for c in outs + [src, src + ".jsonl"]:
        os.remove(c)
    return g


def floor_target(fl):
    """Issue 20: ramme's one-core time within 2x of the parse-only floor (CPU time, user)."""
    s = "Parse-only floor (ramme's one-core CPU time, `check --format brief -j 1`, ≤ 2× the floor's): "
    r = fl.get("ratio_user")
    if not r:
        why = "; ".join(fl.get("sanity", [])) or fl.get("skipped") or "the floor or ramme failed"
        return {"met": None, "text": s + f"**not measured**: {why}."}
    f, m = fl["floor"], fl["ramme_brief_j1"]
    met = r <= 2
    s += (f"**{'met' if met else 'missed'}**: {r:.2f}× ({m['user_s']:.2f} s against {f['user_s']:.2f} s of "
          f"user time; wall {m['wall_s']:.2f} s against {f['wall_s']:.2f} s, {fl.get('ratio_wall', 0):.2f}×)")
    if not met:
        s += f"; ramme must get {r / 2:.2f}× faster, or shed {m['user_s'] - 2 * f['user_s']:.2f} s of CPU time"
    g = fl.get("gap")
    if g and "phases" in g:
        s += (f". Instructions (callgrind, {g['courses']:,} courses): {g['ratio']:.2f}× the floor's "
              f"({g['per_course']['ramme']:,.0f} against {g['per_course']['floor']:,.0f} a course); beyond it: " +
              ", ".join(f"{k} {v['share_of_gap'] * 100:.0f}%" for k, v in list(g["phases"].items())[:3]))
    return {"met": met, "ratio": r, "text": s + "."}


def floor_rows(res):
    """The floor's lines of the results table."""
    fl = res.get("floor")
    if not fl or "floor" not in fl:
        return []
    lab = f"{fl['courses']:,} courses, one file ({human(fl['input_bytes'])})"
    if fl.get("ramme_commit") and (fl["ramme_commit"], fl.get("date")) != (res["machine"]["ramme_commit"], res["date"]):
        lab += (f", run of {fl['date']} at {fl['ramme_commit']}, load average "
                f"{fl['load_average_start'][0]} to {fl.get('load_average_end', ['?'])[0]}")
    rows = []
    for key, eng, note in (("floor", "parse-only floor (bench/floor)", "no actions, tree, locations or LAC"),
                           ("ramme_brief_j1", "ramme -j 1 --format brief",
                            f"ramme/floor: {fl['ratio_user']:.2f}x (user time)" if fl.get("ratio_user") else "")):
        x = fl[key]
        bad = [r for r in x.get("all", []) if r.get("failed") or r.get("timed_out")]
        if x.get("runs"):
            note = f"user {fmt_s(x.get('user_s'))}" + (f"; {note}" if note else "")
        else:
            note = "FAILED" + (f": exit status {bad[0].get('exit')}" if bad else "")
        rows.append(f"| {lab} | {eng} | {x.get('runs', 0)} | {fmt_s(x.get('wall_s'))} | {fmt_m(x.get('rss_bytes'))} | "
                    f"{note} |")
    return rows


def user_time(fig):
    """Median user CPU seconds of a figure (from its runs when an older results file lacks it)."""
    if fig.get("user_s"):
        return fig["user_s"]
    ok = [r for r in fig.get("all", []) or [] if not r.get("timed_out") and not r.get("failed")]
    return median_of(ok, "user_s")


def growth(points, inputs):
    """Log-log slopes of time and memory between consecutive sizes (1.0 = linear)."""
    out = {}
    for key in ("ramme_json", "ramme_text", "peer"):
        pts = [(p["courses"], p[key]) for p in points if isinstance(p.get(key), dict) and p[key].get("wall_s")]
        sl = []
        for (n1, a), (n2, b) in zip(pts, pts[1:]):
            ua, ub = user_time(a), user_time(b)
            sl.append({"from": n1, "to": n2,
                       "time_slope": round(math.log(b["wall_s"] / a["wall_s"]) / math.log(n2 / n1), 3),
                       "user_slope": round(math.log(ub / ua) / math.log(n2 / n1), 3) if ua and ub else None,
                       "memory_slope": round(math.log(b["rss_bytes"] / a["rss_bytes"]) / math.log(n2 / n1), 3)
                       if a.get("rss_bytes") and b.get("rss_bytes") else None,
                       "us_per_course": round(b["wall_s"] / n2 * 1e6, 2)})
        out[key] = {"largest": pts[-1][0] if pts else None, "slopes": sl}
    return out


NATIONAL_GOALS = ["recovery.hope", "recovery.self_determination", "recovery.equal_relations", "recovery.meaning",
                  "recovery.social_roles", "recovery.collaboration", "role.value_base", "role.tools",
                  "role.wellbeing", "organisation.resources", "organisation.perspective",
                  "organisation.collaboration"]


def wide_courses(path, modules, count):
    """`count` courses of `modules` modules each, 1h a module. The modules cover eleven of the twelve
    national goals, so goal coverage scans every module for the twelfth and fails; the other rules
    pass (the theory adds up to the modules' hours)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('import "national"\n\n')
        for i in range(count):
            f.write(f'course wide_{i} "Bred {i}" {{\n  provider "Bench"\n  conforms national\n'
                    f'  group_size 6..10\n  day_length 5h\n'
                    f'  target peers "Peers" {{\n    lived_experience\n    days 8..20\n    hours 44h..97h\n  }}\n'
                    f'  theory {{\n    weeks 10\n    sessions_per_week 2\n    session_length {3 * modules} min\n'
                    f'    hours {modules}h\n    weekly_hours 0h..{modules}h\n  }}\n')
            for j in range(modules):
                f.write(f'  module m{j} "Modul {j}" {{ hours 1h; covers {NATIONAL_GOALS[j % 11]} }}\n')
            f.write('  practicum {\n    length 3 months\n    follow_up_days 2\n  }\n'
                    '  instructors {\n'
                    '    instructor peer_teacher "Peer" { experiential_competence; continuous }\n'
                    '    instructor professional "Fag" { professional }\n  }\n'
                    '  principles practice_oriented, interdisciplinary, empowerment, exemplary\n}\n\n')


def evaluation(ramme, files, cfg, timeout, problems, tmp):
    """bench/evalrate: validations a second of the rules engine alone, the median of cfg['reps'] runs."""
    exe = os.path.join(os.path.dirname(ramme), "evalrate")
    if not os.access(exe, os.X_OK):
        problems.append(f"evaluation: no {exe} (make bench-build builds it)")
        return {"skipped": f"no {exe}"}
    fig = {"target_per_second": 200_000}
    runs = [("batch", cfg["e2e"], []), ("resident", min(cfg["sizes"]), ["--resident"]),
            ("resident", 10_000, ["--resident"])]
    for mode, n, flags in runs:
        if n not in files:
            continue
        key = f"{mode}_{n}"
        log(f"evaluation: {mode}, {n} courses")
        got = []
        for _ in range(cfg["reps"]):
            p = subprocess.run([exe, "--json", "--seconds", "3"] + flags + [files[n][0]], capture_output=True,
                               text=True, timeout=timeout)
            if p.returncode != 0:
                problems.append(f"evaluation {key}: evalrate exited with {p.returncode}: {p.stderr.strip()[-200:]}")
                break
            got.append(json.loads(p.stdout))
        if not got:
            continue
        med = statistics.median(g["per_second"] for g in got)
        fig[key] = {"mode": mode, "courses": n, "runs": len(got), "per_second": med,
                    "ns_per_validation": round(1e9 / med, 1), "all_per_second": [g["per_second"] for g in got],
                    **{k: got[0][k] for k in ("rules_per_course", "failed", "unknown",
                                              "arena_bytes_per_validation", "digest")}}
        if len({g["digest"] for g in got}) != 1:
            problems.append(f"evaluation {key}: results differ between runs")
    # Linear in the course's size: courses of 10, 100 and 1,000 modules (10,000 modules in all at
    # each size, so that as much memory is touched), each judged right after it is built.
    wide = []
    for m in (10, 100, 1000):
        path = os.path.join(tmp, f"wide{m}.ramme")
        wide_courses(path, m, max(10, 10_000 // m))
        log(f"evaluation: courses of {m} modules")
        p = subprocess.run([exe, "--json", "--seconds", "2", path], capture_output=True, text=True,
                           timeout=timeout)
        if p.returncode != 0:
            problems.append(f"evaluation, {m} modules: evalrate exited with {p.returncode}: {p.stderr.strip()[-200:]}")
            break
        g = json.loads(p.stdout)
        wide.append({"modules": m, "courses": g["courses"], "ns_per_validation": g["ns_per_validation"],
                     "failed_per_course": g["failed"] / g["courses"],
                     "arena_bytes_per_validation": g["arena_bytes_per_validation"]})
        os.remove(path)
    for x, y in zip(wide, wide[1:]):
        y["slope"] = round(math.log(y["ns_per_validation"] / x["ns_per_validation"]) /
                           math.log(y["modules"] / x["modules"]), 3)
    if wide:
        fig["course_size"] = wide
    return fig


def profile(ramme, files, cfg, tmp, res):
    """callgrind on cfg['profile'] courses (phases, top functions); perf on cfg['perf'] if usable."""
    import profile as prof  # bench/profile.py
    fig = {}
    n = cfg["profile"]
    src = os.path.join(tmp, f"prof{n}.ramme")
    subprocess.run(GEN + ["--seed", str(SEED), "--count", str(n), "--ramme", src, "--json", src + ".jsonl"],
                   check=True)
    # Does ramme check every course of one file of this size?  If not, profile files of 100.
    probe = subprocess.run([ramme, "check", "--format", "json", src], capture_output=True, text=True)
    one = probe.stdout.count('\n      "course": ') == n
    if not one:
        # ramme does not check a big file correctly: profile files of 100 instead
        per = cfg["per"]
        inputs = files["split"][0][: max(1, n // per)]
        fig["input"] = f"{len(inputs)} files of {per} courses (ramme does not check one file of {n} fully)"
    else:
        inputs = [src]
        fig["input"] = f"one file of {n} courses"
    if shutil.which("valgrind"):
        for fmt in ("json", "text"):
            cg = os.path.join(tmp, f"callgrind.{fmt}.out")
            log(f"profile: callgrind, {fig['input']}, --format {fmt}")
            # One thread: the phases are of a course's work, and profile.py follows the
            # calls of the single-threaded driver (batch_next), not the workers' (check -j).
            cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={cg}", ramme, "check",
                   "-j", "1", "--format", fmt] + inputs
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if os.path.exists(cg):
                fig[f"callgrind_{fmt}"] = prof.analyse(cg)
    else:
        fig["callgrind"] = "valgrind is not installed (bash mk/deps.sh valgrind)"
    # perf: cpu-clock (a software event) works in VMs without hardware counters.
    if shutil.which("perf") and subprocess.run(["perf", "record", "-e", "cpu-clock", "-o", os.devnull, "true"],
                                               capture_output=True).returncode == 0:
        m = cfg["perf"]
        if not one:
            pin = files["split"][0][: max(1, m // cfg["per"])]
            what = f"{len(pin)} files of {cfg['per']} courses"
        else:
            pin = [os.path.join(tmp, f"perf{m}.ramme")]
            subprocess.run(GEN + ["--seed", str(SEED), "--count", str(m), "--ramme", pin[0],
                                  "--json", pin[0] + ".jsonl"], check=True)
            what = f"one file of {m} courses"
        data = os.path.join(tmp, "perf.data")
        log(f"profile: perf record -e cpu-clock, {what}, --format json")
        subprocess.run(["perf", "record", "-q", "-e", "cpu-clock", "-F", "2000", "-o", data, ramme, "check",
                        "--format", "json"] + pin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rep = subprocess.run(["perf", "report", "-i", data, "--stdio", "--no-children", "--sort", "dso,symbol",
                              "--percent-limit", "1"], capture_output=True, text=True).stdout
        top = []
        for line in rep.splitlines():
            parts = line.split()
            if len(parts) >= 4 and parts[0].endswith("%") and not line.startswith("#"):
                fn = parts[3:]
                while fn and fn[-1] == "-":  # empty IPC columns
                    fn.pop()
                top.append({"share": float(parts[0].rstrip("%")) / 100, "object": parts[1],
                            "function": " ".join(fn)})
        kernel = sum(t["share"] for t in top if t["object"] == "[kernel.kallsyms]")
        fig["perf_json"] = {"input": what, "top_self": top[:20], "kernel_share_listed": round(kernel, 3)}
    return fig


def why_invalid(e):
    """Why an e2e figure has no valid ramme measurement, in a few words."""
    bad = [r for k in ("ramme_json", "ramme_text") for r in (e.get(k, {}).get("all", []) or [])
           if r.get("timed_out") or r.get("failed")]
    bad.sort(key=lambda r: not r.get("stderr"))  # a run that said why first
    for r in bad:
        if r.get("timed_out"):
            return f"ramme timed out after {r['wall_s']:.0f} s"
        return f"ramme exited with {r['exit']}" + (": " + r["stderr"][0] if r.get("stderr") else "")
    rep = e.get("agreement", {}).get("report", [])
    return rep[1].strip() if len(rep) > 1 else "the engines disagree"


def targets(res):
    """Each target: met (True, False, or None when it could not be measured) and a sentence."""
    t = {}
    one, files = res.get("e2e_one_file"), res.get("e2e_files")

    def valid(e):
        return bool(e and e.get("agreement", {}).get("ok") and e.get("ramme_json", {}).get("wall_s")
                    and e.get("ramme_text", {}).get("wall_s"))

    if one:
        # Issue 20 set the target on comparable output: ramme's one line per failed rule
        # (`--format brief`, default -j) against the peer's (`--brief`), and >= 5x on one core.
        # The JSON and text reports are figures beside it (issue 7 measured those).
        s = ("Speed (issue 20: ≥ 10× json-rules-engine end to end on 100,000 courses in one file, one "
             "line per failed rule from each, and ≥ 5× on one core): ")
        rb, rbj = one.get("ratio_peer_over_ramme_brief"), one.get("ratio_peer_over_ramme_brief_jobs")
        if rb and rbj and one.get("brief_agreement", {}).get("ok"):
            met = rbj >= 10 and rb >= 5
            s += (f"**{'met' if met else 'missed'}**: {rbj:.2f}× with `--format brief` "
                  f"(-j {one.get('jobs', '?')}, the default), {rb:.2f}× with `-j 1`")
            if rbj < 10:
                s += f"; ramme must get {10 / rbj:.1f}× faster"
            if rb < 5:
                s += f"; on one core {5 / rb:.1f}× faster"
        else:
            met = None
            s += "**not measurable**: " + ("the brief outputs disagree" if rb and rbj else "no brief figures")
        if valid(one):
            s += (f". Whole reports: {one['ratio_peer_over_ramme_json']:.2f}× with JSON output, "
                  f"{one['ratio_peer_over_ramme_text']:.2f}× with the text report")
            if one.get("ratio_peer_over_ramme_json_jobs"):
                s += f" (JSON with -j {one.get('jobs', '?')}: {one['ratio_peer_over_ramme_json_jobs']:.2f}×)"
        else:
            s += f". Whole reports: not measurable ({why_invalid(one)})"
        if valid(files):
            s += (f". On the same courses in 1,000 files: {files['ratio_peer_over_ramme_json']:.2f}× (JSON), "
                  f"{files['ratio_peer_over_ramme_text']:.2f}× (text)")
        t["speed_10x"] = {"met": met, "text": s + ".",
                          "ratio_brief": rb, "ratio_brief_jobs": rbj,
                          "ratio_json": one.get("ratio_peer_over_ramme_json") if valid(one) else None,
                          "ratio_text": one.get("ratio_peer_over_ramme_text") if valid(one) else None}
        s = "Memory (peak RSS ≤ input): "
        inp = one["input_bytes"]["ramme"]
        parts, met = [], None
        if valid(one):
            rj, rt = one["ramme_json"]["rss_bytes"], one["ramme_text"]["rss_bytes"]
            met = rj <= inp and rt <= inp
            parts.append(f"one file of {human(inp)}: {human(rj)} = {rj / inp:.1f}× with JSON output, "
                         f"{human(rt)} = {rt / inp:.1f}× with the text report")
        else:
            parts.append(f"one file of {human(inp)}: not measurable ({why_invalid(one)})")
        if valid(files):
            fi = files["input_bytes"]["ramme"]
            rj, rt = files["ramme_json"]["rss_bytes"], files["ramme_text"]["rss_bytes"]
            parts.append(f"1,000 files of {human(fi)} in all: {human(rj)} = {rj / fi:.2f}× with JSON output, "
                         f"{human(rt)} = {rt / fi:.2f}× with the text report")
        s += ("**met**" if met else "**missed**" if met is False else "**not measurable** on one file") + \
            "; " + "; ".join(parts)
        t["memory_le_input"] = {"met": met, "text": s + "."}
    ev = res.get("evaluation")
    if ev:
        b = next((v for k, v in ev.items() if k.startswith("batch_")), None)
        resident = [v for k, v in ev.items() if k.startswith("resident_")]
        s = "Evaluation (≥ 200,000 course validations a second on one core, rules engine alone): "
        met = None
        if b:
            met = b["per_second"] >= ev["target_per_second"]
            s += (f"**{'met' if met else 'missed'}**: {b['per_second']:,.0f} a second "
                  f"({b['ns_per_validation'] / 1000:.1f} µs each, {b['rules_per_course']:.0f} rules a course), "
                  f"each course judged right after it is built, as `ramme check` does")
            if resident:
                s += "; from memory, every course compiled first: " + ", ".join(
                    f"{v['per_second']:,.0f} a second with {v['courses']:,} courses" for v in resident)
        else:
            s += "**not measured**"
        cs = ev.get("course_size")
        if cs:
            s += ("; time per validation against the course's size (modules): " +
                  ", ".join(f"{x['ns_per_validation'] / 1000:.1f} µs with {x['modules']:,}" for x in cs) +
                  " (slopes " + ", ".join(str(x["slope"]) for x in cs if "slope" in x) + "; 1.0 is linear)")
        t["evaluation_200k"] = {"met": met, "text": s + "."}
    sc = res.get("scaling")
    if sc:
        g = sc["growth"]
        parts, met = [], True
        for key, lab in (("ramme_json", "JSON"), ("ramme_text", "text")):
            sl = g.get(key, {}).get("slopes", [])
            largest = g.get(key, {}).get("largest")
            valid_pts = [p for p in sc["points"] if p.get(key, {}).get("wall_s") and
                         p.get("agreement", {"ok": True}).get("ok", True)]
            txt = f"{lab}: valid to {valid_pts[-1]['courses']:,}" if valid_pts else f"{lab}: no valid point"
            if sl:
                txt += ", CPU time slopes " + ", ".join(
                    f"{x['user_slope']} ({x['from']:,}→{x['to']:,})" for x in sl if x.get("user_slope") is not None)
                txt += " (wall time " + ", ".join(str(x["time_slope"]) for x in sl) + ")"
            big = [x for x in sl if x["from"] >= 10_000]
            if largest != 1_000_000 or not valid_pts or valid_pts[-1]["courses"] != 1_000_000:
                met = None if met is not False else met
                p1m = next((p for p in sc["points"] if p["courses"] == 1_000_000), None)
                why = (p1m.get("skipped") or p1m.get(key, {}).get("skipped")) if p1m else "not run"
                if why:
                    txt += f"; 1M: {why}"
            elif any((x.get("user_slope") or x["time_slope"]) > 1.15 for x in big):
                met = False
            parts.append(txt)
        head = {True: "**met**", False: "**missed**", None: "**not shown**"}[met]
        t["linear_to_1m"] = {"met": met, "text": "Linear growth to 1,000,000 courses (slope of ramme's own CPU "
                             "time, 1.0 = linear; wall time also counts the kernel writing the output): " +
                             head + "; " + "; ".join(parts) + "."}
    if res.get("floor"):
        t["floor_2x"] = floor_target(res["floor"])
    return t


def fmt_s(x):
    if x is None:
        return "–"
    return f"{x:.3f} s" if x < 1 else f"{x:.2f} s" if x < 100 else f"{x:.0f} s"


def fmt_m(x):
    return human(x) if x else "–"


def render(res):
    L = []
    m = res["machine"]
    L.append(f"ramme benchmarks, {res['date']}: {m['cpu']} ({m['cores']} cores, {human(m['memory_bytes'])}), "
             f"ramme {m['ramme_commit']}{' (modified tree)' if m['ramme_tree_dirty'] else ''}, "
             f"node {m['node']}, json-rules-engine {m['json_rules_engine']}; load average "
             f"{res.get('load_average_start', ['?'])[0]} at the start, {res.get('load_average_end', ['?'])[0]} at the end; "
             f"{res.get('total_s', 0) // 60:.0f} min")
    L.append("")
    L.append("| figure | engine | runs | wall (median) | peak RSS (median) | note |")
    L.append("|---|---|---|---|---|---|")

    def row(fig, label, key, engine, note=""):
        x = fig.get(key, {})
        if x.get("skipped"):
            L.append(f"| {label} | {engine} | 0 | – | – | skipped: {x['skipped']} |")
        else:
            bad = [r for r in x.get("all", []) if r.get("failed") or r.get("timed_out")]
            if bad and not x.get("runs"):
                b = bad[0]
                why = (f"timed out after {b['wall_s']:.0f} s" if b.get("timed_out") else
                       f"exit status {b['exit']}" + (": " + " ".join(b.get("stderr", [])[:1]) if b.get("stderr") else ""))
                note = (note + "; " if note else "") + "FAILED: " + why
            L.append(f"| {label} | {engine} | {x.get('runs', 0)} | {fmt_s(x.get('wall_s'))} | "
                     f"{fmt_m(x.get('rss_bytes'))} | {note} |")

    for name, label in (("e2e_one_file", "one file"), ("e2e_files", "files")):
        e = res.get(name)
        if not e:
            continue
        lab = (f"{e['courses']:,} courses, one file ({human(e['input_bytes']['ramme'])})" if e["files"] == 1 else
               f"{e['courses']:,} courses in {e['files']:,} files")
        ag = e.get("agreement", {})
        agn = "engines agree" if ag.get("ok") else ("ENGINES DISAGREE: " + "; ".join(ag.get("report", [])[1:3])
                                                     if ag else "agreement not checked")
        r, rt = e.get("ratio_peer_over_ramme_json"), e.get("ratio_peer_over_ramme_text")
        row(e, lab, "ramme_json", "ramme --format json", agn)
        row(e, lab, "peer", "json-rules-engine",
            f"peer/ramme: {r:.2f}x (json), {rt:.2f}x (text)" if r and rt else "")
        row(e, lab, "ramme_text", "ramme (text report)")
        if "ramme_brief" in e:
            rb = e.get("ratio_peer_over_ramme_brief")
            bag = e.get("brief_agreement", {})
            row(e, lab, "ramme_brief", "ramme --format brief",
                ("brief outputs agree" if bag.get("ok") else "BRIEF OUTPUTS DIFFER" if bag else "not compared"))
            row(e, lab, "peer_brief", "json-rules-engine --brief", f"peer/ramme: {rb:.2f}x (brief)" if rb else "")
        if "ramme_brief_jobs" in e:
            rj_ = e.get("ratio_peer_over_ramme_brief_jobs")
            row(e, lab, "ramme_brief_jobs", f"ramme -j {e.get('jobs', '?')} --format brief",
                f"peer/ramme: {rj_:.2f}x (brief, {e.get('jobs', '?')} threads)" if rj_ else "")
        if "ramme_json_jobs" in e:
            rj_ = e.get("ratio_peer_over_ramme_json_jobs")
            row(e, lab, "ramme_json_jobs", f"ramme -j {e.get('jobs', '?')} --format json",
                f"peer/ramme: {rj_:.2f}x (json, {e.get('jobs', '?')} threads)" if rj_ else "")
    s = res.get("scaling")
    if s:
        for p in s["points"]:
            if p.get("skipped"):
                L.append(f"| scaling {p['courses']:,} | all | 0 | – | – | skipped: {p['skipped']} |")
                continue
            for key, eng in (("ramme_json", "ramme --format json"), ("ramme_text", "ramme (text report)"),
                             ("peer", "json-rules-engine")):
                note = ""
                if p.get("from"):
                    note = "the e2e one-file figure"
                elif key == "ramme_json" and "agreement" in p:
                    rep = p["agreement"].get("report", [])
                    note = "engines agree" if p["agreement"]["ok"] else (
                        "ENGINES DISAGREE" + (": " + rep[1].strip() if len(rep) > 1 else ""))
                row(p, f"scaling {p['courses']:,}", key, eng, note)
    ev = res.get("evaluation")
    if ev:
        for k, v in ev.items():
            if not isinstance(v, dict):
                continue
            how = ("each judged right after it is built" if v["mode"] == "batch" else
                   "all compiled first, judged round after round")
            L.append(f"| evaluation, {v['courses']:,} courses | rules engine (bench/evalrate) | {v['runs']} | – | – | "
                     f"{v['per_second']:,.0f} validations/s ({v['ns_per_validation'] / 1000:.2f} µs each), {how}; "
                     f"{v['arena_bytes_per_validation']:,.0f} arena bytes each |")
        for x in ev.get("course_size", []):
            L.append(f"| evaluation, courses of {x['modules']:,} modules | rules engine (bench/evalrate) | 1 | – | – | "
                     f"{x['ns_per_validation'] / 1000:.2f} µs a validation ({x['courses']:,} courses)"
                     + (f"; slope {x['slope']}" if "slope" in x else "") + " |")
    pr = res.get("profile")
    if pr and pr.get("callgrind_json"):
        ph = pr["callgrind_json"]["phases"]
        L.append(f"| profile ({pr['input']}, json) | ramme | 1 | – | – | " +
                 ", ".join(f"{k} {v['share'] * 100:.0f}%" for k, v in ph.items()) + " (instructions) |")
    if pr and pr.get("callgrind_text"):
        ph = pr["callgrind_text"]["phases"]
        L.append(f"| profile ({pr['input']}, text) | ramme | 1 | – | – | " +
                 ", ".join(f"{k} {v['share'] * 100:.0f}%" for k, v in ph.items()) + " (instructions) |")
    sc = res.get("schedule")
    if sc:
        L.append(f"| {sc['proposals']:,} schedule proposals | ramme schedule --format json | {sc.get('runs', 0)} | "
                 f"{fmt_s(sc.get('wall_s'))} | {fmt_m(sc.get('rss_bytes'))} | "
                 f"{sc.get('per_proposal_ms', 0):.1f} ms a proposal, one process each |")
    st = res.get("startup")
    if st and st["ramme"].get("wall_s"):
        L.append(f"| {st['processes']:,} x one small check (frederikshavn.ramme) | ramme check | "
                 f"{st['ramme'].get('runs', 0)} | {fmt_s(st['ramme'].get('wall_s'))} | "
                 f"{fmt_m(st['ramme'].get('rss_bytes'))} | {st.get('per_check_ms', 0):.2f} ms a process"
                 + (f", {st['per_check_less_true_ms']:.2f} ms more than /bin/true" if "per_check_less_true_ms" in st
                    else "") + " |")
    ad = res.get("admit")
    if ad:
        row(ad, f"{ad['applicants']:,} applicants screened", "ramme_json", "ramme admit --format json",
            f"input {human(ad['input_bytes'])}")
        row(ad, f"{ad['applicants']:,} applicants screened", "ramme_text", "ramme admit (text)")
    L.extend(floor_rows(res))
    L.append("")
    for x in res.get("targets", {}).values():
        L.append("- " + x["text"])
    return "\n".join(L)


def update_readme(table, res):
    path = os.path.join(HERE, "README.md")
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return
    begin, end = "<!-- results:begin -->", "<!-- results:end -->"
    if begin not in text or end not in text:
        return
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + begin + "\n" + table + "\n" + end + tail)
    log("results table written to bench/README.md")


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    sys.exit(main())
