import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIFF_WORDS, diffToMarkdown } from '../diff-markdown';
import { checkFeedbackRecord, TARGET_LABELS } from '../feedback/validate';
import { HIERARCHY_WORDS } from '../rollup/hierarchy';
import { RESULT_WORDS } from '../rollup/results';
import { UNIT_LEVEL_LABELS } from '../rollup/types';
import { KiemdiemError } from '../errors';
import type { Lang } from '../types';
import { en, labelAt, langOf, locale, localized, vi } from './index';

/** Every key path of a locale, with what is there: a function (its arity), an array (its length) or a kind. */
function shape(value: unknown, at = ''): string[] {
  if (typeof value === 'function') return [`${at} fn/${value.length}`];
  if (Array.isArray(value)) return [`${at} array/${value.length}`];
  if (value !== null && typeof value === 'object') return Object.keys(value).sort().flatMap((k) => shape((value as Record<string, unknown>)[k], `${at}.${k}`));
  return [`${at} ${typeof value}`];
}

describe('locales', () => {
  it('vi and en have the same keys, functions and table sizes everywhere', () => {
    expect(shape(en)).toEqual(shape(vi));
  });

  it('langOf reads the requested language once: en or vi, vi for null or undefined, a KiemdiemError listing both for anything else', () => {
    expect(langOf('en')).toBe('en');
    for (const other of ['vi', undefined, null]) expect(langOf(other)).toBe('vi');
    for (const bad of ['fr', 'EN', 1, '', {}]) {
      expect(() => langOf(bad)).toThrow(KiemdiemError);
      expect(() => langOf(bad)).toThrow(/"lang".*vi, en/);
    }
    expect(locale('en')).toBe(en);
    expect(locale(undefined)).toBe(vi);
  });

  it('localized takes one word from both locales', () => {
    expect(localized((l) => l.unitLevels['chi-bo'])).toEqual({ vi: 'Chi bộ', en: 'Party cell' });
  });

  it('labelAt generalises array indexes and says when a table has no label', () => {
    expect(labelAt(vi.records.plan, '/meetings/3/reviews/0/role')).toBe('vai trò trong đơn vị (reviews[].role)');
    expect(labelAt(en.records.remediation, '/items/12/status')).toBe('status (items[].status)');
    expect(labelAt(vi.records.unit, '/nope')).toBeUndefined();
  });

  it('plan dates are dd/mm/yyyy and day counts use the decimal separator', () => {
    expect(vi.plan.date('2026-12-03')).toBe('ngày 03/12/2026');
    expect(en.plan.deadline('2027-01-31', true)).toBe('on or before 31/01/2027');
    expect(vi.plan.draftLate('2026-12-01', 2, '2026-11-30')).toBe('gửi ngày 01/12/2026, trước 2 ngày làm việc (chậm nhất phải gửi ngày 30/11/2026)');
    expect(vi.plan.days(1.255)).toBe('1,25');
    expect(en.plan.days(0.5)).toBe('0.5');
  });
});

describe('public word tables are built from the locales, with the same names and values', () => {
  it('DIFF_WORDS, HIERARCHY_WORDS, RESULT_WORDS and TARGET_LABELS are the locales’ own objects', () => {
    expect(DIFF_WORDS).toEqual({ vi: vi.diff, en: en.diff });
    expect(DIFF_WORDS.vi.title('a', 'b')).toBe('# So sánh quy định: a → b');
    expect(DIFF_WORDS.en.quotaHead).toEqual(['Group', 'Period', 'Before (HTXSNV/HTTNV, allowed, max, over?)', 'After (HTXSNV/HTTNV, allowed, max, over?)']);
    expect(HIERARCHY_WORDS.vi.cycle(['a', 'b', 'a'])).toBe('Vòng lặp cấp trên: a → b → a');
    expect(Object.keys(HIERARCHY_WORDS.en)).toEqual(['what', 'notList', 'duplicate', 'unknownParent', 'cycle', 'levelOrder', 'twoUnits']);
    expect(RESULT_WORDS.en.duplicate('x', 0)).toBe('Subject "x" has two results (first as result 1)');
    expect(Object.keys(RESULT_WORDS.vi)).toEqual(['what', 'levelForStatus', 'forDecisionStatus', 'otherPeriod', 'duplicate', 'conflict']);
    expect(TARGET_LABELS.vi['/target/id']).toBe('mã đối tượng được góp ý (target.id)');
    expect(Object.keys(TARGET_LABELS.en)).toEqual(['/target', '/target/kind', '/target/id', '/target/name', '/unit', '/meta']);
  });

  it('UNIT_LEVEL_LABELS keeps its levels, order and names', () => {
    expect(UNIT_LEVEL_LABELS).toEqual({
      'chi-bo': { vi: 'Chi bộ', en: 'Party cell' },
      'dang-bo-bo-phan': { vi: 'Đảng bộ bộ phận', en: 'Section party committee' },
      'dang-bo-co-so': { vi: 'Đảng bộ cơ sở', en: 'Grassroots party committee' },
      huyen: { vi: 'Đảng bộ huyện', en: 'District party committee' },
      khoi: { vi: 'Đảng bộ khối', en: 'Bloc party committee' },
      tinh: { vi: 'Đảng bộ tỉnh', en: 'Provincial party committee' },
    });
    expect(Object.keys(UNIT_LEVEL_LABELS)).toEqual(['chi-bo', 'dang-bo-bo-phan', 'dang-bo-co-so', 'huyen', 'khoi', 'tinh']);
  });

  it('a language the SDK does not have is refused with invalid-option naming the supported ones (no silent fallback)', () => {
    const refused = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof KiemdiemError && error.code === 'invalid-option' && /vi, en/.test(error.message);
      }
      return false;
    };
    expect(refused(() => checkFeedbackRecord({ id: 'x' }, ['linh-vuc-khac'], 'fr' as Lang))).toBe(true);
    const report = { from: { id: 'a', number: 'A' }, to: { id: 'b', number: 'B' }, structural: { added: [], removed: [], changed: [], parameters: [] } } as never;
    expect(refused(() => diffToMarkdown(report, 'fr' as Lang))).toBe(true);
    expect(diffToMarkdown(report, null as never)).toBe(diffToMarkdown(report, 'vi'));
  });
});

describe('no inline language test outside locales/', () => {
  const src = fileURLToPath(new URL('..', import.meta.url));
  /** The areas whose words live in the locale (the rating core is being reworked separately). */
  const areas = ['rollup', 'remediation', 'feedback', 'process', 'subject', 'diff-markdown.ts'];
  const files = areas.flatMap((a) => (a.endsWith('.ts') ? [a] : readdirSync(join(src, a)).map((f) => `${a}/${f}`))).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const code = (file: string) =>
    readFileSync(join(src, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');

  it('finds the files it checks', () => {
    expect(files).toContain('rollup/rollup.ts');
    expect(files).toContain('process/check-plan.ts');
    expect(files.length).toBeGreaterThan(20);
  });

  for (const file of files) {
    it(file, () => {
      const text = code(file);
      // A language test (lang === 'en', === 'vi' ? …) or a { vi, en } table of words.
      expect(text).not.toMatch(/[!=]==?\s*'(?:en|vi)'|'(?:en|vi)'\s*[!=]==?/);
      if (!['feedback/categories.ts', 'process/vietnam-holidays.ts'].includes(file)) expect(text).not.toMatch(/\b(?:vi|en)\s*:\s*['`"{]/);
    });
  }
});
