/** The package's one place for language: Vietnamese by default, English on request. */
import { en } from './en';
import type { SheetsMessages } from './types';
import { vi } from './vi';

export type { SheetsMessages };
export { vi, en };

export function sheetsMessages(lang: 'vi' | 'en' | undefined): SheetsMessages {
  return lang === 'en' ? en : vi;
}
