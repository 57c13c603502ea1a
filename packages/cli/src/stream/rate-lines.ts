/**
 * The work of `kiemdiem rate --format jsonl` on one chunk of input lines, shared by the main thread and
 * the worker threads: each non-blank line is one record and gives exactly one output line, its result
 * or its errors, so every record is accounted for.
 */
import type { Rater } from '@kiemdiem/rules';
import { ResultLines } from './result-line';
import { Utf8Lines } from './utf8-lines';
import { ChunkIdsWriter, keyOf, type ChunkIds } from './chunk-ids';

/** Result lines of this thread (it keeps the bytes of each distinct reason). */
const results = new ResultLines();
/** The ids of this thread's current chunk. */
const ids = new ChunkIdsWriter();

export interface LineWords {
  badJsonLine(why: string): string;
}

export interface ChunkOutput {
  /** Output lines as UTF-8, each ending in "\n". */
  out: Uint8Array;
  records: number;
  rated: number;
  invalid: number;
  /** The keyed records' ids, for the main thread's duplicate check and quota (stream-ids.ts). */
  ids?: ChunkIds;
}

/** A result line is about four times its input line (reasons with messages and citations). */
export const outputSize = (inputLength: number): number => inputLength * 4;

/**
 * Rates the lines of `text`; the first line has index `firstIndex` (0-based line number in the input).
 * `reuse`: an output buffer of an earlier chunk that has been written out, to write into again.
 */
export function rateLines(text: string, firstIndex: number, rater: Rater, words: LineWords, reuse?: ArrayBuffer): ChunkOutput {
  const parts = new Utf8Lines(outputSize(text.length), reuse);
  ids.reset();
  let records = 0;
  let invalid = 0;
  let start = 0;
  let index = firstIndex;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // CRLF files: the \r belongs to the line break, not to the JSON.
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    if (line.trim() !== '') {
      records += 1;
      let value: unknown;
      let parsed = true;
      try {
        value = JSON.parse(line);
      } catch (error) {
        parsed = false;
        invalid += 1;
        parts.line(JSON.stringify({ index, line: index + 1, errors: [{ path: '', code: 'bad-json', message: words.badJsonLine((error as Error).message) }] }));
      }
      if (parsed) {
        const start = parts.length;
        const outcome = rater.rate(value, index);
        if (outcome.ok) results.write(parts, outcome.result);
        else {
          invalid += 1;
          const id = outcome.errors[0]?.id;
          parts.line(JSON.stringify({ index, line: index + 1, ...(id !== undefined ? { id } : {}), errors: outcome.errors.map(({ path, code, message }) => ({ path, code, message })) }));
        }
        const key = keyOf(value);
        if (key !== undefined) ids.add(index, key, start, parts.length, outcome.ok ? outcome.result : null);
      }
    }
    index += 1;
    start = end + 1;
  }
  const linesEnd = parts.length;
  const chunkIds = ids.appendTo(parts);
  return { out: parts.bytes().subarray(0, linesEnd), records, rated: records - invalid, invalid, ids: chunkIds };
}
