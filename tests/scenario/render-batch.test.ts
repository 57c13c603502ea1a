/**
 * Batch rendering through the built @kiemdiem/reports (ESM and CommonJS, each with its own worker file in
 * dist), the benchmark fixture, and `kiemdiem render` / `kiemdiem render-batch` through the built binary.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, kiemdiem, requireFromCli, ROOT } from './helpers';

type Reports = typeof import('../../packages/reports/dist/index.js');
const FORM = 'hd43-2025/02b';
const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'packages/forms/examples/hd43-2025/02b.json'), 'utf8')) as Record<string, any>;
const doc = (id?: string): Record<string, any> => ({ ...structuredClone(EXAMPLE), ...(id ? { id } : {}) });
// pdfinfo (poppler-utils) checks page size and count. CI installs it, so there it is required (a missing tool
// fails the test instead of leaving the checks out); elsewhere those checks are left out with a notice.
const POPPLER = spawnSync('pdfinfo', ['-v']).status === 0 || Boolean(process.env.CI);
if (!POPPLER) console.warn('poppler-utils not installed: render-batch tests leave out the pdfinfo checks (CI installs it).');
const tmp = () => mkdtempSync(join(tmpdir(), 'kd-batch-'));

function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

async function loadEsm(): Promise<Reports> {
  const dir = dirname(requireFromCli().resolve('@kiemdiem/reports/package.json'));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports: { '.': { import: { default: string } } } };
  return (await import(pathToFileURL(join(dir, pkg.exports['.'].import.default)).href)) as Reports;
}
const loadCjs = (): Reports => requireFromCli()('@kiemdiem/reports') as Reports;

describe.each([
  ['ESM', loadEsm],
  ['CJS', async () => loadCjs()],
] as const)('renderBatch from the built package (%s)', (_flavour, load) => {
  it('renders a JSON Lines file on worker threads: one A4 PDF per id, bad lines and documents reported, names kept inside outDir', async () => {
    const reports = await load();
    const dir = tmp();
    const bad = doc('bad');
    delete bad.signature;
    const lines = [doc('dv-1'), doc('dv-2'), '{"id": "half', bad, doc('../../escape'), doc(), doc()].map((d) => (typeof d === 'string' ? d : JSON.stringify(d)));
    const input = join(dir, 'docs.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const out = join(dir, 'out');
    const source = await reports.readDocuments(input);
    const result = await reports.renderBatch(FORM, source.documents, { outDir: out, workers: 2 });
    expect(result.files.map((f) => basename(f))).toEqual(['dv-1.pdf', 'dv-2.pdf', 'escape.pdf', 'nguyen-thi-mai-anh.pdf', 'nguyen-thi-mai-anh-2.pdf']);
    expect(result.rendered).toBe(5);
    expect(result.failed).toEqual([
      expect.objectContaining({ index: 2, line: 3 }),
      expect.objectContaining({ index: 3, id: 'bad', issues: [expect.objectContaining({ path: '/signature' })] }),
    ]);
    expect(readdirSync(dir).sort()).toEqual(['docs.jsonl', 'out']);
    expect(readdirSync(out).sort()).toEqual([...result.files.map((f) => basename(f))].sort());
    const single = Buffer.from(await reports.render(FORM, doc()));
    expect(readFileSync(join(out, 'nguyen-thi-mai-anh.pdf')).equals(single)).toBe(true);
    if (POPPLER) {
      const info = pdfinfo(result.files[0]!);
      expect(info['Page size']).toMatch(/595\.2\d? x 841\.8\d? pts \(A4\)/);
      expect(Number(info.Pages)).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the benchmark fixture', () => {
  it('renders to exactly two A4 pages (it is the "two-page document" of BENCHMARKS.md)', async () => {
    const reports = await loadEsm();
    const fixture = JSON.parse(readFileSync(join(ROOT, 'packages/reports/bench/fixture-02b-2-pages.json'), 'utf8')) as { form: string; profile: object; document: object };
    const out = tmp();
    const docs = ['Nguyễn Văn An', 'Hoàng Quang Mai Anh', 'Đặng Ngọc Thảo'].map((name, i) => {
      const d = structuredClone(fixture.document) as Record<string, any>;
      d.identity.fullName = name;
      d.signature.name = name;
      return { ...d, id: `f${i}` };
    });
    const result = await reports.renderBatch(fixture.form, docs, { outDir: out, workers: 1, profile: fixture.profile });
    expect(result.failed).toEqual([]);
    for (const f of result.files) {
      const count = (readFileSync(f).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
      expect(count, f).toBe(2);
      if (POPPLER) expect(pdfinfo(f)).toMatchObject({ Pages: '2', 'Page size': expect.stringMatching(/\(A4\)/) });
    }
  });
});

describe('kiemdiem render and render-batch (built binary)', () => {
  it('render-batch: exit 0 with a summary line, one file per document, nothing on stderr off a terminal', () => {
    const dir = tmp();
    const input = join(dir, 'docs.json');
    writeFileSync(input, JSON.stringify([doc('a'), doc('b'), doc('c')]));
    const r = kiemdiem('render-batch', '--form', FORM, '--input', input, '--out-dir', join(dir, 'out'), '--workers', '2');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Đã tạo 3\/3 tệp PDF/);
    expect(r.stdout).toContain(`Bảng kê: ${join(dir, 'out', 'manifest.json')}`);
    expect(r.stderr).toBe('');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { documents: unknown[] };
    expect(manifest.documents).toEqual(['a', 'b', 'c'].map((id, index) => ({ index, id, file: `${id}.pdf` })));
  });

  it('render-batch: an output directory that cannot be made fails at once with exit 2 (no hang under /proc)', () => {
    const dir = tmp();
    const input = join(dir, 'docs.json');
    writeFileSync(input, JSON.stringify([doc('a')]));
    const dirs = [join(input, 'out'), ...(existsSync('/proc/self') ? ['/proc/kiemdiem-x', '/proc/kiemdiem-x/y'] : [])];
    for (const outDir of dirs) {
      const started = Date.now();
      // kiemdiem() gives up (and throws) after 30 s: the old recursive mkdir never returned for /proc/x.
      const r = kiemdiem('render-batch', '--form', FORM, '--input', input, '--out-dir', outDir, '--lang', 'en');
      expect(r.status, outDir).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`Cannot write ${outDir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .*\\((ENOENT|ENOTDIR)\\)`));
      expectNoStackTrace(r.stderr);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });

  it('render-batch: exit 1 listing failed documents, exit 2 for usage problems', () => {
    const dir = tmp();
    const input = join(dir, 'docs.jsonl');
    writeFileSync(input, [JSON.stringify(doc('ok')), 'not json'].join('\n'));
    const failed = kiemdiem('render-batch', '--form', FORM, '--input', input, '--out-dir', join(dir, 'out'), '--lang', 'en');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/document 2, line 2: not valid JSON/);
    expectNoStackTrace(failed.stderr);
    for (const argv of [[], ['--form', 'hd99/01'], ['--form', FORM, '--input', join(dir, 'missing.json'), '--out-dir', dir], ['--form', FORM, '--input', input]]) {
      const r = kiemdiem('render-batch', ...argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expectNoStackTrace(r.stderr);
    }
  });

  it('render: exit 0 writes the PDF, exit 1 for an invalid document with its errors', () => {
    const dir = tmp();
    const ok = kiemdiem('render', '--form', FORM, '--input', join(ROOT, 'packages/forms/examples/hd43-2025/02b.json'), '--out', join(dir, 'one.pdf'));
    expect(ok.status, ok.stderr).toBe(0);
    expect(existsSync(join(dir, 'one.pdf'))).toBe(true);
    const bad = doc();
    delete bad.identity;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const r = kiemdiem('render', '--form', FORM, '--input', join(dir, 'bad.json'), '--out', join(dir, 'bad.pdf'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/✗ \/identity/);
    expect(existsSync(join(dir, 'bad.pdf'))).toBe(false);
  });
});
