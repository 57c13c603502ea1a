import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../run';

async function call(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const EXAMPLE = fileURLToPath(new URL('../../../../examples/review-plan/plan.json', import.meta.url));
const OVERLAY = fileURLToPath(new URL('../../../../examples/review-plan/overlay-tinh-vi-du.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-plan-'));
const write = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
};
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8'));

describe('kiemdiem plan', () => {
  it('exits 0 for the example plan, with JSON by default', async () => {
    const r = await call('plan', '--input', EXAMPLE);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, findings: [], regulation: 'qd-366-2025', year: 2026 });
    expect(r.stderr).toBe('');
  });

  it('exits 1 for a plan that breaks a rule, naming it in the table with its citation', async () => {
    const plan = example();
    plan.meetings[5].date = '2026-12-31';
    delete plan.meetings[5].endDate;
    const r = await call('plan', '--input', write('late.json', plan), '--format', 'table');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('KIỂM TRA KẾ HOẠCH KIỂM ĐIỂM — năm 2026 — Quy định 366-QĐ/TW');
    expect(r.stdout).toContain('✗ [finish-by] Đảng bộ xã Hòa Bình phải hoàn thành kiểm điểm trước ngày 31/12/2026');
    expect(r.stdout).toContain('[Mục 4 Hướng dẫn 43-HD/BTCTW; đã kiểm chứng] (/meetings/5/date)');
    expect(r.stderr).toMatch(/chưa đạt yêu cầu: 1 lỗi, 0 cảnh báo/);
  });

  it('applies an overlay: the province’s 20/12 deadline makes a 21/12 meeting late', async () => {
    const plan = example();
    plan.meetings[5].date = '2026-12-21';
    plan.meetings[5].endDate = '2026-12-22';
    const path = write('overlay-late.json', plan);
    expect((await call('plan', '--input', path)).code).toBe(0);
    const r = await call('plan', '--input', path, '--overlay', OVERLAY, '--lang', 'en');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.regulation).toBe('qd-366-2025+tinh-vi-du-ke-hoach-2026');
    expect(out.findings).toEqual([expect.objectContaining({ code: 'finish-by', overlay: 'tinh-vi-du-ke-hoach-2026', expected: '2026-12-20' })]);
  });

  it('exits 2 for a malformed plan, naming each field on stderr', async () => {
    const plan = example();
    plan.meetings[0].date = '03/12/2026';
    plan.units[1].level = 'xa';
    const r = await call('plan', '--input', write('bad.json', plan), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is malformed (2 problem(s))');
    expect(r.stderr).toContain('/meetings/0/date: Meeting date (meetings[].date) must be a valid date as YYYY-MM-DD');
    expect(r.stderr).toContain('/units/1/level: Unit level (units[].level) must be one of');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['plan'], /Thiếu --input FILE/],
    [['plan', '--input', '/nonexistent/plan.json'], /Không đọc được tệp/],
    [['plan', '--input', EXAMPLE, '--format', 'xml'], /--format.*json, table/],
    [['plan', '--input', EXAMPLE, '--regulation', 'qd-999'], /qd-999/],
  ])('exits 2 with a message for %j', async (argv, message) => {
    const r = await call(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('is listed in the help', async () => {
    expect((await call('--help')).stdout).toContain('plan --input PLAN.json');
    expect((await call('plan', '--help', '--lang', 'en')).stdout).toContain('Check a review plan');
  });
});
