import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rate } from '../rating';
import type { Subject } from '../types';
import { planFromForm } from './from-form';
import { plansFor, remediationStatus, REMEDIATION_LOOKBACK, sectionIIIRows, shortcomingsFromPlans, withRemediation } from './status';
import type { RemediationPlan } from './types';
import { checkRemediationPlan } from './validate';

const plan2025: RemediationPlan = {
  id: 'kh-dv-07-2025',
  target: { kind: 'individual', id: 'dv-07', name: 'Nguyễn Thị Mai Anh' },
  year: 2025,
  items: [
    { shortcoming: 'Chưa chủ động đề xuất giải pháp mới', status: 'da-khac-phuc', extent: 'Đã đề xuất 04 sáng kiến' },
    { shortcoming: 'Có lúc chậm báo cáo định kỳ', status: 'da-khac-phuc' },
    { shortcoming: 'Ngại va chạm trong phê bình', status: 'dang-khac-phuc', obstacles: 'Tâm lý nể nang', responsibility: 'Cá nhân' },
    { shortcoming: 'Chưa tham gia đủ sinh hoạt nơi cư trú' },
  ],
};

/** dv-07 of the demo chi bộ: 93,5 points, 4/10 tasks exceeded, all on time: HTXSNV unless a shortcoming is left. */
const dv07: Subject = {
  id: 'dv-07',
  kind: 'individual',
  audience: 'non-leader',
  period: { year: 2026 },
  score: { common: 28.5, tasks: 65 },
  tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 4 },
};

describe('remediationStatus', () => {
  it('refuses a plan id listed twice (duplicate-id naming the first) instead of counting its items twice', () => {
    const copy = { ...plan2025, items: [...plan2025.items] };
    expect(() => remediationStatus([plan2025, copy])).toThrow(/\[1\] \/id: .*"kh-dv-07-2025" bị trùng \(lần đầu ở bản ghi thứ 1, index 0/);
    expect(() => shortcomingsFromPlans([plan2025, copy], { lang: 'en' })).toThrow(/"kh-dv-07-2025" appears twice \(first in record 1, index 0/);
    // Two plans with different ids (or none) still add up.
    expect(remediationStatus([plan2025, { ...copy, id: 'kh-2' }]).items).toBe(8);
  });

  it('counts đã / đang / chưa khắc phục; an item without status is not remedied', () => {
    const s = remediationStatus(plan2025);
    expect(s).toMatchObject({ plans: 1, items: 4, remedied: 2, inProgress: 1, notRemedied: 1, unreported: 1, remediedShare: 0.5, percentRemedied: 50, complete: false });
    expect(s.shortcomings).toEqual({ identified: 4, remediated: 2 });
    expect(s.citation).toMatchObject({ document: '366-QĐ/TW', dieu: 11, khoan: 1 });
  });

  it('is complete (the 100 % condition) when every item is remedied, and trivially so for an empty plan', () => {
    const done = { ...plan2025, items: plan2025.items.map((i) => ({ ...i, status: 'da-khac-phuc' as const })) };
    expect(remediationStatus(done)).toMatchObject({ complete: true, remediedShare: 1, percentRemedied: 100 });
    expect(remediationStatus({ ...plan2025, items: [] })).toMatchObject({ complete: true, remediedShare: 1, percentRemedied: null, items: 0 });
  });

  it('adds several plans together', () => {
    const other: RemediationPlan = { target: { kind: 'individual', id: 'dv-07' }, year: 2024, items: [{ shortcoming: 'x', status: 'da-khac-phuc' }] };
    expect(shortcomingsFromPlans([plan2025, other])).toEqual({ identified: 5, remediated: 3 });
  });

  it('throws invalid-subject naming the field, in Vietnamese or English', () => {
    const bad = { ...plan2025, items: [{ shortcoming: 'x', status: 'xong' }] } as unknown as RemediationPlan;
    expect(() => remediationStatus(bad)).toThrow(/tình trạng khắc phục \(items\[\]\.status\)/i);
    expect(() => remediationStatus(bad, { lang: 'en' })).toThrow(/Status \(items\[\]\.status\) must be one of/);
    try {
      remediationStatus(bad);
    } catch (error) {
      expect((error as { code: string }).code).toBe('invalid-subject');
    }
  });
});

describe('checkRemediationPlan', () => {
  it.each([
    ['missing target', { year: 2025, items: [] }, '/target', 'required'],
    ['bad target kind', { target: { kind: 'person', id: 'a' }, year: 2025, items: [] }, '/target/kind', 'not-allowed'],
    ['year out of range', { target: { kind: 'individual', id: 'a' }, year: 1990, items: [] }, '/year', 'out-of-range'],
    ['items not a list', { target: { kind: 'individual', id: 'a' }, year: 2025, items: {} }, '/items', 'type'],
    ['empty shortcoming', { target: { kind: 'individual', id: 'a' }, year: 2025, items: [{ shortcoming: ' ' }] }, '/items/0/shortcoming', 'empty'],
    ['bad deadline', { target: { kind: 'individual', id: 'a' }, year: 2025, items: [{ shortcoming: 'x', deadline: '31/03/2026' }] }, '/items/0/deadline', 'bad-date'],
    ['unknown field', { target: { kind: 'individual', id: 'a' }, year: 2025, items: [{ shortcoming: 'x', note: 'y' }] }, '/items/0/note', 'unknown-field'],
  ])('reports %s at its path', (_what, plan, path, code) => {
    const issues = checkRemediationPlan(plan);
    expect(issues.find((i) => i.path === path)?.code, JSON.stringify(issues)).toBe(code);
  });

  it('rejects __proto__, constructor and prototype keys', () => {
    const plan = JSON.parse('{"target":{"kind":"individual","id":"a"},"year":2025,"items":[{"shortcoming":"x","__proto__":{"z":1}}],"constructor":1,"meta":{"prototype":2}}');
    expect(checkRemediationPlan(plan).map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['/items/0/__proto__', 'forbidden-key'],
        ['/constructor', 'forbidden-key'],
        ['/meta/prototype', 'forbidden-key'],
      ]),
    );
  });
});

describe('withRemediation → the QĐ 366 "100 % remedied" condition', () => {
  it('fills shortcomings from the previous year’s plan only (lookback 1 by default)', () => {
    const old: RemediationPlan = { target: { kind: 'individual', id: 'dv-07' }, year: 2023, items: [{ shortcoming: 'cũ' }] };
    const elsewhere: RemediationPlan = { target: { kind: 'collective', id: 'dv-07' }, year: 2025, items: [{ shortcoming: 'tập thể' }] };
    expect(REMEDIATION_LOOKBACK.value).toBe(1);
    expect(REMEDIATION_LOOKBACK.provenance).toBe('unverified');
    expect(plansFor(dv07, [plan2025, old, elsewhere])).toEqual([plan2025]);
    expect(withRemediation(dv07, [plan2025, old, elsewhere]).shortcomings).toEqual({ identified: 4, remediated: 2 });
    expect(withRemediation(dv07, [plan2025, old], { lookbackYears: 3 }).shortcomings).toEqual({ identified: 5, remediated: 2 });
    expect(withRemediation(dv07, [old])).toBe(dv07); // no plan for the year: unchanged
    expect(() => withRemediation(dv07, [], { lookbackYears: 0 })).toThrow();
  });

  it('keeps a subject from HTXSNV while a shortcoming is left, and allows it once all are remedied (rule semantics unchanged)', async () => {
    const partly = await rate(withRemediation(dv07, [plan2025]));
    expect(partly.level).toBe('HTTNV');
    expect(partly.reasons.find((r) => r.rule === 'htxsnv.shortcomings-remedied')).toMatchObject({ outcome: 'failed', actual: 0.5, expected: 1 });
    const done = { ...plan2025, items: plan2025.items.map((i) => ({ ...i, status: 'da-khac-phuc' as const })) };
    const full = await rate(withRemediation(dv07, [done]));
    expect(full.level).toBe('HTXSNV');
    expect(full.reasons.find((r) => r.rule === 'htxsnv.shortcomings-remedied')?.outcome).toBe('met');
  });
});

describe('sectionIIIRows', () => {
  it('gives one section III row per item, status defaulting to chưa khắc phục, details carried', () => {
    expect(sectionIIIRows(plan2025)).toEqual([
      { limitation: 'Chưa chủ động đề xuất giải pháp mới', status: 'da-khac-phuc', extent: 'Đã đề xuất 04 sáng kiến' },
      { limitation: 'Có lúc chậm báo cáo định kỳ', status: 'da-khac-phuc' },
      { limitation: 'Ngại va chạm trong phê bình', status: 'dang-khac-phuc', obstacles: 'Tâm lý nể nang', responsibility: 'Cá nhân' },
      { limitation: 'Chưa tham gia đủ sinh hoạt nơi cư trú', status: 'chua-khac-phuc' },
    ]);
  });
});

describe('planFromForm', () => {
  it('reads a filled ref/ke-hoach-khac-phuc: year from the header, items from section II', () => {
    const doc = JSON.parse(readFileSync(fileURLToPath(new URL('../../../forms/examples/ref/ke-hoach-khac-phuc.json', import.meta.url)), 'utf8'));
    const plan = planFromForm(doc, { target: { kind: 'collective', id: 'chi-bo-phong-tong-hop' }, id: 'kh-01' });
    expect(plan.year).toBe(2025);
    expect(plan.items.map((i) => i.status)).toEqual(['dang-khac-phuc', 'chua-khac-phuc']);
    expect(plan.items[0]).toMatchObject({ shortcoming: 'Chất lượng sinh hoạt chuyên đề chưa cao', deadline: '2026-03-31' });
    expect(remediationStatus(plan)).toMatchObject({ items: 2, remedied: 0, complete: false });
  });
});
