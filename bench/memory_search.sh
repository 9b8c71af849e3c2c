#!/usr/bin/env bash
# Memory search (GET /api/gyms/{g}/members/{m}/memory?q=, its database path
# as the server's role) at a constant rate over SUMMARIES conversation
# summaries across GYMS gyms of MEMBERS members; fails when the p99 is above
# MAX_P99_MS. Starts its own throwaway PostgreSQL, stops it at exit. Needs a
# build (bash scripts/test or scripts/run first). docs/benchmarks.md has
# figures.
#   bench/memory_search.sh [RATE=100] [SECONDS=30] [SUMMARIES=100000] [GYMS=10] [MEMBERS=200] [MAX_P99_MS=20]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rate=${1:-100} seconds=${2:-30} summaries=${3:-100000} gyms=${4:-10} members=${5:-200} max_p99=${6:-20}
bench=$root/build/bench/memory_search_bench
[[ -x $bench ]] || { echo "no $bench: build first (scripts/test)" >&2; exit 1; }

# shellcheck source=bench/lib/server.sh
source "$root/bench/lib/server.sh"
bench_start_pg
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
status=0
"$bench" "$DATABASE_URL" "$DATABASE_OWNER_URL" "$root/schema" "$rate" "$seconds" "$summaries" "$gyms" "$members" \
  "$max_p99" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
