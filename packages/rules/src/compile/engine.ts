/**
 * The compiled engine: a pack's rules as synchronous closures, grouped by subject type and phase, giving
 * the same outcomes as the reference engine (evaluate.ts) in the same (pack) order.
 */
import { eligibilityStatus, LEVEL_ORDER, RATED_LEVELS, rulesFor, type Phase, type RuleOutcome } from '../evaluate';
import type { Pack, PackRule } from '../pack/types';
import type { Level, Status, SubjectType } from '../types';
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

/** Status and level, nothing else: what a count or a what-if needs. */
export interface Decision {
  status: Status;
  level: Level | null;
}

/**
 * One subject type's rules as a decision procedure: eligibility rules in order, then forcing rules,
 * caps, and each level's requirements. It stops at the first rule that decides, so it allocates nothing
 * and runs close to a hand-written function; it gives the same status and level as decide() (tested).
 */
export type Decider = (facts: FactTable, params: ParamTable) => Decision;

/** The two halves of a Decider: eligibility (null when the subject is reviewed and rated) and the level. */
export interface Deciders {
  eligibility: (facts: FactTable, params: ParamTable) => Decision | null;
  level: (facts: FactTable, params: ParamTable) => Decision;
  both: Decider;
}

const RATED = RATED_LEVELS;
const ORDER = LEVEL_ORDER;

/** The procedure with the parameters of one period (and overlay) bound in as constants. */
function boundDeciders(pack: Pack, type: SubjectType, active: (rule: PackRule) => boolean, bound: ParamTable): Deciders {
  const compile = (c: PackRule['conditions']) => compileCondition(c, bound);
  const eligibility = rulesFor(pack, type, 'eligibility').filter(active).map((r) => ({ test: compile(r.conditions), rule: r }));
  const rating = rulesFor(pack, type, 'rating').filter(active);
  const forced = rating.filter((r) => r.event.type === 'force').map((r) => compile(r.conditions));
  const caps = rating.filter((r) => r.event.type === 'cap').map((r) => ({ test: compile(r.conditions), order: ORDER[r.event.params.level!] }));
  // Levels with no requirement for this type are never reached (decide() skips them too).
  const levels = RATED.map((level) => ({
    level,
    order: ORDER[level],
    tests: rating.filter((r) => r.event.type === 'requirement' && r.event.params.level === level).map((r) => compile(r.conditions)),
  })).filter((l) => l.tests.length > 0);
  const decisions = new Map<string, Decision>();
  const decision = (status: Status, level: Level | null): Decision => {
    const key = `${status}:${level}`;
    let d = decisions.get(key);
    if (!d) {
      d = Object.freeze({ status, level });
      decisions.set(key, d);
    }
    return d;
  };
  const KHTNV = decision('rated', 'KHTNV');
  // Flat arrays and indexed loops: this runs millions of times a second.
  const eligTests = eligibility.map((e) => e.test);
  const eligRules = eligibility.map((e) => e.rule);
  // A status written in the rule, or left to a parameter that is bound, is known now.
  const eligFixed = eligRules.map((r) => {
    const status = r.event.params.status;
    if (typeof status !== 'object') return decision(eligibilityStatus(r, {}), null);
    return own.call(bound, `param:${status.param}`) ? decision(eligibilityStatus(r, bound), null) : null;
  });
  const capTests = caps.map((c) => c.test);
  const capOrders = caps.map((c) => c.order);
  const levelTests = levels.map((l) => l.tests);
  const levelOrders = levels.map((l) => l.order);
  const levelDecisions = levels.map((l) => decision('rated', l.level));
  const eligible = (f: FactTable, p: ParamTable): Decision | null => {
    for (let i = 0; i < eligTests.length; i++) {
      if (eligTests[i]!(f, p)) return eligFixed[i] ?? decision(eligibilityStatus(eligRules[i]!, p), null);
    }
    return null;
  };
  const level = (f: FactTable, p: ParamTable): Decision => {
    for (let i = 0; i < forced.length; i++) if (forced[i]!(f, p)) return KHTNV;
    let ceiling = 0;
    for (let i = 0; i < capTests.length; i++) if (capOrders[i]! > ceiling && capTests[i]!(f, p)) ceiling = capOrders[i]!;
    outer: for (let l = 0; l < levelTests.length; l++) {
      if (levelOrders[l]! < ceiling) continue;
      const tests = levelTests[l]!;
      for (let i = 0; i < tests.length; i++) if (!tests[i]!(f, p)) continue outer;
      return levelDecisions[l]!;
    }
    return KHTNV;
  };
  return { eligibility: eligible, level, both: (f, p) => eligible(f, p) ?? level(f, p) };
}

const own = Object.prototype.hasOwnProperty;

/**
 * The procedure for any parameters: compiled once per parameter table (tables are cached per period
 * date and overlay, so a batch uses one or two), and the last one is kept at hand.
 */
function deciders(pack: Pack, type: SubjectType, active: (rule: PackRule) => boolean): Deciders {
  const byParams = new WeakMap<ParamTable, Deciders>();
  let lastParams: ParamTable | undefined;
  let last: Deciders | undefined;
  const forParams = (p: ParamTable): Deciders => {
    let d = byParams.get(p);
    if (!d) {
      d = boundDeciders(pack, type, active, p);
      byParams.set(p, d);
    }
    lastParams = p;
    last = d;
    return d;
  };
  // The same parameter table as last time (a batch of one period) goes straight to its procedure.
  return {
    eligibility: (f, p) => (p === lastParams ? last! : forParams(p)).eligibility(f, p),
    level: (f, p) => (p === lastParams ? last! : forParams(p)).level(f, p),
    both: (f, p) => (p === lastParams ? last! : forParams(p)).both(f, p),
  };
}

export class CompiledPack {
  private readonly phases = new Map<string, CompiledRule[]>();
  private readonly decidersCache = new Map<string, Deciders>();

  /**
   * The decision procedure for a subject type, with some rules switched off (by id). Its facts are the
   * rating facts (a superset of the eligibility facts).
   */
  deciders(type: SubjectType, disabled: ReadonlySet<string> = new Set()): Deciders {
    const key = `${type}|${[...disabled].sort().join(',')}`;
    let d = this.decidersCache.get(key);
    if (!d) {
      d = deciders(this.pack, type, (r) => !r.disabledBy && !disabled.has(r.name));
      this.decidersCache.set(key, d);
    }
    return d;
  }
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
