import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { createAjv, inlineRuntime } from '../scripts/ajv-standalone';

describe('generated files', () => {
  it('validators.js and the examples index are up to date with the form definitions', () => {
    const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const script = fileURLToPath(new URL('../scripts/generate.ts', import.meta.url));
    // Exits non-zero (and so throws) when a regenerated file would differ from the committed one.
    expect(() => execFileSync(process.execPath, [tsx, script, '--check'], { stdio: 'pipe' })).not.toThrow();
  }, 60_000);

  it('inlines ajv’s deep equality as JSON Schema means it: key order does not matter for const, enum, uniqueItems', async () => {
    // No form uses these keywords on objects today; a later one must not get a validator that disagrees with ajv.
    const ajv = createAjv();
    ajv.addSchema({
      $id: 'probe',
      type: 'object',
      properties: {
        c: { const: { a: 1, b: [1, { x: 2, y: 3 }] } },
        e: { enum: [{ k: 'v', n: 1 }, 'plain'] },
        u: { type: 'array', uniqueItems: true, items: { type: 'object' } },
      },
    });
    const code = inlineRuntime(standaloneCode(ajv, { probe: 'probe' }));
    expect(code).not.toMatch(/require\(|JSON\.stringify|new Function|eval\(/);
    const file = join(mkdtempSync(join(tmpdir(), 'forms-ajv-')), 'probe.mjs');
    writeFileSync(file, code);
    const { probe } = (await import(pathToFileURL(file).href)) as { probe: (d: unknown) => boolean };
    const valid = (d: unknown) => [probe(d), ajv.validate('probe', d)];
    expect(valid({ c: { b: [1, { y: 3, x: 2 }], a: 1 } })).toEqual([true, true]);
    expect(valid({ c: { a: 1, b: [{ x: 2, y: 3 }, 1] } })).toEqual([false, false]);
    expect(valid({ c: { a: 1, b: [1, { x: 2, y: 3 }], z: 0 } })).toEqual([false, false]);
    expect(valid({ e: { n: 1, k: 'v' } })).toEqual([true, true]);
    expect(valid({ e: { n: 1 } })).toEqual([false, false]);
    expect(valid({ u: [{ a: 1, b: 2 }, { b: 2, a: 1 }] })).toEqual([false, false]);
    expect(valid({ u: [{ a: 1 }, { a: [1] }, {}] })).toEqual([true, true]);
  });
});
