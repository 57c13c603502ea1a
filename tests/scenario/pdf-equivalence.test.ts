/**
 * The built @kiemdiem/reports prints in two ways: on the caller's thread with pdfmake as published (render,
 * renderSummary, renderDiff), and in renderBatch's worker threads with the accelerations (one parsed font per
 * face, a subset encoder, a style lookup without allocations, one Buffer per stream: BENCHMARKS.md). Both must
 * print the same bytes. In a fresh process, this prints every form's example in Vietnamese and English (one
 * worker per language, so each document follows others in the shared fonts), a summary list and a diff report
 * both ways, and compares them; and checks the caller's thread was left with pdfmake as published.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const SCRIPT = `
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
const { render, renderSummary, renderDiff } = await import('@kiemdiem/reports');
const { exampleFor, FORMS } = await import('@kiemdiem/forms');
const { rateMany, diff } = await import('@kiemdiem/rules');
const fromReports = createRequire(new URL(import.meta.resolve('@kiemdiem/reports')));
// The worker renderBatch starts, given jobs directly: renderBatch prints forms only, and the summary list and
// the diff report must come out the same from the accelerated printer too.
const workerFile = join(dirname(fromReports.resolve('@kiemdiem/reports/package.json')), 'dist/batch-worker.js');
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'kd-equivalence-'));

/** Prints the jobs in one worker, all sent at once; its status and a hash per job, by key. */
function inWorker(options, jobs) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { options }, execArgv: [] });
    const keys = Object.keys(jobs);
    let status;
    let done = 0;
    worker.on('error', reject);
    worker.on('message', (message) => {
      if ('status' in message) return void (status = message.status);
      if (!message.ok) return reject(new Error(keys[message.seq] + ': ' + message.error));
      if (++done === keys.length) worker.terminate().then(() => resolve({ status, hashes: Object.fromEntries(keys.map((k, i) => [k, hash(readFileSync(join(dir, i + '-' + k.replace(/\\W/g, '_') + '.pdf')))])) }));
    });
    keys.forEach((k, seq) => worker.postMessage({ seq, file: join(dir, seq + '-' + k.replace(/\\W/g, '_') + '.pdf'), ...jobs[k] }));
  });
}

const main = {};
const worker = {};
const statuses = [];
for (const lang of ['vi', 'en']) {
  const jobs = {};
  for (const form of FORMS) {
    main[form.id + ' ' + lang] = hash(await render(form.id, exampleFor(form.id), { lang }));
    jobs[form.id + ' ' + lang] = { kind: 'form', formId: form.id, document: exampleFor(form.id) };
  }
  const r = await inWorker({ lang }, jobs);
  statuses.push(r.status);
  Object.assign(worker, r.hashes);
}
const rated = await rateMany(JSON.parse(readFileSync('examples/chi-bo-2026/subjects.json', 'utf8')));
const report = await diff('qd-124-2023', 'qd-366-2025', JSON.parse(readFileSync('examples/regulation-change/subjects.json', 'utf8')));
main.summary = hash(await renderSummary(rated, { date: '2026-12-15' }));
main.diff = hash(await renderDiff(report, { date: '2026-12-15' }));
const r = await inWorker({ date: '2026-12-15' }, { summary: { kind: 'summary', document: rated }, diff: { kind: 'diff', document: report } });
statuses.push(r.status);
Object.assign(worker, r.hashes);

// This thread's pdfmake and pdfkit, after all that: as published.
const load = createRequire(fromReports.resolve('pdfmake'));
const StyleContextStack = load('./StyleContextStack').default;
const PDFDocument = load(load.resolve('pdfkit'));
const reference = Object.getPrototypeOf(new PDFDocument({ autoFirstPage: false }).ref());
console.log(JSON.stringify({
  mainThread: {
    styles: Boolean(StyleContextStack[Symbol.for('@kiemdiem/reports/style-lookup-original')]),
    writes: Boolean(reference[Symbol.for('@kiemdiem/reports/content-writes')]),
  },
  statuses,
  main,
  worker,
}));
`;

interface Run {
  mainThread: { styles: boolean; writes: boolean };
  statuses: Array<{ on: boolean }>;
  main: Record<string, string>;
  worker: Record<string, string>;
}

describe('the accelerated printer (batch workers) and pdfmake as published (the caller’s thread)', () => {
  it('print byte-identical PDFs: every form’s example in Vietnamese and English, a summary list, a diff report', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`render script failed (${r.status}): ${r.stderr}`);
    const run = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Run;
    expect(run.statuses).toHaveLength(3);
    for (const status of run.statuses) expect(status.on).toBe(true);
    expect(run.mainThread).toEqual({ styles: false, writes: false });
    expect(Object.keys(run.main).length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(run.worker).sort()).toEqual(Object.keys(run.main).sort());
    expect(run.worker).toEqual(run.main);
  }, 300_000);
});
