/**
 * createRenderPool: PDFs on demand (a server's requests) on long-lived worker threads that print like renderBatch's,
 * with the accelerations and the fonts loaded once per worker. `render` alone prints on the caller's thread
 * with pdfmake as published, because the accelerations must not touch a module the host may load too; a
 * worker's module registry is the package's own. The queue is bounded: past `maxQueue` waiting documents a
 * render is refused at once (KiemdiemError `overloaded`) instead of waiting without bound.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { formOrThrow } from '@kiemdiem/forms';
import { KiemdiemError, type KiemdiemErrorCode, type Lang } from '@kiemdiem/rules';
import type { AccelerationStatus } from './accelerate/versions';
import { spawn, statusMessage, testing, warnUnaccelerated } from './batch';
import type { Job, Outcome, StatusMessage } from './batch-worker';
import type { DiffRenderOptions } from './diff-report';
import type { Renderers } from './documents';
import { reportLocale } from './locales';
import type { PdfBytes } from './pdf-types';
import type { RenderOptions } from './render';
import type { RollupRenderOptions } from './rollup-report';
import type { SummaryInput, SummaryOptions } from './summary';

export interface RenderPoolOptions {
  /** Worker threads, started at once and kept until `close()`; default `os.availableParallelism()`. */
  workers?: number;
  /** Documents that may wait while every worker prints (default 4 per worker); past that a render is refused. */
  maxQueue?: number;
  /** The language of the pool's own messages (queue full, worker stopped); each document's `lang` is its own. */
  lang?: Lang;
}

/** Per document: what the single-document function takes, and a signal that drops it (waiting) or stops its worker (printing). */
export interface PoolJobOptions {
  signal?: AbortSignal;
}

export interface RenderPool {
  /** As `render`, with the same bytes and errors. */
  render(formId: string, document: unknown, options?: RenderOptions & PoolJobOptions): Promise<PdfBytes>;
  renderSummary(output: SummaryInput, options?: SummaryOptions & PoolJobOptions): Promise<PdfBytes>;
  renderDiff(report: Parameters<Renderers['renderDiff']>[0], options?: DiffRenderOptions & PoolJobOptions): Promise<PdfBytes>;
  renderRollup(output: Parameters<Renderers['renderRollup']>[0], options?: RollupRenderOptions & PoolJobOptions): Promise<PdfBytes>;
  /** Documents printing plus waiting. */
  readonly pending: number;
  /** Whether the workers print with the accelerations, once the first has loaded (and why not, when not). */
  status(): Promise<{ accelerated: boolean; notAccelerated?: string }>;
  /** Refuses new documents, lets those printing and waiting finish, then stops the workers. */
  close(): Promise<void>;
}

/** A job before its number: Omit over each member of the union. */
type Body = Job extends infer J ? (J extends unknown ? Omit<J, 'seq'> : never) : never;

interface Task {
  body: Body;
  resolve(bytes: PdfBytes): void;
  reject(error: unknown): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  seq: number;
  /** Has said whether it is accelerated (it loaded). */
  ready: boolean;
}

export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const words = reportLocale(options.lang);
  const size = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const maxQueue = Math.max(0, Math.floor(options.maxQueue ?? size * 4));
  const waiting: Task[] = [];
  const slots: Slot[] = [];
  let seq = 0;
  let closing: Promise<void> | undefined;
  let drained: (() => void) | undefined;
  let firstStatus: ((status: AccelerationStatus) => void) | undefined;
  const statusKnown = new Promise<AccelerationStatus>((resolve) => (firstStatus = resolve));
  // Workers that die before they load would die again: after this many in a row, documents fail instead.
  let deadBeforeReady = 0;

  const busy = () => slots.filter((slot) => slot.task).length;

  const settle = (task: Task) => {
    if (task.signal && task.onAbort) task.signal.removeEventListener('abort', task.onAbort);
  };

  const start = (): Slot => {
    const slot: Slot = { worker: spawn({ options: {}, ...(testing.expect ? { expect: testing.expect } : {}) }), seq: -1, ready: false };
    slot.worker.unref(); // an idle pool does not keep the process alive; a printing one does (ref in dispatch)
    slot.worker.on('message', (message: Outcome | StatusMessage) => {
      if ('status' in message) {
        slot.ready = true;
        deadBeforeReady = 0;
        firstStatus?.(message.status);
        firstStatus = undefined;
        if (!message.status.on) warnUnaccelerated(statusMessage(message.status, words.acceleration)!, words.acceleration);
        return;
      }
      const task = slot.task;
      if (!task || message.seq !== slot.seq) return;
      slot.task = undefined;
      slot.worker.unref();
      settle(task);
      if (message.ok) task.resolve(message.bytes as PdfBytes);
      else task.reject(new KiemdiemError((message.code ?? 'invalid-subject') as KiemdiemErrorCode, message.error, message.issues));
      dispatch();
    });
    const stop = (error: Error) => {
      const at = slots.indexOf(slot);
      if (at < 0) return;
      slots.splice(at, 1);
      if (!slot.ready) deadBeforeReady += 1;
      const task = slot.task;
      slot.task = undefined;
      if (task) {
        settle(task);
        task.reject(error);
      }
      if (!closing && deadBeforeReady < 3) slots.push(start());
      else if (!closing && slots.length === 0) {
        firstStatus?.({ on: false, reason: 'failed', error: error.message });
        for (const t of waiting.splice(0)) {
          settle(t);
          t.reject(error);
        }
      }
      dispatch();
    };
    slot.worker.on('error', (error) => stop(new Error(words.batch.workerStopped(error.message))));
    slot.worker.on('exit', (code) => stop(new Error(words.batch.workerStopped(words.batch.exitCode(code)))));
    return slot;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.task) continue;
      const task = waiting.shift();
      if (!task) break;
      slot.task = task;
      slot.seq = seq++;
      slot.worker.ref();
      try {
        slot.worker.postMessage({ ...task.body, seq: slot.seq } as Job);
      } catch (error) {
        // Not structured-cloneable (a function in the document, say): not a document.
        slot.task = undefined;
        slot.worker.unref();
        settle(task);
        task.reject(new KiemdiemError('invalid-argument', (error as Error).message));
      }
    }
    if (closing && waiting.length === 0 && busy() === 0) drained?.();
  };

  const submit = (body: Body, signal: AbortSignal | undefined): Promise<PdfBytes> => {
    if (closing) return Promise.reject(new KiemdiemError('invalid-argument', words.batch.poolClosed));
    if (signal?.aborted) return Promise.reject(signal.reason);
    // Checked before queueing: the refusal is certain and costs nothing.
    if (busy() >= slots.length && waiting.length >= maxQueue) return Promise.reject(new KiemdiemError('overloaded', words.batch.poolFull(maxQueue)));
    return new Promise<PdfBytes>((resolve, reject) => {
      const task: Task = { body, resolve, reject, ...(signal ? { signal } : {}) };
      if (signal) {
        task.onAbort = () => {
          const queued = waiting.indexOf(task);
          if (queued >= 0) {
            waiting.splice(queued, 1);
            reject(signal.reason);
            return;
          }
          // Printing: its worker is stopped and replaced at once, so no document is handed to the dying one.
          const at = slots.findIndex((s) => s.task === task);
          if (at >= 0) {
            const [slot] = slots.splice(at, 1);
            reject(signal.reason);
            void slot!.worker.terminate();
            if (!closing) slots.push(start());
            dispatch();
          }
        };
        signal.addEventListener('abort', task.onAbort, { once: true });
      }
      waiting.push(task);
      dispatch();
    });
  };

  for (let i = 0; i < size; i++) slots.push(start());

  return {
    render(formId, document, { signal, ...rest } = {}) {
      try {
        // In the caller's thread: an unknown form is refused before it costs a worker anything.
        formOrThrow(formId, reportLocale(rest.lang).lang);
      } catch (error) {
        return Promise.reject(error);
      }
      return submit({ kind: 'form', formId, document, options: rest }, signal);
    },
    renderSummary: (output, { signal, ...rest } = {}) => submit({ kind: 'summary', document: output, options: rest }, signal),
    renderDiff: (report, { signal, ...rest } = {}) => submit({ kind: 'diff', document: report, options: rest }, signal),
    renderRollup: (output, { signal, ...rest } = {}) => submit({ kind: 'rollup', document: output, options: rest }, signal),
    get pending() {
      return busy() + waiting.length;
    },
    async status() {
      const status = await statusKnown;
      const why = statusMessage(status, words.acceleration);
      return { accelerated: why === undefined, ...(why !== undefined ? { notAccelerated: why } : {}) };
    },
    close() {
      if (closing) return closing;
      const drainedNow = new Promise<void>((resolve) => (drained = resolve));
      closing = drainedNow.then(async () => {
        await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
      });
      dispatch();
      return closing;
    },
  };
}
