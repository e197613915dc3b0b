#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/) with -sanitize=fuzzer,address in .build-fuzz and runs each for a
# bounded time, starting from the seeds in Fuzz/Seeds/<target> and the corpus it grew before
# (.build-fuzz/corpus/<target>). Prints executions, coverage and findings per target; a crash leaves a
# reproducer in .build-fuzz/findings/<target>/ and makes the script fail.
#
# Usage: scripts/fuzz.sh [seconds per target, default 60] [target ...]   (FUZZ_RUNS=N: stop after N runs;
# FUZZ_MAX_LEN=N: longest input, default 4096)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(fuzz-json fuzz-upstream fuzz-query fuzz-locale-tags fuzz-locale-file fuzz-differential)
SWIFT=${SWIFT:-swift}
export CHECKOUT_MESSAGES_FUZZ=1  # Package.swift declares the fuzz targets only then

scripts/ensure-dependencies.sh
# Every module: AddressSanitizer and the coverage libFuzzer follows. libFuzzer itself comes from the
# toolchain's clang runtime, without its `main`; an archive only adds what a link needs, so every link gets it.
libfuzzer=$(find "$(dirname "$(dirname "$(command -v "$SWIFT")")")/lib" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -1)
[ -n "$libfuzzer" ] || { echo "libFuzzer (libclang_rt.fuzzer_no_main) not found in the Swift toolchain"; exit 2; }
flags=(--scratch-path .build-fuzz -c debug -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
       -Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address -Xlinker "$libfuzzer" -Xlinker -lstdc++)
for target in "${TARGETS[@]}"; do
    $SWIFT build "${flags[@]}" --product "$target" 2>&1 | grep -E "error|warning: " | grep -v "unhandled\|CMakeLists\|Cannot export local symbol" || true
done
bin="$($SWIFT build "${flags[@]}" --show-bin-path)"

status=0
printf '%-20s %12s %10s %10s %s\n' target executions exec/s coverage findings
for target in "${TARGETS[@]}"; do
    corpus=.build-fuzz/corpus/$target findings=.build-fuzz/findings/$target log=.build-fuzz/$target.log
    mkdir -p "$corpus" "$findings"
    runs=()
    [ -n "${FUZZ_RUNS:-}" ] && runs=(-runs="$FUZZ_RUNS")
    set +e
    "$bin/$target" "$corpus" "Fuzz/Seeds/$target" -max_total_time="$SECONDS_PER_TARGET" "${runs[@]}" \
        -artifact_prefix="$findings/" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
    result=$?
    set -e
    executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
    found=$(find "$findings" -type f | wc -l)
    printf '%-20s %12s %10s %10s %s\n' "$target" "$executions" "$speed" "$coverage" "$found"
    if [ $result -ne 0 ] || [ "$found" -ne 0 ]; then
        status=1
        grep -E "ERROR|precondition|Fatal error|SUMMARY" "$log" | head -5
    fi
done
exit $status
