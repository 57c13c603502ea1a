import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { exampleFor } from '@kiemdiem/forms';
import { describe, expect, it } from 'vitest';
import { renderBatch, renderDocx } from './index';

type Doc = Record<string, any>;
const FORM = 'hd43-2025/02b';
const example = () => exampleFor(FORM) as Doc;
// Workers started from the TypeScript sources compile them first (tsx): give them time.
const SLOW = 120_000;

describe('renderBatch with format docx', () => {
  it('refuses a format it does not write, naming it, before making the directory', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kiemdiem-docx-batch-')), 'never');
    await expect(renderBatch(FORM, [example()], { outDir: out, format: 'xlsx' as never, lang: 'en' })).rejects.toMatchObject({ code: 'invalid-option', message: expect.stringContaining('"xlsx"') });
    expect(existsSync(out)).toBe(false);
  });

  it('writes one .docx per document, the bytes of renderDocx, and reports an invalid one with its form errors', { timeout: SLOW }, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kiemdiem-docx-batch-')), 'out');
    const bad = example();
    delete bad.identity.fullName;
    const docs = [{ ...example(), id: 'dv-1' }, { ...bad, id: 'dv-2' }, example()];
    const result = await renderBatch(FORM, docs, { outDir: out, workers: 1, format: 'docx' });
    expect(result.rendered).toBe(2);
    expect(result.files.map((f) => basename(f))).toEqual(['dv-1.docx', 'nguyen-thi-mai-anh.docx']);
    expect(readdirSync(out).sort()).toEqual(['dv-1.docx', 'nguyen-thi-mai-anh.docx']);
    expect(result.failed).toEqual([expect.objectContaining({ index: 1, id: 'dv-2', issues: [expect.objectContaining({ path: '/identity/fullName' })] })]);
    expect(result.documents.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(result.accelerated).toBe(true);
    const single = await renderDocx(FORM, example());
    expect(Buffer.compare(readFileSync(join(out, 'nguyen-thi-mai-anh.docx')), Buffer.from(single))).toBe(0);
  });
});
