/** A cell as the readers hand it over, whatever the file format: the value a spreadsheet shows, never a formula to run. */
export type RawCell =
  | null
  | string
  | number
  | boolean
  | Date
  /** A formula with no cached value: kiemdiem never evaluates one. */
  | { formula: string }
  /** An error value (#N/A, #REF!, …), cached or typed. */
  | { error: string };

/** One row of a sheet: its number as the spreadsheet shows it (1-based) and its cells, column 0 first. */
export interface RawRow {
  row: number;
  cells: RawCell[];
}

/** Text at most this long is looked at; longer text is an error before it is normalised or matched. */
export const MAX_CELL_TEXT = 500;

export function isEmptyCell(cell: RawCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** A cell's value as the spreadsheet would show it, for messages (shortened). */
export function shown(cell: RawCell): string {
  let text: string;
  if (cell === null) text = '';
  else if (cell instanceof Date) text = isoDay(cell);
  else if (typeof cell === 'object') text = 'formula' in cell ? `=${cell.formula}` : cell.error;
  else text = String(cell);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** YYYY-MM-DD of a spreadsheet date (read as UTC midnight). */
export function isoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString().slice(0, 10);
}
