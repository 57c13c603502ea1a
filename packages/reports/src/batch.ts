/**
 * renderBatch: many documents of one form to one PDF file each, on worker threads. Each worker loads pdfmake
 * with the accelerations (accelerate/) and the fonts once; the main thread only reads documents, names files
 * and hands out work. At most two documents per worker are in flight (taken from the source and not yet
 * written), so memory stays flat however many documents there are: the source is not read ahead of the workers.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { formOrThrow, type FormIssue } from '@kiemdiem/forms';
import { KiemdiemError } from '@kiemdiem/rules';
import { InputError } from './batch-input';
import { documentId, FileNames } from './batch-names';
import { mismatched, type AccelerationStatus, type Versions } from './accelerate/versions';
import type { Job, Outcome, StatusMessage, WorkerSetup } from './batch-worker';
import { reportLocale, type AccelerationWords } from './locales';
import { prepareOutDir } from './out-dir';
import type { RenderOptions } from './render';

export interface BatchOptions extends RenderOptions {
  /** Created if missing; existing files of the same name are overwritten. */
  outDir: string;
  /** Worker threads; default `os.availableParallelism()`. */
  workers?: number;
  /** The number of documents, when the source is not an array (for progress only). */
  total?: number;
  /** `docx`: one Word document (`renderDocx`) per input instead of a PDF, named `<id>.docx`. Default `pdf`. */
  format?: 'pdf' | 'docx';
  /** After each document, rendered or failed. `total` is undefined when unknown (a stream). */
  onProgress?(done: number, total: number | undefined, failed: number): void;
}

export interface BatchFailure {
  /** 0-based position in the input. */
  index: number;
  /** The document's `id`, or else its `identity.fullName`. */
  id?: string;
  /** 1-based line, for a malformed line of a JSON Lines file (`error` is then the JSON parser's message). */
  line?: number;
  error: string;
  /** The form errors, for an invalid document. */
  issues?: FormIssue[];
}

/** What became of one input document: its PDF, or why it has none. */
export interface BatchEntry {
  /** 0-based position in the input. */
  index: number;
  /** The document's `id`, or else its `identity.fullName`. */
  id?: string;
  /** 1-based line, for a malformed line of a JSON Lines file. */
  line?: number;
  /** The path of its PDF, when rendered. */
  file?: string;
  /** Why it has no PDF, when it failed. */
  error?: string;
  issues?: FormIssue[];
}

export interface BatchResult {
  rendered: number;
  failed: BatchFailure[];
  /** Paths of the PDFs written, in input order. */
  files: string[];
  /**
   * Every input document in input order, with its file or its failure: the map from input to output. File names
   * are given in input order whatever the outcome, so a document that fails keeps its name unused: fixed and
   * rendered again, it gets that name, and the documents after it keep theirs.
   */
  documents: BatchEntry[];
  /**
   * True when every worker printed with the accelerations (the same bytes as `render`, several times faster).
   * They are checked against the exact pdfmake, pdfkit and fontkit versions they were written for; with others
   * installed, or if installing them fails, the workers print with pdfmake as published and this is false.
   */
  accelerated: boolean;
  /**
   * Why `accelerated` is false, in the batch's `lang`, e.g. "pdfkit 0.19.2 is installed; the accelerations were
   * written for 0.19.1".
   */
  notAccelerated?: string;
}

/** The code of the warning renderBatch emits, once per process, when its workers print unaccelerated. */
export const UNACCELERATED_WARNING = 'KIEMDIEM_REPORTS_UNACCELERATED';

/** Documents in flight per worker: one being rendered, one waiting, so no worker idles between two. */
export const IN_FLIGHT_PER_WORKER = 2;

/**
 * A larger young generation than V8's default (16 MB semi-spaces): a document allocates tens of MB of
 * short-lived objects, and with fewer scavenges (and fewer GC helper threads competing with the other
 * workers) two workers on two cores went from about 52 to 62 documents per second (BENCHMARKS.md).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 128 };

interface Running {
  worker: Worker;
  jobs: Map<number, { index: number; id?: string; file: string }>;
  completed: number;
  exited: boolean;
}

/**
 * The worker entry next to this file: dist/batch-worker.js (ESM) or .cjs (CJS); from the TypeScript sources
 * (this repository's unit tests), batch-worker.ts through tsx's require hook with the source condition.
 * Exported for tests, not by the package.
 */
export function spawn(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const hook = createRequire(here).resolve('tsx/cjs');
    const entry = fileURLToPath(new URL('./batch-worker.ts', here));
    return new Worker(`require(${JSON.stringify(hook)});\nrequire(${JSON.stringify(entry)});`, {
      eval: true,
      workerData: setup,
      resourceLimits: WORKER_LIMITS,
      execArgv: ['--conditions=@kiemdiem/source'],
    });
  }
  return new Worker(new URL(here.endsWith('.cjs') ? './batch-worker.cjs' : './batch-worker.js', here), { workerData: setup, resourceLimits: WORKER_LIMITS });
}

/** Tests only, not exported by the package: versions the workers check the accelerations against instead of their pins. */
export const testing: { expect?: Versions } = {};

/** Why the accelerations are off, for people (the batch result and the warning); undefined when on. */
export function statusMessage(status: AccelerationStatus | undefined, words: AccelerationWords): string | undefined {
  if (!status) return words.noWorker;
  if (status.on) return undefined;
  if (status.reason === 'loaded') return words.loaded;
  if (status.reason === 'failed') return words.failed(status.error);
  return mismatched(status.installed, status.expected)
    .map((name) => words.version(name, status.installed[name], status.expected[name]))
    .join('; ');
}

let warned = false;

/** The warning of unaccelerated workers, once per process (renderBatch and the render pool share it). */
export function warnUnaccelerated(reason: string, words: AccelerationWords): void {
  if (warned) return;
  // Once per process: the PDFs are right, only slower; the result says so for each batch.
  warned = true;
  process.emitWarning(words.warning(reason), { code: UNACCELERATED_WARNING });
}

/**
 * Renders every document to `<outDir>/<id>.pdf`: the id is the document's top-level `id`, else its
 * `identity.fullName` as a slug, else its 1-based position; names are made safe and unique (`-2`, `-3`…).
 * An invalid document (or an `InputError` from `readDocuments`) is reported in `failed`; the rest render.
 * A top-level `id` that the form does not define is taken off before validation.
 */
export async function renderBatch(formId: string, documents: AsyncIterable<unknown> | Iterable<unknown>, options: BatchOptions): Promise<BatchResult> {
  const words = reportLocale(options.lang);
  const form = formOrThrow(formId, words.lang);
  const { outDir: dir, workers: wanted, total: given, onProgress, format = 'pdf', ...renderOptions } = options;
  if (format !== 'pdf' && format !== 'docx') throw new KiemdiemError('invalid-option', words.batch.format(String(format)), { option: 'format' });
  const outDir = resolve(dir);
  // Before any worker starts: an impossible or unwritable directory fails now, with its reason.
  await prepareOutDir(outDir, words);
  const workers = Math.max(1, Math.floor(wanted ?? availableParallelism()));
  const limit = IN_FLIGHT_PER_WORKER * workers;
  const total = Array.isArray(documents) ? documents.length : given;
  const keepsId = Boolean(form.schema.properties?.id);
  const setup: WorkerSetup = { options: renderOptions, format, ...(testing.expect ? { expect: testing.expect } : {}) };
  const statuses: AccelerationStatus[] = [];

  const names = new FileNames(format);
  const pool: Running[] = [];
  const files: Array<[number, string]> = [];
  const failed: BatchFailure[] = [];
  const entries: BatchEntry[] = [];
  let inFlight = 0;
  let done = 0;
  let seq = 0;
  let fatal: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const progress = () => onProgress?.(done, total, failed.length);

  const finish = (run: Running, outcome: Outcome) => {
    const job = run.jobs.get(outcome.seq);
    if (!job) return;
    run.jobs.delete(outcome.seq);
    run.completed += 1;
    inFlight -= 1;
    done += 1;
    const id = job.id !== undefined ? { id: job.id } : {};
    if (outcome.ok) {
      files.push([job.index, job.file]);
      entries.push({ index: job.index, ...id, file: job.file });
    } else {
      const failure: BatchFailure = { index: job.index, ...id, error: outcome.error, ...(outcome.issues ? { issues: outcome.issues as FormIssue[] } : {}) };
      failed.push(failure);
      entries.push({ ...failure });
    }
    progress();
    signal();
  };

  const start = (): Running => {
    const run: Running = { worker: spawn(setup), jobs: new Map(), completed: 0, exited: false };
    const stop = (error: Error) => {
      if (run.exited) return;
      run.exited = true;
      pool.splice(pool.indexOf(run), 1);
      // A worker that dies before finishing anything would die again: give up on the batch.
      if (run.completed === 0 && run.jobs.size > 0 && !fatal) fatal = error;
      for (const s of [...run.jobs.keys()]) finish(run, { seq: s, ok: false, error: words.batch.workerStopped(error.message) });
      signal();
    };
    run.worker.on('message', (message: Outcome | StatusMessage) => {
      // A worker's first message says whether its accelerations are on; the others are outcomes.
      if ('status' in message) statuses.push(message.status);
      else finish(run, message);
    });
    run.worker.on('error', (error) => stop(error));
    run.worker.on('exit', (code) => stop(new Error(words.batch.exitCode(code))));
    pool.push(run);
    return run;
  };

  /** The least busy worker; a new one while some are missing and all are busy. */
  const pick = (): Running => {
    let best: Running | undefined;
    for (const run of pool) if (!best || run.jobs.size < best.jobs.size) best = run;
    if (!best || (best.jobs.size > 0 && pool.length < workers)) return start();
    return best;
  };

  const room = async () => {
    while (inFlight >= limit && !fatal) await new Promise<void>((r) => (wake = r));
    if (fatal) throw fatal;
  };

  try {
    let index = 0;
    for await (const item of documents) {
      const i = index++;
      if (item instanceof InputError) {
        const failure: BatchFailure = { index: i, ...(item.line !== undefined ? { line: item.line } : {}), error: item.reason };
        failed.push(failure);
        entries.push({ ...failure });
        done += 1;
        progress();
        continue;
      }
      const { id, from } = documentId(item);
      const file = join(outDir, names.next(item, i));
      if (dirname(file) !== outDir) throw new Error(`file name outside ${outDir}: ${file}`); // cannot happen: names are single components
      let document = item;
      if (from === 'id' && !keepsId) {
        const { id: _id, ...rest } = item as Record<string, unknown>;
        document = rest;
      }
      const run = pick();
      const s = seq++;
      run.jobs.set(s, { index: i, ...(id !== undefined ? { id } : {}), file });
      inFlight += 1;
      try {
        run.worker.postMessage({ seq: s, kind: 'form', formId, document, file } satisfies Job);
      } catch (error) {
        // Not structured-cloneable (a function, say): not a document.
        finish(run, { seq: s, ok: false, error: (error as Error).message });
      }
      // Take the next document only when there is room for it.
      await room();
    }
    while (inFlight > 0 && !fatal) await new Promise<void>((r) => (wake = r));
    if (fatal) throw fatal;
  } finally {
    await Promise.all(pool.map((run) => run.worker.terminate()));
  }
  files.sort((a, b) => a[0] - b[0]);
  failed.sort((a, b) => a.index - b.index);
  entries.sort((a, b) => a.index - b.index);
  const off = statuses.find((status) => !status.on);
  // Word documents have no PDF engine to accelerate: nothing is off.
  const notAccelerated = format === 'docx' ? undefined : statuses.length === 0 ? statusMessage(undefined, words.acceleration) : off && statusMessage(off, words.acceleration);
  if (off && notAccelerated !== undefined) warnUnaccelerated(notAccelerated, words.acceleration);
  return { rendered: files.length, failed, files: files.map(([, f]) => f), documents: entries, accelerated: notAccelerated === undefined, ...(notAccelerated !== undefined ? { notAccelerated } : {}) };
}
