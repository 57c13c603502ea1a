/**
 * A sheet's rows to subjects: finds the header row, maps each header to a field, converts each cell, and
 * accounts for every data row (a subject, errors naming the cell, or a blank row counted).
 */
import type { Subject } from '@kiemdiem/rules';
import { FORBIDDEN_KEYS, HEADER_FIELDS, IGNORED_HEADERS, SUBJECT_COLUMNS, columnOf, headerKey, type SubjectColumn } from '../columns';
import type { SheetsMessages } from '../locales';
import { convertCell } from './cells';
import { isEmptyCell, type RawCell, type RawRow } from './raw';
import { SheetsError, type ReadOptions, type ReadResult, type SheetIssue } from './types';

/** A merged range, 1-based and inclusive. */
export interface MergedRange {
  ref: string;
  top: number;
  bottom: number;
  /** 0-based column of its top-left cell. */
  left: number;
}

export interface SheetData {
  name: string;
  rows: RawRow[];
  merges: MergedRange[];
}

interface Mapped {
  index: number;
  header: string;
  column: SubjectColumn;
}

/** How far down a header row is looked for (title lines above it are common). */
const HEADER_SEARCH = 20;
const IGNORED = new Set(IGNORED_HEADERS.map(headerKey));

/** The host's map, checked: no prototype keys, every target a field. */
export function hostColumns(columns: ReadOptions['columns'], msg: SheetsMessages): Map<string, string> {
  const map = new Map<string, string>();
  if (columns === undefined) return map;
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) throw new SheetsError('bad-columns', msg.badColumnsMap('{ "header": "field" }'));
  for (const [header, field] of Object.entries(columns)) {
    if (FORBIDDEN_KEYS.has(headerKey(header))) throw new SheetsError('bad-columns', msg.badColumnsMap(msg.forbiddenHeader(header)));
    if (typeof field !== 'string' || columnOf(field) === undefined) throw new SheetsError('bad-columns', msg.badColumnsMap(msg.unknownField(String(field))));
    map.set(headerKey(header), field);
  }
  return map;
}

function headerText(cell: RawCell): string {
  if (typeof cell === 'string') return cell.slice(0, 500);
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return '';
}

function fieldOf(header: string, host: ReadonlyMap<string, string>): string | undefined {
  const key = headerKey(header);
  return host.get(key) ?? HEADER_FIELDS.get(key) ?? (columnOf(header.trim()) ? header.trim() : undefined);
}

/** The first row (of the first 20) with two cells naming fields, or one when it is the only filled cell. */
export function findHeaderRow(rows: readonly RawRow[], host: ReadonlyMap<string, string>): number {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH); i++) if (isHeader(rows[i]!, host)) return i;
  return -1;
}

function isHeader(row: RawRow, host: ReadonlyMap<string, string>): boolean {
  const filled = row.cells.filter((c) => !isEmptyCell(c));
  const known = filled.filter((c) => fieldOf(headerText(c), host) !== undefined).length;
  return known >= 2 || (known === 1 && filled.length === 1);
}

/** Whether a sheet looks like a member list (a hidden sheet that does is an error, not a skipped sheet). */
export function looksLikeList(rows: readonly RawRow[], host: ReadonlyMap<string, string>): boolean {
  return findHeaderRow(rows, host) >= 0;
}

export function readTable(sheet: SheetData, options: ReadOptions, msg: SheetsMessages, host: ReadonlyMap<string, string>): ReadResult {
  const table = tableReader(sheet.name, sheet.merges, options, msg, host);
  for (const row of sheet.rows) table.push(row);
  return table.finish();
}

export interface TableReader {
  push(row: RawRow): void;
  finish(): ReadResult;
}

/**
 * Rows in, one at a time (a 100,000-row sheet is never held as rows): title lines until the header row, then
 * each data row converted at once to a subject or to errors.
 */
export function tableReader(name: string, merges: readonly MergedRange[], options: ReadOptions, msg: SheetsMessages, host: ReadonlyMap<string, string>): TableReader {
  let seenRows = 0;
  let data: ((row: RawRow) => void) | undefined;
  let result: ReadResult | undefined;
  return {
    push(row) {
      if (data) return data(row);
      if (seenRows++ >= HEADER_SEARCH || !isHeader(row, host)) return;
      ({ result, data } = startTable(name, row, merges, options, msg, host));
    },
    finish() {
      if (!result) throw new SheetsError('no-header', msg.noHeaderRow(name));
      return result;
    },
  };
}

function startTable(name: string, headerRow: RawRow, merges: readonly MergedRange[], options: ReadOptions, msg: SheetsMessages, host: ReadonlyMap<string, string>): { result: ReadResult; data: (row: RawRow) => void } {
  const sheet = { name, merges };
  const errors: SheetIssue[] = [];
  const notices: string[] = [];
  const mapped: Mapped[] = [];
  const unknown: string[] = [];
  const seen = new Map<string, string>();
  headerRow.cells.forEach((cell, index) => {
    const header = headerText(cell).normalize('NFC').trim();
    if (header === '') return;
    const place = { sheet: sheet.name, row: headerRow.row, column: header };
    if (FORBIDDEN_KEYS.has(headerKey(header))) {
      errors.push({ sheet: sheet.name, row: headerRow.row, column: header, path: '', code: 'forbidden-header', message: `${msg.at(place)}: ${msg.forbiddenHeader(header)}` });
      return;
    }
    const field = fieldOf(header, host);
    if (field === undefined) {
      if (!IGNORED.has(headerKey(header))) unknown.push(header);
      return;
    }
    if (seen.has(field)) {
      errors.push({ sheet: sheet.name, row: headerRow.row, column: header, path: '', code: 'duplicate-column', message: `${msg.at(place)}: ${msg.duplicateColumn(header, field)}` });
      return;
    }
    seen.set(field, header);
    mapped.push({ index, header, column: columnOf(field)! });
  });
  if (unknown.length > 0) notices.push(msg.unknownColumns(sheet.name, unknown));

  const merged = new Map<number, MergedRange>();
  for (const m of sheet.merges) for (let r = Math.max(m.top, headerRow.row + 1); r <= m.bottom; r++) if (!merged.has(r)) merged.set(r, m);
  const yearColumn = seen.get('period.year') ?? SUBJECT_COLUMNS.find((c) => c.field === 'period.year')!.vi;

  const result: ReadResult = { subjects: [], sources: [], errors, sheet: sheet.name, headerRow: headerRow.row, columns: mapped.map((m) => ({ header: m.header, field: m.column.field })), rows: { data: 0, blank: 0 }, notices };
  const data = (raw: RawRow): void => {
    const { row, cells } = raw;
    if (cells.every(isEmptyCell)) {
      result.rows.blank += 1;
      return;
    }
    const index = result.rows.data++;
    const range = merged.get(row);
    if (range !== undefined) {
      const column = headerText(headerRow.cells[range.left] ?? null).normalize('NFC').trim() || undefined;
      const place = { sheet: sheet.name, row, ...(column !== undefined ? { column } : {}) };
      errors.push({ index, ...place, path: '', code: 'merged', message: `${msg.at(place)}: ${msg.merged(range.ref)}` });
      return;
    }
    const values = new Map<string, unknown>();
    let bad = false;
    for (const m of mapped) {
      const outcome = convertCell(m.column, cells[m.index] ?? null, msg);
      if (outcome === undefined) continue;
      if (outcome.ok) values.set(m.column.field, outcome.value);
      else {
        bad = true;
        errors.push({ index, sheet: sheet.name, row, column: m.header, path: pointerOf(m.column.field), code: outcome.code, message: `${msg.at({ sheet: sheet.name, row, column: m.header })}: ${outcome.problem}` });
      }
    }
    if (!values.has('period.year') && options.period === undefined) {
      bad = true;
      errors.push({ index, sheet: sheet.name, row, column: yearColumn, path: '/period/year', code: 'required', message: `${msg.at({ sheet: sheet.name, row, column: yearColumn })}: ${msg.missingYear}` });
    }
    if (bad) return;
    result.subjects.push(subjectOf(values, row, options));
    result.sources.push({ sheet: sheet.name, row, index });
  };
  return { result, data };
}

/** "score.common" → "/score/common"; a row's discipline is the subject's first. */
export function pointerOf(field: string): string {
  const parts = field.split('.');
  if (parts[0] === 'discipline' && parts.length > 1) return `/discipline/0/${parts.slice(1).join('/')}`;
  return `/${parts.join('/')}`;
}

function subjectOf(values: ReadonlyMap<string, unknown>, row: number, options: ReadOptions): Subject {
  const out: Record<string, unknown> = {};
  const discipline: Record<string, unknown> = {};
  for (const [field, value] of values) {
    const parts = field.split('.');
    if (parts[0] === 'discipline') {
      discipline[parts[1]!] = value;
      continue;
    }
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = value;
  }
  if (Object.keys(discipline).length > 0) out.discipline = [discipline];
  // Đối tượng "Tập thể" makes the row a collective; any other audience an individual.
  if (out.audience === 'collective') {
    delete out.audience;
    out.kind ??= 'collective';
  }
  out.kind ??= 'individual';
  out.id ??= `row-${row}`;
  if (out.period === undefined && options.period) out.period = { ...options.period };
  return out as unknown as Subject;
}
