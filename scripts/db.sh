#!/usr/bin/env bash
# A project-local PostgreSQL cluster for `make run` and `make test`.
#   scripts/db.sh up DBNAME...   install PostgreSQL if missing, create and start the cluster, create the databases
#   scripts/db.sh down           stop the cluster (its data stays under .data/)
#   scripts/db.sh status
#   scripts/db.sh recreate DBNAME  drop and create a database (for the browser tests)
# The cluster listens on 127.0.0.1:$GAOXIN_PG_PORT (default 55432) only, as role `gaoxin` with trust auth:
# a developer's scratch database, never a server for other machines.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
port=${GAOXIN_PG_PORT:-55432}
data=${GAOXIN_PG_DATA:-$root/.data/pg}

say() { printf 'db: %s\n' "$*" >&2; }

# shellcheck source=scripts/pg-lib.sh
. "$root/scripts/pg-lib.sh"

choose_data_dir() {
  local chosen
  chosen=$(owned_data_dir "$data" pg "$root")
  if [ "$chosen" != "$data" ]; then
    say "checkout not readable by user postgres; cluster data goes to $chosen"
    data=$chosen
  fi
}

up() {
  local bin
  bin=$(pg_bin) || true
  if [ -z "${bin:-}" ]; then install_postgres; bin=$(pg_bin); fi
  choose_data_dir

  if [ ! -f "$data/PG_VERSION" ]; then
    say "creating cluster in $data"
    make_owned_dir "$data"
    as_owner "$bin/initdb" -D "$data" -U gaoxin --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi

  if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "starting PostgreSQL on 127.0.0.1:$port"
    # No Unix socket: the checkout's path may be too long for one, and TCP on loopback is all we use.
    as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c shared_buffers=512MB -c max_wal_size=8GB -c checkpoint_timeout=15min -c work_mem=32MB -c maintenance_work_mem=256MB" start >/dev/null
  fi

  for db in "$@"; do
    if [ -z "$("$bin/psql" -h 127.0.0.1 -p "$port" -U gaoxin -d postgres -tAc "select 1 from pg_database where datname = '$db'")" ]; then
      say "creating database $db"
      "$bin/createdb" -h 127.0.0.1 -p "$port" -U gaoxin "$db"
    fi
  done
}

# Drops and creates a database of the local cluster: a clean slate for the browser tests and the benchmark.
recreate() {
  local bin
  bin=$(pg_bin)
  "$bin/psql" -h 127.0.0.1 -p "$port" -U gaoxin -d postgres -q -c "drop database if exists \"$1\" with (force)" -c "create database \"$1\""
}

down() {
  local bin
  bin=$(pg_bin) || { say "PostgreSQL is not installed"; return 0; }
  choose_data_dir
  if [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

status() {
  local bin
  bin=$(pg_bin) || { echo "PostgreSQL is not installed"; return 0; }
  choose_data_dir
  as_owner "$bin/pg_ctl" -D "$data" status || true
}

cmd=${1:-}
shift || true
case "$cmd" in
  up) up "$@" ;;
  recreate) recreate "$1" ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up DBNAME... | recreate DBNAME | down | status" >&2; exit 2 ;;
esac
