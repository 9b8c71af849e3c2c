# shellcheck shell=bash
# A throwaway PostgreSQL and server(s) for a benchmark. Source it, then either
#   bench_start_server [VAR=VALUE...]   all in one: cluster, migrate, seed (small
#                                       clips), one server; sets $work, $port,
#                                       $server_pid; cleans up at exit
# or the steps, for a bench with its own clips or several servers in turn:
#   bench_start_pg                      $work and a cluster, its roles in the
#                                       environment; cleanup at exit
#   bench_setup [SEED ARGS...]          $work, cluster, migrate, seed into
#                                       $BENCH_MEDIA_DIR (default $work/media);
#                                       cleanup at exit, Ctrl-C included
#   bench_serve NAME [VAR=VALUE...]     a server with a fresh cache of its own
#                                       ($work/cache-NAME), its log in
#                                       $work/server-NAME.log; sets $port, $server_pid
#   bench_stop_server                   SIGTERM to that server, waits for it
# Needs a build (bash scripts/test or scripts/run first).
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_server=$bench_root/build/src/app/workout-server

# The test cluster's roles (scripts/lib/pg.sh's roles.env): the server as
# workout_app, migrate and seed as the owner; serve refuses the superuser.
bench_use_roles() {
  set -a
  # shellcheck source=/dev/null
  source "$1/roles.env"
  set +a
}

bench_stop_server() {
  if [[ -n ${server_pid:-} ]]; then
    kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    server_pid=""
  fi
  return 0
}

bench_cleanup() {
  bench_stop_server
  bash "$bench_root/scripts/test-pg.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}

bench_start_pg() {
  work=$(mktemp -d /tmp/ws-bench.XXXXXX)
  chmod 755 "$work"  # PostgreSQL runs as another user
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
  bash "$bench_root/scripts/test-pg.sh" start "$work/pg" >/dev/null
  bench_use_roles "$work/pg"
}

bench_setup() {
  bench_start_pg
  export MEDIA_DIR=${BENCH_MEDIA_DIR:-$work/media} PORT=0 LOG_LEVEL=${LOG_LEVEL:-warn}
  cd "$bench_root" || exit 1
  "$bench_server" migrate >/dev/null
  "$bench_server" seed "$@" >"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
}

# Waits for the port file (at most 20 s), failing at once if the server dies.
bench_wait_for_port() {
  local port_file=$1 log=$2
  for _ in $(seq 200); do
    [[ -s $port_file ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; echo "the server died at start" >&2; exit 1; }
    sleep 0.1
  done
  [[ -s $port_file ]] || { cat "$log" >&2; echo "the server did not start within 20 s" >&2; exit 1; }
  # shellcheck disable=SC2034  # read by the script that sources this file
  port=$(cat "$port_file")
}

bench_serve() {
  local name=$1
  shift
  rm -f "$work/port"
  env "$@" CACHE_DIR="${BENCH_CACHE_DIR:-$work/cache-$name}" "$bench_server" serve --port-file "$work/port" \
    2>"$work/server-$name.log" &
  server_pid=$!
  bench_wait_for_port "$work/port" "$work/server-$name.log"
}

bench_start_server() {
  BENCH_MEDIA_DIR='' bench_setup --clip-size 160x90 --clip-seconds 3
  BENCH_CACHE_DIR=$work/cache bench_serve main "$@"
}
