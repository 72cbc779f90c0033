import { describe, expect, it } from 'vitest';
import { ApiException, type Problem } from './gaoxin-client';
import { createClient, logPosition, problemOf } from './client';

const notFound = { type: 'urn:gaoxin:problem:park.not-found', title: '资源不存在', status: 404, detail: '园区“atlantis”不存在。', code: 'park.not-found' } as Problem;

describe('problemOf', () => {
  it('reads the problem the generated client throws as itself for a declared status', () => {
    expect(problemOf(notFound)?.code).toBe('park.not-found');
  });

  it('reads the problem inside an ApiException for an undeclared status', () => {
    const error = new ApiException('Forbidden', 403, JSON.stringify({ ...notFound, status: 403, code: 'auth.insufficient-scope' }), {}, null);
    expect(problemOf(error)?.code).toBe('auth.insufficient-scope');
  });

  it('finds none in a network failure or a body that is not problem details', () => {
    expect(problemOf(new TypeError('Failed to fetch'))).toBeUndefined();
    expect(problemOf(new ApiException('Bad gateway', 502, '<html>', {}, null))).toBeUndefined();
    expect(problemOf({ status: 404 })).toBeUndefined();
  });
});

describe('read your writes', () => {
  it('orders log positions by both halves, and refuses what is not one', () => {
    expect(logPosition('0/16B3748')).toBe(0x16b3748n);
    expect(logPosition('1/0')! > logPosition('0/FFFFFFFF')!).toBe(true);
    expect(logPosition('')).toBeUndefined();
    expect(logPosition('0/16B3748; drop')).toBeUndefined();
  });

  it("sends the tab's newest write token on reads, never an empty header, and never on writes", async () => {
    const sent: { method: string; token: string | null }[] = [];
    const answers = ['1/A0', '', '0/FF', ''];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ method: init?.method ?? 'GET', token: new Headers(init?.headers).get('Gaoxin-Consistency') });
      const token = answers.shift();
      return new Response('{}', { status: 200, headers: token ? { 'Gaoxin-Consistency': token } : {} });
    }) as typeof fetch;
    try {
      const client = createClient('zh-CN');
      const send = (method: string) => client['http'].fetch('/api/v1/parks', { method, headers: { 'Gaoxin-Consistency': '' } });
      await send('PUT'); // answered with 1/A0
      await send('GET');
      await send('PUT'); // answered with an older position, which must not replace the newer
      await send('GET');
      expect(sent).toEqual([
        { method: 'PUT', token: null },
        { method: 'GET', token: '1/A0' },
        { method: 'PUT', token: null },
        { method: 'GET', token: '1/A0' },
      ]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
