/**
 * A batch worker thread: loads pdfmake and the fonts once (pdf.ts keeps them per thread), then renders the
 * documents the main thread sends, writes each PDF to the path it was given, and answers with the outcome.
 */
import { writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { KiemdiemError } from '@kiemdiem/rules';
import { render } from './node';
import type { RenderOptions } from './render';

export interface WorkerSetup {
  formId: string;
  options: RenderOptions;
}
export interface Job {
  seq: number;
  document: unknown;
  file: string;
}
export type Outcome = { seq: number; ok: true } | { seq: number; ok: false; error: string; issues?: unknown };

const { formId, options } = workerData as WorkerSetup;
const port = parentPort!;

port.on('message', (job: Job) => {
  render(formId, job.document, options)
    .then((pdf) => writeFile(job.file, pdf))
    .then(
      () => port.postMessage({ seq: job.seq, ok: true } satisfies Outcome),
      (error: unknown) => {
        const issues = error instanceof KiemdiemError && Array.isArray(error.details) ? error.details : undefined;
        port.postMessage({ seq: job.seq, ok: false, error: error instanceof Error ? error.message : String(error), ...(issues ? { issues } : {}) } satisfies Outcome);
      },
    );
});
