#!/usr/bin/env bash
# Fails when openapi.json breaks clients built on the previous version, unless the break is declared intended.
#   - openapi.json changed but not committed: compares it with HEAD's.
#   - otherwise: compares HEAD's with HEAD~1's (what CI sees on a fresh clone of main).
# Intended: the commit message has a line "Contract-Break: <why>", or contracts/BREAKING-CHANGES.md has a line
# holding the sha256 of the new openapi.json (printed below), so that one break is accepted and not the next.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! git rev-parse --verify -q HEAD >/dev/null; then
  echo "contract: no commit yet, nothing to compare"; exit 0
fi
if ! git diff --quiet HEAD -- openapi.json; then
  git show HEAD:openapi.json > "$work/before.json"
  cp openapi.json "$work/after.json"
  message=""
  what="openapi.json (uncommitted) against HEAD"
elif git rev-parse --verify -q HEAD~1 >/dev/null && git cat-file -e HEAD~1:openapi.json 2>/dev/null; then
  git show HEAD~1:openapi.json > "$work/before.json"
  git show HEAD:openapi.json > "$work/after.json"
  message=$(git log -1 --format=%B HEAD)
  what="HEAD against HEAD~1"
else
  echo "contract: no previous openapi.json to compare with"; exit 0
fi

if cmp -s "$work/before.json" "$work/after.json"; then
  echo "contract: openapi.json unchanged ($what)"; exit 0
fi
if node scripts/contract/breaking-changes.mjs "$work/before.json" "$work/after.json" > "$work/report.txt"; then
  head -1 "$work/report.txt"; echo "contract: no breaking change ($what)"; exit 0
fi

hash=$(sha256sum "$work/after.json" | cut -d' ' -f1)
if grep -qE '^Contract-Break: *[^ ]' <<<"$message"; then
  head -1 "$work/report.txt"; echo "contract: breaking change declared intended in the commit message: $(grep -m1 -E '^Contract-Break:' <<<"$message")"; exit 0
fi
if grep -q "$hash" contracts/BREAKING-CHANGES.md 2>/dev/null; then
  head -1 "$work/report.txt"; echo "contract: breaking change recorded as intended in contracts/BREAKING-CHANGES.md"; exit 0
fi
head -40 "$work/report.txt"
cat <<MSG
contract: openapi.json breaks clients built on the previous version ($what; $(grep -c '^  breaking' "$work/report.txt") breaking changes).
If that is intended, say why: a line "Contract-Break: <why>" in the commit message, or in contracts/BREAKING-CHANGES.md
a line "- $hash: <why>".
MSG
exit 1
