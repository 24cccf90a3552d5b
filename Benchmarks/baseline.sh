#!/usr/bin/env bash
# Builds the "before" engine of issue #15 once and prints the path of its
# backsim-profile: the commit before the issue's session (BASELINE below),
# checked out as a detached `git worktree` under Benchmarks/.baseline/ (not
# committed) and built there in release mode. Later calls reuse the build.
#
#   Benchmarks/baseline.sh            # -> .../.baseline/<commit>/Benchmarks/.build/release/backsim-profile
#   BASELINE=<commit> Benchmarks/baseline.sh
set -euo pipefail
cd "$(dirname "$0")"
commit=${BASELINE:-02435fce11442fc28e291ad0c5ab0ce134309648}
dir="$PWD/.baseline/${commit:0:12}"
binary="$dir/Benchmarks/.build/release/backsim-profile"
if [ ! -x "$binary" ]; then
    if [ ! -d "$dir" ]; then
        mkdir -p .baseline
        git worktree prune
        git worktree add --detach "$dir" "$commit" >&2
    fi
    echo "building the baseline engine ($commit) in $dir ..." >&2
    (cd "$dir/Benchmarks" && swift build -c release --product backsim-profile >&2)
fi
echo "$binary"
