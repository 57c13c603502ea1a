/**
 * The accelerations in the place they run, a batch worker thread, against pdfmake as published on this thread:
 * the same bytes for every form (one worker, forwards then backwards, so that nothing one document leaves in
 * the shared fonts changes the next), a summary list and a diff report; and the "off" path when the installed
 * libraries are not the pinned versions.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleFor, FORMS } from '@kiemdiem/forms';
import { diff, rateMany } from '@kiemdiem/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, testing, UNACCELERATED_WARNING } from '../batch';
import type { Job, Outcome, StatusMessage, WorkerSetup } from '../batch-worker';
import { render, renderBatch, renderDiff, renderSummary } from '../index';
import { mismatched, PINNED, type AccelerationStatus } from './index';

// Workers started from the TypeScript sources compile them first (tsx): give them time.
const SLOW = 180_000;
const tmp = () => mkdtempSync(join(tmpdir(), 'kiemdiem-accelerate-'));
type Print = Job extends infer J ? (J extends Job ? Omit<J, 'seq' | 'file'> : never) : never;

/** Prints the jobs in one worker (all sent at once, as renderBatch keeps two in flight), in order. */
async function inWorker(setup: WorkerSetup, jobs: Print[]): Promise<{ status: AccelerationStatus; pdfs: Buffer[] }> {
  const dir = tmp();
  const worker = spawn(setup);
  try {
    const outcomes = new Map<number, Outcome>();
    let status: AccelerationStatus | undefined;
    let early = false;
    await new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (message: Outcome | StatusMessage) => {
        if ('status' in message) status = message.status;
        else {
          if (!status) early = true;
          outcomes.set(message.seq, message);
          if (outcomes.size === jobs.length) resolve();
        }
      });
      jobs.forEach((job, seq) => worker.postMessage({ ...job, seq, file: join(dir, `${seq}.pdf`) } as Job));
    });
    expect(early, 'an outcome came before the status').toBe(false);
    for (const [seq, outcome] of outcomes) expect(outcome, `job ${seq}`).toEqual({ seq, ok: true });
    return { status: status!, pdfs: jobs.map((_, seq) => readFileSync(join(dir, `${seq}.pdf`))) };
  } finally {
    await worker.terminate();
  }
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

describe('the accelerations in a worker thread', () => {
  it('print the bytes of pdfmake as published: every form, forwards then backwards in one worker', { timeout: SLOW }, async () => {
    const ids = FORMS.map((f) => f.id);
    const order = [...ids, ...[...ids].reverse()];
    const { status, pdfs } = await inWorker({ options: {} }, order.map((formId) => ({ kind: 'form', formId, document: exampleFor(formId) })));
    expect(status).toEqual({ on: true, versions: PINNED });
    for (const [i, id] of order.entries()) expect(same(pdfs[i]!, await render(id, exampleFor(id))), `${id} (#${i})`).toBe(true);
  });

  it('print the bytes of pdfmake as published: a summary list and a diff report', { timeout: SLOW }, async () => {
    const rated = await rateMany(JSON.parse(readFileSync(new URL('../../../../examples/chi-bo-2026/subjects.json', import.meta.url), 'utf8')) as unknown[]);
    const report = await diff('qd-124-2023', 'qd-366-2025', JSON.parse(readFileSync(new URL('../../../../examples/regulation-change/subjects.json', import.meta.url), 'utf8')) as unknown[]);
    const options = { date: '2026-12-15', lang: 'en' as const };
    const summary = await inWorker({ options }, [{ kind: 'summary', document: rated }]);
    const diffs = await inWorker({ options }, [{ kind: 'diff', document: report }]);
    expect(summary.status.on && diffs.status.on).toBe(true);
    expect(same(summary.pdfs[0]!, await renderSummary(rated, options))).toBe(true);
    expect(same(diffs.pdfs[0]!, await renderDiff(report, options))).toBe(true);
  });

  it('stay off with other versions than those pinned, say so, and the bytes are the same', { timeout: SLOW }, async () => {
    const expected = { ...PINNED, pdfkit: '0.0.1' };
    const id = 'hd43-2025/02b';
    const { status, pdfs } = await inWorker({ options: {}, expect: expected }, [{ kind: 'form', formId: id, document: exampleFor(id) }]);
    expect(status).toEqual({ on: false, reason: 'versions', installed: PINNED, expected });
    expect(same(pdfs[0]!, await render(id, exampleFor(id)))).toBe(true);
  });

  it('compare every library’s version', () => {
    expect(mismatched(PINNED, PINNED)).toEqual([]);
    expect(mismatched({ ...PINNED, fontkit: '2.0.5' }, PINNED)).toEqual(['fontkit']);
    expect(mismatched({ pdfmake: PINNED.pdfmake }, PINNED)).toEqual(['pdfkit', 'fontkit']);
  });
});

describe('renderBatch reports the accelerations', () => {
  afterEach(() => {
    delete testing.expect;
  });
  const id = 'hd43-2025/02b';

  it('as on, with the pinned versions installed', { timeout: SLOW }, async () => {
    const result = await renderBatch(id, [exampleFor(id)], { outDir: tmp(), workers: 1 });
    expect(result).toMatchObject({ rendered: 1, accelerated: true });
    expect(result.notAccelerated).toBeUndefined();
  });

  it('as off, with the reason, and a warning once per process, when the versions differ; the PDFs are the same', { timeout: SLOW }, async () => {
    testing.expect = { ...PINNED, pdfmake: '0.3.99' };
    const warnings: Error[] = [];
    const listen = (warning: Error) => warnings.push(warning);
    process.on('warning', listen);
    try {
      const first = await renderBatch(id, [exampleFor(id), { ...(exampleFor(id) as object), id: 'two' }], { outDir: tmp(), workers: 2 });
      const second = await renderBatch(id, [exampleFor(id)], { outDir: tmp(), workers: 1, lang: 'en' });
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(first.accelerated).toBe(false);
      expect(first.notAccelerated).toBe('đang cài pdfmake 0.3.11; các phần tăng tốc được viết cho 0.3.99');
      expect(second.accelerated).toBe(false);
      expect(second.notAccelerated).toBe('pdfmake 0.3.11 is installed; the accelerations were written for 0.3.99');
      const ours = warnings.filter((w) => (w as Error & { code?: string }).code === UNACCELERATED_WARNING);
      expect(ours.map((w) => w.message)).toEqual([`renderBatch: các luồng xử lý in bằng pdfmake nguyên bản (PDF như nhau, chậm hơn): ${first.notAccelerated}`]);
      const single = await render(id, exampleFor(id));
      for (const file of [...first.files, ...second.files]) expect(same(readFileSync(file), single), file).toBe(true);
    } finally {
      process.off('warning', listen);
    }
  });

  it('as off when no document reached a worker', async () => {
    const result = await renderBatch(id, [], { outDir: tmp() });
    expect(result).toMatchObject({ rendered: 0, accelerated: false, notAccelerated: 'không luồng xử lý nào được khởi động (không có văn bản nào để in)' });
    expect(await renderBatch(id, [], { outDir: tmp(), lang: 'en' })).toMatchObject({ accelerated: false, notAccelerated: 'no worker was started (no document to render)' });
  });
});
