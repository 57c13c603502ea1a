/** Input checks for feedback records and category lists: every problem at its JSON pointer, vi (default) or en. */
import { IdSet } from '../ids/id-set';
import { duplicateIssue } from '../ids/keys';
import { en, locale, vi } from '../locales';
import type { Lang } from '../types';
import { DEFAULT_FEEDBACK_CATEGORIES, type FeedbackCategory, type FeedbackCategoryList } from './categories';
import { FORBIDDEN_KEYS, isRecord, MAX_LONG_TEXT, RecordChecker, SLUG, stamp, throwIssues, type Labels, type RecordIssue } from './common';
import { FEEDBACK_RESPONSE_KINDS, FEEDBACK_SOURCES, type FeedbackRecord } from './types';

const KINDS = ['individual', 'collective'] as const;

/** The target's field labels per language (the locale's `records.target`). */
export const TARGET_LABELS: Labels = /* @__PURE__ */ (() => ({ vi: vi.records.target, en: en.records.target }))();

/** Checks the `target` object (person or collective) of a feedback record or remediation plan. */
export function checkTarget(c: RecordChecker, record: Record<string, unknown>): void {
  if (!c.present(record, '', 'target') || !c.object(record.target, '/target', ['kind', 'id', 'name'])) return;
  const t = record.target;
  if (c.present(t, '/target', 'kind')) c.oneOf(t.kind, '/target/kind', KINDS);
  if (c.present(t, '/target', 'id')) c.string(t.id, '/target/id', 200);
  if (t.name !== undefined) c.string(t.name, '/target/name');
}

/** Problems in one feedback record; `categories` are the allowed category ids. */
export function checkFeedbackRecord(input: unknown, categories: readonly string[], lang: Lang = 'vi'): Array<{ path: string; code: string; message: string }> {
  const c = new RecordChecker(lang, 'feedback');
  const allowed = ['id', 'source', 'category', 'target', 'unit', 'year', 'date', 'content', 'from', 'response', 'meta'];
  if (!c.object(input, '', allowed)) return c.issues;
  const r = input;
  if (c.present(r, '', 'id')) c.string(r.id, '/id', 200);
  if (c.present(r, '', 'source')) c.oneOf(r.source, '/source', FEEDBACK_SOURCES);
  if (c.present(r, '', 'category') && c.string(r.category, '/category', 80) && !categories.includes(r.category)) {
    c.add('/category', 'unknown-category', c.loc.feedback.unknownCategory(c.label('/category'), r.category, categories));
  }
  checkTarget(c, r);
  if (r.unit !== undefined) c.string(r.unit, '/unit', 200);
  if (r.year !== undefined) c.integer(r.year, '/year', 2000, 2100);
  if (r.date !== undefined) c.date(r.date, '/date');
  // Room for the three text fields of a ref/phieu-gop-y row together.
  if (r.content !== undefined) c.string(r.content, '/content', 4 * MAX_LONG_TEXT);
  if (r.from !== undefined) c.string(r.from, '/from');
  if (r.response !== undefined && c.object(r.response, '/response', ['kind', 'text', 'date', 'by'])) {
    const a = r.response;
    if (c.present(a, '/response', 'kind')) c.oneOf(a.kind, '/response/kind', FEEDBACK_RESPONSE_KINDS);
    if (c.present(a, '/response', 'text')) c.string(a.text, '/response/text', MAX_LONG_TEXT);
    if (a.date !== undefined) c.date(a.date, '/response/date');
    if (a.by !== undefined) c.string(a.by, '/response/by');
  }
  if (r.meta !== undefined) c.meta(r.meta, '/meta');
  return c.issues;
}

/**
 * The category list to use: the default, a full list with its basis, or a bare array of categories (then
 * the list is marked `unverified` with a "host-supplied" citation). Throws `invalid-option` naming every problem.
 */
export function resolveCategories(option: FeedbackCategoryList | readonly FeedbackCategory[] | undefined, lang: Lang = 'vi'): FeedbackCategoryList {
  if (option === undefined) return DEFAULT_FEEDBACK_CATEGORIES;
  const list: unknown = Array.isArray(option)
    ? { id: 'custom', categories: option, citation: { document: 'host-supplied', note: 'category list given by the host system' }, provenance: 'unverified' }
    : option;
  const c = new RecordChecker(lang, 'categoryList');
  if (c.object(list, '', ['id', 'categories', 'citation', 'provenance', 'note'])) {
    if (c.present(list, '', 'id')) c.string(list.id, '/id', 80);
    if (c.present(list, '', 'provenance')) c.oneOf(list.provenance, '/provenance', ['verified', 'single-source', 'legacy', 'unverified']);
    if (c.present(list, '', 'citation') && isRecord(list.citation) && c.present(list.citation, '/citation', 'document')) c.string(list.citation.document, '/citation/document', 200);
    else if (list.citation !== undefined && !isRecord(list.citation)) c.object(list.citation, '/citation', []);
    if (isRecord(list.citation)) c.meta(list.citation, '/citation');
    if (list.note !== undefined) c.meta(list.note, '/note');
    if (c.present(list, '', 'categories')) {
      if (!Array.isArray(list.categories) || list.categories.length === 0 || list.categories.length > 50) {
        c.add('/categories', 'type', c.loc.issues.range(c.label('/categories'), 1, 50));
      } else {
        const seen = new IdSet();
        list.categories.forEach((cat: unknown, i: number) => {
          const path = `/categories/${i}`;
          if (!c.object(cat, path, ['id', 'label'])) return;
          if (c.present(cat, path, 'id') && c.string(cat.id, `${path}/id`, 80)) {
            if (!SLUG.test(cat.id) || FORBIDDEN_KEYS.has(cat.id)) c.add(`${path}/id`, 'bad-id', c.loc.feedback.badId(c.label(`${path}/id`)));
            else {
              const first = seen.add(cat.id, i);
              if (first >= 0) c.add(`${path}/id`, 'duplicate-id', c.loc.issues.duplicateRecord(c.label(`${path}/id`), cat.id, first));
            }
          }
          if (c.present(cat, path, 'label') && c.object(cat.label, `${path}/label`, ['vi', 'en'])) {
            for (const l of ['vi', 'en'] as const) if (c.present(cat.label, `${path}/label`, l)) c.string(cat.label[l], `${path}/label/${l}`, 200);
          }
        });
      }
    }
  }
  if (c.issues.length) throwIssues('invalid-option', c.loc.feedback.list, stamp(c.issues, 0, list));
  const valid = list as FeedbackCategoryList;
  // NFC once, so labels print and compare as the same text whatever the host typed.
  return {
    ...valid,
    categories: valid.categories.map((k) => ({ id: k.id, label: { vi: k.label.vi.normalize('NFC'), en: k.label.en.normalize('NFC') } })),
  };
}

/** Checks a list of feedback records: the valid ones (NFC) and the problems of the rest. */
export function checkFeedback(records: readonly unknown[], categories: FeedbackCategoryList, lang: Lang = 'vi'): { valid: Array<{ index: number; record: FeedbackRecord }>; errors: RecordIssue[] } {
  const ids = categories.categories.map((k) => k.id);
  const loc = locale(lang);
  const valid: Array<{ index: number; record: FeedbackRecord }> = [];
  const errors: RecordIssue[] = [];
  const seen = new IdSet();
  records.forEach((input, index) => {
    const issues = checkFeedbackRecord(input, ids, lang);
    if (issues.length === 0) {
      const record = nfc(input) as FeedbackRecord;
      const first = seen.add(record.id, index);
      if (first >= 0) {
        errors.push(...stamp([duplicateIssue(loc, loc.records.feedback['/id'], record.id, first)], index, input));
        return;
      }
      valid.push({ index, record });
    } else errors.push(...stamp(issues, index, input));
  });
  return { valid, errors };
}

/** A deep copy with every string in NFC (Vietnamese text typed as decomposed characters compares equal). */
export function nfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(nfc) as T;
  // fromEntries defines own properties: even a "__proto__" key could not reach the prototype.
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfc(v)])) as T;
  return value;
}
