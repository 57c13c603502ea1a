/**
 * Dates that cannot be true together: a birth date after the document is signed (or a member younger than the
 * Party Charter allows), a review year the document date does not belong to. Forms name these fields the same
 * way (header.date, header.year or period.year and period.quarter, identity.birthDate or member.birthDate);
 * a check runs only where the form has both fields and both values are well-formed (the schema reports the rest).
 */
import type { FormLocale } from './locales';
import type { JsonSchema } from './model';
import { fieldLabel, getAt, nodeAt } from './schema-tools';
import type { FormIssue } from './validate';

const DOCUMENT_DATE = '/header/date';
const YEARS = ['/header/year', '/period/year'];
const QUARTER = '/period/quarter';
const BIRTH_DATES = ['/identity/birthDate', '/member/birthDate'];

/** Party Charter (Điều lệ Đảng) Article 1: party members are Vietnamese citizens aged 18 or over. */
export const MIN_MEMBER_AGE = 18;

/**
 * A year's review may be written up in that year or the next (year-end reviews run into the first months of the
 * next year; HD 43 merges Q4 into the year-end review). The period starts on 1 January, or on the first day of
 * its quarter.
 */
function periodWindow(year: number, quarter: number | undefined): { from: string; until: string } {
  const month = quarter === undefined ? 1 : 3 * quarter - 2;
  return { from: `${pad(year, 4)}-${pad(month, 2)}-01`, until: `${pad(year + 1, 4)}-12-31` };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A real calendar date as YYYY-MM-DD, or undefined. */
function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  t.setUTCFullYear(y);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? value : undefined;
}

/** The date `years` years after an ISO date (29 February to 28 February in a common year). */
function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  return `${pad(target, 4)}-${pad(m, 2)}-${pad(m === 2 && d === 29 && !leap ? 28 : d, 2)}`;
}

export function checkDates(root: JsonSchema, doc: unknown, loc: FormLocale): FormIssue[] {
  const msg = loc.messages;
  const label = (p: string) => fieldLabel(root, p, loc);
  const has = (p: string) => nodeAt(root, p) !== undefined;
  const issues: FormIssue[] = [];
  const date = has(DOCUMENT_DATE) ? isoDate(getAt(doc, DOCUMENT_DATE)) : undefined;
  const yearAt = YEARS.find(has);
  const year = yearAt ? getAt(doc, yearAt) : undefined;
  const reviewYear = typeof year === 'number' && Number.isInteger(year) ? year : undefined;
  const q = has(QUARTER) ? getAt(doc, QUARTER) : undefined;
  const quarter = typeof q === 'number' && Number.isInteger(q) && q >= 1 && q <= 4 ? q : undefined;

  if (date && reviewYear !== undefined && yearAt) {
    const { from, until } = periodWindow(reviewYear, quarter);
    if (date < from || date > until) issues.push({ path: yearAt, code: 'year-mismatch', message: msg.yearMismatch(label(yearAt), reviewYear, label(DOCUMENT_DATE), date, from, until) });
  }
  for (const at of BIRTH_DATES.filter(has)) {
    const birth = isoDate(getAt(doc, at));
    if (!birth) continue;
    if (date) {
      if (birth > date) issues.push({ path: at, code: 'impossible-date', message: msg.birthAfterDocument(label(at), birth, label(DOCUMENT_DATE), date) });
      else if (addYears(birth, MIN_MEMBER_AGE) > date)
        issues.push({ path: at, code: 'impossible-date', message: msg.underAge(label(at), birth, label(DOCUMENT_DATE), date, MIN_MEMBER_AGE) });
    } else if (reviewYear !== undefined && yearAt && Number(birth.slice(0, 4)) > reviewYear)
      issues.push({ path: at, code: 'impossible-date', message: msg.birthAfterYear(label(at), birth, label(yearAt), reviewYear) });
  }
  return issues;
}
