/**
 * What a browser app ships when it imports the built packages (issue 17): esbuild bundles, minified, as a
 * portal's bundler would make them. json-rules-engine (the reference engine) is in no bundle that does not
 * ask for it, @kiemdiem/forms' validate brings only the rules modules validation needs, and sizes stay under
 * ceilings (the figures of BENCHMARKS.md, issue 17, with about 10 % headroom).
 *
 * Which source module each byte comes from is read from the bundle's source map: esbuild chains the packages'
 * own source maps, so the built files are attributed to their sources (packages/rules/src/...).
 */
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

interface Bundle {
  code: Uint8Array;
  inputs: string[];
  /** Source files (from the chained source maps) with at least one mapped segment in the output. */
  sources: Set<string>;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The sources that output code maps to (the `mappings` VLQ: field 2 of a segment is the source index delta). */
function mappedSources(map: { sources: string[]; mappings: string }): Set<string> {
  const used = new Set<string>();
  let source = 0;
  for (const line of map.mappings.split(';')) {
    for (const segment of line.split(',')) {
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      if (fields.length >= 4) {
        source += fields[1]!;
        used.add(map.sources[source]!.replace(/^(\.\.\/)+/, ''));
      }
    }
  }
  return used;
}

async function bundle(contents: string, conditions: string[] = []): Promise<Bundle> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js', sourcefile: 'app.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions,
    outfile: 'out/app.js',
    sourcemap: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.js'))!.contents;
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map'))!.text) as { sources: string[]; mappings: string };
  const output = Object.entries((result.metafile as Metafile).outputs).find(([path]) => path.endsWith('.js'))![1];
  return { code, inputs: Object.keys(output.inputs), sources: mappedSources(map) };
}

const kB = (bytes: number) => bytes / 1000;
const sizes = (b: Bundle) => ({ min: kB(b.code.length), gzip: kB(gzipSync(b.code).length) });

/** json-rules-engine and the packages only it brings. */
const REFERENCE_ENGINE = /node_modules\/(json-rules-engine|jsonpath-plus|eventemitter2|hash-it)\//;

/** Rules modules @kiemdiem/forms' validate never calls: before issue 17, most of them were in its bundle. */
const NOT_FOR_VALIDATION = [
  'packages/rules/src/engines/reference.ts',
  'packages/rules/src/diff.ts',
  'packages/rules/src/diff-markdown.ts',
  'packages/rules/src/cases.ts',
  'packages/rules/src/quota.ts',
  'packages/rules/src/rollup/rollup.ts',
  'packages/rules/src/rollup/results.ts',
  'packages/rules/src/rollup/hierarchy.ts',
  'packages/rules/src/feedback/validate.ts',
  'packages/rules/src/feedback/tally.ts',
  'packages/rules/src/remediation/validate.ts',
  'packages/rules/src/process/working-days.ts',
  'packages/rules/src/process/vietnam-holidays.ts',
  'packages/rules/src/process/validate-plan.ts',
];

/** Ceilings in kB (1000 bytes): the issue 17 figures plus about 10 %. */
const CEILINGS = {
  validate: { min: 1210, gzip: 180 },
  rateMany: { min: 600, gzip: 101 },
  rateManySync: { min: 600, gzip: 101 },
  rules: { min: 675, gzip: 126 },
  forms: { min: 1270, gzip: 193 },
};

const APPS = {
  validate: "import { validate } from '@kiemdiem/forms'; globalThis.app = validate;",
  rateMany: "import { rateMany } from '@kiemdiem/rules'; globalThis.app = rateMany;",
  rateManySync: "import { rateManySync } from '@kiemdiem/rules'; globalThis.app = rateManySync;",
  rules: "import * as rules from '@kiemdiem/rules'; globalThis.app = rules;",
  forms: "import * as forms from '@kiemdiem/forms'; globalThis.app = forms;",
};

describe('browser bundles of the built packages (issue 17)', () => {
  const bundles = new Map<keyof typeof APPS, Promise<Bundle>>();
  const bundleOf = (name: keyof typeof APPS) => {
    if (!bundles.has(name)) bundles.set(name, bundle(APPS[name]));
    return bundles.get(name)!;
  };

  it.each(['validate', 'rateMany', 'rateManySync', 'rules', 'forms'] as const)('%s: no json-rules-engine in the bundle', async (name) => {
    const b = await bundleOf(name);
    expect(b.inputs.filter((i) => REFERENCE_ENGINE.test(i))).toEqual([]);
    expect(b.inputs.filter((i) => i.endsWith('dist/engines/reference.js'))).toEqual([]);
    expect([...b.sources].filter((s) => s.endsWith('engines/reference.ts') || REFERENCE_ENGINE.test(s))).toEqual([]);
  });

  it('validate: the rules modules validation needs, and none of those it does not', async () => {
    const b = await bundleOf('validate');
    // The attribution works: what validation runs is there.
    for (const needed of ['packages/rules/src/rating/pipeline.ts', 'packages/rules/src/engines/compiled/engine.ts', 'packages/rules/src/form-rules.ts', 'packages/forms/src/validate.ts']) {
      expect(b.sources).toContain(needed);
    }
    expect(NOT_FOR_VALIDATION.filter((m) => b.sources.has(m))).toEqual([]);
  });

  it.each(Object.keys(CEILINGS) as Array<keyof typeof CEILINGS>)('%s: under its size ceiling (minified and gzipped)', async (name) => {
    const size = sizes(await bundleOf(name));
    expect(size.min).toBeLessThan(CEILINGS[name].min);
    expect(size.gzip).toBeLessThan(CEILINGS[name].gzip);
  });

  it('a bundle that asks for the reference engine (condition kiemdiem-reference-engine) has it', async () => {
    const b = await bundle(APPS.rateMany, ['kiemdiem-reference-engine']);
    expect(b.inputs.some((i) => i.includes('node_modules/json-rules-engine/'))).toBe(true);
    expect(b.sources).toContain('packages/rules/src/engines/reference.ts');
  });

  it("a bundle without it answers engine: 'reference' with invalid-option, and rates on the compiled engine", async () => {
    const b = await bundle("export { rateMany } from '@kiemdiem/rules';");
    const { rateMany } = (await import(`data:text/javascript;base64,${Buffer.from(b.code).toString('base64')}`)) as typeof import('@kiemdiem/rules');
    const subject = { id: 'a', kind: 'individual', audience: 'non-leader', period: { year: 2026 }, membership: { admittedOn: '2010-03-15' }, score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 4 } };
    await expect(rateMany([subject], { engine: 'reference', lang: 'en' })).rejects.toMatchObject({ code: 'invalid-option', message: expect.stringContaining('kiemdiem-reference-engine') });
    const compiled = await rateMany([subject], { lang: 'en' });
    expect(compiled.errors).toEqual([]);
    expect(compiled.results.map((r) => r.status)).toEqual(['rated']);
  });
});
