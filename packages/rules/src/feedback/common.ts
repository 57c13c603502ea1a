/**
 * What the feedback, remediation and roll-up modules share: a record checker in the style of
 * subject/validate.ts (every problem at its JSON pointer, the field named in the message, the locale's own
 * wording), issue and error shapes, and the one percentage rule the statistics use.
 */
import { KiemdiemError } from '../errors';
import { labelAt, locale, type Locale } from '../locales';
import { escapePointer } from '../pack/load';
import { scanIssue } from '../shape/scan';
import { parseDate } from '../dates';
import type { Lang } from '../types';

/** A problem in one input record (feedback record, remediation plan, result, unit), naming the field by JSON pointer. */
export interface RecordIssue {
  /** Position of the record in its input list. */
  index: number;
  /** The record's id, when it has a usable one. */
  id?: string;
  /** JSON pointer into the record, "" for the record itself. */
  path: string;
  /** Stable machine-readable code, e.g. "unknown-category", "required". */
  code: string;
  message: string;
}

/** Field labels by JSON pointer (array indexes written as `*`), per language. */
export type Labels = Record<Lang, Record<string, string>>;

/** The kinds of record whose field labels the locale holds (`loc.records`). */
export type RecordKind = keyof Locale['records'];

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const own = Object.prototype.hasOwnProperty;
export const MAX_TEXT = 500;
export const MAX_LONG_TEXT = 5000;
/** Stable ids: lowercase ascii, digits, hyphens (like criterion ids), so they survive URLs and file names. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Collects issues for one record of a kind; the locale's labels for that kind name the fields. */
export class RecordChecker {
  readonly issues: Array<{ path: string; code: string; message: string }> = [];
  readonly loc: Locale;
  private readonly fields: Readonly<Record<string, string>>;
  constructor(lang: Lang | undefined, kind: RecordKind) {
    this.loc = locale(lang);
    this.fields = this.loc.records[kind];
  }

  label(path: string): string {
    return labelAt(this.fields, path) ?? (path === '' ? (this.fields[''] ?? 'record') : path.slice(1).replace(/\//g, '.'));
  }
  add(path: string, code: string, message: string): false {
    this.issues.push({ path, code, message });
    return false;
  }
  object(value: unknown, path: string, allowed: readonly string[]): value is Record<string, unknown> {
    if (!isRecord(value)) return this.add(path, 'type', this.loc.issues.notObject(this.label(path)));
    for (const key in value) {
      if (!own.call(value, key)) continue;
      const child = `${path}/${escapePointer(key)}`;
      if (FORBIDDEN_KEYS.has(key)) this.add(child, 'forbidden-key', this.loc.issues.forbiddenKey(key));
      else if (!allowed.includes(key)) this.add(child, 'unknown-field', this.loc.issues.unknownField(key));
    }
    return true;
  }
  present(obj: Record<string, unknown>, path: string, key: string): boolean {
    if (obj[key] !== undefined) return true;
    return this.add(`${path}/${key}`, 'required', this.loc.issues.required(this.label(`${path}/${key}`)));
  }
  string(value: unknown, path: string, max = MAX_TEXT): value is string {
    if (typeof value !== 'string') return this.add(path, 'type', this.loc.issues.notString(this.label(path)));
    if (value.trim() === '') return this.add(path, 'empty', this.loc.issues.emptyString(this.label(path)));
    if (value.length > max && [...value].length > max) return this.add(path, 'too-long', this.loc.issues.tooLong(this.label(path), max));
    return true;
  }
  integer(value: unknown, path: string, min: number, max: number): value is number {
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.add(path, 'type', this.loc.issues.notNumber(this.label(path)));
    if (!Number.isInteger(value)) return this.add(path, 'type', this.loc.issues.notInteger(this.label(path)));
    if (value < min || value > max) return this.add(path, 'out-of-range', this.loc.issues.range(this.label(path), min, max));
    return true;
  }
  oneOf(value: unknown, path: string, allowed: readonly string[]): boolean {
    return (typeof value === 'string' && allowed.includes(value)) || this.add(path, 'not-allowed', this.loc.issues.notOneOf(this.label(path), allowed));
  }
  date(value: unknown, path: string): boolean {
    return parseDate(value) !== null || this.add(path, 'bad-date', this.loc.issues.badDate(this.label(path)));
  }
  boolean(value: unknown, path: string): boolean {
    return typeof value === 'boolean' || this.add(path, 'type', this.loc.issues.notBoolean(this.label(path)));
  }
  /** Free host data: any JSON object without prototype-polluting keys. */
  meta(value: unknown, path: string): void {
    if (!isRecord(value)) {
      this.add(path, 'type', this.loc.issues.notObject(this.label(path)));
      return;
    }
    const bad = scanIssue(value, path, this.loc);
    if (bad) this.add(bad.path, bad.code, bad.message);
  }
}

/** Issues of a record, stamped with its position and id. */
export function stamp(issues: ReadonlyArray<{ path: string; code: string; message: string }>, index: number, record: unknown): RecordIssue[] {
  const id = isRecord(record) && typeof record.id === 'string' && record.id.trim() !== '' && !FORBIDDEN_KEYS.has(record.id) ? record.id : undefined;
  return issues.map((i) => ({ index, ...(id !== undefined ? { id } : {}), ...i }));
}

/** Throws `code` with every issue in the message (the first ten) and all of them in `details.issues`. */
export function throwIssues(code: 'invalid-subject' | 'invalid-option', what: string, issues: readonly RecordIssue[]): never {
  const shown = issues.slice(0, 10).map((i) => `${what}[${i.index}]${i.path ? ` ${i.path}` : ''}: ${i.message}`);
  if (issues.length > 10) shown.push(`… (+${issues.length - 10})`);
  throw new KiemdiemError(code, shown.join('\n'), { issues });
}

/**
 * The percentage rule of every statistic here: part/whole × 100 with one decimal, half rounded up, in
 * integer arithmetic (so 1/8 is exactly 12.5 and 5/8 is 62.5, never 62.49999…); `null` when whole is 0.
 * Same precision and rounding as the summary PDF's level shares (@kiemdiem/reports words.ts `percent`).
 */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  const tenths = Math.floor((2000 * part + whole) / (2 * whole));
  return tenths / 10;
}

/** How the percentages were computed, written into the JSON so a reader need not guess. */
export interface PercentRule {
  decimals: 1;
  rounding: 'round-half-up';
}
export const PERCENT_RULE: PercentRule = { decimals: 1, rounding: 'round-half-up' };
