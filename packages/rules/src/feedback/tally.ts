/**
 * tallyFeedback(records): how many comments per category, per person or collective concerned, per source,
 * and how many have been answered (taken on board or explained). Invalid records are reported in `errors`
 * and left out of the counts, as rateMany does with invalid subjects: every input record is accounted for.
 */
import { badArgument, isObject, optionsOf } from '../args';
import { langOf, locale } from '../locales';
import type { Citation, Kind, Lang, Provenance } from '../types';
import type { FeedbackCategory, FeedbackCategoryList } from './categories';
import { KiemdiemError } from '../errors';
import { PERCENT_RULE, percentOf, type PercentRule, type RecordIssue } from './common';
import { FEEDBACK_RESPONSE_KINDS, FEEDBACK_SOURCES, type FeedbackRecord, type FeedbackResponseKind, type FeedbackSource } from './types';
import { checkFeedback, resolveCategories } from './validate';

export interface FeedbackTallyOptions {
  /** The category list (default DEFAULT_FEEDBACK_CATEGORIES): a full list with its basis, or a bare array of categories. */
  categories?: FeedbackCategoryList | readonly FeedbackCategory[];
  /** Language of labels and messages; default vi. */
  lang?: Lang;
}

export interface CategoryCount {
  id: string;
  label: string;
  count: number;
  answered: number;
  unanswered: number;
  /** Share of all counted comments (see `percent`). */
  percent: number | null;
}

export interface TargetCount {
  kind: Kind;
  id: string;
  name?: string;
  count: number;
  answered: number;
  unanswered: number;
  /** Comments per category id, every category present (0 when none). */
  byCategory: Record<string, number>;
}

/** The category list used, with its basis, so a reader sees the categories are a local-practice default. */
export interface CategoryBasis {
  id: string;
  categories: Array<{ id: string; label: string }>;
  citation: Citation;
  citationText: string;
  provenance: Provenance;
  note?: string;
}

export interface FeedbackTally {
  total: number;
  answered: number;
  unanswered: number;
  percentAnswered: number | null;
  byCategory: CategoryCount[];
  /** In the order each target first appears. */
  byTarget: TargetCount[];
  bySource: Record<FeedbackSource, number>;
  byResponse: Record<FeedbackResponseKind, number>;
  categories: CategoryBasis;
  /** Percentages: of all counted comments, one decimal, half rounded up. */
  percent: PercentRule & { base: 'total' };
  accounted: { records: number; counted: number; invalid: number };
  errors: RecordIssue[];
}

export function categoryBasis(list: FeedbackCategoryList, lang: Lang): CategoryBasis {
  return {
    id: list.id,
    categories: list.categories.map((k) => ({ id: k.id, label: k.label[lang] })),
    citation: list.citation,
    citationText: locale(lang).citation(list.citation),
    provenance: list.provenance,
    ...(list.note ? { note: list.note[lang] } : {}),
  };
}

/** Counts of comments per category, from zero: the plain-object form used in JSON output. */
export function zeroCounts(list: FeedbackCategoryList): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of list.categories) out[k.id] = 0;
  return out;
}

/** Counts valid records that were already checked (the roll-up reuses this). */
export function countFeedback(records: readonly FeedbackRecord[], list: FeedbackCategoryList, lang: Lang): Omit<FeedbackTally, 'accounted' | 'errors'> {
  const byCategory = new Map(list.categories.map((k) => [k.id, { id: k.id, label: k.label[lang], count: 0, answered: 0, unanswered: 0, percent: null as number | null }]));
  const byTarget = new Map<string, TargetCount>();
  const bySource = Object.fromEntries(FEEDBACK_SOURCES.map((s) => [s, 0])) as Record<FeedbackSource, number>;
  const byResponse = Object.fromEntries(FEEDBACK_RESPONSE_KINDS.map((s) => [s, 0])) as Record<FeedbackResponseKind, number>;
  let answered = 0;
  for (const r of records) {
    const done = r.response !== undefined;
    if (done) {
      answered += 1;
      byResponse[r.response!.kind] += 1;
    }
    const cat = byCategory.get(r.category);
    if (!cat) throw new KiemdiemError('invalid-subject', `category "${r.category}"`); // checked before: a bug if reached
    cat.count += 1;
    if (done) cat.answered += 1;
    else cat.unanswered += 1;
    bySource[r.source] += 1;
    // Kind and id together: a person and a collective may share an id string.
    const key = `${r.target.kind}\u0000${r.target.id}`;
    let t = byTarget.get(key);
    if (!t) {
      t = { kind: r.target.kind, id: r.target.id, count: 0, answered: 0, unanswered: 0, byCategory: zeroCounts(list) };
      byTarget.set(key, t);
    }
    if (t.name === undefined && r.target.name !== undefined) t.name = r.target.name;
    t.count += 1;
    if (done) t.answered += 1;
    else t.unanswered += 1;
    t.byCategory[r.category] = (t.byCategory[r.category] ?? 0) + 1;
  }
  const total = records.length;
  for (const cat of byCategory.values()) cat.percent = percentOf(cat.count, total);
  return {
    total,
    answered,
    unanswered: total - answered,
    percentAnswered: percentOf(answered, total),
    byCategory: [...byCategory.values()],
    byTarget: [...byTarget.values()].map((t) => (t.name === undefined ? t : { kind: t.kind, id: t.id, name: t.name, count: t.count, answered: t.answered, unanswered: t.unanswered, byCategory: t.byCategory })),
    bySource,
    byResponse,
    categories: categoryBasis(list, lang),
    percent: { ...PERCENT_RULE, base: 'total' },
  };
}

/**
 * Tallies feedback records. `records` may come straight from a JSON file: each is checked, problems go to
 * `errors` (vi by default, en on request, each naming the field path) and the record is not counted.
 * Throws `invalid-option` only for a malformed category list.
 */
export function tallyFeedback(records: readonly unknown[], options: FeedbackTallyOptions | null = {}): FeedbackTally {
  options = optionsOf(options);
  const lang = langOf(options.lang);
  const loc = locale(lang);
  if (!Array.isArray(records)) throw new KiemdiemError('invalid-subject', loc.issues.notArray(loc.feedback.recordsName));
  const list = resolveCategories(options.categories, lang);
  const { valid, errors } = checkFeedback(records, list, lang);
  const counted = countFeedback(
    valid.map((v) => v.record),
    list,
    lang,
  );
  return { ...counted, accounted: { records: records.length, counted: valid.length, invalid: records.length - valid.length }, errors };
}
