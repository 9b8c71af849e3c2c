#!/usr/bin/env python3
"""Helper of bench/ffmpeg_reference.sh (standard library only).

  reference_workout.py create --port P --out DIR [--exercises 8 --rounds 3
                              --work 35 --rest 15 --intensity high]
      creates a new workout on a running server (POST /api/workouts) and
      writes DIR/workout.json: its id, its interval list (whole seconds, the
      same layout as src/timeline: rounds of work, a rest before every work
      but the first, no warm-up or cool-down) and each exercise's clip.
  reference_workout.py ffmpeg --workout DIR/workout.json --media MEDIA
                              --out DIR --bitrate-kbps K --speed S ...
      writes the reference FFmpeg command for that workout as an
      ffmpeg argument list (DIR/ffmpeg.args, one argument per line), with its
      filter graph (DIR/filter.txt), the progress bar's commands
      (DIR/bar.cmd) and the text of every interval (DIR/text/*.txt).
"""
import argparse
import http.client
import json
import os
import sys

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def call(port, method, path, body=None, expect=200):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers, data = {}, None
    if body is not None:
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
    conn.request(method, path, body=data, headers=headers)
    resp = conn.getresponse()
    payload = resp.read()
    if resp.status != expect:
        raise SystemExit(f"{method} {path}: HTTP {resp.status}: {payload[:300]!r}")
    return json.loads(payload)


def create(args):
    catalog = call(args.port, "GET", "/api/exercises")
    items = catalog if isinstance(catalog, list) else catalog.get("exercises", [])
    # Exercises with a clip, in a fixed order; a salt of our own so the
    # workout (and so every segment's content address) is new.
    items = sorted((e for e in items if e.get("video_url")), key=lambda e: e["name"])
    if len(items) < args.exercises:
        raise SystemExit(f"the catalog has {len(items)} exercises with a clip, {args.exercises} wanted")
    chosen = items[:args.exercises]
    body = {"name": f"bench ffmpeg reference {os.getpid()}",
            "exercises": [{"exercise_id": e["id"]} for e in chosen],
            "config": {"intervals": {"work_time": args.work, "rest_time": args.rest},
                       "rounds": args.rounds, "intensity": args.intensity,
                       "include_warm_up": False, "include_cool_down": False}}
    created = call(args.port, "POST", "/api/workouts", body, expect=201)
    stream = call(args.port, "POST", f"/api/workouts/{created['id']}/stream")
    intervals = []
    for r in range(1, args.rounds + 1):
        for i, e in enumerate(chosen):
            if not (r == 1 and i == 0):
                intervals.append({"kind": "rest", "seconds": args.rest, "next": e["name"]})
            intervals.append({"kind": "work", "seconds": args.work, "name": e["name"],
                              "clip": e["video_url"], "round": r})
    total = sum(iv["seconds"] for iv in intervals)
    if abs(total - stream["duration_seconds"]) > 0.05:
        raise SystemExit(f"interval layout {total} s differs from the server's {stream['duration_seconds']} s")
    with open(os.path.join(args.out, "workout.json"), "w") as f:
        json.dump({"id": created["id"], "rounds": args.rounds, "intensity": args.intensity,
                   "duration_seconds": total, "segment_seconds": stream["segment_duration_seconds"],
                   "segments": stream["segment_count"], "intervals": intervals}, f, indent=1)
    print(created["id"])


def clip_path(media, url):
    """The API gives clips as URLs under /media/ (MEDIA_DIR served there)."""
    rel = url[len("/media/"):] if url.startswith("/media/") else url.lstrip("/")
    path = os.path.join(media, rel)
    if not os.path.isfile(path):
        raise SystemExit(f"no clip {path} for {url}")
    return path


def text_file(out, name, text):
    path = os.path.join(out, "text", name)
    with open(path, "w") as f:
        f.write(text)
    # filter-graph escaping of a path: no ':' ',' '\'' in ours (mktemp folders)
    return path


def ffmpeg(args):
    with open(args.workout) as f:
        w = json.load(f)
    out = args.out
    os.makedirs(os.path.join(out, "text"), exist_ok=True)
    size = f"{args.width}x{args.height}"
    fps = args.fps
    bg = args.background.replace("#", "0x")
    total = w["duration_seconds"]
    argv = ["-hide_banner", "-nostats", "-loglevel", "error", "-y"]
    chains, labels = [], []
    n_in = 0
    for k, iv in enumerate(w["intervals"]):
        d = iv["seconds"]
        if iv["kind"] == "work":
            # 1. the clip, looped, sped up by the intensity (setpts), over the
            # background with its alpha
            argv += ["-stream_loop", "-1", "-t", f"{d * args.speed + 1:.3f}",
                     "-i", clip_path(args.media, iv["clip"])]
            name = text_file(out, f"{k:03d}.txt", f"{iv['name']}  (round {iv['round']}/{w['rounds']})")
            chains.append(
                f"[{n_in}:v]setpts=(PTS-STARTPTS)/{args.speed},fps={fps},trim=duration={d},"
                f"setpts=PTS-STARTPTS[c{k}];"
                f"color=c={bg}:s={size}:r={fps}:d={d}[b{k}];"
                f"[b{k}][c{k}]overlay=x=(W-w)/2:y=(H-h)/2:shortest=1:format=auto,"
                f"drawtext=textfile={name}:fontfile={FONT}:fontsize=40:fontcolor=white:x=40:y=h-110:"
                f"box=1:boxcolor=black@0.5:boxborderw=8[v{k}]")
            n_in += 1
        else:
            name = text_file(out, f"{k:03d}.txt", f"Rest - next: {iv['next']}")
            chains.append(
                f"color=c={bg}:s={size}:r={fps}:d={d},format=yuv420p,"
                f"drawtext=textfile={name}:fontfile={FONT}:fontsize=56:fontcolor=white:"
                f"x=(w-tw)/2:y=(h-th)/2[v{k}]")
        labels.append(f"[v{k}]")
    # 2. concatenation; 3. the timer (drawtext %{pts:hms}); 4. the progress
    # bar (drawbox; FFmpeg 5.1's drawbox cannot read the time in its
    # expressions, so its width is set once a second by sendcmd)
    with open(os.path.join(out, "bar.cmd"), "w") as f:
        for s in range(0, int(total) + 1):
            width = max(1, round((args.width - 40) * s / total))
            f.write(f"{s}.0 drawbox@bar w {width};\n")
    chains.append(
        "".join(labels) + f"concat=n={len(labels)}:v=1:a=0,"
        f"drawtext=text='%{{pts\\:hms}}':fontfile={FONT}:fontsize=30:fontcolor=white:"
        f"x=w-tw-20:y=20:box=1:boxcolor=black@0.5:boxborderw=5,"
        f"sendcmd=f={os.path.join(out, 'bar.cmd')},"
        f"drawbox@bar=x=20:y=ih-40:w=1:h=10:color=green:t=fill,format=yuv420p[vout]")
    with open(os.path.join(out, "filter.txt"), "w") as f:
        f.write(";\n".join(chains) + "\n")
    # audio: silence in AAC, the same bitrate as ours
    argv += ["-f", "lavfi", "-t", str(total), "-i", f"anullsrc=r=48000:cl=stereo"]
    seg = w["segment_seconds"]
    hls = os.path.join(out, "hls")
    os.makedirs(hls, exist_ok=True)
    argv += ["-filter_complex_script", os.path.join(out, "filter.txt"),
             "-map", "[vout]", "-map", f"{n_in}:a",
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
             "-b:v", f"{args.bitrate_kbps}k", "-r", str(fps),
             "-force_key_frames", f"expr:gte(t,n_forced*{seg})",
             "-c:a", "aac", "-b:a", f"{args.audio_kbps}k", "-t", str(total),
             "-f", "hls", "-hls_time", str(seg), "-hls_playlist_type", "vod",
             "-hls_segment_type", "mpegts",
             "-hls_segment_filename", os.path.join(hls, "seg_%05d.ts"),
             os.path.join(hls, "index.m3u8")]
    with open(os.path.join(out, "ffmpeg.args"), "w") as f:
        f.write("\n".join(argv) + "\n")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("create")
    c.add_argument("--port", type=int, required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--exercises", type=int, default=8)
    c.add_argument("--rounds", type=int, default=3)
    c.add_argument("--work", type=int, default=35)
    c.add_argument("--rest", type=int, default=15)
    c.add_argument("--intensity", default="high")
    f = sub.add_parser("ffmpeg")
    f.add_argument("--workout", required=True)
    f.add_argument("--media", required=True)
    f.add_argument("--out", required=True)
    f.add_argument("--speed", type=float, required=True)
    f.add_argument("--width", type=int, default=1280)
    f.add_argument("--height", type=int, default=720)
    f.add_argument("--fps", type=int, default=30)
    f.add_argument("--bitrate-kbps", type=int, default=3000)
    f.add_argument("--audio-kbps", type=int, default=128)
    f.add_argument("--background", default="#0f172a")
    args = ap.parse_args()
    create(args) if args.cmd == "create" else ffmpeg(args)


if __name__ == "__main__":
    main()
