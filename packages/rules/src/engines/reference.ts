/**
 * json-rules-engine itself, behind the engine interface: the packs are its JSON, and it stays the yardstick
 * the compiled engine is tested against (`engine: 'reference'`). It evaluates a phase whole, asynchronously.
 */
import { Engine } from 'json-rules-engine';
import type { Pack, PackRule } from '../pack/types';
import type { SubjectType } from '../types';
import { firstLeaf, type ConditionNode } from './conditions';
import { rulesFor, type FactTable, type Outcome, type ParamTable, type Phase, type RuleEngine, type RuleOutcome } from './engine';

interface ConditionResult extends ConditionNode {
  factResult?: unknown;
  valueResult?: unknown;
}

/** One pack's rules as json-rules-engine engines, one per subject type and phase, made on first use. */
class PackEngines {
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
   * Each rule's outcome in pack order. json-rules-engine reports results in the order its promises settle,
   * which depends on how deeply each rule's conditions nest; pack order makes reasons stable and
   * independent of the engine.
   */
  async run(type: SubjectType, phase: Phase, facts: FactTable, params: ParamTable): Promise<RuleOutcome[]> {
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

const engines = new WeakMap<Pack, PackEngines>();

export const referenceEngine: RuleEngine = {
  outcomes(pack, type, phase, facts, params) {
    let e = engines.get(pack);
    if (!e) engines.set(pack, (e = new PackEngines(pack)));
    return e.run(type, phase, facts, params);
  },
};
