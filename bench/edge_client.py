#!/usr/bin/env python3
"""Misbehaving clients for bench/edge_hold.sh (standard library only).

  edge_client.py --port P --pid PID --connections N --watch-seconds S
                 --header-timeout H --body-timeout B --idle-timeout I
                 [--reopen] --out FILE

Holds N connections to the server, spread over 40 loopback addresses
(127.0.0.2-41: under the default cap of 256 per address), in four equal
kinds (with --reopen, each is reopened as soon as the server closes it, so
that N stay held for the whole run):
  idle       connects and sends nothing (the header timeout applies: 408)
  headers    a request line, then one header line every 5 s (header timeout: 408)
  body       a whole head announcing 1000 bytes, then one byte every 5 s
             (body timeout: 408)
  keepalive  one request answered, then nothing (idle timeout: closed, no answer)
Meanwhile one player (bench/stream_client.py's real-time player: playback
starts after 2 segments, at most 3 fetched ahead) plays a new workout for S
seconds of media from 127.0.0.1, and GET /healthz is timed once a second.
Prints, per kind, how many were closed and when against their deadline, the
player's stalls, the server's CPU and memory, its connection counters, the
load average; writes the same as JSON to FILE.
"""
import argparse
import asyncio
import json
import os
import statistics
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stream_client  # noqa: E402  (the player and the server probes)

KINDS = ("idle", "headers", "body", "keepalive")
ADDRESSES = [f"127.0.0.{i}" for i in range(2, 42)]
TRICKLE_S = 5.0


def log(msg):
    print(msg, file=sys.stderr, flush=True)


class Holder:
    """The held connections and what became of each."""

    def __init__(self, port, timeouts, reopen):
        self.port = port
        self.reopen = reopen
        self.timeouts = timeouts  # kind -> seconds the server gives it
        self.closed = {k: [] for k in KINDS}  # (lateness s, status or 0, bytes)
        self.open = 0
        self.refused = 0  # 503 at connect
        self.errors = []
        self.stopping = False

    async def one(self, kind, address):
        """One connection of `kind`; returns when the server closes it."""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port, local_addr=(address, 0))
        self.open += 1
        loop = asyncio.get_running_loop()
        armed = loop.time()  # when the server's deadline starts
        received = b""
        try:
            if kind == "headers":
                writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            elif kind == "body":
                writer.write(b"POST /api/workouts HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{")
                armed = loop.time()
            elif kind == "keepalive":
                writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                while b'"ok"}' not in received:
                    chunk = await reader.read(4096)
                    if not chunk:
                        raise ConnectionError("closed before its answer")
                    received += chunk
                armed = loop.time()
                received = b""
            trickle = kind in ("headers", "body")
            while True:
                try:
                    chunk = await asyncio.wait_for(reader.read(4096), TRICKLE_S if trickle else None)
                except asyncio.TimeoutError:
                    writer.write(b"X-Slow: 1\r\n" if kind == "headers" else b" ")
                    continue
                if not chunk:
                    break
                received += chunk
        except (ConnectionError, OSError) as e:
            received = received or f"error: {e}".encode()
        closed = loop.time()
        self.open -= 1
        writer.close()
        status = int(received[9:12]) if received.startswith(b"HTTP/1.1 ") else 0
        if status == 503:
            self.refused += 1
        else:
            self.closed[kind].append((closed - armed - self.timeouts[kind], status, len(received)))

    async def keep(self, kind, address):
        """A connection of `kind`, reopened each time the server closes it
        when reopening."""
        while not self.stopping:
            try:
                await self.one(kind, address)
            except OSError as e:
                self.errors.append(f"{kind} from {address}: {e}")
                await asyncio.sleep(1.0)
            if not self.reopen:
                return

    async def run(self, count, until_done):
        tasks = []
        for i in range(count):
            tasks.append(asyncio.create_task(self.keep(KINDS[i % 4], ADDRESSES[i % len(ADDRESSES)])))
            if i % 250 == 249:  # in waves: the listen backlog is finite
                await asyncio.sleep(0.05)
        while not until_done.is_set():
            await asyncio.sleep(0.2)
        self.stopping = True
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def probe(port, done, out):
    """GET /healthz once a second on one kept-alive connection from
    127.0.0.1, as an API client would: how long the server takes to answer
    while it holds the connections (the player's latency includes renders)."""
    reader = writer = None
    while not done.is_set():
        start = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            received = b""
            while b'"ok"}' not in received:
                chunk = await asyncio.wait_for(reader.read(4096), 60)
                if not chunk:
                    raise ConnectionError("closed")
                received += chunk
            out.append(time.perf_counter() - start)
        except (OSError, asyncio.TimeoutError):
            writer = None
        await asyncio.sleep(max(0.0, 1.0 - (time.perf_counter() - start)))


def play(port, pid, watch_seconds, out, done):
    """One real-time player on a new workout (stream_client's), in a thread."""
    # concurrent_players waits for an idle server before its players start;
    # this server is never idle (it is holding the connections), by design.
    stream_client.wait_idle = lambda *_, **__: 0.0
    try:
        out.update(stream_client.concurrent_players(port, pid, 1, watch_seconds, 2, 3))
    finally:
        done.set()


def metrics(port):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30).read().decode()
    return {line.split(" ")[0]: float(line.split(" ")[1]) for line in text.splitlines()
            if line.startswith("ws_http_connections")}


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def summary(holder, slack):
    rows = {}
    for kind in KINDS:
        late = [l for l, _, _ in holder.closed[kind]]
        statuses = {}
        for _, status, _ in holder.closed[kind]:
            statuses[status] = statuses.get(status, 0) + 1
        rows[kind] = {"closed": len(late), "timeout_s": holder.timeouts[kind],
                      "early": sum(1 for l in late if l < -0.25),
                      "late": sum(1 for l in late if l > slack),
                      "lateness_median_s": statistics.median(late) if late else None,
                      "lateness_max_s": max(late) if late else None,
                      "statuses": {str(k): v for k, v in sorted(statuses.items())}}
    return rows


def main():
    ap = argparse.ArgumentParser()
    for name in ("port", "pid", "connections", "watch-seconds", "header-timeout", "body-timeout", "idle-timeout"):
        ap.add_argument(f"--{name}", type=int, required=True)
    ap.add_argument("--reopen", action="store_true")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    timeouts = {"idle": args.header_timeout, "headers": args.header_timeout, "body": args.body_timeout,
                "keepalive": args.idle_timeout}
    # A connection is closed at most one deadline check late (a twentieth of
    # the shortest timeout, 50 to 500 ms); a second more for a busy machine.
    slack = min(0.5, max(0.05, min(timeouts.values()) / 20)) + 1.0
    holder = Holder(args.port, timeouts, args.reopen)
    # The clip warmer fills the frame cache after start: memory is compared
    # from an idle server on.
    waited = stream_client.wait_idle(args.pid, window=2.0, busy_below=0.1)
    log(f"server idle after {waited:.0f} s")
    rss_before, load_before = rss_mb(args.pid), os.getloadavg()
    cpu0, t0 = stream_client.cpu_seconds(args.pid), time.monotonic()
    background = stream_client.Background(args.pid)
    done, played, probes = threading.Event(), {}, []
    peak = {"open": 0, "rss_mb": 0.0, "rss_held_mb": 0.0}

    async def everything():
        holding = asyncio.create_task(holder.run(args.connections, done))
        while holder.open < args.connections * 0.95 and time.monotonic() - t0 < 60:
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)
        peak["rss_held_mb"] = rss_mb(args.pid)
        log(f"holding {holder.open} connections after {time.monotonic() - t0:.1f} s; the player starts")
        threading.Thread(target=play, args=(args.port, args.pid, args.watch_seconds, played, done)).start()
        probing = asyncio.create_task(probe(args.port, done, probes))
        while not done.is_set():
            peak["open"] = max(peak["open"], holder.open)
            peak["rss_mb"] = max(peak["rss_mb"], rss_mb(args.pid))
            await asyncio.sleep(1.0)
        await holding
        await probing

    asyncio.run(everything())
    wall = time.monotonic() - t0
    result = {"bench": "edge_hold", "reopen": args.reopen, "connections": args.connections,
              "watch_seconds": args.watch_seconds,
              "timeouts_s": timeouts, "slack_s": slack, "wall_s": wall, "held_peak": peak["open"],
              "refused_503": holder.refused, "client_errors": holder.errors[:10],
              "kinds": summary(holder, slack), "player": played.get("players", [{}])[0],
              "player_errors": played.get("errors", [])[:10],
              "healthz_s": {"n": len(probes), "median": statistics.median(probes) if probes else None,
                            "p90": sorted(probes)[int(len(probes) * 0.9)] if probes else None,
                            "max": max(probes) if probes else None},
              "server_cpu_cores": (stream_client.cpu_seconds(args.pid) - cpu0) / wall,
              "server_rss_mb": {"before": rss_before, "held": peak["rss_held_mb"], "peak": peak["rss_mb"]},
              "other_load_cores": background.cores(), "loadavg_before": load_before,
              "loadavg_after": os.getloadavg(), "metrics": metrics(args.port)}
    report(result)
    with open(args.out, "w") as f:
        json.dump(result, f, separators=(",", ":"))


def report(r):
    p = r["player"]
    how = "reopened as the server closed them" if r["reopen"] else "each opened once"
    print(f"{r['connections']} connections held (peak {r['held_peak']}), {how}, "
          f"over {r['wall_s']:.0f} s; load average before {r['loadavg_before'][0]:.2f}, "
          f"after {r['loadavg_after'][0]:.2f}; other load meanwhile {r['other_load_cores']:.2f} cores")
    print(f"{'kind':10} {'timeout s':>9} {'closed':>7} {'early':>6} {'late':>5} {'median +s':>9} "
          f"{'max +s':>7}  answers")
    for kind, k in r["kinds"].items():
        med = "-" if k["lateness_median_s"] is None else f"{k['lateness_median_s']:9.2f}"
        mx = "-" if k["lateness_max_s"] is None else f"{k['lateness_max_s']:7.2f}"
        print(f"{kind:10} {k['timeout_s']:9d} {k['closed']:7d} {k['early']:6d} {k['late']:5d} {med:>9} {mx:>7}  "
              + ", ".join(f"{s if s != '0' else 'none'}: {n}" for s, n in k["statuses"].items()))
    print(f"  (+s: closed this long after the deadline; late: more than {r['slack_s']:.2f} s after; "
          f"503 at connect: {r['refused_503']})")
    print(f"player: {p.get('segments', 0)} segments, startup {p.get('startup_s', float('nan')):.2f} s, "
          f"{p.get('stalls', '?')} stalls ({p.get('stall_s', 0):.2f} s), fetch median "
          f"{p.get('fetch_median_s', float('nan')):.3f} s, max {p.get('fetch_max_s', float('nan')):.3f} s"
          + (f", FAILED: {p['failed']}" if "failed" in p else ""))
    rss = r["server_rss_mb"]
    h = r["healthz_s"]
    if h["n"]:
        print(f"GET /healthz once a second meanwhile: median {h['median'] * 1000:.0f} ms, p90 "
              f"{h['p90'] * 1000:.0f} ms, max {h['max'] * 1000:.0f} ms (n={h['n']})")
    print(f"server: {r['server_cpu_cores']:.2f} cores; RSS {rss['before']:.0f} MB idle, {rss['held']:.0f} MB "
          f"holding the connections before the player started "
          f"({(rss['held'] - rss['before']) * 1024 / r['connections']:.1f} KB each), {rss['peak']:.0f} MB peak")
    for name, value in sorted(r["metrics"].items()):
        print(f"  {name} {value:.0f}")


if __name__ == "__main__":
    main()
