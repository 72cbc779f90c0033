// Compares two versions of openapi.json and lists the changes that would break a client built on the first
// (api-smart-diff's classification: removed operations and fields, new required inputs, narrowed types...).
// Usage: node breaking-changes.mjs BEFORE.json AFTER.json   (exit 1 when there is a breaking change)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../client/package.json', import.meta.url));
const { apiCompare } = require('api-smart-diff');

const [beforePath, afterPath] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  console.error('usage: node breaking-changes.mjs BEFORE.json AFTER.json');
  process.exit(2);
}
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const { diffs } = apiCompare(read(beforePath), read(afterPath));

const breaking = diffs.filter((d) => d.type === 'breaking');
const counts = diffs.reduce((all, d) => ({ ...all, [d.type]: (all[d.type] ?? 0) + 1 }), {});
console.log(`contract changes: ${Object.entries(counts).map(([type, n]) => `${n} ${type}`).join(', ') || 'none'}`);
for (const d of breaking) {
  console.log(`  breaking: ${d.description ?? d.action} at ${(d.path ?? []).join('/')}`);
}
process.exit(breaking.length > 0 ? 1 : 0);
