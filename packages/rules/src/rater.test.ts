/** createRater: record by record, counts pooled across raters, the same output as rateManySync. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchArb } from '../bench/arbitraries.mjs';
import { createRater, rateManySync } from './rating';
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

  it('gives every result reasons of its own, the same JSON however many say the same thing', () => {
    const rater = createRater();
    const results = subjects.map((s, i) => rater.rate(s, i)).flatMap((o) => (o.ok ? [o.result] : []));
    expect(JSON.stringify(results)).toBe(JSON.stringify(rateManySync(subjects).results));
    const reasons = results.flatMap((r) => r.reasons);
    // Far fewer distinct texts than reasons (the session keeps each once), yet one object per reason, changeable.
    expect(new Set(reasons.map((r) => JSON.stringify(r))).size).toBeLessThan(reasons.length / 3);
    expect(new Set(reasons).size).toBe(reasons.length);
    expect(reasons.some((r) => Object.isFrozen(r))).toBe(false);
    reasons[0]!.message = 'changed by the host';
    // Another record with the same facts (a new id: the same id again would be a duplicate).
    const again = rater.rate({ ...subjects.find((s) => s.id === results[0]!.id)!, id: 'again' }, subjects.length);
    expect(again.ok).toBe(true);
    expect(again.ok && again.result.reasons[0]!.message).not.toBe('changed by the host');
  });

  it('checks its options once, up front', () => {
    expect(() => createRater({ regulation: 'qd-000' })).toThrow(/qd-000/);
    expect(() => createRater({ disabledRules: ['khong.co'] })).toThrow(/khong\.co/);
  });
});
