/**
 * One chunk of JSON Lines bytes to output lines, as the worker threads and the main thread both do it:
 * decoding (with a check for bytes that are not UTF-8), then rateLines. And the main thread's rescue, for a
 * chunk a worker could not rate: line by line, so a record that cannot be rated at all still gets its line.
 */
import { Buffer } from 'node:buffer';
import type { Rater } from '@kiemdiem/rules';
import { joinOutputs } from './chunk-ids';
import { rateLines, type ChunkOutput, type LineWords } from './rate-lines';

export interface ChunkWords extends LineWords {
  badEncodingLine: string;
  notRated(why: string): string;
}

const fast = new TextDecoder();
const strict = new TextDecoder('utf-8', { fatal: true });

/** The error line of a record that is not rated; `code` is the error's code. */
function errorLine(index: number, code: string, message: string): string {
  return `${JSON.stringify({ index, line: index + 1, errors: [{ path: '', code, message }] })}\n`;
}

/** Byte ranges [start, end) of the lines in `bytes` (the last one ends at the end). */
function lineRanges(bytes: Uint8Array): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, start)) {
    ranges.push([start, nl]);
    start = nl + 1;
  }
  ranges.push([start, bytes.length]);
  return ranges;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function invalidLine(index: number, code: string, message: string): ChunkOutput {
  return { out: Buffer.from(errorLine(index, code, message)), records: 1, rated: 0, invalid: 1 };
}

/**
 * Rates the lines of `bytes` (whole lines, UTF-8). A line whose bytes are not UTF-8 gets the error
 * `bad-encoding` instead of being rated with U+FFFD in its ids. The check runs only when the decoded chunk
 * holds U+FFFD, so valid input pays one scan of the text, not a second decoding.
 */
export function rateChunk(bytes: Uint8Array, firstIndex: number, rater: Rater, words: ChunkWords, reuse?: ArrayBuffer): ChunkOutput {
  const text = fast.decode(bytes);
  if (!text.includes('\uFFFD') || isUtf8(bytes)) return rateLines(text, firstIndex, rater, words, reuse);
  // Runs of good lines are rated together; each bad line gets its error line, in place.
  const outputs: ChunkOutput[] = [];
  let runStart = -1;
  let runIndex = firstIndex;
  const ranges = lineRanges(bytes);
  const flush = (end: number) => {
    if (runStart >= 0) outputs.push(rateLines(fast.decode(bytes.subarray(runStart, end)), runIndex, rater, words));
    runStart = -1;
  };
  ranges.forEach(([start, end], i) => {
    if (isUtf8(bytes.subarray(start, end))) {
      if (runStart < 0) [runStart, runIndex] = [start, firstIndex + i];
      return;
    }
    // The run ends before this line's bytes, newline excluded (the run's lines are whole).
    flush(Math.max(runStart, start - 1));
    outputs.push(invalidLine(firstIndex + i, 'bad-encoding', words.badEncodingLine));
  });
  flush(bytes.length);
  return joinOutputs(outputs);
}

/**
 * rateChunk for a chunk a worker could not rate (it died, ran out of memory, or threw), on this thread and
 * line by line, so each record still gets exactly one line and is counted once; a record that cannot be
 * rated even alone gets the error `not-rated`.
 */
export function rescueChunk(bytes: Uint8Array, firstIndex: number, rater: Rater, words: ChunkWords): ChunkOutput {
  return joinOutputs(
    lineRanges(bytes).map(([start, end], i) => {
      try {
        return rateChunk(bytes.subarray(start, end), firstIndex + i, rater, words);
      } catch (error) {
        return invalidLine(firstIndex + i, 'not-rated', words.notRated(error instanceof Error ? error.message : String(error)));
      }
    }),
  );
}
