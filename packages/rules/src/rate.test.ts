import { describe, expect, it } from 'vitest';
import { KiemdiemError } from './errors';
import { rate, rateMany } from './rating';
import type { Subject } from './types';

const member = (over: Partial<Subject> = {}): Subject => ({
  id: 'dv',
  kind: 'individual',
  audience: 'non-leader',
  period: { year: 2026 },
  membership: { admittedOn: '2010-01-01' },
  score: { common: 28, tasks: 65 },
  tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 4 },
  ...over,
});

describe('rate', () => {
  it('rates under the pack in force at the end of the period', async () => {
    const r = await rate(member());
    expect(r).toMatchObject({ id: 'dv', regulation: 'qd-366-2025', status: 'rated', level: 'HTXSNV', total: 93 });
  });

  it('explains a failed condition the way a member reads it, with citation and provenance', async () => {
    const r = await rate(member({ tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 2 } }));
    expect(r.level).toBe('HTTNV');
    const failed = r.reasons.find((x) => x.rule === 'htxsnv.tasks-exceeded')!;
    expect(failed).toMatchObject({
      outcome: 'failed',
      level: 'HTXSNV',
      message: 'HTXSNV cần ≥ 30 % nhiệm vụ vượt mức; đạt 20 %',
      citation: { document: '366-QĐ/TW', dieu: 11, khoan: 1 },
      citationText: 'Khoản 1 Điều 11 Quy định 366-QĐ/TW',
      provenance: 'verified',
      actual: 0.2,
      expected: 0.3,
    });
    // Reasons for the level itself come first, then the higher level's failures.
    expect(r.reasons.filter((x) => x.outcome === 'met').every((x) => x.level === 'HTTNV')).toBe(true);
    expect(r.reasons.filter((x) => x.outcome === 'failed').map((x) => x.rule)).toEqual(['htxsnv.tasks-exceeded']);
  });

  it('speaks English when asked', async () => {
    const r = await rate(member({ tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 2 } }), { lang: 'en' });
    const failed = r.reasons.find((x) => x.rule === 'htxsnv.tasks-exceeded')!;
    expect(failed.message).toBe('HTXSNV needs ≥ 30 % of tasks exceeding requirements; got 20 %');
    expect(failed.citationText).toBe('Article 11, clause 1, Quy định 366-QĐ/TW');
  });

  it('treats score bands as minimums: 92 points with one late task is HTNV', async () => {
    const r = await rate(member({ score: { common: 27, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 9, exceeded: 5 } }));
    expect(r.level).toBe('HTNV');
    expect(r.reasons.filter((x) => x.outcome === 'failed').map((x) => x.rule).sort()).toEqual(['httnv.tasks-on-time', 'htxsnv.tasks-on-time']);
  });

  it('lets a forcing rule override the score, and says so first', async () => {
    const r = await rate(member({ discipline: [{ form: 'khien-trach', decidedOn: '2026-05-04', dutyRelated: true }] }));
    expect(r.level).toBe('KHTNV');
    expect(r.reasons[0]).toMatchObject({ rule: 'khtnv.discipline', outcome: 'applied', provenance: 'verified', actual: 1 });
  });

  it('counts only duty-related discipline, and says so when it had to assume it (QĐ 366 Điều 11 khoản 4)', async () => {
    const unrelated = await rate(member({ discipline: [{ form: 'canh-cao', decidedOn: '2026-05-04', dutyRelated: false }] }));
    expect(unrelated.level).toBe('HTXSNV');
    const unknown = await rate(member({ discipline: [{ form: 'khien-trach', decidedOn: '2026-05-04' }] }));
    expect(unknown.level).toBe('KHTNV');
    expect(unknown.reasons[0]).toMatchObject({ rule: 'khtnv.discipline.assumed-duty-related', provenance: 'unverified' });
    expect(unknown.reasons[0]!.message).toContain('mặc định coi là có liên quan');
    const off = await rate(member({ discipline: [{ form: 'khien-trach', decidedOn: '2026-05-04' }] }), { parameters: { 'reading.disciplineDutyRelatedByDefault': false } });
    expect(off.level).toBe('HTXSNV');
  });

  it('throws invalid-subject with the issues for a bad subject', async () => {
    const error = await rate(member({ score: { common: 31, tasks: 65 } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KiemdiemError);
    expect((error as KiemdiemError).code).toBe('invalid-subject');
    expect((error as KiemdiemError).details).toEqual([expect.objectContaining({ path: '/score/common', index: 0, id: 'dv' })]);
  });
});

describe('options', () => {
  it('overrides a parameter by name (e.g. a province raising the HTXSNV bar)', async () => {
    expect((await rate(member(), { parameters: { 'bands.HTXSNV.minTotal': 95 } })).level).toBe('HTTNV');
    expect((await rate(member(), { parameters: { 'tasks.HTXSNV.minExceededShare': 0.5 } })).level).toBe('HTTNV');
  });

  it('switches a rule off by id', async () => {
    const disciplined = member({ discipline: [{ form: 'canh-cao', decidedOn: '2026-05-04', dutyRelated: true }] });
    expect((await rate(disciplined)).level).toBe('KHTNV');
    expect((await rate(disciplined, { disabledRules: ['khtnv.discipline'] })).level).toBe('HTXSNV');
  });

  it('leaves self-detected, remedied discipline to the competent level, with the level the rules give without it', async () => {
    const s = member({ discipline: [{ form: 'khien-trach', decidedOn: '2026-05-04', selfDetectedAndRemedied: true, dutyRelated: true }] });
    const r = await rate(s);
    expect(r).toMatchObject({ status: 'for-decision', level: null, decision: { without: 'HTXSNV', rules: ['refer.discipline.self-detected'] } });
    expect(r.reasons[0]).toMatchObject({ rule: 'refer.discipline.self-detected', stage: 'refer', outcome: 'applied', provenance: 'verified' });
    // Another KHTNV case still rates KHTNV.
    expect(await rate({ ...s, degradationConcluded: true })).toMatchObject({ status: 'rated', level: 'KHTNV' });
    // Not counted towards the quota.
    const many = await rateMany([{ ...s, group: 'g' }, { ...member(), id: 'b', group: 'g' }]);
    expect(many.quota[0]).toMatchObject({ group: 'g', excellent: 1, good: 0 });
  });

  it('makes a new member "reviewed, not rated" when a host chooses the HD 21 reading', async () => {
    const s = member({ membership: { admittedOn: '2026-09-01' } });
    expect(await rate(s)).toMatchObject({ status: 'not-reviewed', level: null });
    expect(await rate(s, { parameters: { 'eligibility.newMember.status': 'reviewed-not-rated' } })).toMatchObject({ status: 'reviewed-not-rated', level: null });
  });

  it('rejects unknown regulations, parameters, values and rules with a code', async () => {
    await expect(rate(member(), { regulation: 'qd-999-2030' })).rejects.toMatchObject({ code: 'unknown-regulation' });
    await expect(rate(member(), { parameters: { 'quota.ratioo': 0.2 } })).rejects.toMatchObject({ code: 'unknown-parameter' });
    await expect(rate(member(), { parameters: { 'quota.rounding': 'bankers' } })).rejects.toMatchObject({ code: 'invalid-parameter' });
    await expect(rate(member(), { disabledRules: ['khtnv.nothing'] })).rejects.toMatchObject({ code: 'unknown-rule' });
  });

  it('words an invalid parameter value wholly in the chosen language', async () => {
    await expect(rate(member(), { parameters: { 'quota.rounding': 'bankers' } })).rejects.toThrow(/^Giá trị tham số "quota.rounding" không hợp lệ: cần một trong \S+, /);
    await expect(rate(member(), { parameters: { 'quota.ratio': 'x' }, lang: 'en' })).rejects.toThrow('Invalid value for parameter "quota.ratio": expected a number');
    await expect(rate(member(), { parameters: { 'quota.ratio': 'x' } })).rejects.toThrow('Giá trị tham số "quota.ratio" không hợp lệ: cần một số');
  });
});

describe('rateMany', () => {
  it('accounts for every input exactly once, rating the valid ones', async () => {
    const inputs: unknown[] = [
      member({ id: 'a' }),
      { ...member({ id: 'b' }), score: { common: 31, tasks: 10 } },
      'not a subject',
      member({ id: 'c', kind: 'individual', audience: 'leader' }), // a leader without ledUnits
      member({ id: 'd', period: { year: 2017 } }),
      member({ id: 'e', period: { year: 2026, quarter: 4 } }),
      member({ id: 'f', period: { year: 2026, quarter: 2 } }),
    ];
    const out = await rateMany(inputs);
    expect(out.results.map((r) => r.id)).toEqual(['a', 'f']);
    const byIndex = new Map(out.errors.map((e) => [e.index, e]));
    expect([...byIndex.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(byIndex.get(1)).toMatchObject({ id: 'b', path: '/score/common' });
    expect(byIndex.get(2)).toMatchObject({ path: '' });
    expect(byIndex.get(2)!.id).toBeUndefined();
    expect(byIndex.get(3)).toMatchObject({ id: 'c', path: '/ledUnits', code: 'required-by-regulation' });
    expect(byIndex.get(3)!.message).toContain('366-QĐ/TW');
    expect(byIndex.get(4)).toMatchObject({ path: '/period', code: 'no-regulation' });
    expect(byIndex.get(5)).toMatchObject({ path: '/period/quarter', code: 'quarter-not-rated' });
  });

  it('does not ask a member who is not reviewed for scores', async () => {
    const out = await rateMany([{ id: 'x', kind: 'individual', audience: 'non-leader', period: { year: 2026 }, membership: { exempt: true } }]);
    expect(out.errors).toEqual([]);
    expect(out.results[0]).toMatchObject({ status: 'not-reviewed', level: null, reasons: [expect.objectContaining({ rule: 'eligibility.exempt' })] });
  });

  it('reports the quota per group and period without demoting anyone', async () => {
    const excellent = (id: string, group: string) => member({ id, group });
    const good = (id: string, group: string) => member({ id, group, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 0 } });
    const subjects = [
      ...['e1', 'e2', 'e3', 'e4'].map((id) => excellent(id, 'cv')),
      ...Array.from({ length: 8 }, (_, i) => good(`g${i}`, 'cv')),
      excellent('l1', 'ld'),
      ...Array.from({ length: 5 }, (_, i) => good(`lg${i}`, 'ld')),
      { ...excellent('q1', 'cv'), period: { year: 2026, quarter: 1 } },
    ];
    const out = await rateMany(subjects);
    expect(out.results.filter((r) => r.level === 'HTXSNV')).toHaveLength(6);
    const line = (group: string, quarter?: number) => out.quota.find((q) => q.group === group && q.period.quarter === quarter)!;
    expect(line('cv')).toMatchObject({ excellent: 4, good: 8, allowed: 1, maxExcellent: 2, over: true, ratio: 0.2, rounding: 'floor' });
    expect(line('ld')).toMatchObject({ excellent: 1, good: 5, allowed: 1, maxExcellent: 1, over: false });
    expect(line('cv', 1)).toMatchObject({ excellent: 1, good: 0, allowed: 0, over: true });
    const halfUp = await rateMany(subjects, { parameters: { 'quota.rounding': 'round-half-up' } });
    expect(halfUp.quota.find((q) => q.group === 'cv' && !q.period.quarter)).toMatchObject({ allowed: 2, over: true });
  });

  it('takes the ratio from QĐ 366 Điều 11 khoản 1 (20 %, 25 % for a group the competent level decided is exceptional), counting only rated results', async () => {
    const good = (id: string) => member({ id, group: 'cv', score: { common: 27, tasks: 58 }, tasks: { assigned: 8, completed: 8, onTime: 8, exceeded: 1 } });
    // HTXSNV data, but a self-detected, duty-related discipline: for the competent level, so not counted as HTXSNV.
    const referred = member({ id: 'r1', group: 'cv', discipline: [{ form: 'khien-trach', decidedOn: '2026-05-05', dutyRelated: true, selfDetectedAndRemedied: true }] });
    const subjects = [member({ id: 'e1', group: 'cv' }), member({ id: 'e2', group: 'cv' }), referred, ...Array.from({ length: 8 }, (_, i) => good(`g${i}`))];
    const citation = { document: '366-QĐ/TW', dieu: 11, khoan: 1 };
    const normal = await rateMany(subjects);
    expect(normal.results.find((r) => r.id === 'r1')).toMatchObject({ status: 'for-decision', level: null, decision: { without: 'HTXSNV' } });
    expect(normal.quota).toEqual([expect.objectContaining({ group: 'cv', excellent: 2, good: 8, allowed: 1, over: true, ratio: 0.2, citation, provenance: 'verified' })]);
    expect(normal.quota[0]!.exceptional).toBeUndefined();
    const decided = await rateMany(subjects, { exceptionalGroups: ['cv'] });
    expect(decided.quota).toEqual([expect.objectContaining({ group: 'cv', excellent: 2, good: 8, allowed: 2, over: false, ratio: 0.25, citation, provenance: 'verified', exceptional: true })]);
  });

  it('keeps Vietnamese names and groups NFC', async () => {
    const decomposed = 'Nguyễn Thị Hương'.normalize('NFD');
    const out = await rateMany([member({ name: decomposed, group: 'chuyên viên'.normalize('NFD') })]);
    expect(out.results[0]!.name).toBe('Nguyễn Thị Hương'.normalize('NFC'));
    expect(out.quota[0]!.group).toBe('chuyên viên'.normalize('NFC'));
  });
});
