/** printable(): what a terminal would act on is shown as \u escapes; Vietnamese and emoji are left alone. */
import { describe, expect, it } from 'vitest';
import { printable, printableLines, renderTable } from './table';

describe('printable', () => {
  it.each([
    ['ESC', 'a\u001b[2Jb', 'a\\u001b[2Jb'],
    ['BEL', 'a\u0007', 'a\\u0007'],
    ['CR', 'x\ry', 'x\\u000dy'],
    ['tab and newline inside a cell', 'a\tb\nc', 'a\\u0009b\\u000ac'],
    ['DEL and C1 CSI', '\u007f\u009b', '\\u007f\\u009b'],
    ['bidi override and isolate', '\u202eabc\u202c \u2067x\u2069', '\\u202eabc\\u202c \\u2067x\\u2069'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b'],
  ])('%s', (_, text, shown) => {
    expect(printable(text)).toBe(shown);
  });

  it('leaves Vietnamese, emoji (surrogate pairs) and ZWJ sequences as they are', () => {
    const text = 'Nguyễn Thị Ánh 👩‍💻';
    expect(printable(text)).toBe(text);
  });

  it('printableLines keeps the newlines between lines', () => {
    expect(printableLines('a\u001b\nb')).toBe('a\\u001b\nb');
  });

  it('renderTable escapes cells before measuring them, so columns stay aligned', () => {
    const [head, , row] = renderTable(['id', 'x'], [['a\u001b', 'y']]);
    expect(row).toBe('a\\u001b  y');
    expect(head).toBe(`${'id'.padEnd(7)}  x`);
  });
});
