/**
 * The commands exactly as the issue writes them, from the repository root:
 *   node node_modules/.bin/kiemdiem ...
 *   import('@kiemdiem/rules') / createRequire(import.meta.url)('@kiemdiem/rules')
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT, expectNoStackTrace, kiemdiem, nodeRun } from './helpers';

const firstError = (stderr: string) => stderr.split('\n').find((l) => /Error/.test(l)) ?? stderr.slice(0, 200);

/** `node -e CODE` in the repository root, with NODE_PATH unset (pnpm's shims set it; plain `node` does not). */
function plainNode(inputType: 'module' | 'commonjs', code: string) {
  const env = { ...process.env };
  delete env.NODE_PATH;
  return spawnSync(process.execPath, [`--input-type=${inputType}`, '-e', code], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
}

describe('`node node_modules/.bin/kiemdiem` (the documented demo invocation)', () => {
  it('--help exits 0', () => {
    const r = nodeRun('node_modules/.bin/kiemdiem', '--help');
    expect(r.status, firstError(r.stderr)).toBe(0);
    expectNoStackTrace(r.stderr);
  });

  it('runs the demo exactly as documented and prints the same as the installed command', () => {
    const args = ['rate', '--input', 'examples/chi-bo-2026/subjects.json', '--format', 'table'];
    const r = nodeRun('node_modules/.bin/kiemdiem', ...args);
    expect(r.status, firstError(r.stderr)).toBe(0);
    expectNoStackTrace(r.stderr);
    expect(r.stdout).toBe(kiemdiem(...args).stdout);
  });
});

describe('@kiemdiem/rules resolves by name from the repository root', () => {
  it('ESM: import("@kiemdiem/rules")', async () => {
    const name = '@kiemdiem/rules';
    const mod = (await import(/* @vite-ignore */ name)) as { rateMany?: unknown };
    expect(typeof mod.rateMany).toBe('function');
  });

  it('CJS: createRequire(import.meta.url)("@kiemdiem/rules") → dist/index.cjs', () => {
    const req = createRequire(import.meta.url);
    expect(req.resolve('@kiemdiem/rules')).toMatch(/packages[/\\]rules[/\\]dist[/\\]index\.cjs$/);
    expect(typeof (req('@kiemdiem/rules') as { rateMany?: unknown }).rateMany).toBe('function');
  });

  it('plain `node` (no NODE_PATH from a pnpm shim): import and require by name both work', () => {
    const esm = plainNode('module', "const m = await import('@kiemdiem/rules'); console.log(typeof m.rateMany);");
    const cjs = plainNode('commonjs', "console.log(typeof require('@kiemdiem/rules').rateMany);");
    expect({ esm: esm.stdout.trim(), cjs: cjs.stdout.trim() }).toEqual({ esm: 'function', cjs: 'function' });
  });
});
