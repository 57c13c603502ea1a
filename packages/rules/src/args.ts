/**
 * Arguments of the public functions: null options mean the defaults (as undefined does), anything else
 * that is not what a function needs is a KiemdiemError `invalid-argument`, never a TypeError from inside.
 */
import { KiemdiemError } from './errors';
import { en, vi, type Locale } from './locales';

/** Options (or another optional settings object): {} for null or undefined; an object, else `invalid-argument`. */
export function optionsOf<T extends object>(value: T | null | undefined, name = 'options'): T {
  if (value === undefined || value === null) return {} as T;
  if (typeof value !== 'object' || Array.isArray(value)) throw badArgument(name, 'object');
  return value;
}

/** `invalid-argument`, in both languages (the caller's language may be the very thing that is wrong). */
export function badArgument(name: string, expected: keyof Locale['errors']['argumentKinds']): KiemdiemError {
  const say = (loc: Locale) => loc.errors.badArgument(name, loc.errors.argumentKinds[expected]);
  return new KiemdiemError('invalid-argument', `${say(vi)} / ${say(en)}`, { argument: name });
}

/** The argument when `ok`, else `invalid-argument`. */
export function need<T>(value: unknown, ok: boolean, name: string, expected: Parameters<typeof badArgument>[1]): T {
  if (!ok) throw badArgument(name, expected);
  return value as T;
}

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A period { year, quarter? } with integer fields: else `invalid-argument` (dates would be NaN-NaN-NaN). */
export function checkPeriod(period: unknown): void {
  if (!isObject(period) || !Number.isInteger(period.year) || (period.quarter !== undefined && (!Number.isInteger(period.quarter) || (period.quarter as number) < 1 || (period.quarter as number) > 4)))
    throw badArgument('period', 'period');
}

/** isObject without narrowing (for typed arguments that a JS caller may still get wrong). */
export const isObj = (v: unknown): boolean => isObject(v);
