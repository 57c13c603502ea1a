/** foreignEncoding: UTF-16 with or without a byte-order mark is recognised; UTF-8 (even with a stray NUL) is not. */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { foreignEncoding } from './encoding';

const line = '{"id":"Nguyễn Văn A","kind":"individual"}\n';

describe('foreignEncoding', () => {
  it.each([
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, 'utf16le')]), 'UTF-16LE'],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(line, 'utf16le').swap16()]), 'UTF-16BE'],
    ['UTF-16LE without a BOM', Buffer.from(line, 'utf16le'), 'UTF-16LE'],
    ['UTF-16BE without a BOM', Buffer.from(line, 'utf16le').swap16(), 'UTF-16BE'],
    ['UTF-8', Buffer.from(line), undefined],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line)]), undefined],
    ['UTF-8 with one stray NUL (a bad line, not a bad file)', Buffer.from('{"id":"a\u0000b","kind":"individual"}'), undefined],
    ['empty', Buffer.alloc(0), undefined],
  ])('%s', (_, bytes, encoding) => {
    expect(foreignEncoding(bytes)).toBe(encoding);
  });
});
