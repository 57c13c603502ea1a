/**
 * A result as one JSON line, byte for byte what `JSON.stringify(result)` gives, faster: a national batch
 * repeats a few hundred distinct reasons millions of times, and serializing them was over half the cost of
 * a line. Each distinct reason's JSON is encoded to UTF-8 once and copied into every line that gives it.
 *
 * Nothing here depends on how the rater builds its objects: the rest of the result is serialized as usual
 * with its reasons replaced by a marker (wherever the `reasons` key sits), and a reason's kept bytes are used
 * only for a reason with the same keys, in the same order, holding the same values. A test compares the
 * lines with JSON.stringify.
 */
import { Buffer } from 'node:buffer';
import type { Reason, Result } from '@kiemdiem/rules';
import type { Utf8Lines } from './utf8-lines';

/** Stands in for the reasons while the rest is serialized; its JSON is found again in the text. */
const MARKER_TEXT = '\u0000kiemdiem:reasons\u0000';
const MARKER = { toJSON: () => MARKER_TEXT } as unknown as Result['reasons'];
const MARKER_JSON = JSON.stringify(MARKER_TEXT);

/** Reasons whose bytes are kept before starting over: far above what the packs say. */
const MAX_KEPT = 100_000;

interface Kept {
  keys: string[];
  values: unknown[];
  bytes: Uint8Array;
}

// Map keys cannot tell -0 from 0, and JSON writes both as 0 but a key must not merge them: -0 is never kept.
const keyable = (value: unknown): boolean => value === null || (typeof value !== 'object' && typeof value !== 'function' && !Object.is(value, -0));

/** True when `reason` has exactly the kept keys, in order, each holding the identical value. */
function matches(reason: Reason, kept: Kept): boolean {
  let i = 0;
  for (const key in reason) {
    if (key !== kept.keys[i] || (reason as unknown as Record<string, unknown>)[key] !== kept.values[i]) return false;
    i += 1;
  }
  return i === kept.keys.length;
}

export class ResultLines {
  /** rule → outcome → actual → expected → kept bytes. */
  private readonly byRule = new Map<string, Map<string, Map<unknown, Map<unknown, Kept>>>>();
  /** Reasons whose bytes are kept (for tests and diagnostics). */
  kept = 0;

  write(out: Utf8Lines, result: Result): void {
    const reasons = result.reasons;
    if (!Array.isArray(reasons) || reasons.length === 0) {
      out.line(JSON.stringify(result));
      return;
    }
    result.reasons = MARKER;
    let text: string;
    try {
      text = JSON.stringify(result);
    } finally {
      result.reasons = reasons;
    }
    const at = text.indexOf(MARKER_JSON);
    // Exactly one marker is ours; a second one (some string equal to it) means: write it the plain way.
    if (at < 0 || text.indexOf(MARKER_JSON, at + 1) >= 0) {
      out.line(JSON.stringify(result));
      return;
    }
    out.text(text.slice(0, at));
    out.byte(91); // [
    for (let i = 0; i < reasons.length; i++) {
      if (i > 0) out.byte(44); // ,
      out.raw(this.bytesOf(reasons[i]!));
    }
    out.byte(93); // ]
    out.line(text.slice(at + MARKER_JSON.length));
  }

  private bytesOf(reason: Reason): Uint8Array {
    const { rule, outcome, actual, expected } = reason;
    if (typeof rule !== 'string' || typeof outcome !== 'string' || !keyable(actual) || !keyable(expected)) return Buffer.from(JSON.stringify(reason), 'utf8');
    let byOutcome = this.byRule.get(rule);
    if (!byOutcome) this.byRule.set(rule, (byOutcome = new Map()));
    let byActual = byOutcome.get(outcome);
    if (!byActual) byOutcome.set(outcome, (byActual = new Map()));
    let byExpected = byActual.get(actual);
    if (!byExpected) byActual.set(actual, (byExpected = new Map()));
    let kept = byExpected.get(expected);
    if (kept && matches(reason, kept)) return kept.bytes;
    // New, or a reason that differs in a field the keys do not cover (another pack, language or overlay): keep this one.
    if (!kept) {
      if (this.kept >= MAX_KEPT) {
        this.byRule.clear();
        this.kept = 0;
        return this.bytesOf(reason);
      }
      this.kept += 1;
    }
    const keys = Object.keys(reason);
    kept = { keys, values: keys.map((k) => (reason as unknown as Record<string, unknown>)[k]), bytes: Buffer.from(JSON.stringify(reason), 'utf8') };
    byExpected.set(expected, kept);
    return kept.bytes;
  }
}
