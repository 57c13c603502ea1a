/** Public types of @kiemdiem/rules. Field names are a contract: other systems store this JSON. */

export type Lang = 'vi' | 'en';

/** The four quality levels (mức xếp loại chất lượng), highest first. */
export type Level = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV';
export const LEVELS: readonly Level[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];

/**
 * `rated`: the subject has a level. `not-reviewed` / `reviewed-not-rated`: settled by eligibility.
 * `for-decision`: the text hands the case to the competent level ("cấp có thẩm quyền xem xét, quyết định"):
 * the rules give no level, and `Result.decision` says what they would give without the cases handed over.
 */
export type Status = 'rated' | 'not-reviewed' | 'reviewed-not-rated' | 'for-decision';
export const STATUSES: readonly Status[] = ['rated', 'not-reviewed', 'reviewed-not-rated', 'for-decision'];
export type Kind = 'individual' | 'collective';
export type Audience = 'leader' | 'non-leader' | 'outside-system';
/** Audience for individuals, `collective` for collectives: what a rule applies to. */
export type SubjectType = Audience | 'collective';
export const SUBJECT_TYPES: readonly SubjectType[] = ['collective', 'leader', 'non-leader', 'outside-system'];

/** How sure we are of a rule or value (see the domain README). */
export type Provenance = 'verified' | 'single-source' | 'legacy' | 'unverified';

export type DisciplineForm = 'khien-trach' | 'canh-cao' | 'cach-chuc' | 'khai-tru';

/** A criterion grade under QĐ 124 / QĐ 132: xuất sắc, tốt, trung bình, kém. */
export type Grade = 'xuat-sac' | 'tot' | 'trung-binh' | 'kem';
export const GRADES: readonly Grade[] = ['xuat-sac', 'tot', 'trung-binh', 'kem'];

export interface Period {
  year: number;
  /** 1–4; absent for a year-end review. */
  quarter?: number;
}

export interface TaskCounts {
  /** ≥ 1 */
  assigned: number;
  /** ≤ assigned */
  completed: number;
  /** ≤ completed */
  onTime: number;
  /** ≤ completed */
  exceeded: number;
}

export interface Subject {
  id: string;
  kind: Kind;
  /** Individuals only. */
  audience?: Audience;
  period: Period;
  membership?: { admittedOn?: string; exempt?: boolean; suspended?: boolean };
  /** Part B scores: common criteria 0–30, task results 0–70, in steps of 0.5. */
  score?: { common: number; tasks: number };
  tasks?: TaskCounts;
  /** Leaders: the units they directly lead. */
  ledUnits?: TaskCounts;
  shortcomings?: { identified: number; remediated: number };
  discipline?: Array<{
    form: DisciplineForm;
    decidedOn: string;
    selfDetectedAndRemedied?: boolean;
    /**
     * The violation relates to the member's duties, public service ("liên quan đến chức trách, nhiệm vụ trong thực
     * thi công vụ", "liên quan đến hoạt động công vụ"; QĐ 366). Absent: treated as duty-related while the
     * parameter `reading.disciplineDutyRelatedByDefault` says so, and the reason says it was assumed.
     */
    dutyRelated?: boolean;
    /** When the violation happened: one before the period, disciplined in it, is for the competent level to weigh. */
    violationOn?: string;
  }>;
  degradationConcluded?: boolean;
  violatedProhibitions?: boolean;
  /** Quota group (nhóm đối tượng có vị trí, vai trò, chức năng, nhiệm vụ tương đồng). */
  group?: string;
  /** Collectives only. `subUnits` (the number of subordinate units) is needed for "> 20 % disciplined" tests. */
  collective?: {
    subUnitsDisciplined: number;
    /** QĐ 366 leadership collectives: count only members whose discipline the text counts (not a violation at an earlier unit, nor one unrelated to the collective's duties). */
    leadershipMembersDisciplined: number;
    subUnits?: number;
    /** `leadership`: tập thể lãnh đạo, quản lý; `organisation` (default): tổ chức, cơ quan, đơn vị, tổ chức đảng. */
    type?: 'leadership' | 'organisation';
    leadershipMembersDegraded?: number;
    /** Found at fault in cadre work, internal disunity, factionalism, buying posts or power (sai phạm trong công tác cán bộ …). */
    cadreWorkViolation?: boolean;
    /** The collective (or its member) detected the violation itself and remedied it in time. */
    selfDetectedAndRemedied?: boolean;
  };
  /** Collectives: tasks or targets missed for reasons of force majeure (bất khả kháng). */
  forceMajeure?: boolean;
  /** Leaders: the vote of confidence in the year, if one was held. */
  confidenceVote?: { total: number; low: number };
  /** Leaders: the localities, fields, agencies and units they are responsible for, and how many were rated KHTNV. */
  responsibleUnits?: { total: number; ratedKHTNV: number };
  /** Leaders: corruption, waste or negativity in their direct scope, disciplined. */
  corruptionInScope?: boolean;
  /**
   * Leaders: they detected and reported that corruption themselves, had it handled in time and its consequences
   * remedied ("đã chủ động phát hiện, báo cáo và chỉ đạo xử lý kịp thời"): for the competent level to decide.
   */
  corruptionSelfDetectedAndRemedied?: boolean;
  /** Non-leaders and members outside the system: they owned up to the breach of `violatedProhibitions`, detected it and remedied it. */
  prohibitionsSelfDetectedAndRemedied?: boolean;
  /**
   * Criterion grades (QĐ 124, QĐ 132): `tasks` is the task-results criterion, every other key a general
   * criterion, named as the host names it (`chinh-tri`, `tac-phong`, `workStyle`, …).
   */
  grades?: Record<string, Grade>;
  /** The cán bộ/công chức/viên chức rating on the State track; absent for members who are none of these. */
  stateRating?: Level;
  leave?: { sickMonths?: number; maternity?: boolean };
  /**
   * The key targets (chỉ tiêu chủ yếu) of the unit were not met (QĐ 124, HD 21 collectives and leaders); under QĐ 366,
   * the five basic socio-economic targets assigned to the post (growth, budget revenue, public investment
   * disbursed, income per head, poverty reduction).
   */
  keyTargetsMissed?: boolean;
  /** Display fields, carried through untouched. */
  name?: string;
  position?: string;
  unit?: string;
  /** Free host data, carried through untouched. */
  meta?: Record<string, unknown>;
}

/** Where a rule or value comes from in the law. */
export interface Citation {
  /** e.g. "366-QĐ/TW", "43-HD/BTCTW" */
  document: string;
  dieu?: number;
  khoan?: number;
  diem?: string;
  /** Appendix (phụ lục) or section of a guidance, e.g. "5" or "1.1" */
  phuLuc?: string;
  muc?: string;
  note?: string;
}

export type ReasonStage = 'eligibility' | 'force' | 'refer' | 'cap' | 'requirement' | 'fallback' | 'note';

export interface Reason {
  /** Stable rule id, e.g. "htxsnv.tasks-exceeded". */
  rule: string;
  stage: ReasonStage;
  /** The level a requirement belongs to, or the level forced or capped. */
  level?: Level;
  /**
   * `met`/`failed` for requirements; `applied` for eligibility, forcing and cap rules that held;
   * `disabled` for a rule an overlay switched off that would otherwise have held (or failed).
   */
  outcome: 'met' | 'failed' | 'applied' | 'disabled';
  message: string;
  citation: Citation;
  /** The citation as text in the result's language, e.g. "Điều 11 khoản 1 Quy định 366-QĐ/TW". */
  citationText: string;
  provenance: Provenance;
  /** The subject's value of the fact the rule tested, and the value it was compared with. */
  actual?: unknown;
  expected?: unknown;
  /** The overlay (local guidance) that added this rule, set a value it compared with, or switched it off. */
  overlay?: string;
}

/** What the competent level is left to decide (status `for-decision`). */
export interface Decision {
  /**
   * The level the rules give with the cases handed over set aside; null when they give none (a subject who
   * meets no level and no listed case, where `reading.noLevelIsKHTNV` is switched off).
   */
  without: Level | null;
  /** The rules that handed the case over (their reasons are in `reasons`, outcome `applied`). */
  rules: string[];
}

export interface Result {
  id: string;
  regulation: string;
  status: Status;
  level: Level | null;
  /** Status `for-decision` only. */
  decision?: Decision;
  total?: number;
  reasons: Reason[];
  kind: Kind;
  audience?: Audience;
  period: Period;
  group?: string;
  name?: string;
}

export interface QuotaLine {
  group: string;
  regulation: string;
  period: Period;
  /** Subjects rated HTXSNV. */
  excellent: number;
  /** Subjects rated HTTNV. */
  good: number;
  /** round(ratio × good) with the pack's rounding. */
  allowed: number;
  /** Largest k with k ≤ round(ratio × (good + excellent − k)). */
  maxExcellent: number;
  over: boolean;
  ratio: number;
  rounding: Rounding;
  /** Where the ratio comes from. */
  citation: Citation;
  provenance: Provenance;
  /** The overlay (local guidance) that set the ratio or the rounding, if any. */
  overlay?: string;
  /**
   * The group is one the competent level decided has outstanding results (`RateOptions.exceptionalGroups`):
   * its ratio is the pack's exceptional one (QĐ 366: up to 25 %). Absent otherwise.
   */
  exceptional?: true;
}

export type Rounding = 'floor' | 'round-half-up' | 'ceil';

/** An input problem, naming the field by JSON pointer. */
export interface SubjectIssue {
  id?: string;
  index: number;
  /** JSON pointer into the subject, "" for the subject itself. */
  path: string;
  message: string;
  /** Stable machine-readable code, e.g. "out-of-range". */
  code: string;
}

export interface RateOptions {
  /** Rule pack id; without it each subject's period selects the pack. */
  regulation?: string;
  lang?: Lang;
  /** Override parameter values by name (documented in each pack's parameters.json). */
  parameters?: Record<string, unknown>;
  /** Switch rules off by id. */
  disabledRules?: string[];
  /**
   * Overlays (parsed overlay JSON, applied in order) on the pack named by `regulation`, or on the pack
   * the first overlay `extends` when `regulation` is not given.
   */
  overlays?: unknown[];
  /**
   * Quota groups the competent level decided have outstanding results: their HTXSNV quota uses the pack's
   * exceptional ratio (`quota.ratio.exceptional`, QĐ 366 Điều 11 khoản 1: up to 25 % of HTTNV).
   */
  exceptionalGroups?: string[];
  /** Advanced: rate with a pack already loaded (e.g. by `loadPack` or `applyOverlay`); wins over `regulation`. */
  pack?: import('./pack/types').Pack;
  /**
   * `compiled` (default): the pack's rules compiled to synchronous closures, no eval, the same decisions as
   * `reference`: json-rules-engine itself, kept as the yardstick (see the differential tests).
   */
  engine?: Engine;
  /**
   * `false`: status and level only, `reasons` left empty. The compiled engine is then asked rule by rule
   * and the rating stops at the first rule that settles it (several times faster), for counts at national
   * scale and interactive what-if. Default `true`.
   */
  reasons?: boolean;
}

export type Engine = 'compiled' | 'reference';
export const ENGINES: readonly Engine[] = ['compiled', 'reference'];

export interface RateManyOutput {
  results: Result[];
  quota: QuotaLine[];
  errors: SubjectIssue[];
}

export type Localized = { vi: string; en: string };

export interface RegulationSummary {
  id: string;
  number: string;
  title: Localized;
  issuer: Localized;
  signedOn: string;
  effective: { from: string; to: string | null };
  replaces: string[];
}
