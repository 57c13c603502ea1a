/**
 * Member lists in spreadsheets (.xlsx, .csv) for `kiemdiem rate`: read with @kiemdiem/sheets, the rows that fail
 * and the rating errors placed in the sheet (sheet, row, column header) in the command's usual `errors`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Lang, RateManyOutput } from '@kiemdiem/rules';
import { locateIssue, readSubjects, SheetsError, type ReadResult, type SheetIssue } from '@kiemdiem/sheets';
import { UsageError } from './io';
import { readJson } from './input';
import { fileProblem } from './files';
import type { Messages } from './locales';

export type InputFormat = 'json' | 'jsonl' | 'xlsx' | 'csv';
export const INPUT_FORMATS: readonly InputFormat[] = ['json', 'jsonl', 'xlsx', 'csv'];

/** The spreadsheet format of --input, from --input-format or the file's extension; undefined for JSON. */
export function sheetFormatOf(file: string, inputFormat: InputFormat | undefined): 'xlsx' | 'csv' | undefined {
  if (inputFormat !== undefined) return inputFormat === 'xlsx' || inputFormat === 'csv' ? inputFormat : undefined;
  if (/\.xlsx$/i.test(file)) return 'xlsx';
  if (/\.csv$/i.test(file)) return 'csv';
  return undefined;
}

export interface SheetInputArgs {
  input: string;
  format: 'xlsx' | 'csv';
  sheet?: string;
  /** --columns FILE: a JSON object, host header → field. */
  columns?: string;
  lang: Lang;
}

/** The list read; a file that cannot be read as a list at all is a usage error (exit 2) naming it. */
export async function readSheetInput(args: SheetInputArgs, msg: Messages): Promise<ReadResult> {
  let columns: Record<string, string> | undefined;
  if (args.columns !== undefined) {
    const map = readJson(args.columns, msg);
    if (map === null || typeof map !== 'object' || Array.isArray(map)) throw new UsageError(msg.sheets.columnsNotObject(args.columns));
    columns = map as Record<string, string>;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.input === '-' ? 0 : args.input);
  } catch (error) {
    throw fileProblem(args.input, error, msg);
  }
  try {
    return await readSubjects(bytes, {
      format: args.format,
      lang: args.lang,
      ...(args.sheet !== undefined ? { sheet: args.sheet } : args.format === 'csv' ? { sheet: basename(args.input) } : {}),
      ...(columns ? { columns } : {}),
    });
  } catch (error) {
    if (error instanceof SheetsError) throw new UsageError(`${error.code === 'bad-columns' && args.columns ? args.columns : args.input}: ${error.message}`);
    throw error;
  }
}

/** The rating of the rows read, its errors placed in the sheet, after the rows that could not be read. */
export function placeErrors(read: ReadResult, output: RateManyOutput, lang: Lang): SheetIssue[] {
  return [...read.errors, ...output.errors.map((e) => locateIssue(read, e, lang))];
}

/** How many data rows the errors are about (a row may have several); a problem with a sheet (a hidden list) is no row. */
export function invalidRows(errors: readonly SheetIssue[]): number {
  return new Set(errors.flatMap((e) => (e.index !== undefined ? [e.index] : []))).size;
}
