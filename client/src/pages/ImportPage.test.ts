import { describe, expect, it } from 'vitest';
import { contentTypeOf } from './ImportPage';

describe('contentTypeOf', () => {
  it.each([
    ['figures.CSV', 'text/csv'],
    ['policies-illustrative.json', 'application/json'],
    ['rows.ndjson', 'application/x-ndjson'],
    ['rows.jsonl', 'application/x-ndjson'],
    ['report.xlsx', undefined],
  ])('%s is sent as %s', (name, type) => {
    expect(contentTypeOf(name)).toBe(type);
  });
});
