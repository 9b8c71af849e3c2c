#!/usr/bin/env bash
# An edge that misbehaving clients cannot hold: CONNECTIONS (default 5000)
# connections held open against the server, a quarter each idle from the
# start, trickling their headers (one line every 5 s), trickling a body (one
# byte every 5 s) and kept alive idle after one request, from 40 loopback
# addresses; meanwhile one player plays a new workout in real time for
# WATCH_SECONDS (default 90) of media and GET /healthz is timed once a
# second. Twice, each on a fresh server: (1) each connection opened once:
# expected 0 stalls and every connection closed within its timeout (header
# 10 s, body 30 s, idle 30 s: the defaults), none refused; (2) each reopened
# as soon as the server closes it, so that CONNECTIONS stay held for the
# whole play, the way a determined client would: what that costs.
# Prints per kind how many were closed and how late against their deadline,
# the player's stalls, the server's CPU and memory, its connection counters
# and the load average; the last line is one JSON object.
#
#   bench/edge_hold.sh [CONNECTIONS] [WATCH_SECONDS]
#
# Clips and build as in bench/stream_latency.sh (BENCH_MEDIA_DIR, WS_BUILD_DIR:
# bench/lib/render_bench.sh): 1280x720 renders, default settings. Starts its
# own PostgreSQL and server, stops everything at the end. Raises the
# open-files limit of this shell (and so of the server and the client) to
# its hard limit, which must allow CONNECTIONS plus a few hundred.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
connections=${1:-5000} watch=${2:-90}
[[ $connections =~ ^[1-9][0-9]*$ && $watch =~ ^[1-9][0-9]*$ ]] ||
  { echo "usage: $0 [CONNECTIONS (default 5000)] [WATCH_SECONDS (default 90)]" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)"
(( $(ulimit -n) > connections + 600 )) ||
  { echo "the open-files limit ($(ulimit -n)) is too low for $connections connections" >&2; exit 1; }
# shellcheck source=bench/lib/render_bench.sh
source "$root/bench/lib/render_bench.sh"
bench_find_build
bench_media_dir
bench_setup edge-bench

read -r header body idle < <(python3 - "$src_root/config/default.toml" <<'PY'
import sys, tomllib
s = tomllib.load(open(sys.argv[1], "rb"))["server"]
print(s["header_timeout_s"], s["body_timeout_s"], s["idle_timeout_s"])
PY
)
echo "==> $connections connections held while a player plays a new workout for ${watch} s" \
  "(timeouts: header ${header} s, body ${body} s, idle ${idle} s)" >&2
for mode in once reopen; do
  echo "==> each connection $([[ $mode == once ]] && echo "opened once" || echo "reopened when closed")" >&2
  bench_serve "$mode"
  python3 "$root/bench/edge_client.py" --port "$port" --pid "$server_pid" --connections "$connections" \
    --watch-seconds "$watch" --header-timeout "$header" --body-timeout "$body" --idle-timeout "$idle" \
    $([[ $mode == reopen ]] && echo --reopen) --out "$work/$mode.json"
  bench_stop_server
  echo "server warnings: $(grep -c . "$work/server-$mode.log" || true) lines"
  echo
done
python3 -c 'import json, sys; print(json.dumps({"once": json.load(open(sys.argv[1])), "reopened": json.load(open(sys.argv[2]))}, separators=(",", ":")))' \
  "$work/once.json" "$work/reopen.json"
