import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeedbackTally, RollupOutput } from '@kiemdiem/rules';
import { describe, expect, it } from 'vitest';
import type { Io } from '../io';
import { run } from '../run';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const ex = (name: string) => join(root, 'examples/rollup', name);
const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-rollup-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
async function cli(...argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: Io = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) };
  const code = await run(argv, io);
  return { code, ...out };
}

describe('kiemdiem rollup', () => {
  it('prints the roll-up JSON of the example, every record placed (exit 0)', async () => {
    const r = await cli('rollup', '--input', ex('results.json'), '--hierarchy', ex('units.json'), '--remediation', ex('remediation.json'), '--feedback', ex('feedback.json'));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as RollupOutput;
    expect(out.units.map((u) => u.id)).toEqual(['tinh-vi-du', 'khoi-cq', 'so-tai-chinh', 'cb-tong-hop', 'cb-ngan-sach', 'cb-bao-vi-du', 'huyen-nui-xanh', 'xa-hoa-binh', 'cb-thon-dong', 'cb-thon-tay']);
    expect(out.accounted.results).toEqual({ input: 32, placed: 32, unplaced: 0, invalid: 0 });
    expect(out.units[0]!.remediation!.cumulative.collectives).toEqual({ withPlan: 5, total: 7, percent: 71.4 });
    expect(out.units[0]!.feedback!.cumulative.total).toBe(16);
  });

  it('writes the PDF with --format pdf --out, and JSON to --out', async () => {
    const pdf = join(dir, 'rollup.pdf');
    const r = await cli('rollup', '--input', ex('results.json'), '--hierarchy', ex('units.json'), '--format', 'pdf', '--out', pdf, '--unit', ex('unit.json'), '--date', '2027-01-10');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Đã ghi ${pdf} (10 đơn vị)`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const json = join(dir, 'rollup.json');
    const j = await cli('rollup', '--input', ex('results.json'), '--hierarchy', ex('units.json'), '--out', json, '--lang', 'en');
    expect(j.stdout).toBe('');
    expect(j.stderr).toContain(`Wrote ${json} (10 units)`);
    expect((JSON.parse(readFileSync(json, 'utf8')) as RollupOutput).roots).toEqual(['tinh-vi-du']);
  });

  it('exits 1 and says so when results are outside the hierarchy or invalid, still printing the output', async () => {
    const results = JSON.parse(readFileSync(ex('results.json'), 'utf8')) as { results: Array<Record<string, unknown>> };
    results.results.push({ ...results.results[1]!, id: 'ngoai', unit: 'khong-co' }, { id: 'hong', kind: 'individual', status: 'rated', level: 'X', period: { year: 2026 }, reasons: [] });
    const r = await cli('rollup', '--input', file('r.json', results), '--hierarchy', ex('units.json'));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as RollupOutput;
    expect(out.unplaced.results).toEqual([expect.objectContaining({ id: 'ngoai', unit: 'khong-co', reason: 'unknown-unit' })]);
    expect(out.errors).toEqual([expect.objectContaining({ source: 'results', id: 'hong', path: '/level' })]);
    expect(r.stderr).toContain('1 bản ghi không hợp lệ, 1 bản ghi không thuộc đơn vị nào');
  });

  it('exits 2 with a clear message for a hierarchy cycle, a missing flag or a file that is not results', async () => {
    const cycle = file('cycle.json', { units: [{ id: 'a', name: 'A', level: 'huyen', parent: 'b' }, { id: 'b', name: 'B', level: 'khoi', parent: 'a' }] });
    const c = await cli('rollup', '--input', ex('results.json'), '--hierarchy', cycle);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('Vòng lặp cấp trên: a → b → a');
    expect(c.stdout).toBe('');
    expect((await cli('rollup', '--input', ex('results.json'))).stderr).toContain('--hierarchy');
    expect((await cli('rollup', '--input', ex('results.json'), '--hierarchy', ex('units.json'), '--format', 'pdf')).code).toBe(2);
    const notResults = await cli('rollup', '--input', file('x.json', { a: 1 }), '--hierarchy', ex('units.json'), '--lang', 'en');
    expect(notResults.code).toBe(2);
    expect(notResults.stderr).toMatch(/must hold the output of "kiemdiem rate --format json"/);
    expect((await cli('rollup', '--input', ex('results.json'), '--hierarchy', ex('units.json'), '--format', 'xml')).code).toBe(2);
  });

  it('is in the usage text', async () => {
    const r = await cli('--help');
    expect(r.stdout).toContain('rollup --input RESULTS.json --hierarchy UNITS.json');
    expect(r.stdout).toContain('feedback --input FEEDBACK.json');
  });
});

describe('kiemdiem feedback', () => {
  it('prints the tally as a table by default and as JSON on request', async () => {
    const t = await cli('feedback', '--input', ex('feedback.json'));
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/Thực hiện chức trách, nhiệm vụ\s+6\s+37,5 %\s+5\s+1/);
    expect(t.stdout).toMatch(/Tổng\s+16\s+100,0 %\s+9\s+7/);
    expect(t.stdout).toContain('(chưa kiểm chứng)');
    const j = await cli('feedback', '--input', ex('feedback.json'), '--format', 'json');
    const tally = JSON.parse(j.stdout) as FeedbackTally;
    expect(tally.byCategory.map((c) => c.count)).toEqual([2, 2, 6, 3, 3]);
    expect([tally.total, tally.answered, tally.unanswered]).toEqual([16, 9, 7]);
  });

  it('takes another category list, reports invalid records (exit 1) and a file that is not records (exit 2)', async () => {
    const cats = file('cats.json', [{ id: 'chuc-trach-nhiem-vu', label: { vi: 'Công việc', en: 'Work' } }]);
    const r = await cli('feedback', '--input', ex('feedback.json'), '--categories', cats, '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(1);
    const tally = JSON.parse(r.stdout) as FeedbackTally;
    expect(tally.total).toBe(6);
    expect(tally.accounted).toEqual({ records: 16, counted: 6, invalid: 10 });
    expect(r.stderr).toContain('10/16 feedback records invalid');
    const bad = await cli('feedback', '--input', file('o.json', { x: 1 }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('mảng ý kiến góp ý');
  });
});
