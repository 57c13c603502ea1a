/**
 * kiemdiem remediation through the built binary: the state of remediation plans (đã / đang / chưa khắc phục),
 * invalid plans accounted for, and plans feeding next year's rating (QĐ 366's "100 % remedied" condition)
 * through --subjects → rate. Expectations are counted from the input files here.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, kiemdiem, readJsonFile } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'kd-remediation-'));
const PLANS = 'examples/rollup/remediation.json';
const plans = readJsonFile<Array<{ id: string; items: Array<{ status?: string }> }>>(PLANS);
const items = plans.flatMap((p) => p.items);
const count = (status: string | undefined) => items.filter((i) => i.status === status).length;

interface Output {
  plans: Array<{ id: string; items: number; remedied: number; complete: boolean }>;
  total: { items: number; remedied: number; inProgress: number; notRemedied: number; unreported: number; complete: boolean; citation: { document: string; dieu: number; khoan: number } };
  accounted: { plans: number; valid: number; invalid: number };
  errors: Array<{ index: number; path: string; message: string }>;
}

describe('kiemdiem remediation', () => {
  it('counts the items of every plan by status, in total and per plan (JSON)', () => {
    const r = kiemdiem('remediation', '--input', PLANS, '--format', 'json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.accounted).toEqual({ plans: plans.length, valid: plans.length, invalid: 0 });
    expect(out.total).toMatchObject({
      items: items.length,
      remedied: count('da-khac-phuc'),
      inProgress: count('dang-khac-phuc'),
      unreported: count(undefined),
      notRemedied: items.length - count('da-khac-phuc') - count('dang-khac-phuc'),
      complete: false,
      citation: { document: '366-QĐ/TW', dieu: 11, khoan: 1 },
    });
    for (const [i, p] of plans.entries()) {
      expect(out.plans[i]).toMatchObject({ id: p.id, items: p.items.length, remedied: p.items.filter((x) => x.status === 'da-khac-phuc').length });
      expect(out.plans[i]!.complete).toBe(p.items.every((x) => x.status === 'da-khac-phuc'));
    }
  });

  it('prints a table in Vietnamese with the condition it serves', () => {
    const r = kiemdiem('remediation', '--input', PLANS);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Tỷ lệ đã khắc phục');
    expect(r.stdout).toMatch(new RegExp(`Tổng\\s+${items.length}\\s+${count('da-khac-phuc')}\\s+${count('dang-khac-phuc')}`));
    expect(r.stdout).toContain('Điều kiện "khắc phục 100 %": Khoản 1 Điều 11 Quy định 366-QĐ/TW');
  });

  it('reports an invalid plan by index and field, and still counts the others (exit 1)', () => {
    const bad = [...plans, { target: { kind: 'individual', id: 'x' }, year: 2026, items: [{ shortcoming: 'A', status: 'xong' }] }];
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = kiemdiem('remediation', '--input', file, '--format', 'json', '--lang', 'en');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.accounted).toEqual({ plans: plans.length + 1, valid: plans.length, invalid: 1 });
    expect(out.errors).toEqual([expect.objectContaining({ index: plans.length, path: '/items/0/status' })]);
    expect(r.stderr).toContain(`1/${plans.length + 1} remediation plans invalid`);
    expectNoStackTrace(r.stderr);
  });

  it('feeds last year’s plan into the rating: HTXSNV only when every item is remedied', () => {
    const subjects = readJsonFile<Array<{ id: string }>>('examples/chi-bo-2026/subjects.json');
    const subjectsFile = join(dir, 'subjects.json');
    writeFileSync(subjectsFile, JSON.stringify(subjects));
    const rated = (statuses: string[]) => {
      const planFile = join(dir, `plan-${statuses.join('-')}.json`);
      const plan = { target: { kind: 'individual', id: 'dv-07' }, year: 2025, items: statuses.map((status, i) => ({ shortcoming: `Hạn chế ${i + 1}`, status })) };
      writeFileSync(planFile, JSON.stringify([plan]));
      const prepared = kiemdiem('remediation', '--input', planFile, '--subjects', subjectsFile);
      expect(prepared.status).toBe(0);
      const ready = JSON.parse(prepared.stdout) as Array<{ id: string; shortcomings?: unknown }>;
      expect(ready).toHaveLength(subjects.length);
      expect(ready.find((s) => s.id === 'dv-07')!.shortcomings).toEqual({ identified: statuses.length, remediated: statuses.filter((s) => s === 'da-khac-phuc').length });
      const readyFile = join(dir, `ready-${statuses.join('-')}.json`);
      writeFileSync(readyFile, prepared.stdout);
      const out = JSON.parse(kiemdiem('rate', '--input', readyFile).stdout) as { results: Array<{ id: string; level: string; reasons: Array<{ rule: string; outcome: string }> }> };
      return out.results.find((r) => r.id === 'dv-07')!;
    };
    const done = rated(['da-khac-phuc', 'da-khac-phuc']);
    expect(done.level).toBe('HTXSNV');
    const half = rated(['da-khac-phuc', 'dang-khac-phuc']);
    expect(half.level).not.toBe('HTXSNV');
    expect(half.reasons).toContainEqual(expect.objectContaining({ rule: 'htxsnv.shortcomings-remedied', outcome: 'failed' }));
    expect(readFileSync(subjectsFile, 'utf8')).toBe(JSON.stringify(subjects));
  });
});
