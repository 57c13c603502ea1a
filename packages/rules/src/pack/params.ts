/** Parameter values in force at a date, with host overrides (OpenFisca-style dated values). */
import { badArgument, isObject, optionsOf } from '../args';
import { KiemdiemError } from '../errors';
import type { Locale } from '../locales';
import { parameterProblem } from './load';
import type { Pack, ParameterScalar, ParameterValue } from './types';

/** The dated value in force on `date` (YYYY-MM-DD); before the first date, the first value. */
export function valueAt(values: ParameterValue[], date: string): ParameterValue {
  if (!Array.isArray(values) || values.length === 0) throw badArgument('values', 'array');
  let current = values[0]!;
  for (const v of values) if (v.from <= date) current = v;
  return current;
}

/** Checks host overrides against the pack's parameter definitions. */
export function checkOverrides(pack: Pack, overrides: Record<string, unknown> | undefined, loc: Locale): Record<string, ParameterScalar> {
  const checked: Record<string, ParameterScalar> = {};
  for (const [name, value] of Object.entries(overrides ?? {})) {
    const def = Object.prototype.hasOwnProperty.call(pack.parameters, name) ? pack.parameters[name] : undefined;
    if (!def) throw new KiemdiemError('unknown-parameter', loc.errors.unknownParameter(name, pack.id), { parameter: name });
    const problem = parameterProblem(def, value);
    if (problem) throw new KiemdiemError('invalid-parameter', loc.errors.invalidParameter(name, loc.errors.parameterExpected(problem)), { parameter: name, value });
    checked[name] = value as ParameterScalar;
  }
  return checked;
}

/** All parameter values on `date` as `param:NAME` facts, overrides applied. */
export function parameterFacts(pack: Pack, date: string, overrides: Record<string, ParameterScalar>): Record<string, ParameterScalar> {
  const facts: Record<string, ParameterScalar> = {};
  for (const [name, def] of Object.entries(pack.parameters)) {
    facts[`param:${name}`] = name in overrides ? overrides[name]! : valueAt(def.values, date).value;
  }
  return facts;
}
