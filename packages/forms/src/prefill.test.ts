import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shortcomingsFromPlans, type RemediationPlan } from '@kiemdiem/rules';
import { describe, expect, it } from 'vitest';
import { getForm } from './registry';
import { prefillSectionIII } from './prefill';
import { toSubject } from './to-subject';
import { checkForm } from './validate';

const example = (id: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../examples/${id}.json`, import.meta.url)), 'utf8')) as Record<string, unknown>;

const plan: RemediationPlan = {
  target: { kind: 'individual', id: 'dv-07' },
  year: 2025,
  items: [
    { shortcoming: 'Chậm cập nhật văn bản mới về công tác văn thư (kiểm điểm năm 2025)', status: 'dang-khac-phuc' },
    { shortcoming: 'Ngại va chạm trong phê bình', status: 'da-khac-phuc', extent: 'Đã thẳng thắn góp ý tại các kỳ sinh hoạt' },
    { shortcoming: 'Chưa tham gia đủ sinh hoạt nơi cư trú' },
  ],
};

describe('prefillSectionIII', () => {
  it('fills section III of a 2025 form from last year’s plan; the document stays valid and rates as the plan says', () => {
    const doc = example('hd43-2025/02b');
    const filled = prefillSectionIII('hd43-2025/02b', doc, plan);
    const rows = (filled.A as { III: { items: Array<{ limitation: string; status: string }> } }).III.items;
    // The example's own row (same shortcoming, its own status) is kept; the two new items follow.
    expect(rows.map((r) => [r.limitation, r.status])).toEqual([
      ['Chậm cập nhật văn bản mới về công tác văn thư (kiểm điểm năm 2025)', 'da-khac-phuc'],
      ['Ngại va chạm trong phê bình', 'da-khac-phuc'],
      ['Chưa tham gia đủ sinh hoạt nơi cư trú', 'chua-khac-phuc'],
    ]);
    expect(checkForm('hd43-2025/02b', filled).errors).toEqual([]);
    expect(toSubject(getForm('hd43-2025/02b')!, filled).subject.shortcomings).toEqual({ identified: 3, remediated: 2 });
    expect(doc).toEqual(example('hd43-2025/02b')); // the input is not changed
  });

  it('builds section III in an empty document and on the 2023 forms (/III/items)', () => {
    const rows = (prefillSectionIII('hd43-2025/01', {}, plan).A as { III: { items: unknown[] } }).III.items;
    expect(rows).toHaveLength(3);
    const filled = prefillSectionIII('hd43-2025/02a', { A: { III: { items: [] } } }, plan);
    expect(toSubject(getForm('hd43-2025/02a')!, filled).subject.shortcomings).toEqual(shortcomingsFromPlans(plan));
    const hd25 = getForm('hd25-2023/02a')!;
    expect(hd25.fields.remediation).toBe('/III/items');
    expect((prefillSectionIII(hd25.id, {}, plan).III as { items: unknown[] }).items).toHaveLength(3);
  });

  it('refuses a form without section III, an unknown form and a malformed plan', () => {
    expect(() => prefillSectionIII('ref/phieu-gop-y', {}, plan)).toThrow(/mục III/);
    expect(() => prefillSectionIII('ref/phieu-gop-y', {}, plan, { lang: 'en' })).toThrow(/section III/);
    expect(() => prefillSectionIII('hd99/02', {}, plan)).toThrow(expect.objectContaining({ code: 'unknown-form' }));
    expect(() => prefillSectionIII('hd43-2025/02b', {}, { ...plan, year: 'x' } as unknown as RemediationPlan)).toThrow(expect.objectContaining({ code: 'invalid-subject' }));
  });
});
