#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Builds the Debian package from a configured and built build directory into a temporary
# directory and checks what a user would get: the package's name, version and dependencies,
# the binary, .desktop entry, icon, MIME type and examples in place, the desktop entry valid,
# and the packaged binary answering --version.
#
#   installer/check-package.sh BUILD_DIR
set -euo pipefail

build="$(cd "${1:?usage: check-package.sh BUILD_DIR}" && pwd)"
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/toposcope-package.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

failures=0
check() { # description, command...
    local what="$1"
    shift
    if "$@" >/dev/null 2>&1; then
        printf 'ok:   %s\n' "$what"
    else
        printf 'FAIL: %s\n' "$what"
        failures=$((failures + 1))
    fi
}
for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate update-mime-database; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (run installer/setup.sh)"; exit 1; }
done

version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' \
    "$build/CPackConfig.cmake" | head -1)"
echo "building the package (version $version) in $tmp"
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log"
    echo "FAIL: cpack -G DEB"
    exit 1
fi
deb="$(find "$tmp" -maxdepth 1 -name 'toposcope_*.deb' | head -1)"
[[ -n "$deb" ]] || { cat "$tmp/cpack.log"; echo "FAIL: cpack made no toposcope_*.deb"; exit 1; }
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

field() { dpkg-deb -f "$deb" "$1"; }
contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
has() { grep -qx "$1" <<<"$contents"; }

check "package name is toposcope" test "$(field Package)" = toposcope
check "package version is $version" test "$(field Version)" = "$version"
check "dependencies computed (Qt 6 widgets among them)" grep -q 'libqt6widgets6' <<<"$(field Depends)"
check "chromium suggested" grep -qw chromium <<<"$(field Suggests)"
check "the lab's servers suggested" grep -qw haproxy <<<"$(field Suggests)"
check "Qt SQL's MySQL driver recommended" grep -qw libqt6sql6-mysql <<<"$(field Recommends)"
check "description present" test -n "$(field Description)"
check "binary in /usr/bin" has ./usr/bin/toposcope
check "desktop entry installed" has ./usr/share/applications/toposcope.desktop
check "icon installed" has ./usr/share/icons/hicolor/scalable/apps/toposcope.svg
check "MIME type installed" has ./usr/share/mime/packages/toposcope.xml
for example in "$source_dir"/resources/examples/*.topo; do
    [[ -e "$example" ]] || continue
    check "example $(basename "$example") installed" \
        has "./usr/share/toposcope/examples/$(basename "$example")"
done

dpkg-deb -x "$deb" "$tmp/root"
check "desktop entry valid (desktop-file-validate)" \
    desktop-file-validate "$tmp/root/usr/share/applications/toposcope.desktop"
check "desktop entry launches toposcope with files" \
    grep -qx 'Exec=toposcope %F' "$tmp/root/usr/share/applications/toposcope.desktop"
mkdir -p "$tmp/mime/packages"
cp "$tmp/root/usr/share/mime/packages/toposcope.xml" "$tmp/mime/packages/"
check "MIME type registers *.topo (update-mime-database)" \
    bash -c "update-mime-database '$tmp/mime' && grep -q 'application/x-toposcope:\*\.topo' '$tmp/mime/globs2'"
check "icon is an SVG" grep -q '<svg' "$tmp/root/usr/share/icons/hicolor/scalable/apps/toposcope.svg"
check "packaged binary prints its version" \
    test "$("$tmp/root/usr/bin/toposcope" --version 2>&1)" = "toposcope $version"

if ((failures > 0)); then
    echo "$failures package check(s) failed"
    exit 1
fi
echo "package checks passed"
