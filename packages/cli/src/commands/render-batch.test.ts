import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleFor } from '@kiemdiem/forms';
import { describe, expect, it } from 'vitest';
import { EXIT, UsageError, type Io } from '../io';
import { messages } from '../locales';
import { run } from '../run';
import { progressLine, renderBatchCommand } from './render-batch';
import { renderCommand } from './render';

const FORM = 'hd43-2025/02b';
const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-render-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const doc = (id?: string) => ({ ...(exampleFor(FORM) as object), ...(id ? { id } : {}) });
const SLOW = 120_000;

async function call(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function io(isTTY = false): Io & { out: string; err: string } {
  const buffers = { out: '', err: '' };
  return Object.assign(buffers, {
    stdout: (t: string) => void (buffers.out += t),
    stderr: (t: string) => void (buffers.err += t),
    isTTY,
  });
}

describe('kiemdiem render-batch', () => {
  const vi = messages('vi');

  it.each([
    [{ form: '' }, /Cần mã mẫu/],
    [{ form: 'hd99/01' }, /Không có mẫu "hd99\/01"/],
    [{ form: FORM, input: join(dir, 'missing.jsonl') }, /Không đọc được tệp .*missing\.jsonl/],
  ])('is a usage error for %j', async (args, message) => {
    const all = { lang: 'vi' as const, input: 'x.json', outDir: dir, ...args };
    await expect(renderBatchCommand(all, io(), vi)).rejects.toThrow(message);
    await expect(renderBatchCommand(all, io(), vi)).rejects.toBeInstanceOf(UsageError);
  });

  // The declaration's checks, made by run() before the command starts.
  it.each([
    [['--input', 'x.json', '--out-dir', 'out'], /Cần mã mẫu/],
    [['--form', FORM, '--out-dir', 'out'], /Thiếu --input FILE/],
    [['--form', FORM, '--input', 'x.json'], /Thiếu --out-dir DIR/],
    [['--form', FORM, '--input', 'x.json', '--out-dir', 'out', '--workers', '0'], /Giá trị "0" của --workers không hợp lệ/],
  ])('exits 2 before rendering for %j', async (argv, message) => {
    const r = await call('render-batch', ...argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(message);
  });

  it('is a usage error for a file that is not JSON or holds no documents', async () => {
    await expect(renderBatchCommand({ lang: 'vi', form: FORM, input: file('bad.json', '[{'), outDir: dir }, io(), vi)).rejects.toThrow(/không phải JSON hợp lệ/);
    await expect(renderBatchCommand({ lang: 'en', form: FORM, input: file('n.json', '42'), outDir: dir }, io(), messages('en'))).rejects.toThrow(/JSON array of documents/);
  });

  it('renders a JSON array, prints the summary line and where the manifest is, no progress off a terminal: exit 0', { timeout: SLOW }, async () => {
    const out = join(dir, 'all');
    const term = io();
    const code = await renderBatchCommand({ lang: 'vi', form: FORM, input: file('docs.json', JSON.stringify([doc('a'), doc('b'), doc('c')])), outDir: out, workers: 2 }, term, vi);
    expect(code).toBe(EXIT.ok);
    expect(readdirSync(out).sort()).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'manifest.json']);
    expect(term.out).toMatch(/^Đã tạo 3\/3 tệp PDF trong .*all \(\d+\.\d giây\)\nBảng kê: .*all\/manifest\.json\n$/);
    expect(term.err).toBe('');
  });

  it('lists failed documents (form errors, JSON Lines line numbers) and exits 1; progress on a terminal', { timeout: SLOW }, async () => {
    const bad = doc('bad') as Record<string, any>;
    bad.identity = { ...bad.identity, fullName: undefined };
    const lines = [JSON.stringify(doc('ok-1')), '{"broken": ', JSON.stringify(bad), JSON.stringify(doc('ok-2'))].join('\n');
    const out = join(dir, 'some');
    const term = io(true);
    const code = await renderBatchCommand({ lang: 'en', form: FORM, input: file('docs.jsonl', lines), outDir: out, workers: 1 }, term, messages('en'));
    expect(code).toBe(EXIT.failed);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'ok-1.pdf', 'ok-2.pdf']);
    expect(term.out).toMatch(/^Wrote 2\/4 PDF files to .*some \(.* s\); 2 documents failed\nManifest: .*some\/manifest\.json\n$/);
    // The manifest maps every input document to its file (relative to the directory) or its error.
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Record<string, any>;
    expect(manifest).toMatchObject({ form: FORM, rendered: 2, failed: 2 });
    expect(manifest.documents).toEqual([
      { index: 0, id: 'ok-1', file: 'ok-1.pdf' },
      { index: 1, line: 2, error: expect.any(String) },
      { index: 2, id: 'bad', error: expect.any(String), issues: [expect.objectContaining({ path: '/identity/fullName' })] },
      { index: 3, id: 'ok-2', file: 'ok-2.pdf' },
    ]);
    // The progress line, redrawn in place (at most every 100 ms), then erased before the list.
    expect(term.err).toMatch(/^\r\d documents? {2}\d failed\x1b\[K/);
    expect(term.err).toContain('\r\x1b[KDocuments with no PDF:');
    expect(term.err).toContain('Documents with no PDF:\n- document 2, line 2: not valid JSON');
    expect(term.err).toMatch(/- document 3, bad:\n {4}✗ \/identity\/fullName: /);
  });

  // Node's recursive mkdir never returns for a path under /proc: the directory is checked before any work.
  it.runIf(existsSync('/proc/self'))('fails fast with exit 2 when the output directory cannot be made or written', { timeout: 15_000 }, async () => {
    const input = file('one-doc.json', JSON.stringify([doc('a')]));
    for (const [outDir, reason] of [
      ['/proc/kiemdiem-x', 'ENOENT'],
      ['/proc/kiemdiem-x/y', 'ENOENT'],
      [join(input, 'sub'), 'ENOTDIR'],
    ] as const) {
      const started = Date.now();
      const r = await call('render-batch', '--form', FORM, '--input', input, '--out-dir', outDir);
      expect(r.code, outDir).toBe(EXIT.usage);
      expect(r.stderr).toContain(`Không ghi được ${outDir}: `);
      expect(r.stderr).toContain(`(${reason})`);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it('draws a bar when the total is known', () => {
    const w = { unit: () => 'văn bản', failedWord: 'lỗi' } as unknown as Parameters<typeof progressLine>[3];
    expect(progressLine(5, 10, 0, w, 10)).toBe('[█████░░░░░] 5/10');
    expect(progressLine(10, 10, 2, w, 10)).toBe('[██████████] 10/10  2 lỗi');
    expect(progressLine(7, undefined, 1, w)).toBe('7 văn bản  1 lỗi');
  });
});

describe('kiemdiem render', () => {
  const vi = messages('vi');

  it('writes one PDF: exit 0', async () => {
    const out = join(dir, 'one.pdf');
    const term = io();
    expect(await renderCommand({ lang: 'vi', form: FORM, input: file('one.json', JSON.stringify(doc())), out }, term, vi)).toBe(EXIT.ok);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(term.out).toContain('one.pdf');
  });

  it('refuses an invalid document with its form errors: exit 1, no file', async () => {
    const bad = doc() as Record<string, any>;
    delete bad.signature;
    const out = join(dir, 'bad.pdf');
    const term = io();
    expect(await renderCommand({ lang: 'vi', form: FORM, input: file('bad-one.json', JSON.stringify(bad)), out }, term, vi)).toBe(EXIT.failed);
    expect(term.err).toMatch(/Văn bản không hợp lệ \(1 lỗi\)[^\n]*\n {2}✗ \/signature: /);
    expect(existsSync(out)).toBe(false);
  });

  it('is a usage error without --out, or when the PDF cannot be written', async () => {
    const input = file('ok.json', JSON.stringify(doc()));
    const r = await call('render', '--form', FORM, '--input', input);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/Thiếu --out FILE\.pdf/);
    await expect(renderCommand({ lang: 'vi', form: FORM, input, out: join(dir, 'no-such-dir', 'x.pdf') }, io(), vi)).rejects.toThrow(/Không ghi được .*ENOENT/);
  });
});
