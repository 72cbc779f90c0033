#!/usr/bin/env bash
# Browser tests of the SPA: a fresh database, the API (Release) serving the built app on loopback, the illustrative
# policies imported, and Debian's Chromium driven by playwright-core. Screenshots land in client/screenshots/.
#   scripts/e2e.sh API_DLL
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dll=$1
port=${GAOXIN_E2E_PORT:-5181}
url="http://127.0.0.1:$port"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

install() {
  echo "e2e: installing $*"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq "$@" >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null; }
}
command -v chromium >/dev/null || install chromium
# Chinese text in the screenshots needs a CJK font; the tests read the DOM and pass without one.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || install fonts-noto-cjk || echo "e2e: no CJK font; screenshots will show boxes for Chinese"

"$root/scripts/db.sh" recreate gaoxin_e2e
db="Host=127.0.0.1;Port=${GAOXIN_PG_PORT:-55432};Username=gaoxin;Database=gaoxin_e2e"

export Auth__KeyPepper="pepper-for-the-browser-tests"
log=$(mktemp)
# The webhook example's receiver listens on loopback: allowed here, as an operator allows an intranet.
GAOXIN_DB="$db" Logging__LogLevel__Default=Warning Webhooks__AllowedNetworks__0=127.0.0.1/32 Webhooks__PollInterval=00:00:00.200 dotnet "$dll" --urls "$url" --Spa:Root="$root/client/dist" >"$log" 2>&1 &
api=$!
trap 'kill "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  curl -fsS "$url/health/ready" >/dev/null 2>&1 && break
  kill -0 "$api" 2>/dev/null || { cat "$log"; echo "e2e: the API did not start" >&2; exit 1; }
  sleep 0.5
done
key=$(GAOXIN_DB="$db" dotnet "$dll" apikey create e2e-importer import,enterprises,webhooks,cases 2>/dev/null | tail -n 1)
# Opens the illustrative service cases the cases page shows (cases are written one by one, not imported).
caseworker=$(GAOXIN_DB="$db" dotnet "$dll" apikey create e2e-caseworker read,write,cases 2>/dev/null | tail -n 1)
GAOXIN_API="$url" GAOXIN_API_KEY="$key" "$root/scripts/import.sh" "$root/scripts/samples/policies-illustrative.json" policies >/dev/null
GAOXIN_API="$url" GAOXIN_API_KEY="$key" "$root/scripts/import.sh" "$root/scripts/samples/targets-illustrative.csv" targets >/dev/null
writer=$(GAOXIN_DB="$db" dotnet "$dll" apikey create examples-writer read,write,webhooks 2>/dev/null | tail -n 1)
GAOXIN_API="$url" GAOXIN_API_KEY="$key" "$root/scripts/import.sh" "$root/scripts/samples/scheme-illustrative.json" schemes >/dev/null
GAOXIN_API="$url" GAOXIN_API_KEY="$key" "$root/scripts/import.sh" "$root/scripts/samples/enterprises-illustrative.csv" enterprises >/dev/null
curl -fsS -o /dev/null -X PUT "$url/api/v1/data-sets/quarterly-illustrative" -H "authorization: Bearer $caseworker" \
  -H 'content-type: application/json' --data-binary "@$root/scripts/samples/data-set-illustrative.json"

cd "$root/client"
GAOXIN_E2E_URL="$url" GAOXIN_E2E_KEY="$key" GAOXIN_E2E_CASES_KEY="$caseworker" node --test --test-concurrency=1 e2e/

# The generated-client examples, against the same API (after the browser tests: they change data).
"$root/scripts/examples.sh" "$url" "$writer"
