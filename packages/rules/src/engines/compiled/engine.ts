/**
 * The compiled engine: a pack's rules as synchronous closures (closures.ts), grouped by subject type and phase,
 * giving the same outcomes as json-rules-engine in the same (pack) order. Each phase is compiled once per
 * parameter table with the parameters bound in as constants (a period's parameters are fixed; only facts change
 * per subject), and the last table used is kept at hand, so a batch of one period never looks it up.
 */
import type { Pack, PackRule } from '../../pack/types';
import type { SubjectType } from '../../types';
import { rulesFor, type FactTable, type LazyConditions, type Outcome, type ParamTable, type Phase, type RuleEngine, type RuleOutcome } from '../engine';
import { compileCondition, compileFirstLeaf, type Test } from './closures';

type Read = (facts: FactTable, params: ParamTable) => unknown;

/**
 * A rule's outcome in a phase's table of outcomes, reused from one subject to the next: `result` is set for each
 * subject, and the two values a reason quotes are read only when a reason asks for them (most rules of a
 * phase explain nothing: they did not decide).
 */
class PhaseOutcome implements Outcome {
  result = false;
  constructor(
    private readonly phase: CompiledPhase,
    private readonly i: number,
  ) {}
  get actual(): unknown {
    return this.phase.actualOf(this.i);
  }
  get expected(): unknown {
    return this.phase.expectedOf(this.i);
  }
}

/** One phase of one subject type, compiled for one parameter table. */
class CompiledPhase implements LazyConditions {
  facts: FactTable = {};
  private readonly tests: Test[];
  private readonly actual: Read[];
  private readonly expected: Read[];
  /** The outcomes `outcomes()` hands out, and the subject they are about. */
  private readonly table: RuleOutcome[];
  private subject: FactTable = {};

  constructor(
    private readonly rules: readonly PackRule[],
    private readonly params: ParamTable,
  ) {
    // Flat arrays and indexed loops: this runs millions of times a second.
    this.tests = rules.map((r) => compileCondition(r.conditions, params));
    const leaves = rules.map((r) => compileFirstLeaf(r.conditions));
    this.actual = leaves.map((l) => l.actual);
    this.expected = leaves.map((l) => l.expected);
    this.table = rules.map((rule, i) => ({ rule, outcome: new PhaseOutcome(this, i) }));
  }

  holds(i: number): boolean {
    return this.tests[i]!(this.facts, this.params);
  }

  actualOf(i: number): unknown {
    return this.actual[i]!(this.subject, this.params);
  }

  expectedOf(i: number): unknown {
    return this.expected[i]!(this.subject, this.params);
  }

  /** Every rule's outcome on `facts`, in one table reused per phase: valid until the next call for this phase. */
  outcomes(facts: FactTable): readonly RuleOutcome[] {
    const { tests, table, params } = this;
    this.subject = facts;
    for (let i = 0; i < tests.length; i++) (table[i]!.outcome as PhaseOutcome).result = tests[i]!(facts, params);
    return table;
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
