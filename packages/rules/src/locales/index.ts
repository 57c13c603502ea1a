import type { Lang, Localized } from '../types';
import { en } from './en';
import type { Locale } from './types';
import { vi } from './vi';

export type { Locale } from './types';
export { vi, en };

/**
 * The language of an API call: 'en' when asked for, else Vietnamese (the default, also for anything unknown).
 * Every `options.lang` is read through here once, so no API tests the language itself.
 */
export function langOf(lang: unknown): Lang {
  return lang === 'en' ? 'en' : 'vi';
}

const LOCALES: Readonly<Record<Lang, Locale>> = { vi, en };

export function locale(lang: Lang | undefined): Locale {
  return LOCALES[langOf(lang)];
}

/** A review period in words, in the language asked for. */
export function periodLabel(period: { year: number; quarter?: number }, lang?: Lang): string {
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
