/**
 * A small synchronous evaluator for the flat conditions of form rules ({ all | any: [{ fact, operator, value }] }).
 * Ratings go through json-rules-engine; form requirements need an answer while a person types.
 */
import type { FormCondition, FormRule } from './pack/types';

export type ContextFacts = Record<string, unknown>;

function test(c: FormCondition, facts: ContextFacts): boolean {
  const actual = facts[c.fact];
  switch (c.operator) {
    case 'equal':
      return actual === c.value;
    case 'notEqual':
      return actual !== c.value;
    case 'lessThan':
      return typeof actual === 'number' && actual < (c.value as number);
    case 'lessThanInclusive':
      return typeof actual === 'number' && actual <= (c.value as number);
    case 'greaterThan':
      return typeof actual === 'number' && actual > (c.value as number);
    case 'greaterThanInclusive':
      return typeof actual === 'number' && actual >= (c.value as number);
    default:
      return false;
  }
}

export function formRuleApplies(rule: FormRule, facts: ContextFacts): boolean {
  if (!rule.when) return true;
  return 'all' in rule.when ? rule.when.all.every((c) => test(c, facts)) : rule.when.any.some((c) => test(c, facts));
}
