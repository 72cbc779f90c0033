import { describe, expect, it } from 'vitest';
import { formatTime } from './format';

describe('formatTime', () => {
  it('shows a UTC moment in the zone\'s time, naming the zone', () => {
    // 16:30 UTC on 31 March is half past midnight on 1 April in Zhanjiang.
    expect(formatTime('2023-03-31T16:30:00+00:00', 'zh-CN')).toBe('2023/04/01 00:30 (UTC+8)');
    expect(formatTime('2023-03-31T16:30:00+00:00', 'en')).toBe('01/04/2023, 00:30 (UTC+8)');
  });

  it('leaves a text that is not a time as it is', () => {
    expect(formatTime('seed', 'en')).toBe('seed');
  });
});
