import type { FormLocale, FormMessages } from './types';
import { thousands } from './vi';

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
  unsupportedCharacters: (f, chars) => `${q(f)} has characters the print font lacks (they would print as empty boxes): ${chars.join(', ')}`,
  controlCharacters: (f, cps) => `${q(f)} has control characters that are not allowed: ${cps.join(', ')}`,
  tooManyMarks: (f, n, max) => `${q(f)} stacks ${n} combining marks on one letter (at most ${max})`,
  tooDeep: (path, max) => `The document nests more than ${max} levels deep (at ${path || '/'})`,
  cycle: (path) => `The document refers to itself: the object at ${path || '/'} contains itself`,
  tooLarge: (path, max) => `The document has more than ${thousands(max, ',')} objects and lists (went past at ${path || '/'})`,
  moreErrors: (n) => `${n} more problems not listed`,
  birthAfterDocument: (b, bd, f, d) => `${q(b)} (${bd}) is after the document's ${q(f)} (${d})`,
  birthAfterYear: (b, bd, f, y) => `${q(b)} (${bd}) is after the ${q(f)} (${y})`,
  underAge: (b, bd, f, d, age) => `By ${q(b)} (${bd}), this person is not yet ${age} on the document's ${q(f)} (${d}), the minimum age of a party member (Party Charter, Article 1)`,
  yearMismatch: (y, year, f, d, from, until) => `${q(y)} (${year}) does not match ${q(f)} (${d}): this period's documents are dated from ${from} to ${until}`,
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
