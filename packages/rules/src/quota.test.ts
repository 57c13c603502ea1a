import { describe, expect, it } from 'vitest';
import { applyRatio, maxExcellent } from './quota';

describe('applyRatio', () => {
  it('is exact where floating point is not', () => {
    // 0.2 * 35 and 0.7 * 10 in floats are 7.000000000000001 and 7; 0.1 * 3 is 0.30000000000000004.
    for (let n = 0; n <= 1000; n++) expect(applyRatio(n, 0.2, 'floor')).toBe(Math.floor((n * 2) / 10));
    expect(applyRatio(3, 0.1, 'ceil')).toBe(1);
    expect(applyRatio(30, 0.1, 'ceil')).toBe(3);
  });
  it('rounds by the chosen mode', () => {
    expect(applyRatio(8, 0.2, 'floor')).toBe(1);
    expect(applyRatio(8, 0.2, 'round-half-up')).toBe(2); // 1.6
    expect(applyRatio(7, 0.2, 'round-half-up')).toBe(1); // 1.4
    expect(applyRatio(5, 0.3, 'round-half-up')).toBe(2); // 1.5 rounds up
    expect(applyRatio(6, 0.2, 'ceil')).toBe(2);
    expect(applyRatio(0, 0.2, 'ceil')).toBe(0);
  });
});

describe('maxExcellent', () => {
  // The definition, by brute force: the largest k with k ≤ round(ratio × (good + excellent − k)).
  const definition = (excellent: number, good: number, ratio: number, rounding: 'floor' | 'round-half-up' | 'ceil') => {
    let best = 0;
    for (let k = 0; k <= excellent + good; k++) if (k <= applyRatio(excellent + good - k, ratio, rounding)) best = k;
    return best;
  };
  it('matches the definition for every small group', () => {
    for (const rounding of ['floor', 'round-half-up', 'ceil'] as const)
      for (const ratio of [0.2, 0.25, 0.1])
        for (let e = 0; e <= 30; e++) for (let g = 0; g <= 40; g++) expect(maxExcellent(e, g, ratio, rounding)).toBe(definition(e, g, ratio, rounding));
  });
  it('lets demoted HTXSNV candidates count as HTTNV', () => {
    // 4 HTXSNV + 8 HTTNV: allowed now is floor(1.6) = 1, but with 2 kept and 2 demoted, floor(0.2 × 10) = 2.
    expect(maxExcellent(4, 8, 0.2, 'floor')).toBe(2);
    expect(maxExcellent(1, 4, 0.2, 'floor')).toBe(0);
  });
});
