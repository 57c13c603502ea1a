/**
 * One cell to one field value: numbers typed as text ("85", "8,5"), Vietnamese words of the drop-downs,
 * dates typed as text, each problem as a sentence in the chosen language. Never evaluates a formula.
 */
import {
  AUDIENCE_WORDS,
  COLLECTIVE_TYPE_WORDS,
  DISCIPLINE_WORDS,
  GRADE_WORDS,
  KIND_WORDS,
  LEVEL_WORDS,
  NO_WORDS,
  YES_WORDS,
  headerKey,
  type SubjectColumn,
} from '../columns';
import type { SheetsMessages } from '../locales';
import { MAX_CELL_TEXT, isEmptyCell, isoDay, shown, type RawCell } from './raw';

export type CellOutcome = { ok: true; value: unknown } | { ok: false; code: string; problem: string } | undefined;

const DATE_TEXT = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_LIKE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;

const fail = (code: string, problem: string): CellOutcome => ({ ok: false, code, problem });

/** Code or word → code, matched as headers are (NFC, case and spaces). */
function lookup(words: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [code, word] of Object.entries(words)) {
    map.set(headerKey(code), code);
    map.set(headerKey(word), code);
  }
  return map;
}

const LISTS: Record<string, { map: ReadonlyMap<string, string>; shown: readonly string[] }> = {};
function list(type: string, words: Readonly<Record<string, string>>, extra: Record<string, string> = {}): void {
  const map = new Map(lookup(words));
  for (const [word, code] of Object.entries(extra)) map.set(headerKey(word), code);
  LISTS[type] = { map, shown: Object.values(words) };
}
list('audience', AUDIENCE_WORDS, { 'Không giữ chức vụ': 'non-leader', 'Lãnh đạo': 'leader', 'Lãnh đạo quản lý': 'leader' });
list('kind', KIND_WORDS);
list('level', LEVEL_WORDS, Object.fromEntries(Object.keys(LEVEL_WORDS).map((l) => [l, l])));
list('grade', GRADE_WORDS);
list('discipline-form', DISCIPLINE_WORDS);
list('collective-type', COLLECTIVE_TYPE_WORDS);

/** The cell's value for `column`, undefined when the cell is empty. */
export function convertCell(column: SubjectColumn, cell: RawCell, msg: SheetsMessages): CellOutcome {
  if (isEmptyCell(cell)) return undefined;
  if (typeof cell === 'object' && cell !== null && !(cell instanceof Date)) {
    return 'formula' in cell ? fail('formula', msg.formulaWithoutValue(shortFormula(cell.formula))) : fail('error-value', msg.errorValue(cell.error));
  }
  if (typeof cell === 'string') {
    // Counted before anything else is done with it: a 100k-character cell costs one length test.
    const length = cell.length > MAX_CELL_TEXT ? [...cell.normalize('NFC')].length : cell.length;
    if (length > MAX_CELL_TEXT) return fail('too-long', msg.tooLong(length, MAX_CELL_TEXT));
  }
  switch (column.type) {
    case 'text':
      return text(cell);
    case 'integer':
    case 'number':
      return number(column, cell, msg);
    case 'boolean':
      return boolean(cell, msg);
    case 'date':
      return date(cell, msg);
    default:
      return choice(LISTS[column.type]!, cell, msg);
  }
}

function shortFormula(formula: string): string {
  return formula.length > 60 ? `${formula.slice(0, 57)}…` : formula;
}

function text(cell: string | number | boolean | Date | null): CellOutcome {
  const value = cell instanceof Date ? isoDay(cell) : String(cell ?? '');
  return { ok: true, value: value.normalize('NFC').trim() };
}

function number(column: SubjectColumn, cell: RawCell, msg: SheetsMessages): CellOutcome {
  let value: number;
  if (cell instanceof Date) return fail('date-not-number', msg.dateNotNumber(isoDay(cell)));
  if (typeof cell === 'number') value = cell;
  else if (typeof cell === 'string') {
    const t = cell.trim();
    if (DATE_LIKE.test(t)) return fail('date-not-number', msg.looksLikeDate(t));
    const m = /^([+-]?\d+)(?:([.,])(\d+))?$/.exec(t);
    if (!m) return fail('not-number', msg.notNumber(shown(cell)));
    // "1.234" or "1,234": a decimal in one locale, thousands in another; with three digits after it, ask.
    if (m[3] !== undefined && m[3].length === 3) return fail('ambiguous-number', msg.ambiguousNumber(t));
    value = Number(m[3] === undefined ? m[1] : `${m[1]}.${m[3]}`);
  } else return fail('not-number', msg.notNumber(shown(cell)));
  if (!Number.isFinite(value)) return fail('not-number', msg.notNumber(shown(cell)));
  if (column.type === 'integer' && !Number.isInteger(value)) return fail('not-integer', msg.notInteger(shown(cell)));
  if ((column.min !== undefined && value < column.min) || (column.max !== undefined && value > column.max)) {
    return fail('out-of-range', msg.outOfRange(String(value), column.min, column.max));
  }
  return { ok: true, value };
}

function boolean(cell: RawCell, msg: SheetsMessages): CellOutcome {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  if (cell === 1 || cell === 0) return { ok: true, value: cell === 1 };
  if (typeof cell === 'string') {
    const key = headerKey(cell);
    if (YES_WORDS.includes(key)) return { ok: true, value: true };
    if (NO_WORDS.includes(key)) return { ok: true, value: false };
  }
  return fail('not-boolean', msg.notBoolean(shown(cell)));
}

function date(cell: RawCell, msg: SheetsMessages): CellOutcome {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? fail('bad-date', msg.badDate(shown(cell))) : { ok: true, value: isoDay(cell) };
  }
  if (typeof cell !== 'string') return fail('bad-date', msg.badDate(shown(cell)));
  const t = cell.trim();
  const iso = ISO_DATE.exec(t);
  const vn = DATE_TEXT.exec(t);
  // Day first, as Vietnamese dates are written (15/03/2025).
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return fail('bad-date', msg.badDate(shown(cell)));
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(m) - 1 || day.getUTCDate() !== Number(d)) return fail('bad-date', msg.badDate(t));
  return { ok: true, value: isoDay(day) };
}

function choice(list: { map: ReadonlyMap<string, string>; shown: readonly string[] }, cell: RawCell, msg: SheetsMessages): CellOutcome {
  const code = typeof cell === 'string' ? list.map.get(headerKey(cell)) : undefined;
  return code === undefined ? fail('not-in-list', msg.notInList(shown(cell), list.shown)) : { ok: true, value: code };
}
