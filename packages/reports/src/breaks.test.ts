import { describe, expect, it } from 'vitest';
import { breakContent, breakLongTokens, MAX_RUN, ZWSP } from './breaks';
import { numberedWidths, rowsFitOnAPage } from './tables';

describe('break opportunities in long tokens', () => {
  it('puts a zero-width space every MAX_RUN characters of a longer run, and leaves words alone', () => {
    const long = 'đ'.repeat(40);
    const out = breakLongTokens(`Đảng viên ${long} https://x`);
    expect(out.replaceAll(ZWSP, '')).toBe(`Đảng viên ${long} https://x`);
    expect(out.split(' ')[2]!.split(ZWSP).map((p) => [...p].length)).toEqual([MAX_RUN, MAX_RUN, 40 - 2 * MAX_RUN]);
    expect(breakLongTokens('responsibilities kiểm điểm')).toBe('responsibilities kiểm điểm');
  });

  it('never separates a letter from its combining mark', () => {
    const decomposed = 'e\u0301'.repeat(20); // 40 code points, 20 letters with a mark each
    const pieces = breakLongTokens(decomposed).split(ZWSP);
    for (const p of pieces.slice(1)) expect(p).not.toMatch(/^\p{M}/u);
    expect(pieces.join('')).toBe(decomposed);
  });

  it('reaches every printed string of a pdfmake tree, and sends a justified paragraph with a broken token left', () => {
    const long = 'x'.repeat(30);
    const out = breakContent([{ text: long, alignment: 'justify' }, { table: { widths: ['*'], body: [[long, { text: [{ text: long }] }]] } }, { columns: [{ stack: [long] }] }]);
    expect(JSON.stringify(out).split(ZWSP).length - 1).toBe(4);
    expect(out[0]).toMatchObject({ alignment: 'left' });
    expect((out[1] as { table: { widths: string[] } }).table.widths).toEqual(['*']);
  });
});

describe('table geometry', () => {
  it('gives a numbered table numeric widths that fill the width exactly, however many columns', () => {
    for (const columns of [1, 4, 10]) {
      const widths = numberedWidths(467.7, columns, 12, 12);
      const offsets = (columns + 1) * 8 + (columns + 2) * 1;
      expect(widths.reduce((a, b) => a + b, 0) + offsets).toBeCloseTo(467.7, 6);
      expect(widths[0]).toBeCloseTo(2 * (1366 / 2048) * 12, 6); // "TT" in Tinos Bold
    }
  });

  it('keeps rows together only when every row surely fits on a page', () => {
    expect(rowsFitOnAPage([['1', 'Chậm tiến độ báo cáo quý.']], [20, 100], 12, 1.15, 770)).toBe(true);
    expect(rowsFitOnAPage([['1', 'chữ '.repeat(625)]], [20, 100], 12, 1.15, 770)).toBe(false);
  });
});
