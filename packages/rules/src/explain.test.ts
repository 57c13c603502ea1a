import { describe, expect, it } from 'vitest';
import { interpolate } from './explain';
import { en, vi } from './locales';

describe('interpolate', () => {
  it('formats percentages and points per language', () => {
    const t = 'HTXSNV cần ≥ {expected|percent} nhiệm vụ vượt mức; đạt {actual|percent}';
    expect(interpolate(t, { result: false, actual: 0.2, expected: 0.3 }, vi)).toBe('HTXSNV cần ≥ 30 % nhiệm vụ vượt mức; đạt 20 %');
    expect(interpolate('{actual|points}/{expected}', { result: true, actual: 89.5, expected: 90 }, vi)).toBe('89,5/90');
    expect(interpolate('{actual|points}', { result: true, actual: 89.5 }, en)).toBe('89.5');
    expect(interpolate('{actual|percent}', { result: true, actual: 2 / 9 }, vi)).toBe('22,2 %');
  });
  it('leaves anything that is not one of its two placeholders alone', () => {
    expect(interpolate('{{constructor}} {name} {actual|unknown}', { result: true, actual: 1 }, vi)).toBe('{{constructor}} {name} {actual|unknown}');
  });
});
