/**
 * The reference evaluation: json-rules-engine runs a pack's rules on a subject's facts; this module
 * reads back every rule's outcome (with the fact and threshold it compared) and decides the status and level.
 */
import { Engine } from 'json-rules-engine';
import type { Facts } from './facts';
import type { Outcome } from './explain';
import type { Pack, PackRule } from './pack/types';
import type { Level, SubjectType } from './types';

type Phase = 'eligibility' | 'rating';

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
  private readonly engines = new Map<string, { engine: Engine; rules: Map<string, PackRule> }>();
  constructor(readonly pack: Pack) {}

  private engineFor(type: SubjectType, phase: Phase) {
    const key = `${type}:${phase}`;
    let entry = this.engines.get(key);
    if (!entry) {
      const rules = this.pack.rules.filter(
        (r) => r.event.params.appliesTo.includes(type) && (phase === 'eligibility') === (r.event.type === 'eligibility'),
      );
      // Identity path resolution: our facts are flat, so jsonpath is never needed.
      const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: (value: unknown) => value });
      for (const rule of rules) {
        engine.addRule({ name: rule.name, priority: rule.priority ?? 1, conditions: rule.conditions as never, event: rule.event as never });
      }
      entry = { engine, rules: new Map(rules.map((r) => [r.name, r])) };
      this.engines.set(key, entry);
    }
    return entry;
  }

  /** Runs the rules of one phase and returns each rule's outcome by id. */
  async run(type: SubjectType, phase: Phase, facts: Facts): Promise<Map<string, { rule: PackRule; outcome: Outcome }>> {
    const { engine, rules } = this.engineFor(type, phase);
    const out = new Map<string, { rule: PackRule; outcome: Outcome }>();
    if (rules.size === 0) return out;
    const { results, failureResults } = await engine.run(facts);
    for (const r of [...results, ...failureResults]) {
      const rule = rules.get(r.name as string)!;
      const json = (r as unknown as { toJSON(stringify: false): { conditions: ConditionResult } }).toJSON(false);
      const leaf = firstLeaf(json.conditions);
      out.set(rule.name, { rule, outcome: { result: r.result === true, actual: leaf?.factResult, expected: leaf?.valueResult } });
    }
    return out;
  }
}

export const RATED_LEVELS: readonly Exclude<Level, 'KHTNV'>[] = ['HTXSNV', 'HTTNV', 'HTNV'];
