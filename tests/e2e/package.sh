#!/usr/bin/env bash
# tests/e2e/package.sh RAMME — `make deb` gives a Debian package that works
# like a real tool: it holds the binary, the standard library, the manual page
# and bash completion; its dependencies are satisfied here (dpkg --dry-run);
# the packaged binary uses its own share directory, not the source tree it
# was built in (RAMME_PATH still wins); the manual page names every command
# and option `ramme --help` lists; completion completes.
# Prints "package: N passed, N failed".
. "$(dirname "$0")/lib.bash" package "$@"

# The package is built as a release is, whatever build runs this test: not
# with `make sanitize`'s flags, which reach a sub-make through MAKEFLAGS.
if ! deb=$(cd "$root" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SANFLAGS -u CFLAGS \
             make --no-print-directory -s deb 2>"$tmp/make.err" | tail -n 1) || [ ! -f "$root/$deb" ]; then
  bad "make deb failed"; sed 's/^/    /' "$tmp/make.err" | tail -n 20
  e2e_done; exit 1
fi
deb=$root/$deb

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/ramme ./usr/share/ramme/prelude.ramme ./usr/share/ramme/national.ramme \
         ./usr/share/ramme/init/cohort.ramme ./usr/share/ramme/init/modular.ramme \
         ./usr/share/man/man1/ramme.1.gz ./usr/share/bash-completion/completions/ramme \
         ./usr/share/locale/da/LC_MESSAGES/ramme.mo \
         ./usr/share/doc/ramme/language.md ./usr/share/doc/ramme/examples/region-midt.ramme; do
  grep -qxF "$f" <<<"$contents" && ok || bad "$f is not in the package"
done
depends=$(dpkg-deb -f "$deb" Depends)
grep -q "libjansson" <<<"$depends" && grep -q "libical" <<<"$depends" && grep -q "libglpk" <<<"$depends" && ok || bad "Depends: $depends"
dpkg --dry-run -i "$deb" >"$tmp/dry" 2>&1 && ok || { bad "dpkg --dry-run -i"; cat "$tmp/dry"; }

dpkg-deb -x "$deb" "$tmp/root"
bin=$tmp/root/usr/bin/ramme
[ "$("$bin" --version)" = "ramme $(sed -n 's/^VERSION := //p' "$root/Makefile")" ] && ok || bad "--version: $("$bin" --version)"
# Outside the tree it was built in, the binary looks in /usr/share/ramme only.
if [ ! -e /usr/share/ramme ]; then
  (cd "$root/examples" && env -u RAMME_PATH "$bin" check region-midt.ramme) >"$tmp/out" 2>&1; rc=$?
  [ "$rc" = 2 ] && grep -q "cannot find the standard library" "$tmp/out" && ok \
    || { bad "the packaged binary found a standard library outside /usr/share/ramme (exit $rc)"; head -n 5 "$tmp/out"; }
fi
(cd "$root/examples" && RAMME_PATH=$tmp/root/usr/share/ramme "$bin" check region-midt.ramme) >"$tmp/pkg.out" 2>&1; rc=$?
(cd "$root/examples" && env -u RAMME_PATH "$ramme" check region-midt.ramme) >"$tmp/tree.out" 2>&1
# Through RAMME_PATH the modules are shown with their path; from the binary's
# own standard library by their file name (national.ramme:64:8).
sed -i "s|$tmp/root/usr/share/ramme/||g" "$tmp/pkg.out"
[ "$rc" = 0 ] && cmp -s "$tmp/pkg.out" "$tmp/tree.out" && ok \
  || { bad "the packaged stdlib judges differently (exit $rc)"; diff "$tmp/tree.out" "$tmp/pkg.out" | head -n 10; }

# The manual page renders, and names every command and option of --help.
page=$(MANWIDTH=100 man -l "$tmp/root/usr/share/man/man1/ramme.1.gz" 2>/dev/null)
grep -q "EXIT STATUS" <<<"$page" && grep -q "RAMME_PATH" <<<"$page" && ok || bad "the manual page does not render"
missing=""
for w in $("$ramme" --help | grep -oE '(^  [a-z]+ |--[a-z-]+|-[A-Za-z]\b)' | tr -d ' ' | sort -u); do
  grep -qF -- "$w" <<<"$page" || missing="$missing $w"
done
[ -z "$missing" ] && ok || bad "the manual page does not mention:$missing"

# Completion: commands, then formats after --format.
comp() { bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _ramme; echo "${COMPREPLY[*]}"' _ \
  "$tmp/root/usr/share/bash-completion/completions/ramme" "$@"; }
[ "$(comp ramme sch)" = "schedule" ] && ok || bad "completion of 'sch': $(comp ramme sch)"
[ "$(comp ramme schedule --format "")" = "text json csv ics html" ] && ok || bad "completion of --format: $(comp ramme schedule --format "")"
[ "$(comp ramme admit --format "")" = "text json csv html" ] && ok || bad "completion of admit --format: $(comp ramme admit --format "")"
[ "$(comp ramme diff --format "")" = "text json html" ] && ok || bad "completion of diff --format: $(comp ramme diff --format "")"
[ "$(comp ramme check --format "")" = "text json html brief" ] && ok || bad "completion of check --format: $(comp ramme check --format "")"
[ "$(comp ramme plan --format "")" = "text json csv ics html ramme dzn" ] && ok || bad "completion of plan --format: $(comp ramme plan --format "")"
[ "$(comp ramme pl)" = "plan" ] && ok || bad "completion of 'pl': $(comp ramme pl)"
[ "$(comp ramme ls)" = "lsp" ] && ok || bad "completion of 'ls': $(comp ramme ls)"
[ "$(comp ramme lsp -)" = "-I --lang --help" ] && ok || bad "completion of lsp options: $(comp ramme lsp -)"

e2e_done
