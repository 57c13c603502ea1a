/**
 * The demo: `kiemdiem rate --input examples/chi-bo-2026/subjects.json --format table`.
 * Expected levels, quota verdicts and explanation numbers come from the subjects and the rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace, expectedQuota, kiemdiem, readJsonFile, referenceRating, type Level, type RawSubject } from './helpers';

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
