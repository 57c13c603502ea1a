/**
 * The forms package's one place for language: the words (vi.ts, en.ts) and the label key of a schema node.
 * Everything else takes a FormLocale and never tests the language itself.
 */
import { en } from './en';
import type { FormLocale, FormMessages, Titled } from './types';
import { vi } from './vi';

export type { FormLocale, FormMessages, Titled };
export { vi, en };

/** The locale for a `lang` option as callers pass it: English when asked, Vietnamese otherwise (also for unknown values). */
export function formLocale(lang: string | undefined): FormLocale {
  return lang === 'en' ? en : vi;
}

export function messages(lang: 'vi' | 'en' | undefined): FormMessages {
  return formLocale(lang).messages;
}

/** A node's label in the locale's language; the official Vietnamese `title` when the node has none in it. */
export function titleIn(node: Titled | undefined, loc: FormLocale): string | undefined {
  if (!node) return undefined;
  return node[loc.titleKey] ?? node.title;
}
