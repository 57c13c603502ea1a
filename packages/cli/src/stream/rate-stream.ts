/**
 * `kiemdiem rate --format jsonl`: reads JSON Lines a chunk at a time, rates them on this thread or on N
 * worker threads, and writes one line per record, in input order, then a last line with the quota and
 * the counts. At most a few chunks are in flight and the output waits for the pipe to drain, so memory
 * stays flat however long the input is.
 */
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createRater, type RateOptions } from '@kiemdiem/rules';
import type { Messages } from '../messages';
import { rateLines, type ChunkOutput } from './rate-lines';
import { Buffer } from 'node:buffer';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';

/** About a megabyte of input per chunk: large enough to amortise messaging, small enough to keep memory flat. */
const CHUNK = 1 << 20;
/** A single line longer than this is not a subject: it is reported and skipped rather than buffered. */
const MAX_LINE = 16 << 20;

export interface StreamCounts {
  records: number;
  rated: number;
  invalid: number;
}

export interface StreamOptions {
  input: NodeJS.ReadableStream | string;
  options: Omit<RateOptions, 'engine'>;
  workers: number;
  /** Writes output (text, or UTF-8 bytes from a worker); resolves once more may be written (pipe drained). */
  write: (data: string | Uint8Array) => Promise<void> | void;
  msg: Messages;
}

/** A rated chunk: its output lines as UTF-8 bytes, and its counts. */
type Rated = ChunkOutput;

interface Pool {
  /** `bytes` holds whole lines; the pool may take ownership of its buffer. */
  submit(bytes: Uint8Array, firstIndex: number): Promise<Rated>;
  finish(): Promise<import('@kiemdiem/rules').QuotaCount[][]>;
}

function inlinePool(rater: ReturnType<typeof createRater>, msg: Messages): Pool {
  const decoder = new TextDecoder();
  return {
    submit: (bytes, firstIndex) => Promise.resolve(rateLines(decoder.decode(bytes), firstIndex, rater, msg)),
    finish: () => Promise.resolve([]),
  };
}

function workerEntry(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.cjs') ? './rate-worker.cjs' : './rate-worker.js', here);
}

function workerPool(count: number, setup: WorkerSetup): Pool {
  // A small old generation: the work is a stream of short-lived chunks, so collect often and stay small.
  const workers = Array.from({ length: count }, () => new Worker(workerEntry(), { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 96 } }));
  const waiting = new Map<number, { resolve: (o: Rated) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  for (const w of workers) {
    w.on('message', (m: FromWorker) => {
      if (m.type === 'chunk') {
        waiting.get(m.seq)?.resolve({ out: m.bytes, records: m.records, rated: m.rated, invalid: m.invalid });
        waiting.delete(m.seq);
      } else if (m.type === 'failed') {
        waiting.get(m.seq)?.reject(new Error(m.error));
        waiting.delete(m.seq);
      }
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (code !== 0) fail(new Error(`worker exited with code ${code}`));
    });
  }
  let seq = 0;
  return {
    submit(bytes, firstIndex) {
      if (failure) return Promise.reject(failure);
      const s = seq++;
      // Round robin: chunks are about the same size, so the workers stay about equally busy.
      const worker = workers[s % workers.length]!;
      return new Promise((resolve, reject) => {
        waiting.set(s, { resolve, reject });
        worker.postMessage({ type: 'chunk', seq: s, firstIndex, bytes } satisfies ToWorker, [bytes.buffer as ArrayBuffer]);
      });
    },
    async finish() {
      const counts = await Promise.all(
        workers.map(
          (w) =>
            new Promise<import('@kiemdiem/rules').QuotaCount[]>((resolve, reject) => {
              w.on('message', (m: FromWorker) => {
                if (m.type === 'counts') resolve(m.counts);
              });
              w.once('error', reject);
              w.postMessage({ type: 'end' } satisfies ToWorker);
            }),
        ),
      );
      await Promise.all(workers.map((w) => w.terminate()));
      return counts;
    },
  };
}

/** Lines in a chunk of whole lines (newline bytes + 1). */
function countLines(bytes: Uint8Array): number {
  let n = 1;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n += 1;
  return n;
}

export async function rateStream(o: StreamOptions): Promise<StreamCounts> {
  // Options are checked here, on the main thread, before any worker starts: a bad option is a usage error.
  const rater = createRater(o.options);
  const pool = o.workers > 1 ? workerPool(o.workers, { options: o.options }) : inlinePool(rater, o.msg);
  const limit = Math.max(2, o.workers * 2);
  const inFlight: Array<Promise<Rated>> = [];
  const counts: StreamCounts = { records: 0, rated: 0, invalid: 0 };

  const flushOne = async () => {
    const output = await inFlight.shift()!;
    counts.records += output.records;
    counts.rated += output.rated;
    counts.invalid += output.invalid;
    if (output.out.length > 0) await o.write(output.out);
  };
  const flushAll = async () => {
    while (inFlight.length > 0) await flushOne();
  };
  let index = 0;
  const submit = async (bytes: Uint8Array) => {
    const lines = countLines(bytes);
    // A copy with its own buffer (Buffer#slice would share memory): the read stream reuses its memory,
    // and the copy is transferred to a worker.
    inFlight.push(pool.submit(new Uint8Array(bytes), index));
    index += lines;
    while (inFlight.length >= limit) await flushOne();
  };

  const stream = typeof o.input === 'string' ? createReadStream(o.input, { highWaterMark: CHUNK }) : o.input;
  let rest: Uint8Array = new Uint8Array(0);
  let skipping = false;
  let first = true;
  for await (const piece of stream as AsyncIterable<Uint8Array | string>) {
    let bytes: Uint8Array = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (rest.length > 0) bytes = Buffer.concat([rest, bytes]);
    if (first) {
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      first = false;
    }
    const cut = bytes.lastIndexOf(10);
    if (cut < 0) {
      rest = bytes;
      if (rest.length > MAX_LINE && !skipping) {
        // Report the over-long line as an invalid record, then drop it up to its end.
        await flushAll();
        counts.records += 1;
        counts.invalid += 1;
        await o.write(`${JSON.stringify({ index, line: index + 1, errors: [{ path: '', code: 'too-long', message: o.msg.lineTooLong(MAX_LINE) }] })}\n`);
        skipping = true;
      }
      if (skipping) rest = new Uint8Array(0);
      continue;
    }
    let body = bytes.subarray(0, cut);
    rest = new Uint8Array(bytes.subarray(cut + 1));
    if (skipping) {
      // The rest of the over-long line ends at the first newline of this piece.
      const nl = body.indexOf(10);
      index += 1;
      skipping = false;
      if (nl < 0) continue;
      body = body.subarray(nl + 1);
    }
    await submit(body);
  }
  if (!skipping && rest.length > 0) await submit(rest);
  await flushAll();

  for (const c of await pool.finish()) rater.merge(c);
  await o.write(`${JSON.stringify({ quota: rater.quota(), counts })}\n`);
  return counts;
}
