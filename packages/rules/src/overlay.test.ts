import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KiemdiemError, PackError } from './errors';
import { applyOverlay } from './overlay';
import { rate, rateMany } from './rating';
import { loadRegulation } from './registry';
import type { Subject } from './types';

const example = JSON.parse(readFileSync(fileURLToPath(new URL('../../../examples/overlays/tinh-vi-du-2026.json', import.meta.url)), 'utf8'));
const overlay = (patch: Record<string, unknown> = {}) => ({ ...structuredClone(example), ...patch });

const member = (over: Partial<Subject> = {}): Subject => ({
  id: 'dv', kind: 'individual', audience: 'non-leader', period: { year: 2026 }, membership: { admittedOn: '2010-01-01' },
  score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 4 }, ...over,
});

describe('applyOverlay', () => {
  it('gives a pack named base+overlay with the overridden value, the extra rule and the switched-off rule', () => {
    const pack = applyOverlay(loadRegulation('qd-366-2025'), overlay(), 'tinh.json');
    expect(pack.id).toBe('qd-366-2025+tinh-vi-du-2026');
    expect(pack.parameters['quota.rounding']!.values.at(-1)).toMatchObject({ value: 'round-half-up', provenance: 'unverified', citation: { document: '99-HD/TU', muc: '3.2' } });
    expect(pack.rules.find((r) => r.name === 'htxsnv.local.common-criteria')).toMatchObject({ overlay: 'tinh-vi-du-2026', file: 'tinh.json' });
    expect(pack.rules.find((r) => r.name === 'htnv.individual.late-share')).toMatchObject({ disabledBy: 'tinh-vi-du-2026' });
    // The base pack is untouched.
    expect(loadRegulation('qd-366-2025').parameters['quota.rounding']!.values.at(-1)!.value).toBe('floor');
  });

  it.each([
    ['an unknown parameter', { parameters: { 'quota.ratioo': { value: 0.25 } } }, '/parameters/quota.ratioo', /no parameter/],
    ['a value of the wrong type', { parameters: { 'quota.ratio': { value: 'high' } } }, '/parameters/quota.ratio/value', /number/],
    ['switching off a rule that does not exist', { disabledRules: [{ rule: 'htxsnv.nope', reason: { vi: 'x', en: 'x' } }] }, '/disabledRules/0/rule', /no rule/],
    ['a new rule reusing an id', { rules: [{ ...example.rules[0], name: 'htxsnv.total' }] }, '/rules/0/name', /already exists/],
    ['a rule on an unknown parameter', { rules: [{ ...example.rules[0], conditions: { all: [{ fact: 'total', operator: 'greaterThan', value: { fact: 'param:nope' } }] } }] }, '/rules/0/conditions/all/0/value/fact', /nope/],
    ['the wrong base', { extends: 'qd-124-2023' }, '/extends', /qd-366-2025/],
    ['a schema violation', { provenance: 'sure' }, '/provenance', /allowed/],
    ['a prototype-pollution key', JSON.parse('{"parameters":{"__proto__":{"value":1}}}'), '/parameters/__proto__', /forbidden/],
    ['one rule id defined twice', { rules: [example.rules[0], { ...example.rules[0] }] }, '/rules/1/name', /"htxsnv\.local\.common-criteria" is defined twice: \/rules\/0 and \/rules\/1/],
  ])('rejects %s, naming the file and JSON pointer', (_what, patch, path, reason) => {
    let error: unknown;
    try {
      applyOverlay(loadRegulation('qd-366-2025'), overlay(patch), 'local/tinh.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).file).toBe('local/tinh.json');
    expect((error as PackError).path).toBe(path);
    expect((error as PackError).message).toMatch(reason);
  });
});

describe('deep or cyclic input', () => {
  const deepConditions = (n: number) => {
    let c: Record<string, unknown> = { fact: 'total', operator: 'greaterThan', value: 1 };
    for (let i = 0; i < n; i++) c = { all: [c] };
    return c;
  };

  it('an overlay nested 5,000 deep is a KiemdiemError too-deep naming the file and pointer, not a stack overflow', () => {
    const deep = overlay({ rules: [{ ...example.rules[0], conditions: deepConditions(5000) }] });
    let error: unknown;
    try {
      applyOverlay(loadRegulation('qd-366-2025'), deep, 'local/deep.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KiemdiemError);
    expect(error).toMatchObject({ code: 'too-deep', details: { file: 'local/deep.json' } });
    expect((error as KiemdiemError).message).toMatch(/^local\/deep\.json: \/rules\/0\/conditions(\/all|\/0)+: nested more than 100 levels deep$/);
    // A sane nesting is still fine.
    expect(applyOverlay(loadRegulation('qd-366-2025'), overlay({ rules: [{ ...example.rules[0], conditions: deepConditions(20) }] })).id).toMatch(/\+/);
  });

  it('a cyclic overlay, in applyOverlay or in the options, is a KiemdiemError cycle, not a RangeError', async () => {
    const cyclic = overlay();
    cyclic.sources = [{ title: 'x' }];
    cyclic.sources[0].self = cyclic;
    expect(() => applyOverlay(loadRegulation('qd-366-2025'), cyclic)).toThrow(expect.objectContaining({ code: 'cycle' }));
    await expect(rateMany([member()], { overlays: [cyclic] })).rejects.toMatchObject({ code: 'cycle' });
    const groups: unknown[] = ['a'];
    groups.push(groups);
    await expect(rateMany([member()], { exceptionalGroups: groups as never })).rejects.toBeInstanceOf(KiemdiemError);
  });
});

describe('rating with an overlay', () => {
  it('applies the extra rule and names the overlay in the reason', async () => {
    const r = await rate(member({ score: { common: 26.5, tasks: 67 } }), { overlays: [overlay()] });
    expect(r.regulation).toBe('qd-366-2025+tinh-vi-du-2026');
    expect(r.level).toBe('HTTNV');
    expect(r.reasons.find((x) => x.rule === 'htxsnv.local.common-criteria')).toMatchObject({ outcome: 'failed', overlay: 'tinh-vi-du-2026', actual: 26.5, expected: 27 });
    expect((await rate(member({ score: { common: 26.5, tasks: 67 } }))).level).toBe('HTXSNV');
  });

  it('shows a switched-off rule that would have decided the level', async () => {
    const late = member({ score: { common: 25, tasks: 35 }, tasks: { assigned: 10, completed: 10, onTime: 5, exceeded: 0 } });
    expect((await rate(late)).level).toBe('KHTNV');
    const r = await rate(late, { overlays: [overlay()] });
    expect(r.level).toBe('HTNV');
    const off = r.reasons.find((x) => x.rule === 'htnv.individual.late-share')!;
    expect(off).toMatchObject({ outcome: 'disabled', overlay: 'tinh-vi-du-2026' });
    expect(off.message).toContain('đã tắt theo hướng dẫn địa phương tinh-vi-du-2026');
  });

  it('marks reasons whose threshold came from the overlay, and uses the overlay rounding for the quota', async () => {
    const subjects = [
      ...Array.from({ length: 4 }, (_, i) => member({ id: `e${i}`, group: 'g' })),
      ...Array.from({ length: 8 }, (_, i) => member({ id: `g${i}`, group: 'g', tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 0 } })),
    ];
    const plain = await rateMany(subjects);
    const local = await rateMany(subjects, { overlays: [overlay()] });
    expect(plain.quota[0]).toMatchObject({ allowed: 1, rounding: 'floor' });
    expect(local.quota[0]).toMatchObject({ allowed: 2, rounding: 'round-half-up', regulation: 'qd-366-2025+tinh-vi-du-2026', overlay: 'tinh-vi-du-2026' });
    expect(plain.quota[0]!.overlay).toBeUndefined();
    const over = await rate(member(), { overlays: [overlay({ parameters: { 'bands.HTXSNV.minTotal': { value: 95 } } })] });
    expect(over.reasons.find((x) => x.rule === 'htxsnv.total')).toMatchObject({ outcome: 'failed', overlay: 'tinh-vi-du-2026', expected: 95 });
  });
});
