/**
 * `kiemdiem plan`: a review plan checked against the process rules, through the built binary and the built
 * package (ESM and CJS), on the shipped example (examples/review-plan).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, kiemdiem, loadRulesCjs, loadRulesEsm, readJsonFile } from './helpers';

const PLAN = 'examples/review-plan/plan.json';
const OVERLAY = 'examples/review-plan/overlay-tinh-vi-du.json';

interface Finding {
  kind: 'rule' | 'shape';
  code: string;
  severity: 'error' | 'warning';
  path: string;
  message: string;
  unit?: string;
  subject?: string;
  citationText?: string;
  provenance?: string;
  overlay?: string;
  actual?: unknown;
  expected?: unknown;
}
interface Output {
  ok: boolean;
  findings: Finding[];
  regulation?: string;
  year?: number;
}
type Plan = {
  meetings: Array<{ id: string; date: string; endDate?: string; reviews: unknown[] }>;
  documents: Array<{ id: string; meeting: string; sentOn: string }>;
  filesUpward: Array<{ sentOn: string }>;
  units: Array<{ id: string; level: string }>;
};

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-plan-scenario-'));
function variant(name: string, change: (plan: Plan) => void): string {
  const plan = readJsonFile<Plan>(PLAN);
  change(plan);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(plan));
  return path;
}
const json = (stdout: string) => JSON.parse(stdout) as Output;
const count = (findings: Finding[]) => findings.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.code]: (acc[f.code] ?? 0) + 1 }), {});

describe('kiemdiem plan on the example (a đảng bộ xã with its chi bộ)', () => {
  it('passes: exit 0, no finding, checked under QĐ 366 picked by the year', () => {
    const r = kiemdiem('plan', '--input', PLAN);
    expectNoStackTrace(r.stderr);
    expect(r.status).toBe(0);
    expect(json(r.stdout)).toEqual({ ok: true, findings: [], regulation: 'qd-366-2025', year: 2026 });
  });

  it('prints a table in Vietnamese, or English on request', () => {
    const vi = kiemdiem('plan', '--input', PLAN, '--format', 'table');
    expect(vi.status).toBe(0);
    expect(vi.stdout).toContain('KIỂM TRA KẾ HOẠCH KIỂM ĐIỂM — năm 2026 — Quy định 366-QĐ/TW');
    expect(vi.stdout).toContain('Kết luận: kế hoạch đạt yêu cầu');
    const en = kiemdiem('plan', '--input', PLAN, '--format', 'table', '--lang', 'en');
    expect(en.stdout).toContain('REVIEW PLAN CHECK — year 2026');
    expect(en.stdout).toContain('the plan meets the rules');
  });
});

describe('kiemdiem plan on plans that break the rules → exit 1, each finding with its citation', () => {
  it('the đảng ủy meets first, on 02/12, before its chi bộ and the commune’s collectives', () => {
    const file = variant('dang-uy-first.json', (p) => {
      const m = p.meetings.find((x) => x.id === 'hn-dang-uy')!;
      m.date = '2026-12-02';
      m.endDate = '2026-12-02';
      p.documents.find((d) => d.id === 'du-thao-dang-uy')!.sentOn = '2026-11-26'; // Thu → Fri, Mon, Tue
    });
    const r = kiemdiem('plan', '--input', file);
    expectNoStackTrace(r.stderr);
    expect(r.status).toBe(1);
    const out = json(r.stdout);
    expect(out.ok).toBe(false);
    // Three chi bộ after their đảng bộ; the government and Front collectives after it; six leaders reviewed
    // at the đảng ủy before their chi bộ.
    expect(count(out.findings)).toEqual({ 'government-collectives-first': 2, 'chi-bo-first': 6, 'lower-level-first': 3 });
    const lower = out.findings.filter((f) => f.code === 'lower-level-first');
    expect(lower.map((f) => f.unit)).toEqual(['cb-thon-1', 'cb-thon-2', 'cb-co-quan']);
    for (const f of lower) expect(f).toMatchObject({ severity: 'error', citationText: 'Khoản 2 Điều 12 Quy định 366-QĐ/TW', provenance: 'verified' });
    expect(r.stderr).toMatch(/11 lỗi/);
  });

  it('order inside a chi bộ meeting, a late draft, a short meeting, a late finish and late files', () => {
    const file = variant('many.json', (p) => {
      const thonDong = p.meetings.find((x) => x.id === 'hn-thon-dong')!;
      thonDong.reviews = [thonDong.reviews[2], thonDong.reviews[1], thonDong.reviews[0], thonDong.reviews[3], thonDong.reviews[4]];
      p.documents.find((d) => d.id === 'du-thao-ubnd')!.sentOn = '2026-12-04'; // Fri for Wed 9/12: Mon, Tue
      (p.meetings.find((x) => x.id === 'hn-thon-tay') as { days?: number }).days = 0.5;
      const dangUy = p.meetings.find((x) => x.id === 'hn-dang-uy')!;
      dangUy.endDate = '2026-12-31';
      p.filesUpward[0]!.sentOn = '2027-02-01';
    });
    const r = kiemdiem('plan', '--input', file, '--lang', 'en');
    expect(r.status).toBe(1);
    const out = json(r.stdout);
    expect(out.findings.map((f) => [f.code, f.path])).toEqual([
      ['collective-before-individuals', '/meetings/0/reviews/0'],
      ['head-first', '/meetings/0/reviews/0'],
      ['drafts-3-working-days', '/meetings/3'],
      ['meeting-length', '/meetings/1'],
      ['finish-by', '/meetings/5/endDate'],
      ['files-upward-by', '/filesUpward/0/sentOn'],
    ]);
    expect(out.findings[2]).toMatchObject({ actual: 2, expected: 3, citationText: 'point a, section 2.1, Hướng dẫn 43-HD/BTCTW' });
    expect(out.findings[4]!.message).toBe('Đảng bộ xã Hòa Bình must finish its review before 31/12/2026; Hội nghị kiểm điểm Ban Chấp hành Đảng bộ xã meets on 31/12/2026');
    expect(out.findings[5]).toMatchObject({ actual: '2027-02-01', expected: '2027-02-01' });
  });
});

describe('kiemdiem plan --overlay: a province’s deadlines (grassroots before 20/12)', () => {
  const late = () =>
    variant('after-20-12.json', (p) => {
      const m = p.meetings.find((x) => x.id === 'hn-dang-uy')!;
      m.date = '2026-12-21';
      m.endDate = '2026-12-22';
    });

  it('the national deadline (31/12) is met, the provincial one is not', () => {
    const file = late();
    expect(kiemdiem('plan', '--input', file).status).toBe(0);
    const r = kiemdiem('plan', '--input', file, '--overlay', OVERLAY, '--format', 'table');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Quy định 366-QĐ/TW + tinh-vi-du-ke-hoach-2026');
    expect(r.stdout).toContain('phải hoàn thành kiểm điểm trước ngày 20/12/2026');
    expect(r.stdout).toContain('hướng dẫn địa phương tinh-vi-du-ke-hoach-2026');
  });
});

describe('kiemdiem plan on malformed input → exit 2, the field named, no stack trace', () => {
  it.each([
    ['a bad date', (p: Plan) => (p.meetings[0]!.date = '2026-12-32'), '/meetings/0/date'],
    ['an unknown level', (p: Plan) => (p.units[1]!.level = 'thon'), '/units/1/level'],
    ['a document for an unknown meeting', (p: Plan) => (p.documents[0]!.meeting = 'hn-khong-co'), '/documents/0/meeting'],
  ])('%s', (name, change, path) => {
    const r = kiemdiem('plan', '--input', variant(`${name}.json`, change));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${path}:`);
    expectNoStackTrace(r.stderr);
    expect(json(r.stdout).findings).toContainEqual(expect.objectContaining({ kind: 'shape', path }));
  });

  it('a missing file and an unknown regulation', () => {
    expect(kiemdiem('plan', '--input', 'examples/review-plan/khong-co.json').status).toBe(2);
    const r = kiemdiem('plan', '--input', PLAN, '--regulation', 'qd-999-2099');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/qd-999-2099/);
    expectNoStackTrace(r.stderr);
  });
});

describe('the built package exposes checkPlan and the working-day calendar (ESM and CJS)', () => {
  it.each([
    ['ESM', async () => loadRulesEsm()],
    ['CJS', async () => loadRulesCjs()],
  ])('%s', async (_kind, load) => {
    const rules = await load();
    const plan = readJsonFile(PLAN);
    expect(rules.checkPlan(plan)).toMatchObject({ ok: true, findings: [] });
    expect(rules.isWorkingDay('2027-01-01')).toBe(false);
    expect(rules.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(rules.workingDaysBetween('2026-12-01', '2026-12-07')).toBe(3);
    expect(rules.loadRegulation('qd-366-2025').processRules).toHaveLength(9);
  });
});
