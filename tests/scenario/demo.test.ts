/**
 * The demo: `kiemdiem rate --input examples/chi-bo-2026/subjects.json --format table`, and `pnpm demo` itself
 * (scripts/demo.mjs, Vietnamese by default, English with --lang en), which announces every file it writes.
 * Expected levels, quota verdicts and explanation numbers come from the subjects and the rules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, expectNoStackTrace, expectedQuota, kiemdiem, readJsonFile, referenceRating, type Level, type RawSubject } from './helpers';

const DEMO = 'examples/chi-bo-2026/subjects.json';
const SUBJECTS = readJsonFile<Array<RawSubject & { name?: string }>>(DEMO);
const EXPECTED = new Map(SUBJECTS.map((s) => [s.id, referenceRating(s)]));

let table: ReturnType<typeof kiemdiem>;
let lines: string[];

beforeAll(() => {
  table = kiemdiem('rate', '--input', DEMO, '--format', 'table');
  lines = table.stdout.split('\n');
});

const hasId = (line: string, id: string) => new RegExp(`(^|[\\s(])${id}([\\s)]|$)`).test(line);

/** The reasons block of one subject: "N. Name (id): LEVEL" and the indented lines under it. */
function block(id: string): string[] {
  const start = lines.findIndex((l) => /^\d+\. /.test(l) && l.includes(`(${id}):`));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && !/^\s/.test(l));
  return lines.slice(start, end < 0 ? undefined : end);
}

/** Counts of HTXSNV/HTTNV per group, from the rules. */
function groupCounts(group: string): { excellent: number; good: number } {
  const members = SUBJECTS.filter((s) => s.group === group).map((s) => EXPECTED.get(s.id)!);
  const n = (l: Level) => members.filter((m) => m.rated && m.level === l).length;
  return { excellent: n('HTXSNV'), good: n('HTTNV') };
}

describe('demo table', () => {
  it('exits 0 with nothing alarming on stderr', () => {
    expect(table.status).toBe(0);
    expectNoStackTrace(table.stderr);
    expectNoStackTrace(table.stdout);
    expect(table.stderr.trim()).toBe('');
  });

  it('prints a table row for every subject id, with the level the rules give', () => {
    expect(SUBJECTS.length).toBeGreaterThan(20);
    for (const s of SUBJECTS) {
      const rows = lines.filter((l) => /^\d+\s{2,}/.test(l) && hasId(l, s.id));
      expect(rows, s.id).toHaveLength(1);
      const want = EXPECTED.get(s.id)!;
      if (want.rated) expect(rows[0]!.trimEnd().endsWith(want.level), `${s.id}: ${rows[0]}`).toBe(true);
      else expect(rows[0]!, s.id).not.toMatch(/\b(HTXSNV|HTTNV|HTNV|KHTNV)\s*$/);
    }
  });

  it('flags the chuyen-vien group VƯỢT (the rules give it more HTXSNV than 20 % of HTTNV), and only the groups over the quota', () => {
    const groups = [...new Set(SUBJECTS.map((s) => s.group).filter((g): g is string => g !== undefined))];
    const cv = groupCounts('chuyen-vien');
    expect(expectedQuota(cv.excellent, cv.good).over).toBe(true);
    for (const g of groups) {
      const { excellent, good } = groupCounts(g);
      const q = expectedQuota(excellent, good);
      const mine = lines.filter((l) => new RegExp(`Nhóm ${g}\\b`).test(l));
      expect(mine, g).toHaveLength(1);
      expect(mine[0]).toContain(`HTXSNV ${excellent}`);
      expect(mine[0]).toContain(`HTTNV ${good}`);
      if (q.over) {
        expect(mine[0]).toContain('VƯỢT');
        expect(mine[0]).toMatch(new RegExp(`\\b${q.maxExcellent}\\)?\\s*$`));
      } else expect(mine[0]).not.toContain('VƯỢT');
    }
  });

  it('explains a missed HTXSNV with "HTXSNV cần ≥ 30 % nhiệm vụ vượt mức", the subject\'s own share, and the citation Điều 11', () => {
    const missed = SUBJECTS.filter((s) => {
      const want = EXPECTED.get(s.id)!;
      return want.rated && want.level !== 'HTXSNV' && 10 * s.tasks!.exceeded < 3 * s.tasks!.assigned;
    });
    expect(missed.length).toBeGreaterThan(5);
    for (const s of missed) {
      const share = String(Number(((100 * s.tasks!.exceeded) / s.tasks!.assigned).toFixed(1))).replace('.', ',');
      // A leader's own tasks are tested by the reading reading.leaderOwnTasks, which its message names.
      const wording = s.audience === 'leader' ? 'HTXSNV: nhiệm vụ của bản thân vượt mức' : 'HTXSNV cần ≥ 30 % nhiệm vụ vượt mức';
      const reason = block(s.id).filter((l) => l.includes(wording));
      expect(reason, s.id).toHaveLength(1);
      if (s.audience === 'leader') expect(reason[0]).toContain('reading.leaderOwnTasks');
      expect(reason[0]).toContain(`${share} %`);
      expect(reason[0]).toContain('Điều 11');
      expect(reason[0]).toContain('366-QĐ/TW');
    }
    // subjects rated HTXSNV show the same requirement as met, never as failed
    for (const s of SUBJECTS.filter((x) => { const w = EXPECTED.get(x.id)!; return w.rated && w.level === 'HTXSNV'; })) {
      const wording = s.audience === 'leader' ? 'HTXSNV: nhiệm vụ của bản thân vượt mức' : 'HTXSNV cần ≥ 30 % nhiệm vụ vượt mức';
      const reason = block(s.id).filter((l) => l.includes(wording));
      expect(reason, s.id).toHaveLength(1);
      expect(reason[0]).toMatch(/^\s+✓/);
    }
  });

  it('cites Điều 11 Quy định 366-QĐ/TW on every level requirement line', () => {
    const reqLines = lines.filter((l) => /^\s+[✓✗] (HTXSNV|HTTNV|HTNV) cần/.test(l));
    expect(reqLines.length).toBeGreaterThan(SUBJECTS.length);
    for (const l of reqLines) expect(l).toMatch(/Điều 11 Quy định 366-QĐ\/TW/);
  });

  it('summarises the counts per level as the rules give them', () => {
    const all = [...EXPECTED.values()];
    for (const level of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const) {
      const n = all.filter((w) => w.rated && w.level === level).length;
      expect(lines.some((l) => l.includes(`(${level}): ${n}`)), `${level}: ${n}`).toBe(true);
    }
    const notRated = all.filter((w) => !w.rated).length;
    expect(notRated).toBeGreaterThan(0);
    expect(lines.some((l) => /Không kiểm điểm/.test(l) && l.trimEnd().endsWith(`: ${notRated}`))).toBe(true);
  });
});

describe('demo json', () => {
  it('exits 0, no errors, every subject rated as the rules say', () => {
    const r = kiemdiem('rate', '--input', DEMO);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { results: Array<{ id: string; status: string; level: string | null; total?: number }>; errors: unknown[] };
    expect(out.errors).toEqual([]);
    expect(out.results.map((x) => x.id)).toEqual(SUBJECTS.map((s) => s.id));
    for (const [i, s] of SUBJECTS.entries()) {
      const want = EXPECTED.get(s.id)!;
      const got = out.results[i]!;
      expect(got.total).toBe(s.score!.common + s.score!.tasks);
      if (want.rated) expect([s.id, got.status, got.level]).toEqual([s.id, 'rated', want.level]);
      else expect([s.id, got.status === 'rated', got.level]).toEqual([s.id, false, null]);
    }
  });
});

describe('pnpm demo (scripts/demo.mjs)', () => {
  const PYTHON = '/usr/bin/python3';
  const OPENPYXL = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
  const PROVENANCE = {
    vi: { verified: 'đã kiểm chứng', 'single-source': 'một nguồn', legacy: 'kế thừa quy định trước', unverified: 'chưa kiểm chứng' },
    en: { verified: 'verified', 'single-source': 'single source', legacy: 'carried over', unverified: 'unverified' },
  } as const;
  const runs: Record<'vi' | 'en', { dir: string; status: number | null; stdout: string; stderr: string }> = {} as never;

  beforeAll(() => {
    for (const lang of ['vi', 'en'] as const) {
      // From a scratch directory, so out/ lands there and not in the repository.
      const dir = mkdtempSync(join(tmpdir(), `kiemdiem-demo-${lang}-`));
      const args = lang === 'en' ? ['--', '--lang', 'en'] : [];
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/demo.mjs'), ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
      runs[lang] = { dir, status: r.status, stdout: r.stdout, stderr: r.stderr };
    }
  }, 240_000);
  afterAll(() => {
    for (const run of Object.values(runs)) rmSync(run.dir, { recursive: true, force: true });
  });

  const announced = (lang: 'vi' | 'en') => {
    const word = lang === 'vi' ? 'Đã ghi ' : 'Wrote ';
    const lines = runs[lang].stderr.trimEnd().split('\n');
    for (const l of lines) expect(l.startsWith(word), l).toBe(true);
    return lines.map((l) => l.slice(word.length));
  };

  it.each(['vi', 'en'] as const)('%s: exits 0 and announces every file it writes, one line each, and each exists', (lang) => {
    const run = runs[lang];
    expect(run.status, run.stderr).toBe(0);
    expectNoStackTrace(run.stderr);
    const files = announced(lang);
    expect(new Set(files).size).toBe(files.length);
    expect(files).toContain('out/ket-qua-xep-loai-2026.json');
    for (const ext of ['pdf', 'docx', 'xlsx']) expect(files).toContain(`out/tong-hop-xep-loai-2026.${ext}`);
    for (const form of ['bao-cao-kiem-diem-tap-the-mau-01', 'ban-kiem-diem-mau-02a', 'ban-kiem-diem-mau-02b', 'ban-kiem-diem-mau-02c'])
      for (const ext of ['pdf', 'docx']) expect(files).toContain(`out/${form}.${ext}`);
    for (const f of files) expect(statSync(join(run.dir, f)).size, f).toBeGreaterThan(0);
    // and nothing in out/ that was not announced
    const written = readdirSync(join(run.dir, 'out')).map((f) => `out/${f}`);
    expect(written.sort()).toEqual([...files].sort());
  });

  it.each(['vi', 'en'] as const)('%s: prints a legend with one line for each provenance word', (lang) => {
    const out = runs[lang].stdout;
    expect(out).toContain(lang === 'vi' ? 'Chú giải độ tin cậy' : 'Provenance legend');
    for (const [p, word] of Object.entries(PROVENANCE[lang])) {
      const lines = out.split('\n').filter((l) => l.trimStart().startsWith(`${word} (${p}): `));
      expect(lines, p).toHaveLength(1);
      expect(lines[0]!.length).toBeGreaterThan(`  ${word} (${p}): `.length + 10);
    }
  });

  it('speaks English with --lang en: the table and the results in English, the legend in English', () => {
    expect(runs.vi.stdout).toContain('VƯỢT');
    expect(runs.en.stdout).not.toMatch(/Chú giải|Nhóm chuyen-vien|Không kiểm điểm/);
    expect(runs.en.stdout).toMatch(/Not reviewed/);
    const results = JSON.parse(readFileSync(join(runs.en.dir, 'out/ket-qua-xep-loai-2026.json'), 'utf8')) as { results: Array<{ id: string }> };
    expect(results.results.map((r) => r.id)).toEqual(SUBJECTS.map((s) => s.id));
  });

  it.runIf(OPENPYXL)('writes the summary list as .xlsx that openpyxl reads, every rated member in it', () => {
    const file = join(runs.vi.dir, 'out/tong-hop-xep-loai-2026.xlsx');
    expect(existsSync(file)).toBe(true);
    const r = spawnSync(PYTHON, ['-c', 'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nfor ws in wb.worksheets:\n  for row in ws.iter_rows(values_only=True):\n    print("\\t".join("" if v is None else str(v) for v in row))', file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const named = SUBJECTS.filter((s) => s.name && EXPECTED.get(s.id)!.rated);
    expect(named.length).toBeGreaterThan(10);
    for (const s of named) expect(r.stdout, s.id).toContain(s.name!);
  });
});
