#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Installs what is missing, builds Toposcope (Release, Ninja, into build/) and opens it on the
# example design. Arguments are passed to the app: `installer/run.sh my.topo` opens that file.
#
# Environment: TOPOSCOPE_BUILD_DIR (default build), JOBS (default: number of cores).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${TOPOSCOPE_BUILD_DIR:-$root/build}"
jobs="${JOBS:-$(nproc)}"

start=$SECONDS
# Each line says how long the command has run, so a log shows what each phase cost.
say() { printf 'run: [%dm%02ds] %s\n' $(((SECONDS - start) / 60)) $(((SECONDS - start) % 60)) "$*"; }

"$here/setup.sh"

say "configuring $build (Release, Ninja)"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
say "building toposcope with $jobs jobs"
cmake --build "$build" --target toposcope -j "$jobs"

app="$build/app/toposcope"
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    say "built $app, but there is no display to open it on (DISPLAY is not set)."
    say "In a desktop session, run:  $app $*"
    say "Here, under a virtual X server (for screenshots):"
    say "  xvfb-run -a -s '-screen 0 1600x1000x24' $app $*"
    exit 0
fi
say "opening $app${*:+ $*}"
exec "$app" "$@"
