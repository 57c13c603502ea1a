/**
 * @kiemdiem/reports in a real browser, under the strict Content-Security-Policy of a government portal:
 * the built package bundled by esbuild for the browser (through its "browser" export condition, code-split as a
 * portal's bundler would), served with the CSP below from a throwaway 127.0.0.1 server with the Tinos files,
 * run in Debian's Chromium through playwright-core. The page renders Mẫu 02B and posts the bytes back.
 *
 * Chromium: /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it). Without it the tests are
 * skipped with a notice, unless CI is set: then they run and fail, as the PDF read-back tests do without poppler.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inflateSync, deflateSync } from 'node:zlib';
import { exampleFor } from '@kiemdiem/forms';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPartyPdf, pdfInfo, pdfText, READ_BACK, savePdf } from '../../packages/reports/test/poppler';
import { ROOT } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const BROWSER = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!BROWSER) console.warn(`${CHROMIUM} not installed: the browser tests of @kiemdiem/reports are skipped (CI installs it).`);

/** No 'unsafe-eval', no 'unsafe-inline': scripts only from the page's own origin, as files. */
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";
const FORM = 'hd43-2025/02b';
const HERE = join(ROOT, 'tests/scenario/fixtures/browser');

interface Failure {
  name: string;
  code?: string;
  message: string;
}
interface PageResult {
  violations: Array<{ directive: string; blocked: string; sample?: string }>;
  error?: string;
  noFonts: Failure | null;
  noFontsEn: Failure | null;
  missingFace: Failure | null;
  firstMs: number;
  secondMs: number;
  pdf: string;
  again: string;
  /** renderDocx's bytes, base64. */
  docx: string;
}
interface ProbeResult {
  attempts: Record<string, string>;
  inlineRan: boolean;
  violations: Array<{ directive: string; blocked: string }>;
}

/** The objects of a PDF (`n 0 obj … endobj`), each stream's data apart, and the trailer's /ID. */
function pdfObjects(bytes: Uint8Array): { objects: Map<string, { dict: string; stream?: Buffer }>; id: string } {
  const text = Buffer.from(bytes).toString('latin1');
  const objects = new Map<string, { dict: string; stream?: Buffer }>();
  const start = /(\d+) 0 obj\n/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const body = text.slice(m.index + m[0].length, text.indexOf('\nendobj', m.index));
    const s = body.indexOf('stream\n');
    if (s < 0) objects.set(m[1]!, { dict: body });
    else objects.set(m[1]!, { dict: body.slice(0, s), stream: Buffer.from(body.slice(s + 7, body.lastIndexOf('\nendstream')), 'latin1') });
  }
  return { objects, id: /\/ID \[<([0-9a-f]+)>/.exec(text)?.[1] ?? '' };
}

/** Resolves when the page posts to `path`. */
function posted<T>(server: Server, path: string): Promise<T> {
  return new Promise((resolve, reject) => {
    server.on('request', (req: IncomingMessage) => {
      if (req.method !== 'POST' || req.url !== path) return;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
        } catch (error) {
          reject(error as Error);
        }
      });
    });
  });
}

describe.skipIf(!BROWSER)('@kiemdiem/reports in Chromium under a CSP without unsafe-eval', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  let files: Map<string, { type: string; body: Uint8Array | string }>;
  const consoleErrors: string[] = [];
  const document = exampleFor(FORM);

  beforeAll(async () => {
    // The bundle a portal would ship: its own module, the package code-split into chunks (pdfmake in its own).
    const bundle = await build({
      entryPoints: [join(HERE, 'app.js')],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: '/assets',
      write: false,
      logLevel: 'silent',
    });
    const { loadFonts } = await import('@kiemdiem/reports');
    const tinos = loadFonts();
    files = new Map<string, { type: string; body: Uint8Array | string }>([
      ['/', { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>kiemdiem</title><script type="module" src="/assets/app.js"></script>' }],
      ['/probe.html', { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>probe</title><script src="/probe.js"></script><script>window.inlineRan = true;</script>' }],
      ['/probe.js', { type: 'text/javascript', body: readFileSync(join(HERE, 'probe.js'), 'utf8') }],
      ['/job.json', { type: 'application/json', body: JSON.stringify({ formId: FORM, document, options: {} }) }],
      ['/fonts/normal.ttf', { type: 'font/ttf', body: tinos.normal }],
      ['/fonts/bold.ttf', { type: 'font/ttf', body: tinos.bold }],
      ['/fonts/italics.ttf', { type: 'font/ttf', body: tinos.italics }],
      ['/fonts/bolditalics.ttf', { type: 'font/ttf', body: tinos.bolditalics }],
    ]);
    for (const out of bundle.outputFiles) files.set(out.path, { type: 'text/javascript', body: out.contents });
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      res.setHeader('Content-Security-Policy', CSP);
      const file = req.method === 'GET' ? files.get(req.url ?? '') : undefined;
      if (req.method === 'POST') {
        req.resume();
        req.on('end', () => res.end());
      } else if (file) {
        res.setHeader('Content-Type', file.type);
        res.end(file.body);
      } else if (req.url === '/favicon.ico') {
        res.statusCode = 204;
        res.end();
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  async function open(path: string, report: string): Promise<unknown> {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
    const result = posted(server, report);
    await page.goto(origin + path);
    const value = await result;
    await page.close();
    return value;
  }

  it('refuses eval, new Function and inline scripts on a probe page (the CSP is enforced)', async () => {
    const probe = (await open('/probe.html', '/probe-result')) as ProbeResult;
    expect(probe.attempts).toEqual({ newFunction: 'blocked: EvalError', eval: 'blocked: EvalError', functionReturnThis: 'blocked: EvalError' });
    expect(probe.inlineRan).toBe(false);
    expect(probe.violations.filter((v) => v.blocked === 'eval').length).toBeGreaterThanOrEqual(3);
    expect(probe.violations.some((v) => v.blocked === 'inline' && v.directive.startsWith('script-src'))).toBe(true);
    // Chromium logs a refused inline script; a refused eval only throws (caught here) and fires the event.
    expect(consoleErrors.some((e) => /inline script violates the following Content Security Policy directive/.test(e))).toBe(true);
    consoleErrors.length = 0;
  });

  describe('render in the page', () => {
    let result: PageResult;
    let pdf: Uint8Array;

    beforeAll(async () => {
      consoleErrors.length = 0;
      result = (await open('/', '/result')) as PageResult;
      pdf = Buffer.from(result.pdf ?? '', 'base64');
    });

    it('renders without any CSP violation or console error', () => {
      expect(result.error).toBeUndefined();
      expect(result.violations).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      // Fonts registered once (setFonts, ArrayBuffers) or given per call (Uint8Arrays): the same bytes.
      expect(result.again).toBe(result.pdf);
    });

    it('writes the Word document with no fonts, byte for byte the Node renderDocx (docx and fflate in their own chunk)', async () => {
      const { renderDocx } = await import('@kiemdiem/reports');
      const node = await renderDocx(FORM, document);
      expect(result.docx).toBe(Buffer.from(node).toString('base64'));
      // The page's own chunk does not carry the Word writer: it is loaded on the first renderDocx.
      const app = files.get('/assets/app.js')!.body;
      expect(Buffer.from(app).toString('utf8')).not.toContain('wordprocessingml');
      expect([...files.entries()].some(([path, f]) => path.startsWith('/assets/') && Buffer.from(f.body).toString('utf8').includes('wordprocessingml'))).toBe(true);
    });

    it('without fonts, says which option is missing, in Vietnamese by default and in English on request', () => {
      expect(result.noFonts).toMatchObject({ name: 'KiemdiemError', code: 'invalid-option' });
      expect(result.noFonts!.message).toMatch(/^Thiếu phông chữ để in PDF \(fonts\)/);
      expect(result.noFonts!.message).toContain('setFonts');
      expect(result.noFontsEn).toMatchObject({ code: 'invalid-option' });
      expect(result.noFontsEn!.message).toMatch(/^No fonts to print the PDF with \(fonts\).*"fonts" option.*setFonts/);
      expect(result.missingFace!.message).toContain('(fonts.bold, fonts.italics, fonts.bolditalics)');
    });

    it.skipIf(!READ_BACK)('reads back as an A4 PDF with only the embedded Tinos faces and the form’s Vietnamese text', () => {
      const file = savePdf(pdf, 'browser-02b.pdf');
      const text = expectPartyPdf(file);
      expect(text).toContain('BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN');
      expect(text).toContain('Mẫu 02B-HD KĐ.ĐG 2025');
      expect(text).toContain('Nguyễn Thị Mai Anh');
    });

    it.skipIf(!READ_BACK)('prints the same text on the same pages as the Node render', async () => {
      const { render } = await import('@kiemdiem/reports');
      const node = savePdf(await render(FORM, document), 'node-02b.pdf');
      const browserFile = savePdf(pdf, 'browser-02b-text.pdf');
      expect(pdfInfo(browserFile).Pages).toBe(pdfInfo(node).Pages);
      expect(pdfText(browserFile)).toBe(pdfText(node));
    });

    /*
     * Not byte-identical to the Node render, and cannot be: pdfkit deflates every stream (page contents, font
     * subsets, ToUnicode maps) with the platform's zlib. Under Node that is Node's zlib (a fork of Chromium's,
     * whose SIMD match finder picks other matches than upstream zlib); pdfmake's browser build bundles pako
     * (a port of zlib 1.2.8) through browserify-zlib. Both streams inflate to the same bytes, the compressed
     * lengths differ, and with them the /Length entries and the xref offsets. So the test proves the next best
     * thing: object for object, the same dictionaries (but /Length), the same stream data, the same /ID, and
     * deflating the browser's stream data with Node's zlib gives exactly Node's bytes.
     */
    it('is the Node render of the same input, up to the deflate implementation', async () => {
      const { render } = await import('@kiemdiem/reports');
      const node = pdfObjects(await render(FORM, document));
      const browserPdf = pdfObjects(pdf);
      expect([...browserPdf.objects.keys()]).toEqual([...node.objects.keys()]);
      expect(browserPdf.id).toBe(node.id);
      for (const [n, b] of browserPdf.objects) {
        const o = node.objects.get(n)!;
        const length = /\/Length \d+/g;
        expect(b.dict.replace(length, '/Length ?'), `object ${n}`).toBe(o.dict.replace(length, '/Length ?'));
        if (!b.stream) continue;
        if (!/\/FlateDecode/.test(b.dict)) {
          expect(b.stream.equals(o.stream!), `object ${n}`).toBe(true);
          continue;
        }
        const data = inflateSync(b.stream);
        expect(data.equals(inflateSync(o.stream!)), `object ${n} inflated`).toBe(true);
        expect(deflateSync(data).equals(o.stream!), `object ${n} deflated by Node`).toBe(true);
      }
    });
  });
});
