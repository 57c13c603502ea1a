/** createRater: record by record, counts pooled across raters, the same output as rateManySync. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchArb } from '../bench/arbitraries.mjs';
import { createRater, rateManySync } from './rate';
import type { Result, SubjectIssue } from './types';

describe('createRater', () => {
  const subjects = fc.sample(batchArb(200), { numRuns: 3, seed: 11 }).flat().map((s, i) => ({ ...s, id: `r-${i}`, group: i % 3 === 0 ? 'chuyen-vien' : 'lanh-dao' }));

  it('rates record by record like rateManySync, and pools quota counts from two raters', () => {
    const whole = rateManySync(subjects);
    const [a, b] = [createRater(), createRater()];
    const results: Result[] = [];
    const errors: SubjectIssue[] = [];
    subjects.forEach((s, i) => {
      const out = (i % 2 === 0 ? a : b).rate(s, i);
      if (out.ok) results.push(out.result);
      else errors.push(...out.errors);
    });
    expect(results).toEqual(whole.results);
    expect(errors).toEqual(whole.errors);
    // Counts survive a JSON round trip (as between worker threads) and merge.
    a.merge(JSON.parse(JSON.stringify(b.counts())));
    const byGroup = (q: typeof whole.quota) => [...q].sort((x, y) => JSON.stringify([x.group, x.regulation, x.period]).localeCompare(JSON.stringify([y.group, y.regulation, y.period])));
    expect(byGroup(a.quota())).toEqual(byGroup(whole.quota));
    expect(whole.quota.length).toBeGreaterThan(3);
  });

  it('checks its options once, up front', () => {
    expect(() => createRater({ regulation: 'qd-000' })).toThrow(/qd-000/);
    expect(() => createRater({ disabledRules: ['khong.co'] })).toThrow(/khong\.co/);
  });
});
