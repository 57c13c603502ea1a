/**
 * What the npm tarballs ship (scripts/check-packed.mjs over `npm pack --dry-run --json`): no module that imports
 * vitest or a devDependency at run time, nothing under src/ named like a test helper, and nothing under src/
 * that the build does not reach from its tsup entries. A seeded package shows each rule firing, and passing
 * what is fine.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEntries, checkPacked, packageDirs, tarballLayout } from '../../scripts/check-packed.mjs';
import { packAll } from '../../scripts/pack.mjs';

describe.each(packageDirs().map((d) => [basename(d), d]))('the %s tarball', (_name, dir) => {
  it('ships no test code and no source, with README.md, LICENSE, dist and its data (the pnpm-packed tarball)', async () => {
    const packed = (await packAll()).find((t) => t.dir === dir)!;
    const { files, problems } = checkPacked(dir, packed.files);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { files?: string[] };
    expect(files).toContain('package.json');
    expect(files.filter((f) => /\.test\.ts$|^src\/|\.map$/.test(f))).toEqual([]);
    expect([...problems, ...tarballLayout(files, manifest)].map((p) => `${p.file}  ${p.rule}  ${p.message}`)).toEqual([]);
  }, 120_000); // packing on a loaded machine
});

describe('the layout check', () => {
  it('refuses source, maps and a missing README, LICENSE or data directory', () => {
    const problems = tarballLayout(['package.json', 'dist/index.js', 'dist/index.js.map', 'src/index.ts', 'LICENSE'], { files: ['dist', '!dist/**/*.map', 'regulations'] });
    expect(problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['dist/index.js.map source-shipped', 'src/index.ts source-shipped', 'README.md missing', 'regulations missing']);
  });
});

describe('the check itself, on a seeded package', () => {
  function seed(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'check-packed-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  const manifest = {
    name: '@seed/pkg',
    version: '1.0.0',
    files: ['dist', 'src', '!src/**/*.test.ts'],
    dependencies: { yaml: '^2.0.0' },
    devDependencies: { 'fast-check': '4.0.0', vitest: '4.0.0', yaml: '^2.0.0' },
  };

  it('reports each rule at its file, and passes built code, generated JS with its .d.ts, type-only dev imports', () => {
    const dir = seed({
      'package.json': JSON.stringify(manifest),
      'tsup.config.ts': "import { defineConfig } from 'tsup';\nexport default defineConfig({ entry: ['src/index.ts', 'src/worker.ts'] });\n",
      'src/index.ts': "export * from './a';\nexport type { T } from './types';\nexport const load = () => import('./lazy');\n",
      'src/a.ts': "import { validators } from './gen/v.js';\nimport { parse } from 'yaml';\nimport type { Arbitrary } from 'fast-check';\nexport const a = (x: Arbitrary<1>) => [validators, parse, x];\n",
      'src/gen/v.js': 'export const validators = {};\n',
      'src/gen/v.d.ts': 'export declare const validators: object;\n',
      'src/types.ts': 'export interface T { x: 1 }\n',
      'src/lazy.ts': "import fc from 'fast-check';\nexport const arb = fc.integer();\n",
      'src/worker.ts': "import { readFileSync } from 'node:fs';\nexport const w = readFileSync;\n",
      'src/poppler.ts': "import { expect } from 'vitest';\nexport const expectPdf = () => expect(1).toBe(1);\n",
      'src/test-random.ts': 'export const rng = () => 4;\n',
      'src/dead.ts': 'export const nobody = 1;\n',
      'src/index.test.ts': "import { it } from 'vitest';\nit('x', () => {});\n",
      'dist/index.js': 'require("vitest");\n',
      'README.md': '# seed\n',
    });
    expect(buildEntries(dir)).toEqual(['src/index.ts', 'src/worker.ts']);
    const { files, problems } = checkPacked(dir);
    expect(files).not.toContain('src/index.test.ts');
    expect(problems.map((p) => `${p.file} ${p.rule}`)).toEqual([
      'dist/index.js imports-test-runner',
      'src/dead.ts not-built',
      'src/lazy.ts imports-dev-only',
      'src/poppler.ts imports-test-runner',
      'src/poppler.ts not-built',
      'src/test-random.ts test-name',
    ]);
  });

  it('takes the entries of tsup.base.ts when the package’s config has none', () => {
    const dir = seed({ 'package.json': JSON.stringify({ ...manifest, devDependencies: {} }), 'src/index.ts': 'export const x = 1;\n' });
    expect(buildEntries(dir)).toEqual(['src/index.ts']);
    expect(checkPacked(dir).problems).toEqual([]);
  });
});
