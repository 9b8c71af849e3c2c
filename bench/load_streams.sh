#!/usr/bin/env bash
# Load on the streaming path: wrk with 200 connections for 60 s pulling the
# master and media playlists and segments that are already rendered (the
# cache-hit path a CDN origin serves), from several workouts. Expected: zero
# errors. Starts its own PostgreSQL and server (rate limit off: the set-up
# creates workouts from one address), renders the segments first (not timed).
#   bench/load_streams.sh [SECONDS] [CONNECTIONS] [WORKOUTS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60} connections=${2:-200} workouts=${3:-4}
command -v wrk >/dev/null || { echo "wrk is missing (scripts/lib/deps.sh installs it)" >&2; exit 1; }
# shellcheck source=bench/lib/server.sh
source "$root/bench/lib/server.sh"
bench_start_server RATE_LIMIT_PER_MINUTE=0 RENDER_LADDER=320x180@400 RENDER_PREFETCH=0
base=http://127.0.0.1:$port

ids=$(curl -sf "$base/api/exercises" | python3 -c 'import json,sys; print(" ".join(e["id"] for e in json.load(sys.stdin)))')
read -ra ids <<<"$ids"
: >"$work/urls"
for ((w = 0; w < workouts; w++)); do
  body=$(printf '{"name":"load %d","exercises":["%s","%s"],"config":{"intervals":{"work_time":10,"rest_time":5},"rounds":1}}' \
    "$w" "${ids[$w]}" "${ids[$((w + 1))]}")
  id=$(curl -sf -X POST "$base/api/workouts" -H 'Content-Type: application/json' -d "$body" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  master=$(curl -sf -X POST "$base/api/workouts/$id/stream" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hls_url"])')
  echo "$master" >>"$work/urls"
  variant=$(curl -sf "$base$master" | grep -v '^#' | head -1)
  media=/streams/$id/${variant%%\?*}
  echo "$media" >>"$work/urls"
  for segment in $(curl -sf "$base$media" | grep -v '^#'); do
    url=/streams/$id/${variant%%/*}/$segment
    curl -sf -o /dev/null "$base$url"  # rendered now, served from the cache under load
    echo "$url" >>"$work/urls"
  done
done
echo "$(wc -l <"$work/urls") URLs ($workouts workouts: playlists and cached segments);" \
  "wrk: $connections connections, ${seconds}s"
URLS=$work/urls wrk -t2 -c"$connections" -d"${seconds}s" --timeout 2s -s "$root/bench/load_streams.lua" "$base" |
  tee "$work/wrk.txt"
grep -q '^requests [0-9]*, non-200 0, socket errors 0 ' "$work/wrk.txt"
curl -sf "$base/metrics" | grep -E '^ws_cache_(hits|misses)_total' || true
