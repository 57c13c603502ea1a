/**
 * PDFs on @kiemdiem/reports' render pool: long-lived worker threads that print with the reports package's
 * accelerations (as fast as renderBatch), at most `workers` at once and `queue` waiting; past that a request is
 * refused at once (503 + Retry-After) instead of queueing without bound, and a render that outlives `timeoutMs`
 * (queueing included) is dropped or its worker stopped (503 timeout).
 */
import { createRenderPool, type SummaryInput } from '@kiemdiem/reports';
import { KiemdiemError, type Lang } from '@kiemdiem/rules';
import { serverMessages } from './locales';
import { Problem, toProblem } from './problem';

export type PdfTask = { lang: Lang } & ({ kind: 'form'; formId: string; document: unknown } | { kind: 'summary'; document: unknown; options?: Record<string, unknown> });

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

export function createPdfPool(options: PdfPoolOptions = {}): PdfPool {
  const workers = options.workers ?? 2;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retryAfter = options.retryAfter ?? 1;
  const pool = createRenderPool({ workers, maxQueue: options.queue ?? workers * 4 });
  return {
    get pending() {
      return pool.pending;
    },
    async render(task) {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return task.kind === 'form'
          ? await pool.render(task.formId, task.document, { lang: task.lang, signal })
          : await pool.renderSummary(task.document as SummaryInput, { ...(task.options ?? {}), lang: task.lang, signal });
      } catch (error) {
        if (KiemdiemError.is(error) && error.code === 'overloaded') throw new Problem(503, 'overloaded', serverMessages(task.lang).overloaded(retryAfter), undefined, retryAfter);
        if (signal.aborted) throw new Problem(503, 'timeout', serverMessages(task.lang).timeout(timeoutMs), undefined, retryAfter);
        throw toProblem(error, task.lang);
      }
    },
    close: () => pool.close(),
  };
}
