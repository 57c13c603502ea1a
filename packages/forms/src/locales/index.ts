import { en } from './en';
import type { FormMessages } from './types';
import { vi } from './vi';

export type { FormMessages };
export { vi, en };
export function messages(lang: 'vi' | 'en' | undefined): FormMessages {
  return lang === 'en' ? en : vi;
}
