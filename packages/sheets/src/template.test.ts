import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSubjects } from './read';
import { writeTemplate } from './template';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('writeTemplate', () => {
  it('writes the Vietnamese headers, a frozen header row, drop-downs, number ranges and the notes sheet', async () => {
    const wb = await open(await writeTemplate());
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['Danh sách', 'visible'], ['Hướng dẫn', 'visible']]);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(['Mã', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Đối tượng']);
    expect(headers).toContain('Điểm nhóm tiêu chí chung');
    expect(headers).toContain('Số nhiệm vụ vượt mức');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const col = (h: string) => ws.getColumn(headers.indexOf(h) + 1).letter;
    expect(ws.getCell(`${col('Đối tượng')}2`).dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'Hướng dẫn'!\$[A-Z]+\$2:\$[A-Z]+\$5$/)] });
    expect(ws.getCell(`${col('Điểm nhóm tiêu chí chung')}500`).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 30] });
    expect(ws.getCell(`${col('Số nhiệm vụ được giao')}2`).dataValidation).toMatchObject({ type: 'whole' });
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(12);
    const notes = wb.getWorksheet('Hướng dẫn')!;
    const texts: string[] = [];
    notes.eachRow((r) => texts.push((r.values as unknown[]).join('|')));
    expect(texts.some((t) => t.includes('Điểm nhóm tiêu chí chung|score.common'))).toBe(true);
  });

  it('gives English headers (the field names) with lang en, and reads back as an empty list', async () => {
    const bytes = await writeTemplate({ lang: 'en' });
    const ws = (await open(bytes)).worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['id', 'name', 'position']);
    const out = await readSubjects(bytes, { format: 'xlsx' });
    expect(out.rows).toEqual({ data: 0, blank: 0 });
    expect(out.errors).toEqual([]);
    expect(out.columns.length).toBe((ws.getRow(1).values as unknown[]).length - 1);
  });
});
