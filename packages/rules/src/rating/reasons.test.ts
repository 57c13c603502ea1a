import { describe, expect, it } from 'vitest';
import { en, vi } from '../locales';
import { fillMessage } from './reasons';

describe('fillMessage', () => {
  it('formats percentages and points per language', () => {
    const t = 'HTXSNV cần ≥ {expected|percent} nhiệm vụ vượt mức; đạt {actual|percent}';
    expect(fillMessage(t, { result: false, actual: 0.2, expected: 0.3 }, vi)).toBe('HTXSNV cần ≥ 30 % nhiệm vụ vượt mức; đạt 20 %');
    expect(fillMessage('{actual|points}/{expected}', { result: true, actual: 89.5, expected: 90 }, vi)).toBe('89,5/90');
    expect(fillMessage('{actual|points}', { result: true, actual: 89.5 }, en)).toBe('89.5');
    expect(fillMessage('{actual|percent}', { result: true, actual: 2 / 9 }, vi)).toBe('22,2 %');
  });
  it('quotes grades, levels and yes/no in the language', () => {
    expect(fillMessage('{actual|grade} {expected|level}', { result: true, actual: 3, expected: 4 }, vi)).toBe('Tốt HTXSNV');
    expect(fillMessage('{actual|level} {expected|level}', { result: true, actual: 1, expected: 9 }, en)).toBe('KHTNV 9');
    expect(fillMessage('{actual} / {expected}', { result: true, actual: true, expected: false }, vi)).toBe('có / không');
    expect(fillMessage('{actual} / {expected}', { result: true, actual: true, expected: false }, en)).toBe('yes / no');
  });
  it('leaves anything that is not one of its two placeholders alone', () => {
    expect(fillMessage('{{constructor}} {name} {actual|unknown}', { result: true, actual: 1 }, vi)).toBe('{{constructor}} {name} {actual|unknown}');
  });
});
