#!/usr/bin/env bash
# GET /api/exercises latency at a constant 200 requests/s (target: p99 under
# 5 ms on a 2-core machine), with GET /healthz as the reference in the same run.
# Starts its own throwaway PostgreSQL and server, loads the demo catalog with
# small clips (the clips' size does not matter to this endpoint), measures,
# stops everything. Needs a build: bash scripts/test (or scripts/run) first.
#   bench/api_latency.sh [RATE] [SECONDS] [CONNECTIONS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rate=${1:-200} seconds=${2:-30} connections=${3:-8}
bench=$root/build/bench/http_rate_bench
# shellcheck source=bench/lib/server.sh
source "$root/bench/lib/server.sh"
bench_start_server

# Reference in the same run: the cheapest route (no database, no cache), so a
# busy machine shows up in both figures and the ratio stays meaningful.
echo "reference: GET /healthz at ${rate}/s for ${seconds}s over ${connections} connections"
"$bench" 127.0.0.1 "$port" /healthz "$rate" "$seconds" "$connections"
echo "GET /api/exercises at ${rate}/s for ${seconds}s over ${connections} connections"
"$bench" 127.0.0.1 "$port" /api/exercises "$rate" "$seconds" "$connections"
echo "GET /api/exercises?difficulty=easy&no_jump=true (filtered)"
"$bench" 127.0.0.1 "$port" "/api/exercises?difficulty=easy&no_jump=true" "$rate" "$seconds" "$connections"
