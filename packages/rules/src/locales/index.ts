import { checkPeriod } from '../args';
import { KiemdiemError } from '../errors';
import type { Lang, Localized } from '../types';
import { en } from './en';
import type { Locale } from './types';
import { vi } from './vi';

export type { Locale } from './types';
export { vi, en };

/** The languages every API speaks. */
export const LANGS: readonly Lang[] = ['vi', 'en'];

/**
 * The language of an API call: 'vi' (the default, also for null or undefined) or 'en'. Anything else is a
 * KiemdiemError `invalid-option` listing the supported ones, rather than a silent fallback.
 * Every `options.lang` is read through here once, so no API tests the language itself.
 */
export function langOf(lang: unknown): Lang {
  if (lang === undefined || lang === null || lang === 'vi') return 'vi';
  if (lang === 'en') return 'en';
  throw new KiemdiemError('invalid-option', vi.errors.invalidOption('lang', safeText(lang), LANGS) + ` / ${en.errors.invalidOption('lang', safeText(lang), LANGS)}`, { option: 'lang', value: lang });
}

/** A value in a message, whatever it is (a Symbol or a cyclic object cannot break the message). */
export function safeText(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const LOCALES: Readonly<Record<Lang, Locale>> = { vi, en };

export function locale(lang: Lang | undefined): Locale {
  return LOCALES[langOf(lang)];
}

/** A review period in words, in the language asked for. */
export function periodLabel(period: { year: number; quarter?: number }, lang?: Lang): string {
  checkPeriod(period);
  return locale(lang).period(period);
}

/** One word in both languages, for output that carries both (`Localized`), taken from the locales. */
export function localized(word: (loc: Locale) => string): Localized {
  return { vi: word(vi), en: word(en) };
}

/** The label of a field by JSON pointer, array indexes generalised; falls back to the pointer. */
export function fieldLabel(loc: Locale, pointer: string): string {
  return labelAt(loc.fields, pointer) ?? (pointer || loc.fields[''] || 'subject');
}

/**
 * The label of a record field by JSON pointer (array indexes generalised), or undefined when the table has
 * none: each caller keeps its own fallback.
 */
export function labelAt(fields: Readonly<Record<string, string>>, pointer: string): string | undefined {
  return fields[pointer.replace(/\/\d+(?=\/|$)/g, '/*')];
}
