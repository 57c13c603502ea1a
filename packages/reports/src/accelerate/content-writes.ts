/**
 * pdfkit's stream writer, with the same bytes and one Buffer per stream instead of one per operator.
 *
 * pdfkit's PDFReference#write turns every string it is given (each text, colour or line operator of a page)
 * into a small Buffer at once; a two-page form makes thousands, about 5 % of its CPU time. Here consecutive
 * strings are kept as one string, with the newline pdfkit adds to each, and become one Buffer (latin1, as
 * pdfkit encodes them) before the next binary chunk or when the stream is finalized, so the stream's bytes,
 * length and filter are what pdfkit would have written. Installed only in renderBatch's worker threads
 * (accelerate/index.ts).
 */

/** The parts of pdfkit's PDFReference that the writer wraps. */
export interface ReferencePrototype {
  write(this: object, chunk: unknown): unknown;
  finalize(this: object): unknown;
}

const PENDING = Symbol('kiemdiem.pendingText');
const INSTALLED = Symbol.for('@kiemdiem/reports/content-writes');

type Pending = { [PENDING]?: string | undefined };

/** Replaces `write` and `finalize` on pdfkit's PDFReference prototype (once); false when it does not look as expected. */
export function installContentWrites(prototype: ReferencePrototype): boolean {
  const target = prototype as ReferencePrototype & { [INSTALLED]?: boolean };
  if (target[INSTALLED]) return true;
  if (typeof target.write !== 'function' || typeof target.finalize !== 'function') return false;
  const write = target.write;
  const finalize = target.finalize;
  const flush = (ref: Pending): void => {
    const text = ref[PENDING];
    if (text === undefined) return;
    ref[PENDING] = undefined;
    write.call(ref, Buffer.from(text, 'latin1'));
  };
  target[INSTALLED] = true;
  target.write = function (this: Pending, chunk: unknown) {
    if (typeof chunk === 'string') {
      const pending = this[PENDING];
      this[PENDING] = pending === undefined ? `${chunk}\n` : `${pending}${chunk}\n`;
      return undefined;
    }
    flush(this);
    return write.call(this, chunk);
  };
  target.finalize = function (this: Pending) {
    flush(this);
    return finalize.call(this);
  };
  return true;
}
