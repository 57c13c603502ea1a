/** kiemdiem diff and --overlay, through the built binary. */
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, fixture, kiemdiem, readJsonFile } from './helpers';

const DEMO = 'examples/chi-bo-2026/subjects.json';
const CHANGE = 'examples/regulation-change/subjects.json';
const OVERLAY = 'examples/overlays/tinh-vi-du-2026.json';

type Report = {
  from: { id: string };
  to: { id: string };
  structural: { added: Array<{ id: string }>; removed: Array<{ id: string }>; changed: Array<{ id: string }>; parameters: Array<{ name: string; from: unknown; to: unknown }> };
  impact: {
    total: number;
    unchanged: number;
    changed: Array<{ id: string; from: { level: string | null }; to: { level: string | null }; because: { from: Array<{ rule: string; citationText: string }>; to: Array<{ rule: string; citationText: string }> } }>;
    incomplete: unknown[];
    errors: Array<{ index: number }>;
    matrix: Record<string, Record<string, number>>;
  };
};

function diffJson(...args: string[]): Report {
  const r = kiemdiem('diff', ...args, '--format', 'json');
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

describe('kiemdiem diff', () => {
  it('a pack against itself: no change at all', () => {
    const report = diffJson('--from', 'qd-366-2025', '--to', 'qd-366-2025', '--input', DEMO);
    expect(report.structural).toEqual({ added: [], removed: [], changed: [], parameters: [] });
    const n = readJsonFile<unknown[]>(DEMO).length;
    expect(report.impact).toMatchObject({ total: n, unchanged: n, changed: [], incomplete: [], errors: [] });
  });

  it('QĐ 124 → QĐ 366: every member accounted for, the matrix agrees with the changed list', () => {
    const report = diffJson('--from', 'qd-124-2023', '--to', 'qd-366-2025', '--input', CHANGE);
    const i = report.impact;
    expect(i.total).toBe(readJsonFile<unknown[]>(CHANGE).length);
    expect(i.unchanged + i.changed.length + i.incomplete.length + new Set(i.errors.map((e) => e.index)).size).toBe(i.total);
    const offDiagonal = Object.entries(i.matrix).reduce((n, [a, row]) => n + Object.entries(row).reduce((m, [b, v]) => m + (a === b ? 0 : v), 0), 0);
    const levelChanges = i.changed.filter((c) => c.from.level !== c.to.level).length;
    expect(offDiagonal).toBe(levelChanges);
    for (const c of i.changed) {
      expect(c.because.from.length + c.because.to.length, c.id).toBeGreaterThan(0);
      for (const r of [...c.because.from, ...c.because.to]) expect(r.citationText).toMatch(/Điều|Mục|Hướng dẫn|Quy định/);
    }
    expect(report.structural.changed.map((c) => c.id)).toContain('htxsnv.tasks-exceeded');
  });

  it('writes a Markdown report in Vietnamese, or English on request', () => {
    const vi = kiemdiem('diff', '--from', 'qd-124-2023', '--to', 'qd-366-2025', '--input', CHANGE, '--format', 'md');
    expect(vi.status).toBe(0);
    for (const h of ['# So sánh quy định: 124-QĐ/TW', '## Tóm tắt', '## Ma trận chuyển mức xếp loại', '## Tham số', '## Quy tắc', '## Đối tượng thay đổi mức xếp loại'])
      expect(vi.stdout).toContain(h);
    const en = kiemdiem('diff', '--from', 'qd-124-2023', '--to', 'qd-366-2025', '--format', 'md', '--lang', 'en');
    expect(en.stdout).toContain('# Regulation diff: 124-QĐ/TW');
    expect(en.stdout).not.toContain('## Level transition matrix'); // no subjects, no impact
  });

  it('diffs a pack against itself with a local overlay', () => {
    const report = diffJson('--from', 'qd-366-2025', '--to', `qd-366-2025+${OVERLAY}`, '--input', DEMO);
    expect(report.to.id).toBe('qd-366-2025+tinh-vi-du-2026');
    expect(report.structural.added.map((r) => r.id)).toEqual(['htxsnv.local.common-criteria']);
    expect(report.structural.removed.map((r) => r.id)).toEqual(['htnv.individual.late-share']);
    expect(report.structural.parameters).toEqual([expect.objectContaining({ name: 'quota.rounding', from: 'floor', to: 'round-half-up' })]);
  });

  it.each([
    [['diff', '--from', 'qd-366-2025'], /--to/],
    [['diff', '--from', 'qd-366-2025', '--to', 'qd-999-2099'], /qd-999-2099/],
    [['diff', '--from', 'qd-366-2025', '--to', 'qd-366-2025+/nonexistent/overlay.json'], /overlay\.json/],
    [['diff', '--from', 'qd-366-2025', '--to', `qd-366-2025+${fixture('overlay-bad.json')}`], /overlay-bad\.json.*\/parameters\/quota\.ratio\/value/],
    [['diff', '--from', 'qd-366-2025', '--to', 'qd-366-2025', '--format', 'docx'], /--format/],
  ])('exits 2 for %j', (args, message) => {
    const r = kiemdiem(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expectNoStackTrace(r.stderr);
  });
});

describe('kiemdiem rate --overlay', () => {
  it('rates under the overlaid pack and names the overlay where it decided something', () => {
    const r = kiemdiem('rate', '--input', DEMO, '--overlay', OVERLAY);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { results: Array<{ regulation: string; reasons: Array<{ rule: string; overlay?: string }> }>; quota: Array<{ group: string; allowed: number; overlay?: string }> };
    expect(new Set(out.results.map((x) => x.regulation))).toEqual(new Set(['qd-366-2025+tinh-vi-du-2026']));
    const local = out.results.flatMap((x) => x.reasons).filter((x) => x.rule === 'htxsnv.local.common-criteria');
    expect(local.length).toBeGreaterThan(0);
    expect(local.every((x) => x.overlay === 'tinh-vi-du-2026')).toBe(true);
    // 20 % of 8 HTTNV rounded half up allows 2 (1 when rounded down).
    expect(out.quota.find((q) => q.group === 'chuyen-vien')).toMatchObject({ allowed: 2, overlay: 'tinh-vi-du-2026' });
  });

  it('rejects an invalid overlay with exit 2, naming the file and the JSON pointer', () => {
    const r = kiemdiem('rate', '--input', DEMO, '--overlay', fixture('overlay-bad.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/overlay-bad\.json \(\/parameters\/quota\.ratio\/value\)/);
    expectNoStackTrace(r.stderr);
  });
});

describe('the period picks the regulation', () => {
  const subject = (year: number) => ({
    id: `y${year}`, kind: 'individual', audience: 'non-leader', period: { year },
    grades: { tasks: 'tot', 'chinh-tri': 'tot' }, tasks: { assigned: 4, completed: 4, onTime: 4, exceeded: 0 },
    score: { common: 25, tasks: 55 },
  });
  it.each([
    [2018, 'qd-132-2018'],
    [2021, 'qd-132-2018'],
    [2023, 'qd-124-2023'],
    [2026, 'qd-366-2025'],
  ])('year %i → %s', async (year, id) => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'kd-')), 's.json');
    writeFileSync(file, JSON.stringify([subject(year)]));
    const r = kiemdiem('rate', '--input', file);
    const out = JSON.parse(r.stdout) as { results: Array<{ regulation: string }>; errors: unknown[] };
    expect(out.errors).toEqual([]);
    expect(out.results[0]!.regulation).toBe(id);
  });
});
