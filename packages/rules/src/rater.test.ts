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

  it('shares one frozen reason per distinct reason with shareReasons, and gives the same JSON', () => {
    const fresh = rateManySync(subjects);
    const sharing = createRater({ shareReasons: true });
    const results = subjects.map((s, i) => sharing.rate(s, i)).flatMap((o) => (o.ok ? [o.result] : []));
    expect(JSON.stringify(results)).toBe(JSON.stringify(fresh.results));
    const reasons = results.flatMap((r) => r.reasons);
    const distinct = new Set(reasons);
    const texts = new Set(reasons.map((r) => JSON.stringify(r)));
    // One object per distinct reason: as many objects as distinct texts, far fewer than reasons.
    expect(distinct.size).toBe(texts.size);
    expect(distinct.size).toBeLessThan(reasons.length / 3);
    expect(reasons.every((r) => Object.isFrozen(r))).toBe(true);
    expect(() => {
      'use strict';
      (reasons[0] as { message: string }).message = 'x';
    }).toThrow(TypeError);
    // Without the option every result has reasons of its own, which the caller may change.
    const own = rateManySync(subjects).results.flatMap((r) => r.reasons);
    expect(new Set(own).size).toBe(own.length);
    expect(Object.isFrozen(own[0])).toBe(false);
  });

  it('checks its options once, up front', () => {
    expect(() => createRater({ regulation: 'qd-000' })).toThrow(/qd-000/);
    expect(() => createRater({ disabledRules: ['khong.co'] })).toThrow(/khong\.co/);
  });
});
