/**
 * PDFs on a bounded pool of worker threads (piscina): at most `workers` render at once and `queue` wait;
 * past that a request is refused at once (503 + Retry-After) instead of queueing without bound, and a
 * render that outlives `timeoutMs` is abandoned (504-style timeout problem).
 */
import { Piscina } from 'piscina';
import { KiemdiemError, type Lang } from '@kiemdiem/rules';
import { serverMessages } from './locales';
import { Problem, toProblem } from './problem';

export type PdfTask = { lang: Lang } & ({ kind: 'form'; formId: string; document: unknown } | { kind: 'summary'; document: unknown; options?: Record<string, unknown> });
export type PdfOutcome = { ok: true; bytes: Uint8Array } | { ok: false; code: string; message: string; details?: unknown[] };

export interface PdfPoolOptions {
  /** Worker threads (default 2). */
  workers?: number;
  /** Tasks that may wait for a worker (default 4 per worker). */
  queue?: number;
  /** Per-PDF limit in ms, queueing included (default 30 000). */
  timeoutMs?: number;
  /** Seconds a refused client is told to wait (Retry-After, default 1). */
  retryAfter?: number;
}

export interface PdfPool {
  render(task: PdfTask): Promise<Uint8Array>;
  /** Renders in flight plus waiting. */
  readonly pending: number;
  close(): Promise<void>;
}

/** The worker entry next to this module: dist/pdf-worker.js or .cjs. */
function workerFile(): string {
  const here = import.meta.url;
  return new URL(here.endsWith('.cjs') ? './pdf-worker.cjs' : './pdf-worker.js', here).href;
}

export function createPdfPool(options: PdfPoolOptions = {}): PdfPool {
  const workers = options.workers ?? 2;
  const queue = options.queue ?? workers * 4;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retryAfter = options.retryAfter ?? 1;
  const pool = new Piscina({ filename: workerFile(), minThreads: workers, maxThreads: workers, maxQueue: queue, concurrentTasksPerWorker: 1, idleTimeout: Infinity });
  let pending = 0;
  return {
    get pending() {
      return pending;
    },
    async render(task) {
      // Checked here rather than by catching piscina's "queue is at limit": the refusal is then certain and cheap.
      if (pending >= workers + queue) throw new Problem(503, 'overloaded', serverMessages(task.lang).overloaded(retryAfter), undefined, retryAfter);
      pending += 1;
      try {
        const outcome = (await pool.run(task, { signal: AbortSignal.timeout(timeoutMs) })) as PdfOutcome;
        if (outcome.ok) return outcome.bytes;
        throw toProblem(new KiemdiemError(outcome.code as never, outcome.message, outcome.details), task.lang);
      } catch (error) {
        if (error instanceof Problem) throw error;
        if ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError') throw new Problem(503, 'timeout', serverMessages(task.lang).timeout(timeoutMs), undefined, retryAfter);
        if (/queue is at limit/i.test(String((error as Error).message))) throw new Problem(503, 'overloaded', serverMessages(task.lang).overloaded(retryAfter), undefined, retryAfter);
        throw toProblem(error, task.lang);
      } finally {
        pending -= 1;
      }
    },
    close: () => pool.close(),
  };
}
