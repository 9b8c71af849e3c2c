# shellcheck shell=bash
# Embedded PostgreSQL cluster for development and tests. Source this file, then:
#   pg_up DIR PORT      create (once) and start a cluster in DIR, print its URL
#   pg_down DIR         stop it (fine when it is not running)
#   pg_is_running DIR   exit status 0 when its postmaster is alive
#   pg_unreachable_ancestor DIR   print the first ancestor of DIR that the
#                       server account cannot traverse (nothing when all can)
# Layout of DIR: data/ (the cluster), password (mode 600), log, url (the
# superuser's), roles.env (the three roles' URLs, see below).
#
# Three roles besides the superuser, as the schema expects (schema/0006):
#   workout_owner  owns the database and every table; migrations run as it
#   workout_app    the server: owns nothing, no BYPASSRLS
#   workout_jobs   jobs that see every gym
# roles.env holds DATABASE_URL (workout_app), DATABASE_OWNER_URL and
# DATABASE_JOBS_URL, ready to source.
#
# PostgreSQL refuses to run as root. As root, the server side (initdb, pg_ctl)
# runs as Debian's `postgres` account and DIR is handed over to it; as a normal
# user everything runs as that user. psql is a plain client: it runs as the
# caller and talks TCP with the generated password.

PG_BINDIR=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
PG_SERVER_ACCOUNT=${PG_SERVER_ACCOUNT:-postgres}
PG_SUPERUSER=workout
PG_DATABASE=workout_stream
PG_ROLES=(workout_owner workout_app workout_jobs)

_pg_die() {
  echo "pg.sh: $*" >&2
  return 1
}

# Runs a server-side command as the account that owns the cluster.
_pg_as_server() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u "$PG_SERVER_ACCOUNT" -- "$@"
  else
    "$@"
  fi
}

pg_unreachable_ancestor() {
  local dir=$1 path="" part
  [[ $EUID -eq 0 ]] || return 0  # a normal user created DIR, it can reach it
  local -a chain=(/) parts
  IFS=/ read -ra parts <<<"${dir#/}"
  for part in "${parts[@]}"; do
    path+="/$part"
    [[ -d $path ]] && chain+=("$path")
  done
  # One runuser for the whole chain; prints the first folder it cannot enter.
  # shellcheck disable=SC2016  # expanded by the inner bash, on purpose
  runuser -u "$PG_SERVER_ACCOUNT" -- bash -c \
    'for d in "$@"; do [[ -x $d ]] || { echo "$d"; exit 0; }; done' _ "${chain[@]}"
}

# Creates DIR and hands it to the server account, or explains why it cannot.
_pg_prepare_dir() {
  local dir=$1 blocked
  mkdir -p "$dir"
  blocked=$(pg_unreachable_ancestor "$dir")
  if [[ -n $blocked ]]; then
    _pg_die "the '$PG_SERVER_ACCOUNT' account cannot traverse '$blocked'," \
      "so it cannot reach '$dir'; choose a cluster location under a folder" \
      "it can enter (e.g. /tmp or /var/tmp), or chmod o+x '$blocked'"
    return 1
  fi
  if [[ $EUID -eq 0 ]]; then chown "$PG_SERVER_ACCOUNT:" "$dir"; fi
  chmod 700 "$dir"
}

# A password is generated once and kept: restarting must not change the URLs.
# _pg_password DIR [ROLE]: the superuser's, or ROLE's.
_pg_password() {
  local dir=$1 file=$1/password${2:+.$2}
  if [[ ! -s $file ]]; then
    # od reads exactly what it needs: no SIGPIPE for pipefail to trip on.
    (umask 077 && od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$file")
    if [[ $EUID -eq 0 ]]; then chown "$PG_SERVER_ACCOUNT:" "$file"; fi
  fi
  chmod 600 "$file"
  cat "$file"
}

# PG_FSYNC=off (throwaway test clusters) skips every fsync, initdb's included.
_pg_initdb() {
  local dir=$1
  local -a options=()
  [[ -f $dir/data/PG_VERSION ]] && return 0
  rm -rf "$dir/data"  # a half-made cluster from an interrupted initdb
  if [[ ${PG_FSYNC:-on} == off ]]; then options+=(--no-sync); fi
  _pg_as_server "$PG_BINDIR/initdb" -D "$dir/data" -U "$PG_SUPERUSER" \
    --pwfile="$dir/password" --auth=scram-sha-256 --encoding=UTF8 \
    --locale=C "${options[@]}" >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; _pg_die "initdb failed in $dir/data"; return 1; }
  # Our settings live in their own file, rewritten at every start (the port
  # may change between runs); postgresql.conf only includes it.
  echo "include_if_exists = 'workout_stream.conf'" |
    _pg_as_server tee -a "$dir/data/postgresql.conf" >/dev/null
}

_pg_write_settings() {
  local dir=$1 port=$2
  printf '%s\n' "listen_addresses = '127.0.0.1'" "port = $port" \
    "unix_socket_directories = ''" "fsync = ${PG_FSYNC:-on}" \
    "max_connections = 200" |
    _pg_as_server tee "$dir/data/workout_stream.conf" >/dev/null
}

_pg_pid() {
  local pidfile=$1/data/postmaster.pid
  [[ -f $pidfile ]] && head -n 1 "$pidfile"
}

pg_is_running() {
  local dir pid cwd
  dir=$(realpath -m "$1")
  pid=$(_pg_pid "$dir") || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  # The postmaster runs with its data folder as working directory. Checking it
  # (not just kill -0) catches a pid reused by another process after a crash.
  cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null) || return 1
  [[ $cwd == "$dir/data" ]]
}

_pg_port_of_running() {
  sed -n 4p "$1/data/postmaster.pid"
}

_pg_start() {
  local dir=$1 port=$2
  if [[ -f $dir/data/postmaster.pid ]]; then
    # Left by a crash or kill -9. pg_ctl would trust a live pid that now
    # belongs to someone else; we verified it does not, so drop the file.
    echo "pg.sh: removing stale $dir/data/postmaster.pid" >&2
    rm -f "$dir/data/postmaster.pid"
  fi
  _pg_write_settings "$dir" "$port"
  if [[ $EUID -eq 0 ]]; then touch "$dir/log" && chown "$PG_SERVER_ACCOUNT:" "$dir/log"; fi
  _pg_as_server "$PG_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 start >/dev/null ||
    { tail -n 20 "$dir/log" >&2; _pg_die "could not start the cluster in $dir (see $dir/log)"; return 1; }
}

_pg_psql() {
  local port=$1 password=$2
  shift 2
  PGPASSWORD=$password PGCONNECT_TIMEOUT=10 "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres "$@"
}

_pg_create_database() {
  local port=$1 password=$2 exists
  exists=$(_pg_psql "$port" "$password" -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")
  [[ $exists == 1 ]] && return 0
  _pg_psql "$port" "$password" -c "CREATE DATABASE $PG_DATABASE"
}

# The roles exist with their passwords, and the database belongs to the owner
# role. Tables a cluster made before the roles existed are handed over too.
# workout_entry (no login) owns the functions that read an account's own rows
# across gyms; the owner is its member so that migrations can hand them over.
_pg_create_roles() {
  local dir=$1 port=$2 password=$3 role sql=""
  for role in "${PG_ROLES[@]}"; do
    sql+="DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN"
    sql+=" CREATE ROLE $role; END IF; END \$\$;"
    sql+="ALTER ROLE $role LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '$(_pg_password "$dir" "$role")';"
  done
  sql+="DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'workout_entry') THEN"
  sql+=" CREATE ROLE workout_entry; END IF; END \$\$;"
  sql+="ALTER ROLE workout_entry NOLOGIN NOSUPERUSER BYPASSRLS; GRANT workout_entry TO workout_owner;"
  sql+="ALTER DATABASE $PG_DATABASE OWNER TO workout_owner;"
  _pg_psql "$port" "$password" -c "$sql" >/dev/null &&
    _pg_psql "$port" "$password" -d "$PG_DATABASE" -c "
      DO \$\$ DECLARE r record; BEGIN
        FOR r IN SELECT c.oid::regclass AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v')
                   AND pg_get_userbyid(c.relowner) = '$PG_SUPERUSER' LOOP
          EXECUTE format('ALTER TABLE %s OWNER TO workout_owner', r.t);
        END LOOP;
      END \$\$;" >/dev/null
}

_pg_write_role_urls() {
  local dir=$1 port=$2 host=127.0.0.1
  local app owner jobs
  app=$(_pg_password "$dir" workout_app)
  owner=$(_pg_password "$dir" workout_owner)
  jobs=$(_pg_password "$dir" workout_jobs)
  (umask 077 && printf '%s\n' \
    "DATABASE_URL=postgresql://workout_app:$app@$host:$port/$PG_DATABASE" \
    "DATABASE_OWNER_URL=postgresql://workout_owner:$owner@$host:$port/$PG_DATABASE" \
    "DATABASE_JOBS_URL=postgresql://workout_jobs:$jobs@$host:$port/$PG_DATABASE" >"$dir/roles.env")
}

pg_up() {
  [[ $# -eq 2 ]] || { _pg_die "usage: pg_up DIR PORT"; return 1; }
  local dir port=$2 password url
  dir=$(realpath -m "$1")
  [[ $port =~ ^[0-9]+$ ]] || { _pg_die "bad port '$port'"; return 1; }
  _pg_prepare_dir "$dir" || return 1
  password=$(_pg_password "$dir")
  _pg_initdb "$dir" || return 1
  if pg_is_running "$dir"; then
    port=$(_pg_port_of_running "$dir")  # already up: keep its port
  else
    _pg_start "$dir" "$port" || return 1
  fi
  _pg_create_database "$port" "$password" || return 1
  _pg_create_roles "$dir" "$port" "$password" || return 1
  _pg_write_role_urls "$dir" "$port"
  url="postgresql://$PG_SUPERUSER:$password@127.0.0.1:$port/$PG_DATABASE"
  (umask 077 && echo "$url" >"$dir/url")
  echo "$url"
}

pg_down() {
  [[ $# -eq 1 ]] || { _pg_die "usage: pg_down DIR"; return 1; }
  local dir
  dir=$(realpath -m "$1")
  pg_is_running "$dir" || return 0
  _pg_as_server "$PG_BINDIR/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
}
