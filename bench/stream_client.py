#!/usr/bin/env python3
"""Player-side client of bench/stream_latency.sh (standard library only).

  stream_client.py phase main       --port P --pid PID --n N --out FILE
  stream_client.py phase noprefetch --port P --pid PID --n N --out FILE
  stream_client.py report --meta FILE [--server-log FILE] PHASE_FILE...

`phase main` runs against a server with its default prefetch: the reference
route, the first-segment latency of N new workouts (one at a time, each from
an idle server), seeks, and the render speed of a ~5 minute workout.
`phase noprefetch` does the same (without the reference, with fewer workouts)
against a server started with RENDER_PREFETCH=0. `report` prints the tables
and one JSON line.

Every workout is new (its own exercise set and work time, hence its own total
length, which every segment's content address includes), so no segment can
come from the cache. Times are wall-clock from sending the request to the last
byte read (http.client, one keep-alive connection per player session).
"""
import argparse
import http.client
import json
import math
import os
import platform
import statistics
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
TIMEOUT_S = 400  # above the server's render deadline (300 s)


# --------------------------------------------------------------------------
# server process

def cpu_seconds(pid):
    """utime + stime of the whole process (all threads), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # fields 14 and 15


def machine_busy_seconds():
    """CPU seconds all processes of the machine spent busy (/proc/stat)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + (v[4] if len(v) > 4 else 0)  # idle + iowait
    return (sum(v[:8]) - idle) / TICK  # guest time is counted in user already


class Background:
    """Whatever else ran on the machine during a phase, in cores: the
    machine's busy time minus the server's and this client's."""

    def __init__(self, pid):
        self.pid = pid
        self.t0 = time.monotonic()
        self.busy0 = machine_busy_seconds()
        self.server0 = cpu_seconds(pid)
        self.own0 = sum(os.times()[:2])

    def cores(self):
        wall = time.monotonic() - self.t0
        other = (machine_busy_seconds() - self.busy0) - (cpu_seconds(self.pid) - self.server0) \
            - (sum(os.times()[:2]) - self.own0)
        return max(0.0, other / wall)


def vm_hwm_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def wait_idle(pid, window=0.3, busy_below=0.03, limit=180.0):
    """Waits until the server uses < busy_below CPU s over `window` s (its
    prefetch has drained). Returns the seconds waited."""
    start = time.monotonic()
    last = cpu_seconds(pid)
    while True:
        time.sleep(window)
        now = cpu_seconds(pid)
        if now - last < busy_below:
            return time.monotonic() - start
        last = now
        if time.monotonic() - start > limit:
            log(f"warning: server still busy after {limit:.0f} s")
            return time.monotonic() - start


# --------------------------------------------------------------------------
# HTTP

class HttpError(Exception):
    pass


class Player:
    """One keep-alive connection, like a player's."""

    def __init__(self, port, errors):
        self.port = port
        self.errors = errors
        self.conn = None

    def _connect(self):
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT_S)

    def close(self):
        if self.conn:
            self.conn.close()
            self.conn = None

    def call(self, method, path, body=None, expect=(200,), retries=3):
        """(seconds, status, bytes) from send to last byte. Retries 503 after
        Retry-After like a player would, the wait counted in the time."""
        start = time.perf_counter()
        for attempt in range(retries + 1):
            if self.conn is None:
                self._connect()
            headers = {}
            data = None
            if body is not None:
                data = json.dumps(body).encode()
                headers = {"Content-Type": "application/json"}
            try:
                self.conn.request(method, path, body=data, headers=headers)
                resp = self.conn.getresponse()
                payload = resp.read()
            except (OSError, http.client.HTTPException) as e:
                self.close()
                self.errors.append(f"{method} {path}: {type(e).__name__}: {e}")
                if attempt < retries:
                    continue
                raise HttpError(f"{method} {path}: {e}") from e
            elapsed = time.perf_counter() - start
            if resp.status in expect:
                return elapsed, resp.status, payload
            self.errors.append(f"{method} {path}: HTTP {resp.status} after {elapsed:.3f} s: "
                               f"{payload[:300].decode(errors='replace')}")
            if resp.status == 503 and attempt < retries:
                time.sleep(float(resp.getheader("Retry-After", "1") or 1))
                continue
            raise HttpError(f"{method} {path}: HTTP {resp.status}")
        raise HttpError(f"{method} {path}: gave up")

    def json(self, method, path, body=None, expect=(200,)):
        elapsed, _, payload = self.call(method, path, body, expect)
        return elapsed, json.loads(payload)


def check_ts(path, payload, errors):
    """A segment must be a non-empty MPEG-TS (0x47 sync every 188 bytes)."""
    if not payload or len(payload) % 188 or payload[0] != 0x47 or payload[-188] != 0x47:
        errors.append(f"GET {path}: not an MPEG-TS segment ({len(payload)} bytes)")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# workouts

class Workouts:
    """New, distinct workouts: workout w uses a rotation of the catalog and a
    work time of its own, so its total length (part of every segment's
    content address) differs from every other one's."""

    def __init__(self, player, first_index):
        _, catalog = player.json("GET", "/api/exercises")
        items = catalog if isinstance(catalog, list) else catalog.get("exercises", [])
        self.ids = sorted(e["id"] for e in items)
        if len(self.ids) < 5:
            raise SystemExit("the catalog has fewer than 5 exercises")
        self.player = player
        self.next = first_index

    def create(self, exercises, work_time, rest_time, intensity="medium"):
        w = self.next
        self.next += 1
        n = len(self.ids)
        chosen = [self.ids[(w + j) % n] for j in range(exercises)]
        body = {"name": f"bench stream {w}",
                "exercises": [{"exercise_id": i} for i in chosen],
                "config": {"intervals": {"work_time": work_time, "rest_time": rest_time},
                           "rounds": 1, "intensity": intensity,
                           "include_warm_up": False, "include_cool_down": False}}
        _, created = self.player.json("POST", "/api/workouts", body, expect=(201,))
        self.last_intensity = intensity
        return created["id"]

    def short(self):
        """~1-4 minutes; only its first segments are fetched."""
        w = self.next
        return self.create(3, 20 + (w % 500), 10, ("low", "medium", "high")[w % 3])

    def long(self, seconds):
        """5 exercises, one round: 5 x work + 4 x rest (none after the last)."""
        rest = 15 if seconds >= 200 else 10
        work = max(5, round((seconds - 4 * rest) / 5))
        return self.create(5, work, rest)


def start_play(player, wid):
    """The play button: POST stream, master, media playlist. Returns the
    per-step times, the stream description, the segments' URLs and where each
    segment starts in media time (from the EXTINFs: the first segment is
    shorter than the others by default, the last may be longer)."""
    t_post, stream = player.json("POST", f"/api/workouts/{wid}/stream")
    master_path = stream["hls_url"]
    t_master, _, _ = player.call("GET", master_path)
    media_path = stream["renditions"][0]["playlist_url"]
    t_media, _, text = player.call("GET", media_path)
    lines = text.decode().splitlines()
    uris = [l for l in lines if l and not l.startswith("#")]
    starts = [0.0]
    for l in lines:
        if l.startswith("#EXTINF:"):
            starts.append(starts[-1] + float(l[len("#EXTINF:"):].split(",")[0]))
    if len(uris) != stream["segment_count"]:
        player.errors.append(f"{media_path}: {len(uris)} segments listed, "
                             f"segment_count says {stream['segment_count']}")
    base = media_path.rsplit("/", 1)[0] + "/"
    times = {"post": t_post, "master": t_master, "media": t_media}
    return times, stream, [base + u for u in uris], starts


def get_segment(player, path):
    t, _, payload = player.call("GET", path)
    check_ts(path, payload, player.errors)
    return t, len(payload)


# --------------------------------------------------------------------------
# phases

def first_segment(player, workouts, pid):
    wid = workouts.short()
    wait_idle(pid)
    times, stream, segs, _ = start_play(player, wid)
    times["seg0"], _ = get_segment(player, segs[0])
    times["total"] = times["post"] + times["master"] + times["media"] + times["seg0"]
    times["media_to_seg0"] = times["media"] + times["seg0"]
    times["intensity"] = workouts.last_intensity
    return times


def render_speed(player, workouts, pid, seconds):
    wid = workouts.long(seconds)
    wait_idle(pid)
    cpu0, t0 = cpu_seconds(pid), time.perf_counter()
    _, stream, segs, starts = start_play(player, wid)
    seg_times, size = [], 0
    failed = 0
    for path in segs:
        try:
            t, n = get_segment(player, path)
        except HttpError:  # recorded in errors; a player would skip on
            failed += 1
            continue
        seg_times.append(t)
        size += n
    wall = time.perf_counter() - t0
    cpu = cpu_seconds(pid) - cpu0
    duration = stream["duration_seconds"]
    # A player at 1x that starts when segment 0 arrives: the longest it would
    # wait for segment k beyond its play time (0 when always ahead).
    start = None
    stall = 0.0
    elapsed = 0.0
    for k, t in enumerate(seg_times):
        elapsed += t
        if start is None:
            start = elapsed
            continue
        stall = max(stall, elapsed - (start + starts[k]))
    return {"duration_s": duration, "segments": len(segs), "failed": failed, "wall_s": wall,
            "speed_x": duration / wall, "cpu_s": cpu, "cpu_s_per_min": cpu / (duration / 60.0),
            "seg_median_s": statistics.median(seg_times), "seg_max_s": max(seg_times),
            "seg0_s": seg_times[0], "stall_at_1x_s": stall, "mbytes": size / 1e6,
            "mbit_per_s": size * 8 / duration / 1e6}


def first_segments(player, workouts, pid, n):
    rows = []
    for i in range(n):
        player.close()  # a new viewer
        try:
            rows.append(first_segment(player, workouts, pid))
        except HttpError as e:  # recorded in errors; the sample is left out
            log(f"  workout {i + 1}/{n}: failed: {e}")
            continue
        log(f"  workout {i + 1}/{n}: seg0 ready {rows[-1]['total']:.3f} s after play")
    return rows


def seeks(player, workouts, pid, n):
    """Play a new workout (first segment), let the prefetch drain, then jump
    to its middle segment, then the segment after it."""
    rows = []
    for i in range(n):
        player.close()
        try:
            wid = workouts.short()
            _, stream, segs, _ = start_play(player, wid)
            get_segment(player, segs[0])
            wait_idle(pid)
            mid = len(segs) // 2
            t_mid, _ = get_segment(player, segs[mid])
            t_next, _ = get_segment(player, segs[mid + 1]) if mid + 1 < len(segs) else (float("nan"), 0)
        except HttpError as e:
            log(f"  seek {i + 1}/{n}: failed: {e}")
            continue
        rows.append({"index": mid, "of": len(segs), "seek_s": t_mid, "next_s": t_next})
        log(f"  seek {i + 1}/{n}: segment {mid}/{len(segs)} in {t_mid:.3f} s")
    return rows


def concurrent_players(port, pid, players, watch_seconds, buffer_segments, ahead_segments):
    """`players` different new workouts watched at once, each by its own
    player on its own connection, in real time: it fetches segments in order,
    starts playing once `buffer_segments` have arrived, and keeps at most
    `ahead_segments` beyond the one playing (a buffer cap, like a player's
    max buffer length) so the load stays real-time, not as-fast-as-possible.
    Segment k must have arrived by its playback deadline (play start + the
    media time before it, plus any stall so far); a late segment is a stall
    (playback pauses for the lateness, then resumes)."""
    import threading
    errors = []
    setup = Player(port, errors)
    workouts = Workouts(setup, first_index=5000)
    ids = [workouts.long(max(60, watch_seconds + 30)) for _ in range(players)]
    setup.close()
    wait_idle(pid)
    results = [None] * players
    barrier = threading.Barrier(players)

    def run(p):
        player = Player(port, errors)
        barrier.wait()
        t0 = time.perf_counter()
        row = {"workout": ids[p], "stalls": 0, "stall_s": 0.0, "max_late_s": 0.0, "segments": 0}
        try:
            times, stream, segs, starts = start_play(player, ids[p])
            # enough segments to cover watch_seconds of media
            needed = next((k for k, t in enumerate(starts) if t >= watch_seconds), len(segs))
            count = min(len(segs), max(buffer_segments + 1, needed))
            play_start = None  # wall time (since t0) media time 0 is shown
            fetch_times = []
            for k in range(count):
                if play_start is not None:
                    # the buffer cap: wait until segment k - ahead - 1 is playing
                    start_of = play_start + starts[max(0, k - ahead_segments - 1)]
                    now = time.perf_counter() - t0
                    if start_of > now:
                        time.sleep(start_of - now)
                t, _ = get_segment(player, segs[k])
                fetch_times.append(t)
                arrived = time.perf_counter() - t0
                row["segments"] += 1
                if play_start is None:
                    if k + 1 >= buffer_segments:
                        play_start = arrived  # segment 0 starts playing now
                        row["startup_s"] = arrived
                    continue
                deadline = play_start + starts[k]
                if arrived > deadline:
                    late = arrived - deadline
                    row["stalls"] += 1
                    row["stall_s"] += late
                    row["max_late_s"] = max(row["max_late_s"], late)
                    play_start += late
            row["fetch_median_s"] = statistics.median(fetch_times)
            row["fetch_max_s"] = max(fetch_times)
            row["media_s"] = starts[count]
        except HttpError as e:
            row["failed"] = str(e)
        player.close()
        results[p] = row

    cpu0, t0 = cpu_seconds(pid), time.perf_counter()
    background = Background(pid)
    threads = [threading.Thread(target=run, args=(p,)) for p in range(players)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    for p, r in enumerate(results):
        log(f"  player {p + 1}: {r['segments']} segments, startup {r.get('startup_s', float('nan')):.2f} s, "
            f"{r['stalls']} stalls ({r['stall_s']:.2f} s)" + (f", failed: {r['failed']}" if "failed" in r else ""))
    return {"players": results, "wall_s": wall, "server_cpu_s": cpu_seconds(pid) - cpu0,
            "background_cores": background.cores(), "errors": errors,
            "buffer_segments": buffer_segments, "ahead_segments": ahead_segments,
            "watch_seconds": watch_seconds}


def phase_main(args):
    errors = []
    player = Player(args.port, errors)
    workouts = Workouts(player, first_index=100)
    out = {"phase": "main", "errors": errors}
    background = Background(args.pid)
    # 4. reference: /healthz on an idle server
    wait_idle(args.pid)
    player.call("GET", "/healthz")
    out["healthz"] = [player.call("GET", "/healthz")[0] for _ in range(args.n * 2)]
    # the first render after start (GStreamer plugin loading...), apart
    log("cold start: first segment of the first workout")
    out["cold"] = first_segment(player, workouts, args.pid)
    # 1. first segment of N new workouts, one at a time
    out["first"] = first_segments(player, workouts, args.pid, args.n)
    # 2. seek to the middle of new workouts (prefetch never reached it)
    out["seek"] = seeks(player, workouts, args.pid, args.seeks)
    # 3. render speed with the server's prefetch
    log(f"render speed, prefetch on: every segment of a ~{args.speed_seconds} s workout")
    player.close()
    out["speed"] = render_speed(player, workouts, args.pid, args.speed_seconds)
    out["vm_hwm_mb"] = vm_hwm_mb(args.pid)
    out["background_cores"] = background.cores()
    if args.players > 0:
        # 5. concurrent new workouts watched in real time
        log(f"{args.players} players at once, each a new workout, {args.watch_seconds} s in real time")
        player.close()
        out["concurrent"] = concurrent_players(args.port, args.pid, args.players, args.watch_seconds,
                                               args.buffer_segments, args.ahead_segments)
        errors.extend(out["concurrent"].pop("errors"))
        out["vm_hwm_mb_after_concurrent"] = vm_hwm_mb(args.pid)
    with open(args.out, "w") as f:
        json.dump(out, f)


def start_phase(args, phase, first_index, what):
    """A phase's player and workouts, then its cold start and first segments."""
    errors = []
    player = Player(args.port, errors)
    workouts = Workouts(player, first_index=first_index)
    out = {"phase": phase, "errors": errors}
    background = Background(args.pid)
    log(f"cold start ({what})")
    out["cold"] = first_segment(player, workouts, args.pid)
    out["first"] = first_segments(player, workouts, args.pid, args.n)
    return player, workouts, out, background


def save_phase(args, out, background):
    out["background_cores"] = background.cores()
    with open(args.out, "w") as f:
        json.dump(out, f)


def phase_full_first(args):
    """First segments only, on a server whose first segment is as long as the
    others (FIRST_SEGMENT_S=0): what the short first segment gains."""
    _, _, out, background = start_phase(args, "full_first", 2000, "first segment as long as the others")
    save_phase(args, out, background)


def phase_noprefetch(args):
    player, workouts, out, background = start_phase(args, "noprefetch", 10, "prefetch off server")
    out["seek"] = seeks(player, workouts, args.pid, args.seeks)
    log(f"render speed, prefetch off: every segment of a ~{args.speed_seconds} s workout")
    player.close()
    out["speed"] = render_speed(player, workouts, args.pid, args.speed_seconds)
    out["vm_hwm_mb"] = vm_hwm_mb(args.pid)
    save_phase(args, out, background)


# --------------------------------------------------------------------------
# report

def pct(values, p):
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(p / 100.0 * len(s)) - 1)]


def summary(values):
    if not values:
        nan = float("nan")
        return {"median": nan, "p90": nan, "max": nan, "n": 0}
    return {"median": statistics.median(values), "p90": pct(values, 90), "max": max(values),
            "n": len(values)}


def ms(x):
    return f"{x * 1000:9.1f}"


def report(args):
    with open(args.meta) as f:
        meta = json.load(f)
    phases = {}
    for name in args.files:
        with open(name) as f:
            p = json.load(f)
        phases[p["phase"]] = p
    main, nopf = phases["main"], phases["noprefetch"]
    server_log = []
    if args.server_log and os.path.exists(args.server_log):
        with open(args.server_log) as f:
            server_log = [l.rstrip("\n") for l in f if l.strip()]

    ref = summary(main["healthz"])
    res = {"healthz": ref}
    rows = [("GET /healthz (reference floor)", "healthz")]
    for key, label in (("master", "GET master.m3u8"),
                       ("media", "GET media playlist"),
                       ("post", "POST /stream (play button)"),
                       ("seg0", "GET seg_00000.ts"),
                       ("media_to_seg0", "media playlist req -> seg0 last byte"),
                       ("total", "play -> seg0 last byte")):
        res[key] = summary([r[key] for r in main["first"]])
        rows.append((label, key))
    res["seek"] = summary([s["seek_s"] for s in main["seek"]])
    rows.append(("seek: GET middle segment", "seek"))
    nexts = [s["next_s"] for s in main["seek"] if not math.isnan(s["next_s"])]
    if nexts:
        res["seek_next"] = summary(nexts)
        rows.append(("seek: the segment after it", "seek_next"))
    # the same with RENDER_PREFETCH=0 (POST /stream still renders segment 0 ahead)
    res_off = {"total": summary([r["total"] for r in nopf["first"]]),
               "seek": summary([s["seek_s"] for s in nopf["seek"]])}
    rows_off = [("play -> seg0 last byte", "total"), ("seek: GET middle segment", "seek")]

    print()
    print(f"machine: {meta['nproc']} cores, {meta['cpu']}, {meta['mem']}")
    print(f"command: {meta['command']}")
    print(f"render {meta['render']}, clips {meta['clips']}, RENDER_WORKERS={meta['workers']}, "
          f"{meta['date']}")
    print(f"source: {meta['git']}")
    print()
    print("latency, each new workout played from an idle server, one at a time "
          "(time from sending the request to its last byte)")
    print(f"{'':3}{'request':38} {'n':>3} {'median ms':>9} {'p90 ms':>9} {'max ms':>9} {'x healthz':>9}")
    def line(label, s):
        print(f"   {label:38} {s['n']:3d} {ms(s['median'])} {ms(s['p90'])} {ms(s['max'])} "
              f"{s['median'] / ref['median']:9.0f}")
    print("RENDER_PREFETCH=3 (default)")
    for label, key in rows:
        line(label, res[key])
    print("RENDER_PREFETCH=0")
    for label, key in rows_off:
        line(label, res_off[key])
    by = {}
    for r in main["first"]:
        by.setdefault(r["intensity"], []).append(r["total"])
    full = phases.get("full_first")
    res_full = None
    if full:
        res_full = {key: summary([r[key] for r in full["first"]]) for key in ("media_to_seg0", "total")}
        print("FIRST_SEGMENT_S=0 (prefetch 3, every segment 3.2 s; other load "
              f"{full['background_cores']:.2f} cores)")
        line("media playlist req -> seg0 last byte", res_full["media_to_seg0"])
        line("play -> seg0 last byte", res_full["total"])
        print(f"   short first segment / full first segment, media req -> seg0 median: "
              f"{res['media_to_seg0']['median'] / res_full['media_to_seg0']['median']:.2f}")
    print("   play -> seg0 by intensity (prefetch 3), median ms: " +
          ", ".join(f"{k} {statistics.median(v) * 1000:.0f} (n={len(v)})" for k, v in sorted(by.items())))
    print(f"cold (first segment after server start, not above): "
          f"{main['cold']['total'] * 1000:.0f} ms prefetch 3, "
          f"{nopf['cold']['total'] * 1000:.0f} ms prefetch 0")
    print()
    speeds = [("prefetch 0", nopf["speed"], nopf["vm_hwm_mb"]),
              ("prefetch 3", main["speed"], main["vm_hwm_mb"])]
    print("render speed: one client fetching every segment of a new workout in order, "
          "as fast as it can")
    print(f"   {'server':11} {'media s':>7} {'segs':>4} {'wall s':>6} {'x realtime':>10} "
          f"{'CPU s/min':>9} {'seg med s':>9} {'seg max s':>9} {'Mbit/s':>6} {'peak RSS MB':>11}")
    for label, s, hwm in speeds:
        print(f"   {label:11} {s['duration_s']:7.1f} {s['segments']:4d} {s['wall_s']:6.1f} "
              f"{s['speed_x']:10.2f} {s['cpu_s_per_min']:9.1f} {s['seg_median_s']:9.3f} "
              f"{s['seg_max_s']:9.3f} {s['mbit_per_s']:6.2f} {hwm:11.0f}")
    print("   CPU s/min: the server's utime+stime per minute of media; peak RSS: VmHWM of "
          "that server process over its whole run")
    print(f"   other load on the machine meanwhile (busy CPU minus this server and client): "
          f"{main['background_cores']:.2f} cores (prefetch 3 phase), "
          f"{nopf['background_cores']:.2f} cores (prefetch 0 phase)")
    conc = main.get("concurrent")
    if conc:
        print()
        print(f"concurrent: {len(conc['players'])} players, each a new workout watched in real time "
              f"({conc['watch_seconds']} s; playback starts after {conc['buffer_segments']} segments, "
              f"at most {conc['ahead_segments']} fetched ahead); a stall = a segment after its deadline")
        print(f"   {'player':6} {'segs':>4} {'startup s':>9} {'stalls':>6} {'stall s':>7} {'max late s':>10} "
              f"{'fetch med s':>11} {'fetch max s':>11}")
        for i, r in enumerate(conc["players"]):
            print(f"   {i + 1:6d} {r['segments']:4d} {r.get('startup_s', float('nan')):9.2f} {r['stalls']:6d} "
                  f"{r['stall_s']:7.2f} {r['max_late_s']:10.2f} {r.get('fetch_median_s', float('nan')):11.3f} "
                  f"{r.get('fetch_max_s', float('nan')):11.3f}" + ("  FAILED" if "failed" in r else ""))
        media = sum(r.get("media_s", 0) for r in conc["players"])
        print(f"   server CPU {conc['server_cpu_s']:.1f} s over {conc['wall_s']:.1f} s "
              f"({conc['server_cpu_s'] / conc['wall_s']:.2f} cores, {conc['server_cpu_s'] / (media / 60):.1f} "
              f"CPU s per minute of media); other load meanwhile {conc['background_cores']:.2f} cores; "
              f"server peak RSS after it {main['vm_hwm_mb_after_concurrent']:.0f} MB")
    errors = [e for p in phases.values() for e in p["errors"]]
    print()
    print(f"client-side errors: {len(errors)}")
    for e in errors[:20]:
        print(f"  {e}")
    # lines of `uniq -c`: count, then the message
    log_lines = sum(int(l.split(None, 1)[0]) for l in server_log)
    print(f"server log (LOG_LEVEL=warn, both servers): {log_lines} lines, "
          f"{len(server_log)} distinct messages")
    for l in server_log[:10]:
        print(f"  {l.strip()[:300]}")

    def keep(d):
        return {k: meta[k] for k in d}
    result = {"bench": "stream_latency", **keep(("command", "nproc", "cpu", "render", "clips",
                                                 "workers", "git", "date")),
              "unit": "seconds", "latency_prefetch_3": res, "latency_prefetch_0": res_off,
              "latency_full_first_segment": res_full,
              "cold_first_segment": {"prefetch_3": main["cold"]["total"],
                                     "prefetch_0": nopf["cold"]["total"]},
              "speed_prefetch_3": {**main["speed"], "peak_rss_mb": main["vm_hwm_mb"]},
              "speed_prefetch_0": {**nopf["speed"], "peak_rss_mb": nopf["vm_hwm_mb"]},
              "background_cores": {"prefetch_3": main["background_cores"],
                                   "prefetch_0": nopf["background_cores"]},
              "concurrent": conc, "client_errors": len(errors), "server_log_lines": log_lines}
    print()
    print(json.dumps(result, separators=(",", ":")))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    ph = sub.add_parser("phase")
    ph.add_argument("which", choices=("main", "noprefetch", "full_first"))
    ph.add_argument("--port", type=int, required=True)
    ph.add_argument("--pid", type=int, required=True)
    ph.add_argument("--n", type=int, default=20)
    ph.add_argument("--seeks", type=int, default=3)
    ph.add_argument("--speed-seconds", type=int, default=300)
    ph.add_argument("--players", type=int, default=0, help="concurrent real-time players (main phase)")
    ph.add_argument("--watch-seconds", type=int, default=120)
    ph.add_argument("--buffer-segments", type=int, default=2)
    ph.add_argument("--ahead-segments", type=int, default=3)
    ph.add_argument("--out", required=True)
    rp = sub.add_parser("report")
    rp.add_argument("--meta", required=True)
    rp.add_argument("--server-log")
    rp.add_argument("files", nargs="+")
    args = ap.parse_args()
    if args.cmd == "report":
        report(args)
    else:
        {"main": phase_main, "noprefetch": phase_noprefetch, "full_first": phase_full_first}[args.which](args)


if __name__ == "__main__":
    main()
