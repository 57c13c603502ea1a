import fc from 'fast-check';
import { createRater, rateManySync, type Result } from '@kiemdiem/rules';
import { describe, expect, it } from 'vitest';
import { batchArb } from '../../../rules/bench/arbitraries.mjs';
import { ResultLines } from './result-line';
import { Utf8Lines } from './utf8-lines';

const decoder = new TextDecoder();
const linesOf = (results: Result[], writer = new ResultLines()) => {
  const out = new Utf8Lines(1024);
  for (const r of results) writer.write(out, r);
  return decoder.decode(out.bytes());
};
const stringified = (results: Result[]) => results.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('ResultLines (result lines with shared reasons written from kept bytes)', () => {
  const subjects = fc.sample(batchArb(500), { numRuns: 8, seed: 366 }).flat();

  it.each([{}, { lang: 'en' as const }, { regulation: 'qd-132-2018' }])('writes exactly JSON.stringify of each result (%o)', (options) => {
    const rater = createRater({ ...options, shareReasons: true });
    const results = subjects.flatMap((s, i) => {
      const o = rater.rate(s, i);
      return o.ok ? [o.result] : [];
    });
    expect(results.length).toBeGreaterThan(1000);
    const writer = new ResultLines();
    expect(linesOf(results, writer)).toBe(stringified(results));
    // The kept bytes are per distinct reason, far fewer than the reasons written.
    const reasons = results.reduce((n, r) => n + r.reasons.length, 0);
    expect(writer.kept).toBeGreaterThan(10);
    expect(writer.kept).toBeLessThan(reasons / 5);
    // Written again (every reason's bytes now kept): the same text.
    expect(linesOf(results, writer)).toBe(stringified(results));
  });

  it('writes results with reasons of their own, or none, as JSON.stringify does', () => {
    const own = rateManySync(subjects.slice(0, 300)).results;
    const none = rateManySync(subjects.slice(0, 300), { reasons: false }).results;
    const writer = new ResultLines();
    expect(linesOf([...own, ...none], writer)).toBe(stringified([...own, ...none]));
    expect(writer.kept).toBe(0);
  });

  it('falls back to JSON.stringify when reasons are not the last key, and leaves the result as it was', () => {
    const shared = createRater({ shareReasons: true }).rate(subjects.find((s) => rateManySync([s]).results.length === 1), 0);
    expect(shared.ok).toBe(true);
    const result = (shared as { result: Result }).result;
    const { reasons, ...rest } = result;
    const reordered = { reasons, ...rest, note: 'Ghi chú "cuối"' } as unknown as Result;
    const writer = new ResultLines();
    expect(linesOf([reordered], writer)).toBe(stringified([reordered]));
    expect(linesOf([result], writer)).toBe(stringified([result]));
    expect(Object.keys(result).at(-1)).toBe('reasons');
    expect(result.reasons.length).toBeGreaterThan(0);
  });
});
