#!/usr/bin/env bash
# Runs BackSim's benchmark suite and prints its summary (see README.md).
#
#   Benchmarks/run.sh                        # everything, about 10 minutes on 2 cores
#   Benchmarks/run.sh --skip-target Memory   # without the 10^6-person compare
#   Benchmarks/run.sh --target PersonWeek    # one suite; any option of `swift package benchmark`
#   BEFORE_AFTER=1 Benchmarks/run.sh --target Budget   # with issue #15's before/after (default: only with no arguments)
#
# Writes results/records-<time>.jsonl (one record per measured iteration),
# results/benchmark-<time>.txt (ordo-one/benchmark's tables) and
# results/summary-<time>.md (the results and targets table for README.md).
set -euo pipefail
cd "$(dirname "$0")"

if ! pkg-config --exists gsl 2>/dev/null; then
    echo "GSL is missing: run ../scripts/ensure-gsl (or apt-get install libgsl-dev pkg-config)." >&2
    exit 1
fi

load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
case "$load" in
    0.[0-4]*|unknown) ;;
    *) echo "note: load average is $load; other work on this machine will slow the figures down." >&2 ;;
esac

stamp=$(date -u +%Y%m%d-%H%M%S)
mkdir -p results
export BACKSIM_BENCH_LOG="$PWD/results/records-$stamp.jsonl"
: > "$BACKSIM_BENCH_LOG"

# Issue #15's before and after (the engine before the issue, built once into
# .baseline/, against this tree's), unless BEFORE_AFTER=0; by default only
# with no arguments (the whole suite).
if [ "${BEFORE_AFTER:-$([ $# -eq 0 ] && echo 1 || echo 0)}" = 1 ]; then
    ./before-after.sh | tee "results/before-after-$stamp.txt"
fi

swift package --disable-sandbox benchmark --no-progress "$@" 2>&1 | tee "results/benchmark-$stamp.txt"
status=${PIPESTATUS[0]}

swift build -c release --product backsim-bench-summary >/dev/null
.build/release/backsim-bench-summary "$BACKSIM_BENCH_LOG" \
    --swift "$(swift --version 2>/dev/null | head -1)" --load "$load" | tee "results/summary-$stamp.md"
echo
echo "records: results/records-$stamp.jsonl; summary: results/summary-$stamp.md"
exit "$status"
