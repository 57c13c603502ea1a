import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PackError } from '../errors';
import { BUILTIN_PACK_FILES } from './builtin';
import { loadPack } from './load';

const pristine = () => structuredClone(BUILTIN_PACK_FILES['qd-366-2025']) as Record<string, any>;

/** Expects loading to fail with a PackError naming `file` and `path`. */
function rejects(files: Record<string, unknown>, file: string, path: string, reason?: RegExp): void {
  let error: unknown;
  try {
    loadPack(files, 'regulations/test');
  } catch (e) {
    error = e;
  }
  expect(error, 'the pack should be rejected').toBeInstanceOf(PackError);
  const packError = error as PackError;
  expect(packError.file).toBe(`regulations/test/${file}`);
  expect(packError.path).toBe(path);
  expect(packError.message).toContain(`regulations/test/${file}`);
  if (reason) expect(packError.message).toMatch(reason);
}

describe('loadPack', () => {
  it('accepts the shipped pack', () => {
    const pack = loadPack(pristine());
    expect(pack.id).toBe('qd-366-2025');
    expect(pack.rules.length).toBeGreaterThanOrEqual(28);
  });

  it('names the file and JSON path of a schema violation', () => {
    const f = pristine();
    f['rules/dieu-11-khoan-1.json'].rules[2].event.params.provenance = 'probably';
    rejects(f, 'rules/dieu-11-khoan-1.json', '/rules/2/event/params/provenance', /allowed/);
  });

  it('rejects a rule without a citation', () => {
    const f = pristine();
    delete f['rules/dieu-11-khoan-4.json'].rules[1].event.params.citation;
    rejects(f, 'rules/dieu-11-khoan-4.json', '/rules/1/event/params', /citation/);
  });

  it('rejects a rule without its English message', () => {
    const f = pristine();
    delete f['rules/dieu-11-khoan-2.json'].rules[0].event.params.message.en;
    rejects(f, 'rules/dieu-11-khoan-2.json', '/rules/0/event/params/message', /en/);
  });

  it('rejects an unknown fact and an unknown operator', () => {
    const f = pristine();
    f['rules/dieu-11-khoan-3.json'].rules[0].conditions.all[0].fact = 'salary';
    rejects(f, 'rules/dieu-11-khoan-3.json', '/rules/0/conditions/all/0/fact', /allowed/);
    const g = pristine();
    g['rules/dieu-11-khoan-3.json'].rules[0].conditions.all[0].operator = 'regex';
    rejects(g, 'rules/dieu-11-khoan-3.json', '/rules/0/conditions/all/0/operator', /allowed/);
  });

  it('rejects a reference to a parameter that does not exist', () => {
    const f = pristine();
    f['rules/dieu-11-khoan-1.json'].rules[0].conditions.all[0].value = { fact: 'param:bands.HTXSNV.min' };
    rejects(f, 'rules/dieu-11-khoan-1.json', '/rules/0/conditions/all/0/value/fact', /bands\.HTXSNV\.min/);
  });

  it('rejects duplicate rule ids across files', () => {
    const f = pristine();
    f['rules/dieu-11-khoan-2.json'].rules[0].name = 'htxsnv.total';
    rejects(f, 'rules/dieu-11-khoan-2.json', '/rules/0/name', /twice/);
  });

  it('rejects prototype-pollution keys', () => {
    const f = pristine();
    f['parameters.json'] = JSON.parse(JSON.stringify(f['parameters.json']).replace('"parameters":{', '"parameters":{"__proto__":{"polluted":true},'));
    rejects(f, 'parameters.json', '/parameters/__proto__', /forbidden/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a parameter value outside its bounds or of the wrong type', () => {
    const f = pristine();
    f['parameters.json'].parameters['quota.ratio'].values[0].value = 1.5;
    rejects(f, 'parameters.json', '/parameters/quota.ratio/values/0/value', /≤ 1/);
    const g = pristine();
    g['parameters.json'].parameters['quota.rounding'].values[0].value = 'bankers';
    rejects(g, 'parameters.json', '/parameters/quota.rounding/values/0/value', /floor/);
  });

  it('rejects a rule on a fact whose input the manifest does not require', () => {
    const f = pristine();
    f['manifest.json'].inputs = f['manifest.json'].inputs.filter((i: { field: string }) => i.field !== 'ledUnits');
    rejects(f, 'rules/dieu-11-khoan-1.json', '/rules/8/event/params/appliesTo', /ledUnits/);
  });

  it('rejects files that are missing, unlisted or of the wrong kind', () => {
    const f = pristine();
    delete f['rules/dieu-11-khoan-4.json'];
    rejects(f, 'manifest.json', '/files/rules/4', /not found/);
    const g = pristine();
    g['rules/extra.json'] = g['rules/dieu-11-khoan-4.json'];
    rejects(g, 'rules/extra.json', '', /not listed/);
    const h = pristine();
    h['parameters.json'] = h['rules/doi-tuong.json'];
    rejects(h, 'parameters.json', '/kind', /parameters/);
  });

  it('rejects an impossible date', () => {
    const f = pristine();
    f['manifest.json'].effective.from = '2025-02-30';
    rejects(f, 'manifest.json', '/effective/from', /calendar/);
  });
});

describe('the precompiled pack validator', () => {
  it('is up to date with schema/pack.schema.json', () => {
    const script = fileURLToPath(new URL('../../scripts/build-pack-validator.mjs', import.meta.url));
    // Exits non-zero (and so throws) when the committed validator differs from a fresh compile.
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('the built-in pack index', () => {
  it('is up to date with regulations/*/manifest.json', () => {
    const script = fileURLToPath(new URL('../../scripts/build-builtin-packs.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
