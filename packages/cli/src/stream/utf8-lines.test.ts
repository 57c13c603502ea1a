import { describe, expect, it } from 'vitest';
import { Utf8Lines } from './utf8-lines';

const text = (lines: Utf8Lines) => new TextDecoder().decode(lines.bytes());

describe('Utf8Lines', () => {
  it('writes text, bytes and single bytes as UTF-8, growing past its first size', () => {
    const out = new Utf8Lines(4);
    out.line('Đảng viên');
    out.text('{"a":');
    out.raw(new TextEncoder().encode('"Cần Thơ"'));
    out.byte(125);
    out.byte(10);
    for (let i = 0; i < 500; i++) out.line(`dòng ${i}`);
    const lines = text(out).split('\n');
    expect(lines[0]).toBe('Đảng viên');
    expect(lines[1]).toBe('{"a":"Cần Thơ"}');
    expect(lines[501]).toBe('dòng 499');
    expect(out.length).toBe(new TextEncoder().encode(text(out)).length);
  });

  it('takes back bytes it wrote', () => {
    const out = new Utf8Lines(64);
    out.text('{"reasons":[]}');
    out.unwrite(2);
    out.text('1]}');
    expect(text(out)).toBe('{"reasons":[1]}');
  });

  it('writes into a buffer it is given back when that holds what is expected, else into a new one', () => {
    const first = new Utf8Lines(1024);
    first.line('x'.repeat(900));
    const spare = first.bytes().buffer as ArrayBuffer;
    const again = new Utf8Lines(1024, spare);
    again.line('lần hai');
    expect(again.bytes().buffer).toBe(spare);
    expect(text(again)).toBe('lần hai\n'); // nothing of the earlier content shows
    const small = new ArrayBuffer(16);
    const fresh = new Utf8Lines(1024, small);
    fresh.line('mới');
    expect(fresh.bytes().buffer).not.toBe(small);
    expect(text(fresh)).toBe('mới\n');
  });
});
