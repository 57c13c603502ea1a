/**
 * Shared formatting for the reports: display words for audiences, provenance and rounding (from the rules
 * package's locales), numbers in a language, and a guard for characters Tinos cannot print. The reports' own
 * words are in locales/.
 */
import { locale, type Audience, type Kind, type Lang, type Provenance, type Rounding } from '@kiemdiem/rules';
import { STAND_INS } from './locales';

// Audience, provenance and rounding words come from the rules package's locale modules.
export function audienceWord(result: { kind: Kind; audience?: Audience }, lang: Lang): string {
  return locale(lang).audiences[result.kind === 'collective' ? 'collective' : (result.audience ?? 'non-leader')];
}

export function provenanceWord(p: Provenance | string, lang: Lang): string {
  return locale(lang).provenance[p as Provenance] ?? String(p);
}

export function roundingWord(r: Rounding | string, lang: Lang): string {
  return locale(lang).rounding[r as Rounding] ?? String(r);
}

export function decimal(n: number, lang: Lang): string {
  return String(n).replace('.', locale(lang).decimal);
}

/** part/whole as a percentage with one decimal: "23,8 %"; "—" when whole is 0. */
export function percent(part: number, whole: number, lang: Lang): string {
  if (whole === 0) return '—';
  return `${(Math.round((part / whole) * 1000) / 10).toFixed(1).replace('.', locale(lang).decimal)} %`;
}

/** 0.2 → "20 %". */
export function ratioWord(ratio: number, lang: Lang): string {
  return `${decimal(Math.round(ratio * 10000) / 100, lang)} %`;
}

const MISSING = new RegExp(`[${Object.keys(STAND_INS).join('')}]`, 'gu');

/** NFC text with the symbols Tinos lacks replaced, so nothing prints as an empty box. */
export function printable(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.normalize('NFC').replace(MISSING, (ch) => STAND_INS[ch] ?? ch);
}
