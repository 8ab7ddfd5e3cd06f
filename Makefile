# ramme — build, test and install.  Needs GNU make (>= 4.0), bash, flex, bison.
#
#   make / make all     build build/ramme (no package checks: fast)
#   make deps           install missing Debian packages (mk/deps.sh)
#   make check          deps (and chromium, for the HTML tests), build, unit tests, golden and
#                       end-to-end tests; ends with "N passed, N failed"
#   make sanitize       the same tests, built with ASan+UBSan in build-san/
#   make valgrind       the golden suite with every ramme run under valgrind
#   make coverage       the tests built with --coverage in build-cov/, then a gcov summary
#   make run            run `ramme check` on every examples/*.ramme (exit 0 or 1 is fine)
#   make install        binary to $(DESTDIR)$(PREFIX)/bin, stdlib to $(PREFIX)/share/ramme,
#                       the catalogues to $(PREFIX)/share/locale, the manual page and bash completion
#   make pot            po/ramme.pot again from the sources (xgettext); then msgmerge po/da.po
#   make deb            a Debian package (PREFIX=/usr, built in build-deb/): mk/deb.sh
#   make golden-update  rewrite the golden expectations (GOLDEN_DIRS=dir... to limit)
#   make vscode         the VS Code extension, packaged: $(BUILD)/ramme-VERSION.vsix (mk/vscode.mk)
#   make clean
#
# PREFIX is compiled into the binary (RAMME_SHARE_DIR), so `make install PREFIX=/opt/x`
# rebuilds with that prefix: every object depends on $(BUILD)/flags, which changes whenever
# the compiler, flags or defines change.  A later plain `make` rebuilds for /usr/local again.
#
# One set of rules serves every build tree: BUILD selects the directory and SANFLAGS adds
# flags to every compile and link (sanitize and coverage call $(MAKE) recursively).

.SUFFIXES:
MAKEFLAGS += --no-builtin-rules
.DELETE_ON_ERROR:
SHELL := bash

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build

BISON      ?= bison
MSGFMT     ?= msgfmt
XGETTEXT   ?= xgettext
FLEX       ?= flex
PKG_CONFIG ?= pkg-config
AR         ?= ar

CFLAGS   ?= -O2 -g
SANFLAGS ?=
CPPFLAGS ?=
LDFLAGS  ?=

STD     := -std=c11 -D_POSIX_C_SOURCE=200809L
WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
GENWARN := -Wno-unused-function -Wno-sign-compare
VERSION := 0.1.0
# The catalogues: RAMME_LOCALE_DIR when installed, $(BUILD)/locale beside a binary in its
# build tree (cli/lang.c).
DEFS    := -DRAMME_SRC_STDLIB=\"$(abspath stdlib)\" -DRAMME_SHARE_DIR=\"$(PREFIX)/share/ramme\" \
           -DRAMME_VERSION=\"$(VERSION)\" -DRAMME_LOCALE_DIR=\"$(PREFIX)/share/locale\" \
           -DRAMME_BUILD_DIR=\"$(abspath $(BUILD))\"

# 2>/dev/null: before `make deps` has run, pkg-config may be missing; the build itself
# always happens in a sub-make started after deps, which evaluates these again.
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags jansson 2>/dev/null) \
              $(shell $(PKG_CONFIG) --cflags libical 2>/dev/null)
# libical and GLPK are not linked into ramme: emit/icslib.c opens libical with dlopen when
# an iCalendar file is written, apps/glpklib.c opens GLPK when `ramme plan` solves, so no
# other command pays for loading them and what they drag in (ICU; GMP, zlib, AMD, ...:
# issue 20). Their sonames are taken from the libraries compiled against; the unit tests,
# which read .ics back with libical, link it.
LIBS       := $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null) -lcsv -lunistring -lm -pthread
ICAL_LIBS  := $(shell $(PKG_CONFIG) --libs libical 2>/dev/null)
ICAL_SONAME := $(shell objdump -p "$$($(PKG_CONFIG) --variable=libdir libical 2>/dev/null)/libical.so" 2>/dev/null | \
                 awk '/SONAME/ {print $$2}')
DEFS       += -DRAMME_LIBICAL=\"$(or $(ICAL_SONAME),libical.so.3)\"
GLPK_SONAME := $(shell objdump -p "$$($(CC) -print-file-name=libglpk.so)" 2>/dev/null | \
                 awk '/SONAME/ {print $$2}')
DEFS       += -DRAMME_LIBGLPK=\"$(or $(GLPK_SONAME),libglpk.so.40)\"
TEST_LIBS  := -lcmocka $(ICAL_LIBS)

GEN := $(BUILD)/gen
OBJ := $(BUILD)/obj
LIB := $(BUILD)/libramme.a
BIN := $(BUILD)/ramme
FLAGS_STAMP := $(BUILD)/flags

ALL_CPPFLAGS := -Isrc -I$(GEN) $(DEFS) $(PKG_CFLAGS) $(CPPFLAGS)
OUR_CFLAGS   := $(STD) $(WARN) $(CFLAGS) $(SANFLAGS)
GEN_CFLAGS   := $(STD) $(CFLAGS) $(SANFLAGS) $(GENWARN)

# src/ has a folder per pipeline stage (src/README.md); includes name the folder.
SRCS      := $(wildcard src/*/*.c)
# The command line (src/cli/) prints; it is linked into the binary, not the library.
CLI_SRCS  := $(wildcard src/cli/*.c)
LIB_OBJS  := $(patsubst src/%.c,$(OBJ)/%.o,$(filter-out $(CLI_SRCS),$(SRCS))) \
             $(GEN)/parser.o $(GEN)/parser_nolac.o $(GEN)/lexer.o
MAIN_OBJ  := $(patsubst src/%.c,$(OBJ)/%.o,$(CLI_SRCS))
GEN_HDRS  := $(GEN)/parser.h $(GEN)/lexer.h
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))
UNIT_OBJS := $(patsubst tests/unit/%.c,$(BUILD)/tests/obj/%.o,$(UNIT_SRCS))

# One catalogue a language: po/LL.po → $(BUILD)/locale/LL/LC_MESSAGES/ramme.mo.
PO_FILES  := $(wildcard po/*.po)
MO_FILES  := $(patsubst po/%.po,$(BUILD)/locale/%/LC_MESSAGES/ramme.mo,$(PO_FILES))
XGETTEXT_FLAGS := --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=NC_:1c,2 \
                  --add-comments=TRANSLATORS: --add-location=file --sort-output \
                  --package-name=ramme --package-version=$(VERSION) --copyright-holder='' \
                  --msgid-bugs-address='ramme@localhost'

GOLDEN      := bash tests/golden/run.sh
GOLDEN_DIRS ?=
VALGRIND    ?= valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite -q \
              --suppressions=$(CURDIR)/tests/valgrind.supp
SAN_FLAGS   := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SAN_ENV     := ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: all deps test-deps check test unit-tests sanitize valgrind coverage run install uninstall deb screenshots \
        golden-update clean pot FORCE

all: $(BIN) $(MO_FILES)

# ---------------------------------------------------------------- build

# Rewritten only when its content changes, so objects rebuild exactly when flags change.
FLAGS_NOW := $(CC) | $(OUR_CFLAGS) | $(GEN_CFLAGS) | $(ALL_CPPFLAGS) | $(LDFLAGS) $(LIBS)
$(FLAGS_STAMP): FORCE
	@mkdir -p $(@D)
	@if [ "$$(cat $@ 2>/dev/null)" != '$(FLAGS_NOW)' ]; then printf '%s\n' '$(FLAGS_NOW)' > $@; fi

# The generators' command lines, like the compiler's: the scanner and parser are generated
# again when a flag changes (changing -Cf alone used to leave the old lexer.c in place).
FLEX_FLAGS  := -Cf
BISON_FLAGS := -Wall -Wcounterexamples -Werror
NOLAC_FLAGS := -Fparse.lac=none -Flr.default-reduction=most
GEN_STAMP   := $(GEN)/generators
GEN_NOW     := $(FLEX) $(FLEX_FLAGS) | $(BISON) $(BISON_FLAGS) | $(NOLAC_FLAGS)
$(GEN_STAMP): FORCE
	@mkdir -p $(@D)
	@if [ "$$(cat $@ 2>/dev/null)" != '$(GEN_NOW)' ]; then printf '%s\n' '$(GEN_NOW)' > $@; fi

# Multi-target pattern rules run their recipe once for both outputs (safe under -j).
$(GEN)/%.c $(GEN)/%.h: grammar/%.y $(GEN_STAMP)
	@mkdir -p $(@D)
	$(BISON) $(BISON_FLAGS) --header=$(GEN)/$*.h -o $(GEN)/$*.c $< \
	  || { rm -f $(GEN)/$*.c $(GEN)/$*.h; exit 1; }

# The same grammar once more without LAC (issue 20): front/parse.c runs this parser first and
# the LAC parser above only on a text where it met a syntax error, so messages keep LAC's exact
# expected-token lists while a clean text skips LAC's lookahead simulation. grammar/parser.y
# stays the one source: -F overrides its `%define parse.lac full`, and the one function the
# parser exports is renamed so both link (parser.y's %code provides declares yyparse_nolac).
# No header: the tables, token numbers and types are the grammar's, the same as parser.h's.
# Default reductions everywhere (`most`, bison's default): the grammar's `accepting` keeps the
# LAC parser from reducing past an error before it recovers; this parser never recovers, and
# reducing without consulting the lookahead costs fewer table lookups (-10% in yyparse).
$(GEN)/parser_nolac.c: grammar/parser.y $(GEN_STAMP)
	@mkdir -p $(@D)
	$(BISON) $(BISON_FLAGS) $(NOLAC_FLAGS) -o $@ $<
$(GEN)/parser_nolac.o: $(GEN)/parser_nolac.c $(FLAGS_STAMP)
	$(CC) $(GEN_CFLAGS) $(ALL_CPPFLAGS) -Dyyparse=yyparse_nolac -MMD -MP -c -o $@ $<

# -Cf: full, uncompressed tables, so the scanner's inner loop does one table
# lookup per byte instead of walking the compressed tables' base/check/default
# chain (lexing ~1.6x as fast). The price is ~175 KB of read-only tables
# (349 states x 256 bytes x 2), which ramme's other phases evict from L1 between
# courses; -Cfe's 32 KB table misses less but costs more instructions than the
# misses it saves (bench/README.md, "The scanner's tables and the cycles").
# Not -CF, though ~10% faster still: with 8bit
# its packed table is read out of bounds on some bytes such as 0xFF (ASan
# finds it; flex issue #628), which tests feed the scanner directly.
$(GEN)/%.c $(GEN)/%.h: grammar/%.l $(GEN_STAMP)
	@mkdir -p $(@D)
	$(FLEX) $(FLEX_FLAGS) --header-file=$(GEN)/$*.h -o $(GEN)/$*.c $< \
	  || { rm -f $(GEN)/$*.c $(GEN)/$*.h; exit 1; }

# The lexer includes parser.h and the parser includes lexer.h: both headers first.
# Naming the generated files in explicit rules also keeps make from treating them as
# intermediate files (deleting them after the build, or not remaking them when missing).
$(GEN)/parser.o: $(GEN)/parser.c $(GEN_HDRS)
$(GEN)/lexer.o: $(GEN)/lexer.c $(GEN_HDRS)
$(GEN)/%.o: $(GEN)/%.c $(GEN_HDRS) $(FLAGS_STAMP)
	$(CC) $(GEN_CFLAGS) $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

# Our objects may include the generated headers; the order-only prerequisite covers the
# first build, the -MMD dependency files every later one.
$(OBJ)/%.o: src/%.c $(FLAGS_STAMP) | $(GEN_HDRS)
	@mkdir -p $(@D)
	$(CC) $(OUR_CFLAGS) $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(LIB_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(MAIN_OBJ) $(LIB) $(FLAGS_STAMP)
	$(CC) $(CFLAGS) $(SANFLAGS) $(LDFLAGS) -o $@ $(MAIN_OBJ) $(LIB) $(LIBS)

# Named explicitly so make keeps them (not intermediate).
$(UNIT_OBJS): $(FLAGS_STAMP)

$(BUILD)/tests/obj/%.o: tests/unit/%.c $(FLAGS_STAMP) | $(GEN_HDRS)
	@mkdir -p $(@D)
	$(CC) $(OUR_CFLAGS) $(ALL_CPPFLAGS) -Itests/unit -MMD -MP -c -o $@ $<

$(BUILD)/tests/test_%: $(BUILD)/tests/obj/test_%.o $(LIB) $(FLAGS_STAMP)
	$(CC) $(CFLAGS) $(SANFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(TEST_LIBS) $(LIBS)

# --check: the format strings of each translation take the arguments of its msgid.
$(BUILD)/locale/%/LC_MESSAGES/ramme.mo: po/%.po
	@mkdir -p $(@D)
	$(MSGFMT) --check -o $@ $<

# The template the translations are made from (POT=FILE writes it elsewhere: tests/e2e/po.sh
# makes one in a temporary directory and fails when po/ramme.pot's messages differ).
POT ?= po/ramme.pot
pot:
	$(XGETTEXT) $(XGETTEXT_FLAGS) -o $(POT) $(sort $(SRCS)) grammar/parser.y grammar/lexer.l

unit-tests: $(UNIT_BINS)

# The evaluation rate alone (bench/evalrate.c, `make bench`). `make test` builds it too and
# tests/e2e/evalrate.sh checks its results (never its speed), so it cannot rot.
$(BUILD)/evalrate: bench/evalrate.c $(LIB) $(FLAGS_STAMP) | $(GEN_HDRS)
	$(CC) $(OUR_CFLAGS) $(ALL_CPPFLAGS) -MMD -MP -MF $(BUILD)/evalrate.d -MT $@ $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)

# The fuzz harnesses compiled (not linked: libFuzzer is clang's) with the library's
# headers on every `make test`, so an interface change cannot leave them behind
# unnoticed: they are built for real only by `make fuzz` (mk/fuzz.mk).
FUZZ_CHECK_OBJS := $(patsubst fuzz/%.c,$(BUILD)/fuzzobj/%.o,$(wildcard fuzz/fuzz_*.c))
$(BUILD)/fuzzobj/%.o: fuzz/%.c $(FLAGS_STAMP) | $(GEN_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(OUR_CFLAGS) $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

# The planner's solvers alone (bench/plansolve.c): the search, GLPK's MIP and both, timed on
# one plan file; built by `make test` too, so it cannot rot (never timed in a test).
$(BUILD)/plansolve: bench/plansolve.c $(LIB) $(FLAGS_STAMP) | $(GEN_HDRS)
	$(CC) $(OUR_CFLAGS) $(ALL_CPPFLAGS) -MMD -MP -MF $(BUILD)/plansolve.d -MT $@ $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)

-include $(wildcard $(OBJ)/*/*.d $(GEN)/*.d $(BUILD)/tests/obj/*.d $(BUILD)/evalrate.d $(BUILD)/plansolve.d $(BUILD)/fuzzobj/*.d)

# ---------------------------------------------------------------- tests

# `test` builds and runs everything in $(BUILD) without checking packages; `check` and
# `sanitize` are deps + `test`.  Each cmocka program's tests are counted from its output
# ("[  PASSED  ] N test(s)." / "[  FAILED  ] N test(s)"); a program that exits non-zero
# without reporting a failure (a crash, a sanitizer abort) counts one more failure, and a
# program that prints no summary at all counts as one test.  Each runs under
# `timeout $$UNIT_TIMEOUT` (default 120 s).
test: $(BIN) $(MO_FILES) $(UNIT_BINS) $(BUILD)/evalrate $(BUILD)/plansolve $(FUZZ_CHECK_OBJS)
	@pass=0; fail=0; \
	for t in $(UNIT_BINS); do \
	  out=$$(timeout $${UNIT_TIMEOUT:-120} "$$t" 2>&1 </dev/null); rc=$$?; \
	  read -r p f s < <(printf '%s\n' "$$out" | awk ' \
	    /^\[  PASSED  \] [0-9]+ test/ { p += $$4; s = 1 } \
	    /^\[  FAILED  \] [0-9]+ test/ { f += $$4; s = 1 } \
	    /^\[       OK \]/             { ok++ } \
	    END { if (!s) p = ok; print p + 0, f + 0, s + 0 }'); \
	  if [ "$$rc" -ne 0 ] && [ "$$f" -eq 0 ]; then f=1; fi; \
	  if [ "$$rc" -eq 0 ] && [ "$$s" -eq 0 ] && [ "$$p" -eq 0 ]; then p=1; fi; \
	  if [ "$$rc" -ne 0 ]; then printf '%s\n' "$$out"; fi; \
	  echo "unit: $${t##*/}: $$p passed, $$f failed$$( [ "$$rc" -eq 0 ] || echo " (exit status $$rc)")"; \
	  pass=$$((pass + p)); fail=$$((fail + f)); \
	done; \
	$(GOLDEN) $(abspath $(BIN)) $(GOLDEN_DIRS) > $(BUILD)/golden.log 2>&1; grc=$$?; \
	cat $(BUILD)/golden.log; \
	g=$$(sed -n 's/^golden: \([0-9]*\) passed, \([0-9]*\) failed$$/\1 \2/p' $(BUILD)/golden.log | tail -n 1); \
	if [ -z "$$g" ]; then g="0 1"; fi; \
	pass=$$((pass + $${g% *})); fail=$$((fail + $${g#* })); \
	if [ "$$grc" -ne 0 ] && [ "$${g#* }" -eq 0 ]; then fail=$$((fail + 1)); fi; \
	bash tests/e2e/run.sh $(abspath $(BIN)) > $(BUILD)/ics.log 2>&1; irc=$$?; \
	cat $(BUILD)/ics.log; \
	i=$$(sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed$$/\1 \2/p' $(BUILD)/ics.log | tail -n 1); \
	if [ -z "$$i" ]; then i="0 1"; fi; \
	pass=$$((pass + $${i% *})); fail=$$((fail + $${i#* })); \
	if [ "$$irc" -ne 0 ] && [ "$${i#* }" -eq 0 ]; then fail=$$((fail + 1)); fi; \
	echo "$$pass passed, $$fail failed"; \
	[ "$$fail" -eq 0 ]

deps:
	@bash mk/deps.sh

# What only the tests need: Debian's chromium renders the HTML reports and
# poppler-utils' pdftotext reads back what they print (tests/e2e/html.sh).
# Not in `deps`, which install and deb share.
test-deps: deps
	@bash mk/deps.sh chromium poppler-utils

check: test-deps
	@$(MAKE) --no-print-directory test

sanitize: test-deps
	@$(SAN_ENV) $(MAKE) --no-print-directory BUILD=build-san CFLAGS='-O1 -g' SANFLAGS='$(SAN_FLAGS)' test

valgrind: deps
	@bash mk/deps.sh valgrind
	@$(MAKE) --no-print-directory all
	@GOLDEN_TIMEOUT=$${GOLDEN_TIMEOUT:-120} $(GOLDEN) --wrap '$(VALGRIND)' $(abspath $(BIN)) $(GOLDEN_DIRS)

coverage: test-deps
	@$(MAKE) --no-print-directory BUILD=build-cov CFLAGS='-O0 -g' SANFLAGS='--coverage' test || true
	@for d in $(sort $(dir $(SRCS))); do gcov -n -o build-cov/obj/$${d#src/} $$d*.c; done 2>/dev/null | grep -A1 "^File 'src/" | grep -v '^--$$' \
	  | paste - - | sed "s/^File '\(.*\)'[[:space:]]*Lines executed:\(.*\)/\2  \1/" | sort -k1,1n

run: deps
	@$(MAKE) --no-print-directory all
	@bad=0; \
	for f in examples/*.ramme; do \
	  [ -e "$$f" ] || continue; \
	  echo "== $(BIN) check $$f"; \
	  $(BIN) check "$$f"; rc=$$?; \
	  echo "== $$f: exit status $$rc"; \
	  case $$rc in 0|1) ;; *) bad=1 ;; esac; \
	done; \
	for f in examples/*-plan.ramme; do \
	  [ -e "$$f" ] || continue; \
	  echo "== $(BIN) plan $$f"; \
	  $(BIN) plan "$$f"; rc=$$?; \
	  echo "== $$f: exit status $$rc"; \
	  case $$rc in 0|1) ;; *) bad=1 ;; esac; \
	done; \
	[ "$$bad" -eq 0 ] || { echo "make run: some example exited with a status other than 0 or 1"; exit 1; }

install: deps
	@$(MAKE) --no-print-directory all
	install -d '$(DESTDIR)$(PREFIX)/bin' '$(DESTDIR)$(PREFIX)/share/ramme' \
	  '$(DESTDIR)$(PREFIX)/share/man/man1' '$(DESTDIR)$(PREFIX)/share/bash-completion/completions'
	install -m 755 $(BIN) '$(DESTDIR)$(PREFIX)/bin/ramme'
	@set -- stdlib/*.ramme; if [ -e "$$1" ]; then \
	  echo "install -m 644 $$* '$(DESTDIR)$(PREFIX)/share/ramme/'"; \
	  install -m 644 "$$@" '$(DESTDIR)$(PREFIX)/share/ramme/'; fi
	install -d '$(DESTDIR)$(PREFIX)/share/ramme/init'
	install -m 644 stdlib/init/*.ramme '$(DESTDIR)$(PREFIX)/share/ramme/init/'
	@for mo in $(MO_FILES); do \
	  lang=$${mo#$(BUILD)/locale/}; lang=$${lang%%/*}; \
	  echo "install -D -m 644 $$mo '$(DESTDIR)$(PREFIX)/share/locale/$$lang/LC_MESSAGES/ramme.mo'"; \
	  install -D -m 644 "$$mo" '$(DESTDIR)$(PREFIX)/share/locale/'"$$lang"/LC_MESSAGES/ramme.mo; \
	done
	install -m 644 docs/ramme.1 '$(DESTDIR)$(PREFIX)/share/man/man1/ramme.1'
	install -m 644 completions/ramme.bash '$(DESTDIR)$(PREFIX)/share/bash-completion/completions/ramme'

uninstall:
	rm -f $(patsubst po/%.po,'$(DESTDIR)$(PREFIX)/share/locale/%/LC_MESSAGES/ramme.mo',$(PO_FILES))
	rm -f '$(DESTDIR)$(PREFIX)/bin/ramme' '$(DESTDIR)$(PREFIX)/share/man/man1/ramme.1' \
	  '$(DESTDIR)$(PREFIX)/share/bash-completion/completions/ramme'
	rm -rf '$(DESTDIR)$(PREFIX)/share/ramme'

# The Debian package: built apart (build-deb/, PREFIX=/usr) so build/ keeps its prefix.
deb: deps
	@$(MAKE) --no-print-directory BUILD=build-deb PREFIX=/usr all
	@bash mk/deb.sh build-deb $(VERSION)

golden-update: $(BIN)
	$(GOLDEN) --update $(abspath $(BIN)) $(GOLDEN_DIRS)

# The README's pictures of the HTML reports (docs/img/), after a change to
# how a report looks; review them before committing.
screenshots: test-deps $(BIN) $(MO_FILES)
	@bash docs/img/screenshots.sh $(BIN)

clean:
	rm -rf build build-san build-cov build-deb

FORCE:

# Fuzzing (libFuzzer, clang) and benchmarks: never part of `make check`.
include mk/fuzz.mk
-include mk/bench.mk
include mk/vscode.mk
