#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: `start` prints its URL, `url` prints it again, `stop` removes it.
#   bash scripts/postgres.sh start   # → postgres://postgres@127.0.0.1:PORT/motcua_test
#   bash scripts/postgres.sh stop
# - Uses Debian's PostgreSQL (initdb and pg_ctl on PATH or in /usr/lib/postgresql/*/bin); installs the `postgresql`
#   package with apt-get when they are missing (as root, non-interactive).
# - The cluster lives in a temporary folder (initdb), listens on 127.0.0.1 only, on a free port, with trust
#   authentication, fsync off (test data only), and its socket in that folder. PostgreSQL refuses to run as root:
#   when this script runs as root, the folder belongs to the `postgres` user and the server runs as that user.
# - Where the running server is recorded: .tools/postgres.env (git-ignored), so `stop` finds it.
# - MOTCUA_PG_DURABLE=1: a second, separate server (.tools/postgres-durable.env) that keeps PostgreSQL's durability
#   (fsync, synchronous_commit, full-page writes on): for measuring what a commit costs (bench/pg-commit.bench.ts).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${MOTCUA_PG_DURABLE:-}" = "1" ]; then
  STATE="$ROOT/.tools/postgres-durable.env"
  DURABILITY=""
else
  STATE="$ROOT/.tools/postgres.env"
  DURABILITY="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
DATABASE="motcua_test"

say() { printf '[postgres] %s\n' "$*" >&2; }

find_bin_dir() {
  local dir
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  # Debian keeps the server binaries out of PATH; take the newest version installed.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

install_postgres() {
  if [ "$(id -u)" -ne 0 ]; then
    say "PostgreSQL (initdb, pg_ctl) is not installed and only root can install it: apt-get install postgresql"
    exit 1
  fi
  say "PostgreSQL not found: installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Runs a PostgreSQL program as the user that owns the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port tries=0
  while [ $tries -lt 100 ]; do
    port=$((20000 + RANDOM % 40000))
    if port_is_free "$port"; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  say "no free port found"
  exit 1
}

url_of() { echo "postgres://postgres@127.0.0.1:$1/$DATABASE"; }

is_running() {
  [ -f "$STATE" ] || return 1
  # shellcheck disable=SC1090
  source "$STATE"
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ] && as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1
}

start() {
  if is_running; then
    url_of "$PG_PORT"
    return 0
  fi
  local bin dir port
  bin="$(find_bin_dir)" || {
    install_postgres
    bin="$(find_bin_dir)" || { say "PostgreSQL was installed but initdb/pg_ctl are still not found"; exit 1; }
  }
  dir="$(mktemp -d "${TMPDIR:-/tmp}/motcua-pg.XXXXXX")"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { say "the postgres user is missing (reinstall the postgresql package)"; exit 1; }
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  port="$(free_port)"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    say "initdb failed"
    exit 1
  }
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $DURABILITY -c max_connections=200" \
    start >/dev/null; then
    cat "$dir/server.log" >&2 || true
    say "the server did not start"
    exit 1
  fi
  mkdir -p "$(dirname "$STATE")"
  printf 'PG_DIR=%q\nPG_BIN=%q\nPG_PORT=%q\n' "$dir" "$bin" "$port" >"$STATE"
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DATABASE"
  say "PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
  url_of "$port"
}

stop() {
  [ -f "$STATE" ] || return 0
  # shellcheck disable=SC1090
  source "$STATE"
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || say "pg_ctl stop failed (was it running?)"
  fi
  [ -n "${PG_DIR:-}" ] && rm -rf "$PG_DIR"
  rm -f "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url)
    is_running || { say "not running: bash scripts/postgres.sh start"; exit 1; }
    url_of "$PG_PORT"
    ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
