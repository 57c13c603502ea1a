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

describe('ResultLines (result lines with each distinct reason written from kept bytes)', () => {
  const subjects = fc.sample(batchArb(500), { numRuns: 8, seed: 366 }).flat();

  it.each([{}, { lang: 'en' as const }, { regulation: 'qd-132-2018' }])('writes exactly JSON.stringify of each result (%o)', (options) => {
    const rater = createRater(options);
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

  it('writes results without reasons, and results from several options through one writer, as JSON.stringify does', () => {
    const vi = rateManySync(subjects.slice(0, 300)).results;
    const en = rateManySync(subjects.slice(0, 300), { lang: 'en' }).results;
    const none = rateManySync(subjects.slice(0, 300), { reasons: false }).results;
    const writer = new ResultLines();
    // The same rule, outcome and values in two languages: the kept bytes must not be taken for the other.
    expect(linesOf([...vi, ...en, ...vi, ...none], writer)).toBe(stringified([...vi, ...en, ...vi, ...none]));
  });

  it('does not depend on where the reasons sit or how a reason was built, and leaves the result as it was', () => {
    const result = rateManySync(subjects.slice(0, 50)).results.find((r) => r.reasons.length > 1)!;
    const writer = new ResultLines();
    expect(linesOf([result], writer)).toBe(stringified([result]));
    const { reasons, ...rest } = result;
    const reordered = { reasons, ...rest, note: 'Ghi chú "cuối"' } as unknown as Result;
    expect(linesOf([reordered], writer)).toBe(stringified([reordered]));
    // A reason with the same rule, outcome and values but other keys, key order or text.
    const [first, ...others] = reasons;
    const { message, ...noMessage } = first!;
    const variants = [{ message, ...noMessage }, { ...first!, message: `${message}!` }, { ...first!, extra: 1 }, { ...first!, extra: 2 }, noMessage];
    for (const v of variants) {
      const changed = { ...result, reasons: [v, ...others] } as unknown as Result;
      expect(linesOf([changed], writer)).toBe(stringified([changed]));
    }
    // A string equal to the marker the writer uses cannot confuse it, before or after the reasons.
    const tricky = { ...result, id: ['\u0000kiemdiem:reasons\u0000'] } as unknown as Result;
    expect(linesOf([tricky], writer)).toBe(stringified([tricky]));
    const trickyLast = { ...result, note: ['\u0000kiemdiem:reasons\u0000'] } as unknown as Result;
    expect(linesOf([trickyLast], writer)).toBe(stringified([trickyLast]));
    const trickyFirst = { note: ['\u0000kiemdiem:reasons\u0000'], ...result } as unknown as Result;
    expect(linesOf([trickyFirst], writer)).toBe(stringified([trickyFirst]));
    const nested = { ...result, meta: { reasons: ['\u0000kiemdiem:reasons\u0000'] } } as unknown as Result;
    expect(linesOf([nested], writer)).toBe(stringified([nested]));
    expect(linesOf([result], writer)).toBe(stringified([result]));
    expect(result.reasons).toBe(reasons);
  });

  it('writes the decision of a subject for the competent level byte for byte, the reasons still last', () => {
    const disciplined = (i: number) => ({
      id: `fd-${i}`, kind: 'individual', audience: i % 2 ? 'non-leader' : 'leader', period: { year: 2026 }, group: 'g',
      score: { common: 28, tasks: 65 - (i % 3) * 10 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 4 - (i % 3) },
      discipline: [{ form: 'khien-trach', decidedOn: '2026-05-04', dutyRelated: true, selfDetectedAndRemedied: true }],
    });
    const noLevel = (i: number) => ({ id: `nl-${i}`, kind: 'individual', audience: 'non-leader', period: { year: 2026 }, score: { common: 25, tasks: 50 + i }, tasks: { assigned: 10, completed: 9, onTime: 9, exceeded: 0 } });
    const rater = createRater({ parameters: { 'reading.noLevelIsKHTNV': false } });
    const results = [...Array.from({ length: 6 }, (_, i) => disciplined(i)), ...Array.from({ length: 3 }, (_, i) => noLevel(i))].flatMap((s, i) => {
      const o = rater.rate(s, i);
      return o.ok ? [o.result] : [];
    });
    const handed = results.filter((r) => r.status === 'for-decision');
    // Both kinds: with a level set aside, and with none (the reading switched off).
    expect(handed.some((r) => r.decision?.without === null)).toBe(true);
    expect(handed.some((r) => r.decision?.without !== null)).toBe(true);
    // The writer's common case: the rater puts the reasons after the decision, last.
    for (const r of handed) expect(Object.keys(r).slice(-2)).toEqual(['decision', 'reasons']);
    const writer = new ResultLines();
    expect(linesOf(results, writer)).toBe(stringified(results));
    expect(linesOf(results, writer)).toBe(stringified(results));
  });
});
