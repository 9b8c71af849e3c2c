#!/usr/bin/env bash
# The test suite's throwaway PostgreSQL cluster (a ctest fixture):
#   test-pg.sh start DIR   new cluster on a free port; its URL in DIR/url
#   test-pg.sh stop DIR    stop it and delete it
# The cluster's data lives in a fresh folder under /tmp, so it works wherever
# the build folder is (even one the postgres account cannot enter); DIR only
# holds the url and where the cluster is.
set -euo pipefail
# shellcheck source=scripts/lib/pg.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/pg.sh"

free_port() {
  local port
  for port in $(seq 56000 56999); do
    # Nothing answers there and nothing is bound there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null &&
      ! ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port in 56000-56999" >&2
  return 1
}

start() {
  local dir=$1 cluster port
  stop "$dir" 2>/dev/null || true
  mkdir -p "$dir"
  cluster=$(mktemp -d /tmp/ws-test-pg.XXXXXX)
  chmod 755 "$cluster"
  echo "$cluster" >"$dir/location"
  port=$(free_port)
  PG_FSYNC=off pg_up "$cluster/pg" "$port" >"$dir/url"
  echo "test cluster up on port $port ($cluster)"
}

stop() {
  local dir=$1 cluster
  [[ -f $dir/location ]] || return 0
  cluster=$(cat "$dir/location")
  pg_down "$cluster/pg" || true
  rm -rf "$cluster" "$dir/location" "$dir/url"
}

case ${1:-} in
  start) start "${2:?DIR}" ;;
  stop) stop "${2:?DIR}" ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
