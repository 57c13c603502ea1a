import { describe, expect, it, vi } from 'vitest';
import { KiemdiemError, PackError } from './errors';

/** A second copy of the module, as when the ESM and the CommonJS build are both loaded. */
async function otherCopy(): Promise<typeof import('./errors')> {
  vi.resetModules();
  return import('./errors');
}

describe('KiemdiemError across copies of the package', () => {
  it('is() and instanceof recognise an error thrown by another copy of the class', async () => {
    const other = await otherCopy();
    expect(other.KiemdiemError).not.toBe(KiemdiemError);
    const foreign = new other.KiemdiemError('unknown-form', 'x');
    expect({ is: KiemdiemError.is(foreign), instance: foreign instanceof KiemdiemError, code: foreign.code }).toEqual({ is: true, instance: true, code: 'unknown-form' });
  });

  it('a PackError of another copy is a PackError and a KiemdiemError; a plain KiemdiemError is not a PackError', async () => {
    const other = await otherCopy();
    const pack = new other.PackError('a.json', '/rules/0', 'bad');
    const plain = new other.KiemdiemError('invalid-pack', 'x');
    expect([pack instanceof PackError, pack instanceof KiemdiemError, plain instanceof PackError, KiemdiemError.is(pack)]).toEqual([true, true, false, true]);
  });

  it('rejects look-alikes: a plain Error, an object with a code, null, a string', () => {
    const lookAlike = Object.assign(new Error('x'), { name: 'KiemdiemError', code: 'unknown-form' });
    expect([lookAlike, { code: 'unknown-form' }, null, 'KiemdiemError'].map((v) => [KiemdiemError.is(v), v instanceof KiemdiemError])).toEqual([
      [false, false],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });

  it('keeps the brand off the instance: JSON and spreads show only name, code and details', () => {
    const e = new KiemdiemError('unknown-form', 'x', { id: 'a' });
    expect(Object.getOwnPropertySymbols(e)).toEqual([]);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ name: 'KiemdiemError', code: 'unknown-form', details: { id: 'a' } });
  });
});
