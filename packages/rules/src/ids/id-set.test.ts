/** IdSet answers exactly as a Map of strings would: for dense numbers, sparse numbers, leading zeros and plain text. */
import { describe, expect, it } from 'vitest';
import { IdSet } from './id-set';
import { subjectKey } from './keys';

function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('IdSet', () => {
  it('gives -1 for a new id and the first index for a repeat, as a Map does, over 200,000 mixed ids', () => {
    const rnd = lcg(7);
    const ids: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const r = rnd();
      if (r < 0.4) ids.push(`dv-${Math.floor(rnd() * 60_000)}`); // dense numbers, with repeats
      else if (r < 0.55) ids.push(`cccd-${Math.floor(rnd() * 1e9)}`); // sparse numbers: the group closes
      else if (r < 0.65) ids.push(`dv-${String(Math.floor(rnd() * 500)).padStart(6, '0')}`); // leading zeros: the arena
      else if (r < 0.75) ids.push(`${Math.floor(rnd() * 5000)}`); // a bare number
      else if (r < 0.85) ids.push(`Nguyễn-${Math.floor(rnd() * 3000)}-x`); // text, non-ASCII
      else ids.push(`dv-${Math.floor(rnd() * 60_000) + 4_000_000_000}`); // ten digits: the arena
    }
    const set = new IdSet();
    const map = new Map<string, number>();
    let repeats = 0;
    const wrong: string[] = [];
    ids.forEach((id, i) => {
      const first = map.get(id);
      if (first === undefined) map.set(id, i);
      else repeats += 1;
      const got = set.add(id, i);
      if (got !== (first ?? -1)) wrong.push(`${i} ${id}: ${got} (want ${first ?? -1})`);
    });
    expect(wrong).toEqual([]);
    expect(set.size).toBe(map.size);
    expect(repeats).toBeGreaterThan(20_000);
  });

  it('with a 2-byte tag (subject keys), one number under several tags is still exact, and dense pages are shared across tags', () => {
    const rnd = lcg(11);
    const set = new IdSet(true, 2);
    const map = new Map<string, number>();
    const wrong: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const key = subjectKey({ id: `dv-${Math.floor(rnd() * 40_000)}`, kind: rnd() < 0.9 ? 'individual' : 'collective', period: { year: 2026, quarter: 1 + Math.floor(rnd() * 4) } })!;
      const first = map.get(key);
      if (first === undefined) map.set(key, i);
      const got = set.add(key, i);
      if (got !== (first ?? -1)) wrong.push(`${i}: ${got} (want ${first ?? -1})`);
    }
    expect(wrong).toEqual([]);
    expect(set.size).toBe(map.size);
    // A million subjects over four quarters: about 6 bytes each (pages shared by the quarters), not 16.
    const big = new IdSet(true, 2);
    for (let i = 0; i < 1_000_000; i++) big.add(subjectKey({ id: `dv-${i}`, kind: 'individual', period: { year: 2026, quarter: (i % 4) + 1 } })!, i);
    expect(big.bytes).toBeLessThan(8_000_000);
  });

  it('keeps a million dense ids in about 4 bytes each', () => {
    const set = new IdSet();
    for (let i = 0; i < 1_000_000; i++) set.add(`dv-${i}`, i);
    expect(set.add('dv-999999', 5)).toBe(999_999);
    expect(set.add('dv-1000000', 5)).toBe(-1);
    expect(set.bytes).toBeLessThan(6_000_000);
  });
});
