import { describe, expect, it } from 'vitest';
import { vi } from './locales';
import type { PackRule } from './pack/types';
import { decide } from './rate';
import type { Level } from './types';

// Synthetic rules: the shipped QĐ 366 pack has no cap rule, but packs for HD 21 (sick leave caps at HTNV) will.
const rule = (name: string, type: PackRule['event']['type'], level: Level): PackRule => ({
  name,
  file: 'rules/test.json',
  conditions: { all: [{ fact: 'total', operator: 'greaterThanInclusive', value: 0 }] },
  event: {
    type,
    params: { level, appliesTo: ['non-leader'], citation: { document: '21-HD/BTCTW' }, provenance: 'legacy', message: { vi: `${name} {actual}`, en: name } },
  },
});
const o = (r: PackRule, result: boolean) => ({ rule: r, outcome: { result, actual: 1, expected: 0 } });

const top = rule('t.top', 'requirement', 'HTXSNV');
const good = rule('t.good', 'requirement', 'HTTNV');
const pass = rule('t.pass', 'requirement', 'HTNV');
const cap = rule('t.cap', 'cap', 'HTNV');
const force = rule('t.force', 'force', 'KHTNV');

describe('decide', () => {
  it('picks the highest level whose requirements all hold', () => {
    expect(decide([o(top, true), o(good, true), o(pass, true)], 'vi', vi).level).toBe('HTXSNV');
    expect(decide([o(top, false), o(good, true), o(pass, true)], 'vi', vi).level).toBe('HTTNV');
    expect(decide([o(top, false), o(good, false), o(pass, false)], 'vi', vi).level).toBe('KHTNV');
  });

  it('caps the level and lists the cap as the reason', () => {
    const d = decide([o(top, true), o(good, true), o(pass, true), o(cap, true)], 'vi', vi);
    expect(d.level).toBe('HTNV');
    expect(d.reasons[0]).toMatchObject({ rule: 't.cap', outcome: 'applied', message: 't.cap 1' });
    expect(decide([o(top, true), o(good, true), o(pass, true), o(cap, false)], 'vi', vi).level).toBe('HTXSNV');
  });

  it('lets forcing rules win over everything', () => {
    const d = decide([o(top, true), o(good, true), o(pass, true), o(cap, true), o(force, true)], 'vi', vi);
    expect(d.level).toBe('KHTNV');
    expect(d.reasons[0]!.rule).toBe('t.force');
  });
});
