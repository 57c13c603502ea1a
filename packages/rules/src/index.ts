/**
 * @kiemdiem/rules: the Party's review and quality-rating rules (kiểm điểm, đánh giá, xếp loại chất lượng)
 * as versioned rule packs, with evaluation, explanations and the HTXSNV quota.
 */
export { listRegulations, loadRegulation, regulationFor, summaryOf } from './registry';
export { createRater, rate, rateMany, rateManySync, rateSync } from './rating';
export type { Rater, RaterOutcome, QuotaCount } from './rating';
export { applyOverlay, readOverlay, withOverlays } from './overlay';
export type { OverlayFile } from './overlay';
export { diff, decisiveReasons, conditionText, MATRIX_KEYS, matrixKey, shownMatrixKeys } from './diff';
export type { DiffReport, DiffOptions, ImpactChange, ImpactSide, LevelOrNone, MatrixKey, PackRef, ParameterChange, RuleChange, RuleSummary } from './diff';
export { diffToMarkdown, DIFF_WORDS } from './diff-markdown';
export { describeProblem, readCases, runCases } from './cases';
export type { CaseExpectation, CaseOutcome, CaseProblem, TestCase } from './cases';
export { applyRatio, maxExcellent } from './quota';
export { loadPack } from './pack/load';
export { formRuleApplies } from './form-rules';
export type { ContextFacts } from './form-rules';
export { valueAt } from './pack/params';
export type { AppliedOverlay, DisabledRule, FormCondition, FormRule, NumberOrFact, Pack, PackRule, ParameterDefinition, ParameterValue, ManifestFile, RuleJson } from './pack/types';
export { KiemdiemError, PackError } from './errors';
// Duplicate ids: how records are compared, and the compact exact set a stream keeps them in.
export { IdSet, hashBytes } from './ids/id-set';
export { subjectKey, idOfSubjectKey } from './ids/keys';
export type { RaterSettings } from './rating';
export type { KiemdiemErrorCode } from './errors';
export { locale, periodLabel, vi, en } from './locales';
export type { Locale } from './locales';
export { formatDayMonthYear, periodBounds, periodEnd } from './dates';
export { ENGINES, GRADES, LEVELS, STATUSES, SUBJECT_TYPES } from './types';
export { LEVEL_ORDER } from './rating/decide';
export type {
  Audience,
  Citation,
  Decision,
  DisciplineForm,
  Grade,
  Kind,
  Lang,
  Level,
  Localized,
  Period,
  Provenance,
  QuotaLine,
  Engine,
  RateManyOutput,
  RateOptions,
  Reason,
  ReasonStage,
  RegulationSummary,
  Result,
  Rounding,
  Status,
  Subject,
  SubjectIssue,
  SubjectType,
  TaskCounts,
} from './types';
// Feedback, remediation plans and roll-up statistics (issue 8).
export * from './feedback';
export * from './remediation';
export * from './rollup';
// Review plans: process checks (order, drafts, meeting length, deadlines) and working days (issue 8).
export * from './process';
export type { ProcessCheck, ProcessRule } from './pack/types';
