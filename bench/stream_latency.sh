#!/usr/bin/env bash
# Stream latency and render speed, as a player sees them:
#   1. first segment of a NEW workout: POST /stream (the play button), GET
#      master.m3u8, GET the media playlist, last byte of seg_00000.ts; over N
#      workouts, one at a time, each from an idle server
#   2. a seek: GET of a middle segment that no prefetch reached
#   3. render speed (media duration / wall time) of a ~5 minute workout whose
#      segments one client fetches in order as fast as it can, with the
#      server's CPU seconds per minute of output and its peak RSS (VmHWM)
#   4. reference floor in the same run: GET /healthz (and GET master.m3u8)
#   5. BENCH_PLAYERS (default 4) different new workouts watched at once in
#      real time, BENCH_WATCH_SECONDS (default 120) each, by simulated players
#      (each its own connection: playback starts after 2 segments, at most 3
#      fetched ahead of the one playing); stalls = segments that arrive after
#      their playback deadline (default prefetch server only)
# All with the default prefetch (3 segments ahead) and the default short first
# segment; then 1. again on a server started with FIRST_SEGMENT_S=0 (every
# segment 3.2 s: what the short first segment gains, as a ratio in one run);
# then again on a server started with RENDER_PREFETCH=0 (5 workouts, 2 seeks, a ~2.5 minute workout
# for the render speed, to keep the run near 5 minutes at 720p on 2 cores).
# Every workout is new and each server has a fresh CACHE_DIR, so no segment
# comes from a cache. Starts its own throwaway PostgreSQL and servers on
# 127.0.0.1, stops everything at the end (by pid; bench/lib/render_bench.sh).
#
#   bench/stream_latency.sh [N_WORKOUTS] [RENDER_SIZE]     defaults: 20 1280x720
#
# Clips: the production demo clips (1280x720 ProRes 4444, 4 s): the project's
# var/media when it holds them all (as scripts/run leaves it; only read),
# otherwise /var/tmp/ws-bench-media, generated there once (2-3 minutes, not
# timed). BENCH_MEDIA_DIR overrides the folder. The build is WS_BUILD_DIR
# (default build/, as scripts/test and scripts/run make it); the server runs
# from that build's own source tree (CMAKE_HOME_DIRECTORY: config/ and
# pipelines/, which it reads at run time, must match the binary), with a copy
# of pipelines/ taken at the start, so edits during the run change nothing.
# It warns when a source is newer than the binary. BENCH_SOURCE_REV names the
# revision when that tree is not a git checkout (an exported `git archive`).
# Prints a table and one JSON line (the last line of the output).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-20} size=${2:-1280x720}
usage() { echo "usage: $0 [N_WORKOUTS (default 20)] [RENDER_SIZE WxH (default 1280x720)]" >&2; exit 2; }
[[ $n =~ ^[1-9][0-9]*$ && $size =~ ^([0-9]+)x([0-9]+)$ ]] || usage
width=${BASH_REMATCH[1]} height=${BASH_REMATCH[2]}
client=$root/bench/stream_client.py
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }
# shellcheck source=bench/lib/render_bench.sh
source "$root/bench/lib/render_bench.sh"
bench_find_build
bench_media_dir
bench_setup stream-bench
export RENDER_WIDTH=$width RENDER_HEIGHT=$height
export RATE_LIMIT_PER_MINUTE=0  # the bench creates many workouts from one address

clips=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height,codec_name \
  -of csv=p=0 "$(ls "$media"/clips/*.mov | head -n 1)" 2>/dev/null | tr ',' ' ' || echo unknown)
python3 - "$work/meta.json" "$0 $*" "$size" "$media ($clips)" "$src_root" "$stale" <<'EOF'
import json, os, subprocess, sys, time
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
src = sys.argv[5]
git = subprocess.run(["git", "-C", src, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
if git:
    dirty = subprocess.run(["git", "-C", src, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    git += "+dirty" if dirty else ""
else:
    git = os.environ.get("BENCH_SOURCE_REV", "not a git tree")
git = f"{src} ({git}{', sources newer than the binary' if sys.argv[6] else ''})"
json.dump({"command": sys.argv[2], "nproc": os.cpu_count(), "cpu": cpu,
           "mem": f"{int(mem) / 1048576:.1f} GiB RAM", "render": sys.argv[3], "clips": sys.argv[4],
           "workers": os.cpu_count(),
           "git": git, "date": time.strftime("%Y-%m-%d %H:%M:%S %Z")},
          open(sys.argv[1], "w"))
EOF

players=${BENCH_PLAYERS:-4} watch=${BENCH_WATCH_SECONDS:-120}
echo "==> default prefetch: /healthz, first segment x $n, 5 seeks, render speed (~300 s)," \
  "$players players at once ($watch s each)" >&2
bench_serve main
python3 "$client" phase main --port "$port" --pid "$server_pid" --n "$n" --seeks 5 \
  --speed-seconds 300 --players "$players" --watch-seconds "$watch" --out "$work/main.json"
bench_stop_server

echo "==> FIRST_SEGMENT_S=0 (first segment as long as the others): first segment x $n" >&2
bench_serve full_first FIRST_SEGMENT_S=0
python3 "$client" phase full_first --port "$port" --pid "$server_pid" --n "$n" --out "$work/full_first.json"
bench_stop_server

n_off=$((n < 5 ? n : 5))
echo "==> RENDER_PREFETCH=0: first segment x $n_off, 2 seeks, render speed (~150 s)" >&2
bench_serve noprefetch RENDER_PREFETCH=0
python3 "$client" phase noprefetch --port "$port" --pid "$server_pid" --n "$n_off" --seeks 2 \
  --speed-seconds 150 --out "$work/noprefetch.json"
bench_stop_server

# The servers' own complaints (LOG_LEVEL=warn: warnings and errors only),
# counted by message (pid and time of day taken out).
cat "$work"/server-*.log | grep -v '^[[:space:]]*$' |
  sed -E 's/^\(workout-server:[0-9]+\): //; s/[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+:? ?//; s/^\[[^]]*\] ?//' |
  sort | uniq -c | sort -rn >"$work/server-log-summary.txt" || true
python3 "$client" report --meta "$work/meta.json" --server-log "$work/server-log-summary.txt" \
  "$work/main.json" "$work/full_first.json" "$work/noprefetch.json"
