/**
 * Working days (ngày làm việc): weekdays that are not public holidays, on ISO `YYYY-MM-DD` strings only
 * (no Date objects in local time, so no time-zone shifts). The calendar is a plain value a host can replace,
 * or extend with a year's announced days off and make-up working days.
 */
import { badArgument, isObj, optionsOf } from '../args';
import { addDays, formatDate, parseDate } from '../dates';
import { KiemdiemError } from '../errors';
import { isoWeekday, vietnamHolidays, VIETNAM_HOLIDAY_YEARS, type Holiday } from './vietnam-holidays';

export interface WorkingCalendar {
  /** ISO weekdays that are weekly days off: 1 = Monday … 7 = Sunday. Default [6, 7] (Saturday, Sunday). */
  weekend?: readonly number[];
  /** Days off besides the weekly ones: dates, or holidays with names. */
  holidays?: ReadonlyArray<string | Holiday>;
  /** Days worked even though they are weekly days off or holidays (ngày làm bù): these win. */
  workingDays?: readonly string[];
  /** Years whose holiday list is complete; working-day counts outside them may miss holidays. */
  years?: { from: number; to: number };
}

function buildVietnamCalendar(): WorkingCalendar {
  const holidays: Holiday[] = [];
  for (let y = VIETNAM_HOLIDAY_YEARS.from; y <= VIETNAM_HOLIDAY_YEARS.to; y++) holidays.push(...vietnamHolidays(y));
  return Object.freeze({ weekend: Object.freeze([6, 7]), holidays: Object.freeze(holidays), workingDays: Object.freeze([]), years: { ...VIETNAM_HOLIDAY_YEARS } });
}

/** The default: Saturday and Sunday off, Vietnamese public holidays 2018–2030 (see vietnam-holidays.ts). */
// Pure: a bundle that never reads the calendar leaves the holiday tables out.
export const VIETNAM_CALENDAR: WorkingCalendar = /* @__PURE__ */ buildVietnamCalendar();

/** `base` with more days off and more working days (e.g. the Prime Minister's Tết schedule for a year). */
export function extendCalendar(base: WorkingCalendar, extra: { holidays?: ReadonlyArray<string | Holiday>; workingDays?: readonly string[] }): WorkingCalendar {
  if (!isObj(base)) throw badArgument('base', 'object');
  extra = optionsOf<typeof extra>(extra, 'extra');
  return {
    ...base,
    holidays: [...(base.holidays ?? []), ...(extra.holidays ?? [])],
    workingDays: [...(base.workingDays ?? []), ...(extra.workingDays ?? [])],
  };
}

interface Index {
  weekend: Set<number>;
  off: Set<string>;
  on: Set<string>;
}

const indexes = new WeakMap<WorkingCalendar, Index>();

function invalid(what: string, value: unknown): never {
  throw new KiemdiemError('invalid-option', `${what}: ${JSON.stringify(value)}`, { option: 'calendar', value });
}

function indexOf(calendar: WorkingCalendar): Index {
  let index = indexes.get(calendar);
  if (index) return index;
  const weekend = new Set(calendar.weekend ?? [6, 7]);
  for (const d of weekend) if (!Number.isInteger(d) || d < 1 || d > 7) invalid('calendar.weekend: ISO weekdays 1–7 only', d);
  // A week with no working day would make addWorkingDays search forever.
  if (weekend.size >= 7) invalid('calendar.weekend: at least one working weekday is needed', [...weekend]);
  const off = new Set<string>();
  for (const h of calendar.holidays ?? []) {
    const date = typeof h === 'string' ? h : h?.date;
    if (!parseDate(date)) invalid('calendar.holidays: not a YYYY-MM-DD date', h);
    off.add(date as string);
  }
  const on = new Set<string>();
  for (const d of calendar.workingDays ?? []) {
    if (!parseDate(d)) invalid('calendar.workingDays: not a YYYY-MM-DD date', d);
    on.add(d);
  }
  index = { weekend, off, on };
  indexes.set(calendar, index);
  return index;
}

function checkDate(date: unknown): string {
  if (!parseDate(date)) throw new KiemdiemError('invalid-option', `not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`, { option: 'date', value: date });
  return date as string;
}

function working(date: string, index: Index): boolean {
  if (index.on.has(date)) return true;
  return !index.weekend.has(isoWeekday(date)) && !index.off.has(date);
}

/** Whether `date` is a working day: not a weekly day off and not a holiday, unless listed as a working day. */
export function isWorkingDay(date: string, calendar: WorkingCalendar = VIETNAM_CALENDAR): boolean {
  return working(checkDate(date), indexOf(calendar));
}

const MAX_STEP = 100_000;

/**
 * The date `days` working days after `date` (before it when negative); `date` itself is not counted, so
 * adding 1 to a Friday gives the next Monday. Adding 0 returns `date` unchanged.
 */
export function addWorkingDays(date: string, days: number, calendar: WorkingCalendar = VIETNAM_CALENDAR): string {
  checkDate(date);
  if (!Number.isInteger(days) || Math.abs(days) > MAX_STEP) throw new KiemdiemError('invalid-option', `working days must be a whole number up to ${MAX_STEP}: ${JSON.stringify(days)}`, { option: 'days', value: days });
  const index = indexOf(calendar);
  const step = days < 0 ? -1 : 1;
  let current = parseDate(date)!;
  let left = Math.abs(days);
  while (left > 0) {
    current = addDays(current, step);
    if (working(formatDate(current), index)) left -= 1;
  }
  return formatDate(current);
}

/**
 * Whole working days strictly between `from` and `to` (neither end counted), as a period "at least N working
 * days before" is counted: a draft sent on Tuesday for a meeting the next Monday has 3 (Wed, Thu, Fri).
 * Negative when `to` is before `from`; 0 for the same day or the next.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar = VIETNAM_CALENDAR): number {
  checkDate(from);
  checkDate(to);
  if (from === to) return 0;
  if (to < from) return 0 - workingDaysBetween(to, from, calendar) || 0; // never -0
  const index = indexOf(calendar);
  let count = 0;
  let current = addDays(parseDate(from)!, 1);
  let text = formatDate(current);
  while (text < to) {
    if (working(text, index)) count += 1;
    current = addDays(current, 1);
    text = formatDate(current);
  }
  return count;
}

/** Whether the calendar's holiday list covers `date`'s year (the default covers 2018–2030). */
export function calendarCovers(date: string, calendar: WorkingCalendar = VIETNAM_CALENDAR): boolean {
  const d = parseDate(date);
  if (!d || !calendar.years) return true;
  return d.y >= calendar.years.from && d.y <= calendar.years.to;
}
