import type { Lang } from '../types';
import { en } from './en';
import type { Locale } from './types';
import { vi } from './vi';

export type { Locale } from './types';
export { vi, en };

export function locale(lang: Lang | undefined): Locale {
  return lang === 'en' ? en : vi;
}

/** The label of a field by JSON pointer, array indexes generalised; falls back to the pointer. */
export function fieldLabel(loc: Locale, pointer: string): string {
  const pattern = pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  return loc.fields[pattern] ?? (pointer || loc.fields[''] || 'subject');
}
