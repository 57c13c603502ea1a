/**
 * scripts/check-tests.mjs, the CI check that every test can fail (`pnpm check:tests`, first step of `pnpm test`):
 * seeded files with each bad pattern are reported at the right line, the good forms of the same tests are not,
 * and the repository's own test files are clean.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkTests, format, type Finding } from '../../scripts/check-tests.mjs';
import { ROOT } from './helpers';

const HEAD = "import { describe, expect, it, test } from 'vitest';\n";

/** The findings for a seeded test file, as `line rule` pairs (the line counted in `body`, after the import). */
function findings(body: string, name = 'seed.test.ts'): string[] {
  return checkFile(join(tmpdir(), name), HEAD + body).map((f: Finding) => `${f.line - 1} ${f.rule}`);
}

describe('early-return: a return directly in a test body', () => {
  it('reports a guard that returns before the checks, at the return', () => {
    expect(findings("it('reads back', () => {\n  if (!TOOL) return;\n  expect(read()).toBe(1);\n});\n")).toEqual(['2 early-return']);
  });

  it('reports it in every way a test is registered: test, it.each, it.skipIf, test.concurrent, test.extend', () => {
    const body = [
      "test('a', async () => { if (x) return; expect(1).toBe(1); });",
      "it.each([1, 2])('b %s', (n) => { if (n) return; expect(n).toBe(n); });",
      "it.skipIf(!TOOL)('c', () => { if (x) return; expect(1).toBe(1); });",
      "test.concurrent('d', async () => { for (const v of [1]) { if (v) return; } expect(1).toBe(1); });",
      "describe('e', () => { it.runIf(TOOL).each([1])('f', () => { if (x) { return; } expect(1).toBe(1); }); });",
      'const myTest = test.extend({});',
      "myTest('g', function () { if (x) return; expect(1).toBe(1); });",
      "it('h', () => { try { return; } finally { expect(1).toBe(1); } });",
    ].join('\n');
    expect(findings(body)).toEqual([1, 2, 3, 4, 5, 7, 8].map((l) => `${l} early-return`));
  });

  it('reports a return with a value when it is not the only statement', () => {
    expect(findings("it('x', async () => {\n  const p = Promise.resolve(1);\n  return expect(p).resolves.toBe(1);\n});\n")).toEqual(['3 early-return']);
  });

  it('passes returns inside nested functions, a return of the only statement, and returns outside tests', () => {
    const body = [
      "it('handler', async () => {",
      "  const server = createServer((req, res) => { if (req.method !== 'POST') return; res.end(); });",
      '  const xs = [1, 2].map((n) => { return n * 2; });',
      '  function helper() { return 1; }',
      '  class K { m() { return 2; } }',
      '  expect(xs).toEqual([2, 4]);',
      '});',
      "it('promise', () => { return expect(Promise.resolve(1)).resolves.toBe(1); });",
      "describe('suite', () => { if (skipAll) return; it('y', () => expect(1).toBe(1)); });",
      'function notATest() { return 3; }',
      "const s = 'x'; if (/x/.test(s)) { s.replace('a', () => { return 'b'; }); }",
    ].join('\n');
    expect(findings(body)).toEqual([]);
  });
});

describe('no-assertion: a test that checks nothing', () => {
  it('reports a test that only runs code, or only computes a value', () => {
    const body = ["it('runs', () => {\n  parse('x');\n});", "test('computes', async () => { const v = await load(); void v; });"].join('\n');
    expect(findings(body)).toEqual(['1 no-assertion', '4 no-assertion']);
  });

  it('counts expect in all its forms, assert, a throw of the test itself, and ctx.expect', () => {
    const body = [
      "it('a', () => expect(1).toBe(1));",
      "it('b', async () => { await expect.poll(() => 1).toBe(1); });",
      "it('c', async () => { await expect(Promise.reject(new Error('x'))).rejects.toThrow('x'); });",
      "it('d', () => { for (const x of [1]) [x].forEach((y) => expect(y).toBe(1)); });",
      "it('e', () => { assert.equal(1, 1); });",
      "it('f', () => { if (bad()) throw new Error('bad'); });",
      "it('g', (ctx) => { ctx.expect(1).toBe(1); });",
      "test('h', ({ expect: e }) => { expect.soft(1).toBe(1); });",
      "it('i', () => { expectTypeOf(1).toBeNumber(); });",
    ].join('\n');
    expect(findings(body)).toEqual([]);
  });

  it('follows helpers into this file and into relative imports, and judges other helpers by their name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-tests-'));
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib/helpers.ts'), [
      "import { expect } from 'vitest';",
      'export function expectValid(x: unknown) { expect(x).toBeTruthy(); }',
      'export const checkPdf = (f: string) => { expectValid(f); };',
      '/** An API call that happens to be named check…: it asserts nothing. */',
      'export function checkPlan(p: unknown) { if (!p) throw new Error("no plan"); return []; }',
    ].join('\n'));
    const body = [
      "import { checkPdf, checkPlan, expectValid } from './lib/helpers';",
      "import { expectPartyPdf, render } from '@kiemdiem/somewhere';",
      'const local = (n: number) => { expect(n).toBe(1); };',
      'function twice(n: number) { local(n); local(n); }',
      "it('a', () => { twice(1); });",
      "it('b', () => { expectValid(1); });",
      "it('c', () => { checkPdf('x.pdf'); });",
      "it('d', () => { expectPartyPdf(render()); });",
      "it('e', () => { checkPlan({}); });",
      "it('f', () => { render(); });",
    ].join('\n');
    writeFileSync(join(dir, 'seed.test.ts'), HEAD + body);
    expect(checkFile(join(dir, 'seed.test.ts')).map((f) => `${f.line - 1} ${f.rule}`)).toEqual(['9 no-assertion', '10 no-assertion']);
  });
});

describe('only and skip-reason', () => {
  it('reports .only anywhere, and .skip/.todo without a comment saying why', () => {
    const body = [
      "it.only('a', () => expect(1).toBe(1));",
      "describe.only('b', () => {});",
      "it.skip('c', () => expect(1).toBe(1));",
      "describe.skip('d', () => {});",
      "it.todo('e');",
      '// Waits for the 2027 regulation text.',
      "it.todo('f');",
      "it.skip('g', () => expect(1).toBe(1)); // flaky upstream: pdfmake#1234",
      "it.skipIf(!TOOL)('h', () => expect(1).toBe(1));",
    ].join('\n');
    expect(findings(body)).toEqual(['1 only', '2 only', '3 skip-reason', '4 skip-reason', '5 skip-reason']);
  });
});

describe('the command', () => {
  it('prints file:line:column, the rule and the test, and exits 1 on a bad file; exits 0 on a clean one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-tests-cli-'));
    writeFileSync(join(dir, 'bad.test.ts'), `${HEAD}it('reads back', () => {\n  if (!TOOL) return;\n  expect(1).toBe(1);\n});\n`);
    writeFileSync(join(dir, 'good.test.ts'), `${HEAD}it.skipIf(!TOOL)('reads back', () => {\n  expect(1).toBe(1);\n});\n`);
    writeFileSync(join(dir, 'not-a-test.ts'), "it('x', () => { return; });\n");
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/check-tests.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

    const bad = run(dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.test\.ts:3:14 {2}early-return {2}return inside test "reads back"/);
    expect(bad.stderr).toContain('check-tests: 1 problem(s) in 1 of 2 test files');
    expect(bad.stderr).not.toContain('not-a-test');

    const good = run(join(dir, 'good.test.ts'));
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toBe('check-tests: 1 test files, every test can fail\n');
  });

  it('finds nothing in the repository’s own tests (packages/*/src, tests/, examples/)', () => {
    const found = checkTests();
    expect(found.map(format)).toEqual([]);
  });
});
