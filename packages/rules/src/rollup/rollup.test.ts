import { describe, expect, it } from 'vitest';
import { KiemdiemError } from '../errors';
import type { Level, Result } from '../types';
import type { FeedbackRecord } from '../feedback/types';
import type { RemediationPlan } from '../remediation/types';
import { rollup } from './rollup';
import type { HierarchyUnit, RollupResult, UnitRollup } from './types';

type Status = Result['status'];

/** A rating result as rateMany gives it, plus the unit id the roll-up reads. */
function res(id: string, level: Level | Status, opts: { unit?: string; kind?: 'collective'; audience?: 'leader' | 'outside-system'; group?: string; year?: number } = {}): RollupResult {
  const rated = level === 'HTXSNV' || level === 'HTTNV' || level === 'HTNV' || level === 'KHTNV';
  return {
    id,
    regulation: 'qd-366-2025',
    status: rated ? 'rated' : (level as Status),
    level: rated ? (level as Level) : null,
    reasons: [],
    kind: opts.kind ?? 'individual',
    ...(opts.kind ? {} : { audience: opts.audience ?? 'non-leader' }),
    period: { year: opts.year ?? 2026 },
    ...(opts.group ? { group: opts.group } : {}),
    ...(opts.unit ? { unit: opts.unit } : {}),
  };
}

/** Four levels: tỉnh → khối / huyện → đảng bộ cơ sở → chi bộ, plus a chi bộ cơ sở directly under the huyện. */
const UNITS: HierarchyUnit[] = [
  { id: 'tinh', name: 'Đảng bộ tỉnh Ví Dụ', level: 'tinh' },
  { id: 'khoi', name: 'Đảng bộ Khối các cơ quan tỉnh', level: 'khoi', parent: 'tinh' },
  { id: 'so-tc', name: 'Đảng bộ Sở Tài chính', level: 'dang-bo-co-so', parent: 'khoi' },
  { id: 'cb-th', name: 'Chi bộ Phòng Tổng hợp', level: 'chi-bo', parent: 'so-tc' },
  { id: 'cb-kt', name: 'Chi bộ Phòng Kế toán', level: 'chi-bo', parent: 'so-tc', members: ['cb-kt', 'b1', 'b2', 'b3', 'o1'] },
  { id: 'huyen', name: 'Đảng bộ huyện Ví Dụ', level: 'huyen', parent: 'tinh' },
  { id: 'xa-b', name: 'Đảng bộ xã B', level: 'dang-bo-co-so', parent: 'huyen' },
  { id: 'cb-thon-1', name: 'Chi bộ thôn 1', level: 'chi-bo', parent: 'xa-b' },
  { id: 'cb-co-so-c', name: 'Chi bộ cơ sở C', level: 'chi-bo', parent: 'huyen' },
];

const RESULTS: RollupResult[] = [
  res('cb-th', 'HTTNV', { unit: 'cb-th', kind: 'collective' }),
  res('a1', 'HTXSNV', { unit: 'cb-th', group: 'cv' }),
  res('a2', 'HTTNV', { unit: 'cb-th', group: 'cv' }),
  res('a3', 'HTTNV', { unit: 'cb-th', group: 'cv' }),
  res('a4', 'HTNV', { unit: 'cb-th', group: 'cv' }),
  res('a5', 'not-reviewed', { unit: 'cb-th', group: 'cv' }),
  res('l1', 'HTXSNV', { unit: 'cb-th', audience: 'leader', group: 'ld' }),
  // cb-kt's results carry no unit: the hierarchy's `members` list places them.
  res('cb-kt', 'HTXSNV', { kind: 'collective' }),
  res('b1', 'HTXSNV', { group: 'cv' }),
  res('b2', 'HTTNV', { group: 'cv' }),
  res('b3', 'KHTNV', { group: 'cv' }),
  res('o1', 'HTTNV', { audience: 'outside-system', group: 'nht' }),
  res('so-tc', 'HTTNV', { unit: 'so-tc', kind: 'collective' }),
  res('c1', 'HTTNV', { unit: 'cb-thon-1', group: 'cv' }),
  res('c2', 'HTNV', { unit: 'cb-thon-1' }),
  res('d1', 'HTXSNV', { unit: 'cb-co-so-c', group: 'cv' }),
  res('x1', 'HTTNV', { unit: 'khong-co' }),
  res('x2', 'HTTNV'),
];

const unit = (out: { units: UnitRollup[] }, id: string) => out.units.find((u) => u.id === id)!;
const levels = (t: { levels: Record<Level, number> }) => [t.levels.HTXSNV, t.levels.HTTNV, t.levels.HTNV, t.levels.KHTNV];
const percents = (t: { percent: Record<Level, number | null> }) => [t.percent.HTXSNV, t.percent.HTTNV, t.percent.HTNV, t.percent.KHTNV];

/** Runs `fn` and returns the KiemdiemError it throws. */
function thrown(fn: () => unknown): KiemdiemError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KiemdiemError);
    return error as KiemdiemError;
  }
  throw new Error('expected an error');
}

describe('rollup over a four-level hierarchy', () => {
  const out = rollup(RESULTS, UNITS);

  it('lists units top-down, each followed by its subtree, with depth, ancestors and children', () => {
    expect(out.units.map((u) => `${'  '.repeat(u.depth)}${u.id}`)).toEqual([
      'tinh',
      '  khoi',
      '    so-tc',
      '      cb-th',
      '      cb-kt',
      '  huyen',
      '    xa-b',
      '      cb-thon-1',
      '    cb-co-so-c',
    ]);
    expect(out.roots).toEqual(['tinh']);
    expect(unit(out, 'cb-kt').ancestors).toEqual(['tinh', 'khoi', 'so-tc']);
    expect(unit(out, 'huyen').children).toEqual(['xa-b', 'cb-co-so-c']);
    expect(out.period).toEqual({ year: 2026 });
    expect(out.regulations).toEqual(['qd-366-2025']);
  });

  it('counts a chi bộ’s own results per level, with percentages of those rated', () => {
    const th = unit(out, 'cb-th').own;
    // Members a1 XS, a2 TT, a3 TT, a4 HT, a5 not reviewed, l1 XS: 5 rated → 40 / 40 / 20 / 0 %.
    expect(levels(th.members)).toEqual([2, 2, 1, 0]);
    expect([th.members.total, th.members.rated, th.members.notReviewed]).toEqual([6, 5, 1]);
    expect(percents(th.members)).toEqual([40, 40, 20, 0]);
    expect(levels(th.collectives)).toEqual([0, 1, 0, 0]);
    expect(th.all.total).toBe(7);
    // cb-kt, placed by its members list: b1 XS, b2 TT, b3 KHT, o1 TT → 25 / 50 / 0 / 25 %.
    const kt = unit(out, 'cb-kt').own;
    expect(levels(kt.members)).toEqual([1, 2, 0, 1]);
    expect(percents(kt.members)).toEqual([25, 50, 0, 25]);
    expect(levels(kt.collectives)).toEqual([1, 0, 0, 0]);
  });

  it('adds every unit below into the cumulative counts, up to the province', () => {
    const so = unit(out, 'so-tc');
    expect(levels(so.own.collectives)).toEqual([0, 1, 0, 0]);
    expect(so.own.members.total).toBe(0);
    // 9 rated members below: XS a1 l1 b1 = 3, TT a2 a3 b2 o1 = 4, HT a4 = 1, KHT b3 = 1 → 33.3 / 44.4 / 11.1 / 11.1 %.
    expect(levels(so.cumulative.members)).toEqual([3, 4, 1, 1]);
    expect(percents(so.cumulative.members)).toEqual([33.3, 44.4, 11.1, 11.1]);
    expect(levels(so.cumulative.collectives)).toEqual([1, 2, 0, 0]);
    expect(unit(out, 'khoi').cumulative).toEqual(so.cumulative);
    const tinh = unit(out, 'tinh').cumulative;
    // Plus c1 TT, c2 HT, d1 XS: 12 rated → XS 4 (33.3), TT 5 (41.7), HT 2 (16.7), KHT 1 (8.3).
    expect(levels(tinh.members)).toEqual([4, 5, 2, 1]);
    expect(percents(tinh.members)).toEqual([33.3, 41.7, 16.7, 8.3]);
    expect([tinh.members.total, tinh.members.notReviewed]).toEqual([13, 1]);
    expect(tinh.all.total).toBe(16);
    expect(levels(unit(out, 'huyen').cumulative.members)).toEqual([1, 1, 1, 0]);
  });

  it('splits members by audience (2A leaders, 2B, 2C outside the political system)', () => {
    const a = unit(out, 'tinh').cumulative.byAudience;
    expect(levels(a.leader)).toEqual([1, 0, 0, 0]);
    expect(levels(a['outside-system'])).toEqual([0, 1, 0, 0]);
    expect(levels(a['non-leader'])).toEqual([3, 4, 2, 1]);
    expect(a['non-leader'].total).toBe(11);
  });

  it('computes the HTXSNV quota per group at each unit with the pack’s ratio (floor(20 % × HTTNV))', () => {
    const so = unit(out, 'so-tc').quota;
    // cv: XS a1 b1 = 2, TT a2 a3 b2 = 3 → allowed floor(0.6) = 0, over, at most 0 keep HTXSNV.
    expect(so.find((q) => q.group === 'cv')).toMatchObject({ excellent: 2, good: 3, allowed: 0, maxExcellent: 0, over: true, ratio: 0.2, rounding: 'floor', provenance: 'verified' });
    expect(so.find((q) => q.group === 'nht')).toMatchObject({ excellent: 0, good: 1, allowed: 0, over: false });
    expect(so.map((q) => q.group)).toEqual(['cv', 'ld', 'nht']);
    expect(unit(out, 'tinh').quota.find((q) => q.group === 'cv')).toMatchObject({ excellent: 3, good: 4, allowed: 0 });
    expect(out.quotaUnavailable).toEqual([]);
  });

  it('takes the ratio from the rating output’s quota lines, or from an override', () => {
    const line = { group: 'cv', regulation: 'qd-366-2025', period: { year: 2026 }, excellent: 0, good: 0, allowed: 0, maxExcellent: 0, over: false, ratio: 0.25, rounding: 'round-half-up' as const, citation: { document: 'local' }, provenance: 'unverified' as const, overlay: 'tinh-vi-du' };
    const fromLines = rollup({ results: RESULTS, quota: [line], errors: [] }, UNITS);
    // tỉnh cv: XS 3, TT 4 → round-half-up(0.25 × 4) = 1.
    expect(unit(fromLines, 'tinh').quota.find((q) => q.group === 'cv')).toMatchObject({ allowed: 1, ratio: 0.25, rounding: 'round-half-up', overlay: 'tinh-vi-du' });
    const half = rollup(RESULTS, UNITS, { quota: { ratio: 0.5, rounding: 'floor' } });
    // floor(0.5 × 4) = 2 < 3: over; the largest k with k ≤ floor(0.5 × (7 − k)) is 2.
    expect(unit(half, 'tinh').quota.find((q) => q.group === 'cv')).toMatchObject({ allowed: 2, over: true, maxExcellent: 2 });
    expect(() => rollup(RESULTS, UNITS, { quota: { ratio: 2, rounding: 'floor' } })).toThrow(/quota\.ratio/);
  });

  it('reports results whose unit is missing or unknown, and still counts them in the totals', () => {
    expect(out.unplaced.results).toEqual([
      { index: 16, id: 'x1', kind: 'individual', unit: 'khong-co', reason: 'unknown-unit' },
      { index: 17, id: 'x2', kind: 'individual', unit: null, reason: 'no-unit' },
    ]);
    expect(out.accounted.results).toEqual({ input: 18, placed: 16, unplaced: 2, invalid: 0 });
    expect(out.totals.members.total).toBe(15);
    expect(levels(out.totals.members)).toEqual([4, 7, 2, 1]);
    expect(out.errors).toEqual([]);
    expect(out.percent).toEqual({ decimals: 1, rounding: 'round-half-up' });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });
});

describe('rollup input problems', () => {
  it('reports malformed results, other periods, duplicates and unit conflicts, and counts the rest', () => {
    const input: unknown[] = [
      res('a1', 'HTXSNV', { unit: 'cb-th' }),
      { id: 'bad', kind: 'individual', status: 'rated', level: 'XUAT-SAC', period: { year: 2026 }, reasons: [] },
      res('a2', 'HTTNV', { unit: 'cb-th', year: 2025 }),
      res('a1', 'HTTNV', { unit: 'cb-th' }),
      res('b1', 'HTTNV', { unit: 'cb-th' }), // cb-kt lists b1
    ];
    const out = rollup(input as RollupResult[], UNITS);
    expect(out.errors.map((e) => [e.source, e.index, e.path, e.code])).toEqual([
      ['results', 1, '/level', 'not-allowed'],
      ['results', 2, '/period', 'other-period'],
      ['results', 3, '/id', 'duplicate-id'],
      ['results', 4, '/unit', 'unit-conflict'],
    ]);
    expect(out.errors[3]!.message).toContain('"cb-th" và "cb-kt"');
    expect(out.accounted.results).toEqual({ input: 5, placed: 1, unplaced: 0, invalid: 4 });
    const en = rollup(input as RollupResult[], UNITS, { lang: 'en' });
    expect(en.errors[1]!.message).toMatch(/roll up one period at a time/);
    expect(en.errors[0]!.message).toContain('Level (level)');
  });

  it('lists members a unit names that have no result, and counts rateMany’s unrated subjects', () => {
    const out = rollup({ results: [res('b1', 'HTTNV')], errors: [{ index: 4, path: '/score', code: 'out-of-range', message: 'x' }, { index: 4, path: '/tasks', code: 'required', message: 'y' }] }, UNITS);
    expect(out.membersWithoutResult).toEqual([
      { unit: 'cb-kt', id: 'cb-kt' },
      { unit: 'cb-kt', id: 'b2' },
      { unit: 'cb-kt', id: 'b3' },
      { unit: 'cb-kt', id: 'o1' },
    ]);
    expect(out.accounted.subjectsNotRated).toBe(1);
  });

  it('takes a subject → unit map, and refuses input that is not results', () => {
    const out = rollup([res('z', 'HTNV')], UNITS, { units: { z: 'cb-thon-1' } });
    expect(unit(out, 'cb-thon-1').own.members.levels.HTNV).toBe(1);
    expect(() => rollup({} as never, UNITS)).toThrow(/rollup/);
    expect(() => rollup([], UNITS, { units: [] as never })).toThrow('Tùy chọn "units" phải là một đối tượng');
    expect(() => rollup([], UNITS, { units: 'x' as never, lang: 'en' })).toThrow('Option "units" must be an object');
  });

  it('refuses unknown keys (unknown-field, naming the path): in a result, in the input and in the options', () => {
    const out = rollup([res('a', 'HTNV', { unit: 'cb-thon-1' }), { ...res('b', 'HTNV', { unit: 'cb-thon-1' }), gruop: 'g' } as never], UNITS);
    expect(out.errors).toMatchObject([{ source: 'results', index: 1, path: '/gruop', code: 'unknown-field' }]);
    expect(out.accounted.results).toMatchObject({ input: 2, invalid: 1 });
    const input = thrown(() => rollup({ results: [], quota: [], errors: [], extra: 1 } as never, UNITS));
    expect(input.code).toBe('invalid-option');
    expect(input.message).toMatch(/^input\/extra: Trường "extra" không có/);
    const option = thrown(() => rollup([], UNITS, { unit: {} } as never));
    expect(option.details).toMatchObject({ issues: [{ path: 'options/unit', code: 'unknown-field' }] });
    // Null options are the defaults.
    expect(rollup([], UNITS, null).accounted.results.input).toBe(0);
  });
});

describe('a broken hierarchy is a clear error', () => {
  const base: HierarchyUnit[] = [
    { id: 'tinh', name: 'Tỉnh', level: 'tinh' },
    { id: 'a', name: 'A', level: 'dang-bo-co-so', parent: 'tinh' },
    { id: 'b', name: 'B', level: 'chi-bo', parent: 'a' },
  ];

  it('names a cycle with the units on it', () => {
    const cyc: HierarchyUnit[] = [
      { id: 'h', name: 'H', level: 'huyen', parent: 'k' },
      { id: 'k', name: 'K', level: 'khoi', parent: 'h' },
    ];
    const e = thrown(() => rollup([], cyc));
    expect(e.code).toBe('invalid-option');
    expect(e.message).toContain('Vòng lặp cấp trên: h → k → h');
    expect((e.details as { issues: Array<{ code: string }> }).issues.some((i) => i.code === 'cycle')).toBe(true);
    expect(thrown(() => rollup([], cyc, { lang: 'en' })).message).toContain('Parent cycle: h → k → h');
  });

  it('names a unit that is its own parent', () => {
    expect(thrown(() => rollup([], [{ id: 'x', name: 'X', level: 'chi-bo', parent: 'x' }])).message).toContain('x → x');
  });

  it('names an unknown parent', () => {
    const e = thrown(() => rollup([], [...base, { id: 'c', name: 'C', level: 'chi-bo', parent: 'khong-co' }]));
    expect(e.message).toContain('"khong-co" không có trong hệ thống tổ chức');
  });

  it('refuses a parent that is not of a higher level, a duplicate id and a subject in two units', () => {
    expect(thrown(() => rollup([], [...base, { id: 'c', name: 'C', level: 'chi-bo', parent: 'b' }])).message).toMatch(/"c" \(chi-bo\) không thể trực thuộc "b" \(chi-bo\)/);
    expect(thrown(() => rollup([], [...base, { id: 'a', name: 'A2', level: 'chi-bo', parent: 'tinh' }])).message).toContain('Mã đơn vị "a" bị trùng');
    const twice = [...base, { id: 'c', name: 'C', level: 'chi-bo' as const, parent: 'a', members: ['dv-1'] }];
    twice[2] = { ...twice[2]!, members: ['dv-1'] };
    expect(thrown(() => rollup([], twice)).message).toContain('"dv-1" có trong danh sách của cả "b" và "c"');
  });

  it('checks each unit’s fields and rejects prototype-pollution keys', () => {
    const e = thrown(() => rollup([], [{ id: 'a', name: '', level: 'xa' } as unknown as HierarchyUnit]));
    expect(e.message).toMatch(/tên đơn vị \(name\)/i);
    expect(e.message).toMatch(/cấp của đơn vị \(level\)/i);
    const polluted = JSON.parse('[{"id":"a","name":"A","level":"tinh","__proto__":{"x":1}}]');
    expect(thrown(() => rollup([], polluted)).message).toContain('__proto__');
    expect(thrown(() => rollup([], 'tinh' as never)).message).toContain('mảng đơn vị');
  });

  it('accepts several top units and the { units } form', () => {
    const out = rollup([], { units: [{ id: 'p1', name: 'P1', level: 'tinh' }, { id: 'p2', name: 'P2', level: 'tinh', parent: null }] });
    expect(out.roots).toEqual(['p1', 'p2']);
  });
});

describe('remediation-plan counts, as the seed reports them', () => {
  // Seed 003 (Đảng ủy Khối các cơ quan tỉnh): "62/74 tập thể cấp ủy đã xây dựng kế hoạch khắc phục …
  // cấp ủy viên có 294/308 đồng chí". Fixture: a khối with 47 grassroots committees, a chi bộ under each of
  // the first 27 (74 collectives), 308 committee members spread over the 47; plans for the first 62
  // collectives (40 of them reported on, every item with a status) and the first 294 members.
  const units: HierarchyUnit[] = [{ id: 'dbk', name: 'Đảng bộ Khối các cơ quan tỉnh', level: 'khoi' }];
  for (let i = 1; i <= 47; i++) units.push({ id: `cs-${i}`, name: `Tổ chức cơ sở đảng ${i}`, level: 'dang-bo-co-so', parent: 'dbk' });
  for (let i = 1; i <= 27; i++) units.push({ id: `cb-${i}`, name: `Chi bộ ${i}`, level: 'chi-bo', parent: `cs-${i}` });
  const collectives = units.slice(1).map((u) => res(u.id, 'HTTNV', { unit: u.id, kind: 'collective' }));
  const members = Array.from({ length: 308 }, (_, i) => res(`uv-${i}`, 'HTTNV', { unit: `cs-${(i % 47) + 1}` }));
  const plans: RemediationPlan[] = [
    ...collectives.slice(0, 62).map((c, i) => ({
      id: `kh-${c.id}`,
      target: { kind: 'collective' as const, id: c.id },
      year: 2026,
      items: [{ shortcoming: 'Sinh hoạt chuyên đề chưa đều', ...(i < 40 ? { status: 'da-khac-phuc' as const } : {}) }, { shortcoming: 'Chậm báo cáo', ...(i < 40 ? { status: 'dang-khac-phuc' as const } : {}) }],
    })),
    ...members.slice(0, 294).map((m) => ({ target: { kind: 'individual' as const, id: m.id }, year: 2026, items: [{ shortcoming: 'Chưa chủ động' }] })),
  ];
  const out = rollup([...collectives, ...members], units, { remediation: plans });

  it('gives 62/74 collectives (83.8 %) and 294/308 members (95.5 %) at the khối', () => {
    const r = unit(out, 'dbk').remediation!.cumulative;
    expect(r.collectives).toEqual({ withPlan: 62, total: 74, percent: 83.8 }); // 62/74 = 83.78 %
    expect(r.members).toEqual({ withPlan: 294, total: 308, percent: 95.5 }); // 294/308 = 95.45 %
    expect(r.plans).toBe(356);
    expect(r.reported).toBe(40);
    // Items: 62 × 2 + 294 = 418; remedied 40, in progress 40, the rest not remedied (unreported: 22 × 2 + 294 = 338).
    expect(r.items).toEqual({ total: 418, remedied: 40, inProgress: 40, notRemedied: 338, unreported: 338, percentRemedied: 9.6 });
    expect(out.remediation!.totals).toEqual(r);
    expect(out.accounted.remediation).toEqual({ input: 356, placed: 356, unplaced: 0, invalid: 0 });
  });

  it('counts per unit: cs-1 has its own collective and 7 members (0, 47, …, 282), all with plans', () => {
    const own = unit(out, 'cs-1').remediation!.own;
    expect(own.collectives).toEqual({ withPlan: 1, total: 1, percent: 100 });
    expect(own.members).toEqual({ withPlan: 7, total: 7, percent: 100 });
    // cb-27 is the 74th collective in unit order (dbk's 47 cs first, then cb-1…): no plan.
    expect(unit(out, 'cb-27').remediation!.own.collectives).toEqual({ withPlan: 0, total: 1, percent: 0 });
  });

  it('leaves subjects not reviewed out of the base, reports plans it cannot place and invalid plans', () => {
    const small = rollup(
      [res('cs-1', 'HTTNV', { unit: 'cs-1', kind: 'collective' }), res('n1', 'not-reviewed', { unit: 'cs-1' }), res('m1', 'HTNV', { unit: 'cs-1' })],
      units,
      {
        remediation: [
          { target: { kind: 'individual', id: 'm1' }, year: 2026, items: [] },
          { target: { kind: 'individual', id: 'ghost' }, year: 2026, items: [] },
          { target: { kind: 'individual', id: 'ghost2' }, unit: 'cs-2', year: 2026, items: [] },
          { target: { kind: 'individual' }, year: 2026, items: [] },
        ],
      },
    );
    const own = unit(small, 'cs-1').remediation!.own;
    expect(own.members).toEqual({ withPlan: 1, total: 1, percent: 100 });
    expect(unit(small, 'cs-2').remediation!.own).toMatchObject({ plans: 1, members: { withPlan: 0, total: 0, percent: null } });
    expect(small.unplaced.remediation).toEqual([{ index: 1, kind: 'individual', unit: null, reason: 'no-unit' }]);
    expect(small.errors).toEqual([expect.objectContaining({ source: 'remediation', index: 3, path: '/target/id', code: 'required' })]);
    expect(small.accounted.remediation).toEqual({ input: 4, placed: 2, unplaced: 1, invalid: 1 });
  });
});

describe('feedback counts per unit and category', () => {
  const fb = (id: string, category: string, target: string, extra: Partial<FeedbackRecord> = {}): FeedbackRecord => ({ id, source: 'truoc-nhan-dan', category, target: { kind: 'individual', id: target }, ...extra });
  const records = [
    fb('f1', 'chuc-trach-nhiem-vu', 'a1', { response: { kind: 'giai-trinh', text: 'Đã giải trình tại hội nghị.' } }),
    fb('f2', 'chuc-trach-nhiem-vu', 'a2'),
    fb('f3', 'dao-duc-loi-song', 'c1'),
    fb('f4', 'linh-vuc-khac', 'nguoi-ngoai', { unit: 'huyen' }),
    fb('f5', 'linh-vuc-khac', 'nguoi-ngoai'),
    fb('f6', 'kinh-te', 'a1'),
  ];
  const out = rollup(RESULTS, UNITS, { feedback: records });

  it('places each record by its unit or its target’s result, and adds them up the tree', () => {
    expect(unit(out, 'cb-th').feedback!.own).toEqual({ total: 2, answered: 1, unanswered: 1, byCategory: { 'tu-tuong-chinh-tri': 0, 'dao-duc-loi-song': 0, 'chuc-trach-nhiem-vu': 2, 'to-chuc-ky-luat': 0, 'linh-vuc-khac': 0 } });
    expect(unit(out, 'huyen').feedback!.own.total).toBe(1);
    expect(unit(out, 'huyen').feedback!.cumulative).toMatchObject({ total: 2, byCategory: { 'dao-duc-loi-song': 1, 'linh-vuc-khac': 1 } });
    expect(unit(out, 'tinh').feedback!.cumulative).toMatchObject({ total: 4, answered: 1, unanswered: 3 });
    expect(out.feedback!.totals.total).toBe(5); // f5 is valid but in no unit
    expect(out.unplaced.feedback).toEqual([{ index: 4, id: 'f5', kind: 'individual', unit: null, reason: 'no-unit' }]);
    expect(out.errors).toEqual([expect.objectContaining({ source: 'feedback', index: 5, code: 'unknown-category' })]);
    expect(out.accounted.feedback).toEqual({ input: 6, placed: 4, unplaced: 1, invalid: 1 });
    expect(out.feedback!.categories.provenance).toBe('unverified');
  });
});

describe('subjects left to the competent level (status for-decision)', () => {
  /** A for-decision result as rateMany gives it: no level, and what the rules give without the cases handed over. */
  const fd = (id: string, opts: Parameters<typeof res>[2] = {}, without: Level | null = 'HTXSNV'): RollupResult => ({
    ...res(id, 'for-decision', opts),
    decision: { without, rules: ['refer.discipline.self-detected'] },
  });
  const results: RollupResult[] = [
    ...RESULTS,
    fd('f1', { unit: 'cb-th', group: 'cv' }),
    fd('f2', { unit: 'cb-thon-1', audience: 'leader', group: 'ld' }, null),
    fd('f3', { unit: 'cb-kt', kind: 'collective' }),
    fd('f4'),
  ];
  const out = rollup(results, UNITS);
  const statusSum = (t: { rated: number; forDecision: number; reviewedNotRated: number; notReviewed: number }) => t.rated + t.forDecision + t.reviewedNotRated + t.notReviewed;

  it('accepts them (with their decision) and counts them beside the levels, in no level', () => {
    expect(out.errors).toEqual([]);
    const th = unit(out, 'cb-th').own;
    // cb-th's members as before (a1 XS, a2 TT, a3 TT, a4 HT, a5 not reviewed, l1 XS) plus f1.
    expect([th.members.total, th.members.rated, th.members.forDecision, th.members.notReviewed]).toEqual([7, 5, 1, 1]);
    expect(levels(th.members)).toEqual([2, 2, 1, 0]);
    expect(unit(out, 'cb-kt').own.collectives.forDecision).toBe(1);
    expect(unit(out, 'cb-thon-1').own.members.forDecision).toBe(1);
    expect(unit(out, 'cb-thon-1').own.byAudience.leader.forDecision).toBe(1);
  });

  it('keeps them out of the percentage base: the level shares of those rated do not move', () => {
    const th = unit(out, 'cb-th').own.members;
    expect(percents(th)).toEqual([40, 40, 20, 0]);
    const tinh = unit(out, 'tinh').cumulative.members;
    expect(percents(tinh)).toEqual([33.3, 41.7, 16.7, 8.3]);
  });

  it('adds them up the tree, into the totals (placed or not), and every tally adds up to its total', () => {
    const tinh = unit(out, 'tinh').cumulative;
    expect([tinh.members.forDecision, tinh.collectives.forDecision, tinh.all.forDecision]).toEqual([2, 1, 3]);
    expect(unit(out, 'so-tc').cumulative.all.forDecision).toBe(2);
    expect(unit(out, 'huyen').cumulative.members.forDecision).toBe(1);
    expect(out.totals.all.forDecision).toBe(4); // f4 is in no unit, still in the totals
    for (const u of out.units) for (const t of [u.own.all, u.cumulative.all, u.cumulative.members, u.cumulative.byAudience.leader]) expect(statusSum(t), u.id).toBe(t.total);
    expect(statusSum(out.totals.all)).toBe(out.totals.all.total);
  });

  it('never counts them in a quota line (only rated HTXSNV and HTTNV count)', () => {
    expect(unit(out, 'tinh').quota.find((q) => q.group === 'cv')).toMatchObject({ excellent: 3, good: 4 });
    expect(unit(out, 'tinh').quota.find((q) => q.group === 'ld')).toMatchObject({ excellent: 1, good: 0 });
  });

  it('counts them as reviewed in the remediation-plan base', () => {
    const withPlans = rollup(results, UNITS, { remediation: [{ target: { kind: 'individual', id: 'f1' }, year: 2026, items: [] }] });
    expect(unit(withPlans, 'cb-th').remediation!.own.members).toEqual({ withPlan: 1, total: 6, percent: 16.7 });
  });

  it('checks decision: a level or null and rule ids, only on a for-decision result', () => {
    const bad: unknown[] = [
      { ...fd('g1'), decision: { without: 'XUAT-SAC', rules: ['r'] } },
      { ...fd('g2'), decision: { without: null, rules: 'r' } },
      { ...res('g3', 'HTTNV'), decision: { without: 'HTTNV', rules: [] } },
      { ...fd('g4'), decision: { without: null, rules: [''], extra: 1 } },
      { ...fd('g5'), level: 'HTXSNV' },
      res('g6', 'for-decision'), // no decision: still counted
    ];
    const o = rollup(bad as RollupResult[], UNITS);
    expect(o.errors.map((e) => [e.index, e.path, e.code])).toEqual([
      [0, '/decision/without', 'not-allowed'],
      [1, '/decision/rules', 'type'],
      [2, '/decision', 'not-allowed'],
      [3, '/decision/extra', 'unknown-field'],
      [3, '/decision/rules/0', 'empty'],
      [4, '/level', 'not-allowed'],
    ]);
    expect(o.totals.all).toMatchObject({ total: 1, forDecision: 1 });
    expect(o.errors[2]!.message).toContain('for-decision');
    expect(rollup(bad as RollupResult[], UNITS, { lang: 'en' }).errors[2]!.message).toMatch(/applies only to results with status "for-decision"/);
  });

  it('takes the exceptional ratio from the group’s own line only, and marks the line exceptional', () => {
    const line = (group: string, ratio: number, exceptional: boolean) => ({
      group, regulation: 'qd-366-2025', period: { year: 2026 }, excellent: 0, good: 0, allowed: 0, maxExcellent: 0, over: false, ratio, rounding: 'floor' as const,
      citation: { document: '366-QĐ/TW', dieu: 11, khoan: 1 }, provenance: 'verified' as const, ...(exceptional ? { exceptional: true as const } : {}),
    });
    // Only the exceptional line is given: other groups must not borrow its 25 %, but fall back to the pack's 20 %.
    const o = rollup({ results: RESULTS, quota: [line('cv', 0.25, true)] }, UNITS);
    const tinh = unit(o, 'tinh').quota;
    // cv at the tỉnh: XS 3, TT 4 → floor(0.25 × 4) = 1.
    expect(tinh.find((q) => q.group === 'cv')).toMatchObject({ ratio: 0.25, allowed: 1, exceptional: true });
    expect(tinh.find((q) => q.group === 'ld')).toMatchObject({ ratio: 0.2 });
    expect(tinh.find((q) => q.group === 'ld')).not.toHaveProperty('exceptional');
    expect(unit(rollup(RESULTS, UNITS), 'tinh').quota.some((q) => 'exceptional' in q)).toBe(false);
  });
});
