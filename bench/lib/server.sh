# shellcheck shell=bash
# A throwaway PostgreSQL and server for a benchmark. Source it, then:
#   bench_start_server [VAR=VALUE...]   cluster, migrate, seed (small clips), serve;
#                                       sets $work, $port, $server_pid; cleans up at exit
# Needs a build (bash scripts/test or scripts/run first).
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_server=$bench_root/build/src/app/workout-server

bench_cleanup() {
  [[ -n ${server_pid:-} ]] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" || true
  bash "$bench_root/scripts/test-pg.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}

bench_start_server() {
  work=$(mktemp -d /tmp/ws-bench.XXXXXX)
  chmod 755 "$work"
  trap bench_cleanup EXIT
  bash "$bench_root/scripts/test-pg.sh" start "$work/pg" >/dev/null
  export DATABASE_URL; DATABASE_URL=$(cat "$work/pg/url")
  export MEDIA_DIR=$work/media CACHE_DIR=$work/cache PORT=0 LOG_LEVEL=warn
  cd "$bench_root"
  "$bench_server" migrate >/dev/null
  "$bench_server" seed --clip-size 160x90 --clip-seconds 3 >/dev/null
  env "$@" "$bench_server" serve --port-file "$work/port" &
  server_pid=$!
  for _ in $(seq 100); do [[ -s $work/port ]] && break; sleep 0.1; done
  port=$(cat "$work/port")
}
