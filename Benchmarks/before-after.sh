#!/usr/bin/env bash
# Issue #15's before and after, side by side on the same machine in one run:
# the engine before the issue (baseline.sh builds it once, from the commit
# before the issue's session) and the engine of this tree, each as
# `backsim-profile` on the same work, one thread, interleaved (before, after,
# after, before, ...) so that a drift in the machine's speed hits both alike.
#
#   Benchmarks/before-after.sh              # 3 rounds; BEFORE_AFTER_RUNS=N for N
#
# Appends one record per measurement to $BACKSIM_BENCH_LOG (run.sh sets it;
# backsim-bench-summary prints the table) and prints each measurement.
set -euo pipefail
cd "$(dirname "$0")"
before=$(./baseline.sh)
swift build -c release --product backsim-profile >&2
after="$PWD/.build/release/backsim-profile"
rounds=${BEFORE_AFTER_RUNS:-3}
log=${BACKSIM_BENCH_LOG:-/dev/null}

# name | arguments (the issue's two works)
works=(
    "chronic × control, fixed|--cohort chronic --policies control,fixed --persons 200000 --weeks 52"
    "guideline|--cohort mixed --policies guideline --persons 50000 --weeks 52"
)

measure() {  # which binary name args
    local which=$1 binary=$2 name=$3 args=$4 output ns seconds rate digest
    # shellcheck disable=SC2086
    output=$("$binary" $args)
    ns=$(sed -n 's/.*ns\/person-week \([0-9.]*\).*/\1/p' <<<"$output")
    seconds=$(sed -n 's/^seconds \([0-9.]*\);.*/\1/p' <<<"$output")
    rate=$(sed -n 's/.*person-weeks\/s \([0-9]*\);.*/\1/p' <<<"$output")
    digest=$(sed -n 's/^digest \([0-9a-f]*\)$/\1/p' <<<"$output")
    printf '%-6s %-26s %8s ns per person-week  %10s person-weeks/s  digest %s\n' "$which" "$name" "$ns" "$rate" "$digest"
    printf '{"benchmark":"before and after, %s: %s","ns_per_person_week":%s,"seconds":%s,"person_weeks_per_second":%s}\n' \
        "$which" "$name" "$ns" "$seconds" "$rate" >>"$log"
}

for round in $(seq 1 "$rounds"); do
    for work in "${works[@]}"; do
        name=${work%%|*} args=${work#*|}
        if (( round % 2 == 1 )); then
            measure before "$before" "$name" "$args"
            measure after "$after" "$name" "$args"
        else
            measure after "$after" "$name" "$args"
            measure before "$before" "$name" "$args"
        fi
    done
done
