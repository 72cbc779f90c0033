import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a BOM so that Excel reads Chinese text as UTF-8', () => {
    expect(toCsv(['a'], [['湛江']]).startsWith('\uFEFFa\r\n湛江')).toBe(true);
  });

  it('quotes fields holding commas, quotes or line breaks and leaves empty values empty', () => {
    expect(toCsv(['note', 'value', 'source'], [['a, "b"\nc', 78, null]])).toBe('\uFEFFnote,value,source\r\n"a, ""b""\nc",78,\r\n');
  });
});
