// A municipal system's webhook receiver, as the README shows it: subscribe a URL, get the change a write makes,
// verify its signature with the Standard Webhooks reference package, drop duplicates by event id. Types come from
// openapi.json (WebhookMessage is declared there). Run by `make test` against a live API whose
// Webhooks:AllowedNetworks lets it deliver to this receiver on 127.0.0.1.
//   GAOXIN_API=http://localhost:5080 GAOXIN_API_KEY=gx_… node dist/verify-webhook.js   (a key with read, write, webhooks)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import { Webhook } from 'standardwebhooks';
import type { components, paths } from './generated/schema.js';

type WebhookMessage = components['schemas']['WebhookMessage'];

const baseUrl = process.env.GAOXIN_API ?? 'http://localhost:5080';
const apiKey = process.env.GAOXIN_API_KEY;
if (!apiKey) throw new Error('Set GAOXIN_API_KEY to a key with the read, write and webhooks scopes.');
const gaoxin = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${apiKey}`, 'Accept-Language': 'en' } });

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`webhook example failed: ${what}`);
  console.log(`  ok: ${what}`);
}

// The receiver. Verify first, on the exact bytes received; parse only what verified.
let verifier: Webhook | undefined;
const processed = new Set<string>();
const received: WebhookMessage[] = [];
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    };
    try {
      const message = verifier!.verify(body, headers) as WebhookMessage;
      received.push(message);
      for (const event of message.data.events) {
        processed.add(event.id); // a real receiver stores this with what it did, and skips ids it has seen
      }
      response.writeHead(204).end();
    } catch {
      response.writeHead(400).end('signature did not verify');
    }
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;

try {
  const created = await gaoxin.POST('/api/v1/webhooks', {
    body: { url: target, eventTypes: ['observation.created', 'observation.updated'], description: 'verify-webhook example', active: true },
  });
  if (!created.data) throw new Error(`createWebhook: ${JSON.stringify(created.error)}`);
  verifier = new Webhook(created.data.secret);
  const id = created.data.webhook.id;
  check(created.data.secret.startsWith('whsec_'), `subscribed ${id}; the secret is shown once`);

  const ping = await gaoxin.POST('/api/v1/webhooks/{id}/ping', { params: { path: { id } } });
  check(ping.data?.outcome === 'succeeded' && received.at(-1)?.type === 'gaoxin.ping', 'a ping arrives and verifies');

  // A write the subscription is for: a figure for a day no one else uses (illustrative).
  const written = await gaoxin.PUT('/api/v1/observations', {
    body: { indicatorCode: 'land-acquisition-launched', parkCode: 'haidong', period: '2001-06-30', value: 1, asOf: '2024-12-31', note: 'webhook example (illustrative)' },
  });
  if (!written.data) throw new Error(`putObservation: ${JSON.stringify(written.error)}`);
  const deadline = Date.now() + 30_000;
  while (![...processed].length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const event = received.flatMap((m) => m.data.events).find((e) => e.change?.key === 'land-acquisition-launched/haidong/2001-06-30');
  check(event?.type === 'observation.created' && event.id.startsWith('chg_'), `the change arrived, signed, as ${event?.id}`);

  const log = await gaoxin.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id } } });
  check((log.data?.items ?? []).every((d) => d.outcome === 'succeeded'), 'the delivery log shows every attempt succeeded');

  const current = await gaoxin.GET('/api/v1/webhooks/{id}', { params: { path: { id } } });
  const etag = current.response.headers.get('ETag') ?? '';
  await gaoxin.DELETE('/api/v1/webhooks/{id}', { params: { path: { id }, header: { 'If-Match': etag } } });
  await gaoxin.DELETE('/api/v1/observations', {
    params: { query: { indicator: 'land-acquisition-launched', park: 'haidong', period: '2001-06-30' }, header: { 'If-Match': written.response.headers.get('ETag') ?? '' } },
  });
} finally {
  server.close();
}
