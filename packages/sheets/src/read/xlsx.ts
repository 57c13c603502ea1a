/**
 * The sheets of an .xlsx as plain rows. The rows come from exceljs's streaming reader (a 100,000-row list in
 * well under 300 MB, where its in-memory workbook takes over 700 MB); the sheet list, hidden states and merged
 * ranges, which that reader does not give, from the workbook's own XML parts opened with JSZip. A formula's
 * cached result is read, a formula is never run.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SheetsMessages } from '../locales';
import type { RawCell, RawRow } from './raw';
import type { MergedRange } from './table';
import { SheetsError } from './types';

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  /** The part holding the sheet, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

export interface Workbook {
  zip: JSZip;
  sheets: WorkbookSheet[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? all),
  );
}
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out.set(m[1]!, xmlText(m[2]!));
  return out;
}

/** The workbook's sheets in tab order, with their states; not a zip, or no workbook part: not an .xlsx. */
export async function openXlsx(bytes: Uint8Array, msg: SheetsMessages): Promise<Workbook> {
  // A zip starts with "PK"; anything else (an old .xls, a CSV renamed) is said plainly, not as a zip error.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new SheetsError('not-xlsx', msg.notXlsx);
  let zip: JSZip;
  let workbook: string | undefined;
  let rels: string | undefined;
  try {
    zip = await JSZip.loadAsync(bytes);
    workbook = await zip.file('xl/workbook.xml')?.async('string');
    rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  } catch {
    throw new SheetsError('not-xlsx', msg.notXlsx);
  }
  if (workbook === undefined || rels === undefined) throw new SheetsError('not-xlsx', msg.notXlsx);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const target = a.get('Target');
    if (a.get('Id') && target) targets.set(a.get('Id')!, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: WorkbookSheet[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const part = targets.get(a.get('r:id') ?? '');
    if (part === undefined || !/worksheets\//.test(part)) continue;
    sheets.push({ name: (a.get('name') ?? '').normalize('NFC'), hidden: (a.get('state') ?? 'visible') !== 'visible', part });
  }
  return { zip, sheets };
}

/** The merged ranges of a sheet, scanned in the part's XML as it is inflated (the part may be tens of MB). */
export async function mergesOf(book: Workbook, sheet: WorkbookSheet): Promise<MergedRange[]> {
  const file = book.zip.file(sheet.part);
  if (!file) return [];
  const out: MergedRange[] = [];
  let carry = '';
  const pattern = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
  const scan = (chunk: Buffer) => {
    const text = carry + chunk.toString('utf8');
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      out.push({ ref: `${m[1]}${m[2]}:${m[3]}${m[4]}`, top: Number(m[2]), bottom: Number(m[4]), left: columnIndex(m[1]!) });
      last = m.index! + m[0].length;
    }
    // A tag cut by the chunk boundary is completed by the next chunk.
    carry = text.slice(Math.max(last, text.length - 300));
  };
  // JSZip's node stream is an old-style one (events, not async iteration).
  await new Promise<void>((resolve, reject) => {
    file.nodeStream('nodebuffer').on('data', scan).on('end', () => resolve()).on('error', reject);
  });
  return out;
}

/**
 * The rows of the sheets asked for, handed to `take` one at a time as they are inflated (a sheet is never held
 * whole); other sheets are passed over. `take` returns false when it wants no more rows of that sheet.
 */
export async function readSheets(bytes: Uint8Array, book: Workbook, take: ReadonlyMap<string, (row: RawRow) => boolean>): Promise<void> {
  const byPart = new Map(book.sheets.map((s) => [s.part, s]));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    // The part of each sheet, announced just before its reader: exceljs names a sheet only when the workbook
    // part came first in the zip (openpyxl writes it after the sheets), so the part is what names it here.
    entries: 'emit',
  });
  let part = '';
  (reader as unknown as NodeJS.EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
    if (entry.type === 'worksheet') part = `xl/worksheets/sheet${entry.id}.xml`;
  });
  for await (const worksheet of reader) {
    const name = byPart.get(part)?.name;
    let consumer = name === undefined ? undefined : take.get(name);
    // Every sheet's rows are drained (the zip is read in order), only the wanted ones converted.
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      if (!consumer) continue;
      const values = row.values as unknown[];
      const cells: RawCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(rawOf(values[i]));
      if (!consumer({ row: row.number, cells })) consumer = undefined;
    }
  }
}

/** "A" → 0, "AB" → 27. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** exceljs's cell value → what the cell shows. */
export function rawOf(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isNaN(value) ? { error: '#VALUE!' } : value;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    // A formula's cached result is what the spreadsheet showed when it was saved; without one, nothing to read.
    if (result === undefined || result === null || result === '') return { formula: String(v.formula ?? v.sharedFormula ?? '') };
    return rawOf(result);
  }
  if ('error' in v) return { error: String(v.error) };
  if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join('');
  if ('text' in v) return rawOf(v.text);
  return null;
}

export type { RawRow };
