import type { FormLocale, FormMessages } from './types';

const q = (s: string) => `"${s}"`;

const messages: FormMessages = {
  required: (f) => `${q(f)} is missing`,
  additionalProperties: (f) => `Field ${q(f)} is not part of the form`,
  type: (f, t) => `${q(f)} must be ${({ string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'a group of fields', array: 'a list' } as Record<string, string>)[t] ?? t}`,
  empty: (f) => `${q(f)} must not be empty`,
  maxLength: (f, n) => `${q(f)} is longer than ${n} characters`,
  minimum: (f, n) => `${q(f)} must be at least ${n}`,
  maximum: (f, n) => `${q(f)} must not exceed ${n}`,
  multipleOf: (f, n) => `${q(f)} must be a multiple of ${n}`,
  date: (f) => `${q(f)} must be a valid date as YYYY-MM-DD`,
  maxItems: (f, n) => `${q(f)} has at most ${n} rows`,
  minItems: (f, n) => `${q(f)} needs at least ${n} rows`,
  oneOf: (f, options) => `${q(f)} must be one of: ${options.join('; ')}`,
  sum: (f, parts, expected) => `${q(f)} must equal ${parts.map(q).join(' + ')} (${expected})`,
  invalid: (f) => `${q(f)} is invalid`,
  unknownForm: (id, known) => `No form "${id}". Available: ${known.join(', ')}`,
  levelMismatch: (proposed, computed) => `The proposed level ${proposed} is higher than ${computed}, which the rule pack computes from this same document`,
  levelForDecision: (proposed, rules, without) =>
    `The level is for the competent level to decide (${rules.length > 1 ? 'rules' : 'rule'} ${rules.join(', ')}), so the rule pack does not check the proposed level ${proposed}` +
    (without ? `; with ${rules.length > 1 ? 'these cases' : 'this case'} set aside, the rules give ${without}` : ''),
  levelMissingFacts: (fields) => `Not enough information to check the proposed level: missing ${fields.join(', ')}`,
  noSectionIII: (id) => `Form ${id} has no section III (remedying earlier shortcomings)`,
  submit: 'Check',
};

export const en: FormLocale = { lang: 'en', titleKey: 'x-title-en', messages };
