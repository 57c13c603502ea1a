/**
 * Reasons: a rule's outcome as a localized sentence with its citation and provenance, marked with the overlay
 * behind it. A batch says the same few hundred things millions of times, so a rating session keeps each
 * distinct reason once and hands every result its own copy (the same JSON, objects the caller may change).
 */
import type { Outcome } from '../engines/engine';
import { parametersOf } from '../engines/conditions';
import type { Locale } from '../locales';
import type { Pack, PackRule } from '../pack/types';
import { levelOfRank } from '../subject/facts';
import { interpolate } from '../text/interpolate';
import type { Citation, Lang, Reason } from '../types';

function formatNumber(value: number, loc: Locale): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded).replace('.', loc.decimal);
}

/** A quoted value in a message slot's format; undefined for a format pack messages do not have. */
function formatValue(value: unknown, format: string | undefined, loc: Locale): string | undefined {
  switch (format) {
    case undefined:
    case 'points':
      break;
    case 'percent':
      return typeof value === 'number' ? `${formatNumber(value * 100, loc)} %` : formatValue(value, undefined, loc);
    case 'grade':
      return typeof value === 'number' ? (loc.grades[value as 1 | 2 | 3 | 4] ?? String(value)) : formatValue(value, undefined, loc);
    case 'level':
      return typeof value === 'number' ? (levelOfRank(value) ?? String(value)) : formatValue(value, undefined, loc);
    default:
      return undefined;
  }
  if (typeof value === 'number') return formatNumber(value, loc);
  if (typeof value === 'boolean') return value ? loc.yesNo.yes : loc.yesNo.no;
  return String(value ?? '');
}

/** A pack message with `{actual}` / `{expected}` (optionally `|percent`, `|points`, `|grade`, `|level`) filled in. */
export function fillMessage(template: string, outcome: Outcome, loc: Locale): string {
  return interpolate(template, (name, format) => {
    if (name === 'actual') return formatValue(outcome.actual, format, loc);
    if (name === 'expected') return formatValue(outcome.expected, format, loc);
    return undefined;
  });
}

/** Citation texts per locale: a pack has a few dozen citations, each formatted once. */
const citationTexts = new WeakMap<Locale, WeakMap<Citation, string>>();
export function citationText(citation: Citation, loc: Locale): string {
  let byCitation = citationTexts.get(loc);
  if (!byCitation) citationTexts.set(loc, (byCitation = new WeakMap()));
  let text = byCitation.get(citation);
  if (text === undefined) byCitation.set(citation, (text = loc.citation(citation)));
  return text;
}

/** The reason for one rule's outcome, in one language. */
export function reasonFor(rule: PackRule, outcome: Outcome, how: Reason['outcome'], lang: Lang, loc: Locale): Reason {
  const p = rule.event.params;
  const reason: Reason = {
    rule: rule.name,
    stage: rule.event.type,
    outcome: how,
    message: fillMessage(p.message[lang], outcome, loc),
    citation: p.citation,
    citationText: citationText(p.citation, loc),
    provenance: p.provenance,
  };
  if (p.level) reason.level = p.level;
  if (outcome.actual !== undefined) reason.actual = outcome.actual;
  if (outcome.expected !== undefined) reason.expected = outcome.expected;
  return reason;
}

/** The reason in a pack: an overlay's switch-off says so, and an overlay behind the rule or a value it compared with is named. */
function reasonInPack(pack: Pack, rule: PackRule, outcome: Outcome, how: Reason['outcome'], lang: Lang, loc: Locale): Reason {
  const reason = reasonFor(rule, outcome, how, lang, loc);
  if (how === 'disabled') {
    const d = pack.disabled?.find((x) => x.rule === rule.name)!;
    reason.message = `${reason.message} — ${loc.disabledBy(d.overlay, d.reason[lang])}`;
    reason.overlay = d.overlay;
  } else if (pack.overlays?.length) {
    if (rule.overlay) reason.overlay = rule.overlay;
    else {
      const param = parametersOf(rule.conditions).find((name) => pack.parameters[name]?.overlay);
      if (param) reason.overlay = pack.parameters[param]!.overlay!;
    }
  }
  return reason;
}

/** Distinct reasons kept before the session starts over: far above what the packs say, a guard against endless values. */
const MAX_KEPT = 100_000;

type ByValues = Map<unknown, Map<unknown, Reason>>;
/** One outcome kind of a rule: its reasons by the values they quote, and the last one handed out. */
interface Slot {
  byValues: ByValues;
  actual: unknown;
  expected: unknown;
  last: Reason | undefined;
}
interface RuleReasons {
  pack: Pack;
  applied?: Slot;
  met?: Slot;
  failed?: Slot;
  disabled?: Slot;
}

// Map keys cannot tell -0 from 0, and a result must quote the value it was given: -0 is never kept.
const keyable = (value: unknown): boolean => value === null || (typeof value !== 'object' && typeof value !== 'function' && !Object.is(value, -0));

/**
 * The reasons of one rating session (one language, one set of options). A reason depends only on its pack,
 * rule, outcome kind and the two values it quotes: each distinct one is made once and copied for each result.
 */
export class SessionReasons {
  private readonly byRule = new Map<PackRule, RuleReasons>();
  private kept = 0;
  constructor(
    private readonly lang: Lang,
    private readonly loc: Locale,
  ) {}

  reason(pack: Pack, rule: PackRule, outcome: Outcome, how: Reason['outcome']): Reason {
    const { actual, expected } = outcome;
    let entry = this.byRule.get(rule);
    if (!entry) this.byRule.set(rule, (entry = { pack }));
    // A rule shared by two packs (an overlaid copy) or values that cannot be keys: made afresh.
    if (entry.pack !== pack || !keyable(actual) || !keyable(expected)) return reasonInPack(pack, rule, outcome, how, this.lang, this.loc);
    let slot = entry[how];
    if (!slot) entry[how] = slot = { byValues: new Map(), actual: undefined, expected: undefined, last: undefined };
    // Subjects in a row often quote the same values (100 % completed, the same threshold): no lookup then.
    if (slot.last !== undefined && slot.actual === actual && slot.expected === expected) return { ...slot.last };
    let byExpected = slot.byValues.get(actual);
    if (!byExpected) slot.byValues.set(actual, (byExpected = new Map()));
    let kept = byExpected.get(expected);
    if (!kept) {
      if (this.kept >= MAX_KEPT) {
        this.byRule.clear();
        this.kept = 0;
        return this.reason(pack, rule, outcome, how);
      }
      byExpected.set(expected, (kept = reasonInPack(pack, rule, outcome, how, this.lang, this.loc)));
      this.kept += 1;
    }
    slot.actual = actual;
    slot.expected = expected;
    slot.last = kept;
    return { ...kept };
  }
}
