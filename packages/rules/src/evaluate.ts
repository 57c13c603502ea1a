/**
 * The reference evaluation: json-rules-engine runs a pack's rules on a subject's facts; this module
 * reads back every rule's outcome (with the fact and threshold it compared) and decides the status and level.
 */
import { Engine } from 'json-rules-engine';
import type { Facts } from './facts';
import type { Outcome } from './explain';
import type { Pack, PackRule } from './pack/types';
import type { Level, Status, SubjectType } from './types';

export type Phase = 'eligibility' | 'rating';

/** One rule's outcome on one subject. */
export interface RuleOutcome {
  rule: PackRule;
  outcome: Outcome;
}

/** The rules of a pack that apply to a subject type in a phase, in pack order (files, then rules in a file). */
export function rulesFor(pack: Pack, type: SubjectType, phase: Phase): PackRule[] {
  return pack.rules.filter((r) => r.event.params.appliesTo.includes(type) && (phase === 'eligibility') === (r.event.type === 'eligibility'));
}

interface ConditionResult {
  fact?: string;
  factResult?: unknown;
  valueResult?: unknown;
  all?: ConditionResult[];
  any?: ConditionResult[];
  not?: ConditionResult;
}

/** The first leaf condition: its fact value and what it was compared with are what a reason shows. */
function firstLeaf(c: ConditionResult | undefined): ConditionResult | undefined {
  if (!c) return undefined;
  if (c.fact !== undefined) return c;
  return firstLeaf(c.all?.[0] ?? c.any?.[0] ?? c.not);
}

export class PackEngine {
  private readonly engines = new Map<string, { engine: Engine; rules: PackRule[] }>();
  constructor(readonly pack: Pack) {}

  private engineFor(type: SubjectType, phase: Phase) {
    const key = `${type}:${phase}`;
    let entry = this.engines.get(key);
    if (!entry) {
      const rules = rulesFor(this.pack, type, phase);
      // Identity path resolution: our facts are flat, so jsonpath is never needed.
      const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: (value: unknown) => value });
      for (const rule of rules) {
        engine.addRule({ name: rule.name, priority: rule.priority ?? 1, conditions: rule.conditions as never, event: rule.event as never });
      }
      entry = { engine, rules };
      this.engines.set(key, entry);
    }
    return entry;
  }

  /**
   * Runs the rules of one phase and returns each rule's outcome in pack order. json-rules-engine reports
   * results in the order its promises settle, which depends on how deeply each rule's conditions nest;
   * pack order makes reasons stable and independent of the engine.
   */
  async run(type: SubjectType, phase: Phase, facts: Facts, params: Readonly<Record<string, unknown>>): Promise<RuleOutcome[]> {
    const { engine, rules } = this.engineFor(type, phase);
    if (rules.length === 0) return [];
    const { results, failureResults } = await engine.run({ ...facts, ...params });
    const byName = new Map<string, Outcome>();
    for (const r of [...results, ...failureResults]) {
      const json = (r as unknown as { toJSON(stringify: false): { conditions: ConditionResult } }).toJSON(false);
      const leaf = firstLeaf(json.conditions);
      byName.set(r.name as string, { result: r.result === true, actual: leaf?.factResult, expected: leaf?.valueResult });
    }
    return rules.map((rule) => ({ rule, outcome: byName.get(rule.name)! }));
  }
}

export const RATED_LEVELS: readonly Exclude<Level, 'KHTNV'>[] = ['HTXSNV', 'HTTNV', 'HTNV'];
/**
 * The status an eligibility rule gives: its own (`not-reviewed` by default), or a parameter's value when the
 * pack leaves it to a parameter (e.g. `eligibility.newMember.status`).
 */
export function eligibilityStatus(rule: PackRule, params: Readonly<Record<string, unknown>>): Exclude<Status, 'rated'> {
  const status = rule.event.params.status;
  if (typeof status === 'object') return params[`param:${status.param}`] as Exclude<Status, 'rated'>;
  return status ?? 'not-reviewed';
}

/** Levels from the top (0) down: a cap at a level is a ceiling of that order. */
export const LEVEL_ORDER: Readonly<Record<Level, number>> = { HTXSNV: 0, HTTNV: 1, HTNV: 2, KHTNV: 3 };
