/**
 * Spreadsheets out through the built binary: `rate --format xlsx`, `summary --format xlsx`, `rollup --format xlsx`
 * and `diff --format xlsx`, each file read back by a second reader (Python's openpyxl from Debian, not exceljs,
 * which wrote it): the sheet names, the header row frozen, the values, the number formats, and no formula anywhere.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, expectNoStackTrace, kiemdiem, readJsonFile, ROOT } from './helpers';

/** Debian's python, not the pyenv one first on PATH (which has no openpyxl). */
const PYTHON = '/usr/bin/python3';
const OPENPYXL = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
const READ_BACK = OPENPYXL || Boolean(process.env.CI);
if (!READ_BACK) console.warn('python3-openpyxl not installed: .xlsx read-back tests are skipped (CI installs it).');

const READER = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    out.append({
        'title': ws.title,
        'freeze': ws.freeze_panes,
        'rows': rows,
        'formats': [[c.number_format for c in row] for row in ws.iter_rows()],
        'formulas': sum(1 for row in ws.iter_rows() for c in row if c.data_type == 'f'),
        'widths': {k: v.width for k, v in ws.column_dimensions.items()},
    })
print(json.dumps(out, ensure_ascii=False, default=str))
`;

interface Sheet {
  title: string;
  freeze: string | null;
  rows: unknown[][];
  formats: string[][];
  formulas: number;
  widths: Record<string, number>;
}

function readBack(file: string): Sheet[] {
  const r = spawnSync(PYTHON, ['-c', READER, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Sheet[];
}

/** Every sheet: header row frozen, columns sized, no formula. */
function expectPlain(sheets: Sheet[]): void {
  for (const s of sheets) {
    expect(s.freeze, s.title).toBe('A2');
    expect(s.formulas, s.title).toBe(0);
    expect(Object.keys(s.widths).length, s.title).toBeGreaterThan(0);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kd-sheets-out-'));
const SUBJECTS = 'examples/chi-bo-2026/subjects.json';
const subjects = readJsonFile<Array<{ id: string; name: string; position?: string }>>(SUBJECTS);
/** The example with hostile names: text a spreadsheet could take for a formula. */
const HOSTILE = ['=HYPERLINK("http://x","y")', '+SUM(1,2)', '-1+2', '@cmd'];
const hostileFile = join(dir, 'hostile.json');
writeFileSync(hostileFile, JSON.stringify([...subjects.map((s, i) => (i < HOSTILE.length ? { ...s, name: HOSTILE[i] } : s)), { id: 'broken', kind: 'individual' }]));

describe.runIf(READ_BACK)('kiemdiem … --format xlsx read back by openpyxl', () => {
  it('rate --format xlsx --out: every record is in the workbook (results or errors), hostile names as text', () => {
    const file = join(dir, 'rate.xlsx');
    const r = kiemdiem('rate', '--input', hostileFile, '--format', 'xlsx', '--out', file);
    expect(r.status, r.stderr).toBe(1); // the broken record
    expectNoStackTrace(r.stderr);
    const sheets = readBack(file);
    expect(sheets.map((s) => s.title)).toEqual(['Kết quả', 'Lý do và căn cứ', 'Lỗi']);
    expectPlain(sheets);
    const [results, , errors] = sheets as [Sheet, Sheet, Sheet];
    expect(results.rows[0]).toEqual(['STT', 'Họ và tên', 'Chức vụ', 'Đối tượng', 'Điểm tự chấm', 'Tự xếp loại', 'Chi bộ đề xuất', 'Cấp có thẩm quyền quyết định', 'Ghi chú']);
    const listed = results.rows.slice(1, subjects.length + 1);
    expect(listed.map((row) => row[0])).toEqual(subjects.map((_, i) => i + 1));
    for (const [i, text] of HOSTILE.entries()) expect(listed[i]![1]).toBe(text);
    for (const [i, s] of subjects.entries()) if (i >= HOSTILE.length) expect(listed[i]![1]).toBe(s.name.normalize('NFC'));
    const withPosition = subjects.findIndex((s) => typeof s.position === 'string');
    if (withPosition >= 0) expect(listed[withPosition]![2]).toBe(subjects[withPosition]!.position);
    expect(errors.rows.slice(1).some((row) => row[1] === 'broken' && row[0] === subjects.length)).toBe(true);
  });

  it('summary --format xlsx: scores as numbers with one decimal, the quota lines under the list, reasons with citations', () => {
    const results = join(dir, 'results.json');
    writeFileSync(results, kiemdiem('rate', '--input', SUBJECTS, '--format', 'json').stdout);
    const rated = JSON.parse(readFileSync(results, 'utf8')) as { results: Array<{ id: string; total?: number; reasons: Array<{ citationText: string }> }>; quota: Array<{ group: string }> };
    const file = join(dir, 'summary.xlsx');
    const r = kiemdiem('summary', '--input', results, '--format', 'xlsx', '--out', file);
    expect(r.status, r.stderr).toBe(0);
    const sheets = readBack(file);
    expect(sheets.map((s) => s.title)).toEqual(['Tổng hợp', 'Lý do và căn cứ']);
    expectPlain(sheets);
    const [summary, reasons] = sheets as [Sheet, Sheet];
    rated.results.forEach((res, i) => {
      if (typeof res.total !== 'number') return;
      expect(summary.rows[i + 1]![4]).toBeCloseTo(res.total, 6);
      expect(summary.formats[i + 1]![4]).toBe('0.0');
    });
    expect(rated.results.some((res) => typeof res.total === 'number')).toBe(true);
    const text = summary.rows.flat().filter((v): v is string => typeof v === 'string');
    expect(rated.quota.length).toBeGreaterThan(0);
    for (const q of rated.quota) expect(text.some((t) => t.startsWith(`Nhóm ${q.group}:`))).toBe(true);
    expect(reasons.rows[0]).toContain('Căn cứ');
    const cited = new Set(reasons.rows.slice(1).map((row) => row[6]));
    for (const res of rated.results) for (const reason of res.reasons) expect(cited.has(reason.citationText)).toBe(true);
  });

  it('summary --format xlsx --lang en: English sheet names and headers', () => {
    const results = join(dir, 'results-en.json');
    writeFileSync(results, kiemdiem('rate', '--input', SUBJECTS, '--format', 'json', '--lang', 'en').stdout);
    const file = join(dir, 'summary-en.xlsx');
    const r = kiemdiem('summary', '--input', results, '--format', 'xlsx', '--out', file, '--lang', 'en');
    expect(r.status, r.stderr).toBe(0);
    const sheets = readBack(file);
    expect(sheets.map((s) => s.title)).toEqual(['Summary', 'Reasons and citations']);
    expect(sheets[0]!.rows[0]![1]).toBe('Full name');
  });

  it('rollup --format xlsx: one row per unit with its counts; the quota per unit', () => {
    const EX = 'examples/rollup';
    const results = join(dir, 'rollup-results.json');
    writeFileSync(results, kiemdiem('rate', '--input', `${EX}/subjects.json`, '--format', 'json').stdout);
    const json = JSON.parse(kiemdiem('rollup', '--input', results, '--hierarchy', `${EX}/units.json`).stdout) as { units: Array<{ id: string; cumulative: { all: { total: number; rated: number } } }> };
    const file = join(dir, 'rollup.xlsx');
    const r = kiemdiem('rollup', '--input', results, '--hierarchy', `${EX}/units.json`, '--format', 'xlsx', '--out', file);
    expect(r.status, r.stderr).toBe(0);
    const sheets = readBack(file);
    expect(sheets.map((s) => s.title)).toEqual(['Theo đơn vị', 'Tỷ lệ HTXSNV', 'Chưa xếp hoặc không hợp lệ']);
    expectPlain(sheets);
    const units = sheets[0]!;
    expect(units.rows.slice(1).map((row) => row[0])).toEqual(json.units.map((u) => u.id));
    json.units.forEach((u, i) => {
      expect(units.rows[i + 1]![4]).toBe(u.cumulative.all.total);
      expect(units.rows[i + 1]![5]).toBe(u.cumulative.all.rated);
    });
    expect(units.formats[1]![7]).toBe('0.0');
  });

  it('diff --format xlsx: the changed subjects, the matrix, the reasons of both sides', () => {
    const file = join(dir, 'diff.xlsx');
    const json = JSON.parse(kiemdiem('diff', '--from', 'qd-124-2023', '--to', 'qd-366-2025', '--input', SUBJECTS).stdout) as { impact: { changed: Array<{ id: string }>; matrix: Record<string, Record<string, number>> } };
    const r = kiemdiem('diff', '--from', 'qd-124-2023', '--to', 'qd-366-2025', '--input', SUBJECTS, '--format', 'xlsx', '--out', file);
    expect(r.status, r.stderr).toBe(0);
    const sheets = readBack(file);
    expect(sheets.map((s) => s.title)).toEqual(['Thay đổi', 'Ma trận', 'Lý do và căn cứ']);
    expectPlain(sheets);
    expect(sheets[0]!.rows.slice(1).map((row) => row[1])).toEqual(json.impact.changed.map((c) => c.id));
    const matrix = sheets[1]!;
    const total = matrix.rows.slice(1).flatMap((row) => row.slice(1)).reduce<number>((a, b) => a + Number(b), 0);
    const expected = Object.values(json.impact.matrix).flatMap((row) => Object.values(row)).reduce((a, b) => a + b, 0);
    expect(total).toBe(expected);
  });

  it('rate --format xlsx --out - writes the workbook to stdout when it is not a terminal', () => {
    const r = spawnSync(BIN, ['rate', '--input', SUBJECTS, '--format', 'xlsx', '--out', '-'], { cwd: ROOT, timeout: 30_000, maxBuffer: 64 << 20 });
    expect(r.status, String(r.stderr)).toBe(0);
    const file = join(dir, 'stdout.xlsx');
    writeFileSync(file, r.stdout);
    const sheets = readBack(file);
    expect(sheets[0]!.rows.length).toBeGreaterThan(subjects.length);
    expectPlain(sheets);
  });

  it('refuses an xlsx without --out (usage error, exit 2)', () => {
    const r = kiemdiem('summary', '--input', SUBJECTS, '--format', 'xlsx');
    expect(r.status).toBe(2);
    const rate = kiemdiem('rate', '--input', SUBJECTS, '--format', 'xlsx');
    expect(rate.status).toBe(2);
    expect(rate.stderr).toContain('--out');
  });
});
