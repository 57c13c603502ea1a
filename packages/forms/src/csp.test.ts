/**
 * Strict CSP: portals run without 'unsafe-eval'. The whole package is bundled as a browser would load it,
 * then run in a V8 context where code generation from strings is disallowed, as under
 * `script-src 'self'`. Validation must still work, with the same results as here.
 */
import { runInContext, createContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkForm, exampleFor, FORMS, validate } from './index';

let sandbox: Record<string, unknown>;

beforeAll(async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'KiemdiemForms',
    platform: 'browser',
    conditions: ['@kiemdiem/source'],
    write: false,
    logLevel: 'silent',
  });
  // What a browser page has besides the language itself.
  sandbox = { console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone, TextEncoder, TextDecoder, URL };
  createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
  runInContext(result.outputFiles[0]!.text, sandbox);
}, 60_000);

const api = () => sandbox.KiemdiemForms as { checkForm: typeof checkForm; validate: typeof validate; exampleFor: typeof exampleFor };

describe('validation without code generation from strings', () => {
  it('really forbids eval and new Function in that context', () => {
    expect(() => runInContext('new Function("return 1")()', sandbox)).toThrow(/Code generation from strings disallowed/);
    expect(() => runInContext('eval("1 + 1")', sandbox)).toThrow(/Code generation from strings disallowed/);
  });

  it.each(FORMS.map((f) => f.id))('validates %s there exactly as here', async (id) => {
    const doc = exampleFor(id);
    const broken = JSON.parse(JSON.stringify(doc ?? {}).replace(/"[^"]*Họ và tên[^"]*"|("fullName":)"[^"]*"/, '$1 42'));
    for (const d of [doc, broken, { unexpected: true }]) {
      expect(JSON.parse(JSON.stringify(api().checkForm(id, d).errors))).toEqual(checkForm(id, d).errors);
    }
  });

  it('runs the rule-pack level check there too', async () => {
    const doc = exampleFor('hd43-2025/02b') as { B: { I: Record<string, number> } };
    doc.B.I = { common: 27, tasks: 58, total: 85 };
    const there = await api().validate('hd43-2025/02b', doc);
    const here = await validate('hd43-2025/02b', doc);
    expect(JSON.parse(JSON.stringify(there.warnings))).toEqual(here.warnings);
    expect(here.warnings.map((w) => w.rule)).toEqual(['level-check', 'htxsnv.total']);
  });
});
