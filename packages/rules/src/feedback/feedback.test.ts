import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDBACK_CATEGORIES } from './categories';
import { percentOf } from './common';
import { feedbackFromForm } from './from-form';
import { tallyFeedback } from './tally';
import type { FeedbackRecord } from './types';
import { checkFeedbackRecord, resolveCategories } from './validate';

const IDS = DEFAULT_FEEDBACK_CATEGORIES.categories.map((c) => c.id);

function record(id: string, category: string, target = 'dv-01', answered = false, kind: 'individual' | 'collective' = 'individual'): FeedbackRecord {
  return {
    id,
    source: 'truoc-nhan-dan',
    category,
    target: { kind, id: target },
    ...(answered ? { response: { kind: 'tiep-thu', text: 'Tiếp thu, sửa chữa.' } } : {}),
  };
}

describe('the default category list', () => {
  it('is the five groups of the seed, exactly spelt, with the form’s area ids, and marked unverified', () => {
    expect(DEFAULT_FEEDBACK_CATEGORIES.categories.map((c) => c.label.vi)).toEqual([
      'Tư tưởng chính trị',
      'Phẩm chất đạo đức, lối sống',
      'Thực hiện chức trách, nhiệm vụ',
      'Ý thức tổ chức kỷ luật',
      'Lĩnh vực khác',
    ]);
    for (const c of DEFAULT_FEEDBACK_CATEGORIES.categories) expect(c.label.vi).toBe(c.label.vi.normalize('NFC'));
    expect(IDS).toEqual(['tu-tuong-chinh-tri', 'dao-duc-loi-song', 'chuc-trach-nhiem-vu', 'to-chuc-ky-luat', 'linh-vuc-khac']);
    expect(DEFAULT_FEEDBACK_CATEGORIES.provenance).toBe('unverified');
    expect(DEFAULT_FEEDBACK_CATEGORIES.citation).toMatchObject({ document: '366-QĐ/TW', dieu: 7, khoan: 1 });
  });

  it('matches the `area` choices of the ref/phieu-gop-y form', () => {
    const source = readFileSync(fileURLToPath(new URL('../../../forms/src/definitions/reference.ts', import.meta.url)), 'utf8');
    for (const c of DEFAULT_FEEDBACK_CATEGORIES.categories) expect(source).toContain(`['${c.id}', '${c.label.vi}'`);
  });
});

describe('percentOf', () => {
  it('rounds half up to one decimal in exact arithmetic, null for an empty base', () => {
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 16)).toBe(6.3); // 6.25 → 6.3
    expect(percentOf(3, 80)).toBe(3.8); // 3.75 → 3.8, where 3/80 in floating point is just below
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('tallyFeedback', () => {
  it('counts per category, per target and answered/unanswered (small fixture, counted by hand)', () => {
    const records = [
      record('1', 'chuc-trach-nhiem-vu', 'dv-01', true),
      record('2', 'chuc-trach-nhiem-vu', 'dv-01'),
      record('3', 'dao-duc-loi-song', 'dv-02', true),
      record('4', 'linh-vuc-khac', 'cb-1', false, 'collective'),
      record('5', 'chuc-trach-nhiem-vu', 'dv-02'),
    ];
    const t = tallyFeedback(records);
    expect(t.errors).toEqual([]);
    expect(t.accounted).toEqual({ records: 5, counted: 5, invalid: 0 });
    expect([t.total, t.answered, t.unanswered, t.percentAnswered]).toEqual([5, 2, 3, 40]);
    expect(t.byCategory.map((c) => [c.id, c.count, c.answered, c.unanswered, c.percent])).toEqual([
      ['tu-tuong-chinh-tri', 0, 0, 0, 0],
      ['dao-duc-loi-song', 1, 1, 0, 20],
      ['chuc-trach-nhiem-vu', 3, 1, 2, 60],
      ['to-chuc-ky-luat', 0, 0, 0, 0],
      ['linh-vuc-khac', 1, 0, 1, 20],
    ]);
    expect(t.byTarget.map((x) => [x.kind, x.id, x.count, x.answered, x.unanswered])).toEqual([
      ['individual', 'dv-01', 2, 1, 1],
      ['individual', 'dv-02', 2, 1, 1],
      ['collective', 'cb-1', 1, 0, 1],
    ]);
    expect(t.byTarget[1]!.byCategory).toEqual({ 'tu-tuong-chinh-tri': 0, 'dao-duc-loi-song': 1, 'chuc-trach-nhiem-vu': 1, 'to-chuc-ky-luat': 0, 'linh-vuc-khac': 0 });
    expect(t.bySource['truoc-nhan-dan']).toBe(5);
    expect(t.byResponse).toEqual({ 'tiep-thu': 2, 'giai-trinh': 0 });
    expect(t.categories.provenance).toBe('unverified');
    expect(t.categories.citationText).toBe('Khoản 1 Điều 7 Quy định 366-QĐ/TW');
  });

  it('reproduces the Trà Vinh tally of the seed article (five categories), and shows its totals disagree', () => {
    // Seed 002: "47.510 ý kiến … tư tưởng chính trị 3.272; phẩm chất đạo đức, lối sống 6.072; thực hiện chức
    // trách, nhiệm vụ 25.205; ý thức tổ chức kỷ luật 3.601; lĩnh vực khác 9.382". The five add up to 47,532.
    const counts = [3272, 6072, 25205, 3601, 9382];
    const records: FeedbackRecord[] = [];
    counts.forEach((n, c) => {
      for (let i = 0; i < n; i++) records.push(record(`${c}-${i}`, IDS[c]!, `dv-${i % 50}`));
    });
    const t = tallyFeedback(records);
    expect(t.byCategory.map((c) => c.count)).toEqual(counts);
    expect(t.total).toBe(3272 + 6072 + 25205 + 3601 + 9382);
    expect(t.total).toBe(47532);
    expect(t.total).not.toBe(47510); // the article's stated total: its own figures do not add up to it
    // Shares by hand: 3272/47532 = 6.88 %, 6072/47532 = 12.77 %, 25205/47532 = 53.03 %, 3601/47532 = 7.58 %, 9382/47532 = 19.74 %.
    expect(t.byCategory.map((c) => c.percent)).toEqual([6.9, 12.8, 53, 7.6, 19.7]);
    expect(t.byTarget).toHaveLength(50);
    expect(t.unanswered).toBe(47532);
  });

  it('reports invalid records with the field path, in Vietnamese by default and English on request, and counts the rest', () => {
    const input: unknown[] = [
      record('ok', 'to-chuc-ky-luat'),
      { id: 'bad-cat', source: 'phieu-gop-y', category: 'kinh-te', target: { kind: 'individual', id: 'dv-01' } },
      { id: 'no-target', source: 'phieu-gop-y', category: 'linh-vuc-khac' },
      { id: 'bad-answer', source: 'phieu-gop-y', category: 'linh-vuc-khac', target: { kind: 'individual', id: 'dv-01' }, response: { kind: 'ok', text: '' } },
      record('ok', 'to-chuc-ky-luat'),
    ];
    const vi = tallyFeedback(input);
    expect(vi.accounted).toEqual({ records: 5, counted: 1, invalid: 4 });
    expect(vi.total).toBe(1);
    const at = (index: number, path: string) => vi.errors.find((e) => e.index === index && e.path === path);
    expect(at(1, '/category')).toMatchObject({ code: 'unknown-category', id: 'bad-cat' });
    expect(at(1, '/category')!.message).toContain('lĩnh vực góp ý (category)');
    expect(at(2, '/target')).toMatchObject({ code: 'required' });
    expect(at(3, '/response/kind')!.code).toBe('not-allowed');
    expect(at(3, '/response/text')!.code).toBe('empty');
    expect(at(4, '/id')!.code).toBe('duplicate-id');
    // The later record names the first one (shared wording with remediation plans and rated subjects).
    expect(at(4, '/id')!.message).toMatch(/bị trùng \(lần đầu ở bản ghi thứ 1, index 0;/);
    const en = tallyFeedback(input, { lang: 'en' });
    expect(en.errors.find((e) => e.index === 1)!.message).toContain('feedback category (category)');
    expect(en.errors.find((e) => e.index === 1)!.message).not.toBe(at(1, '/category')!.message);
  });

  it('rejects prototype-pollution keys anywhere in a record without polluting', () => {
    const bad = JSON.parse('{"id":"x","source":"khac","category":"linh-vuc-khac","target":{"kind":"individual","id":"a","__proto__":{"p":1}},"meta":{"constructor":{"prototype":{"q":1}}},"prototype":1}');
    const issues = checkFeedbackRecord(bad, IDS);
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['/target/__proto__', 'forbidden-key'],
        ['/meta/constructor', 'forbidden-key'],
        ['/prototype', 'forbidden-key'],
      ]),
    );
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });

  it('takes an overriding category list (with its basis, or a bare array), and checks it', () => {
    const local = [
      { id: 'gan-dan', label: { vi: 'Gần dân, trọng dân', en: 'Closeness to the people' } },
      { id: 'khac', label: { vi: 'Khác', en: 'Other' } },
    ];
    const t = tallyFeedback([record('1', 'gan-dan'), record('2', 'khac'), record('3', 'linh-vuc-khac')], { categories: local });
    expect(t.byCategory.map((c) => [c.id, c.count])).toEqual([['gan-dan', 1], ['khac', 1]]);
    expect(t.errors.map((e) => [e.index, e.code])).toEqual([[2, 'unknown-category']]);
    expect(t.categories).toMatchObject({ id: 'custom', provenance: 'unverified' });
    expect(() => resolveCategories([{ id: 'A B', label: { vi: 'x', en: 'x' } }])).toThrow(/categories\[\]\.id/);
    expect(() => resolveCategories([{ id: 'a', label: { vi: 'x', en: 'x' } }, { id: 'a', label: { vi: 'y', en: 'y' } }])).toThrow(/trùng/);
    expect(() => resolveCategories([{ id: 'constructor', label: { vi: 'x', en: 'x' } }])).toThrow();
    expect(() => resolveCategories({ ...DEFAULT_FEEDBACK_CATEGORIES, categories: [] })).toThrow();
  });

  it('normalises Vietnamese text to NFC', () => {
    const decomposed = 'Nguyễn Văn A'.normalize('NFD');
    const t = tallyFeedback([{ ...record('1', 'linh-vuc-khac'), target: { kind: 'individual', id: 'dv-01', name: decomposed } }]);
    expect(t.byTarget[0]!.name).toBe('Nguyễn Văn A'.normalize('NFC'));
  });
});

describe('feedbackFromForm', () => {
  it('turns each row of a filled ref/phieu-gop-y into a record of its area', () => {
    const doc = JSON.parse(readFileSync(fileURLToPath(new URL('../../../forms/examples/ref/phieu-gop-y.json', import.meta.url)), 'utf8'));
    const records = feedbackFromForm(doc, { id: 'pgy-07', target: { kind: 'individual', id: 'dv-07' }, unit: 'cb-tong-hop' });
    expect(records.map((r) => [r.id, r.category, r.target.id, r.target.name, r.year, r.source])).toEqual([
      ['pgy-07-1', 'chuc-trach-nhiem-vu', 'dv-07', 'Nguyễn Thị Mai Anh', 2025, 'phieu-gop-y'],
      ['pgy-07-2', 'dao-duc-loi-song', 'dv-07', 'Nguyễn Thị Mai Anh', 2025, 'phieu-gop-y'],
    ]);
    expect(records[0]!.content).toContain('Hạn chế, khuyết điểm: Có lúc chưa chủ động');
    expect(records[0]!.response).toBeUndefined();
    expect(tallyFeedback(records).byCategory.find((c) => c.id === 'chuc-trach-nhiem-vu')!.count).toBe(1);
  });

  it('refuses a row whose area is not in the list', () => {
    expect(() => feedbackFromForm({ items: [{ area: 'khong-co' }] }, { id: 'x', target: { kind: 'collective', id: 'cb' } })).toThrow(/category/);
  });
});
