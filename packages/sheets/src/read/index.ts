/**
 * readSubjects: a member list (.xlsx or .csv) to subjects for @kiemdiem/rules, every data row accounted for.
 */
import type { SubjectIssue } from '@kiemdiem/rules';
import { SUBJECT_COLUMNS } from '../columns';
import { sheetsMessages } from '../locales';
import { csvSheet } from './csv';
import { hostColumns, looksLikeList, readTable, type SheetData } from './table';
import { SheetsError, type ReadOptions, type ReadResult, type SheetIssue } from './types';
import { xlsxSheets } from './xlsx';

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
  const sheets = await xlsxSheets(bytes, msg);
  let chosen: SheetData | undefined;
  const notices: string[] = [];
  const errors: SheetIssue[] = [];
  if (options.sheet !== undefined) {
    const wanted = options.sheet.normalize('NFC');
    const found = sheets.find((s) => s.name === wanted);
    if (!found) throw new SheetsError('no-sheet', msg.sheetNotFound(options.sheet, sheets.map((s) => s.name)));
    if (found.hidden) throw new SheetsError('hidden-sheet', msg.hiddenSheetChosen(found.name));
    chosen = found;
  } else {
    chosen = sheets.find((s) => !s.hidden);
    if (!chosen) throw new SheetsError('no-sheet', msg.sheetNotFound('', sheets.filter((s) => !s.hidden).map((s) => s.name)));
    for (const s of sheets) {
      if (!s.hidden) continue;
      // A hidden list would be members nobody sees rated: an error; a hidden lookup sheet is only mentioned.
      if (looksLikeList(s.rows, host)) errors.push({ sheet: s.name, path: '', code: 'hidden-sheet', message: `${msg.at({ sheet: s.name })}: ${msg.hiddenSheetList(s.name)}` });
      else notices.push(msg.hiddenSheetSkipped(s.name));
    }
  }
  const result = readTable(chosen, options, msg, host);
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
