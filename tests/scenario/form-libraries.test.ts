/**
 * The forms in the two form libraries the README names, in a real browser, under a strict CSP: a host page
 * (fixtures/form-libraries/app.tsx) renders a form's example with RJSF (@rjsf/core's theme) or JSON Forms
 * (@jsonforms/react with the vanilla renderers), using the adapters `@kiemdiem/forms/rjsf`, `/jsonforms` and
 * `/jsonforms-renderers` of the built package, bundled by esbuild and served with `script-src 'self'; style-src 'self'`
 * (no 'unsafe-eval', no 'unsafe-inline') from a throwaway 127.0.0.1 server to Debian's Chromium (playwright-core).
 *
 * For Mẫu 02B in each library: a required field emptied and a score over its limit show `validate`'s own message
 * under the field, in Vietnamese (in English with lang en), and it goes when fixed. Every other form's example renders
 * with its title, and passes. No CSP violation, no console error or warning. With KIEMDIEM_SCREENSHOTS=1 the test also
 * writes docs/images/forms-rjsf-02b.png and forms-jsonforms-02b.png.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkForm, exampleFor, formTitle, getForm, listForms } from '@kiemdiem/forms';
import { build } from 'esbuild';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const BROWSER = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!BROWSER) console.warn(`${CHROMIUM} not installed: the form-library browser tests are skipped (CI installs it).`);

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
const HERE = join(ROOT, 'tests/scenario/fixtures/form-libraries');
const FORM = 'hd43-2025/02b';
const SHOTS = mkdtempSync(join(tmpdir(), 'kiemdiem-form-libraries-'));
type Lib = 'rjsf' | 'jsonforms';
type Lang = 'vi' | 'en';

/** The message `checkForm` gives at `pointer` for the example changed by `change`: what the page must show. */
function expected(lang: Lang, pointer: string, change: (doc: Record<string, any>) => void): string {
  const doc = structuredClone(exampleFor(FORM)) as Record<string, any>;
  change(doc);
  const issue = checkForm(FORM, doc, { lang }).errors.find((e) => e.path === pointer);
  if (!issue) throw new Error(`no problem at ${pointer}`);
  return issue.message;
}

/** Where each library puts a field's input and the messages under it (by the field's JSON pointer). */
const at = {
  rjsf: (page: Page, pointer: string) => {
    const id = `root${pointer.replace(/\//g, '_')}`;
    return { input: page.locator(`[id="${id}"]`), errors: page.locator(`[id="${id}__error"]`) };
  },
  jsonforms: (page: Page, pointer: string) => {
    const scope = `#${pointer.replace(/\//g, '/properties/')}`;
    return { input: page.locator(`[id="${scope}-input"]`), errors: page.locator(`[id="${scope}"] .validation`) };
  },
} satisfies Record<Lib, (page: Page, pointer: string) => { input: Locator; errors: Locator }>;

const WAIT = { timeout: 5_000 };

describe.skipIf(!BROWSER)('RJSF and JSON Forms with the adapters, in Chromium under a CSP without unsafe-eval', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  const files = new Map<string, { type: string; body: Uint8Array | string }>();
  const consoleMessages: string[] = [];

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [join(HERE, 'app.tsx')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      minify: true,
      outdir: '/assets',
      write: false,
      logLevel: 'silent',
      // React, RJSF and JSON Forms are devDependencies of @kiemdiem/forms (its optional peers).
      nodePaths: [join(ROOT, 'packages/forms/node_modules')],
      define: { 'process.env.NODE_ENV': '"production"' },
      // @rjsf/core's index re-exports getTestRegistry, which imports RJSF's ajv validator; the package is
      // side-effect free, so the bundler drops it unused (checked below) and it need not be installed.
      external: ['@rjsf/validator-ajv8'],
    });
    files.set('/', { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>kiemdiem forms</title><link rel="stylesheet" href="/app.css"><script src="/guard.js"></script><div id="app"></div><script type="module" src="/assets/app.js"></script>' });
    files.set('/guard.js', { type: 'text/javascript', body: readFileSync(join(HERE, 'guard.js'), 'utf8') });
    files.set('/app.css', { type: 'text/css', body: readFileSync(join(HERE, 'app.css'), 'utf8') });
    for (const out of bundle.outputFiles) files.set(out.path, { type: 'text/javascript', body: out.contents });
    const bundled = new TextDecoder().decode(files.get('/assets/app.js')!.body as Uint8Array);
    // RJSF's ajv validator is not in the page. (JSON Forms' core carries ajv, its own dependency, but with
    // validationMode 'NoValidation' never compiles: a compile would be a CSP violation, which the tests count.)
    expect(bundled).not.toContain('@rjsf/validator-ajv8');
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      res.setHeader('Content-Security-Policy', CSP);
      const file = files.get((req.url ?? '').split('?')[0]!);
      if (req.method === 'GET' && file) {
        res.setHeader('Content-Type', `${file.type}; charset=utf-8`);
        res.end(file.body);
      } else {
        res.statusCode = req.url === '/favicon.ico' ? 204 : 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  async function open(lib: Lib, form: string, lang: Lang): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleMessages.push(`${lib} ${form} ${lang}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleMessages.push(`${lib} ${form} ${lang}: ${e.message}`));
    await page.goto(`${origin}/?lib=${lib}&form=${encodeURIComponent(form)}&lang=${lang}`);
    await page.waitForFunction(() => document.querySelectorAll('input, textarea').length > 3, undefined, WAIT);
    return page;
  }

  async function close(page: Page): Promise<void> {
    expect(await page.evaluate(() => (window as unknown as { violations: unknown[] }).violations)).toEqual([]);
    await page.close();
  }

  /** The text under a field: its messages, or '' when it has none. */
  async function shown(errors: Locator): Promise<string> {
    return (await errors.count()) === 0 ? '' : ((await errors.first().textContent()) ?? '').trim();
  }

  describe.each([
    ['rjsf', 'vi'],
    ['jsonforms', 'vi'],
    ['rjsf', 'en'],
    ['jsonforms', 'en'],
  ] as Array<[Lib, Lang]>)('Mẫu 02B in %s, lang %s', (lib, lang) => {
    it('a field emptied and a score over its limit: validate’s message under each field, gone when fixed; labels and title in the language', async () => {
      consoleMessages.length = 0;
      const page = await open(lib, FORM, lang);
      const form = getForm(FORM)!;
      const body = () => page.locator('main').textContent();
      expect(await body()).toContain(formTitle(form, lang));
      expect(await body()).toContain(lang === 'en' ? 'Good task completion' : 'Hoàn thành tốt nhiệm vụ');
      if (lang === 'en') expect(await body()).not.toContain('Hoàn thành tốt nhiệm vụ');
      // The library's own words in the language too (RJSF's add button, JSON Forms' table buttons).
      if (lib === 'rjsf') expect(await page.locator('button.btn-add').first().getAttribute('title')).toBe(lang === 'en' ? 'Add' : 'Thêm dòng');
      else expect(await page.locator('button.add-row').first().textContent()).toMatch(lang === 'en' ? /^Add a row to / : /^Thêm dòng vào /);

      const name = at[lib](page, '/identity/fullName');
      const score = at[lib](page, '/B/I/common');
      expect(await shown(name.errors)).toBe('');
      expect(await shown(score.errors)).toBe('');

      await name.input.fill('');
      const missing = expected(lang, '/identity/fullName', (d) => delete d.identity.fullName);
      await expect.poll(() => shown(name.errors), WAIT).toBe(missing);
      expect(missing).toMatch(lang === 'en' ? /^"Full name" is missing$/ : /^Thiếu "Họ và tên"$/);

      await score.input.fill('31');
      const over = expected(lang, '/B/I/common', (d) => (d.B.I.common = 31));
      await expect.poll(() => shown(score.errors), WAIT).toBe(over);
      expect(over).toBe(lang === 'en' ? '"1. Common criteria" must not exceed 30' : '"1. Nhóm tiêu chí chung" không được vượt quá 30');

      if (lang === 'vi') {
        await score.input.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: join(SHOTS, `forms-${lib}-02b.png`) });
      }

      await name.input.fill('Nguyễn Thị Mai Anh');
      await score.input.fill('28.5');
      await expect.poll(() => shown(name.errors), WAIT).toBe('');
      await expect.poll(() => shown(score.errors), WAIT).toBe('');
      await close(page);
      expect(consoleMessages).toEqual([]);
    });
  });

  it('JSON Forms: radio options one a line, each label its own, the table words in Vietnamese', async () => {
    const page = await open('jsonforms', FORM, 'vi');
    const level = page.locator('[role="radiogroup"][aria-labelledby="#/properties/B/properties/II/properties/level-label"] label');
    const boxes = await level.evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(4);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
    // Clicking a label picks its own group's option (vanilla shares ids across the 19 prohibition groups).
    await level.filter({ hasText: 'Hoàn thành tốt nhiệm vụ' }).click();
    expect(await level.filter({ hasText: 'Hoàn thành tốt nhiệm vụ' }).locator('input').isChecked()).toBe(true);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Thêm dòng vào');
    expect(text).toContain('Xoá dòng 1');
    expect(text).not.toMatch(/Add to |No data|Delete|\bUp\b|\bDown\b/);
    await close(page);
  });

  it.each(listForms().filter((f) => f.id !== FORM).map((f) => f.id))('%s: its example renders in both, with its title, and passes', async (id) => {
    consoleMessages.length = 0;
    const check = async (lib: Lib) => {
      const page = await open(lib, id, 'vi');
      expect((await page.locator('main').textContent()) ?? '').toContain(formTitle(getForm(id)!, 'vi'));
      if (lib === 'rjsf') {
        // Submitting runs the validator on the whole example: nothing to show.
        await page.locator('button[type="submit"]').click();
        expect(await page.locator('.error-detail li').count()).toBe(0);
      } else {
        expect(await page.locator('.validation_error').evaluateAll((els) => els.filter((e) => e.textContent?.trim()).length)).toBe(0);
      }
      await close(page);
    };
    await Promise.all([check('rjsf'), check('jsonforms')]);
    expect(consoleMessages).toEqual([]);
  });

  it('keeps the screenshots when asked (KIEMDIEM_SCREENSHOTS=1)', () => {
    for (const lib of ['rjsf', 'jsonforms']) {
      const file = join(SHOTS, `forms-${lib}-02b.png`);
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      if (process.env.KIEMDIEM_SCREENSHOTS) copyFileSync(file, join(ROOT, 'docs/images', `forms-${lib}-02b.png`));
    }
  });
});
