/**
 * The review-process checks a pack's `process-rules` files can name, the unit levels they know, and the
 * parameters each check reads. Data only: the pack loader imports it to cross-check pack files.
 */
import type { ProcessCheck } from '../pack/types';

/**
 * Party levels, lowest first: the same ids as the roll-up hierarchy's levels, plus `trung-uong`. A government,
 * specialist or mass-organisation collective takes the level of the party organisation that leads it.
 */
export const PLAN_UNIT_LEVELS = ['chi-bo', 'dang-bo-bo-phan', 'dang-bo-co-so', 'huyen', 'khoi', 'tinh', 'trung-uong'] as const;
export type PlanUnitLevel = (typeof PLAN_UNIT_LEVELS)[number];

/** Party organisations (cấp ủy, tổ chức đảng), and the leadership collectives of government, specialist bodies and mass organisations. */
export const PLAN_UNIT_KINDS = ['party', 'government', 'specialist', 'mass-organisation'] as const;
export type PlanUnitKind = (typeof PLAN_UNIT_KINDS)[number];

/** A reviewed person's place in the unit: the head (bí thư, thủ trưởng), a deputy, or any other member. */
export const PLAN_PERSON_ROLES = ['head', 'deputy', 'member'] as const;
export type PlanPersonRole = (typeof PLAN_PERSON_ROLES)[number];

export const PROCESS_CHECKS: readonly ProcessCheck[] = [
  'collective-before-individuals',
  'head-first',
  'government-collectives-first',
  'lower-level-first',
  'chi-bo-first',
  'drafts-3-working-days',
  'meeting-length',
  'finish-by',
  'files-upward-by',
];

/** Parameter names the checks read. */
export const PARAM = {
  finishBy: (level: PlanUnitLevel) => `process.finishBy.${level}`,
  finishBySpecial: 'process.finishBy.dac-biet',
  filesUpwardBy: 'process.filesUpwardBy',
  inclusive: 'process.deadlines.inclusive',
  draftsMinWorkingDays: 'process.drafts.minWorkingDays',
  meetingMinDays: (level: PlanUnitLevel) => `process.meeting.minDays.${level}`,
  hoursPerDay: 'process.meeting.hoursPerDay',
} as const;

/** The parameters a check needs: a process rule must list them and the pack must define them. */
export const CHECK_PARAMETERS: Readonly<Record<ProcessCheck, readonly string[]>> = {
  'collective-before-individuals': [],
  'head-first': [],
  'government-collectives-first': [],
  'lower-level-first': [],
  'chi-bo-first': [],
  'drafts-3-working-days': [PARAM.draftsMinWorkingDays],
  'meeting-length': [...PLAN_UNIT_LEVELS.map(PARAM.meetingMinDays), PARAM.hoursPerDay],
  'finish-by': [...PLAN_UNIT_LEVELS.map(PARAM.finishBy), PARAM.finishBySpecial, PARAM.inclusive],
  'files-upward-by': [PARAM.filesUpwardBy, PARAM.inclusive],
};

/** `Y-MM-DD` (a day of the review year) or `Y+1-MM-DD` (a day of the next year). */
export const REVIEW_YEAR_DATE = /^Y(\+1)?-(\d{2})-(\d{2})$/;
