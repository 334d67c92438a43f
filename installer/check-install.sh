#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Installs the Debian package as a user would (apt-get install ./toposcope_*.deb, its dependencies
# from Debian) and runs the installed program with no display: --version, validate on an installed
# example, export --png. Then removes the package again, unless it was installed before.
# It changes the machine (installs into /usr), so it is meant for a fresh root or CI:
#
#   installer/check-install.sh BUILD_DIR
#   ../shared/tools/fresh-debian 'installer/setup.sh && cmake -S . -B build -G Ninja \
#       -DCMAKE_BUILD_TYPE=Release -DTOPOSCOPE_BUILD_TESTS=OFF && cmake --build build &&
#       installer/check-install.sh build'
#
# installer/test.sh runs it when CI is set and it may use apt-get (root, or sudo without a password).
set -euo pipefail

build="$(cd "${1:?usage: check-install.sh BUILD_DIR}" && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/toposcope-install.XXXXXX")"
sudo=()
((EUID == 0)) || sudo=(sudo -n)
was_installed=0
dpkg-query -W -f='${db:Status-Abbrev}' toposcope 2>/dev/null | grep -q '^ii' && was_installed=1
cleanup() {
    if ((was_installed == 0)); then
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q toposcope >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

failures=0
check() { # description, command...
    local what="$1"
    shift
    if "$@" >"$tmp/out" 2>&1; then
        printf 'ok:   %s\n' "$what"
    else
        printf 'FAIL: %s\n' "$what"
        sed 's/^/      /' "$tmp/out" | head -20
        failures=$((failures + 1))
    fi
}

version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake" | head -1)"
echo "building the package (version $version)"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1; }
deb="$(find "$tmp" -maxdepth 1 -name 'toposcope_*.deb' | head -1)"
[[ -n "$deb" ]] || { echo "FAIL: cpack made no toposcope_*.deb"; exit 1; }

echo "installing $(basename "$deb") with apt-get"
check "apt-get install ./$(basename "$deb")" \
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb"

# No display, no platform chosen: as on a server or in a terminal over ssh.
run() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$@"; }
example=/usr/share/toposcope/examples/distributed.topo
check "/usr/bin/toposcope --version prints the version" \
    bash -c "test \"\$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/toposcope --version)\" = 'toposcope $version'"
check "the example design is installed" test -s "$example"
# validate exits 1 when it finds a critical issue (the example has some on purpose): 0 or 1 is an answer.
check "toposcope validate $example answers" \
    bash -c "env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/toposcope validate '$example' --format json >'$tmp/findings.json'; rc=\$?; ((rc == 0 || rc == 1)) && grep -q '\"findings\"' '$tmp/findings.json'"
check "toposcope export --png draws a PNG with no display" \
    bash -c "env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/toposcope export '$example' --png '$tmp/d.png' && head -c 8 '$tmp/d.png' | od -An -c | grep -q 'P   N   G'"
check "toposcope export --svg and --report" \
    run /usr/bin/toposcope export "$example" --svg "$tmp/d.svg" --report "$tmp/d.md"

if ((failures > 0)); then
    echo "$failures install check(s) failed"
    exit 1
fi
echo "install checks passed"
