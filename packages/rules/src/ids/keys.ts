/**
 * What makes two records "the same" for duplicate checks. Ids are compared as exact strings after Unicode
 * NFC (so "Lê" typed precomposed or decomposed is one id); no trimming, no case folding. A subject is
 * identified by kind, id and period: the same person rated for two quarters in one batch is not a duplicate.
 */
import { badArgument } from '../args';
import type { Locale } from '../locales/types';
import { KINDS } from '../subject/validate';

function isPeriod(p: unknown): p is { year: number; quarter?: number } {
  if (p === null || typeof p !== 'object') return false;
  const { year, quarter } = p as { year?: unknown; quarter?: unknown };
  return Number.isInteger(year) && (year as number) >= 2000 && (year as number) <= 2100 &&
    (quarter === undefined || (Number.isInteger(quarter) && (quarter as number) >= 1 && (quarter as number) <= 4));
}

/** The id as compared: NFC, or undefined when it is not a usable id (not a string, blank). */
export function idKey(id: unknown): string | undefined {
  return typeof id === 'string' && id.trim() !== '' ? id.normalize('NFC') : undefined;
}

/**
 * The key of a subject record: one character for kind and period (2 UTF-8 bytes, to keep a national run's
 * set small), then the NFC id; undefined when the record lacks a usable id, kind or period (it is invalid
 * anyway, and reported as such). May throw when the record's properties do (the caller isolates records).
 */
export function subjectKey(input: unknown): string | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  const { id, kind, period } = input as { id?: unknown; kind?: unknown; period?: unknown };
  const key = idKey(id);
  if (key === undefined || !KINDS.includes(kind as never) || !isPeriod(period)) return undefined;
  const code = (kind === 'collective' ? 1024 : 0) + (period.year - 2000) * 5 + (period.quarter ?? 0);
  return String.fromCharCode(0x100 + code) + key;
}

/** The `duplicate-id` issue of a later record (feedback record, plan) whose id `first` already had. */
export function duplicateIssue(loc: Locale, field: string, id: string, first: number): { path: string; code: string; message: string } {
  return { path: '/id', code: 'duplicate-id', message: loc.issues.duplicateRecord(field, id, first) };
}

/** The id part of a subjectKey. */
export function idOfSubjectKey(key: string): string {
  if (typeof key !== 'string') throw badArgument('key', 'string');
  return key.slice(1);
}
