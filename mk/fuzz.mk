# mk/fuzz.mk — libFuzzer harnesses (included from the Makefile; fuzz/README.md).
#
#   make fuzz               build build-fuzz/ with clang, then run each harness for
#                           FUZZ_SECONDS (default 600) one after the other
#   make fuzz FUZZ_TARGETS=check FUZZ_SECONDS=60     one harness, one minute
#   make fuzz-build         only build build-fuzz/fuzz_* (and build-fuzz/libramme.a)
#   make fuzz-regressions   run every file of fuzz/regressions/ once through every
#                           harness (exit 0 when none crashes; for CI)
#   make fuzz-clean         remove build-fuzz/ (also part of `make clean`)
#
# The library is built by the Makefile's own rules in a sub-make with BUILD=build-fuzz,
# CC=clang and SANFLAGS adding the sanitizers and libFuzzer's coverage instrumentation
# (-fsanitize=fuzzer-no-link); the harnesses are linked with -fsanitize=fuzzer, which
# brings libFuzzer's main().  Each run reads the committed seeds in fuzz/corpus/NAME/
# and writes what it finds to build-fuzz/corpus/NAME/ (the first corpus directory is
# the one libFuzzer writes to), crash inputs to build-fuzz/artifacts/NAME/.

FUZZ_BUILD   := build-fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= check eval table batch admit plan_out fmt plan lsp
# One process per harness, one harness at a time (no -jobs/-workers: with -jobs libFuzzer
# runs a child whose output goes to ./fuzz-N.log instead of the terminal).
FUZZ_OPTS    ?= -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_ENV     := ASAN_OPTIONS=detect_leaks=1 \
                UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
FUZZ_BINS    := $(patsubst %,$(FUZZ_BUILD)/fuzz_%,$(FUZZ_TARGETS))

.PHONY: fuzz fuzz-deps fuzz-build fuzz-bins fuzz-regressions fuzz-clean

fuzz-deps:
	@bash mk/deps.sh
	@bash mk/deps.sh clang libclang-rt-14-dev

fuzz-build: fuzz-deps
	@$(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) CFLAGS='-O1 -g' \
	  SANFLAGS='-fsanitize=fuzzer-no-link $(FUZZ_SAN)' FUZZ_TARGETS='$(FUZZ_TARGETS)' fuzz-bins

# Only meaningful inside the sub-make above (BUILD=build-fuzz, CC=clang).
fuzz-bins: $(FUZZ_BINS)

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz.h $(LIB) $(FLAGS_STAMP) | $(GEN_HDRS)
	$(CC) $(STD) $(WARN) $(CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) $(ALL_CPPFLAGS) \
	  -o $@ $< $(LIB) $(LIBS)

# stdin from /dev/null: an input may import "/dev/stdin".  The dictionary (ramme tokens)
# serves the harnesses whose input is ramme source: fuzz_eval's bytes are choices, and
# fuzz_table's an applicant file.
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/artifacts/$$t fuzz/corpus/$$t; \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	  case $$t in eval|table) dict= ;; *) dict=-dict=fuzz/ramme.dict ;; esac; \
	  $(FUZZ_ENV) $(FUZZ_BUILD)/fuzz_$$t $(FUZZ_OPTS) -max_total_time=$(FUZZ_SECONDS) \
	    $$dict -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t/ \
	    $(FUZZ_BUILD)/corpus/$$t fuzz/corpus/$$t < /dev/null \
	    || { echo "fuzz_$$t: a finding; the input is in $(FUZZ_BUILD)/artifacts/$$t/"; exit 1; }; \
	done

# Every regression input through every harness, one process per input so that each
# failing input is named; libFuzzer runs a file given as an argument once and exits
# non-zero on a crash, leak, sanitizer error or broken invariant.  Fails until the bug
# behind each input is fixed: that is the point (fuzz/README.md, Findings).
fuzz-regressions: fuzz-build
	@pass=0; fail=0; \
	for t in $(FUZZ_TARGETS); do \
	  for f in fuzz/regressions/*; do \
	    [ -f "$$f" ] && [ "$${f##*/}" != README.md ] || continue; \
	    log=$(FUZZ_BUILD)/regressions/$$t-$${f##*/}.log; mkdir -p $(FUZZ_BUILD)/regressions; \
	    if $(FUZZ_ENV) $(FUZZ_BUILD)/fuzz_$$t -timeout=10 -rss_limit_mb=2048 "$$f" \
	         < /dev/null > "$$log" 2>&1; then \
	      pass=$$((pass + 1)); \
	    else \
	      fail=$$((fail + 1)); \
	      echo "fuzz-regressions: fuzz_$$t $$f: FAILED ($$log)"; \
	      grep -m 3 -E 'ERROR: |runtime error|invariant broken|SUMMARY' "$$log" | sed 's/^/    /'; \
	    fi; \
	  done; \
	done; \
	echo "fuzz-regressions: $$pass passed, $$fail failed"; \
	[ "$$fail" -eq 0 ]

fuzz-clean:
	rm -rf $(FUZZ_BUILD)

clean: fuzz-clean
