#!/usr/bin/env bash
# GET /api/exercises latency at a constant 200 requests/s (issue target: p99
# under 5 ms on this machine; the seeds ask for under 100 ms).
# Starts its own throwaway PostgreSQL and server, seeds the demo catalog with
# small clips (the clips' size does not matter to this endpoint), measures,
# stops everything. Needs a build: bash scripts/test (or scripts/run) first.
#   bench/api_latency.sh [RATE] [SECONDS] [CONNECTIONS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rate=${1:-200} seconds=${2:-30} connections=${3:-8}
build=$root/build
server=$build/src/app/workout-server
bench=$build/bench/http_rate_bench
work=$(mktemp -d /tmp/ws-bench.XXXXXX)
chmod 755 "$work"

cleanup() {
  [[ -n ${server_pid:-} ]] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" || true
  bash "$root/scripts/test-pg.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

bash "$root/scripts/test-pg.sh" start "$work/pg" >/dev/null
export DATABASE_URL; DATABASE_URL=$(cat "$work/pg/url")
export MEDIA_DIR=$work/media CACHE_DIR=$work/cache PORT=0 LOG_LEVEL=warn
cd "$root"
"$server" migrate >/dev/null
"$server" seed --clip-size 160x90 --clip-seconds 3 >/dev/null
"$server" serve --port-file "$work/port" &
server_pid=$!
for _ in $(seq 100); do [[ -s $work/port ]] && break; sleep 0.1; done
port=$(cat "$work/port")

# Reference in the same run: the cheapest route (no database, no cache), so a
# busy machine shows up in both figures and the ratio stays meaningful.
echo "reference: GET /healthz at ${rate}/s for ${seconds}s over ${connections} connections"
"$bench" 127.0.0.1 "$port" /healthz "$rate" "$seconds" "$connections"
echo "GET /api/exercises at ${rate}/s for ${seconds}s over ${connections} connections"
"$bench" 127.0.0.1 "$port" /api/exercises "$rate" "$seconds" "$connections"
echo "GET /api/exercises?difficulty=easy&no_jump=true (filtered)"
"$bench" 127.0.0.1 "$port" "/api/exercises?difficulty=easy&no_jump=true" "$rate" "$seconds" "$connections"
