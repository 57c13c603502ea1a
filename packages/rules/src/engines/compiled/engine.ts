/**
 * The compiled engine: a pack's rules as synchronous closures (closures.ts), grouped by subject type and phase,
 * giving the same outcomes as json-rules-engine in the same (pack) order. Each phase is compiled once per
 * parameter table with the parameters bound in as constants (a period's parameters are fixed; only facts change
 * per subject), and the last table used is kept at hand, so a batch of one period never looks it up.
 */
import type { Pack, PackRule } from '../../pack/types';
import type { SubjectType } from '../../types';
import { rulesFor, type FactTable, type LazyConditions, type ParamTable, type Phase, type RuleEngine, type RuleOutcome } from '../engine';
import { compileCondition, compileFirstLeaf, type Test } from './closures';

type Read = (facts: FactTable, params: ParamTable) => unknown;

/** One phase of one subject type, compiled for one parameter table. */
class CompiledPhase implements LazyConditions {
  facts: FactTable = {};
  private readonly tests: Test[];
  private readonly actual: Read[];
  private readonly expected: Read[];

  constructor(
    private readonly rules: readonly PackRule[],
    private readonly params: ParamTable,
  ) {
    // Flat arrays and indexed loops: this runs millions of times a second.
    this.tests = rules.map((r) => compileCondition(r.conditions, params));
    const leaves = rules.map((r) => compileFirstLeaf(r.conditions));
    this.actual = leaves.map((l) => l.actual);
    this.expected = leaves.map((l) => l.expected);
  }

  holds(i: number): boolean {
    return this.tests[i]!(this.facts, this.params);
  }

  outcomes(facts: FactTable): RuleOutcome[] {
    const { rules, tests, actual, expected, params } = this;
    const out: RuleOutcome[] = new Array(rules.length);
    for (let i = 0; i < rules.length; i++) {
      const result = tests[i]!(facts, params);
      out[i] = { rule: rules[i]!, outcome: { result, actual: actual[i]!(facts, params), expected: expected[i]!(facts, params) } };
    }
    return out;
  }
}

/** A phase's compiled forms by parameter table. */
class PhaseCache {
  private readonly byParams = new WeakMap<ParamTable, CompiledPhase>();
  private lastParams: ParamTable | undefined;
  private last: CompiledPhase | undefined;
  constructor(private readonly rules: readonly PackRule[]) {}

  get(params: ParamTable): CompiledPhase {
    if (params === this.lastParams) return this.last!;
    let phase = this.byParams.get(params);
    if (!phase) this.byParams.set(params, (phase = new CompiledPhase(this.rules, params)));
    this.lastParams = params;
    this.last = phase;
    return phase;
  }
}

type PackPhases = Map<SubjectType, Record<Phase, PhaseCache>>;
const NONE: Record<Phase, PhaseCache> = { eligibility: new PhaseCache([]), rating: new PhaseCache([]) };
const packs = new WeakMap<Pack, PackPhases>();

/** The compiled phase, made once per pack object (an overlaid pack is its own object) and parameter table. */
function phaseOf(pack: Pack, type: SubjectType, phase: Phase, params: ParamTable): CompiledPhase {
  let phases = packs.get(pack);
  if (!phases) {
    phases = new Map();
    for (const t of new Set(pack.rules.flatMap((r) => r.event.params.appliesTo))) {
      phases.set(t, { eligibility: new PhaseCache(rulesFor(pack, t, 'eligibility')), rating: new PhaseCache(rulesFor(pack, t, 'rating')) });
    }
    packs.set(pack, phases);
  }
  return (phases.get(type) ?? NONE)[phase].get(params);
}

export const compiledEngine: RuleEngine = {
  outcomes: (pack, type, phase, facts, params) => phaseOf(pack, type, phase, params).outcomes(facts),
  lazy: (pack, type, phase, params) => phaseOf(pack, type, phase, params),
};
