#!/usr/bin/env bash
# Our renderer against an FFmpeg command line that makes the same video
# (bench/reference_workout.py writes it), in one run, on the same clips, for
# the same new ~20-minute workout:
#   (a) `workout-server render` of the whole workout into a fresh cache and a
#       fresh folder (HLS, 3.2 s MPEG-TS segments), under /usr/bin/time -v;
#   (b) one ffmpeg command line for the same intervals: every work interval's
#       clip looped and sped up by the intensity (setpts), composited with its
#       alpha over the background colour (overlay on a color source), the
#       exercise name (drawtext), rests as the background with "Rest - next"
#       (drawtext), everything concatenated (concat), the timer (drawtext
#       %{pts:hms}), the progress bar (drawbox, its width set once a second by
#       sendcmd: FFmpeg 5.1's drawbox cannot read the time), silent AAC audio,
#       libx264 preset ultrafast at our video bitrate, 1280x720 30 fps, a
#       keyframe every 3.2 s, cut as HLS MPEG-TS segments of 3.2 s; under
#       /usr/bin/time -v.
# Prints: wall time as a multiple of real time (both, and ours / FFmpeg's),
# CPU seconds per minute of output, peak RSS, and the other load on the
# machine during each run (busy CPU from /proc/stat minus the run's own).
#
#   bench/ffmpeg_reference.sh [EXERCISES ROUNDS WORK_S REST_S INTENSITY]
#       defaults: 8 3 35 15 high  (24 x 35 s work + 23 x 15 s rest = 19:45)
#
# Starts its own throwaway PostgreSQL and a server (only to create the workout
# through the API), stops everything at the end. Clips, build and pipelines as
# in bench/stream_latency.sh (BENCH_MEDIA_DIR, WS_BUILD_DIR; bench/lib/render_bench.sh).
# BENCH_MEMORY=1 skips FFmpeg and renders ours twice, with --jobs 1 then
# --jobs 2 (each from a fresh cache), and prints the memory per concurrent
# render: what the second render adds to the peak RSS, and the peak split
# between the two. BENCH_ORDER=ffmpeg
# runs FFmpeg first; BENCH_JOBS=N passes --jobs N to our render (default: one
# segment per core). BENCH_PERF=1 also samples both runs with `perf record`
# (99 Hz, no call graphs) and prints where their CPU time went, by library and
# by function: what bounds each (x264, ProRes decoding, compositing...). The
# last line of the output is one JSON object (the perf tables come before it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exercises=${1:-8} rounds=${2:-3} work_s=${3:-35} rest_s=${4:-15} intensity=${5:-high}
helper=$root/bench/reference_workout.py
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
[[ -n ${BENCH_MEMORY:-} ]] || command -v ffmpeg >/dev/null || { echo "ffmpeg is needed" >&2; exit 1; }
# shellcheck source=bench/lib/render_bench.sh
source "$root/bench/lib/render_bench.sh"
bench_find_build
bench_media_dir

# Render settings from the same config the server reads.
read -r width height bitrate audio_kbps background speed < <(python3 - "$src_root/config/default.toml" "$intensity" <<'EOF'
import sys, tomllib
c = tomllib.load(open(sys.argv[1], "rb"))
r, w = c["render"], c["workout"]
# the size given, else the ladder's first rung (where players start)
rung = r["ladder"].split(",")[0].strip()
size, kbps = rung.split("@")
width, height = r.get("width", size.split("x")[0]), r.get("height", size.split("x")[1])
print(width, height, r.get("video_bitrate_kbps", kbps) if "width" in r else kbps, r["audio_bitrate_kbps"],
      r["background"], w[f"speed_{sys.argv[2]}"])
EOF
)

echo "==> seed (generates the demo clips into $media if missing; not timed)" >&2
bench_setup ffref-bench
export RENDER_WIDTH=$width RENDER_HEIGHT=$height

# The workout, created through the API like a user's (prefetch off, so the
# server renders nothing of it).
bench_serve api RENDER_PREFETCH=0
mkdir -p "$work/ffmpeg"
wid=$(python3 "$helper" create --port "$port" --out "$work/ffmpeg" \
  --exercises "$exercises" --rounds "$rounds" --work "$work_s" --rest "$rest_s" --intensity "$intensity")
bench_stop_server
python3 "$helper" ffmpeg --workout "$work/ffmpeg/workout.json" --media "$media" --out "$work/ffmpeg" \
  --speed "$speed" --width "$width" --height "$height" --bitrate-kbps "$bitrate" \
  --audio-kbps "$audio_kbps" --background "$background"
mapfile -t ffargs <"$work/ffmpeg/ffmpeg.args"

busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $5+$6; exit}' /proc/stat; }
# timed NAME COMMAND...: /usr/bin/time -v into NAME.time, /proc/stat around it.
timed() {
  local name=$1
  shift
  sync
  read -r b0 i0 < <(busy)
  local sample=()
  [[ -n ${BENCH_PERF:-} ]] && sample=(perf record -q -F 99 -o "$work/$name.perf" --)
  /usr/bin/time -v -o "$work/$name.time" "${sample[@]}" "$@" >"$work/$name.log" 2>&1 ||
    { echo "$name failed:" >&2; tail -n 20 "$work/$name.log" >&2; exit 1; }
  read -r b1 i1 < <(busy)
  echo "$((b1 - b0)) $((i1 - i0))" >"$work/$name.stat"
}
# run_ours [NAME JOBS]
run_ours() {
  local name=${1:-ours} jobs=${2:-${BENCH_JOBS:-}}
  echo "==> $name: workout-server render ${jobs:+--jobs $jobs }(fresh cache, fresh folder)" >&2
  timed "$name" env CACHE_DIR="$work/cache-$name" "$server" render --workout "$wid" --out "$work/$name" \
    ${jobs:+--jobs "$jobs"}
}
run_ffmpeg() {
  echo "==> FFmpeg reference (${#ffargs[@]} arguments, filter graph $work/ffmpeg/filter.txt)" >&2
  timed ffmpeg ffmpeg "${ffargs[@]}"
}
if [[ -n ${BENCH_MEMORY:-} ]]; then run_ours ours_1job 1; run_ours ours 2
elif [[ ${BENCH_ORDER:-ours} == ffmpeg ]]; then run_ffmpeg; run_ours
else run_ours; run_ffmpeg; fi

if [[ -n ${BENCH_PERF:-} ]]; then
  for name in ours ffmpeg; do
    echo "== where $name's CPU time went (perf, share of samples)"
    perf report -q -i "$work/$name.perf" --sort dso --percent-limit 2 2>/dev/null | sed 's/^/   /'
    perf report -q -i "$work/$name.perf" --sort dso,symbol --percent-limit 2 2>/dev/null | head -n 15 | sed 's/^/   /'
  done
fi

python3 - "$work" "$0 $*" "$width"x"$height" "$media" "$src_root" <<'EOF'
import glob, json, os, re, subprocess, sys, time
work, command, frame_size, media, src = sys.argv[1:6]
tick = os.sysconf("SC_CLK_TCK")
wk = json.load(open(f"{work}/ffmpeg/workout.json"))

def parse_time(name):
    t = {}
    for line in open(f"{work}/{name}.time"):
        k, _, v = line.strip().rpartition(": ")
        t[k] = v
    h, m, s = ([0, 0] + t["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"))[-3:]
    wall = int(h) * 3600 + int(m) * 60 + float(s)
    cpu = float(t["User time (seconds)"]) + float(t["System time (seconds)"])
    return wall, cpu, int(t["Maximum resident set size (kbytes)"]) / 1024.0

def playlist(path):
    text = open(path).read()
    durs = [float(x) for x in re.findall(r"#EXTINF:([0-9.]+)", text)]
    segs = [os.path.join(os.path.dirname(path), l) for l in text.splitlines() if l and not l.startswith("#")]
    return sum(durs), len(durs), sum(os.path.getsize(p) for p in segs)

ours_pl = sorted(glob.glob(f"{work}/ours/*/*.m3u8"))[0]
runs = [("ours_1job", ours_pl.replace(f"{work}/ours/", f"{work}/ours_1job/")), ("ours", ours_pl),
        ("ffmpeg", f"{work}/ffmpeg/hls/index.m3u8")]
runs = [r for r in runs if os.path.exists(f"{work}/{r[0]}.time")]  # BENCH_MEMORY: no FFmpeg
res = {}
for name, pl in runs:
    wall, cpu, rss = parse_time(name)
    dur, n, size = playlist(pl)
    busy, idle = (int(x) for x in open(f"{work}/{name}.stat").read().split())
    other = max(0.0, (busy / tick - cpu) / wall)
    res[name] = {"media_s": dur, "segments": n, "wall_s": wall, "x_realtime": dur / wall,
                 "cpu_s": cpu, "cpu_s_per_min": cpu / (dur / 60), "peak_rss_mb": rss,
                 "mbit_per_s": size * 8 / dur / 1e6, "other_load_cores": other}
o, f = res["ours"], res.get("ffmpeg")
cpu_model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
git = subprocess.run(["git", "-C", src, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
print()
print(f"machine: {os.cpu_count()} cores, {cpu_model}; load average before the report: "
      f"{open('/proc/loadavg').read().split()[0]}")
print(f"command: {command}   source: {src} ({git or '?'})   {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
print(f"workout: {wk['id']}, {len(wk['intervals'])} intervals, {wk['rounds']} rounds, "
      f"intensity {wk['intensity']}, {wk['duration_seconds']} s, {frame_size} 30 fps, clips {media}")
print(f"   {'':8} {'media s':>7} {'segs':>4} {'wall s':>7} {'x realtime':>10} {'CPU s':>7} "
      f"{'CPU s/min':>9} {'peak RSS MB':>11} {'Mbit/s':>6} {'other load':>10}")
for name in res:
    r = res[name]
    print(f"   {name:8} {r['media_s']:7.1f} {r['segments']:4d} {r['wall_s']:7.1f} {r['x_realtime']:10.2f} "
          f"{r['cpu_s']:7.1f} {r['cpu_s_per_min']:9.2f} {r['peak_rss_mb']:11.0f} {r['mbit_per_s']:6.2f} "
          f"{r['other_load_cores']:9.2f}c")
ratios = {"speed_ours_over_ffmpeg": o["x_realtime"] / f["x_realtime"],
          "cpu_per_min_ours_over_ffmpeg": o["cpu_s_per_min"] / f["cpu_s_per_min"],
          "peak_rss_ours_over_ffmpeg": o["peak_rss_mb"] / f["peak_rss_mb"]} if f else {}
if "ours_1job" in res:
    one, two = res["ours_1job"]["peak_rss_mb"], o["peak_rss_mb"]
    ratios = {"rss_added_by_second_render_mb": two - one, "rss_per_render_2_jobs_mb": two / 2}
    print(f"memory per concurrent render: the second adds {two - one:.0f} MB ({one:.0f} -> {two:.0f} MB "
          f"peak RSS); the 2-job peak split between the two: {two / 2:.0f} MB each (target <= 200)")
if f: print(f"ratios: ours is {ratios['speed_ours_over_ffmpeg']:.2f}x FFmpeg's speed (target >= 2), "
      f"uses {ratios['cpu_per_min_ours_over_ffmpeg']:.2f}x its CPU per minute, "
      f"{ratios['peak_rss_ours_over_ffmpeg']:.2f}x its peak memory")
print(json.dumps({"bench": "ffmpeg_reference", "command": command, "nproc": os.cpu_count(),
                  "cpu": cpu_model, "git": git, "workout_seconds": wk["duration_seconds"],
                  **res, **ratios}, separators=(",", ":")))
EOF
