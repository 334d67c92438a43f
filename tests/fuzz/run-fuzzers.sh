#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets with clang, AddressSanitizer and UndefinedBehaviorSanitizer in a
# build directory of their own, then runs each for a bounded time: the readers (topofile,
# mermaid) and the writers (svgwriter, mermaidwriter, reportwriter), JOBS at a time, so the
# stage takes about FUZZ_SECONDS × targets / JOBS. Fails on any crash, hang (an input that takes
# more than 5 s), memory blow-up, sanitizer report or broken property of a writer; the input
# that did it is left in $BUILD/fuzz-artifacts.
#   tests/fuzz/run-fuzzers.sh                 # 60 s per target
#   FUZZ_SECONDS=600 tests/fuzz/run-fuzzers.sh
# Environment: FUZZ_SECONDS (default 60), TOPOSCOPE_FUZZ_BUILD (default build-fuzz in the
# source tree), JOBS (default 2; targets run at once and build jobs), FUZZ_TARGETS (default all).
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${TOPOSCOPE_FUZZ_BUILD:-$src/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
jobs=${JOBS:-2}
targets=${FUZZ_TARGETS:-topofile mermaid svgwriter mermaidwriter reportwriter}

command -v clang++ >/dev/null || { echo "run-fuzzers.sh: clang++ is not installed" >&2; exit 2; }
launcher=""
command -v ccache >/dev/null && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ $launcher \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTOPOSCOPE_BUILD_FUZZERS=ON >/dev/null
names=""
for target in $targets; do names="$names fuzz_$target"; done
# shellcheck disable=SC2086 # a list of target names
ninja -C "$build" -j"$jobs" $names

artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"

# Runs one target; its exit status says whether it passed. Output goes to its log.
run() {
    target=$1
    corpus="$build/fuzz-corpus/$target"
    mkdir -p "$corpus"
    dict=""
    [ -f "$src/tests/fuzz/$target.dict" ] && dict="-dict=$src/tests/fuzz/$target.dict"
    # The readers also start from the inputs that once broke them (issue 11).
    seeds=""
    case $target in topofile | mermaid) seeds="$src/tests/fixtures/hostile" ;; esac
    # New inputs go to the build's corpus; the seeds in the source tree are only read.
    # shellcheck disable=SC2086 # $dict and $seeds are empty or one word
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=64 \
        UBSAN_OPTIONS=print_stacktrace=1 QT_QPA_PLATFORM=offscreen \
        "$build/tests/fuzz/fuzz_$target" $dict -max_total_time="$seconds" -timeout=5 \
        -rss_limit_mb=2048 -max_len=32768 -print_final_stats=1 \
        -artifact_prefix="$artifacts/$target-" "$corpus" "$src/tests/fuzz/corpus/$target" $seeds \
        >"$build/fuzz-$target.log" 2>&1
}

# Reports one finished target; returns 1 when it failed.
report() {
    target=$1
    code=$2
    log="$build/fuzz-$target.log"
    echo "== fuzz_$target (${seconds}s)"
    if [ "$code" -ne 0 ]; then
        tail -n 80 "$log" >&2
        echo "run-fuzzers.sh: fuzz_$target failed (whole log: $log); reproduce with:" >&2
        echo "  $build/tests/fuzz/fuzz_$target $artifacts/$target-*" >&2
        return 1
    fi
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || tail -n 3 "$log"
}

status=0
# shellcheck disable=SC2086 # a list of target names
set -- $targets
while [ $# -gt 0 ]; do
    batch=""
    pids=""
    n=0
    while [ $# -gt 0 ] && [ "$n" -lt "$jobs" ]; do
        run "$1" &
        pids="$pids $!"
        batch="$batch $1"
        n=$((n + 1))
        shift
    done
    i=0
    for pid in $pids; do
        i=$((i + 1))
        target=$(echo $batch | cut -d' ' -f$i)
        code=0
        wait "$pid" || code=$?
        report "$target" "$code" || status=1
    done
done
exit $status
