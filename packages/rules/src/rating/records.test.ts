/** A batch accounts for every record: duplicates, unreadable records and deep or cyclic ones are errors of their own. */
import { describe, expect, it } from 'vitest';
import { KiemdiemError } from '../errors';
import { diff } from '../diff';
import type { Subject } from '../types';
import { createRater, rateMany, rateManySync } from './index';

const member = (id: string, over: Partial<Subject> = {}): Subject => ({
  id,
  kind: 'individual',
  audience: 'non-leader',
  period: { year: 2026 },
  membership: { admittedOn: '2010-01-01' },
  score: { common: 28, tasks: 65 },
  tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 4 },
  group: 'g',
  ...over,
});

describe('duplicate subject ids', () => {
  // "Lê" precomposed and decomposed: one id after NFC.
  const batch = [member('Lê-1'), member('b'), member('Le\u0302-1'), member('Lê-1', { period: { year: 2026, quarter: 2 } }), member('Lê-1')];

  it('rateMany and rateManySync rate the first occurrence only, count it once, and report each later one as duplicate-id naming the first', async () => {
    for (const out of [rateManySync(batch), await rateMany(batch), await rateMany(batch, { engine: 'reference' })]) {
      expect(out.results.map((r) => [r.id, r.period.quarter])).toEqual([['Lê-1', undefined], ['b', undefined], ['Lê-1', 2]]);
      expect(out.errors.map((e) => [e.index, e.code, e.path])).toEqual([
        [2, 'duplicate-id', '/id'],
        [4, 'duplicate-id', '/id'],
      ]);
      expect(out.errors[0]!.message).toMatch(/"Lê-1".*index 0/);
      expect(out.quota.find((q) => q.group === 'g' && q.period.quarter === undefined)!.excellent).toBe(2);
    }
    expect(rateManySync(batch, { lang: 'en' }).errors[0]!.message).toMatch(/Id "Lê-1" appears twice: first in the record at index 0/);
  });

  it('the same id of another kind or period is not a duplicate', () => {
    const out = rateManySync([member('x'), member('x', { period: { year: 2025 } })]);
    expect(out.errors).toEqual([]);
    expect(out.results).toHaveLength(2);
  });

  it('createRater checks ids across calls (quota counted once); checkIds: false leaves it to the caller', () => {
    const rater = createRater();
    expect(rater.rate(member('a'), 0).ok).toBe(true);
    const second = rater.rate(member('a'), 7);
    expect(second.ok).toBe(false);
    expect(!second.ok && second.errors[0]).toMatchObject({ index: 7, code: 'duplicate-id', id: 'a' });
    expect(rater.counts()[0]).toMatchObject({ group: 'g', excellent: 1 });
    const loose = createRater({}, { checkIds: false });
    expect([loose.rate(member('a'), 0).ok, loose.rate(member('a'), 1).ok]).toEqual([true, true]);
  });

  it('diff compares the first occurrence only, and lists the later one once among the errors', async () => {
    const report = await diff('qd-366-2025', 'qd-366-2025', [member('a'), member('a')]);
    expect(report.impact!.unchanged).toBe(1);
    expect(report.impact!.errors.map((e) => [e.index, e.code])).toEqual([[1, 'duplicate-id']]);
  });
});

describe('records that cannot be read', () => {
  it('a throwing getter or a throwing Proxy spoils its own record only (unreadable-record); the rest are rated', async () => {
    const getter = member('g1');
    Object.defineProperty(getter, 'score', { enumerable: true, get: () => { throw new Error('boom'); } });
    const proxy = new Proxy(member('p1'), { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    const batch = [member('a'), getter, proxy, member('b')];
    for (const out of [rateManySync(batch), await rateMany(batch, { engine: 'reference' })]) {
      expect(out.results.map((r) => r.id)).toEqual(['a', 'b']);
      expect(out.errors.map((e) => [e.index, e.code])).toEqual([[1, 'unreadable-record'], [2, 'unreadable-record']]);
      expect(out.errors[0]!.message).toMatch(/boom/);
    }
    const rater = createRater();
    const one = rater.rate(proxy, 0);
    expect(!one.ok && one.errors[0]!.code).toBe('unreadable-record');
  });

  it('a cyclic or very deep subject is an error of that record (cycle, too-deep), not a RangeError', () => {
    const cyclic = member('c') as Subject & { meta: Record<string, unknown> };
    cyclic.meta = { self: null };
    cyclic.meta.self = cyclic.meta;
    let deep: Record<string, unknown> = {};
    const deepest = deep;
    for (let i = 0; i < 5000; i++) deep = { d: deep };
    void deepest;
    const out = rateManySync([cyclic, member('deep', { meta: deep }), member('ok')]);
    expect(out.results.map((r) => r.id)).toEqual(['ok']);
    expect(out.errors.map((e) => [e.index, e.code, e.path.split('/').slice(0, 3).join('/')])).toEqual([
      [0, 'cycle', '/meta/self'],
      [1, 'too-deep', '/meta/d'],
    ]);
  });
});

describe('arguments', () => {
  it('null options are the defaults', async () => {
    expect(rateManySync([member('a')], null).results).toHaveLength(1);
    expect((await rateMany([member('a')], null)).results).toHaveLength(1);
    expect(createRater(null, null).rate(member('a'), 0).ok).toBe(true);
  });

  it('a wrong argument is a KiemdiemError, never a TypeError from inside', async () => {
    await expect(rateMany(null as never)).rejects.toBeInstanceOf(KiemdiemError);
    await expect(rateMany([], 5 as never)).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(() => createRater().rate(member('a'), -1)).toThrow(KiemdiemError);
    expect(() => createRater().merge(null as never)).toThrow(KiemdiemError);
  });

  it('an unknown lang is refused, listing the supported ones', async () => {
    for (const call of [() => createRater({ lang: 'fr' as never }), () => rateManySync([], { lang: 'EN' as never })]) {
      expect(call).toThrow(KiemdiemError);
      expect(call).toThrow(/vi, en/);
    }
    await expect(rateMany([], { lang: 'de' as never })).rejects.toMatchObject({ code: 'invalid-option' });
  });
});
