/**
 * The sheets of an .xlsx as plain rows, with exceljs: each cell's shown value (a formula's cached result,
 * never the formula run), hidden sheets and merged ranges reported by the caller.
 */
import ExcelJS from 'exceljs';
import type { SheetsMessages } from '../locales';
import type { RawCell, RawRow } from './raw';
import type { MergedRange, SheetData } from './table';
import { SheetsError } from './types';

export interface WorkbookSheet extends SheetData {
  hidden: boolean;
}

export async function xlsxSheets(bytes: Uint8Array, msg: SheetsMessages): Promise<WorkbookSheet[]> {
  // A zip starts with "PK"; anything else (an old .xls, a CSV renamed) is said plainly, not as a zip error.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new SheetsError('not-xlsx', msg.notXlsx);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new SheetsError('not-xlsx', msg.notXlsx);
  }
  return workbook.worksheets.map((ws) => ({
    name: ws.name.normalize('NFC'),
    hidden: ws.state !== 'visible',
    merges: mergesOf(ws),
    rows: rowsOf(ws),
  }));
}

function mergesOf(ws: ExcelJS.Worksheet): MergedRange[] {
  // exceljs keeps the ranges on the worksheet (the public `model` getter would rebuild every row to list them).
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; bottom: number; range: string }> })._merges ?? {};
  return Object.values(merges).map((m) => ({ ref: m.range, top: m.top, bottom: m.bottom }));
}

function rowsOf(ws: ExcelJS.Worksheet): RawRow[] {
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as unknown[];
    const cells: RawCell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(rawOf(values[i]));
    rows.push({ row: number, cells });
  });
  return rows;
}

/** exceljs's cell value → what the cell shows. */
export function rawOf(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    // A formula's cached result is what the spreadsheet showed when it was saved; without one, nothing to read.
    if (result === undefined || result === null) return { formula: String(v.formula ?? v.sharedFormula ?? '') };
    return rawOf(result);
  }
  if ('error' in v) return { error: String(v.error) };
  if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join('');
  if ('text' in v) return rawOf(v.text);
  return null;
}
