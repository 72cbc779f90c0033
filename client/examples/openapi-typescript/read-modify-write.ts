// GET, change, PUT back, with types openapi-typescript generated from openapi.json and the openapi-fetch client: the
// object a GET returns is the body the PUT takes, so nothing is mapped by hand. Read-only members (code, name,
// version…) go back as they came, which the API accepts (README: "GET, change, PUT back").
//   GAOXIN_API=http://localhost:5080 GAOXIN_API_KEY=gx_… node dist/read-modify-write.js
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/schema.js';

type Policy = components['schemas']['PolicyDto'];
type Measure = components['schemas']['SupportMeasureDto'];

const baseUrl = process.env.GAOXIN_API ?? 'http://localhost:5080';
const apiKey = process.env.GAOXIN_API_KEY;
if (!apiKey) throw new Error('Set GAOXIN_API_KEY to a key with the write scope.');
const gaoxin = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${apiKey}`, 'Accept-Language': 'en' } });

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`openapi-typescript example failed: ${what}`);
  console.log(`  ok: ${what}`);
}

function etagOf(response: Response): string {
  const etag = response.headers.get('ETag');
  if (!etag) throw new Error('no ETag');
  return etag;
}

// A policy document (one of the illustrative samples, which scripts/e2e.sh imports): read it, change one member of
// its content, send the whole object back.
const id = process.env.GAOXIN_POLICY ?? 'sample-rnd-support-measures';
const read = await gaoxin.GET('/api/v1/policies/{id}', { params: { path: { id } } });
if (!read.data) throw new Error(`GET policy: ${JSON.stringify(read.error)}`);
const policy: Policy = { ...read.data, summaries: { ...read.data.summaries, en: `${read.data.summaries.en} (checked by the TypeScript example)` } };
const written = await gaoxin.PUT('/api/v1/policies/{id}', { params: { path: { id }, header: { 'If-Match': etagOf(read.response) } }, body: policy });
if (!written.data) throw new Error(`PUT policy: ${JSON.stringify(written.error)}`);
check(written.data.version === read.data.version + 1, `policy version ${read.data.version} → ${written.data.version}`);
check(written.data.summary.summary.endsWith('(checked by the TypeScript example)') && written.data.titles.zh === read.data.titles.zh,
  'policy: the change is kept, the rest unchanged');

// One of its measures, read through its own endpoint.
const measureCode = read.data.measures[0]?.code;
if (!measureCode) throw new Error(`policy ${id} has no measures`);
{
  const path = { id, code: measureCode };
  const readMeasure = await gaoxin.GET('/api/v1/policies/{id}/measures/{code}', { params: { path } });
  if (!readMeasure.data) throw new Error(`GET measure: ${JSON.stringify(readMeasure.error)}`);
  const measure: Measure = { ...readMeasure.data, cap: (readMeasure.data.cap ?? 0) + 1 };
  const changed = await gaoxin.PUT('/api/v1/policies/{id}/measures/{code}', { params: { path, header: { 'If-Match': etagOf(readMeasure.response) } }, body: measure });
  if (!changed.data) throw new Error(`PUT measure: ${JSON.stringify(changed.error)}`);
  check(changed.data.cap === measure.cap, 'measure: cap changed');
}

// A changed read-only member is refused with a problem naming it, and nothing is written.
const stale = await gaoxin.GET('/api/v1/policies/{id}', { params: { path: { id } } });
if (!stale.data) throw new Error('GET policy');
const refused = await gaoxin.PUT('/api/v1/policies/{id}', {
  params: { path: { id }, header: { 'If-Match': etagOf(stale.response) } },
  body: { ...stale.data, body: 'edited the read-only text' },
});
check(refused.response.status === 400 && refused.error?.code === 'request.read-only-changed' && 'body' in (refused.error.errors ?? {}),
  'a changed read-only member is refused, naming it');

console.log('openapi-typescript example: read-modify-write of a policy and a measure, no hand mapping: ok');
