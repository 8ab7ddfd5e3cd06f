# mk/bench.mk — `make bench`: ramme against json-rules-engine, and how cost grows.
# Included by the Makefile; never part of `make check`.  See bench/README.md.
#
#   make bench         optimised build in $(BENCH_BUILD), the peer's pinned packages (npm ci),
#                      then the whole suite (about 20 minutes on 2 cores); writes
#                      bench/results.json and the table in bench/README.md
#   make bench-quick   the same harness on small inputs (a minute; nothing recorded)
#   make bench-plan    the planning benchmark alone: ramme plan against MiniZinc+Gecode
#   make bench-lsp     the language server alone: didChange to published diagnostics on a
#                      200-line course (bench/lsp_bench.py; writes bench/lsp-results.json)
#
# BENCH_ARGS passes options to bench/run.py, e.g. BENCH_ARGS='--only e2e --reps 5' or
# BENCH_ARGS='--keep --tmp /var/tmp/rb' (keep the generated courses).  GNU time is needed for
# peak RSS, valgrind for the profile (mk/deps.sh installs both); perf is used when it works.

BENCH_BUILD  ?= build-bench
BENCH_CFLAGS ?= -O2 -g -DNDEBUG
BENCH_ARGS   ?=

.PHONY: bench bench-quick bench-build bench-peer bench-plan bench-lsp

bench-build: deps
	@bash mk/deps.sh time valgrind
	@$(MAKE) --no-print-directory BUILD=$(BENCH_BUILD) CFLAGS='$(BENCH_CFLAGS)' all $(BENCH_BUILD)/evalrate

bench-peer:
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || \
	  { echo "make bench: the peer needs node (>= 18) and npm" >&2; exit 1; }
	cd bench/peer && npm ci --no-audit --no-fund --loglevel=error

bench: bench-build bench-peer
	@bash mk/deps.sh minizinc
	python3 bench/run.py --ramme $(BENCH_BUILD)/ramme $(BENCH_ARGS); rc=$$?; \
	python3 bench/plan_bench.py --ramme $(BENCH_BUILD)/ramme $(PLAN_BENCH_ARGS) || rc=1; \
	python3 bench/lsp_bench.py --ramme $(BENCH_BUILD)/ramme || rc=1; exit $$rc

# The planning benchmark alone (bench/plan_bench.py): ramme plan against
# MiniZinc with Gecode, 1 to 200 cohorts.  PLAN_BENCH_ARGS='--sizes 1,5,20 --limit 30'.
PLAN_BENCH_ARGS ?=
bench-plan: bench-build
	@bash mk/deps.sh minizinc
	python3 bench/plan_bench.py --ramme $(BENCH_BUILD)/ramme $(PLAN_BENCH_ARGS)

bench-quick: bench-build bench-peer
	python3 bench/run.py --quick --ramme $(BENCH_BUILD)/ramme $(BENCH_ARGS)

# The language server's latency alone (bench/lsp_bench.py, TOOLS.md §4: under 10 ms).
bench-lsp: bench-build
	python3 bench/lsp_bench.py --ramme $(BENCH_BUILD)/ramme
