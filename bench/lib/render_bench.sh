# shellcheck shell=bash
# What the render benchmarks (bench/ffmpeg_reference.sh, bench/stream_latency.sh)
# share, on top of bench/lib/server.sh (whose bench_cleanup stops the server
# and PostgreSQL and removes $work at exit): the production demo clips
# (1280x720 ProRes 4444, not the small ones bench_start_server generates,
# since render time is what is measured), one PostgreSQL holding the demo
# catalog with them, and servers started one after another, each with a fresh
# cache of its own.
#
# The caller sets $root (the checkout) and sources this file, then:
#   bench_find_build                 $server, $src_root (the build's source tree), $stale
#   bench_media_dir                  $media: BENCH_MEDIA_DIR, var/media when complete,
#                                    else /var/tmp/ws-bench-media (clips generated there once)
#   bench_setup NAME                 $work, PostgreSQL, migrate, seed; a copy of pipelines/
#                                    (edits during the run change nothing)
#   bench_serve NAME [VAR=VALUE...]  a server with CACHE_DIR=$work/cache-NAME; $server_pid, $port
#   bench_stop_server
# BENCH_KEEP=1 leaves $work in place at exit (PostgreSQL and the server stop).
# shellcheck source=bench/lib/server.sh
source "$root/bench/lib/server.sh"

bench_find_build() {
  local build=${WS_BUILD_DIR:-$root/build}
  server=$build/src/app/workout-server
  [[ -x $server ]] || { echo "no $server: build first (scripts/test, or WS_BUILD_DIR=...)" >&2; exit 1; }
  # The server reads config/ and pipelines/ at run time: they must be the
  # binary's own, so the build's source tree is used.
  src_root=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt" 2>/dev/null)
  [[ -d $src_root/pipelines ]] || src_root=$root
  stale=$(find "$src_root/src" "$src_root/pipelines" "$src_root/CMakeLists.txt" -newer "$server" \
    -type f 2>/dev/null | head -n 3 | tr '\n' ' ' || true)
  [[ -z $stale ]] || echo "warning: newer than the binary: $stale(the figures may not match the tree)" >&2
}

bench_catalog_complete() {
  python3 - "$1" "$root/config/demo_catalog.json" <<'EOF'
import json, os, sys
media, catalog = sys.argv[1], sys.argv[2]
slugs = [e["slug"] for e in json.load(open(catalog))["exercises"]]
ok = all(os.path.isfile(f"{media}/clips/{s}.mov") and os.path.isfile(f"{media}/thumbnails/{s}.png")
         for s in slugs)
sys.exit(0 if ok else 1)
EOF
}

bench_media_dir() {
  media=${BENCH_MEDIA_DIR:-}
  if [[ -z $media ]]; then
    if bench_catalog_complete "$root/var/media"; then media=$root/var/media; else media=/var/tmp/ws-bench-media; fi
  fi
  bench_catalog_complete "$media" ||
    echo "==> generating the 1280x720 demo clips once into $media (2-3 minutes, not timed)" >&2
}

bench_keep_cleanup() {
  bench_stop_server
  bash "$root/scripts/test-pg.sh" stop "$work/pg" >/dev/null 2>&1 || true
  echo "kept $work" >&2
}

bench_setup() {
  work=$(mktemp -d "/tmp/ws-$1.XXXXXX")
  chmod 755 "$work"  # PostgreSQL runs as another user
  server_pid=""
  if [[ -n ${BENCH_KEEP:-} ]]; then trap bench_keep_cleanup EXIT; else trap bench_cleanup EXIT; fi
  trap 'exit 130' INT TERM
  cp -r "$src_root/pipelines" "$work/pipelines"
  bash "$root/scripts/test-pg.sh" start "$work/pg" >/dev/null
  bench_use_roles "$work/pg"
  export MEDIA_DIR=$media PORT=0 LOG_LEVEL=warn PIPELINES_DIR=$work/pipelines
  unset CACHE_DIR RENDER_PREFETCH RENDER_WORKERS FIRST_SEGMENT_S
  cd "$src_root"
  "$server" migrate >/dev/null
  "$server" seed >"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
}

bench_serve() {
  local name=$1
  shift
  rm -f "$work/port"
  env "$@" CACHE_DIR="$work/cache-$name" "$server" serve --port-file "$work/port" \
    >"$work/server-$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 200); do
    [[ -s $work/port ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server-$name.log" >&2; exit 1; }
    sleep 0.05
  done
  [[ -s $work/port ]] || { echo "the server did not start" >&2; exit 1; }
  port=$(cat "$work/port")
}

bench_stop_server() {
  if [[ -n ${server_pid:-} ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
