import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diff, rateMany } from '@kiemdiem/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError, type Io } from '../io';
import { messages } from '../locales';
import { run } from '../run';
import { diffPdf } from './diff-pdf';
import { summaryCommand } from './summary';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-summary-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const io = () => {
  const out = { stdout: '', stderr: '' };
  const sink: Io = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) };
  return { out, sink };
};

let results = '';
beforeAll(async () => {
  const subjects = JSON.parse(readFileSync(join(root, 'examples/chi-bo-2026/subjects.json'), 'utf8'));
  // Exactly what `kiemdiem rate --format json` prints.
  results = file('results.json', `${JSON.stringify(await rateMany(subjects), null, 2)}\n`);
});

describe('kiemdiem summary', () => {
  it('writes the summary PDF from the rate JSON and says so on stderr', async () => {
    const { out, sink } = io();
    const pdf = join(dir, 'summary.pdf');
    const code = await summaryCommand({ input: results, out: pdf, lang: 'vi' }, sink, messages('vi'));
    expect(code).toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`Đã ghi ${pdf} (26 đối tượng)`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives the same bytes twice, and takes a unit by name or as a JSON file with the signer', async () => {
    const a = join(dir, 'a.pdf');
    const b = join(dir, 'b.pdf');
    await summaryCommand({ input: results, out: a, lang: 'vi', unit: 'Chi bộ Phòng Tổng hợp' }, io().sink, messages('vi'));
    await summaryCommand({ input: results, out: b, lang: 'vi', unit: 'Chi bộ Phòng Tổng hợp' }, io().sink, messages('vi'));
    expect(Buffer.compare(readFileSync(a), readFileSync(b))).toBe(0);
    const unit = file('unit.json', JSON.stringify({ superior: 'Đảng bộ Sở Tài chính', issuer: 'Chi bộ Phòng Tổng hợp', place: 'Đà Lạt', signer: { authority: 'T/M CHI ỦY', post: 'BÍ THƯ', name: 'Trần Quốc Khánh' } }));
    const c = join(dir, 'c.pdf');
    expect(await summaryCommand({ input: results, out: c, lang: 'en', unit, date: '2026-12-15' }, io().sink, messages('en'))).toBe(0);
    expect(Buffer.compare(readFileSync(a), readFileSync(c))).not.toBe(0);
  });

  it('notes the invalid subjects the results file leaves out', async () => {
    const data = JSON.parse(readFileSync(results, 'utf8'));
    data.errors = [{ index: 30, path: '/score', message: 'x', code: 'out-of-range' }];
    const { out, sink } = io();
    await summaryCommand({ input: file('with-errors.json', JSON.stringify(data)), out: join(dir, 'e.pdf'), lang: 'vi' }, sink, messages('vi'));
    expect(out.stderr).toContain('1 đối tượng không hợp lệ');
  });

  it('passes subjects for the competent level to decide, and exceptional quota lines, through to the PDF', async () => {
    const subject = (id: string, exceeded: number) => ({
      id, kind: 'individual', audience: 'non-leader', period: { year: 2026 }, group: 'g',
      score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded },
    });
    const handed = { ...subject('fd', 4), discipline: [{ form: 'khien-trach', decidedOn: '2026-05-04', dutyRelated: true, selfDetectedAndRemedied: true }] };
    const rated = await rateMany([handed, subject('xs', 4), ...Array.from({ length: 8 }, (_, i) => subject(`tt-${i}`, 0))], { exceptionalGroups: ['g'] });
    expect(rated.results[0]).toMatchObject({ status: 'for-decision', decision: { without: 'HTXSNV' } });
    expect(rated.quota[0]).toMatchObject({ exceptional: true });
    const input = file('for-decision.json', `${JSON.stringify(rated, null, 2)}\n`);
    for (const lang of ['vi', 'en'] as const) {
      const { out, sink } = io();
      const pdf = join(dir, `for-decision-${lang}.pdf`);
      expect(await summaryCommand({ input, out: pdf, lang }, sink, messages(lang))).toBe(0);
      expect(out.stderr).toContain(pdf);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    }
    // Such a result without its decision is not what rate writes.
    const broken = { ...rated, results: rated.results.map(({ decision: _, ...r }) => r) };
    const call = summaryCommand({ input: file('no-decision.json', JSON.stringify(broken)), out: join(dir, 'x.pdf'), lang: 'vi' }, io().sink, messages('vi'));
    await expect(call).rejects.toThrow(/kết quả thứ 1 không hợp lệ \(decision\)/);
  });

  // The declaration's checks, made by run() before the command starts.
  it.each([
    ['no --input', ['--out', 'x.pdf'], /Thiếu --input FILE/],
    ['no --out', ['--input', 'results.json'], /Thiếu --out FILE\.pdf/],
    ['a bad date', ['--input', 'results.json', '--out', 'x.pdf', '--date', '2026-02-30'], /Ngày "2026-02-30" không hợp lệ/],
  ])('exits 2 for %s', async (_, argv, message) => {
    const { out, sink } = io();
    expect(await run(['summary', ...argv], sink)).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it.each([
    ['a missing file', { input: '/nonexistent/results.json', out: 'x.pdf' }, /Không đọc được tệp \/nonexistent\/results\.json/],
    ['invalid JSON', { input: 'BAD_JSON', out: 'x.pdf' }, /không phải JSON hợp lệ/],
    ['the subjects instead of the results', { input: 'SUBJECTS', out: 'x.pdf' }, /không phải kết quả của "kiemdiem rate --format json"/],
    ['a result without status', { input: 'NO_STATUS', out: 'x.pdf' }, /kết quả thứ 2 không hợp lệ \(status\)/],
    ['a bad unit file', { input: 'RESULTS', out: 'x.pdf', unit: 'BAD_UNIT' }, /Tệp đơn vị .* phải chứa/],
    ['an unwritable output', { input: 'RESULTS', out: '/nonexistent/dir/x.pdf' }, /Không ghi được tệp/],
  ])('throws UsageError for %s', async (_, args, message) => {
    const resolve = (v: string | undefined) =>
      v === 'RESULTS' ? results
      : v === 'BAD_JSON' ? file('bad.json', '{"results": [')
      : v === 'SUBJECTS' ? join(root, 'examples/chi-bo-2026/subjects.json')
      : v === 'NO_STATUS' ? file('no-status.json', JSON.stringify({ results: [{ id: 'a', status: 'rated', kind: 'individual', period: { year: 2026 }, reasons: [] }, { id: 'b', kind: 'individual', period: { year: 2026 }, reasons: [] }], quota: [] }))
      : v === 'BAD_UNIT' ? file('bad-unit.json', JSON.stringify({ issuer: 'Chi bộ A' }))
      : v;
    const a = args as Record<string, string | undefined>;
    const call = summaryCommand(
      { lang: 'vi', input: resolve(a.input)!, out: a.out!.startsWith('/') ? a.out! : join(dir, a.out!), ...(a.unit ? { unit: resolve(a.unit) } : {}) },
      io().sink,
      messages('vi'),
    );
    await expect(call).rejects.toBeInstanceOf(UsageError);
    await expect(call).rejects.toThrow(message);
  });
});

describe('diffPdf', () => {
  it('writes the diff PDF and returns the line to print', async () => {
    const subjects = JSON.parse(readFileSync(join(root, 'examples/regulation-change/subjects.json'), 'utf8'));
    const report = await diff('qd-124-2023', 'qd-366-2025', subjects);
    const out = join(dir, 'diff.pdf');
    expect(await diffPdf(report, out, 'vi')).toBe(`Đã ghi ${out}`);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const again = join(dir, 'diff-2.pdf');
    expect(await diffPdf(report, again, 'en')).toBe(`Wrote ${again}`);
    await expect(diffPdf(report, undefined, 'vi')).rejects.toThrow(/cần --out FILE\.pdf/);
    await expect(diffPdf(report, '/nonexistent/dir/d.pdf', 'en')).rejects.toBeInstanceOf(UsageError);
    expect(existsSync('/nonexistent/dir/d.pdf')).toBe(false);
  });
});
