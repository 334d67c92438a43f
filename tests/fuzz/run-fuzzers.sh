#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (every tests/fuzz/fuzz_*.cpp) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in a build directory of their own, then runs them, JOBS at a time,
# each for a bounded time. Fails on any crash, hang (an input that takes more than 5 s), memory
# blow-up, sanitizer report or broken property of a writer (the SVG, Mermaid and report
# writers check what they write); the input that did it is left in $BUILD/fuzz-artifacts.
#   tests/fuzz/run-fuzzers.sh                 # 60 s per target
#   FUZZ_SECONDS=600 tests/fuzz/run-fuzzers.sh
#   FUZZ_BUDGET=180 tests/fuzz/run-fuzzers.sh # about 180 s of wall time for all targets
# Environment: FUZZ_SECONDS (per target, default 60), FUZZ_BUDGET (wall seconds for all of them:
# sets FUZZ_SECONDS, at least 10 s each), TOPOSCOPE_FUZZ_BUILD (default build-fuzz in the
# source tree), JOBS (default 2), FUZZ_TARGETS (default every target, e.g. "svgwriter mermaid").
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${TOPOSCOPE_FUZZ_BUILD:-$src/build-fuzz}
jobs=${JOBS:-2}
targets=${FUZZ_TARGETS:-$(cd "$src/tests/fuzz" && ls fuzz_*.cpp | sed 's/^fuzz_//; s/\.cpp$//')}
count=$(echo "$targets" | wc -w)
if [ -n "${FUZZ_BUDGET:-}" ]; then
    seconds=$(( FUZZ_BUDGET * jobs / count ))
    [ "$seconds" -ge 10 ] || seconds=10
else
    seconds=${FUZZ_SECONDS:-60}
fi

command -v clang++ >/dev/null || { echo "run-fuzzers.sh: clang++ is not installed" >&2; exit 2; }
launcher=""
command -v ccache >/dev/null && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
# shellcheck disable=SC2086 # $launcher is empty or one word
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ $launcher \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DTOPOSCOPE_BUILD_FUZZERS=ON >/dev/null
ninja -C "$build" -j"$jobs" $(for t in $targets; do printf 'fuzz_%s ' "$t"; done)

run_one() {
    target=$1
    corpus="$build/fuzz-corpus/$target"
    artifacts="$build/fuzz-artifacts"
    mkdir -p "$corpus" "$artifacts"
    dict=""
    [ -f "$src/tests/fuzz/$target.dict" ] && dict="-dict=$src/tests/fuzz/$target.dict"
    echo "== fuzz_$target for ${seconds}s"
    # The readers also start from the inputs that once broke them (issue 11).
    seeds=""
    case $target in topofile | mermaid) seeds="$src/tests/fixtures/hostile" ;; esac
    # New inputs go to the build's corpus; the seeds in the source tree are only read.
    # libFuzzer reports every new input; keep that in a log and show its end (all of it, with
    # the sanitizer's report, when the run fails).
    log="$build/fuzz-$target.log"
    if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=64 UBSAN_OPTIONS=print_stacktrace=1 \
        LSAN_OPTIONS="suppressions=$src/tests/fuzz/lsan.supp:print_suppressions=0" \
        QT_QPA_PLATFORM=offscreen "$build/tests/fuzz/fuzz_$target" $dict -max_total_time="$seconds" -timeout=5 \
        -rss_limit_mb=2048 -max_len=32768 -print_final_stats=1 \
        -artifact_prefix="$artifacts/$target-" "$corpus" "$src/tests/fuzz/corpus/$target" $seeds \
        >"$log" 2>&1; then
        tail -n 80 "$log" >&2
        echo "run-fuzzers.sh: fuzz_$target failed (whole log: $log); reproduce with:" >&2
        echo "  $build/tests/fuzz/fuzz_$target $artifacts/$target-*" >&2
        return 1
    else
        grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || tail -n 3 "$log"
    fi
}

# Each target's summary (or its failure) goes to its own file, printed in order at the end.
status=0
running=0
for target in $targets; do
    ( if run_one "$target" >"$build/fuzz-$target.out" 2>&1; then echo 0; else echo 1; fi \
        >"$build/fuzz-$target.rc" ) &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait
        running=0
    fi
done
wait
for target in $targets; do
    cat "$build/fuzz-$target.out"
    [ "$(cat "$build/fuzz-$target.rc")" = 0 ] || status=1
done
exit $status
