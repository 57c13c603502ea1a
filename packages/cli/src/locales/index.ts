/** The CLI's wording in Vietnamese (default) and English; `messages(lang)` is the only place a language is picked. */
import type { Lang } from '@kiemdiem/rules';
import { en } from './en';
import type { Locale } from './types';
import { vi } from './vi';

export { COMMAND_NAMES } from './types';
export type { CommandName, CommandText, Locale } from './types';
export type Messages = Locale;

const LOCALES: Record<Lang, Locale> = { vi, en };

/** The language when none is asked for. */
export const DEFAULT_LANG: Lang = 'vi';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/** The wording for `lang`; Vietnamese for anything else (callers from plain JavaScript). */
export function messages(lang: Lang): Locale {
  return isLang(lang) ? LOCALES[lang] : LOCALES[DEFAULT_LANG];
}
