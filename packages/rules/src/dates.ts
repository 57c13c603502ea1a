/** Calendar dates as plain `YYYY-MM-DD` strings: no time zones, no Date objects leaking local time. */
import { checkPeriod } from './args';
import type { Period } from './types';

export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return DAYS[m - 1]!;
}

/** Parses a real calendar date (rejects 2026-02-30); null when malformed. */
export function parseDate(text: unknown): CalendarDate | null {
  if (typeof text !== 'string' || text.length !== 10 || !ISO_DATE.test(text)) return null;
  // Digits in fixed places (checked above): read them without building substrings.
  const digit = (i: number) => text.charCodeAt(i) - 48;
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function formatDate(date: CalendarDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

/**
 * dd/mm/yyyy, as Vietnamese documents write dates (the English texts keep it too): the one such formatter
 * of the SDK. Takes a calendar date or a `YYYY-MM-DD` string (returned unchanged when it is not a date).
 */
export function formatDayMonthYear(date: CalendarDate | string): string {
  const d = typeof date === 'string' ? parseDate(date) : date;
  if (!d) return String(date);
  return `${String(d.d).padStart(2, '0')}/${String(d.m).padStart(2, '0')}/${d.y}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * Whole months from `from` to `to`: the number of times a month can be added to `from`
 * without passing `to`. A month added to 31/8 lands on the last day of a shorter month.
 */
export function wholeMonthsBetween(from: CalendarDate, to: CalendarDate): number {
  let months = (to.y - from.y) * 12 + (to.m - from.m);
  if (months <= 0) return Math.max(0, months);
  const landed = { y: to.y, m: to.m, d: Math.min(from.d, daysInMonth(to.y, to.m)) };
  if (compareDates(landed, to) > 0) months -= 1;
  return months;
}

/** First and last day of a review period: a year, or one of its quarters. */
export function periodBounds(period: Period): { start: CalendarDate; end: CalendarDate } {
  checkPeriod(period);
  if (period.quarter === undefined) {
    return { start: { y: period.year, m: 1, d: 1 }, end: { y: period.year, m: 12, d: 31 } };
  }
  const firstMonth = (period.quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return {
    start: { y: period.year, m: firstMonth, d: 1 },
    end: { y: period.year, m: lastMonth, d: daysInMonth(period.year, lastMonth) },
  };
}

/**
 * The day whose rules apply to a review period (`YYYY-MM-DD`): its last day. A review of year Y (or of one of
 * its quarters) is rated under the regulation and the parameter values in force at the end of that period.
 * Every "which date applies" question of the SDK goes through here.
 */
export function periodEnd(period: Period): string {
  return formatDate(periodBounds(period).end);
}
