import { describe, expect, it } from 'vitest';
import { listRegulations, loadRegulation, regulationFor } from './registry';

describe('registry', () => {
  it('lists the shipped packs with their identity', () => {
    const list = listRegulations();
    expect(list.map((r) => r.id)).toContain('qd-366-2025');
    expect(list.find((r) => r.id === 'qd-366-2025')).toMatchObject({ number: '366-QĐ/TW', signedOn: '2025-08-30', replaces: ['124-QĐ/TW'] });
  });

  it('selects the regulation in force at the end of the period', () => {
    const cases: Array<[Parameters<typeof regulationFor>[0], string]> = [
      [{ year: 2018 }, 'qd-132-2018'],
      [{ year: 2022 }, 'qd-132-2018'],
      [{ year: 2023 }, 'qd-124-2023'],
      [{ year: 2024 }, 'qd-124-2023'],
      [{ year: 2025, quarter: 2 }, 'qd-124-2023'],
      [{ year: 2025, quarter: 3 }, 'qd-366-2025'],
      [{ year: 2025 }, 'qd-366-2025'],
      [{ year: 2026, quarter: 1 }, 'qd-366-2025'],
    ];
    for (const [period, id] of cases) expect(regulationFor(period).id, JSON.stringify(period)).toBe(id);
  });

  it('lists the packs oldest first, with effective dates that do not overlap', () => {
    const list = listRegulations();
    expect(list.map((r) => r.id)).toEqual(['qd-132-2018', 'qd-124-2023', 'qd-366-2025']);
    for (let i = 1; i < list.length; i++) expect(list[i - 1]!.effective.to! < list[i]!.effective.from).toBe(true);
  });

  it('says clearly when no shipped pack covers a period', () => {
    expect(() => regulationFor({ year: 2017, quarter: 2 })).toThrow(expect.objectContaining({ code: 'no-regulation-for-period', message: expect.stringContaining('quý II/2017') }));
    expect(() => regulationFor({ year: 2017 }, { lang: 'en' })).toThrow(/year 2017/);
  });

  it('loads a pack once and names unknown ids', () => {
    expect(loadRegulation('qd-366-2025')).toBe(loadRegulation('qd-366-2025'));
    expect(() => loadRegulation('qd-1-1990')).toThrow(expect.objectContaining({ code: 'unknown-regulation', message: expect.stringContaining('qd-366-2025') }));
  });
});
