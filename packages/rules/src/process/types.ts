/** A review plan (kế hoạch kiểm điểm) and what checking it returns. Field names are a contract: hosts store this JSON. */
import type { Pack, ProcessCheck } from '../pack/types';
import type { Citation, Lang, Provenance } from '../types';
import type { PlanPersonRole, PlanUnitKind, PlanUnitLevel } from './checks';
import type { WorkingCalendar } from './working-days';

export interface ReviewPlan {
  /** The review year (kỳ kiểm điểm cuối năm); picks the rule pack and the deadlines. */
  year: number;
  /** Rule pack id; without it the year picks the pack in force on 31/12. */
  regulation?: string;
  name?: string;
  units: PlanUnit[];
  meetings: PlanMeeting[];
  /** Documents sent before meetings: the draft collective report (dự thảo báo cáo kiểm điểm tập thể) and others. */
  documents?: PlanDocument[];
  /** Review and rating files sent to the level above (gửi hồ sơ lên cấp trên). */
  filesUpward?: PlanFiling[];
  /** Extra days off and make-up working days for this plan, on top of the calendar (e.g. the year's Tết schedule). */
  calendar?: { holidays?: string[]; workingDays?: string[] };
  /** Free host data, carried through untouched. */
  meta?: Record<string, unknown>;
}

export interface PlanUnit {
  id: string;
  name: string;
  level: PlanUnitLevel;
  kind: PlanUnitKind;
  /**
   * For a party organisation, the party organisation directly above it; for a government, specialist or
   * mass-organisation collective, the party organisation that leads it (and that reviews after it).
   */
  parent?: string;
  /** A special-case body (cơ quan, đơn vị đặc thù) that finishes by the special deadline (HD 43: 15/01). */
  special?: boolean;
}

export interface PlanMeeting {
  id: string;
  /** The unit holding the review conference. */
  unit: string;
  /** The (first) day, YYYY-MM-DD. */
  date: string;
  /** The last day of a meeting over several days. */
  endDate?: string;
  /** HH:MM on a one-day meeting: with `end`, the meeting's length in hours. */
  start?: string;
  end?: string;
  /** The length in days, when the plan states it (wins over dates and times). */
  days?: number;
  /** Ids of the people attending (thành viên hội nghị): the draft report goes to each of them. */
  attendees?: string[];
  /** The reviews, in the order they happen. */
  reviews: PlanReview[];
  title?: string;
}

export type PlanReview = PlanCollectiveReview | PlanIndividualReview;

export interface PlanCollectiveReview {
  type: 'collective';
  /** The unit whose collective is reviewed; the meeting's unit when absent. */
  unit?: string;
  name?: string;
}

export interface PlanIndividualReview {
  type: 'individual';
  /** A stable id for the person, the same in every unit where they review. */
  person: string;
  role: PlanPersonRole;
  name?: string;
  position?: string;
}

export const PLAN_DOCUMENT_KINDS = ['draft-report', 'self-review', 'review-prompt', 'feedback-request', 'other'] as const;
export type PlanDocumentKind = (typeof PLAN_DOCUMENT_KINDS)[number];

export interface PlanDocument {
  id?: string;
  /** The meeting the document is for. */
  meeting: string;
  kind: PlanDocumentKind;
  sentOn: string;
  /** Ids of the people it went to; every attendee of the meeting when absent. */
  recipients?: string[];
  title?: string;
}

export interface PlanFiling {
  unit: string;
  sentOn: string;
  /** Where the files go (a unit id or a name). */
  to?: string;
  documents?: string[];
}

interface FindingBase {
  /** `error` fails the plan; `warning` is a breach of an unverified default or a limit of the check. */
  severity: 'error' | 'warning';
  message: string;
  /** JSON pointer into the plan: the element the finding is about. */
  path: string;
  unit?: string;
  meeting?: string;
  /** Index of the review in the meeting's `reviews`. */
  review?: number;
  /** The person or unit the finding is about. */
  subject?: string;
}

/** A breach of a process rule, with the rule's (or the deadline parameter's) citation and provenance. */
export interface PlanRuleFinding extends FindingBase {
  kind: 'rule';
  code: ProcessCheck;
  /** The pack's rule id, e.g. "process.head-first". */
  rule: string;
  citation: Citation;
  /** The citation as text in the result's language. */
  citationText: string;
  provenance: Provenance;
  actual?: unknown;
  expected?: unknown;
  /** The overlay (local guidance) that set the value the plan was checked against. */
  overlay?: string;
}

/** The plan itself is malformed (field named by `path`), or a check could not be complete. */
export interface PlanShapeFinding extends FindingBase {
  kind: 'shape';
  /** e.g. "required", "bad-date", "unknown-unit", "duplicate-id", "calendar-not-covered". */
  code: string;
}

export type PlanFinding = PlanRuleFinding | PlanShapeFinding;

export interface CheckPlanResult {
  /** No finding of severity `error`. */
  ok: boolean;
  findings: PlanFinding[];
  /** The pack the plan was checked against (`base+overlay…` with overlays); absent when the plan is malformed. */
  regulation?: string;
  year?: number;
}

export interface CheckPlanOptions {
  /** Rule pack id; wins over the plan's `regulation` and its year. */
  regulation?: string;
  lang?: Lang;
  /** Overlays (parsed JSON, applied in order): a province's deadlines and switched-off rules. */
  overlays?: unknown[];
  /** Advanced: a pack already loaded (with overlays); wins over `regulation`. */
  pack?: Pack;
  /** Override parameter values by name, e.g. { "process.drafts.minWorkingDays": 5 }. */
  parameters?: Record<string, unknown>;
  /** Switch process rules off by id, e.g. ["process.meeting-length"]. */
  disabledRules?: string[];
  /** Replaces the default calendar (Vietnamese public holidays); the plan's own `calendar` still extends it. */
  calendar?: WorkingCalendar;
}
