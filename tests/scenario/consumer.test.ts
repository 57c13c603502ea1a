/**
 * The packages as a user gets them: the tarballs of scripts/pack.mjs (`pnpm pack`, made once and reused),
 * installed together by npm into a fresh project in a temporary directory, outside the workspace (no
 * workspace links, no hoisted devDependencies). npm runs with engine-strict, so a dependency that needs a newer
 * Node than the one running the test fails the install.
 *
 * Then, in that project: ESM import and CJS require of every package and every subpath export; an error thrown
 * by the ESM copy of @kiemdiem/rules recognised by the CJS copy; each package README's example, run as written;
 * the `kiemdiem` binary and `npx @kiemdiem/cli`; `tsc --strict` without skipLibCheck under module nodenext
 * and under moduleResolution bundler (with the root README's Vite snippet); a Vite build of a page using rules,
 * forms and the browser build of reports, loaded in Chromium under `script-src 'self'`, which rates a member,
 * validates a form and prints a PDF that pdftotext reads back; and the browser bundle size of each package
 * entry against tests/scenario/bundle-budget.json.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAll, type Packed } from '../../scripts/pack.mjs';
import { ROOT } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const BROWSER = existsSync(CHROMIUM) || Boolean(process.env.CI);
const POPPLER = spawnSync('pdftotext', ['-v']).status === 0 || Boolean(process.env.CI);
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";
const FIXTURES = join(ROOT, 'tests/scenario/fixtures/consumer');
const BUDGET_FILE = join(ROOT, 'tests/scenario/bundle-budget.json');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

/** The environment of a child that must behave as in a user's shell: no npm_* or pnpm settings of the workspace's scripts. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (/^(npm|pnpm)_/i.test(key) || key === 'NODE_PATH' || key === 'NODE_OPTIONS') delete env[key];
  return env;
}

let dir = '';
let tarballs: Packed[] = [];
let install: SpawnSyncReturns<string>;

function run(file: string, args: string[], options: { cwd?: string; input?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(file, args, { cwd: options.cwd ?? dir, env: userEnv(), encoding: 'utf8', input: options.input, timeout: 120_000, maxBuffer: 64 << 20 });
}

/** As `run`, without blocking: the slow steps (tsc, vite) run side by side on a loaded machine. */
function runAsync(file: string, args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const node = (script: string) => run(process.execPath, [script]);
const installed = (name: string) => JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as Record<string, any>;

/** The first fenced code block after the README's `## Example` heading: language and text. */
function readmeExample(readme: string): { lang: string; code: string } {
  const section = readme.split(/^## Example\s*$/m)[1] ?? '';
  const m = /^```(\w+)\n([\s\S]*?)^```/m.exec(section);
  return { lang: m?.[1] ?? '', code: m?.[2] ?? '' };
}

/**
 * Every import specifier a package's exports map offers: `name` for ".", `name/sub` for a subpath, and for a
 * wildcard subpath one file of the tarball that it matches. `kind` says how to load it.
 */
function specifiers(t: Packed): Array<{ spec: string; kind: 'code' | 'json' | 'file' }> {
  const exports = installed(t.name).exports as Record<string, unknown>;
  const out: Array<{ spec: string; kind: 'code' | 'json' | 'file' }> = [];
  for (const [key, target] of Object.entries(exports)) {
    const kindOf = (file: string): 'code' | 'json' | 'file' => (/\.json$/.test(file) ? 'json' : /\.[cm]?js$/.test(file) ? 'code' : 'file');
    if (key.includes('*')) {
      const [pre, post] = (target as string).replace(/^\.\//, '').split('*') as [string, string];
      const match = t.files.find((f) => f.startsWith(pre) && f.endsWith(post) && f.length > pre.length + post.length);
      if (!match) throw new Error(`${t.name}: no packed file matches ${key} → ${String(target)}`);
      const spec = `${t.name}/${key.slice(2).replace('*', match.slice(pre.length, match.length - post.length))}`;
      out.push({ spec, kind: kindOf(match) });
    } else {
      const spec = key === '.' ? t.name : `${t.name}/${key.slice(2)}`;
      out.push({ spec, kind: typeof target === 'string' ? kindOf(target) : 'code' });
    }
  }
  return out;
}

type Run = Awaited<ReturnType<typeof runAsync>>;
/** The slow steps, started as soon as the packages are installed and awaited by their tests. */
const slow = {} as { tsc: Promise<Record<'nodenext' | 'bundler' | 'bad', Run>>; vite: Promise<Run> };

/** No @types/node: the declarations must compile for a browser-only project as well. */
function tsc(name: string, compilerOptions: Record<string, unknown>, files: string[]): Promise<Run> {
  const config = { compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], ...compilerOptions }, files };
  writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
  return runAsync(process.execPath, [TSC, '-p', `tsconfig.${name}.json`], dir);
}

function startSlowSteps(): void {
  cpSync(join(FIXTURES, 'types.ts'), join(dir, 'types.ts'));
  cpSync(join(FIXTURES, 'types-cjs.cts'), join(dir, 'types-cjs.cts'));
  // The root README's Vite snippet, as written, with the declaration Vite's client types give `?url` imports.
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const snippet = /^```ts\n(\/\/ Vite\.[\s\S]*?)^```/m.exec(readme)?.[1] ?? '';
  writeFileSync(join(dir, 'readme-vite.ts'), `${snippet}\nexport {};\n`);
  writeFileSync(join(dir, 'assets.d.ts'), "declare module '*.ttf?url' {\n  const url: string;\n  export default url;\n}\n");
  writeFileSync(join(dir, 'bad.ts'), "import { exampleFor, type FormId } from '@kiemdiem/forms';\nconst id: FormId = 'hd43-2025/99';\nexport const x: Record<string, unknown> = exampleFor(id);\nimport { notThere } from '@kiemdiem/reports';\nexport { notThere };\n");
  slow.tsc = Promise.all([
    tsc('nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }, ['types.ts', 'types-cjs.cts']),
    tsc('bundler', { module: 'esnext', moduleResolution: 'bundler' }, ['types.ts', 'readme-vite.ts', 'assets.d.ts']),
    tsc('bad', { module: 'nodenext', moduleResolution: 'nodenext' }, ['bad.ts']),
  ]).then(([nodenext, bundler, bad]) => ({ nodenext, bundler, bad }));
  cpSync(join(FIXTURES, 'web'), join(dir, 'web'), { recursive: true });
  slow.vite = runAsync(process.execPath, [VITE, 'build', '--logLevel', 'error'], join(dir, 'web'));
  // Neither may reject unobserved if an earlier test fails first.
  slow.tsc.catch(() => {});
  slow.vite.catch(() => {});
}

/** The optional peers of @kiemdiem/forms' adapter subpaths (/rjsf, /jsonforms, /jsonforms-renderers), as a host app installs them. */
const ADAPTER_PEERS = ['@rjsf/utils@6.11.1', '@jsonforms/core@3.8.0', '@jsonforms/react@3.8.0', '@jsonforms/vanilla-renderers@3.8.0', 'react@19.3.1'];

beforeAll(async () => {
  tarballs = await packAll();
  dir = mkdtempSync(join(tmpdir(), 'kiemdiem-consumer-'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  install = run('npm', ['install', '--engine-strict', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs.map((t) => t.tarball), ...ADAPTER_PEERS]);
  if (install.status === 0) startSlowSteps();
}, 240_000);

afterAll(() => {
  if (dir && !process.env.KIEMDIEM_KEEP_CONSUMER) rmSync(dir, { recursive: true, force: true });
});

describe('npm install of the tarballs into a fresh project', () => {
  it('installs with engine-strict, every @kiemdiem dependency a real version satisfied by its sibling tarball', () => {
    expect(install.status, install.stderr).toBe(0);
    expect(tarballs.length).toBeGreaterThanOrEqual(4);
    for (const t of tarballs) {
      const pkg = installed(t.name);
      expect(pkg.version).toBe(t.version);
      const deps = { ...pkg.dependencies, ...pkg.peerDependencies } as Record<string, string>;
      expect(Object.entries(deps).filter(([, range]) => /^(workspace|file|link):/.test(range))).toEqual([]);
      // One copy of each @kiemdiem package: no nested install of a sibling at another version.
      expect(existsSync(join(dir, 'node_modules', t.name, 'node_modules', '@kiemdiem'))).toBe(false);
    }
  });
});

describe('loading every package and subpath export', () => {
  it('ESM import and CJS require of each, through the exports map', () => {
    const all = tarballs.flatMap(specifiers);
    expect(all.map((s) => s.spec)).toEqual(expect.arrayContaining(['@kiemdiem/rules', '@kiemdiem/forms', '@kiemdiem/reports', '@kiemdiem/reports/browser', '@kiemdiem/cli']));
    const script = (mode: 'esm' | 'cjs') =>
      [
        mode === 'esm' ? "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" : '',
        `const specs = ${JSON.stringify(all)};`,
        'const out = {};',
        mode === 'esm' ? '(async () => {' : '(async () => {',
        'for (const { spec, kind } of specs) {',
        '  try {',
        mode === 'esm'
          ? "    if (kind === 'file') out[spec] = typeof import.meta.resolve(spec); else { const m = await import(spec, kind === 'json' ? { with: { type: 'json' } } : undefined); out[spec] = kind === 'json' ? typeof m.default : Object.keys(m).length > 0 ? 'module' : 'empty'; }"
          : "    if (kind === 'file') out[spec] = typeof require.resolve(spec); else { const m = require(spec); out[spec] = kind === 'json' ? typeof m : Object.keys(m).length > 0 ? 'module' : 'empty'; }",
        '  } catch (e) { out[spec] = `error: ${e.code ?? ""} ${e.message.split("\\n")[0]}`; }',
        '}',
        'console.log(JSON.stringify(out));',
        '})();',
      ].join('\n');
    writeFileSync(join(dir, 'load.mjs'), script('esm'));
    writeFileSync(join(dir, 'load.cjs'), script('cjs'));
    const expected = Object.fromEntries(all.map((s) => [s.spec, s.kind === 'code' ? 'module' : s.kind === 'json' ? 'object' : 'string']));
    for (const file of ['load.mjs', 'load.cjs']) {
      const r = node(file);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout), file).toEqual(expected);
    }
  });

  it('an error thrown by the ESM copy of @kiemdiem/rules is a KiemdiemError to the CJS copy (is() and instanceof)', () => {
    writeFileSync(
      join(dir, 'errors.mjs'),
      [
        "import { createRequire } from 'node:module';",
        "import * as esm from '@kiemdiem/rules';",
        "const cjs = createRequire(import.meta.url)('@kiemdiem/rules');",
        'let thrown;',
        "try { esm.loadRegulation('qd-000-1999'); } catch (e) { thrown = e; }",
        'console.log(JSON.stringify({ distinct: esm.KiemdiemError !== cjs.KiemdiemError, code: thrown?.code, is: cjs.KiemdiemError.is(thrown), instance: thrown instanceof cjs.KiemdiemError, back: esm.KiemdiemError.is(new cjs.KiemdiemError("unknown-form", "x")), plain: cjs.KiemdiemError.is(new Error("x")) }));',
      ].join('\n'),
    );
    const r = node('errors.mjs');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ distinct: true, code: 'unknown-regulation', is: true, instance: true, back: true, plain: false });
  });
});

describe('each package README: install line and a runnable example', () => {
  it.each(['rules', 'forms', 'reports', 'cli', 'server', 'sheets'])('%s', (name) => {
    const t = tarballs.find((p) => p.name === `@kiemdiem/${name}`)!;
    expect(t.files).toContain('README.md');
    const readme = readFileSync(join(dir, 'node_modules', t.name, 'README.md'), 'utf8');
    expect(readme).toContain(`npm install ${name === 'cli' ? '--global ' : ''}${t.name}`);
    const { lang, code } = readmeExample(readme);
    expect(code.split('\n').length).toBeGreaterThanOrEqual(4);
    const work = mkdtempSync(join(dir, `readme-${name}-`));
    if (lang === 'js') {
      writeFileSync(join(work, 'example.mjs'), code);
      const r = run(process.execPath, ['example.mjs'], { cwd: work });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).not.toBe('');
      if (name === 'rules') expect(r.stdout).toMatch(/^HTXSNV 93\.5 Article 11, clause 1/);
      if (name === 'forms') expect(r.stdout).toMatch(/^true\nfalse \/identity "Personal details" is missing\n\d+ \w+/);
      if (name === 'server') expect(r.stdout.trim()).toBe('200 HTTNV');
      if (name === 'sheets') expect(r.stdout).toBe('Nguyễn Văn An HTXSNV 2\nSheet "CSV", row 3, column "Điểm nhóm tiêu chí chung": "abc" is not a number\ntrue\n');
      if (name === 'reports') expect(readFileSync(join(work, '02b.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    } else {
      expect(lang).toBe('sh');
      for (const line of code.trim().split('\n')) {
        const r = run('sh', ['-c', line], { cwd: work });
        expect(r.status, `${line}\n${r.stderr}`).toBe(0);
      }
      expect(readFileSync(join(work, '02b.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });
});

describe('the kiemdiem command from the tarball', () => {
  it('node_modules/.bin/kiemdiem and `npx @kiemdiem/cli` print the same help, exit 0', () => {
    const bin = run(join(dir, 'node_modules/.bin/kiemdiem'), ['--help']);
    const npx = run('npx', ['--no-install', '@kiemdiem/cli', '--help']);
    expect(bin.status, bin.stderr).toBe(0);
    expect(npx.status, npx.stderr).toBe(0);
    expect(bin.stdout).toMatch(/kiemdiem <lệnh>/);
    expect(npx.stdout).toBe(bin.stdout);
  });
});

describe('TypeScript: tsc --strict, no skipLibCheck, against the installed declarations', () => {
  let runs: Record<'nodenext' | 'bundler' | 'bad', Run>;
  beforeAll(async () => {
    runs = await slow.tsc;
  }, 180_000);

  it('module nodenext: the ESM and the CommonJS declarations', () => {
    expect(runs.nodenext.stdout + runs.nodenext.stderr).toBe('');
    expect(runs.nodenext.status).toBe(0);
  });

  it('moduleResolution bundler, with the README’s Vite snippet (setFonts, new Blob([pdf]))', () => {
    expect(readFileSync(join(dir, 'readme-vite.ts'), 'utf8')).toContain('new Blob([pdf]');
    expect(runs.bundler.stdout + runs.bundler.stderr).toBe('');
    expect(runs.bundler.status).toBe(0);
  });

  it('the checks can fail: a mistyped form id and an unknown export are compile errors', () => {
    expect(runs.bad.status).not.toBe(0);
    expect(runs.bad.stdout).toMatch(/bad\.ts\(2,7\): error TS(2322|2820)/);
    expect(runs.bad.stdout).toMatch(/bad\.ts\(4,10\): error TS2305/);
  });
});

describe.skipIf(!BROWSER)('a Vite build of a page using the packages, in Chromium under a CSP without unsafe-eval', () => {
  let server: Server | undefined;
  let result: { violations: unknown[]; error?: string; level?: string; valid?: boolean; invalidPaths?: string[]; pdf?: string };
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const web = join(dir, 'web');
    const built = await slow.vite;
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stderr}`);
    const dist = join(web, 'dist');
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.ttf': 'font/ttf' };
    let report!: (value: typeof result) => void;
    const posted = new Promise<typeof result>((resolve) => (report = resolve));
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      res.setHeader('Content-Security-Policy', CSP);
      if (req.method === 'POST' && req.url === '/result') {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          res.end();
          report(JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof result);
        });
        return;
      }
      const path = normalize(join(dist, decodeURIComponent((req.url ?? '/').split('?')[0]!) === '/' ? 'index.html' : decodeURIComponent((req.url ?? '/').split('?')[0]!)));
      if (!path.startsWith(dist + sep) || !existsSync(path)) {
        res.statusCode = req.url === '/favicon.ico' ? 204 : 404;
        res.end();
        return;
      }
      res.setHeader('Content-Type', types[extname(path)] ?? 'application/octet-stream');
      res.end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      result = await posted;
    } finally {
      await browser.close();
    }
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it('rates the member, validates the form, prints: no error, no CSP violation, no console error', () => {
    expect(result.error).toBeUndefined();
    expect(result.violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect({ level: result.level, valid: result.valid, invalidPaths: result.invalidPaths }).toEqual({ level: 'HTXSNV', valid: true, invalidPaths: ['/identity'] });
  });

  it.skipIf(!POPPLER)('the PDF reads back with the member’s name in exact diacritics', () => {
    const file = join(dir, 'web-02b.pdf');
    writeFileSync(file, Buffer.from(result.pdf ?? '', 'base64'));
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.normalize('NFC');
    expect(text).toContain('Nguyễn Thị Mai Anh');
    expect(text).toContain('BẢN KIỂM ĐIỂM');
  });
});

interface Size {
  min: number;
  gzip: number;
}
interface BundleEntry {
  /** The module a page loads first: the entry and the chunks it imports statically. */
  initial: Size;
  /** Everything, lazy chunks (pdfmake) included. */
  total: Size;
}

describe('browser bundle size of each package entry (esbuild, minified, gzip) within tests/scenario/bundle-budget.json', () => {
  const measured: Record<string, BundleEntry | 'node-only'> = {};

  beforeAll(async () => {
    for (const t of tarballs) {
      for (const { spec, kind } of specifiers(t)) {
        if (kind !== 'code') continue;
        const out = join(dir, 'bundles', spec.replace(/[@/]/g, '_'));
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'entry.js'), `export * from '${spec}';\n`);
        try {
          const r = await build({ entryPoints: [join(out, 'entry.js')], absWorkingDir: dir, bundle: true, splitting: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, outdir: join(out, 'dist'), metafile: true, write: false, logLevel: 'silent' });
          const files = new Map(r.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [f.path, f.contents]));
          const entryPath = [...files.keys()].find((p) => p.endsWith(`${sep}entry.js`))!;
          const initial = new Set<string>([entryPath]);
          for (const [path, meta] of Object.entries(r.metafile!.outputs)) {
            if (join(dir, path) !== entryPath) continue;
            for (const imp of meta.imports) if (imp.kind === 'import-statement') initial.add(join(dir, imp.path));
          }
          const size = (paths: string[]): Size => ({
            min: paths.reduce((n, p) => n + files.get(p)!.byteLength, 0),
            gzip: paths.reduce((n, p) => n + gzipSync(files.get(p)!, { level: 9 }).byteLength, 0),
          });
          measured[spec] = { initial: size([...initial]), total: size([...files.keys()]) };
        } catch {
          measured[spec] = 'node-only'; // imports Node modules: not a browser entry
        }
      }
    }
    writeFileSync(join(ROOT, 'node_modules/.cache/kiemdiem-pack/bundle-sizes.json'), `${JSON.stringify(measured, null, 2)}\n`);
  }, 120_000);

  it('the browser entries bundle (rules, forms, reports and reports/browser); the CLI is Node only', () => {
    expect(Object.keys(measured).filter((k) => measured[k] !== 'node-only')).toEqual(expect.arrayContaining(['@kiemdiem/rules', '@kiemdiem/forms', '@kiemdiem/reports', '@kiemdiem/reports/browser']));
    expect(measured['@kiemdiem/cli']).toBe('node-only');
  });

  it('each is within its budget (a new browser entry needs one)', () => {
    const budget = JSON.parse(readFileSync(BUDGET_FILE, 'utf8')) as { entries: Record<string, { initialGzip: number; totalGzip: number }> };
    const over: string[] = [];
    for (const [spec, m] of Object.entries(measured)) {
      if (m === 'node-only') continue;
      const b = budget.entries[spec];
      if (!b) over.push(`${spec}: no budget (measured initial ${m.initial.gzip} B, total ${m.total.gzip} B gzip)`);
      else {
        if (m.initial.gzip > b.initialGzip) over.push(`${spec}: initial ${m.initial.gzip} B gzip > budget ${b.initialGzip} B`);
        if (m.total.gzip > b.totalGzip) over.push(`${spec}: total ${m.total.gzip} B gzip > budget ${b.totalGzip} B`);
      }
    }
    expect(over).toEqual([]);
  });
});
