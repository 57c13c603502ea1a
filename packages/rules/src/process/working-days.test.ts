import { afterEach, describe, expect, it } from 'vitest';
import { KiemdiemError } from '../errors';
import { isoWeekday, LUNAR_DATES, vietnamHolidays, VIETNAM_HOLIDAY_YEARS } from './vietnam-holidays';
import { addWorkingDays, calendarCovers, extendCalendar, isWorkingDay, VIETNAM_CALENDAR, workingDaysBetween, type WorkingCalendar } from './working-days';

// An independent lunar-calendar computation (Hồ Ngọc Đức's published method, time zone UTC+7), used only to
// check the explicit dates in LUNAR_DATES: written from the method's description, not from that table.
const INT = Math.floor;
function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = INT((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  return dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
}
function jdToIso(jd: number): string {
  const a = jd + 32044;
  const b = INT((4 * a + 3) / 146097);
  const c = a - INT((b * 146097) / 4);
  const d = INT((4 * c + 3) / 1461);
  const e = c - INT((1461 * d) / 4);
  const m = INT((5 * e + 2) / 153);
  const day = e - INT((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * INT(m / 10);
  const year = b * 100 + d - 4800 + INT(m / 10);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr) - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr)) - 0.0074 * Math.sin(dr * (M - Mpr));
  c1 = c1 + 0.0004 * Math.sin(dr * (2 * F + M)) - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltat = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltat;
}
function sunLongitudeSector(jdn: number): number {
  const T = (jdn - 0.5 - 7 / 24 - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  const DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M) + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= Math.PI * 2 * INT(L / (Math.PI * 2));
  return INT((L / Math.PI) * 6);
}
const newMoonDay = (k: number) => INT(newMoon(k) + 0.5 + 7 / 24);
function lunarMonth11(yy: number): number {
  const k = INT((jdFromDate(31, 12, yy) - 2415021) / 29.530588853);
  const nm = newMoonDay(k);
  return sunLongitudeSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}
function leapMonthOffset(a11: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}
/** Solar date of lunar day/month (not a leap month) of lunar year `yy`. */
function lunarToSolar(day: number, month: number, yy: number): string {
  const a11 = lunarMonth11(yy - 1);
  const b11 = lunarMonth11(yy);
  const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365 && off >= leapMonthOffset(a11)) off += 1;
  return jdToIso(newMoonDay(k + off) + day - 1);
}

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

describe('Vietnamese public holidays', () => {
  it('lists Tết and Giỗ Tổ for every covered year, matching an independent lunar computation', () => {
    for (let y = VIETNAM_HOLIDAY_YEARS.from; y <= VIETNAM_HOLIDAY_YEARS.to; y++) {
      expect(LUNAR_DATES[y], String(y)).toEqual({ tet: lunarToSolar(1, 1, y), gioTo: lunarToSolar(10, 3, y) });
    }
    // Known anchors, including 2030, when Vietnam (UTC+7) greets the new year a day before China (UTC+8).
    expect(LUNAR_DATES[2026]).toEqual({ tet: '2026-02-17', gioTo: '2026-04-26' });
    expect(LUNAR_DATES[2030]!.tet).toBe('2030-02-02');
  });

  it('gives the 2026 days off: 1/1, five days of Tết, Giỗ Tổ with its day in lieu, 30/4, 1/5 and two days of Quốc khánh', () => {
    const days = vietnamHolidays(2026).map((h) => `${h.date} ${h.kind}`);
    expect(days).toEqual([
      '2026-01-01 tet-duong-lich',
      '2026-02-16 tet-nguyen-dan',
      '2026-02-17 tet-nguyen-dan',
      '2026-02-18 tet-nguyen-dan',
      '2026-02-19 tet-nguyen-dan',
      '2026-02-20 tet-nguyen-dan',
      '2026-04-26 gio-to-hung-vuong',
      '2026-04-27 nghi-bu', // 26/4/2026 is a Sunday
      '2026-04-30 chien-thang',
      '2026-05-01 quoc-te-lao-dong',
      '2026-09-01 quoc-khanh',
      '2026-09-02 quoc-khanh',
    ]);
    expect(vietnamHolidays(2026).find((h) => h.kind === 'tet-nguyen-dan')!.approximate).toBe(true);
  });

  it('adds a day in lieu after each holiday on a weekend, skipping other holidays (2023: 29/4 Sat, 30/4 Sun, 1/5 Mon)', () => {
    const may = vietnamHolidays(2023).filter((h) => h.date >= '2023-04-29' && h.date <= '2023-05-05').map((h) => `${h.date} ${h.kind}`);
    expect(may).toEqual(['2023-04-29 gio-to-hung-vuong', '2023-04-30 chien-thang', '2023-05-01 quoc-te-lao-dong', '2023-05-02 nghi-bu', '2023-05-03 nghi-bu']);
  });

  it('gives Quốc khánh one day until 2020 (Labour Code 2012) and two from 2021, matching 2021–2025 announcements', () => {
    const nationalDay = (y: number) => vietnamHolidays(y).filter((h) => h.kind === 'quoc-khanh').map((h) => h.date);
    expect(nationalDay(2019)).toEqual(['2019-09-02']);
    expect(nationalDay(2020)).toEqual(['2020-09-02']);
    expect(nationalDay(2021)).toEqual(['2021-09-02', '2021-09-03']);
    expect(nationalDay(2022)).toEqual(['2022-09-01', '2022-09-02']);
    expect(nationalDay(2023)).toEqual(['2023-09-01', '2023-09-02']);
    expect(nationalDay(2024)).toEqual(['2024-09-02', '2024-09-03']);
    expect(nationalDay(2025)).toEqual(['2025-09-01', '2025-09-02']);
    expect(vietnamHolidays(2023).some((h) => h.date === '2023-09-04' && h.kind === 'nghi-bu')).toBe(true);
    expect(vietnamHolidays(2020)[0]!.basis).toMatch(/2012/);
    expect(vietnamHolidays(2021)[0]!.basis).toMatch(/2019 Điều 112/);
  });

  it('knows only the solar holidays outside 2018–2030', () => {
    expect(vietnamHolidays(2031).map((h) => h.kind)).not.toContain('tet-nguyen-dan');
    expect(vietnamHolidays(2031).map((h) => h.date)).toContain('2031-04-30');
  });
});

describe('isWorkingDay', () => {
  it('is false on weekends and holidays, true on ordinary weekdays', () => {
    expect(isWorkingDay('2026-12-04')).toBe(true); // Friday
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-06')).toBe(false); // Sunday
    expect(isWorkingDay('2027-01-01')).toBe(false); // Tết Dương lịch, a Friday
    expect(isWorkingDay('2026-02-18')).toBe(false); // Tết Nguyên đán
    expect(isWorkingDay('2026-04-27')).toBe(false); // in lieu of Giỗ Tổ on Sunday
    expect(isWorkingDay('2026-09-01')).toBe(false);
  });

  it('treats a listed make-up day as a working day even on a Saturday or a holiday', () => {
    const calendar = extendCalendar(VIETNAM_CALENDAR, { workingDays: ['2026-12-05', '2027-01-01'], holidays: ['2026-12-07'] });
    expect(isWorkingDay('2026-12-05', calendar)).toBe(true);
    expect(isWorkingDay('2027-01-01', calendar)).toBe(true);
    expect(isWorkingDay('2026-12-07', calendar)).toBe(false);
    expect(isWorkingDay('2026-12-07')).toBe(true); // the default calendar is not changed
  });

  it('takes a host calendar: other weekly days off, other holidays', () => {
    const sixDays: WorkingCalendar = { weekend: [7], holidays: [{ date: '2026-12-24', kind: 'nghi-bu', name: { vi: 'Nghỉ', en: 'Off' }, basis: 'host' }] };
    expect(isWorkingDay('2026-12-05', sixDays)).toBe(true);
    expect(isWorkingDay('2026-12-24', sixDays)).toBe(false);
    expect(isWorkingDay('2027-01-01', sixDays)).toBe(true); // not in this calendar's list
  });

  it('does not depend on the host time zone', () => {
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'UTC']) {
      process.env.TZ = tz;
      expect(isoWeekday('2026-12-31'), tz).toBe(4);
      expect(isWorkingDay('2026-12-31'), tz).toBe(true);
      expect(addWorkingDays('2026-12-31', 1), tz).toBe('2027-01-04');
    }
  });

  it('rejects malformed dates and calendars with KiemdiemError', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(KiemdiemError);
    expect(() => isWorkingDay('2026/12/01')).toThrow(/YYYY-MM-DD/);
    expect(() => isWorkingDay('2026-12-01', { weekend: [1, 2, 3, 4, 5, 6, 7] })).toThrow(/at least one working weekday/);
    expect(() => isWorkingDay('2026-12-01', { weekend: [0] })).toThrow(/1–7/);
    expect(() => isWorkingDay('2026-12-01', { holidays: ['31/12/2026'] })).toThrow(/calendar\.holidays/);
  });
});

describe('addWorkingDays', () => {
  it('skips weekends: Friday + 1 is Monday, Monday − 1 is Friday, + 0 is the same day', () => {
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-07', -1)).toBe('2026-12-04');
    expect(addWorkingDays('2026-12-05', 0)).toBe('2026-12-05');
    expect(addWorkingDays('2026-12-01', 5)).toBe('2026-12-08');
  });

  it('crosses the year end: 31/12 + 1 skips Tết Dương lịch and the weekend', () => {
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(addWorkingDays('2027-01-04', -1)).toBe('2026-12-31');
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-02'); // 1/1/2026 is a Thursday
  });

  it('skips Tết: the working day after Friday 13/2/2026 is Monday 23/2/2026', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
  });

  it('rejects fractional and huge counts', () => {
    expect(() => addWorkingDays('2026-12-01', 1.5)).toThrow(KiemdiemError);
    expect(() => addWorkingDays('2026-12-01', 1e9)).toThrow(KiemdiemError);
  });
});

describe('workingDaysBetween', () => {
  it('counts whole working days strictly between the two dates', () => {
    expect(workingDaysBetween('2026-12-01', '2026-12-07')).toBe(3); // Tue → Mon: Wed, Thu, Fri
    expect(workingDaysBetween('2026-12-02', '2026-12-07')).toBe(2);
    expect(workingDaysBetween('2026-12-07', '2026-12-07')).toBe(0);
    expect(workingDaysBetween('2026-12-07', '2026-12-08')).toBe(0);
    expect(workingDaysBetween('2026-12-07', '2026-12-01')).toBe(-3);
  });

  it('leaves holidays out, across the year end and across Tết', () => {
    expect(workingDaysBetween('2026-12-29', '2027-01-05')).toBe(3); // Wed 30, Thu 31, (Fri 1/1 off), Mon 4
    expect(workingDaysBetween('2026-12-30', '2027-01-05')).toBe(2);
    expect(workingDaysBetween('2026-02-12', '2026-02-24')).toBe(2); // Fri 13, Mon 23; 16–20/2 is Tết
  });

  it('agrees with addWorkingDays: n working days after d leaves n − 1 between them', () => {
    for (const start of ['2026-12-01', '2026-12-24', '2027-01-29', '2026-02-11', '2023-04-27']) {
      for (const n of [1, 2, 3, 5, 10]) expect(workingDaysBetween(start, addWorkingDays(start, n)), `${start} + ${n}`).toBe(n - 1);
    }
  });

  it('says which years the holiday list covers', () => {
    expect(calendarCovers('2030-12-31')).toBe(true);
    expect(calendarCovers('2031-01-02')).toBe(false);
    expect(calendarCovers('2017-12-01')).toBe(false);
    expect(calendarCovers('2040-01-01', { weekend: [6, 7] })).toBe(true);
  });
});
