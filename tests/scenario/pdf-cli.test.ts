/** The PDF commands through the built binary: summary and diff --format pdf, read back with poppler. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfText, READ_BACK } from '../../packages/reports/test/poppler';
import { expectNoStackTrace, kiemdiem, readJsonFile } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'kd-pdf-cli-'));

describe.skipIf(!READ_BACK)('kiemdiem summary', () => {
  it('turns the JSON of `kiemdiem rate` into the summary list, every subject and the quota verdict on it', () => {
    const rated = kiemdiem('rate', '--input', 'examples/chi-bo-2026/subjects.json', '--format', 'json');
    const results = join(dir, 'results.json');
    writeFileSync(results, rated.stdout);
    const out = join(dir, 'tong-hop.pdf');
    const r = kiemdiem('summary', '--input', results, '--out', out, '--unit', 'examples/chi-bo-2026/unit.json');
    expect(r.status, r.stderr).toBe(0);
    expect(pdfInfo(out)['Page size']).toMatch(/A4/);
    expect(pdfFonts(out).every((f) => f.embedded && /Tinos/.test(f.name))).toBe(true);
    const text = pdfText(out, ['-raw']);
    for (const s of readJsonFile<Array<{ name: string }>>('examples/chi-bo-2026/subjects.json')) expect(text).toContain(s.name);
    expect(text).toContain('ĐẢNG BỘ SỞ NỘI VỤ');
    expect(text).toMatch(/chuyen-vien[^\n]*\n?[^\n]*VƯỢT/);
  });

  it('exits 2 for a file that is not rating output', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '[1,2,3]');
    const r = kiemdiem('summary', '--input', bad, '--out', join(dir, 'x.pdf'));
    expect(r.status).toBe(2);
    expectNoStackTrace(r.stderr);
  });
});

describe.skipIf(!READ_BACK)('kiemdiem diff --format pdf', () => {
  it('writes the regulation diff report with the transition matrix', () => {
    const out = join(dir, 'diff.pdf');
    const r = kiemdiem('diff', '--from', 'qd-124-2023', '--to', 'qd-366-2025', '--input', 'examples/regulation-change/subjects.json', '--format', 'pdf', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(out, ['-raw']);
    expect(text).toContain('htxsnv.tasks-exceeded');
    expect(text).toMatch(/dv-02/);
  });

  it('needs --out', () => {
    const r = kiemdiem('diff', '--from', 'qd-124-2023', '--to', 'qd-366-2025', '--format', 'pdf');
    expect(r.status).toBe(2);
    expectNoStackTrace(r.stderr);
  });
});
