#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets with clang, AddressSanitizer and UndefinedBehaviorSanitizer in a
# build directory of their own, then runs each for a bounded time. Fails on any crash, hang
# (an input that takes more than 5 s), memory blow-up or sanitizer report; the input that did
# it is left in $BUILD/fuzz-artifacts.
#   tests/fuzz/run-fuzzers.sh                 # 60 s per target
#   FUZZ_SECONDS=600 tests/fuzz/run-fuzzers.sh
# Environment: FUZZ_SECONDS (default 60), TOPOSCOPE_FUZZ_BUILD (default build-fuzz in the
# source tree), JOBS (default 2).
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${TOPOSCOPE_FUZZ_BUILD:-$src/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
jobs=${JOBS:-2}

command -v clang++ >/dev/null || { echo "run-fuzzers.sh: clang++ is not installed" >&2; exit 2; }
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTOPOSCOPE_BUILD_FUZZERS=ON >/dev/null
# The live parsers' targets (see CMakeLists.txt).
live="haproxycsv haproxyruntime stubstatus prometheustext prometheusapi accesslog mysqlstatus"
ninja -C "$build" -j"$jobs" fuzz_mermaid fuzz_topofile fuzz_recording $(printf 'fuzz_%s ' $live)

status=0
for target in mermaid topofile recording $live; do
    corpus="$build/fuzz-corpus/$target"
    artifacts="$build/fuzz-artifacts"
    mkdir -p "$corpus" "$artifacts"
    dict=""
    [ -f "$src/tests/fuzz/$target.dict" ] && dict="-dict=$src/tests/fuzz/$target.dict"
    echo "== fuzz_$target for ${seconds}s"
    # New inputs go to the build's corpus; the seeds in the source tree are only read.
    # libFuzzer reports every new input; keep that in a log and show its end (all of it, with
    # the sanitizer's report, when the run fails).
    log="$build/fuzz-$target.log"
    if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=64 UBSAN_OPTIONS=print_stacktrace=1 \
        "$build/tests/fuzz/fuzz_$target" $dict -max_total_time="$seconds" -timeout=5 \
        -rss_limit_mb=2048 -max_len=32768 -print_final_stats=1 \
        -artifact_prefix="$artifacts/$target-" "$corpus" "$src/tests/fuzz/corpus/$target" \
        >"$log" 2>&1; then
        tail -n 80 "$log" >&2
        echo "run-fuzzers.sh: fuzz_$target failed (whole log: $log); reproduce with:" >&2
        echo "  $build/tests/fuzz/fuzz_$target $artifacts/$target-*" >&2
        status=1
    else
        grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || tail -n 3 "$log"
    fi
done
exit $status
