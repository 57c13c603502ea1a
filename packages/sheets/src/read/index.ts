/**
 * readSubjects: a member list (.xlsx or .csv) to subjects for @kiemdiem/rules, every data row accounted for.
 */
import type { SubjectIssue } from '@kiemdiem/rules';
import { SUBJECT_COLUMNS } from '../columns';
import { sheetsMessages } from '../locales';
import { csvSheet } from './csv';
import { hostColumns, looksLikeList, readTable, tableReader } from './table';
import type { RawRow } from './raw';
import { SheetsError, type ReadOptions, type ReadResult, type SheetIssue } from './types';
import { mergesOf, openXlsx, readSheets } from './xlsx';

/** Rows of a hidden sheet looked at to tell a member list from a lookup table. */
const HEAD_ROWS = 20;

export type { ReadOptions, ReadResult, RowSource, SheetIssue, SheetsLang } from './types';
export { SheetsError } from './types';

/**
 * Reads a member list: one row per subject, Vietnamese headers or English field names (docs/sheets.md).
 * Problems with cells are in `errors`, naming sheet, row and column; a file that cannot be read at all
 * (not a workbook, no such sheet, no header row, a bad `columns` map) throws a SheetsError.
 */
export async function readSubjects(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const msg = sheetsMessages(options.lang);
  const host = hostColumns(options.columns, msg);
  if (options.format === 'csv') return readTable(csvSheet(bytes, options.sheet ?? 'CSV', msg), options, msg, host);
  if (options.format !== 'xlsx') throw new SheetsError('bad-format', msg.notInList(String(options.format), ['xlsx', 'csv']));
  const book = await openXlsx(bytes, msg);
  const { sheets } = book;
  let chosen: (typeof sheets)[number] | undefined;
  const notices: string[] = [];
  const errors: SheetIssue[] = [];
  if (options.sheet !== undefined) {
    const wanted = options.sheet.normalize('NFC');
    chosen = sheets.find((s) => s.name === wanted);
    if (!chosen) throw new SheetsError('no-sheet', msg.sheetNotFound(options.sheet, sheets.map((s) => s.name)));
    if (chosen.hidden) throw new SheetsError('hidden-sheet', msg.hiddenSheetChosen(chosen.name));
  } else {
    chosen = sheets.find((s) => !s.hidden);
    if (!chosen) throw new SheetsError('no-sheet', msg.sheetNotFound('', []));
  }
  // The chosen sheet row by row; of each hidden sheet (when none was named) its head, to tell a list from a lookup table.
  const table = tableReader(chosen.name, await mergesOf(book, chosen), options, msg, host);
  const heads = new Map<string, RawRow[]>();
  const take = new Map<string, (row: RawRow) => boolean>([[chosen.name, (row) => (table.push(row), true)]]);
  const hidden = options.sheet === undefined ? sheets.filter((s) => s.hidden) : [];
  for (const s of hidden) {
    const head: RawRow[] = [];
    heads.set(s.name, head);
    take.set(s.name, (row) => head.push(row) < HEAD_ROWS);
  }
  await readSheets(bytes, book, take);
  for (const s of hidden) {
    // A hidden list would be members nobody sees rated: an error; a hidden lookup sheet is only mentioned.
    if (looksLikeList(heads.get(s.name) ?? [], host)) errors.push({ sheet: s.name, path: '', code: 'hidden-sheet', message: `${msg.at({ sheet: s.name })}: ${msg.hiddenSheetList(s.name)}` });
    else notices.push(msg.hiddenSheetSkipped(s.name));
  }
  const result = table.finish();
  result.errors.unshift(...errors);
  result.notices.push(...notices);
  return result;
}

/**
 * A rating error (from `rateMany` on `result.subjects`) placed in the sheet: its data-row index, sheet, row and
 * the header of the column its field came from, the message prefixed with the place.
 */
export function locateIssue(result: ReadResult, issue: SubjectIssue, lang?: 'vi' | 'en'): SheetIssue {
  const msg = sheetsMessages(lang);
  const source = result.sources[issue.index];
  if (!source) return { ...issue, sheet: result.sheet, message: issue.message };
  const field = issue.path.split('/').slice(1).filter((p) => !/^\d+$/.test(p)).join('.');
  const column =
    result.columns.find((c) => c.field === field)?.header ??
    // A whole object (tasks) or a check across fields: the first of its columns in the sheet.
    (field === '' ? undefined : result.columns.find((c) => c.field.startsWith(`${field}.`))?.header) ??
    (field === '' ? undefined : SUBJECT_COLUMNS.find((c) => c.field === field)?.vi);
  const place = msg.at({ sheet: source.sheet, row: source.row, ...(column !== undefined ? { column } : {}) });
  return {
    index: source.index,
    ...(issue.id !== undefined ? { id: issue.id } : {}),
    sheet: source.sheet,
    row: source.row,
    ...(column !== undefined ? { column } : {}),
    path: issue.path,
    code: issue.code,
    message: `${place}: ${issue.message}`,
  };
}
