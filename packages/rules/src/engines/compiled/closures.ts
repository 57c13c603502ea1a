/**
 * json-rules-engine condition JSON as plain closures: no eval, no `new Function`, so the compiled engine runs
 * under a strict Content-Security-Policy. Comparisons are the operator table's (engines/operators.ts); facts
 * are looked up as json-rules-engine does (see the differential tests in compiled.test.ts).
 */
import type { ConditionJson } from '../../pack/types';
import { firstLeaf, isLeaf, valueFact, type Leaf } from '../conditions';
import type { FactTable, ParamTable } from '../engine';
import { OPERATORS, operatorOf, type OperatorName } from '../operators';

/** The same message json-rules-engine gives (`UndefinedFactError`), so both engines fail alike. */
export class UndefinedFactError extends Error {
  readonly code = 'UNDEFINED_FACT';
  constructor(fact: string) {
    super(`Undefined fact: ${fact}`);
    this.name = 'UndefinedFactError';
  }
}

type Read = (facts: FactTable, params: ParamTable) => unknown;
export type Test = (facts: FactTable, params: ParamTable) => boolean;

const own = Object.prototype.hasOwnProperty;

/** A fact is looked up among the subject's facts, or among the parameters when it is `param:NAME`. */
function reader(fact: string): Read {
  if (fact.startsWith('param:')) {
    return (_facts, params) => {
      const v = params[fact];
      if (v === undefined && !own.call(params, fact)) throw new UndefinedFactError(fact);
      return v;
    };
  }
  return (facts) => {
    const v = facts[fact];
    if (v === undefined && !own.call(facts, fact)) throw new UndefinedFactError(fact);
    return v;
  };
}

/** The right-hand side: a constant, or a parameter (`{ fact: 'param:NAME' }`). */
function valueReader(value: Leaf['value']): Read {
  const ref = valueFact(value);
  return ref === undefined ? () => value : reader(ref);
}

function factOf(f: FactTable, fact: string): unknown {
  const a = f[fact];
  if (a === undefined && !own.call(f, fact)) throw new UndefinedFactError(fact);
  return a;
}

/*
 * A subject's fact against a constant is the comparison that runs millions of times. Each operator gets its
 * own closure-creation site here, so every closure calls one known comparison (V8 inlines it); a single
 * generic site would call all eight and be a slower polymorphic call. The comparison itself is the table's.
 */
type Factory = (fact: string, b: unknown) => Test;
const AGAINST_CONSTANT: Record<OperatorName, Factory> = {
  equal: (fact, b) => { const t = OPERATORS.equal.test; return (f) => t(factOf(f, fact), b); },
  notEqual: (fact, b) => { const t = OPERATORS.notEqual.test; return (f) => t(factOf(f, fact), b); },
  in: (fact, b) => { const t = OPERATORS.in.test; return (f) => t(factOf(f, fact), b); },
  notIn: (fact, b) => { const t = OPERATORS.notIn.test; return (f) => t(factOf(f, fact), b); },
  lessThan: (fact, b) => { const t = OPERATORS.lessThan.test; return (f) => t(factOf(f, fact), b); },
  lessThanInclusive: (fact, b) => { const t = OPERATORS.lessThanInclusive.test; return (f) => t(factOf(f, fact), b); },
  greaterThan: (fact, b) => { const t = OPERATORS.greaterThan.test; return (f) => t(factOf(f, fact), b); },
  greaterThanInclusive: (fact, b) => { const t = OPERATORS.greaterThanInclusive.test; return (f) => t(factOf(f, fact), b); },
};

/**
 * One comparison as one closure. With `bound`, parameters it holds are read now and become constants
 * (partial evaluation: parameters are fixed for a period, facts change per subject); a parameter it lacks
 * is still looked up per call, so a missing one fails exactly as before.
 */
function compileLeaf(c: Leaf, bound?: ParamTable): Test {
  const op = operatorOf(c.operator);
  if (!op) throw new Error(`Unknown operator: ${c.operator}`);
  const test = op.test;
  const ref = valueFact(c.value);
  const rightBound = bound !== undefined && ref !== undefined && own.call(bound, ref);
  const right: Read | null = ref === undefined || rightBound ? null : reader(ref);
  const constant = rightBound ? bound[ref!] : c.value;
  if (bound && c.fact.startsWith('param:') && own.call(bound, c.fact)) {
    // A parameter on the left, known now: with a known right side the whole comparison is a constant.
    const a = bound[c.fact];
    if (!right) {
      const result = test(a, constant);
      return () => result;
    }
    return (f, p) => test(a, right(f, p));
  }
  if (!right && !c.fact.startsWith('param:')) return AGAINST_CONSTANT[op.name](c.fact, constant);
  // The value is read before the fact, as json-rules-engine does: with both missing, the value is named.
  const left = reader(c.fact);
  const rhs = right ?? (() => constant);
  return (f, p) => {
    const b = rhs(f, p);
    return test(left(f, p), b);
  };
}

/**
 * One condition as a closure. Every child of `all`/`any` is evaluated, as json-rules-engine does for
 * conditions of one priority, so a missing fact fails the same way whatever the other results.
 */
export function compileCondition(c: ConditionJson, bound?: ParamTable): Test {
  if (isLeaf(c)) return compileLeaf(c, bound);
  if ('not' in c) {
    const inner = compileCondition(c.not, bound);
    return (f, p) => !inner(f, p);
  }
  const isAll = 'all' in c;
  const children = (isAll ? (c as { all: ConditionJson[] }).all : (c as { any: ConditionJson[] }).any).map((child) => compileCondition(child, bound));
  if (children.length === 1) return children[0]!;
  const n = children.length;
  return isAll
    ? (f, p) => {
        let ok = true;
        for (let i = 0; i < n; i++) if (!children[i]!(f, p)) ok = false;
        return ok;
      }
    : (f, p) => {
        let ok = false;
        for (let i = 0; i < n; i++) if (children[i]!(f, p)) ok = true;
        return ok;
      };
}

/** What a reason quotes: the first leaf's fact value and what it was compared with, as the reference reads them. */
export function compileFirstLeaf(c: ConditionJson): { actual: Read; expected: Read } {
  const leaf = firstLeaf(c as Parameters<typeof firstLeaf>[0]) as Leaf;
  return { actual: reader(leaf.fact), expected: valueReader(leaf.value) };
}
