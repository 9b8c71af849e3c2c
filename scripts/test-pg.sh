#!/usr/bin/env bash
# The test suite's throwaway PostgreSQL cluster (a ctest fixture):
#   test-pg.sh start DIR   wipe DIR, new cluster on a free port, its URL in DIR/url
#                          (the superuser's) and the roles' URLs in DIR/roles.env
#   test-pg.sh stop DIR    stop it and delete it (its log is kept as DIR/log)
# The cluster lives in DIR/cluster when the postgres account can reach DIR.
# When it cannot (a build folder inside a 0700 mktemp folder, say), the cluster
# goes to a fresh /tmp/ws-test-pg.XXXXXX instead; DIR (which may stay
# root-owned) still gets the url, and DIR/location says where the cluster is.
set -euo pipefail
# shellcheck source=scripts/lib/pg.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/pg.sh"

port_is_free() {
  # Nothing answers there (another user's server) and nothing listens there.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null &&
    ! ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}

# Several build folders may start clusters at once: each starts its search at
# a random offset, and start() moves on if the port is taken meanwhile.
free_port() {
  local first=$((56000 + RANDOM % 900)) port
  for ((port = first; port < 57000; port++)); do
    if port_is_free "$port"; then
      echo "$port"
      return 0
    fi
  done
  echo "test-pg.sh: no free port in $first-56999" >&2
  return 1
}

cluster_location() {
  local dir=$1 location
  if [[ -z $(pg_unreachable_ancestor "$dir") ]]; then
    echo "$dir/cluster"
    return 0
  fi
  location=$(mktemp -d /tmp/ws-test-pg.XXXXXX)
  chmod 755 "$location"
  echo "test-pg.sh: the postgres account cannot reach $dir; cluster in $location" >&2
  echo "$location"
}

start() {
  local dir attempt port location
  dir=$(realpath -m "$1")
  stop "$dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  location=$(cluster_location "$dir")
  echo "$location" >"$dir/location"
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if PG_FSYNC=off pg_up "$location" "$port" >/dev/null; then
      cp "$location/url" "$location/roles.env" "$dir/"
      echo "test cluster up on 127.0.0.1:$port in $location"
      return 0
    fi
    echo "test-pg.sh: attempt $attempt on port $port failed, trying another port" >&2
  done
  return 1
}

stop() {
  local dir=$1 location
  [[ -f $dir/location ]] || return 0
  location=$(cat "$dir/location")
  pg_down "$location" || echo "test-pg.sh: could not stop the cluster in $location" >&2
  if [[ -f $location/log ]]; then cp "$location/log" "$dir/log"; fi
  rm -rf "$location"
  rm -f "$dir/location" "$dir/url" "$dir/roles.env"
}

case ${1:-} in
  start) start "${2:?usage: $0 start DIR}" ;;
  stop) stop "${2:?usage: $0 stop DIR}" ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
