import ExcelJS from 'exceljs';
import { rateMany } from '@kiemdiem/rules';
import { describe, expect, it } from 'vitest';
import { locateIssue, readSubjects, SheetsError } from './index';
import { separator } from './csv';

const HEAD = ['STT', 'Họ và tên', 'Chức vụ', 'Đối tượng', 'Năm', 'Điểm nhóm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', 'Số nhiệm vụ được giao', 'Số nhiệm vụ hoàn thành', 'Số nhiệm vụ đúng hạn', 'Số nhiệm vụ vượt mức'];
const utf8 = (s: string) => new TextEncoder().encode(s);

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readSubjects (csv)', () => {
  it('reads Vietnamese headers with ";" and a BOM, accounts for every row, and the subjects rate', async () => {
    const csv = `\uFEFF${HEAD.join(';')}\n1;Nguyễn Văn A;Đảng viên;Không giữ chức vụ lãnh đạo, quản lý;2025;28;65;10;10;10;3\n;;;;;;;;;;\n2;"Trần Thị B; kế toán";;Không giữ chức vụ lãnh đạo, quản lý;2025;"25,5";abc;8;8;7;0\n`;
    const out = await readSubjects(utf8(csv), { format: 'csv', sheet: 'members.csv' });
    expect(out.rows).toEqual({ data: 2, blank: 1 });
    expect(out.subjects).toHaveLength(1);
    expect(out.subjects[0]).toMatchObject({ id: 'row-2', kind: 'individual', audience: 'non-leader', name: 'Nguyễn Văn A', period: { year: 2025 }, score: { common: 28, tasks: 65 }, tasks: { assigned: 10, completed: 10, onTime: 10, exceeded: 3 } });
    expect(out.errors).toEqual([
      { index: 1, sheet: 'members.csv', row: 4, column: 'Điểm kết quả thực hiện nhiệm vụ', path: '/score/tasks', code: 'not-number', message: 'Trang tính "members.csv", dòng 4, cột "Điểm kết quả thực hiện nhiệm vụ": "abc" không phải là số' },
    ]);
    const rated = await rateMany(out.subjects, { lang: 'vi' });
    expect(rated.errors).toEqual([]);
    expect(rated.results[0]!.status).toBe('rated');
  });

  it('reads the English field names and a host map, and places a rating error in its cell', async () => {
    const csv = 'name,audience,period.year,Điểm B1,score.tasks,tasks.assigned,tasks.completed,tasks.onTime,tasks.exceeded\nA,non-leader,2025,20,50,3,5,3,0\n';
    const out = await readSubjects(utf8(csv), { format: 'csv', columns: { 'điểm b1': 'score.common' }, lang: 'en' });
    expect(out.columns.map((c) => c.field)).toContain('score.common');
    const rated = await rateMany(out.subjects, { lang: 'en' });
    expect(rated.errors.length).toBeGreaterThan(0);
    const placed = locateIssue(out, rated.errors[0]!, 'en');
    expect(placed).toMatchObject({ sheet: 'CSV', row: 2, index: 0, column: 'tasks.completed' });
    expect(placed.message.startsWith('Sheet "CSV", row 2, column "tasks.completed": ')).toBe(true);
  });

  it('rejects __proto__ headers and maps, and detects the separator outside quotes', async () => {
    const out = await readSubjects(utf8('Họ và tên,Năm,__proto__\nA,2025,x\n'), { format: 'csv' });
    expect(out.errors[0]).toMatchObject({ row: 1, column: '__proto__', code: 'forbidden-header' });
    expect(out.subjects[0]).not.toHaveProperty('__proto__', 'x');
    await expect(readSubjects(utf8('a\n'), { format: 'csv', columns: JSON.parse('{"__proto__":"name"}') })).rejects.toThrow(SheetsError);
    await expect(readSubjects(utf8('a\n'), { format: 'csv', columns: { X: 'salary' } })).rejects.toThrow(/salary/);
    expect(separator('"a,b;c";d;e\n')).toBe(';');
    expect(separator('a,b\n')).toBe(',');
  });

  it('refuses UTF-16 and non-UTF-8 CSV and a sheet with no header row, as SheetsErrors', async () => {
    await expect(readSubjects(new Uint8Array([0xff, 0xfe, 0x41, 0]), { format: 'csv' })).rejects.toMatchObject({ code: 'bad-encoding' });
    await expect(readSubjects(new Uint8Array([0x41, 0x0a, 0xc3, 0x28]), { format: 'csv' })).rejects.toThrow(/dòng 2/);
    await expect(readSubjects(utf8('a,b\n1,2\n'), { format: 'csv' })).rejects.toMatchObject({ code: 'no-header' });
  });
});

describe('readSubjects (xlsx)', () => {
  it('finds the header under title lines, takes formula results, refuses formulas without one, merged rows, dates as numbers', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Danh sách');
      ws.addRow(['DANH SÁCH ĐẢNG VIÊN']);
      ws.mergeCells('A1:D1');
      ws.addRow(HEAD);
      ws.addRow([1, 'Nguyễn Văn A', 'Bí thư', 'Lãnh đạo, quản lý', 2025, { formula: '20+8', result: 28 }, 65, 10, 10, 10, 3]);
      ws.addRow([2, { formula: 'HYPERLINK("http://evil","x")' }, '', 'Không giữ chức vụ', 2025, 25, 60, 8, 8, 8, 0]);
      ws.addRow([3, 'Lê C', '', 'Không giữ chức vụ', 2025, 25, new Date(Date.UTC(2025, 0, 5)), 8, 8, 8, 0]);
      ws.addRow([4, 'Gộp', '', 'Không giữ chức vụ', 2025, 25, 60, 8, 8, 8, 0]);
      ws.addRow([5, '', '', '', '', 25, 60, 8, 8, 8, 0]);
      ws.mergeCells('B6:B7');
      const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
      hidden.addRow(HEAD);
    });
    const out = await readSubjects(bytes, { format: 'xlsx' });
    expect(out.headerRow).toBe(2);
    expect(out.subjects.map((s) => s.name)).toEqual(['Nguyễn Văn A']);
    expect(out.subjects[0]!.score).toEqual({ common: 28, tasks: 65 });
    expect(out.errors.map((e) => [e.sheet, e.row ?? null, e.code])).toEqual([
      ['Ẩn', null, 'hidden-sheet'],
      ['Danh sách', 4, 'formula'],
      ['Danh sách', 5, 'date-not-number'],
      ['Danh sách', 6, 'merged'],
      ['Danh sách', 7, 'merged'],
    ]);
    expect(out.errors[3]!.message).toContain('B6:B7');
    expect(out.rows.data).toBe(out.subjects.length + new Set(out.errors.filter((e) => e.index !== undefined).map((e) => e.index)).size);
  });

  it('reads a named sheet, refuses a hidden or missing one, and a file that is no workbook', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Ghi chú').addRow(['x']);
      wb.addWorksheet('Chi bộ 1').addRow(['Họ và tên', 'Năm']);
      wb.getWorksheet('Chi bộ 1')!.addRow(['A', '2025']);
      wb.addWorksheet('Cũ', { state: 'hidden' });
    });
    const out = await readSubjects(bytes, { format: 'xlsx', sheet: 'Chi bộ 1' });
    expect(out.subjects).toEqual([{ id: 'row-2', kind: 'individual', name: 'A', period: { year: 2025 } }]);
    await expect(readSubjects(bytes, { format: 'xlsx', sheet: 'Cũ' })).rejects.toMatchObject({ code: 'hidden-sheet' });
    await expect(readSubjects(bytes, { format: 'xlsx', sheet: 'Không có' })).rejects.toThrow(/Chi bộ 1/);
    await expect(readSubjects(utf8('Họ và tên\n'), { format: 'xlsx' })).rejects.toMatchObject({ code: 'not-xlsx' });
  });
});
