/**
 * Spreadsheets in (#19), as a secretary does it: `kiemdiem template` writes the empty list, a SECOND program
 * (Python's openpyxl, not exceljs) fills it and saves, `kiemdiem rate --input` rates it; a CSV list converted to
 * .xlsx by LibreOffice Calc is read back; hostile cells give errors naming sheet, row and column.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, expectNoStackTrace, fixture, kiemdiem } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'kiemdiem-sheets-in-'));
// Debian's python3 (with python3-openpyxl), not a pyenv one first on PATH.
const PYTHON = '/usr/bin/python3';

interface SheetError {
  index?: number;
  sheet: string;
  row?: number;
  column?: string;
  code: string;
  message: string;
}
interface RateOut {
  results: Array<{ id: string; name?: string; status: string; level: string | null }>;
  errors: SheetError[];
  input: { sheet: string; headerRow: number; rows: { data: number; blank: number } };
}

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return r;
}

describe('kiemdiem template, filled by openpyxl, rated by kiemdiem rate --input', () => {
  const template = join(dir, 'mau.xlsx');
  const filled = join(dir, 'danh-sach.xlsx');

  it('writes the template, which openpyxl reads with its headers, frozen row, validations and notes', () => {
    const made = kiemdiem('template', template);
    expect(made.status).toBe(0);
    expect(made.stderr).toContain('Đã ghi mẫu danh sách');
    const py = run(PYTHON, [fixture('sheets/fill-template.py'), template, filled]);
    expect(py.stderr).toBe('');
    expect(py.status).toBe(0);
    const seen = JSON.parse(py.stdout) as { sheets: string[]; headers: string[]; freeze: string; letters: Record<string, string>; validations: Array<{ type: string; sqref: string; formula1: string; formula2: string | null }>; notes: unknown[][] };
    expect(seen.sheets).toEqual(['Danh sách', 'Hướng dẫn']);
    expect(seen.headers).toEqual(expect.arrayContaining(['Họ và tên', 'Chức vụ', 'Đối tượng', 'Điểm nhóm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', 'Số nhiệm vụ được giao', 'Số nhiệm vụ hoàn thành', 'Số nhiệm vụ đúng hạn', 'Số nhiệm vụ vượt mức', 'Kỷ luật']));
    expect(seen.headers.every((h) => h === h.normalize('NFC'))).toBe(true);
    expect(seen.freeze).toBe('A2');
    const at = (header: string) => seen.validations.find((v) => v.sqref.startsWith(`${seen.letters[header]}2:`));
    expect(at('Đối tượng')).toMatchObject({ type: 'list', formula1: expect.stringContaining("'Hướng dẫn'!") });
    expect(at('Kỷ luật')).toMatchObject({ type: 'list' });
    expect(at('Xếp loại cán bộ, công chức, viên chức')).toMatchObject({ type: 'list' });
    expect(at('Điểm nhóm tiêu chí chung')).toMatchObject({ type: 'decimal', formula1: '0', formula2: '30' });
    expect(at('Số nhiệm vụ được giao')).toMatchObject({ type: 'whole', formula1: '0' });
    expect(JSON.stringify(seen.notes)).toContain('Điểm nhóm tiêu chí chung');
  });

  it('rates the rows openpyxl filled and names sheet, row and column of every hostile cell', () => {
    const rated = kiemdiem('rate', '--input', filled, '--format', 'json');
    expectNoStackTrace(rated.stderr);
    // Rows that could not be read are invalid subjects: exit 1, as the CLI documents.
    expect(rated.status).toBe(1);
    const out = JSON.parse(rated.stdout) as RateOut;
    expect(out.results.map((r) => [r.id, r.status])).toEqual([
      ['dv-01', 'rated'],
      ['dv-02', 'rated'],
      ['dv-08', 'rated'],
    ]);
    expect(out.results[0]!.level).toBe('HTXSNV');
    const places = out.errors.map((e) => [e.sheet, e.row ?? null, e.column ?? null, e.code]);
    expect(places).toEqual([
      ['Danh sách cũ', null, null, 'hidden-sheet'],
      ['Danh sách', 4, 'Họ và tên', 'formula'],
      ['Danh sách', 5, 'Chức vụ', 'too-long'],
      ['Danh sách', 6, 'Điểm kết quả thực hiện nhiệm vụ', 'date-not-number'],
      ['Danh sách', 7, 'Họ và tên', 'merged'],
      ['Danh sách', 8, 'Họ và tên', 'merged'],
    ]);
    expect(out.errors[1]!.message).toMatch(/^Trang tính "Danh sách", dòng 4, cột "Họ và tên": ô có công thức \(=HYPERLINK/);
    expect(out.errors[4]!.message).toContain('B7:B8');
    // Every data row accounted for: rated, or in errors.
    expect(out.input.rows.data).toBe(out.results.length + new Set(out.errors.filter((e) => e.index !== undefined).map((e) => e.index)).size);
    expect(rated.stderr).toContain('5/8 đối tượng không hợp lệ');
  });

  it('says the same in English, and reads the English template the same way', () => {
    const rated = kiemdiem('rate', '--input', filled, '--lang', 'en');
    const out = JSON.parse(rated.stdout) as RateOut;
    expect(out.errors.find((e) => e.code === 'date-not-number')!.message).toMatch(/^Sheet "Danh sách", row 6, column "Điểm kết quả thực hiện nhiệm vụ": "12\/03\/2025" is a date, not a number/);
    const en = join(dir, 'template-en.xlsx');
    expect(kiemdiem('template', en, '--lang', 'en').status).toBe(0);
    const py = run(PYTHON, ['-c', `import openpyxl,json; ws=openpyxl.load_workbook(${JSON.stringify(en)}).worksheets[0]; print(json.dumps([c.value for c in ws[1]]))`]);
    expect(JSON.parse(py.stdout)).toEqual(expect.arrayContaining(['name', 'audience', 'score.common', 'tasks.onTime']));
  });
});

describe('a member list saved as .xlsx by LibreOffice Calc from CSV', () => {
  it('is read back and rated', () => {
    const csv = join(dir, 'chi-bo.csv');
    writeFileSync(
      csv,
      [
        'Mã,Họ và tên,Chức vụ,Đối tượng,Năm,Điểm nhóm tiêu chí chung,Điểm kết quả thực hiện nhiệm vụ,Số nhiệm vụ được giao,Số nhiệm vụ hoàn thành,Số nhiệm vụ đúng hạn,Số nhiệm vụ vượt mức',
        'dv-1,Nguyễn Văn An,Chuyên viên,"Không giữ chức vụ lãnh đạo, quản lý",2025,28,64,10,10,10,3',
        'dv-2,Trần Thị Bình,Kế toán,"Không giữ chức vụ lãnh đạo, quản lý",2025,25,58,8,8,7,0',
        'dv-3,Lê Văn Cường,Phó bí thư,"Không giữ chức vụ lãnh đạo, quản lý",2025,abc,58,8,8,7,0',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'lo');
    const lo = run('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', out, csv]);
    expect(lo.status).toBe(0);
    const rated = kiemdiem('rate', '--input', join(out, 'chi-bo.xlsx'));
    expectNoStackTrace(rated.stderr);
    expect(rated.status).toBe(1);
    const result = JSON.parse(rated.stdout) as RateOut;
    expect(result.results.map((r) => [r.id, r.name, r.level])).toEqual([
      ['dv-1', 'Nguyễn Văn An', 'HTXSNV'],
      ['dv-2', 'Trần Thị Bình', expect.any(String)],
    ]);
    expect(result.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([['chi-bo', 4, 'Điểm nhóm tiêu chí chung', 'not-number']]);
    // The CSV itself reads the same.
    const direct = JSON.parse(kiemdiem('rate', '--input', csv).stdout) as RateOut;
    expect(direct.results.map((r) => r.level)).toEqual(result.results.map((r) => r.level));
    expect(direct.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([['chi-bo.csv', 4, 'Điểm nhóm tiêu chí chung']]);
  });

  it('takes --columns for a host\'s own headers and --sheet, and refuses a __proto__ map as a usage error', () => {
    const csv = join(dir, 'host.csv');
    writeFileSync(csv, 'Tên;Loại ĐV;Năm;B1;B2;NV giao;NV xong;NV đúng hạn;NV vượt\nAn;non-leader;2025;28;64;10;10;10;3\n');
    const map = join(dir, 'columns.json');
    writeFileSync(map, JSON.stringify({ Tên: 'name', 'Loại ĐV': 'audience', B1: 'score.common', B2: 'score.tasks', 'NV giao': 'tasks.assigned', 'NV xong': 'tasks.completed', 'NV đúng hạn': 'tasks.onTime', 'NV vượt': 'tasks.exceeded' }));
    const rated = kiemdiem('rate', '--input', csv, '--columns', map, '--format', 'table');
    expect(rated.status).toBe(0);
    expect(rated.stdout).toContain('HTXSNV');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"__proto__": "name"}');
    const refused = kiemdiem('rate', '--input', csv, '--columns', bad);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('__proto__');
    expectNoStackTrace(refused.stderr);
    const sheet = kiemdiem('rate', '--input', join(dir, 'danh-sach.xlsx'), '--sheet', 'Danh sách cũ');
    expect(sheet.status).toBe(2);
    expect(sheet.stderr).toContain('"Danh sách cũ" đang bị ẩn');
  });
});
