import { describe, expect, it } from 'vitest';
import { addDays, parseDate, periodBounds, wholeMonthsBetween } from './dates';

const d = (s: string) => parseDate(s)!;

describe('parseDate', () => {
  it('accepts real calendar dates and rejects impossible or malformed ones', () => {
    expect(parseDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('15/03/2026')).toBeNull();
    expect(parseDate('2026-3-5')).toBeNull();
    expect(parseDate(20260305)).toBeNull();
  });
});

describe('wholeMonthsBetween', () => {
  it('counts a month only when the same day-of-month is reached', () => {
    expect(wholeMonthsBetween(d('2026-07-01'), d('2027-01-01'))).toBe(6);
    expect(wholeMonthsBetween(d('2026-07-02'), d('2027-01-01'))).toBe(5);
    expect(wholeMonthsBetween(d('2026-01-15'), d('2026-01-14'))).toBe(0);
  });
  it('lands month-end starts on the last day of shorter months', () => {
    expect(wholeMonthsBetween(d('2026-08-31'), d('2027-02-28'))).toBe(6);
    expect(wholeMonthsBetween(d('2026-08-31'), d('2027-02-27'))).toBe(5);
  });
});

describe('periodBounds', () => {
  it('gives the year and each quarter', () => {
    expect(periodBounds({ year: 2026 })).toEqual({ start: d('2026-01-01'), end: d('2026-12-31') });
    expect(periodBounds({ year: 2026, quarter: 1 }).end).toEqual(d('2026-03-31'));
    expect(periodBounds({ year: 2026, quarter: 2 })).toEqual({ start: d('2026-04-01'), end: d('2026-06-30') });
    expect(periodBounds({ year: 2026, quarter: 3 }).end).toEqual(d('2026-09-30'));
  });
  it('steps over year ends', () => {
    expect(addDays(d('2026-12-31'), 1)).toEqual(d('2027-01-01'));
  });
});
