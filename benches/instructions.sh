#!/usr/bin/env bash
# The throughput bench's extract / parse_only ratio in instructions executed, which unlike wall
# time does not move with the load of a shared machine. Needs Valgrind (Callgrind).
#
#   benches/instructions.sh [DIR] [REPS]      # DIR defaults to corpus/raw, REPS to 2
#
# Each workload runs in its own process, warmed up once over every page; only the REPS passes
# inside the example's `measured` function are counted.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-corpus/raw}
reps=${2:-2}
command -v valgrind >/dev/null || { echo "valgrind not found" >&2; exit 1; }
cargo build --release --quiet --example instructions
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null --collect-atstart=no \
        --toggle-collect='instructions::measured' \
        target/release/examples/instructions "$dir" "$1" "$reps" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
parse=$(count parse_only)
extract=$(count extract)
awk -v p="$parse" -v e="$extract" -v r="$reps" -v d="$dir" 'BEGIN {
    printf "%s, per pass over the pages: parse_only %.1fM instructions, extract %.1fM, ratio %.3f\n",
        d, p / r / 1e6, e / r / 1e6, e / p
}'
