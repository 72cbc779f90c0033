import { describe, expect, it } from 'vitest';
import { parseHighlight } from './highlight';

describe('parseHighlight', () => {
  it('splits the passage into marked and plain parts', () => {
    expect(parseHighlight('…促进<mark>高质量</mark>发展…')).toEqual([
      { text: '…促进', marked: false },
      { text: '高质量', marked: true },
      { text: '发展…', marked: false },
    ]);
  });

  it('turns the escaped text back into plain text, so markup in a document stays text', () => {
    const parts = parseHighlight('S&amp;T &lt;b&gt;<mark>Incubation</mark>&lt;/b&gt;');
    expect(parts.map((p) => p.text).join('')).toBe('S&T <b>Incubation</b>');
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['Incubation']);
  });
});
