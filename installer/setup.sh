#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Installs what Toposcope needs to build, test, run and package on Debian 12, and nothing twice:
# when every package is present it only checks (a second or two) and runs no apt-get at all.
# Used by installer/run.sh and installer/test.sh; safe to run by hand at any time.
#
#   installer/setup.sh            install what is missing
#   installer/setup.sh --check    only report what is missing (exit 1 if something is)
#
# Runs as root, or as a user who may use sudo (apt-get is the only privileged step).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

check_only=0
case "${1:-}" in
    --check) check_only=1 ;;
    "") ;;
    -h|--help) sed -n '3,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
esac

# Debian 12 package names, grouped by what needs them. Audited against a minimal Debian 12 root
# (../shared/tools/fresh-debian): every find_package component, every tool a test, benchmark or
# script calls. --no-install-recommends below means a package that another needs only at build
# time must be named here (qt6-charts-dev's CMake package needs libqt6opengl6-dev, which it does
# not depend on).
packages=(
    # build: compiler, CMake, Ninja; Qt 6.4 Core/Network/Sql/Gui/Widgets/Test (qt6-base-dev),
    # Svg/SvgWidgets, Charts and the OpenGL CMake package that Charts' config requires
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-charts-dev libqt6opengl6-dev libgl-dev
    # formatting check (clang-format 14, Debian 12's)
    clang-format
    # fuzzers (libFuzzer and sanitizer runtimes)
    clang libclang-rt-14-dev
    # benchmarks: graphviz's dot and networkx as the yardsticks
    graphviz python3 python3-networkx
    # screenshots and GUI tests on a real X server; legible text offscreen
    xvfb xauth fonts-dejavu-core
    # Mermaid rendering (mermaid-cli drives Debian's Chromium, no browser download)
    chromium
    # the .deb: dpkg-shlibdeps needs file and dpkg-dev; the package check validates the entry
    dpkg-dev fakeroot file desktop-file-utils
    # live data and the lab: real servers started by Toposcope as private processes on loopback,
    # the MySQL driver for Qt SQL, the desktop keyring, load generation, the lab's app server
    haproxy nginx-light mariadb-server mariadb-client prometheus prometheus-haproxy-exporter
    prometheus-nginx-exporter prometheus-mysqld-exporter libqt6sql6-mysql qtkeychain-qt6-dev
    wrk python3-pymysql
    # the lab's DNS server (dnsmasq alone: no service, no configuration in /etc)
    dnsmasq-base
    # the live tests make a self-signed certificate for the HTTPS probe
    openssl
)

# Node.js: the machines ship node 20 (not from Debian); keep any node >= 18, otherwise take
# Debian's (18.x). npm comes with other builds of node, so only ask Debian for it when missing.
node_ok() { command -v node >/dev/null && node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' 2>/dev/null; }
if ! node_ok; then
    packages+=(nodejs npm)
elif ! command -v npm >/dev/null; then
    packages+=(npm)
fi

command -v dpkg-query >/dev/null || die "this script needs Debian 12 (dpkg-query not found)"

missing=()
# One dpkg-query for all: it prints a line per installed package and complains about the others.
installed="$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null || true)"
for p in "${packages[@]}"; do
    grep -q "^$p ii" <<<"$installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
    say "all ${#packages[@]} Debian packages are installed"
elif ((check_only)); then
    say "missing Debian packages: ${missing[*]}"
    exit 1
else
    if ((EUID == 0)); then
        sudo=()
    elif command -v sudo >/dev/null; then
        sudo=(sudo)
        say "apt-get needs root: asking sudo"
    else
        die "missing Debian packages: ${missing[*]}
       Install them as root (apt-get install ${missing[*]}), or run this script as root."
    fi
    say "installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    say "apt-get update"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    # Server packages (haproxy, nginx, mariadb, prometheus) start their system service from their
    # install scripts. Toposcope never uses those: its lab runs private instances on loopback. So,
    # unless the machine already has a policy, forbid service starts for the duration of the install
    # (Debian's invoke-rc.d policy hook; exit 101 means "not allowed").
    policy=/usr/sbin/policy-rc.d
    if [[ ! -e "$policy" ]]; then
        "${sudo[@]}" sh -c "printf '#!/bin/sh\n# installer/setup.sh: no service starts while installing\nexit 101\n' >$policy && chmod 755 $policy"
        trap '"${sudo[@]}" rm -f "$policy"' EXIT
    fi
    say "apt-get install"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Use-Pty=0 --no-install-recommends \
        "${missing[@]}"
    say "Debian packages installed"
fi

# mermaid-cli for rendering exported Mermaid (installer/mermaid/): `npm ci` again only when the
# lockfile changed since the last install, which the stamp in node_modules remembers.
mermaid="$root/installer/mermaid"
if [[ -f "$mermaid/package.json" ]]; then
    node_ok || die "node >= 18 is needed for mermaid-cli, found $(node --version 2>/dev/null || echo none)"
    lock="$mermaid/package-lock.json"
    stamp="$mermaid/node_modules/.toposcope-setup-stamp"
    want="$(cat "$mermaid/package.json" "$lock" 2>/dev/null | sha256sum | cut -d' ' -f1)"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        say "mermaid-cli is installed (installer/mermaid/node_modules is up to date)"
    elif ((check_only)); then
        say "mermaid-cli is not installed or out of date"
        exit 1
    else
        say "installing mermaid-cli in installer/mermaid (npm ci, Debian's chromium, no download)"
        if [[ -f "$lock" ]]; then
            npm_cmd=(npm ci)
        else
            npm_cmd=(npm install)
        fi
        (cd "$mermaid" && PUPPETEER_SKIP_DOWNLOAD=1 "${npm_cmd[@]}" --no-audit --no-fund)
        mkdir -p "$mermaid/node_modules"
        printf '%s\n' "$want" >"$stamp"
        say "mermaid-cli installed"
    fi
fi

say "ready"
