/** ISO dates (YYYY-MM-DD) in the reports: the one check, and the one dd/mm/yyyy formatter. */
import { KiemdiemError } from '@kiemdiem/rules';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date as YYYY-MM-DD, as a UTC Date (a PDF's fixed creation date); throws `invalid-subject`. */
export function isoDate(date: string): Date {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!ISO_DATE.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new KiemdiemError('invalid-subject', `date: "${date}" (YYYY-MM-DD)`);
  }
  return parsed;
}

/** "2026-02-03" → "03/02/2026": the parts as written, reordered. */
export function ddmmyyyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
