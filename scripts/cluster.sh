#!/usr/bin/env bash
# `make cluster`: Gaoxin on more than one process, on loopback, from Debian's packages (see README, "Running on more
# than one machine", and docs/SCALING.md):
#
#   HAProxy :25600 ──┬── API 1 :25611 ──┐  writes ──> PostgreSQL primary :25601 ──(streaming, slot "standby1")──┐
#                    ├── API 2 :25612 ──┤                                                                      │
#                    └── API 3 :25613 ──┘  reads  ──> PostgreSQL standby :25602 <─────────────────────────────┘
#
#   scripts/cluster.sh up [API_DLL SPA_ROOT]   a fresh cluster: primary, standby, three API processes, HAProxy
#   scripts/cluster.sh down                    stop everything (the data stays under .data/cluster until the next up)
#   scripts/cluster.sh failover [immediate]    stop the primary (fast, or as a crash) and promote the standby
#   scripts/cluster.sh sync on|off             synchronous replication: a commit waits for the standby
#   scripts/cluster.sh api-stop N | api-kill N | api-start N      one API process (the drills use these)
#   scripts/cluster.sh standby-stop | standby-start
#   scripts/cluster.sh status
# GAOXIN_CLUSTER_PORT moves every port (default 25600: HAProxy; +1 primary, +2 standby, +9 HAProxy to API 1 alone
# for the benchmark, +11.. the API processes). GAOXIN_CLUSTER_PERMITS sets each key's requests per minute (default: the
# API's, 6,000); the drills and the benchmark, one client at full speed, raise it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/pg-lib.sh
. "$root/scripts/pg-lib.sh"

# Below Linux's ephemeral range (32768-60999): the cluster binds its ports late, after the test suite has opened
# thousands of client connections, and a port in that range can be held as one's local end (a fresh clone's
# `make test` once found API 2's port taken that way).
base=${GAOXIN_CLUSTER_PORT:-25600}
lb_port=$base primary_port=$((base + 1)) standby_port=$((base + 2)) single_port=$((base + 9))
api_ports=($((base + 11)) $((base + 12)) $((base + 13)))
dir=$(owned_data_dir "$root/.data/cluster/pg" cluster "$root")
state="$root/.data/cluster-state"
primary="$dir/primary" standby="$dir/standby"
default_dll="$root/api/bin/Release/net10.0/Gaoxin.Api.dll"

say() { printf 'cluster: %s\n' "$*" >&2; }

# One connection string for every API process: both servers, so that after a failover the promoted standby is found
# without a restart. Npgsql sends commands to whichever is primary and queries to a standby when one answers.
db_hosts="Host=127.0.0.1:$primary_port,127.0.0.1:$standby_port;Username=gaoxin;Database=gaoxin"

psql_on() { local port=$1; shift; "$bin/psql" -h 127.0.0.1 -p "$port" -U gaoxin -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

start_pg() {
  local data=$1 port=$2
  # Settings both servers need: a standby must allow at least the primary's connections, and with hot_standby_feedback
  # long reads on the standby are not cancelled by the vacuum the primary replays.
  as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "-p $port -c listen_addresses=127.0.0.1 \
    -c unix_socket_directories='' -c max_connections=200 -c shared_buffers=256MB -c wal_level=replica \
    -c max_wal_senders=10 -c max_replication_slots=10 -c hot_standby=on -c hot_standby_feedback=on \
    -c wal_receiver_status_interval=1s -c max_wal_size=2GB" start >/dev/null
}

stop_pg() {
  local data=$1 mode=${2:-fast}
  if [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -m "$mode" -w -t 60 stop >/dev/null
  fi
}

wait_ready() {
  local url=$1 tries=${2:-120}
  for _ in $(seq 1 "$tries"); do
    curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null && return 0
    sleep 0.5
  done
  return 1
}

api_start() {
  local n=$1 port=${api_ports[$(($1 - 1))]}
  local dll spa
  dll=$(cat "$state/api-dll") spa=$(cat "$state/spa-root")
  # Settings that must be equal on every process: the database, the key pepper, and a shared rate limit.
  GAOXIN_DB="$db_hosts" Auth__KeyPepper="$(cat "$state/pepper")" RateLimits__Shared=true \
    RateLimits__PermitsPerMinute="$(cat "$state/permits")" \
    Database__MigrateOnStartup=false Spa__Root="$spa" ASPNETCORE_ENVIRONMENT=Production \
    nohup dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/api" >"$state/api-$n.log" 2>&1 &
  echo $! >"$state/api-$n.pid"
}

api_signal() {
  local n=$1 signal=$2
  if [ -f "$state/api-$n.pid" ]; then
    kill "-$signal" "$(cat "$state/api-$n.pid")" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$(cat "$state/api-$n.pid")" 2>/dev/null || break; sleep 0.1; done
    rm -f "$state/api-$n.pid"
  fi
}

write_haproxy_config() {
  # Health checks on /health/ready every second: a process that stops answering is out after 2 failures, back after 2
  # successes. A GET or HEAD that fails before any answer (a connection refused, an empty response) is retried on
  # another process, so idempotent reads see no error while one dies; other methods are never replayed.
  local servers=""
  for i in 1 2 3; do
    servers+="    server api$i 127.0.0.1:${api_ports[$((i - 1))]} check inter 1s fall 2 rise 2"$'\n'
  done
  cat >"$state/haproxy.cfg" <<EOF
global
    maxconn 4096
    stats socket $state/haproxy.sock mode 600 level admin

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch
    retry-on all-retryable-errors
    option httpchk GET /health/ready
    http-check expect status 200

frontend gaoxin
    bind 127.0.0.1:$lb_port
    default_backend api

backend api
    balance roundrobin
    http-request disable-l7-retry unless METH_GET || METH_HEAD
$servers
# The benchmark's baseline: the same HAProxy in front of one API process.
frontend gaoxin_single
    bind 127.0.0.1:$single_port
    default_backend api_single
    http-request disable-l7-retry unless METH_GET || METH_HEAD

backend api_single
    http-request disable-l7-retry unless METH_GET || METH_HEAD
    server api1 127.0.0.1:${api_ports[0]} check inter 1s fall 2 rise 2
EOF
}

up() {
  local dll=${1:-$default_dll} spa=${2:-$root/client/dist}
  [ -f "$dll" ] || { say "no API build at $dll: run 'make build' first"; exit 1; }
  bin=$(pg_bin) || true
  if [ -z "${bin:-}" ]; then install_postgres; bin=$(pg_bin); fi
  command -v haproxy >/dev/null || { say "installing HAProxy from Debian's packages"; apt_install haproxy; }

  down_quietly
  say "a fresh cluster in $dir"
  as_owner rm -rf "$primary" "$standby" 2>/dev/null || rm -rf "$primary" "$standby"
  rm -rf "$state" && mkdir -p "$state"
  make_owned_dir "$dir"
  echo "$dll" >"$state/api-dll"
  echo "$spa" >"$state/spa-root"
  echo "${GAOXIN_CLUSTER_PERMITS:-6000}" >"$state/permits"
  head -c 32 /dev/urandom | base64 >"$state/pepper" && chmod 600 "$state/pepper"

  make_owned_dir "$primary"
  as_owner "$bin/initdb" -D "$primary" -U gaoxin --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  start_pg "$primary" "$primary_port"
  psql_on "$primary_port" -c "create database gaoxin" -c "select pg_create_physical_replication_slot('standby1')" >/dev/null
  say "primary on 127.0.0.1:$primary_port"

  # The standby is a base backup of the primary that streams from it through a slot, so the primary keeps every WAL
  # segment the standby has not received yet.
  make_owned_dir "$standby"
  as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U gaoxin -D "$standby" -R -S standby1 -X stream -c fast
  start_pg "$standby" "$standby_port"
  say "standby on 127.0.0.1:$standby_port, streaming from the primary"

  # Migrations and the first admin key, once, on the primary; the processes then start without migrating.
  export Auth__KeyPepper; Auth__KeyPepper=$(cat "$state/pepper")
  GAOXIN_DB="Host=127.0.0.1;Port=$primary_port;Username=gaoxin;Database=gaoxin" \
    dotnet "$dll" apikey create "cluster-admin" admin 2>/dev/null | tail -n 1 >"$state/admin-key"
  chmod 600 "$state/admin-key"

  for i in 1 2 3; do api_start "$i"; done
  for i in 1 2 3; do
    wait_ready "http://127.0.0.1:${api_ports[$((i - 1))]}" || { say "API $i did not become ready; see $state/api-$i.log"; exit 1; }
  done
  say "API processes on 127.0.0.1:${api_ports[0]}, :${api_ports[1]}, :${api_ports[2]}"

  write_haproxy_config
  haproxy -f "$state/haproxy.cfg" -D -p "$state/haproxy.pid"
  wait_ready "http://127.0.0.1:$lb_port" 40 || { say "HAProxy does not answer on $lb_port"; exit 1; }
  cat <<EOF

Gaoxin runs on a cluster. The one address to use:  http://127.0.0.1:$lb_port/
  Swagger UI: http://127.0.0.1:$lb_port/swagger     admin key: $(cat "$state/admin-key")
  Reads go to the standby (:$standby_port), writes to the primary (:$primary_port). Logs: $state/
  make cluster-failover promotes the standby; make cluster-down stops it all.
EOF
}

down_quietly() {
  [ -d "$state" ] || return 0
  [ -f "$state/haproxy.pid" ] && { kill "$(cat "$state/haproxy.pid")" 2>/dev/null || true; rm -f "$state/haproxy.pid"; }
  for i in 1 2 3; do api_signal "$i" TERM; done
  stop_pg "$standby"
  stop_pg "$primary"
}

status() {
  for i in 1 2 3; do
    if [ -f "$state/api-$i.pid" ] && kill -0 "$(cat "$state/api-$i.pid")" 2>/dev/null; then echo "api $i: running"; else echo "api $i: stopped"; fi
  done
  for name in primary standby; do
    local data=$dir/$name port=$primary_port
    [ "$name" = primary ] || port=$standby_port
    if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      echo "$name (:$port): running, in recovery: $(psql_on "$port" -c 'select pg_is_in_recovery()')"
    else
      echo "$name (:$port): stopped"
    fi
  done
}

bin=$(pg_bin || true)
cmd=${1:-}
shift || true
case "$cmd" in
  up) up "$@" ;;
  down) down_quietly; say "stopped" ;;
  failover)
    say "stopping the primary (${1:-fast}) and promoting the standby"
    stop_pg "$primary" "${1:-fast}"
    as_owner "$bin/pg_ctl" -D "$standby" -w -t 60 promote >/dev/null
    say "the standby on :$standby_port is the primary now; the API processes find it by themselves" ;;
  sync)
    case "${1:-}" in
      on) names="'*'" ;;
      off) names="''" ;;
      *) echo "usage: $0 sync on|off" >&2; exit 2 ;;
    esac
    psql_on "$primary_port" -c "alter system set synchronous_standby_names = $names" -c "select pg_reload_conf()" >/dev/null
    say "synchronous replication $1" ;;
  api-stop) api_signal "$1" TERM ;;
  api-kill) api_signal "$1" KILL ;;
  api-start) api_start "$1"; wait_ready "http://127.0.0.1:${api_ports[$(($1 - 1))]}" ;;
  standby-stop) stop_pg "$standby" fast ;;
  standby-start) start_pg "$standby" "$standby_port" ;;
  status) status ;;
  *) sed -n '2,18p' "$0" >&2; exit 2 ;;
esac
