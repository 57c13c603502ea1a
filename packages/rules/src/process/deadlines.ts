/** Dates and lengths: deadlines relative to the review year, meeting lengths, and when each member got the draft. */
import { badArgument, isObject, optionsOf } from '../args';
import { addDays, formatDate, parseDate } from '../dates';
import { REVIEW_YEAR_DATE } from './checks';
import type { PlanDocument, PlanMeeting } from './types';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from './working-days';

/** "Y-12-31" → "2026-12-31", "Y+1-02-01" → "2027-02-01" for the 2026 review. */
export function resolveReviewYearDate(value: string, year: number): string {
  if (typeof value !== 'string' || !Number.isInteger(year)) throw badArgument('value', 'string');
  const m = REVIEW_YEAR_DATE.exec(value);
  if (!m) throw new RangeError(`not a review-year date: ${value}`);
  return `${String(year + (m[1] ? 1 : 0)).padStart(4, '0')}-${m[2]}-${m[3]}`;
}

/** Whether `date` misses a deadline: with `inclusive`, the deadline day itself is still in time. */
export function isLate(date: string, deadline: string, inclusive: boolean): boolean {
  return inclusive ? date > deadline : date >= deadline;
}

/**
 * A meeting's length in days: `days` when given; else the calendar days from `date` to `endDate`; else
 * (end − start) hours over `hoursPerDay`; else one day.
 */
export function meetingDays(meeting: PlanMeeting, hoursPerDay: number): number {
  if (meeting.days !== undefined) return meeting.days;
  if (meeting.endDate !== undefined && meeting.endDate !== meeting.date) {
    let n = 1;
    for (let d = parseDate(meeting.date)!; formatDate(d) < meeting.endDate; d = addDays(d, 1)) n += 1;
    return n;
  }
  if (meeting.start !== undefined && meeting.end !== undefined) {
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    return (minutes(meeting.end) - minutes(meeting.start)) / 60 / hoursPerDay;
  }
  return 1;
}

/** The last day a draft can be sent and still leave `minWorkingDays` whole working days before the meeting. */
export function latestSendDate(meetingDate: string, minWorkingDays: number, calendar: WorkingCalendar): string {
  if (minWorkingDays <= 0) return meetingDate;
  return formatDate(addDays(parseDate(addWorkingDays(meetingDate, -minWorkingDays, calendar))!, -1));
}

export interface DraftReceipt {
  /** An attendee id, or "*" for "everyone" when the plan lists no attendees. */
  recipient: string;
  /** When the first draft reached them, if ever. */
  sentOn?: string;
  /** Whole working days between then and the meeting. */
  workingDays?: number;
}

/**
 * When each member first got the draft collective report. Without attendees, each recipient named on a draft
 * (and "*" for drafts sent to everyone) stands for the members.
 */
export function draftReceipts(meeting: PlanMeeting, drafts: readonly PlanDocument[], calendar: WorkingCalendar): DraftReceipt[] {
  const everyone = drafts.filter((d) => d.recipients === undefined);
  const keys = meeting.attendees ?? [...new Set([...(everyone.length ? ['*'] : []), ...drafts.flatMap((d) => d.recipients ?? [])])];
  return keys.map((recipient) => {
    const covering = drafts.filter((d) => d.recipients === undefined || d.recipients.includes(recipient));
    const first = covering.reduce<string | undefined>((min, d) => (min === undefined || d.sentOn < min ? d.sentOn : min), undefined);
    return first === undefined ? { recipient } : { recipient, sentOn: first, workingDays: workingDaysBetween(first, meeting.date, calendar) };
  });
}
