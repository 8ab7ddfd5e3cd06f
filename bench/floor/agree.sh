#!/usr/bin/env bash
# agree.sh — does the parse-only floor accept and reject what ramme's parser does?
#
#     bash bench/floor/agree.sh [BUILD]        (BUILD: build-bench by default)
#
# For every .ramme file under examples/, stdlib/, tests/ and fuzz/, the floor's exit status
# (0: parses) is set against `ramme fmt`'s, which parses without checking and fails on a
# syntax error or a scanner error. Two kinds of file differ by design, and are listed apart:
# a file that is not UTF-8 (ramme checks the text before it parses it; the floor does not)
# and a block whose '{' stands on the next line (the grammar accepts it, and its action,
# which the floor does not have, reports it). Exit 1 when any other file differs.
set -u
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
floor=$build/floor ramme=$build/ramme
[ -x "$floor" ] && [ -x "$ramme" ] || { echo "agree.sh: build $floor and $ramme first (make bench-build)" >&2; exit 2; }
same=0 known=0 bad=0
while IFS= read -r -d '' f; do
    timeout 20 "$floor" "$f" >/dev/null 2>&1; a=$?
    timeout 20 "$ramme" fmt "$f" >/dev/null 2>&1; b=$?
    if [ $((a == 0)) = $((b == 0)) ]; then
        same=$((same + 1))
    elif [ $a = 0 ] && { ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || grep -q '^[[:space:]]*{' "$f"; }; then
        known=$((known + 1))
        echo "known: $f (floor $a, ramme fmt $b)"
    else
        bad=$((bad + 1))
        echo "DIFFERENT: $f (floor $a, ramme fmt $b)"
    fi
done < <(find examples stdlib tests fuzz -name '*.ramme' -print0 | sort -z)
echo "agree.sh: $same files alike, $known known differences, $bad other differences"
[ $bad = 0 ]
