import { describe, expect, it } from 'vitest';
import { KeptOutcomes, type Holds } from '../engines/engine';
import type { PackRule } from '../pack/types';
import type { Level } from '../types';
import { decideLevel, eligibilityStatus, explainDecision, explainSwitchedOff, settlingEligibility, stagesOf, type ForDecision } from './decide';

// Synthetic rules: the shipped QĐ 366 pack has no cap rule, but packs for HD 21 (sick leave caps at HTNV) will.
const rule = (name: string, type: PackRule['event']['type'], level?: Level, extra: Partial<PackRule> = {}): PackRule => ({
  name,
  file: 'rules/test.json',
  conditions: { all: [{ fact: 'total', operator: 'greaterThanInclusive', value: 0 }] },
  event: {
    type,
    params: { ...(level ? { level } : {}), appliesTo: ['non-leader'], citation: { document: '21-HD/BTCTW' }, provenance: 'legacy', message: { vi: `${name} {actual}`, en: name } },
  },
  ...extra,
});

const top = rule('t.top', 'requirement', 'HTXSNV');
const top2 = rule('t.top2', 'requirement', 'HTXSNV');
const good = rule('t.good', 'requirement', 'HTTNV');
const pass = rule('t.pass', 'requirement', 'HTNV');
const cap = rule('t.cap', 'cap', 'HTNV');
const force = rule('t.force', 'force', 'KHTNV');
const rules = [top, top2, good, pass, cap, force];
const stages = stagesOf(rules, () => true);

/** Outcomes for `rules`, holding where `held` says. */
const outcomes = (held: Record<string, boolean>) => rules.map((r) => ({ rule: r, outcome: { result: held[r.name] ?? false, actual: 1, expected: 0 } }));
const all = { 't.top': true, 't.top2': true, 't.good': true, 't.pass': true };
const level = (held: Record<string, boolean>) => decideLevel(stages, new KeptOutcomes(outcomes(held)));

describe('the rating order', () => {
  it('picks the highest level whose requirements all hold', () => {
    expect(level(all)).toBe('HTXSNV');
    expect(level({ ...all, 't.top2': false })).toBe('HTTNV');
    expect(level({ 't.pass': true })).toBe('HTNV');
    expect(level({})).toBe('KHTNV');
  });

  it('a level stands on its own requirements: a pack lists all that a level needs', () => {
    expect(level({ 't.top': true, 't.top2': true })).toBe('HTXSNV');
  });

  it('caps the level', () => {
    expect(level({ ...all, 't.cap': true })).toBe('HTNV');
    expect(level({ ...all, 't.cap': true, 't.pass': false })).toBe('KHTNV');
  });

  it('lets forcing rules win over everything', () => {
    expect(level({ ...all, 't.cap': true, 't.force': true })).toBe('KHTNV');
  });

  it('leaves out rules that are switched off', () => {
    const noForce = stagesOf(rules, (r) => r.name !== 't.force');
    expect(decideLevel(noForce, new KeptOutcomes(outcomes({ ...all, 't.force': true })))).toBe('HTXSNV');
  });

  it('asked rule by rule, stops at the first rule that settles the level', () => {
    const asked: string[] = [];
    const held: Record<string, boolean> = { ...all, 't.force': true };
    const lazy: Holds = { holds: (i) => (asked.push(rules[i]!.name), held[rules[i]!.name] ?? false) };
    expect(decideLevel(stages, lazy)).toBe('KHTNV');
    expect(asked).toEqual(['t.force']);
    asked.length = 0;
    held['t.force'] = false;
    held['t.top'] = false;
    expect(decideLevel(stages, lazy)).toBe('HTTNV');
    expect(asked).toEqual(['t.force', 't.cap', 't.top', 't.good']);
  });
});

describe('eligibility', () => {
  const a = rule('e.exempt', 'eligibility');
  const b = rule('e.new', 'eligibility', undefined);
  b.event.params.status = { param: 'eligibility.newMember.status' };
  const elig = stagesOf([a, b], () => true);
  it('the first rule that holds settles the status', () => {
    const holds = (x: boolean, y: boolean) => new KeptOutcomes([a, b].map((r, i) => ({ rule: r, outcome: { result: [x, y][i]! } })));
    expect(settlingEligibility(elig, holds(false, false))).toBe(-1);
    expect(settlingEligibility(elig, holds(false, true))).toBe(1);
    expect(settlingEligibility(elig, holds(true, true))).toBe(0);
    expect(eligibilityStatus(a, {})).toBe('not-reviewed');
    expect(eligibilityStatus(b, { 'param:eligibility.newMember.status': 'reviewed-not-rated' })).toBe('reviewed-not-rated');
  });
});

describe('explanations', () => {
  const names = (held: Record<string, boolean>, lvl: Level | ForDecision) => explainDecision(stages, outcomes(held), lvl).map(([i, how]) => `${rules[i]!.name}:${how}`);

  it('a cap first, then the requirements met, then those failed from the nearest level up', () => {
    expect(names({ ...all, 't.cap': true, 't.top': false, 't.good': false }, 'HTNV')).toEqual(['t.cap:applied', 't.pass:met', 't.good:failed', 't.top:failed']);
  });

  it('a forcing rule, and no requirement as met', () => {
    expect(names({ ...all, 't.force': true }, 'KHTNV')).toEqual(['t.force:applied']);
  });

  it('a rule an overlay switched off is a line when it would have mattered', () => {
    const off = rule('t.off', 'requirement', 'HTXSNV', { disabledBy: 'tinh-x' });
    const offForce = rule('t.off-force', 'force', 'KHTNV', { disabledBy: 'tinh-x' });
    const lines = explainSwitchedOff([
      { rule: off, outcome: { result: false } },
      { rule: offForce, outcome: { result: false } },
      { rule: off, outcome: { result: true } },
      { rule: offForce, outcome: { result: true } },
      { rule: top, outcome: { result: false } },
    ]);
    expect(lines).toEqual([[0, 'disabled'], [3, 'disabled']]);
  });
});

describe('cases left to the competent level', () => {
  const refer = rule('t.refer', 'refer', 'KHTNV');
  const fallback = rule('t.fallback', 'fallback', 'KHTNV');
  const all5 = [top, good, pass, force, refer, fallback];
  const st = stagesOf(all5, () => true);
  const outs = (held: Record<string, boolean>) => all5.map((r) => ({ rule: r, outcome: { result: held[r.name] ?? false, actual: 1, expected: 0 } }));
  const decide = (held: Record<string, boolean>) => decideLevel(st, new KeptOutcomes(outs(held)));
  const lines = (held: Record<string, boolean>) => explainDecision(st, outs(held), decide(held)).map(([i, how]) => `${all5[i]!.name}:${how}`);

  it('a referral rule that holds hands the level over, saying what the rules give without it', () => {
    expect(decide({ 't.refer': true, 't.top': true, 't.good': true, 't.pass': true })).toEqual({ without: 'HTXSNV', rules: [4] });
    expect(decide({ 't.refer': true, 't.pass': true })).toEqual({ without: 'HTNV', rules: [4] });
    expect(lines({ 't.refer': true, 't.pass': true })).toEqual(['t.refer:applied', 't.pass:met', 't.good:failed', 't.top:failed']);
  });

  it('any forcing rule still rates KHTNV', () => {
    expect(decide({ 't.refer': true, 't.force': true, 't.pass': true })).toBe('KHTNV');
    expect(lines({ 't.refer': true, 't.force': true, 't.pass': true })).toEqual(['t.force:applied', 't.good:failed', 't.top:failed']);
  });

  it('a subject who reaches no level: KHTNV when a fallback rule holds, else for the competent level', () => {
    expect(decide({ 't.fallback': true })).toBe('KHTNV');
    expect(lines({ 't.fallback': true })).toEqual(['t.fallback:applied', 't.pass:failed', 't.good:failed', 't.top:failed']);
    expect(decide({})).toEqual({ without: null, rules: [5] });
    expect(lines({})).toEqual(['t.fallback:failed', 't.pass:failed', 't.good:failed', 't.top:failed']);
    // A referral with no level without it: null as well.
    expect(decide({ 't.refer': true })).toEqual({ without: null, rules: [4] });
  });

  it('a pack with no fallback rule rates a subject who reaches no level KHTNV (the older regulations)', () => {
    expect(decideLevel(stagesOf([top, good, pass], () => true), new KeptOutcomes([top, good, pass].map((r) => ({ rule: r, outcome: { result: false } }))))).toBe('KHTNV');
  });
});
