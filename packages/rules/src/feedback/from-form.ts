/**
 * A filled `ref/phieu-gop-y` document (reference form of @kiemdiem/forms) as feedback records: one record per
 * row of "Nội dung góp ý", its `area` as the category, the strengths, shortcomings and requests to clarify as
 * the content. The form names its target by name only, so the caller gives the target's subject id.
 */
import { badArgument, isObj, optionsOf } from '../args';
import { langOf, locale } from '../locales';
import type { Lang } from '../types';
import { isRecord, throwIssues } from './common';
import { DEFAULT_FEEDBACK_CATEGORIES, type FeedbackCategory, type FeedbackCategoryList } from './categories';
import type { FeedbackRecord, FeedbackSource, RecordTarget } from './types';
import { checkFeedback, resolveCategories } from './validate';

export interface FeedbackFromFormOptions {
  /** Record ids are `${id}-1`, `${id}-2`, … in row order. */
  id: string;
  /** The collective or person the form comments on (kind and subject id; the name defaults to the form's). */
  target: Omit<RecordTarget, 'name'> & { name?: string };
  source?: FeedbackSource;
  unit?: string;
  categories?: FeedbackCategoryList | readonly FeedbackCategory[];
  lang?: Lang;
}

export function feedbackFromForm(document: unknown, options: FeedbackFromFormOptions | null): FeedbackRecord[] {
  options = optionsOf(options);
  if (!isObj(options.target)) throw badArgument('options.target', 'object');
  const lang = langOf(options.lang);
  const parts = locale(lang).feedback.parts;
  const list = options.categories === undefined ? DEFAULT_FEEDBACK_CATEGORIES : resolveCategories(options.categories, lang);
  const doc = isRecord(document) ? document : {};
  const header = isRecord(doc.header) ? doc.header : {};
  const target = isRecord(doc.target) ? doc.target : {};
  const giver = isRecord(doc.giver) ? doc.giver : {};
  const rows = Array.isArray(doc.items) ? doc.items : [];
  const name = options.target.name ?? (typeof target.name === 'string' ? target.name : undefined);
  const records = rows.map((row, i) => {
    const r = isRecord(row) ? row : {};
    const content = (['strengths', 'shortcomings', 'clarify'] as const)
      .filter((k) => typeof r[k] === 'string' && (r[k] as string).trim() !== '')
      .map((k) => `${parts[k]}: ${r[k] as string}`)
      .join('\n');
    return {
      id: `${options.id}-${i + 1}`,
      source: options.source ?? 'phieu-gop-y',
      category: r.area,
      target: { kind: options.target.kind, id: options.target.id, ...(name !== undefined ? { name } : {}) },
      ...(options.unit !== undefined ? { unit: options.unit } : {}),
      ...(typeof header.year === 'number' ? { year: header.year } : {}),
      ...(typeof header.date === 'string' ? { date: header.date } : {}),
      ...(content ? { content } : {}),
      ...(typeof giver.name === 'string' && giver.name.trim() !== '' ? { from: giver.name } : {}),
    };
  });
  const { valid, errors } = checkFeedback(records, list, lang);
  if (errors.length) throwIssues('invalid-subject', 'ref/phieu-gop-y', errors);
  return valid.map((v) => v.record);
}
