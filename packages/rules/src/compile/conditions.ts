/**
 * Compiles json-rules-engine condition JSON into plain closures: no eval, no `new Function`, so the
 * compiled engine runs under a strict Content-Security-Policy. Each operator and each fact lookup
 * behaves as json-rules-engine 7's does (see the differential tests in compile.test.ts).
 */
import type { ConditionJson, ParameterScalar } from '../pack/types';

export type FactValue = number | boolean | string;
export type FactTable = Readonly<Record<string, FactValue>>;
export type ParamTable = Readonly<Record<string, ParameterScalar>>;

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

/** json-rules-engine's numeric operators first check `Number.parseFloat(factValue)` is not NaN. */
function isNumeric(a: unknown): boolean {
  if (typeof a === 'number') return a === a;
  return Number.parseFloat(a as string).toString() !== 'NaN';
}

type Op = (a: unknown, b: unknown) => boolean;
const OPERATORS: Record<string, Op> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
};

type Leaf = Extract<ConditionJson, { fact: string }>;

function isLeaf(c: ConditionJson): c is Leaf {
  return typeof (c as Leaf).fact === 'string';
}

/** The right-hand side: a constant, or a parameter (`{ fact: 'param:NAME' }`). */
function valueReader(value: Leaf['value']): Read {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { fact?: unknown }).fact === 'string') {
    return reader((value as { fact: string }).fact);
  }
  return () => value;
}

/**
 * A comparison as one closure: the common shapes (a subject fact against a constant or a parameter) are
 * specialised. With `bound`, parameters it holds are read now and become constants (partial evaluation:
 * parameters are fixed for a period, facts change per subject); a parameter it lacks is still looked up
 * per call, so a missing one fails exactly as before.
 */
function compileLeaf(c: Leaf, bound?: ParamTable): Test {
  const op = OPERATORS[c.operator];
  if (!op) throw new Error(`Unknown operator: ${c.operator}`);
  const fact = c.fact;
  let value = c.value;
  let isParamRef = value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { fact?: unknown }).fact === 'string';
  if (bound && isParamRef && own.call(bound, (value as { fact: string }).fact)) {
    value = bound[(value as { fact: string }).fact] as Leaf['value'];
    isParamRef = false;
  }
  if (bound && fact.startsWith('param:') && own.call(bound, fact)) {
    // A parameter on the left, known now: the whole comparison is a constant.
    const a = bound[fact];
    const b = value;
    if (!isParamRef) {
      const result = op(a, b);
      return () => result;
    }
    const rhs = valueReader(b);
    return (f, p) => op(a, rhs(f, p));
  }
  if (!fact.startsWith('param:')) {
    if (isParamRef && PARAM_COMPARE[c.operator]) return PARAM_COMPARE[c.operator]!(fact, (value as { fact: string }).fact);
    if (!isParamRef && !Array.isArray(value) && CONST_COMPARE[c.operator]) return CONST_COMPARE[c.operator]!(fact, value as number);
  }
  const lhs = reader(fact);
  const rhs = valueReader(value);
  return (f, p) => {
    const right = rhs(f, p);
    return op(lhs(f, p), right);
  };
}

/** A subject fact, or json-rules-engine's error when it is missing. */
function factOf(f: FactTable, fact: string): FactValue {
  const a = f[fact];
  if (a === undefined && !own.call(f, fact)) throw new UndefinedFactError(fact);
  return a!;
}
function paramOf(p: ParamTable, name: string): unknown {
  const b = p[name];
  if (b === undefined && !own.call(p, name)) throw new UndefinedFactError(name);
  return b;
}

/*
 * One closure factory per operator, so that each comparison is inlined in its own closure code (a shared
 * comparison function called from every leaf would be a slower polymorphic call). A number fact is the
 * usual case; anything else goes through json-rules-engine's parseFloat check.
 */
type Factory<B> = (fact: string, b: B) => Test;
const CONST_COMPARE: Record<string, Factory<number> | undefined> = {
  lessThan: (fact, b) => (f) => { const a = factOf(f, fact); return typeof a === 'number' ? a < b : isNumeric(a) && (a as unknown as number) < b; },
  lessThanInclusive: (fact, b) => (f) => { const a = factOf(f, fact); return typeof a === 'number' ? a <= b : isNumeric(a) && (a as unknown as number) <= b; },
  greaterThan: (fact, b) => (f) => { const a = factOf(f, fact); return typeof a === 'number' ? a > b : isNumeric(a) && (a as unknown as number) > b; },
  greaterThanInclusive: (fact, b) => (f) => { const a = factOf(f, fact); return typeof a === 'number' ? a >= b : isNumeric(a) && (a as unknown as number) >= b; },
  equal: (fact, b) => (f) => factOf(f, fact) === b,
  notEqual: (fact, b) => (f) => factOf(f, fact) !== b,
};
const PARAM_COMPARE: Record<string, Factory<string> | undefined> = {
  lessThan: (fact, name) => (f, p) => { const a = factOf(f, fact); const b = paramOf(p, name) as number; return typeof a === 'number' ? a < b : isNumeric(a) && (a as unknown as number) < b; },
  lessThanInclusive: (fact, name) => (f, p) => { const a = factOf(f, fact); const b = paramOf(p, name) as number; return typeof a === 'number' ? a <= b : isNumeric(a) && (a as unknown as number) <= b; },
  greaterThan: (fact, name) => (f, p) => { const a = factOf(f, fact); const b = paramOf(p, name) as number; return typeof a === 'number' ? a > b : isNumeric(a) && (a as unknown as number) > b; },
  greaterThanInclusive: (fact, name) => (f, p) => { const a = factOf(f, fact); const b = paramOf(p, name) as number; return typeof a === 'number' ? a >= b : isNumeric(a) && (a as unknown as number) >= b; },
  equal: (fact, name) => (f, p) => factOf(f, fact) === paramOf(p, name),
  notEqual: (fact, name) => (f, p) => factOf(f, fact) !== paramOf(p, name),
};

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

/**
 * What a reason shows: the first leaf condition (first child of all/any, or the negated condition),
 * its fact's value and what it was compared with, as explain.ts reads them from the reference engine.
 */
export function compileFirstLeaf(c: ConditionJson): { actual: Read; expected: Read } {
  let node: ConditionJson = c;
  while (!isLeaf(node)) {
    if ('all' in node) node = node.all[0]!;
    else if ('any' in node) node = node.any[0]!;
    else node = node.not;
  }
  return { actual: reader(node.fact), expected: valueReader(node.value) };
}
