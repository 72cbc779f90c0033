#!/usr/bin/env bash
# `make run`: serves the API and the built SPA, loads the illustrative "N" policies (marked as such) so that the
# catalogue and the matcher have something to show, prints the URLs and a development admin key, and stops the API
# cleanly on Ctrl-C.
#   scripts/run.sh API_DLL URL SPA_ROOT [--no-demo]
set -euo pipefail
dll=$1 url=$2 spa=$3 demo=${4:-}
root=$(cd "$(dirname "$0")/.." && pwd)

# API keys are stored as HMACs keyed with a pepper that never goes into the database: one per checkout, kept in .data/.
pepper_file="$root/.data/api-key-pepper"
[ -s "$pepper_file" ] || { mkdir -p "$root/.data"; head -c 32 /dev/urandom | base64 > "$pepper_file"; chmod 600 "$pepper_file"; }
export Auth__KeyPepper="$(cat "$pepper_file")"

# A fresh development admin key each run (a key is shown only once): the previous one is revoked. A revoked key keeps
# its name (the audit log names it), so each run's key has a name of its own, remembered in .data/ for the next run.
name_file="$root/.data/dev-admin-key-name"
dotnet "$dll" apikey revoke "$(cat "$name_file" 2>/dev/null || echo dev-admin)" >/dev/null 2>&1 || true
key_name="dev-admin-$(date +%Y%m%d-%H%M%S)"
admin_key=$(dotnet "$dll" apikey create "$key_name" admin 2>/dev/null | tail -n 1)
echo "$key_name" > "$name_file"

dotnet "$dll" --urls "$url" --contentRoot "$root/api" --Spa:Root="$spa" &
api=$!
stop() { kill -TERM "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; }
trap 'stop; exit 0' INT TERM
trap stop EXIT

for _ in $(seq 1 120); do
  curl -fsS "$url/health/ready" >/dev/null 2>&1 && break
  kill -0 "$api" 2>/dev/null || { echo "run: the API exited; see its log above" >&2; exit 1; }
  sleep 0.5
done

if [ "$demo" != "--no-demo" ]; then
  # Re-importing the same file reports every document unchanged, so running `make run` again is harmless.
  GAOXIN_API="$url" GAOXIN_API_KEY="$admin_key" "$root/scripts/import.sh" "$root/scripts/samples/policies-illustrative.json" policies >/dev/null \
    && echo "Loaded the illustrative supporting policies (scripts/samples/policies-illustrative.json, marked 示例 / illustrative)."
  GAOXIN_API="$url" GAOXIN_API_KEY="$admin_key" "$root/scripts/import.sh" "$root/scripts/samples/targets-illustrative.csv" targets >/dev/null \
    && echo "Loaded the illustrative targets (scripts/samples/targets-illustrative.csv, marked 示例 / illustrative)."
  GAOXIN_API="$url" GAOXIN_API_KEY="$admin_key" "$root/scripts/import.sh" "$root/scripts/samples/scheme-illustrative.json" schemes >/dev/null \
    && echo "Loaded the illustrative evaluation scheme (scripts/samples/scheme-illustrative.json, marked 示例 / illustrative)."
  GAOXIN_API="$url" GAOXIN_API_KEY="$admin_key" "$root/scripts/import.sh" "$root/scripts/samples/enterprises-illustrative.csv" enterprises >/dev/null \
    && echo "Loaded 300 illustrative enterprises (scripts/samples/enterprises-illustrative.csv, marked 示例 / illustrative; private: keys need the enterprises scope)."
  # Cases are opened one by one, as the service's officers do; a case already there is left as it is (409).
  GAOXIN_API="$url" GAOXIN_API_KEY="$admin_key" node -e '
    const cases = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    (async () => { for (const c of cases) {
      const r = await fetch(`${process.env.GAOXIN_API}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${process.env.GAOXIN_API_KEY}` }, body: JSON.stringify(c) });
      if (r.status !== 201 && r.status !== 409) { console.error(`run: case ${c.code}: ${r.status} ${await r.text()}`); process.exit(1); }
    } })();' "$root/scripts/samples/cases-illustrative.json" \
    && echo "Loaded 3 illustrative service cases (scripts/samples/cases-illustrative.json, marked 示例 / illustrative; private: keys need the cases scope)."
  # The data set is created once (If-None-Match: *); a set already there, perhaps edited since, is left as it is (412).
  status=$(curl -sS -o /dev/null -w '%{http_code}' -X PUT "$url/api/v1/data-sets/quarterly-illustrative" -H "authorization: Bearer $admin_key" \
    -H 'content-type: application/json' -H 'If-None-Match: *' --data-binary "@$root/scripts/samples/data-set-illustrative.json")
  case "$status" in
    201|412) echo "Loaded the illustrative quarterly data set (scripts/samples/data-set-illustrative.json, marked 示例 / illustrative): /rounds." ;;
    *) echo "run: the illustrative data set was refused ($status)" >&2 ;;
  esac
fi
echo
echo "Development admin key (Swagger UI: Authorize; scripts: GAOXIN_API_KEY; revoked at the next make run):"
echo "$admin_key"
wait "$api"
