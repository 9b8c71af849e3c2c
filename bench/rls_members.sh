#!/usr/bin/env bash
# The members list at a constant rate through row-level security (the
# production path, as workout_app) against the same query run without it (the
# cluster's superuser, an explicit gym_id), interleaved in one run; fails when
# the p99 ratio is above MAX_RATIO. Starts its own throwaway PostgreSQL, two
# gyms of MEMBERS members each, stops everything at exit. Needs a build
# (bash scripts/test or scripts/run first). docs/benchmarks.md has figures.
#   bench/rls_members.sh [RATE=200] [SECONDS=30] [MEMBERS=2000] [MAX_RATIO=1.5]
# BENCH_OWNER_SQL=FILE runs FILE as the owner before measuring (a candidate
# policy or index change, tried without editing schema/).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rate=${1:-200} seconds=${2:-30} members=${3:-2000} max_ratio=${4:-1.5}
bench=$root/build/bench/rls_members_bench
[[ -x $bench ]] || { echo "no $bench: build first (scripts/test)" >&2; exit 1; }

# shellcheck source=bench/lib/server.sh
source "$root/bench/lib/server.sh"
bench_start_pg
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
status=0
"$bench" "$DATABASE_URL" "$DATABASE_OWNER_URL" "$(cat "$work/pg/url")" "$root/schema" \
  "$rate" "$seconds" "$members" "$max_ratio" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
