/**
 * Quota lines (HD 43, ratio 20 %, floor) from `kiemdiem rate`: expectations computed in the test
 * from the levels returned (and those levels checked against the rules), plus hand-made groups
 * whose numbers are known in advance.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace, expectedQuota, fixture, kiemdiem, readJsonFile, referenceRating, type RawSubject } from './helpers';

const FILE = fixture('quota-subjects.json');
const SUBJECTS = readJsonFile<RawSubject[]>(FILE);

interface Line {
  group: string;
  regulation: string;
  period: { year: number; quarter?: number };
  excellent: number;
  good: number;
  allowed: number;
  maxExcellent: number;
  over: boolean;
}
interface Result {
  id: string;
  status: string;
  level: string | null;
  group?: string;
  period: { year: number; quarter?: number };
  regulation: string;
}
let out: { results: Result[]; quota: Line[]; errors: unknown[] };
let status: number | null;

const periodKey = (p: { year: number; quarter?: number }) => `${p.year}${p.quarter === undefined ? '' : `-Q${p.quarter}`}`;
const lineFor = (group: string, p: { year: number; quarter?: number } = { year: 2026 }) =>
  out.quota.find((q) => q.group === group && periodKey(q.period) === periodKey(p));

beforeAll(() => {
  const r = kiemdiem('rate', '--input', FILE);
  status = r.status;
  expectNoStackTrace(r.stderr);
  out = JSON.parse(r.stdout);
});

describe('quota fixture: every subject is valid and rated by the rules', () => {
  it('exits 0 with no errors and one result per subject', () => {
    expect(status).toBe(0);
    expect(out.errors).toEqual([]);
    expect(out.results.map((r) => r.id)).toEqual(SUBJECTS.map((s) => s.id));
  });

  it('gives each subject the level the rules in the pack README give (bands, shares, eligibility, forcing)', () => {
    const mismatches = SUBJECTS.flatMap((s, i) => {
      const want = referenceRating(s);
      const got = out.results[i]!;
      const ok = want.rated ? got.status === 'rated' && got.level === want.level : got.status !== 'rated' && got.level === null;
      return ok ? [] : [`${s.id}: expected ${want.rated ? want.level : 'not rated'}, got ${got.status}/${got.level}`];
    });
    expect(mismatches).toEqual([]);
  });
});

describe('quota lines computed from the levels returned', () => {
  it('has exactly one line per (group, period) that has results, and none for subjects without a group', () => {
    const keys = new Set(out.results.filter((r) => r.group !== undefined).map((r) => `${r.group}|${periodKey(r.period)}`));
    expect(out.quota.map((q) => `${q.group}|${periodKey(q.period)}`).sort()).toEqual([...keys].sort());
    expect(out.quota.every((q) => q.regulation === 'qd-366-2025')).toBe(true);
  });

  it('matches allowed = floor(0.2 × good), maxExcellent by the formula, over = excellent > allowed, for every line', () => {
    for (const q of out.quota) {
      const members = out.results.filter((r) => r.group === q.group && periodKey(r.period) === periodKey(q.period));
      const excellent = members.filter((r) => r.status === 'rated' && r.level === 'HTXSNV').length;
      const good = members.filter((r) => r.status === 'rated' && r.level === 'HTTNV').length;
      expect({ group: q.group, period: q.period, excellent: q.excellent, good: q.good, allowed: q.allowed, maxExcellent: q.maxExcellent, over: q.over }).toEqual({
        group: q.group,
        period: q.period,
        excellent,
        good,
        ...expectedQuota(excellent, good),
      });
    }
  });

  it('counts neither HTNV/KHTNV nor subjects that were not rated in the mixed group', () => {
    const mix = lineFor('q-mix')!;
    const members = SUBJECTS.filter((s) => s.group === 'q-mix');
    const want = members.map(referenceRating);
    expect(mix.excellent).toBe(want.filter((w) => w.rated && w.level === 'HTXSNV').length);
    expect(mix.good).toBe(want.filter((w) => w.rated && w.level === 'HTTNV').length);
    expect(mix.excellent + mix.good).toBeLessThan(members.length);
  });
});

describe('hand-made groups with known numbers', () => {
  it('4 clear HTXSNV + 8 clear HTTNV → allowed 1, maxExcellent 2, over', () => {
    expect(lineFor('q-tay')).toMatchObject({ excellent: 4, good: 8, allowed: 1, maxExcellent: 2, over: true });
  });

  it('the same group in Q1 2026 is a separate line: 2 HTXSNV + 0 HTTNV → allowed 0, over', () => {
    expect(lineFor('q-tay', { year: 2026, quarter: 1 })).toMatchObject({ excellent: 2, good: 0, allowed: 0, maxExcellent: 0, over: true });
  });

  it('7 HTXSNV + 35 HTTNV → 0.2 × 35 is exactly 7: within the quota, maxExcellent 7', () => {
    expect(lineFor('q-bang-35')).toMatchObject({ excellent: 7, good: 35, allowed: 7, maxExcellent: 7, over: false });
  });

  it('1 HTXSNV + 4 HTTNV → allowed 0, maxExcellent 0, over', () => {
    expect(lineFor('q-nho')).toMatchObject({ excellent: 1, good: 4, allowed: 0, maxExcellent: 0, over: true });
  });

  it('0 HTXSNV + 6 HTTNV → allowed 1, maxExcellent 1, within', () => {
    expect(lineFor('q-chi-tot')).toMatchObject({ excellent: 0, good: 6, allowed: 1, maxExcellent: 1, over: false });
  });

  it('quarter II group: discipline decided in quarter I does not force KHTNV in quarter II → 1 + 5, allowed 1, within', () => {
    expect(lineFor('q-quy-2', { year: 2026, quarter: 2 })).toMatchObject({ excellent: 1, good: 5, allowed: 1, maxExcellent: 1, over: false });
  });
});

describe('kiemdiem rate --format table prints the quota lines', () => {
  it('prints one quota line per group, with the numbers, and VƯỢT only for the groups over the quota', () => {
    const r = kiemdiem('rate', '--input', FILE, '--format', 'table');
    expect(r.status).toBe(0);
    expectNoStackTrace(r.stderr);
    const lines = r.stdout.split('\n');
    for (const q of out.quota) {
      const label = q.period.quarter === undefined ? `năm ${q.period.year}` : `quý ${['I', 'II', 'III', 'IV'][q.period.quarter - 1]}/${q.period.year}`;
      const mine = lines.filter((l) => new RegExp(`Nhóm ${q.group}\\b`).test(l) && l.includes(label));
      expect(mine).toHaveLength(1);
      const line = mine[0]!;
      expect(line).toContain(`HTXSNV ${q.excellent}`);
      expect(line).toContain(`HTTNV ${q.good}`);
      expect(line).toMatch(new RegExp(`\\b${q.allowed}\\b`));
      if (q.over) {
        expect(line).toContain('VƯỢT');
        expect(line).toMatch(new RegExp(`\\b${q.maxExcellent}\\b`));
      } else expect(line).not.toContain('VƯỢT');
    }
  });
});
