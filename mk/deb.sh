#!/usr/bin/env bash
# mk/deb.sh BUILD VERSION — the Debian package of ramme from BUILD/ramme (built
# with PREFIX=/usr by `make deb`): the binary, the standard library, the manual
# page, bash completion, and the users' reference with the examples.  Writes
# BUILD/ramme_VERSION_ARCH.deb and prints its path.  The dependencies are the
# packages that hold the shared libraries the binary links, at the versions
# installed here (what dpkg-shlibdeps would find, without a debian/ tree).
set -euo pipefail
build=$1 version=$2
cd "$(dirname "$0")/.."
bin=$build/ramme
[ -x "$bin" ] || { echo "mk/deb.sh: no $bin" >&2; exit 1; }
arch=$(dpkg --print-architecture)
stage=$build/deb-root
rm -rf "$stage"
install -d "$stage/DEBIAN" "$stage/usr/bin" "$stage/usr/share/ramme" "$stage/usr/share/man/man1" \
  "$stage/usr/share/bash-completion/completions" "$stage/usr/share/doc/ramme/examples"
install -m 755 -s "$bin" "$stage/usr/bin/ramme"
install -m 644 stdlib/*.ramme "$stage/usr/share/ramme/"
install -d "$stage/usr/share/ramme/init"
install -m 644 stdlib/init/*.ramme "$stage/usr/share/ramme/init/"
# The message catalogues (po/*.po, built by make into BUILD/locale).
for mo in "$build"/locale/*/LC_MESSAGES/ramme.mo; do
  [ -e "$mo" ] || continue
  lang=${mo#"$build"/locale/}; lang=${lang%%/*}
  install -D -m 644 "$mo" "$stage/usr/share/locale/$lang/LC_MESSAGES/ramme.mo"
done
gzip -9n < docs/ramme.1 > "$stage/usr/share/man/man1/ramme.1.gz"
chmod 644 "$stage/usr/share/man/man1/ramme.1.gz"
install -m 644 completions/ramme.bash "$stage/usr/share/bash-completion/completions/ramme"
install -m 644 docs/language.md "$stage/usr/share/doc/ramme/language.md"
install -m 644 examples/*.ramme examples/*.csv "$stage/usr/share/doc/ramme/examples/"
cat > "$stage/usr/share/doc/ramme/copyright" <<'TXT'
ramme: a rules engine for peer-support course designs.
The stdlib files quote the Danish framework "Ramme for peer-uddannelser"
(Socialstyrelsen, Region Hovedstaden, Region Midtjylland, Region Sjælland, 2018).
TXT

# Depends: the package of each shared library the binary itself names
# (NEEDED), found where the dynamic linker finds it, and of libical and
# GLPK, which the iCalendar writer and the planner open with dlopen
# (src/emit/icslib.h, src/apps/glpklib.h): their sonames are strings in the
# binary.
needed=$(objdump -p "$bin" | awk '/NEEDED/ {print $2}')
opened=$(strings -a "$bin" | grep -xE '(libical|libglpk)\.so\.[0-9]+' | sort -u)
depends=$(for so in $needed $opened; do
  lib=$(ldd "$bin" | awk -v so="$so" '$1 == so && $3 ~ /^\// {print $3}')
  [ -n "$lib" ] || lib=$(ldconfig -p | awk -v so="$so" '$1 == so {print $NF; exit}')
  [ -n "$lib" ] || continue
  pkg=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -n 1 | cut -d: -f1) || true
  [ -n "$pkg" ] || pkg=$(dpkg -S "$lib" 2>/dev/null | head -n 1 | cut -d: -f1) || true
  [ -n "$pkg" ] || continue
  ver=$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null | sed 's/-[^-]*$//')
  echo "$pkg (>= ${ver%%+*})"
done | sort -u | paste -sd, - | sed 's/,/, /g')
size=$(du -sk "$stage/usr" | cut -f1)
cat > "$stage/DEBIAN/control" <<CTL
Package: ramme
Version: $version
Architecture: $arch
Maintainer: ramme developers <ramme@localhost>
Installed-Size: $size
Depends: $depends
Section: utils
Priority: optional
Description: check, schedule and screen peer-support course designs
 ramme reads course designs for a Danish peer-uddannelse written in its own
 small language, judges them against the national framework "Ramme for
 peer-uddannelser" and local frameworks, places a cohort's sessions on the
 Danish calendar (text, JSON, CSV, iCalendar) and screens applicants
 against a course's admission rules.
CTL
deb=$build/ramme_${version}_${arch}.deb
dpkg-deb --root-owner-group --build "$stage" "$deb" >/dev/null
echo "$deb"
