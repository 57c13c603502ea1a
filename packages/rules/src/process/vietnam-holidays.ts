/**
 * Vietnamese public holidays (ngày nghỉ lễ, tết) for the years the SDK covers, as explicit dates.
 *
 * Basis: Bộ luật Lao động 2019 Điều 112 khoản 1 (from 2021) and Bộ luật Lao động 2012 Điều 115 khoản 1
 * (2018–2020): Tết Dương lịch 1 day (1/1); Tết Âm lịch 5 days; Ngày Chiến thắng 30/4; Quốc tế lao động 1/5;
 * Quốc khánh 2/9 (from 2021 also one adjacent day, before or after); Giỗ Tổ Hùng Vương 10/3 âm lịch.
 * A holiday on a weekly day off gives a day off on the next working day (nghỉ bù: BLLĐ 2019 Điều 111
 * khoản 3; BLLĐ 2012 Điều 115 khoản 3).
 *
 * What the law leaves to a yearly decision of the Prime Minister (which five days of Tết, which day next to
 * 2/9, and any swap of working days for civil servants) is approximated here and flagged `approximate`:
 * - Tết: the last day of the old lunar year and the first four days of the new one;
 * - the day next to 2/9: the adjacent weekday that joins a weekend (1/9 when 2/9 is a Tuesday, Friday or
 *   Saturday, or a Wednesday; 3/9 when it is a Monday, Thursday or Sunday). This gives the announced days
 *   of 2021–2025.
 * A host with the year's announcement adds or removes days with `extendCalendar` (holidays / workingDays).
 * These dates are not in the project's domain sources (provenance: unverified); the lunar dates are
 * astronomical (new moon in UTC+7, Hồ Ngọc Đức's method), checked in working-days.test.ts.
 */
import { badArgument, isObject, optionsOf } from '../args';
import { addDays, formatDate, parseDate } from '../dates';
import type { Localized } from '../types';

export type HolidayKind = 'tet-duong-lich' | 'tet-nguyen-dan' | 'gio-to-hung-vuong' | 'chien-thang' | 'quoc-te-lao-dong' | 'quoc-khanh' | 'nghi-bu';

export interface Holiday {
  /** YYYY-MM-DD */
  date: string;
  kind: HolidayKind;
  name: Localized;
  /** The legal basis, as text. */
  basis: string;
  /** The day is the SDK's approximation of a yearly government decision. */
  approximate?: boolean;
}

/** First day of the lunar year (mùng 1 Tết) and 10/3 âm lịch (Giỗ Tổ Hùng Vương), Vietnam time (UTC+7). */
export const LUNAR_DATES: Readonly<Record<number, { tet: string; gioTo: string }>> = {
  2018: { tet: '2018-02-16', gioTo: '2018-04-25' },
  2019: { tet: '2019-02-05', gioTo: '2019-04-14' },
  2020: { tet: '2020-01-25', gioTo: '2020-04-02' },
  2021: { tet: '2021-02-12', gioTo: '2021-04-21' },
  2022: { tet: '2022-02-01', gioTo: '2022-04-10' },
  2023: { tet: '2023-01-22', gioTo: '2023-04-29' },
  2024: { tet: '2024-02-10', gioTo: '2024-04-18' },
  2025: { tet: '2025-01-29', gioTo: '2025-04-07' },
  2026: { tet: '2026-02-17', gioTo: '2026-04-26' },
  2027: { tet: '2027-02-06', gioTo: '2027-04-16' },
  2028: { tet: '2028-01-26', gioTo: '2028-04-04' },
  2029: { tet: '2029-02-13', gioTo: '2029-04-23' },
  // 2030: the new moon falls at 23:07 on 2 February in UTC+7 (3 February in China): Tết is 2 February.
  2030: { tet: '2030-02-02', gioTo: '2030-04-12' },
};

export const VIETNAM_HOLIDAY_YEARS = { from: 2018, to: 2030 } as const;

const NAMES: Record<HolidayKind, Localized> = {
  'tet-duong-lich': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  'tet-nguyen-dan': { vi: 'Tết Âm lịch (Tết Nguyên đán)', en: 'Lunar New Year (Tết)' },
  'gio-to-hung-vuong': { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: "Hùng Kings' Commemoration (10th day of the 3rd lunar month)" },
  'chien-thang': { vi: 'Ngày Chiến thắng (30/4)', en: 'Victory Day (30 April)' },
  'quoc-te-lao-dong': { vi: 'Ngày Quốc tế lao động (1/5)', en: "International Workers' Day (1 May)" },
  'quoc-khanh': { vi: 'Quốc khánh (2/9)', en: 'National Day (2 September)' },
  'nghi-bu': { vi: 'Nghỉ bù (ngày lễ trùng ngày nghỉ hằng tuần)', en: 'Day off in lieu (a holiday fell on a weekly day off)' },
};

/** ISO weekday, 1 = Monday … 7 = Sunday, computed in UTC so the host's time zone never shifts a date. */
export function isoWeekday(date: string): number {
  const d = parseDate(date);
  if (!d) throw new RangeError(`not a calendar date: ${date}`);
  const day = new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay();
  return day === 0 ? 7 : day;
}

function shift(date: string, days: number): string {
  return formatDate(addDays(parseDate(date)!, days));
}

const WEEKEND = new Set([6, 7]);

/**
 * The public holidays of `year`, with days off in lieu, sorted by date. Outside 2018–2030 only the solar-date
 * holidays are known (no lunar dates): see `VIETNAM_HOLIDAY_YEARS`.
 */
export function vietnamHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw badArgument('year', 'index');
  const newCode = year >= 2021;
  const code = newCode ? 'Bộ luật Lao động 2019 Điều 112 khoản 1' : 'Bộ luật Lao động 2012 Điều 115 khoản 1';
  const lieuBasis = newCode ? 'Bộ luật Lao động 2019 Điều 111 khoản 3' : 'Bộ luật Lao động 2012 Điều 115 khoản 3';
  const y = String(year).padStart(4, '0');
  const base: Holiday[] = [];
  const add = (date: string, kind: HolidayKind, approximate = false) => base.push({ date, kind, name: NAMES[kind], basis: code, ...(approximate ? { approximate } : {}) });
  add(`${y}-01-01`, 'tet-duong-lich');
  const lunar = LUNAR_DATES[year];
  if (lunar) {
    for (let i = -1; i <= 3; i++) add(shift(lunar.tet, i), 'tet-nguyen-dan', true);
    add(lunar.gioTo, 'gio-to-hung-vuong');
  }
  add(`${y}-04-30`, 'chien-thang');
  add(`${y}-05-01`, 'quoc-te-lao-dong');
  add(`${y}-09-02`, 'quoc-khanh');
  if (newCode) {
    const wd = isoWeekday(`${y}-09-02`);
    // The adjacent weekday that joins a weekend; for a Wednesday (no such day) the day before.
    add(wd === 1 || wd === 4 || wd === 7 ? `${y}-09-03` : `${y}-09-01`, 'quoc-khanh', true);
  }
  base.sort((a, b) => a.date.localeCompare(b.date));
  const taken = new Set(base.map((h) => h.date));
  const out: Holiday[] = [];
  for (const h of base) {
    out.push(h);
    if (!WEEKEND.has(isoWeekday(h.date))) continue;
    // In lieu: the next day that is neither a weekly day off nor already a holiday or a day in lieu.
    let next = shift(h.date, 1);
    while (WEEKEND.has(isoWeekday(next)) || taken.has(next)) next = shift(next, 1);
    taken.add(next);
    out.push({ date: next, kind: 'nghi-bu', name: NAMES['nghi-bu'], basis: lieuBasis, ...(h.approximate ? { approximate: true } : {}) });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
