/** Public functions and null or wrong arguments: defaults for null options, else a KiemdiemError, never a TypeError from inside. */
import { describe, expect, it } from 'vitest';
import * as api from './index';

const member = { id: 'a', kind: 'individual', audience: 'non-leader', period: { year: 2026 }, score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 4 } };

describe('null and wrong arguments', () => {
  it('null options are the defaults', async () => {
    expect((await api.rateMany([member], null)).results).toHaveLength(1);
    expect(api.rateManySync([member], null).results).toHaveLength(1);
    expect((await api.rate(member as never, null)).status).toBe('rated');
    expect(api.loadRegulation('qd-366-2025', null).id).toBe('qd-366-2025');
    expect((await api.diff('qd-366-2025', 'qd-366-2025', null, null)).impact).toBeUndefined();
    expect(api.remediationStatus([], null).items).toBe(0);
    expect(api.tallyFeedback([], null).total).toBe(0);
  });

  it('diff(null, null) and friends throw KiemdiemError invalid-argument naming the argument', async () => {
    await expect(api.diff(null as never, null as never)).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/"from\/to".*\/ Invalid argument "from\/to"/) });
    expect(() => api.periodLabel(null as never)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(() => api.summaryOf(undefined as never)).toThrow(api.KiemdiemError);
  });

  it('every exported function, given nulls, empty values or junk, throws nothing but a KiemdiemError', async () => {
    const shapes: unknown[][] = [[], [null], [null, null], [null, null, null], [undefined, null], [[], null], [[], null, null], [{}, null], [[{ id: 'a' }], null], [5, 'x', 7]];
    const leaks: string[] = [];
    let called = 0;
    for (const [name, fn] of Object.entries(api)) {
      if (typeof fn !== 'function' || /^[A-Z]/.test(name)) continue; // classes and constants
      for (const args of shapes) {
        called += 1;
        try {
          await (fn as (...a: unknown[]) => unknown)(...args);
        } catch (error) {
          if (!(error instanceof api.KiemdiemError)) leaks.push(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')}): ${String(error)}`);
        }
      }
    }
    expect(called).toBeGreaterThan(300);
    expect(leaks).toEqual([]);
  });
});
