# Shared by scripts/db.sh and scripts/cluster.sh: finding, installing and running PostgreSQL from Debian's packages.
# Sourced, not run.

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

# Installs Debian packages the machine lacks (as root, or through sudo).
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq "$@" >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null; }
}

install_postgres() {
  printf 'PostgreSQL is not installed; installing it from Debian'"'"'s packages\n' >&2
  apt_install postgresql postgresql-contrib
}

# PostgreSQL refuses to run as root: as root, its clusters belong to the unprivileged `postgres` user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A directory for cluster data that the postgres user can reach: the wanted one, or (when the checkout is not
# reachable by that user, e.g. under /root) one beside the system's, named after the checkout.
owned_data_dir() {
  local wanted=$1 name=$2 root=$3
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$(dirname "$wanted")" 2>/dev/null; then
    mkdir -p "$(dirname "$wanted")"
    if ! runuser -u postgres -- test -x "$(dirname "$wanted")" 2>/dev/null; then
      echo "/var/tmp/gaoxin-$name-$(printf '%s' "$root" | md5sum | cut -c1-12)"
      return
    fi
  fi
  echo "$wanted"
}

# Creates an empty directory owned by whoever runs PostgreSQL, mode 700 as it demands.
make_owned_dir() {
  mkdir -p "$1"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$1"
  chmod 700 "$1"
}
