/** Turns rule outcomes into localized reasons with citation and provenance. */
import type { Locale } from './locales';
import type { PackRule } from './pack/types';
import type { Lang, Reason } from './types';

export interface Outcome {
  result: boolean;
  actual?: unknown;
  expected?: unknown;
}

function formatNumber(value: number, loc: Locale): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded).replace('.', loc.decimal);
}

function formatValue(value: unknown, format: string | undefined, loc: Locale): string {
  if (format === 'grade' && typeof value === 'number') return loc.grades[value as 1 | 2 | 3 | 4] ?? String(value);
  if (format === 'level' && typeof value === 'number') return (['KHTNV', 'HTNV', 'HTTNV', 'HTXSNV'] as const)[value - 1] ?? String(value);
  if (typeof value === 'number') {
    if (format === 'percent') return `${formatNumber(value * 100, loc)} %`;
    return formatNumber(value, loc);
  }
  if (typeof value === 'boolean') return loc.decimal === ',' ? (value ? 'có' : 'không') : value ? 'yes' : 'no';
  return String(value ?? '');
}

/** Fills `{actual}`, `{expected|percent}` (also `points`, `grade`, `level`) in a pack message. Only these two names exist: pack text is never compiled. */
export function interpolate(template: string, outcome: Outcome, loc: Locale): string {
  return template.replace(/\{(actual|expected)(?:\|(percent|points|grade|level))?\}/g, (_m, name: string, format: string | undefined) =>
    formatValue(name === 'actual' ? outcome.actual : outcome.expected, format, loc),
  );
}

export function reasonFor(rule: PackRule, outcome: Outcome, reasonOutcome: Reason['outcome'], lang: Lang, loc: Locale): Reason {
  const p = rule.event.params;
  const reason: Reason = {
    rule: rule.name,
    stage: rule.event.type,
    outcome: reasonOutcome,
    message: interpolate(p.message[lang], outcome, loc),
    citation: p.citation,
    citationText: loc.citation(p.citation),
    provenance: p.provenance,
  };
  if (p.level) reason.level = p.level;
  if (outcome.actual !== undefined) reason.actual = outcome.actual;
  if (outcome.expected !== undefined) reason.expected = outcome.expected;
  return reason;
}
