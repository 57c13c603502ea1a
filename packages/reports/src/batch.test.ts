import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { exampleFor } from '@kiemdiem/forms';
import { describe, expect, it } from 'vitest';
import { IN_FLIGHT_PER_WORKER, InputError, readDocuments, render, renderBatch, safeStem, slugify } from './index';
import { FileNames } from './batch-names';
import { pdfInfo, READ_BACK } from '../test/poppler';

type Doc = Record<string, any>;
const FORM = 'hd43-2025/02b';
const example = () => exampleFor(FORM) as Doc;
const tmp = () => mkdtempSync(join(tmpdir(), 'kiemdiem-batch-'));
// Workers started from the TypeScript sources compile them first (tsx): give them time.
const SLOW = 120_000;

/** Pages counted in the PDF bytes (pdfkit writes no object streams). */
const pageCount = (bytes: Uint8Array) => (Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('renderBatch', () => {
  it('renders N documents into N files named by id, then by name, then by position', { timeout: SLOW }, async () => {
    const out = join(tmp(), 'out');
    const docs: unknown[] = [];
    for (let i = 0; i < 5; i++) docs.push({ ...example(), id: `dv-${i + 1}` });
    docs.push(example(), example()); // the same fullName twice
    const anonymous = example();
    anonymous.identity.fullName = '…';
    docs.push({ ...anonymous, id: 42 });
    const progress: Array<[number, number | undefined, number]> = [];
    const result = await renderBatch(FORM, docs, { outDir: out, workers: 2, onProgress: (d, t, f) => progress.push([d, t, f]) });
    expect(result.failed).toEqual([]);
    expect(result.rendered).toBe(8);
    expect(result.files.map((f) => basename(f))).toEqual(['dv-1.pdf', 'dv-2.pdf', 'dv-3.pdf', 'dv-4.pdf', 'dv-5.pdf', 'nguyen-thi-mai-anh.pdf', 'nguyen-thi-mai-anh-2.pdf', '42.pdf']);
    expect(readdirSync(out).sort()).toEqual(result.files.map((f) => basename(f)).sort());
    expect(progress.at(-1)).toEqual([8, 8, 0]);
    expect(progress.map(([d]) => d)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // What an accelerated worker wrote is what render() gives in this thread with pdfmake as published (the id,
    // not in the form, taken off).
    const single = await render(FORM, example());
    expect(Buffer.compare(readFileSync(join(out, 'nguyen-thi-mai-anh.pdf')), Buffer.from(single))).toBe(0);
    for (const f of result.files) expect(pageCount(readFileSync(f))).toBe(pageCount(single));
    if (READ_BACK) {
      for (const f of [result.files[0]!, result.files[7]!]) {
        const info = pdfInfo(f);
        expect(info['Page size']).toMatch(/595\.2\d? x 841\.8\d? pts \(A4\)/);
        expect(Number(info.Pages)).toBe(pageCount(single));
      }
    }
  });

  it('reports a bad document and renders the rest', { timeout: SLOW }, async () => {
    const out = tmp();
    const bad = example();
    delete bad.identity.fullName;
    const docs = [{ ...example(), id: 'a' }, { ...bad, id: 'b' }, 'not a document', { ...example(), id: 'c' }];
    const result = await renderBatch(FORM, docs, { outDir: out, workers: 1 });
    expect(result.rendered).toBe(2);
    expect(result.files.map((f) => basename(f))).toEqual(['a.pdf', 'c.pdf']);
    expect(result.failed).toEqual([
      expect.objectContaining({ index: 1, id: 'b', issues: [expect.objectContaining({ path: '/identity/fullName', code: 'required' })] }),
      expect.objectContaining({ index: 2 }),
    ]);
    expect(result.failed[0]!.error).toContain('/identity/fullName');
    expect(readdirSync(out).sort()).toEqual(['a.pdf', 'c.pdf']);
    // Every input document, in input order, with its file or its failure.
    expect(result.documents).toEqual([
      { index: 0, id: 'a', file: join(out, 'a.pdf') },
      expect.objectContaining({ index: 1, id: 'b', error: expect.stringContaining('/identity/fullName'), issues: expect.any(Array) }),
      expect.objectContaining({ index: 2, error: expect.any(String) }),
      { index: 3, id: 'c', file: join(out, 'c.pdf') },
    ]);
    expect(result.documents.filter((d) => d.file).map((d) => d.file)).toEqual(result.files);
  });

  it('keeps names in input order when a document fails: a name left unused, the later ones unchanged', { timeout: SLOW }, async () => {
    const out = tmp();
    const bad = example();
    delete bad.signature;
    const result = await renderBatch(FORM, [bad, example()], { outDir: out, workers: 1 });
    // The failed first "Nguyễn Thị Mai Anh" holds nguyen-thi-mai-anh.pdf: fixed and rendered again, it gets it,
    // and the second keeps nguyen-thi-mai-anh-2.pdf.
    expect(result.documents).toEqual([expect.objectContaining({ index: 0, id: 'Nguyễn Thị Mai Anh', error: expect.any(String) }), { index: 1, id: 'Nguyễn Thị Mai Anh', file: join(out, 'nguyen-thi-mai-anh-2.pdf') }]);
    expect(result.documents[0]!.file).toBeUndefined();
    expect(readdirSync(out)).toEqual(['nguyen-thi-mai-anh-2.pdf']);
  });

  // Node's recursive mkdir never returns for a path under /proc (procfs says ENOENT, Node retries the parent).
  it.runIf(existsSync('/proc/self'))('fails at once, before any worker, when outDir cannot be made or written', { timeout: 10_000 }, async () => {
    for (const [outDir, code] of [
      ['/proc/kiemdiem-x', 'ENOENT'],
      ['/proc/kiemdiem-x/y', 'ENOENT'],
      ['/proc', 'ENOENT'],
    ] as const) {
      await expect(renderBatch(FORM, [example()], { outDir, workers: 1 })).rejects.toMatchObject({
        name: 'KiemdiemError',
        code: 'invalid-option',
        message: `không ghi được vào thư mục ${outDir} (${code})`,
        details: { option: 'outDir', code },
      });
    }
    const file = join(tmp(), 'a-file');
    writeFileSync(file, '');
    await expect(renderBatch(FORM, [example()], { outDir: join(file, 'out'), lang: 'en' })).rejects.toThrow(`cannot write to the directory ${join(file, 'out')} (ENOTDIR)`);
  });

  it('reads JSON Lines and reports a malformed line by its number', { timeout: SLOW }, async () => {
    const dir = tmp();
    const file = join(dir, 'docs.jsonl');
    const line = (id: string) => JSON.stringify({ ...example(), id });
    writeFileSync(file, `\uFEFF${line('one')}\n\n{"id": "broken", \n${line('three')}\r\n`);
    const source = await readDocuments(file);
    expect(source.format).toBe('jsonl');
    expect(source.total).toBeUndefined();
    const result = await renderBatch(FORM, source.documents, { outDir: join(dir, 'out'), workers: 1 });
    expect(result.files.map((f) => basename(f))).toEqual(['one.pdf', 'three.pdf']);
    expect(result.failed).toEqual([expect.objectContaining({ index: 1, line: 3 })]);
  });

  it('keeps every file inside outDir, whatever the id', { timeout: SLOW }, async () => {
    const root = tmp();
    const out = join(root, 'out');
    const ids = ['../../etc/x', '/etc/passwd', '..\\..\\win', '..', '.', 'C:\\x', 'CON', 'a/../../b', '\u0000nul'];
    const result = await renderBatch(FORM, ids.map((id) => ({ ...example(), id })), { outDir: out, workers: 2 });
    expect(result.failed).toEqual([]);
    expect(readdirSync(root)).toEqual(['out']);
    expect(result.files).toHaveLength(ids.length);
    for (const f of result.files) {
      expect(dirname(f)).toBe(out);
      expect(existsSync(f)).toBe(true);
    }
    expect(result.files.map((f) => basename(f))).toEqual(['etc_x.pdf', 'etc_passwd.pdf', 'win.pdf', '4.pdf', '5.pdf', 'C_x.pdf', '_CON.pdf', 'a_b.pdf', '_nul.pdf']);
  });

  it('takes documents from the source only as workers finish them (at most 2 per worker in flight)', { timeout: SLOW }, async () => {
    for (const workers of [1, 2]) {
      let done = 0;
      let ahead = 0;
      async function* source() {
        for (let k = 0; k < 10; k++) {
          ahead = Math.max(ahead, k - done); // documents taken and not yet finished
          yield { ...example(), id: `d${k}` };
        }
      }
      const result = await renderBatch(FORM, source(), { outDir: tmp(), workers, onProgress: (d) => (done = d) });
      expect(result.rendered).toBe(10);
      expect(ahead).toBeLessThanOrEqual(IN_FLIGHT_PER_WORKER * workers - 1);
      if (workers === 1) expect(ahead).toBe(1); // one rendering, one waiting: the bound is reached, not passed
    }
  });

  it('refuses an unknown form before starting', async () => {
    await expect(renderBatch('hd99/01', [], { outDir: tmp() })).rejects.toMatchObject({ code: 'unknown-form' });
  });
});

describe('file names', () => {
  it('are one safe NFC path component', () => {
    expect(safeStem('../../etc/x')).toBe('etc_x');
    expect(safeStem('..')).toBe('');
    expect(safeStem('Tra\u0302\u0300n Va\u0306n B')).toBe('Trần Văn B'.normalize('NFC'));
    expect(safeStem('a:b*c?d"e<f>g|h')).toBe('a_b_c_d_e_f_g_h');
    expect(safeStem('nul.txt')).toBe('_nul.txt');
    expect(Buffer.byteLength(safeStem('Đ'.repeat(300)))).toBeLessThanOrEqual(180);
    for (const id of ['../x', 'a/b', 'a\\b', '...', 'x\u2028y']) expect(safeStem(id)).not.toMatch(/[/\\]|\.\.|\u2028/);
    expect(slugify('Nguyễn Thị Mai Anh')).toBe('nguyen-thi-mai-anh');
    expect(slugify('Đặng Đức')).toBe('dang-duc');
  });

  it('are unique, also on case-insensitive file systems', () => {
    const names = new FileNames();
    expect([{ id: 'A' }, { id: 'a' }, { id: 'a-2' }, {}, { id: 'a' }].map((d, i) => names.next(d, i))).toEqual(['A.pdf', 'a-2.pdf', 'a-2-2.pdf', '4.pdf', 'a-3.pdf']);
  });
});

describe('readDocuments', () => {
  it('reads a JSON array whole, and refuses what is not documents', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.json'), JSON.stringify([example(), example()]));
    const a = await readDocuments(join(dir, 'a.json'));
    expect(a).toMatchObject({ format: 'json', total: 2 });
    writeFileSync(join(dir, 'b.json'), '42');
    await expect(readDocuments(join(dir, 'b.json'))).rejects.toMatchObject({ problem: 'not-documents' });
    writeFileSync(join(dir, 'c.json'), '[{');
    await expect(readDocuments(join(dir, 'c.json'))).rejects.toMatchObject({ problem: 'bad-json' });
    await expect(readDocuments(join(dir, 'missing.jsonl'))).rejects.toBeInstanceOf(InputError);
    await expect(readDocuments(join(dir, 'missing.jsonl'))).rejects.toMatchObject({ problem: 'unreadable', reason: 'ENOENT' });
  });
});
