/**
 * A PDF worker thread of the pool (pdf-pool.ts): renders one document per task with @kiemdiem/reports and
 * answers its bytes, or the error's code and message (a KiemdiemError does not survive structured cloning).
 */
import { render, renderSummary } from '@kiemdiem/reports';
import type { PdfTask, PdfOutcome } from './pdf-pool';

export default async function renderTask(task: PdfTask): Promise<PdfOutcome> {
  try {
    const bytes =
      task.kind === 'form'
        ? await render(task.formId, task.document, { lang: task.lang })
        : await renderSummary(task.document as Parameters<typeof renderSummary>[0], { lang: task.lang, ...(task.options ?? {}) });
    return { ok: true, bytes };
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown; details?: unknown };
    return { ok: false, code: typeof e.code === 'string' ? e.code : 'internal', message: String(e.message ?? error), ...(Array.isArray(e.details) ? { details: e.details } : {}) };
  }
}
