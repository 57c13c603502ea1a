/**
 * The built @kiemdiem/rules package, from ESM (exports → dist/index.js) and CommonJS
 * (require → dist/index.cjs), against the CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, fixture, kiemdiem, loadRulesCjs, loadRulesEsm, readJsonFile, referenceRating, type RawSubject } from './helpers';

const DEMO = 'examples/chi-bo-2026/subjects.json';

type Rules = Awaited<ReturnType<typeof loadRulesEsm>>;
let cliDemo: unknown;
const flavours: Array<[string, () => Promise<Rules> | Rules]> = [
  ['ESM', loadRulesEsm],
  ['CJS', loadRulesCjs],
];

const VALID: RawSubject = {
  id: 'api-valid',
  kind: 'individual',
  audience: 'non-leader',
  period: { year: 2026 },
  score: { common: 27, tasks: 60 },
  tasks: { assigned: 8, completed: 8, onTime: 8, exceeded: 1 },
};

beforeAll(() => {
  const r = kiemdiem('rate', '--input', DEMO);
  expect(r.status).toBe(0);
  cliDemo = JSON.parse(r.stdout);
});

describe.each(flavours)('@kiemdiem/rules (%s)', (_flavour, load) => {
  let rules: Rules;
  beforeAll(async () => {
    rules = await load();
  });

  it('rateMany(demo subjects) returns the same document as `kiemdiem rate --format json`', async () => {
    const out = await rules.rateMany(readJsonFile<unknown[]>(DEMO));
    expect(JSON.parse(JSON.stringify(out))).toEqual(cliDemo);
  });

  it('rate(valid subject) resolves a Result with the level the rules give', async () => {
    const result = await rules.rate(VALID as never);
    const want = referenceRating(VALID);
    expect(want).toEqual({ rated: true, level: 'HTTNV' });
    expect(result).toMatchObject({ id: 'api-valid', regulation: 'qd-366-2025', status: 'rated', level: 'HTTNV', total: 87, kind: 'individual', audience: 'non-leader' });
    expect(Array.isArray(result.reasons)).toBe(true);
    expect(result.reasons.length).toBeGreaterThan(0);
    for (const reason of result.reasons) {
      expect(typeof reason.rule).toBe('string');
      expect(reason.citationText).toMatch(/Điều 11/);
    }
  });

  it('rate(invalid subject) rejects with code "invalid-subject" naming the field', async () => {
    const bad = { ...VALID, id: 'api-bad', score: { common: 31, tasks: 60 } };
    const error = await rules.rate(bad as never).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(rules.KiemdiemError);
    expect((error as { code: string }).code).toBe('invalid-subject');
    expect((error as Error).message).toContain('score.common');
    expect(error).not.toBeInstanceOf(TypeError);
  });

  it('rate() rejects non-objects and Q4 the same way', async () => {
    for (const bad of [null, 'x', { ...VALID, period: { year: 2026, quarter: 4 } }]) {
      await expect(rules.rate(bad as never)).rejects.toMatchObject({ code: 'invalid-subject' });
    }
  });

  it('listRegulations() includes qd-366-2025; regulationFor picks it for 2026 and Q1 2026', () => {
    const list = rules.listRegulations();
    expect(list.map((r) => r.id)).toContain('qd-366-2025');
    expect(rules.regulationFor({ year: 2026 }).id).toBe('qd-366-2025');
    expect(rules.regulationFor({ year: 2026, quarter: 1 }).id).toBe('qd-366-2025');
    expect(rules.regulationFor({ year: 2025 }).id).toBe('qd-366-2025');
  });

  it('regulationFor({ year: 2017 }) throws with code "no-regulation-for-period"', () => {
    let caught: unknown;
    try {
      rules.regulationFor({ year: 2017 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(rules.KiemdiemError);
    expect((caught as { code: string }).code).toBe('no-regulation-for-period');
  });

  it('rateMany on the mixed fixture does not pollute Object.prototype through "__proto__"', async () => {
    const text = readFileSync(join(ROOT, fixture('mixed-subjects.json')), 'utf8');
    const out = await rules.rateMany(JSON.parse(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out.errors.some((e) => e.path === '/__proto__')).toBe(true);
  });

  it('rateMany with an unknown regulation throws code "unknown-regulation"', async () => {
    await expect(rules.rateMany([VALID], { regulation: 'qd-999-2099' })).rejects.toMatchObject({ code: 'unknown-regulation' });
  });
});

describe('ESM and CJS builds agree', () => {
  it('give identical rateMany output on the quota fixture', async () => {
    const [esm, cjs] = [await loadRulesEsm(), loadRulesCjs()];
    const subjects = readJsonFile<unknown[]>(fixture('quota-subjects.json'));
    expect(JSON.stringify(await cjs.rateMany(subjects))).toBe(JSON.stringify(await esm.rateMany(subjects)));
  });
});
