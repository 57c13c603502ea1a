/**
 * Under Node, @kiemdiem/reports loads pdfmake itself and speeds it up (one parsed font per face, a subset
 * encoder, a style lookup without allocations, one Buffer per stream: BENCHMARKS.md). An application that
 * loaded pdfmake first gets pdfmake as published instead. Both must print the same bytes: this renders every
 * form's example, in both languages, plus a summary list and a diff report, both ways in fresh processes and compares them.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const SCRIPT = `
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
const reportsUrl = import.meta.resolve('@kiemdiem/reports');
const fromReports = createRequire(new URL(reportsUrl));
const pdfmakePath = fromReports.resolve('pdfmake');
// The application's own pdfmake, loaded before @kiemdiem/reports prints anything.
if (process.env.APP_LOADS_PDFMAKE === '1') createRequire(pdfmakePath)(pdfmakePath);
const { readFileSync } = await import('node:fs');
const { render, renderSummary, renderDiff } = await import('@kiemdiem/reports');
const { exampleFor, FORMS } = await import('@kiemdiem/forms');
const { rateMany, diff } = await import('@kiemdiem/rules');
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex');
const out = {};
for (const lang of ['vi', 'en']) {
  for (const form of FORMS) out[form.id + ' ' + lang] = hash(await render(form.id, exampleFor(form.id), { lang }));
}
const subjects = JSON.parse(readFileSync('examples/chi-bo-2026/subjects.json', 'utf8'));
out.summary = hash(await renderSummary(await rateMany(subjects), { date: '2026-12-15' }));
out.diff = hash(await renderDiff(await diff('qd-124-2023', 'qd-366-2025'), { date: '2026-03-01' }));
const load = createRequire(pdfmakePath);
const StyleContextStack = load('./StyleContextStack').default;
const PDFDocument = load(load.resolve('pdfkit'));
const reference = Object.getPrototypeOf(new PDFDocument({ autoFirstPage: false }).ref());
console.log(JSON.stringify({
  sped: {
    styles: Boolean(StyleContextStack[Symbol.for('@kiemdiem/reports/style-lookup-original')]),
    writes: Boolean(reference[Symbol.for('@kiemdiem/reports/content-writes')]),
  },
  hashes: out,
}));
`;

function renderAll(appLoadsPdfmake: boolean): { sped: { styles: boolean; writes: boolean }; hashes: Record<string, string> } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, APP_LOADS_PDFMAKE: appLoadsPdfmake ? '1' : '0' },
  });
  if (r.status !== 0) throw new Error(`render script failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ReturnType<typeof renderAll>;
}

describe('the sped-up printer and pdfmake as published', () => {
  it('print byte-identical PDFs: every form’s example in Vietnamese and English, a summary list, a diff report', () => {
    const sped = renderAll(false);
    const plain = renderAll(true);
    expect(sped.sped).toEqual({ styles: true, writes: true });
    expect(plain.sped).toEqual({ styles: false, writes: false });
    expect(Object.keys(sped.hashes).length).toBeGreaterThanOrEqual(30);
    expect(sped.hashes).toEqual(plain.hashes);
  }, 240_000);
});
