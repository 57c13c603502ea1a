/**
 * Walks over json-rules-engine condition trees (`all` / `any` / `not` around leaves `{ fact, operator, value }`),
 * written once: the pack loader, the engines, explanations and the diff all read conditions through these.
 * They also read json-rules-engine's evaluated conditions, which have the same shape.
 */
import type { ConditionJson } from '../pack/types';

/** Any tree of that shape: a pack's conditions, or json-rules-engine's results for them. */
export interface ConditionNode {
  fact?: unknown;
  all?: readonly ConditionNode[];
  any?: readonly ConditionNode[];
  not?: ConditionNode;
}

export type Leaf = Extract<ConditionJson, { fact: string }>;

export function isLeaf(c: ConditionJson): c is Leaf {
  return typeof (c as Leaf).fact === 'string';
}

const PARAM = 'param:';

/** `NAME` for a fact `param:NAME` (a parameter of the pack), else undefined. */
export function parameterName(fact: string): string | undefined {
  return fact.startsWith(PARAM) ? fact.slice(PARAM.length) : undefined;
}

/** The fact a leaf's right-hand side refers to (`{ fact: 'param:NAME' }`), or undefined for a constant. */
export function valueFact(value: Leaf['value']): string | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { fact?: unknown }).fact === 'string') return (value as { fact: string }).fact;
  return undefined;
}

/** Calls `visit` for every leaf, in order, with its JSON pointer below `pointer`. */
export function forEachLeaf(c: ConditionJson, visit: (leaf: Leaf, pointer: string) => void, pointer = ''): void {
  if (isLeaf(c)) visit(c, pointer);
  else if ('all' in c) c.all.forEach((child, i) => forEachLeaf(child, visit, `${pointer}/all/${i}`));
  else if ('any' in c) c.any.forEach((child, i) => forEachLeaf(child, visit, `${pointer}/any/${i}`));
  else forEachLeaf(c.not, visit, `${pointer}/not`);
}

/**
 * The first leaf (first child of all/any, or the negated condition): its fact's value and what it was
 * compared with are what a reason quotes.
 */
export function firstLeaf<T extends ConditionNode>(c: T | undefined): T | undefined {
  let node: ConditionNode | undefined = c;
  while (node && node.fact === undefined) node = node.all?.[0] ?? node.any?.[0] ?? node.not;
  return node as T | undefined;
}

/** The facts a condition tests, parameters included (`param:NAME`), in order. */
export function factsOf(c: ConditionJson): string[] {
  const facts: string[] = [];
  forEachLeaf(c, (leaf) => facts.push(leaf.fact));
  return facts;
}

/** The parameters a condition reads, on either side of a comparison, in order. */
export function parametersOf(c: ConditionJson): string[] {
  const names: string[] = [];
  forEachLeaf(c, (leaf) => {
    const left = parameterName(leaf.fact);
    if (left !== undefined) names.push(left);
    const ref = valueFact(leaf.value);
    const right = ref === undefined ? undefined : parameterName(ref);
    if (right !== undefined) names.push(right);
  });
  return names;
}
