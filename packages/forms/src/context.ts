/**
 * Rule-driven requirements: the rule pack (its `form-rules` files) decides which fields a form needs for a
 * given subject: leader items, section III rows for each earlier shortcoming, Part B bounds. This module
 * applies them to a form's schema (`schemaFor`) and checks them on a document (used by `validate`).
 */
import { formRuleApplies, loadRegulation, periodEnd, valueAt, type Audience, type FormRule, type Pack, type Period, type Subject, type SubjectType } from '@kiemdiem/rules';
import type { FormDefinition, JsonSchema } from './model';
import { getAt, nodeAt } from './schema-tools';

export interface FormContext {
  /** Who fills the form; defaults to the form's own audience (or `collective`). */
  audience?: Audience | 'collective';
  /** How many issues the higher level raised for review (gợi ý kiểm điểm). */
  reviewSuggestions?: number;
  /** Shortcomings concluded or pointed out earlier (section III needs a row for each). */
  shortcomings?: { identified: number };
  /** The review period; parameter values in force at its end apply (default: the latest values). */
  period?: Period;
  /**
   * Facts about the person or collective that the forms do not collect, from the host's own records: discipline
   * decisions (whether duty-related, self-detected and remedied, when the violation happened), a leader's vote of
   * confidence, the units they answer for, a collective's type… `toSubject` lays them over what the document
   * gives, so the level check rates what the host knows instead of assuming the most favourable.
   */
  facts?: SubjectFacts;
}

/**
 * What `FormContext.facts` may say: a Subject's inputs, less those the document or the context itself owns (who
 * it is, the period, the Part B points). `collective` is merged into the one the form gives, key by key.
 */
export type SubjectFacts = Partial<Omit<Subject, 'id' | 'kind' | 'audience' | 'period' | 'score' | 'collective'>> & {
  collective?: Partial<NonNullable<Subject['collective']>>;
};

export interface Requirement {
  rule: FormRule;
  field: string;
  pointer: string;
  minItems?: number;
  maximum?: number;
  sumOf?: Array<{ field: string; pointer: string }>;
}

/** The subject type a form is filled for: the context's, the form's own, or `collective` for collective forms. */
export function subjectTypeFor(form: FormDefinition, context: FormContext = {}): SubjectType | undefined {
  return context.audience ?? form.audience ?? (form.kind === 'collective' ? 'collective' : undefined);
}

function number(value: number | { fact: string } | undefined, facts: Record<string, unknown>, pack: Pack, context: FormContext): number | undefined {
  if (value === undefined || typeof value === 'number') return value;
  if (value.fact.startsWith('param:')) {
    const def = pack.parameters[value.fact.slice(6)];
    if (!def) return undefined;
    // The value in force on the period's last day (as for a rating); without a period, the latest value.
    const date = context.period ? periodEnd(context.period) : '9999-12-31';
    const v = valueAt(def.values, date).value;
    return typeof v === 'number' ? v : undefined;
  }
  const v = facts[value.fact];
  return typeof v === 'number' ? v : undefined;
}

/** The requirements of the form's rule pack that apply to this context, resolved to pointers and numbers. */
export function requirementsFor(form: FormDefinition, context: FormContext = {}): Requirement[] {
  if (!form.regulation) return [];
  const pack = loadRegulation(form.regulation);
  const type = subjectTypeFor(form, context);
  if (!type) return [];
  const facts: Record<string, unknown> = {
    audience: type,
    reviewSuggestions: context.reviewSuggestions ?? 0,
    'shortcomings.identified': context.shortcomings?.identified ?? 0,
  };
  const out: Requirement[] = [];
  for (const rule of pack.formRules) {
    if (!rule.appliesTo.includes(type) || !formRuleApplies(rule, facts)) continue;
    for (const r of rule.require) {
      const pointer = form.fields[r.field];
      if (!pointer) continue; // this form has no such field
      const req: Requirement = { rule, field: r.field, pointer };
      const minItems = number(r.minItems, facts, pack, context);
      const maximum = number(r.maximum, facts, pack, context);
      if (minItems !== undefined) req.minItems = minItems;
      if (maximum !== undefined) req.maximum = maximum;
      if (r.sumOf) req.sumOf = r.sumOf.filter((f) => form.fields[f]).map((f) => ({ field: f, pointer: form.fields[f]! }));
      out.push(req);
    }
  }
  return out;
}

/** Marks a pointer (and every object on the way to it) required in a cloned schema. */
function requirePath(schema: JsonSchema, pointer: string): void {
  const tokens = pointer.split('/').slice(1);
  for (let i = 0; i < tokens.length; i++) {
    const parent = nodeAtMutable(schema, `/${tokens.slice(0, i).join('/')}`.replace(/\/$/, ''));
    if (!parent || parent.type !== 'object') return;
    parent.required = [...new Set([...(parent.required ?? []), tokens[i]!])];
  }
}

/** Like nodeAt, but returns the node inside this schema (not a resolved copy), for editing. */
function nodeAtMutable(schema: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  if (pointer === '') return node;
  for (const token of pointer.split('/').slice(1)) {
    node = node?.type === 'array' ? node.items : node?.properties?.[token];
  }
  return node;
}

/** The form's schema for one context: required fields, row counts and bounds from the rule pack. */
export function applyRequirements(form: FormDefinition, context: FormContext = {}): JsonSchema {
  const schema = structuredClone(form.schema);
  const applied = new Set<string>();
  for (const req of requirementsFor(form, context)) {
    applied.add(req.rule.name);
    requirePath(schema, req.pointer);
    const node = nodeAtMutable(schema, req.pointer);
    if (!node) continue;
    if (req.minItems !== undefined) node.minItems = Math.max(node.minItems ?? 0, req.minItems);
    if (req.maximum !== undefined) node.maximum = Math.min(node.maximum ?? Infinity, req.maximum);
  }
  if (applied.size) schema['x-rules'] = [...applied];
  return schema;
}

export { getAt };
