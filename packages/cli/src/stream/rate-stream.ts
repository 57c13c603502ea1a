/**
 * `kiemdiem rate --format jsonl`: reads JSON Lines a chunk at a time, rates them on this thread or on N
 * worker threads, and writes one line per record, in input order, then a last line with the quota and
 * the counts. At most a few chunks are in flight and the output waits for the pipe to drain, so memory
 * stays flat however long the input is.
 */
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createRater, type QuotaLine, type RateOptions, type Rater } from '@kiemdiem/rules';
import type { Messages } from '../locales';
import { rateChunk, rescueChunk } from './rate-chunk';
import { outputSize, type ChunkOutput } from './rate-lines';
import { Buffer } from 'node:buffer';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';
import { foreignEncoding } from '../encoding';
import { fileProblem } from '../files';
import { UsageError } from '../io';
import { StreamIds } from './stream-ids';

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
  /** `write` is done with the bytes when it resolves: their buffer may be reused (Io.writeReleases). */
  writeReleases?: boolean;
  msg: Messages;
  /** The worker threads' script; tests give a stand-in. */
  workerEntry?: URL;
}

/**
 * A rated chunk: its output lines as UTF-8 bytes, its counts and its ids (the main thread checks them and counts
 * the quota from them, stream-ids.ts); `release` once the bytes are written out.
 */
type Rated = ChunkOutput & { release?: () => void };

interface Pool {
  /** `bytes` holds whole lines, in a buffer of its own (inputCopy); the pool takes ownership of it. */
  submit(bytes: Uint8Array, firstIndex: number): Promise<Rated>;
  /** Ends the workers (also after a failure: a live worker would keep the process from exiting). */
  close(): Promise<void>;
}

/**
 * Buffers to write into again. Fresh memory costs the kernel a page fault per 4 kB, and a national run
 * moves about 13 GB through these buffers; reused ones are already mapped.
 */
class Spares {
  private readonly list: ArrayBuffer[] = [];
  put(buffer: ArrayBuffer): void {
    if (this.list.length < 8) this.list.push(buffer);
  }
  /** A spare of at least `size` bytes, if there is one. */
  take(size: number): ArrayBuffer | undefined {
    const last = this.list.at(-1);
    return last && last.byteLength >= size ? this.list.pop() : undefined;
  }
}

/** A copy of `bytes` in a reused (or new) buffer of its own, which can be transferred to a worker. */
function inputCopy(bytes: Uint8Array, inputs: Spares): Uint8Array {
  const buffer = inputs.take(bytes.length) ?? new ArrayBuffer(Math.max(bytes.length, 2 * CHUNK));
  const copy = new Uint8Array(buffer, 0, bytes.length);
  copy.set(bytes);
  return copy;
}

function inlinePool(rater: Rater, msg: Messages, inputs: Spares): Pool {
  const outputs = new Spares();
  return {
    submit(bytes, firstIndex) {
      const rated: Rated = rateChunk(bytes, firstIndex, rater, msg, outputs.take(outputSize(bytes.length)));
      inputs.put(bytes.buffer as ArrayBuffer);
      rated.release = () => outputs.put(rated.out.buffer as ArrayBuffer);
      return Promise.resolve(rated);
    },
    close: () => Promise.resolve(),
  };
}

function workerEntry(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.cjs') ? './rate-worker.cjs' : './rate-worker.js', here);
}

/** A chunk this large holds a line of megabytes: rated on the main thread, whose heap is not capped like a worker's. */
const BIG_CHUNK = 4 * CHUNK;

/**
 * N worker threads, round robin. The main thread keeps a copy of each chunk until its lines come back: when
 * a worker dies (out of memory on a huge line, a crash) or fails a chunk, its chunks are rated again here,
 * line by line (`rescue`), the other workers go on, and once none is left the rest is rated here.
 * `entry`: the worker's script (tests give a stand-in).
 */
function workerPool(count: number, setup: WorkerSetup, inputs: Spares, rescue: (bytes: Uint8Array, firstIndex: number) => Rated, entry: URL): Pool {
  interface Pending {
    copy: Uint8Array;
    firstIndex: number;
    resolve: (o: Rated) => void;
  }
  // A small old generation: the work is a stream of short-lived chunks, so collect often and stay small.
  const workers = Array.from({ length: count }, () => new Worker(entry, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 96 } }));
  const alive = workers.map(() => true);
  /** The chunks sent to each worker and not yet back. */
  const pending = workers.map(() => new Map<number, Pending>());
  /** Output buffers written out, per worker, to go back with its next chunk. */
  const outputs = workers.map(() => new Spares());
  const copies = new Spares();
  const done = (p: Pending, rated: Rated) => {
    copies.put(p.copy.buffer as ArrayBuffer);
    p.resolve(rated);
  };
  const rescueOne = (p: Pending) => done(p, rescue(p.copy, p.firstIndex));
  const dead = (i: number) => {
    if (!alive[i]) return;
    alive[i] = false;
    void workers[i]!.terminate();
    const lost = [...pending[i]!.values()];
    pending[i]!.clear();
    for (const p of lost) rescueOne(p);
  };
  workers.forEach((w, i) => {
    w.on('message', (m: FromWorker) => {
      const p = pending[i]!.get(m.seq);
      if (!p) return;
      pending[i]!.delete(m.seq);
      if (m.type === 'failed') return rescueOne(p);
      inputs.put(m.input);
      const release = () => outputs[i]!.put(m.bytes.buffer as ArrayBuffer);
      done(p, { out: m.bytes, records: m.records, rated: m.rated, invalid: m.invalid, ids: m.ids, release });
    });
    w.on('error', () => dead(i));
    w.on('exit', () => dead(i));
  });
  let seq = 0;
  let next = 0;
  return {
    submit(bytes, firstIndex) {
      // Round robin over the live workers: chunks are about the same size, so they stay about equally busy.
      const live = alive.flatMap((a, i) => (a ? [i] : []));
      if (live.length === 0 || bytes.length > BIG_CHUNK) return Promise.resolve(rescue(bytes, firstIndex));
      const which = live[next++ % live.length]!;
      const s = seq++;
      const spare = outputs[which]!.take(outputSize(bytes.length));
      return new Promise((resolve) => {
        pending[which]!.set(s, { copy: inputCopy(bytes, copies), firstIndex, resolve });
        const transfer = spare ? [bytes.buffer as ArrayBuffer, spare] : [bytes.buffer as ArrayBuffer];
        workers[which]!.postMessage({ type: 'chunk', seq: s, firstIndex, bytes, ...(spare ? { spare } : {}) } satisfies ToWorker, transfer);
      });
    },
    async close() {
      alive.fill(false);
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** The input's pieces; a file that cannot be opened or read is a usage error naming it. */
async function* readPieces(input: StreamOptions['input'], msg: Messages): AsyncGenerator<Uint8Array | string> {
  if (typeof input !== 'string') return yield* input as AsyncIterable<Uint8Array | string>;
  try {
    yield* createReadStream(input, { highWaterMark: CHUNK }) as AsyncIterable<Uint8Array>;
  } catch (error) {
    throw fileProblem(input, error, msg);
  }
}

/** Lines in a chunk of whole lines (newline bytes + 1). */
function countLines(bytes: Uint8Array): number {
  let n = 1;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n += 1;
  return n;
}

/** The counts, and the quota lines written on the last line (for the caller's own checks). */
export async function rateStream(o: StreamOptions): Promise<StreamCounts & { quota: QuotaLine[] }> {
  // Options are checked here, on the main thread, before any worker starts: a bad option is a usage error.
  // The workers get the same options (WorkerSetup); the quota lines come from this thread's rater, which
  // adds up their counts, so its exceptional groups are the ones that mark the lines.
  const rater = createRater(o.options);
  // Ids are checked here, across chunks and workers, and only first occurrences counted (stream-ids.ts):
  // the raters that rate chunks leave ids to this thread, and their own counts go unused.
  const ids = new StreamIds(rater, o.options.lang);
  const inputs = new Spares();
  const pool = o.workers > 1 ? workerPool(o.workers, { options: o.options }, inputs, rescuer(o), o.workerEntry ?? workerEntry()) : inlinePool(createRater(o.options, { checkIds: false }), o.msg, inputs);
  try {
    return await rateWith(pool, ids, rater, inputs, o);
  } finally {
    await pool.close();
  }
}

/**
 * The main thread's rating of chunks the workers could not rate, with a rater of its own (made when first
 * needed): its lines carry their ids like a worker's, so they are checked and counted in input order.
 */
function rescuer(o: StreamOptions): (bytes: Uint8Array, firstIndex: number) => Rated {
  let rater: Rater | undefined;
  return (bytes, firstIndex) => {
    rater ??= createRater(o.options, { checkIds: false });
    return rescueChunk(bytes, firstIndex, rater, o.msg);
  };
}

async function rateWith(pool: Pool, ids: StreamIds, rater: Rater, inputs: Spares, o: StreamOptions): Promise<StreamCounts & { quota: QuotaLine[] }> {
  const limit = Math.max(2, o.workers * 2);
  const inFlight: Array<Promise<Rated>> = [];
  const counts: StreamCounts = { records: 0, rated: 0, invalid: 0 };

  const flushOne = async () => {
    const output = await inFlight.shift()!;
    const checked = ids.check(output.out, output.ids);
    counts.records += output.records;
    counts.rated += output.rated - checked.unrated;
    counts.invalid += output.invalid + checked.unrated;
    if (checked.out.length > 0) await o.write(checked.out);
    if (o.writeReleases || checked.out !== output.out) output.release?.();
  };
  const flushAll = async () => {
    while (inFlight.length > 0) await flushOne();
  };
  let index = 0;
  const submit = async (bytes: Uint8Array) => {
    const lines = countLines(bytes);
    // A copy with its own buffer (Buffer#slice would share memory): the read stream reuses its memory,
    // and the copy is transferred to a worker.
    inFlight.push(pool.submit(inputCopy(bytes, inputs), index));
    index += lines;
    while (inFlight.length >= limit) await flushOne();
  };

  const name = typeof o.input === 'string' ? o.input : '-';
  let rest: Uint8Array = new Uint8Array(0);
  let skipping = false;
  let first = true;
  for await (const piece of readPieces(o.input, o.msg)) {
    let bytes: Uint8Array = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (rest.length > 0) bytes = Buffer.concat([rest, bytes]);
    if (first) {
      // UTF-16 would give a NUL-laden error for every line: the file is refused once (exit 2).
      const encoding = foreignEncoding(bytes);
      if (encoding) throw new UsageError(o.msg.badEncodingFile(name, encoding));
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      // A JSON array is one record per element, not per line: said once, rather than a bad-json line per line.
      if (bytes[bytes.findIndex((b) => b !== 32 && b !== 9 && b !== 10 && b !== 13)] === 91) throw new UsageError(o.msg.arrayNotLines(name));
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

  const quota = rater.quota();
  await o.write(`${JSON.stringify({ quota, counts })}\n`);
  return { ...counts, quota };
}
