/**
 * POST /rate with application/x-ndjson: one subject per line in, one line out per subject (its result, or
 * `{ index, line, errors }`), then a last line `{ quota, records, rated, invalid }`. Lines are rated as
 * chunks arrive and written out before more is read (backpressure), so memory holds one chunk and the
 * quota counts, whatever the length of the body. A line longer than `maxLine` is an error line, skipped.
 */
import type { Lang, Rater } from '@kiemdiem/rules';
import { mayHoldUnsafeKey, unsafeKey } from './json';
import { serverMessages } from './locales';

export interface StreamSink {
  /** Writes; resolves once the bytes may be followed by more (the socket drained). */
  write(text: string): Promise<void> | void;
}

export interface StreamCounts {
  records: number;
  rated: number;
  invalid: number;
}

/** Output is gathered up to this many characters per write. */
const FLUSH_AT = 64 * 1024;

/** `rater`: made (and its options checked) by the caller before any byte of the answer is sent. */
export async function rateNdjson(input: AsyncIterable<Uint8Array | string>, rater: Rater, lang: Lang, sink: StreamSink, maxLine = 1 << 20): Promise<StreamCounts> {
  const msg = serverMessages(lang);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let carry = '';
  let skipping = false;
  let index = 0;
  const counts: StreamCounts = { records: 0, rated: 0, invalid: 0 };
  let out = '';

  const errorLine = (errors: Array<{ path: string; code: string; message: string }>, id?: string) => {
    counts.invalid += 1;
    out += `${JSON.stringify({ index, line: index + 1, ...(id !== undefined ? { id } : {}), errors })}\n`;
  };
  const rateLine = (raw: string) => {
    const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (line.trim() !== '') {
      counts.records += 1;
      let value: unknown;
      let parsed = true;
      try {
        value = JSON.parse(line);
      } catch (error) {
        parsed = false;
        errorLine([{ path: '', code: 'bad-json', message: msg.badJsonLine((error as Error).message) }]);
      }
      const unsafe = parsed && mayHoldUnsafeKey(line) ? unsafeKey(value) : undefined;
      if (unsafe) errorLine([{ path: unsafe[1], code: 'unsafe-key', message: msg.unsafeKey(unsafe[0], unsafe[1]) }]);
      else if (parsed) {
        const outcome = rater.rate(value, index);
        if (outcome.ok) {
          counts.rated += 1;
          out += `${JSON.stringify(outcome.result)}\n`;
        } else errorLine(outcome.errors.map(({ path, code, message }) => ({ path, code, message })), outcome.errors[0]?.id);
      }
    }
    index += 1;
  };

  for await (const chunk of input) {
    let text = carry + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      if (skipping) {
        skipping = false;
        index += 1;
      } else rateLine(text.slice(start, end));
      start = end + 1;
      if (out.length >= FLUSH_AT) {
        await sink.write(out);
        out = '';
      }
    }
    text = text.slice(start);
    // A line without its end past the limit: answered once as an error, the rest of it dropped.
    if (!skipping && text.length > maxLine) {
      counts.records += 1;
      errorLine([{ path: '', code: 'line-too-long', message: msg.lineTooLong(maxLine) }]);
      skipping = true;
    }
    carry = skipping ? '' : text;
    if (out.length > 0) {
      await sink.write(out);
      out = '';
    }
  }
  const rest = carry + decoder.decode();
  if (!skipping && rest.length > 0) rateLine(rest);
  out += `${JSON.stringify({ quota: rater.quota(), ...counts })}\n`;
  await sink.write(out);
  return counts;
}
