import { fileURLToPath } from 'node:url';
import { exampleFor } from '@kiemdiem/forms';
import { KiemdiemError } from '@kiemdiem/rules';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as browser from './browser';
import { loadFonts, render } from './index';
import { fontFiles } from './print';

const FORM = 'hd43-2025/02b';

describe('fonts given by the caller', () => {
  it('names the missing option, in Vietnamese by default and in English on request', () => {
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as KiemdiemError;
      }
      throw new Error('no error');
    };
    const vi = error(() => fontFiles(undefined));
    expect(vi).toBeInstanceOf(KiemdiemError);
    expect(vi.code).toBe('invalid-option');
    expect(vi.message).toMatch(/^Thiếu phông chữ để in PDF \(fonts\)\. .*"fonts".*setFonts\(fonts\)/);
    const en = error(() => fontFiles(undefined, 'en'));
    expect(en.message).toMatch(/^No fonts to print the PDF with \(fonts\)\. .*"fonts" option.*setFonts\(fonts\)/);
    const { normal, bold } = loadFonts();
    expect(error(() => fontFiles({ normal, bold, italics: 'x' }, 'en')).message).toContain('(fonts.italics, fonts.bolditalics)');
  });

  it('takes ArrayBuffers as well as Uint8Arrays, and prints the same bytes as the bundled Tinos', async () => {
    const tinos = loadFonts();
    const copy = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
    const fonts = { normal: copy(tinos.normal), bold: copy(tinos.bold), italics: copy(tinos.italics), bolditalics: copy(tinos.bolditalics) };
    expect(fontFiles(fonts)).toBe(fontFiles(fonts)); // normalised once per object: pdfmake is set up once
    const given = await render(FORM, exampleFor(FORM), { fonts });
    expect(Buffer.from(given).equals(Buffer.from(await render(FORM, exampleFor(FORM))))).toBe(true);
  });
});

describe('the browser entry', () => {
  it('refuses to print without fonts (there is no file system to read Tinos from)', async () => {
    await expect(browser.render(FORM, exampleFor(FORM))).rejects.toMatchObject({ code: 'invalid-option', message: expect.stringMatching(/^Thiếu phông chữ/) });
    await expect(browser.renderSummary({ results: [] }, { lang: 'en' })).rejects.toMatchObject({ code: 'invalid-option', message: expect.stringMatching(/^No fonts/) });
    // Invalid documents are still reported as such first (the same validation as under Node).
    await expect(browser.render(FORM, {})).rejects.toMatchObject({ code: 'invalid-subject' });
  });

  it('bundles for the browser from the sources with no Node built-in and no Node-only module of this package', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./browser.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      conditions: ['@kiemdiem/source'],
      metafile: true,
      absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => /^node:|(^|\/)(fs|path|module|worker_threads)$/.test(f))).toEqual([]);
    const own = inputs.filter((f) => f.startsWith('src/')).map((f) => f.slice(4));
    for (const nodeOnly of ['fonts.ts', 'pdf.ts', 'node.ts', 'batch.ts', 'batch-worker.ts', 'batch-input.ts', 'batch-names.ts', 'accelerate/index.ts', 'accelerate/shared-font.ts']) expect(own).not.toContain(nodeOnly);
    for (const shared of ['core.ts', 'documents.ts', 'print.ts', 'render.ts', 'layout.ts', 'summary.ts', 'diff-report.ts']) expect(own).toContain(shared);
  });
});
