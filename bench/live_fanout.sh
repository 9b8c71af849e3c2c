#!/usr/bin/env bash
# WebSocket fan-out latency of one live class: CLIENTS real WebSocket clients
# in one class, values sent at each RATE (messages a second in all, one a
# second from each of RATE participants), every message broadcast to every
# client, for SECONDS per rate. Prints p50/p95/p99/max delivery (send to
# receipt) and deliveries a second; fails when a message is lost. Server and
# clients run in one process (no database: the hub's hooks are the test
# suite's). Needs a build: bash scripts/test (or scripts/run) first.
#   bench/live_fanout.sh [CLIENTS=1000] [SECONDS=20] [RATES="5 10 20 50"]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
clients=${1:-1000} seconds=${2:-20} rates=${3:-"5 10 20 50"}
bench=$root/build/bench/live_fanout_bench
[[ -x $bench ]] || { echo "no $bench: build first (scripts/test)" >&2; exit 1; }
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
status=0
for rate in $rates; do
  senders=$(( rate < clients ? rate : clients ))
  "$bench" "$clients" "$senders" "$rate" "$seconds" || status=$?
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
