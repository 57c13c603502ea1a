/** Roll-up statistics over a hierarchy of party units. Field names are a contract: other systems store this JSON. */
import type { CategoryBasis } from '../feedback/tally';
import { localized } from '../locales';
import type { PercentRule, RecordIssue } from '../feedback/common';
import type { Audience, Kind, Level, Localized, Period, Provenance, QuotaLine, Result, Rounding, Citation, SubjectIssue } from '../types';

/**
 * Levels of party organisation a unit can be, lowest first, following the chain of the roll-up (chi bộ →
 * đảng bộ cơ sở → huyện/khối → tỉnh) and the "lower levels before upper levels" order of QĐ 366 Điều 12
 * khoản 2 [V]:
 * - `chi-bo`: chi bộ (a cell under a đảng bộ, or a chi bộ cơ sở directly under the level above);
 * - `dang-bo-bo-phan`: đảng bộ bộ phận, between a đảng bộ cơ sở and its chi bộ;
 * - `dang-bo-co-so`: đảng bộ cơ sở (grassroots party committee);
 * - `huyen`: đảng bộ huyện, quận, thị xã, thành phố thuộc tỉnh (the level directly above grassroots);
 * - `khoi`: đảng bộ khối (e.g. Đảng bộ Khối các cơ quan tỉnh, seed article 003), on the same rank as `huyen`;
 * - `tinh`: đảng bộ tỉnh, thành phố trực thuộc Trung ương.
 * A unit's parent must be of a higher rank (UNIT_LEVEL_RANK).
 */
export type UnitLevel = 'chi-bo' | 'dang-bo-bo-phan' | 'dang-bo-co-so' | 'huyen' | 'khoi' | 'tinh';
export const UNIT_LEVELS: readonly UnitLevel[] = ['chi-bo', 'dang-bo-bo-phan', 'dang-bo-co-so', 'huyen', 'khoi', 'tinh'];
export const UNIT_LEVEL_RANK: Record<UnitLevel, number> = { 'chi-bo': 1, 'dang-bo-bo-phan': 2, 'dang-bo-co-so': 3, huyen: 4, khoi: 4, tinh: 5 };
/**
 * Where the level chain comes from: the ids and ranks are this SDK's; the bottom-up order matches QĐ 366
 * Điều 12 khoản 2 ("cấp dưới trước, cấp trên sau") [V, templates-and-format.md §0.2]. `dang-bo-bo-phan` and
 * `khoi` beside `huyen` are common organisation, not read in the sources here: a documented default.
 */
export const UNIT_LEVELS_BASIS: { citation: Citation; provenance: Provenance } = {
  citation: { document: '366-QĐ/TW', dieu: 12, khoan: 2, note: 'lower levels are rated before upper levels; the level ids and ranks are the SDK’s' },
  provenance: 'unverified',
};
/** The level names in both languages (the locales' `unitLevels`). */
export const UNIT_LEVEL_LABELS: Record<UnitLevel, Localized> = /* @__PURE__ */ (() =>
  Object.fromEntries(UNIT_LEVELS.map((level) => [level, localized((loc) => loc.unitLevels[level])])) as Record<UnitLevel, Localized>)();

export interface HierarchyUnit {
  id: string;
  name: string;
  level: UnitLevel;
  /** The unit directly above; absent or null for a top unit (several top units are allowed). */
  parent?: string | null;
  /** Ids of the subjects (members and the unit's own collective) that belong here, for results without `unit`. */
  members?: string[];
  /** Free host data, carried through untouched. */
  meta?: Record<string, unknown>;
}

/** A list of units, or `{ units }` (the form of the CLI's --hierarchy file). */
export type HierarchyInput = readonly HierarchyUnit[] | { units: readonly HierarchyUnit[] };

/** A rating result with the id of the unit it belongs to (rateMany results do not carry one). */
export type RollupResult = Result & { unit?: string };

/** rateMany output (its quota lines give the ratio; its errors count the subjects that could not be rated), or just results. */
export type RollupInput = readonly RollupResult[] | { results: readonly RollupResult[]; quota?: readonly QuotaLine[]; errors?: readonly SubjectIssue[] | readonly unknown[] };

export interface LevelTally {
  /** Results counted, whatever their status: rated + forDecision + reviewedNotRated + notReviewed. */
  total: number;
  /** Status `rated`: the subjects with a level, the base of `percent`. */
  rated: number;
  /**
   * Status `for-decision`: reviewed, but the text hands the level to the competent level (QĐ 366 Điều 11
   * khoản 4). In no level, not in `rated` (they have no level yet, so no share of one), counted beside them.
   */
  forDecision: number;
  reviewedNotRated: number;
  notReviewed: number;
  levels: Record<Level, number>;
  /**
   * Share of `rated` per level, one decimal, half rounded up; null when nobody was rated. Subjects left to the
   * competent level are outside the base: the shares of the levels given add up to 100 %.
   */
  percent: Record<Level, number | null>;
}

export interface UnitCounts {
  /** Members and collectives together. */
  all: LevelTally;
  /** Party members (kind individual). */
  members: LevelTally;
  /** Party organisations and leadership collectives (kind collective). */
  collectives: LevelTally;
  /** Members by audience (2A leaders, 2B non-leaders, 2C outside the political system). */
  byAudience: Record<Audience, LevelTally>;
}

export interface PlanShare {
  /** Reviewed subjects of this kind that have at least one remediation plan. */
  withPlan: number;
  /** Reviewed subjects of this kind (status rated, for-decision or reviewed-not-rated). */
  total: number;
  percent: number | null;
}

/** The counts the higher committee reports: "62/74 tập thể … 294/308 đồng chí xây dựng kế hoạch" (seed article 003). */
export interface RemediationCounts {
  collectives: PlanShare;
  members: PlanShare;
  /** Plans placed in the unit. */
  plans: number;
  /** Plans whose every item carries a status (the plan has been reported on). */
  reported: number;
  items: { total: number; remedied: number; inProgress: number; notRemedied: number; unreported: number; percentRemedied: number | null };
}

export interface FeedbackCounts {
  total: number;
  answered: number;
  unanswered: number;
  /** Comments per category id (every category of the list, 0 when none). */
  byCategory: Record<string, number>;
}

export interface UnitRollup {
  id: string;
  name: string;
  level: UnitLevel;
  parent: string | null;
  /** 0 for a top unit. */
  depth: number;
  /** Ids from the top unit down to the parent. */
  ancestors: string[];
  children: string[];
  /** Results placed in this unit itself. */
  own: UnitCounts;
  /** This unit and every unit below it. */
  cumulative: UnitCounts;
  /** HTXSNV quota per group over the cumulative results (see RollupOutput.quotaNote). */
  quota: QuotaLine[];
  remediation?: { own: RemediationCounts; cumulative: RemediationCounts };
  feedback?: { own: FeedbackCounts; cumulative: FeedbackCounts };
}

export type UnplacedReason = 'no-unit' | 'unknown-unit';

/** An input record that could not be placed in the hierarchy: reported here, counted in `totals`, never dropped silently. */
export interface UnplacedRecord {
  index: number;
  id?: string;
  kind?: Kind;
  /** The unit id it named, null when it named none. */
  unit: string | null;
  reason: UnplacedReason;
}

export type RollupSource = 'results' | 'remediation' | 'feedback';

export interface RollupIssue extends RecordIssue {
  source: RollupSource;
}

export interface Accounting {
  /** Records given. */
  input: number;
  /** Counted in a unit. */
  placed: number;
  /** Valid but in no unit of the hierarchy (see `unplaced`). */
  unplaced: number;
  /** Left out for a problem (see `errors`). */
  invalid: number;
}

export interface RollupOutput {
  /** The review period the results are for. */
  period: Period | null;
  /** Rule packs (with overlays) the counted results were rated under, in first-seen order. */
  regulations: string[];
  /** Every unit, top units first, each followed by its subtree (children in input order). */
  units: UnitRollup[];
  roots: string[];
  /** All valid results, placed or not. */
  totals: UnitCounts;
  accounted: {
    results: Accounting;
    /** Subjects rateMany could not rate (distinct indexes of its `errors`): in no result at all. */
    subjectsNotRated: number;
    remediation?: Accounting;
    feedback?: Accounting;
  };
  unplaced: { results: UnplacedRecord[]; remediation: UnplacedRecord[]; feedback: UnplacedRecord[] };
  /** Subject ids a unit lists in `members` that have no result. */
  membersWithoutResult: Array<{ unit: string; id: string }>;
  errors: RollupIssue[];
  /** Percentages: of those rated (levels), of the reviewed (plans), of all comments (feedback). */
  percent: PercentRule;
  /** Where the quota ratio and rounding of each line come from. */
  quotaNote: Localized;
  /** Groups whose quota could not be computed (an overlay pack without quota lines in the input). */
  quotaUnavailable: Array<{ group: string; regulation: string }>;
  remediation?: { totals: RemediationCounts };
  feedback?: { categories: CategoryBasis; totals: FeedbackCounts };
}

export interface RollupOptions {
  lang?: import('../types').Lang;
  /** The period to roll up; default: the first valid result's. Results of other periods are reported in `errors`. */
  period?: Period;
  /**
   * Subject id → unit id, for results without `unit`. A result placed in different units by its `unit`, this
   * map and the hierarchy's `members` is an error (`unit-conflict`), not a silent choice.
   */
  units?: Record<string, string>;
  /** Remediation plans (after the review of the period): counts per unit as in the seeds. */
  remediation?: readonly unknown[];
  /** Feedback records: counts per unit and category. */
  feedback?: readonly unknown[];
  feedbackCategories?: import('../feedback/categories').FeedbackCategoryList | readonly import('../feedback/categories').FeedbackCategory[];
  /** Overrides the quota ratio and rounding for every group (default: the input's quota lines, else the pack's parameters). */
  quota?: { ratio: number; rounding: Rounding; citation?: Citation; provenance?: Provenance };
}
