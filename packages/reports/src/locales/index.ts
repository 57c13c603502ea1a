/**
 * The words of @kiemdiem/reports (types.ts): `reportLocale(lang)` picks a language once, and the rest of the
 * package reads its words from what it gives. Vietnamese unless English is asked for.
 */
import type { Lang } from '@kiemdiem/rules';
import { en } from './en';
import type { ReportLocale } from './types';
import { vi } from './vi';

export { en } from './en';
export { party, vi } from './vi';
export type * from './types';

export const LOCALES: Readonly<Record<Lang, ReportLocale>> = { vi, en };

/** The words for `lang`; Vietnamese for anything but 'en' (the documents' own language). */
export function reportLocale(lang?: Lang | string): ReportLocale {
  return lang === 'en' ? en : vi;
}

/**
 * Symbols the rule text may hold that Tinos has no glyph for, with printable stand-ins (the same in every
 * language: rule text is printed as written).
 */
export const STAND_INS: Readonly<Record<string, string>> = { '\u2713': '\u221A', '\u2714': '\u221A', '\u2717': '\u00D7', '\u2718': '\u00D7', '\u2208': 'in', '\u2209': 'not in' };
