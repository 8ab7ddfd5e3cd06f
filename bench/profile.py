#!/usr/bin/env python3
"""profile.py CALLGRIND.OUT — where ramme's instructions go, from a callgrind profile.
   profile.py --gap RAMME.OUT FLOOR.OUT COURSES — where they go beyond the parse-only floor's.

Reads a callgrind output file (valgrind --tool=callgrind ramme check ...) and prints, as
JSON, the phases of `ramme check` and the functions with the most instructions of their own.

Phases (instructions, from the call graph; every function named here is a real, non-inlined
symbol of the optimised build):
  reading     skim_layout, utf8_first_bad, src_read: mapping or reading files, the batch's layout,
              the UTF-8 check (u8_check is the output's, jsonw.c and esc.c, and a bad file's)
  lexing      yylex (flex)
  parsing     yyparse and yyparse_nolac (the parser without LAC, tried first) minus yylex (bison
              actions build the syntax tree)
  checking    the rest of the front end (compile_batch, batch_next; compile_file for a file read
              whole): imports, schemas, blocks, references, extends, types
  evaluation  rules_check (rules_check_messages for the brief report, rules_check_statuses):
              rules, three-valued evaluation, explanations
  output      the other calls from the command's driver (main, cmd_check): jansson (building,
              dumping, freeing JSON), stdio, render_*, report_*, dump_* (code the compiler
              inlined into the driver itself counts as startup)
  freeing     the calls from the driver to compile_free, src_free, diag_free, arena_free, free,
              batch_end
  startup     everything else: dynamic loading, libc start-up and exit, argument parsing
Callgrind counts user-space instructions only: time spent in the kernel (page faults for
fresh memory, writes) and in cache misses is not in these shares; see the perf figures.
"""
import collections
import json
import re
import sys

# The rules engine's entry points: the full judgement, the brief report's (no explanations) and
# the planner's (statuses only).
EVAL_ENTRIES = ("rules_check", "rules_check_messages", "rules_check_statuses")
NOT_OUTPUT = {"compile_file", "compile_batch", "batch_begin", "batch_next", *EVAL_ENTRIES, "compile_main_decls", "cov_build", "parse_args", "arena_new",
              "diag_init", "diag_sort", "src_init", "getenv", "isatty", "calloc", "malloc", "strcmp",
              "strncmp", "strchr", "memset", "__strcmp_avx2", "__strncmp_avx2", "__strchr_avx2",
              "__memset_avx2_unaligned_erms", "_dl_runtime_resolve_xsave", "exit"}
FREE_FUNCS = {"compile_free", "src_free", "diag_free", "arena_free", "free", "cfree", "__libc_free", "batch_end"}


def parse(path):
    names, objs = {}, {}
    self_cost = collections.Counter()
    calls = collections.Counter()   # (caller, callee) -> inclusive instructions
    fn_obj = {}
    total = 0
    cur_fn = cur_ob = call_to = call_ob = None
    pending_call = False

    def name(table, m):
        ident, label = m.group(1), m.group(2)
        if label:
            table[ident] = label.strip()
        return table.get(ident, ident)

    ref = re.compile(r"^\((\d+)\)(?: (.*))?$")
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            c = line[0]
            if c.isdigit() or c in "+-*":
                if pending_call:
                    calls[(cur_fn, call_to)] += int(line.split()[1])
                    pending_call = False
                else:
                    parts = line.split()
                    if len(parts) > 1:
                        self_cost[cur_fn] += int(parts[1])
                continue
            key, _, val = line.partition("=")
            m = ref.match(val)
            if key == "ob":
                cur_ob = name(objs, m) if m else val
            elif key == "fn":
                cur_fn = name(names, m) if m else val
                fn_obj.setdefault(cur_fn, cur_ob)
            elif key == "cob":
                call_ob = name(objs, m) if m else val
            elif key == "cfn":
                call_to = name(names, m) if m else val
                if call_ob:
                    fn_obj.setdefault(call_to, call_ob)
                call_ob = None
            elif key == "calls":
                pending_call = True
            elif line.startswith("summary:") or line.startswith("totals:"):
                total = max(total, int(line.split()[1]))
    return names, self_cost, calls, fn_obj, total


def base(fn):
    """`eval'2` (a recursion level) -> `eval`; `run.isra.0` stays as it is."""
    return fn.split("'")[0]


def analyse(path, top=15):
    _, self_cost, calls, fn_obj, total = parse(path)
    incoming = collections.Counter()
    for (caller, callee), cost in calls.items():
        if base(caller) != base(callee):
            incoming[base(callee)] += cost
    # The command's driver: main, whatever calls the front end and the rules engine (cmd_check,
    # when the compiler does not inline it into main; check_file and cli_open), and every
    # function between those and main (cli_check), so that the call from main down to the
    # driver is not taken for output.
    drivers = {"main"} | {base(a) for (a, b) in calls
                          if base(b) in ("compile_file", "compile_batch", "batch_next", *EVAL_ENTRIES)}
    grew = True
    while grew:
        up = {base(a) for (a, b) in calls if base(b) in drivers and base(b) != "main" and base(a) != base(b)}
        grew = not up <= drivers
        drivers |= up
    from_main = collections.Counter()
    for (caller, callee), cost in calls.items():
        if base(caller) in drivers and base(callee) not in drivers:
            from_main[base(callee)] += cost

    def obj(fn):
        o = fn_obj.get(fn) or ""
        return o.rsplit("/", 1)[-1]

    lex = incoming["yylex"]
    parse_ = incoming["yyparse"] + incoming["yyparse_nolac"]
    # `check` compiles the program (compile_batch; compile_file for a file read whole) and
    # then parses, builds and type-checks each course in batch_next: both are the front end.
    front = incoming["compile_file"] + incoming["compile_batch"] + incoming["batch_next"]
    # The front end checks UTF-8 with utf8_first_bad (parse.c); u8_check is called by the
    # writers (jsonw.c, esc.c) for every string of a report, so it is output's.
    reading = incoming["skim_layout"] + incoming["utf8_first_bad"] + incoming["src_read"]
    evaluation = sum(incoming[f] for f in EVAL_ENTRIES)
    # Output is everything the driver calls besides the front end, the rules engine, freeing
    # and start-up work: jansson, stdio, render_*, report_*, dump_*, whatever the report
    # needs next (a new helper lands here without a change to this file).
    output = sum(c for f, c in from_main.items()
                 if f not in FREE_FUNCS and f not in NOT_OUTPUT and "ld-linux" not in obj(f))
    freeing = sum(c for f, c in from_main.items() if f in FREE_FUNCS)
    phases = collections.OrderedDict([
        ("reading", reading),
        ("lexing", lex),
        ("parsing", parse_ - lex),
        ("checking", front - parse_ - reading),
        ("evaluation", evaluation),
        ("output", output),
        ("freeing", freeing),
    ])
    phases["startup"] = total - sum(phases.values())
    selfs = collections.Counter()
    for fn, c in self_cost.items():
        selfs[(base(fn), obj(fn))] += c
    top_self = [{"function": f, "object": o, "instructions": c, "share": c / total}
                for (f, o), c in selfs.most_common(top)]
    return {
        "instructions": total,
        "phases": {k: {"instructions": v, "share": v / total} for k, v in phases.items()},
        "top_self": top_self,
    }


def gap(ramme_out, floor_out, courses, top=12):
    """ramme's instructions beyond the parse-only floor's (bench/floor/) on the same file, per
    phase and per function (self cost), a course each.  The floor's instructions are lexing and
    parsing (yyparse and its scanner) and the rest (reading the file whole, start-up): ramme's
    lexing and parsing are set against the floor's, its reading and start-up together against
    the floor's rest, and every other phase (checking, evaluation, output, freeing) lies beyond
    the floor whole.  A function's gap is its self cost in ramme less its self cost in the floor
    (yylex against yylex, ramme's yyparse_nolac against the floor's yyparse)."""
    r, f = analyse(ramme_out, top=10 ** 6), analyse(floor_out, top=10 ** 6)
    rp = {k: v["instructions"] for k, v in r["phases"].items()}
    f_lex, f_parse = f["phases"]["lexing"]["instructions"], f["phases"]["parsing"]["instructions"]
    f_rest = f["instructions"] - f_lex - f_parse
    phases = {k: v for k, v in rp.items() if k not in ("reading", "startup")}
    phases["lexing"] -= f_lex
    phases["parsing"] -= f_parse
    phases["reading and start-up"] = rp["reading"] + rp["startup"] - f_rest
    beyond = r["instructions"] - f["instructions"]
    fself = collections.Counter()
    for x in f["top_self"]:
        fself["yyparse_nolac" if x["function"] == "yyparse" else x["function"]] += x["instructions"]
    funcs = collections.Counter()
    for x in r["top_self"]:
        funcs[(x["function"], x["object"])] += x["instructions"] - fself.get(x["function"], 0)
    return {
        "courses": courses,
        "ramme_instructions": r["instructions"], "floor_instructions": f["instructions"],
        "ratio": r["instructions"] / f["instructions"],
        "per_course": {"ramme": r["instructions"] / courses, "floor": f["instructions"] / courses},
        "floor_phases": {"lexing": f_lex, "parsing": f_parse, "rest": f_rest},
        "beyond": beyond,
        "phases": {k: {"instructions": v, "per_course": v / courses, "share_of_gap": v / beyond}
                   for k, v in sorted(phases.items(), key=lambda kv: -kv[1])},
        "functions": [{"function": fn, "object": ob, "instructions": c, "per_course": c / courses,
                       "share_of_gap": c / beyond} for (fn, ob), c in funcs.most_common(top)],
    }


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--gap":
        json.dump(gap(sys.argv[2], sys.argv[3], int(sys.argv[4])), sys.stdout, indent=2)
    else:
        json.dump(analyse(sys.argv[1]), sys.stdout, indent=2)
    print()
