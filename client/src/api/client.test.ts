import { describe, expect, it } from 'vitest';
import { ApiException, type Problem } from './gaoxin-client';
import { problemOf } from './client';

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
