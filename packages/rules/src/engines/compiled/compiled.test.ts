/**
 * The compiled engine against json-rules-engine (the reference): property-based subjects across the three
 * packs and their edges, with and without overlays, overrides and rules switched off. Every field of every
 * output must be identical: status, level, total, reasons (ids, order, messages, actual/expected), quota and
 * input errors.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchArb, optionsArb } from '../../../bench/arbitraries.mjs';
import { loadRegulation } from '../../registry';
import { rate, rateMany, rateManySync, rateSync } from '../../rating';
import { decideLevel, stagesOf } from '../../rating/decide';
import type { Pack } from '../../pack/types';
import type { FactTable, ParamTable } from '../engine';
import { referenceEngine } from '../reference';
import { compileCondition, compileFirstLeaf, UndefinedFactError } from './closures';
import { compiledEngine } from './engine';

const overlay = JSON.parse(readFileSync(new URL('../../../../../examples/overlays/tinh-vi-du-2026.json', import.meta.url), 'utf8'));

/** The compiled engine's level, asking rule by rule (what rating without reasons does). */
function lazyLevel(pack: Pack, facts: FactTable, params: ParamTable) {
  const rules = pack.rules.filter((r) => r.event.params.appliesTo.includes('leader') && r.event.type !== 'eligibility');
  const lazy = compiledEngine.lazy!(pack, 'leader', 'rating', params);
  lazy.facts = facts;
  return decideLevel(stagesOf(rules, () => true), lazy);
}

/** 500 batches of 100 subjects: 50,000 subjects through both engines. */
const BATCHES = 500;
const BATCH = 100;

describe('compiled engine = json-rules-engine', () => {
  it(`gives identical rateMany output on ${BATCHES * BATCH} generated subjects`, async () => {
    let rated = 0;
    const levels = new Set<string>();
    const applied = new Set<string>();
    await fc.assert(
      fc.asyncProperty(batchArb(BATCH), optionsArb(overlay), async (subjects, options) => {
        const reference = await rateMany(subjects, { ...options, engine: 'reference' });
        const compiled = await rateMany(subjects, { ...options, engine: 'compiled' });
        rated += compiled.results.length;
        for (const r of compiled.results) {
          levels.add(`${r.regulation.split('+')[0]}:${r.status}:${r.level}`);
          if (r.decision) levels.add(`${r.regulation.split('+')[0]}:decision:${r.decision.without}`);
          for (const x of r.reasons) if (x.outcome === 'applied' && r.regulation.startsWith('qd-366-2025')) applied.add(x.rule);
        }
        // Field by field first, for a readable failure; then the whole output.
        expect(compiled.errors).toEqual(reference.errors);
        expect(compiled.results.map((r) => [r.id, r.status, r.level, r.total])).toEqual(reference.results.map((r) => [r.id, r.status, r.level, r.total]));
        expect(compiled.results.map((r) => r.reasons)).toEqual(reference.results.map((r) => r.reasons));
        expect(compiled.quota).toEqual(reference.quota);
        expect(isDeepStrictEqual(compiled, reference)).toBe(true);
        // Without reasons the compiled engine is asked rule by rule and stops early: same status and level.
        const quick = rateManySync(subjects, { ...options, reasons: false });
        const stripped = { ...compiled, results: compiled.results.map((r) => ({ ...r, reasons: [] })) };
        expect(quick).toEqual(stripped);
      }),
      { numRuns: BATCHES, seed: 20251130, endOnFailure: true },
    );
    // The generator must reach every pack and every outcome, or the agreement proves little.
    expect(rated).toBeGreaterThan(BATCHES * BATCH * 0.6);
    for (const pack of ['qd-366-2025', 'qd-124-2023', 'qd-132-2018']) {
      for (const outcome of ['rated:HTXSNV', 'rated:HTTNV', 'rated:HTNV', 'rated:KHTNV', 'not-reviewed:null']) {
        expect(levels, `${pack} ${outcome}`).toContain(`${pack}:${outcome}`);
      }
    }
    expect(levels).toContain('qd-132-2018:reviewed-not-rated:null');
    // QĐ 366: cases left to the competent level, with and without a level aside, and every KHTNV case, referral,
    // fallback and note applying somewhere (each reading switched off is among the options).
    expect(levels).toContain('qd-366-2025:for-decision:null');
    for (const without of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'null']) expect(levels, `decision.without ${without}`).toContain(`qd-366-2025:decision:${without}`);
    const decisive = loadRegulation('qd-366-2025').rules.filter((r) => ['force', 'refer', 'fallback', 'note'].includes(r.event.type)).map((r) => r.name);
    expect(decisive.filter((name) => !applied.has(name))).toEqual([]);
  }, 240_000);

  it('rateSync and rateManySync match rate and rateMany', async () => {
    const subjects = fc.sample(batchArb(50), { numRuns: 4, seed: 7 }).flat().map((s, i) => ({ ...s, id: `s-${i}` }));
    const sync = rateManySync(subjects, { lang: 'en' });
    expect(sync).toEqual(await rateMany(subjects, { lang: 'en', engine: 'reference' }));
    const valid = sync.results.map((r) => subjects.find((s) => s.id === r.id)!);
    for (const s of valid.slice(0, 40)) expect(rateSync(s as never)).toEqual(await rate(s as never, { engine: 'reference' }));
  });

  it('reasons: false gives empty reasons on both engines', async () => {
    const subjects = fc.sample(batchArb(100), { numRuns: 2, seed: 3 }).flat().map((s, i) => ({ ...s, id: `q-${i}` }));
    const ref = await rateMany(subjects, { engine: 'reference', reasons: false });
    expect(ref.results.length).toBeGreaterThan(50);
    expect(ref.results.every((r) => r.reasons.length === 0)).toBe(true);
    expect(await rateMany(subjects, { reasons: false })).toEqual(ref);
  });

  it('rejects an unknown engine with a message naming the option', async () => {
    await expect(rateMany([], { engine: 'fast' as never })).rejects.toMatchObject({ code: 'invalid-option', message: expect.stringContaining('"engine"') });
    await expect(rateMany([], { engine: 'fast' as never, lang: 'en' })).rejects.toThrow(/Invalid option "engine": "fast"; expected one of compiled, reference/);
  });
});

describe('compiled conditions behave as json-rules-engine operators', () => {
  const pack = loadRegulation('qd-366-2025');
  /** A one-rule pack around a condition, so both engines evaluate exactly it. */
  function packWith(conditions: unknown): Pack {
    const rule = { ...pack.rules.find((r) => r.event.type === 'requirement')!, name: 'x.test', conditions: conditions as never };
    return { ...pack, id: 'test', rules: [rule] };
  }
  const rule = (p: Pack) => p.rules[0]!;
  const cases: Array<[string, unknown, Record<string, unknown>]> = [
    ['boolean fact in a numeric comparison is false', { all: [{ fact: 'exempt', operator: 'lessThan', value: 5 }] }, { exempt: true }],
    ['string fact that parses as a number', { all: [{ fact: 'total', operator: 'greaterThan', value: 5 }] }, { total: '12abc' }],
    ['string fact that does not parse', { all: [{ fact: 'total', operator: 'lessThan', value: 5 }] }, { total: 'abc' }],
    ['NaN is never compared', { all: [{ fact: 'total', operator: 'greaterThanInclusive', value: 0 }] }, { total: Number.NaN }],
    ['in a list', { all: [{ fact: 'total', operator: 'in', value: [1, 2, 3] }] }, { total: 2 }],
    ['not in a list', { all: [{ fact: 'total', operator: 'notIn', value: [1, 2, 3] }] }, { total: 2 }],
    ['not', { all: [{ not: { fact: 'total', operator: 'equal', value: 2 } }] }, { total: 2 }],
    ['any with nested all', { any: [{ all: [{ fact: 'total', operator: 'lessThan', value: 1 }, { fact: 'exempt', operator: 'equal', value: true }] }, { fact: 'total', operator: 'greaterThan', value: 1 }] }, { total: 2, exempt: true }],
    ['parameter on the right', { all: [{ fact: 'total', operator: 'greaterThanInclusive', value: { fact: 'param:bands.HTXSNV.minTotal' } }] }, { total: 90 }],
    ['parameter on the left', { all: [{ fact: 'param:bands.HTXSNV.minTotal', operator: 'equal', value: 90 }] }, {}],
  ];
  for (const [name, conditions, facts] of cases) {
    it(name, async () => {
      const p = packWith(conditions);
      const params = { 'param:bands.HTXSNV.minTotal': 90 };
      const [ref] = await referenceEngine.outcomes(p, 'leader', 'rating', facts as never, params);
      const [got] = await compiledEngine.outcomes(p, 'leader', 'rating', facts as never, params);
      // The compiled engine reads the quoted values on demand: compare what a reason reads.
      const { result, actual, expected } = got!.outcome;
      expect({ result, actual, expected }).toEqual({ result: ref!.outcome.result, actual: ref!.outcome.actual, expected: ref!.outcome.expected });
      // Asked rule by rule, with the parameters bound in as constants: the same answer.
      expect(lazyLevel(p, facts as never, params)).toBe(ref!.outcome.result ? rule(p).event.params.level : 'KHTNV');
    });
  }

  it('a parameter the table lacks is still read per call, and fails as in json-rules-engine', () => {
    const p = packWith({ all: [{ fact: 'total', operator: 'greaterThan', value: { fact: 'param:nowhere' } }] });
    expect(() => lazyLevel(p, { total: 1 }, {})).toThrow('Undefined fact: param:nowhere');
    expect(lazyLevel(p, { total: 3 }, { 'param:nowhere': 2 })).toBe(rule(p).event.params.level);
    expect(lazyLevel(p, { total: 1 }, { 'param:nowhere': 2 })).toBe('KHTNV');
  });

  it('an undefined fact fails in both engines', async () => {
    const p = packWith({ all: [{ fact: 'total', operator: 'equal', value: 1 }, { fact: 'scoreTasks', operator: 'equal', value: 1 }] });
    await expect(referenceEngine.outcomes(p, 'leader', 'rating', { total: 1 }, {})).rejects.toThrow('Undefined fact: scoreTasks');
    expect(() => compiledEngine.outcomes(p, 'leader', 'rating', { total: 1 }, {})).toThrow(UndefinedFactError);
    expect(() => compiledEngine.outcomes(p, 'leader', 'rating', { total: 1 }, {})).toThrow('Undefined fact: scoreTasks');
  });

  it('names the parameter when both sides are missing, as json-rules-engine does', async () => {
    const p = packWith({ all: [{ fact: 'scoreTasks', operator: 'greaterThan', value: { fact: 'param:nowhere' } }] });
    await expect(referenceEngine.outcomes(p, 'leader', 'rating', {}, {})).rejects.toThrow('Undefined fact: param:nowhere');
    expect(() => compiledEngine.outcomes(p, 'leader', 'rating', {}, {})).toThrow('Undefined fact: param:nowhere');
  });

  it('reads the first leaf for explanations, through not/any/all', () => {
    const leaf = compileFirstLeaf({ any: [{ not: { all: [{ fact: 'total', operator: 'equal', value: { fact: 'param:p' } }] } }] });
    expect(leaf.actual({ total: 7 }, { 'param:p': 3 })).toBe(7);
    expect(leaf.expected({ total: 7 }, { 'param:p': 3 })).toBe(3);
    expect(compileCondition({ not: { fact: 'total', operator: 'equal', value: 7 } })({ total: 7 }, {})).toBe(false);
  });
});
