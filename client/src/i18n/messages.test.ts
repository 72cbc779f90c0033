import { describe, expect, it } from 'vitest';
import { messages } from './messages';

function paths(value: unknown, prefix = ''): string[] {
  return value && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, inner]) => paths(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix];
}

describe('messages', () => {
  it('has every text in both languages', () => {
    expect(paths(messages.en).sort()).toEqual(paths(messages['zh-CN']).sort());
  });

  it('has no empty Chinese text', () => {
    const empty = paths(messages['zh-CN']).filter((path) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], messages['zh-CN']) === '');
    expect(empty).toEqual([]);
  });
});
