/**
 * The Word documents of the built binary, read back by other software than the writer: LibreOffice Writer
 * (headless) opens each .docx and converts it to PDF, then poppler checks the page size and the text. One
 * soffice call converts every file, with a private profile directory, so the test takes seconds.
 * CI installs libreoffice-writer, fonts-liberation2 (the Times New Roman metrics) and poppler-utils (.ci/run);
 * on a developer machine without LibreOffice the test is skipped with a notice.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText, POPPLER } from '../../packages/reports/test/poppler';
import { kiemdiem, readJsonFile } from './helpers';

const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const READ_BACK = (SOFFICE && POPPLER) || Boolean(process.env.CI);
if (!READ_BACK) console.warn('LibreOffice (soffice) or poppler-utils not installed: the .docx read-back test is skipped (CI installs them).');

const dir = mkdtempSync(join(tmpdir(), 'kd-docx-lo-'));
const docs = join(dir, 'docx');
const pdfs = join(dir, 'pdf');

interface Form {
  id: string;
  title: string;
  code?: string;
}

let forms: Form[] = [];
/** The PDF text of each converted file, by its stem, NFC as pdftotext gives it. */
const texts = new Map<string, string>();
const stem = (id: string) => id.replace(/[^a-z0-9]+/gi, '-');

/** Writes every .docx through the CLI and converts them with LibreOffice, once for the tests below. */
function convertAll(): void {
  mkdirSync(docs);
  mkdirSync(pdfs);
  const list = kiemdiem('forms', 'list', '--format', 'json');
  expect(list.status, list.stderr).toBe(0);
  forms = JSON.parse(list.stdout) as Form[];
  // Each form's example, through the CLI as a user writes it.
  for (const f of forms) {
    const example = kiemdiem('forms', 'example', f.id);
    expect(example.status, example.stderr).toBe(0);
    const input = join(dir, `${stem(f.id)}.json`);
    writeFileSync(input, example.stdout);
    const r = kiemdiem('render', '--form', f.id, '--input', input, '--out', join(docs, `${stem(f.id)}.docx`));
    expect(r.status, `${f.id}: ${r.stderr}`).toBe(0);
  }
  // 02B again with --format docx and a name typed in decomposed form (NFD), as some keyboards send it.
  const doc = JSON.parse(kiemdiem('forms', 'example', 'hd43-2025/02b').stdout) as { identity: { fullName: string } };
  doc.identity.fullName = 'Lê Thị Hồng Nhung'.normalize('NFD');
  const nfd = join(dir, '02b-nfd.json');
  writeFileSync(nfd, JSON.stringify(doc));
  const r = kiemdiem('render', '--form', 'hd43-2025/02b', '--input', nfd, '--out', join(docs, '02b-nfd.word'), '--format', 'docx');
  expect(r.status, r.stderr).toBe(0);
  // The summary list and the roll-up.
  const rated = kiemdiem('rate', '--input', 'examples/chi-bo-2026/subjects.json', '--format', 'json');
  const results = join(dir, 'results.json');
  writeFileSync(results, rated.stdout);
  const s = kiemdiem('summary', '--input', results, '--out', join(docs, 'summary.docx'), '--unit', 'examples/chi-bo-2026/unit.json');
  expect(s.status, s.stderr).toBe(0);
  const u = kiemdiem('rollup', '--input', 'examples/rollup/results.json', '--hierarchy', 'examples/rollup/units.json', '--format', 'docx', '--out', join(docs, 'rollup.docx'), '--unit', 'examples/rollup/unit.json');
  expect([0, 1], u.stderr).toContain(u.status);
  expect(existsSync(join(docs, 'rollup.docx'))).toBe(true);

  // One LibreOffice run for every file (it starts once), with its own profile so it neither waits for nor
  // touches another instance's. A file named .word is still a Word document: convert it under a .docx name.
  writeFileSync(join(docs, '02b-nfd.docx'), readFileSync(join(docs, '02b-nfd.word')));
  const files = readdirSync(docs).filter((f) => f.endsWith('.docx')).map((f) => join(docs, f));
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  const lo = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', pdfs, ...files], { encoding: 'utf8', timeout: 180_000 });
  expect(lo.status, lo.stderr).toBe(0);
  for (const f of files) {
    const pdf = join(pdfs, basename(f).replace(/\.docx$/, '.pdf'));
    expect(existsSync(pdf), `${basename(f)} converted`).toBe(true);
    texts.set(basename(f, '.docx'), pdfText(pdf, ['-raw']).normalize('NFC'));
  }
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(!READ_BACK)('kiemdiem render --format docx, opened by LibreOffice', () => {
  beforeAll(convertAll, 240_000);
  it('writes 02B as an A4 Word document with the Party header, the title and the member’s name in NFC', () => {
    const pdf = join(pdfs, 'hd43-2025-02b.pdf');
    expect(pdfInfo(pdf)['Page size']).toMatch(/\(A4\)/);
    const text = texts.get('hd43-2025-02b')!;
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(flat(text)).toContain('BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN');
    expect(text).toContain('Nguyễn Thị Mai Anh');
    expect(text).toContain('Không vi phạm'); // the QĐ 37 checklist's answers
    expect(text).toBe(text.normalize('NFC'));
    // Page numbers from page 2: "2" alone on a line of page 2, none on page 1.
    const pages = text.split('\f');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[1]!.split('\n').map((l) => l.trim())).toContain('2');
  });

  it('writes a name typed in NFD as NFC text, with --format docx whatever the file is called', () => {
    const text = texts.get('02b-nfd')!;
    expect(text).toContain('Lê Thị Hồng Nhung'.normalize('NFC'));
    expect(readFileSync(join(docs, '02b-nfd.word')).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes every form’s example: A4, the header, the title and the form code', () => {
    expect(forms.length).toBeGreaterThan(5);
    for (const f of forms) {
      const text = flat(texts.get(stem(f.id)) ?? '');
      expect(pdfInfo(join(pdfs, `${stem(f.id)}.pdf`))['Page size'], f.id).toMatch(/\(A4\)/);
      expect(text, f.id).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      if (f.code) expect(text, f.id).toContain(f.code);
    }
  });

  it('writes the summary list (landscape A4) and the roll-up with every subject and unit', () => {
    const summary = texts.get('summary')!;
    expect(pdfInfo(join(pdfs, 'summary.pdf'))['Page size']).toMatch(/841\.\d+ x 595\.\d+ pts/);
    for (const s of readJsonFile<Array<{ name: string }>>('examples/chi-bo-2026/subjects.json')) expect(summary).toContain(s.name);
    expect(flat(summary)).toContain('DANH SÁCH TỔNG HỢP KẾT QUẢ XẾP LOẠI');
    const rollup = flat(texts.get('rollup')!);
    expect(rollup).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(rollup).toContain('THỐNG KÊ KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG');
    const units = readJsonFile<unknown>('examples/rollup/units.json');
    const list = (Array.isArray(units) ? units : (units as { units: unknown[] }).units) as Array<{ name: string }>;
    for (const u of list) expect(rollup).toContain(flat(u.name));
  });
});

describe('kiemdiem render-batch --format docx', () => {
  it('writes <id>.docx files and the manifest', () => {
    const out = join(dir, 'batch');
    const example = JSON.parse(kiemdiem('forms', 'example', 'hd43-2025/02b').stdout) as Record<string, unknown>;
    const input = join(dir, 'batch.json');
    writeFileSync(input, JSON.stringify([{ ...example, id: 'dv-01' }, { ...example, id: 'dv-02', identity: {} }]));
    const r = kiemdiem('render-batch', '--form', 'hd43-2025/02b', '--input', input, '--out-dir', out, '--format', 'docx', '--workers', '1');
    expect(r.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['dv-01.docx', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { rendered: number; failed: number; documents: Array<{ file?: string; error?: string }> };
    expect(manifest.rendered).toBe(1);
    expect(manifest.failed).toBe(1);
    expect(manifest.documents[0]!.file).toBe('dv-01.docx');
    expect(manifest.documents[1]!.file).toBeUndefined();
    expect(r.stderr).toContain('Văn bản không tạo được Word:');
  });
});
