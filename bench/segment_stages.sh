#!/usr/bin/env bash
# What one 3.2 s segment (96 frames at 1280x720 30 fps) costs, stage by stage,
# with the same GStreamer elements and settings as pipelines/: 
#   decode  ProRes 4444 clip -> A444_10LE (pipelines/clip_decoder.json), 96 frames
#   x264    96 composited I420 frames -> H.264 with pipelines/segment_encoder.json's
#           x264enc settings (superfast, zerolatency, no B-frames, 1 thread,
#           hard CBR at 3000 kbit/s: VBV 500 ms, nal-hrd=cbr); the same with
#           ultrafast (the FFmpeg reference's preset); and 48 frames (the
#           short first segment)
#   floor   the same source pipelines without the decoder / encoder (file read,
#           parsing, GStreamer start-up), subtracted from the two above
# Each run R times (default 5), one after the other; median wall and CPU.
# Compositing and overlays are what remains of a segment's render time (see
# bench/stream_latency.sh for the whole segment).
#
#   bench/segment_stages.sh [CLIP.mov] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
clip=${1:-${BENCH_MEDIA_DIR:-$root/var/media}/clips/push-ups.mov}
runs=${2:-5}
[[ -f $clip ]] || { echo "no clip $clip (give one, or BENCH_MEDIA_DIR)" >&2; exit 1; }
work=$(mktemp -d /tmp/ws-stages.XXXXXX)
trap 'rm -rf "$work"' EXIT
# 96 frames like a work interval's: the clip over the background colour, I420
ffmpeg -v error -f lavfi -i "color=c=0x0f172a:s=1280x720:r=30" -stream_loop -1 -i "$clip" \
  -filter_complex "[0:v][1:v]overlay=shortest=1,format=yuv420p" -frames:v 96 -f rawvideo "$work/frames.i420"
raw="filesrc location=$work/frames.i420 blocksize=1382400 ! rawvideoparse format=i420 width=1280 height=720 framerate=30/1"
x264="x264enc speed-preset=superfast tune=zerolatency bframes=0 threads=1 pass=cbr vbv-buf-capacity=500 option-string=nal-hrd=cbr bitrate=3000 key-int-max=960"
first="identity eos-after=48"
declare -A pipes=(
  [decode]="filesrc location=$clip ! qtdemux ! avdec_prores ! videoconvert ! video/x-raw,format=A444_10LE ! identity eos-after=96 ! fakesink sync=false"
  [decode_floor]="filesrc location=$clip ! qtdemux ! fakesink sync=false"
  [x264]="$raw ! $x264 ! fakesink sync=false"
  [x264_ultrafast]="$raw ! ${x264/superfast/ultrafast} ! fakesink sync=false"
  [x264_floor]="$raw ! fakesink sync=false"
  [x264_48_frames]="$raw ! $first ! $x264 ! fakesink sync=false"
  [x264_48_floor]="$raw ! $first ! fakesink sync=false"
)
for name in decode_floor decode x264_floor x264 x264_ultrafast x264_48_floor x264_48_frames; do
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    /usr/bin/time -f "$name %e %U %S" -a -o "$work/times" gst-launch-1.0 -q ${pipes[$name]} >/dev/null
  done
done
python3 - "$work/times" "$clip" "$runs" <<'EOF'
import os, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) == 4:
        rows.setdefault(p[0], []).append((float(p[1]), float(p[2]) + float(p[3])))
med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in rows.items()}
print(f"one segment's stages, 96 frames 1280x720, median of {sys.argv[3]} runs; clip {sys.argv[2]}; "
      f"load average {open('/proc/loadavg').read().split()[0]} on {os.cpu_count()} cores")
print(f"   {'stage':28} {'wall ms':>8} {'CPU ms':>8}")
for name, floor in (("decode", "decode_floor"), ("x264", "x264_floor"), ("x264_ultrafast", "x264_floor"),
                    ("x264_48_frames", "x264_48_floor")):
    w, c = med[name][0] - med[floor][0], med[name][1] - med[floor][1]
    print(f"   {name:28} {w * 1000:8.0f} {c * 1000:8.0f}")
print(f"   (floors subtracted: decode {med['decode_floor'][0] * 1000:.0f} ms, "
      f"x264 {med['x264_floor'][0] * 1000:.0f} ms wall)")
EOF
