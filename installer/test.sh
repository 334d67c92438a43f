#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Installs what is missing, builds Toposcope with its tests (warnings are errors) and runs every
# test: the CTest suites (GUI tests on the offscreen platform) and, when they exist, the fuzzers
# for a bounded time. Exits non-zero on any failure; the last line sums up.
#
# Environment: TOPOSCOPE_BUILD_DIR (default build), JOBS (build jobs, default: number of cores),
# TEST_JOBS (parallel tests, default 2), FUZZ_BUDGET (wall seconds for all fuzz targets, default
# 180) or FUZZ_SECONDS (per fuzz target instead),
# CTEST_ARGS (extra ctest arguments, e.g. "-R tst_cli").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${TOPOSCOPE_BUILD_DIR:-$root/build}"
jobs="${JOBS:-$(nproc)}"
test_jobs="${TEST_JOBS:-2}"
start=$SECONDS

elapsed() { printf '%dm%02ds' $(((SECONDS - start) / 60)) $(((SECONDS - start) % 60)); }
# Each line says how long the command has run, so a log shows what each phase cost.
say() { printf 'test: [%s] %s\n' "$(elapsed)" "$*"; }
fail() {
    say "FAILED: $* (after $(elapsed))"
    exit 1
}

"$here/setup.sh" || fail "installing the dependencies"

say "checking the formatting (.clang-format)"
bash "$here/check-format.sh" || fail "formatting: run installer/check-format.sh --fix"

# Same build directory and build type as run.sh, so running both builds once.
say "configuring $build (Release, Ninja, warnings are errors, tests on)"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTOPOSCOPE_WERROR=ON \
    -DTOPOSCOPE_BUILD_TESTS=ON >/dev/null || fail "configuring"
say "building with $jobs jobs"
cmake --build "$build" -j "$jobs" || fail "building"

say "running the tests ($test_jobs at a time)"
log="$build/test-ctest.log"
status=0
# shellcheck disable=SC2086 # CTEST_ARGS is a list of words on purpose
(cd "$build" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$test_jobs" \
    --timeout 600 ${CTEST_ARGS:-}) 2>&1 | tee "$log" || status=1
passed=0
failed=0
if summary_line="$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log")"; then
    failed="$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$summary_line")"
    total="$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$summary_line")"
    passed=$((total - failed))
elif ((status != 0)); then
    failed=1
fi

# The .deb installed as a user would, then run with no display. It installs into /usr, so only on
# CI (CI is set) and where apt-get may run without asking: root, or sudo without a password.
if [[ -n "${CI:-}" ]] && { ((EUID == 0)) || sudo -n true 2>/dev/null; }; then
    say "installing the .deb and running the installed toposcope (installer/check-install.sh)"
    if bash "$here/check-install.sh" "$build"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        status=1
        say "install check: FAILED"
    fi
else
    say "install check skipped (only on CI, as root or with sudo): installer/check-install.sh $build"
fi

fuzz="$root/tests/fuzz/run-fuzzers.sh"
if [[ -f "$fuzz" ]]; then
    # A wall-time budget for all targets together (two at a time), so that adding a target
    # does not lengthen CI; FUZZ_SECONDS instead sets the time of each.
    if [[ -n "${FUZZ_SECONDS:-}" ]]; then
        say "running the fuzzers ($FUZZ_SECONDS s per target)"
    else
        export FUZZ_BUDGET="${FUZZ_BUDGET:-180}"
        say "running the fuzzers (about $FUZZ_BUDGET s in all)"
    fi
    if TOPOSCOPE_SOURCE_DIR="$root" bash "$fuzz"; then
        passed=$((passed + 1))
        say "fuzzers: no crash, hang or sanitizer report"
    else
        failed=$((failed + 1))
        status=1
        say "fuzzers: FAILED"
    fi
else
    say "no tests/fuzz/run-fuzzers.sh yet: fuzzers skipped"
fi

((failed == 0)) || status=1
say "finished in $(elapsed)"
printf 'summary: %d passed, %d failed\n' "$passed" "$failed"
exit "$status"
