/** Remediation plans (kế hoạch khắc phục): types, checks, status, rating facts and section III rows. */
export { REMEDIATION_STATES } from './types';
export type { RemediationItem, RemediationPlan, RemediationState, SectionIIIRow } from './types';
export { checkRemediationPlan } from './validate';
export { plansFor, remediationStatus, REMEDIATION_LOOKBACK, REMEDIED_CONDITION, sectionIIIRows, shortcomingsFromPlans, withRemediation } from './status';
export type { RemediationStatus, WithRemediationOptions } from './status';
export { planFromForm } from './from-form';
export type { PlanFromFormOptions } from './from-form';
