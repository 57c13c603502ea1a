import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run';

async function call(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const subject = (id: string, exceeded: number, group = 'g') => ({
  id, kind: 'individual', audience: 'non-leader', period: { year: 2026 }, group,
  score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded },
});

describe('kiemdiem (argument handling)', () => {
  it('prints usage in Vietnamese by default and English on request', async () => {
    expect((await call('--help')).stdout).toContain('Cách dùng: kiemdiem');
    expect((await call('rate', '--help', '--lang', 'en')).stdout).toContain('Usage: kiemdiem');
    expect((await call()).code).toBe(2);
  });

  it.each([
    [['frobnicate'], /Lệnh không hợp lệ: "frobnicate"/],
    [['rate', '--inptu', 'x.json'], /Tùy chọn không hợp lệ/],
    [['rate'], /Thiếu --input FILE/],
    [['rate', '--input', '/nonexistent/x.json'], /Không đọc được tệp \/nonexistent\/x\.json/],
    [['rate', '--input', 'x.json', '--format', 'xml'], /--format.*json, table/],
    [['rate', '--input', 'x.json', '--lang', 'fr'], /--lang.*vi, en/],
    [['test'], /ít nhất một tệp/],
  ])('exits 2 with a message for %j', async (argv, message) => {
    const r = await call(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for invalid JSON, a non-array and an unknown regulation', async () => {
    expect((await call('rate', '--input', file('bad.json', '[{"id": '))).stderr).toMatch(/không phải JSON hợp lệ/);
    expect((await call('rate', '--input', file('obj.json', '{"id": "a"}'))).code).toBe(2);
    const unknown = await call('rate', '--input', file('one.json', JSON.stringify([subject('a', 4)])), '--regulation', 'qd-1-1999');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('qd-1-1999');
  });

  it('prints JSON with results, quota and errors, and exits 1 when a subject is invalid', async () => {
    const input = file('mixed.json', JSON.stringify([subject('a', 4), { ...subject('b', 4), score: { common: 45, tasks: 1 } }]));
    const r = await call('rate', '--input', input);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['errors', 'quota', 'results']);
    expect(out.results.map((x: { id: string }) => x.id)).toEqual(['a']);
    expect(out.errors).toEqual([expect.objectContaining({ id: 'b', index: 1, path: '/score/common' })]);
    expect(r.stderr).toContain('1/2');
  });

  it('prints the table with reasons and the quota verdict', async () => {
    const input = file('group.json', JSON.stringify([subject('x1', 4), subject('x2', 4), subject('y1', 0), subject('y2', 0)]));
    const r = await call('rate', '--input', input, '--format', 'table');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✗ HTXSNV cần ≥ 30 % nhiệm vụ vượt mức; đạt 0 % [Khoản 1 Điều 11 Quy định 366-QĐ/TW; đã kiểm chứng]');
    // 2 HTXSNV, 2 HTTNV: allowed floor(0.4) = 0, so the group is over.
    expect(r.stdout).toMatch(/Nhóm g \(năm 2026\): HTXSNV 2, HTTNV 2, được phép 0 .*làm tròn xuống.*VƯỢT/);
  });

  it('runs case files and reports "N ca đạt, N ca sai" (Vietnamese by default), "N passed, N failed" with --lang en', async () => {
    const cases = file('cases.yaml', [
      'regulation: qd-366-2025',
      'cases:',
      `  - { name: good, subject: ${JSON.stringify(subject('c1', 4))}, expect: { status: rated, level: HTXSNV } }`,
      `  - { name: wrong on purpose, subject: ${JSON.stringify(subject('c2', 0))}, expect: { status: rated, level: HTXSNV } }`,
    ].join('\n'));
    const r = await call('test', cases);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ wrong on purpose');
    expect(r.stdout).toContain('level: mong đợi HTXSNV, nhận được HTTNV');
    expect(r.stdout).not.toMatch(/passed|failed|expected/);
    expect(r.stdout.trim().split('\n').pop()).toBe('1 ca đạt, 1 ca sai');
    const en = await call('test', cases, '--lang', 'en', '--verbose');
    expect(en.code).toBe(1);
    expect(en.stdout.trim().split('\n')).toEqual(['✓ good', expect.stringMatching(/^✗ wrong on purpose \(.*cases\.yaml\): level: expected HTXSNV, got HTTNV$/), '1 passed, 1 failed']);
  });

  it('exits 2 for an unknown --regulation of test, before any case runs', async () => {
    const cases = file('one-case.yaml', `- { name: one, subject: ${JSON.stringify(subject('c1', 4))}, expect: { status: rated, level: HTXSNV } }`);
    const r = await call('test', cases, '--regulation', 'qd-000');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/qd-000/);
    expect((await call('test', cases, '--regulation', 'qd-366-2025')).code).toBe(0);
  });
});
