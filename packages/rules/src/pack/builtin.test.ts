import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACK_FILES } from './builtin';
import { loadPack } from './load';

const regulations = fileURLToPath(new URL('../../regulations', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

const packIds = readdirSync(regulations, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

describe.each(packIds)('shipped pack %s', (id) => {
  const dir = join(regulations, id);
  const jsonFiles = walk(dir).filter((f) => f.endsWith('.json')).map((f) => relative(dir, f)).sort();
  const pack = loadPack(BUILTIN_PACK_FILES[id] as Record<string, unknown>);
  const caseFiles = walk(join(dir, 'cases')).filter((f) => /\.(ya?ml|json)$/.test(f));
  const cases = caseFiles.flatMap((f) => (parse(readFileSync(f, 'utf8')) as { cases: Array<{ name: string; article?: string; expect: { because?: string[] } }> }).cases);

  it('bundles exactly the JSON files on disk, unchanged', () => {
    expect(Object.keys(BUILTIN_PACK_FILES[id]!).sort()).toEqual(jsonFiles.filter((f) => !f.startsWith('cases/')));
    for (const f of Object.keys(BUILTIN_PACK_FILES[id]!)) {
      expect(BUILTIN_PACK_FILES[id]![f]).toEqual(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    }
  });

  it('keeps every Vietnamese string NFC-normalised', () => {
    for (const f of [...jsonFiles.map((x) => join(dir, x)), ...caseFiles]) {
      const text = readFileSync(f, 'utf8');
      expect(text === text.normalize('NFC'), `${relative(dir, f)} is not NFC`).toBe(true);
    }
    expect(strings(BUILTIN_PACK_FILES[id]).every((s) => s === s.normalize('NFC'))).toBe(true);
  });

  it('gives every rule a citation with a document, a provenance and messages in both languages', () => {
    for (const rule of pack.rules) {
      const p = rule.event.params;
      expect(p.citation.document, rule.name).toMatch(/-(QĐ|HD|KL)\//);
      expect(['verified', 'single-source', 'legacy', 'unverified']).toContain(p.provenance);
      expect(p.message.vi.length).toBeGreaterThan(10);
      expect(p.message.en.length).toBeGreaterThan(10);
    }
  });

  it('ships at least 40 cases, each naming the article it exercises, with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(c.article, c.name).toMatch(/Điều \d+/);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('exercises every rule in some case', () => {
    const exercised = new Set(cases.flatMap((c) => c.expect.because ?? []));
    const missing = pack.rules.map((r) => r.name).filter((name) => !exercised.has(name));
    expect(missing).toEqual([]);
  });
});
