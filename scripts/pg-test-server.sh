#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the test suites and prints one line on stdout:
#   WAIHU_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:<port>/waihu_test
# Everything else goes to stderr, so `export "$(bash scripts/pg-test-server.sh)"` works.
#
#   scripts/pg-test-server.sh          start (or, when already running, just print the URL)
#   scripts/pg-test-server.sh stop     stop the server and drop its data
#
# The cluster lives in .tools/pg (wiped on every fresh start) and trusts every loopback connection, so it is for
# tests only. When no PostgreSQL server binaries are found, root installs Debian's `postgresql` with apt-get.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
first_port=54329
port_tries=10
db_name=waihu_test
pg_user=postgres

log() { echo "pg-test-server: $*" >&2; }
die() {
  log "$*"
  exit 1
}
is_root() { [ "$(id -u)" -eq 0 ]; }

# Newest version under /usr/lib/postgresql first (Debian's layout), then whatever pg_ctl is on PATH.
find_pg_bin() {
  local dir ctl
  while read -r dir; do
    [ -n "$dir" ] || continue
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return 0
    fi
  done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r)
  ctl="$(command -v pg_ctl 2>/dev/null)" || return 1
  dir="$(dirname "$(readlink -f "$ctl")")"
  [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] && echo "$dir"
}

as_root() {
  if is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    die "need root to run: $*"
  fi
}

install_pg() {
  command -v apt-get >/dev/null 2>&1 || die "no PostgreSQL server binaries found and no apt-get; install PostgreSQL (server) first"
  log "no PostgreSQL server binaries found; installing Debian's postgresql with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
}

# Root cannot run postgres, so as root the server runs as the postgres OS user; anyone else runs it as themselves.
ensure_pg_user() {
  is_root || return 0
  id -u "$pg_user" >/dev/null 2>&1 && return 0
  log "creating the $pg_user OS user"
  useradd --system --user-group --no-create-home --home-dir /var/lib/postgresql --shell /bin/sh "$pg_user"
}

as_pg() {
  if ! is_root; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$pg_user" -- "$@"
  else
    su -s /bin/sh "$pg_user" -c "$(printf '%q ' "$@")"
  fi
}

# .tools/pg unless the postgres user cannot reach it (a checkout under /root, say) or the socket path would be too
# long for a unix socket; then a folder in /tmp named after the checkout, so start and stop agree on it.
choose_state_dir() {
  local preferred="$root/.tools/pg"
  mkdir -p "$preferred"
  if is_root; then chown "$pg_user:" "$preferred"; fi
  if [ "${#preferred}" -lt 80 ] && as_pg test -w "$preferred" -a -x "$preferred"; then
    echo "$preferred"
    return 0
  fi
  local fallback
  fallback="/tmp/waihu-pg-$(printf '%s' "$root" | cksum | cut -d' ' -f1)"
  log "$preferred is not usable by $pg_user; using $fallback"
  mkdir -p "$fallback"
  if is_root; then chown "$pg_user:" "$fallback"; fi
  echo "$fallback"
}

is_running() { [ -f "$data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

port_busy() { (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

init_cluster() {
  rm -rf "$data"
  mkdir -p "$state/run"
  if is_root; then chown "$pg_user:" "$state/run"; fi
  as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C >&2
  # Paths go in the file rather than on the pg_ctl -o line, where spaces in the checkout path would split them.
  printf "listen_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nmax_connections = 200\n" \
    "${state//\'/\'\'}/run" | as_pg tee -a "$data/postgresql.conf" >/dev/null
}

start_server() {
  local port=$first_port last=$((first_port + port_tries - 1))
  for ((; port <= last; port++)); do
    if port_busy "$port"; then
      log "port $port is busy"
      continue
    fi
    # 9>&-: the server must not inherit the lock, or it would hold it for its whole life.
    if as_pg "$bin/pg_ctl" -D "$data" -l "$state/server.log" -w -t 60 \
      -o "-p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2 9>&-; then
      return 0
    fi
    log "could not start on port $port (see $state/server.log); trying the next one"
  done
  die "no free port in $first_port..$last"
}

ensure_database() {
  local port="$1" exists
  exists="$(as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
    "select 1 from pg_database where datname = '$db_name'")"
  [ "$exists" = 1 ] || as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db_name" >&2
}

stop_server() {
  if is_running; then
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >&2
  else
    log "not running"
  fi
  rm -rf "$data"
}

main() {
  local command="${1:-start}"
  case "$command" in start | stop) ;; *) die "usage: $0 [start|stop]" ;; esac
  bin="$(find_pg_bin)" || {
    [ "$command" = stop ] && {
      log "no PostgreSQL installed; nothing to stop"
      return 0
    }
    install_pg
    bin="$(find_pg_bin)" || die "apt-get installed postgresql but no server binaries were found"
  }
  ensure_pg_user
  state="$(choose_state_dir)"
  data="$state/data"
  # Two shells starting the server at once must not both wipe and initdb the same folder.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$state.lock"
    flock 9
  fi
  if [ "$command" = stop ]; then
    stop_server
    return 0
  fi
  if ! is_running; then
    log "starting PostgreSQL ($bin) in $data"
    init_cluster
    start_server
  fi
  local port
  # The fourth line of postmaster.pid is the port the running server listens on.
  port="$(sed -n 4p "$data/postmaster.pid")"
  ensure_database "$port"
  echo "WAIHU_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/$db_name"
}

main "$@"
