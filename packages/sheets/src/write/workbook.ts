/**
 * The shared plumbing of the writers: a workbook with fixed dates, sheets with a bold frozen header row and
 * set column widths, cells that are always plain values (text is never a formula), and the bytes out.
 */
import ExcelJS from 'exceljs';
import { fixZipDates } from './zip-dates';

/** Excel keeps at most 32,767 characters in a cell; longer text is cut there, marked with "…". */
export const MAX_CELL_TEXT = 32_767;
/**
 * Scores and percentages: one decimal. A number format stores no decimal separator: Excel and LibreOffice show
 * the user's locale, so a Vietnamese machine shows "87,5" and an English one "87.5".
 */
export const DECIMAL_FORMAT = '0.0';
export const INTEGER_FORMAT = '0';
/** The creation and modification date written into docProps/core.xml, so the same input gives the same bytes. */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** C0 controls other than tab and line feed are not allowed in XML 1.0 (and lone surrogates are not text). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any value as the text of a cell: NFC, without characters XML cannot hold, at most MAX_CELL_TEXT long. */
export function cellText(value: unknown): string {
  const raw = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value) ?? '';
  const text = raw.normalize('NFC').replace(NOT_XML, '\ufffd');
  if (text.length <= MAX_CELL_TEXT) return text;
  // Not cut inside a surrogate pair.
  let end = MAX_CELL_TEXT - 1;
  if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** A cell value: a finite number stays a number (formatted by its column); anything else is plain text. */
export type Cell = string | number | null | undefined | { number: number; format: string };

export interface Column {
  header: string;
  /** Width in characters. */
  width: number;
  /** Number format of the column's numbers. */
  format?: string;
  wrap?: boolean;
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kiemdiem';
  wb.lastModifiedBy = 'kiemdiem';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** Writes one cell: numbers as numbers, everything else as a string (a string value is never read as a formula by exceljs). */
export function setCell(cell: ExcelJS.Cell, value: Cell, format?: string): void {
  if (typeof value === 'number' && Number.isFinite(value)) {
    cell.value = value;
    if (format) cell.numFmt = format;
  } else if (value !== null && typeof value === 'object' && Number.isFinite(value.number)) {
    cell.value = value.number;
    cell.numFmt = value.format;
  } else if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
    cell.value = null;
  } else {
    cell.value = cellText(value);
  }
}

/** A sheet with a bold, frozen header row and the columns' widths; rows are written as given. */
export function addTable(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: Iterable<readonly Cell[]>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.columns = columns.map((c) => ({ width: c.width, ...(c.wrap ? { style: { alignment: { wrapText: true, vertical: 'top' } } } : {}) }));
  const head = ws.getRow(1);
  columns.forEach((c, i) => setCell(head.getCell(i + 1), c.header));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  let r = 2;
  for (const values of rows) addRow(ws, r++, values, columns);
  return ws;
}

/** One row at `index` (1-based); numbers take their column's format. */
export function addRow(ws: ExcelJS.Worksheet, index: number, values: readonly Cell[], columns: readonly Column[] = []): ExcelJS.Row {
  const row = ws.getRow(index);
  values.forEach((v, i) => setCell(row.getCell(i + 1), v, columns[i]?.format));
  return row;
}

/** The .xlsx bytes, the same for the same workbook. */
export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buffer as ArrayBuffer));
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters. */
export function sheetName(name: string): string {
  return cellText(name).replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}
