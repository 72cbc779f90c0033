import { describe, expect, it } from 'vitest';
import { parkOption } from './options';

describe('parkOption', () => {
  it('shows the name in the page language and is found by either name or the code', () => {
    const option = parkOption({ code: 'haidong', name: 'Haidong Park', names: { zh: '海东园区', en: 'Haidong Park' } });
    expect(option.label).toBe('Haidong Park');
    expect(option.search).toContain('海东');
    expect(option.search).toContain('Haidong');
    expect(option.search).toContain('haidong');
  });
});
