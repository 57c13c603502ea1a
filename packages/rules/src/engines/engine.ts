/**
 * The boundary between the law and the speed: what the rating asks of an engine. An engine evaluates a
 * pack's conditions for a subject; it never decides a level (rating/decide.ts does, for every engine).
 * Whatever makes an engine fast stays behind this interface.
 */
import type { Pack, PackRule, ParameterScalar } from '../pack/types';
import type { SubjectType } from '../types';

export type Phase = 'eligibility' | 'rating';

/** Facts about a subject (subject/facts.ts) and a period's parameters as `param:NAME` facts. */
export type FactValue = number | boolean | string;
export type FactTable = Readonly<Record<string, FactValue>>;
export type ParamTable = Readonly<Record<string, ParameterScalar>>;

/** Whether a rule held, with the value of its first leaf's fact and what that was compared with. */
export interface Outcome {
  result: boolean;
  actual?: unknown;
  expected?: unknown;
}

/** One rule's outcome on one subject. */
export interface RuleOutcome {
  rule: PackRule;
  outcome: Outcome;
}

/** The rules of a pack that apply to a subject type in a phase, in pack order (files, then rules in a file). */
export function rulesFor(pack: Pack, type: SubjectType, phase: Phase): PackRule[] {
  return pack.rules.filter((r) => r.event.params.appliesTo.includes(type) && (phase === 'eligibility') === (r.event.type === 'eligibility'));
}

/** Answers "does rule i of the phase hold?" (i in `rulesFor` order) for the subject at hand. */
export interface Holds {
  holds(i: number): boolean;
}

/** Lazy evaluation: one rule at a time, so a decision can stop at the first rule that settles it. */
export interface LazyConditions extends Holds {
  /** The subject the next `holds` calls are about. */
  facts: FactTable;
}

export interface RuleEngine {
  /**
   * Every rule of the phase evaluated, each outcome kept, in `rulesFor` order: what explanations are made of.
   * An engine may reuse the returned outcomes for its next call (the compiled engine does): read them before.
   */
  outcomes(pack: Pack, type: SubjectType, phase: Phase, facts: FactTable, params: ParamTable): readonly RuleOutcome[] | Promise<readonly RuleOutcome[]>;
  /** Rules evaluated on demand, nothing kept (absent when the engine can only evaluate a phase whole). */
  lazy?(pack: Pack, type: SubjectType, phase: Phase, params: ParamTable): LazyConditions;
}

/** `Holds` over outcomes already evaluated. */
export class KeptOutcomes implements Holds {
  constructor(public outcomes: readonly RuleOutcome[]) {}
  holds(i: number): boolean {
    return this.outcomes[i]!.outcome.result;
  }
}
