import type { Citation, Level, Localized, Provenance, Status, SubjectType } from '../types';

/** What the pack files hold once validated (see schema/pack.schema.json). */
export interface ManifestFile {
  kind: 'manifest';
  id: string;
  number: string;
  documentType: string;
  title: Localized;
  issuer: Localized;
  signer?: string;
  signedOn: string;
  effective: { from: string; to: string | null; provenance: Provenance; note?: Localized };
  replaces: Array<{ id?: string; number: string; signedOn: string; provenance: Provenance }>;
  guidance: Array<{ number: string; title: Localized; issuer: string; signedOn: string; appliesFrom?: string; replaces?: string; provenance: Provenance }>;
  sources: Array<{ title: string; url?: string; supports?: string }>;
  periods?: Array<'year' | 'quarter'>;
  inputs: Array<{ field: string; for: SubjectType[] }>;
  files: { parameters: string[]; rules: string[]; forms?: string[]; process?: string[] };
}

export type ParameterScalar = number | string | boolean;

export interface ParameterValue {
  from: string;
  value: ParameterScalar;
  citation: Citation;
  provenance: Provenance;
  note?: Localized;
}

export interface ParameterDefinition {
  description: Localized;
  type: 'number' | 'integer' | 'boolean' | 'string';
  /** `review-year-date`: a string `Y-MM-DD` (a day of the review year) or `Y+1-MM-DD` (of the next year). */
  unit?: 'points' | 'share' | 'months' | 'count' | 'days' | 'working-days' | 'hours' | 'review-year-date';
  enum?: string[];
  minimum?: number;
  maximum?: number;
  values: ParameterValue[];
}

export interface ParametersFile {
  kind: 'parameters';
  parameters: Record<string, ParameterDefinition>;
}

export type ConditionJson =
  | { fact: string; operator: string; value: ParameterScalar | ParameterScalar[] | { fact: string } }
  | { all: ConditionJson[] }
  | { any: ConditionJson[] }
  | { not: ConditionJson };

/**
 * `refer`: a KHTNV case the text hands to the competent level (self-detected and remedied violations, force
 * majeure, an earlier violation disciplined now). `fallback`: what a subject who reaches no level gets.
 * `note`: decides nothing; when it holds, its reason states an assumption the rating rests on.
 */
export type RuleStage = 'eligibility' | 'force' | 'refer' | 'cap' | 'requirement' | 'fallback' | 'note';

/** A json-rules-engine rule; `name` is the stable id, `event.params` the legal metadata. */
export interface RuleJson {
  name: string;
  priority?: number;
  conditions: { all: ConditionJson[] } | { any: ConditionJson[] };
  event: {
    type: RuleStage;
    params: {
      level?: Level;
      status?: Exclude<Status, 'rated'> | { param: string };
      appliesTo: SubjectType[];
      citation: Citation;
      provenance: Provenance;
      message: Localized;
      note?: Localized;
    };
  };
}

export interface RulesFile {
  kind: 'rules';
  article: { citation: Citation; title: Localized; provenance: Provenance; text?: string; sources?: Array<{ title: string; url?: string }> };
  rules: RuleJson[];
}

/** A rule with the file it came from, for messages and catalogs. */
export interface PackRule extends RuleJson {
  file: string;
  /** The overlay that added it, if any. */
  overlay?: string;
  /** The overlay that switched it off, if any: evaluated, never decisive. */
  disabledBy?: string;
}

/** What an overlay changed, kept on the pack so explanations and diffs can name it. */
export interface AppliedOverlay {
  id: string;
  title: Localized;
  issuer: string;
  signedOn: string;
  citation: Citation;
  provenance: Provenance;
  file: string;
}

export interface DisabledRule {
  rule: string;
  overlay: string;
  reason: Localized;
  citation: Citation;
  provenance: Provenance;
}

/** A number, or a fact of the form context (`shortcomings.identified`) or a parameter (`param:NAME`). */
export type NumberOrFact = number | { fact: string };

/** What a form must contain for some subjects (see the `form-rules` files of a pack). */
export interface FormRule {
  name: string;
  appliesTo: SubjectType[];
  when?: { all: FormCondition[] } | { any: FormCondition[] };
  require: Array<{ field: string; minItems?: NumberOrFact; maximum?: NumberOrFact; sumOf?: string[] }>;
  citation: Citation;
  provenance: Provenance;
  message: Localized;
  file: string;
}

export interface FormCondition {
  fact: 'audience' | 'reviewSuggestions' | 'shortcomings.identified';
  operator: 'equal' | 'notEqual' | 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive';
  value: number | string | boolean;
}

/** A validated, cross-checked rule pack. */
export interface Pack {
  /** The pack id, or `base+overlay` once overlays are applied. */
  id: string;
  manifest: ManifestFile;
  parameters: Record<string, ParameterDefinition & { file: string; overlay?: string }>;
  rules: PackRule[];
  overlays?: AppliedOverlay[];
  /** Rules an overlay switched off (still in `rules`, flagged `disabledBy`), with the overlay's reason. */
  disabled?: DisabledRule[];
  articles: Array<RulesFile['article'] & { file: string }>;
  /** Requirements on the official forms, by subject type and form context. */
  formRules: FormRule[];
  /** How a review is run (order, preparation, deadlines), checked against a review plan by `checkPlan`. */
  processRules: ProcessRule[];
}

/** The built-in checks a process rule can name (see src/process/). */
export type ProcessCheck =
  | 'collective-before-individuals'
  | 'head-first'
  | 'government-collectives-first'
  | 'lower-level-first'
  | 'chi-bo-first'
  | 'drafts-3-working-days'
  | 'meeting-length'
  | 'finish-by'
  | 'files-upward-by';

/** A review-process rule: which check runs, how serious a breach is, and where the rule comes from in the law. */
export interface ProcessRule {
  /** Stable id, e.g. "process.head-first". */
  name: string;
  check: ProcessCheck;
  severity: 'error' | 'warning';
  /** The pack parameters the check reads (deadlines, minimum days). */
  parameters?: string[];
  citation: Citation;
  provenance: Provenance;
  /** Template with slots {unit} {meeting} {date} {subject} {other} {otherDate} {actual} {expected} {deadline}. */
  message: Localized;
  note?: Localized;
  file: string;
  /** The overlay that switched it off, if any. */
  disabledBy?: string;
}

export interface ProcessRulesFile {
  kind: 'process-rules';
  article: RulesFile['article'];
  rules: Array<Omit<ProcessRule, 'file' | 'disabledBy'>>;
}
