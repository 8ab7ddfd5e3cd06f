#!/usr/bin/env bash
# mk/deps.sh [PACKAGE...] — install the Debian packages ramme needs, if any is missing.
# With no arguments checks the build and test packages; `make valgrind` passes `valgrind`.
# Silent when everything is present.  Uses sudo when not root (and sudo exists).
set -euo pipefail

if [ "$#" -gt 0 ]; then
  pkgs=("$@")
else
  # python3-icalendar and tzdata: the independent read-back of .ics output in the tests.
  # gettext: msgfmt builds the catalogues (po/), xgettext the template.
  pkgs=(flex bison gettext pkg-config libjansson-dev libcmocka-dev libunistring-dev libical-dev libcsv-dev libglpk-dev python3-icalendar tzdata)
fi

if ! command -v dpkg >/dev/null 2>&1; then
  echo "mk/deps.sh: no dpkg here; make sure these (Debian names) are installed: ${pkgs[*]}" >&2
  exit 0
fi

missing=()
for p in "${pkgs[@]}"; do
  # dpkg -s also succeeds for removed-but-configured packages: check the status line.
  if ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed$'; then
    missing+=("$p")
  fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "mk/deps.sh: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "mk/deps.sh: not root and no sudo; install these yourself: ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
