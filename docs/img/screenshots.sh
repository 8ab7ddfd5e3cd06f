#!/usr/bin/env bash
# docs/img/screenshots.sh RAMME [DIR] — the README's pictures of the HTML
# reports: each report of the bundled examples, in Danish (the coordinators'
# language), rendered by headless Chromium into DIR (default: this folder).
# `make screenshots` runs it; tests/e2e/html.sh runs it into its artefacts
# so a report that stops rendering fails there, not in the README.
set -euo pipefail
ramme=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${2:-$root/docs/img}
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# From the top of the repository, with the stdlib the binary finds itself,
# so the pages show places as a coordinator sees them: examples/... and
# national.ramme:41, no machine paths.
cd "$root"
E=examples
# The reports' exit statuses say what they found (1: a rule failed), not
# whether the page was written: `|| true`, and the PNG check below decides.
"$ramme" check --format html --coverage --lang da "$E/variant-theory-hours.ramme" > "$tmp/check.html" || true
"$ramme" schedule --format html --lang da "$E/frederikshavn.ramme" > "$tmp/schedule.html" || true
"$ramme" plan --format html --lang da "$E/region-midt-plan.ramme" > "$tmp/plan.html" || true
"$ramme" diff --format html --lang da "$E/municipal-variant.ramme" region_midt midt_variant > "$tmp/diff.html" || true
"$ramme" admit --format html --lang da "$E/frederikshavn.ramme" --applicants "$E/applicants.csv" > "$tmp/admit.html" || true
shot() { # NAME WIDTH HEIGHT
  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$tmp/profile" \
    --window-size="$2,$3" --screenshot="$out/$1.png" "file://$tmp/$1.html" > /dev/null 2>&1
  [ "$(head -c 8 "$out/$1.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || { echo "screenshots: no $1.png" >&2; exit 1; }
}
shot check 1000 1400
shot schedule 1000 1400
shot plan 1300 1300
shot diff 1000 780
shot admit 1000 600
