/**
 * `kiemdiem rate` on ONE mixed file: valid subjects interleaved with one subject per kind of bad
 * input. Valid ones are still rated; every subject is accounted for exactly once; each error names
 * the field by JSON pointer and by its name in the subject format; exit code 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, expectNoStackTrace, fixture, kiemdiem, referenceRating, type RawSubject } from './helpers';

const FILE = fixture('mixed-subjects.json');
const RAW = readFileSync(join(ROOT, FILE), 'utf8');
const SUBJECTS = JSON.parse(RAW) as unknown[];

interface Issue {
  id?: string;
  index: number;
  path: string;
  message: string;
  code: string;
}
interface Output {
  results: Array<{ id: string; status: string; level: string | null; group?: string }>;
  quota: Array<{ group: string; excellent: number; good: number; allowed: number; maxExcellent: number; over: boolean }>;
  errors: Issue[];
}

const idAt = (i: number) => (SUBJECTS[i] as { id: string }).id;
const indexOf = (id: string) => SUBJECTS.findIndex((s) => (s as { id?: string } | null)?.id === id);

/**
 * Every invalid subject of the fixture: the pointer(s) its errors must name (exactly: one defect,
 * errors about that field only) and the name of that field in the subject format, which the
 * message must contain.
 */
const INVALID: Array<{ id: string | number; paths: string[]; allowAlso?: string[]; field: RegExp; what: string }> = [
  { id: 'bad-common-string', paths: ['/score/common'], field: /score\.common/, what: 'score.common as a string' },
  { id: 'bad-kind-number', paths: ['/kind'], field: /\bkind\b/, what: 'kind as a number' },
  { id: 'bad-common-31', paths: ['/score/common'], field: /score\.common/, what: 'score.common 31 (max 30)' },
  { id: 'bad-tasks-score-negative', paths: ['/score/tasks'], field: /score\.tasks/, what: 'score.tasks −1' },
  { id: 'bad-completed-above-assigned', paths: ['/tasks/completed'], field: /tasks\.completed/, what: 'completed > assigned' },
  { id: 'bad-ontime-above-completed', paths: ['/tasks/onTime'], field: /tasks\.onTime/, what: 'onTime > completed' },
  { id: 'bad-exceeded-negative', paths: ['/tasks/exceeded'], field: /tasks\.exceeded/, what: 'negative tasks.exceeded' },
  { id: 'bad-shortcomings-negative', paths: ['/shortcomings/identified'], field: /shortcomings\.identified/, what: 'negative shortcomings.identified' },
  { id: 'bad-collective-negative', paths: ['/collective/subUnitsDisciplined'], field: /collective\.subUnitsDisciplined/, what: 'negative collective count' },
  { id: 'bad-not-half-point', paths: ['/score/tasks'], field: /score\.tasks/, what: 'score.tasks 62.3 (not a half point)' },
  { id: 'bad-audience', paths: ['/audience'], field: /\baudience\b/, what: 'unknown audience' },
  { id: 'bad-admitted-feb-30', paths: ['/membership/admittedOn'], field: /membership\.admittedOn/, what: 'admittedOn 2026-02-30' },
  { id: 'bad-decided-on-dmy', paths: ['/discipline/0/decidedOn'], field: /discipline.*decidedOn/, what: 'decidedOn 15/03/2026' },
  { id: 'bad-leader-without-led-units', paths: ['/ledUnits'], field: /\bledUnits\b/, what: 'leader without ledUnits' },
  { id: 'bad-collective-without-collective', paths: ['/collective'], field: /\bcollective\b/, what: 'collective without `collective`' },
  { id: 'bad-individual-without-score', paths: ['/score'], field: /\bscore\b/, what: 'individual without score' },
  // A typo could also be reported as the missing field it stands for.
  { id: 'bad-typo-socre', paths: ['/socre'], allowAlso: ['/score'], field: /socre/, what: 'unknown field "socre"' },
  { id: 'bad-proto-key', paths: ['/__proto__'], field: /__proto__/, what: '__proto__ key' },
  { id: 'bad-quarter-4', paths: ['/period/quarter'], field: /period\.quarter/, what: 'quarter 4' },
  { id: 'bad-year-2017', paths: ['/period'], field: /\bperiod\b/, what: 'year 2017 (no regulation)' },
  { id: 22, paths: [''], field: /đối tượng/i, what: 'a string element' },
  { id: 23, paths: [''], field: /đối tượng/i, what: 'a null element' },
];
const VALID = ['hh-xs-1', 'hh-tot-1', 'hh-tot-2', 'hh-ht-1', 'hh-chi-bo'];
/** One subject with four defects: errors may hold several entries for one index. */
const MULTI = {
  id: 'bad-many',
  fields: { '/membership/admittedOn': /membership\.admittedOn/, '/score/common': /score\.common/, '/tasks/completed': /tasks\.completed/, '/foo': /foo/ } as Record<string, RegExp>,
};
const idx = (id: string | number) => (typeof id === 'number' ? id : indexOf(id));

let vi: { run: ReturnType<typeof kiemdiem>; out: Output };
let en: { run: ReturnType<typeof kiemdiem>; out: Output };

beforeAll(() => {
  const a = kiemdiem('rate', '--input', FILE);
  const b = kiemdiem('rate', '--input', FILE, '--format', 'json', '--lang', 'en');
  vi = { run: a, out: JSON.parse(a.stdout) as Output };
  en = { run: b, out: JSON.parse(b.stdout) as Output };
});

describe('the mixed fixture itself', () => {
  it('keeps the raw "__proto__" key as an own property and covers every valid/invalid subject', () => {
    expect(RAW).toContain('"__proto__"');
    const proto = SUBJECTS[indexOf('bad-proto-key')] as object;
    expect(Object.keys(proto)).toContain('__proto__');
    expect(SUBJECTS).toHaveLength(VALID.length + INVALID.length + 1);
    expect(new Set([...VALID.map(idx), ...INVALID.map((x) => idx(x.id)), idx(MULTI.id)]).size).toBe(SUBJECTS.length);
  });
});

describe('kiemdiem rate --input mixed (json, default language vi)', () => {
  it('exits 1 without a stack trace, and still prints the JSON document', () => {
    expect(vi.run.status).toBe(1);
    expectNoStackTrace(vi.run.stderr);
    expectNoStackTrace(vi.run.stdout);
    expect(Object.keys(vi.out).sort()).toEqual(['errors', 'quota', 'results']);
  });

  it('accounts for every input subject exactly once: in results or in errors', () => {
    const resultIndexes = vi.out.results.map((r) => indexOf(r.id));
    expect(resultIndexes.every((i) => i >= 0)).toBe(true);
    expect(new Set(resultIndexes).size).toBe(resultIndexes.length);
    const errorIndexes = new Set(vi.out.errors.map((e) => e.index));
    for (let i = 0; i < SUBJECTS.length; i++) {
      const inResults = resultIndexes.includes(i);
      const inErrors = errorIndexes.has(i);
      expect({ index: i, once: inResults !== inErrors }).toEqual({ index: i, once: true });
    }
    expect([...errorIndexes].every((i) => Number.isInteger(i) && i >= 0 && i < SUBJECTS.length)).toBe(true);
  });

  it('rates exactly the valid subjects, with the levels the rules give', () => {
    expect(vi.out.results.map((r) => r.id).sort()).toEqual([...VALID].sort());
    for (const r of vi.out.results) {
      const want = referenceRating(SUBJECTS[indexOf(r.id)] as RawSubject);
      expect({ id: r.id, status: r.status, level: r.level }).toEqual(
        want.rated ? { id: r.id, status: 'rated', level: want.level } : { id: r.id, status: r.status, level: null },
      );
    }
  });

  it.each(INVALID)('$what → error at the field ($paths), message names it', ({ id, paths, allowAlso, field }) => {
    const i = idx(id);
    const mine = vi.out.errors.filter((e) => e.index === i);
    expect(mine.length).toBeGreaterThan(0);
    const got = mine.map((e) => e.path);
    for (const p of paths) expect(got).toContain(p);
    for (const p of got) expect([...paths, ...(allowAlso ?? [])]).toContain(p);
    const forField = mine.filter((e) => paths.includes(e.path));
    for (const e of forField) {
      expect(e.message).toMatch(field);
      expect(e.message).not.toMatch(/\b(must|Missing|invalid)\b/); // Vietnamese by default
      expect(e.code).toMatch(/^[a-z][a-z0-9-]*$/);
    }
    // id is echoed for objects with a string id, and absent otherwise
    for (const e of mine) {
      if (typeof id === 'string') expect(e.id).toBe(id);
      else expect(e).not.toHaveProperty('id');
    }
  });

  it('reports every defect of a subject with several, each at its own pointer, in one pass', () => {
    const mine = vi.out.errors.filter((e) => e.index === idx(MULTI.id));
    expect(mine.map((e) => e.path).sort()).toEqual(Object.keys(MULTI.fields).sort());
    for (const e of mine) {
      expect(e.id).toBe(MULTI.id);
      expect(e.message).toMatch(MULTI.fields[e.path]!);
    }
  });

  it('gives the same code to the same kind of problem (out of range), and another to a wrong type', () => {
    const codeOf = (id: string) => vi.out.errors.find((e) => e.index === indexOf(id))!.code;
    const outOfRange = ['bad-common-31', 'bad-tasks-score-negative', 'bad-exceeded-negative', 'bad-shortcomings-negative'].map(codeOf);
    expect(new Set(outOfRange).size).toBe(1);
    expect(codeOf('bad-common-string')).not.toBe(outOfRange[0]);
    expect(codeOf('bad-not-half-point')).not.toBe(outOfRange[0]);
  });

  it('reports the stderr summary with the number of invalid subjects', () => {
    const invalid = new Set(vi.out.errors.map((e) => e.index)).size;
    expect(invalid).toBe(INVALID.length + 1);
    expect(vi.run.stderr).toContain(`${INVALID.length + 1}/${SUBJECTS.length}`);
  });

  it('computes the quota of a group from valid subjects only (invalid ones in the group are not counted)', () => {
    const line = vi.out.quota.find((q) => q.group === 'hon-hop');
    expect(line).toBeDefined();
    const levels = vi.out.results.filter((r) => r.group === 'hon-hop' && r.status === 'rated').map((r) => r.level);
    // from the inputs: hh-xs-1 HTXSNV; hh-tot-1, hh-tot-2 HTTNV; hh-ht-1 HTNV
    expect(levels.filter((l) => l === 'HTXSNV')).toHaveLength(1);
    expect(levels.filter((l) => l === 'HTTNV')).toHaveLength(2);
    expect(line).toMatchObject({ excellent: 1, good: 2, allowed: 0, maxExcellent: 0, over: true });
  });
});

describe('kiemdiem rate --input mixed --lang en', () => {
  it('exits 1 and reports the same paths and codes per subject as in Vietnamese', () => {
    expect(en.run.status).toBe(1);
    expectNoStackTrace(en.run.stderr);
    const shape = (o: Output) => o.errors.map((e) => `${e.index} ${e.path} ${e.code}`).sort();
    expect(shape(en.out)).toEqual(shape(vi.out));
    expect(en.out.results.map((r) => [r.id, r.level])).toEqual(vi.out.results.map((r) => [r.id, r.level]));
  });

  it.each([
    ['bad-common-31', '/score/common', /score\.common/],
    ['bad-admitted-feb-30', '/membership/admittedOn', /membership\.admittedOn/],
    ['bad-leader-without-led-units', '/ledUnits', /ledUnits/],
    ['bad-year-2017', '/period', /period/],
  ])('%s: English message naming %s', (id, path, field) => {
    const e = en.out.errors.find((x) => x.index === indexOf(id) && x.path === path)!;
    expect(e).toBeDefined();
    expect(e.message).toMatch(field);
    expect(e.message).toMatch(/\b(must|Missing|needs|no|not)\b/i);
    // no Vietnamese wording left
    expect(e.message).not.toMatch(/phải|Thiếu|không|bộ quy tắc/);
    const viMessage = vi.out.errors.find((x) => x.index === indexOf(id) && x.path === path)!.message;
    expect(e.message).not.toBe(viMessage);
  });
});

describe('kiemdiem rate --input mixed --format table', () => {
  it('exits 1, lists the rated subjects and each invalid subject by index and pointer', () => {
    const r = kiemdiem('rate', '--input', FILE, '--format', 'table');
    expect(r.status).toBe(1);
    expectNoStackTrace(r.stderr);
    expectNoStackTrace(r.stdout);
    const lines = r.stdout.split('\n');
    for (const id of VALID) expect(lines.some((l) => new RegExp(`(^|\\s)${id}(\\s|$)`).test(l))).toBe(true);
    for (const { id, paths } of INVALID) {
      const i = idx(id);
      for (const p of paths) {
        if (p === '') continue;
        expect(lines.some((l) => l.includes(`#${i}`) && l.includes(p))).toBe(true);
      }
    }
    expect(r.stdout).toMatch(/Nhóm hon-hop/);
  });
});
