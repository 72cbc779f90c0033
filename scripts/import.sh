#!/usr/bin/env bash
# Push a file to the Gaoxin import API and print the report.
#   scripts/import.sh FILE KIND [--dry-run] [--rows] [--key IDEMPOTENCY_KEY]
# KIND: observations | parks | indicators | policies. The content type follows the file's extension: .csv (UTF-8 or
# GB18030, detected), .json (an array), .ndjson / .jsonl. GAOXIN_API (default http://localhost:5080) and
# GAOXIN_API_KEY (sent as a bearer token when set) say where and as whom.
# Exit status: 0 when the import was accepted (or dry-run), 1 when the API refused it, 2 on bad usage.
set -euo pipefail

usage() { sed -n '2,7p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
file=$1 kind=$2; shift 2
query=() key=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) query+=("dryRun=true") ;;
    --rows) query+=("mode=rows") ;;
    --key) key=${2:?--key needs a value}; shift ;;
    *) usage ;;
  esac
  shift
done
[ -r "$file" ] || { echo "import: cannot read $file" >&2; exit 2; }

case "${file,,}" in
  *.csv) type="text/csv" ;;
  *.json) type="application/json" ;;
  *.ndjson|*.jsonl) type="application/x-ndjson" ;;
  *) echo "import: $file: use a .csv, .json or .ndjson file" >&2; exit 2 ;;
esac

url="${GAOXIN_API:-http://localhost:5080}/api/v1/imports/${kind}"
[ ${#query[@]} -eq 0 ] || url+="?$(IFS='&'; echo "${query[*]}")"
headers=(-H "Content-Type: ${type}" -H "Accept-Language: ${GAOXIN_LANG:-zh-CN}")
[ -z "$key" ] || headers+=(-H "Idempotency-Key: ${key}")
[ -z "${GAOXIN_API_KEY:-}" ] || headers+=(-H "Authorization: Bearer ${GAOXIN_API_KEY}")

# --data-binary streams the file as it is: no re-encoding, no newline stripping.
response=$(mktemp)
trap 'rm -f "$response"' EXIT
status=$(curl -sS -o "$response" -w '%{http_code}' -X POST "${headers[@]}" --data-binary "@${file}" "$url")
if command -v python3 >/dev/null; then python3 -m json.tool --no-ensure-ascii "$response" 2>/dev/null || cat "$response"; else cat "$response"; fi
echo
[ "$status" -lt 400 ] || { echo "import: refused with HTTP $status" >&2; exit 1; }
