/**
 * The compiled engine: a pack's rules as synchronous closures, grouped by subject type and phase, giving
 * the same outcomes as the reference engine (evaluate.ts) in the same (pack) order.
 */
import { rulesFor, type Phase, type RuleOutcome } from '../evaluate';
import type { Pack, PackRule } from '../pack/types';
import type { SubjectType } from '../types';
import { compileCondition, compileFirstLeaf, type FactTable, type ParamTable, type Test } from './conditions';

interface CompiledRule {
  rule: PackRule;
  test: Test;
  actual: (f: FactTable, p: ParamTable) => unknown;
  expected: (f: FactTable, p: ParamTable) => unknown;
}

export function compileRule(rule: PackRule): CompiledRule {
  const { actual, expected } = compileFirstLeaf(rule.conditions);
  return { rule, test: compileCondition(rule.conditions), actual, expected };
}

export class CompiledPack {
  private readonly phases = new Map<string, CompiledRule[]>();
  constructor(readonly pack: Pack) {
    // Compiled once, up front: a pack is small (tens of rules) and is then used for many subjects.
    const types = new Set(pack.rules.flatMap((r) => r.event.params.appliesTo));
    for (const type of types) {
      for (const phase of ['eligibility', 'rating'] as const) this.phases.set(`${type}:${phase}`, rulesFor(pack, type, phase).map(compileRule));
    }
  }

  run(type: SubjectType, phase: Phase, facts: FactTable, params: ParamTable): RuleOutcome[] {
    const rules = this.phases.get(`${type}:${phase}`);
    if (!rules) return [];
    const out: RuleOutcome[] = new Array(rules.length);
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!;
      const result = r.test(facts, params);
      out[i] = { rule: r.rule, outcome: { result, actual: r.actual(facts, params), expected: r.expected(facts, params) } };
    }
    return out;
  }
}

const compiled = new WeakMap<Pack, CompiledPack>();

/** The compiled form of a pack, made once per pack object (an overlaid pack is its own object). */
export function compilePack(pack: Pack): CompiledPack {
  let c = compiled.get(pack);
  if (!c) {
    c = new CompiledPack(pack);
    compiled.set(pack, c);
  }
  return c;
}
