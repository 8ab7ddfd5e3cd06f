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
#   make build-bench/floor  the parse-only floor alone (bench/floor/; built by bench-build too)
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
	@$(MAKE) --no-print-directory BUILD=$(BENCH_BUILD) CFLAGS='$(BENCH_CFLAGS)' all $(BENCH_BUILD)/evalrate \
	  $(BENCH_BUILD)/floor

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

# The parse-only floor (issue 20; bench/floor/derive.py says what it leaves out): ramme's
# grammar without actions, locations or LAC and its scanner without positions or copied
# values, derived from grammar/ at every build and generated with the flags of the real ones
# (FLEX_FLAGS, BISON_FLAGS, NOLAC_FLAGS as for parser_nolac.c); the build fails when
# bison's tables differ from ramme's LAC-free parser's. In the benchmark build only: neither
# `all` nor `make check` builds it. `make build-bench/floor` builds it with the bench flags.
FLOOR_DIR := $(BUILD)/floor-gen
$(FLOOR_DIR)/parser.y $(FLOOR_DIR)/lexer.l: grammar/parser.y grammar/lexer.l bench/floor/derive.py
	@mkdir -p $(@D)
	python3 bench/floor/derive.py grammar/parser.y grammar/lexer.l $(FLOOR_DIR)
$(FLOOR_DIR)/parser.c $(FLOOR_DIR)/parser.h: $(FLOOR_DIR)/parser.y $(GEN)/parser_nolac.c $(GEN_STAMP)
	$(BISON) $(BISON_FLAGS) $(NOLAC_FLAGS) --header=$(FLOOR_DIR)/parser.h -o $(FLOOR_DIR)/parser.c $< \
	  || { rm -f $(FLOOR_DIR)/parser.c $(FLOOR_DIR)/parser.h; exit 1; }
	python3 bench/floor/derive.py --same-tables $(FLOOR_DIR)/parser.c $(GEN)/parser_nolac.c \
	  || { rm -f $(FLOOR_DIR)/parser.c $(FLOOR_DIR)/parser.h; exit 1; }
$(FLOOR_DIR)/lexer.c $(FLOOR_DIR)/lexer.h: $(FLOOR_DIR)/lexer.l $(GEN_STAMP)
	$(FLEX) $(FLEX_FLAGS) --header-file=$(FLOOR_DIR)/lexer.h -o $(FLOOR_DIR)/lexer.c $< \
	  || { rm -f $(FLOOR_DIR)/lexer.c $(FLOOR_DIR)/lexer.h; exit 1; }
# The floor's headers come first: its parser.h, not ramme's, for floor.c.
FLOOR_CPPFLAGS := -I$(FLOOR_DIR) $(ALL_CPPFLAGS)
$(FLOOR_DIR)/%.o: $(FLOOR_DIR)/%.c $(FLOOR_DIR)/parser.h $(FLOOR_DIR)/lexer.h $(FLAGS_STAMP)
	$(CC) $(GEN_CFLAGS) $(FLOOR_CPPFLAGS) -MMD -MP -c -o $@ $<
$(FLOOR_DIR)/floor.o: bench/floor/floor.c $(FLOOR_DIR)/parser.h $(FLOOR_DIR)/lexer.h $(FLAGS_STAMP)
	$(CC) $(OUR_CFLAGS) $(FLOOR_CPPFLAGS) -MMD -MP -c -o $@ $<
# The library only for what the scanner calls (arena, diagnostics, units, dates, _()): its
# own yylex and yyparse are never pulled in, or the link would fail on the duplicates.
$(BUILD)/floor: $(FLOOR_DIR)/floor.o $(FLOOR_DIR)/parser.o $(FLOOR_DIR)/lexer.o $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)
-include $(wildcard $(FLOOR_DIR)/*.d)

# `make build-bench/floor` from the top: the benchmark build's flags, in its own tree.
ifneq ($(BUILD),$(BENCH_BUILD))
$(BENCH_BUILD)/floor: FORCE
	@$(MAKE) --no-print-directory BUILD=$(BENCH_BUILD) CFLAGS='$(BENCH_CFLAGS)' $@
endif
