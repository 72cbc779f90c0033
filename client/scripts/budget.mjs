// The app's size budget, checked in `make test` after the build: the overview's first load (the entry, what it
// imports, and the overview page's own chunk) transfers under 400 KB of compressed JavaScript, and no chunk is over
// 250 KB compressed. Sizes are of the Brotli files the API sends (scripts/compress.mjs); gzip is printed beside.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const kb = (bytes) => (bytes / 1024).toFixed(1);
const size = (file, ext) => (existsSync(join(dist, file + ext)) ? statSync(join(dist, file + ext)).size : Infinity);

/** A chunk and everything it imports statically, by manifest key. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(next, seen);
  return seen;
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const overview = Object.keys(manifest).find((key) => key.endsWith('pages/OverviewPage.tsx'));
const firstLoad = new Set([...closure(entry), ...closure(overview)]);
const js = [...firstLoad].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
const br = js.reduce((sum, file) => sum + size(file, '.br'), 0);
const gz = js.reduce((sum, file) => sum + size(file, '.gz'), 0);

const failures = [];
console.log(`overview first load: ${js.length} JavaScript files, ${kb(br)} KB Brotli (${kb(gz)} KB gzip); budget 400 KB`);
if (br > 400 * 1024) failures.push(`the overview's first load is ${kb(br)} KB compressed, over 400 KB`);
for (const chunk of Object.values(manifest).filter((c) => c.file.endsWith('.js'))) {
  const chunkBr = size(chunk.file, '.br');
  if (chunkBr > 250 * 1024) failures.push(`${chunk.file} (${chunk.src ?? chunk.name}) is ${kb(chunkBr)} KB compressed, over 250 KB`);
}
const largest = Object.values(manifest).filter((c) => c.file.endsWith('.js')).sort((a, b) => size(b.file, '.br') - size(a.file, '.br'))[0];
console.log(`largest chunk: ${largest.file} (${largest.src ?? largest.name}), ${kb(size(largest.file, '.br'))} KB Brotli; budget 250 KB`);
if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
