import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readCases, runCases, type CaseOutcome, type TestCase } from '../cases';
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

/** What a case's run decided, for comparing two runs: status, level and, when left to the competent level, `decision.without`. */
function decided(o: CaseOutcome): string {
  const r = o.result;
  if (!r) return `input errors at ${o.errors.map((e) => e.path).join(', ') || '?'} (${o.failures.join('; ')})`;
  return `${r.status}/${r.level ?? 'null'}${r.decision ? ` (without: ${r.decision.without ?? 'null'})` : ''}`;
}

/**
 * Runs the cases with each reading (a pack parameter `reading.*`) switched off in turn and lists: a case whose
 * status, level or `decision.without` changes while it does not declare that reading (unless it sets the
 * parameter itself), and a case that declares a reading switching off does not affect (a stale declaration; a
 * case that switches the reading off itself and still declares it is one). Readings that matter only together
 * are not seen: each is switched off alone.
 */
async function readingProblems(cases: readonly TestCase[], readings: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const c of cases) for (const r of c.reading ?? []) if (!readings.includes(r)) problems.push(`${c.name}: declares ${r}, which is not a reading of the pack`);
  const base = await runCases(cases);
  for (const reading of readings) {
    const off = await runCases(cases.map((c) => ({ ...c, parameters: { ...c.parameters, [reading]: false } })));
    cases.forEach((c, i) => {
      const [before, after] = [decided(base[i]!), decided(off[i]!)];
      const declares = c.reading?.includes(reading) ?? false;
      const setsIt = c.parameters !== undefined && Object.hasOwn(c.parameters, reading);
      if (before !== after && !declares && !setsIt) problems.push(`${c.name}: rests on ${reading} (${before}; switched off: ${after}) but does not declare it`);
      if (before === after && declares) problems.push(`${c.name}: declares ${reading}, but switching it off leaves ${before}`);
    });
  }
  return problems;
}

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

  it("lists exactly the pack's rules in its README's rules table, with their stage, level, audiences and provenance", () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const section = /^## Rules\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
    const rows = [...section.matchAll(/^\| `([^`]+)` \|(.*)$/gm)].map(([, id, rest]) => ({ id: id!, cells: rest!.split('|').map((c) => c.trim()) }));
    expect(rows.map((r) => r.id).sort()).toEqual(pack.rules.map((r) => r.name).sort());
    const audiences: Record<string, string[]> = { all: ['collective', 'leader', 'non-leader', 'outside-system'], individuals: ['leader', 'non-leader', 'outside-system'] };
    for (const { id, cells } of rows) {
      const { type, params } = pack.rules.find((r) => r.name === id)!.event;
      const [stage, level, applies] = cells;
      expect(type === 'requirement' ? ['requirement', 'level'] : [type], id).toContain(stage);
      expect(level, id).toBe(params.level ?? '');
      expect((audiences[applies!] ?? applies!.split(',').map((a) => a.trim())).sort(), id).toEqual([...params.appliesTo].sort());
      expect(cells.filter((c) => c !== '').at(-1), id).toMatch(new RegExp(`^${params.provenance}\\b`));
    }
  });

  it('declares in each case exactly the readings its outcome rests on (each reading switched off in turn)', async () => {
    const readings = Object.keys(pack.parameters).filter((name) => name.startsWith('reading.'));
    const parsed = caseFiles.flatMap((f) => readCases(parse(readFileSync(f, 'utf8')), relative(dir, f)));
    expect(await readingProblems(parsed, readings)).toEqual([]);
  });
});

describe('the reading check', () => {
  // A non-leader who completed 9 of 10 tasks with 80 points meets no level and no case of khoản 4: KHTNV only
  // through reading.noLevelIsKHTNV. With 85 points and every task on time and exceeded once, HTTNV by the text.
  const gap: TestCase = {
    name: 'gap',
    regulation: 'qd-366-2025',
    subject: { kind: 'individual', audience: 'non-leader', period: { year: 2026 }, score: { common: 26, tasks: 54 }, tasks: { assigned: 10, completed: 9, onTime: 9, exceeded: 1 } },
    expect: { status: 'rated', level: 'KHTNV' },
  };
  const plain: TestCase = {
    name: 'plain',
    regulation: 'qd-366-2025',
    subject: { kind: 'individual', audience: 'non-leader', period: { year: 2026 }, score: { common: 27, tasks: 58 }, tasks: { assigned: 8, completed: 8, onTime: 8, exceeded: 1 } },
    expect: { status: 'rated', level: 'HTTNV' },
  };
  const readings = ['reading.bandsAreMinimums', 'reading.leaderOwnTasks', 'reading.noLevelIsKHTNV', 'reading.disciplineDutyRelatedByDefault'];

  it('passes a case that declares the reading it rests on, and one that rests on none', async () => {
    expect(await readingProblems([{ ...gap, reading: ['reading.noLevelIsKHTNV'] }, plain], readings)).toEqual([]);
  });

  it('reports a case that rests on a reading it does not declare', async () => {
    expect(await readingProblems([gap], readings)).toEqual([
      'gap: rests on reading.noLevelIsKHTNV (rated/KHTNV; switched off: for-decision/null (without: null)) but does not declare it',
    ]);
  });

  it('accepts the undeclared reading when the case sets that parameter itself', async () => {
    expect(await readingProblems([{ ...gap, parameters: { 'reading.noLevelIsKHTNV': true } }], readings)).toEqual([]);
  });

  it('reports a stale declaration, a declared reading the case switches off itself, and a name that is no reading', async () => {
    expect(
      await readingProblems(
        [
          { ...plain, reading: ['reading.leaderOwnTasks'] },
          { ...gap, name: 'gap off', reading: ['reading.noLevelIsKHTNV'], parameters: { 'reading.noLevelIsKHTNV': false } },
          { ...plain, name: 'plain misnamed', reading: ['reading.noSuchThing'] },
        ],
        readings,
      ),
    ).toEqual([
      'plain misnamed: declares reading.noSuchThing, which is not a reading of the pack',
      'plain: declares reading.leaderOwnTasks, but switching it off leaves rated/HTTNV',
      'gap off: declares reading.noLevelIsKHTNV, but switching it off leaves for-decision/null (without: null)',
    ]);
  });
});
