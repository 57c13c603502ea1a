/**
 * From remediation plans to what the rating and the next review need:
 * - remediationStatus: how many items are đã / đang / chưa khắc phục, and whether 100 % are remedied;
 * - shortcomingsFromPlans / withRemediation: the Subject field `shortcomings: { identified, remediated }`
 *   that the QĐ 366 rule `htxsnv.shortcomings-remedied` tests ("Đã khắc phục 100% các hạn chế, khuyết
 *   điểm…", Điều 11 khoản 1, fact `shortcomings.remediatedShare`); the same mapping as @kiemdiem/forms
 *   toSubject uses for section III rows (identified = rows, remediated = rows "đã khắc phục");
 * - sectionIIIRows: the rows of section III of next year's form.
 * Rule semantics are untouched: these only fill the input the packs already read.
 */
import { badArgument, isObj, optionsOf } from '../args';
import { langOf, locale } from '../locales';
import type { Citation, Lang, Provenance, Subject } from '../types';
import { percentOf, throwIssues } from '../feedback/common';
import type { RemediationPlan, RemediationState, SectionIIIRow } from './types';
import { checkPlans } from './validate';

export interface RemediationStatus {
  /** Plans counted. */
  plans: number;
  items: number;
  remedied: number;
  inProgress: number;
  notRemedied: number;
  /** Items without a status yet: counted as not remedied. */
  unreported: number;
  /** remedied / items, 1 when there are no items (nothing left to remedy, as the rating facts read it). */
  remediedShare: number;
  /** remedied / items in percent, one decimal, half up; null when there are no items. */
  percentRemedied: number | null;
  /** Every item remedied: the "100 %" condition of QĐ 366 Điều 11 khoản 1 for HTXSNV. */
  complete: boolean;
  /** The Subject field the rule packs read. */
  shortcomings: { identified: number; remediated: number };
  citation: Citation;
  provenance: Provenance;
}

/** QĐ 366 Điều 11 khoản 1: HTXSNV needs 100 % of earlier shortcomings remedied (whose shortcomings: the sentence's end is unread). */
export const REMEDIED_CONDITION: { citation: Citation; provenance: Provenance } = {
  citation: { document: '366-QĐ/TW', dieu: 11, khoan: 1, note: '"Đã khắc phục 100% các hạn chế, khuyết điểm…": the end of the sentence (pointed out by whom) is unverified' },
  provenance: 'verified',
};

/**
 * How many years of earlier plans feed a review: a documented parameter, not law. Section III covers
 * shortcomings "đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước" (HD 43 forms,
 * section A.III) [V for the heading]; how far back is not stated. Default 1: the plan made after the
 * previous year's review, whose statuses carry older items forward (templates-and-format.md §1.4: "the
 * statuses then feed section III of next year's form") [U].
 */
export const REMEDIATION_LOOKBACK: { value: number; citation: Citation; provenance: Provenance } = {
  value: 1,
  citation: { document: '43-HD/BTCTW', muc: 'A.III', note: 'mẫu 01, 2A, 2B, 2C: "các kỳ kiểm điểm trước"; how many earlier reviews is not stated' },
  provenance: 'unverified',
};

function asList(plans: RemediationPlan | readonly RemediationPlan[]): readonly unknown[] {
  return Array.isArray(plans) ? plans : [plans];
}

/** Checked plans, or `invalid-subject` naming every problem (vi by default). */
function checked(plans: RemediationPlan | readonly RemediationPlan[], requested: Lang | undefined): RemediationPlan[] {
  const lang = langOf(requested);
  const { valid, errors } = checkPlans(asList(plans), lang);
  if (errors.length) throwIssues('invalid-subject', locale(lang).remediation.what, errors);
  return valid.map((v) => v.plan);
}

function stateOf(status: RemediationState | undefined): RemediationState {
  return status ?? 'chua-khac-phuc';
}

/** Counts of one or more (already valid) plans. */
export function countItems(plans: readonly RemediationPlan[]): Omit<RemediationStatus, 'citation' | 'provenance'> {
  let items = 0;
  let remedied = 0;
  let inProgress = 0;
  let unreported = 0;
  for (const p of plans)
    for (const item of p.items) {
      items += 1;
      if (item.status === undefined) unreported += 1;
      const s = stateOf(item.status);
      if (s === 'da-khac-phuc') remedied += 1;
      else if (s === 'dang-khac-phuc') inProgress += 1;
    }
  return {
    plans: plans.length,
    items,
    remedied,
    inProgress,
    notRemedied: items - remedied - inProgress,
    unreported,
    remediedShare: items === 0 ? 1 : remedied / items,
    percentRemedied: percentOf(remedied, items),
    complete: remedied === items,
    shortcomings: { identified: items, remediated: remedied },
  };
}

/** The state of one plan (or several: their items together). Throws `invalid-subject` for a malformed plan. */
export function remediationStatus(plans: RemediationPlan | readonly RemediationPlan[], options: { lang?: Lang } | null = {}): RemediationStatus {
  options = optionsOf(options);
  const list = checked(plans, options.lang);
  return { ...countItems(list), ...REMEDIED_CONDITION };
}

/** `shortcomings: { identified, remediated }` from plans: identified = items, remediated = items "đã khắc phục". */
export function shortcomingsFromPlans(plans: RemediationPlan | readonly RemediationPlan[], options: { lang?: Lang } | null = {}): { identified: number; remediated: number } {
  options = optionsOf(options);
  return countItems(checked(plans, options.lang)).shortcomings;
}

export interface WithRemediationOptions {
  /** Years of earlier plans to use (default REMEDIATION_LOOKBACK.value = 1: the previous year's plan). */
  lookbackYears?: number;
  lang?: Lang;
}

/** The plans that feed a review of `subject`: same target kind and id, year in [Y − lookback, Y − 1]. */
export function plansFor(subject: Pick<Subject, 'id' | 'kind' | 'period'>, plans: readonly RemediationPlan[], lookbackYears = REMEDIATION_LOOKBACK.value): RemediationPlan[] {
  if (!isObj(subject) || !isObj(subject.period)) throw badArgument('subject', 'object');
  if (!Array.isArray(plans)) throw badArgument('plans', 'array');
  const y = subject.period.year;
  return plans.filter((p) => p.target.id === subject.id && p.target.kind === subject.kind && p.year < y && p.year >= y - lookbackYears);
}

/**
 * The subject with `shortcomings` taken from its earlier plans (see plansFor), ready for rate/rateMany:
 * a subject with no matching plan is returned unchanged. Plans replace a `shortcomings` the subject had.
 */
export function withRemediation<S extends Pick<Subject, 'id' | 'kind' | 'period'> & { shortcomings?: Subject['shortcomings'] }>(
  subject: S,
  plans: readonly RemediationPlan[],
  options: WithRemediationOptions | null = {},
): S {
  options = optionsOf(options);
  const lookback = options.lookbackYears ?? REMEDIATION_LOOKBACK.value;
  if (!Number.isInteger(lookback) || lookback < 1 || lookback > 50) throwIssues('invalid-option', 'lookbackYears', [{ index: 0, path: '', code: 'out-of-range', message: `lookbackYears: ${String(lookback)} (1–50)` }]);
  const mine = plansFor(subject, checked(plans, options.lang), lookback);
  if (mine.length === 0) return subject;
  return { ...subject, shortcomings: countItems(mine).shortcomings };
}

/**
 * Section III rows for next year's form, one per item in plan order: the shortcoming, its status (an item
 * not yet reported on is "chưa khắc phục": the person edits the prefilled row), and the extent,
 * obstacles and responsibility when the plan has them.
 */
export function sectionIIIRows(plans: RemediationPlan | readonly RemediationPlan[], options: { lang?: Lang } | null = {}): SectionIIIRow[] {
  options = optionsOf(options);
  const rows: SectionIIIRow[] = [];
  for (const p of checked(plans, options.lang))
    for (const item of p.items) {
      const row: SectionIIIRow = { limitation: item.shortcoming, status: stateOf(item.status) };
      if (item.extent !== undefined) row.extent = item.extent;
      if (item.obstacles !== undefined) row.obstacles = item.obstacles;
      if (item.responsibility !== undefined) row.responsibility = item.responsibility;
      rows.push(row);
    }
  return rows;
}
