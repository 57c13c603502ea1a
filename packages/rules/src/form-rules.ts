/**
 * Whether a form rule applies to a form context: the flat conditions of form rules
 * ({ all | any: [{ fact, operator, value }] }), answered synchronously while a person types, with the same
 * operators as ratings (engines/operators.ts).
 */
import { badArgument, isObj, optionsOf } from './args';
import { operatorOf } from './engines/operators';
import type { FormCondition, FormRule } from './pack/types';

export type ContextFacts = Record<string, unknown>;

function holds(c: FormCondition, facts: ContextFacts): boolean {
  const op = operatorOf(c.operator);
  return op !== undefined && op.test(facts[c.fact], c.value);
}

export function formRuleApplies(rule: FormRule, facts: ContextFacts): boolean {
  if (!isObj(rule)) throw badArgument('rule', 'object');
  facts = optionsOf(facts, 'facts');
  if (!rule.when) return true;
  return 'all' in rule.when ? rule.when.all.every((c) => holds(c, facts)) : rule.when.any.some((c) => holds(c, facts));
}
