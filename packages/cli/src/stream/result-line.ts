/**
 * A result as one JSON line, byte for byte what `JSON.stringify(result)` gives, faster when its reasons are
 * shared (RateOptions.shareReasons): a national batch repeats a few hundred distinct reasons millions of
 * times, and serializing them was over half the cost of a line. A shared reason is frozen, so its JSON
 * never changes: it is encoded to UTF-8 once and copied into every line that gives it. The rest of the
 * result (id, period, total, …) is serialized as usual. A test compares the lines with JSON.stringify.
 */
import { Buffer } from 'node:buffer';
import type { Result } from '@kiemdiem/rules';
import type { Utf8Lines } from './utf8-lines';

const NO_REASONS: Result['reasons'] = Object.freeze([]) as unknown as Result['reasons'];
/** How the result ends when its reasons (the last key, as rate builds it) are empty. */
const TAIL = ',"reasons":[]}';

export class ResultLines {
  private readonly encoded = new WeakMap<object, Uint8Array>();
  /** Reasons whose bytes are kept (for tests and diagnostics). */
  kept = 0;

  write(out: Utf8Lines, result: Result): void {
    const reasons = result.reasons;
    if (reasons.length === 0 || !Object.isFrozen(reasons[0])) {
      out.line(JSON.stringify(result));
      return;
    }
    result.reasons = NO_REASONS;
    let head: string;
    try {
      head = JSON.stringify(result);
    } finally {
      result.reasons = reasons;
    }
    if (!head.endsWith(TAIL)) {
      out.line(JSON.stringify(result));
      return;
    }
    out.text(head);
    out.unwrite(2); // "]}": the line goes on after the '[' of "reasons":[
    for (let i = 0; i < reasons.length; i++) {
      if (i > 0) out.byte(44); // ,
      const reason = reasons[i]!;
      if (!Object.isFrozen(reason)) {
        out.text(JSON.stringify(reason));
        continue;
      }
      let bytes = this.encoded.get(reason);
      if (!bytes) {
        bytes = Buffer.from(JSON.stringify(reason), 'utf8');
        this.encoded.set(reason, bytes);
        this.kept += 1;
      }
      out.raw(bytes);
    }
    out.byte(93); // ]
    out.byte(125); // }
    out.byte(10);
  }
}
