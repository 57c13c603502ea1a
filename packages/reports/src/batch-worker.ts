/**
 * A batch worker thread: loads pdfmake with the accelerations (accelerate/: this thread's module registry is
 * kiemdiem's alone, no host code runs here) and the fonts once, tells the main thread whether the
 * accelerations are on, then renders the documents the main thread sends, writes each PDF to the path it was
 * given, and answers with the outcome.
 */
import { writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { KiemdiemError } from '@kiemdiem/rules';
import { accelerate, type AccelerationStatus, type Versions } from './accelerate';
import type { DiffRenderOptions } from './diff-report';
import { renderers } from './documents';
import { renderDocx } from './docx';
import { facesOf } from './pdf';
import { printPdf, type Print } from './print';
import type { RenderOptions } from './render';
import type { RollupRenderOptions } from './rollup-report';
import type { SummaryInput, SummaryOptions } from './summary';

export interface WorkerSetup {
  /** The options of every job: `render`'s for forms (renderBatch), the report's for the other kinds. */
  options: RenderOptions | SummaryOptions | DiffRenderOptions | RollupRenderOptions;
  /** Versions to check the accelerations against instead of their pins (tests of the "off" path). */
  expect?: Versions;
  /** `docx`: forms as Word documents (renderDocx); pdfmake and its accelerations are then never loaded. */
  format?: 'pdf' | 'docx';
}
/**
 * A document to print: a form (renderBatch, the render pool), or a summary, diff or roll-up report. With `file` the
 * PDF is written there (renderBatch); without, its bytes come back in the outcome (the render pool). `options`
 * replace the worker's own for this job (the render pool's jobs each carry theirs).
 */
export type Job = { seq: number; file?: string; options?: WorkerSetup['options'] } & (
  | { kind: 'form'; formId: string; document: unknown }
  | { kind: 'summary' | 'diff' | 'rollup'; document: unknown }
);
export type Outcome = { seq: number; ok: true; bytes?: Uint8Array } | { seq: number; ok: false; error: string; code?: string; issues?: unknown };
/** The first message of every worker, before any outcome. */
export interface StatusMessage {
  status: AccelerationStatus;
}

const { options, expect, format } = workerData as WorkerSetup;
const port = parentPort!;
const word = format === 'docx';

// Word documents need no PDF engine: no accelerations to load, and no status to report.
const accelerated = word ? undefined : accelerate(expect);
accelerated?.then(
  ({ status }) => port.postMessage({ status } satisfies StatusMessage),
  () => undefined, // then every job fails with the error, and the batch with them
);
const ready: Promise<unknown> = accelerated ?? Promise.resolve();

const print: Print = async (definition, fonts, lang) => {
  const { pdfmake, share } = await accelerated!;
  const faces = facesOf(fonts, lang);
  share(faces);
  return printPdf(pdfmake, definition, faces);
};
const documents = renderers(print);

function printJob(job: Job): Promise<Uint8Array> {
  const given = job.options ?? options;
  switch (job.kind) {
    case 'form':
      if (word) return renderDocx(job.formId, job.document, given as RenderOptions);
      return documents.render(job.formId, job.document, given as RenderOptions);
    case 'summary':
      return documents.renderSummary(job.document as SummaryInput, given as SummaryOptions);
    case 'diff':
      return documents.renderDiff(job.document as Parameters<typeof documents.renderDiff>[0], given as DiffRenderOptions);
    case 'rollup':
      return documents.renderRollup(job.document as Parameters<typeof documents.renderRollup>[0], given as RollupRenderOptions);
  }
}

/** Written to its file (renderBatch), or handed back without a copy (the render pool). */
function deliver(job: Job, pdf: Uint8Array): Promise<void> {
  if (job.file !== undefined) return writeFile(job.file, pdf).then(() => port.postMessage({ seq: job.seq, ok: true } satisfies Outcome));
  const transfer = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? [pdf.buffer as ArrayBuffer] : [];
  port.postMessage({ seq: job.seq, ok: true, bytes: pdf } satisfies Outcome, transfer);
  return Promise.resolve();
}

port.on('message', (job: Job) => {
  // After `ready`: the status message goes out before any outcome, even of a job that fails validation.
  ready
    .then(() => printJob(job))
    .then((pdf) => deliver(job, pdf))
    .catch((error: unknown) => {
      // A KiemdiemError does not survive structured cloning: its code and details travel beside the message.
      const known = error instanceof KiemdiemError;
      const issues = known && Array.isArray(error.details) ? error.details : undefined;
      port.postMessage({ seq: job.seq, ok: false, error: error instanceof Error ? error.message : String(error), ...(known ? { code: error.code } : {}), ...(issues ? { issues } : {}) } satisfies Outcome);
    });
});
