#!/usr/bin/env bash
# The WOD library's search over WODS WODs and a gym's leaderboards over
# RESULTS results, each route at a constant RATE requests/s through the real
# server (target: p99 under MAX_P99_MS each). Starts its own throwaway
# PostgreSQL and server, fills the database with bench/wod_bench_setup (the
# WODs parsed and saved as POST /api/wods does; a gym of 2,000 members with
# RESULTS results on Fran, 100 per class), measures, stops everything. Exits 1
# when a route's p99 is over the target. Needs a build (bash scripts/test or
# scripts/run first). docs/benchmarks.md has figures.
#   bench/wod_queries.sh [RATE=200] [SECONDS=20] [WODS=10000] [RESULTS=100000] [MAX_P99_MS=10]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rate=${1:-200} seconds=${2:-20} wods=${3:-10000} results=${4:-100000} max_p99=${5:-10}
bench=$root/build/bench/http_rate_bench
setup=$root/build/bench/wod_bench_setup
for tool in "$bench" "$setup"; do
  [[ -x $tool ]] || { echo "no $tool: build first (scripts/test)" >&2; exit 1; }
done
# shellcheck source=bench/lib/server.sh
source "$root/bench/lib/server.sh"
bench_setup --clip-size 160x90 --clip-seconds 3

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
started=$(date +%s)
ids=$("$setup" "$DATABASE_OWNER_URL" "$(cat "$work/pg/url")" "$wods" "$results")
eval "$ids"
echo "set-up: $wods WODs, $results results in $(($(date +%s) - started)) s"
bench_serve main
export BENCH_AUTHORIZATION="Bearer $BENCH_TOKEN"

# References in the same run, not gated: no database (/healthz), and a gym
# route's floor (sign-in, BEGIN with enter_gym, one primary-key read, COMMIT).
references=("/healthz" "/api/gyms/$BENCH_GYM")
routes=(
  "/api/wods?movements=thruster,pull_up"
  "/api/wods?any_movements=deadlift,clean_and_jerk&equipment=barbell"
  "/api/wods?duration_min=600&duration_max=900&difficulty_min=40&difficulty_max=70"
  "/api/wods?form=AMRAP&modality=monostructural"
  "/api/wods?q=fran"
  "/api/wods"
  "/api/gyms/$BENCH_GYM/wods/$BENCH_FRAN/leaderboard"
  "/api/gyms/$BENCH_GYM/schedule/$BENCH_SESSION/leaderboard"
)
status=0
# measure ROUTE GATED: one route at the rate after a warm-up (plans, caches).
measure() {
  local route=$1 gated=$2 out p99 verdict=reference
  "$bench" 127.0.0.1 "$port" "$route" "$rate" 2 4 >/dev/null || true
  out=$("$bench" 127.0.0.1 "$port" "$route" "$rate" "$seconds" 8) || status=2
  if [[ $gated == yes ]]; then
    p99=$(sed -n 's/.*p99=\([0-9.]*\).*/\1/p' <<<"$out")
    verdict=ok
    if awk -v p="$p99" -v max="$max_p99" 'BEGIN { exit !(p > max) }'; then verdict="OVER ${max_p99} ms"; status=1; fi
  fi
  printf '%s\n  %s\n  %s  [%s]\n' "${route/$BENCH_GYM/\{gym\}}" "$(head -1 <<<"$out")" "$(tail -1 <<<"$out")" "$verdict"
}
for route in "${references[@]}"; do measure "$route" no; done
for route in "${routes[@]}"; do measure "$route" yes; done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
