/** Review plans (kế hoạch kiểm điểm): process checks against the rule pack, and working days. */
export { checkPlan } from './check-plan';
export { PLAN_PERSON_ROLES, PLAN_UNIT_KINDS, PLAN_UNIT_LEVELS, PROCESS_CHECKS } from './checks';
export type { PlanPersonRole, PlanUnitKind, PlanUnitLevel } from './checks';
export { PLAN_DOCUMENT_KINDS } from './types';
export type {
  CheckPlanOptions,
  CheckPlanResult,
  PlanCollectiveReview,
  PlanDocument,
  PlanDocumentKind,
  PlanFiling,
  PlanFinding,
  PlanIndividualReview,
  PlanMeeting,
  PlanReview,
  PlanRuleFinding,
  PlanShapeFinding,
  PlanUnit,
  ReviewPlan,
} from './types';
export { addWorkingDays, calendarCovers, extendCalendar, isWorkingDay, VIETNAM_CALENDAR, workingDaysBetween } from './working-days';
export type { WorkingCalendar } from './working-days';
export { LUNAR_DATES, VIETNAM_HOLIDAY_YEARS, vietnamHolidays } from './vietnam-holidays';
export type { Holiday, HolidayKind } from './vietnam-holidays';
export { resolveReviewYearDate } from './deadlines';
