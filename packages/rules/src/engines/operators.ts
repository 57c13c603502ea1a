/**
 * The comparisons a pack may use, defined once with json-rules-engine 7's semantics (its
 * engine-default-operators.js): the compiled engine, the form rules and the diff's condition text all read
 * this table, so a rating, a form check and a diff can never disagree on what `lessThan` means.
 */
export type OperatorName = 'equal' | 'notEqual' | 'in' | 'notIn' | 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive';

export interface Operator {
  readonly name: OperatorName;
  /** How a condition shows it in text (diffs, catalogs). */
  readonly symbol: string;
  test(factValue: unknown, value: unknown): boolean;
}

/** json-rules-engine's numeric operators first check that `Number.parseFloat(factValue)` is not NaN. */
export function isNumeric(a: unknown): boolean {
  if (typeof a === 'number') return a === a;
  return Number.parseFloat(a as string).toString() !== 'NaN';
}

export const OPERATORS: Readonly<Record<OperatorName, Operator>> = Object.freeze({
  equal: { name: 'equal', symbol: '=', test: (a, b) => a === b },
  notEqual: { name: 'notEqual', symbol: '≠', test: (a, b) => a !== b },
  in: { name: 'in', symbol: '∈', test: (a, b) => (b as unknown[]).indexOf(a) > -1 },
  notIn: { name: 'notIn', symbol: '∉', test: (a, b) => (b as unknown[]).indexOf(a) === -1 },
  lessThan: { name: 'lessThan', symbol: '<', test: (a, b) => isNumeric(a) && (a as number) < (b as number) },
  lessThanInclusive: { name: 'lessThanInclusive', symbol: '≤', test: (a, b) => isNumeric(a) && (a as number) <= (b as number) },
  greaterThan: { name: 'greaterThan', symbol: '>', test: (a, b) => isNumeric(a) && (a as number) > (b as number) },
  greaterThanInclusive: { name: 'greaterThanInclusive', symbol: '≥', test: (a, b) => isNumeric(a) && (a as number) >= (b as number) },
} satisfies Record<OperatorName, Operator>);

/** The operator of that name; undefined for any other string (an own-key lookup: `constructor` is not one). */
export function operatorOf(name: string): Operator | undefined {
  return Object.prototype.hasOwnProperty.call(OPERATORS, name) ? OPERATORS[name as OperatorName] : undefined;
}
