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
const MARKER = Object.freeze(['\u0000kiemdiem:reasons\u0000']) as unknown as Result['reasons'];
const MARKER_JSON = JSON.stringify(MARKER);
/**
 * How a result ends when `reasons` is its last key. Nothing else can end that way: a nested "reasons" closes
 * with two braces, and a string cannot hold an unescaped quote.
 */
const LAST = `"reasons":${MARKER_JSON}}`;

/** Reasons whose bytes are kept before starting over: far above what the packs say. */
const MAX_KEPT = 100_000;

interface Kept {
  /** The reason the bytes were made from; its own keys, in order. */
  reason: Reason;
  keys: string[];
  /** Only the fields of a Reason: otherwise another value in an extra key would go unseen, so it never matches. */
  plain: boolean;
  bytes: Uint8Array;
}

// Map keys cannot tell -0 from 0, and JSON writes both as 0 but a key must not merge them: -0 is never kept.
const keyable = (value: unknown): boolean => value === null || (typeof value !== 'object' && typeof value !== 'function' && !Object.is(value, -0));

/**
 * True when `reason` would serialize as the kept one: the same keys in the same order (a walk over the names
 * only), and the same value in every field a Reason has (read by name, which is several times cheaper than
 * reading each key by a variable name). A reason with a key outside those fields is never kept as a match.
 */
function matches(reason: Reason, kept: Kept): boolean {
  const k = kept.reason;
  if (
    !kept.plain ||
    reason.message !== k.message || reason.rule !== k.rule || reason.outcome !== k.outcome || reason.actual !== k.actual || reason.expected !== k.expected ||
    reason.citation !== k.citation || reason.citationText !== k.citationText || reason.provenance !== k.provenance || reason.stage !== k.stage ||
    reason.level !== k.level || reason.overlay !== k.overlay
  )
    return false;
  const keys = kept.keys;
  let i = 0;
  for (const key in reason) {
    if (key !== keys[i]) return false;
    i += 1;
  }
  return i === keys.length;
}

/** The fields of a Reason, compared by name in `matches`. */
const FIELDS: ReadonlySet<string> = new Set(['rule', 'stage', 'level', 'outcome', 'message', 'citation', 'citationText', 'provenance', 'actual', 'expected', 'overlay']);

/** Different reasons kept under one message text (the same words in two packs): a few at most. */
const MAX_PER_MESSAGE = 16;

export class ResultLines {
  /** message → the reasons kept with that text (a message names the rule and quotes its values). */
  private readonly byMessage = new Map<string, Kept[]>();
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
    if (text.endsWith(LAST)) {
      // The reasons are the last key (as the rater writes them): no need to look for the marker elsewhere.
      out.text(text);
      out.unwrite(LAST.length - '"reasons":'.length); // ASCII: as many bytes as characters
      this.reasons(out, reasons);
      out.byte(125); // }
      out.byte(10);
      return;
    }
    const at = text.indexOf(MARKER_JSON);
    // Exactly one marker is ours; a second one (some value equal to it) means: write it the plain way.
    if (at < 0 || text.indexOf(MARKER_JSON, at + 1) >= 0) {
      out.line(JSON.stringify(result));
      return;
    }
    out.text(text.slice(0, at));
    this.reasons(out, reasons);
    out.line(text.slice(at + MARKER_JSON.length));
  }

  private reasons(out: Utf8Lines, reasons: readonly Reason[]): void {
    out.byte(91); // [
    for (let i = 0; i < reasons.length; i++) {
      if (i > 0) out.byte(44); // ,
      out.raw(this.bytesOf(reasons[i]!));
    }
    out.byte(93); // ]
  }

  private bytesOf(reason: Reason): Uint8Array {
    const message = reason.message;
    if (typeof message !== 'string' || !keyable(reason.actual) || !keyable(reason.expected)) return Buffer.from(JSON.stringify(reason), 'utf8');
    let list = this.byMessage.get(message);
    if (list) {
      for (let i = 0; i < list.length; i++) if (matches(reason, list[i]!)) return list[i]!.bytes;
    } else {
      if (this.kept >= MAX_KEPT) {
        this.byMessage.clear();
        this.kept = 0;
      }
      this.byMessage.set(message, (list = []));
    }
    const keys = Object.keys(reason);
    const kept: Kept = { reason: { ...reason }, keys, plain: keys.every((k) => FIELDS.has(k)), bytes: Buffer.from(JSON.stringify(reason), 'utf8') };
    // A reason that differs in a field the message does not show (another pack's citation, an overlay): kept beside it.
    if (list.length < MAX_PER_MESSAGE) {
      list.push(kept);
      this.kept += 1;
    }
    return kept.bytes;
  }
}
