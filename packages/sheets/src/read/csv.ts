/** A CSV member list as plain rows: UTF-8 with or without BOM, comma, semicolon or tab separated (detected), quoted fields. */
import { parse } from 'csv-parse/sync';
import type { SheetsMessages } from '../locales';
import type { RawRow } from './raw';
import type { SheetData } from './table';
import { SheetsError } from './types';

const strict = new TextDecoder('utf-8', { fatal: true });
/** A spreadsheet's formula saved as text (=HYPERLINK(…)): a CSV holds no computed value for it. */
const FORMULA = /^=\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(/;

export function csvSheet(bytes: Uint8Array, name: string, msg: SheetsMessages): SheetData {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new SheetsError('bad-encoding', msg.badEncoding);
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    throw new SheetsError('bad-encoding', msg.notUtf8(badLine(bytes)));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let records: string[][];
  try {
    records = parse(text, { delimiter: separator(text), relax_column_count: true, skip_empty_lines: false, relax_quotes: true }) as string[][];
  } catch (error) {
    throw new SheetsError('bad-csv', msg.badCsv((error as Error).message.split('\n')[0] ?? ''));
  }
  const rows: RawRow[] = records.map((cells, i) => ({
    row: i + 1,
    cells: cells.map((c) => (FORMULA.test(c) ? { formula: c.slice(1) } : c)),
  }));
  return { name, rows, merges: [] };
}

/**
 * The separator of the first non-blank line, counted outside quotes: Excel in a Vietnamese (or any
 * comma-decimal) locale saves CSV with ";", elsewhere with ","; some tools write tabs.
 */
export function separator(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]! += 1;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![1] > 0 ? Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0] : ',';
}

function badLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, start), line += 1) {
    try {
      strict.decode(bytes.subarray(start, nl));
    } catch {
      return line;
    }
    start = nl + 1;
  }
  return line;
}
