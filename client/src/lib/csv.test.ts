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

describe('toCsv against formula injection', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises a text cell starting %j', (cell, expected) => {
    expect(toCsv(['note'], [[cell]])).toBe(`\uFEFFnote\r\n${expected}\r\n`);
  });

  it('keeps numbers, negative ones included, and plain text as they are', () => {
    expect(toCsv(['v', 'n'], [[-5, '湛江 = 高新']])).toBe('\uFEFFv,n\r\n-5,湛江 = 高新\r\n');
  });
});
