/** rateChunk's check for bytes that are not UTF-8, and rescueChunk's line-by-line rating when a record throws. */
import { Buffer } from 'node:buffer';
import { createRater, type QuotaCount, type Rater } from '@kiemdiem/rules';
import { describe, expect, it } from 'vitest';
import { messages } from '../locales';
import { rateChunk, rescueChunk } from './rate-chunk';
import { StreamIds } from './stream-ids';

const subject = (id: string) => ({ id, kind: 'individual', audience: 'non-leader', period: { year: 2026 }, score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 0 } });
const line = (id: string) => Buffer.from(JSON.stringify(subject(id)));
const lines = (out: Uint8Array) => new TextDecoder().decode(out).trimEnd().split('\n').map((l) => JSON.parse(l) as { id?: string; index?: number; errors?: Array<{ code: string; message: string }> });
const nl = Buffer.from('\n');

describe('rateChunk', () => {
  it('gives a line whose bytes are not UTF-8 the error bad-encoding, in place, and rates the others', () => {
    const [before, after] = JSON.stringify(subject('b@@')).split('@@') as [string, string];
    const bad = Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from(after)]);
    const bytes = Buffer.concat([line('a'), nl, bad, nl, nl, line('c'), nl, bad]);
    const out = rateChunk(bytes, 10, createRater({}), messages('vi'));
    expect(out).toMatchObject({ records: 4, rated: 2, invalid: 2 });
    const got = lines(out.out);
    expect(got.map((l) => l.id ?? l.errors![0]!.code)).toEqual(['a', 'bad-encoding', 'c', 'bad-encoding']);
    expect(got[1]).toMatchObject({ index: 11 });
    // The blank line keeps its number.
    expect(got[3]).toMatchObject({ index: 14 });
  });

  it('rates a valid line that holds U+FFFD itself', () => {
    const out = rateChunk(Buffer.concat([line('x\uFFFD'), nl, line('y')]), 0, createRater({}), messages('en'));
    expect(lines(out.out).map((l) => l.id)).toEqual(['x\uFFFD', 'y']);
    expect(out.invalid).toBe(0);
  });
});

describe('rescueChunk', () => {
  it('rates line by line: a record that throws gets not-rated, the others their results, each counted once', () => {
    const real = createRater({});
    let calls = 0;
    const rater: Rater = {
      ...real,
      rate(input, index) {
        calls += 1;
        if ((input as { id?: string }).id === 'boom') throw new RangeError('Invalid string length');
        return real.rate(input, index);
      },
    };
    const out = rescueChunk(Buffer.concat([line('a'), nl, line('boom'), nl, line('c')]), 5, rater, messages('en'));
    expect(out).toMatchObject({ records: 3, rated: 2, invalid: 1 });
    const got = lines(out.out);
    expect(got.map((l) => l.id ?? l.errors![0]!.code)).toEqual(['a', 'not-rated', 'c']);
    expect(got[1]).toMatchObject({ index: 6, errors: [{ code: 'not-rated', message: 'This record could not be rated: Invalid string length' }] });
    expect(calls).toBe(3);
  });
});

describe('parts rated apart keep their ids', () => {
  // A chunk split around a bad line, or rescued line by line, is joined: the main thread must still see every
  // record's id (for duplicate-id) and quota level, at the right place in the joined lines.
  const grouped = (id: string, exceeded: number) => Buffer.from(JSON.stringify({ ...subject(id), group: 'Tổ 1', tasks: { assigned: 10, completed: 10, onTime: 10, exceeded } }));
  const check = (out: ReturnType<typeof rateChunk>) => {
    const quota: QuotaCount[][] = [];
    const ids = new StreamIds({ merge: (c: QuotaCount[]) => void quota.push(c) }, 'en');
    const checked = ids.check(out.out, out.ids);
    return { lines: lines(checked.out), unrated: checked.unrated, quota: quota.flat() };
  };

  it('after a line that is not UTF-8: the duplicate is found and counted once', () => {
    const bad = Buffer.from([0x7b, 0xc3, 0x28, 0x7d]);
    const bytes = Buffer.concat([grouped('a', 4), nl, bad, nl, grouped('b', 0), nl, grouped('a', 4)]);
    const got = check(rateChunk(bytes, 0, createRater({}, { checkIds: false }), messages('en')));
    expect(got.lines.map((l) => l.errors?.[0]?.code ?? l.id)).toEqual(['a', 'bad-encoding', 'b', 'duplicate-id']);
    expect(got.lines[3]).toMatchObject({ index: 3, id: 'a' });
    expect(got.unrated).toBe(1);
    expect(got.quota).toEqual([expect.objectContaining({ group: 'Tổ 1', excellent: 1, good: 1 })]);
  });

  it('rescued line by line: the same', () => {
    const bytes = Buffer.concat([grouped('a', 4), nl, grouped('b', 0), nl, grouped('a', 4)]);
    const got = check(rescueChunk(bytes, 5, createRater({}, { checkIds: false }), messages('en')));
    expect(got.lines.map((l) => l.errors?.[0]?.code ?? l.id)).toEqual(['a', 'b', 'duplicate-id']);
    expect(got.lines[2]).toMatchObject({ index: 7 });
    expect(got.quota).toEqual([expect.objectContaining({ group: 'Tổ 1', excellent: 1, good: 1 })]);
  });
});
