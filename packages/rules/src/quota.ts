/**
 * The HTXSNV quota per group of similar subjects. It only reports; it never picks who loses HTXSNV.
 * Ratios are applied in exact integer arithmetic (0.2 × 35 must be 7, not 6.999…).
 */
import type { Rounding } from './types';

function asFraction(ratio: number): { num: number; den: number } {
  const text = String(ratio);
  if (/e/i.test(text)) return { num: ratio, den: 1 };
  const [, decimals = ''] = text.split('.');
  const den = 10 ** decimals.length;
  return { num: Math.round(ratio * den), den };
}

/** round(count × ratio) with the given rounding, exactly. */
export function applyRatio(count: number, ratio: number, rounding: Rounding): number {
  const { num, den } = asFraction(ratio);
  const scaled = count * num;
  if (rounding === 'floor') return Math.floor(scaled / den);
  if (rounding === 'ceil') return Math.ceil(scaled / den);
  return Math.floor((2 * scaled + den) / (2 * den));
}

/** The largest k with k ≤ round(ratio × (good + excellent − k)): how many may keep HTXSNV if the rest become HTTNV. */
export function maxExcellent(excellent: number, good: number, ratio: number, rounding: Rounding): number {
  const total = excellent + good;
  let k = 0;
  while (k + 1 <= total && k + 1 <= applyRatio(total - (k + 1), ratio, rounding)) k += 1;
  return k;
}
