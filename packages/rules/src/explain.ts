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

/** A message split once into text and `{actual|format}` / `{expected|format}` slots. */
type Part = string | { name: 'actual' | 'expected'; format: string | undefined };
const SLOT = /\{(actual|expected)(?:\|(percent|points|grade|level))?\}/g;
const parsed = new Map<string, Part[]>();

function partsOf(template: string): Part[] {
  let parts = parsed.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of template.matchAll(SLOT)) {
      if (m.index > last) parts.push(template.slice(last, m.index));
      parts.push({ name: m[1] as 'actual' | 'expected', format: m[2] });
      last = m.index + m[0].length;
    }
    if (last < template.length) parts.push(template.slice(last));
    // Pack messages are few; the bound only guards against a host feeding endless distinct overlays.
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(template, parts);
  }
  return parts;
}

/** Fills `{actual}`, `{expected|percent}` (also `points`, `grade`, `level`) in a pack message. Only these two names exist: pack text is never compiled. */
export function interpolate(template: string, outcome: Outcome, loc: Locale): string {
  const parts = partsOf(template);
  let out = '';
  for (const part of parts) {
    out += typeof part === 'string' ? part : formatValue(part.name === 'actual' ? outcome.actual : outcome.expected, part.format, loc);
  }
  return out;
}

/** Citation texts per locale: a pack has a few dozen citations, each formatted once. */
const citationTexts = new WeakMap<Locale, WeakMap<object, string>>();
function citationText(citation: PackRule['event']['params']['citation'], loc: Locale): string {
  let byCitation = citationTexts.get(loc);
  if (!byCitation) {
    byCitation = new WeakMap();
    citationTexts.set(loc, byCitation);
  }
  let text = byCitation.get(citation);
  if (text === undefined) {
    text = loc.citation(citation);
    byCitation.set(citation, text);
  }
  return text;
}

export function reasonFor(rule: PackRule, outcome: Outcome, reasonOutcome: Reason['outcome'], lang: Lang, loc: Locale): Reason {
  const p = rule.event.params;
  const reason: Reason = {
    rule: rule.name,
    stage: rule.event.type,
    outcome: reasonOutcome,
    message: interpolate(p.message[lang], outcome, loc),
    citation: p.citation,
    citationText: citationText(p.citation, loc),
    provenance: p.provenance,
  };
  if (p.level) reason.level = p.level;
  if (outcome.actual !== undefined) reason.actual = outcome.actual;
  if (outcome.expected !== undefined) reason.expected = outcome.expected;
  return reason;
}
