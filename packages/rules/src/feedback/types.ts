/** Feedback records: one comment on a person or collective under review, with its answer. Field names are a contract. */
import type { Kind } from '../types';

/**
 * Where a comment came from:
 * - `phieu-gop-y`: a feedback form before the review (QĐ 366 Điều 7 khoản 1, Điều 17 item 7; form `ref/phieu-gop-y`) [V for the duty];
 * - `nhan-xet-noi-cu-tru`: the residence party cell's comment on a working member (QĐ 213-QĐ/TW Điều 4; form `ref/nhan-xet-noi-cu-tru`) [V2];
 * - `truoc-nhan-dan`: self-criticism before the people (tự phê bình trước quần chúng nhân dân): local practice, no national rule (templates-and-format.md §4.1) [U];
 * - `hoi-nghi`: a comment made at the review meeting itself (recorded in the minutes);
 * - `khac`: anything else.
 */
export type FeedbackSource = 'phieu-gop-y' | 'nhan-xet-noi-cu-tru' | 'truoc-nhan-dan' | 'hoi-nghi' | 'khac';
export const FEEDBACK_SOURCES: readonly FeedbackSource[] = ['phieu-gop-y', 'nhan-xet-noi-cu-tru', 'truoc-nhan-dan', 'hoi-nghi', 'khac'];

/** The person or collective a comment (or a remediation plan) concerns: the subject id used when rating. */
export interface RecordTarget {
  kind: Kind;
  id: string;
  name?: string;
}

/**
 * How a comment was answered: taken on board (`tiep-thu`) or explained (`giai-trinh`, which feeds section IV
 * "Giải trình" or V of the review forms, templates-and-format.md §4.3).
 */
export type FeedbackResponseKind = 'tiep-thu' | 'giai-trinh';
export const FEEDBACK_RESPONSE_KINDS: readonly FeedbackResponseKind[] = ['tiep-thu', 'giai-trinh'];

export interface FeedbackResponse {
  kind: FeedbackResponseKind;
  text: string;
  /** YYYY-MM-DD */
  date?: string;
  /** Who answered (the person, or the body for a collective). */
  by?: string;
}

export interface FeedbackRecord {
  id: string;
  source: FeedbackSource;
  /** A category id of the list in use (default: DEFAULT_FEEDBACK_CATEGORIES). */
  category: string;
  target: RecordTarget;
  /** Unit id for roll-ups; without it the unit of the target's result is used. */
  unit?: string;
  /** Review year the comment was gathered for. */
  year?: number;
  /** YYYY-MM-DD */
  date?: string;
  /** The comment itself. */
  content?: string;
  /** Who gave it; may be left out (the feedback form allows anonymous comments). */
  from?: string;
  /** The answer or explanation; absent while unanswered. */
  response?: FeedbackResponse;
  /** Free host data, carried through untouched. */
  meta?: Record<string, unknown>;
}
